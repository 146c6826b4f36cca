// SPDX-License-Identifier: MIT
#include "sparsenas/supernet.h"

#include "sparsenas/base/genotype.h"
#include "sparsenas/ops.h"

#include <stdexcept>

namespace sparsenas {

namespace nn = torch::nn;

MixedEdgeImpl::MixedEdgeImpl(const std::vector<std::string> &opNames, int64_t channels,
                             int64_t stride)
{
    for (size_t o = 0; o < opNames.size(); ++o) {
        auto op = makeOp(opNames[o], channels, stride, /*affine=*/false);
        if (!op.is_empty())
            register_module("op" + std::to_string(o) + "_" + opNames[o], op.ptr());
        scaled.push_back(scaledOp(op));
        if (!op.is_empty() && !scaled.back())
            throw std::logic_error("operation " + opNames[o] + " has no scaled forward");
        ops.push_back(std::move(op));
    }
}

void ScaledSum::accumulate(torch::Tensor &sum, bool &owned, const torch::Tensor &term)
{
    if (!sum.defined()) {
        sum = term;
    } else if (!owned) {
        sum = sum + term;
        owned = true;
    } else {
        sum.add_(term); // addition keeps nothing for its backward, so in place is safe
    }
}

void ScaledSum::add(ScaledOutput term)
{
    if (term.phased)
        accumulate(m_phased, m_phasedOwned, term.value);
    else
        accumulate(m_sum, m_sumOwned, term.value);
}

torch::Tensor ScaledSum::result()
{
    if (empty())
        throw std::logic_error("a mixed edge needs at least one operation other than none");
    if (m_phased.defined())
        accumulate(m_sum, m_sumOwned, fromPhases(m_phased));
    return m_sum;
}

void MixedEdgeImpl::forwardInto(OpInput &in, const torch::Tensor &weights, ScaledSum &sum)
{
    for (size_t o = 0; o < ops.size(); ++o) {
        if (scaled[o]) // "none": o(x) = 0, so A^o o(x) = 0 whatever A^o is
            sum.add(scaled[o]->forwardScaled(in, weights[int64_t(o)]));
    }
}

torch::Tensor MixedEdgeImpl::forward(const torch::Tensor &x, const torch::Tensor &weights)
{
    OpInput in(x);
    ScaledSum sum;
    forwardInto(in, weights, sum);
    return sum.result();
}

SearchCellImpl::SearchCellImpl(int nodes_, int64_t cPrevPrev, int64_t cPrev, int64_t c,
                               bool reduction_, bool reductionPrev,
                               const std::vector<std::string> &ops)
    : nodes(nodes_), reduction(reduction_)
{
    if (reductionPrev)
        preprocess0 = nn::AnyModule(FactorizedReduce(cPrevPrev, c, false));
    else
        preprocess0 = nn::AnyModule(ReluConvBn(cPrevPrev, c, 1, 1, 0, false));
    preprocess1 = nn::AnyModule(ReluConvBn(cPrev, c, 1, 1, 0, false));
    register_module("preprocess0", preprocess0.ptr());
    register_module("preprocess1", preprocess1.ptr());
    for (int e = 0; e < numEdges(nodes); ++e) {
        const int stride = (reduction && edgeEnds(e).source < 2) ? 2 : 1;
        edges.push_back(register_module("edge" + std::to_string(e), MixedEdge(ops, c, stride)));
    }
}

torch::Tensor SearchCellImpl::forward(const torch::Tensor &s0, const torch::Tensor &s1,
                                      const torch::Tensor &arch)
{
    std::vector<OpInput> states;
    states.reserve(size_t(nodes) + 2); // OpInput references must stay valid
    states.emplace_back(preprocess0.forward<torch::Tensor>(s0));
    states.emplace_back(preprocess1.forward<torch::Tensor>(s1));
    int e = 0;
    for (int j = 0; j < nodes; ++j) {
        ScaledSum node;
        for (int i = 0; i < j + 2; ++i, ++e)
            edges[size_t(e)]->forwardInto(states[size_t(i)], arch[e], node);
        states.emplace_back(node.result());
    }
    std::vector<torch::Tensor> out;
    for (size_t k = 2; k < states.size(); ++k)
        out.push_back(states[k].x());
    return torch::cat(out, 1);
}

SupernetImpl::SupernetImpl(const SupernetConfig &config) : m_config(config)
{
    if (config.ops.empty())
        throw std::invalid_argument("the supernet needs at least one operation");
    if (config.nodes < 1)
        throw std::invalid_argument("the supernet needs at least one intermediate node");
    const int64_t c = config.channels;
    int64_t cCurr = config.stemMultiplier * c;
    m_stem = register_module(
        "stem",
        nn::Sequential(
            nn::Conv2d(nn::Conv2dOptions(config.inChannels, cCurr, 3).padding(1).bias(false)),
            nn::BatchNorm2d(cCurr)));
    int64_t cPrevPrev = cCurr, cPrev = cCurr;
    cCurr = c;
    bool reductionPrev = false;
    for (int64_t l = 0; l < config.layers; ++l) {
        const bool reduction = config.layers >= 3 &&
                               (l == config.layers / 3 || l == 2 * config.layers / 3);
        if (reduction)
            cCurr *= 2;
        m_cells.push_back(register_module("cell" + std::to_string(l),
                                          SearchCell(config.nodes, cPrevPrev, cPrev, cCurr,
                                                     reduction, reductionPrev, config.ops)));
        reductionPrev = reduction;
        cPrevPrev = cPrev;
        cPrev = cCurr * config.nodes;
    }
    m_classifier = register_module("classifier", nn::Linear(cPrev, config.numClasses));

    const int64_t e = numEdges(config.nodes), o = int64_t(config.ops.size());
    auto init = [&] {
        return torch::full({e, o}, config.archInit) + config.archInitNoise * torch::randn({e, o});
    };
    // "none" multiplies an exact zero: its weight is not a weight of the model. It starts at
    // zero and stays there (its group id is -1: the optimizers pin it; docs/method.md).
    auto pinNone = [&](torch::Tensor a) {
        for (int64_t k = 0; k < o; ++k) {
            if (config.ops[size_t(k)] == "none")
                a.select(1, k).zero_();
        }
        return a;
    };
    m_archNormal = register_parameter("arch_normal", pinNone(init()));
    m_archReduce = register_parameter("arch_reduce", pinNone(init()));
}

torch::Tensor SupernetImpl::forward(const torch::Tensor &x)
{
    // Channels-last activations: oneDNN's depthwise kernels and the pooling kernels are much
    // faster in it, and it needs no reorders around each convolution. Ops keep the layout.
    auto s0 = m_stem->forward(x.dim() == 4 ? x.contiguous(torch::MemoryFormat::ChannelsLast) : x);
    auto s1 = s0;
    for (auto &cell : m_cells) {
        auto s = cell->forward(s0, s1, cell->reduction ? m_archReduce : m_archNormal);
        s0 = s1;
        s1 = s;
    }
    auto pooled = torch::adaptive_avg_pool2d(s1, {1, 1}).flatten(1);
    return m_classifier(pooled);
}

std::vector<torch::Tensor> SupernetImpl::weightParameters() const
{
    std::vector<torch::Tensor> out;
    for (const auto &item : named_parameters()) {
        if (item.key() != "arch_normal" && item.key() != "arch_reduce")
            out.push_back(item.value());
    }
    return out;
}

std::vector<torch::Tensor> SupernetImpl::archGroupIndex() const
{
    const int n = m_config.nodes;
    const int64_t o = int64_t(m_config.ops.size());
    std::vector<torch::Tensor> out;
    for (int t = 0; t < 2; ++t) {
        auto idx = torch::empty({numEdges(n), o}, torch::kLong);
        for (int e = 0; e < numEdges(n); ++e)
            idx[e].fill_(int64_t(t) * n + (edgeEnds(e).target - 2));
        for (int64_t k = 0; k < o; ++k) {
            if (m_config.ops[size_t(k)] == "none")
                idx.select(1, k).fill_(-1);
        }
        out.push_back(idx.flatten());
    }
    return out;
}

int64_t SupernetImpl::numArchGroups() const
{
    return 2 * int64_t(m_config.nodes);
}

} // namespace sparsenas
