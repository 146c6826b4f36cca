// SPDX-License-Identifier: MIT
// Batch norm without affine on channels-last float tensors (the mixed node, mixnode.cpp, and
// SepConv's inner BN use it).
// LibTorch 1.13's channels-last batch norm (no affine) is 3x slower than NCHW in its backward
// and slow in its forward for the supernet's 16-64 channels; these run over the [N*H*W, C]
// rows of a channels-last float tensor, vectorised over channels, with per-channel sums in
// float over blocks of rows and in double across blocks. Sums of squares are of x - shift,
// shift being a sample of each channel, so that the variance does not cancel digits away.

#include "kernels/kernels.h"

#include "kernels/common.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace sparsenas::kernels {

namespace {

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

/// y = x * a + b per channel, then relu if asked; with `add`, y += x * a + b instead (no relu).
template <int64_t CT>
SPARSENAS_ALWAYS_INLINE void bnApplyRows(const float *x, float *y, int64_t rows, int64_t cRun,
                                         const float *a, const float *b, bool relu, bool add)
{
    const int64_t c = CT > 0 ? CT : cRun;
    if (add) {
        for (int64_t r = 0; r < rows; ++r)
            for (int64_t ch = 0; ch < c; ++ch) {
                const float v = x[r * c + ch] * a[ch] + b[ch];
                y[r * c + ch] += v;
            }
        return;
    }
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

#define SPARSENAS_BY_C(fn, ...)                                                                    \
    if (c == 16)                                                                                   \
        fn<16>(__VA_ARGS__);                                                                       \
    else if (c == 32)                                                                              \
        fn<32>(__VA_ARGS__);                                                                       \
    else if (c == 64)                                                                              \
        fn<64>(__VA_ARGS__);                                                                       \
    else                                                                                           \
        fn<0>(__VA_ARGS__);
#define SPARSENAS_BN_STATS_PARAMS                                                                  \
    const float *x, int64_t rows, int64_t c, const float *shift, double *s, double *q
#define SPARSENAS_BN_APPLY_PARAMS                                                                  \
    const float *x, float *y, int64_t rows, int64_t c, const float *a, const float *b, bool relu,  \
        bool add
#define SPARSENAS_BN_GSTATS_PARAMS                                                                 \
    const float *g, const float *x, int64_t rows, int64_t c, const float *mean, double *sg,        \
        double *sgx
#define SPARSENAS_BN_GRAD_PARAMS                                                                   \
    const float *g, const float *x, float *gx, int64_t rows, int64_t c, const float *k1,           \
        const float *k2, const float *k3

// clang-format off
void bnStatsBase(SPARSENAS_BN_STATS_PARAMS) { SPARSENAS_BY_C(bnStatsRows, x, rows, c, shift, s, q) }
SPARSENAS_AVX2 void bnStatsAvx2(SPARSENAS_BN_STATS_PARAMS) { SPARSENAS_BY_C(bnStatsRows, x, rows, c, shift, s, q) }
SPARSENAS_AVX512 void bnStatsAvx512(SPARSENAS_BN_STATS_PARAMS) { SPARSENAS_BY_C(bnStatsRows, x, rows, c, shift, s, q) }
void bnApplyBase(SPARSENAS_BN_APPLY_PARAMS) { SPARSENAS_BY_C(bnApplyRows, x, y, rows, c, a, b, relu, add) }
SPARSENAS_AVX2 void bnApplyAvx2(SPARSENAS_BN_APPLY_PARAMS) { SPARSENAS_BY_C(bnApplyRows, x, y, rows, c, a, b, relu, add) }
SPARSENAS_AVX512 void bnApplyAvx512(SPARSENAS_BN_APPLY_PARAMS) { SPARSENAS_BY_C(bnApplyRows, x, y, rows, c, a, b, relu, add) }
void bnGStatsBase(SPARSENAS_BN_GSTATS_PARAMS) { SPARSENAS_BY_C(bnGradStatsRows, g, x, rows, c, mean, sg, sgx) }
SPARSENAS_AVX2 void bnGStatsAvx2(SPARSENAS_BN_GSTATS_PARAMS) { SPARSENAS_BY_C(bnGradStatsRows, g, x, rows, c, mean, sg, sgx) }
SPARSENAS_AVX512 void bnGStatsAvx512(SPARSENAS_BN_GSTATS_PARAMS) { SPARSENAS_BY_C(bnGradStatsRows, g, x, rows, c, mean, sg, sgx) }
void bnGradBase(SPARSENAS_BN_GRAD_PARAMS) { SPARSENAS_BY_C(bnGradRows, g, x, gx, rows, c, k1, k2, k3) }
SPARSENAS_AVX2 void bnGradAvx2(SPARSENAS_BN_GRAD_PARAMS) { SPARSENAS_BY_C(bnGradRows, g, x, gx, rows, c, k1, k2, k3) }
SPARSENAS_AVX512 void bnGradAvx512(SPARSENAS_BN_GRAD_PARAMS) { SPARSENAS_BY_C(bnGradRows, g, x, gx, rows, c, k1, k2, k3) }

// clang-format on

/// Row ranges of one parallel chunk each: [t * rows / chunks, (t + 1) * rows / chunks).
int64_t bnChunks(int64_t rows)
{
    return std::max<int64_t>(1, std::min<int64_t>(at::get_num_threads(), rows / 256));
}

} // namespace

bool ownBnTakes(const torch::Tensor &x)
{
    return ownKernelTakes(x) && x.is_contiguous(torch::MemoryFormat::ChannelsLast) &&
           x.size(1) <= 1024 && x.numel() > x.size(1);
}

std::tuple<torch::Tensor, torch::Tensor, torch::Tensor>
ownBnForward(const torch::Tensor &x, const torch::Tensor &runningMean,
             const torch::Tensor &runningVar, double momentum, double eps, double scale, bool relu,
             const torch::Tensor &into)
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
    const bool add = into.defined();
    auto y = add ? into : torch::empty_like(x, torch::MemoryFormat::ChannelsLast);
    float *yd = y.data_ptr<float>();
    static const auto apply = pickIsa(bnApplyBase, bnApplyAvx2, bnApplyAvx512);
    at::parallel_for(0, chunks, 1, [&](int64_t begin, int64_t end) {
        for (int64_t t = begin; t < end; ++t) {
            const int64_t r0 = t * rows / chunks, r1 = (t + 1) * rows / chunks;
            apply(xd + r0 * c, yd + r0 * c, r1 - r0, c, a.data(), b.data(), relu && !add, add);
        }
    });
    return {y, mean, invstd};
}

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
    std::vector<float> k1(static_cast<size_t>(c)), k2(static_cast<size_t>(c)),
        k3(static_cast<size_t>(c));
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

void batchNormStatsOfZeros(const torch::Tensor &like, const torch::Tensor &runningMean,
                           const torch::Tensor &runningVar, double momentum, double eps)
{
    torch::NoGradGuard noGrad;
    const auto layout = like.dim() == 4 && like.is_contiguous(torch::MemoryFormat::ChannelsLast)
                            ? torch::MemoryFormat::ChannelsLast
                            : torch::MemoryFormat::Contiguous;
    // Batch statistics of zeros are zero whatever their number, so two rows of two pixels
    // update the running ones as the real batch would (the unbiased variance is 0 * n/(n-1)).
    const auto z =
        torch::zeros({2, runningMean.size(0), 2, 2}, like.options().memory_format(layout));
    if (ownBnTakes(z))
        ownBnForward(z, runningMean, runningVar, momentum, eps, 1.0, false);
    else
        at::native_batch_norm(z, {}, {}, runningMean, runningVar, true, momentum, eps);
}

} // namespace sparsenas::kernels
