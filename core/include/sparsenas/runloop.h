// SPDX-License-Identifier: MIT
#pragma once

// The loop every run shares (see task.h): epochs of steps of a Task, with the run directory,
// commands, observer, checkpoints, health handling and finishing around them.

#include "sparsenas/base/config.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/task.h"

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <string>

namespace sparsenas {

/// Renders DOT text into a diagram file (format "svg", "pdf" or "png"). The CLI renders on the
/// engine's own thread; the studio hands in its Graphviz thread (Graphviz is not thread-safe).
/// Without one, the loop renders with Graphviz on its own thread.
using DiagramRenderer = std::function<void(const std::string &dot, const std::string &format,
                                           const std::string &path, double dpi)>;

/// Divergence caught before it is saved: a training loss far above where the run started or
/// where it has been lately. The loop watches every task's steps with it
/// (search.divergence_factor; docs/method.md, "Run health").
class LossWatch
{
public:
    /// True if `loss` is more than `factor` times reference(); never for `factor` <= 0 or
    /// before a first loss was added.
    bool explodes(double loss, double factor) const;
    /// What a loss is held against: the first loss added (the network as it started) or, once
    /// there are 10, the median of the last 50 if that is lower; at least 1 (late in a run the
    /// loss may be 0.01, and a batch at 2 is no divergence). The first loss catches a loss that
    /// climbs within a few steps, which would soon be its own recent median.
    double reference() const;
    /// True if reference() is the first loss (or 1), not the recent median.
    bool againstFirstLoss() const;
    double firstLoss() const { return m_first; }
    /// Keeps the first and the last 50.
    void add(double loss);
    void clear()
    {
        m_recent.clear();
        m_first = 0;
    }

private:
    double recentMedian() const;
    std::deque<double> m_recent;
    double m_first = 0;
};

class RunLoop : private TaskContext
{
public:
    /// How the run began: a new run, the same run continued, or a new run from another's
    /// checkpoint.
    enum class Start { Fresh, Resume, Fork };

    RunLoop(std::unique_ptr<Task> task, RunDirectory dir, RunConfig config, Start start,
            std::string checkpoint = {});
    ~RunLoop() override;

    void setObserver(RunObserver *observer) { m_observer = observer; }
    /// Diverged or collapsed: false (batch runs) ends the run as Failed; true (the studio) rolls
    /// a diverged run back to its last checkpoint and pauses, and pauses a collapsed one.
    void setPauseOnTrouble(bool pause) { m_pauseOnTrouble = pause; }
    void setDiagramRenderer(DiagramRenderer renderer) { m_renderer = std::move(renderer); }
    /// Delete the run directory if the run cannot start (it was created for this run).
    void setOwnsDirectory(bool owns) { m_ownsDir = owns; }
    /// A data-parallel run (docs/distributed.md): every rank runs a RunLoop over the same run
    /// directory, rank 0's writable, the others' not. Rank 0 takes the commands (its queue and
    /// the directory's posted ones) and hands them to all ranks before each step; the ranks
    /// compare their task's state each epoch.
    void setCommunicator(std::shared_ptr<Communicator> comm) { m_comm = std::move(comm); }
    /// The checkpoint the run starts from (resume, fork); empty for a fresh run.
    const std::string &startCheckpoint() const { return m_checkpoint; }
    CommandQueue &commands() { return m_commands; }
    const RunConfig &config() const { return m_config; }
    const RunDirectory &directory() const { return m_dir; }

    /// Runs to the end, a stop or a failure; never throws for problems of the run itself.
    RunResult run();

private:
    // TaskContext
    void message(MessageLevel level, const std::string &text) override;
    const RunDirectory &runDirectory() const override { return m_dir; }
    Communicator *communicator() const override { return m_comm.get(); }

    RunResult startFailed(const std::string &why);
    void runEpochs();
    /// Applies queued commands, blocking while paused. False once a stop (or a rollback, which
    /// restarts the epoch loop) was asked for.
    bool handleCommands();
    /// The commands to apply now, the same on every rank: rank 0's (its queue and the posted
    /// ones), handed to the others. `wait`: paused, wait a little for one.
    std::deque<Command> nextCommands(bool wait);
    /// Posted commands (RunDirectory::takePostedCommands) into the queue, twice a second at most.
    void takePostedCommands();
    /// Throws RunError if the ranks' task states differ (after an epoch).
    void checkRanksAgree();
    void apply(const Command &command);
    /// A diverged or collapsed run: true to go on (paused, maybe rolled back), false to fail.
    bool recover(const RunHealthError &trouble, std::string *why);
    void report(Snapshot s);
    void report(EpochSummary e);
    void event(RunEventKind kind, double value);
    void setState(RunState state, const std::string &text = {});
    void saveCheckpoint();
    void loadCheckpoint(const std::string &path, bool continueRun);
    /// Throws RunHealthError for a step whose training loss exploded (LossWatch).
    void watchLoss(double trainLoss);
    /// What a failed run keeps and how to go on, after a divergence (`checkpoint`: the newest,
    /// empty if none).
    std::string whatWasKept(const std::string &checkpoint) const;
    void rollBack();
    RunResult finish(RunState state, const std::string &text, bool writeOutputs);
    /// genotype.svg / .pdf / .png, through the renderer (or Graphviz on this thread).
    void renderDiagrams(const Genotype &genotype);

    std::unique_ptr<Task> m_task;
    RunDirectory m_dir;
    RunConfig m_config;
    Start m_start;
    std::string m_checkpoint; ///< to start from (resume, fork)
    RunObserver *m_observer = nullptr;
    CommandQueue m_commands;
    DiagramRenderer m_renderer;
    bool m_pauseOnTrouble = false;
    bool m_ownsDir = false;
    bool m_stop = false;
    bool m_restart = false; ///< rolled back by a command: the epoch loop starts over
    RunState m_state = RunState::Idle;
    RunPosition m_at;
    int64_t m_checkpointStep = -1; ///< global step of the newest checkpoint written
    RunPosition m_checkpointAt;    ///< where that checkpoint resumes
    LossWatch m_lossWatch;
    bool m_changedSinceCheckpoint = true;
    double m_smoothedStepSeconds = 0;
    std::shared_ptr<Communicator> m_comm;
    std::chrono::steady_clock::time_point m_lastPostPoll;
};

} // namespace sparsenas
