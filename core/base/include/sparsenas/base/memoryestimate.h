// SPDX-License-Identifier: MIT
#pragma once

// How much memory a search on the CPU will take, estimated from its configuration before any
// training, so that a space too large for the machine is refused with a message instead of
// LibTorch's "DefaultCPUAllocator: can't allocate memory" an hour later (or the kernel's OOM
// killer). The model is fitted to this build's measured peaks (docs/method.md, "Memory").

#include "sparsenas/base/config.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sparsenas {

/// Elements of the supernet's activations for one image: the stem, and per cell the op outputs
/// of every edge for the ops other than `none`, the two preprocessed inputs and each node's sum
/// and concatenation, with channels doubling and the image halving at each reduction cell.
double activationElementsPerImage(const SpaceConfig &space, int64_t height, int64_t width);

/// The estimated peak resident memory of a search: a fixed part (LibTorch, the data, the model)
/// plus bytes per activation element and image of a batch; the second order keeps a second
/// forward and backward (the unrolled weights) and counts that part twice.
double estimatedSearchBytes(const RunConfig &config, int64_t height, int64_t width);

/// The memory the system can still give (MemAvailable of /proc/meminfo); std::nullopt where it
/// cannot be read.
std::optional<double> availableMemoryBytes();

/// This process's resident memory now (/proc/self/statm); 0 where it cannot be read.
double residentMemoryBytes();

/// Why the search does not fit in `availableBytes` more than the process holds now
/// (`residentBytes`), in words for the user; std::nullopt if it fits.
std::optional<std::string> memoryProblem(const RunConfig &config, int64_t height, int64_t width,
                                         double availableBytes, double residentBytes);

} // namespace sparsenas
