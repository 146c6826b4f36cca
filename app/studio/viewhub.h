// SPDX-License-Identifier: MIT
#pragma once

// The views of a run as one: ViewHub hands each coalesced RunUpdate to every view (a RunView),
// turns the engine's RunEventInfo into the views' RunEvent, keeps the newest architecture
// weights for the cell graph and the exports, and links the selection between the
// regularization paths, the architecture-weight heatmaps and the cell graph. A new view is one
// addView() call; the hub does not know the dock it sits in.

#include "runupdate.h"

#include "runevent.h"

#include "sparsenas/base/genotype.h"

#include <QObject>

#include <vector>

namespace sparsenas {

class ArchWeightsView;
class CellGraphView;
class GraphvizService;
class LogView;
class RegPathView;
class RunView;

class ViewHub : public QObject
{
    Q_OBJECT

public:
    explicit ViewHub(QObject *parent = nullptr);

    /// A view of the run: it gets every snapshot, epoch summary and event (in that order per
    /// update) and is cleared when the run restarts.
    void addView(RunView *view);
    /// The run log: it gets the snapshots, the epoch summaries and the messages, but not the
    /// events (the engine logs its own line for each), and keeps its lines over a restart.
    void setLog(LogView *log);
    /// The cell graph: it gets the newest architecture weights of each update, and its drawings
    /// are laid out by `graphviz` (on the Graphviz thread).
    void setCellGraph(CellGraphView *graph, GraphvizService *graphviz);
    /// A path clicked in `paths` or an entry clicked in `weights` is framed in the other and
    /// drawn highlighted in `graph`.
    void linkSelection(RegPathView *paths, ArchWeightsView *weights, CellGraphView *graph);

    /// Every view that takes updates, the log included, in the order they were added.
    const std::vector<RunView *> &views() const { return m_views; }
    /// The newest architecture weights shown (what the cell graph and the exports use).
    const std::vector<CellWeights> &currentWeights() const { return m_weights; }

    /// Hands `update` to the views: a reset clears them first.
    void apply(const RunUpdate &update);
    /// Forgets the run shown (every view but the log).
    void clear();

    /// The views' form of an engine event, with a short translated label.
    static RunEvent toRunEvent(const RunEventInfo &info);

private:
    void showNewestCells(const RunUpdate &update);

    std::vector<RunView *> m_views;
    LogView *m_log = nullptr;
    CellGraphView *m_cellGraph = nullptr;
    std::vector<CellWeights> m_weights;
};

} // namespace sparsenas
