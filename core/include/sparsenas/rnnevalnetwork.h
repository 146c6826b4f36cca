// SPDX-License-Identifier: MIT
#pragma once

// A derived recurrent cell trained on its own (DARTS's rnn/model.py DARTSCell and RNNModel, the
// evaluation language model). State 0 comes from x_t and h_{t-1} through the highway layer
// with tanh, as in the search; every kept node j has its own W_j [H, 2H] and reads its kept
// paths (i, o): s_i + sigmoid(c) (o(h) - s_i) with (c, h) = (s_i * mask_h) W_j. A node with one
// path is DARTS's node; a node of a mixed-path cell takes the mean of its paths (the sum
// weighted by A with evaluation.scale_by_weights). No batch normalisation, as DARTS's
// evaluation cell. h_t is the mean of the cell's output nodes (its concat). Around it the
// language model of the search: an embedding, the decoder tied to it, DARTS's dropouts.

#include "sparsenas/base/genotype.h"
#include "sparsenas/rnnsupernet.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace sparsenas {

struct RnnEvalNetworkConfig
{
    int64_t vocabulary = 10000;
    int64_t hidden = 850; ///< embedding and hidden size alike (the decoder is tied)
    double dropout = 0.75, dropoutHidden = 0.25, dropoutX = 0.75, dropoutInput = 0.2,
           dropoutWords = 0.1; ///< DARTS's evaluation defaults (rnn/train.py)
    bool scaleByWeights = false;
};

class RnnEvalNetworkImpl : public torch::nn::Module
{
public:
    /// Throws std::invalid_argument for a cell that is not a live recurrent cell
    /// (genotypeProblems says what exactly).
    RnnEvalNetworkImpl(const CellGenotype &cell, const RnnEvalNetworkConfig &config);

    /// `tokens` [T, B] int64, `hidden` [B, H]. With `generator` the dropouts are on, their masks
    /// drawn from it (one per batch, shared by the time steps); without, they are off.
    RnnOutput forward(const torch::Tensor &tokens, const torch::Tensor &hidden,
                      at::Generator *generator = nullptr);
    /// One time step of the cell (masks undefined: none).
    torch::Tensor cell(const torch::Tensor &x, const torch::Tensor &hPrev,
                       const torch::Tensor &xMask, const torch::Tensor &hMask) const;
    torch::Tensor initialHidden(int64_t batch) const;

    /// Every parameter once (the tied embedding and decoder weight is one), as DARTS's
    /// train.py counts them: V H + V + 4 H^2 + 2 H^2 per kept node.
    int64_t parameterCount() const;
    /// Multiply-adds of one word at inference: the highway layers (4 H^2, and 2 H^2 per kept
    /// node and distinct input it reads) and the decoder (H V); elementwise work not counted.
    int64_t multiplyAddsPerWord() const;
    const RnnEvalNetworkConfig &config() const { return m_config; }

private:
    struct Path
    {
        int source;     ///< DARTS number of the state read
        int activation; ///< rnn::activationKind
        float scale;    ///< 1 / paths (mean), or A (scale_by_weights)
    };
    struct Node
    {
        int number; ///< DARTS number, 1 .. N
        std::vector<Path> paths;
    };
    RnnEvalNetworkConfig m_config;
    std::vector<Node> m_nodes; ///< kept nodes, ascending
    std::vector<int> m_outputs;
    torch::Tensor m_embedding, m_decoderBias, m_w0;
    std::vector<torch::Tensor> m_ws; ///< per kept node [H, 2H]
};
TORCH_MODULE(RnnEvalNetwork);

/// RnnEvalNetworkImpl::parameterCount without building the network (any size): V H + V +
/// 4 H^2 + 2 H^2 per kept node.
int64_t recurrentParameterCount(const CellGenotype &cell, int64_t hidden, int64_t vocabulary);
/// RnnEvalNetworkImpl::multiplyAddsPerWord without building the network.
int64_t recurrentMultiplyAdds(const CellGenotype &cell, int64_t hidden, int64_t vocabulary);

} // namespace sparsenas
