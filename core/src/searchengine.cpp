// SPDX-License-Identifier: MIT
#include "sparsenas/searchengine.h"

#include "sparsenas/searchtask.h"

#include <filesystem>

namespace sparsenas {

namespace {

std::unique_ptr<RunLoop> newRun(const RunConfig &config, const std::string &runDir,
                                RunLoop::Start start, const std::string &checkpoint = {})
{
    RunDirectory dir(runDir);
    const bool created = !std::filesystem::exists(runDir);
    dir.create(config);
    auto loop = std::make_unique<RunLoop>(std::make_unique<SearchTask>(config), dir, config,
                                          start, checkpoint);
    loop->setOwnsDirectory(created);
    return loop;
}

} // namespace

SearchEngine::SearchEngine(std::unique_ptr<RunLoop> loop) : m_loop(std::move(loop)) {}

SearchEngine::SearchEngine(const RunConfig &config, const std::string &runDir)
    : m_loop(newRun(config, runDir, RunLoop::Start::Fresh))
{
}

std::unique_ptr<SearchEngine> SearchEngine::resume(const std::string &runDir)
{
    RunDirectory dir(runDir);
    const RunConfig config = dir.loadConfig();
    const std::string checkpoint = dir.latestCheckpoint();
    if (checkpoint.empty()) {
        // Killed before its first checkpoint: nothing to continue from, so the same run starts
        // again from its first step, in the same directory (its partial lines are dropped).
        dir.truncateAfter(0, 0);
        return std::unique_ptr<SearchEngine>(new SearchEngine(std::make_unique<RunLoop>(
            std::make_unique<SearchTask>(config), dir, config, RunLoop::Start::Fresh)));
    }
    return std::unique_ptr<SearchEngine>(new SearchEngine(std::make_unique<RunLoop>(
        std::make_unique<SearchTask>(config), dir, config, RunLoop::Start::Resume, checkpoint)));
}

std::unique_ptr<SearchEngine> SearchEngine::fork(const std::string &checkpoint,
                                                 const RunConfig &config,
                                                 const std::string &newRunDir)
{
    return std::unique_ptr<SearchEngine>(
        new SearchEngine(newRun(config, newRunDir, RunLoop::Start::Fork, checkpoint)));
}

SearchEngine::~SearchEngine() = default;

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
    return m_loop->run();
}

} // namespace sparsenas
