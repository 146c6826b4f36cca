// SPDX-License-Identifier: MIT
#pragma once

// The run the studio shows, whatever its source: a live search (SearchController, on the engine
// thread) or a run directory followed from disk (RunFollower). RunSession starts, forks, resumes
// and opens runs, drains its source on a 40 ms coalescing timer and emits one RunUpdate per
// drain. After the engine cut a live run back to a checkpoint it replays the run's history from
// disk in bounded chunks, one per drain (HistoryReplay), then the live steps, each step once.
// It knows no widget: the main window hands its updates to the ViewHub.

#include "historyreplay.h"
#include "runupdate.h"

#include "sparsenas/base/config.h"

#include <QObject>
#include <QString>
#include <QTimer>

namespace sparsenas {

class RunFollower;
class SearchController;

class RunSession : public QObject
{
    Q_OBJECT

public:
    enum class Source { None, Live, Followed };

    explicit RunSession(QObject *parent = nullptr);
    ~RunSession() override;

    /// The coalescing delay: updates that arrive within it are drained together (default
    /// 40 ms; bench_gui's --drain-ms compares others).
    void setDrainInterval(int ms) { m_drainTimer.setInterval(ms); }

    /// A new search with `config` in `runDir`. False with *error if one is running.
    bool startNew(const RunConfig &config, const QString &runDir, QString *error = nullptr);
    /// A new run in `runDir` from `checkpoint` (of any run) with `config`'s settings.
    bool fork(const QString &checkpoint, const RunConfig &config, const QString &runDir,
              QString *error = nullptr);
    /// Continues the run in `runDir` from its last checkpoint: its history, then the live steps.
    bool resume(const QString &runDir, QString *error = nullptr);
    /// Shows the run directory `runDir` (finished, or written by another process) and follows
    /// it; what is there now is emitted before this returns. False with *error if a search is
    /// running or `runDir` is not a run directory.
    bool open(const QString &runDir, QString *error = nullptr);

    Source source() const { return m_source; }
    /// The run shown (live or followed); empty if none.
    QString runDir() const { return m_runDir; }
    /// The engine thread runs.
    bool isActive() const;
    /// The history of a resumed or rolled-back run is still being read.
    bool isReplaying() const { return m_replay.isActive(); }
    SearchController *controller() const { return m_controller; }
    RunFollower *follower() const { return m_follower; }

    /// Drains now instead of waiting for the timer (tests, opening a run).
    void drainNow();

    /// `<root>/<name>-<yyyyMMdd-HHmmss>` (name made file-safe), with "-2", "-3"... if taken.
    static QString newRunDirectory(const QString &root, const QString &name);

Q_SIGNALS:
    /// Everything new since the last drain, oldest first; `reset`: forget what was shown.
    void updated(const sparsenas::RunUpdate &update);
    /// The live search changed state (the engine's report; followed runs carry theirs in
    /// `updated`).
    void stateChanged(sparsenas::RunState state);
    /// The engine thread ended: Finished, Stopped or Failed.
    void runEnded(sparsenas::RunState state, const QString &message);

private:
    void beginLive(const QString &runDir);
    void scheduleDrain();
    void drain();
    RunUpdate takeLive();

    SearchController *m_controller = nullptr;
    RunFollower *m_follower = nullptr;
    HistoryReplay m_replay;
    QTimer m_drainTimer;
    Source m_source = Source::None;
    QString m_runDir;
};

} // namespace sparsenas
