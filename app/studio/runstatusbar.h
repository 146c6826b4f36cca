// SPDX-License-Identifier: MIT
#pragma once

// The run's part of the status bar: the ETA of a live run, a progress bar over all steps with
// the epoch, and the run state ("running", "paused", ...), as three permanent widgets; and the
// message when a search ends.

#include "sparsenas/base/snapshot.h"

#include <QObject>

class QLabel;
class QProgressBar;
class QStatusBar;

namespace sparsenas {

class RunStatusBar : public QObject
{
    Q_OBJECT

public:
    /// Adds its widgets to `bar`, right-aligned.
    explicit RunStatusBar(QStatusBar *bar);

    /// Empties the progress bar and the ETA (a new run is shown).
    void clear();
    /// Progress at `s`; the ETA only for a `live` run (a followed one has none worth showing).
    void showProgress(const Snapshot &s, bool live);
    void setState(RunState state);
    /// Says in the status bar how the search in `runDir` ended (Finished, Stopped or Failed,
    /// with the engine's `message`).
    void showEnded(RunState state, const QString &message, const QString &runDir);
    /// The state as shown (translated).
    QString stateText() const;
    /// "Epoch 2/10 · step 3/40 · ETA 1:05" for `s` (the steering panel shows it).
    static QString progressText(const Snapshot &s);
    /// "m:ss" or "h:mm:ss"; "–" for a negative or absurd time.
    static QString formatDuration(double seconds);

private:
    QStatusBar *m_bar = nullptr;
    QLabel *m_eta = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_state = nullptr;
};

} // namespace sparsenas
