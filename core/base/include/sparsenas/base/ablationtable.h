// SPDX-License-Identifier: MIT
#pragma once

// The optimizer ablation's table (OUT/ablation.csv, one row per run) and its Fig. 3 panels, as
// the CLI writes them after every run and the studio reads them while the ablation runs.
// Torch-free and Qt-free: the runs themselves are sparsenas/ablation.h's.

#include "sparsenas/base/figure.h"

#include <string>
#include <vector>

namespace sparsenas {

/// One run of the ablation, as a row of ablation.csv.
struct AblationRow
{
    std::string optimizer; ///< config name: "sgd", "adam", "hapg", "adam_hapg"
    std::string penalty;   ///< config name: "lasso", "group_lasso", "sgl"
    double log10Lambda = 0.0;
    double lambda = 0.0;
    unsigned long long seed = 0;
    double valAcc = 0.0; ///< fraction, the stand-alone sparse network
    long long features = 0;
    long long neurons = 0;
    double elementSparsity = 0.0; ///< fraction of weights exactly zero
    double trainLoss = 0.0;
    double seconds = 0.0;

    /// "optimizer/penalty", the method's name in the figure's legend.
    std::string method() const { return optimizer + "/" + penalty; }
};

/// The header line of ablation.csv (without '\n').
extern const char *const kAblationCsvHeader;

/// ablation.csv's text: the header, then one line per row (6 significant digits; seconds to
/// the millisecond).
std::string ablationCsv(const std::vector<AblationRow> &rows);

/// Reads ablation.csv's text. Throws FormatError naming `source`, the line and the column
/// (by its header name) that is not what the format says. A last line without '\n' (a file
/// being rewritten is replaced atomically, so this only happens to a truncated copy) is read
/// like the others.
std::vector<AblationRow> parseAblationCsv(const std::string &text, const std::string &source);

/// The hidden layers' units of the ablation's network (64 -> 40 -> 20 -> 10): 60 neurons.
inline constexpr int kAblationInputs = 64;
inline constexpr int kAblationHiddenUnits = 60;

/// Fig. 3's four panels (validation accuracy %, selected input features, remaining hidden
/// neurons, element sparsity %) against log10(lambda): one line per method, the mean over its
/// seeds at each lambda with the min-max band. Methods in `methodOrder` ("optimizer/penalty")
/// come first in that order, then any other in the rows' order; a method without rows keeps its
/// legend entry and colour. SGL methods are drawn solid, the others dashed.
Figure ablationFigure(const std::vector<AblationRow> &rows,
                      const std::vector<std::string> &methodOrder = {});

} // namespace sparsenas
