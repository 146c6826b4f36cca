// SPDX-License-Identifier: MIT
#include "searchcommon.h"

#include "sparsenas/distributed.h"

#include "sparsenas/base/sparsity.h"
#include "sparsenas/bilevelstep.h"
#include "sparsenas/checkpoint.h"
#include "sparsenas/optimizers.h"

#include <cmath>
#include <sstream>

namespace sparsenas {

using nlohmann::json;

json EpochSums::toJson() const
{
    return {{"epoch", epoch},
            {"train_loss", trainLoss},
            {"train_correct", trainCorrect},
            {"train_count", trainCount},
            {"seconds", seconds}};
}

EpochSums EpochSums::fromJson(const json &j, int64_t epoch)
{
    EpochSums s;
    s.epoch = j.value("epoch", epoch);
    s.trainLoss = j.value("train_loss", 0.0);
    s.trainCorrect = j.value("train_correct", 0.0);
    s.trainCount = j.value("train_count", 0.0);
    s.seconds = j.value("seconds", 0.0);
    return s;
}

Snapshot searchStepRecord(EpochSums &sums, const LambdaSchedule &schedule, double lr,
                          const SparseGroupOptimizer &archOpt, std::vector<CellSnapshot> cells,
                          const BilevelStepResult &r, double trainLoss, double valLoss)
{
    sums.trainLoss += trainLoss * r.train.count;
    sums.trainCorrect += r.train.correct;
    sums.trainCount += r.train.count;

    Snapshot s;
    s.lambda = schedule.lambda();
    s.alpha = schedule.alpha();
    s.lambdaStep = schedule.lambdaStep();
    s.weightLr = lr;
    s.trainLoss = trainLoss;
    s.trainAcc = r.train.count ? r.train.correct / r.train.count : 0;
    s.valLoss = valLoss;
    s.valAcc = r.val.count ? r.val.correct / r.val.count : 0;
    s.penalty = archOpt.penaltyValue();
    s.cells = std::move(cells);
    const auto totals = sparsityTotals(s.cells);
    s.elementSparsity = totals.elementSparsity;
    s.groupSparsity = totals.groupSparsity;
    s.archSeconds = r.archSeconds;
    s.weightSeconds = r.weightSeconds;
    s.commSeconds = r.commSeconds;
    return s;
}

EpochSummary searchEpochRecord(const EpochSums &sums, const LambdaSchedule &schedule, double lr,
                               std::pair<double, double> validation)
{
    EpochSummary e;
    e.lambda = schedule.lambda();
    e.alpha = schedule.alpha();
    e.weightLr = lr;
    e.trainLoss = sums.trainCount ? sums.trainLoss / sums.trainCount : 0;
    e.trainAcc = sums.trainCount ? sums.trainCorrect / sums.trainCount : 0;
    std::tie(e.valLoss, e.valAcc) = validation;
    if (!std::isfinite(e.valLoss))
        throw RunHealthError(RunHealthError::Kind::Diverged,
                             "the validation loss became NaN or infinite", e.valLoss);
    return e;
}

void completeEpochRecord(EpochSummary &e, const SparseGroupOptimizer &archOpt,
                         std::vector<CellSnapshot> cells, const EpochSums &sums)
{
    e.penalty = archOpt.penaltyValue();
    e.cells = std::move(cells);
    const auto totals = sparsityTotals(e.cells);
    e.elementSparsity = totals.elementSparsity;
    e.groupSparsity = totals.groupSparsity;
    e.seconds = sums.seconds;
}

void saveSearchState(CheckpointWriter &writer, json &meta, const torch::optim::Optimizer &weightOpt,
                     const SparseGroupOptimizer &archOpt, const LambdaSchedule &schedule,
                     const EpochSums &sums, ArchOptimizerKind kind)
{
    writer.put("weight_optimizer", weightOpt);
    writer.put("arch_optimizer", archOpt);
    meta["schedule"] = schedule.toJson();
    meta["sums"] = sums.toJson();
    meta["arch_optimizer"] = nameOf(kind);
}

void loadSearchOptimizers(const CheckpointReader &reader, const json &task,
                          torch::optim::Optimizer &weightOpt, SparseGroupOptimizer &archOpt,
                          const ArchConfig &arch, bool continueRun)
{
    const bool sameArchOpt = task.value("arch_optimizer", std::string()) == nameOf(arch.optimizer);
    if (continueRun || sameArchOpt)
        reader.get("arch_optimizer", archOpt);
    reader.get("weight_optimizer", weightOpt);
    if (continueRun) {
        for (auto &group : archOpt.param_groups())
            group.options().set_lr(arch.lr);
    }
}

CellSnapshot archSnapshot(const torch::Tensor &a, const std::string &type, int nodes, int inputs,
                          const std::vector<std::string> &ops)
{
    const auto cpu = a.detach().to(torch::kCPU, torch::kFloat).contiguous();
    CellWeights w;
    w.type = type;
    w.nodes = nodes;
    w.inputs = inputs;
    w.ops = ops;
    w.weights.assign(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
    return summarizeCell(std::move(w));
}

std::optional<RunHealthError> archHealth(const SparseGroupOptimizer &archOpt, size_t cellTypes,
                                         const std::vector<CellSnapshot> &lastCells,
                                         std::vector<bool> &reported,
                                         const LambdaSchedule &schedule, double maxWeight)
{
    for (size_t k = 0; k < cellTypes; ++k) {
        const auto maxAbs = archOpt.sparseIterate(k).abs().max().item<double>();
        if (!std::isfinite(maxAbs) || maxAbs > maxWeight) {
            std::ostringstream ss;
            ss << "the architecture weights of the " << lastCells[k].weights.type
               << " cell exploded (largest |A| " << maxAbs << ", arch.max_weight " << maxWeight
               << ")";
            return RunHealthError(RunHealthError::Kind::Diverged, ss.str(), maxAbs);
        }
    }
    // Every cell type that collapsed in this step, in one report (both at once is common when
    // lambda is set far too high); each is reported once.
    const auto totals = sparsityTotals(lastCells);
    std::vector<size_t> fresh;
    for (const size_t k : totals.collapsed) {
        if (!reported[k]) {
            reported[k] = true;
            fresh.push_back(k);
        }
    }
    if (fresh.empty())
        return std::nullopt;
    std::ostringstream ss;
    ss << "the ";
    for (size_t i = 0; i < fresh.size(); ++i)
        ss << (i == 0 ? "" : " and ") << lastCells[fresh[i]].weights.type;
    ss << (fresh.size() == 1 ? " cell" : " cells")
       << " collapsed: every architecture weight is exactly zero (lambda " << schedule.lambda()
       << ", alpha " << schedule.alpha()
       << "), so it can never come back and the network no longer depends on its input";
    // The event's value: the cell type's index, or -1 when every cell type collapsed at once.
    const double which = fresh.size() == 1                  ? double(fresh.front())
                         : fresh.size() == lastCells.size() ? -1.0
                                                            : double(fresh.front());
    return RunHealthError(RunHealthError::Kind::Collapsed, ss.str(), which);
}

void reduceWeightStep(Communicator *comm, double &loss, double &correct, double &count,
                      const std::vector<torch::Tensor> &parameters,
                      std::vector<torch::Tensor> alsoAveraged)
{
    if (!comm)
        return;
    std::vector<double> sums{loss, correct, count};
    comm->sum(sums);
    loss = sums[0] / comm->worldSize();
    correct = sums[1];
    count = sums[2];
    if (!std::isfinite(loss))
        throw RunHealthError(RunHealthError::Kind::Diverged,
                             "the training loss became NaN or infinite", loss);
    std::vector<torch::Tensor> shared;
    for (const auto &w : parameters) {
        if (w.grad().defined())
            shared.push_back(w.grad());
    }
    shared.insert(shared.end(), alsoAveraged.begin(), alsoAveraged.end());
    comm->average(shared);
}

std::optional<RunEventInfo> steerSchedule(LambdaSchedule &s, const Command &c)
{
    RunEventInfo e;
    switch (c.type) {
    case Command::Type::SetLambda:
        s.setLambda(c.value);
        e.kind = RunEventKind::Lambda;
        e.value = s.lambda();
        break;
    case Command::Type::SetAlpha:
        s.setAlpha(c.value);
        e.kind = RunEventKind::Alpha;
        e.value = s.alpha();
        break;
    case Command::Type::SetLambdaStep:
        s.setLambdaStep(c.value);
        e.kind = RunEventKind::LambdaStep;
        e.value = s.lambdaStep();
        break;
    default:
        return std::nullopt;
    }
    return e;
}

namespace {

void applyScheduleOverrides(LambdaSchedule &schedule, const ArchConfig &arch, const json &old,
                            TaskContext &context)
{
    // Resume-safe settings (config.h: resumeSafeFields) that the user changed for the resume
    // take effect now; the schedule otherwise continues where the checkpoint left it.
    const auto a = old.value("arch", json::object());
    auto changed = [&](const char *key, double now) {
        return a.contains(key) && a[key].is_number() && a[key].get<double>() != now;
    };
    if (changed("lambda_start", arch.lambdaStart)) {
        schedule.setLambda(arch.lambdaStart);
        context.message(MessageLevel::Info,
                        "lambda set to arch.lambda_start = " + std::to_string(arch.lambdaStart));
    }
    if (changed("lambda_step", arch.lambdaStep)) {
        schedule.setLambdaStep(arch.lambdaStep);
        context.message(MessageLevel::Info,
                        "lambda step set to " + std::to_string(arch.lambdaStep));
    }
    if (changed("alpha", arch.alpha)) {
        schedule.setAlpha(arch.alpha);
        context.message(MessageLevel::Info, "alpha set to " + std::to_string(arch.alpha));
    }
    // The cap comes from the run's configuration (LambdaSchedule::fromJson); a lower cap
    // applies at once.
    if (changed("lambda_max", arch.lambdaMax))
        schedule.setLambda(std::min(schedule.lambda(), arch.lambdaMax));
}

} // namespace

void restoreSchedule(LambdaSchedule &schedule, EpochSums &sums, const json &task, const json &meta,
                     const ArchConfig &arch, bool continueRun, TaskContext &context)
{
    const int64_t epoch = meta.value("epoch", int64_t(0));
    if (continueRun) {
        if (task.contains("schedule")) {
            schedule = LambdaSchedule::fromJson(task["schedule"], arch);
        } else {
            // Version 1: lambda, alpha and the step at the top; the raise of `epoch` was
            // applied only if the checkpoint was taken inside it.
            json s{
                {"lambda", task.at("lambda")},
                {"alpha", task.at("alpha")},
                {"lambda_step", task.at("lambda_step")},
                {"epoch_entered", meta.value("step_in_epoch", int64_t(0)) > 0 ? epoch : epoch - 1}};
            schedule = LambdaSchedule::fromJson(s, arch);
        }
        // Sums without their epoch (version 1) belong to the epoch the checkpoint was taken in,
        // or to the one before when it was taken at an epoch boundary.
        sums = EpochSums::fromJson(task.value("sums", json::object()),
                                   meta.value("step_in_epoch", int64_t(0)) > 0 ? epoch : epoch - 1);
        applyScheduleOverrides(schedule, arch, meta.value("config", json::object()), context);
    } else {
        // A fork keeps the weights and A, and starts its own schedule from the new config;
        // lambda continues from where the source run was unless the config says more.
        const double lambda = task.contains("schedule") ? task["schedule"].value("lambda", 0.0)
                                                        : task.value("lambda", 0.0);
        schedule = LambdaSchedule(arch);
        schedule.setLambda(std::max(arch.lambdaStart, lambda));
    }
}

} // namespace sparsenas
