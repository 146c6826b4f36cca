// SPDX-License-Identifier: MIT
#include "viewhub.h"

#include "graphvizservice.h"

#include "archweightsview.h"
#include "cellgraphview.h"
#include "enginemessages.h"
#include "logview.h"
#include "regpathview.h"
#include "runview.h"

namespace sparsenas {

ViewHub::ViewHub(QObject *parent) : QObject(parent) {}

void ViewHub::addView(RunView *view)
{
    m_views.push_back(view);
}

void ViewHub::setLog(LogView *log)
{
    m_log = log;
    addView(log);
}

void ViewHub::setCellGraph(CellGraphView *graph, GraphvizService *graphviz)
{
    m_cellGraph = graph;
    connect(graph, &CellGraphView::renderRequested, graphviz,
            [graphviz](quint64 id, const QString &type, const QString &dot) {
                graphviz->requestRenderWithId(id, QStringLiteral("cell:") + type, dot);
            });
    connect(graphviz, &GraphvizService::rendered, graph,
            [graph](quint64 id, const QString &key, const QByteArray &svg, const QString &error) {
                if (key.startsWith(QLatin1String("cell:")))
                    graph->setRendered(id, key.mid(5), svg, error);
            });
}

void ViewHub::linkSelection(RegPathView *paths, ArchWeightsView *weights, CellGraphView *graph)
{
    connect(paths, &RegPathView::pathSelected, this,
            [weights, graph](const QString &type, int edge, int op) {
                weights->highlight(type, edge, op);
                graph->highlightEdge(type, edge, op);
            });
    connect(weights, &ArchWeightsView::entrySelected, this,
            [paths, graph](const QString &type, int edge, int op) {
                paths->highlightPath(type, edge, op);
                graph->highlightEdge(type, edge, op);
            });
}

void ViewHub::clear()
{
    for (RunView *view : m_views) {
        if (view != static_cast<RunView *>(m_log))
            view->clearRun();
    }
    if (m_cellGraph)
        m_cellGraph->clear();
    m_weights.clear();
}

void ViewHub::apply(const RunUpdate &u)
{
    if (u.reset)
        clear();
    if (!u.snapshots.empty()) {
        for (RunView *view : m_views)
            view->addSnapshots(u.snapshots);
    }
    for (const EpochSummary &e : u.epochs) {
        for (RunView *view : m_views)
            view->addEpoch(e);
    }
    for (const RunEventInfo &info : u.events) {
        if (info.kind == RunEventKind::Truncated)
            continue; // not a change the user made: the views were reset for it
        const RunEvent ev = toRunEvent(info);
        for (RunView *view : m_views) {
            if (view != static_cast<RunView *>(m_log))
                view->addEvent(ev);
        }
    }
    if (m_log) {
        // A followed run's lines keep the times of its files; a live run's happen now.
        const auto timeOf = [](const std::string &time) {
            const QDateTime when = QDateTime::fromString(QString::fromStdString(time),
                                                         QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            return when.isValid() ? when : QDateTime::currentDateTime();
        };
        for (const EpochSummary &e : u.epochs) {
            const auto time = u.epochTimes.find(e.epoch);
            if (time == u.epochTimes.end())
                m_log->appendEpochSummary(e);
            else
                m_log->appendEpochSummary(e, timeOf(time->second), true);
        }
        for (const RunMessage &m : u.messages)
            m_log->appendMessage(m.level, presentEngineMessage(QString::fromStdString(m.text)),
                                 m.time.empty() ? QDateTime::currentDateTime() : timeOf(m.time));
    }
    showNewestCells(u);
}

void ViewHub::showNewestCells(const RunUpdate &u)
{
    // Heavy views take the newest matrices only: a followed run's steps carry none, its epoch
    // summaries do.
    const auto hasWeights = [](const std::vector<CellSnapshot> &cells) {
        return !cells.empty() && !cells.front().weights.weights.empty();
    };
    const std::vector<CellSnapshot> *cells = nullptr;
    for (auto it = u.snapshots.rbegin(); it != u.snapshots.rend() && !cells; ++it) {
        if (hasWeights(it->cells))
            cells = &it->cells;
    }
    if (!cells && !u.epochs.empty() && hasWeights(u.epochs.back().cells))
        cells = &u.epochs.back().cells;
    if (!cells)
        return;
    m_weights.clear();
    for (const CellSnapshot &c : *cells)
        m_weights.push_back(c.weights);
    if (m_cellGraph)
        m_cellGraph->setCells(m_weights);
}

RunEvent ViewHub::toRunEvent(const RunEventInfo &info)
{
    RunEvent ev;
    ev.step = info.step;
    ev.epochPos = epochPosition(info.epoch, info.stepInEpoch, info.stepsPerEpoch);
    ev.lambda = info.lambda;
    ev.value = info.value;
    const QString v = QString::number(info.value, 'g', 4);
    switch (info.kind) {
    case RunEventKind::Lambda:
        ev.kind = RunEvent::Kind::LambdaChanged;
        ev.text = tr("λ = %1").arg(v);
        break;
    case RunEventKind::Alpha:
        ev.kind = RunEvent::Kind::AlphaChanged;
        ev.text = tr("α = %1").arg(v);
        break;
    case RunEventKind::LambdaStep:
        ev.kind = RunEvent::Kind::LambdaStepChanged;
        ev.text = tr("λ step = %1").arg(v);
        break;
    case RunEventKind::Pause:
        ev.kind = RunEvent::Kind::Paused;
        ev.text = tr("paused");
        break;
    case RunEventKind::Resume:
        ev.kind = RunEvent::Kind::Resumed;
        ev.text = tr("resumed");
        break;
    case RunEventKind::Checkpoint:
        ev.kind = RunEvent::Kind::Checkpoint;
        ev.text = tr("checkpoint");
        break;
    default:
        ev.text = QString::fromStdString(toString(info.kind));
        break;
    }
    return ev;
}

} // namespace sparsenas
