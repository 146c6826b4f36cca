// SPDX-License-Identifier: MIT
#include "sparsenas/base/snapshot.h"

#include <array>
#include <utility>

namespace sparsenas {

std::string toString(MessageLevel level)
{
    switch (level) {
    case MessageLevel::Info:
        return "info";
    case MessageLevel::Warning:
        return "warning";
    case MessageLevel::Error:
        return "error";
    }
    return "?";
}

std::string toString(RunState state)
{
    switch (state) {
    case RunState::Idle:
        return "idle";
    case RunState::Running:
        return "running";
    case RunState::Paused:
        return "paused";
    case RunState::Finished:
        return "finished";
    case RunState::Stopped:
        return "stopped";
    case RunState::Failed:
        return "failed";
    }
    return "?";
}

namespace {
constexpr std::array<std::pair<RunEventKind, const char *>, 9> kEventNames{{
    {RunEventKind::Lambda, "lambda"},
    {RunEventKind::Alpha, "alpha"},
    {RunEventKind::LambdaStep, "lambda_step"},
    {RunEventKind::Pause, "pause"},
    {RunEventKind::Resume, "resume"},
    {RunEventKind::Checkpoint, "checkpoint"},
    {RunEventKind::Truncated, "truncated"},
    {RunEventKind::Collapse, "collapse"},
    {RunEventKind::Diverged, "diverged"},
}};
} // namespace

std::string toString(RunEventKind kind)
{
    for (const auto &[k, name] : kEventNames) {
        if (k == kind)
            return name;
    }
    return "other";
}

RunEventKind runEventKindFromString(const std::string &name)
{
    for (const auto &[k, n] : kEventNames) {
        if (name == n)
            return k;
    }
    return RunEventKind::Other;
}

} // namespace sparsenas
