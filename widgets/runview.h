// SPDX-License-Identifier: MIT
#pragma once

// What every live view of a run accepts. The studio's main window drains the controller's
// buffer every ~40 ms and hands each view the new snapshots in order (curves keep all of them,
// heavy views only use the last), the epoch summaries, and the steering events (RunEvent,
// runevent.h).

#include "runevent.h"

#include <QString>

#include <vector>

namespace sparsenas {

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
