// SPDX-License-Identifier: MIT
#include "sparsenas/optimizers.h"

#include "sparsenas/torchcompat.h"

#include <cmath>
#include <stdexcept>

namespace sparsenas {

using torch::serialize::InputArchive;
using torch::serialize::OutputArchive;

double apgMomentum(int64_t t)
{
    return t <= 2 ? 0.0 : double(t - 2) / double(t + 1);
}

// ---------------------------------------------------------------- base

static torch::Tensor concatIndex(const std::vector<torch::Tensor> &params,
                                 const std::vector<torch::Tensor> &groupIndex)
{
    if (params.size() != groupIndex.size())
        throw std::invalid_argument("one group index per parameter is needed");
    std::vector<torch::Tensor> parts;
    for (size_t k = 0; k < params.size(); ++k) {
        if (groupIndex[k].numel() != params[k].numel())
            throw std::invalid_argument("group index " + std::to_string(k) +
                                        " does not match its parameter's size");
        parts.push_back(groupIndex[k].flatten().to(torch::kLong).cpu());
    }
    return torch::cat(parts);
}

SparseGroupOptimizer::SparseGroupOptimizer(std::vector<torch::optim::OptimizerParamGroup> groups,
                                           std::unique_ptr<torch::optim::OptimizerOptions> defaults,
                                           const std::vector<torch::Tensor> &groupIndex,
                                           int64_t numGroups)
    : Optimizer(std::move(groups), std::move(defaults))
{
    if (param_groups_.size() != 1)
        throw std::invalid_argument("sparse group optimizers take exactly one parameter group");
    const auto &ps = params();
    if (ps.empty())
        throw std::invalid_argument("sparse group optimizers need at least one parameter");
    auto index = concatIndex(ps, groupIndex);
    const auto pinned = index.lt(0);
    if (pinned.any().item<bool>()) {
        // Pinned elements (group id -1, e.g. the "none" op's weight) belong to no group: they
        // sit in a sink group of their own, so they cannot bias a real group's norm, size or
        // median step, and every step leaves them at exactly zero.
        index = index.masked_fill(pinned, numGroups);
        m_groups = GroupStructure::fromIndex(index, numGroups + 1);
        m_pinned = pinned.to(ps.front().device());
    } else {
        m_groups = GroupStructure::fromIndex(index, numGroups);
    }
    m_groups = m_groups.to(ps.front().device(), ps.front().scalar_type());
    if (m_pinned.defined()) {
        // The sink group has no weight in the penalty.
        m_groups.groupWeight[numGroups].fill_(0.0);
    }
}

torch::Tensor SparseGroupOptimizer::pinZeros(const torch::Tensor &flat) const
{
    auto out = m_pinned.defined() ? flat.masked_fill(m_pinned, 0.0) : flat;
    return m_frozen.defined() ? out.masked_fill(m_frozen, 0.0) : out;
}

void SparseGroupOptimizer::setFrozen(const std::vector<torch::Tensor> &masks)
{
    m_frozen = torch::Tensor();
    if (masks.empty())
        return;
    const auto &ps = params();
    if (masks.size() != ps.size())
        throw std::invalid_argument("setFrozen: one mask per parameter is needed");
    std::vector<torch::Tensor> parts;
    for (size_t k = 0; k < ps.size(); ++k) {
        if (masks[k].defined() && masks[k].numel() != ps[k].numel())
            throw std::invalid_argument("setFrozen: mask " + std::to_string(k) +
                                        " does not match its parameter's size");
        parts.push_back(masks[k].defined() ? masks[k].flatten().ne(0).cpu()
                                           : torch::zeros({ps[k].numel()}, torch::kBool));
    }
    const auto flat = torch::cat(parts);
    if (flat.any().item<bool>())
        m_frozen = flat.to(ps.front().device());
}

void SparseGroupOptimizer::pinParameters()
{
    if (!m_pinned.defined() && !m_frozen.defined())
        return;
    std::vector<torch::Tensor> cur;
    for (const auto &p : params())
        cur.push_back(p.detach());
    const auto parts = split(pinZeros(flatCat(cur)));
    for (size_t k = 0; k < params().size(); ++k)
        params()[k].detach().copy_(parts[k]);
}

void SparseGroupOptimizer::setPenalty(PenaltyKind kind, double lambda, double alpha)
{
    m_kind = kind;
    m_lambda = lambda;
    m_alpha = alpha;
}

torch::Tensor SparseGroupOptimizer::sparseIterate(size_t k) const
{
    return params().at(k).detach();
}

double SparseGroupOptimizer::penaltyValue() const
{
    std::vector<torch::Tensor> parts;
    for (size_t k = 0; k < params().size(); ++k)
        parts.push_back(sparseIterate(k));
    return sglPenalty(flatCat(parts), m_groups, m_lambda, alphaInForce());
}

torch::Tensor SparseGroupOptimizer::flatCat(const std::vector<torch::Tensor> &parts) const
{
    std::vector<torch::Tensor> flat;
    flat.reserve(parts.size());
    for (const auto &p : parts)
        flat.push_back(p.flatten());
    return torch::cat(flat);
}

std::vector<torch::Tensor> SparseGroupOptimizer::split(const torch::Tensor &flat) const
{
    std::vector<torch::Tensor> out;
    int64_t offset = 0;
    for (const auto &p : params()) {
        out.push_back(flat.narrow(0, offset, p.numel()).view(p.sizes()));
        offset += p.numel();
    }
    return out;
}

torch::Tensor SparseGroupOptimizer::gradOf(size_t k) const
{
    const auto &p = params()[k];
    return p.grad().defined() ? p.grad().detach() : torch::zeros_like(p);
}

void SparseGroupOptimizer::save(OutputArchive &archive) const
{
    // The penalty in force is not part of the optimizer's state: its owner (the lambda
    // schedule) checkpoints it once and hands it over before every step.
    saveState(archive);
}

void SparseGroupOptimizer::load(InputArchive &archive)
{
    // Checkpoints written before the schedule owned lambda also hold a "sparsenas_penalty"
    // record; it is ignored (the schedule's copy is the one that counts).
    loadState(archive);
}

/// Eq. 7-8 for every parameter, given the prox outputs x (one per parameter):
/// v_t = x_t - A_{t-1} + u_{t-1} v_{t-1};  A_t = x_t + u_t v_t.
template <typename State>
static void applyMomentum(torch::optim::Optimizer &opt, const std::vector<torch::Tensor> &params,
                          const std::vector<torch::Tensor> &x, bool accelerated)
{
    for (size_t k = 0; k < params.size(); ++k) {
        auto &p = params[k];
        auto *st = compat::findState<State>(opt, p);
        const int64_t t = st->step();
        const double uPrev = accelerated ? apgMomentum(t - 1) : 0.0;
        const double u = accelerated ? apgMomentum(t) : 0.0;
        auto v = x[k] - p.detach() + uPrev * st->velocity();
        st->velocity(v);
        st->sparse(x[k].clone());
        p.detach().copy_(x[k] + u * v);
    }
}

// ---------------------------------------------------------------- HAPG

void HapgOptions::serialize(OutputArchive &archive) const
{
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(accelerated);
}

void HapgOptions::serialize(InputArchive &archive)
{
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(bool, accelerated);
}

void HapgParamState::serialize(OutputArchive &archive) const
{
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(step);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(sparse);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(velocity);
}

void HapgParamState::serialize(InputArchive &archive)
{
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(int64_t, step);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(torch::Tensor, sparse);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(torch::Tensor, velocity);
}

Hapg::Hapg(std::vector<torch::Tensor> params, const std::vector<torch::Tensor> &groupIndex,
           int64_t numGroups, HapgOptions options)
    : SparseGroupOptimizer({compat::paramGroup(params, options)},
                           std::make_unique<HapgOptions>(options), groupIndex, numGroups)
{
    TORCH_CHECK(options.lr() >= 0, "Invalid learning rate: ", options.lr());
}

torch::Tensor Hapg::step(LossClosure closure)
{
    torch::NoGradGuard noGrad;
    torch::Tensor loss;
    if (closure) {
        at::AutoGradMode enable(true);
        loss = closure();
    }
    const auto &opts = static_cast<const HapgOptions &>(param_groups_[0].options());
    const auto &ps = params();
    std::vector<torch::Tensor> z;
    for (size_t k = 0; k < ps.size(); ++k) {
        auto *st = compat::findState<HapgParamState>(*this, ps[k]);
        if (!st) {
            auto fresh = std::make_unique<HapgParamState>();
            fresh->sparse(ps[k].detach().clone());
            fresh->velocity(torch::zeros_like(ps[k]));
            compat::setState(*this, ps[k], std::move(fresh));
            st = compat::findState<HapgParamState>(*this, ps[k]);
        }
        st->step(st->step() + 1);
        z.push_back(ps[k].detach() - opts.lr() * gradOf(k)); // Eq. 6
    }
    // Eq. 5, 9, 10 over all groups of all parameters at once.
    const auto x = pinZeros(sglProx(flatCat(z), m_groups, m_lambda, alphaInForce(), opts.lr()));
    applyMomentum<HapgParamState>(*this, ps, split(x), opts.accelerated());
    return loss;
}

torch::Tensor Hapg::sparseIterate(size_t k) const
{
    const auto *st = compat::findState<HapgParamState>(*this, params().at(k));
    return st ? st->sparse() : params()[k].detach();
}

void Hapg::saveState(OutputArchive &archive) const
{
    const auto &self = *this;
    _TORCH_OPTIM_SERIALIZE_WITH_TEMPLATE_ARG(Hapg);
}

void Hapg::loadState(InputArchive &archive)
{
    auto &self = *this;
    _TORCH_OPTIM_SERIALIZE_WITH_TEMPLATE_ARG(Hapg);
}

// ---------------------------------------------------------------- AdamHAPG

void AdamHapgOptions::serialize(OutputArchive &archive) const
{
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(betas);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(eps);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(accelerated);
}

void AdamHapgOptions::serialize(InputArchive &archive)
{
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(betas_t, betas);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, eps);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(bool, accelerated);
}

void AdamHapgParamState::serialize(OutputArchive &archive) const
{
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(step);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(exp_avg);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(exp_avg_sq);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(sparse);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(velocity);
}

void AdamHapgParamState::serialize(InputArchive &archive)
{
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(int64_t, step);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(torch::Tensor, exp_avg);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(torch::Tensor, exp_avg_sq);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(torch::Tensor, sparse);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(torch::Tensor, velocity);
}

AdamHapg::AdamHapg(std::vector<torch::Tensor> params, const std::vector<torch::Tensor> &groupIndex,
                   int64_t numGroups, AdamHapgOptions options)
    : SparseGroupOptimizer({compat::paramGroup(params, options)},
                           std::make_unique<AdamHapgOptions>(options), groupIndex, numGroups)
{
    TORCH_CHECK(options.lr() >= 0, "Invalid learning rate: ", options.lr());
}

torch::Tensor AdamHapg::step(LossClosure closure)
{
    torch::NoGradGuard noGrad;
    torch::Tensor loss;
    if (closure) {
        at::AutoGradMode enable(true);
        loss = closure();
    }
    const auto &opts = static_cast<const AdamHapgOptions &>(param_groups_[0].options());
    const double beta1 = std::get<0>(opts.betas()), beta2 = std::get<1>(opts.betas());
    const auto &ps = params();
    std::vector<torch::Tensor> z, eta;
    // A frozen entry's moments stay as they were when it froze: its gradient is no longer
    // computed, and zeros would shrink its second moment and grow its step size.
    const auto frozen = m_frozen.defined() ? split(m_frozen) : std::vector<torch::Tensor>();
    for (size_t k = 0; k < ps.size(); ++k) {
        auto *st = compat::findState<AdamHapgParamState>(*this, ps[k]);
        if (!st) {
            auto fresh = std::make_unique<AdamHapgParamState>();
            fresh->exp_avg(torch::zeros_like(ps[k]));
            fresh->exp_avg_sq(torch::zeros_like(ps[k]));
            fresh->sparse(ps[k].detach().clone());
            fresh->velocity(torch::zeros_like(ps[k]));
            compat::setState(*this, ps[k], std::move(fresh));
            st = compat::findState<AdamHapgParamState>(*this, ps[k]);
        }
        st->step(st->step() + 1);
        const auto g = gradOf(k);
        if (frozen.empty()) {
            st->exp_avg().mul_(beta1).add_(g, 1 - beta1);
            st->exp_avg_sq().mul_(beta2).addcmul_(g, g, 1 - beta2);
        } else {
            const auto &f = frozen[k];
            const auto m = st->exp_avg().mul(beta1).add_(g, 1 - beta1);
            const auto v = st->exp_avg_sq().mul(beta2).addcmul_(g, g, 1 - beta2);
            st->exp_avg().copy_(torch::where(f, st->exp_avg(), m));
            st->exp_avg_sq().copy_(torch::where(f, st->exp_avg_sq(), v));
        }
        const double bc1 = 1 - std::pow(beta1, double(st->step()));
        const double bc2 = 1 - std::pow(beta2, double(st->step()));
        // The Adam step is A - eta_i * mhat_i with eta_i = lr / (sqrt(vhat_i) + eps): eta_i is
        // the weight's own step size, which the L1 prox uses (paper, AdamHAPG).
        const auto e = opts.lr() / ((st->exp_avg_sq() / bc2).sqrt() + opts.eps());
        z.push_back(ps[k].detach() - e * (st->exp_avg() / bc1));
        eta.push_back(e);
    }
    const auto etaAll = flatCat(eta);
    auto median = groupMedian(etaAll, m_groups);
    if (m_frozen.defined()) {
        // The group step is the median over the group's live entries: frozen ones, pinned at
        // zero, move to a sink group of their own, as the "none" column does.
        GroupStructure live = m_groups;
        live.groupIndex = m_groups.groupIndex.masked_fill(m_frozen, m_groups.numGroups);
        live.numGroups = m_groups.numGroups + 1;
        median = groupMedian(etaAll, live).narrow(0, 0, m_groups.numGroups);
    }
    const auto x =
        pinZeros(sglProx(flatCat(z), m_groups, m_lambda, alphaInForce(), etaAll, median));
    applyMomentum<AdamHapgParamState>(*this, ps, split(x), opts.accelerated());
    return loss;
}

torch::Tensor AdamHapg::sparseIterate(size_t k) const
{
    const auto *st = compat::findState<AdamHapgParamState>(*this, params().at(k));
    return st ? st->sparse() : params()[k].detach();
}

void AdamHapg::saveState(OutputArchive &archive) const
{
    const auto &self = *this;
    _TORCH_OPTIM_SERIALIZE_WITH_TEMPLATE_ARG(AdamHapg);
}

void AdamHapg::loadState(InputArchive &archive)
{
    auto &self = *this;
    _TORCH_OPTIM_SERIALIZE_WITH_TEMPLATE_ARG(AdamHapg);
}

// ---------------------------------------------------------------- subgradient SGD

void SubgradientSgdOptions::serialize(OutputArchive &archive) const
{
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(momentum);
}

void SubgradientSgdOptions::serialize(InputArchive &archive)
{
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, momentum);
}

void SubgradientSgdParamState::serialize(OutputArchive &archive) const
{
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(momentum_buffer);
}

void SubgradientSgdParamState::serialize(InputArchive &archive)
{
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(torch::Tensor, momentum_buffer);
}

SubgradientSgd::SubgradientSgd(std::vector<torch::Tensor> params,
                               const std::vector<torch::Tensor> &groupIndex, int64_t numGroups,
                               SubgradientSgdOptions options)
    : SparseGroupOptimizer({compat::paramGroup(params, options)},
                           std::make_unique<SubgradientSgdOptions>(options), groupIndex, numGroups)
{
}

torch::Tensor SubgradientSgd::step(LossClosure closure)
{
    torch::NoGradGuard noGrad;
    torch::Tensor loss;
    if (closure) {
        at::AutoGradMode enable(true);
        loss = closure();
    }
    const auto &opts = static_cast<const SubgradientSgdOptions &>(param_groups_[0].options());
    const auto &ps = params();
    std::vector<torch::Tensor> cur;
    for (const auto &p : ps)
        cur.push_back(p.detach());
    const auto sub = split(sglSubgradient(flatCat(cur), m_groups, m_lambda, alphaInForce()));
    for (size_t k = 0; k < ps.size(); ++k) {
        auto d = gradOf(k) + sub[k];
        auto *st = compat::findState<SubgradientSgdParamState>(*this, ps[k]);
        if (!st) {
            auto fresh = std::make_unique<SubgradientSgdParamState>();
            fresh->momentum_buffer(d.clone());
            compat::setState(*this, ps[k], std::move(fresh));
        } else {
            st->momentum_buffer().mul_(opts.momentum()).add_(d);
            d = st->momentum_buffer();
        }
        ps[k].detach().add_(d, -opts.lr());
    }
    pinParameters();
    return loss;
}

void SubgradientSgd::saveState(OutputArchive &archive) const
{
    const auto &self = *this;
    _TORCH_OPTIM_SERIALIZE_WITH_TEMPLATE_ARG(SubgradientSgd);
}

void SubgradientSgd::loadState(InputArchive &archive)
{
    auto &self = *this;
    _TORCH_OPTIM_SERIALIZE_WITH_TEMPLATE_ARG(SubgradientSgd);
}

// ---------------------------------------------------------------- subgradient Adam

void SubgradientAdamOptions::serialize(OutputArchive &archive) const
{
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(lr);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(betas);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(eps);
}

void SubgradientAdamOptions::serialize(InputArchive &archive)
{
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, lr);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(betas_t, betas);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(double, eps);
}

void SubgradientAdamParamState::serialize(OutputArchive &archive) const
{
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(step);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(exp_avg);
    _TORCH_OPTIM_SERIALIZE_TORCH_ARG(exp_avg_sq);
}

void SubgradientAdamParamState::serialize(InputArchive &archive)
{
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(int64_t, step);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(torch::Tensor, exp_avg);
    _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(torch::Tensor, exp_avg_sq);
}

SubgradientAdam::SubgradientAdam(std::vector<torch::Tensor> params,
                                 const std::vector<torch::Tensor> &groupIndex, int64_t numGroups,
                                 SubgradientAdamOptions options)
    : SparseGroupOptimizer({compat::paramGroup(params, options)},
                           std::make_unique<SubgradientAdamOptions>(options), groupIndex, numGroups)
{
}

torch::Tensor SubgradientAdam::step(LossClosure closure)
{
    torch::NoGradGuard noGrad;
    torch::Tensor loss;
    if (closure) {
        at::AutoGradMode enable(true);
        loss = closure();
    }
    const auto &opts = static_cast<const SubgradientAdamOptions &>(param_groups_[0].options());
    const double beta1 = std::get<0>(opts.betas()), beta2 = std::get<1>(opts.betas());
    const auto &ps = params();
    std::vector<torch::Tensor> cur;
    for (const auto &p : ps)
        cur.push_back(p.detach());
    const auto sub = split(sglSubgradient(flatCat(cur), m_groups, m_lambda, alphaInForce()));
    for (size_t k = 0; k < ps.size(); ++k) {
        auto *st = compat::findState<SubgradientAdamParamState>(*this, ps[k]);
        if (!st) {
            auto fresh = std::make_unique<SubgradientAdamParamState>();
            fresh->exp_avg(torch::zeros_like(ps[k]));
            fresh->exp_avg_sq(torch::zeros_like(ps[k]));
            compat::setState(*this, ps[k], std::move(fresh));
            st = compat::findState<SubgradientAdamParamState>(*this, ps[k]);
        }
        st->step(st->step() + 1);
        const auto d = gradOf(k) + sub[k];
        st->exp_avg().mul_(beta1).add_(d, 1 - beta1);
        st->exp_avg_sq().mul_(beta2).addcmul_(d, d, 1 - beta2);
        const double bc1 = 1 - std::pow(beta1, double(st->step()));
        const double bc2 = 1 - std::pow(beta2, double(st->step()));
        ps[k].detach().sub_(opts.lr() * (st->exp_avg() / bc1) /
                            ((st->exp_avg_sq() / bc2).sqrt() + opts.eps()));
    }
    pinParameters();
    return loss;
}

void SubgradientAdam::saveState(OutputArchive &archive) const
{
    const auto &self = *this;
    _TORCH_OPTIM_SERIALIZE_WITH_TEMPLATE_ARG(SubgradientAdam);
}

void SubgradientAdam::loadState(InputArchive &archive)
{
    auto &self = *this;
    _TORCH_OPTIM_SERIALIZE_WITH_TEMPLATE_ARG(SubgradientAdam);
}

// ---------------------------------------------------------------- factory

std::unique_ptr<SparseGroupOptimizer>
makeArchOptimizer(const ArchConfig &a, std::vector<torch::Tensor> params,
                  const std::vector<torch::Tensor> &groupIndex, int64_t numGroups)
{
    switch (a.optimizer) {
    case ArchOptimizerKind::Hapg:
        return std::make_unique<Hapg>(std::move(params), groupIndex, numGroups,
                                      HapgOptions(a.lr).accelerated(a.accelerated));
    case ArchOptimizerKind::AdamHapg:
        return std::make_unique<AdamHapg>(
            std::move(params), groupIndex, numGroups,
            AdamHapgOptions(a.lr).betas({a.beta1, a.beta2}).eps(a.eps).accelerated(a.accelerated));
    case ArchOptimizerKind::Sgd:
        return std::make_unique<SubgradientSgd>(std::move(params), groupIndex, numGroups,
                                                SubgradientSgdOptions(a.lr).momentum(a.momentum));
    case ArchOptimizerKind::Adam:
        break;
    }
    return std::make_unique<SubgradientAdam>(
        std::move(params), groupIndex, numGroups,
        SubgradientAdamOptions(a.lr).betas({a.beta1, a.beta2}).eps(a.eps));
}

} // namespace sparsenas
