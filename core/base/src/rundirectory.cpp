// SPDX-License-Identifier: MIT
#include "sparsenas/base/rundirectory.h"

#include "sparsenas/base/genotypesource.h"

#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/graphvizrenderer.h"
#include "sparsenas/base/jsontext.h"
#include "sparsenas/base/killpoint.h"

#include "jsonnumbers.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <sstream>

#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace sparsenas {

RunDirectory::RunDirectory(std::string path) : m_path(std::move(path)) {}

std::string RunDirectory::file(const std::string &name) const
{
    return (fs::path(m_path) / name).string();
}

bool RunDirectory::exists() const
{
    return fs::exists(file("config.json"));
}

static std::string csvHeader();

void RunDirectory::create(const RunConfig &config)
{
    if (!m_writable)
        return;
    if (exists())
        throw RunError("'" + m_path +
                       "' already holds a run (config.json); resume it with "
                       "`sparsenas resume " +
                       m_path + "` or choose another --out");
    std::error_code ec;
    fs::create_directories(fs::path(m_path) / "checkpoints", ec);
    if (ec)
        throw RunError("cannot create the run directory '" + m_path + "': " + ec.message());
    for (const char *name : {"metrics.jsonl", "metrics.csv", "snapshots.jsonl", "log.txt"})
        fs::remove(file(name), ec);
    // The table exists from the start, header only, so that a run which fails or is stopped
    // in its first epoch still has a metrics.csv that says so (no rows) to any reader.
    writeFileAtomic(file("metrics.csv"), csvHeader() + "\n");
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
    if (!m_writable)
        return;
    std::ofstream out(file(name), std::ios::app | std::ios::binary);
    if (!out)
        throw RunError("cannot append to '" + file(name) + "'");
    out << line;
    if (line.empty() || line.back() != '\n')
        out << '\n';
    out.flush();
    if (!out)
        throw RunError("cannot append to '" + file(name) + "'");
}

void RunDirectory::appendMetrics(const json &line)
{
    appendLine("metrics.jsonl", jsonLine(line));
}

void RunDirectory::appendStep(const Snapshot &s)
{
    appendLine("metrics.jsonl", jsonLine(toJson(s)));
}

void RunDirectory::appendEvent(const RunEventInfo &e)
{
    appendLine("metrics.jsonl", jsonLine(toJson(e)));
}

static std::string csvHeader()
{
    return "epoch,step,lambda,alpha,weight_lr,train_loss,train_acc,val_loss,val_acc,penalty,"
           "element_sparsity,group_sparsity,alive_nodes_normal,alive_paths_normal,"
           "alive_nodes_reduce,alive_paths_reduce,seconds";
}

static std::string csvRow(const EpochSummary &e)
{
    std::ostringstream ss;
    ss.imbue(std::locale::classic());
    ss << std::setprecision(8) << epochNumber(e.epoch) << ',' << e.step << ',' << e.lambda << ','
       << e.alpha << ',' << e.weightLr << ',' << e.trainLoss << ',' << e.trainAcc << ','
       << e.valLoss << ',' << e.valAcc << ',' << e.penalty << ',' << e.elementSparsity << ','
       << e.groupSparsity;
    for (const char *type : {"normal", "reduce"}) {
        size_t nodes = 0;
        int paths = 0;
        for (const auto &c : e.cells) {
            if (c.weights.type == type) {
                nodes = c.aliveNodes.size();
                paths = c.alivePaths;
            }
        }
        ss << ',' << nodes << ',' << paths;
    }
    ss << ',' << e.seconds;
    return ss.str();
}

void RunDirectory::appendEpoch(const EpochSummary &e)
{
    appendLine("metrics.jsonl", jsonLine(toJson(e)));
    if (!fs::exists(file("metrics.csv")) || fs::file_size(file("metrics.csv")) == 0)
        appendLine("metrics.csv", csvHeader());
    appendLine("metrics.csv", csvRow(e));
    if (e.cells.empty()) // a run without architecture weights (an evaluation) has none
        return;
    json snapshot = toJson(archSnapshotOf(e));
    const auto snapshots = file("snapshots.jsonl");
    if (!fs::exists(snapshots) || fs::file_size(snapshots) == 0) {
        // Once per run, on the first line: which edge each row of A is, so that a notebook
        // needs none of our code to read the matrices (docs/run-format.md).
        for (auto &cell : snapshot["cells"]) {
            json ends = json::array(), names = json::array();
            const int inputs = cell.value("inputs", 2);
            for (int edge = 0; edge < numEdges(cell["nodes"].get<int>(), inputs); ++edge) {
                const auto [source, target] = edgeEnds(edge, inputs);
                ends.push_back({source, target});
                names.push_back(cellEdgeName(source, target, inputs));
            }
            cell["edge_ends"] = std::move(ends);
            cell["edge_names"] = std::move(names);
        }
    }
    appendLine("snapshots.jsonl", jsonLine(snapshot));
}

void RunDirectory::appendLog(MessageLevel level, const std::string &message)
{
    appendLine("log.txt", toText(LogLine{logTimeNow(), level, message}));
}

void RunDirectory::writeStatus(RunState state, int64_t epoch, int64_t step,
                               const std::string &message)
{
    if (!m_writable)
        return;
    RunStatus s;
    s.state = state;
    s.epoch = epoch;
    s.step = step;
    s.pid = int64_t(::getpid());
    s.time = int64_t(std::time(nullptr));
    s.message = message;
    writeFileAtomic(file("status.json"),
                    toJson(s).dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

/// A small JSON file of the run (status.json, latest.json); std::nullopt if it does not exist.
static std::optional<json> readJsonFile(const std::string &path)
{
    if (!fs::exists(path))
        return std::nullopt;
    std::string text;
    try {
        text = readFile(path);
    } catch (const std::exception &e) {
        throw RunError(e.what());
    }
    JsonTextProblem problem;
    auto j = parseJsonText(text, &problem);
    if (!j)
        throw RunError(problem.describe(path) + " (the file is damaged)");
    return *j;
}

std::optional<RunStatus> RunDirectory::readStatus() const
{
    const auto j = readJsonFile(file("status.json"));
    if (!j)
        return std::nullopt;
    try {
        return runStatusFromJson(*j);
    } catch (const FormatError &e) {
        throw RunError("'" + file("status.json") + "' is damaged: " + e.what());
    }
}

void RunDirectory::writeEvaluation(const EvaluationResult &result) const
{
    if (!m_writable)
        return;
    writeFileAtomic(file("evaluation.json"),
                    toJson(result).dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

std::optional<EvaluationResult> RunDirectory::readEvaluation() const
{
    const auto j = readJsonFile(file("evaluation.json"));
    if (!j)
        return std::nullopt;
    try {
        return evaluationResultFromJson(*j);
    } catch (const FormatError &e) {
        throw RunError("'" + file("evaluation.json") + "' is damaged: " + e.what());
    }
}

void RunDirectory::truncateAfter(int64_t step, int64_t epoch)
{
    if (!m_writable)
        return;
    // Whatever the line type, a step and an epoch place it in the run; lines of a type this
    // version does not know are judged by their step. Kept lines are written as they were read
    // (each says by its "v" how it counts epochs).
    const auto position = [](const json &j, const char *key) -> int64_t {
        const auto it = j.find(key);
        return it != j.end() ? detail::numberAs<int64_t>(*it).value_or(0) : 0;
    };
    std::string metrics, csv = csvHeader() + "\n", snaps;
    for (const auto &line : readAllLines(file("metrics.jsonl"))) {
        if (!line.ok() || !line.value.is_object())
            continue;
        MetricsLineType type = MetricsLineType::Other;
        try {
            type = metricsLineType(line.value);
        } catch (const FormatError &) {
        }
        const bool keep = type == MetricsLineType::Epoch ? epochIndexOf(line.value, 0) < epoch
                                                         : position(line.value, "step") <= step;
        if (!keep)
            continue;
        metrics += jsonLine(line.value) + "\n";
        if (type == MetricsLineType::Epoch) {
            try {
                csv += csvRow(epochFromJson(line.value)) + "\n";
            } catch (const FormatError &) {
                // kept in metrics.jsonl as it was; the table has no row for it
            }
        }
    }
    for (const auto &line : readAllLines(file("snapshots.jsonl"))) {
        if (line.ok() && line.value.is_object() && epochIndexOf(line.value, 0) < epoch)
            snaps += jsonLine(line.value) + "\n";
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
    if (!m_writable)
        return;
    writeFileAtomic((fs::path(checkpointDir()) / "latest.json").string(),
                    jsonLine(toJson(LatestCheckpoint{fs::path(path).filename().string()})) + "\n");
    killPoint("commit:" + fs::path(path).filename().string());
    const std::vector<std::string> all = checkpointFiles();
    std::error_code ec;
    for (size_t i = 0; i + size_t(keep) < all.size(); ++i) {
        if (fs::path(all[i]) != fs::path(path))
            fs::remove(all[i], ec);
    }
}

std::vector<std::string> RunDirectory::checkpointFiles() const
{
    std::vector<std::string> all;
    std::error_code ec;
    for (fs::directory_iterator it(checkpointDir(), ec), end; !ec && it != end; it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (name.rfind("ckpt-", 0) == 0 && it->path().extension() == ".pt")
            all.push_back(it->path().string());
    }
    std::sort(all.begin(), all.end()); // zero-padded steps: oldest first
    return all;
}

std::string RunDirectory::latestCheckpoint() const
{
    const auto latest = (fs::path(checkpointDir()) / "latest.json").string();
    const auto j = readJsonFile(latest);
    if (!j)
        return {};
    LatestCheckpoint l;
    try {
        l = latestCheckpointFromJson(*j);
    } catch (const FormatError &e) {
        throw RunError("'" + latest + "' is damaged: " + e.what());
    }
    const auto p = (fs::path(checkpointDir()) / l.checkpoint).string();
    if (!fs::exists(p))
        throw RunError("checkpoint '" + p + "' named by latest.json is missing");
    return p;
}

std::vector<CellWeights> RunDirectory::lastArchWeights() const
{
    const auto path = file("snapshots.jsonl");
    const auto lines = readAllLines(path);
    if (lines.empty())
        throw RunError("'" + m_path +
                       "' has no architecture snapshot yet (snapshots.jsonl is "
                       "empty: the first epoch has not finished)");
    const JsonlLine &last = lines.back();
    const std::string where = "'" + path + "' line " + std::to_string(last.number);
    if (!last.ok() && !last.complete)
        throw RunError(where + " is cut off (no end of line: the run was stopped while writing "
                               "it); resume the run, or remove that line to derive from the "
                               "epoch before");
    if (!last.ok())
        throw RunError(where + ": " + last.error);
    ArchSnapshot snap;
    try {
        snap = archSnapshotFromJson(last.value);
    } catch (const FormatError &e) {
        throw RunError(where + ": " + e.what());
    }
    std::vector<CellWeights> out;
    for (auto &c : snap.cells)
        out.push_back(std::move(c.weights));
    return out;
}

RunDirectory::GenotypeTexts RunDirectory::writeGenotype(const Genotype &genotype) const
{
    if (!m_writable)
        return {};
    writeFileAtomic(file("genotype.json"), toJson(genotype).dump(2) + "\n");
    writeFileAtomic(file("genotype.dot"), genotypeToDot(genotype));
    GenotypeTexts why;
    // A file with a genotype text's name is always one: code that evaluates it must not meet
    // a file of comments.
    const auto write = [&](const char *name, const std::optional<std::string> &text) {
        std::error_code ec;
        if (text)
            writeFileAtomic(file(name), *text + "\n");
        else
            fs::remove(file(name), ec);
    };
    write("genotype_darts.txt", toDartsText(genotype, &why.whyNoDarts));
    write("genotype_ptdarts.txt", toPtDartsText(genotype, &why.whyNoPtDarts));
    return why;
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

void RunDirectory::postCommand(const Command &command) const
{
    // Named by the time it was posted (then the process and a counter), so that sorting the
    // names gives the order; written atomically, so the run never reads half a command.
    static int counter = 0;
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    std::ostringstream name;
    name << std::setw(20) << std::setfill('0') << ns << "-" << getpid() << "-" << counter++
         << ".json";
    const fs::path dir = fs::path(m_path) / "inbox";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw RunError("cannot create '" + dir.string() + "': " + ec.message());
    json j{{"command", commandName(command.type)}};
    if (commandTakesValue(command.type))
        j["value"] = command.value;
    writeFileAtomic((dir / name.str()).string(), j.dump() + "\n");
}

std::vector<Command> RunDirectory::takePostedCommands(std::vector<std::string> *problems)
{
    std::vector<Command> out;
    const fs::path dir = fs::path(m_path) / "inbox";
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return out;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".json")
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto &f : files) {
        std::string problem;
        try {
            JsonTextProblem syntax;
            const auto j = parseJsonText(readFile(f.string()), &syntax);
            if (!j) {
                problem = syntax.describe(f.string());
            } else if (!j->is_object() || !j->contains("command") || !(*j)["command"].is_string()) {
                problem = f.string() + ": \"command\" must name a command";
            } else if (const auto type = commandTypeFromName((*j)["command"].get<std::string>());
                       !type) {
                problem =
                    f.string() + ": unknown command '" + (*j)["command"].get<std::string>() + "'";
            } else if (commandTakesValue(*type) &&
                       (!j->contains("value") || !(*j)["value"].is_number() ||
                        !std::isfinite((*j)["value"].get<double>()) ||
                        (*j)["value"].get<double>() < 0)) {
                problem = f.string() + ": \"value\" must be a number of at least 0";
            } else {
                Command c{*type};
                if (commandTakesValue(*type))
                    c.value = (*j)["value"].get<double>();
                out.push_back(c);
            }
        } catch (const std::exception &e) {
            problem = f.string() + ": " + e.what();
        }
        if (!problem.empty() && problems)
            problems->push_back(problem);
        fs::remove(f, ec);
    }
    return out;
}

} // namespace sparsenas
