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

/// A run directory that another process (or another run in this one) is writing: its lock
/// (runlock.h) is held. what() names the holder.
class RunBusyError : public RunError
{
public:
    using RunError::RunError;
};

/// A line or file of a run directory that does not hold what its format says (runformat.h):
/// not a JSON object, a required field missing, a matrix of the wrong shape. what() names the
/// field; the caller that knows the file and line number puts them in front.
class FormatError : public RunError
{
public:
    using RunError::RunError;
};

} // namespace sparsenas
