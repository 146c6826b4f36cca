// SPDX-License-Identifier: MIT
#pragma once

// The live cell graph: the currently derived normal and reduction cells as Graphviz drawings.
// Graphviz is not thread-safe and runs on the studio's renderer thread, so this view never calls
// it: it emits the DOT it wants drawn (renderRequested) and shows what comes back (setRendered).

#include "sparsenas/base/genotype.h"

#include <QByteArray>
#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class QAction;
class QBoxLayout;
class QDoubleSpinBox;
class QLabel;
class QToolButton;

namespace sparsenas {

class SvgView;

/// What the studio's drawings add to DotStyle (the core's DOT writer does not do these): the
/// live view and the export dialog draw through cellDrawingDot / genotypeDrawingDot.
struct CellDrawing
{
    /// One edge per pair of nodes, its operations (and weights) listed in its label, instead of
    /// one edge per operation: for cells with many paths.
    bool merge = false;
    /// A legend of the operations drawn: their colours, or their line styles in monochrome.
    bool legend = false;
    /// Black on white for print: grey fills, black text, the operations told apart by line style
    /// (and their labels) instead of colour.
    bool monochrome = false;
    /// Paths with |A| below this are not drawn (0: every path); the highlighted path always is.
    float minAbs = 0.0f;
    /// With merge: at most this many operations are listed on an edge, strongest first, then
    /// "+N more" (0: all of them).
    int mergedLines = 0;
};

/// A weight as the diagrams write it: fixed notation with `decimals` decimals and its sign; a
/// non-zero weight that would round to zero is written in scientific notation instead (5.8e-04
/// at 2 decimals), so that no kept path reads 0.00 (the core's DOT writer does the same).
QString diagramWeight(float weight, int decimals);
/// True when diagramWeight writes `weight` in scientific notation at `decimals`.
bool needsScientific(float weight, int decimals);
/// The fewest decimals (up to 9) at which every weight of `weights` is written in fixed notation.
int decimalsForFixed(const std::vector<float> &weights);

/// How monochrome drawings tell an operation apart: a Graphviz line style and a grey.
struct MonochromeLine
{
    const char *style; ///< "solid", "dashed", "dotted"
    const char *color; ///< "#000000" or a grey
};
MonochromeLine monochromeLine(const std::string &op);
/// `style` in black and greys (fills, edge colour), colours by operation off.
DotStyle monochromeStyle(DotStyle style);

/// One cell as DOT, as cellToDot draws it plus what `drawing` asks. `shown` (optional) receives
/// the number of paths drawn (after the threshold), `hidden` the number left out by it.
QString cellDrawingDot(const CellGenotype &cell, const DotStyle &style, const CellWeights *supernet,
                       const CellDrawing &drawing, int *shown = nullptr, int *hidden = nullptr);
/// All cells of `genotype` in one drawing (genotypeToDot plus `drawing`).
QString genotypeDrawingDot(const Genotype &genotype, const DotStyle &style,
                           const CellDrawing &drawing);

class CellGraphView : public QWidget
{
    Q_OBJECT
public:
    explicit CellGraphView(QWidget *parent = nullptr);
    ~CellGraphView() override;

    /// The supernet's current architecture weights, one entry per cell type (normal, reduce).
    /// Derives each cell (deriveCell), updates its summary line and, when the cell's DOT differs
    /// from the last one requested for that cell type, emits renderRequested. A cell type that
    /// no longer appears is removed from the view.
    void setCells(const std::vector<CellWeights> &weights);
    /// Forgets the cells; the panes show the waiting message again.
    void clear();

    /// The genotype derived from the last setCells (cells in the order given).
    Genotype genotype() const;
    /// The weights of the last setCells.
    const std::vector<CellWeights> &weights() const { return m_weights; }

    /// The drawing style. Its highlight fields apply to the cell type named by highlightEdge()
    /// (to every cell when set through setStyle()).
    const DotStyle &style() const { return m_style; }
    /// Replaces the style, updates the tool row's check boxes and re-requests what changed.
    void setStyle(const DotStyle &style);
    /// What the view draws beyond the style (merged edges, a threshold on |A|); the tool row
    /// edits it. By default edges are merged (two operations listed per edge) and every path
    /// is drawn.
    const CellDrawing &drawing() const { return m_drawing; }
    /// Replaces it, updates the tool row and re-requests what changed.
    void setDrawing(const CellDrawing &drawing);
    /// Draws every path again, one edge each (threshold 0, nothing merged).
    void showAllPaths();
    /// The paths of `cellType` that the threshold leaves out (0 if none, or unknown cell).
    int hiddenPaths(const QString &cellType) const;

    /// The SVG shown for `cellType` (empty before the first rendering or after an error).
    QByteArray svg(const QString &cellType) const;
    /// The DOT last requested for `cellType` (empty if none).
    QString lastDot(const QString &cellType) const;
    /// The newest request id for `cellType`; 0 if none.
    quint64 newestRequest(const QString &cellType) const;
    /// The summary line of `cellType` ("3 of 4 nodes, 6 paths"); empty if the cell is unknown.
    QString summary(const QString &cellType) const;

    /// Writes the drawings of all cells, side by side under their titles, as one image; the
    /// format follows the suffix. ".svg" keeps the Graphviz drawings as vector graphics (copied
    /// into one document, see SvgView::composeSvg); ".pdf" is vector too; ".png" is twice the
    /// drawing's natural size. Returns false and sets *error (translated, names the file) when
    /// there is nothing drawn yet or the file cannot be written.
    bool exportImage(const QString &path, QString *error);

public Q_SLOTS:
    /// The renderer's answer to renderRequested. Results older than the newest request for that
    /// cell type are stale and dropped. A non-empty `error` is shown in place of the drawing.
    void setRendered(quint64 requestId, const QString &cellType, const QByteArray &svg,
                     const QString &error);
    /// Emphasises path `op` (column of the cell's CellWeights::ops) on `edge` (edge index of
    /// genotype.h) of `cellType`; op -1 picks the edge's strongest path (largest |A|); edge -1
    /// clears the highlight. Only the one cell type shows it.
    void highlightEdge(const QString &cellType, int edge, int op);
    /// Moves the view out of its dock into a window of its own (the dock floats, sized for
    /// the screen), or back; nothing when the view is not in a dock.
    void togglePopOut();

Q_SIGNALS:
    /// Asks the renderer thread for an SVG of `dot`; answer with setRendered(requestId, ...).
    /// Request ids increase over the view's lifetime.
    void renderRequested(quint64 requestId, const QString &cellType, const QString &dot);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Pane;
    Pane *pane(const QString &cellType) const;
    Pane *ensurePane(const QString &cellType);
    DotStyle styleFor(const QString &cellType) const;
    void requestAll();
    void request(Pane &pane);
    void updateSummary(Pane &pane);
    void updateOrientation();
    void optionsChanged();
    void syncTools();
    void attachToDock();
    void floatingChanged(bool floating);

    std::vector<std::unique_ptr<Pane>> m_panes;
    std::vector<CellWeights> m_weights;
    DotStyle m_style;
    QString m_highlightCell; ///< cell type the highlight applies to; empty: all
    quint64 m_nextRequest = 0;
    CellDrawing m_drawing;
    QAction *m_showWeights;
    QAction *m_showDead;
    QAction *m_merge;
    QDoubleSpinBox *m_minAbs;
    QToolButton *m_popOut;
    QBoxLayout *m_panesLayout;
};

/// "Normal cell", "Reduction cell" or "<type> cell", translated.
QString cellTitle(const QString &cellType);

} // namespace sparsenas
