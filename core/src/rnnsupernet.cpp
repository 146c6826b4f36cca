// SPDX-License-Identifier: MIT
#include "sparsenas/rnnsupernet.h"

#include "sparsenas/base/genotype.h"

#include <algorithm>
#include <stdexcept>

namespace sparsenas {

namespace {

constexpr double kInitRange = 0.04; // DARTS's INITRANGE

torch::Tensor uniformInit(std::vector<int64_t> shape)
{
    return torch::empty(shape).uniform_(-kInitRange, kInitRange);
}

/// Batch normalisation without affine parameters, always on the batch's statistics (as the
/// search does in the CNN space: docs/method.md). An exactly-zero state stays exactly zero.
torch::Tensor normalise(const torch::Tensor &s)
{
    return torch::batch_norm(s, {}, {}, {}, {}, /*training=*/true, 0.1, 1e-5, false);
}

torch::Tensor applyActivation(int kind, const torch::Tensor &h)
{
    switch (kind) {
    case 1:
        return h.tanh();
    case 2:
        return h.relu();
    case 3:
        return h.sigmoid();
    default:
        return h;
    }
}

/// A mask of kept entries scaled by 1 / keep, shaped `shape`, from `gen`.
torch::Tensor dropoutMask(std::vector<int64_t> shape, double p, at::Generator *gen,
                          const torch::TensorOptions &options)
{
    auto m = torch::empty(shape, options);
    m.bernoulli_(1.0 - p, *gen);
    return m.div_(1.0 - p);
}

} // namespace

RnnSupernetImpl::RnnSupernetImpl(const RnnSupernetConfig &config) : m_config(config)
{
    const int64_t v = config.vocabulary, h = config.hidden;
    if (v < 2 || h < 1 || config.nodes < 1)
        throw std::invalid_argument(
            "RnnSupernet: needs a vocabulary of 2, a hidden size and a node");
    m_embedding = register_parameter("embedding", uniformInit({v, h}));
    m_decoderBias = register_parameter("decoder_bias", torch::zeros({v}));
    m_w0 = register_parameter("w0", uniformInit({2 * h, 2 * h}));
    for (int j = 0; j < config.nodes; ++j)
        m_ws.push_back(register_parameter("w" + std::to_string(j + 1), uniformInit({h, 2 * h})));

    for (const auto &op : config.ops) {
        const int kind = op == "none"      ? 0
                         : op == "tanh"    ? 1
                         : op == "relu"    ? 2
                         : op == "sigmoid" ? 3
                         : op == "identity"
                             ? 4
                             : throw std::invalid_argument("RnnSupernet: unknown op " + op);
        m_activation.push_back(kind);
    }
    std::vector<float> live;
    for (const int kind : m_activation)
        live.push_back(kind != 0 ? 1.0f : 0.0f);
    if (std::find(live.begin(), live.end(), 1.0f) == live.end())
        throw std::invalid_argument("RnnSupernet: needs an op other than none");
    // A float mask, not an index: Module::to(dtype) converts every buffer.
    m_live = register_buffer("live_ops", torch::tensor(live));
    const int64_t e = numEdges(config.nodes, 1), o = int64_t(config.ops.size());
    auto a = torch::full({e, o}, config.archInit) + config.archInitNoise * torch::randn({e, o});
    // "none" multiplies an exact zero: pinned there (its group id is -1), as in the CNN space.
    for (int64_t k = 0; k < o; ++k) {
        if (m_activation[size_t(k)] == 0)
            a.select(1, k).zero_();
    }
    m_arch = register_parameter("arch", a);
}

std::vector<torch::Tensor> RnnSupernetImpl::weightParameters() const
{
    std::vector<torch::Tensor> out = {m_embedding, m_decoderBias, m_w0};
    out.insert(out.end(), m_ws.begin(), m_ws.end());
    return out;
}

std::vector<torch::Tensor> RnnSupernetImpl::archGroupIndex() const
{
    const int n = m_config.nodes;
    const int64_t o = int64_t(m_config.ops.size());
    auto idx = torch::empty({numEdges(n, 1), o}, torch::kLong);
    for (int e = 0; e < numEdges(n, 1); ++e)
        idx[e].fill_(int64_t(edgeEnds(e, 1).target - 1));
    for (int64_t k = 0; k < o; ++k) {
        if (m_activation[size_t(k)] == 0)
            idx.select(1, k).fill_(-1);
    }
    return {idx.flatten()};
}

torch::Tensor RnnSupernetImpl::initialHidden(int64_t batch) const
{
    return torch::zeros({batch, m_config.hidden}, m_embedding.options());
}

torch::Tensor RnnSupernetImpl::cell(const torch::Tensor &x, const torch::Tensor &hPrev,
                                    const torch::Tensor &xMask, const torch::Tensor &hMask) const
{
    const int64_t h = m_config.hidden;
    const auto xIn = xMask.defined() ? x * xMask : x;
    const auto hIn = hMask.defined() ? hPrev * hMask : hPrev;
    const auto ch0 = torch::cat({xIn, hIn}, -1).mm(m_w0);
    const auto c0 = ch0.narrow(-1, 0, h).sigmoid();
    const auto h0 = ch0.narrow(-1, h, h).tanh();
    std::vector<torch::Tensor> states = {normalise(hPrev + c0 * (h0 - hPrev))};

    const int64_t ops = int64_t(m_config.ops.size());
    int64_t offset = 0;
    for (int j = 0; j < m_config.nodes; ++j) {
        const int64_t in = j + 1;            // states 0 .. j feed node j + 1
        const auto s = torch::stack(states); // [in, B, h]
        const auto read = hMask.defined() ? s * hMask.unsqueeze(0) : s;
        const auto ch = read.view({-1, h}).mm(m_ws[size_t(j)]).view({in, -1, 2 * h});
        const auto c = ch.narrow(-1, 0, h).sigmoid();
        const auto pre = ch.narrow(-1, h, h);
        const auto a = m_arch.narrow(0, offset, in); // [in, ops]
        // sum_o A_o (s + c (f_o(pre) - s)) = (sum_o A_o) s (1 - c) + c sum_o A_o f_o(pre),
        // over the ops other than "none" (which contributes exactly zero, A or not).
        auto mixed = (s - c * s) * (a * m_live).sum(1).view({in, 1, 1});
        torch::Tensor acts;
        for (int64_t k = 0; k < ops; ++k) {
            const int kind = m_activation[size_t(k)];
            if (kind == 0)
                continue;
            const auto term = applyActivation(kind, pre) * a.select(1, k).view({in, 1, 1});
            acts = acts.defined() ? acts + term : term;
        }
        if (acts.defined())
            mixed = mixed + c * acts;
        states.push_back(normalise(mixed.sum(0)));
        offset += in;
    }
    // h_t: the mean of the intermediate states (a node whose weights are all zero adds zero).
    return torch::stack(std::vector<torch::Tensor>(states.begin() + 1, states.end())).mean(0);
}

RnnOutput RnnSupernetImpl::forward(const torch::Tensor &tokens, const torch::Tensor &hidden,
                                   at::Generator *gen)
{
    const auto &c = m_config;
    const int64_t steps = tokens.size(0), batch = tokens.size(1), h = c.hidden;
    const auto opts = m_embedding.options().requires_grad(false);
    auto table = m_embedding;
    if (gen && c.dropoutWords > 0)
        table = table * dropoutMask({c.vocabulary, 1}, c.dropoutWords, gen, opts);
    auto emb = torch::embedding(table, tokens); // [T, B, h]
    if (gen && c.dropoutInput > 0)
        emb = emb * dropoutMask({1, batch, h}, c.dropoutInput, gen, opts);
    torch::Tensor xMask, hMask;
    if (gen && c.dropoutX > 0)
        xMask = dropoutMask({batch, h}, c.dropoutX, gen, opts);
    if (gen && c.dropoutHidden > 0)
        hMask = dropoutMask({batch, h}, c.dropoutHidden, gen, opts);

    std::vector<torch::Tensor> outs;
    outs.reserve(size_t(steps));
    auto state = hidden;
    for (int64_t t = 0; t < steps; ++t) {
        state = cell(emb[t], state, xMask, hMask);
        outs.push_back(state);
    }
    RnnOutput out;
    out.raw = torch::stack(outs);
    out.hidden = state;
    out.dropped = out.raw;
    if (gen && c.dropout > 0)
        out.dropped = out.raw * dropoutMask({1, batch, h}, c.dropout, gen, opts);
    const auto logits = torch::addmm(m_decoderBias, out.dropped.view({-1, h}), m_embedding.t());
    out.logProb = torch::log_softmax(logits, -1);
    return out;
}

} // namespace sparsenas
