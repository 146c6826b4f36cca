// SPDX-License-Identifier: MIT
#include "sparsenas/architect.h"

#include <algorithm>
#include <cmath>

namespace sparsenas {

namespace {

std::vector<torch::Tensor> gradsOf(const torch::Tensor &loss, const std::vector<torch::Tensor> &xs)
{
    auto gs = torch::autograd::grad({loss}, xs, /*grad_outputs=*/{}, /*retain_graph=*/false,
                                    /*create_graph=*/false, /*allow_unused=*/true);
    for (size_t k = 0; k < gs.size(); ++k) {
        if (!gs[k].defined())
            gs[k] = torch::zeros_like(xs[k]);
    }
    return gs;
}

void addScaled(const std::vector<torch::Tensor> &xs, const std::vector<torch::Tensor> &d,
               double scale)
{
    torch::NoGradGuard guard;
    for (size_t k = 0; k < xs.size(); ++k)
        xs[k].add_(d[k], scale);
}

} // namespace

std::vector<torch::Tensor> firstOrderArchGrad(const BatchLoss &valLoss,
                                              const std::vector<torch::Tensor> &arch)
{
    return gradsOf(valLoss(), arch);
}

std::vector<torch::Tensor> secondOrderArchGrad(const BatchLoss &trainLoss, const BatchLoss &valLoss,
                                               const std::vector<torch::Tensor> &weights,
                                               const std::vector<torch::Tensor> &arch,
                                               const VirtualStep &step, torch::Tensor *valLossOut)
{
    std::vector<torch::Tensor> saved;
    {
        torch::NoGradGuard guard;
        for (const auto &w : weights)
            saved.push_back(w.detach().clone());
    }
    // The one-step unrolled weights w' (Eq. 12).
    auto gTrain = gradsOf(trainLoss(), weights);
    if (step.average)
        step.average(gTrain);
    {
        torch::NoGradGuard guard;
        for (size_t k = 0; k < weights.size(); ++k) {
            auto d = gTrain[k] + step.weightDecay * saved[k];
            if (step.momentum > 0 && k < step.momentumBuffers.size() &&
                step.momentumBuffers[k].defined())
                d = d + step.momentum * step.momentumBuffers[k];
            weights[k].copy_(saved[k] - step.lr * d);
        }
    }
    // grad_A and grad_w' of l_val(w', A).
    std::vector<torch::Tensor> both(arch);
    both.insert(both.end(), weights.begin(), weights.end());
    const auto lv = valLoss();
    if (valLossOut)
        *valLossOut = lv.detach();
    const auto g = gradsOf(lv, both);
    std::vector<torch::Tensor> dArch(g.begin(), g.begin() + long(arch.size()));
    std::vector<torch::Tensor> dW(g.begin() + long(arch.size()), g.end());
    if (step.average)
        step.average(dW);

    double norm2 = 0;
    for (const auto &d : dW)
        norm2 += d.square().sum().item<double>();
    const double eps = step.fdScale / std::max(std::sqrt(norm2), 1e-12);

    // Finite differences of grad_A l_train around the original w (Eq. 13).
    {
        torch::NoGradGuard guard;
        for (size_t k = 0; k < weights.size(); ++k)
            weights[k].copy_(saved[k]);
    }
    addScaled(weights, dW, eps);
    const auto gPlus = gradsOf(trainLoss(), arch);
    addScaled(weights, dW, -2 * eps);
    const auto gMinus = gradsOf(trainLoss(), arch);
    {
        torch::NoGradGuard guard;
        for (size_t k = 0; k < weights.size(); ++k)
            weights[k].copy_(saved[k]);
    }
    std::vector<torch::Tensor> out;
    for (size_t k = 0; k < arch.size(); ++k)
        out.push_back(dArch[k] - step.lr * (gPlus[k] - gMinus[k]) / (2 * eps));
    return out;
}

} // namespace sparsenas
