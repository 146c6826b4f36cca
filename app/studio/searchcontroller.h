// SPDX-License-Identifier: MIT
#pragma once

// The only place where the engine and Qt meet: owns a SearchEngine on a worker thread, turns its
// observer callbacks into a buffer that the GUI drains (coalesced: one dataAvailable() per
// non-empty buffer, never one signal per step), and forwards steering commands to the engine's
// thread-safe queue. No torch header is involved (searchengine.h is torch-free).

#include "runupdate.h"

#include "sparsenas/base/commandqueue.h"
#include "sparsenas/base/config.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>

class QThread;

namespace sparsenas {

class GraphvizService;
class SearchEngine;

class SearchController : public QObject
{
    Q_OBJECT

public:
    explicit SearchController(QObject *parent = nullptr);
    /// Stops a running search (a checkpoint is written) and waits for the worker.
    ~SearchController() override;

    /// Starts a new run in `runDir`. Returns false (and *error) if a search is already active;
    /// problems of the run itself (bad data, an existing run in runDir) arrive as a message and
    /// the Failed state.
    bool startNew(const RunConfig &config, const QString &runDir, QString *error = nullptr);
    /// Continues the run in `runDir` from its latest checkpoint.
    bool resumeRun(const QString &runDir, QString *error = nullptr);
    /// A new run in `newRunDir` from `checkpoint` with `config`'s settings.
    bool forkRun(const QString &checkpoint, const RunConfig &config, const QString &newRunDir,
                 QString *error = nullptr);

    /// Where a finished run's cell diagrams are drawn (the studio's one Graphviz thread).
    void setGraphviz(GraphvizService *graphviz);

    bool isActive() const; ///< the worker thread runs
    RunState state() const;
    QString runDir() const;
    /// How the last run ended (empty while one runs or before the first).
    std::optional<RunResult> lastResult() const;

    void pause();
    void resume();
    void stop();
    void setLambda(double lambda);
    void setAlpha(double alpha);
    void setLambdaStep(double step);
    void checkpointNow();
    /// Back to the last checkpoint, paused (after a collapse, say).
    void rollback();

    /// Takes everything reported since the last call (GUI thread).
    RunUpdate takeUpdate();
    /// Blocks until the worker has ended or `msecs` passed (tests, closing). True if ended.
    bool wait(int msecs);

Q_SIGNALS:
    /// The buffer went from empty to non-empty; drain it with takeUpdate().
    void dataAvailable();
    void stateChanged(sparsenas::RunState state);
    /// The worker ended: state is Finished, Stopped or Failed.
    void runEnded(sparsenas::RunState state, const QString &message);

private:
    class Observer;
    enum class Mode { New, Resume, Fork };
    bool launch(Mode mode, const RunConfig &config, const QString &runDir,
                const QString &checkpoint, QString *error);
    void work(Mode mode, RunConfig config, std::string runDir, std::string checkpoint);
    void post(RunUpdate &&update);
    void command(Command cmd);

    std::unique_ptr<Observer> m_observer;
    QPointer<GraphvizService> m_graphviz;
    QThread *m_thread = nullptr;

    mutable std::mutex m_mutex; ///< guards everything below
    RunUpdate m_pending;
    bool m_signalled = false; ///< a dataAvailable() is on its way and not yet drained
    SearchEngine *m_engine = nullptr;
    std::vector<Command> m_early; ///< commands sent before the engine was built
    RunState m_state = RunState::Idle;
    QString m_runDir;
    std::optional<RunResult> m_result;
};

} // namespace sparsenas
