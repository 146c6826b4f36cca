// SPDX-License-Identifier: MIT
#include "runupdate.h"

#include <iterator>

namespace sparsenas {

template <typename T>
static void moveAppend(std::vector<T> &to, std::vector<T> &from)
{
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

void RunUpdate::append(RunUpdate &&later)
{
    if (later.reset) {
        const std::optional<RunState> kept = state;
        *this = RunUpdate{};
        reset = true;
        replayFromDisk = later.replayFromDisk;
        state = kept;
    }
    moveAppend(snapshots, later.snapshots);
    moveAppend(epochs, later.epochs);
    moveAppend(events, later.events);
    moveAppend(messages, later.messages);
    for (auto &[epoch, time] : later.epochTimes)
        epochTimes[epoch] = std::move(time);
    if (later.state)
        state = later.state;
}

} // namespace sparsenas
