// SPDX-License-Identifier: MIT
#pragma once

// Sparsity statistics of the architecture weights, as the run records and views report them:
// per cell type the surviving nodes and paths after derivation, the non-zero weights and the
// zero groups; over all cell types the element and group sparsity. The "none" column is left
// out everywhere: its weight multiplies an exact zero and is not a weight of the model
// (docs/method.md).

#include "sparsenas/base/genotype.h"
#include "sparsenas/base/snapshot.h"

#include <vector>

namespace sparsenas {

/// Derivation and counts for one cell type's weights.
CellSnapshot summarizeCell(CellWeights weights);

struct SparsityTotals
{
    double elementSparsity = 0; ///< share of (non-none) A entries that are exactly zero
    double groupSparsity = 0;   ///< share of groups (nodes) whose weights are all zero
    /// Indices of cell types whose every (non-none) weight is exactly zero: such a cell type can
    /// never come back (its gradient is zero) and the network no longer depends on its input.
    std::vector<size_t> collapsed;
};
SparsityTotals sparsityTotals(const std::vector<CellSnapshot> &cells);

} // namespace sparsenas
