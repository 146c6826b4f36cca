// SPDX-License-Identifier: MIT
// libFuzzer harness: a run configuration as a user writes it (config files, presets, the studio's
// saved form). Any text is either a RunConfig or a ConfigError; anything else that escapes (a
// nlohmann exception, std::bad_alloc, a sanitizer report) is a finding. A config that parses
// must survive the round trip through config.json unchanged.

#include "sparsenas/base/config.h"
#include "sparsenas/base/errors.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

using namespace sparsenas;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    RunConfig config;
    try {
        config = configFromText(text, "fuzz.json");
    } catch (const ConfigError &) {
        return 0;
    }
    const auto written = toJson(config);
    if (toJson(configFromJson(written)) != written)
        std::abort(); // config.json would not read back as the run that wrote it
    return 0;
}
