// SPDX-License-Identifier: MIT
#include "sparsenas/searchengine.h"

#include "sparsenas/checkpoint.h"
#include "sparsenas/evaltask.h"

#include <algorithm>

#include <filesystem>

namespace sparsenas {

namespace {

std::unique_ptr<RunLoop> newRun(const RunConfig &config, const std::string &runDir,
                                RunLoop::Start start, RunLock &lock,
                                const std::string &checkpoint = {})
{
    RunDirectory dir(runDir);
    const bool created = !std::filesystem::exists(runDir);
    std::error_code ec;
    std::filesystem::create_directories(runDir, ec);
    if (ec)
        throw RunError("cannot create the run directory '" + runDir + "': " + ec.message());
    lock = RunLock::acquire(runDir,
                            start == RunLoop::Start::Fork ? "sparsenas fork" : "sparsenas search");
    dir.create(config);
    if (!lock.warning().empty())
        dir.appendLog(MessageLevel::Warning, lock.warning());
    auto loop = std::make_unique<RunLoop>(makeTask(config), dir, config, start, checkpoint);
    loop->setOwnsDirectory(created);
    return loop;
}

/// Temporary files of atomic writes that a kill left behind (name.tmp.PID).
void removeStaleTemporaries(const RunDirectory &dir)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const auto &folder : {fs::path(dir.path()), fs::path(dir.checkpointDir())}) {
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
            if (it->path().filename().string().find(".tmp.") != std::string::npos)
                fs::remove(it->path(), ec);
        }
    }
}

/// The checkpoint to continue from: the one latest.json names or, if a kill came between a
/// checkpoint's rename and latest.json's, the newer complete file; a damaged one is skipped for
/// the one before it, and the run's log says so. Empty if there is none.
std::string checkpointToResume(RunDirectory &dir)
{
    std::vector<std::string> candidates = dir.checkpointFiles();
    std::reverse(candidates.begin(), candidates.end()); // newest step first
    std::string named;
    try {
        named = dir.latestCheckpoint();
    } catch (const std::exception &e) {
        dir.appendLog(MessageLevel::Warning, e.what());
    }
    if (!named.empty() &&
        std::find(candidates.begin(), candidates.end(), named) == candidates.end())
        candidates.insert(candidates.begin(), named);
    std::string problems;
    for (const auto &path : candidates) {
        try {
            CheckpointReader check(path, torch::kCPU);
            if (!problems.empty())
                dir.appendLog(MessageLevel::Warning, problems + "continuing from " + path);
            return path;
        } catch (const std::exception &e) {
            problems += std::string(e.what()) + "; ";
        }
    }
    if (!problems.empty())
        throw RunError("no usable checkpoint in '" + dir.checkpointDir() + "': " + problems +
                       "start the run again or fork from another run's checkpoint");
    return {};
}

} // namespace

std::optional<FinishedRun> finishedRun(const std::string &runDir)
{
    try {
        const RunDirectory dir(runDir);
        const auto status = dir.readStatus();
        if (!status || status->state != RunState::Finished)
            return std::nullopt;
        const std::string path = dir.latestCheckpoint();
        if (path.empty())
            return std::nullopt;
        const CheckpointReader reader(path, torch::kCPU); // verifies every record's CRC-32
        const auto &meta = reader.meta();
        // The run's last checkpoint resumes at the start of the epoch after the last one.
        if (meta.value("epoch", int64_t(-1)) != status->epoch ||
            meta.value("step_in_epoch", int64_t(-1)) != 0 ||
            meta.value("global_step", int64_t(-1)) != status->step)
            return std::nullopt;
        return FinishedRun{status->epoch, status->step, path};
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

SearchEngine::SearchEngine(RunLock lock, std::unique_ptr<RunLoop> loop)
    : m_lock(std::move(lock)), m_loop(std::move(loop))
{
}

SearchEngine::SearchEngine(const RunConfig &config, const std::string &runDir)
    : m_loop(newRun(config, runDir, RunLoop::Start::Fresh, m_lock))
{
}

std::unique_ptr<SearchEngine> SearchEngine::resume(const std::string &runDir)
{
    RunDirectory dir(runDir);
    const RunConfig config = dir.loadConfig();
    // Before anything is changed: a run still being written is not resumed under its writer.
    RunLock lock = RunLock::acquire(runDir, "sparsenas resume");
    if (!lock.warning().empty())
        dir.appendLog(MessageLevel::Warning, lock.warning());
    removeStaleTemporaries(dir);
    const std::string checkpoint = checkpointToResume(dir);
    if (checkpoint.empty()) {
        // Killed before its first checkpoint: nothing to continue from, so the same run starts
        // again from its first step, in the same directory (its partial lines are dropped).
        dir.truncateAfter(0, 0);
        return std::unique_ptr<SearchEngine>(new SearchEngine(
            std::move(lock),
            std::make_unique<RunLoop>(makeTask(config), dir, config, RunLoop::Start::Fresh)));
    }
    return std::unique_ptr<SearchEngine>(new SearchEngine(
        std::move(lock), std::make_unique<RunLoop>(makeTask(config), dir, config,
                                                   RunLoop::Start::Resume, checkpoint)));
}

std::unique_ptr<SearchEngine> SearchEngine::fork(const std::string &checkpoint,
                                                 const RunConfig &config,
                                                 const std::string &newRunDir)
{
    RunLock lock;
    auto loop = newRun(config, newRunDir, RunLoop::Start::Fork, lock, checkpoint);
    return std::unique_ptr<SearchEngine>(new SearchEngine(std::move(lock), std::move(loop)));
}

std::unique_ptr<SearchEngine> SearchEngine::follow(const RunConfig &config,
                                                   const std::string &runDir,
                                                   const std::string &checkpoint)
{
    RunDirectory dir(runDir);
    dir.setWritable(false);
    return std::unique_ptr<SearchEngine>(new SearchEngine(
        RunLock(), std::make_unique<RunLoop>(makeTask(config), dir, config,
                                             checkpoint.empty() ? RunLoop::Start::Fresh
                                                                : RunLoop::Start::Resume,
                                             checkpoint)));
}

SearchEngine::~SearchEngine() = default;

void SearchEngine::setCommunicator(std::shared_ptr<Communicator> comm)
{
    m_loop->setCommunicator(std::move(comm));
}

const std::string &SearchEngine::startCheckpoint() const
{
    return m_loop->startCheckpoint();
}

void SearchEngine::setObserver(SearchObserver *observer)
{
    m_loop->setObserver(observer);
}

void SearchEngine::setPauseOnDivergence(bool pause)
{
    m_loop->setPauseOnTrouble(pause);
}

void SearchEngine::setDiagramRenderer(DiagramRenderer renderer)
{
    m_loop->setDiagramRenderer(std::move(renderer));
}

CommandQueue &SearchEngine::commands()
{
    return m_loop->commands();
}

const RunConfig &SearchEngine::config() const
{
    return m_loop->config();
}

const std::string &SearchEngine::runDir() const
{
    return m_loop->directory().path();
}

RunResult SearchEngine::run()
{
    RunResult result = m_loop->run();
    // The run has written its last line: another writer (a resume) may take the directory now,
    // even while this object lives on.
    m_lock.release();
    return result;
}

} // namespace sparsenas
