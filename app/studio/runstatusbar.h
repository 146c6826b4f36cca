// SPDX-License-Identifier: MIT
#pragma once

// The run's part of the status bar: the ETA of a live run, a progress bar over all steps with
// the epoch, and the run state ("running", "paused", ...), as three permanent widgets; and the
// message when a search ends.

#include "sparsenas/base/snapshot.h"

#include <QObject>

#include <deque>
#include <optional>
#include <vector>

class QLabel;
class QProgressBar;
class QStatusBar;

namespace sparsenas {

/// The time a live run has left, steady enough to read. The engine's own ETA follows an
/// exponential average of the step times with weight 0.1, so one slow step (a checkpoint, the
/// machine busy elsewhere, a step that waited for the GUI) raises it by up to 90 % at once: it
/// read 1:04:06, 16:36, 52:12 within minutes. This estimate takes the median of the last
/// `window` step times (an outlier moves it by at most one rank) times the steps left; it
/// follows a lasting change of speed within window / 2 steps. Like the engine's, it leaves out
/// the validation at each epoch's end.
class EtaEstimator
{
public:
    static constexpr int window = 64;

    /// Forgets the step times (a new run).
    void clear();
    /// Takes the step times of `snapshots` (a step already seen is not counted twice).
    void add(const std::vector<Snapshot> &snapshots);
    /// Seconds left after `s`; nullopt before the first step time.
    std::optional<double> secondsLeft(const Snapshot &s) const;

private:
    std::deque<double> m_times;
    int64_t m_lastStep = -1;
};

class RunStatusBar : public QObject
{
    Q_OBJECT

public:
    /// Adds its widgets to `bar`, right-aligned.
    explicit RunStatusBar(QStatusBar *bar);

    /// Empties the progress bar, the ETA and the last run's message (a new run is shown).
    void clear();
    /// Progress at the last of `snapshots` (a drain's, oldest first); the ETA (EtaEstimator)
    /// only for a `live` run (a followed one has none worth showing).
    void showProgress(const std::vector<Snapshot> &snapshots, bool live);
    /// The ETA shown, in seconds; negative when none.
    double etaSeconds() const { return m_etaSeconds; }
    /// A data-parallel run's processes and their step times ("2 ranks · step 0.23–0.25 s", each
    /// rank's in the tooltip); empty, and the label hidden, for one process.
    QString ranksText() const;
    QString ranksToolTip() const;
    void setState(RunState state);
    /// Says in the status bar how the search in `runDir` ended (Finished, Stopped or Failed,
    /// with the engine's `message`).
    void showEnded(RunState state, const QString &message, const QString &runDir);
    /// The state as shown (translated).
    QString stateText() const;
    /// "Epoch 2/10 · step 3/40 · ETA 1:05" for `s` and `etaSeconds` left (the steering panel
    /// shows it).
    static QString progressText(const Snapshot &s, double etaSeconds);
    /// "m:ss" or "h:mm:ss"; "–" for a negative or absurd time.
    static QString formatDuration(double seconds);

private:
    QStatusBar *m_bar = nullptr;
    QLabel *m_eta = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_ranks = nullptr;
    void showRanks(const Snapshot &s);
    EtaEstimator m_estimator;
    double m_etaSeconds = -1;
};

} // namespace sparsenas
