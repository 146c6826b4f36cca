// SPDX-License-Identifier: MIT
#include "historyreplay.h"

#include "runfollower.h"

#include <algorithm>
#include <iterator>

namespace sparsenas {

HistoryReplay::HistoryReplay() = default;

HistoryReplay::~HistoryReplay() = default;

bool HistoryReplay::start(const QString &runDir)
{
    clear();
    m_history = std::make_unique<RunFollower>();
    if (!m_history->open(runDir)) {
        m_history.reset();
        return false;
    }
    m_active = true;
    return true;
}

void HistoryReplay::clear()
{
    m_history.reset();
    m_active = false;
    m_held = RunUpdate{};
    m_lastStep = m_lastEpoch = -1;
    m_events.clear();
}

HistoryReplay::EventKey HistoryReplay::key(const RunEventInfo &e)
{
    return {int(e.kind), e.step, e.value};
}

RunUpdate HistoryReplay::step()
{
    RunUpdate out;
    if (!m_active)
        return out;
    const bool more = m_history->poll();
    RunUpdate part = m_history->takeUpdate();
    if (part.reset && (m_lastStep >= 0 || m_lastEpoch >= 0 || !m_events.empty())) {
        // The files were cut back again while we read them: show the history from its start.
        out.reset = true;
        m_lastStep = m_lastEpoch = -1;
        m_events.clear();
    }
    part.reset = false;
    part.replayFromDisk = false;
    part.messages.clear(); // the log keeps its own lines
    part.state.reset();    // the live run reports its state itself
    note(part);
    out.append(std::move(part));
    if (!more) {
        // Complete: what the engine reported meanwhile follows, once.
        m_active = false;
        m_history.reset();
        RunUpdate held = std::move(m_held);
        m_held = RunUpdate{};
        filter(held);
        out.append(std::move(held));
    }
    return out;
}

RunUpdate HistoryReplay::live(RunUpdate &&update)
{
    RunUpdate now;
    now.messages = std::move(update.messages);
    now.state = update.state;
    update.messages.clear();
    update.state.reset();
    if (m_active) {
        m_held.append(std::move(update));
        return now;
    }
    filter(update);
    now.snapshots = std::move(update.snapshots);
    now.epochs = std::move(update.epochs);
    now.events = std::move(update.events);
    return now;
}

void HistoryReplay::note(const RunUpdate &history)
{
    for (const Snapshot &s : history.snapshots)
        m_lastStep = std::max(m_lastStep, s.step);
    for (const EpochSummary &e : history.epochs)
        m_lastEpoch = std::max(m_lastEpoch, e.epoch);
    for (const RunEventInfo &e : history.events)
        m_events.push_back(key(e));
    std::sort(m_events.begin(), m_events.end());
}

void HistoryReplay::filter(RunUpdate &live)
{
    if (m_lastStep >= 0) {
        live.snapshots.erase(
            std::remove_if(live.snapshots.begin(), live.snapshots.end(),
                           [this](const Snapshot &s) { return s.step <= m_lastStep; }),
            live.snapshots.end());
    }
    if (m_lastEpoch >= 0) {
        live.epochs.erase(
            std::remove_if(live.epochs.begin(), live.epochs.end(),
                           [this](const EpochSummary &e) { return e.epoch <= m_lastEpoch; }),
            live.epochs.end());
    }
    if (!m_events.empty()) {
        // An event the history holds is dropped once (the same change twice stays twice).
        std::vector<RunEventInfo> kept;
        for (RunEventInfo &e : live.events) {
            const auto it = std::lower_bound(m_events.begin(), m_events.end(), key(e));
            if (it != m_events.end() && *it == key(e))
                m_events.erase(it);
            else
                kept.push_back(std::move(e));
        }
        live.events = std::move(kept);
    }
}

} // namespace sparsenas
