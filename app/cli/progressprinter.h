// SPDX-License-Identifier: MIT
#pragma once

#include "sparsenas/base/snapshot.h"

#include <chrono>
#include <ostream>
#include <string>

namespace sparsenas {

/// The CLI's observer: one live progress line (rewritten in place on a terminal, one line per
/// epoch otherwise), the engine's messages, and the epoch summaries.
class ProgressPrinter : public SearchObserver
{
public:
    /// `evaluation`: the run trains a genotype's network (no lambda, no sparsity; its epoch
    /// accuracy is the test set's).
    ProgressPrinter(std::ostream &out, bool quiet, bool evaluation = false);
    void onSnapshot(const Snapshot &s) override;
    void onEpoch(const EpochSummary &e) override;
    void onMessage(MessageLevel level, const std::string &text) override;
    void onFinished(const RunResult &r) override;

private:
    void clearLine();
    std::ostream &m_out;
    bool m_quiet;
    bool m_tty;
    bool m_evaluation;
    bool m_lineOpen = false;
    std::chrono::steady_clock::time_point m_lastPrint;
};

/// A few lines on the derived cells: alive nodes, paths, and the edges.
std::string summarizeGenotype(const Genotype &g);
std::string formatDuration(double seconds);

} // namespace sparsenas
