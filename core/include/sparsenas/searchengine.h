// SPDX-License-Identifier: MIT
#pragma once

// The search run loop (paper Algorithm 1): per batch, one architecture step on the validation
// split (first or second order) with the chosen SGL optimizer, then one weight step on the train
// split; lambda rises every epoch. Runs on whatever thread calls run(); reports to an observer
// and takes commands from a thread-safe queue between steps. No torch types in this header, so
// the studio's controller (read by moc) can include it.

#include "sparsenas/base/commandqueue.h"
#include "sparsenas/base/config.h"
#include "sparsenas/base/snapshot.h"

#include <memory>
#include <string>

namespace sparsenas {

class SearchEngine
{
public:
    /// A new run written to `runDir` (which must not already hold a run).
    SearchEngine(const RunConfig &config, const std::string &runDir);
    /// Continues the run in `runDir` from its latest checkpoint (a stopped or killed run).
    static std::unique_ptr<SearchEngine> resume(const std::string &runDir);
    /// A new run in `newRunDir` that starts from `checkpoint` (of any run) with `config`'s
    /// settings: the studio's "fork". The supernet shape must match.
    static std::unique_ptr<SearchEngine> fork(const std::string &checkpoint, const RunConfig &config,
                                              const std::string &newRunDir);
    ~SearchEngine();

    SearchEngine(const SearchEngine &) = delete;
    SearchEngine &operator=(const SearchEngine &) = delete;

    /// Not owned; called on the engine's thread. Set before run().
    void setObserver(SearchObserver *observer);
    /// On a non-finite loss: false (default) ends the run as Failed; true reloads the last
    /// checkpoint and pauses, so a user can change lambda / alpha and resume.
    void setPauseOnDivergence(bool pause);
    CommandQueue &commands();
    const RunConfig &config() const;
    const std::string &runDir() const;

    /// Runs until the last epoch, a Stop command, or a failure. Never throws for problems of the
    /// run itself (bad data, NaN): they end up in RunResult::message and the observer.
    RunResult run();

private:
    SearchEngine();
    struct Private;
    std::unique_ptr<Private> d;
};

/// torch::set_num_threads with `threads` (0: all cores); returns the count in force.
int configureThreads(int threads);
/// Whether LibTorch was built with CUDA and sees a device.
bool cudaAvailable();
/// "1.13.0" etc.: the LibTorch this build uses.
std::string torchVersion();
/// The BLAS LibTorch's matrix products end up in (read from the loaded libraries).
std::string blasInUse();

} // namespace sparsenas
