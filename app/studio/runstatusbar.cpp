// SPDX-License-Identifier: MIT
#include "runstatusbar.h"

#include <QDir>
#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>

#include <algorithm>
#include <climits>
#include <cmath>

namespace sparsenas {

void EtaEstimator::clear()
{
    m_times.clear();
    m_lastStep = -1;
}

void EtaEstimator::add(const std::vector<Snapshot> &snapshots)
{
    for (const Snapshot &s : snapshots) {
        if (s.step <= m_lastStep && m_lastStep - s.step < 2 * window)
            continue; // seen (a replayed history); a run cut far back starts counting again
        m_lastStep = s.step;
        if (!(s.stepSeconds > 0) || !std::isfinite(s.stepSeconds))
            continue;
        m_times.push_back(s.stepSeconds);
        if (int(m_times.size()) > window)
            m_times.pop_front();
    }
}

std::optional<double> EtaEstimator::secondsLeft(const Snapshot &s) const
{
    if (m_times.empty())
        return std::nullopt;
    std::vector<double> sorted(m_times.begin(), m_times.end());
    const size_t mid = sorted.size() / 2;
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(mid), sorted.end());
    double median = sorted[mid];
    if (sorted.size() % 2 == 0) {
        median =
            (median + *std::max_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(mid))) /
            2.0;
    }
    const int64_t left = std::max<int64_t>(0, s.epochs * s.stepsPerEpoch - s.step);
    return double(left) * median;
}

RunStatusBar::RunStatusBar(QStatusBar *bar) : QObject(bar), m_bar(bar)
{
    m_eta = new QLabel(bar);
    // The estimate changes every drain; a label whose width followed its text would relay out
    // the whole main window each time (the status bar is part of its layout). Wide enough for
    // "ETA 1:23:45" in this language, and no wider or narrower with the text.
    m_eta->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Fixed in both directions: a widget free in either asks for a layout on every change.
    m_eta->setFixedSize(
        m_eta->fontMetrics().horizontalAdvance(tr("ETA %1").arg(QStringLiteral("10:00:00"))) + 8,
        m_eta->fontMetrics().height() + 4);
    m_progress = new QProgressBar(bar);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_state = new QLabel(bar);
    // A data-parallel run's ranks: shown once one appears, at a fixed size like the ETA.
    m_ranks = new QLabel(bar);
    m_ranks->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_ranks->setFixedSize(
        m_ranks->fontMetrics().horizontalAdvance(
            tr("%1 ranks · step %2–%3 s")
                .arg(QStringLiteral("999"), QStringLiteral("00.00"), QStringLiteral("00.00"))) +
            8,
        m_ranks->fontMetrics().height() + 4);
    m_ranks->hide();
    bar->addPermanentWidget(m_ranks);
    bar->addPermanentWidget(m_eta);
    bar->addPermanentWidget(m_progress);
    bar->addPermanentWidget(m_state);
}

void RunStatusBar::clear()
{
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_eta->clear();
    m_etaSeconds = -1;
    m_estimator.clear();
    m_ranks->clear();
    m_ranks->setToolTip({});
    m_ranks->hide();
    m_bar->clearMessage(); // "Search finished" was the last run's
}

QString RunStatusBar::ranksText() const
{
    return m_ranks->text();
}

QString RunStatusBar::ranksToolTip() const
{
    return m_ranks->toolTip();
}

void RunStatusBar::showRanks(const Snapshot &s)
{
    if (s.worldSize <= 1 || s.rankStepSeconds.empty()) {
        if (!m_ranks->isHidden()) {
            m_ranks->clear();
            m_ranks->hide();
        }
        return;
    }
    const auto [lo, hi] = std::minmax_element(s.rankStepSeconds.begin(), s.rankStepSeconds.end());
    m_ranks->setText(
        tr("%1 ranks · step %2–%3 s").arg(s.worldSize).arg(*lo, 0, 'f', 2).arg(*hi, 0, 'f', 2));
    QStringList lines;
    lines << tr("Data-parallel run of %1 processes, step %2:").arg(s.worldSize).arg(s.step);
    for (size_t r = 0; r < s.rankStepSeconds.size(); ++r)
        lines << tr("rank %1: %2 s").arg(r).arg(s.rankStepSeconds[r], 0, 'f', 3);
    if (s.stepSeconds > 0)
        lines << tr("rank 0 exchanged with the others for %1 s (%2 % of the step)")
                     .arg(s.commSeconds, 0, 'f', 3)
                     .arg(100.0 * s.commSeconds / s.stepSeconds, 0, 'f', 1);
    m_ranks->setToolTip(lines.join(QLatin1Char('\n')));
    if (m_ranks->isHidden())
        m_ranks->show();
}

void RunStatusBar::showProgress(const std::vector<Snapshot> &snapshots, bool live)
{
    if (snapshots.empty())
        return;
    const Snapshot &s = snapshots.back();
    m_estimator.add(snapshots);
    m_etaSeconds = -1;
    if (live) {
        if (const auto left = m_estimator.secondsLeft(s))
            m_etaSeconds = *left;
    }
    const qint64 total = s.epochs * s.stepsPerEpoch;
    if (total > 0) {
        m_progress->setRange(0, int(std::min<qint64>(total, INT_MAX)));
        m_progress->setValue(int(std::min<qint64>(s.step, INT_MAX)));
        m_progress->setFormat(tr("epoch %1/%2").arg(s.epoch + 1).arg(s.epochs));
    }
    m_eta->setText(live ? tr("ETA %1").arg(formatDuration(m_etaSeconds)) : QString());
    showRanks(s);
}

void RunStatusBar::setState(RunState state)
{
    static const char *const names[] = {QT_TR_NOOP("idle"),    QT_TR_NOOP("running"),
                                        QT_TR_NOOP("paused"),  QT_TR_NOOP("finished"),
                                        QT_TR_NOOP("stopped"), QT_TR_NOOP("failed")};
    m_state->setText(tr(names[int(state)]));
}

void RunStatusBar::showEnded(RunState state, const QString &message, const QString &runDir)
{
    m_eta->clear();              // nothing is left to wait for
    if (state == RunState::Idle) // refused before it began
        m_bar->showMessage(tr("The search could not start: %1").arg(message));
    else if (state == RunState::Failed)
        m_bar->showMessage(tr("The search failed: %1").arg(message));
    else if (state == RunState::Finished)
        m_bar->showMessage(
            tr("Search finished; the derived cell is in %1").arg(QDir::toNativeSeparators(runDir)));
    else
        m_bar->showMessage(tr("Search stopped; resume it with Run ▸ Resume run."));
}

QString RunStatusBar::stateText() const
{
    return m_state->text();
}

QString RunStatusBar::progressText(const Snapshot &s, double etaSeconds)
{
    return tr("Epoch %1/%2 · step %3/%4 · ETA %5")
        .arg(s.epoch + 1)
        .arg(s.epochs)
        .arg(s.stepInEpoch) // steps done: 1 .. stepsPerEpoch
        .arg(s.stepsPerEpoch)
        .arg(formatDuration(etaSeconds));
}

QString RunStatusBar::formatDuration(double seconds)
{
    if (!(seconds >= 0) || seconds > 1e7)
        return QStringLiteral("–");
    const qint64 s = qint64(seconds + 0.5);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace sparsenas
