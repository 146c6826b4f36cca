// SPDX-License-Identifier: MIT
#pragma once

// What the searches of both spaces (SearchTask: CNN, RnnSearchTask: recurrent) share beyond
// BilevelStep: the epoch's running sums, the architecture weights' snapshots and health checks,
// the steering of the lambda schedule, and the schedule's restore from a checkpoint. Internal to
// the core.

#include "sparsenas/base/lambdaschedule.h"
#include "sparsenas/base/snapshot.h"
#include "sparsenas/task.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <optional>
#include <string>
#include <vector>

namespace sparsenas {

class CheckpointReader;
class CheckpointWriter;
class SparseGroupOptimizer;
struct BilevelStepResult;

/// Sums over the steps of one epoch so far (part of the checkpoint, so a mid-epoch resume
/// reports the same epoch means).
struct EpochSums
{
    int64_t epoch = -1;
    double trainLoss = 0, trainCorrect = 0, trainCount = 0;
    double seconds = 0;
    nlohmann::json toJson() const;
    static EpochSums fromJson(const nlohmann::json &j, int64_t epoch);
};

/// Adds a step to the epoch's sums and makes its record: the schedule in force, the losses
/// (`trainLoss`, `valLoss`: the task's measure of them) and accuracies, the penalty, `cells` and
/// their sparsity, the time of the step's parts. The caller sets stepSeconds.
Snapshot searchStepRecord(EpochSums &sums, const LambdaSchedule &schedule, double lr,
                          const SparseGroupOptimizer &archOpt, std::vector<CellSnapshot> cells,
                          const BilevelStepResult &r, double trainLoss, double valLoss);
/// The epoch's record from its sums and its validation (loss, accuracy); throws RunHealthError
/// (Diverged) for a validation loss that is not finite. completeEpochRecord adds the rest.
EpochSummary searchEpochRecord(const EpochSums &sums, const LambdaSchedule &schedule, double lr,
                               std::pair<double, double> validation);
void completeEpochRecord(EpochSummary &e, const SparseGroupOptimizer &archOpt,
                         std::vector<CellSnapshot> cells, const EpochSums &sums);

/// The optimizers, the schedule and the sums into a checkpoint (the model is the task's).
void saveSearchState(CheckpointWriter &writer, nlohmann::json &meta,
                     const torch::optim::Optimizer &weightOpt, const SparseGroupOptimizer &archOpt,
                     const LambdaSchedule &schedule, const EpochSums &sums, ArchOptimizerKind kind);
/// The optimizers back: the architecture optimizer's state when the run goes on or the
/// optimizer is the same kind (a fork to another kind starts it afresh), its learning rate from
/// the configuration (it may have been changed for the resume).
void loadSearchOptimizers(const CheckpointReader &reader, const nlohmann::json &task,
                          torch::optim::Optimizer &weightOpt, SparseGroupOptimizer &archOpt,
                          const ArchConfig &arch, bool continueRun);

/// The snapshot of architecture weights `a` (any device and type) of a cell type.
CellSnapshot archSnapshot(const torch::Tensor &a, const std::string &type, int nodes, int inputs,
                          const std::vector<std::string> &ops);

/// A diverged architecture (a non-finite |A| or one above arch.max_weight) or a cell type that
/// collapsed in the last step (each reported once: `reported` keeps track).
std::optional<RunHealthError> archHealth(const SparseGroupOptimizer &archOpt, size_t cellTypes,
                                         const std::vector<CellSnapshot> &lastCells,
                                         std::vector<bool> &reported,
                                         const LambdaSchedule &schedule, double maxWeight);

/// The end of a data-parallel weight step, as the evaluations take it: the ranks' mean losses
/// averaged and their (correct, count) summed, then, for a finite loss, the gradients of
/// `parameters` and the tensors of `alsoAveraged` (batch-norm statistics) averaged: every rank
/// takes the same step. Throws RunHealthError (Diverged) on every rank alike for a loss that
/// is not finite. Nothing for `comm` nullptr.
void reduceWeightStep(Communicator *comm, double &loss, double &correct, double &count,
                      const std::vector<torch::Tensor> &parameters,
                      std::vector<torch::Tensor> alsoAveraged = {});

/// set lambda / alpha / lambda step on the schedule; nothing for other commands.
std::optional<RunEventInfo> steerSchedule(LambdaSchedule &schedule, const Command &command);

/// The schedule and the epoch's sums from a checkpoint's task fields. `continueRun`: the run
/// goes on (resume-safe settings changed since take effect, said through `context`);
/// otherwise a fork starts the configuration's schedule from the source run's lambda.
void restoreSchedule(LambdaSchedule &schedule, EpochSums &sums, const nlohmann::json &task,
                     const nlohmann::json &meta, const ArchConfig &arch, bool continueRun,
                     TaskContext &context);

} // namespace sparsenas
