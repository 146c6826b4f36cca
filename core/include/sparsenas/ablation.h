// SPDX-License-Identifier: MIT
#pragma once

// The paper's optimizer ablation (Fig. 3, after Scardapane et al. 2017): a fully connected
// network 64 -> 40 -> 20 -> 10 on the embedded UCI digits (8x8 images flattened), the Sparse
// Group Lasso on the network's weights, one-level optimization, no architecture weights. The
// groups are Scardapane's: one per input unit of every layer, holding its outgoing weights (a
// column of the layer's weight matrix), weighted by sqrt(group size) as in the search. The
// optimizers and the prox are the search's own (optimizers.h): nothing is implemented twice.

#include "sparsenas/base/names.h"
#include "sparsenas/dataset.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace sparsenas {

/// One run of the ablation: which optimizer and penalty, at which lambda, from which seed.
struct AblationSetting
{
    ArchOptimizerKind optimizer = ArchOptimizerKind::AdamHapg;
    PenaltyKind penalty = PenaltyKind::SparseGroupLasso;
    double lambda = 1e-4;
    uint64_t seed = 0;
};

struct AblationOptions
{
    std::vector<int64_t> hidden = {40, 20};
    int64_t epochs = 100;
    int64_t batchSize = 64;
    double adamLr = 1e-3; ///< Adam and AdamHAPG (and the biases' Adam)
    double sgdLr = 0.05;  ///< SGD and HAPG (and the biases' SGD)
    double alpha = 0.5;   ///< SGL's mix (Lasso and Group Lasso ignore it)
    /// HAPG's and AdamHAPG's momentum of Eq. 7-8 (u_t = (t - 2) / (t + 1)). Off by default:
    /// u_t tends to 1 over the ablation's thousand-odd steps and, with no restart, the network
    /// falls back to chance after some 30 epochs (docs/ablation.md).
    bool accelerated = false;
};

/// What one run gives, measured on the sparse iterate (exact zeros) of the weights.
struct AblationResult
{
    AblationSetting setting;
    double valAcc = 0.0;          ///< the stand-alone sparse network, no fine-tuning
    int64_t features = 0;         ///< input features with at least one non-zero weight out
    int64_t neurons = 0;          ///< hidden neurons with at least one non-zero weight out
    double elementSparsity = 0.0; ///< share of weights exactly zero (biases not counted)
    double trainLoss = 0.0;       ///< mean cross-entropy of the last epoch
    double seconds = 0.0;
};

/// The SGL groups of a chain of weight matrices (layer l: [out_l, in_l]): one group per column
/// of every matrix (an input unit's outgoing weights). Returns, per matrix, a group index of its
/// shape (int64), and sets *numGroups.
std::vector<torch::Tensor> mlpGroupIndex(const std::vector<torch::Tensor> &weights,
                                         int64_t *numGroups);

/// Counts on a chain of weight matrices: input features of the first layer with a non-zero
/// outgoing weight, hidden units (inputs of the later layers) with one, and exact zeros.
struct MlpSparsity
{
    int64_t features = 0;
    int64_t neurons = 0;
    int64_t zeros = 0;
    int64_t total = 0;
};
MlpSparsity mlpSparsity(const std::vector<torch::Tensor> &weights);

/// The digits inputs as the ablation feeds them: [N, 64] floats, each pixel v as
/// (v / 16 - mean) / std with the part's statistics; and the labels.
std::pair<torch::Tensor, torch::Tensor> flatDigits(const Dataset &data,
                                                   const std::vector<int64_t> &rows);

/// Trains the network on `train` and measures it on `val` (rows of flatDigits). Deterministic
/// for a given setting on one thread.
AblationResult runAblation(const AblationSetting &setting, const AblationOptions &options,
                           const std::pair<torch::Tensor, torch::Tensor> &train,
                           const std::pair<torch::Tensor, torch::Tensor> &val);

} // namespace sparsenas
