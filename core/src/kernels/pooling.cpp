// SPDX-License-Identifier: MIT
// 3x3 max pooling with padding 1, forward and backward.
// LibTorch 1.13's channels-last 3x3 max pooling keeps int64 indices (twice the output's size)
// and is slow; this one keeps the tap of the maximum as one byte. Same choice of maximum (the
// first in row-major order, NaN winning), hence the same output and gradients up to the order
// in which an input's gradient terms are summed.

#include "kernels/kernels.h"

#include "kernels/common.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <tuple>
#include <vector>

namespace sparsenas::kernels {

namespace {

/// 3x3 max pooling, padding 1, of one channels-last image: out and idx (tap ky * 3 + kx).
/// best, tap: scratch rows of wo * c.
SPARSENAS_ALWAYS_INLINE void maxPoolImage(const float *x, float *out, uint8_t *idx, int64_t c,
                                          int64_t h, int64_t w, int64_t ho, int64_t wo, int64_t s,
                                          float *best, int32_t *tap)
{
    const int64_t row = wo * c;
    for (int64_t yo = 0; yo < ho; ++yo) {
        for (int64_t j = 0; j < row; ++j) {
            best[j] = -std::numeric_limits<float>::infinity();
            tap[j] = -1;
        }
        for (int64_t ky = 0; ky < 3; ++ky) {
            const int64_t yi = yo * s + ky - 1;
            if (yi < 0 || yi >= h)
                continue;
            for (int64_t kx = 0; kx < 3; ++kx) {
                // the output columns whose tap kx lies inside: xo * s + kx - 1 in [0, w)
                const int64_t lo = kx == 0 ? 1 : 0;
                const int64_t hi = std::min(wo, floorDiv(w - kx, s) + 1);
                const int32_t t = int32_t(ky * 3 + kx);
                // stride 1: all the columns in one contiguous loop
                for (int64_t xo = lo; xo < hi; xo += (s == 1 ? hi : 1)) {
                    const int64_t n = (s == 1 ? hi - lo : 1) * c;
                    const float *xp = x + (yi * w + xo * s + kx - 1) * c;
                    float *bp = best + xo * c;
                    int32_t *tp = tap + xo * c;
                    for (int64_t j = 0; j < n; ++j) {
                        const float v = xp[j];
                        const bool take = (v > bp[j]) | (v != v) | (tp[j] < 0);
                        bp[j] = take ? v : bp[j];
                        tp[j] = take ? t : tp[j];
                    }
                }
            }
        }
        for (int64_t j = 0; j < row; ++j) {
            out[yo * row + j] = best[j];
            idx[yo * row + j] = uint8_t(tap[j]);
        }
    }
}

/// The backward of maxPoolImage: gx (zeroed) += g at the maximum of each output.
SPARSENAS_ALWAYS_INLINE void maxUnpoolImage(const float *g, const uint8_t *idx, float *gx,
                                            int64_t c, int64_t h, int64_t w, int64_t ho, int64_t wo,
                                            int64_t s)
{
    const int64_t row = wo * c;
    for (int64_t yo = 0; yo < ho; ++yo) {
        for (int64_t ky = 0; ky < 3; ++ky) {
            const int64_t yi = yo * s + ky - 1;
            if (yi < 0 || yi >= h)
                continue;
            for (int64_t kx = 0; kx < 3; ++kx) {
                const int64_t lo = kx == 0 ? 1 : 0;
                const int64_t hi = std::min(wo, floorDiv(w - kx, s) + 1);
                const uint8_t t = uint8_t(ky * 3 + kx);
                for (int64_t xo = lo; xo < hi; xo += (s == 1 ? hi : 1)) {
                    const int64_t n = (s == 1 ? hi - lo : 1) * c;
                    const float *gp = g + yo * row + xo * c;
                    const uint8_t *ip = idx + yo * row + xo * c;
                    float *xp = gx + (yi * w + xo * s + kx - 1) * c;
                    for (int64_t j = 0; j < n; ++j)
                        xp[j] += ip[j] == t ? gp[j] : 0.f;
                }
            }
        }
    }
}

#define SPARSENAS_POOL_PARAMS                                                                      \
    const float *x, float *out, uint8_t *idx, int64_t c, int64_t h, int64_t w, int64_t ho,         \
        int64_t wo, int64_t s, float *best, int32_t *tap
#define SPARSENAS_POOL_BODY maxPoolImage(x, out, idx, c, h, w, ho, wo, s, best, tap);
#define SPARSENAS_UNPOOL_PARAMS                                                                    \
    const float *g, const uint8_t *idx, float *gx, int64_t c, int64_t h, int64_t w, int64_t ho,    \
        int64_t wo, int64_t s
#define SPARSENAS_UNPOOL_BODY maxUnpoolImage(g, idx, gx, c, h, w, ho, wo, s);

// clang-format off
void poolBase(SPARSENAS_POOL_PARAMS) { SPARSENAS_POOL_BODY }
SPARSENAS_AVX2 void poolAvx2(SPARSENAS_POOL_PARAMS) { SPARSENAS_POOL_BODY }
SPARSENAS_AVX512 void poolAvx512(SPARSENAS_POOL_PARAMS) { SPARSENAS_POOL_BODY }
void unpoolBase(SPARSENAS_UNPOOL_PARAMS) { SPARSENAS_UNPOOL_BODY }
SPARSENAS_AVX2 void unpoolAvx2(SPARSENAS_UNPOOL_PARAMS) { SPARSENAS_UNPOOL_BODY }
SPARSENAS_AVX512 void unpoolAvx512(SPARSENAS_UNPOOL_PARAMS) { SPARSENAS_UNPOOL_BODY }

// clang-format on

/// 3x3 max pooling with padding 1: the output and the tap of each maximum.
std::tuple<torch::Tensor, torch::Tensor> maxPool3x3Taps(const torch::Tensor &xIn, int64_t s)
{
    const auto x = xIn.contiguous(torch::MemoryFormat::ChannelsLast);
    const int64_t n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    const int64_t ho = (h - 1) / s + 1, wo = (w - 1) / s + 1;
    // channels-last by construction
    auto out = torch::empty({n, ho, wo, c}, x.options()).permute({0, 3, 1, 2});
    auto idx = torch::empty({n, ho, wo, c}, x.options().dtype(torch::kUInt8)).permute({0, 3, 1, 2});
    static const auto pool = pickIsa(poolBase, poolAvx2, poolAvx512);
    const float *xd = x.data_ptr<float>();
    float *od = out.data_ptr<float>();
    uint8_t *id = idx.data_ptr<uint8_t>();
    at::parallel_for(0, n, 1, [&](int64_t begin, int64_t end) {
        std::vector<float> best(size_t(wo * c));
        std::vector<int32_t> tap(size_t(wo * c));
        for (int64_t i = begin; i < end; ++i)
            pool(xd + i * h * w * c, od + i * ho * wo * c, id + i * ho * wo * c, c, h, w, ho, wo, s,
                 best.data(), tap.data());
    });
    return {out, idx};
}

/// The input gradient of maxPool3x3Taps for an input of h x w.
torch::Tensor maxUnpool3x3(const torch::Tensor &gIn, const torch::Tensor &idx, int64_t h, int64_t w,
                           int64_t s)
{
    const auto g = gIn.contiguous(torch::MemoryFormat::ChannelsLast);
    const int64_t n = g.size(0), c = g.size(1), ho = g.size(2), wo = g.size(3);
    auto gx = torch::zeros({n, h, w, c}, g.options()).permute({0, 3, 1, 2});
    static const auto unpool = pickIsa(unpoolBase, unpoolAvx2, unpoolAvx512);
    const float *gd = g.data_ptr<float>();
    const uint8_t *id = idx.data_ptr<uint8_t>();
    float *xd = gx.data_ptr<float>();
    at::parallel_for(0, n, 1, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i)
            unpool(gd + i * ho * wo * c, id + i * ho * wo * c, xd + i * h * w * c, c, h, w, ho, wo,
                   s);
    });
    return gx;
}

/// 3x3 max pooling, padding 1, keeping only the byte-sized tap of each maximum for the
/// backward (own kernels, float); otherwise LibTorch's, keeping only the input and finding the
/// maxima again in the backward rather than keeping int64 indices.
struct MaxPoolFunction : torch::autograd::Function<MaxPoolFunction>
{
    static std::tuple<torch::Tensor, torch::Tensor> pool(const torch::Tensor &x, int64_t stride)
    {
        return at::max_pool2d_with_indices(x, {3, 3}, {stride, stride}, {1, 1}, {1, 1}, false);
    }

    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &x,
                                 int64_t stride)
    {
        ctx->saved_data["stride"] = stride;
        ctx->saved_data["h"] = x.size(2);
        ctx->saved_data["w"] = x.size(3);
        if (ownKernelTakes(x)) {
            auto [out, taps] = maxPool3x3Taps(x, stride);
            ctx->save_for_backward({taps});
            return out;
        }
        ctx->save_for_backward({x});
        return std::get<0>(pool(x, stride));
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list gradOut)
    {
        requireFirstOrder();
        const auto saved = ctx->get_saved_variables()[0];
        const int64_t stride = ctx->saved_data["stride"].toInt();
        if (saved.scalar_type() == torch::kUInt8)
            return {maxUnpool3x3(gradOut[0], saved, ctx->saved_data["h"].toInt(),
                                 ctx->saved_data["w"].toInt(), stride),
                    torch::Tensor()};
        const auto indices = std::get<1>(pool(saved, stride));
        return {at::max_pool2d_with_indices_backward(gradOut[0], saved, {3, 3}, {stride, stride},
                                                     {1, 1}, {1, 1}, false, indices),
                torch::Tensor()};
    }
};

} // namespace

torch::Tensor maxPool3x3(const torch::Tensor &x, int64_t stride)
{
    return MaxPoolFunction::apply(x, stride);
}

} // namespace sparsenas::kernels
