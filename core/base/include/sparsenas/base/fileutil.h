// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace sparsenas {

/// Writes `bytes` to `path` atomically: a temp file in the same folder, flushed, then renamed over
/// the target, so a reader never sees half a file. Throws std::runtime_error naming the path.
void writeFileAtomic(const std::string &path, const std::string &bytes);
/// Reads a whole file; throws std::runtime_error naming the path if it cannot be read.
std::string readFile(const std::string &path);

} // namespace sparsenas
