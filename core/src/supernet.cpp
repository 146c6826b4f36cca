// SPDX-License-Identifier: MIT
#include "sparsenas/supernet.h"

#include "sparsenas/base/genotype.h"
#include "sparsenas/ops.h"

#include <algorithm>
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

void MixedEdgeImpl::appendTerms(OpInput &in, int64_t weightOffset, std::vector<MixedTerm> &terms)
{
    for (size_t o = 0; o < ops.size(); ++o) {
        if (scaled[o]) // "none": o(x) = 0, so A^o o(x) = 0 whatever A^o is
            terms.push_back(scaled[o]->term(in, weightOffset + int64_t(o)));
    }
}

torch::Tensor MixedEdgeImpl::forward(const torch::Tensor &x, const torch::Tensor &weights)
{
    OpInput in(x);
    std::vector<MixedTerm> terms;
    appendTerms(in, 0, terms);
    if (terms.empty())
        throw std::logic_error("a mixed edge needs at least one operation other than none");
    return mixTerms(weights, terms).value;
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

int64_t SearchCellImpl::consumersOf(int state) const
{
    // State i feeds the nodes j >= max(0, i - 1); its k-th outgoing edge's op o is consumer
    // k * numOps + o.
    return int64_t(nodes - std::max(0, state - 1)) * int64_t(edges[0]->ops.size());
}

int64_t SearchCellImpl::consumerOf(int i, int j, int64_t o) const
{
    return int64_t(j - std::max(0, i - 1)) * int64_t(edges[0]->ops.size()) + o;
}

// Eq. 1 over every op when `nonzero` is null. Otherwise the same values and gradients, to the
// last bit (up to the sign of zeros), computing only what they depend on (docs/method.md,
// "Computing only what the sparse iterate needs"):
// - an op with A == 0 adds +-0 to its node and gives its weights and its input exactly zero
//   gradient; only A's gradient <dL/dnode, op(x)> is needed (a proximal step can revive A).
//   When A's gradient is asked for, the op runs forward without a graph and autograd records
//   only the final scaling by A; otherwise it runs without a graph only where its BNs' running
//   statistics change (training), and not at all in evaluation.
// - in training, a node whose every term is such a zero, or comes from such a node, is exactly
//   zero (affine-free BN over batch statistics maps zeros to zeros), and so is every op on it;
//   the ops that start with ReLU then give nothing any gradient either, and are skipped, their
//   BNs' running statistics advanced as the zero batch would. Pools and the identity with
//   A != 0 still run: they pass the gradient on to the zero node, whose own A's need it.
// A frozen op (search.freeze_zero_epochs, not exact: docs/method.md) is left out altogether.
torch::Tensor SearchCellImpl::forward(const torch::Tensor &s0, const torch::Tensor &s1,
                                      const torch::Tensor &arch, const uint8_t *nonzero,
                                      const uint8_t *frozen)
{
    const int64_t numOps = int64_t(edges[0]->ops.size());
    std::vector<OpInput> states;
    states.reserve(size_t(nodes) + 2); // OpInput references must stay valid
    states.emplace_back(preprocess0.forward<torch::Tensor>(s0), consumersOf(0));
    states.emplace_back(preprocess1.forward<torch::Tensor>(s1), consumersOf(1));
    // One autograd operation per node sums its terms and hands A's gradient back as one matrix
    // (mixTerms): no per-op select, product or addition in the graph.
    const bool sparse = nonzero != nullptr;
    const bool training = is_training();
    const bool archGrad = torch::GradMode::is_enabled() && arch.requires_grad();
    std::vector<char> zero(size_t(nodes) + 2, 0); // node known to be exactly zero
    std::vector<MixedTerm> terms;
    int e = 0;
    for (int j = 0; j < nodes; ++j) {
        terms.clear();
        bool nodeZero = sparse && training;
        for (int i = 0; i < j + 2; ++i, ++e) {
            auto &edge = *edges[size_t(e)];
            auto &in = states[size_t(i)];
            for (int64_t o = 0; o < numOps; ++o) {
                ScaledOp *op = edge.scaled[size_t(o)];
                const int64_t k = e * numOps + o;
                if (!op || (frozen && frozen[k])) // "none": A o(x) = 0 whatever A is
                    continue;
                const bool weightZero = sparse && nonzero[k] == 0;
                in.use(consumerOf(i, j, o));
                if (zero[size_t(i)] && op->zeroInputGivesZero() &&
                    (weightZero || op->zeroInputIsInert())) {
                    op->advanceStatsOnZeroInput(in.x());
                    continue;
                }
                if (!weightZero) {
                    terms.push_back(op->term(in, k));
                    if (!zero[size_t(i)] || !op->zeroInputGivesZero())
                        nodeZero = false;
                } else if (archGrad || training) {
                    // With A's gradient asked for: only A's path recorded. Without, in
                    // training: run for its BNs' running statistics, its +-0 term added as the
                    // full evaluation adds it (the node's sum then takes the same memory
                    // layout, on which the BN that reads it bases its order of summation).
                    terms.push_back(op->term(in, k, /*graph=*/false));
                }
            }
        }
        zero[size_t(j) + 2] = nodeZero;
        if (terms.empty() && (sparse || frozen)) {
            // Every term skipped: the node is exactly zero and nothing upstream needs its
            // gradient. Stride 2 (reduction cells) gives ceil(H / 2) as every op there does.
            const auto &x = states[1].x();
            const int64_t h = reduction ? (x.size(2) + 1) / 2 : x.size(2);
            const int64_t w = reduction ? (x.size(3) + 1) / 2 : x.size(3);
            // In the layout of the ops' outputs (a concat or a convolution of mixed layouts
            // would round differently). torch::zeros ignores a layout in its options.
            states.emplace_back(torch::empty({x.size(0), x.size(1), h, w},
                                             x.options().memory_format(x.suggest_memory_format()))
                                    .zero_(),
                                consumersOf(j + 2));
        } else {
            if (terms.empty())
                throw std::logic_error("a node needs at least one operation other than none");
            states.emplace_back(mixTerms(arch, terms).value, consumersOf(j + 2));
        }
    }
    std::vector<torch::Tensor> out;
    for (size_t k = 2; k < states.size(); ++k)
        out.push_back(states[k].takeForConcat());
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
    auto stem = m_stem->forward(x.dim() == 4 ? x.contiguous(torch::MemoryFormat::ChannelsLast) : x);
    // The stem's output feeds three preprocessings, each cell's output two; A feeds every cell
    // of its type. Fixed orders of gradient accumulation (fanOut) where there are more than two
    // (with two, the sum does not depend on the order).
    const auto stems = fanOut(stem, 3);
    auto s0 = stems[0], s1 = stems[1];
    std::vector<torch::Tensor> archOf[2];
    int64_t cellsOf[2] = {0, 0};
    for (const auto &cell : m_cells)
        ++cellsOf[cell->reduction ? 1 : 0];
    archOf[0] = fanOut(m_archNormal, cellsOf[0]);
    archOf[1] = fanOut(m_archReduce, cellsOf[1]);
    int64_t used[2] = {0, 0};
    // Which A are exactly nonzero, read once per forward (one small copy from a GPU).
    torch::Tensor nonzeroNormal, nonzeroReduce;
    if (m_config.exploitSparsity) {
        torch::NoGradGuard noGrad;
        nonzeroNormal = m_archNormal.ne(0).to(torch::kCPU, torch::kByte).contiguous();
        nonzeroReduce = m_archReduce.ne(0).to(torch::kCPU, torch::kByte).contiguous();
    }
    for (size_t l = 0; l < m_cells.size(); ++l) {
        auto &cell = m_cells[l];
        const int t = cell->reduction ? 1 : 0;
        const auto &nz = t == 1 ? nonzeroReduce : nonzeroNormal;
        auto s = cell->forward(s0, s1, archOf[t][size_t(used[t]++)],
                               nz.defined() ? nz.data_ptr<uint8_t>() : nullptr,
                               m_frozen[t].defined() ? m_frozen[t].data_ptr<uint8_t>() : nullptr);
        s0 = l == 0 ? stems[2] : s1;
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

void SupernetImpl::setFrozen(const std::vector<torch::Tensor> &masks)
{
    const int64_t e = numEdges(m_config.nodes), o = int64_t(m_config.ops.size());
    if (masks.size() > 2)
        throw std::invalid_argument("setFrozen: one mask per cell type");
    for (size_t t = 0; t < 2; ++t) {
        m_frozen[t] = torch::Tensor();
        if (t >= masks.size() || !masks[t].defined())
            continue;
        if (masks[t].numel() != e * o)
            throw std::invalid_argument("setFrozen: a mask of " + std::to_string(e * o) +
                                        " entries is needed");
        auto m = masks[t].reshape({e, o}).ne(0).to(torch::kCPU, torch::kByte).contiguous();
        if (m.any().item<bool>())
            m_frozen[t] = m;
    }
}

std::vector<torch::Tensor> SupernetImpl::frozenWeights() const
{
    std::vector<torch::Tensor> out;
    for (const auto &cell : m_cells) {
        const auto &f = m_frozen[cell->reduction ? 1 : 0];
        if (!f.defined())
            continue;
        const auto *mask = f.data_ptr<uint8_t>();
        const int64_t numOps = f.size(1);
        for (size_t e = 0; e < cell->edges.size(); ++e) {
            for (int64_t op = 0; op < numOps; ++op) {
                const auto &module = cell->edges[e]->ops[size_t(op)];
                if (mask[int64_t(e) * numOps + op] && !module.is_empty()) {
                    for (const auto &p : module.ptr()->parameters())
                        out.push_back(p);
                }
            }
        }
    }
    return out;
}

} // namespace sparsenas
