// SPDX-License-Identifier: MIT
#pragma once

// Follows a run directory that another process (the CLI, a cluster job) may still be writing:
// reads the complete lines appended to metrics.jsonl, snapshots.jsonl and log.txt since the last
// poll, and status.json, and hands them to the views as RunUpdates, like a live search. A file
// that shrank (a resumed run dropped lines past its checkpoint) restarts the reading with a
// reset. Step snapshots carry the per-cell counts but no A matrices (metrics.jsonl has none:
// their cells' weights stay empty); epoch summaries carry the A matrices of snapshots.jsonl.
// Every line is read by the run-directory format's readers (sparsenas/base/runformat.h).

#include "runupdate.h"

#include "sparsenas/base/runformat.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <map>
#include <memory>
#include <string>

namespace sparsenas {

class RunFollower : public QObject
{
    Q_OBJECT

public:
    explicit RunFollower(QObject *parent = nullptr);

    /// Starts following `runDir` (reads everything there now on the next poll). False with
    /// *error if it is not a run directory.
    bool open(const QString &runDir, QString *error = nullptr);
    void close(); ///< stops following and forgets what was not taken
    QString runDir() const { return m_dir; }
    bool isOpen() const { return !m_dir.isEmpty(); }
    /// Reads what is new now, at most a few MB per file (the timer calls it every interval, and
    /// sooner while there is more). Returns whether more is waiting.
    bool poll();
    void setInterval(int msecs) { m_timer.setInterval(msecs); }
    RunUpdate takeUpdate();

Q_SIGNALS:
    void dataAvailable();

private:
    void restart();
    void signalIfPending();
    void readMetrics(const std::vector<JsonlLine> &lines, RunUpdate &u);
    void readSnapshots(const std::vector<JsonlLine> &lines, RunUpdate &u);
    void readStatus(RunUpdate &u);
    /// When each epoch of `u` ended, estimated: the run's start plus the durations of the
    /// epochs up to it (time spent paused or stopped is not counted, so it may be early).
    void estimateEpochTimes(RunUpdate &u) const;

    QString m_dir;
    QTimer m_timer;
    std::unique_ptr<JsonlReader> m_metrics, m_snapshots;
    std::unique_ptr<LineReader> m_log;
    std::map<int64_t, EpochSummary> m_epochWaiting; ///< epoch lines waiting for their A
    std::map<int64_t, std::vector<CellSnapshot>> m_cellsWaiting;
    std::string m_statusText;
    RunState m_statusState = RunState::Idle;
    bool m_writerGone = false; ///< said "running" with no writer holding the lock
    /// What step lines lack takes its value from here: the config's epochs and lambda step
    /// (version 1 lines have no lambda_step), the lambda step updated by its events.
    Snapshot m_configDefaults, m_stepDefaults;
    int m_nodes = 4;             ///< the config's intermediate nodes per cell
    bool m_evaluation = false;   ///< an evaluation: no snapshots.jsonl to wait for
    int64_t m_stepsPerEpoch = 0; ///< inferred, for run directories that lack it
    /// The time of log.txt's first line (the run's start), for the epochs' times; null when
    /// not read yet.
    QDateTime m_logStart;
    std::map<int64_t, double> m_epochSeconds; ///< each epoch's duration, from its metrics line
    RunUpdate m_pending;
    bool m_signalled = false; ///< dataAvailable() sent and not yet drained
};

} // namespace sparsenas
