// SPDX-License-Identifier: MIT
#pragma once

// The architecture gradient of the bi-level problem (paper Eq. 4, 11-13): first order
// (grad_A l_val(w, A)) or DARTS's second order with finite differences (Eq. 13).

#include <torch/torch.h>

#include <functional>
#include <vector>

namespace sparsenas {

/// A loss on a batch as a function of the current parameters (the model's forward + loss).
using BatchLoss = std::function<torch::Tensor()>;

struct VirtualStep
{
    double lr = 0.025;     ///< gamma of Eq. 13: the weight optimizer's current rate
    double momentum = 0.0; ///< SGD momentum; with `buffers` it enters w' as in DARTS
    double weightDecay = 0.0;
    std::vector<torch::Tensor> momentumBuffers; ///< per weight, may be empty or undefined
    double fdScale = 0.01;                      ///< eps = fdScale / |grad_w' l_val| (DARTS: 0.01)
    /// A data-parallel run's average over the ranks, applied to the gradients the step goes on
    /// from (grad_w l_train for w', grad_w' l_val for w+-); the result's own average is the
    /// caller's. Unset: one process.
    std::function<void(std::vector<torch::Tensor> &)> average;
};

/// grad_A l_val(w, A).
std::vector<torch::Tensor> firstOrderArchGrad(const BatchLoss &valLoss,
                                              const std::vector<torch::Tensor> &arch);

/// Eq. 13: grad_A l_val(w', A) - gamma (grad_A l_train(w+, A) - grad_A l_train(w-, A)) / (2 eps)
/// with w' = w - gamma (grad_w l_train(w, A) + decay w + momentum buf), w+- = w +- eps
/// grad_w' l_val(w', A), eps = fdScale / ||grad_w' l_val(w', A)||. The weights are restored on
/// return. `valLossOut`, if given, receives l_val(w', A).
std::vector<torch::Tensor> secondOrderArchGrad(const BatchLoss &trainLoss, const BatchLoss &valLoss,
                                               const std::vector<torch::Tensor> &weights,
                                               const std::vector<torch::Tensor> &arch,
                                               const VirtualStep &step,
                                               torch::Tensor *valLossOut = nullptr);

} // namespace sparsenas
