// SPDX-License-Identifier: MIT
#pragma once

// A test hook for exact resume at every moment. When the environment variable SPARSENAS_KILL_AT
// names a point ("label", or "label@N" for its N-th passage), the process kills itself there
// with SIGKILL, as `kill -9` or a power cut would; tests/cli then resumes the run and compares it
// with an uninterrupted one. Without the variable a point costs one comparison.
//
// The points: "step:<global step>" after a step's lines are written; "write:<file name>" in an
// atomic write after the temporary file is complete and before its rename (e.g.
// "write:ckpt-000000012.pt", "write:latest.json", "write:genotype.json"); "commit:<checkpoint
// file name>" after latest.json names it and before older ones are pruned; "finish" before a
// finished run derives its results; "diagrams" after genotype.json, before the diagrams.

#include <string>

namespace sparsenas {

/// Whether SPARSENAS_KILL_AT is set: callers on a hot path test it before building a label.
bool killPointsArmed();
void killPoint(const std::string &label);

} // namespace sparsenas
