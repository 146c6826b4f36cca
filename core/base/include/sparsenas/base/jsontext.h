// SPDX-License-Identifier: MIT
#pragma once

// JSON text as users write it (configs, --set values, run-directory lines): parsed with the
// problem, if any, placed where a person looks for it: line, column and the field being read
// ("weights.lr", "space.ops[2]"). nlohmann's own messages name a byte offset at best, and for a
// number too large for a double ("1e999") nothing at all.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace sparsenas {

struct JsonTextProblem
{
    std::size_t line = 1;   ///< 1-based
    std::size_t column = 1; ///< 1-based, in bytes
    std::string field;      ///< the field being read, e.g. "weights.lr"; empty at the top level
    std::string what;       ///< e.g. "the number 1e999 is out of range"

    /// "origin:line:column: field weights.lr: the number 1e999 is out of range", every byte
    /// that is not printable UTF-8 (in the origin or the text quoted) written as \xNN.
    std::string describe(const std::string &origin) const;
};

/// Parses `text`; on failure returns std::nullopt and fills *problem (if given). Never throws.
std::optional<nlohmann::json> parseJsonText(const std::string &text,
                                            JsonTextProblem *problem = nullptr);

} // namespace sparsenas
