// SPDX-License-Identifier: MIT
#include "sparsenas/evalnetwork.h"

#include "sparsenas/dataset.h"
#include "sparsenas/supernet.h"

#include "kernels/kernels.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace sparsenas {

namespace nn = torch::nn;

namespace {

/// DARTS's evaluation pools: no BatchNorm after them (the search adds one, the network does
/// not).
struct PlainPoolImpl : nn::Module, ScaledOp
{
    PlainPoolImpl(bool maxPool, int64_t stride) : m_max(maxPool), m_stride(stride) {}
    torch::Tensor forward(const torch::Tensor &x)
    {
        return m_max ? torch::max_pool2d(x, {3, 3}, {m_stride, m_stride}, {1, 1})
                     : torch::avg_pool2d(x, {3, 3}, {m_stride, m_stride}, {1, 1},
                                         /*ceil_mode=*/false, /*count_include_pad=*/false);
    }
    ScaledOutput unscaled(OpInput &in) override
    {
        const auto x = in.take();
        if (m_max && torch::GradMode::is_enabled() && x.requires_grad())
            return {kernels::maxPool3x3(x, m_stride)};
        return {forward(x)};
    }
    nn::BatchNorm2dImpl *finalBn() override { return nullptr; }
    bool zeroInputGivesZero() const override { return true; }
    bool zeroInputIsInert() const override { return false; }
    void advanceStatsOnZeroInput(const torch::Tensor &) override {}
    bool m_max;
    int64_t m_stride;
};
TORCH_MODULE(PlainPool);

nn::AnyModule makeEvalOp(const std::string &name, int64_t c, int64_t stride)
{
    if (name == "max_pool_3x3" || name == "avg_pool_3x3")
        return nn::AnyModule(PlainPool(name == "max_pool_3x3", stride));
    if (name == "none")
        throw std::invalid_argument("'none' is not an operation of an evaluation network");
    return makeOp(name, c, stride, /*affine=*/true);
}

int64_t half(int64_t n)
{
    return (n + 1) / 2;
}

} // namespace

int64_t opMultiplyAdds(const std::string &op, int64_t c, int64_t stride, int64_t h, int64_t w)
{
    const int64_t ho = stride == 2 ? half(h) : h, wo = stride == 2 ? half(w) : w;
    const int64_t out = ho * wo;
    auto kernel = [&](int64_t k) { return c * k * k * out + c * c * out; }; // depthwise + 1x1
    if (op == "sep_conv_3x3")
        return 2 * kernel(3);
    if (op == "sep_conv_5x5")
        return 2 * kernel(5);
    if (op == "dil_conv_3x3")
        return kernel(3);
    if (op == "dil_conv_5x5")
        return kernel(5);
    if (op == "skip_connect")
        return stride == 2 ? c * c * out : 0; // FactorizedReduce: two 1x1 to C/2 each
    return 0;                                 // pools, identity
}

torch::Tensor dropPath(const torch::Tensor &x, const torch::Tensor &keep, double prob)
{
    if (prob <= 0)
        return x;
    const double keepProb = 1.0 - prob;
    std::vector<int64_t> shape(size_t(x.dim()), 1);
    shape[0] = x.size(0);
    return x * (keep.to(x.options()).view(shape) / keepProb);
}

void cutoutInPlace(torch::Tensor image, int64_t size, int64_t cy, int64_t cx)
{
    const int64_t h = image.size(1), w = image.size(2);
    const int64_t y1 = std::clamp<int64_t>(cy - size / 2, 0, h);
    const int64_t y2 = std::clamp<int64_t>(cy + size / 2, 0, h);
    const int64_t x1 = std::clamp<int64_t>(cx - size / 2, 0, w);
    const int64_t x2 = std::clamp<int64_t>(cx + size / 2, 0, w);
    using torch::indexing::Slice;
    if (y2 > y1 && x2 > x1)
        image.index_put_({Slice(), Slice(y1, y2), Slice(x1, x2)}, 0);
}

EvalCellImpl::EvalCellImpl(const CellGenotype &g, int64_t cPrevPrev, int64_t cPrev, int64_t c,
                           bool reduction_, bool reductionPrev, bool scaleByWeights)
    : reduction(reduction_), collapsed(g.collapsed()), scale(scaleByWeights), nodes(g.aliveNodes),
      concat(g.concat)
{
    if (collapsed) {
        // Nothing survives: the cell hands c_{k-1} on (halved in a reduction cell), so the
        // network around it still depends on its input and still trains.
        multiplier = 1;
        if (reduction)
            preprocess1 = nn::AnyModule(FactorizedReduce(cPrev, c, true));
        else
            preprocess1 = nn::AnyModule(ReluConvBn(cPrev, c, 1, 1, 0, true));
        register_module("preprocess1", preprocess1.ptr());
        return;
    }
    multiplier = int64_t(concat.size());
    usesInput0 = std::any_of(g.edges.begin(), g.edges.end(),
                             [](const GenotypeEdge &e) { return e.source == 0; });
    if (usesInput0) {
        if (reductionPrev)
            preprocess0 = nn::AnyModule(FactorizedReduce(cPrevPrev, c, true));
        else
            preprocess0 = nn::AnyModule(ReluConvBn(cPrevPrev, c, 1, 1, 0, true));
        register_module("preprocess0", preprocess0.ptr());
    }
    preprocess1 = nn::AnyModule(ReluConvBn(cPrev, c, 1, 1, 0, true));
    register_module("preprocess1", preprocess1.ptr());
    for (const int node : nodes) {
        for (const GenotypeEdge &e : g.edges) {
            if (e.target != node)
                continue;
            Edge edge;
            edge.source = e.source;
            edge.target = e.target;
            edge.op = e.op;
            const int64_t stride = reduction && e.source < 2 ? 2 : 1;
            edge.module = makeEvalOp(e.op, c, stride);
            edge.scaled = scaledOp(edge.module);
            if (!edge.scaled)
                throw std::logic_error("operation " + e.op + " has no scaled forward");
            register_module("edge" + std::to_string(edges.size()) + "_" + e.op, edge.module.ptr());
            edge.alpha = register_buffer("alpha" + std::to_string(edges.size()),
                                         torch::tensor(scaleByWeights ? e.weight : 1.0f));
            edges.push_back(std::move(edge));
        }
    }
}

torch::Tensor EvalCellImpl::forward(const torch::Tensor &s0, const torch::Tensor &s1,
                                    double dropProb,
                                    const std::function<torch::Tensor(int64_t)> &masks)
{
    if (collapsed)
        return preprocess1.forward<torch::Tensor>(s1);
    const int last = nodes.empty() ? 1 : nodes.back();
    std::vector<OpInput> states;
    states.reserve(size_t(last) + 1); // OpInput references must stay valid
    states.emplace_back(usesInput0 ? preprocess0.forward<torch::Tensor>(s0) : torch::Tensor());
    states.emplace_back(preprocess1.forward<torch::Tensor>(s1));
    const bool drop = is_training() && dropProb > 0;
    size_t e = 0;
    for (int node = 2; node <= last; ++node) {
        if (!std::binary_search(nodes.begin(), nodes.end(), node)) {
            states.emplace_back(torch::Tensor());
            continue;
        }
        ScaledSum sum;
        for (; e < edges.size() && edges[e].target == node; ++e) {
            Edge &edge = edges[e];
            // Unscaled (the default): the plain operation, as DARTS runs it; the scaled path
            // would multiply every output by 1, a full copy per operation.
            ScaledOutput out =
                scale ? edge.scaled->forwardScaled(states[size_t(edge.source)], edge.alpha)
                      : ScaledOutput{
                            edge.module.forward<torch::Tensor>(states[size_t(edge.source)].x())};
            const bool identity = edge.op == "skip_connect" && !(reduction && edge.source < 2);
            if (drop && !identity) {
                const int64_t batch = out.phased ? out.value.size(0) / 4 : out.value.size(0);
                auto keep = masks(batch);
                if (out.phased)
                    keep = keep.repeat({4});
                out.value = dropPath(out.value, keep, dropProb);
            }
            sum.add(std::move(out));
        }
        states.emplace_back(sum.result());
    }
    std::vector<torch::Tensor> out;
    for (const int node : concat)
        out.push_back(states[size_t(node)].x());
    return out.size() == 1 ? out.front() : torch::cat(out, 1);
}

EvalNetworkImpl::EvalNetworkImpl(const Genotype &genotype, const EvalNetworkConfig &config)
    : m_config(config)
{
    const CellGenotype *normal = genotype.cell("normal");
    const CellGenotype *reduce = genotype.cell("reduce");
    if (!normal || !reduce)
        throw std::invalid_argument("an evaluation network needs a normal and a reduce cell");
    if (config.channels < 2 || config.channels % 2 != 0)
        throw std::invalid_argument("the evaluation network needs an even channel count");
    const int64_t c = config.channels;
    int64_t cCurr = config.stemMultiplier * c;
    int64_t h = config.height, w = config.width;
    m_stem = register_module(
        "stem",
        nn::Sequential(
            nn::Conv2d(nn::Conv2dOptions(config.inChannels, cCurr, 3).padding(1).bias(false)),
            nn::BatchNorm2d(cCurr)));
    m_multiplyAdds += config.inChannels * cCurr * 9 * h * w;
    int64_t cPrevPrev = cCurr, cPrev = cCurr;
    cCurr = c;
    bool reductionPrev = false;
    int64_t cAux = 0, hAux = 0;
    int reductionsDone = 0;
    // A factorized reduce reading the image after `k` reductions (each halving it, rounding
    // up) needs it 2x2 there: an image side of at least 2^k + 1.
    const auto factorizedReduceAfter = [&](int k) {
        m_minimumSide = std::max(m_minimumSide, (int64_t(1) << k) + 1);
    };
    for (int64_t l = 0; l < config.layers; ++l) {
        const bool reduction = config.layers >= 3 &&
                               (l == config.layers / 3 || l == 2 * config.layers / 3);
        if (reduction)
            cCurr *= 2;
        const CellGenotype &g = reduction ? *reduce : *normal;
        auto cell = register_module(
            "cell" + std::to_string(l),
            EvalCell(g, cPrevPrev, cPrev, cCurr, reduction, reductionPrev, config.scaleByWeights));
        if (reduction && cell->collapsed)
            factorizedReduceAfter(reductionsDone);
        for (const auto &e : cell->edges) {
            if (reduction && e.op == "skip_connect" && e.source < 2)
                factorizedReduceAfter(reductionsDone);
        }
        if (reductionPrev && !cell->collapsed && cell->usesInput0)
            factorizedReduceAfter(reductionsDone - 1); // c_{k-2}: the last reduction's input
        reductionsDone += reduction ? 1 : 0;
        // Multiply-adds: preprocessing at the cell's input, then the ops.
        int64_t macs = 0;
        const int64_t hOut = reduction ? half(h) : h, wOut = reduction ? half(w) : w;
        if (cell->collapsed) {
            macs += cPrev * cCurr * hOut * wOut;
        } else {
            if (cell->usesInput0)
                macs += cPrevPrev * cCurr * h * w; // 1x1 conv, or FactorizedReduce from 2h x 2w
            macs += cPrev * cCurr * h * w;
            for (const auto &e : cell->edges)
                macs += opMultiplyAdds(e.op, cCurr, reduction && e.source < 2 ? 2 : 1, h, w);
        }
        cell->multiplyAdds = macs;
        m_multiplyAdds += macs;
        if (cell->collapsed)
            m_collapsed.push_back(g.type);
        m_cells.push_back(cell);
        reductionPrev = reduction;
        cPrevPrev = cPrev;
        cPrev = cCurr * cell->multiplier;
        h = hOut;
        w = wOut;
        if (l == 2 * config.layers / 3) {
            cAux = cPrev;
            hAux = h;
        }
    }
    std::sort(m_collapsed.begin(), m_collapsed.end());
    m_collapsed.erase(std::unique(m_collapsed.begin(), m_collapsed.end()), m_collapsed.end());
    if (config.auxiliary && config.layers >= 3) {
        m_auxCell = 2 * config.layers / 3;
        m_auxDartsPool = hAux == 8;
        m_auxFeatures =
            register_module("auxiliary_features",
                            nn::Sequential(nn::Conv2d(nn::Conv2dOptions(cAux, 128, 1).bias(false)),
                                           nn::BatchNorm2d(128), nn::Functional(torch::relu),
                                           nn::Conv2d(nn::Conv2dOptions(128, 768, 2).bias(false)),
                                           nn::BatchNorm2d(768), nn::Functional(torch::relu)));
        m_auxClassifier =
            register_module("auxiliary_classifier", nn::Linear(768, config.numClasses));
    }
    m_classifier = register_module("classifier", nn::Linear(cPrev, config.numClasses));
    m_multiplyAdds += cPrev * config.numClasses;
}

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

/// One cell as one autograd node that keeps only its inputs (activation recomputation): the
/// forward pass runs the cell without a graph; the backward pass runs it again with one, from
/// the same inputs, drop-path masks and batch statistics, and differentiates that. The second
/// run must not move the BatchNorm running statistics again: they are put back afterwards.
/// The cell's parameters are inputs of the node, so that their gradients reach them.
struct RecomputedCell : torch::autograd::Function<RecomputedCell>
{
    static variable_list forward(AutogradContext *ctx, const torch::Tensor &s0,
                                 const torch::Tensor &s1, at::TensorList params, EvalCellImpl *cell,
                                 double dropProb,
                                 const std::function<torch::Tensor(int64_t)> *masks)
    {
        ctx->save_for_backward({s0, s1});
        ctx->saved_data["cell"] = int64_t(reinterpret_cast<intptr_t>(cell));
        ctx->saved_data["drop"] = dropProb;
        ctx->saved_data["params"] = int64_t(params.size());
        // The drop-path masks this pass draws, in order, for the second pass.
        c10::List<torch::Tensor> drawn;
        const auto record = [&](int64_t batch) {
            auto keep = (*masks)(batch);
            drawn.push_back(keep);
            return keep;
        };
        auto out = cell->forward(s0, s1, dropProb, record);
        ctx->saved_data["masks"] = drawn;
        return {out};
    }

    static variable_list backward(AutogradContext *ctx, variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        auto *cell = reinterpret_cast<EvalCellImpl *>(intptr_t(ctx->saved_data["cell"].toInt()));
        const double dropProb = ctx->saved_data["drop"].toDouble();
        const auto masks = ctx->saved_data["masks"].toTensorList();
        const int64_t numParams = ctx->saved_data["params"].toInt();
        torch::Tensor s0 = saved[0].detach().requires_grad_(saved[0].requires_grad());
        torch::Tensor s1 = saved[1].detach().requires_grad_(saved[1].requires_grad());
        // The running statistics as the forward pass left them.
        std::vector<torch::Tensor> buffers, kept;
        for (auto &b : cell->buffers()) {
            buffers.push_back(b);
            kept.push_back(b.clone());
        }
        size_t next = 0;
        const auto replay = [&](int64_t) { return masks.get(next++); };
        torch::Tensor out;
        {
            torch::AutoGradMode enable(true);
            out = cell->forward(s0, s1, dropProb, replay);
        }
        // Put back after the gradients: the graph's BatchNorm nodes hold the buffers and check
        // that nothing changed them before they ran.
        const auto restore = [&] {
            torch::NoGradGuard noGrad;
            for (size_t k = 0; k < buffers.size(); ++k)
                buffers[k].copy_(kept[k]);
        };
        std::vector<torch::Tensor> inputs, params = cell->parameters();
        std::vector<int> where; // 0: s0, 1: s1, 2 + k: parameter k
        if (s0.requires_grad()) {
            inputs.push_back(s0);
            where.push_back(0);
        }
        if (s1.requires_grad()) {
            inputs.push_back(s1);
            where.push_back(1);
        }
        for (size_t k = 0; k < params.size(); ++k) {
            if (params[k].requires_grad()) {
                inputs.push_back(params[k]);
                where.push_back(2 + int(k));
            }
        }
        // One gradient per input of apply(): s0, s1, each parameter, then the three others.
        variable_list result(size_t(2 + numParams + 3));
        if (inputs.empty() || !out.requires_grad()) {
            restore();
            return result;
        }
        const auto g = torch::autograd::grad({out}, inputs, {grads[0]}, /*retain_graph=*/false,
                                             /*create_graph=*/false, /*allow_unused=*/true);
        restore();
        for (size_t k = 0; k < g.size(); ++k)
            result[size_t(where[k])] = g[k];
        return result;
    }
};

} // namespace

EvalOutput EvalNetworkImpl::forward(const torch::Tensor &x)
{
    EvalOutput out;
    auto s0 = m_stem->forward(x.dim() == 4 ? x.contiguous(torch::MemoryFormat::ChannelsLast) : x);
    auto s1 = s0;
    // Drop-path masks: one keep decision per image and operation, drawn from the seed of this
    // forward pass in a fixed order, on the CPU (the same on every device).
    uint64_t draw = 0;
    const double keepProb = 1.0 - m_dropPath;
    const auto masks = [&](int64_t batch) {
        std::vector<float> keep(size_t(batch), 0.0f);
        for (auto &k : keep) {
            const uint64_t z = mixSeed(m_maskSeed, ++draw);
            const double u = double(z >> 11) * (1.0 / 9007199254740992.0);
            k = u < keepProb ? 1.0f : 0.0f;
        }
        return torch::tensor(keep).to(x.device());
    };
    const bool recompute = m_config.recomputeCells && is_training() &&
                           torch::GradMode::is_enabled();
    const std::function<torch::Tensor(int64_t)> maskFn = masks;
    for (size_t l = 0; l < m_cells.size(); ++l) {
        torch::Tensor s;
        if (recompute && !m_cells[l]->collapsed) {
            const auto params = m_cells[l]->parameters();
            s = RecomputedCell::apply(s0, s1, at::TensorList(params), m_cells[l].get(), m_dropPath,
                                      &maskFn)[0];
        } else {
            s = m_cells[l]->forward(s0, s1, m_dropPath, masks);
        }
        s0 = s1;
        s1 = s;
        if (int64_t(l) == m_auxCell && m_auxFeatures && is_training()) {
            auto a = torch::relu(s1);
            a = m_auxDartsPool ? torch::avg_pool2d(a, {5, 5}, {3, 3}, {0, 0}, false, false)
                               : torch::adaptive_avg_pool2d(a, {2, 2});
            out.auxLogits = m_auxClassifier(m_auxFeatures->forward(a).flatten(1));
        }
    }
    auto pooled = torch::adaptive_avg_pool2d(s1, {1, 1}).flatten(1);
    out.logits = m_classifier(pooled);
    return out;
}

int64_t EvalNetworkImpl::parameterCount() const
{
    return [&] {
        int64_t n = 0;
        for (const auto &p : parameters())
            n += p.numel();
        return n;
    }() - auxiliaryParameterCount();
}

int64_t EvalNetworkImpl::auxiliaryParameterCount() const
{
    int64_t n = 0;
    if (m_auxFeatures) {
        for (const auto &p : m_auxFeatures->parameters())
            n += p.numel();
        for (const auto &p : m_auxClassifier->parameters())
            n += p.numel();
    }
    return n;
}

} // namespace sparsenas
