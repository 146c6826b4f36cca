// SPDX-License-Identifier: MIT
#pragma once

// The DARTS CNN operations (Liu et al. 2019), with affine-free BatchNorm as used during search.

#include "sparsenas/names.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace sparsenas {

/// The eight DARTS operations, in DARTS's order.

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
struct FactorizedReduceImpl : torch::nn::Module
{
    FactorizedReduceImpl(int64_t cIn, int64_t cOut, bool affine);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(FactorizedReduce);

/// One candidate operation of a mixed edge; `none` is represented by a null module.
/// Returns an op module for `name` with C channels and the given stride.
torch::nn::AnyModule makeOp(const std::string &name, int64_t channels, int64_t stride, bool affine);

} // namespace sparsenas
