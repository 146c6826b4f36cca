// SPDX-License-Identifier: MIT
#pragma once

// Regularization paths, glmnet style: every architecture weight A_ij^o of one cell type (the
// "none" op excluded) against lambda or the search step, coloured by edge or by operation,
// optionally only the paths into one node or on one edge. A path that reaches exactly zero stops
// there, with a cross: that operation has been pruned. The legend has one entry per colour that
// is drawn, no more.

#include "runview.h"

#include <QWidget>

#include <limits>
#include <string>
#include <vector>

class QCPAbstractPlottable;
class QCPCurve;
class QCPGraph;
class QCustomPlot;
class QComboBox;
class QLabel;
class QPushButton;

namespace sparsenas {

class RegPathView : public QWidget, public RunView
{
    Q_OBJECT

public:
    enum class XAxis { Lambda, Step };
    /// What a path's colour says: its edge (edgeColor) or its operation (the diagrams' colour).
    enum class ColorBy { Edge, Op };

    explicit RegPathView(QWidget *parent = nullptr);
    ~RegPathView() override;

    QCustomPlot *plot() const { return m_plot; }
    XAxis xAxisMode() const { return m_xMode; }
    /// The cell type shown ("normal" or "reduce").
    QString cellType() const;
    /// The line of A_(edge)^(op) of the shown cell type; nullptr for the "none" op, an index
    /// out of range, or before the first data of that type.
    QCPCurve *pathCurve(int edge, int op) const;
    /// The end markers (crosses at the first exact zero) of the paths of one colour: an edge
    /// (colour by edge) or an operation column (colour by operation).
    QCPCurve *endMarkers(int group) const;
    ColorBy colorBy() const { return m_colorBy; }
    /// The paths shown: all (both -1), those into intermediate node `filterNode()` (DARTS
    /// number, 2 ..), or those of edge `filterEdge()`.
    int filterNode() const { return m_filterNode; }
    int filterEdge() const { return m_filterEdge; }
    /// Whether the path of `op` on `edge` is drawn under the filter.
    bool isShown(int edge, int op) const;
    int selectedEdge() const { return m_selectedEdge; }
    int selectedOp() const { return m_selectedOp; }
    /// What the hover tooltip says at a pixel of the plot ("edge, op: A = v at λ = x"), or an
    /// empty string when no path is near.
    QString hoverText(const QPointF &pixel) const;

    void addSnapshots(const std::vector<Snapshot> &snapshots) override;
    void addEpoch(const EpochSummary &epoch) override;
    void addEvent(const RunEvent &event) override;
    void clearRun() override;
    bool exportImage(const QString &path, QString *error) override;

    /// In step mode, at most this many snapshots per cell type are kept (evenly thinned).
    static constexpr int maxStepSamples = 1000;

public Q_SLOTS:
    void setCellType(const QString &type);
    void setXAxisMode(sparsenas::RegPathView::XAxis mode);
    void setColorBy(sparsenas::RegPathView::ColorBy colorBy);
    /// Shows every path of the cell type.
    void showAllPaths();
    /// Shows only the paths into intermediate node `node` (DARTS number: 2 is the first).
    void filterToNode(int node);
    /// Shows only the paths on `edge`.
    void filterToEdge(int edge);
    /// Selects a path from outside (another view's selection) without emitting pathSelected.
    /// edge = -1 clears the selection. Switches the cell type when it differs.
    void highlightPath(const QString &cellType, int edge, int op);
    /// Rescales the axes to the data and follows new data again (after a zoom or drag).
    void fitToData();

Q_SIGNALS:
    /// The user clicked a path (edge, op of the cell type), or empty space (edge = op = -1).
    void pathSelected(const QString &cellType, int edge, int op);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Sample
    {
        double step = 0, lambda = 0;
        std::vector<float> weights;
    };
    struct CellPaths
    {
        std::string type;
        int nodes = 0;
        int inputs = 2; ///< 1: the recurrent cell
        std::vector<std::string> ops;
        int noneOp = -1;
        std::vector<Sample> points; ///< lambda mode: epoch ends and mid-epoch lambda changes
        Sample tip;                 ///< the latest snapshot since the last point
        bool hasTip = false;
        Sample latest; ///< the latest snapshot (step mode's moving end)
        bool hasLatest = false;
        std::vector<Sample> steps; ///< step mode: snapshots, thinned to maxStepSamples
        int64_t stride = 1, seen = 0;
        std::vector<double> firstZeroStep; ///< per entry; +inf while never zero
    };
    struct Hit
    {
        int edge = -1, op = -1, index = -1;
        double key = 0, value = 0;
    };

    void setupPlot();
    CellPaths &cellPaths(const CellWeights &w);
    const CellPaths *shownCell() const;
    void noteZeros(CellPaths &cp, const Sample &s);
    void insertPoint(CellPaths &cp, Sample sample, bool replace);
    void ensureCurves();
    void destroyCurves();
    void fillFilterCombo();
    void setFilter(int node, int edge);
    int groupOf(size_t index) const;
    QColor groupColor(int group) const;
    QString groupName(int group) const;
    void updateLegend(const std::vector<bool> &drawn);
    bool fitLegend(int plotHeight);
    void rebuild();
    void applyStyles();
    void dataChanged();
    Hit hitAt(const QPointF &pixel) const;
    void clicked(const QPointF &pixel);

    QCustomPlot *m_plot = nullptr;
    QComboBox *m_cellCombo = nullptr;
    QComboBox *m_xCombo = nullptr;
    QComboBox *m_colorCombo = nullptr;
    QComboBox *m_filterCombo = nullptr;
    QPushButton *m_fitButton = nullptr;
    QLabel *m_selectionLabel = nullptr;

    std::vector<CellPaths> m_cells;
    XAxis m_xMode = XAxis::Lambda;
    bool m_autoFit = true;
    QPointF m_pressPos;

    // The curves of the shown cell type: index edge * ops + op (nullptr for "none").
    std::string m_curvesType;
    int m_curvesNodes = 0;
    int m_curvesInputs = 2;
    /// The cell types to choose from: normal and reduce, or the recurrent space's one.
    void fillCellCombo(bool recurrent);
    std::vector<std::string> m_curvesOps;
    std::vector<QCPCurve *> m_curves;
    std::vector<QCPCurve *> m_markers; ///< per colour group (edge or op)
    /// per colour group: the path (edge * ops + op) of each marker point
    std::vector<std::vector<int>> m_markerPaths;
    std::vector<QCPGraph *> m_legendEntries; ///< per colour group, no data: the swatches
    std::vector<bool> m_legendShown;         ///< per colour group: in the legend now
    ColorBy m_colorBy = ColorBy::Edge;
    int m_filterNode = -1, m_filterEdge = -1;
    int m_selectedEdge = -1, m_selectedOp = -1;
};

} // namespace sparsenas
