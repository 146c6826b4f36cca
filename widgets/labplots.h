// SPDX-License-Identifier: MIT
#pragma once

// The teaching lab's plots (Help ▸ / Lab ▸ Prox explorer). They only draw: every number they
// show is handed to them, computed by the core's prox operators and optimizers
// (sparsenas/proxlab.h) in app/studio/labwindow.cpp. Each has a normal and a presentation
// style (a projector: larger fonts, thicker lines, high-contrast colours).

#include "plotexport.h" // qcustomplot.h with the keywords mapped

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace sparsenas {

/// The lab's drawing style.
struct LabStyle
{
    bool presentation = false;
    /// How much larger presentation draws: 1.8 on a 1080-pixel-high screen, less on a smaller
    /// one (LabWindow sets it from the screen), where text would squeeze the plots.
    double scale = 1.8;
    /// Fonts are the application's times this.
    double fontScale() const { return presentation ? scale : 1.0; }
    /// The width of data lines in pixels.
    double lineWidth() const { return presentation ? std::max(2.5, 2.2 * scale) : 1.8; }
    /// Marker sizes are their normal size times this.
    double markerScale() const { return presentation ? scale : 1.0; }
    /// A colour per group (cycles): a colour-blind-safe set (Okabe and Ito), darker and more
    /// saturated in presentation.
    QColor groupColor(int group) const;
    /// Fonts, axes and grid of `plot` in this style (`base` is the normal font).
    void apply(QCustomPlot *plot, const QFont &base) const;
};

/// One proximal operator applied to a grouped vector: the vector before (outlined bars) and
/// after (filled, in its group's colour), a separator between groups, and every element that
/// is exactly zero after the step marked on the axis. Hover for the values.
class ProxBarsPlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit ProxBarsPlot(const QString &title, QWidget *parent = nullptr);

    /// `before` and `after` of one step, `group` a group id per element; the value axis spans
    /// [-yRange, yRange].
    void setValues(const std::vector<double> &before, const std::vector<double> &after,
                   const std::vector<int> &group, double yRange);
    /// A line under the title (the thresholds in force).
    void setCaption(const QString &caption);
    QString caption() const;
    void setStyle(const LabStyle &style);

    const std::vector<double> &before() const { return m_before; }
    const std::vector<double> &after() const { return m_after; }
    /// The elements marked as exact zeros after the step.
    int markedZeros() const;
    /// The text the tooltip shows for element `k`.
    QString elementText(int k) const;

protected:
    bool event(QEvent *event) override;

private:
    void rebuild();

    QCPTextElement *m_title = nullptr;
    QCPTextElement *m_caption = nullptr;
    QCPBars *m_beforeBars = nullptr;
    QCPGraph *m_zeros = nullptr;
    std::vector<QCPBars *> m_groupBars;
    std::vector<QCPItemStraightLine *> m_separators;
    std::vector<double> m_before, m_after;
    std::vector<int> m_group;
    double m_yRange = 1;
    LabStyle m_style;
};

/// The 2-D picture: one group of two coefficients. The Lasso, Group Lasso and SGL unit balls,
/// the regions the prox maps to exactly zero (shaded), a point and where one prox step moves
/// it (an arrow). Click or drag to move the point.
class UnitBallPlot : public QCustomPlot
{
    Q_OBJECT

public:
    using Curve = std::vector<std::array<double, 2>>;

    explicit UnitBallPlot(QWidget *parent = nullptr);

    /// The three boundaries; the SGL one for `alpha`.
    void setBalls(const Curve &lasso, const Curve &groupLasso, const Curve &sgl, double alpha);
    /// zeroRegions() codes over [x0, x1] x [y0, y1], nx x ny cells (x fastest).
    void setZeroMap(const std::vector<std::uint8_t> &codes, int nx, int ny, double x0, double x1,
                    double y0, double y1);
    /// The point and its image under one prox step.
    void setStep(double x, double y, double px, double py);
    void setStyle(const LabStyle &style);

    /// The visible coordinate ranges (equal scales on both axes).
    QCPRange visibleX() const { return xAxis->range(); }
    QCPRange visibleY() const { return yAxis->range(); }
    /// Half the height of the visible square around the origin.
    static constexpr double halfRange = 2.0;
    /// The zero map's code at (x, y), -1 outside it.
    int zeroCodeAt(double x, double y) const;
    QCPCurve *lassoCurve() const { return m_lasso; }
    QCPCurve *groupLassoCurve() const { return m_groupLasso; }
    QCPCurve *sglCurve() const { return m_sgl; }

Q_SIGNALS:
    /// The user clicked or dragged the point to (x, y).
    void pointPicked(double x, double y);
    /// The visible ranges changed (the widget was resized): the zero map needs recomputing.
    void viewChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    void fitRanges();
    void pick(const QPointF &pos);

    QCPColorMap *m_zeroMap = nullptr;
    QCPCurve *m_lasso = nullptr;
    QCPCurve *m_groupLasso = nullptr;
    QCPCurve *m_sgl = nullptr;
    QCPGraph *m_point = nullptr;
    QCPGraph *m_image = nullptr;
    QCPItemLine *m_arrow = nullptr;
    std::array<QCPBars *, 3> m_regionKeys{}; ///< legend entries of the shaded regions
    std::vector<std::uint8_t> m_codes;
    int m_nx = 0, m_ny = 0;
    double m_x0 = 0, m_x1 = 0, m_y0 = 0, m_y1 = 0;
    double m_alpha = 0.5;
    LabStyle m_style;
};

/// Optimizers side by side on the same problem: the objective (loss + penalty, log scale) and
/// the number of coefficients exactly zero, against steps.
class SolverRacePlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit SolverRacePlot(QWidget *parent = nullptr);

    void setMethods(const QStringList &names);
    /// Clears the curves; `plantedZeros` is drawn as a reference line, `features` bounds the
    /// zero axis.
    void clearData(int plantedZeros, int features);
    void addPoint(int method, int step, double objective, int zeros);
    void setStyle(const LabStyle &style);

    QCPGraph *objectiveGraph(int method) const { return m_objective.at(size_t(method)); }
    QCPGraph *zerosGraph(int method) const { return m_zeros.at(size_t(method)); }

private:
    QCPAxisRect *m_top = nullptr;
    QCPAxisRect *m_bottom = nullptr;
    QCPLegend *m_legend = nullptr;
    std::vector<QCPGraph *> m_objective, m_zeros;
    QCPItemStraightLine *m_planted = nullptr;
    QCPItemText *m_plantedLabel = nullptr;
    int m_features = 1;
    int m_maxStep = 1;
    LabStyle m_style;
};

/// The regularization path: every coefficient against lambda (log axis, lambda decreasing to
/// the right), coloured by group, with the point where each coefficient becomes nonzero marked,
/// and the lambda in force as a vertical line.
class LabPathPlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit LabPathPlot(QWidget *parent = nullptr);

    /// `coefficients[lambda][feature]`, `entry[feature]` the index of its first nonzero lambda.
    void setPath(const std::vector<double> &lambdas,
                 const std::vector<std::vector<double>> &coefficients,
                 const std::vector<int> &entry, const std::vector<int> &group);
    void setCurrentLambda(double lambda);
    void setStyle(const LabStyle &style);

    int pathCount() const { return int(m_paths.size()); }
    /// The entry markers drawn (one per coefficient that ever becomes nonzero).
    int entryMarkers() const;

private:
    std::vector<QCPGraph *> m_paths;
    QCPGraph *m_entries = nullptr;
    QCPItemStraightLine *m_current = nullptr;
    std::vector<int> m_group;
    LabStyle m_style;
};

} // namespace sparsenas
