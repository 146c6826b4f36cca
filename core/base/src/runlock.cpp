// SPDX-License-Identifier: MIT
#include "sparsenas/base/runlock.h"

#include "sparsenas/base/errors.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

namespace sparsenas {

namespace {

#ifdef F_OFD_SETLK
constexpr int kSetLock = F_OFD_SETLK;
constexpr int kGetLock = F_OFD_GETLK;
#else
constexpr int kSetLock = F_SETLK; // kernels without OFD locks: per-process record locks
constexpr int kGetLock = F_GETLK;
#endif

std::string lockPath(const std::string &dir)
{
    return (std::filesystem::path(dir) / "run.lock").string();
}

struct flock wholeFile(short type)
{
    struct flock l;
    std::memset(&l, 0, sizeof l);
    l.l_type = type;
    l.l_whence = SEEK_SET;
    l.l_start = 0;
    l.l_len = 0; // to the end, however long
    return l;
}

/// What run.lock says about its holder: the line the holder wrote.
std::string describeHolder(int fd)
{
    char buf[512];
    const ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    std::string text = n > 0 ? std::string(buf, size_t(n)) : std::string();
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    return text.empty() ? std::string("another process") : text;
}

} // namespace

RunLock RunLock::acquire(const std::string &dir, const std::string &purpose)
{
    const std::string path = lockPath(dir);
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        throw RunError("cannot open the run's lock file '" + path + "': " + std::strerror(errno));
    struct flock l = wholeFile(F_WRLCK);
    if (::fcntl(fd, kSetLock, &l) != 0) {
        const int err = errno;
        std::string who = describeHolder(fd);
        ::close(fd);
        if (err == EACCES || err == EAGAIN)
            throw RunBusyError(
                "'" + dir + "' is being written by " + who +
                "; wait for it to end or stop it first (one writer per run directory)");
        if (err == ENOLCK || err == EINVAL || err == EOPNOTSUPP || err == ENOSYS) {
            // A filesystem without locks (an NFS mount with nolock, some FUSE and 9p mounts):
            // the run goes on unguarded rather than not at all, and says so.
            RunLock unguarded;
            unguarded.m_warning = "the run directory '" + dir + "' cannot be locked here (" +
                                  std::strerror(err) +
                                  "): nothing stops a second process from writing it";
            return unguarded;
        }
        throw RunError("cannot lock the run directory '" + dir + "' (" + path +
                       "): " + std::strerror(err));
    }
    char host[256] = "?";
    gethostname(host, sizeof host - 1);
    char when[64] = "";
    const std::time_t now = std::time(nullptr);
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&now));
    const std::string line = "process " + std::to_string(getpid()) + " on " + host + ", " +
                             purpose + ", since " + when + "\n";
    // The description is for people; the lock itself is what counts, so a failed write is not
    // an error.
    if (::ftruncate(fd, 0) == 0) {
        [[maybe_unused]] const ssize_t written = ::pwrite(fd, line.data(), line.size(), 0);
    }
    return RunLock(fd);
}

std::optional<std::string> RunLock::holder(const std::string &dir)
{
    const std::string path = lockPath(dir);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt; // never locked: written before locks, or not a run
    // A read lock conflicts with any writer's lock, so asking for one finds the writer.
    struct flock l = wholeFile(F_RDLCK);
    std::optional<std::string> who;
    if (::fcntl(fd, kGetLock, &l) == 0 && l.l_type != F_UNLCK)
        who = describeHolder(fd);
    ::close(fd);
    return who;
}

RunLock::RunLock(RunLock &&other) noexcept : m_fd(other.m_fd), m_warning(std::move(other.m_warning))
{
    other.m_fd = -1;
}

RunLock &RunLock::operator=(RunLock &&other) noexcept
{
    if (this != &other) {
        release();
        m_fd = other.m_fd;
        m_warning = std::move(other.m_warning);
        other.m_fd = -1;
    }
    return *this;
}

RunLock::~RunLock()
{
    release();
}

void RunLock::release()
{
    if (m_fd >= 0) {
        // Closing the only descriptor of the open file drops its lock; run.lock stays, empty of
        // meaning until the next writer.
        ::close(m_fd);
        m_fd = -1;
    }
}

} // namespace sparsenas
