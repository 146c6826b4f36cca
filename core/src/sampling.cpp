// SPDX-License-Identifier: MIT
#include "sparsenas/dataset.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <stdexcept>
#include <utility>

namespace sparsenas {

namespace {

constexpr int kAugmentPad = 4;

uint64_t splitmix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// Uniform in [0, bound) by rejection, so the result is the same with every standard library
/// (mt19937_64's output sequence is fixed by the standard; distributions are not).
uint64_t boundedDraw(std::mt19937_64 &engine, uint64_t bound)
{
    // 2^64 mod bound: outputs below it would make small residues more likely.
    const uint64_t threshold = (0 - bound) % bound;
    for (;;) {
        const uint64_t r = engine();
        if (r >= threshold)
            return r % bound;
    }
}

void fisherYates(std::vector<int64_t> &v, std::mt19937_64 &engine)
{
    for (std::size_t i = v.size(); i > 1; --i) {
        const auto j = std::size_t(boundedDraw(engine, i));
        std::swap(v[i - 1], v[j]);
    }
}

} // namespace

uint64_t mixSeed(uint64_t a, uint64_t b, uint64_t c)
{
    return splitmix64(splitmix64(splitmix64(a) ^ b) ^ c);
}

Split makeSplit(int64_t n, uint64_t seed, double trainFraction)
{
    if (n < 2)
        throw std::invalid_argument("makeSplit needs at least 2 items, got " + std::to_string(n));
    if (!(trainFraction > 0.0 && trainFraction < 1.0))
        throw std::invalid_argument("train fraction must lie strictly between 0 and 1, got " +
                                    std::to_string(trainFraction));
    std::vector<int64_t> perm(static_cast<std::size_t>(n));
    for (int64_t i = 0; i < n; ++i)
        perm[std::size_t(i)] = i;
    std::mt19937_64 engine(seed);
    fisherYates(perm, engine);

    // Half-way cases round up (std::llround), so an odd n gives the extra item to train.
    int64_t nTrain = std::llround(double(n) * trainFraction);
    nTrain = std::clamp<int64_t>(nTrain, 1, n - 1);
    Split split;
    split.train.assign(perm.begin(), perm.begin() + nTrain);
    split.val.assign(perm.begin() + nTrain, perm.end());
    return split;
}

BatchSampler::BatchSampler(std::vector<int64_t> indices, int64_t batchSize, uint64_t seed,
                           uint64_t stream, bool dropLast)
    : m_indices(std::move(indices)), m_batchSize(batchSize), m_seed(seed), m_stream(stream),
      m_dropLast(dropLast)
{
    if (batchSize < 1)
        throw std::invalid_argument("batch size must be at least 1, got " +
                                    std::to_string(batchSize));
}

int64_t BatchSampler::batchesPerEpoch() const
{
    const auto n = int64_t(m_indices.size());
    if (m_dropLast && n >= m_batchSize)
        return n / m_batchSize;
    return (n + m_batchSize - 1) / m_batchSize;
}

std::vector<int64_t> BatchSampler::epochOrder(int64_t epoch) const
{
    std::vector<int64_t> order = m_indices;
    std::mt19937_64 engine(mixSeed(m_seed, m_stream, uint64_t(epoch)));
    fisherYates(order, engine);
    return order;
}

// The cache makes a sampler unsafe to share between threads; each loop owns its own.
std::vector<int64_t> BatchSampler::batch(int64_t epoch, int64_t b) const
{
    if (epoch < 0)
        throw std::out_of_range("negative epoch " + std::to_string(epoch));
    if (b < 0 || b >= batchesPerEpoch())
        throw std::out_of_range("batch " + std::to_string(b) + " outside 0.." +
                                std::to_string(batchesPerEpoch() - 1));
    if (m_cachedEpoch != epoch) {
        m_cachedOrder = epochOrder(epoch);
        m_cachedEpoch = epoch;
    }
    const auto begin = std::size_t(b * m_batchSize);
    const auto end = std::min(m_cachedOrder.size(), begin + std::size_t(m_batchSize));
    return std::vector<int64_t>(m_cachedOrder.begin() + std::ptrdiff_t(begin),
                                m_cachedOrder.begin() + std::ptrdiff_t(end));
}

std::pair<torch::Tensor, torch::Tensor> makeBatch(const Dataset &data,
                                                  const std::vector<int64_t> &indices, bool augment,
                                                  uint64_t augmentSeed)
{
    const int64_t n = data.size();
    for (const int64_t i : indices) {
        if (i < 0 || i >= n)
            throw std::out_of_range("index " + std::to_string(i) + " outside the " + data.name +
                                    " set of " + std::to_string(n));
    }
    const int64_t c = data.channels();
    const int64_t h = data.height();
    const int64_t w = data.width();
    if (int64_t(data.mean.size()) != c || int64_t(data.stddev.size()) != c)
        throw std::invalid_argument("data set '" + data.name + "' lacks per-channel mean/stddev");

    const auto count = int64_t(indices.size());
    const torch::Tensor idx =
        torch::from_blob(const_cast<int64_t *>(indices.data()), {count}, torch::kInt64);
    torch::Tensor raw = data.images.index_select(0, idx).contiguous();
    const torch::Tensor labels = data.labels.index_select(0, idx).to(torch::kInt64);

    if (augment && data.augment && count > 0) {
        // torchvision's RandomCrop(padding=4) + RandomHorizontalFlip on the raw image: the
        // padding is pixel value 0. Per image we draw dy, dx in [0, 8] and then the flip.
        std::mt19937_64 engine(augmentSeed);
        torch::Tensor out = torch::empty_like(raw);
        const uint8_t *src = raw.data_ptr<uint8_t>();
        uint8_t *dst = out.data_ptr<uint8_t>();
        const int64_t plane = h * w;
        for (int64_t b = 0; b < count; ++b) {
            const auto oy = int64_t(boundedDraw(engine, 2 * kAugmentPad + 1)) - kAugmentPad;
            const auto ox = int64_t(boundedDraw(engine, 2 * kAugmentPad + 1)) - kAugmentPad;
            const bool flip = boundedDraw(engine, 2) == 1;
            for (int64_t ch = 0; ch < c; ++ch) {
                const uint8_t *s = src + (b * c + ch) * plane;
                uint8_t *d = dst + (b * c + ch) * plane;
                for (int64_t y = 0; y < h; ++y, d += w) {
                    const int64_t sy = y + oy;
                    if (sy < 0 || sy >= h) {
                        std::memset(d, 0, std::size_t(w));
                        continue;
                    }
                    const uint8_t *row = s + sy * w;
                    for (int64_t x = 0; x < w; ++x) {
                        const int64_t sx = (flip ? w - 1 - x : x) + ox;
                        d[x] = (sx >= 0 && sx < w) ? row[sx] : 0;
                    }
                }
            }
        }
        raw = out;
    }

    const torch::Tensor mean = torch::tensor(data.mean, torch::kFloat32).view({1, c, 1, 1});
    const torch::Tensor sd = torch::tensor(data.stddev, torch::kFloat32).view({1, c, 1, 1});
    torch::Tensor x = raw.to(torch::kFloat32);
    x.div_(data.pixelScale).sub_(mean).div_(sd);
    return {x, labels};
}

} // namespace sparsenas
