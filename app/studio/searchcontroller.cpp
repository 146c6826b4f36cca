// SPDX-License-Identifier: MIT
#include "searchcontroller.h"

#include "graphvizservice.h"

#include "sparsenas/searchengine.h"

#include <QThread>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace sparsenas {

// Runs on the engine's thread: copies what it gets into the controller's buffer and returns.
class SearchController::Observer : public SearchObserver
{
public:
    explicit Observer(SearchController *c) : m_c(c) {}
    void onSnapshot(const Snapshot &s) override
    {
        RunUpdate u;
        u.snapshots.push_back(s);
        m_c->post(std::move(u));
    }
    void onEpoch(const EpochSummary &e) override
    {
        RunUpdate u;
        u.epochs.push_back(e);
        m_c->post(std::move(u));
    }
    void onMessage(MessageLevel level, const std::string &text) override
    {
        RunUpdate u;
        u.messages.emplace_back(level, text);
        m_c->post(std::move(u));
    }
    void onStateChanged(RunState state) override
    {
        {
            std::lock_guard<std::mutex> lock(m_c->m_mutex);
            m_c->m_state = state;
        }
        RunUpdate u;
        u.state = state;
        m_c->post(std::move(u));
        QMetaObject::invokeMethod(
            m_c, [c = m_c, state] { Q_EMIT c->stateChanged(state); }, Qt::QueuedConnection);
    }
    void onEvent(const RunEventInfo &e) override
    {
        RunUpdate u;
        // The engine cut the run directory back to a checkpoint (a resume, or a rollback after
        // divergence): the views start over from what is on disk.
        if (e.kind == RunEventKind::Truncated) {
            u.reset = true;
            u.replayFromDisk = true;
        }
        u.events.push_back(e);
        m_c->post(std::move(u));
    }

private:
    SearchController *m_c;
};

SearchController::SearchController(QObject *parent)
    : QObject(parent), m_observer(std::make_unique<Observer>(this))
{
    qRegisterMetaType<RunState>();
    qRegisterMetaType<RunUpdate>();
}

SearchController::~SearchController()
{
    if (m_thread) {
        stop();
        m_thread->wait();
        delete m_thread;
    }
}

bool SearchController::startNew(const RunConfig &config, const QString &runDir, QString *error)
{
    return launch(Mode::New, config, runDir, QString(), error);
}

bool SearchController::resumeRun(const QString &runDir, QString *error)
{
    return launch(Mode::Resume, RunConfig{}, runDir, QString(), error);
}

bool SearchController::forkRun(const QString &checkpoint, const RunConfig &config,
                               const QString &newRunDir, QString *error)
{
    return launch(Mode::Fork, config, newRunDir, checkpoint, error);
}

bool SearchController::launch(Mode mode, const RunConfig &config, const QString &runDir,
                              const QString &checkpoint, QString *error)
{
    if (isActive()) {
        if (error)
            *error = tr("A search is already running in %1.").arg(this->runDir());
        return false;
    }
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending = RunUpdate{};
        m_pending.reset = true;
        m_signalled = false;
        m_early.clear();
        m_state = RunState::Running;
        m_runDir = runDir;
        m_result.reset();
    }
    m_thread =
        QThread::create([this, mode, config, dir = runDir.toStdString(),
                         ckpt = checkpoint.toStdString()] { work(mode, config, dir, ckpt); });
    m_thread->setObjectName(QStringLiteral("search engine"));
    // runEnded is sent once the thread has really finished (isActive() is false in its
    // handlers), not from inside the thread function.
    connect(m_thread, &QThread::finished, this, [this] {
        const std::optional<RunResult> r = lastResult();
        Q_EMIT runEnded(r ? r->state : RunState::Failed,
                        r ? QString::fromStdString(r->message) : QString());
    });
    m_thread->start();
    Q_EMIT stateChanged(RunState::Running);
    return true;
}

// The worker thread's body. Every failure ends up as a message and a Failed state; nothing
// escapes the thread.
void SearchController::work(Mode mode, RunConfig config, std::string runDir, std::string checkpoint)
{
#ifdef Q_OS_LINUX
    // The engine yields to the GUI when they compete for a core: a nice value is per thread on
    // Linux, and the OpenMP workers the engine starts inherit it. Best effort.
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 5);
#endif
    RunResult result;
    std::unique_ptr<SearchEngine> engine;
    try {
        switch (mode) {
        case Mode::New:
            engine = std::make_unique<SearchEngine>(config, runDir);
            break;
        case Mode::Resume:
            engine = SearchEngine::resume(runDir);
            break;
        case Mode::Fork:
            engine = SearchEngine::fork(checkpoint, config, runDir);
            break;
        }
        engine->setObserver(m_observer.get());
        // A NaN or inf loss reloads the last checkpoint and pauses instead of ending the run,
        // so the user can lower lambda or the learning rate and resume.
        engine->setPauseOnDivergence(true);
        if (GraphvizService *graphviz = m_graphviz.data()) {
            engine->setDiagramRenderer(
                [graphviz](const std::string &dot, const std::string &fmt, const std::string &path,
                           double dpi) { graphviz->renderToFileAndWait(dot, fmt, path, dpi); });
        }
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_engine = engine.get();
            for (const Command &c : m_early)
                engine->commands().push(c);
            m_early.clear();
        }
        result = engine->run();
    } catch (const std::exception &e) {
        result.state = RunState::Failed;
        result.message = e.what();
        result.started = engine != nullptr; // refused before it began: the directory is as it was
        {
            std::lock_guard<std::mutex> lock(m_mutex); // read when the state change arrives
            m_result = result;
        }
        m_observer->onMessage(MessageLevel::Error, result.message);
        m_observer->onStateChanged(RunState::Failed);
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_engine = nullptr;
        m_state = result.state;
        m_result = result;
    }
    engine.reset();
}

void SearchController::post(RunUpdate &&update)
{
    bool signal = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending.append(std::move(update));
        if (!m_signalled) {
            m_signalled = true;
            signal = true;
        }
    }
    if (signal)
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT dataAvailable(); }, Qt::QueuedConnection);
}

RunUpdate SearchController::takeUpdate()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    RunUpdate out = std::move(m_pending);
    m_pending = RunUpdate{};
    m_signalled = false;
    return out;
}

bool SearchController::isActive() const
{
    return m_thread && m_thread->isRunning();
}

RunState SearchController::state() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_state;
}

QString SearchController::runDir() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_runDir;
}

std::optional<RunResult> SearchController::lastResult() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_result;
}

void SearchController::command(Command cmd)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_engine)
        m_engine->commands().push(cmd);
    else if (m_thread && m_thread->isRunning())
        m_early.push_back(cmd);
}

void SearchController::pause()
{
    command({Command::Type::Pause});
}
void SearchController::resume()
{
    command({Command::Type::Resume});
}
void SearchController::stop()
{
    command({Command::Type::Stop});
}
void SearchController::setLambda(double v)
{
    command({Command::Type::SetLambda, v});
}
void SearchController::setAlpha(double v)
{
    command({Command::Type::SetAlpha, v});
}
void SearchController::setLambdaStep(double v)
{
    command({Command::Type::SetLambdaStep, v});
}
void SearchController::checkpointNow()
{
    command({Command::Type::Checkpoint});
}
void SearchController::setGraphviz(GraphvizService *graphviz)
{
    m_graphviz = graphviz;
}

void SearchController::rollback()
{
    command({Command::Type::Rollback});
}

bool SearchController::wait(int msecs)
{
    return !m_thread || m_thread->wait(QDeadlineTimer(msecs));
}

} // namespace sparsenas
