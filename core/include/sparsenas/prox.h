// SPDX-License-Identifier: MIT
#pragma once

// Sparse Group Lasso (paper Eq. 3) and its proximal operators (Eq. 5, 9, 10), vectorised over
// all groups at once and device-agnostic: groups are given as a group id per element.

#include "sparsenas/base/names.h"

#include <torch/torch.h>

#include <string>

namespace sparsenas {

/// The alpha in force: Lasso is SGL with alpha = 1, Group Lasso is SGL with alpha = 0.
double effectiveAlpha(PenaltyKind kind, double alpha);

/// Group structure over a flat vector: groupIndex[k] in [0, numGroups) for element k, and the
/// group weights sqrt(|group|) of Eq. 3.
struct GroupStructure
{
    torch::Tensor groupIndex;  ///< int64 [n]
    torch::Tensor groupWeight; ///< [numGroups], sqrt of each group's size
    int64_t numGroups = 0;

    static GroupStructure fromIndex(const torch::Tensor &groupIndex, int64_t numGroups);
    GroupStructure to(const torch::Device &device, torch::Dtype dtype) const;
};

/// Eq. 9: sgn(z) (|z| - threshold)_+, threshold a scalar or a tensor broadcastable to z.
torch::Tensor softThreshold(const torch::Tensor &z, const torch::Tensor &threshold);
torch::Tensor softThreshold(const torch::Tensor &z, double threshold);

/// Per-group Euclidean norms ||z_(n)||_2 of a flat z.
torch::Tensor groupNorms(const torch::Tensor &z, const GroupStructure &groups);

/// Eq. 10: (1 - threshold_n / ||z_(n)||_2)_+ z_(n) for every group n; `groupThreshold` is
/// [numGroups] and already includes the sqrt(|group|) factor. A zero group stays zero.
torch::Tensor groupShrink(const torch::Tensor &z, const GroupStructure &groups,
                          const torch::Tensor &groupThreshold);

/// Eq. 5: the prox of eta * Omega_SGL, group shrink after soft-threshold. `eta` is the step
/// size: a scalar tensor, or one per element (AdamHAPG's per-weight steps, used in the L1 part),
/// with `groupEta` [numGroups] the step used in the group part (AdamHAPG: the group's median).
torch::Tensor sglProx(const torch::Tensor &z, const GroupStructure &groups, double lambda,
                      double alpha, const torch::Tensor &eta, const torch::Tensor &groupEta);
torch::Tensor sglProx(const torch::Tensor &z, const GroupStructure &groups, double lambda,
                      double alpha, double eta);

/// Omega_SGL(A) = lambda alpha ||A||_1 + lambda (1 - alpha) sum_n sqrt(|A_(n)|) ||A_(n)||_2.
double sglPenalty(const torch::Tensor &a, const GroupStructure &groups, double lambda,
                  double alpha);
/// A subgradient of Omega_SGL at a (zero where |a| = 0 or a whole group is zero): what the
/// SGD / Adam baselines of the ablation add to the loss gradient.
torch::Tensor sglSubgradient(const torch::Tensor &a, const GroupStructure &groups, double lambda,
                             double alpha);

/// Per-group median of a flat tensor (mean of the two middle values for an even count).
torch::Tensor groupMedian(const torch::Tensor &values, const GroupStructure &groups);

} // namespace sparsenas
