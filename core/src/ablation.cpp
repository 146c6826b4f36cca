// SPDX-License-Identifier: MIT
#include "sparsenas/ablation.h"

#include "sparsenas/optimizers.h"

#include <chrono>
#include <stdexcept>

namespace sparsenas {

std::vector<torch::Tensor> mlpGroupIndex(const std::vector<torch::Tensor> &weights,
                                         int64_t *numGroups)
{
    std::vector<torch::Tensor> index;
    int64_t next = 0;
    for (const auto &w : weights) {
        if (w.dim() != 2)
            throw std::invalid_argument("mlpGroupIndex: weight matrices must be 2-D");
        const int64_t in = w.size(1);
        // Column j (input unit j's outgoing weights) is group next + j.
        index.push_back(
            (torch::arange(in, torch::kLong) + next).unsqueeze(0).expand({w.size(0), in}).clone());
        next += in;
    }
    *numGroups = next;
    return index;
}

MlpSparsity mlpSparsity(const std::vector<torch::Tensor> &weights)
{
    MlpSparsity s;
    for (size_t l = 0; l < weights.size(); ++l) {
        const auto nonzero = weights[l].ne(0);
        const int64_t alive = nonzero.any(0).sum().item<int64_t>(); // columns with a weight
        if (l == 0)
            s.features = alive;
        else
            s.neurons += alive;
        s.zeros += weights[l].numel() - nonzero.sum().item<int64_t>();
        s.total += weights[l].numel();
    }
    return s;
}

std::pair<torch::Tensor, torch::Tensor> flatDigits(const Dataset &data,
                                                   const std::vector<int64_t> &rows)
{
    if (data.channels() != 1 || data.mean.empty() || data.stddev.empty())
        throw std::invalid_argument("flatDigits: a one-channel data set with its statistics");
    const auto idx = torch::tensor(rows, torch::kLong);
    const auto images = data.images.index_select(0, idx).to(torch::kFloat).flatten(1);
    const auto x = (images / data.pixelScale - data.mean[0]) / data.stddev[0];
    return {x.contiguous(), data.labels.index_select(0, idx)};
}

namespace {

bool adamFamily(ArchOptimizerKind k)
{
    return k == ArchOptimizerKind::Adam || k == ArchOptimizerKind::AdamHapg;
}

torch::Tensor forward(const torch::Tensor &x, const std::vector<torch::Tensor> &w,
                      const std::vector<torch::Tensor> &b)
{
    torch::Tensor h = x;
    for (size_t l = 0; l < w.size(); ++l) {
        h = torch::nn::functional::linear(h, w[l], b[l]);
        if (l + 1 < w.size())
            h = torch::relu(h);
    }
    return h;
}

} // namespace

AblationResult runAblation(const AblationSetting &setting, const AblationOptions &options,
                           const std::pair<torch::Tensor, torch::Tensor> &train,
                           const std::pair<torch::Tensor, torch::Tensor> &val)
{
    const auto start = std::chrono::steady_clock::now();
    torch::manual_seed(setting.seed);
    // The layers as torch::nn::Linear initialises them (Kaiming-uniform weights).
    std::vector<int64_t> sizes = {train.first.size(1)};
    sizes.insert(sizes.end(), options.hidden.begin(), options.hidden.end());
    sizes.push_back(10);
    std::vector<torch::Tensor> weights, biases;
    for (size_t l = 0; l + 1 < sizes.size(); ++l) {
        torch::nn::Linear layer(sizes[l], sizes[l + 1]);
        weights.push_back(layer->weight.detach().clone().set_requires_grad(true));
        biases.push_back(layer->bias.detach().clone().set_requires_grad(true));
    }
    int64_t numGroups = 0;
    const auto groups = mlpGroupIndex(weights, &numGroups);
    ArchConfig arch;
    arch.optimizer = setting.optimizer;
    arch.lr = adamFamily(setting.optimizer) ? options.adamLr : options.sgdLr;
    arch.beta1 = 0.9; // Adam's usual, not the architecture step's 0.5
    arch.momentum = 0.9;
    arch.accelerated = options.accelerated;
    auto opt = makeArchOptimizer(arch, weights, groups, numGroups);
    opt->setPenalty(setting.penalty, setting.lambda, options.alpha);
    std::unique_ptr<torch::optim::Optimizer> biasOpt;
    if (adamFamily(setting.optimizer))
        biasOpt = std::make_unique<torch::optim::Adam>(
            biases, torch::optim::AdamOptions(options.adamLr).betas({0.9, 0.999}));
    else
        biasOpt = std::make_unique<torch::optim::SGD>(
            biases, torch::optim::SGDOptions(options.sgdLr).momentum(0.9));

    const int64_t n = train.first.size(0);
    double lossSum = 0.0;
    int64_t batches = 0;
    for (int64_t epoch = 0; epoch < options.epochs; ++epoch) {
        const auto order = torch::randperm(n, torch::kLong);
        lossSum = 0.0;
        batches = 0;
        for (int64_t at = 0; at < n; at += options.batchSize) {
            const auto rows = order.slice(0, at, std::min(n, at + options.batchSize));
            const auto x = train.first.index_select(0, rows);
            const auto y = train.second.index_select(0, rows);
            opt->zero_grad();
            biasOpt->zero_grad();
            const auto loss = torch::nn::functional::cross_entropy(forward(x, weights, biases), y);
            loss.backward();
            opt->step();
            biasOpt->step();
            lossSum += loss.item<double>();
            ++batches;
        }
    }

    AblationResult r;
    r.setting = setting;
    r.trainLoss = batches > 0 ? lossSum / double(batches) : 0.0;
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> sparse;
    for (size_t k = 0; k < weights.size(); ++k)
        sparse.push_back(opt->sparseIterate(k).detach());
    const auto logits = forward(val.first, sparse, biases);
    r.valAcc = logits.argmax(1).eq(val.second).to(torch::kDouble).mean().item<double>();
    const MlpSparsity s = mlpSparsity(sparse);
    r.features = s.features;
    r.neurons = s.neurons;
    r.elementSparsity = s.total > 0 ? double(s.zeros) / double(s.total) : 0.0;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

} // namespace sparsenas
