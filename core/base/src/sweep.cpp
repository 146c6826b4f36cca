// SPDX-License-Identifier: MIT
#include "sparsenas/base/sweep.h"

#include "sparsenas/base/errors.h"
#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/base/runformat.h"
#include "sparsenas/base/runlock.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace sparsenas {

namespace {

std::string trimmed(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

/// The last component of a field path: "arch.lambda_step" -> "lambda_step".
std::string shortField(const std::string &field)
{
    const auto dot = field.rfind('.');
    return dot == std::string::npos ? field : field.substr(dot + 1);
}

/// A value as it may appear in a folder name: '/' and spaces are replaced.
std::string fileSafe(const std::string &s)
{
    std::string out;
    for (char c : s)
        out += (c == '/' || c == '\\' || c == ' ' || c == '"' || c == '\'') ? '_' : c;
    return out;
}

std::string percent(double v, int decimals)
{
    if (v < 0)
        return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, 100.0 * v);
    return buf;
}

} // namespace

SweepAxis parseSweepAxis(const std::string &spec)
{
    const auto eq = spec.find('=');
    if (eq == std::string::npos)
        throw ConfigError("--grid " + spec +
                          ": expected field=value,value,... (e.g. arch.alpha=0.3,0.5)");
    SweepAxis axis;
    axis.field = trimmed(spec.substr(0, eq));
    if (axis.field.empty())
        throw ConfigError("--grid " + spec + ": the field name is empty");
    std::string rest = spec.substr(eq + 1);
    size_t start = 0;
    for (;;) {
        const auto comma = rest.find(',', start);
        const std::string v = trimmed(
            rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (v.empty())
            throw ConfigError("--grid " + spec +
                              ": an empty value (two commas, or a comma at an end)");
        if (std::find(axis.values.begin(), axis.values.end(), v) != axis.values.end())
            throw ConfigError("--grid " + spec + ": the value " + v + " is given twice");
        axis.values.push_back(v);
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return axis;
}

std::vector<SweepPoint> sweepPoints(const std::vector<SweepAxis> &axes)
{
    if (axes.empty())
        throw ConfigError("a sweep needs at least one --grid field=value,value,...");
    std::set<std::string> fields;
    size_t count = 1;
    for (const auto &a : axes) {
        if (!fields.insert(a.field).second)
            throw ConfigError("--grid " + a.field + " is given twice; list all its values in one");
        count *= a.values.size();
    }
    const int width = int(std::to_string(count).size());
    std::vector<SweepPoint> points;
    std::vector<size_t> at(axes.size(), 0);
    for (size_t k = 0; k < count; ++k) {
        SweepPoint p;
        char number[24];
        std::snprintf(number, sizeof number, "%0*zu", width, k + 1);
        p.name = number;
        for (size_t a = 0; a < axes.size(); ++a) {
            const std::string &v = axes[a].values[at[a]];
            p.assignments.push_back(axes[a].field + "=" + v);
            p.values.push_back(v);
            p.name += "-" + shortField(axes[a].field) + "=" + fileSafe(v);
        }
        points.push_back(std::move(p));
        // The last axis varies fastest.
        for (size_t a = axes.size(); a-- > 0;) {
            if (++at[a] < axes[a].values.size())
                break;
            at[a] = 0;
        }
    }
    return points;
}

json sweepRecord(const json &baseConfig, const std::vector<SweepAxis> &axes)
{
    json grid = json::array();
    for (const auto &a : axes)
        grid.push_back({{"field", a.field}, {"values", a.values}});
    return {{"format", "sparsenas-sweep"}, {"v", 1}, {"base", baseConfig}, {"grid", grid}};
}

std::vector<SweepAxis> sweepAxesOf(const json &record)
{
    if (!record.is_object() || record.value("format", "") != "sparsenas-sweep")
        throw FormatError("not a sweep record (format is not \"sparsenas-sweep\")");
    const auto grid = record.find("grid");
    if (grid == record.end() || !grid->is_array() || grid->empty())
        throw FormatError("grid: missing or not a list of axes");
    std::vector<SweepAxis> axes;
    for (size_t i = 0; i < grid->size(); ++i) {
        const json &a = (*grid)[i];
        const std::string where = "grid[" + std::to_string(i) + "]";
        if (!a.is_object() || !a.contains("field") || !a["field"].is_string() ||
            a["field"].get<std::string>().empty())
            throw FormatError(where + ".field: missing or not a field name");
        if (!a.contains("values") || !a["values"].is_array() || a["values"].empty())
            throw FormatError(where + ".values: missing or not a list of values");
        SweepAxis axis;
        axis.field = a["field"].get<std::string>();
        for (const auto &v : a["values"]) {
            if (!v.is_string())
                throw FormatError(where + ".values: " + v.dump() + " is not a string");
            axis.values.push_back(v.get<std::string>());
        }
        axes.push_back(std::move(axis));
    }
    return axes;
}

const json &sweepBaseOf(const json &record)
{
    const auto base = record.is_object() ? record.find("base") : record.end();
    if (!record.is_object() || base == record.end() || !base->is_object())
        throw FormatError("base: missing or not a configuration");
    return *base;
}

std::string sweepRecordMismatch(const json &stored, const json &wanted)
{
    if (!stored.is_object() || stored.value("format", "") != "sparsenas-sweep")
        return "it is not a sweep record";
    if (stored.value("grid", json()) != wanted.at("grid"))
        return "its grid is " + stored.value("grid", json()).dump() + ", this one is " +
               wanted.at("grid").dump();
    if (stored.value("base", json()) != wanted.at("base")) {
        const json diff = json::diff(stored.value("base", json()), wanted.at("base"));
        std::string paths;
        for (const auto &d : diff)
            paths += (paths.empty() ? "" : ", ") + d.value("path", std::string("?"));
        return "its base configuration differs at " + paths;
    }
    return "";
}

namespace {

/// A run directory's state as a sweep reports it: status.json's, except that a run nobody
/// writes any more (killed) or without a readable status is "stopped". `*message` gets
/// status.json's message, or why the directory could not be read.
std::string runStateOf(const std::string &runDir, std::string *message)
{
    try {
        const RunDirectory dir(runDir);
        const auto st = dir.readStatus();
        if (!st)
            return "stopped";
        *message = st->message;
        if ((st->state == RunState::Running || st->state == RunState::Paused) &&
            !RunLock::holder(runDir))
            return "stopped"; // killed: nobody writes it any more
        return toString(st->state);
    } catch (const std::exception &e) {
        *message = e.what();
        return "stopped";
    }
}

/// The point's evaluation, when it has one: its state, and from evaluation.json its parameter
/// count and, once finished, its test accuracy.
void readSweepEvaluation(const std::string &evalDir, SweepRow &row)
{
    std::error_code ec;
    if (!fs::exists(fs::path(evalDir) / "config.json", ec))
        return;
    std::string ignored;
    row.evalState = runStateOf(evalDir, &ignored);
    try {
        if (const auto result = RunDirectory(evalDir).readEvaluation()) {
            row.paramsM = double(result->parameters) / 1e6;
            if (result->finished)
                row.testAcc = result->testAcc;
        }
    } catch (const std::exception &) {
        // a damaged evaluation.json: the summary goes on without its numbers
    }
}

} // namespace

SweepRow readSweepRow(const std::string &runDir, const SweepPoint &point)
{
    SweepRow row;
    row.point = point;
    row.state = "not started";
    std::error_code ec;
    if (!fs::exists(fs::path(runDir) / "config.json", ec))
        return row;
    row.state = runStateOf(runDir, &row.message);
    for (const auto &line : readAllLines((fs::path(runDir) / "metrics.jsonl").string())) {
        if (!line.ok())
            continue;
        try {
            if (metricsLineType(line.value) != MetricsLineType::Epoch)
                continue;
            const EpochSummary e = epochFromJson(line.value);
            row.epochsDone = e.epoch + 1;
            row.valAcc = e.valAcc;
            row.elementSparsity = e.elementSparsity;
            row.seconds += e.seconds;
            row.valAccCurve.push_back(e.valAcc);
            row.cellTypes.clear();
            row.aliveNodes.clear();
            row.alivePaths.clear();
            for (const auto &c : e.cells) {
                row.cellTypes.push_back(c.weights.type);
                row.aliveNodes.push_back(int(c.aliveNodes.size()));
                row.alivePaths.push_back(c.alivePaths);
            }
        } catch (const FormatError &) {
            // a damaged line: the summary goes on with the others
        }
    }
    readSweepEvaluation((fs::path(runDir) / kSweepEvaluationDir).string(), row);
    return row;
}

namespace {

/// The cell types any row has, in first-seen order.
std::vector<std::string> cellTypesOf(const std::vector<SweepRow> &rows)
{
    std::vector<std::string> types;
    for (const auto &r : rows) {
        for (const auto &t : r.cellTypes) {
            if (std::find(types.begin(), types.end(), t) == types.end())
                types.push_back(t);
        }
    }
    return types;
}

std::string aliveOf(const SweepRow &r, const std::string &type, bool nodes)
{
    for (size_t i = 0; i < r.cellTypes.size(); ++i) {
        if (r.cellTypes[i] == type)
            return std::to_string(nodes ? r.aliveNodes[i] : r.alivePaths[i]);
    }
    return "";
}

/// A CSV number to 6 significant digits; empty for the "not known" marker (< 0).
std::string sixDigits(double v)
{
    if (v < 0)
        return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::string secondsText(double s)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", s);
    return buf;
}

} // namespace

std::string sweepCsv(const std::vector<SweepAxis> &axes, const std::vector<SweepRow> &rows)
{
    const auto types = cellTypesOf(rows);
    std::ostringstream out;
    out << "point";
    for (const auto &a : axes)
        out << ',' << csvField(a.field);
    out << ",state,epochs_done,val_acc,element_sparsity";
    for (const auto &t : types)
        out << ",alive_nodes_" << t << ",alive_paths_" << t;
    out << ",search_seconds,params_M,test_acc,message\n";
    for (const auto &r : rows) {
        out << csvField(r.point.name);
        for (const auto &v : r.point.values)
            out << ',' << csvField(v);
        out << ',' << r.state << ',' << r.epochsDone << ',' << sixDigits(r.valAcc) << ','
            << sixDigits(r.elementSparsity);
        for (const auto &t : types)
            out << ',' << aliveOf(r, t, true) << ',' << aliveOf(r, t, false);
        out << ',' << (r.epochsDone > 0 ? secondsText(r.seconds) : "") << ','
            << sixDigits(r.paramsM) << ',' << sixDigits(r.testAcc) << ',' << csvField(r.message)
            << '\n';
    }
    return out.str();
}

std::string sweepMarkdown(const std::vector<SweepAxis> &axes, const std::vector<SweepRow> &rows)
{
    const auto types = cellTypesOf(rows);
    std::ostringstream out;
    out << "| point |";
    for (const auto &a : axes)
        out << ' ' << a.field << " |";
    out << " state | epochs | val acc % | zeros % |";
    for (const auto &t : types)
        out << ' ' << t << " nodes / paths |";
    out << " search s | params M | test acc % |\n|---|";
    for (size_t i = 0; i < axes.size() + 4 + types.size() + 3; ++i)
        out << "---|";
    out << '\n';
    for (const auto &r : rows) {
        out << "| " << r.point.name << " |";
        for (const auto &v : r.point.values)
            out << ' ' << v << " |";
        out << ' ' << r.state << " | " << r.epochsDone << " | " << percent(r.valAcc, 2) << " | "
            << percent(r.elementSparsity, 1) << " |";
        for (const auto &t : types) {
            const auto n = aliveOf(r, t, true);
            out << ' ' << (n.empty() ? "" : n + " / " + aliveOf(r, t, false)) << " |";
        }
        char params[32] = "";
        if (r.paramsM >= 0)
            std::snprintf(params, sizeof params, "%.3f", r.paramsM);
        std::string test = percent(r.testAcc, 2);
        if (test.empty() && !r.evalState.empty() && r.evalState != "finished")
            test = "(" + r.evalState + ")";
        out << ' ' << (r.epochsDone > 0 ? secondsText(r.seconds) : "") << " | " << params << " | "
            << test << " |\n";
    }
    return out.str();
}

Figure sweepCurvesFigure(const std::vector<SweepRow> &rows)
{
    FigurePanel panel;
    panel.title = "validation accuracy during the search";
    panel.xLabel = "epoch";
    panel.yLabel = "validation accuracy (%)";
    panel.integerX = true;
    for (size_t i = 0; i < rows.size(); ++i) {
        FigureSeries s;
        for (const auto &a : rows[i].point.assignments)
            s.name += (s.name.empty() ? "" : ", ") + shortField(a.substr(0, a.find('='))) +
                      a.substr(a.find('='));
        if (rows[i].state != "finished")
            s.name += " (" + rows[i].state + ")";
        s.color = figureColor(i);
        s.dashed = i >= 12; // more lines than colours: the second dozen dashed
        for (size_t e = 0; e < rows[i].valAccCurve.size(); ++e) {
            s.x.push_back(double(e + 1));
            s.y.push_back(100.0 * rows[i].valAccCurve[e]);
        }
        panel.series.push_back(std::move(s));
    }
    Figure f;
    f.panels = {std::move(panel)};
    f.panelWidth = 420;
    f.panelHeight = 300;
    return f;
}

} // namespace sparsenas
