// SPDX-License-Identifier: MIT
#include "progressprinter.h"

#include <cstdio>
#include <iomanip>
#include <sstream>

#include <unistd.h>

namespace sparsenas {

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

ProgressPrinter::ProgressPrinter(std::ostream &out, bool quiet, bool evaluation)
    : m_out(out), m_quiet(quiet), m_tty(::isatty(STDERR_FILENO) != 0), m_evaluation(evaluation)
{
}

static std::string aliveText(const std::vector<CellSnapshot> &cells)
{
    std::ostringstream ss;
    for (const auto &c : cells) {
        ss << ' ' << (c.weights.type == "normal" ? "N" : "R") << ":" << c.aliveNodes.size() << "n/"
           << c.alivePaths << "p";
    }
    return ss.str();
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
    if (m_quiet || !m_tty)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (s.stepInEpoch != s.stepsPerEpoch && now - m_lastPrint < std::chrono::milliseconds(100))
        return;
    m_lastPrint = now;
    std::ostringstream ss;
    if (m_evaluation) {
        ss << std::fixed << "epoch " << (s.epoch + 1) << "/" << s.epochs << " step "
           << s.stepInEpoch << "/" << s.stepsPerEpoch << std::setprecision(4) << "  lr "
           << s.weightLr << std::setprecision(3) << "  loss " << s.trainLoss << std::setprecision(1)
           << "  train " << 100 * s.trainAcc << "%  ETA " << formatDuration(s.etaSeconds);
        m_out << "\r\033[K" << ss.str() << std::flush;
        m_lineOpen = true;
        return;
    }
    ss << std::fixed << "epoch " << (s.epoch + 1) << "/" << s.epochs << " step " << s.stepInEpoch
       << "/" << s.stepsPerEpoch << std::setprecision(3) << "  lambda " << s.lambda
       << std::setprecision(1) << "  train " << 100 * s.trainAcc << "%  val " << 100 * s.valAcc
       << "%  alive" << aliveText(s.cells) << std::setprecision(0) << "  zeros "
       << 100 * s.elementSparsity << "%  ETA " << formatDuration(s.etaSeconds);
    m_out << "\r\033[K" << ss.str() << std::flush;
    m_lineOpen = true;
}

void ProgressPrinter::onEpoch(const EpochSummary &e)
{
    if (m_quiet)
        return;
    clearLine();
    std::ostringstream ss;
    if (m_evaluation) {
        // At most 78 columns: an 80-column terminal shows it on one line (the time per epoch
        // is in metrics.csv).
        ss << std::fixed << "epoch " << std::setw(3) << (e.epoch + 1) << std::setprecision(4)
           << "  lr " << e.weightLr << std::setprecision(3) << "  train loss " << e.trainLoss
           << std::setprecision(1) << " acc " << 100 * e.trainAcc << "%" << std::setprecision(3)
           << "  test loss " << e.valLoss << std::setprecision(2) << " acc " << 100 * e.valAcc
           << "%";
        m_out << ss.str() << "\n" << std::flush;
        return;
    }
    ss << std::fixed << "epoch " << std::setw(3) << (e.epoch + 1) << std::setprecision(3)
       << "  lambda " << e.lambda << std::setprecision(3) << "  train loss " << e.trainLoss
       << std::setprecision(1) << " acc " << 100 * e.trainAcc << "%" << std::setprecision(3)
       << "  val loss " << e.valLoss << std::setprecision(1) << " acc " << 100 * e.valAcc
       << "%  alive" << aliveText(e.cells) << std::setprecision(0) << "  zeros "
       << 100 * e.elementSparsity << "%  " << std::setprecision(1) << e.seconds << " s";
    m_out << ss.str() << "\n" << std::flush;
}

void ProgressPrinter::onMessage(MessageLevel level, const std::string &text)
{
    // Errors end the run and come back in its result, which main() prints once.
    if (level == MessageLevel::Error || (m_quiet && level == MessageLevel::Info))
        return;
    clearLine();
    m_out << (level == MessageLevel::Info ? "" : toString(level) + ": ") << text << "\n"
          << std::flush;
}

void ProgressPrinter::onFinished(const RunResult &)
{
    clearLine();
}

std::string summarizeGenotype(const Genotype &g)
{
    std::ostringstream ss;
    ss << std::fixed << std::setprecision(3);
    for (const auto &c : g.cells) {
        ss << c.type << " cell: " << c.aliveNodes.size() << " of " << c.nodes << " nodes, "
           << c.edges.size() << " paths";
        if (c.collapsed())
            ss << " (collapsed)";
        ss << "\n";
        for (const auto &e : c.edges)
            ss << "  " << e.source << " -> " << e.target << "  " << std::left << std::setw(13)
               << e.op << std::right << " " << e.weight << "\n";
    }
    return ss.str();
}

} // namespace sparsenas
