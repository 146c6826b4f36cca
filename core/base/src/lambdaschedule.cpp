// SPDX-License-Identifier: MIT
#include "sparsenas/base/lambdaschedule.h"

#include "jsonnumbers.h"

#include <algorithm>

namespace sparsenas {

LambdaSchedule::LambdaSchedule(const ArchConfig &arch)
    : m_kind(arch.penalty), m_lambda(arch.lambdaStart), m_alpha(arch.alpha),
      m_step(arch.lambdaStep), m_max(arch.lambdaMax)
{
}

void LambdaSchedule::enterEpoch(int64_t epoch)
{
    if (epoch <= m_entered)
        return;
    // Epochs are entered one after the other; the first one keeps lambda_start. The sum is
    // rounded to 12 significant digits, so that a ramp of decimal steps runs on (and the run's
    // files show) 0.3, not 0.1 + 0.1 + 0.1 = 0.30000000000000004.
    if (epoch > 0)
        m_lambda = std::min(
            m_max, detail::roundToDigits(m_lambda +
                                         m_step * double(epoch - std::max<int64_t>(m_entered, 0))));
    m_entered = epoch;
}

void LambdaSchedule::setLambda(double lambda)
{
    m_lambda = std::max(0.0, lambda);
}

void LambdaSchedule::setAlpha(double alpha)
{
    m_alpha = std::clamp(alpha, 0.0, 1.0);
}

void LambdaSchedule::setLambdaStep(double step)
{
    m_step = std::max(0.0, step);
}

nlohmann::json LambdaSchedule::toJson() const
{
    return {{"lambda", m_lambda},
            {"alpha", m_alpha},
            {"lambda_step", m_step},
            {"epoch_entered", m_entered}};
}

LambdaSchedule LambdaSchedule::fromJson(const nlohmann::json &j, const ArchConfig &arch)
{
    LambdaSchedule s(arch);
    s.m_lambda = j.at("lambda").get<double>();
    s.m_alpha = j.at("alpha").get<double>();
    s.m_step = j.at("lambda_step").get<double>();
    s.m_entered = j.at("epoch_entered").get<int64_t>();
    return s;
}

} // namespace sparsenas
