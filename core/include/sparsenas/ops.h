// SPDX-License-Identifier: MIT
#pragma once

// The DARTS CNN operations (Liu et al. 2019), with affine-free BatchNorm as used during search.

#include "sparsenas/base/names.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace sparsenas {

/// The eight DARTS operations, in DARTS's order.

/// A node's output as the operations on its outgoing edges see it: x, plus the tensors that
/// several of them derive from x, computed once on first use and then shared (same values as
/// each operation computing its own, one copy in memory and in the autograd graph).
class OpInput
{
public:
    explicit OpInput(torch::Tensor x) : m_x(std::move(x)) {}
    const torch::Tensor &x() const { return m_x; }
    /// relu(x): DARTS's convolutions and FactorizedReduce all start with it.
    const torch::Tensor &relu();
    /// relu(x)[:, :, ::2, ::2]: all a stride-2 convolution with dilation 2 reads.
    const torch::Tensor &reluEven();
    /// relu(x) in phase layout (see toPhases); undefined when H or W is odd.
    const torch::Tensor &reluPhases();

private:
    torch::Tensor m_x, m_relu, m_even, m_phases;
    bool m_phasesDone = false;
};

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

/// Implemented by every module makeOp returns: the supernet's fast path. Equals
/// alpha * module.forward(in.x()) up to rounding.
class ScaledOp
{
public:
    virtual ~ScaledOp() = default;
    virtual ScaledOutput forwardScaled(OpInput &in, const torch::Tensor &alpha) = 0;
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
    ScaledOutput forwardScaled(OpInput &in, const torch::Tensor &alpha) override;
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(FactorizedReduce);

/// One candidate operation of a mixed edge; `none` is represented by a null module.
/// Returns an op module for `name` with C channels and the given stride.
torch::nn::AnyModule makeOp(const std::string &name, int64_t channels, int64_t stride, bool affine);

} // namespace sparsenas
