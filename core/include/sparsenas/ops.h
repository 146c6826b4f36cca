// SPDX-License-Identifier: MIT
#pragma once

// The DARTS CNN operations (Liu et al. 2019), with affine-free BatchNorm as used during search.

#include "sparsenas/base/names.h"

#include <torch/torch.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace sparsenas {

/// The eight DARTS operations, in DARTS's order.

/// A node's output as the operations on its outgoing edges see it: x, plus the tensors that
/// several of them derive from x, computed once on first use and then shared (same values as
/// each operation computing its own, one copy in memory and in the autograd graph). A tensor
/// cached without a graph (under NoGradGuard) is computed again when an op asks for it with one.
///
/// With `consumers` > 0 each consumer gets its own alias of x (and of relu(x) ...), and the
/// gradients of the aliases are added in a fixed order instead of in the order autograd's engine
/// happens to run the consumers: along a chain of small autograd nodes, one per alias, made in
/// the order the aliases are first asked for (the tensors the node shares first, then the
/// consumers in the order they run). Each link adds its alias's gradient to the sum of the
/// links after it, so the sum is built as the consumers' gradients arrive (autograd runs them
/// in reverse order) and at most a few of them are held at a time. So the gradient of x does
/// not depend on which other parts of the graph exist: leaving out a consumer whose gradient is
/// exactly zero (an op with A == 0, docs/method.md) changes no bit of it, as long as the
/// consumers that remain run in the same order.
class OpInput
{
public:
    explicit OpInput(torch::Tensor x, int64_t consumers = 0);
    /// The value, for shapes and for uses without a gradient.
    const torch::Tensor &x() const { return m_x.value; }
    /// Who asks next: 0 <= consumer < consumers, the same number for the same op every time.
    void use(int64_t consumer) { m_consumer = consumer; }
    /// x for the current consumer, to differentiate through.
    torch::Tensor take() { return take(m_x, kOwnSlots + m_consumer); }
    /// x for the cell's concatenation.
    torch::Tensor takeForConcat() { return take(m_x, 1); }
    /// relu(x): DARTS's convolutions and FactorizedReduce all start with it.
    torch::Tensor relu();
    /// relu(x)[:, :, ::2, ::2]: all a stride-2 convolution with dilation 2 reads, and the
    /// first half of FactorizedReduce.
    torch::Tensor reluEven();
    /// relu(x)[:, :, 1::2, 1::2]: the second half of FactorizedReduce.
    torch::Tensor reluOdd();
    /// relu(x) in phase layout (see toPhases); undefined when H or W is odd.
    torch::Tensor reluPhases();

private:
    /// Slots before the consumers': x's 0 feeds relu, 1 the concat; relu's 1, 2 and 3 feed its
    /// even-pixel, phase and odd-pixel layouts.
    static constexpr int64_t kOwnSlots = 4;
    struct Shared
    {
        Shared() = default;
        explicit Shared(torch::Tensor v) : value(std::move(v)) {}
        torch::Tensor value;
        std::vector<torch::Tensor> slots; ///< the consumers' aliases, made on first use
        torch::Tensor rest;               ///< the end of the chain: what the next alias splits
    };
    torch::Tensor take(Shared &s, int64_t slot);
    /// A new Shared for `value`, the aliases of `ownSlots` made at once (in this order), so
    /// that their place in the chain does not depend on when they are first used.
    Shared share(torch::Tensor value, std::initializer_list<int64_t> ownSlots);
    /// Whether `s` must be computed (again): absent, or without the graph wanted now.
    bool stale(const Shared &s) const;

    int64_t m_consumers, m_consumer = 0;
    Shared m_x, m_relu, m_even, m_odd, m_phases;
    bool m_phasesDone = false;
};

/// `uses` aliases of x from one autograd node whose backward sums their gradients in index order
/// (absent ones skipped): a fixed order of accumulation, whatever order autograd runs the
/// consumers in. Without a graph (x needs no gradient, or under NoGradGuard) all are x itself.
std::vector<torch::Tensor> fanOut(const torch::Tensor &x, int64_t uses);

/// [B, C, H, W] (H, W even) -> [4B, C, H/2, W/2]: batch block 2a+b holds rows a::2 and columns
/// b::2. A dilation-2 stride-1 convolution of x is the undilated convolution of each phase, and
/// per-channel statistics over the phases are those over x, so DilConv runs in this layout.
torch::Tensor toPhases(const torch::Tensor &x);
/// The inverse of toPhases.
torch::Tensor fromPhases(const torch::Tensor &phases);

/// alpha * op(x) as a mixed edge needs it, alpha being the op's architecture weight (0-dim).
/// `phased`: the value is in phase layout (toPhases); the edge sums such values there and
/// converts once.
struct ScaledOutput
{
    torch::Tensor value;
    bool phased = false;
};

/// One term w[index] * op(x) of a node's sum, handed over before the op's final scaling (its
/// last BN and the product with w[index]), which mixTerms applies for all terms of the node at
/// once.
struct MixedTerm
{
    torch::Tensor value;  ///< op(x) before its last BN, or the op's output if it has none
    bool phased = false;  ///< value in phase layout (toPhases)
    int64_t index = 0;    ///< the weight's place in mixTerms's weights, flattened
    bool bn = false;      ///< the scaling is w * BN(value) (affine-free); false: w * value
    bool training = true; ///< BN over the batch's statistics; false: over the running ones
    torch::Tensor runningMean, runningVar; ///< BN's, updated in training; undefined: untracked
    double momentum = 0, eps = 1e-5;       ///< BN's factor for this batch, and its eps
};

/// The sum of w.flatten()[t.index] * scale_t(t.value) over `terms`, as ONE autograd operation
/// (the mixed node of issue 16): the forward adds each scaled term straight into one output
/// (BN and product in one pass over the term, no per-term tensor in the graph); the backward
/// gives every term's value its gradient and writes the gradients of all the weights it used
/// into one tensor shaped as w. Terms add in their order, phased ones among themselves and then
/// converted (so the sum is the one a chain of additions in that order gives); the result stays
/// in phase layout only if `keepPhases` and every term is phased. A value without a graph gives
/// the weight alone its gradient (an op with w == 0, docs/method.md). First-order gradients
/// only. Float channels-last values in training take the own BN kernels (kernels/).
ScaledOutput mixTerms(const torch::Tensor &weights, const std::vector<MixedTerm> &terms,
                      bool keepPhases = false);

/// Implemented by every module makeOp returns: the supernet's fast path. An op is split into
/// its unscaled part and the final scaling by alpha (the last BN and the product), so that the
/// supernet can record, for an op whose architecture weight is exactly zero, only alpha's path
/// (docs/method.md, "Computing only what the sparse iterate needs"), and sum a node's terms in
/// one operation (mixTerms).
class ScaledOp
{
public:
    virtual ~ScaledOp() = default;
    /// alpha * op(in.x()), recorded for autograd as usual. Equals alpha * module.forward(in.x())
    /// up to rounding.
    ScaledOutput forwardScaled(OpInput &in, const torch::Tensor &alpha);
    /// The same value, computed by the same kernels, but autograd records only alpha's path:
    /// no graph through the op's weights or its input, and no backward for them. Right where
    /// alpha == 0: there the gradients of the weights and of the input are exactly zero and
    /// alpha's is <dL/dy, op(x)>, which this gives to the last bit.
    ScaledOutput forwardAlphaOnly(OpInput &in, const torch::Tensor &alpha);
    /// The op as a term of a node's sum (mixTerms), its weight at `index`; `graph` false is
    /// forwardAlphaOnly's part (the value without a graph). Counts the batch in the running
    /// statistics of the last BN, as forwardScaled does.
    MixedTerm term(OpInput &in, int64_t index, bool graph = true);
    /// Whether op(0) == 0 and the gradients of the op's weights and input are exactly zero at
    /// x == 0 whatever alpha is: the op starts with ReLU (whose gradient at 0 is 0) and every BN
    /// is affine-free, in training mode.
    virtual bool zeroInputIsInert() const = 0;
    /// Whether op(0) == 0 in training mode (affine-free BN over the batch's statistics).
    virtual bool zeroInputGivesZero() const = 0;
    /// Advances the running statistics of the op's BNs exactly as forwardScaled on an all-zero
    /// input like `like` (dtype, device, layout) would, computing nothing else. Training mode.
    virtual void advanceStatsOnZeroInput(const torch::Tensor &like) = 0;

protected:
    /// Everything before the final scaling; `phased` as in ScaledOutput.
    virtual ScaledOutput unscaled(OpInput &in) = 0;
    /// The BN the op ends with, which the final scaling applies before the product; nullptr
    /// where the product alone scales unscaled()'s value.
    virtual torch::nn::BatchNorm2dImpl *finalBn() = 0;
};

/// The ScaledOp behind a module made by makeOp (nullptr for an empty one).
ScaledOp *scaledOp(const torch::nn::AnyModule &op);

/// ReLU -> Conv(kxk, stride, pad) -> BN.
struct ReluConvBnImpl : torch::nn::Module
{
    ReluConvBnImpl(int64_t cIn, int64_t cOut, int64_t kernel, int64_t stride, int64_t padding,
                   bool affine);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Conv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(ReluConvBn);

/// ReLU -> two 1x1 stride-2 convolutions on offset grids, concatenated -> BN (halves H and W).
struct FactorizedReduceImpl : torch::nn::Module, ScaledOp
{
    FactorizedReduceImpl(int64_t cIn, int64_t cOut, bool affine);
    torch::Tensor forward(const torch::Tensor &x);
    bool zeroInputGivesZero() const override;
    bool zeroInputIsInert() const override;
    void advanceStatsOnZeroInput(const torch::Tensor &like) override;
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};

protected:
    ScaledOutput unscaled(OpInput &in) override;
    torch::nn::BatchNorm2dImpl *finalBn() override;
};
TORCH_MODULE(FactorizedReduce);

/// One candidate operation of a mixed edge; `none` is represented by a null module.
/// Returns an op module for `name` with C channels and the given stride.
torch::nn::AnyModule makeOp(const std::string &name, int64_t channels, int64_t stride, bool affine);

} // namespace sparsenas
