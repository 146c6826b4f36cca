// SPDX-License-Identifier: MIT
#include "sparsenas/ops.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace sparsenas {

namespace nn = torch::nn;

static nn::BatchNorm2d makeBn(int64_t c, bool affine)
{
    return nn::BatchNorm2d(nn::BatchNorm2dOptions(c).affine(affine));
}

static nn::Conv2d makeConv(int64_t cIn, int64_t cOut, int64_t k, int64_t stride, int64_t pad,
                           int64_t dilation = 1, int64_t groups = 1)
{
    return nn::Conv2d(nn::Conv2dOptions(cIn, cOut, k)
                          .stride(stride)
                          .padding(pad)
                          .dilation(dilation)
                          .groups(groups)
                          .bias(false));
}

namespace {

// ---------------------------------------------------------------- depthwise weight gradient
// oneDNN 2.6 has a fast depthwise kernel for the weight gradient of 3x3 filters only; for 5x5
// it falls back to a generic kernel several times slower than the convolution itself. This
// one runs on channels-last float tensors, vectorised over channels for the CPU at hand.

#if defined(__GNUC__) && defined(__x86_64__)
#define SPARSENAS_X86 1
#define SPARSENAS_ALWAYS_INLINE __attribute__((always_inline)) inline
#else
#define SPARSENAS_X86 0
#define SPARSENAS_ALWAYS_INLINE inline
#endif

int64_t floorDiv(int64_t a, int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/// acc[(ky * k + kx) * c + ch] += sum over one image's output pixels (yo, xo) of
/// g[yo, xo, ch] * x[yo * s + ky * d - p, xo * s + kx * d - p, ch] (zero outside x). Row sums
/// in float, the rest in double. CT, KT: channels and filter size if known at compile time.
template <int64_t CT, int64_t KT>
SPARSENAS_ALWAYS_INLINE void dwTaps(const float *x, const float *g, double *acc, int64_t cRun,
                                    int64_t kRun, int64_t h, int64_t w, int64_t ho, int64_t wo,
                                    int64_t s, int64_t p, int64_t d)
{
    constexpr int64_t maxC = CT > 0 ? CT : 1024, maxK = KT > 0 ? KT : 16;
    const int64_t c = CT > 0 ? CT : cRun, k = KT > 0 ? KT : kRun;
    float row[maxK][maxC];
    int64_t lo[maxK], hi[maxK]; // per kx, the xo whose tap lies inside the row
    int64_t loAll = 0, hiAll = wo;
    for (int64_t kx = 0; kx < k; ++kx) {
        const int64_t off = kx * d - p;
        lo[kx] = std::max<int64_t>(0, -floorDiv(off, s));
        hi[kx] = std::min<int64_t>(wo, floorDiv(w - 1 - off, s) + 1);
        loAll = std::max(loAll, lo[kx]);
        hiAll = std::min(hiAll, hi[kx]);
    }
    hiAll = std::max(hiAll, loAll);
    for (int64_t yo = 0; yo < ho; ++yo) {
        const float *gRow = g + yo * wo * c;
        for (int64_t ky = 0; ky < k; ++ky) {
            const int64_t yi = yo * s + ky * d - p;
            if (yi < 0 || yi >= h)
                continue;
            const float *xRow = x + yi * w * c;
            for (int64_t kx = 0; kx < k; ++kx)
                for (int64_t ch = 0; ch < c; ++ch)
                    row[kx][ch] = 0.f;
            for (int64_t xo = loAll; xo < hiAll; ++xo) { // every tap inside
                const float *gp = gRow + xo * c;
                const float *xp = xRow + (xo * s - p) * c;
                for (int64_t kx = 0; kx < k; ++kx)
                    for (int64_t ch = 0; ch < c; ++ch)
                        row[kx][ch] += gp[ch] * xp[kx * d * c + ch];
            }
            for (int64_t kx = 0; kx < k; ++kx) { // the borders, tap by tap
                for (int64_t xo = lo[kx]; xo < hi[kx]; ++xo) {
                    if (xo == loAll && hiAll > loAll)
                        xo = hiAll;
                    if (xo >= hi[kx])
                        break;
                    const float *gp = gRow + xo * c;
                    const float *xp = xRow + (xo * s + kx * d - p) * c;
                    for (int64_t ch = 0; ch < c; ++ch)
                        row[kx][ch] += gp[ch] * xp[ch];
                }
            }
            double *a = acc + ky * k * c;
            for (int64_t kx = 0; kx < k; ++kx)
                for (int64_t ch = 0; ch < c; ++ch)
                    a[kx * c + ch] += double(row[kx][ch]);
        }
    }
}

// ---------------------------------------------------------------- max pooling
// LibTorch 1.13's channels-last 3x3 max pooling keeps int64 indices (twice the output's size)
// and is slow; this one keeps the tap of the maximum as one byte. Same choice of maximum (the
// first in row-major order, NaN winning), hence the same output and gradients up to the order
// in which an input's gradient terms are summed.

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
                                            int64_t c, int64_t h, int64_t w, int64_t ho,
                                            int64_t wo, int64_t s)
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

// ---------------------------------------------------------------- instruction sets
// The build targets baseline x86-64; each kernel is compiled once more for AVX2 and AVX-512
// and the best the CPU has is picked at run time.

#define SPARSENAS_DW_TAPS_PARAMS                                                               \
    const float *x, const float *g, double *acc, int64_t c, int64_t k, int64_t h, int64_t w,     \
        int64_t ho, int64_t wo, int64_t s, int64_t p, int64_t d
#define SPARSENAS_DW_TAPS_BODY                                                                 \
    if (k == 5 && c == 16)                                                                     \
        dwTaps<16, 5>(x, g, acc, c, k, h, w, ho, wo, s, p, d);                                 \
    else if (k == 5 && c == 32)                                                                \
        dwTaps<32, 5>(x, g, acc, c, k, h, w, ho, wo, s, p, d);                                 \
    else if (k == 5 && c == 64)                                                                \
        dwTaps<64, 5>(x, g, acc, c, k, h, w, ho, wo, s, p, d);                                 \
    else                                                                                       \
        dwTaps<0, 0>(x, g, acc, c, k, h, w, ho, wo, s, p, d);
#define SPARSENAS_POOL_PARAMS                                                                  \
    const float *x, float *out, uint8_t *idx, int64_t c, int64_t h, int64_t w, int64_t ho,       \
        int64_t wo, int64_t s, float *best, int32_t *tap
#define SPARSENAS_POOL_BODY maxPoolImage(x, out, idx, c, h, w, ho, wo, s, best, tap);
#define SPARSENAS_UNPOOL_PARAMS                                                                \
    const float *g, const uint8_t *idx, float *gx, int64_t c, int64_t h, int64_t w, int64_t ho,  \
        int64_t wo, int64_t s
#define SPARSENAS_UNPOOL_BODY maxUnpoolImage(g, idx, gx, c, h, w, ho, wo, s);

#if SPARSENAS_X86
#define SPARSENAS_AVX2 __attribute__((target("avx2,fma")))
#define SPARSENAS_AVX512 __attribute__((target("avx512f,avx512vl,avx512bw,avx2,fma")))
#else
#define SPARSENAS_AVX2
#define SPARSENAS_AVX512
#endif

// clang-format off
void dwTapsBase(SPARSENAS_DW_TAPS_PARAMS) { SPARSENAS_DW_TAPS_BODY }
SPARSENAS_AVX2 void dwTapsAvx2(SPARSENAS_DW_TAPS_PARAMS) { SPARSENAS_DW_TAPS_BODY }
SPARSENAS_AVX512 void dwTapsAvx512(SPARSENAS_DW_TAPS_PARAMS) { SPARSENAS_DW_TAPS_BODY }
void poolBase(SPARSENAS_POOL_PARAMS) { SPARSENAS_POOL_BODY }
SPARSENAS_AVX2 void poolAvx2(SPARSENAS_POOL_PARAMS) { SPARSENAS_POOL_BODY }
SPARSENAS_AVX512 void poolAvx512(SPARSENAS_POOL_PARAMS) { SPARSENAS_POOL_BODY }
void unpoolBase(SPARSENAS_UNPOOL_PARAMS) { SPARSENAS_UNPOOL_BODY }
SPARSENAS_AVX2 void unpoolAvx2(SPARSENAS_UNPOOL_PARAMS) { SPARSENAS_UNPOOL_BODY }
SPARSENAS_AVX512 void unpoolAvx512(SPARSENAS_UNPOOL_PARAMS) { SPARSENAS_UNPOOL_BODY }
// clang-format on

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

/// Float CPU 4-d tensors: what the kernels above take (as channels-last).
bool ownKernelTakes(const torch::Tensor &x)
{
    return x.device().is_cpu() && x.scalar_type() == torch::kFloat && x.dim() == 4;
}

/// 3x3 max pooling with padding 1: the output and the tap of each maximum.
std::tuple<torch::Tensor, torch::Tensor> maxPool3x3(const torch::Tensor &xIn, int64_t s)
{
    const auto x = xIn.contiguous(torch::MemoryFormat::ChannelsLast);
    const int64_t n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    const int64_t ho = (h - 1) / s + 1, wo = (w - 1) / s + 1;
    // channels-last by construction
    auto out = torch::empty({n, ho, wo, c}, x.options()).permute({0, 3, 1, 2});
    auto idx =
        torch::empty({n, ho, wo, c}, x.options().dtype(torch::kUInt8)).permute({0, 3, 1, 2});
    static const auto pool = pickIsa(poolBase, poolAvx2, poolAvx512);
    const float *xd = x.data_ptr<float>();
    float *od = out.data_ptr<float>();
    uint8_t *id = idx.data_ptr<uint8_t>();
    at::parallel_for(0, n, 1, [&](int64_t begin, int64_t end) {
        std::vector<float> best(size_t(wo * c));
        std::vector<int32_t> tap(size_t(wo * c));
        for (int64_t i = begin; i < end; ++i)
            pool(xd + i * h * w * c, od + i * ho * wo * c, id + i * ho * wo * c, c, h, w, ho, wo,
                 s, best.data(), tap.data());
    });
    return {out, idx};
}

/// The input gradient of maxPool3x3 for an input of h x w.
torch::Tensor maxUnpool3x3(const torch::Tensor &gIn, const torch::Tensor &idx, int64_t h,
                           int64_t w, int64_t s)
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
            unpool(gd + i * ho * wo * c, id + i * ho * wo * c, xd + i * h * w * c, c, h, w, ho,
                   wo, s);
    });
    return gx;
}

/// Whether depthwiseWeightGrad handles this case (and beats oneDNN on it).
bool useOwnDwWeightGrad(const torch::Tensor &x, const torch::Tensor &weight)
{
    return ownKernelTakes(x) && weight.size(1) == 1 && weight.size(0) == x.size(1) &&
           weight.size(2) == weight.size(3) &&
           weight.size(2) >= 5 && weight.size(2) <= 16 && x.size(1) <= 1024;
}

/// The weight gradient [C, 1, k, k] of the depthwise convolution of x (stride s, padding p,
/// dilation d) given the output gradient g. Deterministic for a given thread count.
torch::Tensor depthwiseWeightGrad(const torch::Tensor &gIn, const torch::Tensor &xIn, int64_t k,
                                  int64_t s, int64_t p, int64_t d)
{
    const auto x = xIn.contiguous(torch::MemoryFormat::ChannelsLast);
    const auto g = gIn.contiguous(torch::MemoryFormat::ChannelsLast);
    const int64_t n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    const int64_t ho = g.size(2), wo = g.size(3), taps = k * k * c;
    const int64_t chunks = std::max<int64_t>(1, std::min<int64_t>(n, at::get_num_threads()));
    std::vector<double> acc(size_t(chunks * taps), 0.0);
    const float *xd = x.data_ptr<float>(), *gd = g.data_ptr<float>();
    static const auto dwTapsFn = pickIsa(dwTapsBase, dwTapsAvx2, dwTapsAvx512);
    at::parallel_for(0, chunks, 1, [&](int64_t begin, int64_t end) {
        for (int64_t t = begin; t < end; ++t) {
            for (int64_t i = t * n / chunks; i < (t + 1) * n / chunks; ++i)
                dwTapsFn(xd + i * h * w * c, gd + i * ho * wo * c, acc.data() + t * taps, c, k,
                         h, w, ho, wo, s, p, d);
        }
    });
    auto out = torch::zeros({k, k, c}, torch::kDouble);
    double *o = out.data_ptr<double>();
    for (int64_t t = 0; t < chunks; ++t)
        for (int64_t j = 0; j < taps; ++j)
            o[j] += acc[size_t(t * taps + j)];
    return out.permute({2, 0, 1}).unsqueeze(1).to(torch::kFloat).contiguous();
}

// ---------------------------------------------------------------- batch norm
// LibTorch 1.13's channels-last batch norm (no affine) is 3x slower than NCHW in its backward
// and slow in its forward for the supernet's 16-64 channels; these run over the [N*H*W, C]
// rows of a channels-last float tensor, vectorised over channels, with per-channel sums in
// float over blocks of rows and in double across blocks. Sums of squares are of x - shift,
// shift being a sample of each channel, so that the variance does not cancel digits away.

constexpr int64_t kBnBlock = 32; ///< rows per float partial sum

/// s[ch] += sum (x - shift), q[ch] += sum (x - shift)^2 over `rows` rows.
template <int64_t CT>
SPARSENAS_ALWAYS_INLINE void bnStatsRows(const float *x, int64_t rows, int64_t cRun,
                                         const float *shift, double *s, double *q)
{
    constexpr int64_t maxC = CT > 0 ? CT : 1024;
    const int64_t c = CT > 0 ? CT : cRun;
    float ps[maxC], pq[maxC];
    for (int64_t r0 = 0; r0 < rows; r0 += kBnBlock) {
        for (int64_t ch = 0; ch < c; ++ch)
            ps[ch] = pq[ch] = 0.f;
        const int64_t r1 = std::min(rows, r0 + kBnBlock);
        for (int64_t r = r0; r < r1; ++r)
            for (int64_t ch = 0; ch < c; ++ch) {
                const float v = x[r * c + ch] - shift[ch];
                ps[ch] += v;
                pq[ch] += v * v;
            }
        for (int64_t ch = 0; ch < c; ++ch) {
            s[ch] += double(ps[ch]);
            q[ch] += double(pq[ch]);
        }
    }
}

/// y = x * a + b per channel, then relu if asked.
template <int64_t CT>
SPARSENAS_ALWAYS_INLINE void bnApplyRows(const float *x, float *y, int64_t rows, int64_t cRun,
                                         const float *a, const float *b, bool relu)
{
    const int64_t c = CT > 0 ? CT : cRun;
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t ch = 0; ch < c; ++ch) {
            const float v = x[r * c + ch] * a[ch] + b[ch];
            y[r * c + ch] = relu ? std::max(v, 0.f) : v;
        }
}

/// sg[ch] += sum g, sgx[ch] += sum g * (x - mean).
template <int64_t CT>
SPARSENAS_ALWAYS_INLINE void bnGradStatsRows(const float *g, const float *x, int64_t rows,
                                             int64_t cRun, const float *mean, double *sg,
                                             double *sgx)
{
    constexpr int64_t maxC = CT > 0 ? CT : 1024;
    const int64_t c = CT > 0 ? CT : cRun;
    float ps[maxC], pq[maxC];
    for (int64_t r0 = 0; r0 < rows; r0 += kBnBlock) {
        for (int64_t ch = 0; ch < c; ++ch)
            ps[ch] = pq[ch] = 0.f;
        const int64_t r1 = std::min(rows, r0 + kBnBlock);
        for (int64_t r = r0; r < r1; ++r)
            for (int64_t ch = 0; ch < c; ++ch) {
                const float gv = g[r * c + ch];
                ps[ch] += gv;
                pq[ch] += gv * (x[r * c + ch] - mean[ch]);
            }
        for (int64_t ch = 0; ch < c; ++ch) {
            sg[ch] += double(ps[ch]);
            sgx[ch] += double(pq[ch]);
        }
    }
}

/// gx = g * k1 + x * k2 + k3 per channel.
template <int64_t CT>
SPARSENAS_ALWAYS_INLINE void bnGradRows(const float *g, const float *x, float *gx, int64_t rows,
                                        int64_t cRun, const float *k1, const float *k2,
                                        const float *k3)
{
    const int64_t c = CT > 0 ? CT : cRun;
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t ch = 0; ch < c; ++ch)
            gx[r * c + ch] = g[r * c + ch] * k1[ch] + x[r * c + ch] * k2[ch] + k3[ch];
}

#define SPARSENAS_BY_C(fn, ...)                                                                \
    if (c == 16)                                                                               \
        fn<16>(__VA_ARGS__);                                                                   \
    else if (c == 32)                                                                          \
        fn<32>(__VA_ARGS__);                                                                   \
    else if (c == 64)                                                                          \
        fn<64>(__VA_ARGS__);                                                                   \
    else                                                                                       \
        fn<0>(__VA_ARGS__);
#define SPARSENAS_BN_STATS_PARAMS                                                              \
    const float *x, int64_t rows, int64_t c, const float *shift, double *s, double *q
#define SPARSENAS_BN_APPLY_PARAMS                                                              \
    const float *x, float *y, int64_t rows, int64_t c, const float *a, const float *b, bool relu
#define SPARSENAS_BN_GSTATS_PARAMS                                                             \
    const float *g, const float *x, int64_t rows, int64_t c, const float *mean, double *sg,    \
        double *sgx
#define SPARSENAS_BN_GRAD_PARAMS                                                               \
    const float *g, const float *x, float *gx, int64_t rows, int64_t c, const float *k1,       \
        const float *k2, const float *k3

// clang-format off
void bnStatsBase(SPARSENAS_BN_STATS_PARAMS) { SPARSENAS_BY_C(bnStatsRows, x, rows, c, shift, s, q) }
SPARSENAS_AVX2 void bnStatsAvx2(SPARSENAS_BN_STATS_PARAMS) { SPARSENAS_BY_C(bnStatsRows, x, rows, c, shift, s, q) }
SPARSENAS_AVX512 void bnStatsAvx512(SPARSENAS_BN_STATS_PARAMS) { SPARSENAS_BY_C(bnStatsRows, x, rows, c, shift, s, q) }
void bnApplyBase(SPARSENAS_BN_APPLY_PARAMS) { SPARSENAS_BY_C(bnApplyRows, x, y, rows, c, a, b, relu) }
SPARSENAS_AVX2 void bnApplyAvx2(SPARSENAS_BN_APPLY_PARAMS) { SPARSENAS_BY_C(bnApplyRows, x, y, rows, c, a, b, relu) }
SPARSENAS_AVX512 void bnApplyAvx512(SPARSENAS_BN_APPLY_PARAMS) { SPARSENAS_BY_C(bnApplyRows, x, y, rows, c, a, b, relu) }
void bnGStatsBase(SPARSENAS_BN_GSTATS_PARAMS) { SPARSENAS_BY_C(bnGradStatsRows, g, x, rows, c, mean, sg, sgx) }
SPARSENAS_AVX2 void bnGStatsAvx2(SPARSENAS_BN_GSTATS_PARAMS) { SPARSENAS_BY_C(bnGradStatsRows, g, x, rows, c, mean, sg, sgx) }
SPARSENAS_AVX512 void bnGStatsAvx512(SPARSENAS_BN_GSTATS_PARAMS) { SPARSENAS_BY_C(bnGradStatsRows, g, x, rows, c, mean, sg, sgx) }
void bnGradBase(SPARSENAS_BN_GRAD_PARAMS) { SPARSENAS_BY_C(bnGradRows, g, x, gx, rows, c, k1, k2, k3) }
SPARSENAS_AVX2 void bnGradAvx2(SPARSENAS_BN_GRAD_PARAMS) { SPARSENAS_BY_C(bnGradRows, g, x, gx, rows, c, k1, k2, k3) }
SPARSENAS_AVX512 void bnGradAvx512(SPARSENAS_BN_GRAD_PARAMS) { SPARSENAS_BY_C(bnGradRows, g, x, gx, rows, c, k1, k2, k3) }
// clang-format on

/// Float channels-last tensors with more than one value per channel: what the own BN takes.
bool ownBnTakes(const torch::Tensor &x)
{
    return ownKernelTakes(x) && x.is_contiguous(torch::MemoryFormat::ChannelsLast) &&
           x.size(1) <= 1024 && x.numel() > x.size(1);
}

/// Row ranges of one parallel chunk each: [t * rows / chunks, (t + 1) * rows / chunks).
int64_t bnChunks(int64_t rows)
{
    return std::max<int64_t>(1, std::min<int64_t>(at::get_num_threads(), rows / 256));
}

/// Training-mode BN without affine of x (ownBnTakes): {y, mean, invstd} as native_batch_norm
/// returns them, y scaled by `scale` and relu'd if asked; running statistics (if defined)
/// updated as native_batch_norm does.
std::tuple<torch::Tensor, torch::Tensor, torch::Tensor>
ownBnForward(const torch::Tensor &x, const torch::Tensor &runningMean,
             const torch::Tensor &runningVar, double momentum, double eps, double scale, bool relu)
{
    const int64_t c = x.size(1), rows = x.numel() / c, chunks = bnChunks(rows);
    const float *xd = x.data_ptr<float>();
    std::vector<float> shift(xd, xd + c);
    std::vector<double> acc(size_t(chunks * 2 * c), 0.0);
    static const auto stats = pickIsa(bnStatsBase, bnStatsAvx2, bnStatsAvx512);
    at::parallel_for(0, chunks, 1, [&](int64_t begin, int64_t end) {
        for (int64_t t = begin; t < end; ++t) {
            const int64_t r0 = t * rows / chunks, r1 = (t + 1) * rows / chunks;
            double *s = acc.data() + t * 2 * c;
            stats(xd + r0 * c, r1 - r0, c, shift.data(), s, s + c);
        }
    });
    auto mean = torch::empty({c}, x.options()), invstd = torch::empty({c}, x.options());
    float *md = mean.data_ptr<float>(), *id = invstd.data_ptr<float>();
    std::vector<float> a(static_cast<size_t>(c)), b(static_cast<size_t>(c));
    std::vector<double> var(static_cast<size_t>(c));
    for (int64_t ch = 0; ch < c; ++ch) {
        double s = 0, q = 0;
        for (int64_t t = 0; t < chunks; ++t) {
            s += acc[size_t(t * 2 * c + ch)];
            q += acc[size_t(t * 2 * c + c + ch)];
        }
        const double m = s / double(rows);
        var[size_t(ch)] = std::max(0.0, q / double(rows) - m * m);
        md[ch] = float(double(shift[size_t(ch)]) + m);
        const double inv = 1.0 / std::sqrt(var[size_t(ch)] + eps);
        id[ch] = float(inv);
        a[size_t(ch)] = float(inv * scale);
        b[size_t(ch)] = float(-(double(shift[size_t(ch)]) + m) * inv * scale);
    }
    if (runningMean.defined()) {
        torch::NoGradGuard noGrad;
        auto unbiased = torch::from_blob(var.data(), {c}, torch::kDouble) *
                        (double(rows) / double(std::max<int64_t>(1, rows - 1)));
        runningMean.mul_(1.0 - momentum).add_(mean, momentum);
        runningVar.mul_(1.0 - momentum).add_(unbiased.to(runningVar.scalar_type()), momentum);
    }
    auto y = torch::empty_like(x, torch::MemoryFormat::ChannelsLast);
    float *yd = y.data_ptr<float>();
    static const auto apply = pickIsa(bnApplyBase, bnApplyAvx2, bnApplyAvx512);
    at::parallel_for(0, chunks, 1, [&](int64_t begin, int64_t end) {
        for (int64_t t = begin; t < end; ++t) {
            const int64_t r0 = t * rows / chunks, r1 = (t + 1) * rows / chunks;
            apply(xd + r0 * c, yd + r0 * c, r1 - r0, c, a.data(), b.data(), relu);
        }
    });
    return {y, mean, invstd};
}

/// The backward of ownBnForward (without relu) with its output gradient g: {gx (if asked),
/// sum over channels of sum g * xhat (the gradient of the scale, divided by nothing)}.
std::pair<torch::Tensor, double> ownBnBackward(const torch::Tensor &gIn, const torch::Tensor &x,
                                               const torch::Tensor &mean,
                                               const torch::Tensor &invstd, double scale,
                                               bool needInput)
{
    const auto g = gIn.contiguous(torch::MemoryFormat::ChannelsLast);
    const int64_t c = x.size(1), rows = x.numel() / c, chunks = bnChunks(rows);
    const float *xd = x.data_ptr<float>(), *gd = g.data_ptr<float>();
    const float *md = mean.data_ptr<float>(), *id = invstd.data_ptr<float>();
    std::vector<double> acc(size_t(chunks * 2 * c), 0.0);
    static const auto gstats = pickIsa(bnGStatsBase, bnGStatsAvx2, bnGStatsAvx512);
    at::parallel_for(0, chunks, 1, [&](int64_t begin, int64_t end) {
        for (int64_t t = begin; t < end; ++t) {
            const int64_t r0 = t * rows / chunks, r1 = (t + 1) * rows / chunks;
            double *s = acc.data() + t * 2 * c;
            gstats(gd + r0 * c, xd + r0 * c, r1 - r0, c, md, s, s + c);
        }
    });
    std::vector<float> k1(static_cast<size_t>(c)), k2(static_cast<size_t>(c)), k3(static_cast<size_t>(c));
    double gScale = 0;
    for (int64_t ch = 0; ch < c; ++ch) {
        double sg = 0, sgx = 0;
        for (int64_t t = 0; t < chunks; ++t) {
            sg += acc[size_t(t * 2 * c + ch)];
            sgx += acc[size_t(t * 2 * c + c + ch)];
        }
        const double inv = id[ch], n = double(rows);
        gScale += sgx * inv;
        const double f1 = scale * inv, f2 = -scale * inv * inv * inv * sgx / n;
        k1[size_t(ch)] = float(f1);
        k2[size_t(ch)] = float(f2);
        k3[size_t(ch)] = float(-f1 * sg / n - double(md[ch]) * f2);
    }
    torch::Tensor gx;
    if (needInput) {
        gx = torch::empty_like(x, torch::MemoryFormat::ChannelsLast);
        float *gxd = gx.data_ptr<float>();
        static const auto grad = pickIsa(bnGradBase, bnGradAvx2, bnGradAvx512);
        at::parallel_for(0, chunks, 1, [&](int64_t begin, int64_t end) {
            for (int64_t t = begin; t < end; ++t) {
                const int64_t r0 = t * rows / chunks, r1 = (t + 1) * rows / chunks;
                grad(gd + r0 * c, xd + r0 * c, gxd + r0 * c, r1 - r0, c, k1.data(), k2.data(),
                     k3.data());
            }
        });
    }
    return {gx, gScale};
}

/// The supernet's own backward functions give first-order gradients only: some of their
/// kernels are not differentiable themselves.
void requireFirstOrder()
{
    TORCH_CHECK(!torch::GradMode::is_enabled(),
                "the supernet computes first-order gradients only (no create_graph)");
}

/// alpha * BN(x) for an affine-free BN, keeping x and the batch statistics for the backward
/// but not BN(x), which a plain product would keep. alpha is applied after BN rather than as
/// its weight: LibTorch 1.13's channels-last BN loses digits in its output when given one.
struct ScaledBnFunction : torch::autograd::Function<ScaledBnFunction>
{
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &x,
                                 const torch::Tensor &alpha, const torch::Tensor &runningMean,
                                 const torch::Tensor &runningVar, bool training, double momentum,
                                 double eps)
    {
        const bool own = training && ownBnTakes(x);
        ctx->saved_data["own"] = own;
        if (own) {
            auto [y, mean, invstd] = ownBnForward(x, runningMean, runningVar, momentum, eps,
                                                  alpha.item<double>(), false);
            ctx->save_for_backward({x, alpha, mean, invstd});
            return y;
        }
        auto [y, saveMean, saveInvstd] =
            at::native_batch_norm(x, {}, {}, runningMean, runningVar, training, momentum, eps);
        ctx->save_for_backward({x, alpha, saveMean, saveInvstd, runningMean, runningVar});
        ctx->saved_data["training"] = training;
        ctx->saved_data["eps"] = eps;
        return y.mul_(alpha);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list gradOut)
    {
        requireFirstOrder();
        const auto s = ctx->get_saved_variables();
        const auto &x = s[0], &alpha = s[1];
        if (ctx->saved_data["own"].toBool()) {
            auto [gx, gAlpha] = ownBnBackward(gradOut[0], x, s[2], s[3], alpha.item<double>(),
                                              ctx->needs_input_grad(0));
            return {gx,
                    ctx->needs_input_grad(1) ? torch::scalar_tensor(gAlpha, alpha.options())
                                             : torch::Tensor(),
                    {}, {}, {}, {}, {}};
        }
        // BN's backward with alpha as its weight: the input gradient, and per channel
        // sum(g * xhat), whose total is the gradient of alpha.
        auto [gx, gWeight, unused] = at::native_batch_norm_backward(
            gradOut[0], x, alpha.expand({x.size(1)}).contiguous(), s[4], s[5], s[2], s[3],
            ctx->saved_data["training"].toBool(), ctx->saved_data["eps"].toDouble(),
            {ctx->needs_input_grad(0), ctx->needs_input_grad(1), false});
        return {gx, gWeight.defined() ? gWeight.sum() : torch::Tensor(), {}, {}, {}, {}, {}};
    }
};

} // namespace

/// The exponential-average factor bn.forward would use, counting the batch as it does.
static double bnMomentum(nn::BatchNorm2dImpl &bn)
{
    const auto &o = bn.options;
    double factor = o.momentum().value_or(0.0);
    if (bn.is_training() && o.track_running_stats() && bn.num_batches_tracked.defined()) {
        bn.num_batches_tracked += 1;
        if (!o.momentum())
            factor = 1.0 / bn.num_batches_tracked.item<double>();
    }
    return factor;
}

/// alpha * bn(x), with bn's running statistics updated as bn.forward(x) would.
static torch::Tensor scaledBn(nn::BatchNorm2dImpl &bn, const torch::Tensor &x,
                              const torch::Tensor &alpha)
{
    const auto &o = bn.options;
    if (o.affine() || !o.track_running_stats())
        return bn.forward(x) * alpha;
    const double factor = bnMomentum(bn);
    return ScaledBnFunction::apply(x, alpha, bn.running_mean, bn.running_var, bn.is_training(),
                                   factor, o.eps());
}

namespace {

/// Depthwise conv (stride s, padding p, dilation d) then 1x1 conv.
struct DwPw
{
    int64_t s, p, d;

    torch::Tensor dw(const torch::Tensor &x, const torch::Tensor &wDw) const
    {
        return at::convolution(x, wDw, {}, {s, s}, {p, p}, {d, d}, false, {0, 0}, wDw.size(0));
    }

    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &wDw,
                          const torch::Tensor &wPw) const
    {
        return at::convolution(dw(x, wDw), wPw, {}, {1, 1}, {0, 0}, {1, 1}, false, {0, 0}, 1);
    }

    /// {dx, dwDw, dwPw} for those asked for; the depthwise output is computed again.
    std::array<torch::Tensor, 3> backward(const torch::Tensor &gradOut, const torch::Tensor &x,
                                          const torch::Tensor &wDw, const torch::Tensor &wPw,
                                          std::array<bool, 3> need) const
    {
        const auto dwOut = dw(x, wDw);
        // oneDNN's backward misreads a gradient whose layout differs from the input's.
        const auto g = gradOut.contiguous(dwOut.suggest_memory_format());
        auto [gd, gPw, unused1] =
            at::convolution_backward(g, dwOut, wPw, c10::nullopt, {1, 1}, {0, 0}, {1, 1}, false,
                                     {0, 0}, 1, {true, need[2], false});
        const bool own = need[1] && useOwnDwWeightGrad(x, wDw);
        auto [gx, gDw, unused2] =
            at::convolution_backward(gd, x, wDw, c10::nullopt, {s, s}, {p, p}, {d, d}, false,
                                     {0, 0}, wDw.size(0), {need[0], need[1] && !own, false});
        if (own)
            gDw = depthwiseWeightGrad(gd, x, wDw.size(2), s, p, d);
        return {gx, gDw, gPw};
    }
};

/// DwPw keeping only its input for the backward: the depthwise output is computed again there
/// (cheap) instead of being held from forward to backward.
struct DwPwFunction : torch::autograd::Function<DwPwFunction>
{
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &x,
                                 const torch::Tensor &wDw, const torch::Tensor &wPw,
                                 int64_t stride, int64_t pad, int64_t dil)
    {
        ctx->save_for_backward({x, wDw, wPw});
        ctx->saved_data["stride"] = stride;
        ctx->saved_data["pad"] = pad;
        ctx->saved_data["dil"] = dil;
        return DwPw{stride, pad, dil}.forward(x, wDw, wPw);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list gradOut)
    {
        requireFirstOrder();
        const auto v = ctx->get_saved_variables();
        const DwPw op{ctx->saved_data["stride"].toInt(), ctx->saved_data["pad"].toInt(),
                      ctx->saved_data["dil"].toInt()};
        auto g = op.backward(gradOut[0], v[0], v[1], v[2],
                             {ctx->needs_input_grad(0), ctx->needs_input_grad(1),
                              ctx->needs_input_grad(2)});
        return {g[0], g[1], g[2], torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

/// relu(BN(x)) (affine-free BN) then DwPw with stride 1: the second half of SepConv. Keeps only
/// x and BN's statistics for the backward; relu(BN(x)) is computed again there, as is the
/// depthwise output.
struct BnReluDwPwFunction : torch::autograd::Function<BnReluDwPwFunction>
{
    static torch::Tensor bnRelu(const torch::Tensor &x, const torch::Tensor &runningMean,
                                const torch::Tensor &runningVar, bool training, double momentum,
                                double eps, torch::Tensor *mean = nullptr,
                                torch::Tensor *invstd = nullptr)
    {
        if (training && ownBnTakes(x)) {
            auto [y, saveMean, saveInvstd] =
                ownBnForward(x, runningMean, runningVar, momentum, eps, 1.0, true);
            if (mean) {
                *mean = saveMean;
                *invstd = saveInvstd;
            }
            return y;
        }
        auto [y, saveMean, saveInvstd] =
            at::native_batch_norm(x, {}, {}, runningMean, runningVar, training, momentum, eps);
        if (mean) {
            *mean = saveMean;
            *invstd = saveInvstd;
        }
        return y.relu_();
    }

    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &x,
                                 const torch::Tensor &wDw, const torch::Tensor &wPw,
                                 const torch::Tensor &runningMean,
                                 const torch::Tensor &runningVar, bool training, double momentum,
                                 double eps, int64_t pad)
    {
        torch::Tensor mean, invstd;
        const auto r = bnRelu(x, runningMean, runningVar, training, momentum, eps, &mean, &invstd);
        ctx->save_for_backward({x, wDw, wPw, runningMean, runningVar, mean, invstd});
        ctx->saved_data["training"] = training;
        ctx->saved_data["eps"] = eps;
        ctx->saved_data["pad"] = pad;
        return DwPw{1, pad, 1}.forward(r, wDw, wPw);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list gradOut)
    {
        requireFirstOrder();
        const auto v = ctx->get_saved_variables();
        const auto &x = v[0], &runningMean = v[3], &runningVar = v[4];
        const bool training = ctx->saved_data["training"].toBool();
        const double eps = ctx->saved_data["eps"].toDouble();
        // The same kernel on the same input: the same values as in the forward. Training mode
        // gets the batch statistics again, without touching the running ones.
        const auto r = training ? bnRelu(x, {}, {}, true, 0.0, eps)
                                : bnRelu(x, runningMean, runningVar, false, 0.0, eps);
        auto g = DwPw{1, ctx->saved_data["pad"].toInt(), 1}.backward(
            gradOut[0], r, v[1], v[2],
            {ctx->needs_input_grad(0), ctx->needs_input_grad(1), ctx->needs_input_grad(2)});
        torch::Tensor gx;
        if (ctx->needs_input_grad(0)) {
            const auto gBn = at::threshold_backward(g[0], r, 0);
            if (training && ownBnTakes(x))
                gx = ownBnBackward(gBn, x, v[5], v[6], 1.0, true).first;
            else
                gx = std::get<0>(at::native_batch_norm_backward(gBn, x, {}, runningMean, runningVar,
                                                            v[5], v[6], training, eps,
                                                            {true, false, false}));
        }
        return {gx, g[1], g[2], {}, {}, {}, {}, {}, {}};
    }
};

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
            auto [out, taps] = maxPool3x3(x, stride);
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

torch::Tensor dwPw(const torch::Tensor &x, const nn::Conv2d &dw, const nn::Conv2d &pw,
                   int64_t stride, int64_t pad, int64_t dil)
{
    return DwPwFunction::apply(x, dw->weight, pw->weight, stride, pad, dil);
}

} // namespace

torch::Tensor toPhases(const torch::Tensor &x)
{
    const int64_t b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    // Channels-last order, so that the copy moves whole pixels and the result is channels-last.
    return x.permute({0, 2, 3, 1})
        .reshape({b, h / 2, 2, w / 2, 2, c})
        .permute({2, 4, 0, 1, 3, 5})
        .reshape({4 * b, h / 2, w / 2, c})
        .permute({0, 3, 1, 2});
}

torch::Tensor fromPhases(const torch::Tensor &p)
{
    const int64_t b = p.size(0) / 4, c = p.size(1), h = p.size(2), w = p.size(3);
    return p.permute({0, 2, 3, 1})
        .reshape({2, 2, b, h, w, c})
        .permute({2, 3, 0, 4, 1, 5})
        .reshape({b, 2 * h, 2 * w, c})
        .permute({0, 3, 1, 2});
}

const torch::Tensor &OpInput::relu()
{
    if (!m_relu.defined())
        m_relu = torch::relu(m_x);
    return m_relu;
}

const torch::Tensor &OpInput::reluEven()
{
    using torch::indexing::Slice;
    if (!m_even.defined())
        m_even = relu()
                     .index({Slice(), Slice(), Slice(0, torch::indexing::None, 2),
                             Slice(0, torch::indexing::None, 2)})
                     .contiguous(m_x.suggest_memory_format());
    return m_even;
}

const torch::Tensor &OpInput::reluPhases()
{
    if (!m_phasesDone) {
        m_phasesDone = true;
        if (m_x.dim() == 4 && m_x.size(2) % 2 == 0 && m_x.size(3) % 2 == 0)
            m_phases = toPhases(relu());
    }
    return m_phases;
}

ReluConvBnImpl::ReluConvBnImpl(int64_t cIn, int64_t cOut, int64_t kernel, int64_t stride,
                               int64_t padding, bool affine)
{
    conv = register_module("conv", makeConv(cIn, cOut, kernel, stride, padding));
    bn = register_module("bn", makeBn(cOut, affine));
}

torch::Tensor ReluConvBnImpl::forward(const torch::Tensor &x)
{
    return bn(conv(torch::relu(x)));
}

FactorizedReduceImpl::FactorizedReduceImpl(int64_t cIn, int64_t cOut, bool affine)
{
    if (cOut % 2 != 0)
        throw std::invalid_argument("FactorizedReduce needs an even channel count");
    conv1 = register_module("conv1", makeConv(cIn, cOut / 2, 1, 2, 0));
    conv2 = register_module("conv2", makeConv(cIn, cOut / 2, 1, 2, 0));
    bn = register_module("bn", makeBn(cOut, affine));
}

torch::Tensor FactorizedReduceImpl::forward(const torch::Tensor &x)
{
    using torch::indexing::Slice;
    const auto r = torch::relu(x);
    auto a = conv1(r);
    auto b = conv2(r.index({Slice(), Slice(), Slice(1, torch::indexing::None),
                            Slice(1, torch::indexing::None)}));
    // Odd sizes: the shifted grid can be one smaller; pad it so both halves align.
    if (b.size(2) != a.size(2) || b.size(3) != a.size(3))
        b = torch::constant_pad_nd(b, {0, a.size(3) - b.size(3), 0, a.size(2) - b.size(2)});
    return bn(torch::cat({a, b}, 1));
}

ScaledOutput FactorizedReduceImpl::forwardScaled(OpInput &in, const torch::Tensor &alpha)
{
    using torch::indexing::Slice;
    const auto &r = in.relu();
    auto a = conv1(r);
    auto b = conv2(r.index({Slice(), Slice(), Slice(1, torch::indexing::None),
                            Slice(1, torch::indexing::None)}));
    if (b.size(2) != a.size(2) || b.size(3) != a.size(3))
        b = torch::constant_pad_nd(b, {0, a.size(3) - b.size(3), 0, a.size(2) - b.size(2)});
    return {scaledBn(*bn, torch::cat({a, b}, 1), alpha)};
}

namespace {

/// Depthwise separable convolution applied twice (DARTS's SepConv).
struct SepConvImpl : nn::Module, ScaledOp
{
    SepConvImpl(int64_t c, int64_t k, int64_t stride, int64_t pad, bool affine)
        : m_stride(stride), m_pad(pad)
    {
        dw1 = register_module("dw1", makeConv(c, c, k, stride, pad, 1, c));
        pw1 = register_module("pw1", makeConv(c, c, 1, 1, 0));
        bn1 = register_module("bn1", makeBn(c, affine));
        dw2 = register_module("dw2", makeConv(c, c, k, 1, pad, 1, c));
        pw2 = register_module("pw2", makeConv(c, c, 1, 1, 0));
        bn2 = register_module("bn2", makeBn(c, affine));
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        auto y = bn1(pw1(dw1(torch::relu(x))));
        return bn2(pw2(dw2(torch::relu(y))));
    }
    ScaledOutput forwardScaled(OpInput &in, const torch::Tensor &alpha) override
    {
        const auto t = dwPw(in.relu(), dw1, pw1, m_stride, m_pad, 1);
        const auto &o = bn1->options;
        torch::Tensor u;
        if (!o.affine() && o.track_running_stats()) {
            const double factor = bnMomentum(*bn1);
            u = BnReluDwPwFunction::apply(t, dw2->weight, pw2->weight, bn1->running_mean,
                                          bn1->running_var, bn1->is_training(), factor, o.eps(),
                                          m_pad);
        } else {
            u = dwPw(bn1(t).relu_(), dw2, pw2, 1, m_pad, 1);
        }
        return {scaledBn(*bn2, u, alpha)};
    }
    int64_t m_stride, m_pad;
    nn::Conv2d dw1{nullptr}, pw1{nullptr}, dw2{nullptr}, pw2{nullptr};
    nn::BatchNorm2d bn1{nullptr}, bn2{nullptr};
};
TORCH_MODULE(SepConv);

/// ReLU -> dilated depthwise conv -> 1x1 conv -> BN (DARTS's DilConv).
struct DilConvImpl : nn::Module, ScaledOp
{
    DilConvImpl(int64_t c, int64_t k, int64_t stride, int64_t pad, int64_t dilation, bool affine)
        : m_stride(stride), m_pad(pad), m_dilation(dilation),
          m_byPhases(dilation == 2 && pad == k - 1 && (stride == 1 || stride == 2))
    {
        dw = register_module("dw", makeConv(c, c, k, stride, pad, dilation, c));
        pw = register_module("pw", makeConv(c, c, 1, 1, 0));
        bn = register_module("bn", makeBn(c, affine));
    }
    torch::Tensor forward(const torch::Tensor &x) { return bn(pw(dw(torch::relu(x)))); }
    ScaledOutput forwardScaled(OpInput &in, const torch::Tensor &alpha) override
    {
        // With dilation 2 and "same" padding, stride 2 reads only the even rows and columns,
        // and stride 1 is an undilated convolution per phase: no dilated kernels (slow on CPU).
        if (m_byPhases && m_stride == 2)
            return {scaledBn(*bn, dwPw(in.reluEven(), dw, pw, 1, m_pad / 2, 1), alpha)};
        if (m_byPhases && in.reluPhases().defined())
            return {scaledBn(*bn, dwPw(in.reluPhases(), dw, pw, 1, m_pad / 2, 1), alpha), true};
        return {scaledBn(*bn, dwPw(in.relu(), dw, pw, m_stride, m_pad, m_dilation), alpha)};
    }
    int64_t m_stride, m_pad, m_dilation;
    bool m_byPhases;
    nn::Conv2d dw{nullptr}, pw{nullptr};
    nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(DilConv);

/// Pooling followed by affine-free BN, as DARTS's MixedOp does during search.
struct PoolBnImpl : nn::Module, ScaledOp
{
    PoolBnImpl(bool maxPool, int64_t c, int64_t stride) : m_max(maxPool), m_stride(stride)
    {
        bn = register_module("bn", makeBn(c, false));
    }
    torch::Tensor pool(const torch::Tensor &x)
    {
        return m_max ? torch::max_pool2d(x, {3, 3}, {m_stride, m_stride}, {1, 1})
                     : torch::avg_pool2d(x, {3, 3}, {m_stride, m_stride}, {1, 1},
                                         /*ceil_mode=*/false, /*count_include_pad=*/false);
    }
    torch::Tensor forward(const torch::Tensor &x) { return bn(pool(x)); }
    ScaledOutput forwardScaled(OpInput &in, const torch::Tensor &alpha) override
    {
        const auto &x = in.x();
        if (m_max && torch::GradMode::is_enabled() && x.requires_grad())
            return {scaledBn(*bn, MaxPoolFunction::apply(x, m_stride), alpha)};
        return {scaledBn(*bn, pool(x), alpha)};
    }
    bool m_max;
    int64_t m_stride;
    nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(PoolBn);

struct IdentityImpl : nn::Module, ScaledOp
{
    torch::Tensor forward(const torch::Tensor &x) { return x; }
    ScaledOutput forwardScaled(OpInput &in, const torch::Tensor &alpha) override
    {
        return {in.x() * alpha};
    }
};
TORCH_MODULE(Identity);

} // namespace

ScaledOp *scaledOp(const nn::AnyModule &op)
{
    return op.is_empty() ? nullptr : dynamic_cast<ScaledOp *>(op.ptr().get());
}

nn::AnyModule makeOp(const std::string &name, int64_t c, int64_t stride, bool affine)
{
    if (name == "none")
        return {};
    if (name == "max_pool_3x3")
        return nn::AnyModule(PoolBn(true, c, stride));
    if (name == "avg_pool_3x3")
        return nn::AnyModule(PoolBn(false, c, stride));
    if (name == "skip_connect")
        return stride == 1 ? nn::AnyModule(Identity()) : nn::AnyModule(FactorizedReduce(c, c, affine));
    if (name == "sep_conv_3x3")
        return nn::AnyModule(SepConv(c, 3, stride, 1, affine));
    if (name == "sep_conv_5x5")
        return nn::AnyModule(SepConv(c, 5, stride, 2, affine));
    if (name == "dil_conv_3x3")
        return nn::AnyModule(DilConv(c, 3, stride, 2, 2, affine));
    if (name == "dil_conv_5x5")
        return nn::AnyModule(DilConv(c, 5, stride, 4, 2, affine));
    throw std::invalid_argument("unknown operation '" + name + "'");
}

} // namespace sparsenas
