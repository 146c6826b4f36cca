// SPDX-License-Identifier: MIT
#pragma once

// What tests that compare whole runs read from a run directory.

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

namespace sparsenas::testing {

/// The JSON lines of a file (empty lines skipped; a line that does not parse is a discarded
/// value).
inline std::vector<nlohmann::json> jsonLines(const std::string &path)
{
    std::vector<nlohmann::json> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        out.push_back(nlohmann::json::parse(line, nullptr, false));
    }
    return out;
}

/// metrics.jsonl without events and wall-clock fields, which differ between two runs that
/// compute the same.
inline std::vector<nlohmann::json> comparableMetrics(const std::string &dir)
{
    std::vector<nlohmann::json> out;
    for (auto j : jsonLines(dir + "/metrics.jsonl")) {
        if (j.is_discarded() || j.value("type", "") == "event")
            continue;
        for (const char *wallClock :
             {"seconds", "step_seconds", "arch_seconds", "weight_seconds", "eta_seconds"})
            j.erase(wallClock);
        out.push_back(std::move(j));
    }
    return out;
}

} // namespace sparsenas::testing
