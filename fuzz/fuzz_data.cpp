// SPDX-License-Identifier: MIT
// libFuzzer harness: the data readers (gzip, the digits CSV, IDX image / label pairs, CIFAR
// binary batches). The first byte picks the reader; IDX and CIFAR go through files, as a user's
// data does. Every input is either a data set or a DataError naming the file; any other
// exception (std::bad_alloc, a LibTorch error) or a sanitizer report is a finding.

#include "sparsenas/base/errors.h"
#include "sparsenas/dataset.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

using namespace sparsenas;
namespace fs = std::filesystem;

namespace {

const fs::path &scratch()
{
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("sparsenas-fuzz-" + std::to_string(getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

std::string put(const std::string &name, const std::string &bytes)
{
    const std::string path = (scratch() / name).string();
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const int reader = data[0] % 4;
    const std::string bytes(reinterpret_cast<const char *>(data + 1), size - 1);
    try {
        switch (reader) {
        case 0:
            (void)inflateMaybeGzip(bytes, "fuzz.gz");
            break;
        case 1:
            (void)parseDigitsCsv(bytes, "fuzz.csv");
            break;
        case 2: {
            // The second byte splits the rest into the images file and the labels file.
            const std::size_t cut =
                std::min<std::size_t>(bytes.size() - 1, std::size_t(uint8_t(bytes[0])) * 8);
            const auto images = put("images-idx3-ubyte", bytes.substr(1, cut));
            const auto labels = put("labels-idx1-ubyte", bytes.substr(1 + cut));
            (void)loadIdxPair(images, labels, "fuzz", 10);
            break;
        }
        default:
            put("test_batch.bin", bytes);
            (void)loadCifarFolder(scratch().string(), 10, false);
            break;
        }
    } catch (const DataError &) {
    }
    return 0;
}
