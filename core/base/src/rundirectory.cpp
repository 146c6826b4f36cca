// SPDX-License-Identifier: MIT
#include "sparsenas/base/rundirectory.h"

#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/graphvizrenderer.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <sstream>

#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace sparsenas {

json toJson(const CellWeights &w)
{
    json rows = json::array();
    for (int e = 0; e < numEdges(w.nodes); ++e) {
        json row = json::array();
        for (size_t o = 0; o < w.ops.size(); ++o)
            row.push_back(w.at(e, int(o)));
        rows.push_back(row);
    }
    return json{{"type", w.type}, {"nodes", w.nodes}, {"ops", w.ops}, {"weights", rows}};
}

CellWeights cellWeightsFromJson(const json &j)
{
    CellWeights w;
    try {
        w.type = j.at("type").get<std::string>();
        w.nodes = j.at("nodes").get<int>();
        w.ops = j.at("ops").get<std::vector<std::string>>();
        const auto &rows = j.at("weights");
        if (w.nodes < 1 || w.ops.empty())
            throw std::runtime_error("nodes must be >= 1 and ops non-empty");
        if (!rows.is_array() || int(rows.size()) != numEdges(w.nodes))
            throw std::runtime_error("weights must have " + std::to_string(numEdges(w.nodes)) +
                                     " rows (one per edge) for " + std::to_string(w.nodes) +
                                     " nodes");
        for (size_t e = 0; e < rows.size(); ++e) {
            if (!rows[e].is_array() || rows[e].size() != w.ops.size())
                throw std::runtime_error("weights[" + std::to_string(e) + "] must have " +
                                         std::to_string(w.ops.size()) + " values (one per op)");
            for (const auto &v : rows[e])
                w.weights.push_back(v.get<float>());
        }
    } catch (const json::exception &e) {
        throw std::runtime_error(std::string("architecture weights: ") + e.what());
    }
    return w;
}

json toJson(const CellSnapshot &c)
{
    auto j = toJson(c.weights);
    j["alive_nodes"] = c.aliveNodes;
    j["alive_paths"] = c.alivePaths;
    j["nonzero_weights"] = c.nonZeroWeights;
    j["total_weights"] = c.totalWeights;
    j["zero_groups"] = c.zeroGroups;
    return j;
}

static json cellsJson(const std::vector<CellSnapshot> &cells, bool withWeights)
{
    json out = json::array();
    for (const auto &c : cells) {
        if (withWeights) {
            out.push_back(toJson(c));
        } else {
            out.push_back({{"type", c.weights.type},
                           {"alive_nodes", c.aliveNodes},
                           {"alive_paths", c.alivePaths},
                           {"nonzero_weights", c.nonZeroWeights}});
        }
    }
    return out;
}

json toJson(const Snapshot &s)
{
    return json{{"type", "step"},
                {"step", s.step},
                {"epoch", s.epoch},
                {"epochs", s.epochs},
                {"step_in_epoch", s.stepInEpoch},
                {"steps_per_epoch", s.stepsPerEpoch},
                {"lambda", s.lambda},
                {"alpha", s.alpha},
                {"weight_lr", s.weightLr},
                {"train_loss", s.trainLoss},
                {"train_acc", s.trainAcc},
                {"val_loss", s.valLoss},
                {"val_acc", s.valAcc},
                {"penalty", s.penalty},
                {"element_sparsity", s.elementSparsity},
                {"group_sparsity", s.groupSparsity},
                {"step_seconds", s.stepSeconds},
                {"cells", cellsJson(s.cells, false)}};
}

json toJson(const EpochSummary &e)
{
    return json{{"type", "epoch"},
                {"epoch", e.epoch},
                {"step", e.step},
                {"lambda", e.lambda},
                {"alpha", e.alpha},
                {"weight_lr", e.weightLr},
                {"train_loss", e.trainLoss},
                {"train_acc", e.trainAcc},
                {"val_loss", e.valLoss},
                {"val_acc", e.valAcc},
                {"penalty", e.penalty},
                {"element_sparsity", e.elementSparsity},
                {"group_sparsity", e.groupSparsity},
                {"seconds", e.seconds},
                {"cells", cellsJson(e.cells, false)}};
}

RunDirectory::RunDirectory(std::string path) : m_path(std::move(path)) {}

std::string RunDirectory::file(const std::string &name) const
{
    return (fs::path(m_path) / name).string();
}

bool RunDirectory::exists() const
{
    return fs::exists(file("config.json"));
}

void RunDirectory::create(const RunConfig &config)
{
    if (exists())
        throw RunError("'" + m_path + "' already holds a run (config.json); resume it with "
                       "`sparsenas resume " + m_path + "` or choose another --out");
    std::error_code ec;
    fs::create_directories(fs::path(m_path) / "checkpoints", ec);
    if (ec)
        throw RunError("cannot create the run directory '" + m_path + "': " + ec.message());
    for (const char *name : {"metrics.jsonl", "metrics.csv", "snapshots.jsonl", "log.txt"})
        fs::remove(file(name), ec);
    writeFileAtomic(file("config.json"), toJson(config).dump(2) + "\n");
}

RunConfig RunDirectory::loadConfig() const
{
    if (!exists())
        throw RunError("'" + m_path + "' is not a run directory (no config.json)");
    return loadConfigFile(file("config.json"));
}

void RunDirectory::appendLine(const std::string &name, const std::string &line)
{
    std::ofstream out(file(name), std::ios::app);
    if (!out)
        throw RunError("cannot append to '" + file(name) + "'");
    out << line << '\n';
    out.flush();
}

void RunDirectory::appendMetrics(const json &line)
{
    appendLine("metrics.jsonl", line.dump());
}

void RunDirectory::appendStep(const Snapshot &s)
{
    appendMetrics(toJson(s));
}

void RunDirectory::appendEvent(const RunEventInfo &e)
{
    appendMetrics({{"type", "event"}, {"step", e.step}, {"epoch", e.epoch},
                   {"step_in_epoch", e.stepInEpoch}, {"steps_per_epoch", e.stepsPerEpoch},
                   {"lambda", e.lambda}, {"what", toString(e.kind)}, {"value", e.value}});
}

static std::string csvHeader()
{
    return "epoch,step,lambda,alpha,weight_lr,train_loss,train_acc,val_loss,val_acc,penalty,"
           "element_sparsity,group_sparsity,alive_nodes_normal,alive_paths_normal,"
           "alive_nodes_reduce,alive_paths_reduce,seconds";
}

static std::string csvRow(const json &e)
{
    std::ostringstream ss;
    ss.imbue(std::locale::classic());
    ss << std::setprecision(8) << e.value("epoch", 0) << ',' << e.value("step", 0) << ','
       << e.value("lambda", 0.0) << ',' << e.value("alpha", 0.0) << ','
       << e.value("weight_lr", 0.0) << ',' << e.value("train_loss", 0.0) << ','
       << e.value("train_acc", 0.0) << ',' << e.value("val_loss", 0.0) << ','
       << e.value("val_acc", 0.0) << ',' << e.value("penalty", 0.0) << ','
       << e.value("element_sparsity", 0.0) << ',' << e.value("group_sparsity", 0.0);
    for (const char *type : {"normal", "reduce"}) {
        size_t nodes = 0;
        int paths = 0;
        for (const auto &c : e.value("cells", json::array())) {
            if (c.value("type", "") == type) {
                nodes = c.value("alive_nodes", json::array()).size();
                paths = c.value("alive_paths", 0);
            }
        }
        ss << ',' << nodes << ',' << paths;
    }
    ss << ',' << e.value("seconds", 0.0);
    return ss.str();
}

void RunDirectory::appendEpoch(const EpochSummary &e)
{
    const auto j = toJson(e);
    appendMetrics(j);
    if (!fs::exists(file("metrics.csv")) || fs::file_size(file("metrics.csv")) == 0)
        appendLine("metrics.csv", csvHeader());
    appendLine("metrics.csv", csvRow(j));
    json snap{{"epoch", e.epoch}, {"step", e.step}, {"lambda", e.lambda}, {"alpha", e.alpha},
              {"cells", cellsJson(e.cells, true)}};
    appendLine("snapshots.jsonl", snap.dump());
}

void RunDirectory::appendLog(MessageLevel level, const std::string &message)
{
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", std::localtime(&now));
    appendLine("log.txt", std::string(stamp) + " [" + toString(level) + "] " + message);
}

void RunDirectory::writeStatus(RunState state, int64_t epoch, int64_t step,
                               const std::string &message)
{
    json j{{"state", toString(state)},
           {"epoch", epoch},
           {"step", step},
           {"pid", int64_t(::getpid())},
           {"time", int64_t(std::time(nullptr))}};
    if (!message.empty())
        j["message"] = message;
    writeFileAtomic(file("status.json"), j.dump(2) + "\n");
}

static std::vector<json> readJsonLines(const std::string &path)
{
    std::vector<json> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        try {
            out.push_back(json::parse(line));
        } catch (const json::parse_error &) {
            // A line cut off by a kill: the run continues from its checkpoint, drop it.
        }
    }
    return out;
}

void RunDirectory::truncateAfter(int64_t step, int64_t epoch)
{
    std::string metrics, csv = csvHeader() + "\n", snaps;
    for (const auto &j : readJsonLines(file("metrics.jsonl"))) {
        const auto type = j.value("type", "");
        const bool keep = type == "epoch" ? j.value("epoch", int64_t(0)) < epoch
                                          : j.value("step", int64_t(0)) <= step;
        if (!keep)
            continue;
        metrics += j.dump() + "\n";
        if (type == "epoch")
            csv += csvRow(j) + "\n";
    }
    for (const auto &j : readJsonLines(file("snapshots.jsonl"))) {
        if (j.value("epoch", int64_t(0)) < epoch)
            snaps += j.dump() + "\n";
    }
    writeFileAtomic(file("metrics.jsonl"), metrics);
    writeFileAtomic(file("metrics.csv"), csv);
    writeFileAtomic(file("snapshots.jsonl"), snaps);
}

std::string RunDirectory::checkpointDir() const
{
    return file("checkpoints");
}

std::string RunDirectory::newCheckpointPath(int64_t step) const
{
    std::ostringstream ss;
    ss << "ckpt-" << std::setw(9) << std::setfill('0') << step << ".pt";
    return (fs::path(checkpointDir()) / ss.str()).string();
}

void RunDirectory::commitCheckpoint(const std::string &path, int64_t keep)
{
    writeFileAtomic((fs::path(checkpointDir()) / "latest.json").string(),
                    json{{"checkpoint", fs::path(path).filename().string()}}.dump() + "\n");
    std::vector<fs::path> all;
    for (const auto &entry : fs::directory_iterator(checkpointDir())) {
        const auto name = entry.path().filename().string();
        if (name.rfind("ckpt-", 0) == 0 && entry.path().extension() == ".pt")
            all.push_back(entry.path());
    }
    std::sort(all.begin(), all.end());
    std::error_code ec;
    for (size_t i = 0; i + size_t(keep) < all.size(); ++i) {
        if (all[i] != fs::path(path))
            fs::remove(all[i], ec);
    }
}

std::string RunDirectory::latestCheckpoint() const
{
    const auto latest = (fs::path(checkpointDir()) / "latest.json").string();
    if (!fs::exists(latest))
        return {};
    try {
        const auto j = json::parse(readFile(latest));
        const auto p = (fs::path(checkpointDir()) / j.at("checkpoint").get<std::string>()).string();
        if (!fs::exists(p))
            throw RunError("checkpoint '" + p + "' named by latest.json is missing");
        return p;
    } catch (const json::exception &e) {
        throw RunError("'" + latest + "' is damaged: " + e.what());
    }
}

std::vector<CellWeights> RunDirectory::lastArchWeights() const
{
    const auto lines = readJsonLines(file("snapshots.jsonl"));
    if (lines.empty())
        throw RunError("'" + m_path + "' has no architecture snapshot yet (snapshots.jsonl is "
                       "empty: the first epoch has not finished)");
    std::vector<CellWeights> out;
    for (const auto &c : lines.back().at("cells"))
        out.push_back(cellWeightsFromJson(c));
    return out;
}

void RunDirectory::writeGenotype(const Genotype &genotype) const
{
    writeFileAtomic(file("genotype.json"), toJson(genotype).dump(2) + "\n");
    writeFileAtomic(file("genotype.dot"), genotypeToDot(genotype));
    std::string why;
    const auto text = toDartsText(genotype, &why);
    writeFileAtomic(file("genotype_darts.txt"),
                    text ? *text + "\n"
                         : "# This mixed-path genotype does not fit the DARTS format: " + why +
                               "\n# genotype.json holds the full genotype.\n");
}

std::vector<std::string> renderGenotypeDiagrams(const RunDirectory &dir, const Genotype &g,
                                                double pngDpi)
{
    GraphvizRenderer renderer;
    const auto dot = genotypeToDot(g);
    std::vector<std::string> out;
    for (const char *fmt : {"svg", "pdf", "png"}) {
        const auto path = dir.file(std::string("genotype.") + fmt);
        renderer.renderToFile(dot, fmt, path, std::string(fmt) == "png" ? pngDpi : 0.0);
        out.push_back(path);
    }
    return out;
}

} // namespace sparsenas
