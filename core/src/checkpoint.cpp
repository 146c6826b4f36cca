// SPDX-License-Identifier: MIT
#include "sparsenas/checkpoint.h"

#include "sparsenas/base/fileutil.h"

#include <zlib.h>

#include <sstream>

namespace sparsenas {

using nlohmann::json;

namespace {

constexpr const char *kFormat = "sparsenas-checkpoint";
constexpr int kVersion = 2;

torch::Tensor bytesToTensor(const std::string &s)
{
    return torch::from_blob(const_cast<char *>(s.data()), {int64_t(s.size())}, torch::kUInt8)
        .clone();
}

std::string tensorToBytes(const torch::Tensor &t)
{
    const auto c = t.to(torch::kCPU).contiguous();
    return std::string(reinterpret_cast<const char *>(c.data_ptr<uint8_t>()), size_t(c.numel()));
}

template <typename T>
std::string archiveBytes(const T &item)
{
    torch::serialize::OutputArchive archive;
    item.save(archive);
    std::ostringstream out;
    archive.save_to(out);
    return out.str();
}

std::string shortWhat(const std::exception &e)
{
    std::string w = e.what();
    // LibTorch appends a C++ backtrace to its messages: keep the first line.
    const auto nl = w.find('\n');
    if (nl != std::string::npos)
        w = w.substr(0, nl);
    return w.size() > 300 ? w.substr(0, 300) + "..." : w;
}

} // namespace

uint32_t crc32Of(const std::string &bytes)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    size_t off = 0;
    while (off < bytes.size()) {
        const auto n = uInt(std::min<size_t>(bytes.size() - off, 1u << 30));
        crc = crc32(crc, reinterpret_cast<const Bytef *>(bytes.data() + off), n);
        off += n;
    }
    return uint32_t(crc);
}

void CheckpointWriter::put(const std::string &name, const torch::nn::Module &module)
{
    m_records[name] = archiveBytes(module);
}

void CheckpointWriter::put(const std::string &name, const torch::optim::Optimizer &optimizer)
{
    m_records[name] = archiveBytes(optimizer);
}

std::string CheckpointWriter::bytes() const
{
    json meta = m_meta;
    meta["format"] = kFormat;
    meta["version"] = kVersion;
    json records = json::object();
    torch::serialize::OutputArchive root;
    for (const auto &[name, data] : m_records) {
        records[name] = {{"bytes", data.size()}, {"crc32", crc32Of(data)}};
        root.write("record/" + name, bytesToTensor(data));
    }
    meta["records"] = records;
    const auto metaText = meta.dump();
    root.write("meta", bytesToTensor(metaText));
    root.write("meta_crc32", torch::tensor({int64_t(crc32Of(metaText))}, torch::kLong));
    std::ostringstream out;
    root.save_to(out);
    return out.str();
}

void CheckpointWriter::writeTo(const std::string &path) const
{
    writeFileAtomic(path, bytes());
}

CheckpointReader::CheckpointReader(const std::string &path, const torch::Device &device)
    : m_path(path), m_device(device)
{
    try {
        m_root.load_from(path, torch::kCPU);
    } catch (const std::exception &e) {
        throw RunError("cannot read checkpoint '" + path +
                       "': it is damaged or not a SparseNAS "
                       "checkpoint (" +
                       shortWhat(e) + ")");
    }
    torch::Tensor metaTensor, metaCrc;
    if (!m_root.try_read("meta", metaTensor))
        throw RunError("'" + path + "' is not a SparseNAS checkpoint (no meta record)");
    const std::string metaText = tensorToBytes(metaTensor);
    if (m_root.try_read("meta_crc32", metaCrc)) {
        if (uint32_t(metaCrc.item<int64_t>()) != crc32Of(metaText))
            throw RunError("checkpoint '" + path +
                           "' is damaged: its meta record does not "
                           "match its checksum");
    }
    try {
        m_meta = json::parse(metaText);
    } catch (const json::exception &e) {
        throw RunError("checkpoint '" + path + "' is damaged: its meta record is not JSON (" +
                       shortWhat(e) + ")");
    }
    if (!m_meta.is_object() || m_meta.value("format", "") != kFormat)
        throw RunError("'" + path + "' is not a SparseNAS checkpoint");
    m_version = m_meta.value("version", 1);
    if (m_version > kVersion)
        throw RunError("checkpoint '" + path + "' has format version " + std::to_string(m_version) +
                       ", newer than this program reads (" + std::to_string(kVersion) + ")");
    if (m_version < 2)
        return;
    const auto records = m_meta.value("records", json::object());
    for (auto it = records.begin(); it != records.end(); ++it) {
        torch::Tensor t;
        if (!m_root.try_read("record/" + it.key(), t))
            throw RunError("checkpoint '" + path + "' is damaged: record '" + it.key() +
                           "' is missing");
        std::string data = tensorToBytes(t);
        const auto want = it.value();
        if (data.size() != want.value("bytes", size_t(0)) ||
            crc32Of(data) != want.value("crc32", uint32_t(0)))
            throw RunError("checkpoint '" + path + "' is damaged: record '" + it.key() +
                           "' does not match its checksum");
        m_records[it.key()] = std::move(data);
    }
}

bool CheckpointReader::has(const std::string &name) const
{
    if (m_version >= 2)
        return m_records.count(name) > 0;
    torch::serialize::InputArchive sub;
    return m_root.try_read(name, sub);
}

torch::serialize::InputArchive CheckpointReader::archive(const std::string &name) const
{
    torch::serialize::InputArchive sub;
    if (m_version >= 2) {
        const auto it = m_records.find(name);
        if (it == m_records.end())
            throw RunError("checkpoint '" + m_path + "' has no record '" + name + "'");
        std::istringstream in(it->second);
        sub.load_from(in, m_device);
    } else if (!m_root.try_read(name, sub)) {
        throw RunError("checkpoint '" + m_path + "' has no record '" + name + "'");
    }
    return sub;
}

void CheckpointReader::get(const std::string &name, torch::nn::Module &module) const
{
    auto sub = archive(name);
    try {
        module.load(sub);
    } catch (const std::exception &e) {
        throw RunError("checkpoint '" + m_path + "' does not fit this run's " + name +
                       " (another space, data set or op list?): " + shortWhat(e));
    }
}

void CheckpointReader::get(const std::string &name, torch::optim::Optimizer &optimizer) const
{
    auto sub = archive(name);
    try {
        optimizer.load(sub);
    } catch (const std::exception &e) {
        throw RunError("checkpoint '" + m_path + "' does not fit this run's " + name + ": " +
                       shortWhat(e));
    }
}

} // namespace sparsenas
