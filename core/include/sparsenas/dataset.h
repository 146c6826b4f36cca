// SPDX-License-Identifier: MIT
#pragma once

#include "sparsenas/base/config.h"
#include "sparsenas/base/errors.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace sparsenas {

/// An image classification data set held in memory as raw pixels.
/// images: uint8 [N, C, H, W]; labels: int64 [N]. Pixel value v maps to the network input
/// ((v / pixelScale) - mean[c]) / std[c].
struct Dataset
{
    std::string name;     ///< "digits", "fashion-mnist", "mnist", "cifar10", "cifar100"
    torch::Tensor images; ///< uint8 [N, C, H, W]
    torch::Tensor labels; ///< int64 [N]
    int64_t numClasses = 0;
    float pixelScale = 255.0f; ///< 16 for digits, 255 otherwise
    std::vector<float> mean;   ///< per channel, of v / pixelScale, over this set
    std::vector<float> stddev; ///< per channel
    bool augment = false;      ///< random crop (pad 4) + horizontal flip, as DARTS does for CIFAR
    std::string attribution;   ///< where the data comes from, shown to users

    int64_t size() const { return labels.defined() ? labels.size(0) : 0; }
    int64_t channels() const { return images.size(1); }
    int64_t height() const { return images.size(2); }
    int64_t width() const { return images.size(3); }
};

/// Sets data.mean and data.stddev (population statistics per channel of v / pixelScale over
/// all images). A constant channel gets stddev 1 so that normalising never divides by zero.
void computeChannelStats(Dataset &data);

/// The UCI digits set (8x8, 1797 images, 10 classes) embedded in the program.
Dataset loadEmbeddedDigits();
/// Parses the digits CSV (64 values 0..16 and a label per line), gzip-compressed or plain.
Dataset parseDigitsCsv(const std::string &bytes, const std::string &origin);

/// Reads an IDX image file and its label file (gzip or raw, detected by content).
/// Throws DataError naming the file on a missing file, wrong magic, truncation or size mismatch.
Dataset loadIdxPair(const std::string &imagesPath, const std::string &labelsPath,
                    const std::string &name, int64_t numClasses = 10);
/// Fashion-MNIST / MNIST from a folder holding train-images-idx3-ubyte[.gz] and friends
/// (train = true) or t10k-* (train = false).
Dataset loadMnistFolder(const std::string &dir, const std::string &name, bool train);

/// CIFAR-10 (classes = 10: data_batch_1..5.bin / test_batch.bin) or CIFAR-100
/// (classes = 100: train.bin / test.bin, fine labels) binary format.
Dataset loadCifarFolder(const std::string &dir, int classes, bool train);

/// The digits set's fixed parts: the test part is every sixth image (index 5, 11, ...: 299 of
/// 1797), the training part the rest (1498); statistics are those of the part.
Dataset digitsPart(const Dataset &all, bool train);

/// The data set a run's configuration names (dataset.name, path, limit): the training part
/// (train = true), which a search splits into its weight and architecture halves, or the test
/// part. Throws DataError naming the file or folder.
Dataset loadDataset(const DatasetConfig &config, bool train);

/// The reduction cells of a network of `layers` cells: at layers / 3 and 2 layers / 3 from 3
/// cells on (supernet and evaluation network alike), none below.
int reductionCells(int64_t layers);
/// The smallest image side that a network of `layers` cells takes whatever its cells hold (the
/// supernet holds every operation). Every reduction cell halves the image (rounding up: its 3x3
/// and 5x5 operations and pools are padded, and take even 1 x 1), and FactorizedReduce (a
/// reduction's skip_connect, a collapsed reduction cell, the next cell's preprocessing of
/// c_{k-2}) needs at least 2 x 2 at its input: its second convolution reads the grid shifted by
/// one pixel, which is empty at 1 x 1, and LibTorch then fails deep inside a convolution. So R
/// reductions need 2^(R-1) + 1 (3 for the usual two), no reduction 1. The stem is a padded 3x3
/// convolution; the auxiliary head pools adaptively to 2 x 2 unless it gets DARTS's 8 x 8:
/// neither adds a bound. EvalNetworkImpl::minimumImageSide is a given genotype's.
int64_t minimumImageSide(int64_t layers);
/// Throws DataError naming the images' size and the minimum (minimumImageSide) if they are too
/// small for the network of `space`.
void checkImagesFitTheSpace(const Dataset &data, const SpaceConfig &space);

/// Default folder of Debian's dataset-fashion-mnist package.
std::string defaultFashionMnistDir();

/// Reads a whole file, transparently inflating gzip. Throws DataError if missing or corrupt.
std::string readMaybeGzip(const std::string &path);
/// Inflates gzip bytes held in memory (plain bytes are returned unchanged).
std::string inflateMaybeGzip(const std::string &bytes, const std::string &origin);

/// DARTS split: a seeded permutation of [0, n); the first `trainFraction` go to the weight
/// (train) split, the rest to the architecture (validation) split.
struct Split
{
    std::vector<int64_t> train;
    std::vector<int64_t> val;
};
Split makeSplit(int64_t n, uint64_t seed, double trainFraction = 0.5);

/// Deterministic batching: the order of an epoch depends only on (seed, stream, epoch), so a
/// resumed run sees exactly the batches an uninterrupted one would.
class BatchSampler
{
public:
    /// With `dropLast`, a final partial batch is left out of every epoch (as long as one full
    /// batch exists): a batch of two or three images makes BatchNorm statistics meaningless.
    BatchSampler(std::vector<int64_t> indices, int64_t batchSize, uint64_t seed, uint64_t stream,
                 bool dropLast = false);
    int64_t batchesPerEpoch() const;
    /// Indices of batch `b` of `epoch` (the last batch may be short unless dropLast).
    std::vector<int64_t> batch(int64_t epoch, int64_t b) const;
    const std::vector<int64_t> &indices() const { return m_indices; }

private:
    std::vector<int64_t> epochOrder(int64_t epoch) const;
    std::vector<int64_t> m_indices;
    int64_t m_batchSize;
    uint64_t m_seed;
    uint64_t m_stream;
    bool m_dropLast;
    mutable int64_t m_cachedEpoch = -1;
    mutable std::vector<int64_t> m_cachedOrder;
};

/// Builds a normalised float batch [B, C, H, W] and its labels; with `augment` and the data set's
/// augment flag it applies random crop + flip drawn from `augmentSeed`.
std::pair<torch::Tensor, torch::Tensor> makeBatch(const Dataset &data,
                                                  const std::vector<int64_t> &indices, bool augment,
                                                  uint64_t augmentSeed);

/// Mixes integers into one well-spread 64-bit seed (splitmix64).
uint64_t mixSeed(uint64_t a, uint64_t b, uint64_t c = 0);

} // namespace sparsenas
