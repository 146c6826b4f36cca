// SPDX-License-Identifier: MIT
#include "progressprinter.h"

#include "sparsenas/base/printable.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iomanip>
#include <sstream>

#include <sys/ioctl.h>
#include <unistd.h>

namespace sparsenas {

std::string fitLine(const std::vector<LineField> &fields, size_t width)
{
    const auto join = [&](bool compact, const std::vector<bool> &shown, const char *gap) {
        std::string line;
        for (size_t i = 0; i < fields.size(); ++i) {
            if (!shown[i])
                continue;
            const std::string &t = compact && !fields[i].compact.empty() ? fields[i].compact
                                                                         : fields[i].full;
            line += (line.empty() ? "" : gap) + t;
        }
        return line;
    };
    std::vector<bool> shown(fields.size(), true);
    for (bool compact : {false, true}) {
        for (const char *gap : {"  ", " "}) {
            auto line = join(compact, shown, gap);
            if (width == 0 || line.size() <= width)
                return line;
        }
    }
    // Leave out the least important fields first (the highest drop rank), one at a time.
    std::vector<size_t> order;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].dropRank > 0)
            order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return fields[a].dropRank > fields[b].dropRank; });
    std::string line;
    for (size_t i : order) {
        shown[i] = false;
        line = join(true, shown, " ");
        if (line.size() <= width)
            return line;
    }
    line = join(true, shown, " ");
    return line.substr(0, width);
}

std::string wrapFields(const std::vector<LineField> &fields, size_t width, size_t indent)
{
    std::string out, line;
    for (const LineField &f : fields) {
        if (!line.empty() && width > 0 && line.size() + 2 + f.full.size() > width) {
            out += line + "\n";
            line = std::string(indent, ' ');
        }
        line += (line.empty() || line.size() == indent ? "" : "  ") + f.full;
    }
    out += line;
    return out;
}

namespace {

/// The words of `text` in lines of at most `width` characters (a longer word stays whole on a
/// line of its own); lines after the first start with `indent`.
std::string wrapWordsWithIndent(const std::string &text, size_t width, const std::string &indent)
{
    std::string out, line;
    std::istringstream words(text);
    std::string word;
    while (words >> word) {
        const bool lineHasWords = line.size() > (out.empty() ? 0 : indent.size());
        if (lineHasWords && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line = indent;
        }
        line += (line.size() > (out.empty() ? 0 : indent.size()) ? " " : "") + word;
    }
    return out + line;
}

} // namespace

std::string wrapWords(const std::string &text, size_t width)
{
    if (width < 20 || text.size() <= width)
        return text;
    return wrapWordsWithIndent(text, width, "  ");
}

std::string wrapText(const std::string &text, size_t width)
{
    std::string out;
    std::istringstream lines(text);
    std::string paragraph;
    bool firstLine = true;
    while (std::getline(lines, paragraph)) {
        out += firstLine ? "" : "\n";
        firstLine = false;
        out += wrapWordsWithIndent(paragraph, width, "");
    }
    return out;
}

size_t terminalColumns(int fd)
{
    winsize ws{};
    if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    if (const char *c = std::getenv("COLUMNS")) {
        const long n = std::strtol(c, nullptr, 10);
        if (n > 0)
            return size_t(n);
    }
    return 80;
}

bool isLiveTerminal(int fd)
{
    // A dumb terminal (an editor's shell buffer, some CI consoles) shows control sequences as
    // text: it gets the per-epoch lines only, as a pipe does.
    const char *term = std::getenv("TERM");
    return ::isatty(fd) != 0 && term && *term && std::strcmp(term, "dumb") != 0;
}

std::string formatDuration(double seconds)
{
    const long s = long(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

ProgressPrinter::ProgressPrinter(std::ostream &out, bool quiet, bool evaluation, bool languageModel)
    : m_out(out), m_quiet(quiet), m_tty(::isatty(STDERR_FILENO) != 0),
      m_live(isLiveTerminal(STDERR_FILENO)), m_evaluation(evaluation),
      m_languageModel(languageModel)
{
}

size_t ProgressPrinter::width() const
{
    // One column short of the terminal: a line that fills the last column wraps on some.
    return m_tty ? terminalColumns(STDERR_FILENO) - 1 : 0;
}

size_t ProgressPrinter::liveWidth() const
{
    // The cursor stays at the end of the live line, where the terminal echoes a Ctrl-C as "^C":
    // two columns for it and one to spare, or the "C" wraps onto a line of its own (which the
    // next redraw clears) and the line is left ending in "^".
    const size_t columns = terminalColumns(STDERR_FILENO);
    return columns > kLiveLineReserve + 20 ? columns - kLiveLineReserve : width();
}

static std::string aliveText(const std::vector<CellSnapshot> &cells)
{
    std::ostringstream ss;
    for (const auto &c : cells) {
        // The recurrent space's one cell needs no letter.
        ss << (ss.tellp() > 0 ? " " : "")
           << (c.weights.type == "normal"   ? "N:"
               : c.weights.type == "reduce" ? "R:"
                                            : "")
           << c.aliveNodes.size() << "n/" << c.alivePaths << "p";
    }
    return ss.str();
}

static std::string fixed(double v, int decimals)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

/// A run of the recurrent space: its one cell type has one input (x_t and h_{t-1} make it).
static bool isLanguageModel(const std::vector<CellSnapshot> &cells)
{
    return cells.size() == 1 && cells.front().weights.inputs == 1;
}

/// exp(loss) as a perplexity is read: whole numbers from 100 on.
static std::string perplexity(double loss)
{
    const double p = std::exp(loss);
    if (!std::isfinite(p))
        return "inf";
    return fixed(p, p >= 100 ? 0 : 1);
}

void ProgressPrinter::clearLine()
{
    if (m_lineOpen) {
        m_out << "\r\033[K";
        m_lineOpen = false;
    }
}

void ProgressPrinter::onSnapshot(const Snapshot &s)
{
    if (m_quiet || !m_live)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (s.stepInEpoch != s.stepsPerEpoch && now - m_lastPrint < std::chrono::milliseconds(100))
        return;
    m_lastPrint = now;
    const std::string epoch = std::to_string(s.epoch + 1) + "/" + std::to_string(s.epochs);
    const std::string step = std::to_string(s.stepInEpoch) + "/" + std::to_string(s.stepsPerEpoch);
    const std::string eta = formatDuration(s.etaSeconds);
    std::vector<LineField> fields;
    if (m_evaluation && m_languageModel) {
        fields = {{"epoch " + epoch, "ep " + epoch, 0},
                  {"step " + step, step, 0},
                  {"lr " + fixed(s.weightLr, 4), "", 2},
                  {"loss " + fixed(s.trainLoss, 3), "", 3},
                  {"train ppl " + perplexity(s.trainLoss), "tr " + perplexity(s.trainLoss), 1},
                  {"ETA " + eta, eta, 0}};
    } else if (m_evaluation) {
        fields = {{"epoch " + epoch, "ep " + epoch, 0},
                  {"step " + step, step, 0},
                  {"lr " + fixed(s.weightLr, 4), "", 2},
                  {"loss " + fixed(s.trainLoss, 3), "", 3},
                  {"train " + fixed(100 * s.trainAcc, 1) + "%", "", 1},
                  {"ETA " + eta, eta, 0}};
    } else if (isLanguageModel(s.cells)) {
        // A language model's measure is the perplexity, exp of the mean NLL per word.
        fields = {{"epoch " + epoch, "ep " + epoch, 0},
                  {"step " + step, step, 0},
                  {"lambda " + fixed(s.lambda, 3), "lam " + fixed(s.lambda, 3), 1},
                  {"train ppl " + perplexity(s.trainLoss), "tr " + perplexity(s.trainLoss), 5},
                  {"val ppl " + perplexity(s.valLoss), "", 3},
                  {"alive " + aliveText(s.cells), aliveText(s.cells), 4},
                  {"zeros " + fixed(100 * s.elementSparsity, 0) + "%", "", 2},
                  {"ETA " + eta, eta, 0}};
    } else {
        fields = {{"epoch " + epoch, "ep " + epoch, 0},
                  {"step " + step, step, 0},
                  {"lambda " + fixed(s.lambda, 3), "lam " + fixed(s.lambda, 3), 1},
                  {"train " + fixed(100 * s.trainAcc, 1) + "%",
                   "tr " + fixed(100 * s.trainAcc, 1) + "%", 5},
                  {"val " + fixed(100 * s.valAcc, 1) + "%", "", 3},
                  {"alive " + aliveText(s.cells), aliveText(s.cells), 4},
                  {"zeros " + fixed(100 * s.elementSparsity, 0) + "%", "", 2},
                  {"ETA " + eta, eta, 0}};
    }
    m_out << "\r\033[K" << fitLine(fields, liveWidth()) << std::flush;
    m_lineOpen = true;
}

void ProgressPrinter::onEpoch(const EpochSummary &e)
{
    if (m_quiet)
        return;
    clearLine();
    const std::string epoch = fixed(double(e.epoch + 1), 0);
    std::vector<LineField> fields;
    if (m_evaluation && m_languageModel) {
        // The epoch ends with the validation part; the test part is read once, at the end.
        fields = {{"epoch " + std::string(epoch.size() < 3 ? 3 - epoch.size() : 0, ' ') + epoch,
                   "ep " + epoch, 0},
                  {"lr " + fixed(e.weightLr, 4), "", 3},
                  {"train loss " + fixed(e.trainLoss, 3) + " ppl " + perplexity(e.trainLoss),
                   "train ppl " + perplexity(e.trainLoss), 2},
                  {"val loss " + fixed(e.valLoss, 3) + " ppl " + perplexity(e.valLoss),
                   "val ppl " + perplexity(e.valLoss), 0},
                  {fixed(e.seconds, 1) + " s", "", 4}};
    } else if (m_evaluation) {
        fields = {
            {"epoch " + std::string(epoch.size() < 3 ? 3 - epoch.size() : 0, ' ') + epoch,
             "ep " + epoch, 0},
            {"lr " + fixed(e.weightLr, 4), "", 3},
            {"train loss " + fixed(e.trainLoss, 3) + " acc " + fixed(100 * e.trainAcc, 1) + "%",
             "train " + fixed(e.trainLoss, 3) + " " + fixed(100 * e.trainAcc, 1) + "%", 2},
            {"test loss " + fixed(e.valLoss, 3) + " acc " + fixed(100 * e.valAcc, 2) + "%",
             "test " + fixed(e.valLoss, 3) + " " + fixed(100 * e.valAcc, 2) + "%", 0},
            {fixed(e.seconds, 1) + " s", "", 4}};
    } else if (isLanguageModel(e.cells)) {
        fields = {{"epoch " + std::string(epoch.size() < 3 ? 3 - epoch.size() : 0, ' ') + epoch,
                   "ep " + epoch, 0},
                  {"lambda " + fixed(e.lambda, 3), "lam " + fixed(e.lambda, 3), 2},
                  {"train loss " + fixed(e.trainLoss, 3) + " ppl " + perplexity(e.trainLoss),
                   "train ppl " + perplexity(e.trainLoss), 4},
                  {"val loss " + fixed(e.valLoss, 3) + " ppl " + perplexity(e.valLoss),
                   "val ppl " + perplexity(e.valLoss), 0},
                  {"alive " + aliveText(e.cells), aliveText(e.cells), 3},
                  {"zeros " + fixed(100 * e.elementSparsity, 0) + "%", "", 1},
                  {fixed(e.seconds, 1) + " s", "", 5}};
    } else {
        fields = {
            {"epoch " + std::string(epoch.size() < 3 ? 3 - epoch.size() : 0, ' ') + epoch,
             "ep " + epoch, 0},
            {"lambda " + fixed(e.lambda, 3), "lam " + fixed(e.lambda, 3), 2},
            {"train loss " + fixed(e.trainLoss, 3) + " acc " + fixed(100 * e.trainAcc, 1) + "%",
             "train " + fixed(e.trainLoss, 3) + " " + fixed(100 * e.trainAcc, 1) + "%", 4},
            {"val loss " + fixed(e.valLoss, 3) + " acc " + fixed(100 * e.valAcc, 1) + "%",
             "val " + fixed(e.valLoss, 3) + " " + fixed(100 * e.valAcc, 1) + "%", 0},
            {"alive " + aliveText(e.cells), aliveText(e.cells), 3},
            {"zeros " + fixed(100 * e.elementSparsity, 0) + "%", "", 1},
            {fixed(e.seconds, 1) + " s", "", 5}};
    }
    // The epoch's record: nothing is left out on a narrow terminal, it goes on over more lines.
    m_out << wrapFields(fields, width(), 10) << "\n" << std::flush;
}

void ProgressPrinter::onMessage(MessageLevel level, const std::string &text)
{
    // Errors end the run and come back in its result, which main() prints once.
    if (level == MessageLevel::Error || (m_quiet && level == MessageLevel::Info))
        return;
    clearLine();
    m_out << wrapWords(
                 printable((level == MessageLevel::Info ? "" : toString(level) + ": ") + text),
                 width())
          << "\n"
          << std::flush;
}

void ProgressPrinter::onFinished(const RunResult &)
{
    clearLine();
}

std::string summarizeGenotype(const Genotype &g)
{
    std::ostringstream ss;
    for (const auto &c : g.cells) {
        if (c.collapsed()) {
            ss << c.type << " cell: collapsed, no node and no path survives\n";
            continue;
        }
        std::string nodes;
        for (int n : c.aliveNodes)
            nodes += (nodes.empty() ? "" : ", ") + cellNodeName(n, c.inputs);
        ss << c.type << " cell: " << c.aliveNodes.size() << " of " << c.nodes << " nodes (" << nodes
           << "), " << c.edges.size() << (c.edges.size() == 1 ? " path" : " paths") << "\n";
        // A cell early in a search keeps most of its paths (98 for 4 nodes and 8 ops): the
        // strongest are listed, in their order, and the rest counted, so that the lines above
        // stay on the screen; the genotype JSON holds every path.
        std::vector<bool> listed(c.edges.size(), true);
        if (c.edges.size() > kSummaryPaths) {
            std::vector<size_t> byWeight(c.edges.size());
            for (size_t i = 0; i < byWeight.size(); ++i)
                byWeight[i] = i;
            std::stable_sort(byWeight.begin(), byWeight.end(), [&](size_t a, size_t b) {
                return std::fabs(c.edges[a].weight) > std::fabs(c.edges[b].weight);
            });
            for (size_t k = kSummaryPaths; k < byWeight.size(); ++k)
                listed[byWeight[k]] = false;
        }
        for (size_t i = 0; i < c.edges.size(); ++i) {
            if (!listed[i])
                continue;
            const auto &e = c.edges[i];
            char weight[32];
            std::snprintf(weight, sizeof weight, "%+.3g", double(e.weight));
            ss << "  " << std::left << std::setw(7) << cellNodeName(e.source, c.inputs) << " -> "
               << std::setw(2) << cellNodeName(e.target, c.inputs) << "  " << std::setw(13) << e.op
               << std::right << " " << weight << "\n";
        }
        if (c.edges.size() > kSummaryPaths)
            ss << "  ... and " << c.edges.size() - kSummaryPaths
               << " weaker paths (the genotype JSON lists every path)\n";
    }
    return ss.str();
}

} // namespace sparsenas
