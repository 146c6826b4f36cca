// SPDX-License-Identifier: MIT
#include "launcher.h"

#include "sparsenas/base/errors.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace sparsenas {

namespace {

std::atomic<int> g_launchSignal{0};

extern "C" void onLaunchSignal(int sig)
{
    g_launchSignal = sig;
}

/// A port of the loopback interface that is free now (the kernel's choice).
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        throw RunError(std::string("cannot open a socket to find a free port: ") +
                       std::strerror(errno));
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) == 0;
    ::close(fd);
    if (!ok)
        throw RunError(std::string("cannot find a free port: ") + std::strerror(errno));
    return ntohs(a.sin_port);
}

int exitCodeOf(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return 1;
}

} // namespace

std::string selfPath()
{
    std::error_code ec;
    const auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("sparsenas") : p.string();
}

InterruptHandler::InterruptHandler(void (*handler)(int))
{
    struct sigaction sa
    {
    };
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGINT, &sa, &m_oldInt);
    sigaction(SIGTERM, &sa, &m_oldTerm);
}

InterruptHandler::~InterruptHandler()
{
    sigaction(SIGINT, &m_oldInt, nullptr);
    sigaction(SIGTERM, &m_oldTerm, nullptr);
}

int launchProcesses(const LaunchOptions &o)
{
    if (o.command.empty())
        throw ConfigError("launch: give the command every process runs, e.g. `sparsenas launch "
                          "--nproc 2 search --preset digits-quick`");
    const std::string &sub = o.command.front();
    if (sub != "search" && sub != "evaluate" && sub != "resume")
        throw ConfigError("launch: '" + sub +
                          "' does not run data-parallel; launch runs search, evaluate or resume");
    const int port = o.port > 0 ? o.port : freePort();
    const std::string self = selfPath();
    std::vector<char *> argv;
    argv.push_back(const_cast<char *>(self.c_str()));
    for (const auto &a : o.command)
        argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);

    const InterruptHandler interrupts(onLaunchSignal);

    std::map<pid_t, int> ranks; // running processes
    pid_t group = 0;
    for (int r = 0; r < o.processes; ++r) {
        // The environment torchrun gives its workers, on top of ours.
        std::vector<std::string> vars = {
            "RANK=" + std::to_string(r),       "WORLD_SIZE=" + std::to_string(o.processes),
            "LOCAL_RANK=" + std::to_string(r), "LOCAL_WORLD_SIZE=" + std::to_string(o.processes),
            "MASTER_ADDR=127.0.0.1",           "MASTER_PORT=" + std::to_string(port)};
        std::vector<char *> envp;
        for (auto &v : vars)
            envp.push_back(v.data());
        for (char **e = environ; *e; ++e) {
            const std::string name(*e, std::strcspn(*e, "="));
            if (name != "RANK" && name != "WORLD_SIZE" && name != "LOCAL_RANK" &&
                name != "LOCAL_WORLD_SIZE" && name != "MASTER_ADDR" && name != "MASTER_PORT")
                envp.push_back(*e);
        }
        envp.push_back(nullptr);
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attr, group);
        pid_t pid = -1;
        const int rc = posix_spawn(&pid, self.c_str(), nullptr, &attr, argv.data(), envp.data());
        posix_spawnattr_destroy(&attr);
        if (rc != 0) {
            if (group > 0)
                ::kill(-group, SIGTERM);
            throw RunError("cannot start '" + self + "': " + std::strerror(rc));
        }
        if (group == 0)
            group = pid;
        ranks[pid] = r;
    }
    std::cerr << "launch: " << o.processes << " processes on 127.0.0.1:" << port << "\n";

    using Clock = std::chrono::steady_clock;
    int result = 0, failedRank = -1;
    bool terminated = false, killed = false;
    Clock::time_point failedAt;
    while (!ranks.empty()) {
        if (const int sig = g_launchSignal.exchange(0)) {
            // Passed on once: each process stops cleanly (a second one quits them at once).
            ::kill(-group, sig);
        }
        if (failedRank >= 0) {
            const double waited = std::chrono::duration<double>(Clock::now() - failedAt).count();
            if (!terminated && waited > o.grace) {
                std::cerr << "launch: the other processes did not stop " << o.grace
                          << " s after rank " << failedRank << " failed; terminating them\n";
                ::kill(-group, SIGTERM);
                terminated = true;
            } else if (terminated && !killed && waited > o.grace + 10) {
                ::kill(-group, SIGKILL);
                killed = true;
            }
        }
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, WNOHANG);
        if (pid == 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            continue;
        }
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        const auto it = ranks.find(pid);
        if (it == ranks.end())
            continue;
        const int rank = it->second;
        ranks.erase(it);
        const int code = exitCodeOf(status);
        if (WIFSIGNALED(status))
            std::cerr << "launch: rank " << rank << " (pid " << pid << ") was killed by signal "
                      << WTERMSIG(status) << " (" << strsignal(WTERMSIG(status)) << ")\n";
        if (code != 0 && failedRank < 0) {
            failedRank = rank;
            failedAt = Clock::now();
            result = code;
        } else if (code != 0 && rank == 0 && result != 130) {
            result = code; // rank 0 says how the run ended
        }
    }
    return result;
}

} // namespace sparsenas
