// SPDX-License-Identifier: MIT
#include "sparsenas/runloop.h"

#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/graphvizrenderer.h"
#include "sparsenas/base/killpoint.h"
#include "sparsenas/checkpoint.h"
#include "sparsenas/distributed.h"
#include "sparsenas/torchcompat.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <vector>

namespace sparsenas {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

double LossWatch::recentMedian() const
{
    std::vector<double> v(m_recent.begin(), m_recent.end());
    std::nth_element(v.begin(), v.begin() + long(v.size() / 2), v.end());
    return v[v.size() / 2];
}

bool LossWatch::againstFirstLoss() const
{
    return m_recent.size() < 10 || m_first <= recentMedian();
}

double LossWatch::reference() const
{
    return std::max(againstFirstLoss() ? m_first : recentMedian(), 1.0);
}

bool LossWatch::explodes(double loss, double factor) const
{
    return factor > 0 && !m_recent.empty() && loss > factor * reference();
}

void LossWatch::add(double loss)
{
    if (m_recent.empty()) // only before the first: the oldest go at 50
        m_first = loss;
    m_recent.push_back(loss);
    if (m_recent.size() > 50)
        m_recent.pop_front();
}

RunLoop::RunLoop(std::unique_ptr<Task> task, RunDirectory dir, RunConfig config, Start start,
                 std::string checkpoint)
    : m_task(std::move(task)), m_dir(std::move(dir)), m_config(std::move(config)), m_start(start),
      m_checkpoint(std::move(checkpoint))
{
}

RunLoop::~RunLoop() = default;

// The run, in the paper's words: epochs of bi-level steps (the task's), with the commands
// applied between steps, a checkpoint at every epoch end that the config asks for, and a
// diverged or collapsed search stopped or paused rather than carried on.
RunResult RunLoop::run()
{
    std::string problem;
    try {
        m_task->setUp(*this);
        if (m_start != Start::Fresh)
            loadCheckpoint(m_checkpoint, m_start == Start::Resume);
    } catch (const std::exception &e) {
        problem = compat::errorMessage(e);
    }
    if (m_comm) {
        // Every rank set up, or none goes on: a rank whose data is missing says so to all.
        try {
            m_comm->agree("start", problem);
        } catch (const std::exception &e) {
            if (problem.empty())
                problem = std::string("another rank could not start: ") + e.what();
        }
    }
    if (!problem.empty())
        return startFailed(problem);
    setState(RunState::Running);
    for (;;) {
        try {
            runEpochs();
            if (m_restart) {
                // Rolled back (a command): enter the checkpoint's epoch afresh.
                m_restart = false;
                continue;
            }
            break;
        } catch (const RunHealthError &trouble) {
            std::string why;
            if (!recover(trouble, &why))
                return finish(RunState::Failed, why, false);
        } catch (const std::exception &e) {
            return finish(RunState::Failed, "the run failed: " + compat::errorMessage(e), false);
        }
    }
    // A stop that arrives after the last epoch's checkpoint finds nothing left to do.
    if (m_stop && m_at.epoch < m_task->epochs()) {
        try {
            saveCheckpoint();
        } catch (const std::exception &e) {
            return finish(RunState::Failed,
                          std::string("stopped, but the checkpoint could not be written: ") +
                              e.what(),
                          false);
        }
        return finish(RunState::Stopped,
                      "stopped in epoch " + std::to_string(m_at.epoch + 1) + " at step " +
                          std::to_string(m_at.globalStep) + "; resume with `sparsenas resume " +
                          m_dir.path() + "`",
                      true);
    }
    return finish(RunState::Finished,
                  "finished after " + std::to_string(m_task->epochs()) +
                      (m_task->epochs() == 1 ? " epoch" : " epochs"),
                  true);
}

void RunLoop::runEpochs()
{
    const int64_t steps = m_task->stepsPerEpoch();
    for (; m_at.epoch < m_task->epochs(); ++m_at.epoch, m_at.stepInEpoch = 0) {
        m_task->enterEpoch(m_at.epoch);
        while (m_at.stepInEpoch < steps) {
            if (!handleCommands())
                return;
            if (m_comm)
                m_comm->setStep(m_at.globalStep + 1); // the step being done
            Snapshot s = m_task->step(m_at);
            if (m_comm) {
                // Each rank's time for the step; the step took the slowest one's.
                s.worldSize = m_comm->worldSize();
                s.rankStepSeconds = m_comm->gather(s.stepSeconds);
                s.stepSeconds =
                    *std::max_element(s.rankStepSeconds.begin(), s.rankStepSeconds.end());
            }
            watchLoss(s.trainLoss); // before the step counts: a diverged step is not recorded
            ++m_at.globalStep;
            ++m_at.stepInEpoch;
            m_changedSinceCheckpoint = true;
            report(std::move(s));
            if (killPointsArmed()) // no string built per step in a real run
                killPoint("step:" + std::to_string(m_at.globalStep));
            // After the step is counted and written: a collapse leaves a valid state.
            if (auto trouble = m_task->checkHealth())
                throw *trouble;
        }
        if (!handleCommands())
            return;
        report(m_task->finishEpoch(m_at));
        checkRanksAgree(); // before a checkpoint could keep states that differ
        const bool last = m_at.epoch + 1 == m_task->epochs();
        if ((m_at.epoch + 1) % m_config.checkpoint.everyEpochs == 0 || last) {
            // The checkpoint resumes at the start of the next epoch.
            const RunPosition here = m_at;
            ++m_at.epoch;
            m_at.stepInEpoch = 0;
            saveCheckpoint();
            m_at = here;
        }
        m_dir.writeStatus(m_state, m_at.epoch + 1, m_at.globalStep);
    }
}

bool RunLoop::handleCommands()
{
    bool wait = false;
    for (;;) {
        for (const auto &c : nextCommands(wait))
            apply(c);
        if (m_state != RunState::Paused || m_stop)
            break;
        wait = true;
    }
    return !m_stop && !m_restart;
}

void RunLoop::takePostedCommands()
{
    const auto now = std::chrono::steady_clock::now();
    if (!m_dir.writable() || now - m_lastPostPoll < std::chrono::milliseconds(500))
        return;
    m_lastPostPoll = now;
    std::vector<std::string> problems;
    for (const auto &c : m_dir.takePostedCommands(&problems))
        m_commands.push(c);
    for (const auto &p : problems)
        message(MessageLevel::Warning, "ignored a posted command: " + p);
}

std::deque<Command> RunLoop::nextCommands(bool wait)
{
    std::deque<Command> commands;
    if (!m_comm || m_comm->rank() == 0) {
        takePostedCommands();
        // Paused, the wait is short: posted commands are looked for again, and the other ranks
        // hear from rank 0 well within their timeout.
        commands = wait ? m_commands.waitAndTakeAll(std::chrono::milliseconds(500))
                        : m_commands.takeAll();
    }
    if (!m_comm)
        return commands;
    // Rank 0's commands, to every rank, in one small broadcast: [count, type, value, ...].
    constexpr size_t kMost = 16;
    std::vector<double> message(1 + 2 * kMost, 0.0);
    const size_t n = std::min(commands.size(), kMost);
    message[0] = double(n);
    for (size_t i = 0; i < n; ++i) {
        message[1 + 2 * i] = double(int(commands[i].type));
        message[2 + 2 * i] = commands[i].value;
    }
    for (size_t i = n; i < commands.size(); ++i)
        m_commands.push(commands[i]); // the next step's
    m_comm->broadcast(message);
    std::deque<Command> out;
    for (size_t i = 0; i < size_t(message[0]) && i < kMost; ++i)
        out.push_back(
            Command{static_cast<Command::Type>(int(message[1 + 2 * i])), message[2 + 2 * i]});
    return out;
}

void RunLoop::checkRanksAgree()
{
    if (!m_comm)
        return;
    const auto sums = m_comm->gather(int64_t(m_task->stateChecksum()));
    std::ostringstream ss;
    for (size_t r = 1; r < sums.size(); ++r) {
        if (sums[r] != sums[0]) {
            ss << "after epoch " << (m_at.epoch + 1) << " the ranks no longer hold the same "
               << "state: rank " << r << "'s checksum is " << uint64_t(sums[r]) << ", rank 0's "
               << uint64_t(sums[0]) << ". The run stops before it could be checkpointed; "
               << "resume it from the last checkpoint";
            throw RunError(ss.str());
        }
    }
}

void RunLoop::apply(const Command &c)
{
    switch (c.type) {
    case Command::Type::Pause:
        if (m_state == RunState::Running) {
            setState(RunState::Paused);
            event(RunEventKind::Pause, 0);
            message(MessageLevel::Info, "paused at step " + std::to_string(m_at.globalStep));
        }
        return;
    case Command::Type::Resume:
        if (m_state == RunState::Paused) {
            setState(RunState::Running);
            event(RunEventKind::Resume, 0);
            message(MessageLevel::Info, "resumed");
        }
        return;
    case Command::Type::Stop:
        m_stop = true;
        return;
    case Command::Type::Checkpoint:
        saveCheckpoint();
        message(MessageLevel::Info,
                "checkpoint written at step " + std::to_string(m_at.globalStep));
        return;
    case Command::Type::Rollback:
        try {
            rollBack();
            m_restart = true;
            if (m_state == RunState::Running)
                setState(RunState::Paused);
            message(MessageLevel::Info, "rolled back to the checkpoint at step " +
                                            std::to_string(m_at.globalStep) + "; paused");
        } catch (const std::exception &e) {
            message(MessageLevel::Error, std::string("rollback failed: ") + e.what());
        }
        return;
    case Command::Type::SetLambda:
    case Command::Type::SetAlpha:
    case Command::Type::SetLambdaStep:
        break;
    }
    if (auto e = m_task->steer(c)) {
        m_changedSinceCheckpoint = true;
        event(e->kind, e->value);
        std::ostringstream text;
        text << toString(e->kind) << " set to " << e->value;
        message(MessageLevel::Info, text.str());
    }
}

void RunLoop::watchLoss(double trainLoss)
{
    if (m_lossWatch.explodes(trainLoss, m_config.search.divergenceFactor)) {
        std::ostringstream ss;
        ss << "the training loss jumped to " << trainLoss << ", more than "
           << m_config.search.divergenceFactor << " times ";
        if (!m_lossWatch.againstFirstLoss())
            ss << "its recent median";
        else if (m_lossWatch.firstLoss() >= 1)
            ss << "its first loss, " << m_lossWatch.firstLoss();
        else
            ss << "1, the least a loss is held against";
        ss << " (search.divergence_factor)";
        throw RunHealthError(RunHealthError::Kind::Diverged, ss.str(), trainLoss);
    }
    m_lossWatch.add(trainLoss);
}

std::string RunLoop::whatWasKept(const std::string &checkpoint) const
{
    // An evaluation has nothing to steer: the same data and seed diverge again at the same
    // step unless the learning rate is lower. The command on a line of its own, to be copied.
    char lower[32];
    std::snprintf(lower, sizeof lower, "%g", m_config.weights.lr / 10);
    std::ostringstream ss;
    if (checkpoint.empty() || m_checkpointStep < 0) {
        ss << "The evaluation diverged before its first checkpoint: nothing was kept. To start "
              "it again with a lower learning rate (weights.lr is "
           << m_config.weights.lr << "):\n  ";
    } else {
        ss << "The evaluation diverged; its checkpoint ";
        if (m_checkpointAt.stepInEpoch == 0)
            ss << "after epoch " << m_checkpointAt.epoch;
        else
            ss << "in epoch " << (m_checkpointAt.epoch + 1);
        ss << " (step " << m_checkpointAt.globalStep
           << ") is kept, nothing after it. To go on from there with a lower learning rate "
              "(weights.lr is "
           << m_config.weights.lr << "):\n  ";
    }
    ss << "sparsenas resume " << m_dir.path() << " --set weights.lr=" << lower;
    return ss.str();
}

bool RunLoop::recover(const RunHealthError &trouble, std::string *why)
{
    std::ostringstream ss;
    ss << trouble.what() << " in epoch " << (m_at.epoch + 1) << " at step "
       << (m_at.globalStep + (trouble.kind() == RunHealthError::Kind::Diverged ? 1 : 0)) << ". ";
    if (trouble.kind() == RunHealthError::Kind::Collapsed) {
        event(RunEventKind::Collapse, trouble.value());
        if (m_config.search.onCollapse == CollapsePolicy::Continue) {
            // checkHealth reports a collapse once; the run goes on as configured.
            message(MessageLevel::Warning, ss.str() + "The run continues (search.on_collapse "
                                                      "is \"continue\").");
            return true;
        }
        if (!m_pauseOnTrouble) {
            ss << "The run stops here; nothing after the last checkpoint was kept. Resume "
                  "with a lower lambda or lambda step (sparsenas resume --set), or fork from "
                  "an earlier checkpoint.";
            *why = ss.str();
            return false;
        }
        ss << "Paused: roll back to the last checkpoint and lower lambda, or resume as it is.";
        message(MessageLevel::Error, ss.str());
        setState(RunState::Paused, ss.str());
        event(RunEventKind::Pause, 0);
        return true;
    }
    event(RunEventKind::Diverged, trouble.value());
    std::string ckpt;
    try {
        ckpt = m_dir.latestCheckpoint();
    } catch (const std::exception &) {
    }
    if (m_config.task == TaskKind::Evaluate) {
        // Rolled back and paused (the studio), it would only diverge again at the same step.
        *why = ss.str() + whatWasKept(ckpt);
        return false;
    }
    if (!m_pauseOnTrouble || ckpt.empty()) {
        ss << "The search diverged; nothing after the last checkpoint was kept. Lower the "
              "learning rates or lambda and resume or fork from it.";
        *why = ss.str();
        return false;
    }
    try {
        rollBack();
    } catch (const std::exception &e) {
        *why = ss.str() + "Reloading the last checkpoint failed: " + e.what();
        return false;
    }
    ss << "The search diverged. Rolled back to the last checkpoint (step " << m_at.globalStep
       << ") and paused: change lambda, alpha or the lambda step, then resume.";
    message(MessageLevel::Error, ss.str());
    setState(RunState::Paused, ss.str());
    return true;
}

void RunLoop::rollBack()
{
    const auto ckpt = m_dir.latestCheckpoint();
    if (ckpt.empty())
        throw RunError("there is no checkpoint to roll back to");
    loadCheckpoint(ckpt, true);
}

void RunLoop::report(Snapshot s)
{
    const int64_t steps = m_task->stepsPerEpoch();
    s.step = m_at.globalStep;
    s.epoch = m_at.epoch;
    s.epochs = m_task->epochs();
    s.stepInEpoch = m_at.stepInEpoch;
    s.stepsPerEpoch = steps;
    m_smoothedStepSeconds = m_smoothedStepSeconds == 0
                                ? s.stepSeconds
                                : 0.9 * m_smoothedStepSeconds + 0.1 * s.stepSeconds;
    const int64_t remaining = (s.epochs - s.epoch) * steps - s.stepInEpoch;
    s.etaSeconds = double(remaining) * m_smoothedStepSeconds;
    m_dir.appendStep(s);
    if (m_observer)
        m_observer->onSnapshot(s);
}

void RunLoop::report(EpochSummary e)
{
    e.epoch = m_at.epoch;
    e.step = m_at.globalStep;
    m_dir.appendEpoch(e);
    if (m_observer)
        m_observer->onEpoch(e);
}

void RunLoop::event(RunEventKind kind, double value)
{
    RunEventInfo e;
    e.kind = kind;
    e.value = value;
    e.step = m_at.globalStep;
    e.epoch = m_at.epoch;
    e.stepInEpoch = m_at.stepInEpoch;
    e.stepsPerEpoch = m_task->stepsPerEpoch();
    m_task->describe(e);
    m_dir.appendEvent(e);
    if (m_observer)
        m_observer->onEvent(e);
}

void RunLoop::message(MessageLevel level, const std::string &text)
{
    try {
        m_dir.appendLog(level, text);
    } catch (const std::exception &) {
        // The log is a convenience; the observer still gets the message.
    }
    if (m_observer)
        m_observer->onMessage(level, text);
}

void RunLoop::setState(RunState state, const std::string &text)
{
    m_state = state;
    m_dir.writeStatus(state, m_at.epoch, m_at.globalStep, text);
    if (m_observer)
        m_observer->onStateChanged(state);
}

void RunLoop::saveCheckpoint()
{
    // A checkpoint of this very state exists already (a stop right after an epoch-end
    // checkpoint): writing it again would only replace a good file by an identical one.
    if (m_at.globalStep == m_checkpointStep && !m_changedSinceCheckpoint)
        return;
    if (!m_dir.writable()) {
        // Rank 0 writes it; this rank only keeps track of where it is.
        m_checkpointStep = m_at.globalStep;
        m_checkpointAt = m_at;
        m_changedSinceCheckpoint = false;
        return;
    }
    CheckpointWriter w;
    json &meta = w.meta();
    meta["epoch"] = m_at.epoch;
    meta["step_in_epoch"] = m_at.stepInEpoch;
    meta["global_step"] = m_at.globalStep;
    meta["config"] = toJson(m_config);
    json taskMeta = json::object();
    m_task->save(w, taskMeta);
    meta["task"] = taskMeta;
    const auto path = m_dir.newCheckpointPath(m_at.globalStep);
    w.writeTo(path);
    m_dir.commitCheckpoint(path, m_config.checkpoint.keep);
    m_checkpointStep = m_at.globalStep;
    m_checkpointAt = m_at;
    m_changedSinceCheckpoint = false;
    event(RunEventKind::Checkpoint, double(m_at.globalStep));
    if (m_observer)
        m_observer->onCheckpoint(path);
}

void RunLoop::loadCheckpoint(const std::string &path, bool continueRun)
{
    const CheckpointReader reader(path, torch::kCPU);
    const auto &meta = reader.meta();
    if (continueRun) {
        // The run's configuration must still describe the checkpoint's model and data.
        const auto problems =
            checkpointConfigMismatch(meta.value("config", json::object()), toJson(m_config));
        if (!problems.empty()) {
            std::string msg = "the configuration in " + m_dir.file("config.json") +
                              " no longer matches checkpoint '" + path + "':";
            for (const auto &p : problems)
                msg += "\n  " + p;
            throw RunError(msg);
        }
    }
    m_task->load(reader, continueRun);
    m_lossWatch.clear();
    if (continueRun) {
        m_at.epoch = meta.at("epoch").get<int64_t>();
        m_at.stepInEpoch = meta.at("step_in_epoch").get<int64_t>();
        m_at.globalStep = meta.at("global_step").get<int64_t>();
        m_checkpointStep = m_at.globalStep;
        m_checkpointAt = m_at;
        m_changedSinceCheckpoint = false;
        m_dir.truncateAfter(m_at.globalStep, m_at.epoch);
        event(RunEventKind::Truncated, double(m_at.globalStep));
        message(MessageLevel::Info, "continued from " + path + " (epoch " +
                                        std::to_string(std::min(m_at.epoch + 1, m_task->epochs())) +
                                        " of " + std::to_string(m_task->epochs()) + ", step " +
                                        std::to_string(m_at.globalStep) + ")");
    } else {
        message(MessageLevel::Info, "forked from " + path);
    }
}

RunResult RunLoop::startFailed(const std::string &why)
{
    RunResult r;
    r.state = RunState::Failed;
    r.message = why;
    if (m_observer)
        m_observer->onMessage(MessageLevel::Error, why);
    try {
        if (m_ownsDir) {
            // A new run that never started (missing data, no CUDA...): leave nothing
            // half-written behind.
            std::filesystem::remove_all(m_dir.path());
        } else {
            m_dir.appendLog(MessageLevel::Error, why);
            m_dir.writeStatus(RunState::Failed, m_at.epoch, m_at.globalStep, why);
        }
    } catch (const std::exception &) {
    }
    if (m_observer)
        m_observer->onFinished(r);
    return r;
}

void RunLoop::renderDiagrams(const Genotype &genotype)
{
    if (!m_dir.writable())
        return;
    const auto dot = genotypeToDot(genotype);
    std::unique_ptr<GraphvizRenderer> own;
    for (const char *fmt : {"svg", "pdf", "png"}) {
        const auto path = m_dir.file(std::string("genotype.") + fmt);
        const double dpi = std::string(fmt) == "png" ? 150.0 : 0.0;
        try {
            if (m_renderer) {
                m_renderer(dot, fmt, path, dpi);
            } else {
                if (!own)
                    own = std::make_unique<GraphvizRenderer>();
                own->renderToFile(dot, fmt, path, dpi);
            }
        } catch (const std::exception &e) {
            message(MessageLevel::Warning, "could not draw " + path + ": " + e.what());
        }
    }
}

RunResult RunLoop::finish(RunState state, const std::string &text, bool writeOutputs)
{
    RunResult r;
    r.state = state;
    r.message = text;
    r.epochsDone = m_at.epoch;
    r.step = m_at.globalStep;
    if (writeOutputs) {
        killPoint("finish");
        try {
            m_task->finish(r);
        } catch (const std::exception &e) {
            message(MessageLevel::Warning, std::string("could not write the results: ") + e.what());
        }
        killPoint("diagrams");
        if (!r.genotype.cells.empty())
            renderDiagrams(r.genotype);
    }
    setState(state, text);
    message(state == RunState::Failed ? MessageLevel::Error : MessageLevel::Info, text);
    if (m_observer)
        m_observer->onFinished(r);
    return r;
}

} // namespace sparsenas
