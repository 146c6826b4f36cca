// SPDX-License-Identifier: MIT
#include "sparsenas/dataset.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

namespace sparsenas {

namespace embedded {
extern const unsigned char digits_csv_gz[];
extern const std::size_t digits_csv_gz_size;
} // namespace embedded

namespace {

constexpr int kDigitsSide = 8;
constexpr int kDigitsPixels = kDigitsSide * kDigitsSide;
constexpr int kDigitsMaxValue = 16;
constexpr int kDigitsClasses = 10;

const char *const kDigitsAttribution =
    "UCI Optical Recognition of Handwritten Digits (test set): E. Alpaydin and C. Kaynak, "
    "UCI Machine Learning Repository, 1998, https://doi.org/10.24432/C50P49; "
    "licensed CC BY 4.0; copy shipped with scikit-learn.";

bool isGzip(const std::string &bytes)
{
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

/// The uncompressed size modulo 2^32 stored in the last member's trailer; only a hint.
std::size_t gzipSizeHint(const std::string &bytes)
{
    if (bytes.size() < 18)
        return 0;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data() + bytes.size() - 4);
    return std::size_t(p[0]) | std::size_t(p[1]) << 8 | std::size_t(p[2]) << 16 |
           std::size_t(p[3]) << 24;
}

class Inflater
{
public:
    explicit Inflater(const std::string &origin) : m_origin(origin)
    {
        std::memset(&m_stream, 0, sizeof m_stream);
        if (inflateInit2(&m_stream, 16 + MAX_WBITS) != Z_OK)
            throw DataError("'" + origin + "': cannot initialise zlib");
    }
    ~Inflater() { inflateEnd(&m_stream); }
    Inflater(const Inflater &) = delete;
    Inflater &operator=(const Inflater &) = delete;

    std::string run(const std::string &in)
    {
        std::string out;
        // The trailer hint is wrong past 4 GiB or for several members, and a damaged or crafted
        // file can claim anything: it only sizes a reserve, and only up to what deflate can
        // produce from this many bytes (at most about 1032 to 1); past that, out grows as it
        // inflates.
        const std::size_t hint = gzipSizeHint(in);
        if (hint > 0 && hint / 1032 <= in.size())
            out.reserve(hint);

        constexpr std::size_t chunk = std::size_t(1) << 18;
        constexpr std::size_t maxFeed = std::size_t(1) << 30;
        std::size_t fed = 0;
        std::size_t produced = 0;
        for (;;) {
            if (m_stream.avail_in == 0 && fed < in.size()) {
                const std::size_t n = std::min(maxFeed, in.size() - fed);
                m_stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data() + fed));
                m_stream.avail_in = static_cast<uInt>(n);
                fed += n;
            }
            if (out.size() - produced < chunk) {
                try {
                    out.resize(std::max(out.size() * 2, produced + chunk));
                } catch (const std::bad_alloc &) {
                    throw DataError("'" + m_origin + "': not enough memory to inflate it past " +
                                    std::to_string(produced) + " bytes");
                }
            }
            const std::size_t room = std::min(maxFeed, out.size() - produced);
            m_stream.next_out = reinterpret_cast<Bytef *>(&out[produced]);
            m_stream.avail_out = static_cast<uInt>(room);

            const int ret = inflate(&m_stream, Z_NO_FLUSH);
            produced += room - m_stream.avail_out;
            const bool inputDone = m_stream.avail_in == 0 && fed == in.size();

            if (ret == Z_STREAM_END) {
                // Another gzip member may follow (as `cat a.gz b.gz` makes); anything else after
                // the stream is ignored, as zlib's gzread does.
                const std::size_t next = fed - m_stream.avail_in;
                if (next + 2 <= in.size() && isGzip(in.substr(next, 2))) {
                    inflateReset(&m_stream);
                    continue;
                }
                break;
            }
            if (ret == Z_OK && !(inputDone && m_stream.avail_out != 0))
                continue;
            if ((ret == Z_OK || ret == Z_BUF_ERROR) && inputDone)
                throw DataError("'" + m_origin +
                                "': truncated gzip stream (the compressed data "
                                "ends after " +
                                std::to_string(in.size()) + " bytes, " + std::to_string(produced) +
                                " bytes inflated)");
            const char *why = m_stream.msg ? m_stream.msg : zError(ret);
            throw DataError("'" + m_origin + "': corrupt gzip stream (" + why + ")");
        }
        out.resize(produced);
        return out;
    }

private:
    std::string m_origin;
    z_stream m_stream;
};

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

} // namespace

std::string inflateMaybeGzip(const std::string &bytes, const std::string &origin)
{
    if (!isGzip(bytes))
        return bytes;
    Inflater inflater(origin);
    return inflater.run(bytes);
}

std::string readMaybeGzip(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError("cannot open '" + path + "': " + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad())
        throw DataError("error while reading '" + path + "'");
    return inflateMaybeGzip(ss.str(), path);
}

void computeChannelStats(Dataset &data)
{
    const torch::Tensor images = data.images.contiguous();
    TORCH_CHECK(images.scalar_type() == torch::kUInt8 && images.dim() == 4,
                "computeChannelStats expects uint8 [N, C, H, W] images");
    const int64_t n = images.size(0);
    const int64_t c = images.size(1);
    const int64_t plane = images.size(2) * images.size(3);
    // A histogram per channel gives exact sums without a float copy of the whole set.
    std::vector<std::array<uint64_t, 256>> hist(static_cast<std::size_t>(c));
    for (auto &h : hist)
        h.fill(0);
    const uint8_t *p = images.data_ptr<uint8_t>();
    for (int64_t i = 0; i < n; ++i) {
        for (int64_t ch = 0; ch < c; ++ch) {
            auto &h = hist[std::size_t(ch)];
            const uint8_t *q = p + (i * c + ch) * plane;
            for (int64_t k = 0; k < plane; ++k)
                ++h[q[k]];
        }
    }
    data.mean.assign(std::size_t(c), 0.0f);
    data.stddev.assign(std::size_t(c), 1.0f);
    const double count = double(n) * double(plane);
    if (count <= 0)
        return;
    for (int64_t ch = 0; ch < c; ++ch) {
        const auto &h = hist[std::size_t(ch)];
        double sum = 0;
        for (int v = 0; v < 256; ++v)
            sum += double(h[std::size_t(v)]) * v;
        const double mean = sum / count;
        double var = 0;
        for (int v = 0; v < 256; ++v)
            var += double(h[std::size_t(v)]) * (v - mean) * (v - mean);
        const double sd = std::sqrt(var / count) / data.pixelScale;
        data.mean[std::size_t(ch)] = float(mean / data.pixelScale);
        data.stddev[std::size_t(ch)] = sd > 1e-8 ? float(sd) : 1.0f;
    }
}

Dataset parseDigitsCsv(const std::string &bytes, const std::string &origin)
{
    const std::string text = inflateMaybeGzip(bytes, origin);
    std::vector<uint8_t> pixels;
    std::vector<int64_t> labels;
    pixels.reserve(1800 * kDigitsPixels);
    labels.reserve(1800);

    std::size_t pos = 0;
    int64_t lineNo = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        const std::string_view line = trim(std::string_view(text).substr(pos, end - pos));
        pos = end + 1;
        ++lineNo;
        if (line.empty())
            continue;
        const auto where = [&] { return "'" + origin + "' line " + std::to_string(lineNo); };

        int fields = 0;
        std::size_t fpos = 0;
        for (;;) {
            std::size_t comma = line.find(',', fpos);
            const bool last = comma == std::string_view::npos;
            if (last)
                comma = line.size();
            const std::string_view field = trim(line.substr(fpos, comma - fpos));
            int value = -1;
            const auto res = std::from_chars(field.data(), field.data() + field.size(), value);
            if (field.empty() || res.ec != std::errc() || res.ptr != field.data() + field.size())
                throw DataError(where() + ": value " + std::to_string(fields + 1) + " ('" +
                                std::string(field) + "') is not an integer");
            if (fields < kDigitsPixels) {
                if (value < 0 || value > kDigitsMaxValue)
                    throw DataError(where() + ": pixel value " + std::to_string(value) +
                                    " outside 0..16");
                pixels.push_back(uint8_t(value));
            } else if (fields == kDigitsPixels) {
                if (value < 0 || value >= kDigitsClasses)
                    throw DataError(where() + ": label " + std::to_string(value) + " outside 0..9");
                labels.push_back(value);
            }
            ++fields;
            if (last)
                break;
            fpos = comma + 1;
        }
        if (fields != kDigitsPixels + 1)
            throw DataError(where() + ": expected 65 comma-separated values, got " +
                            std::to_string(fields));
    }
    if (labels.empty())
        throw DataError("'" + origin + "' holds no images");

    const auto n = int64_t(labels.size());
    Dataset data;
    data.name = "digits";
    data.images = torch::empty({n, 1, kDigitsSide, kDigitsSide}, torch::kUInt8);
    std::memcpy(data.images.data_ptr<uint8_t>(), pixels.data(), pixels.size());
    data.labels = torch::empty({n}, torch::kInt64);
    std::memcpy(data.labels.data_ptr<int64_t>(), labels.data(), labels.size() * sizeof(int64_t));
    data.numClasses = kDigitsClasses;
    data.pixelScale = float(kDigitsMaxValue);
    data.augment = false;
    data.attribution = kDigitsAttribution;
    computeChannelStats(data);
    return data;
}

Dataset loadEmbeddedDigits()
{
    const std::string bytes(reinterpret_cast<const char *>(embedded::digits_csv_gz),
                            embedded::digits_csv_gz_size);
    return parseDigitsCsv(bytes, "embedded digits.csv.gz");
}

std::string defaultFashionMnistDir()
{
    return "/usr/share/datasets/fashion-mnist";
}

int reductionCells(int64_t layers)
{
    int reductions = 0;
    for (int64_t l = 0; l < layers; ++l)
        reductions += layers >= 3 && (l == layers / 3 || l == 2 * layers / 3);
    return reductions;
}

int64_t minimumImageSide(int64_t layers)
{
    const int reductions = reductionCells(layers);
    return reductions == 0 ? 1 : (int64_t(1) << (reductions - 1)) + 1;
}

void checkImagesFitTheSpace(const Dataset &data, const SpaceConfig &space)
{
    const int reductions = reductionCells(space.layers);
    if (reductions == 0)
        return;
    const int64_t side = std::min(data.height(), data.width());
    const int64_t needed = minimumImageSide(space.layers);
    if (side < needed)
        throw DataError(
            "the images of " + data.name + " are " + std::to_string(data.height()) + "x" +
            std::to_string(data.width()) + " pixels, too small for this search space: its " +
            std::to_string(reductions) + " reduction cells (space.layers " +
            std::to_string(space.layers) + ") halve them " + std::to_string(reductions) +
            " times and need at least " + std::to_string(needed) + "x" + std::to_string(needed) +
            " (with space.layers below 3 there is no reduction)");
}

Dataset digitsPart(const Dataset &all, bool train)
{
    // Every sixth image (index 5, 11, ...) is the test part: the classes are interleaved in the
    // file, so both parts keep their balance, and it does not depend on any seed.
    std::vector<int64_t> keep;
    for (int64_t i = 0; i < all.size(); ++i) {
        if ((i % 6 == 5) != train)
            keep.push_back(i);
    }
    Dataset part = all;
    const auto idx = torch::tensor(keep, torch::kInt64);
    part.images = all.images.index_select(0, idx).contiguous();
    part.labels = all.labels.index_select(0, idx).contiguous();
    computeChannelStats(part);
    return part;
}

Dataset loadDataset(const DatasetConfig &cfg, bool train)
{
    Dataset data;
    switch (cfg.name) {
    case DatasetKind::Digits:
        data = cfg.path.empty() ? loadEmbeddedDigits()
                                : parseDigitsCsv(readMaybeGzip(cfg.path), cfg.path);
        data = digitsPart(data, train);
        break;
    case DatasetKind::FashionMnist:
    case DatasetKind::Mnist:
        data = loadMnistFolder(cfg.path.empty() ? defaultFashionMnistDir() : cfg.path,
                               nameOf(cfg.name), train);
        break;
    case DatasetKind::Cifar10:
    case DatasetKind::Cifar100:
        data = loadCifarFolder(cfg.path, numClassesOf(cfg.name), train);
        break;
    }
    if (cfg.limit > 0 && cfg.limit < data.size()) {
        data.images = data.images.narrow(0, 0, cfg.limit).clone();
        data.labels = data.labels.narrow(0, 0, cfg.limit).clone();
    }
    if (data.size() < 2)
        throw DataError("data set '" + nameOf(cfg.name) + "' has fewer than 2 images");
    return data;
}

} // namespace sparsenas
