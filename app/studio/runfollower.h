// SPDX-License-Identifier: MIT
#pragma once

// Follows a run directory that another process (the CLI, a cluster job) may still be writing:
// reads the complete lines appended to metrics.jsonl, snapshots.jsonl and log.txt since the last
// poll, and status.json, and hands them to the views as RunUpdates, like a live search. A file
// that shrank (a resumed run dropped lines past its checkpoint) restarts the reading with a
// reset. Step snapshots carry no cells (metrics.jsonl has no A matrices); epoch summaries carry
// the A matrices of snapshots.jsonl.

#include "runupdate.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <map>

namespace sparsenas {

class RunFollower : public QObject
{
    Q_OBJECT

public:
    explicit RunFollower(QObject *parent = nullptr);

    /// Starts following `runDir` (reads everything there now on the next poll). False with
    /// *error if it is not a run directory.
    bool open(const QString &runDir, QString *error = nullptr);
    void close();   ///< stops following and forgets what was not taken
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
    struct Tail
    {
        qint64 offset = 0;
    };
    /// The complete new lines of `name`, up to a chunk; sets *shrunk if the file got shorter
    /// and *more if the chunk did not reach its end.
    QList<QByteArray> readLines(const QString &name, Tail &tail, bool *shrunk, bool *more);
    void restart();
    void signalIfPending();

    QString m_dir;
    QTimer m_timer;
    Tail m_metrics, m_snapshots, m_log;
    std::map<int64_t, EpochSummary> m_epochWaiting;  ///< epoch lines waiting for their A
    std::map<int64_t, std::vector<CellSnapshot>> m_cellsWaiting;
    QByteArray m_statusText;
    int64_t m_epochs = 0;
    int64_t m_stepsPerEpoch = 0;    ///< inferred, for run directories that lack it
    RunUpdate m_pending;
    bool m_signalled = false;   ///< dataAvailable() sent and not yet drained
};

} // namespace sparsenas
