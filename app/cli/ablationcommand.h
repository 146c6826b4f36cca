// SPDX-License-Identifier: MIT
#pragma once

#include "sparsenas/base/names.h"

#include <string>
#include <utility>
#include <vector>

namespace sparsenas {

struct AblationCommand
{
    /// (optimizer, penalty) per method; the paper's six by default.
    std::vector<std::pair<ArchOptimizerKind, PenaltyKind>> methods;
    double log10From = -5.0, log10To = -3.7;
    int points = 8;
    int seeds = 3;
    int64_t epochs = 100;
    double alpha = 0.5;
    bool accelerated = false; ///< HAPG / AdamHAPG momentum (Eq. 7-8); docs/ablation.md
    std::string out;          ///< folder for ablation.csv, fig3.svg, fig3.pdf
};

/// "hapg/sgl,adam/sgl" (optimizer/penalty, config names) as methods; throws ConfigError.
std::vector<std::pair<ArchOptimizerKind, PenaltyKind>> parseAblationMethods(const std::string &s);
/// The paper's Fig. 3 methods: SGD, Adam, HAPG, AdamHAPG with SGL; HAPG with Lasso and GL.
std::vector<std::pair<ArchOptimizerKind, PenaltyKind>> paperAblationMethods();

/// `sparsenas ablation`: every method x lambda x seed on the embedded digits, one run after
/// another. Rewrites OUT/ablation.csv after every run (a stopped ablation keeps what finished),
/// then draws OUT/fig3.svg and OUT/fig3.pdf (means over seeds, min-max bands) and prints the
/// means as a table. Returns the exit code.
int runAblationCommand(const AblationCommand &command);

} // namespace sparsenas
