// SPDX-License-Identifier: MIT
#pragma once

#include "sparsenas/base/snapshot.h"

#include <QList>
#include <QRectF>
#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

class QPainter;

namespace sparsenas {

/// The painted heatmap widget: the architecture weights A of one cell type as a matrix, one row
/// per edge (edge order of sparsenas/genotype.h, grouped by target node), one column per
/// operation.
///
/// Colours follow divergingColor() centred on zero; the scale is the largest |A| outside the
/// "none" column (the "none" column is drawn muted: it is never a path), or a scale the user
/// locked. Entries that are exactly zero (pruned by the proximal step) get exactZeroColor() with
/// a diagonal hatch, so that 0 and 1e-6 differ at a glance. Rows of edges into a node that
/// derivation removed have a faded label. ArchWeightsView, the dock, holds one per cell type.
class CellHeatmap : public QWidget
{
    Q_OBJECT

public:
    explicit CellHeatmap(QWidget *parent = nullptr);

    /// Shows `cell` (type, nodes, ops, A, alive nodes). An empty CellWeights clears the view.
    void setWeights(const CellSnapshot &cell);
    /// Forgets the weights (draws the "no data" text).
    void clear();
    const CellSnapshot &cell() const { return m_cell; }
    bool hasWeights() const;

    /// The scale in use: the locked scale, or max |A| over the non-"none" columns (0 if none).
    double scale() const;
    /// Locking keeps the current scale when new weights arrive; unlocking follows the data.
    void setScaleLocked(bool locked);
    bool isScaleLocked() const { return m_scaleLocked; }
    /// Locks the colour scale at `maxAbs` (> 0).
    void setFixedScale(double maxAbs);

    /// Writes each entry's value into its cell.
    void setShowValues(bool show);
    bool showValues() const { return m_showValues; }

    /// The entry (edge, op) under `pos` (widget coordinates), or nullopt outside the matrix.
    std::optional<std::pair<int, int>> entryAt(QPoint pos) const;
    /// The rectangle of entry (edge, op) in widget coordinates (empty if out of range).
    QRectF entryRect(int edge, int op) const;
    /// What hovering entry (edge, op) shows: "cₖ₋₁ → 2 · sep_conv_3x3: A = 0.01234", or
    /// "…: exactly 0 (pruned)"; empty if out of range.
    QString toolTipFor(int edge, int op) const;
    /// The highlighted entry, (-1, -1) when none.
    std::pair<int, int> highlight() const { return {m_highlightEdge, m_highlightOp}; }

    /// The row labels as they are drawn in the widget's rectangle: the text's box and the text.
    /// Rows too low for their label's font (8 px at least) get one label per target node
    /// ("→ 2") instead, and none when even that does not fit: labels never overlap.
    QList<std::pair<QRectF, QString>> rowLabels() const;

    /// Paints the whole view (labels, matrix, colour bar) into `target` of any paint device;
    /// used by paintEvent and by the vector (PDF, SVG) and PNG exports.
    void render(QPainter &painter, const QRectF &target) const;

    /// The colour of the hatch lines drawn over exactly-zero entries.
    static QColor hatchColor();

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

public Q_SLOTS:
    /// Draws a strong frame around entry (edge, op); -1 for either clears it.
    void setHighlight(int edge, int op);

Q_SIGNALS:
    /// The user clicked entry (edge, op).
    void entryClicked(int edge, int op);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Layout;
    struct Label
    {
        QRectF box; ///< where the text is drawn (right-aligned, centred vertically)
        QString text;
        int edge = -1; ///< the row's edge; -1 for a node's group label
        int node = -1; ///< the target node of the row or the group
    };
    Layout computeLayout(const QRectF &target) const;
    std::vector<Label> labelsFor(const Layout &l) const;
    QFont baseFont() const;
    double dataScale() const;
    int edgeCount() const;
    int opCount() const;
    int noneColumn() const;
    bool edgeAlive(int edge) const;
    /// Whether the entry is frozen (search.freeze_zero_epochs): drawn crossed out.
    bool isFrozen(int edge, int op) const;

    CellSnapshot m_cell;
    bool m_scaleLocked = false;
    double m_lockedScale = 0.0;
    bool m_showValues = false;
    int m_highlightEdge = -1;
    int m_highlightOp = -1;
    int m_hoverEdge = -1;
    /// The minimum size last reported to the layout: a new A of the same shape keeps it, and a
    /// needless updateGeometry() relays out the whole window.
    QSize m_reportedMin;
    int m_hoverOp = -1;
};

} // namespace sparsenas
