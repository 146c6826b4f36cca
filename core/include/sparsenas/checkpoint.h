// SPDX-License-Identifier: MIT
#pragma once

// A run's checkpoint: one file holding the state a task needs to continue exactly (the model,
// the optimizers) as named records, and a JSON meta record (where the run is, the schedule, the
// configuration it was written with). Every record carries a CRC-32 that is verified on
// reading, so a damaged file is refused instead of silently continuing from altered weights.
//
// File layout (format version 2), a torch archive:
//   meta        uint8 tensor: the meta JSON, including {"records": {name: {bytes, crc32}}}
//   meta_crc32  int64 tensor: CRC-32 of the meta bytes
//   record/NAME uint8 tensor: a torch archive of the model or optimizer, as bytes
// Version 1 files (written before) hold the meta and the sub-archives directly; they are read
// without verification.

#include "sparsenas/base/errors.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <map>
#include <string>

namespace sparsenas {

class CheckpointWriter
{
public:
    void put(const std::string &name, const torch::nn::Module &module);
    void put(const std::string &name, const torch::optim::Optimizer &optimizer);
    /// Meta fields of the writer's caller (merged; "records" and "format" are reserved).
    nlohmann::json &meta() { return m_meta; }
    /// The whole file's bytes.
    std::string bytes() const;
    /// Writes the file atomically (temp file, fsync, rename).
    void writeTo(const std::string &path) const;

private:
    std::map<std::string, std::string> m_records;
    nlohmann::json m_meta = nlohmann::json::object();
};

class CheckpointReader
{
public:
    /// Reads and verifies `path`; throws RunError naming the file and what is wrong (unreadable,
    /// not a checkpoint, a record whose checksum does not match).
    CheckpointReader(const std::string &path, const torch::Device &device);

    const nlohmann::json &meta() const { return m_meta; }
    int version() const { return m_version; }
    const std::string &path() const { return m_path; }
    bool has(const std::string &name) const;
    /// Loads record `name` into the module / optimizer; throws RunError if missing or if it does
    /// not fit (another shape).
    void get(const std::string &name, torch::nn::Module &module) const;
    void get(const std::string &name, torch::optim::Optimizer &optimizer) const;

private:
    torch::serialize::InputArchive archive(const std::string &name) const;

    std::string m_path;
    torch::Device m_device;
    int m_version = 0;
    nlohmann::json m_meta;
    std::map<std::string, std::string> m_records;  ///< version 2
    mutable torch::serialize::InputArchive m_root; ///< version 1
};

/// CRC-32 (zlib) of `bytes`.
uint32_t crc32Of(const std::string &bytes);

} // namespace sparsenas
