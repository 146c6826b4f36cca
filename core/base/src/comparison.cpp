// SPDX-License-Identifier: MIT
#include "sparsenas/base/comparison.h"

#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/genotypesource.h"
#include "sparsenas/base/rundirectory.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>

namespace sparsenas {

namespace fs = std::filesystem;

namespace {

void collect(const fs::path &dir, std::vector<EvaluationRun> &out)
{
    RunDirectory run(dir.string());
    if (auto r = run.readEvaluation()) {
        out.push_back({dir.string(), *r});
        return;
    }
    std::error_code ec;
    std::vector<fs::path> children;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec) && it->path().filename() != "checkpoints")
            children.push_back(it->path());
    }
    std::sort(children.begin(), children.end());
    for (const auto &c : children)
        collect(c, out);
}

/// The folder a genotype source stands for: the source itself, or the folder of its
/// genotype.json; empty for a built-in name or a loose file.
fs::path sourceRunDir(const std::string &source)
{
    std::error_code ec;
    const fs::path p(source);
    if (fs::is_directory(p, ec))
        return p;
    if (p.filename() == "genotype.json" && fs::exists(p.parent_path() / "config.json", ec))
        return p.parent_path();
    return {};
}

std::string labelOf(const std::string &source)
{
    const auto names = builtinGenotypeNames();
    if (std::find(names.begin(), names.end(), source) != names.end())
        return source;
    const fs::path dir = sourceRunDir(source);
    if (!dir.empty()) {
        const fs::path clean = dir.lexically_normal();
        return (clean.has_filename() ? clean.filename() : clean.parent_path().filename()).string();
    }
    return fs::path(source).stem().string();
}

std::string cellsField(const EvaluationResult &r, bool nodes)
{
    std::string out;
    for (const char *type : {"normal", "reduce", "recurrent"}) {
        for (const auto &c : r.cells) {
            if (c.type == type)
                out += (out.empty() ? "" : "/") + std::to_string(nodes ? c.aliveNodes : c.paths);
        }
    }
    return out;
}

std::string fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string duration(double seconds)
{
    const auto s = int64_t(std::llround(seconds));
    if (s < 60)
        return std::to_string(s) + "s";
    if (s < 3600)
        return std::to_string(s / 60) + "m" + (s % 60 < 10 ? "0" : "") + std::to_string(s % 60) +
               "s";
    return std::to_string(s / 3600) + "h" + (s / 60 % 60 < 10 ? "0" : "") +
           std::to_string(s / 60 % 60) + "m";
}

/// Millions with 2 decimals (3.35 M, as papers print them), 3 below one million (0.077 M).
std::string millions(double v)
{
    return fixed(v, v < 1.0 ? 3 : 2);
}

/// The row's test figure: accuracy in % for an image classifier, perplexity for a language
/// model; "± std" over several seeds (`plusMinus`: how the format writes it).
std::string testFigure(const ComparisonRow &r, const std::string &plusMinus = " ± ")
{
    const bool lm = r.space == "rnn";
    std::string s = lm ? fixed(r.testPplMean, 2) : fixed(100 * r.testAccMean, 2);
    if (r.seeds > 1)
        s += plusMinus + (lm ? fixed(r.testPplStd, 2) : fixed(100 * r.testAccStd, 2));
    return s;
}

/// The row's size: "CxL" for an image classifier, "h850" for a language model.
std::string sizeText(const ComparisonRow &r, const std::string &times = "x")
{
    return r.space == "rnn" ? "h" + std::to_string(r.hidden)
                            : std::to_string(r.channels) + times + std::to_string(r.layers);
}

/// The rows of one kind (language models or not), in their order.
std::vector<ComparisonRow> rowsOf(const std::vector<ComparisonRow> &rows, bool languageModels)
{
    std::vector<ComparisonRow> out;
    for (const auto &r : rows) {
        if ((r.space == "rnn") == languageModels)
            out.push_back(r);
    }
    return out;
}

/// One table per kind present, classifiers first, joined by `separator`.
template <typename Table>
std::string perKind(const std::vector<ComparisonRow> &rows, const std::string &separator,
                    Table table)
{
    std::string out;
    for (const bool lm : {false, true}) {
        const auto part = rowsOf(rows, lm);
        if (part.empty())
            continue;
        out += (out.empty() ? "" : separator) + table(part, lm);
    }
    return out.empty() ? table(rows, false) : out;
}

std::pair<double, double> meanAndStd(const std::vector<double> &a)
{
    double mean = 0;
    for (double v : a)
        mean += v;
    mean /= double(a.size());
    double var = 0;
    for (double v : a)
        var += (v - mean) * (v - mean);
    return {mean, a.size() > 1 ? std::sqrt(var / double(a.size() - 1)) : 0.0};
}

std::string latexEscape(const std::string &s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '_':
        case '%':
        case '&':
        case '#':
        case '$':
        case '{':
        case '}':
            out += '\\';
            out += c;
            break;
        case '~':
            out += "\\textasciitilde{}";
            break;
        case '^':
            out += "\\textasciicircum{}";
            break;
        case '\\':
            out += "\\textbackslash{}";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string pad(const std::string &s, size_t width, bool right = false)
{
    // Width in characters, counting a UTF-8 sequence ("±") as one.
    size_t chars = 0;
    for (unsigned char c : s)
        chars += (c & 0xC0) != 0x80;
    if (chars >= width)
        return s;
    return right ? std::string(width - chars, ' ') + s : s + std::string(width - chars, ' ');
}

std::string clip(const std::string &s, size_t width)
{
    return s.size() <= width ? s : s.substr(0, width - 1) + "~";
}

} // namespace

std::vector<EvaluationRun> findEvaluations(const std::vector<std::string> &paths)
{
    std::vector<EvaluationRun> out;
    for (const auto &p : paths) {
        std::error_code ec;
        if (!fs::is_directory(p, ec))
            throw RunError("'" + p +
                           "' is not a directory (give evaluation run directories, or "
                           "folders that hold them)");
        const size_t before = out.size();
        collect(p, out);
        if (out.size() == before)
            throw RunError("'" + p +
                           "' holds no evaluation (no evaluation.json in it or below: an "
                           "evaluation writes it when it finishes or is stopped)");
    }
    std::sort(out.begin(), out.end(),
              [](const EvaluationRun &a, const EvaluationRun &b) { return a.dir < b.dir; });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const EvaluationRun &a, const EvaluationRun &b) {
                              return fs::weakly_canonical(a.dir) == fs::weakly_canonical(b.dir);
                          }),
              out.end());
    return out;
}

std::optional<double> searchWallSeconds(const std::string &runDir)
{
    RunDirectory dir(runDir);
    std::error_code ec;
    if (!fs::exists(dir.file("metrics.jsonl"), ec))
        return std::nullopt;
    try {
        if (dir.loadConfig().task != TaskKind::Search)
            return std::nullopt;
    } catch (const std::exception &) {
        return std::nullopt;
    }
    double seconds = 0;
    bool any = false;
    for (const auto &line : readAllLines(dir.file("metrics.jsonl"))) {
        if (!line.ok())
            continue;
        try {
            if (metricsLineType(line.value) == MetricsLineType::Epoch) {
                seconds += epochFromJson(line.value).seconds;
                any = true;
            }
        } catch (const std::exception &) {
        }
    }
    return any ? std::optional<double>(seconds) : std::nullopt;
}

std::vector<ComparisonRow> compareEvaluations(const std::vector<EvaluationRun> &runs)
{
    std::vector<ComparisonRow> rows;
    std::map<std::string, size_t> index;
    std::vector<std::vector<double>> accs, ppls;
    for (const auto &run : runs) {
        const auto &r = run.result;
        const std::string key = r.genotype + "\n" + r.dataset + "\n" + r.space + "\n" +
                                std::to_string(r.channels) + "\n" + std::to_string(r.layers) +
                                "\n" + std::to_string(r.hidden);
        auto it = index.find(key);
        if (it == index.end()) {
            ComparisonRow row;
            row.genotype = labelOf(r.genotype);
            row.source = r.genotype;
            row.dataset = r.dataset;
            row.space = r.space;
            row.channels = r.channels;
            row.layers = r.layers;
            row.hidden = r.hidden;
            row.nodes = cellsField(r, true);
            row.paths = cellsField(r, false);
            row.paramsMillions = double(r.parameters) / 1e6;
            row.multiplyAddsMillions = double(r.multiplyAdds) / 1e6;
            const fs::path dir = sourceRunDir(r.genotype);
            if (!dir.empty())
                row.searchSeconds = searchWallSeconds(dir.string());
            it = index.emplace(key, rows.size()).first;
            rows.push_back(row);
            accs.emplace_back();
            ppls.emplace_back();
        }
        ComparisonRow &row = rows[it->second];
        row.seeds += 1;
        row.unfinished += r.finished ? 0 : 1;
        row.trainSeconds += r.trainSeconds;
        accs[it->second].push_back(r.testAcc);
        ppls[it->second].push_back(testPerplexity(r));
    }
    for (size_t k = 0; k < rows.size(); ++k) {
        std::tie(rows[k].testAccMean, rows[k].testAccStd) = meanAndStd(accs[k]);
        if (rows[k].space == "rnn")
            std::tie(rows[k].testPplMean, rows[k].testPplStd) = meanAndStd(ppls[k]);
        rows[k].trainSeconds /= double(accs[k].size());
    }
    return rows;
}

std::string comparisonText(const std::vector<ComparisonRow> &rows)
{
    return perKind(rows, "\n", [](const std::vector<ComparisonRow> &part, bool lm) {
        std::ostringstream os;
        os << pad("genotype", 13) << " " << pad("data", 9) << " " << pad(lm ? "size" : "CxL", 6)
           << " " << pad("nodes", 5) << " " << pad("paths", 5) << " " << pad("params", 6, true)
           << " " << pad("MAdds", 7, true) << " " << pad("search", 6, true) << " "
           << (lm ? "test ppl\n" : "test acc %\n");
        for (const auto &r : part) {
            os << pad(clip(r.genotype, 13), 13) << " " << pad(clip(r.dataset, 9), 9) << " "
               << pad(sizeText(r), 6) << " " << pad(r.nodes, 5) << " " << pad(r.paths, 5) << " "
               << pad(millions(r.paramsMillions) + "M", 6, true) << " "
               << pad(fixed(r.multiplyAddsMillions, 1) + "M", 7, true) << " "
               << pad(r.searchSeconds ? duration(*r.searchSeconds) : "-", 6, true) << " "
               << testFigure(r) << " (" << r.seeds << (r.seeds == 1 ? " seed" : " seeds")
               << (r.unfinished ? ", " + std::to_string(r.unfinished) + " unfinished" : "")
               << ")\n";
        }
        return os.str();
    });
}

namespace {

/// The shortest decimal that reads back as `v` (1.322234, not 1.3222339999999999); empty for a
/// value that is not finite.
std::string csvNumber(double v)
{
    if (!std::isfinite(v))
        return {};
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return res.ec == std::errc() ? std::string(buf, res.ptr) : std::to_string(v);
}

} // namespace

std::string comparisonCsv(const std::vector<ComparisonRow> &rows)
{
    std::ostringstream os;
    os << "genotype,source,dataset,channels,layers,alive_nodes,paths,params_m,multiply_adds_m,"
          "search_seconds,seeds,unfinished,test_acc_mean,test_acc_std,train_seconds,space,"
          "hidden,test_ppl_mean,test_ppl_std\n";
    for (const auto &r : rows) {
        os << csvField(r.genotype) << "," << csvField(r.source) << "," << csvField(r.dataset) << ","
           << r.channels << "," << r.layers << "," << csvField(r.nodes) << "," << csvField(r.paths)
           << "," << csvNumber(r.paramsMillions) << "," << csvNumber(r.multiplyAddsMillions) << ",";
        if (r.searchSeconds)
            os << csvNumber(*r.searchSeconds);
        // One seed has no spread: its standard deviation is empty (NaN to pandas), not 0.
        os << "," << r.seeds << "," << r.unfinished << "," << csvNumber(r.testAccMean) << ","
           << (r.seeds > 1 ? csvNumber(r.testAccStd) : std::string()) << ","
           << csvNumber(r.trainSeconds) << "," << r.space << ",";
        if (r.space == "rnn")
            os << r.hidden << "," << csvNumber(r.testPplMean) << ","
               << (r.seeds > 1 ? csvNumber(r.testPplStd) : std::string());
        else
            os << ",,";
        os << "\n";
    }
    return os.str();
}

std::string comparisonMarkdown(const std::vector<ComparisonRow> &rows)
{
    return perKind(rows, "\n", [](const std::vector<ComparisonRow> &part, bool lm) {
        std::ostringstream os;
        os << "| Genotype | Data set | " << (lm ? "Hidden" : "C × cells") << " | "
           << (lm ? "Nodes | Paths" : "Nodes (n/r) | Paths (n/r)") << " | Params (M) | "
           << (lm ? "Mult-adds per word (M)" : "Mult-adds (M)") << " | Search | "
           << (lm ? "Test ppl" : "Test acc. (%)") << " | Seeds |\n"
           << "|---|---|---|---|---|--:|--:|--:|--:|--:|\n";
        for (const auto &r : part) {
            std::string name = r.genotype;
            for (const char c : {'|', '*', '_'}) {
                for (size_t at = name.find(c); at != std::string::npos; at = name.find(c, at + 2))
                    name.insert(at, "\\");
            }
            os << "| " << name << " | " << r.dataset << " | "
               << (lm ? std::to_string(r.hidden) : sizeText(r, " × ")) << " | " << r.nodes << " | "
               << r.paths << " | " << millions(r.paramsMillions) << " | "
               << fixed(r.multiplyAddsMillions, 1) << " | "
               << (r.searchSeconds ? duration(*r.searchSeconds) : "–") << " | " << testFigure(r)
               << " | " << r.seeds << " |\n";
        }
        return os.str();
    });
}

std::string comparisonLatex(const std::vector<ComparisonRow> &rows)
{
    return perKind(rows, "\n", [](const std::vector<ComparisonRow> &part, bool lm) {
        std::ostringstream os;
        os << "\\begin{tabular}{llcccrrrrr}\n\\hline\n"
           << "Genotype & Data set & " << (lm ? "Hidden" : "$C \\times L$")
           << " & Nodes & Paths & Params (M) & " << (lm ? "Mult-adds/word (M)" : "Mult-adds (M)")
           << " & Search & " << (lm ? "Test ppl" : "Test acc.\\ (\\%)")
           << " & Seeds \\\\\n\\hline\n";
        for (const auto &r : part) {
            os << latexEscape(r.genotype) << " & " << latexEscape(r.dataset) << " & "
               << (lm ? std::to_string(r.hidden) : sizeText(r, " $\\times$ ")) << " & " << r.nodes
               << " & " << r.paths << " & " << millions(r.paramsMillions) << " & "
               << fixed(r.multiplyAddsMillions, 1) << " & "
               << (r.searchSeconds ? duration(*r.searchSeconds) : "--") << " & "
               << testFigure(r, " $\\pm$ ") << " & " << r.seeds << " \\\\\n";
        }
        os << "\\hline\n\\end{tabular}\n";
        return os.str();
    });
}

} // namespace sparsenas
