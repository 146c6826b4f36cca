// SPDX-License-Identifier: MIT
#pragma once

// What the recurrent space's two networks share (RnnSupernet, the search's cell mixing every
// activation; RnnEvalNetwork, a derived cell trained on its own): DARTS's initialisation, the
// activations by number, the dropout masks, and the language model around a cell (an
// embedding, the cell unrolled over the batch's time steps, a decoder tied to the embedding,
// and DARTS's dropouts). Internal to the core.

#include "sparsenas/rnnsupernet.h"

#include <torch/torch.h>

#include <functional>
#include <string>
#include <vector>

namespace sparsenas::rnn {

/// DARTS's INITRANGE: every weight of both networks starts uniform in [-0.04, 0.04].
torch::Tensor uniformInit(std::vector<int64_t> shape);

/// 0 none, 1 tanh, 2 relu, 3 sigmoid, 4 identity; -1 for another name.
int activationKind(const std::string &op);
torch::Tensor activation(int kind, const torch::Tensor &h);

/// A mask of kept entries scaled by 1 / keep, shaped `shape`, from `gen` (a CPU generator; the
/// mask is drawn on the CPU and moved to `options`' device).
torch::Tensor dropoutMask(std::vector<int64_t> shape, double p, at::Generator *gen,
                          const torch::TensorOptions &options);

/// The cell's state 0, as both cells make it: a highway layer with tanh from x_t and h_{t-1}
/// (each times its mask, undefined: none), (c, h) = [x, h_{t-1}] w0, s_0 = h_{t-1} +
/// sigmoid(c) (tanh(h) - h_{t-1}).
torch::Tensor firstState(const torch::Tensor &x, const torch::Tensor &hPrev,
                         const torch::Tensor &xMask, const torch::Tensor &hMask,
                         const torch::Tensor &w0);

/// The dropout rates of the language model (language_model in the configuration).
struct Dropouts
{
    double output = 0, hidden = 0, x = 0, input = 0, words = 0;
};

/// One time step of a cell: x [B, H], h_{t-1} [B, H] and the masks (undefined: none) -> h_t.
using CellStep =
    std::function<torch::Tensor(const torch::Tensor &x, const torch::Tensor &hPrev,
                                const torch::Tensor &xMask, const torch::Tensor &hMask)>;

/// `raw` (the NLL) with DARTS's activation regularisation, `ar` x mean(dropped output^2), and
/// temporal activation regularisation, `tar` x mean((h_t - h_{t-1})^2); a zero weight adds
/// nothing.
torch::Tensor regularised(const torch::Tensor &raw, const RnnOutput &out, double ar, double tar);

/// The language model over `tokens` [T, B] from `hidden` [B, H]: with `gen` the dropouts are
/// on (each mask drawn once for the batch, shared by its time steps), without they are off.
RnnOutput languageModel(const torch::Tensor &embedding, const torch::Tensor &decoderBias,
                        const Dropouts &dropouts, const torch::Tensor &tokens,
                        const torch::Tensor &hidden, at::Generator *gen, const CellStep &cell);

} // namespace sparsenas::rnn
