// SPDX-License-Identifier: MIT
#pragma once

// After the engine cut a live run back to a checkpoint (a resume, a rollback), the views start
// over: first the run's history from its run directory, then the live steps. HistoryReplay does
// that without holding the GUI thread: it reads the history through a RunFollower, one bounded
// poll per step() (a few MB per file at most), and holds back the live steps, epochs and events
// that arrive meanwhile. Once the history is complete it lets the held data through, minus what
// the history already showed: the engine writes a line before it reports it, so the end of the
// history and the first live steps overlap. The filter stays until the next start() or clear():
// a live step at or before the history's last step is never shown twice.

#include "runupdate.h"

#include <QString>

#include <memory>
#include <tuple>
#include <vector>

namespace sparsenas {

class RunFollower;

class HistoryReplay
{
public:
    HistoryReplay();
    ~HistoryReplay();
    HistoryReplay(const HistoryReplay &) = delete;
    HistoryReplay &operator=(const HistoryReplay &) = delete;

    /// Starts over with the history in `runDir`. False (and nothing filtered) if it is not a
    /// readable run directory.
    bool start(const QString &runDir);
    /// Forgets the history, what is held and the filter (a new run).
    void clear();
    /// The history is still being read: call step() again.
    bool isActive() const { return m_active; }

    /// Reads the next chunk of the history. Returns what to show now: the history read in this
    /// call (no messages, no state: the log keeps its own lines, the live run has the state) and,
    /// once the history is complete, the held live data it does not hold.
    RunUpdate step();
    /// A live update (without reset). Its messages and state are returned at once; its steps,
    /// epochs and events are held while the history is read, and filtered against it after.
    RunUpdate live(RunUpdate &&update);

    /// The last step and epoch of the history read (-1: none).
    int64_t lastHistoryStep() const { return m_lastStep; }
    int64_t lastHistoryEpoch() const { return m_lastEpoch; }

private:
    using EventKey = std::tuple<int, int64_t, double>;
    static EventKey key(const RunEventInfo &e);
    void note(const RunUpdate &history);
    void filter(RunUpdate &live);

    std::unique_ptr<RunFollower> m_history;
    bool m_active = false;
    RunUpdate m_held; ///< live steps, epochs and events waiting for the history
    int64_t m_lastStep = -1, m_lastEpoch = -1;
    std::vector<EventKey> m_events; ///< the history's events, sorted; a live match is dropped
};

} // namespace sparsenas
