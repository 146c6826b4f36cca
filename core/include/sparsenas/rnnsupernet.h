// SPDX-License-Identifier: MIT
#pragma once

// The recurrent space (DARTS's recurrent cell, rnn/model_search.py) made a sparse supernet as the
// CNN space is: every edge i -> j is the plain linear combination of paper Eq. 1 over the
// activations, sum_o A_ij^o (s_i + c_i (o(h_i) - s_i)), with (c_i, h_i) = (sigmoid, id) of the
// two halves of (s_i * mask_h) W_j (a highway layer; W_j is node j's, shared by its incoming
// edges), no softmax. State 0 comes from x_t and h_{t-1} through a highway layer with tanh; every
// state is batch-normalised without affine parameters; the cell's output h_t is the mean of the
// N intermediate states. Around it the language model of DARTS's search: an embedding, the cell
// unrolled over the batch's time steps, a decoder tied to the embedding, and its dropouts.

#include <torch/torch.h>

#include <string>
#include <vector>

namespace sparsenas {

struct RnnSupernetConfig
{
    int64_t vocabulary = 10000;
    int64_t hidden = 300; ///< embedding and hidden size alike (the decoder is tied)
    int nodes = 8;
    std::vector<std::string> ops = {"none", "tanh", "relu", "sigmoid", "identity"};
    double dropout = 0.75, dropoutHidden = 0.25, dropoutX = 0.75, dropoutInput = 0.2,
           dropoutWords = 0.0;
    double archInit = 0.125;
    double archInitNoise = 1e-3;
};

/// One forward over a batch of T time steps and B sequences.
struct RnnOutput
{
    torch::Tensor logProb; ///< [T * B, vocabulary], log-softmax of the decoder
    torch::Tensor hidden;  ///< [B, hidden]: h_T, the next batch's h_0 (not detached)
    torch::Tensor raw;     ///< [T, B, hidden]: h_1 .. h_T
    torch::Tensor dropped; ///< [T, B, hidden]: h_t after the output dropout
};

class RnnSupernetImpl : public torch::nn::Module
{
public:
    explicit RnnSupernetImpl(const RnnSupernetConfig &config);

    /// `tokens` [T, B] int64, `hidden` [B, hidden]. With `generator` the dropouts are on, their
    /// masks drawn from it (one per batch, shared by the time steps); without, they are off.
    RnnOutput forward(const torch::Tensor &tokens, const torch::Tensor &hidden,
                      at::Generator *generator = nullptr);
    /// One time step of the cell: x [B, hidden], h_{t-1} [B, hidden]; the masks (undefined: none)
    /// scale x before the first highway layer and every state a node reads.
    torch::Tensor cell(const torch::Tensor &x, const torch::Tensor &hPrev,
                       const torch::Tensor &xMask, const torch::Tensor &hMask) const;

    torch::Tensor initialHidden(int64_t batch) const;
    const RnnSupernetConfig &config() const { return m_config; }
    std::vector<torch::Tensor> weightParameters() const;
    /// {A}: [numEdges(N, 1), ops.size()], the one cell type "recurrent".
    std::vector<torch::Tensor> archParameters() const { return {m_arch}; }
    static std::vector<std::string> cellTypes() { return {"recurrent"}; }
    /// The SGL groups (paper Eq. 3): all incoming weights of one node; "none" is -1.
    std::vector<torch::Tensor> archGroupIndex() const;
    int64_t numArchGroups() const { return m_config.nodes; }

private:
    RnnSupernetConfig m_config;
    torch::Tensor m_embedding;       ///< [vocabulary, hidden], also the decoder's weight
    torch::Tensor m_decoderBias;     ///< [vocabulary]
    torch::Tensor m_w0;              ///< [2 hidden, 2 hidden]: (x, h_{t-1}) -> (c_0, h_0)
    std::vector<torch::Tensor> m_ws; ///< per node [hidden, 2 hidden]
    torch::Tensor m_arch;
    std::vector<int> m_activation; ///< per op column: 0 none, 1 tanh, 2 relu, 3 sigmoid, 4 id
    torch::Tensor m_live;          ///< 1 for the columns other than "none", 0 for it
};
TORCH_MODULE(RnnSupernet);

} // namespace sparsenas
