// SPDX-License-Identifier: MIT
#pragma once

// What every live view of a run accepts. The studio's main window drains the controller's
// buffer every ~40 ms and hands each view the new snapshots in order (curves keep all of them,
// heavy views only use the last), the epoch summaries, and the steering events.

#include "sparsenas/base/snapshot.h"

#include <QString>

#include <vector>

namespace sparsenas {

/// Something that happened to a run at a point in time: a lambda / alpha / lambda-step change,
/// a pause or resume, a checkpoint. Plots mark it where it happened.
struct RunEvent
{
    enum class Kind { LambdaChanged, AlphaChanged, LambdaStepChanged, Paused, Resumed,
                      Checkpoint, Other };
    Kind kind = Kind::Other;
    int64_t step = 0;       ///< search steps done when it happened
    double epochPos = 0;    ///< epoch + stepInEpoch / stepsPerEpoch (fractional epochs)
    double lambda = 0;      ///< lambda in force after the event
    double value = 0;       ///< the new value for the *Changed kinds
    QString text;           ///< short, translated label ("lambda = 0.05")
};

/// The position of a snapshot on a fractional-epoch axis.
inline double epochPosition(int64_t epoch, int64_t stepInEpoch, int64_t stepsPerEpoch)
{
    return double(epoch) + (stepsPerEpoch > 0 ? double(stepInEpoch) / double(stepsPerEpoch) : 0.0);
}
inline double epochPosition(const Snapshot &s)
{
    return epochPosition(s.epoch, s.stepInEpoch, s.stepsPerEpoch);
}

/// Implemented by the views. Snapshots may lack `cells` (a run followed from disk has the A
/// matrices only at epoch ends); views must cope with that.
class RunView
{
public:
    virtual ~RunView() = default;
    /// New snapshots, oldest first.
    virtual void addSnapshots(const std::vector<Snapshot> &snapshots) = 0;
    virtual void addEpoch(const EpochSummary &epoch) = 0;
    virtual void addEvent(const RunEvent &event) = 0;
    /// Forget everything (a new run is shown).
    virtual void clearRun() = 0;
    /// Writes the view as an image; the format follows the suffix (".png", ".pdf", ".svg" where
    /// supported). Returns false and sets *error (translated, names the file) on failure.
    virtual bool exportImage(const QString &path, QString *error) = 0;
};

} // namespace sparsenas
