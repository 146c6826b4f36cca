// SPDX-License-Identifier: MIT
#include "sparsenas/rnnsupernet.h"

#include "rnncommon.h"

#include "sparsenas/base/genotype.h"

#include <algorithm>
#include <stdexcept>

namespace sparsenas {

namespace {

/// Batch normalisation without affine parameters, always on the batch's statistics (as the
/// search does in the CNN space: docs/method.md). An exactly-zero state stays exactly zero.
torch::Tensor normalise(const torch::Tensor &s)
{
    return torch::batch_norm(s, {}, {}, {}, {}, /*training=*/true, 0.1, 1e-5, false);
}

} // namespace

RnnSupernetImpl::RnnSupernetImpl(const RnnSupernetConfig &config) : m_config(config)
{
    const int64_t v = config.vocabulary, h = config.hidden;
    if (v < 2 || h < 1 || config.nodes < 1)
        throw std::invalid_argument(
            "RnnSupernet: needs a vocabulary of 2, a hidden size and a node");
    m_embedding = register_parameter("embedding", rnn::uniformInit({v, h}));
    m_decoderBias = register_parameter("decoder_bias", torch::zeros({v}));
    m_w0 = register_parameter("w0", rnn::uniformInit({2 * h, 2 * h}));
    for (int j = 0; j < config.nodes; ++j)
        m_ws.push_back(
            register_parameter("w" + std::to_string(j + 1), rnn::uniformInit({h, 2 * h})));

    for (const auto &op : config.ops) {
        const int kind = rnn::activationKind(op);
        if (kind < 0)
            throw std::invalid_argument("RnnSupernet: unknown op " + op);
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
    std::vector<torch::Tensor> states = {normalise(rnn::firstState(x, hPrev, xMask, hMask, m_w0))};

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
            const auto term = rnn::activation(kind, pre) * a.select(1, k).view({in, 1, 1});
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
    return rnn::languageModel(
        m_embedding, m_decoderBias,
        {c.dropout, c.dropoutHidden, c.dropoutX, c.dropoutInput, c.dropoutWords}, tokens, hidden,
        gen, [this](const auto &x, const auto &h, const auto &xm, const auto &hm) {
            return cell(x, h, xm, hm);
        });
}

} // namespace sparsenas
