// SPDX-License-Identifier: MIT
#pragma once

#include "runview.h"

#include <QWidget>

class QBoxLayout;
class QCheckBox;
class QLabel;
class QPainter;

namespace sparsenas {

class StatusText;

class CellHeatmap;

/// The "Architecture weights" dock view: a CellHeatmap of the normal and one of the reduction
/// cell, side by side (or stacked when the view is taller than wide), with a tool row: lock the
/// colour scale, write the values into the cells.
///
/// A heavy view: of each batch it shows only the latest snapshot that carries cells; an epoch
/// summary's cells are used when they are newer than what is shown (a run followed from disk has
/// the matrices only at epoch ends). Snapshots without cells leave the picture as it is.
class ArchWeightsView : public QWidget, public RunView
{
    Q_OBJECT

public:
    explicit ArchWeightsView(QWidget *parent = nullptr);
    ~ArchWeightsView() override;

    void addSnapshots(const std::vector<Snapshot> &snapshots) override;
    void addEpoch(const EpochSummary &epoch) override;
    void addEvent(const RunEvent &event) override;
    void clearRun() override;
    /// ".png" (rendered at twice the size), ".pdf" and ".svg" (vector); other suffixes and
    /// unwritable paths return false with a translated message naming the file.
    bool exportImage(const QString &path, QString *error) override;

    /// The heatmap of "normal" or "reduce" (nullptr for any other type).
    CellHeatmap *heatmap(const QString &cellType) const;
    /// Size, in logical pixels, of the picture exportImage() writes (PNG: twice that).
    QSize exportSize() const;
    /// Paints both cells with their titles into `target` (what exportImage() writes).
    void render(QPainter &painter, const QRectF &target) const;

    /// Sets the two tool-row toggles (as the user would).
    void setScaleLocked(bool locked);
    void setShowValues(bool show);

    /// Small enough for either arrangement: one cell's minimum plus the tool row (the cells
    /// are stacked when the view is narrow).
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    /// Frames entry (edge, op) of `cellType` ("normal" / "reduce"); the other cell's frame is
    /// cleared. edge or op = -1 clears both.
    void highlight(const QString &cellType, int edge, int op);

Q_SIGNALS:
    /// The user clicked entry (edge, op) of cell type `cellType` ("normal" / "reduce").
    void entrySelected(const QString &cellType, int edge, int op);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showCells(const std::vector<CellSnapshot> &cells, int64_t step, int64_t epoch);
    void onEntryClicked(const QString &cellType, int edge, int op);

    CellHeatmap *m_normal = nullptr;
    CellHeatmap *m_reduce = nullptr;
    QLabel *m_normalTitle = nullptr;
    QLabel *m_reduceTitle = nullptr;
    /// The cell type the first heatmap shows: "normal", or "recurrent" for a run of the
    /// recurrent space, whose one cell takes the first heatmap while the second is hidden.
    QString m_firstType = QStringLiteral("normal");
    void setRecurrent(bool recurrent);
    bool recurrent() const { return m_firstType != QLatin1String("normal"); }
    StatusText *m_status = nullptr;
    QCheckBox *m_lockScale = nullptr;
    QCheckBox *m_showValues = nullptr;
    QBoxLayout *m_cellsLayout = nullptr;
    int64_t m_shownStep = -1; ///< step of the matrices shown; older ones are dropped
};

} // namespace sparsenas
