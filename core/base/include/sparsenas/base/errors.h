// SPDX-License-Identifier: MIT
#pragma once

#include <stdexcept>
#include <string>

namespace sparsenas {

/// A data file that cannot be read: missing, truncated, wrong magic, wrong sizes.
/// The message names the file and what is wrong with it.
class DataError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// A run configuration that fails validation; what() lists every wrong field.
class ConfigError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// Anything about a run directory or checkpoint that cannot be read or written.
class RunError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace sparsenas
