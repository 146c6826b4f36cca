// SPDX-License-Identifier: MIT
#pragma once

#include <csignal>
#include <string>
#include <vector>

namespace sparsenas {

/// This program's own executable (/proc/self/exe), to start copies of it.
std::string selfPath();

/// For a process that waits for its children: SIGINT and SIGTERM go to `handler`, without
/// SA_RESTART (waitpid returns on a signal), until the object is gone; then the handlers before
/// it are back, also when the waiting ends by an exception.
class InterruptHandler
{
public:
    explicit InterruptHandler(void (*handler)(int));
    ~InterruptHandler();
    InterruptHandler(const InterruptHandler &) = delete;
    InterruptHandler &operator=(const InterruptHandler &) = delete;

private:
    struct sigaction m_oldInt
    {
    };
    struct sigaction m_oldTerm
    {
    };
};

struct LaunchOptions
{
    int processes = 2;
    int port = 0;       ///< MASTER_PORT; 0: a free port of the loopback interface
    double grace = 330; ///< seconds the others get to stop by themselves after one failed
    std::vector<std::string> command; ///< the sparsenas command each process runs (no argv[0])
};

/// `sparsenas launch --nproc N COMMAND...`: N processes of this program on this machine, each
/// with RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR (127.0.0.1) and MASTER_PORT
/// set as torchrun sets them (docs/distributed.md). They run in a process group of their own:
/// a Ctrl-C (or SIGTERM) to the launcher is passed on once to each. When one fails, the others
/// get `grace` seconds to notice and stop by themselves (they name the failed rank), then
/// SIGTERM, then SIGKILL. Returns 0 when every process exited 0, else the first failure's exit
/// code (128 + the signal for a process killed by one), 130 for a stopped run.
int launchProcesses(const LaunchOptions &options);

} // namespace sparsenas
