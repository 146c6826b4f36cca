// SPDX-License-Identifier: MIT
#include "sparsenas/base/memoryestimate.h"

#include "sparsenas/base/genotype.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace sparsenas {

namespace {

// Fitted on this build (Debian LibTorch 1.13, first order, one thread) to the peak resident
// memory of five searches from 272 MB to 2.4 GB (digits and Fashion-MNIST, C 4-16, 3-5 cells,
// batch 16-64): within 8 % of each. docs/method.md has the table.
constexpr double kFixedBytes = 300e6;
constexpr double kBytesPerElement = 10.0;

std::string gib(double bytes)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f GiB", bytes / (1024.0 * 1024.0 * 1024.0));
    return buf;
}

} // namespace

double activationElementsPerImage(const SpaceConfig &space, int64_t height, int64_t width)
{
    const double opsPaid = double(std::count_if(
        space.ops.begin(), space.ops.end(), [](const std::string &op) { return op != "none"; }));
    const double edges = double(numEdges(space.nodes));
    double h = double(height), w = double(width);
    double c = double(space.channels);
    double elements = 2.0 * double(space.stemMultiplier) * c * h * w; // conv and batch norm
    for (int l = 0; l < space.layers; ++l) {
        const bool reduction = space.layers >= 3 &&
                               (l == space.layers / 3 || l == 2 * space.layers / 3);
        if (reduction) {
            c *= 2;
            h = double((int64_t(h) + 1) / 2);
            w = double((int64_t(w) + 1) / 2);
        }
        const double plane = c * h * w;
        elements += edges * opsPaid * plane + (2.0 + 2.0 * space.nodes) * plane;
    }
    return elements;
}

double estimatedSearchBytes(const RunConfig &config, int64_t height, int64_t width)
{
    const double perBatch = kBytesPerElement * double(config.search.batchSize) *
                            activationElementsPerImage(config.space, height, width);
    return kFixedBytes + (config.search.order == SearchOrder::Second ? 2.0 : 1.0) * perBatch;
}

std::optional<double> availableMemoryBytes()
{
    std::ifstream in("/proc/meminfo");
    std::string key;
    double kb = 0;
    std::string unit;
    while (in >> key >> kb) {
        std::getline(in, unit);
        if (key == "MemAvailable:")
            return kb * 1024.0;
    }
    return std::nullopt;
}

double residentMemoryBytes()
{
    std::ifstream in("/proc/self/statm");
    double sizePages = 0, residentPages = 0;
    if (!(in >> sizePages >> residentPages))
        return 0;
    return residentPages * double(sysconf(_SC_PAGESIZE));
}

std::optional<std::string> memoryProblem(const RunConfig &config, int64_t height, int64_t width,
                                         double availableBytes, double residentBytes)
{
    const double needed = estimatedSearchBytes(config, height, width);
    if (needed - residentBytes <= availableBytes)
        return std::nullopt;
    std::ostringstream ss;
    ss << "this search needs about " << gib(needed) << " of memory (batch "
       << config.search.batchSize << ", " << config.space.channels << " channels, "
       << config.space.layers << " cells of " << config.space.nodes << " nodes, "
       << config.space.ops.size() << " ops, " << height << "x" << width << " images"
       << (config.search.order == SearchOrder::Second ? ", second order" : "")
       << "), but the machine has only " << gib(availableBytes + residentBytes)
       << " for it: lower search.batch_size, space.channels or space.layers (the memory grows "
          "with each)";
    return ss.str();
}

} // namespace sparsenas
