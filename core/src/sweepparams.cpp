// SPDX-License-Identifier: MIT
#include "sparsenas/sweepparams.h"

#include "sparsenas/base/config.h"
#include "sparsenas/base/genotypesource.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/dataset.h"
#include "sparsenas/evalnetwork.h"
#include "sparsenas/rnnevalnetwork.h"
#include "sparsenas/textcorpus.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace sparsenas {

std::string sweepSizePreset(const std::string &evaluatePreset, const std::string &datasetName,
                            SpaceKind space)
{
    if (!evaluatePreset.empty())
        return evaluatePreset;
    if (space == SpaceKind::Rnn)
        return "ptb-eval";
    const auto names = presetNames();
    const std::string own = datasetName + "-eval";
    return std::find(names.begin(), names.end(), own) != names.end() ? own : "cifar10-eval";
}

void countSweepParameters(std::vector<SweepRow> &rows, const std::string &sweepFolder,
                          const std::string &evaluatePreset,
                          std::map<std::string, std::pair<int64_t, int64_t>> *shapes,
                          std::vector<std::string> *problems)
{
    std::map<std::string, std::pair<int64_t, int64_t>> local;
    auto &known = shapes ? *shapes : local;
    for (auto &row : rows) {
        if (row.paramsM >= 0)
            continue;
        const fs::path runDir = fs::path(sweepFolder) / row.point.name;
        std::error_code ec;
        if (!fs::exists(runDir / "genotype.json", ec))
            continue;
        try {
            const RunConfig config = RunDirectory(runDir.string()).loadConfig();
            const RunConfig size = presetConfig(
                sweepSizePreset(evaluatePreset, nameOf(config.dataset.name), config.space.kind));
            const std::string key = toJson(config)["dataset"].dump();
            if (config.space.kind == SpaceKind::Rnn) {
                // A language model: the corpus's vocabulary (cached as the "channels").
                if (!known.count(key))
                    known[key] = {loadTextCorpus(config.dataset).vocabularySize(), 0};
                const Genotype g = loadGenotype((runDir / "genotype.json").string());
                row.paramsM = double(recurrentParameterCount(
                                  g.cells.front(), size.languageModel.hidden, known[key].first)) /
                              1e6;
                continue;
            }
            if (!known.count(key)) {
                const Dataset test = loadDataset(config.dataset, /*train=*/false);
                known[key] = {test.channels(), test.numClasses};
            }
            EvalNetworkConfig nc;
            nc.channels = size.space.channels;
            nc.layers = size.space.layers;
            nc.stemMultiplier = size.space.stemMultiplier;
            nc.inChannels = known[key].first;
            nc.numClasses = known[key].second;
            const EvalNetwork net(loadGenotype((runDir / "genotype.json").string()), nc);
            row.paramsM = double(net->parameterCount()) / 1e6;
        } catch (const std::exception &e) {
            if (problems)
                problems->push_back(row.point.name + ": " + e.what());
        }
    }
}

} // namespace sparsenas
