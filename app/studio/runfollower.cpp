// SPDX-License-Identifier: MIT
#include "runfollower.h"

#include "sparsenas/base/rundirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using nlohmann::json;

namespace sparsenas {

namespace {

MessageLevel levelFromLogLine(const QByteArray &line)
{
    if (line.contains("[error]"))
        return MessageLevel::Error;
    if (line.contains("[warning]"))
        return MessageLevel::Warning;
    return MessageLevel::Info;
}

std::optional<RunState> stateFromString(const std::string &s)
{
    for (RunState st : {RunState::Idle, RunState::Running, RunState::Paused, RunState::Finished,
                        RunState::Stopped, RunState::Failed}) {
        if (toString(st) == s)
            return st;
    }
    return std::nullopt;
}

// A field's value, or `fallback` when it is missing, null (nlohmann writes NaN and inf as null)
// or of another type: one odd field must not cost the whole line, let alone the studio.
template <typename T>
T field(const json &j, const char *key, T fallback)
{
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return fallback;
    try {
        return it->get<T>();
    } catch (const json::exception &) {
        return fallback;
    }
}

CellSnapshot cellCounts(const json &c)
{
    CellSnapshot out;
    out.weights.type = field(c, "type", std::string());
    out.aliveNodes = field(c, "alive_nodes", std::vector<int>());
    out.alivePaths = field(c, "alive_paths", 0);
    out.nonZeroWeights = field(c, "nonzero_weights", 0);
    return out;
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
    try {
        m_epochs = RunDirectory(runDir.toStdString()).loadConfig().search.epochs;
    } catch (const std::exception &e) {
        if (error)
            *error = tr("Cannot read the configuration of %1: %2")
                         .arg(runDir, QString::fromStdString(e.what()));
        return false;
    }
    m_dir = runDir;
    restart();
    m_timer.start();
    return true;
}

void RunFollower::close()
{
    m_timer.stop();
    m_dir.clear();
    m_pending = RunUpdate{};
    m_signalled = false;
}

void RunFollower::restart()
{
    m_metrics = m_snapshots = m_log = Tail{};
    m_epochWaiting.clear();
    m_cellsWaiting.clear();
    m_statusText.clear();
    m_stepsPerEpoch = 0;
    m_pending = RunUpdate{};
    m_pending.reset = true;
}

QList<QByteArray> RunFollower::readLines(const QString &name, Tail &tail, bool *shrunk,
                                         bool *more)
{
    // At most this much per file and poll, so that opening a long run (a CIFAR search writes
    // tens of MB) never holds the GUI thread for long: the rest follows in the next polls.
    constexpr qint64 kChunk = 4 << 20;
    QList<QByteArray> lines;
    QFile f(QDir(m_dir).filePath(name));
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    if (f.size() < tail.offset) {
        *shrunk = true;
        return lines;
    }
    f.seek(tail.offset);
    QByteArray data = f.read(kChunk);
    if (data.size() == kChunk && data.indexOf('\n') < 0)
        data += f.readAll(); // a single line longer than a chunk
    // Only complete lines: a writer may be in the middle of one.
    const qsizetype end = data.lastIndexOf('\n');
    if (end < 0)
        return lines;
    tail.offset += end + 1;
    if (f.size() > tail.offset + 1 && data.size() >= kChunk)
        *more = true;
    for (const QByteArray &line : data.left(end).split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.push_back(line);
    }
    return lines;
}

bool RunFollower::poll()
{
    if (m_dir.isEmpty())
        return false;
    RunUpdate u;
    bool shrunk = false, more = false;
    const QList<QByteArray> metrics =
        readLines(QStringLiteral("metrics.jsonl"), m_metrics, &shrunk, &more);
    const QList<QByteArray> snaps =
        readLines(QStringLiteral("snapshots.jsonl"), m_snapshots, &shrunk, &more);
    const QList<QByteArray> log = readLines(QStringLiteral("log.txt"), m_log, &shrunk, &more);
    if (shrunk) {
        restart();
        signalIfPending();
        return true;
    }
    for (const QByteArray &line : metrics) {
        const json j = json::parse(line.constData(), line.constData() + line.size(), nullptr,
                                   false);
        if (j.is_discarded() || !j.is_object())
            continue; // a damaged line: skip it, keep following
        const std::string type = field(j, "type", std::string());
        if (type == "step") {
            Snapshot s;
            s.step = field(j, "step", int64_t(0));
            s.epoch = field(j, "epoch", int64_t(0));
            s.epochs = field(j, "epochs", m_epochs);
            s.stepInEpoch = field(j, "step_in_epoch", int64_t(0));
            s.stepsPerEpoch = field(j, "steps_per_epoch", int64_t(0));
            // Runs written before steps_per_epoch was recorded: infer it from a later epoch.
            if (s.stepsPerEpoch <= 0 && s.epoch > 0)
                m_stepsPerEpoch = (s.step - s.stepInEpoch) / s.epoch;
            if (s.stepsPerEpoch <= 0)
                s.stepsPerEpoch = m_stepsPerEpoch;
            s.lambda = field(j, "lambda", 0.0);
            s.alpha = field(j, "alpha", 0.0);
            s.weightLr = field(j, "weight_lr", 0.0);
            s.trainLoss = field(j, "train_loss", 0.0);
            s.trainAcc = field(j, "train_acc", 0.0);
            s.valLoss = field(j, "val_loss", 0.0);
            s.valAcc = field(j, "val_acc", 0.0);
            s.penalty = field(j, "penalty", 0.0);
            s.elementSparsity = field(j, "element_sparsity", 0.0);
            s.groupSparsity = field(j, "group_sparsity", 0.0);
            s.stepSeconds = field(j, "step_seconds", 0.0);
            u.snapshots.push_back(std::move(s));
        } else if (type == "epoch") {
            EpochSummary e;
            e.epoch = field(j, "epoch", int64_t(0));
            e.step = field(j, "step", int64_t(0));
            e.lambda = field(j, "lambda", 0.0);
            e.alpha = field(j, "alpha", 0.0);
            e.weightLr = field(j, "weight_lr", 0.0);
            e.trainLoss = field(j, "train_loss", 0.0);
            e.trainAcc = field(j, "train_acc", 0.0);
            e.valLoss = field(j, "val_loss", 0.0);
            e.valAcc = field(j, "val_acc", 0.0);
            e.penalty = field(j, "penalty", 0.0);
            e.elementSparsity = field(j, "element_sparsity", 0.0);
            e.groupSparsity = field(j, "group_sparsity", 0.0);
            e.seconds = field(j, "seconds", 0.0);
            if (j.contains("cells") && j["cells"].is_array()) {
                for (const json &c : j["cells"])
                    e.cells.push_back(cellCounts(c));
            }
            m_epochWaiting[e.epoch] = std::move(e);
        } else if (type == "event") {
            RunEventInfo ev;
            ev.kind = runEventKindFromString(field(j, "what", std::string()));
            ev.value = field(j, "value", 0.0);
            ev.step = field(j, "step", int64_t(0));
            ev.epoch = field(j, "epoch", int64_t(0));
            ev.stepInEpoch = field(j, "step_in_epoch", int64_t(0));
            ev.stepsPerEpoch = field(j, "steps_per_epoch", int64_t(0));
            ev.lambda = field(j, "lambda", 0.0);
            u.events.push_back(std::move(ev));
        }
    }
    for (const QByteArray &line : snaps) {
        const json j = json::parse(line.constData(), line.constData() + line.size(), nullptr,
                                   false);
        if (j.is_discarded() || !j.is_object() || !j.contains("cells"))
            continue;
        std::vector<CellSnapshot> cells;
        try {
            for (const json &c : j["cells"]) {
                CellSnapshot cs = cellCounts(c);
                cs.weights = cellWeightsFromJson(c);
                cs.totalWeights = field(c, "total_weights", 0);
                cs.zeroGroups = field(c, "zero_groups", 0);
                cells.push_back(std::move(cs));
            }
        } catch (const std::exception &e) {
            u.messages.emplace_back(MessageLevel::Warning,
                                    "snapshots.jsonl: skipped a damaged line: "
                                        + std::string(e.what()));
            continue;
        }
        m_cellsWaiting[field(j, "epoch", int64_t(0))] = std::move(cells);
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
    for (const QByteArray &line : log) {
        // "2026-11-28 12:00:00 [info] text"
        const qsizetype close = line.indexOf("] ");
        const QByteArray text = close >= 0 ? line.mid(close + 2) : line;
        u.messages.emplace_back(levelFromLogLine(line.left(close + 1)), text.toStdString());
    }
    QFile status(QDir(m_dir).filePath(QStringLiteral("status.json")));
    if (status.open(QIODevice::ReadOnly)) {
        const QByteArray text = status.readAll();
        if (text != m_statusText) {
            const json j = json::parse(text.constData(), text.constData() + text.size(), nullptr,
                                       false);
            if (!j.is_discarded() && j.is_object()) {
                m_statusText = text;
                u.state = stateFromString(field(j, "state", std::string()));
            }
        }
    }
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
