// SPDX-License-Identifier: MIT
#pragma once

// The network a genotype stands for, trained on its own (DARTS's NetworkCIFAR, generalised to
// mixed-path cells): a stem, `layers` cells with reductions at layers/3 and 2 layers/3, affine
// BatchNorm, an optional auxiliary head at 2/3 depth and drop-path on every operation but the
// identity. A node sums the operations on its incoming edges (any number, several on one edge);
// the cell output concatenates the nodes in its concat. docs/method.md ("Evaluation") gives the
// decisions: A scaling, collapsed cells, how cost is counted.

#include "sparsenas/base/genotype.h"
#include "sparsenas/ops.h"

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sparsenas {

struct EvalNetworkConfig
{
    int64_t inChannels = 3;
    int64_t numClasses = 10;
    int64_t channels = 36; ///< C
    int64_t layers = 20;
    int64_t stemMultiplier = 3;
    bool auxiliary = false;
    /// Multiply every operation by its learned A (a constant): off by default, as the paper
    /// trains the derived cell as an ordinary network.
    bool scaleByWeights = false;
    /// In training with gradients: keep only each cell's inputs in the forward pass and run
    /// the cell again in the backward pass (activation recomputation). Same results.
    bool recomputeCells = false;
    /// Image size, for the multiply-adds and the auxiliary head's pooling.
    int64_t height = 32, width = 32;
};

/// Multiply-adds of one operation of a cell at C channels whose input is h x w.
int64_t opMultiplyAdds(const std::string &op, int64_t channels, int64_t stride, int64_t h,
                       int64_t w);

struct EvalOutput
{
    torch::Tensor logits;
    torch::Tensor auxLogits; ///< defined only in training with the auxiliary head
};

/// One cell of the evaluation network.
struct EvalCellImpl : torch::nn::Module
{
    EvalCellImpl(const CellGenotype &genotype, int64_t cPrevPrev, int64_t cPrev, int64_t c,
                 bool reduction, bool reductionPrev, bool scaleByWeights);
    /// `dropProb` > 0 applies drop-path in training; `masks` draws its keep decisions
    /// (one per image and operation), so that a run is reproducible and resumable.
    torch::Tensor forward(const torch::Tensor &s0, const torch::Tensor &s1, double dropProb,
                          const std::function<torch::Tensor(int64_t)> &masks);

    struct Edge
    {
        int source = 0;
        int target = 0;
        std::string op;
        torch::nn::AnyModule module;
        ScaledOp *scaled = nullptr;
        torch::Tensor alpha; ///< 0-dim: A or 1
    };
    bool reduction;
    bool collapsed;          ///< no node survives: the cell passes c_{k-1} on (docs/method.md)
    bool scale;              ///< operations multiplied by their A
    int64_t multiplier;      ///< nodes concatenated (1 for a collapsed cell)
    std::vector<int> nodes;  ///< kept intermediate nodes, ascending
    std::vector<int> concat; ///< nodes forming the output
    std::vector<Edge> edges; ///< by target node, then as in the genotype
    torch::nn::AnyModule preprocess0, preprocess1;
    bool usesInput0 = false;
    int64_t multiplyAdds = 0; ///< of this cell, filled by the network (depends on image size)
};
TORCH_MODULE(EvalCell);

class EvalNetworkImpl : public torch::nn::Module
{
public:
    EvalNetworkImpl(const Genotype &genotype, const EvalNetworkConfig &config);

    /// In training with the auxiliary head, also its logits.
    EvalOutput forward(const torch::Tensor &x);

    /// Drop-path probability for the next forward passes (DARTS raises it linearly per epoch).
    void setDropPath(double prob) { m_dropPath = prob; }
    double dropPath() const { return m_dropPath; }
    /// Seeds the drop-path masks of the next forward pass (one draw per image and operation).
    void setMaskSeed(uint64_t seed) { m_maskSeed = seed; }

    const EvalNetworkConfig &config() const { return m_config; }
    /// Parameters of the network that is evaluated, without the auxiliary head (DARTS's count).
    int64_t parameterCount() const;
    int64_t auxiliaryParameterCount() const;
    /// Multiply-adds per image at inference: convolutions and the classifier (docs/method.md).
    int64_t multiplyAdds() const { return m_multiplyAdds; }
    /// Cell types that collapsed (no surviving node) and became a pass-through.
    const std::vector<std::string> &collapsedCells() const { return m_collapsed; }
    /// The smallest image side this network takes: a factorized reduce (a reduction's
    /// skip_connect from a cell input, a collapsed reduction cell, c_{k-2} preprocessed after a
    /// reduction) needs 2x2 at its input, so 3 where one meets the image after the first
    /// reduction, 2 where one meets it before, else 1 (docs/method.md, "Smallest image"). At
    /// most minimumImageSide(layers) (dataset.h), the bound for every genotype.
    int64_t minimumImageSide() const { return m_minimumSide; }

private:
    EvalNetworkConfig m_config;
    torch::nn::Sequential m_stem{nullptr};
    std::vector<EvalCell> m_cells;
    torch::nn::Sequential m_auxFeatures{nullptr};
    torch::nn::Linear m_auxClassifier{nullptr};
    int64_t m_auxCell = -1;
    bool m_auxDartsPool = true; ///< the auxiliary input is 8 x 8, as DARTS assumes
    torch::nn::Linear m_classifier{nullptr};
    double m_dropPath = 0;
    uint64_t m_maskSeed = 0;
    int64_t m_multiplyAdds = 0;
    int64_t m_minimumSide = 1;
    std::vector<std::string> m_collapsed;
};
TORCH_MODULE(EvalNetwork);

/// DARTS's drop-path on one operation's output: each image's value kept with probability
/// 1 - prob and then divided by it (so the expected value is unchanged), or zeroed. `keep`
/// holds one 0/1 per image.
torch::Tensor dropPath(const torch::Tensor &x, const torch::Tensor &keep, double prob);

/// Cutout (DeVries & Taylor 2017) as DARTS applies it: one `size` x `size` square centred on
/// (cy, cx), clipped at the border, set to zero in every channel of a [C, H, W] image.
void cutoutInPlace(torch::Tensor image, int64_t size, int64_t cy, int64_t cx);

} // namespace sparsenas
