// SPDX-License-Identifier: MIT
#pragma once

// What the files of kernels/ share: the instruction-set builds and their run-time choice, and
// the pieces one kernel file takes from another. ops.cpp includes kernels.h, not this.

#include <torch/torch.h>

#include <cstdint>
#include <tuple>
#include <utility>

// ---------------------------------------------------------------- instruction sets
// The build targets baseline x86-64; each kernel is compiled once more for AVX2 and AVX-512
// and the best the CPU has is picked at run time. Target attributes, not per-file compile
// flags: a kernel file defines one plain, one SPARSENAS_AVX2 and one SPARSENAS_AVX512 function
// around the same SPARSENAS_ALWAYS_INLINE template, which is thus compiled once per
// instruction set, and picks one with pickIsa.

#if defined(__GNUC__) && defined(__x86_64__)
#define SPARSENAS_X86 1
#define SPARSENAS_ALWAYS_INLINE __attribute__((always_inline)) inline
#else
#define SPARSENAS_X86 0
#define SPARSENAS_ALWAYS_INLINE inline
#endif

#if SPARSENAS_X86
#define SPARSENAS_AVX2 __attribute__((target("avx2,fma")))
#define SPARSENAS_AVX512 __attribute__((target("avx512f,avx512vl,avx512bw,avx2,fma")))
#else
#define SPARSENAS_AVX2
#define SPARSENAS_AVX512
#endif

namespace sparsenas::kernels {

/// Of the three builds of a kernel, the best one the CPU runs.
template <typename Fn>
Fn pickIsa(Fn base, Fn avx2, Fn avx512)
{
#if SPARSENAS_X86
    static const int level = [] {
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
            __builtin_cpu_supports("avx512bw"))
            return 2;
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 1 : 0;
    }();
    return level == 2 ? avx512 : level == 1 ? avx2 : base;
#else
    (void)avx2;
    (void)avx512;
    return base;
#endif
}

inline int64_t floorDiv(int64_t a, int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/// Float CPU 4-d tensors: what the own kernels take (as channels-last).
inline bool ownKernelTakes(const torch::Tensor &x)
{
    return x.device().is_cpu() && x.scalar_type() == torch::kFloat && x.dim() == 4;
}

/// The supernet's own backward functions give first-order gradients only: some of their
/// kernels are not differentiable themselves.
inline void requireFirstOrder()
{
    TORCH_CHECK(!torch::GradMode::is_enabled(),
                "the supernet computes first-order gradients only (no create_graph)");
}

// ---------------------------------------------------------------- batch norm (batchnorm.cpp)

/// Float channels-last tensors with more than one value per channel: what the own BN takes.
bool ownBnTakes(const torch::Tensor &x);

/// Training-mode BN without affine of x (ownBnTakes): {y, mean, invstd} as native_batch_norm
/// returns them, y scaled by `scale` and relu'd if asked; running statistics (if defined)
/// updated as native_batch_norm does. With `into` (float, channels-last, x's sizes) the scaled
/// BN(x) is added to it in place (no relu) and y is `into`.
std::tuple<torch::Tensor, torch::Tensor, torch::Tensor>
ownBnForward(const torch::Tensor &x, const torch::Tensor &runningMean,
             const torch::Tensor &runningVar, double momentum, double eps, double scale, bool relu,
             const torch::Tensor &into = {});

/// The backward of ownBnForward (without relu) with its output gradient g: {gx (if asked),
/// sum over channels of sum g * xhat (the gradient of the scale, divided by nothing)}.
std::pair<torch::Tensor, double> ownBnBackward(const torch::Tensor &gIn, const torch::Tensor &x,
                                               const torch::Tensor &mean,
                                               const torch::Tensor &invstd, double scale,
                                               bool needInput);

// ---------------------------------------------------------------- depthwise (depthwise.cpp)

/// Whether depthwiseWeightGrad handles this case (and beats oneDNN on it).
bool useOwnDwWeightGrad(const torch::Tensor &x, const torch::Tensor &weight);

/// The weight gradient [C, 1, k, k] of the depthwise convolution of x (stride s, padding p,
/// dilation d) given the output gradient g. Deterministic for a given thread count.
torch::Tensor depthwiseWeightGrad(const torch::Tensor &gIn, const torch::Tensor &xIn, int64_t k,
                                  int64_t s, int64_t p, int64_t d);

} // namespace sparsenas::kernels
