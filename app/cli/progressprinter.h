// SPDX-License-Identifier: MIT
#pragma once

#include "sparsenas/base/snapshot.h"

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

namespace sparsenas {

/// One field of a progress line: its text, a shorter form ("" for none), and how soon it is
/// left out when the line does not fit (0 never; of the others the highest rank goes first).
struct LineField
{
    std::string full;
    std::string compact;
    int dropRank = 0;
};

/// The fields joined into at most `width` characters (0: no limit): the full forms with two
/// spaces between them if they fit, then narrower gaps and the compact forms, then fields left
/// out by rank; a line that still does not fit is cut.
std::string fitLine(const std::vector<LineField> &fields, size_t width);
/// The fields' full forms, two spaces apart, over as many lines of at most `width` characters
/// as they need (0: one line); lines after the first start with `indent` spaces.
std::string wrapFields(const std::vector<LineField> &fields, size_t width, size_t indent);
/// `text` broken at spaces into lines of at most `width` characters (a longer word stays whole),
/// continued with two spaces of indent; as it is for a width under 20.
std::string wrapWords(const std::string &text, size_t width);
/// `text` broken at spaces into lines of at most `width` characters (a longer word stays
/// whole), without indent; its own line breaks are kept (the help's descriptions).
std::string wrapText(const std::string &text, size_t width);
/// Columns of the terminal on `fd` (COLUMNS, then 80 when it cannot be asked).
size_t terminalColumns(int fd);
/// True for a terminal that understands control sequences (not a pipe, not TERM=dumb).
bool isLiveTerminal(int fd);
/// Columns of the terminal the live progress line leaves free: the terminal echoes Ctrl-C as
/// "^C" after it.
constexpr size_t kLiveLineReserve = 3;

/// The CLI's observer: one live progress line (rewritten in place on a terminal, fitted to its
/// width; none on a pipe or a dumb terminal), the engine's messages, and the epoch summaries
/// (fitted on a terminal, whole otherwise).
class ProgressPrinter : public SearchObserver
{
public:
    /// `evaluation`: the run trains a genotype's network (no lambda, no sparsity; its epoch
    /// accuracy is the test set's).
    /// `evaluation`: a genotype trained on its own (no architecture weights); `languageModel`:
    /// of the recurrent space, whose measure is the perplexity.
    ProgressPrinter(std::ostream &out, bool quiet, bool evaluation = false,
                    bool languageModel = false);
    void onSnapshot(const Snapshot &s) override;
    void onEpoch(const EpochSummary &e) override;
    void onMessage(MessageLevel level, const std::string &text) override;
    void onFinished(const RunResult &r) override;

private:
    void clearLine();
    /// Of a line that ends with a line break (0: no limit).
    size_t width() const;
    /// Of the live line, after which the cursor waits (narrower: see kLiveLineReserve).
    size_t liveWidth() const;
    std::ostream &m_out;
    bool m_quiet;
    bool m_tty;  ///< a terminal: lines fit its width
    bool m_live; ///< one that takes control sequences: the live line is redrawn in place
    bool m_evaluation;
    bool m_languageModel;
    bool m_lineOpen = false;
    std::chrono::steady_clock::time_point m_lastPrint;
};

/// Paths listed per cell by summarizeGenotype (the strongest by |A|; the others are counted).
constexpr size_t kSummaryPaths = 12;
/// A few lines on the derived cells: alive nodes, paths, and the edges with their signed A (at
/// most kSummaryPaths per cell).
std::string summarizeGenotype(const Genotype &g);
std::string formatDuration(double seconds);

} // namespace sparsenas
