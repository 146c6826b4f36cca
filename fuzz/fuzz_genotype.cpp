// SPDX-License-Identifier: MIT
// libFuzzer harness: what `derive` and `export` read (genotype.json, a snapshots.jsonl line or a
// file of A matrices) and the run-directory lines the studio follows. Every reader must either
// accept the text or throw its own error (FormatError / RunError, std::runtime_error naming the
// field); a nlohmann exception or a sanitizer report escaping is a finding. What is accepted is
// also derived and drawn, as `export` would.

#include "sparsenas/base/errors.h"
#include "sparsenas/base/genotype.h"
#include "sparsenas/base/jsontext.h"
#include "sparsenas/base/runformat.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using namespace sparsenas;
using nlohmann::json;

namespace {

void exportAll(const Genotype &g)
{
    std::string why;
    (void)toDartsText(g, &why);
    (void)genotypeToDot(g);
    const auto again = genotypeFromJson(toJson(g));
    if (toJson(again) != toJson(g))
        std::abort(); // genotype.json would not read back as written
}

template <typename Read>
void tryReader(Read read)
{
    try {
        read();
    } catch (const std::runtime_error &) {
        // the reader's own, named error
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    JsonTextProblem problem;
    const auto parsed = parseJsonText(text, &problem);
    if (!parsed)
        return 0;
    const json &j = *parsed;
    tryReader([&] { exportAll(genotypeFromJson(j)); });
    tryReader([&] {
        const ArchSnapshot s = archSnapshotFromJson(j);
        std::vector<CellWeights> cells;
        for (const auto &c : s.cells)
            cells.push_back(c.weights);
        exportAll(deriveGenotype(cells));
    });
    tryReader([&] { (void)metricsLineType(j); });
    tryReader([&] { (void)stepFromJson(j); });
    tryReader([&] { (void)epochFromJson(j); });
    tryReader([&] { (void)runEventFromJson(j); });
    tryReader([&] { (void)runStatusFromJson(j); });
    tryReader([&] { (void)latestCheckpointFromJson(j); });
    return 0;
}
