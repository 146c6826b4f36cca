// SPDX-License-Identifier: MIT
#pragma once

// What the studio's views receive in one drain of the 40 ms coalescing timer, from a live search
// (SearchController) or from a run directory written by another process (RunFollower).

#include "sparsenas/base/snapshot.h"

#include <QMetaType>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sparsenas {

/// A line for the run log.
struct RunMessage
{
    RunMessage(MessageLevel level, std::string text, std::string time = {})
        : level(level), text(std::move(text)), time(std::move(time))
    {
    }
    MessageLevel level;
    std::string text;
    /// When it was written, "YYYY-mm-dd HH:MM:SS" local time, as log.txt has it (a followed
    /// run); empty: now (a live run reports it as it happens).
    std::string time;
};

struct RunUpdate
{
    bool reset = false; ///< forget what was shown; the data restarts
    /// With reset: show the run directory's history first (the run was cut back to a
    /// checkpoint); what follows here may repeat the end of that history.
    bool replayFromDisk = false;
    std::vector<Snapshot> snapshots; ///< oldest first
    std::vector<EpochSummary> epochs;
    std::vector<RunEventInfo> events;
    std::vector<RunMessage> messages;
    /// A followed run's epochs: when each ended, as "YYYY-mm-dd HH:MM:SS" local time. The files
    /// do not say; RunFollower estimates it from the run's first log line and the epochs'
    /// durations. Absent for a live run's epochs (they end now).
    std::map<int64_t, std::string> epochTimes;
    std::optional<RunState> state; ///< the newest state, if it changed

    bool empty() const
    {
        return !reset && !replayFromDisk && snapshots.empty() && epochs.empty() && events.empty() &&
               messages.empty() && !state;
    }
    /// Appends `later` (which happened after this one).
    void append(RunUpdate &&later);
};

} // namespace sparsenas

// Signals carry RunState (SearchController, RunSession) and RunUpdate (RunSession): QVariant,
// QSignalSpy and queued connections know them by these names.
Q_DECLARE_METATYPE(sparsenas::RunState)
Q_DECLARE_METATYPE(sparsenas::RunUpdate)
