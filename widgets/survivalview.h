// SPDX-License-Identifier: MIT
#pragma once

// What survives the sparsification: alive intermediate nodes and alive paths per cell type,
// and the element / group sparsity of A, against fractional epochs or lambda.

#include "runview.h"

#include <QWidget>

#include <array>
#include <vector>

class QCPAxisRect;
class QCPCurve;
class QCustomPlot;
class QComboBox;
class QPushButton;

namespace sparsenas {

class SurvivalView : public QWidget, public RunView
{
    Q_OBJECT

public:
    enum class XAxis { Epoch, Lambda };
    /// The plotted series, in the order of series().
    enum Series {
        NodesNormal,
        NodesReduce,
        PathsNormal,
        PathsReduce,
        ElementSparsity,
        GroupSparsity,
        SeriesCount
    };

    explicit SurvivalView(QWidget *parent = nullptr);
    ~SurvivalView() override;

    QCustomPlot *plot() const { return m_plot; }
    /// The curve of one series (a step-like line through the points where the value changed,
    /// continued to the latest position). Sparsities are in percent.
    QCPCurve *curve(Series series) const { return m_series[size_t(series)].curve; }
    XAxis xAxisMode() const { return m_xMode; }

    void addSnapshots(const std::vector<Snapshot> &snapshots) override;
    void addEpoch(const EpochSummary &epoch) override;
    void addEvent(const RunEvent &event) override;
    void clearRun() override;
    bool exportImage(const QString &path, QString *error) override;

public Q_SLOTS:
    void setXAxisMode(sparsenas::SurvivalView::XAxis mode);
    /// Rescales the axes to the data and follows new data again (after a zoom or drag).
    void fitToData();

private:
    struct Point
    {
        double epochPos, lambda, value;
    };
    struct Line
    {
        QCPCurve *curve = nullptr;
        std::vector<Point> points; ///< where the value changed: (x, old), (x, new)
        Point tail{0, 0, 0};       ///< the latest position
        bool any = false;
        size_t shown = 0; ///< points already in the curve (the tail comes after)
    };
    enum class Source { None, Snapshots, Epochs };

    void setupPlot();
    void append(double epochPos, double lambda, const std::vector<CellSnapshot> &cells,
                double elementSparsity, double groupSparsity);
    void flush(Line &line);
    void rebuild();
    void dataChanged();
    void updateTickSpacing();

    QCustomPlot *m_plot = nullptr;
    QComboBox *m_xCombo = nullptr;
    QPushButton *m_fitButton = nullptr;
    QCPAxisRect *m_nodesRect = nullptr;
    QCPAxisRect *m_pathsRect = nullptr;
    std::array<Line, SeriesCount> m_series;
    XAxis m_xMode = XAxis::Epoch;
    Source m_source = Source::None;
    bool m_autoFit = true;
    bool m_anyPosition = false;
    double m_epochMin = 0, m_epochMax = 0, m_lambdaMin = 0, m_lambdaMax = 0;
    int m_maxNodes = 0, m_maxPaths = 0;
};

} // namespace sparsenas
