// SPDX-License-Identifier: MIT
#include "runfollower.h"

#include "sparsenas/base/rundirectory.h"
#include "sparsenas/base/runlock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using nlohmann::json;

namespace sparsenas {

namespace {

// At most this much per file and poll, so that opening a long run (a CIFAR search writes tens
// of MB) never holds the GUI thread for long: the rest follows in the next polls.
constexpr std::size_t kChunk = std::size_t(4) << 20;

std::string skipped(const char *file, const JsonlLine &line, const std::string &why)
{
    return linePrefix(file, line.number) + "skipped: " + why;
}

} // namespace

RunFollower::RunFollower(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, &RunFollower::poll);
}

bool RunFollower::open(const QString &runDir, QString *error)
{
    if (!QFileInfo::exists(QDir(runDir).filePath(QStringLiteral("config.json")))) {
        if (error)
            *error = tr("%1 is not a run directory: it has no config.json.").arg(runDir);
        return false;
    }
    RunConfig config;
    try {
        config = RunDirectory(runDir.toStdString()).loadConfig();
    } catch (const std::exception &e) {
        if (error)
            *error = tr("Cannot read the configuration of %1: %2")
                         .arg(runDir, QString::fromStdString(e.what()));
        return false;
    }
    m_configDefaults = Snapshot{};
    m_configDefaults.epochs = config.search.epochs;
    m_configDefaults.lambdaStep = config.arch.lambdaStep;
    m_nodes = config.space.nodes;
    m_evaluation = config.task == TaskKind::Evaluate;
    m_dir = runDir;
    restart();
    m_timer.start();
    return true;
}

void RunFollower::close()
{
    m_timer.stop();
    m_dir.clear();
    m_metrics.reset();
    m_snapshots.reset();
    m_log.reset();
    m_pending = RunUpdate{};
    m_signalled = false;
}

void RunFollower::restart()
{
    const RunDirectory dir(m_dir.toStdString());
    m_metrics = std::make_unique<JsonlReader>(dir.file("metrics.jsonl"));
    m_snapshots = std::make_unique<JsonlReader>(dir.file("snapshots.jsonl"));
    m_log = std::make_unique<LineReader>(dir.file("log.txt"));
    m_epochWaiting.clear();
    m_cellsWaiting.clear();
    m_statusText.clear();
    m_statusState = RunState::Idle;
    m_writerGone = false;
    m_stepDefaults = m_configDefaults;
    m_stepsPerEpoch = 0;
    m_logStart = QDateTime();
    m_epochSeconds.clear();
    m_pending = RunUpdate{};
    m_pending.reset = true;
}

void RunFollower::readMetrics(const std::vector<JsonlLine> &lines, RunUpdate &u)
{
    for (const JsonlLine &line : lines) {
        if (!line.ok()) { // a damaged line: say so, keep following
            u.messages.emplace_back(MessageLevel::Warning,
                                    skipped("metrics.jsonl", line, line.error));
            continue;
        }
        try {
            switch (metricsLineType(line.value)) {
            case MetricsLineType::Step: {
                Snapshot s = stepFromJson(line.value, m_stepDefaults, m_nodes);
                // Runs written before steps_per_epoch was recorded: infer it from a later epoch.
                if (s.stepsPerEpoch <= 0 && s.epoch > 0)
                    m_stepsPerEpoch = (s.step - s.stepInEpoch) / s.epoch;
                if (s.stepsPerEpoch <= 0)
                    s.stepsPerEpoch = m_stepsPerEpoch;
                u.snapshots.push_back(std::move(s));
                break;
            }
            case MetricsLineType::Epoch: {
                EpochSummary e = epochFromJson(line.value, {}, m_nodes);
                m_epochSeconds[e.epoch] = e.seconds;
                // An evaluation has no architecture weights: no snapshots.jsonl line to wait
                // for.
                if (m_evaluation) {
                    u.epochs.push_back(std::move(e));
                    break;
                }
                const int64_t epoch = e.epoch;
                m_epochWaiting[epoch] = std::move(e);
                break;
            }
            case MetricsLineType::Event: {
                RunEventInfo ev = runEventFromJson(line.value);
                // Version 1 step lines lack the lambda step: after this event it is the new one.
                if (ev.kind == RunEventKind::LambdaStep)
                    m_stepDefaults.lambdaStep = ev.value;
                u.events.push_back(std::move(ev));
                break;
            }
            case MetricsLineType::Other:
                break; // a line type of a newer writer
            }
        } catch (const FormatError &e) {
            u.messages.emplace_back(MessageLevel::Warning,
                                    skipped("metrics.jsonl", line, e.what()));
        }
    }
}

void RunFollower::readSnapshots(const std::vector<JsonlLine> &lines, RunUpdate &u)
{
    for (const JsonlLine &line : lines) {
        try {
            if (!line.ok())
                throw FormatError(line.error);
            ArchSnapshot snap = archSnapshotFromJson(line.value);
            m_cellsWaiting[snap.epoch] = std::move(snap.cells);
        } catch (const FormatError &e) {
            u.messages.emplace_back(MessageLevel::Warning,
                                    skipped("snapshots.jsonl", line, e.what()));
        }
    }
    // An epoch is shown once both its metrics line and its A matrices are in.
    for (auto it = m_epochWaiting.begin(); it != m_epochWaiting.end();) {
        auto cells = m_cellsWaiting.find(it->first);
        if (cells == m_cellsWaiting.end()) {
            ++it;
            continue;
        }
        it->second.cells = std::move(cells->second);
        m_cellsWaiting.erase(cells);
        u.epochs.push_back(std::move(it->second));
        it = m_epochWaiting.erase(it);
    }
}

void RunFollower::estimateEpochTimes(RunUpdate &u) const
{
    if (!m_logStart.isValid())
        return;
    for (const EpochSummary &e : u.epochs) {
        double seconds = 0;
        for (auto it = m_epochSeconds.begin(); it != m_epochSeconds.end() && it->first <= e.epoch;
             ++it)
            seconds += it->second;
        u.epochTimes[e.epoch] = m_logStart.addMSecs(qint64(seconds * 1000.0))
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                    .toStdString();
    }
}

void RunFollower::readStatus(RunUpdate &u)
{
    QFile status(QDir(m_dir).filePath(QStringLiteral("status.json")));
    if (!status.open(QIODevice::ReadOnly))
        return;
    const QByteArray bytes = status.readAll();
    std::string text(bytes.constData(), size_t(bytes.size()));
    if (text != m_statusText) {
        const json j = json::parse(text, nullptr, false);
        if (j.is_discarded())
            return; // written atomically: only a foreign writer leaves it half, try again later
        try {
            m_statusState = runStatusFromJson(j).state;
            m_statusText = std::move(text);
            m_writerGone = false;
            u.state = m_statusState;
        } catch (const FormatError &) {
            // a state this version does not know: keep showing the last one
            return;
        }
    }
    // "running" with nobody holding the run's lock: its writer was killed (kill -9, a second
    // Ctrl-C, a crash) before it could say so. Runs written before locks have no run.lock and
    // are taken at their word.
    const bool live = m_statusState == RunState::Running || m_statusState == RunState::Paused;
    if (live && !m_writerGone &&
        QFileInfo::exists(QDir(m_dir).filePath(QStringLiteral("run.lock"))) &&
        !RunLock::holder(m_dir.toStdString())) {
        m_writerGone = true;
        u.state = RunState::Stopped;
        u.messages.emplace_back(
            MessageLevel::Warning,
            tr("status.json says %1, but no process writes this run any more: it was killed; "
               "resume continues from its last checkpoint, or starts it again if it had none")
                .arg(QString::fromStdString(toString(m_statusState)))
                .toStdString());
    }
}

bool RunFollower::poll()
{
    if (m_dir.isEmpty())
        return false;
    RunUpdate u;
    const std::vector<JsonlLine> metrics = m_metrics->poll(kChunk);
    const std::vector<JsonlLine> snaps = m_snapshots->poll(kChunk);
    const std::vector<TextLine> log = m_log->poll(kChunk);
    const bool more = m_metrics->more() || m_snapshots->more() || m_log->more();
    if (m_metrics->restarted() || m_snapshots->restarted() || m_log->restarted()) {
        // A resumed run cut its files back to a checkpoint: read them all again, from a reset.
        restart();
        signalIfPending();
        if (m_timer.isActive())
            QTimer::singleShot(0, this, &RunFollower::poll);
        return true;
    }
    // The log first: its first line dates the run's start, and so the epochs.
    for (const TextLine &line : log) {
        LogLine l = logLineFromText(line.text);
        if (m_logStart.isNull() && !l.time.empty())
            m_logStart = QDateTime::fromString(QString::fromStdString(l.time),
                                               QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        u.messages.emplace_back(l.level, std::move(l.text), std::move(l.time));
    }
    readMetrics(metrics, u);
    readSnapshots(snaps, u);
    estimateEpochTimes(u);
    readStatus(u);
    m_pending.append(std::move(u));
    signalIfPending();
    // Catching up with a long run: the next chunk after the event loop had its turn.
    if (more && m_timer.isActive())
        QTimer::singleShot(0, this, &RunFollower::poll);
    return more;
}

void RunFollower::signalIfPending()
{
    if (!m_pending.empty() && !m_signalled) {
        m_signalled = true;
        Q_EMIT dataAvailable();
    }
}

RunUpdate RunFollower::takeUpdate()
{
    RunUpdate out = std::move(m_pending);
    m_pending = RunUpdate{};
    m_signalled = false;
    return out;
}

} // namespace sparsenas
