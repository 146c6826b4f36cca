// SPDX-License-Identifier: MIT
#pragma once

// Plain structs the engine reports to its observers (no torch, no Qt): the studio's controller
// turns them into Qt signals, the CLI prints them.

#include "sparsenas/base/genotype.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sparsenas {

/// One cell type at one moment: its architecture weights (the sparse iterate) and what is alive.
struct CellSnapshot
{
    CellWeights weights;         ///< type, nodes, ops, A (exact zeros where pruned)
    std::vector<int> aliveNodes; ///< intermediate nodes that survive derivation
    int alivePaths = 0;          ///< surviving (edge, op) pairs after derivation
    int nonZeroWeights = 0;      ///< non-zero A entries, "none" column excluded
    int totalWeights = 0;        ///< A entries, "none" column excluded
    int zeroGroups = 0;          ///< nodes whose whole group of incoming weights is zero
    /// Frozen entries (search.freeze_zero_epochs), as indices edge * ops + op into the
    /// weights, ascending; empty when nothing is frozen.
    std::vector<int> frozen;
};

struct Snapshot
{
    int64_t step = 0;  ///< search steps done, over the whole run
    int64_t epoch = 0; ///< current epoch, 0-based
    int64_t epochs = 0;
    int64_t stepInEpoch = 0; ///< steps done in this epoch
    int64_t stepsPerEpoch = 0;
    double lambda = 0, alpha = 0, lambdaStep = 0;
    double weightLr = 0;
    double trainLoss = 0, trainAcc = 0; ///< this step's weight batch
    double valLoss = 0, valAcc = 0;     ///< this step's architecture batch
    double penalty = 0;                 ///< Omega(A) at the sparse iterate
    double elementSparsity = 0;         ///< fraction of A entries that are exactly zero
    double groupSparsity = 0;           ///< fraction of groups that are entirely zero
    double stepSeconds = 0, archSeconds = 0, weightSeconds = 0;
    double etaSeconds = 0;
    /// A data-parallel run (docs/distributed.md): its processes, each one's time for this step
    /// (rank order; the step's time is the slowest) and the time rank 0 spent in all-reduce.
    /// One process: 1, empty, 0, and the step line has none of these fields.
    int64_t worldSize = 1;
    std::vector<double> rankStepSeconds;
    double commSeconds = 0;
    std::vector<CellSnapshot> cells;
};

/// End of an epoch: means over the epoch, and the full validation of the supernet.
struct EpochSummary
{
    int64_t epoch = 0;
    int64_t step = 0;
    double lambda = 0, alpha = 0, weightLr = 0;
    double trainLoss = 0, trainAcc = 0;
    double valLoss = 0, valAcc = 0; ///< whole validation split, eval mode
    double penalty = 0, elementSparsity = 0, groupSparsity = 0;
    double seconds = 0;
    std::vector<CellSnapshot> cells;
};

/// What happened to a run at an event. The names are the "what" field of metrics.jsonl's event
/// lines (one table: toString / runEventKindFromString).
enum class RunEventKind {
    Lambda,     ///< lambda set (steering); value = the new lambda
    Alpha,      ///< alpha set (steering); value = the new alpha
    LambdaStep, ///< the lambda step set (steering); value = the new step
    Pause,
    Resume,
    Checkpoint, ///< a checkpoint was written; value = its step
    Truncated,  ///< the run was cut back to a checkpoint (resume, rollback); value = its step
    Collapse,   ///< a cell type lost every architecture weight; value = the cell type's index
    Diverged,   ///< the loss, a gradient or A diverged; value = the offending value
    Other       ///< an event name this version does not know (a newer writer)
};
std::string toString(RunEventKind kind);
/// Other for an unknown name.
RunEventKind runEventKindFromString(const std::string &name);

/// A change made to a live run (the engine's commands) or a pause / resume / checkpoint, at the
/// point in the run where it took effect. metrics.jsonl records it as a {"type":"event"} line.
struct RunEventInfo
{
    RunEventKind kind = RunEventKind::Other;
    double value = 0; ///< the new value (lambda, alpha, lambda_step), else see kind
    int64_t step = 0, epoch = 0, stepInEpoch = 0, stepsPerEpoch = 0;
    double lambda = 0; ///< lambda in force after the event
};

enum class MessageLevel { Info, Warning, Error };
std::string toString(MessageLevel level);

enum class RunState { Idle, Running, Paused, Finished, Stopped, Failed };
std::string toString(RunState state);

/// How a run ended.
struct RunResult
{
    RunState state = RunState::Idle; ///< Finished, Stopped or Failed
    std::string message;
    int64_t epochsDone = 0;
    int64_t step = 0;
    double finalValAcc = 0;
    Genotype genotype;
    /// False when the run was refused before it began (its directory busy with another writer,
    /// a missing checkpoint to fork from): nothing of the run directory was changed.
    bool started = true;
};

/// Receives the engine's reports, on the engine's thread. Keep the handlers short: copy what is
/// needed and return (the studio buffers and coalesces).
class RunObserver
{
public:
    virtual ~RunObserver() = default;
    virtual void onSnapshot(const Snapshot &) {}
    virtual void onEpoch(const EpochSummary &) {}
    virtual void onMessage(MessageLevel, const std::string &) {}
    virtual void onStateChanged(RunState) {}
    virtual void onCheckpoint(const std::string & /*path*/) {}
    virtual void onEvent(const RunEventInfo &) {}
    virtual void onFinished(const RunResult &) {}
};
/// The observer of a search run (the name the studio and the CLI know it by).
using SearchObserver = RunObserver;

} // namespace sparsenas
