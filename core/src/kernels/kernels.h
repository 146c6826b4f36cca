// SPDX-License-Identifier: MIT
#pragma once

// The supernet's own CPU kernels and autograd functions, as the DARTS operations (ops.cpp) use
// them. Internal to sparsenas_core: included as "kernels/kernels.h", never installed.
//
// Each function equals the plain LibTorch composition it names (up to rounding) and keeps less
// for the backward. Their backward passes give first-order gradients only (no create_graph).
// Float channels-last CPU tensors take the own kernels (AVX2 / AVX-512 builds picked at run
// time); anything else falls back to LibTorch's.

#include <torch/torch.h>

#include <cstdint>

namespace sparsenas::kernels {

/// Advances runningMean / runningVar by `momentum` exactly as the mixed node (mixTerms, and
/// bnReluDepthwisePointwise's BN) in training would on an all-zero input with the dtype, device
/// and layout of `like` and its channel count: the same kernel on a tiny zero tensor. What a
/// skipped op on a dead node does to its BNs (batchnorm.cpp).
void batchNormStatsOfZeros(const torch::Tensor &like, const torch::Tensor &runningMean,
                           const torch::Tensor &runningVar, double momentum, double eps);

/// conv1x1(wPw, depthwise conv(wDw, x; stride, pad, dil)) without bias (separable.cpp). Keeps
/// only x for the backward, computing the depthwise output again there.
torch::Tensor depthwisePointwise(const torch::Tensor &x, const torch::Tensor &wDw,
                                 const torch::Tensor &wPw, int64_t stride, int64_t pad,
                                 int64_t dil);

/// depthwisePointwise(relu(BN(x)), wDw, wPw, 1, pad, 1) for an affine-free BN whose running
/// statistics are tracked (separable.cpp): the second half of SepConv. Keeps only x and BN's
/// statistics for the backward.
torch::Tensor bnReluDepthwisePointwise(const torch::Tensor &x, const torch::Tensor &wDw,
                                       const torch::Tensor &wPw, const torch::Tensor &runningMean,
                                       const torch::Tensor &runningVar, bool training,
                                       double momentum, double eps, int64_t pad);

/// 3x3 max pooling with padding 1 and the given stride (pooling.cpp). Keeps one byte per output
/// (the tap of its maximum) for the backward, or only x where LibTorch's kernel runs.
torch::Tensor maxPool3x3(const torch::Tensor &x, int64_t stride);

} // namespace sparsenas::kernels
