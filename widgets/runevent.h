// SPDX-License-Identifier: MIT
#pragma once

// A steering event as the views show it, and the fractional-epoch axis the plots share. The
// studio's ViewHub converts the engine's RunEventInfo (sparsenas/base/snapshot.h) into RunEvent.

#include "sparsenas/base/snapshot.h"

#include <QString>

#include <cstdint>

namespace sparsenas {

/// Something that happened to a run at a point in time: a lambda / alpha / lambda-step change,
/// a pause or resume, a checkpoint. Plots mark it where it happened.
struct RunEvent
{
    enum class Kind {
        LambdaChanged,
        AlphaChanged,
        LambdaStepChanged,
        Paused,
        Resumed,
        Checkpoint,
        Other
    };
    Kind kind = Kind::Other;
    int64_t step = 0;    ///< search steps done when it happened
    double epochPos = 0; ///< epoch + stepInEpoch / stepsPerEpoch (fractional epochs)
    double lambda = 0;   ///< lambda in force after the event
    double value = 0;    ///< the new value for the *Changed kinds
    QString text;        ///< short, translated label ("lambda = 0.05")
};

/// The position of a snapshot or an event on a fractional-epoch axis.
inline double epochPosition(int64_t epoch, int64_t stepInEpoch, int64_t stepsPerEpoch)
{
    return double(epoch) + (stepsPerEpoch > 0 ? double(stepInEpoch) / double(stepsPerEpoch) : 0.0);
}
inline double epochPosition(const Snapshot &s)
{
    return epochPosition(s.epoch, s.stepInEpoch, s.stepsPerEpoch);
}

} // namespace sparsenas
