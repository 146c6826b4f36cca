// SPDX-License-Identifier: MIT
#pragma once

#include "sparsenas/base/sweep.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sparsenas {

struct SweepOptions
{
    nlohmann::json base;         ///< the assembled configuration every point starts from
    std::string origin;          ///< where it came from, for messages
    std::vector<SweepAxis> axes; ///< the grid
    std::string out;             ///< the sweep folder
    int jobs = 0;                ///< processes at once; 0: as many as cores allow
    int threads = 0;             ///< threads per process; 0: cores / jobs
    /// An evaluation preset: each point's derived cell is then trained on its own after its
    /// search (`sparsenas evaluate`, in OUT/<point>/evaluation) and the summary gets its test
    /// accuracy. Empty: no evaluations; the parameter column then uses the data set's own
    /// evaluation preset for the network's size.
    std::string evaluatePreset;
    std::vector<std::string> evaluateSets; ///< `--set` assignments for every evaluation
};

/// `sparsenas sweep`: every point an ordinary search in OUT/<point>, run by child processes of
/// this program (`search`, or `resume` for a point that was stopped or killed), at most `jobs`
/// at once; finished and failed points are not run again. With an evaluation preset, a point
/// whose search finished is then evaluated the same way (`evaluate`, or `resume` of its
/// evaluation), in the same slots. Writes OUT/sweep.json (the grid and
/// the base configuration: a different sweep in the same folder is refused), OUT/configs/,
/// OUT/<point>.log (each child's output), and at the end OUT/summary.csv, OUT/summary.md and
/// OUT/curves.svg / .pdf. Returns the exit code: 0 when every point finished, 1 when some failed or
/// could not run, 130 when stopped by Ctrl-C (the same command continues it). Throws
/// ConfigError for a bad grid or a point whose configuration is invalid, before anything runs.
int runSweep(const SweepOptions &options);

} // namespace sparsenas
