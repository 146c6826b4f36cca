// SPDX-License-Identifier: MIT
#pragma once

// Runs are tasks over models. Every kind of run (an architecture search now; the stand-alone
// training of a derived network, the MLP ablation, a sweep point, a data-parallel rank next) is
// a Task that the one RunLoop drives. The loop owns the plumbing they all share: the run
// directory and its format, the position in the run (epoch, step), the command queue (pause,
// resume, stop, checkpoint, rollback), the observer, the checkpoint cadence and file, the
// handling of a diverged or collapsed run, and the finishing. A task owns what is its own: its
// data, its model and optimizers, what one step does, what an epoch reports, its steering
// (lambda, alpha) and what it leaves behind (the genotype). docs/architecture.md says why.

#include "sparsenas/base/commandqueue.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/base/snapshot.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>

namespace sparsenas {

class CheckpointReader;
class CheckpointWriter;
class Communicator;

/// A run that must not go on as it is: its loss, a gradient or A diverged (the state is
/// unusable: the loop rolls back or fails), or a cell type collapsed (the state is valid but
/// the search has lost that cell for good: the loop pauses or stops, by the run's policy).
class RunHealthError : public std::runtime_error
{
public:
    enum class Kind { Diverged, Collapsed };
    RunHealthError(Kind kind, const std::string &what, double value = 0)
        : std::runtime_error(what), m_kind(kind), m_value(value)
    {
    }
    Kind kind() const { return m_kind; }
    double value() const { return m_value; } ///< the offending value, or the cell type's index

private:
    Kind m_kind;
    double m_value;
};

/// Where a run is.
struct RunPosition
{
    int64_t epoch = 0;       ///< 0-based
    int64_t stepInEpoch = 0; ///< steps done in this epoch
    int64_t globalStep = 0;  ///< steps done in the whole run
};

/// What the loop offers a task while it sets up and runs.
class TaskContext
{
public:
    virtual ~TaskContext() = default;
    virtual void message(MessageLevel level, const std::string &text) = 0;
    virtual const RunDirectory &runDirectory() const = 0;
    /// A data-parallel run's exchange with the other ranks (docs/distributed.md); nullptr for
    /// one process. A task then computes its rank's shards and averages what its steps use.
    virtual Communicator *communicator() const = 0;
};

class Task
{
public:
    virtual ~Task() = default;

    /// Loads the data, builds the model and its optimizers. Throws (naming the problem) for
    /// anything that stops the run from starting.
    virtual void setUp(TaskContext &context) = 0;
    virtual int64_t epochs() const = 0;
    virtual int64_t stepsPerEpoch() const = 0;

    /// Before the steps of `epoch` (also when a resumed run continues inside it). Must be
    /// idempotent: a run resumed at an epoch boundary enters the same epoch again.
    virtual void enterEpoch(int64_t epoch) = 0;
    /// One training step at `at` (the step about to be done). Returns its record; the loop fills
    /// in the position fields and the ETA. Throws RunHealthError for a diverged state.
    virtual Snapshot step(const RunPosition &at) = 0;
    /// After the step's record was written: a collapse (or other lasting trouble) to act on.
    virtual std::optional<RunHealthError> checkHealth() = 0;
    /// The epoch's summary (full validation). The loop fills in epoch and step.
    virtual EpochSummary finishEpoch(const RunPosition &at) = 0;

    /// A steering command (set lambda / alpha / lambda step): applies it and returns the event
    /// to record, or nothing if the task has no such setting.
    virtual std::optional<RunEventInfo> steer(const Command &command) = 0;
    /// Task fields of an event line (the lambda in force).
    virtual void describe(RunEventInfo &event) const = 0;

    /// Writes the model and optimizers into `writer`, and the task's own state into `meta`.
    virtual void save(CheckpointWriter &writer, nlohmann::json &meta) const = 0;
    /// Restores them. `continueRun`: the same run goes on (resume, rollback); otherwise a new
    /// run starts from the checkpoint's weights with its own settings (fork).
    virtual void load(const CheckpointReader &reader, bool continueRun) = 0;

    /// The run ended (finished, or stopped with a valid state): derives and writes what the
    /// task leaves behind into the run directory, and fills the result.
    virtual void finish(RunResult &result) = 0;

    /// A cheap fingerprint of the state every rank of a data-parallel run must hold alike (the
    /// architecture weights, a network's weights), compared across the ranks each epoch.
    virtual uint64_t stateChecksum() const = 0;
};

} // namespace sparsenas
