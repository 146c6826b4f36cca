// SPDX-License-Identifier: MIT
#pragma once

// The architecture search as one object: the shared RunLoop driving a SearchTask (paper
// Algorithm 1). Runs on whatever thread calls run(); reports to an observer and takes commands
// from a thread-safe queue between steps. No torch types in this header, so the studio's
// controller (read by moc) can include it.

#include "sparsenas/base/commandqueue.h"
#include "sparsenas/base/config.h"
#include "sparsenas/base/runlock.h"
#include "sparsenas/base/snapshot.h"
#include "sparsenas/runloop.h"
#include "sparsenas/systeminfo.h"

#include <memory>
#include <optional>
#include <string>

namespace sparsenas {

/// A run whose end is on record: status.json says "finished" after `epochs` epochs (`step`
/// steps), and the checkpoint that latest.json names is intact (its checksums verified) and
/// was taken at that very point.
struct FinishedRun
{
    int64_t epochs = 0;
    int64_t step = 0;
    std::string checkpoint;
};
/// The run in `runDir` if it provably finished; std::nullopt otherwise, and whenever any of it
/// cannot be read: a damaged last checkpoint no longer proves the end (resume falls back to the
/// one before and trains the rest again). Reads only: takes no lock and writes nothing.
std::optional<FinishedRun> finishedRun(const std::string &runDir);

class SearchEngine
{
public:
    /// A new run written to `runDir` (which must not already hold a run).
    SearchEngine(const RunConfig &config, const std::string &runDir);
    /// Continues the run in `runDir` from its latest checkpoint (a stopped, failed or killed
    /// run). A run that never reached its first checkpoint starts again from the beginning.
    static std::unique_ptr<SearchEngine> resume(const std::string &runDir);
    /// A new run in `newRunDir` that starts from `checkpoint` (of any run) with `config`'s
    /// settings: the studio's "fork". The supernet shape must match.
    static std::unique_ptr<SearchEngine>
    fork(const std::string &checkpoint, const RunConfig &config, const std::string &newRunDir);
    /// A data-parallel run's rank other than 0 (docs/distributed.md): the run that rank 0
    /// created or resumes in `runDir`, which this rank reads but never writes (no lock either).
    /// `checkpoint`: the one rank 0 continues from; empty for a fresh start.
    static std::unique_ptr<SearchEngine> follow(const RunConfig &config, const std::string &runDir,
                                                const std::string &checkpoint);
    ~SearchEngine();

    SearchEngine(const SearchEngine &) = delete;
    SearchEngine &operator=(const SearchEngine &) = delete;

    /// Not owned; called on the engine's thread. Set before run().
    void setObserver(SearchObserver *observer);
    /// On a diverged or collapsed search: false (default) ends the run as Failed; true rolls a
    /// diverged run back to its last checkpoint and pauses, and pauses a collapsed one, so a
    /// user can change lambda / alpha (or roll back) and resume.
    void setPauseOnDivergence(bool pause);
    /// Where the cell diagrams are drawn at the end (default: Graphviz on the engine's thread).
    void setDiagramRenderer(DiagramRenderer renderer);
    /// Every rank's engine of a data-parallel run takes the job's communicator before run().
    void setCommunicator(std::shared_ptr<Communicator> comm);
    CommandQueue &commands();
    const RunConfig &config() const;
    const std::string &runDir() const;
    /// The checkpoint the run starts from (resume, fork); empty for a fresh start.
    const std::string &startCheckpoint() const;

    /// Runs until the last epoch, a Stop command, or a failure. Never throws for problems of the
    /// run itself (bad data, NaN): they end up in RunResult::message and the observer.
    RunResult run();

private:
    SearchEngine(RunLock lock, std::unique_ptr<RunLoop> loop);
    RunLock m_lock; ///< one writer per run directory; outlives the loop, released after run()
    std::unique_ptr<RunLoop> m_loop;
};

} // namespace sparsenas
