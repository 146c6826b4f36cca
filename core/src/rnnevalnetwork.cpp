// SPDX-License-Identifier: MIT
#include "sparsenas/rnnevalnetwork.h"

#include "rnncommon.h"
#include "sparsenas/base/genotypesource.h"

#include <map>
#include <set>
#include <stdexcept>

namespace sparsenas {

RnnEvalNetworkImpl::RnnEvalNetworkImpl(const CellGenotype &cell, const RnnEvalNetworkConfig &config)
    : m_config(config)
{
    const auto problems = genotypeProblems(Genotype{{cell}});
    if (!problems.empty())
        throw std::invalid_argument("RnnEvalNetwork: " + problems.front());
    const int64_t v = config.vocabulary, h = config.hidden;
    if (v < 2 || h < 1)
        throw std::invalid_argument("RnnEvalNetwork: needs a vocabulary of 2 and a hidden size");
    m_embedding = register_parameter("embedding", rnn::uniformInit({v, h}));
    m_w0 = register_parameter("w0", rnn::uniformInit({2 * h, 2 * h}));
    for (const int n : cell.aliveNodes) {
        Node node;
        node.number = n;
        for (const GenotypeEdge &e : cell.edges) {
            if (e.target == n)
                node.paths.push_back({e.source, rnn::activationKind(e.op), e.weight});
        }
        for (Path &p : node.paths)
            p.scale = config.scaleByWeights ? p.scale : 1.0f / float(node.paths.size());
        m_nodes.push_back(node);
        m_ws.push_back(register_parameter("w" + std::to_string(n), rnn::uniformInit({h, 2 * h})));
    }
    m_decoderBias = register_parameter("decoder_bias", torch::zeros({v}));
    m_outputs = cell.concat;
}

torch::Tensor RnnEvalNetworkImpl::initialHidden(int64_t batch) const
{
    return torch::zeros({batch, m_config.hidden}, m_embedding.options());
}

torch::Tensor RnnEvalNetworkImpl::cell(const torch::Tensor &x, const torch::Tensor &hPrev,
                                       const torch::Tensor &xMask, const torch::Tensor &hMask) const
{
    const int64_t h = m_config.hidden;
    std::map<int, torch::Tensor> states{{0, rnn::firstState(x, hPrev, xMask, hMask, m_w0)}};
    for (size_t k = 0; k < m_nodes.size(); ++k) {
        const Node &node = m_nodes[k];
        torch::Tensor sum;
        // One highway product per distinct state read; several activations of it share it.
        std::map<int, std::pair<torch::Tensor, torch::Tensor>> read;
        for (const Path &p : node.paths) {
            const torch::Tensor &s = states.at(p.source);
            auto it = read.find(p.source);
            if (it == read.end()) {
                const auto ch = (hMask.defined() ? s * hMask : s).mm(m_ws[k]);
                it = read.emplace(p.source, std::make_pair(ch.narrow(-1, 0, h).sigmoid(),
                                                           ch.narrow(-1, h, h)))
                         .first;
            }
            const auto &[c, pre] = it->second;
            auto term = s + c * (rnn::activation(p.activation, pre) - s);
            if (p.scale != 1.0f)
                term = term * double(p.scale);
            sum = sum.defined() ? sum + term : term;
        }
        states.emplace(node.number, sum);
    }
    std::vector<torch::Tensor> outs;
    for (const int n : m_outputs)
        outs.push_back(states.at(n));
    return outs.size() == 1 ? outs.front() : torch::stack(outs).mean(0);
}

RnnOutput RnnEvalNetworkImpl::forward(const torch::Tensor &tokens, const torch::Tensor &hidden,
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

int64_t RnnEvalNetworkImpl::parameterCount() const
{
    int64_t n = 0;
    for (const auto &p : parameters())
        n += p.numel();
    return n;
}

int64_t RnnEvalNetworkImpl::multiplyAddsPerWord() const
{
    const int64_t h = m_config.hidden;
    int64_t n = 4 * h * h + h * m_config.vocabulary;
    for (const Node &node : m_nodes) {
        std::set<int> sources;
        for (const Path &p : node.paths)
            sources.insert(p.source);
        n += int64_t(sources.size()) * 2 * h * h;
    }
    return n;
}

int64_t recurrentParameterCount(const CellGenotype &cell, int64_t hidden, int64_t vocabulary)
{
    return vocabulary * hidden + vocabulary + 4 * hidden * hidden +
           int64_t(cell.aliveNodes.size()) * 2 * hidden * hidden;
}

int64_t recurrentMultiplyAdds(const CellGenotype &cell, int64_t hidden, int64_t vocabulary)
{
    std::set<std::pair<int, int>> reads; // (node, source): one highway product each
    for (const GenotypeEdge &e : cell.edges)
        reads.insert({e.target, e.source});
    return 4 * hidden * hidden + hidden * vocabulary + int64_t(reads.size()) * 2 * hidden * hidden;
}

} // namespace sparsenas
