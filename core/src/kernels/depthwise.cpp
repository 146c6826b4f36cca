// SPDX-License-Identifier: MIT
// The weight gradient of a depthwise convolution.
// oneDNN 2.6 has a fast depthwise kernel for the weight gradient of 3x3 filters only; for 5x5
// it falls back to a generic kernel several times slower than the convolution itself. This
// one runs on channels-last float tensors, vectorised over channels for the CPU at hand.

#include "kernels/common.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <vector>

namespace sparsenas::kernels {

namespace {

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

#define SPARSENAS_DW_TAPS_PARAMS                                                                   \
    const float *x, const float *g, double *acc, int64_t c, int64_t k, int64_t h, int64_t w,       \
        int64_t ho, int64_t wo, int64_t s, int64_t p, int64_t d
#define SPARSENAS_DW_TAPS_BODY                                                                     \
    if (k == 5 && c == 16)                                                                         \
        dwTaps<16, 5>(x, g, acc, c, k, h, w, ho, wo, s, p, d);                                     \
    else if (k == 5 && c == 32)                                                                    \
        dwTaps<32, 5>(x, g, acc, c, k, h, w, ho, wo, s, p, d);                                     \
    else if (k == 5 && c == 64)                                                                    \
        dwTaps<64, 5>(x, g, acc, c, k, h, w, ho, wo, s, p, d);                                     \
    else                                                                                           \
        dwTaps<0, 0>(x, g, acc, c, k, h, w, ho, wo, s, p, d);

// clang-format off
void dwTapsBase(SPARSENAS_DW_TAPS_PARAMS) { SPARSENAS_DW_TAPS_BODY }
SPARSENAS_AVX2 void dwTapsAvx2(SPARSENAS_DW_TAPS_PARAMS) { SPARSENAS_DW_TAPS_BODY }
SPARSENAS_AVX512 void dwTapsAvx512(SPARSENAS_DW_TAPS_PARAMS) { SPARSENAS_DW_TAPS_BODY }

// clang-format on

} // namespace

bool useOwnDwWeightGrad(const torch::Tensor &x, const torch::Tensor &weight)
{
    return ownKernelTakes(x) && weight.size(1) == 1 && weight.size(0) == x.size(1) &&
           weight.size(2) == weight.size(3) && weight.size(2) >= 5 && weight.size(2) <= 16 &&
           x.size(1) <= 1024;
}

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
                dwTapsFn(xd + i * h * w * c, gd + i * ho * wo * c, acc.data() + t * taps, c, k, h,
                         w, ho, wo, s, p, d);
        }
    });
    auto out = torch::zeros({k, k, c}, torch::kDouble);
    double *o = out.data_ptr<double>();
    for (int64_t t = 0; t < chunks; ++t)
        for (int64_t j = 0; j < taps; ++j)
            o[j] += acc[size_t(t * taps + j)];
    return out.permute({2, 0, 1}).unsqueeze(1).to(torch::kFloat).contiguous();
}

} // namespace sparsenas::kernels
