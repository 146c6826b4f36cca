// SPDX-License-Identifier: MIT
#include "sparsenas/bilevelstep.h"

#include "sparsenas/distributed.h"
#include "sparsenas/task.h"
#include "sparsenas/torchcompat.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace sparsenas {

using Clock = std::chrono::steady_clock;

BilevelStep::BilevelStep(std::vector<torch::Tensor> weights, std::vector<torch::Tensor> arch,
                         torch::optim::SGD &weightOptimizer, SparseGroupOptimizer &archOptimizer,
                         Settings settings)
    : m_weights(std::move(weights)), m_arch(std::move(arch)), m_weightOpt(weightOptimizer),
      m_archOpt(archOptimizer), m_settings(settings)
{
}

void BilevelStep::setFrozenWeights(const std::vector<torch::Tensor> &frozen)
{
    m_frozen.assign(m_weights.size(), false);
    for (const auto &f : frozen) {
        for (size_t k = 0; k < m_weights.size(); ++k) {
            if (m_weights[k].unsafeGetTensorImpl() == f.unsafeGetTensorImpl())
                m_frozen[k] = true;
        }
    }
    if (std::find(m_frozen.begin(), m_frozen.end(), true) == m_frozen.end())
        m_frozen.clear();
}

void BilevelStep::setCommunicator(Communicator *comm, std::vector<torch::Tensor> buffers)
{
    m_comm = comm;
    m_buffers.clear();
    for (auto &b : buffers) {
        if (b.is_floating_point()) // not num_batches_tracked: it counts the same on every rank
            m_buffers.push_back(std::move(b));
    }
}

void BilevelStep::reduce(double &loss, BatchStats &stats)
{
    if (!m_comm)
        return;
    // A non-finite loss on one rank is non-finite on all: they stop together.
    std::vector<double> v{loss, stats.correct, stats.count};
    m_comm->sum(v);
    loss = v[0] / m_comm->worldSize();
    stats.correct = v[1];
    stats.count = v[2];
}

static void requireFinite(double loss, const char *what)
{
    if (!std::isfinite(loss))
        throw RunHealthError(RunHealthError::Kind::Diverged,
                             std::string("the ") + what + " became NaN or infinite", loss);
}

BilevelStepResult BilevelStep::run(const BatchObjective &train, const BatchObjective &val,
                                   double lr)
{
    BilevelStepResult r;
    const auto t0 = Clock::now();
    if (m_comm)
        m_comm->takeCommSeconds();

    // Step 1: the architecture step on the validation batch.
    BatchLoss valLossFn = [&] { return val(&r.val); };
    torch::Tensor valLoss;
    std::vector<torch::Tensor> gArch;
    if (m_settings.order == SearchOrder::Second) {
        VirtualStep vs;
        vs.lr = lr;
        vs.momentum = m_settings.momentum;
        vs.weightDecay = m_settings.weightDecay;
        for (const auto &w : m_weights) {
            auto it = m_weightOpt.state().find(compat::stateKey(w));
            vs.momentumBuffers.push_back(
                it == m_weightOpt.state().end()
                    ? torch::Tensor()
                    : static_cast<torch::optim::SGDParamState &>(*it->second).momentum_buffer());
        }
        if (m_comm)
            vs.average = [this](std::vector<torch::Tensor> &g) { m_comm->average(g); };
        BatchLoss trainLossFn = [&] { return train(nullptr); };
        gArch = secondOrderArchGrad(trainLossFn, valLossFn, m_weights, m_arch, vs, &valLoss);
    } else {
        valLoss = valLossFn();
        gArch = torch::autograd::grad({valLoss}, m_arch, {}, false, false, true);
    }
    r.valLoss = valLoss.item<double>();
    reduce(r.valLoss, r.val);
    requireFinite(r.valLoss, "validation loss");
    for (size_t k = 0; k < m_arch.size(); ++k)
        m_arch[k].mutable_grad() = gArch[k].defined() ? gArch[k].detach()
                                                      : torch::zeros_like(m_arch[k]);
    if (m_comm) {
        std::vector<torch::Tensor> grads;
        for (auto &a : m_arch)
            grads.push_back(a.mutable_grad());
        m_comm->average(grads);
    }
    m_archOpt.step();
    const auto t1 = Clock::now();

    // Step 2: the weight step on the train batch.
    const auto trainLoss = train(&r.train);
    r.trainLoss = trainLoss.item<double>();
    reduce(r.trainLoss, r.train);
    requireFinite(r.trainLoss, "training loss");
    const auto gW = torch::autograd::grad({trainLoss}, m_weights, {}, false, false, true);
    // A weight without a gradient is a zero gradient (SGD still decays it and moves it by its
    // momentum, as the dense run does), except a frozen op's, which the step must not touch:
    // an undefined gradient leaves it out of the clipping and of SGD altogether.
    for (size_t k = 0; k < m_weights.size(); ++k)
        m_weights[k].mutable_grad() = !m_frozen.empty() && m_frozen[k] ? torch::Tensor()
                                      : gW[k].defined()                ? gW[k]
                                                        : torch::zeros_like(m_weights[k]);
    if (m_comm) {
        // The weights' gradients and the running statistics in one exchange.
        std::vector<torch::Tensor> shared;
        for (auto &w : m_weights) {
            if (w.mutable_grad().defined())
                shared.push_back(w.mutable_grad());
        }
        shared.insert(shared.end(), m_buffers.begin(), m_buffers.end());
        m_comm->average(shared);
    }
    const double norm = torch::nn::utils::clip_grad_norm_(m_weights, m_settings.gradClip);
    if (!std::isfinite(norm))
        throw RunHealthError(RunHealthError::Kind::Diverged,
                             "a gradient of the network weights became NaN or infinite", norm);
    m_weightOpt.step();
    const auto t2 = Clock::now();

    r.archSeconds = std::chrono::duration<double>(t1 - t0).count();
    r.weightSeconds = std::chrono::duration<double>(t2 - t1).count();
    if (m_comm)
        r.commSeconds = m_comm->takeCommSeconds();
    return r;
}

} // namespace sparsenas
