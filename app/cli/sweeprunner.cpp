// SPDX-License-Identifier: MIT
#include "sweeprunner.h"

#include "launcher.h"

#include "progressprinter.h"

#include "sparsenas/base/config.h"
#include "sparsenas/base/errors.h"
#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/jsontext.h"
#include "sparsenas/base/runlock.h"
#include "sparsenas/sweepparams.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace fs = std::filesystem;
using nlohmann::json;

namespace sparsenas {

namespace {

std::atomic<int> g_sweepInterrupts{0};

extern "C" void onSweepSignal(int)
{
    g_sweepInterrupts.fetch_add(1);
}

/// Starts `args` (argv[0] excluded) of this program with its output appended to `log`.
pid_t spawnLogged(const std::vector<std::string> &args, const std::string &log)
{
    const std::string self = selfPath();
    std::vector<char *> argv;
    argv.push_back(const_cast<char *>(self.c_str()));
    for (const auto &a : args)
        argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    // The children do not see a Ctrl-C at the terminal (their own process group); the sweep
    // passes one on to each, so that every run stops cleanly with a checkpoint.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, self.c_str(), &actions, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0)
        throw std::runtime_error("cannot start '" + self + "': " + std::strerror(rc));
    return pid;
}

std::string rowText(const SweepRow &r)
{
    std::string s = r.state;
    if (r.valAcc >= 0) {
        char buf[48];
        std::snprintf(buf, sizeof buf, ", val %.1f%%", 100.0 * r.valAcc);
        s += buf;
    }
    for (size_t i = 0; i < r.cellTypes.size(); ++i)
        s += (i ? " " : ", ") + std::string(r.cellTypes[i] == "normal" ? "N:" : "R:") +
             std::to_string(r.aliveNodes[i]) + "n/" + std::to_string(r.alivePaths[i]) + "p";
    if (r.epochsDone > 0)
        s += ", " + std::to_string(r.epochsDone) + (r.epochsDone == 1 ? " epoch" : " epochs") +
             " in " + formatDuration(r.seconds);
    if (r.testAcc >= 0) {
        char buf[48];
        std::snprintf(buf, sizeof buf, ", test %.1f%%", 100.0 * r.testAcc);
        s += buf;
    } else if (!r.evalState.empty() && r.evalState != "finished") {
        s += ", evaluation " + r.evalState;
    }
    if (r.state == "failed" && !r.message.empty())
        s += ": " + r.message;
    return s;
}

/// Whether a point still has work: its search, or (with evaluations) its evaluation.
bool searchDone(const SweepRow &r)
{
    return r.state == "finished" || r.state == "failed";
}
bool evaluationDone(const SweepRow &r)
{
    return r.evalState == "finished" || r.evalState == "failed";
}

} // namespace

int runSweep(const SweepOptions &o)
{
    const auto points = sweepPoints(o.axes);
    // Every point's configuration is checked before anything is made.
    std::vector<json> configs;
    std::vector<RunConfig> runConfigs;
    std::optional<SpaceKind> evalSpace;
    if (!o.evaluatePreset.empty()) {
        const RunConfig eval = presetConfig(o.evaluatePreset); // an unknown name is said here
        evalSpace = eval.space.kind;
        if (eval.task != TaskKind::Evaluate)
            throw ConfigError("--evaluate " + o.evaluatePreset +
                              ": not an evaluation preset (task \"" + nameOf(eval.task) + "\")");
        json j = toJson(eval);
        try {
            for (const auto &set : o.evaluateSets)
                applyConfigOverride(j, set);
            configFromJson(j);
        } catch (const ConfigError &e) {
            throw ConfigError("--evaluate-set: " + std::string(e.what()));
        }
    }
    for (const auto &p : points) {
        json j = o.base;
        try {
            for (const auto &a : p.assignments)
                applyConfigOverride(j, a);
            const RunConfig c = configFromJson(j);
            if (c.task != TaskKind::Search)
                throw ConfigError("a sweep runs searches; the configuration sets task \"" +
                                  nameOf(c.task) + "\"");
            // A cell goes to a network of its own kind: checked here, not after each search.
            if (evalSpace && c.space.kind != *evalSpace)
                throw ConfigError(
                    "--evaluate " + o.evaluatePreset + " trains " +
                    (*evalSpace == SpaceKind::Rnn ? "a language model" : "an image network") +
                    ", and this point searches the " + nameOf(c.space.kind) +
                    " space: choose an evaluation preset of that space (" +
                    (c.space.kind == SpaceKind::Rnn
                         ? "text-eval, ptb-eval"
                         : "digits-eval, fashion-mnist-eval, cifar10-eval, cifar100-eval") +
                    ")");
            configs.push_back(toJson(c));
            runConfigs.push_back(c);
        } catch (const ConfigError &e) {
            throw ConfigError(o.origin + ", sweep point " + p.name + ": " + e.what());
        }
    }

    const fs::path out(o.out);
    std::error_code ec;
    fs::create_directories(out / "configs", ec);
    if (ec)
        throw std::runtime_error("cannot create the sweep folder '" + o.out + "': " + ec.message());
    const json record = sweepRecord(o.base, o.axes);
    const auto recordPath = (out / "sweep.json").string();
    if (fs::exists(recordPath)) {
        JsonTextProblem problem;
        const auto stored = parseJsonText(readFile(recordPath), &problem);
        const std::string why = stored ? sweepRecordMismatch(*stored, record)
                                       : problem.describe(recordPath);
        if (!why.empty())
            throw ConfigError("'" + o.out + "' holds another sweep (" + why +
                              "); choose another --out");
    } else {
        writeFileAtomic(recordPath, record.dump(2) + "\n");
    }
    for (size_t i = 0; i < points.size(); ++i)
        writeFileAtomic((out / "configs" / (points[i].name + ".json")).string(),
                        configs[i].dump(2) + "\n");

    // What is left to do: finished and failed points are results; the rest run or continue.
    // A job is a point's search, or (with evaluations) its evaluation once the search finished.
    struct Job
    {
        size_t point = 0;
        bool evaluation = false;
    };
    const bool evaluate = !o.evaluatePreset.empty();
    std::deque<Job> pending;
    std::vector<SweepRow> rows(points.size());
    int busy = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        const std::string dir = (out / points[i].name).string();
        rows[i] = readSweepRow(dir, points[i]);
        const std::string evalDir = (fs::path(dir) / kSweepEvaluationDir).string();
        if (evaluate && rows[i].state == "finished" && !evaluationDone(rows[i])) {
            if (const auto holder = RunLock::holder(evalDir)) {
                std::cerr << "[" << (i + 1) << "/" << points.size() << "] " << points[i].name
                          << ": left alone, another process evaluates it: " << *holder << "\n";
                ++busy;
            } else {
                pending.push_back({i, true});
            }
        } else if (searchDone(rows[i])) {
            std::cerr << "[" << (i + 1) << "/" << points.size() << "] " << points[i].name << ": "
                      << rowText(rows[i]) << " (done before)\n";
        } else if (const auto holder = RunLock::holder(dir)) {
            std::cerr << "[" << (i + 1) << "/" << points.size() << "] " << points[i].name
                      << ": left alone, another process writes it: " << *holder << "\n";
            ++busy;
        } else {
            pending.push_back({i, false});
        }
    }

    const int cores = std::max(1, int(std::thread::hardware_concurrency()));
    int jobs = o.jobs, threads = o.threads;
    if (jobs <= 0)
        jobs = threads > 0 ? std::max(1, cores / threads) : cores;
    jobs = std::max(1, std::min<int>(jobs, int(std::max<size_t>(pending.size(), 1))));
    if (threads <= 0)
        threads = std::max(1, cores / jobs);
    if (!pending.empty())
        std::cerr << "sweep: " << pending.size() << " of " << points.size() << " points to run, "
                  << jobs << (jobs == 1 ? " process" : " processes") << " of " << threads
                  << (threads == 1 ? " thread" : " threads") << ", in " << o.out << "\n";

    std::optional<InterruptHandler> interrupts(std::in_place, onSweepSignal);

    std::map<pid_t, Job> running;
    bool forwarded = false;
    int couldNotRun = 0;
    while (!pending.empty() || !running.empty()) {
        const bool stopping = g_sweepInterrupts.load() > 0;
        if (stopping && !forwarded) {
            std::cerr << "sweep: stopping; each running point writes a checkpoint (run the same "
                         "command again to continue)\n";
            for (const auto &[pid, i] : running)
                ::kill(pid, SIGINT);
            forwarded = true;
        }
        while (!stopping && !pending.empty() && int(running.size()) < jobs) {
            const Job job = pending.front();
            const size_t i = job.point;
            pending.pop_front();
            const std::string dir = (out / points[i].name).string();
            const std::string evalDir = (fs::path(dir) / kSweepEvaluationDir).string();
            const std::string log = (out / (points[i].name + ".log")).string();
            const std::string runDir = job.evaluation ? evalDir : dir;
            const bool resume = fs::exists(fs::path(runDir) / "config.json");
            std::vector<std::string> args;
            if (resume)
                args = {"resume", runDir, "-q", "--threads", std::to_string(threads)};
            else if (job.evaluation) {
                args = {"evaluate", dir,  "--preset",  o.evaluatePreset,       "--out",
                        evalDir,    "-q", "--threads", std::to_string(threads)};
                for (const auto &set : o.evaluateSets) {
                    args.push_back("--set");
                    args.push_back(set);
                }
            } else
                args = {"search",
                        "-c",
                        (out / "configs" / (points[i].name + ".json")).string(),
                        "--out",
                        dir,
                        "-q",
                        "--threads",
                        std::to_string(threads)};
            try {
                running[spawnLogged(args, log)] = job;
                std::cerr << "[" << (i + 1) << "/" << points.size() << "] " << points[i].name
                          << ": " << (job.evaluation ? "evaluation " : "")
                          << (resume ? "resumed" : "started") << "\n";
            } catch (const std::exception &e) {
                std::cerr << "[" << (i + 1) << "/" << points.size() << "] " << points[i].name
                          << ": " << e.what() << "\n";
                ++couldNotRun;
            }
        }
        if (running.empty())
            break;
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        const auto it = running.find(pid);
        if (it == running.end())
            continue;
        const Job job = it->second;
        const size_t i = job.point;
        running.erase(it);
        rows[i] = readSweepRow((out / points[i].name).string(), points[i]);
        std::string how = rowText(rows[i]);
        if (WIFSIGNALED(status))
            how += " (the process was killed by signal " + std::to_string(WTERMSIG(status)) + ")";
        std::cerr << "[" << (i + 1) << "/" << points.size() << "] " << points[i].name << ": " << how
                  << "\n";
        // A finished search is evaluated next, before other points start.
        if (evaluate && !job.evaluation && rows[i].state == "finished" &&
            !evaluationDone(rows[i]) && g_sweepInterrupts.load() == 0)
            pending.push_front({i, true});
    }
    interrupts.reset(); // the summary below is written with the usual handlers

    for (size_t i = 0; i < points.size(); ++i)
        rows[i] = readSweepRow((out / points[i].name).string(), points[i]);
    std::vector<std::string> problems;
    countSweepParameters(rows, out.string(), o.evaluatePreset, nullptr, &problems);
    for (const auto &p : problems)
        std::cerr << "sweep: no parameter count for " << p << "\n";
    writeFileAtomic((out / "summary.csv").string(), sweepCsv(o.axes, rows));
    writeFileAtomic((out / "summary.md").string(), sweepMarkdown(o.axes, rows));
    const Figure curves = sweepCurvesFigure(rows);
    writeFileAtomic((out / "curves.svg").string(), renderFigure(curves, "svg"));
    writeFileAtomic((out / "curves.pdf").string(), renderFigure(curves, "pdf"));
    std::cout << sweepMarkdown(o.axes, rows);
    std::cerr << "wrote " << (out / "summary.csv").string()
              << ", summary.md, curves.svg and curves.pdf\n";

    // With evaluations, a point is finished when its evaluation is, and failed when either
    // part failed.
    int finished = 0, failed = 0;
    for (const auto &r : rows) {
        const bool done = r.state == "finished" && (!evaluate || r.evalState == "finished");
        finished += done ? 1 : 0;
        failed += r.state == "failed" || (evaluate && r.evalState == "failed") ? 1 : 0;
    }
    const int open = int(points.size()) - finished - failed;
    if (g_sweepInterrupts.load() > 0) {
        std::cerr << "sweep: stopped with " << open << " of " << points.size()
                  << " points not finished; run the same command again to continue\n";
        return 130;
    }
    if (failed > 0 || open > 0 || couldNotRun > 0 || busy > 0) {
        std::cerr << "sweep: " << finished << " of " << points.size() << " points finished";
        if (failed > 0)
            std::cerr << ", " << failed << " failed (their reasons are in the summary)";
        if (open > 0)
            std::cerr << ", " << open
                      << " did not finish (run the same command again to continue them)";
        std::cerr << "\n";
        return 1;
    }
    return 0;
}

} // namespace sparsenas
