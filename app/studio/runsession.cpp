// SPDX-License-Identifier: MIT
#include "runsession.h"

#include "runfollower.h"
#include "searchcontroller.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace sparsenas {

RunSession::RunSession(QObject *parent) : QObject(parent)
{
    m_controller = new SearchController(this);
    m_follower = new RunFollower(this);

    // Coalescing: the first update after a drain arms a 40 ms single-shot timer; everything
    // that arrives meanwhile is drained in one go (STYLE.md, threads and streaming).
    m_drainTimer.setSingleShot(true);
    m_drainTimer.setInterval(40);
    connect(&m_drainTimer, &QTimer::timeout, this, &RunSession::drain);
    connect(m_controller, &SearchController::dataAvailable, this, &RunSession::scheduleDrain);
    connect(m_follower, &RunFollower::dataAvailable, this, &RunSession::scheduleDrain);
    connect(m_controller, &SearchController::stateChanged, this, &RunSession::stateChanged);
    connect(m_controller, &SearchController::runEnded, this, &RunSession::runEnded);
}

RunSession::~RunSession() = default;

bool RunSession::isActive() const
{
    return m_controller->isActive();
}

bool RunSession::startNew(const RunConfig &config, const QString &runDir, QString *error)
{
    if (!m_controller->startNew(config, runDir, error))
        return false;
    beginLive(runDir);
    return true;
}

bool RunSession::fork(const QString &checkpoint, const RunConfig &config, const QString &runDir,
                      QString *error)
{
    if (!m_controller->forkRun(checkpoint, config, runDir, error))
        return false;
    beginLive(runDir);
    return true;
}

bool RunSession::resume(const QString &runDir, QString *error)
{
    // The engine cuts the run back to its checkpoint and says so (a Truncated event): the drain
    // then replays the history on disk before the live steps.
    if (!m_controller->resumeRun(runDir, error))
        return false;
    beginLive(runDir);
    return true;
}

void RunSession::beginLive(const QString &runDir)
{
    m_follower->close();
    m_replay.clear();
    m_source = Source::Live;
    m_runDir = runDir;
}

bool RunSession::open(const QString &runDir, QString *error)
{
    if (isActive()) {
        if (error)
            *error = tr("Stop the running search before opening another run.");
        return false;
    }
    if (!m_follower->open(runDir, error))
        return false;
    m_replay.clear();
    m_source = Source::Followed;
    m_runDir = runDir;
    m_follower->poll();
    drainNow();
    return true;
}

void RunSession::scheduleDrain()
{
    if (!m_drainTimer.isActive())
        m_drainTimer.start();
}

void RunSession::drainNow()
{
    m_drainTimer.stop();
    drain();
}

void RunSession::drain()
{
    RunUpdate out;
    if (m_source == Source::Followed)
        out = m_follower->takeUpdate();
    else if (m_source == Source::Live)
        out = takeLive();
    // A long history is read one chunk per drain: the GUI paints in between.
    if (m_replay.isActive())
        scheduleDrain();
    if (!out.empty())
        Q_EMIT updated(out);
}

RunUpdate RunSession::takeLive()
{
    RunUpdate live = m_controller->takeUpdate();
    RunUpdate out;
    if (live.reset) {
        out.reset = true;
        if (live.replayFromDisk)
            m_replay.start(m_runDir);
        else
            m_replay.clear();
        live.reset = false;
        live.replayFromDisk = false;
    }
    if (m_replay.isActive())
        out.append(m_replay.step()); // the history comes first
    out.append(m_replay.live(std::move(live)));
    return out;
}

QString RunSession::newRunDirectory(const QString &root, const QString &name)
{
    QString safe = name;
    for (QChar &c : safe) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    }
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString base = QDir(root).filePath(safe + QLatin1Char('-') + stamp);
    QString dir = base;
    for (int i = 2; QFileInfo::exists(dir); ++i)
        dir = base + QLatin1Char('-') + QString::number(i);
    return dir;
}

} // namespace sparsenas
