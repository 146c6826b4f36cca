// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace sparsenas {

/// Writes `bytes` to `path` atomically: a temp file in the same folder, flushed, then renamed over
/// the target, so a reader never sees half a file. Throws std::runtime_error naming the path.
void writeFileAtomic(const std::string &path, const std::string &bytes);
/// Reads a whole file; throws std::runtime_error naming the path if it cannot be read.
std::string readFile(const std::string &path);
/// `s` as one CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote
/// or a line break; as it is otherwise.
std::string csvField(const std::string &s);

} // namespace sparsenas
