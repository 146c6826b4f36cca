// SPDX-License-Identifier: MIT
#include "sparsenas/dataset.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <stdexcept>

namespace sparsenas {

namespace fs = std::filesystem;

namespace {

constexpr uint32_t kIdxImagesMagic = 0x00000803;
constexpr uint32_t kIdxLabelsMagic = 0x00000801;
constexpr std::size_t kIdxImagesHeader = 16;
constexpr std::size_t kIdxLabelsHeader = 8;

constexpr int kCifarSide = 32;
constexpr std::size_t kCifarPixels = 3 * kCifarSide * kCifarSide;

const char *const kFashionHint =
    " (Fashion-MNIST is packaged in Debian: apt-get install dataset-fashion-mnist)";

uint32_t readBigEndian32(const std::string &bytes, std::size_t offset)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data() + offset);
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}

std::string hex32(uint32_t v)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08x", v);
    return buf;
}

std::string sizeMismatch(std::size_t expected, std::size_t actual)
{
    return "expected " + std::to_string(expected) + " bytes, got " + std::to_string(actual) +
           (actual < expected ? " (truncated)" : " (trailing data)");
}

std::string attributionFor(const std::string &name, const std::string &imagesPath)
{
    if (name == "fashion-mnist")
        return "Fashion-MNIST: Zalando Research; H. Xiao, K. Rasul, R. Vollgraf, \"Fashion-MNIST: "
               "a Novel Image Dataset for Benchmarking Machine Learning Algorithms\", "
               "arXiv:1708.07747, 2017; MIT licence.";
    if (name == "mnist")
        return "MNIST: Y. LeCun, C. Cortes, C. J. C. Burges, \"The MNIST database of "
               "handwritten digits\", http://yann.lecun.com/exdb/mnist/";
    return "IDX files read from " + imagesPath;
}

std::string cifarAttribution(int classes)
{
    return std::string(classes == 10 ? "CIFAR-10" : "CIFAR-100") +
           ": A. Krizhevsky, \"Learning Multiple Layers of Features from Tiny Images\", "
           "technical report, University of Toronto, 2009.";
}

/// `dir/base`, or `dir/base.gz` if only that exists; DataError naming both otherwise.
std::string findMaybeGz(const fs::path &dir, const std::string &base, const std::string &hint)
{
    const fs::path plain = dir / base;
    std::error_code ec;
    if (fs::is_regular_file(plain, ec))
        return plain.string();
    const fs::path gz = dir / (base + ".gz");
    if (fs::is_regular_file(gz, ec))
        return gz.string();
    throw DataError("missing data file '" + plain.string() + "' (nor '" + gz.string() +
                    "' exists)" + hint);
}

} // namespace

Dataset loadIdxPair(const std::string &imagesPath, const std::string &labelsPath,
                    const std::string &name, int64_t numClasses)
{
    const std::string img = readMaybeGzip(imagesPath);
    if (img.size() < kIdxImagesHeader)
        throw DataError("'" + imagesPath + "': too short for an IDX image header (" +
                        std::to_string(img.size()) + " bytes; truncated)");
    const uint32_t imgMagic = readBigEndian32(img, 0);
    if (imgMagic != kIdxImagesMagic)
        throw DataError("'" + imagesPath + "' is not an IDX uint8 image file: magic " +
                        hex32(imgMagic) + ", expected " + hex32(kIdxImagesMagic) +
                        (imgMagic == kIdxLabelsMagic ? " (this is a label file)" : ""));
    const uint64_t n = readBigEndian32(img, 4);
    const uint64_t rows = readBigEndian32(img, 8);
    const uint64_t cols = readBigEndian32(img, 12);
    if (n == 0 || rows == 0 || cols == 0)
        throw DataError("'" + imagesPath + "': empty dimensions " + std::to_string(n) + "x" +
                        std::to_string(rows) + "x" + std::to_string(cols));
    const uint64_t perImage = rows * cols;
    if (n > (std::numeric_limits<uint64_t>::max() - kIdxImagesHeader) / perImage)
        throw DataError("'" + imagesPath + "': implausible dimensions");
    const uint64_t expectedImg = kIdxImagesHeader + n * perImage;
    if (img.size() != expectedImg)
        throw DataError("'" + imagesPath + "': " + std::to_string(n) + " images of " +
                        std::to_string(rows) + "x" + std::to_string(cols) + ": " +
                        sizeMismatch(expectedImg, img.size()));

    const std::string lab = readMaybeGzip(labelsPath);
    if (lab.size() < kIdxLabelsHeader)
        throw DataError("'" + labelsPath + "': too short for an IDX label header (" +
                        std::to_string(lab.size()) + " bytes; truncated)");
    const uint32_t labMagic = readBigEndian32(lab, 0);
    if (labMagic != kIdxLabelsMagic)
        throw DataError("'" + labelsPath + "' is not an IDX uint8 label file: magic " +
                        hex32(labMagic) + ", expected " + hex32(kIdxLabelsMagic) +
                        (labMagic == kIdxImagesMagic ? " (this is an image file)" : ""));
    const uint64_t nLabels = readBigEndian32(lab, 4);
    if (nLabels != n)
        throw DataError("'" + labelsPath + "' holds " + std::to_string(nLabels) + " labels but '" +
                        imagesPath + "' holds " + std::to_string(n) + " images");
    const uint64_t expectedLab = kIdxLabelsHeader + n;
    if (lab.size() != expectedLab)
        throw DataError("'" + labelsPath + "': " + std::to_string(n) +
                        " labels: " + sizeMismatch(expectedLab, lab.size()));

    Dataset data;
    data.name = name;
    data.images = torch::empty({int64_t(n), 1, int64_t(rows), int64_t(cols)}, torch::kUInt8);
    std::memcpy(data.images.data_ptr<uint8_t>(), img.data() + kIdxImagesHeader, n * perImage);
    data.labels = torch::empty({int64_t(n)}, torch::kInt64);
    int64_t *labels = data.labels.data_ptr<int64_t>();
    for (uint64_t i = 0; i < n; ++i) {
        const int64_t v = static_cast<unsigned char>(lab[kIdxLabelsHeader + i]);
        if (v >= numClasses)
            throw DataError("'" + labelsPath + "': label " + std::to_string(v) + " of item " +
                            std::to_string(i) + " is outside 0.." + std::to_string(numClasses - 1));
        labels[i] = v;
    }
    data.numClasses = numClasses;
    data.pixelScale = 255.0f;
    data.augment = false;
    data.attribution = attributionFor(name, imagesPath);
    computeChannelStats(data);
    return data;
}

Dataset loadMnistFolder(const std::string &dir, const std::string &name, bool train)
{
    const std::string hint = name == "fashion-mnist" ? kFashionHint : "";
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw DataError("data folder '" + dir + "' does not exist" + hint);
    const std::string prefix = train ? "train" : "t10k";
    const std::string images = findMaybeGz(dir, prefix + "-images-idx3-ubyte", hint);
    const std::string labels = findMaybeGz(dir, prefix + "-labels-idx1-ubyte", hint);
    return loadIdxPair(images, labels, name, 10);
}

Dataset loadCifarFolder(const std::string &dir, int classes, bool train)
{
    if (classes != 10 && classes != 100)
        throw std::invalid_argument("CIFAR has 10 or 100 classes, not " + std::to_string(classes));
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw DataError("data folder '" + dir + "' does not exist (it should hold the " +
                        (classes == 10 ? std::string("CIFAR-10 binary version: data_batch_1.bin "
                                                     "... data_batch_5.bin, test_batch.bin")
                                       : std::string("CIFAR-100 binary version: train.bin, "
                                                     "test.bin")) +
                        "; set dataset.path, e.g. --set dataset.path=/data/cifar)");

    std::vector<std::string> names;
    if (classes == 10) {
        if (train) {
            for (int i = 1; i <= 5; ++i)
                names.push_back("data_batch_" + std::to_string(i) + ".bin");
        } else {
            names.push_back("test_batch.bin");
        }
    } else {
        names.push_back(train ? "train.bin" : "test.bin");
    }
    // Accept the folder the archive was unpacked into as well as the one inside it.
    fs::path base(dir);
    const fs::path inner = base / (classes == 10 ? "cifar-10-batches-bin" : "cifar-100-binary");
    if (!fs::exists(base / names.front(), ec) && fs::exists(inner / names.front(), ec))
        base = inner;

    const std::size_t labelBytes = classes == 10 ? 1 : 2;
    const std::size_t record = labelBytes + kCifarPixels;
    std::vector<std::string> contents;
    std::vector<std::string> paths;
    std::size_t total = 0;
    for (const auto &file : names) {
        const std::string path = (base / file).string();
        if (!fs::is_regular_file(path, ec))
            throw DataError("missing CIFAR-" + std::to_string(classes) + " file '" + path + "'");
        std::string bytes = readMaybeGzip(path);
        if (bytes.empty() || bytes.size() % record != 0)
            throw DataError("'" + path + "': size " + std::to_string(bytes.size()) +
                            " bytes is not a positive multiple of the " + std::to_string(record) +
                            "-byte record (truncated or not a CIFAR-" + std::to_string(classes) +
                            " binary file)");
        total += bytes.size() / record;
        contents.push_back(std::move(bytes));
        paths.push_back(path);
    }

    Dataset data;
    data.name = classes == 10 ? "cifar10" : "cifar100";
    const auto n = int64_t(total);
    data.images = torch::empty({n, 3, kCifarSide, kCifarSide}, torch::kUInt8);
    data.labels = torch::empty({n}, torch::kInt64);
    uint8_t *img = data.images.data_ptr<uint8_t>();
    int64_t *lab = data.labels.data_ptr<int64_t>();
    for (std::size_t f = 0; f < contents.size(); ++f) {
        const std::string &bytes = contents[f];
        const std::size_t count = bytes.size() / record;
        for (std::size_t r = 0; r < count; ++r) {
            const auto *rec = reinterpret_cast<const unsigned char *>(bytes.data() + r * record);
            // CIFAR-100 records are (coarse, fine); the fine label is the class.
            const int label = rec[labelBytes - 1];
            if (label >= classes)
                throw DataError("'" + paths[f] + "': label " + std::to_string(label) +
                                " of record " + std::to_string(r) + " is outside 0.." +
                                std::to_string(classes - 1));
            *lab++ = label;
            std::memcpy(img, rec + labelBytes, kCifarPixels);
            img += kCifarPixels;
        }
        contents[f].clear();
        contents[f].shrink_to_fit();
    }
    data.numClasses = classes;
    data.pixelScale = 255.0f;
    data.augment = true;
    data.attribution = cifarAttribution(classes);
    computeChannelStats(data);
    return data;
}

} // namespace sparsenas
