// SPDX-License-Identifier: MIT
#pragma once

// The penalty schedule of a search (paper Algorithm 1, docs/method.md "Lambda schedule"):
// lambda starts at arch.lambda_start and grows by the lambda step at the start of every epoch
// after the first, capped at arch.lambda_max; alpha and the penalty kind are set once and may be
// changed live. This is the one owner of lambda and alpha: the engine reads them from here, the
// steering commands change them here, the checkpoint stores them once (here), and the
// architecture optimizer is handed the values in force before each step.

#include "sparsenas/base/config.h"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace sparsenas {

class LambdaSchedule
{
public:
    LambdaSchedule() = default;
    explicit LambdaSchedule(const ArchConfig &arch);

    double lambda() const { return m_lambda; }
    double alpha() const { return m_alpha; }
    double lambdaStep() const { return m_step; }
    double lambdaMax() const { return m_max; }
    PenaltyKind penalty() const { return m_kind; }

    /// Enters epoch `epoch` (0-based): for every epoch after the first, lambda grows by the step
    /// (capped). Idempotent: entering the same epoch again (a run resumed exactly at an epoch
    /// boundary, after a stop that came there) changes nothing.
    void enterEpoch(int64_t epoch);
    /// The epoch whose raise was applied last (-1 before the first epoch).
    int64_t epochEntered() const { return m_entered; }

    /// Live changes (steering). Lambda and the step are clamped at 0, alpha to [0, 1].
    void setLambda(double lambda);
    void setAlpha(double alpha);
    void setLambdaStep(double step);

    /// The schedule's state, for the checkpoint.
    nlohmann::json toJson() const;
    /// Restores a state written by toJson. `arch` gives the penalty kind and the cap (they come
    /// from the run's configuration, which the checkpoint's own copy must match).
    static LambdaSchedule fromJson(const nlohmann::json &j, const ArchConfig &arch);

private:
    PenaltyKind m_kind = PenaltyKind::SparseGroupLasso;
    double m_lambda = 0.0;
    double m_alpha = 0.5;
    double m_step = 0.01;
    double m_max = 1.0;
    int64_t m_entered = -1;
};

} // namespace sparsenas
