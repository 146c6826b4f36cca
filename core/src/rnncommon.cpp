// SPDX-License-Identifier: MIT
#include "rnncommon.h"

namespace sparsenas::rnn {

namespace {
constexpr double kInitRange = 0.04;
} // namespace

torch::Tensor uniformInit(std::vector<int64_t> shape)
{
    return torch::empty(shape).uniform_(-kInitRange, kInitRange);
}

int activationKind(const std::string &op)
{
    return op == "none"       ? 0
           : op == "tanh"     ? 1
           : op == "relu"     ? 2
           : op == "sigmoid"  ? 3
           : op == "identity" ? 4
                              : -1;
}

torch::Tensor activation(int kind, const torch::Tensor &h)
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

torch::Tensor dropoutMask(std::vector<int64_t> shape, double p, at::Generator *gen,
                          const torch::TensorOptions &options)
{
    // Drawn on the CPU from the CPU generator (a CUDA tensor refuses a CPU generator), then
    // moved: the same masks on every device.
    auto m = torch::empty(shape, options.device(torch::kCPU));
    m.bernoulli_(1.0 - p, *gen);
    m.div_(1.0 - p);
    return options.device().is_cpu() ? m : m.to(options.device());
}

torch::Tensor firstState(const torch::Tensor &x, const torch::Tensor &hPrev,
                         const torch::Tensor &xMask, const torch::Tensor &hMask,
                         const torch::Tensor &w0)
{
    const int64_t h = hPrev.size(-1);
    const auto xIn = xMask.defined() ? x * xMask : x;
    const auto hIn = hMask.defined() ? hPrev * hMask : hPrev;
    const auto ch0 = torch::cat({xIn, hIn}, -1).mm(w0);
    const auto c0 = ch0.narrow(-1, 0, h).sigmoid();
    const auto h0 = ch0.narrow(-1, h, h).tanh();
    return hPrev + c0 * (h0 - hPrev);
}

torch::Tensor regularised(const torch::Tensor &raw, const RnnOutput &out, double ar, double tar)
{
    auto loss = raw;
    if (ar > 0)
        loss = loss + ar * out.dropped.pow(2).mean();
    if (tar > 0 && out.raw.size(0) > 1) {
        const int64_t t = out.raw.size(0);
        const auto delta = out.raw.narrow(0, 1, t - 1) - out.raw.narrow(0, 0, t - 1);
        loss = loss + tar * delta.pow(2).mean();
    }
    return loss;
}

RnnOutput languageModel(const torch::Tensor &embedding, const torch::Tensor &decoderBias,
                        const Dropouts &d, const torch::Tensor &tokens, const torch::Tensor &hidden,
                        at::Generator *gen, const CellStep &cell)
{
    const int64_t steps = tokens.size(0), batch = tokens.size(1);
    const int64_t vocabulary = embedding.size(0), h = embedding.size(1);
    const auto opts = embedding.options().requires_grad(false);
    auto table = embedding;
    if (gen && d.words > 0)
        table = table * dropoutMask({vocabulary, 1}, d.words, gen, opts);
    auto emb = torch::embedding(table, tokens); // [T, B, h]
    if (gen && d.input > 0)
        emb = emb * dropoutMask({1, batch, h}, d.input, gen, opts);
    torch::Tensor xMask, hMask;
    if (gen && d.x > 0)
        xMask = dropoutMask({batch, h}, d.x, gen, opts);
    if (gen && d.hidden > 0)
        hMask = dropoutMask({batch, h}, d.hidden, gen, opts);

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
    if (gen && d.output > 0)
        out.dropped = out.raw * dropoutMask({1, batch, h}, d.output, gen, opts);
    const auto logits = torch::addmm(decoderBias, out.dropped.view({-1, h}), embedding.t());
    out.logProb = torch::log_softmax(logits, -1);
    return out;
}

} // namespace sparsenas::rnn
