// SPDX-License-Identifier: MIT
#pragma once

// One writer per run directory: an advisory lock on <run>/run.lock, held for the life of the
// run by whoever writes it (a search, a resume, a fork's new directory) and released on any exit
// of that process, kill -9 included, because the kernel drops it with the last descriptor.
//
// The lock is an open-file-description lock (fcntl F_OFD_SETLK): unlike a classic POSIX record
// lock it belongs to one open file, not to the process, so a second run in the same process (the
// studio) is refused too, and a reader that opens the file to ask does not release it on close.
// On NFS, Linux maps it to the server's lock manager (NLM / NFSv4 locks). Readers (the studio's
// follower, `sparsenas status`) never take it; they only ask whether somebody holds it.

#include <optional>
#include <string>

namespace sparsenas {

class RunLock
{
public:
    RunLock() = default;
    /// Takes the lock of run directory `dir` (which must exist), writing this process's id, host
    /// and `purpose` into run.lock. Throws RunBusyError naming the holder if another writer has it.
    /// On a filesystem without locks it returns an unheld lock with a warning().
    static RunLock acquire(const std::string &dir, const std::string &purpose);
    /// Who writes `dir` now ("process 1234 on host, sparsenas search, since 2026-12-01 10:00:00
    /// UTC"), or std::nullopt if nobody holds its lock.
    static std::optional<std::string> holder(const std::string &dir);

    RunLock(RunLock &&other) noexcept;
    RunLock &operator=(RunLock &&other) noexcept;
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;
    ~RunLock();

    bool held() const { return m_fd >= 0; }
    /// Why the directory could not be locked, on a filesystem without locks (the run goes on
    /// unguarded); empty otherwise.
    const std::string &warning() const { return m_warning; }
    /// Lets go early (the destructor does it too).
    void release();

private:
    explicit RunLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
    std::string m_warning;
};

} // namespace sparsenas
