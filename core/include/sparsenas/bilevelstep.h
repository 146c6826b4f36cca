// SPDX-License-Identifier: MIT
#pragma once

// One step of the bi-level search (paper Algorithm 1): the architecture step on a validation
// batch (first order: grad_A l_val(w, A); second order: Eq. 13) with the SGL optimizer, then the
// weight step on a train batch (SGD with the current learning rate, gradient clipping). Model-
// agnostic: the task hands in its batch losses, so the CNN and the RNN spaces share it.

#include "sparsenas/architect.h"
#include "sparsenas/base/names.h"
#include "sparsenas/optimizers.h"

#include <torch/torch.h>

#include <functional>
#include <vector>

namespace sparsenas {

class Communicator;

/// What one batch gave besides its loss.
struct BatchStats
{
    double correct = 0; ///< right predictions (tokens for a language model)
    double count = 0;   ///< examples (tokens)
};

/// The loss of one batch at the current parameters; fills `stats` when it is given.
using BatchObjective = std::function<torch::Tensor(BatchStats *stats)>;

struct BilevelStepResult
{
    double trainLoss = 0; ///< mean over the train batch, at (w, A) before the weight step
    BatchStats train;
    double valLoss = 0; ///< the architecture batch: at the look-ahead A_t (w' in 2nd order)
    BatchStats val;
    double archSeconds = 0, weightSeconds = 0;
    double commSeconds = 0; ///< of those, in exchanges with the other ranks
};

class BilevelStep
{
public:
    struct Settings
    {
        SearchOrder order = SearchOrder::First;
        double momentum = 0.9; ///< the weight optimizer's, for w' in Eq. 13
        double weightDecay = 3e-4;
        double gradClip = 5.0;
    };

    BilevelStep(std::vector<torch::Tensor> weights, std::vector<torch::Tensor> arch,
                torch::optim::SGD &weightOptimizer, SparseGroupOptimizer &archOptimizer,
                Settings settings);

    /// Algorithm 1 on one pair of batches, the weight step at learning rate `lr` (already set in
    /// the weight optimizer). Throws RunHealthError (Diverged) when a loss is not finite.
    BilevelStepResult run(const BatchObjective &train, const BatchObjective &val, double lr);

    /// Weights the weight step leaves untouched (no gradient, no decay, no momentum): a frozen
    /// op's (search.freeze_zero_epochs). Replaces the previous list.
    void setFrozenWeights(const std::vector<torch::Tensor> &frozen);

    /// A data-parallel run (docs/distributed.md): the gradients of both levels, the losses and
    /// their counts are averaged over the ranks before they are used, so every rank takes the
    /// same steps; `buffers` (batch-norm running statistics) are averaged after each step, so
    /// every rank holds the same model. The objectives are this rank's shards.
    void setCommunicator(Communicator *comm, std::vector<torch::Tensor> buffers);

private:
    /// Sums loss * 1, correct and count over the ranks; the loss becomes their mean.
    void reduce(double &loss, BatchStats &stats);
    std::vector<torch::Tensor> m_weights, m_arch;
    torch::optim::SGD &m_weightOpt;
    SparseGroupOptimizer &m_archOpt;
    Settings m_settings;
    std::vector<bool> m_frozen; ///< per weight; empty when none is frozen
    Communicator *m_comm = nullptr;
    std::vector<torch::Tensor> m_buffers;
};

} // namespace sparsenas
