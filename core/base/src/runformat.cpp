// SPDX-License-Identifier: MIT
#include "sparsenas/base/runformat.h"

#include "sparsenas/base/genotype.h"
#include "sparsenas/base/jsontext.h"
#include "sparsenas/base/names.h"

#include "jsonnumbers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>
#include <fstream>
#include <limits>
#include <sstream>
#include <type_traits>

using nlohmann::json;

namespace sparsenas {

namespace {

[[noreturn]] void fail(const std::string &what)
{
    throw FormatError(what);
}

std::string quoted(const char *key)
{
    return std::string("field '") + key + "'";
}

void requireObject(const json &j, const std::string &what)
{
    if (!j.is_object())
        fail(what + " is not a JSON object");
}

// A field's value, or `fallback` when it is missing, null (nlohmann writes NaN and inf as null)
// or of another type: one odd field must not cost the whole line.
template <typename T>
T optionalField(const json &j, const char *key, const T &fallback)
{
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return fallback;
    if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
        return detail::numberAs<T>(*it).value_or(fallback); // 1e126 for an int64: the fallback
    } else {
        try {
            return it->template get<T>();
        } catch (const json::exception &) {
            return fallback;
        }
    }
}

const json &requiredField(const json &j, const char *key)
{
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        fail(quoted(key) + " missing");
    return *it;
}

template <typename T>
T requiredField(const json &j, const char *key, const char *what)
{
    const json &v = requiredField(j, key);
    if constexpr (std::is_same_v<T, std::string>) {
        if (!v.is_string())
            fail(quoted(key) + " must be " + what);
        return v.template get<T>();
    } else {
        const auto n = detail::numberAs<T>(v);
        if (!n)
            fail(quoted(key) + " must be " + what +
                 (v.is_number() ? " in range, got " + v.dump() : std::string()));
        return *n;
    }
}

// A value that came out of a float (a loss, an accuracy, a share of zeros computed in float)
// as the shortest decimal of that float: 2.4243414, not 2.4243414402008057. Anything else as
// it is (nlohmann writes a double's shortest round-trip form already).
double readable(double v)
{
    const float f = float(v);
    return std::isfinite(v) && double(f) == v ? detail::shortestDecimal(f) : v;
}

json withVersion(json j)
{
    j["v"] = kRunFormatVersion;
    return j;
}

json countCells(const std::vector<CellSnapshot> &cells)
{
    json out = json::array();
    for (const auto &c : cells)
        out.push_back(cellCountsToJson(c));
    return out;
}

std::vector<CellSnapshot> countCellsFrom(const json &j, const std::vector<CellSnapshot> &fallback,
                                         int nodes)
{
    const auto it = j.find("cells");
    if (it == j.end() || !it->is_array())
        return fallback;
    std::vector<CellSnapshot> out;
    for (const auto &c : *it) {
        if (c.is_object()) // anything else: an odd entry, not worth the line
            out.push_back(cellCountsFromJson(c, nodes));
    }
    return out;
}

} // namespace

int64_t epochIndexOf(const json &line, int64_t fallback)
{
    if (!line.is_object())
        return fallback;
    const auto it = line.find("epoch");
    if (it == line.end())
        return fallback;
    const auto n = detail::numberAs<int64_t>(*it);
    if (!n)
        return fallback;
    return formatVersion(line) >= 3 ? *n - 1 : *n;
}

int formatVersion(const json &j)
{
    if (!j.is_object())
        return 1;
    return optionalField(j, "v", 1);
}

std::string jsonLine(const json &j)
{
    // A message with invalid UTF-8 (a file name, an exception text) must not stop the run.
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<RunState> runStateFromString(const std::string &name)
{
    for (RunState s : {RunState::Idle, RunState::Running, RunState::Paused, RunState::Finished,
                       RunState::Stopped, RunState::Failed}) {
        if (toString(s) == name)
            return s;
    }
    return std::nullopt;
}

std::optional<MessageLevel> messageLevelFromString(const std::string &name)
{
    for (MessageLevel l : {MessageLevel::Info, MessageLevel::Warning, MessageLevel::Error}) {
        if (toString(l) == name)
            return l;
    }
    return std::nullopt;
}

// ---- architecture weights and per-cell records -------------------------------------------

json toJson(const CellWeights &w)
{
    json rows = json::array();
    for (int e = 0; e < numEdges(w.nodes, w.inputs); ++e) {
        json row = json::array();
        for (size_t o = 0; o < w.ops.size(); ++o)
            row.push_back(detail::shortestDecimal(w.at(e, int(o))));
        rows.push_back(std::move(row));
    }
    json j{{"type", w.type}, {"nodes", w.nodes}, {"ops", w.ops}, {"weights", rows}};
    // The recurrent cell's one input; absent, a CNN cell's two (docs/run-format.md).
    if (w.inputs != 2)
        j["inputs"] = w.inputs;
    return j;
}

CellWeights cellWeightsFromJson(const json &j)
{
    requireObject(j, "the cell");
    CellWeights w;
    w.type = requiredField<std::string>(j, "type", "a string");
    // Checked as a double first: a get<int>() of 700001.5 or 1.1e40 would be undefined.
    const double nodes = requiredField<double>(j, "nodes", "a number");
    if (!(nodes >= 1 && nodes <= 1000) || nodes != std::floor(nodes))
        fail(quoted("nodes") + " must be a whole number in [1, 1000], got " +
             requiredField(j, "nodes").dump());
    w.nodes = int(nodes);
    if (j.contains("inputs")) {
        const json &in = j["inputs"];
        if (!in.is_number_integer() || in.get<int64_t>() < 1 || in.get<int64_t>() > 2)
            fail(quoted("inputs") + " must be 1 (the recurrent cell) or 2, got " + in.dump());
        w.inputs = int(in.get<int64_t>());
    }
    const json &ops = requiredField(j, "ops");
    if (!ops.is_array() || ops.empty())
        fail(quoted("ops") + " must be a non-empty list of operation names");
    for (size_t o = 0; o < ops.size(); ++o) {
        if (!ops[o].is_string())
            fail("ops[" + std::to_string(o) + "] must be a string");
        const auto name = ops[o].get<std::string>();
        if (!isKnownOp(name))
            fail("ops[" + std::to_string(o) + "]: unknown operation \"" + name + "\"");
        w.ops.push_back(name);
    }
    const json &rows = requiredField(j, "weights");
    const int edges = numEdges(w.nodes, w.inputs);
    if (!rows.is_array() || int(rows.size()) != edges)
        fail(quoted("weights") + " must have " + std::to_string(edges) +
             " rows (one per edge) for " + std::to_string(w.nodes) + " nodes");
    w.weights.reserve(size_t(edges) * w.ops.size());
    for (size_t e = 0; e < rows.size(); ++e) {
        const std::string row = "weights[" + std::to_string(e) + "]";
        if (!rows[e].is_array() || rows[e].size() != w.ops.size())
            fail(row + " must have " + std::to_string(w.ops.size()) + " values (one per op)");
        for (size_t o = 0; o < rows[e].size(); ++o) {
            const json &v = rows[e][o];
            if (v.is_null()) // how nlohmann writes a NaN
                w.weights.push_back(std::numeric_limits<float>::quiet_NaN());
            else if (const auto f = detail::numberAs<float>(v))
                w.weights.push_back(*f);
            else
                fail(row + "[" + std::to_string(o) + "] must be a number within a float's range" +
                     (v.is_number() ? ", got " + v.dump() : std::string()));
        }
    }
    return w;
}

json cellCountsToJson(const CellSnapshot &c)
{
    json j{{"type", c.weights.type},          {"alive_nodes", c.aliveNodes},
           {"alive_paths", c.alivePaths},     {"nonzero_weights", c.nonZeroWeights},
           {"total_weights", c.totalWeights}, {"zero_groups", c.zeroGroups}};
    if (!c.frozen.empty())
        j["frozen"] = c.frozen;
    return j;
}

CellSnapshot cellCountsFromJson(const json &j, int nodes)
{
    CellSnapshot c;
    c.weights.nodes = nodes;
    if (!j.is_object())
        return c;
    c.weights.type = optionalField(j, "type", std::string());
    c.aliveNodes = optionalField(j, "alive_nodes", std::vector<int>());
    c.alivePaths = optionalField(j, "alive_paths", 0);
    c.nonZeroWeights = optionalField(j, "nonzero_weights", 0);
    c.totalWeights = optionalField(j, "total_weights", 0);
    c.zeroGroups = optionalField(j, "zero_groups", 0);
    c.frozen = optionalField(j, "frozen", std::vector<int>());
    // A list out of order or with negative entries is dropped, not half used (readers look
    // entries up by binary search); the snapshot reader refuses it outright.
    for (size_t k = 0; k < c.frozen.size(); ++k) {
        if (c.frozen[k] < 0 || (k > 0 && c.frozen[k] <= c.frozen[k - 1])) {
            c.frozen.clear();
            break;
        }
    }
    return c;
}

json toJson(const CellSnapshot &c)
{
    auto j = toJson(c.weights);
    j.update(cellCountsToJson(c));
    return j;
}

CellSnapshot cellSnapshotFromJson(const json &j)
{
    CellSnapshot c = cellCountsFromJson(j);
    c.weights = cellWeightsFromJson(j);
    c.frozen.clear();
    if (const auto it = j.find("frozen"); it != j.end()) {
        if (!it->is_array())
            fail(quoted("frozen") + " must be a list of entry indices");
        for (size_t k = 0; k < it->size(); ++k) {
            const json &v = (*it)[k];
            const auto f = v.is_number_integer() ? detail::numberAs<int>(v) : std::nullopt;
            if (!f)
                fail("frozen[" + std::to_string(k) + "] must be a whole number, got " + v.dump());
            c.frozen.push_back(*f);
        }
    }
    for (size_t k = 0; k < c.frozen.size(); ++k) {
        const int f = c.frozen[k];
        if (f < 0 || size_t(f) >= c.weights.weights.size() || (k > 0 && f <= c.frozen[k - 1]))
            fail("frozen[" + std::to_string(k) + "] must be an entry index below " +
                 std::to_string(c.weights.weights.size()) + ", in ascending order, got " +
                 std::to_string(f));
        if (c.weights.weights[size_t(f)] != 0.0f)
            fail("frozen[" + std::to_string(k) + "]: entry " + std::to_string(f) +
                 " is frozen but its weight is not zero");
    }
    return c;
}

// ---- metrics.jsonl ------------------------------------------------------------------------

MetricsLineType metricsLineType(const json &line)
{
    requireObject(line, "the line");
    const std::string type = requiredField<std::string>(line, "type", "a string");
    if (type == "step")
        return MetricsLineType::Step;
    if (type == "epoch")
        return MetricsLineType::Epoch;
    if (type == "event")
        return MetricsLineType::Event;
    return MetricsLineType::Other;
}

json toJson(const Snapshot &s)
{
    json j{{"type", "step"},
           {"step", s.step},
           {"epoch", epochNumber(s.epoch)},
           {"epochs", s.epochs},
           {"step_in_epoch", s.stepInEpoch},
           {"steps_per_epoch", s.stepsPerEpoch},
           {"lambda", s.lambda},
           {"alpha", s.alpha},
           {"lambda_step", s.lambdaStep},
           {"weight_lr", s.weightLr},
           {"train_loss", readable(s.trainLoss)},
           {"train_acc", readable(s.trainAcc)},
           {"val_loss", readable(s.valLoss)},
           {"val_acc", readable(s.valAcc)},
           {"penalty", readable(s.penalty)},
           {"element_sparsity", readable(s.elementSparsity)},
           {"group_sparsity", readable(s.groupSparsity)},
           {"step_seconds", s.stepSeconds},
           {"arch_seconds", s.archSeconds},
           {"weight_seconds", s.weightSeconds},
           {"eta_seconds", s.etaSeconds},
           {"cells", countCells(s.cells)}};
    if (s.worldSize > 1) {
        j["world_size"] = s.worldSize;
        j["rank_step_seconds"] = s.rankStepSeconds;
        j["comm_seconds"] = s.commSeconds;
    }
    return withVersion(std::move(j));
}

Snapshot stepFromJson(const json &j, const Snapshot &d, int cellNodes)
{
    requireObject(j, "the step line");
    Snapshot s;
    s.step = requiredField<int64_t>(j, "step", "a number");
    s.epoch = epochIndexOf(j, d.epoch);
    s.epochs = optionalField(j, "epochs", d.epochs);
    s.stepInEpoch = optionalField(j, "step_in_epoch", d.stepInEpoch);
    s.stepsPerEpoch = optionalField(j, "steps_per_epoch", d.stepsPerEpoch);
    s.lambda = optionalField(j, "lambda", d.lambda);
    s.alpha = optionalField(j, "alpha", d.alpha);
    s.lambdaStep = optionalField(j, "lambda_step", d.lambdaStep);
    s.weightLr = optionalField(j, "weight_lr", d.weightLr);
    s.trainLoss = optionalField(j, "train_loss", d.trainLoss);
    s.trainAcc = optionalField(j, "train_acc", d.trainAcc);
    s.valLoss = optionalField(j, "val_loss", d.valLoss);
    s.valAcc = optionalField(j, "val_acc", d.valAcc);
    s.penalty = optionalField(j, "penalty", d.penalty);
    s.elementSparsity = optionalField(j, "element_sparsity", d.elementSparsity);
    s.groupSparsity = optionalField(j, "group_sparsity", d.groupSparsity);
    s.stepSeconds = optionalField(j, "step_seconds", d.stepSeconds);
    s.archSeconds = optionalField(j, "arch_seconds", d.archSeconds);
    s.weightSeconds = optionalField(j, "weight_seconds", d.weightSeconds);
    s.etaSeconds = optionalField(j, "eta_seconds", d.etaSeconds);
    s.worldSize = optionalField(j, "world_size", d.worldSize);
    if (s.worldSize < 1)
        throw FormatError("world_size must be at least 1, got " + std::to_string(s.worldSize));
    if (j.contains("rank_step_seconds")) {
        const auto &r = j["rank_step_seconds"];
        if (!r.is_array() || int64_t(r.size()) != s.worldSize)
            throw FormatError("rank_step_seconds must be a list of world_size (" +
                              std::to_string(s.worldSize) + ") numbers");
        for (const auto &v : r) {
            if (!v.is_number())
                throw FormatError("rank_step_seconds must hold numbers");
            s.rankStepSeconds.push_back(v.get<double>());
        }
    }
    s.commSeconds = optionalField(j, "comm_seconds", d.commSeconds);
    s.cells = countCellsFrom(j, d.cells, cellNodes);
    return s;
}

json toJson(const EpochSummary &e)
{
    return withVersion(json{{"type", "epoch"},
                            {"epoch", epochNumber(e.epoch)},
                            {"step", e.step},
                            {"lambda", e.lambda},
                            {"alpha", e.alpha},
                            {"weight_lr", e.weightLr},
                            {"train_loss", readable(e.trainLoss)},
                            {"train_acc", readable(e.trainAcc)},
                            {"val_loss", readable(e.valLoss)},
                            {"val_acc", readable(e.valAcc)},
                            {"penalty", readable(e.penalty)},
                            {"element_sparsity", readable(e.elementSparsity)},
                            {"group_sparsity", readable(e.groupSparsity)},
                            {"seconds", e.seconds},
                            {"cells", countCells(e.cells)}});
}

EpochSummary epochFromJson(const json &j, const EpochSummary &d, int cellNodes)
{
    requireObject(j, "the epoch line");
    EpochSummary e;
    e.epoch = requiredField<int64_t>(j, "epoch", "a number");
    if (formatVersion(j) >= 3) {
        if (e.epoch < 1)
            fail(quoted("epoch") + " must count from 1, got " + std::to_string(e.epoch));
        e.epoch -= 1;
    }
    e.step = optionalField(j, "step", d.step);
    e.lambda = optionalField(j, "lambda", d.lambda);
    e.alpha = optionalField(j, "alpha", d.alpha);
    e.weightLr = optionalField(j, "weight_lr", d.weightLr);
    e.trainLoss = optionalField(j, "train_loss", d.trainLoss);
    e.trainAcc = optionalField(j, "train_acc", d.trainAcc);
    e.valLoss = optionalField(j, "val_loss", d.valLoss);
    e.valAcc = optionalField(j, "val_acc", d.valAcc);
    e.penalty = optionalField(j, "penalty", d.penalty);
    e.elementSparsity = optionalField(j, "element_sparsity", d.elementSparsity);
    e.groupSparsity = optionalField(j, "group_sparsity", d.groupSparsity);
    e.seconds = optionalField(j, "seconds", d.seconds);
    e.cells = countCellsFrom(j, d.cells, cellNodes);
    return e;
}

json toJson(const RunEventInfo &e)
{
    return withVersion(json{{"type", "event"},
                            {"what", toString(e.kind)},
                            {"value", e.value},
                            {"step", e.step},
                            {"epoch", epochNumber(e.epoch)},
                            {"step_in_epoch", e.stepInEpoch},
                            {"steps_per_epoch", e.stepsPerEpoch},
                            {"lambda", e.lambda}});
}

RunEventInfo runEventFromJson(const json &j, const RunEventInfo &d)
{
    requireObject(j, "the event line");
    RunEventInfo e;
    e.kind = runEventKindFromString(requiredField<std::string>(j, "what", "a string"));
    e.value = optionalField(j, "value", d.value);
    e.step = optionalField(j, "step", d.step);
    e.epoch = epochIndexOf(j, d.epoch);
    e.stepInEpoch = optionalField(j, "step_in_epoch", d.stepInEpoch);
    e.stepsPerEpoch = optionalField(j, "steps_per_epoch", d.stepsPerEpoch);
    e.lambda = optionalField(j, "lambda", d.lambda);
    return e;
}

// ---- snapshots.jsonl ----------------------------------------------------------------------

ArchSnapshot archSnapshotOf(const EpochSummary &e)
{
    return ArchSnapshot{e.epoch, e.step, e.lambda, e.alpha, e.cells};
}

json toJson(const ArchSnapshot &s)
{
    json cells = json::array();
    for (const auto &c : s.cells)
        cells.push_back(toJson(c));
    return withVersion(json{{"epoch", epochNumber(s.epoch)},
                            {"step", s.step},
                            {"lambda", s.lambda},
                            {"alpha", s.alpha},
                            {"cells", std::move(cells)}});
}

ArchSnapshot archSnapshotFromJson(const json &j)
{
    requireObject(j, "the snapshot line");
    ArchSnapshot s;
    s.epoch = epochIndexOf(j, 0);
    s.step = optionalField(j, "step", int64_t(0));
    s.lambda = optionalField(j, "lambda", 0.0);
    s.alpha = optionalField(j, "alpha", 0.0);
    const json &cells = requiredField(j, "cells");
    if (!cells.is_array())
        fail(quoted("cells") + " must be a list of cells");
    for (size_t i = 0; i < cells.size(); ++i) {
        try {
            s.cells.push_back(cellSnapshotFromJson(cells[i]));
        } catch (const FormatError &e) {
            fail("cells[" + std::to_string(i) + "]: " + e.what());
        }
    }
    return s;
}

// ---- status.json --------------------------------------------------------------------------

json toJson(const RunStatus &s)
{
    return withVersion(json{{"state", toString(s.state)},
                            {"epoch", s.epoch},
                            {"step", s.step},
                            {"pid", s.pid},
                            {"time", s.time},
                            {"message", s.message}});
}

RunStatus runStatusFromJson(const json &j)
{
    requireObject(j, "status.json");
    RunStatus s;
    const std::string name = requiredField<std::string>(j, "state", "a string");
    const auto state = runStateFromString(name);
    if (!state)
        fail(quoted("state") + ": unknown state '" + name + "'");
    s.state = *state;
    s.epoch = optionalField(j, "epoch", int64_t(0));
    s.step = optionalField(j, "step", int64_t(0));
    s.pid = optionalField(j, "pid", int64_t(0));
    s.time = optionalField(j, "time", int64_t(0));
    s.message = optionalField(j, "message", std::string());
    return s;
}

// ---- checkpoints/latest.json ----------------------------------------------------------------

json toJson(const LatestCheckpoint &l)
{
    return withVersion(json{{"checkpoint", l.checkpoint}});
}

LatestCheckpoint latestCheckpointFromJson(const json &j)
{
    requireObject(j, "latest.json");
    LatestCheckpoint l;
    l.checkpoint = requiredField<std::string>(j, "checkpoint", "a string");
    // A file name in checkpoints/, never a path that leads elsewhere.
    if (l.checkpoint.empty() || l.checkpoint.find('/') != std::string::npos ||
        l.checkpoint == "." || l.checkpoint == "..")
        fail(quoted("checkpoint") + " must be a file name in checkpoints/, got '" + l.checkpoint +
             "'");
    return l;
}

// ---- evaluation.json ----------------------------------------------------------------------

json toJson(const EvaluationResult &r)
{
    json cells = json::array();
    for (const auto &c : r.cells)
        cells.push_back({{"type", c.type}, {"alive_nodes", c.aliveNodes}, {"paths", c.paths}});
    json j{{"format", "sparsenas-evaluation"},
           {"genotype", r.genotype},
           {"dataset", r.dataset},
           {"space", r.space},
           {"channels", r.channels},
           {"layers", r.layers},
           {"parameters", r.parameters},
           {"auxiliary_parameters", r.auxiliaryParameters},
           {"multiply_adds", r.multiplyAdds},
           {"seed", r.seed},
           {"epochs", r.epochs},
           {"epochs_done", r.epochsDone},
           {"finished", r.finished},
           {"test_acc", r.testAcc},
           {"test_loss", r.testLoss},
           {"train_seconds", r.trainSeconds},
           {"cells", cells}};
    if (r.space == "rnn") {
        j["hidden"] = r.hidden;
        j["vocabulary"] = r.vocabulary;
        j["test_perplexity"] = testPerplexity(r);
        // No validation epoch finished: no figure (not exp(0) = 1).
        j["valid_loss"] = r.bestEpoch > 0 ? json(r.validLoss) : json(nullptr);
        j["valid_perplexity"] = r.bestEpoch > 0 ? json(std::exp(r.validLoss)) : json(nullptr);
        j["best_epoch"] = r.bestEpoch;
        j["averaged"] = r.averaged;
    }
    return withVersion(j);
}

double testPerplexity(const EvaluationResult &r)
{
    return std::exp(r.testLoss);
}

EvaluationResult evaluationResultFromJson(const json &j)
{
    requireObject(j, "evaluation.json");
    EvaluationResult r;
    r.parameters = requiredField<int64_t>(j, "parameters", "an integer");
    r.testAcc = requiredField<double>(j, "test_acc", "a number");
    r.genotype = optionalField(j, "genotype", std::string());
    r.dataset = optionalField(j, "dataset", std::string());
    r.space = optionalField(j, "space", std::string("cnn"));
    if (r.space != "cnn" && r.space != "rnn")
        fail(quoted("space") + " must be \"cnn\" or \"rnn\", got \"" + r.space + "\"");
    r.hidden = optionalField(j, "hidden", int64_t(0));
    r.vocabulary = optionalField(j, "vocabulary", int64_t(0));
    r.validLoss = optionalField(j, "valid_loss", 0.0);
    r.bestEpoch = optionalField(j, "best_epoch", int64_t(0));
    r.averaged = optionalField(j, "averaged", false);
    r.channels = optionalField(j, "channels", int64_t(0));
    r.layers = optionalField(j, "layers", int64_t(0));
    r.auxiliaryParameters = optionalField(j, "auxiliary_parameters", int64_t(0));
    r.multiplyAdds = optionalField(j, "multiply_adds", int64_t(0));
    r.seed = optionalField(j, "seed", uint64_t(0));
    r.epochs = optionalField(j, "epochs", int64_t(0));
    r.epochsDone = optionalField(j, "epochs_done", int64_t(0));
    r.finished = optionalField(j, "finished", false);
    r.testLoss = optionalField(j, "test_loss", 0.0);
    r.trainSeconds = optionalField(j, "train_seconds", 0.0);
    const auto it = j.find("cells");
    if (it != j.end() && it->is_array()) {
        for (const auto &c : *it) {
            if (!c.is_object())
                continue;
            r.cells.push_back({optionalField(c, "type", std::string()),
                               optionalField(c, "alive_nodes", 0), optionalField(c, "paths", 0)});
        }
    }
    return r;
}

// ---- log.txt ------------------------------------------------------------------------------

std::string logTimeNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &local);
    return stamp;
}

std::string toText(const LogLine &line)
{
    const std::string prefix = line.time + " [" + toString(line.level) + "] ";
    std::string out;
    std::istringstream text(line.text);
    std::string part;
    bool any = false;
    while (std::getline(text, part)) {
        out += prefix + part + '\n';
        any = true;
    }
    if (!any)
        out = prefix + '\n';
    return out;
}

LogLine logLineFromText(const std::string &text)
{
    // "2026-11-28 12:00:00 [info] text": 19 characters of time, then " [level] ".
    constexpr size_t kTime = 19;
    static constexpr char kPattern[] = "dddd-dd-dd dd:dd:dd";
    LogLine out;
    out.text = text;
    if (text.size() < kTime + 4 || text.compare(kTime, 2, " [") != 0)
        return out;
    for (size_t i = 0; i < kTime; ++i) {
        const bool digit = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
        if (kPattern[i] == 'd' ? !digit : text[i] != kPattern[i])
            return out;
    }
    const size_t close = text.find(']', kTime + 2);
    if (close == std::string::npos)
        return out;
    const auto level = messageLevelFromString(text.substr(kTime + 2, close - kTime - 2));
    if (!level)
        return out;
    out.time = text.substr(0, kTime);
    out.level = *level;
    // The writer puts one space after "]"; a text that is empty leaves only that space.
    out.text = close + 2 <= text.size() ? text.substr(close + 2) : std::string();
    return out;
}

// ---- reading files that are being written -------------------------------------------------

namespace {

void splitLines(const std::string &data, size_t end, int64_t *lineNumber,
                std::vector<TextLine> *out)
{
    // data[0, end) holds complete lines, each ending in '\n'.
    size_t start = 0;
    while (start < end) {
        size_t nl = data.find('\n', start);
        if (nl == std::string::npos || nl > end)
            nl = end;
        ++*lineNumber;
        size_t stop = nl;
        if (stop > start && data[stop - 1] == '\r')
            --stop;
        const bool blank =
            std::all_of(data.begin() + std::ptrdiff_t(start), data.begin() + std::ptrdiff_t(stop),
                        [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
        if (!blank)
            out->push_back(TextLine{*lineNumber, data.substr(start, stop - start), true});
        start = nl + 1;
    }
}

} // namespace

LineReader::LineReader(std::string path) : m_path(std::move(path)) {}

void LineReader::rewind()
{
    m_offset = 0;
    m_line = 0;
}

std::vector<TextLine> LineReader::poll(std::size_t maxBytes)
{
    m_restarted = false;
    m_more = false;
    maxBytes = std::max<std::size_t>(maxBytes, 1);
    std::vector<TextLine> out;
    std::ifstream in(m_path, std::ios::binary);
    int64_t size = 0;
    if (in) {
        in.seekg(0, std::ios::end);
        size = int64_t(in.tellg());
    }
    bool replaced = size < m_offset;
    if (!replaced && m_offset > 0) {
        // Written atomically anew (truncateAfter) and grown past where we were: the byte
        // before our position is then rarely the end of a line.
        char before = 0;
        in.seekg(m_offset - 1);
        replaced = !in.get(before) || before != '\n';
    }
    if (replaced) {
        rewind();
        m_restarted = true;
    }
    if (!in || size <= m_offset)
        return out;
    in.clear();
    in.seekg(m_offset);
    std::string data(std::min<std::size_t>(maxBytes, std::size_t(size - m_offset)), '\0');
    in.read(data.data(), std::streamsize(data.size()));
    data.resize(std::size_t(in.gcount()));
    size_t end = data.rfind('\n');
    if (end == std::string::npos && data.size() == maxBytes) {
        // A single line longer than the bound: read on to its end.
        std::string more(maxBytes, '\0');
        while (end == std::string::npos) {
            in.read(more.data(), std::streamsize(more.size()));
            const auto got = std::size_t(in.gcount());
            if (got == 0)
                break;
            const size_t nl = more.find('\n');
            if (nl != std::string::npos && nl < got) {
                end = data.size() + nl;
                data.append(more, 0, nl + 1);
            } else {
                data.append(more, 0, got);
            }
        }
    }
    if (end == std::string::npos)
        return out; // only the start of a line: a writer is in the middle of it
    splitLines(data, end + 1, &m_line, &out);
    const bool hitBound = data.size() >= maxBytes;
    m_offset += int64_t(end) + 1;
    m_more = hitBound && m_offset < size;
    return out;
}

JsonlLine parseJsonLine(const TextLine &line)
{
    JsonlLine out;
    out.number = line.number;
    out.complete = line.complete;
    JsonTextProblem problem;
    if (auto j = parseJsonText(line.text, &problem)) {
        out.value = std::move(*j);
    } else {
        out.value = nullptr;
        out.error = line.complete
                        ? "column " + std::to_string(problem.column) + ": " +
                              (problem.field.empty() ? "" : "field " + problem.field + ": ") +
                              problem.what
                        : std::string("cut off (no end of line; the writer was stopped in the "
                                      "middle of it)");
    }
    return out;
}

std::vector<JsonlLine> JsonlReader::poll(std::size_t maxBytes)
{
    std::vector<JsonlLine> out;
    for (const TextLine &line : m_lines.poll(maxBytes))
        out.push_back(parseJsonLine(line));
    return out;
}

std::vector<TextLine> readAllTextLines(const std::string &path)
{
    std::vector<TextLine> out;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return out;
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string data = ss.str();
    const size_t end = data.rfind('\n');
    const size_t complete = end == std::string::npos ? 0 : end + 1;
    int64_t number = 0;
    splitLines(data, complete, &number, &out);
    std::string rest = data.substr(complete);
    if (!rest.empty() && rest.back() == '\r')
        rest.pop_back();
    const bool blank = std::all_of(rest.begin(), rest.end(), [](char c) {
        return std::isspace(static_cast<unsigned char>(c));
    });
    if (!blank)
        out.push_back(TextLine{number + 1, rest, false});
    return out;
}

std::vector<JsonlLine> readAllLines(const std::string &path)
{
    std::vector<JsonlLine> out;
    for (const TextLine &line : readAllTextLines(path))
        out.push_back(parseJsonLine(line));
    return out;
}

std::string linePrefix(const std::string &file, int64_t number)
{
    return file + " line " + std::to_string(number) + ": ";
}

} // namespace sparsenas
