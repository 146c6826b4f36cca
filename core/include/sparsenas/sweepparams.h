// SPDX-License-Identifier: MIT
#pragma once

// The sweep summary's parameter column (sparsenas/base/sweep.h): the derived cell's evaluation
// network counted as DARTS counts it. Needs the network, hence LibTorch: the CLI's sweep and the
// studio's sweep view both fill their rows with it, so both summaries say the same.

#include "sparsenas/base/names.h"
#include "sparsenas/base/sweep.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace sparsenas {

/// The evaluation preset whose network size a sweep's parameter column uses: `evaluatePreset`
/// when the sweep evaluates its points, else for the recurrent space ptb-eval (the paper's
/// size), else the data set's own "<data set>-eval" preset, else cifar10-eval.
std::string sweepSizePreset(const std::string &evaluatePreset, const std::string &datasetName,
                            SpaceKind space = SpaceKind::Cnn);

/// Fills the parameter count of every row that its evaluation did not give and whose point has a
/// genotype (OUT/<point>/genotype.json): that genotype's evaluation network at the size preset's
/// channels and layers, for the point's data set (its channels and classes, from its
/// config.json). `shapes` caches each data set's (channels, classes) between calls (may be
/// null). A row that cannot be counted stays at -1 and its reason is appended to *problems
/// (may be null) as "<point>: <why>".
void countSweepParameters(std::vector<SweepRow> &rows, const std::string &sweepFolder,
                          const std::string &evaluatePreset,
                          std::map<std::string, std::pair<int64_t, int64_t>> *shapes,
                          std::vector<std::string> *problems);

} // namespace sparsenas
