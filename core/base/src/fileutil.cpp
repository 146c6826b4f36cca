// SPDX-License-Identifier: MIT
#include "sparsenas/base/fileutil.h"

#include "sparsenas/base/killpoint.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

namespace sparsenas {

void writeFileAtomic(const std::string &path, const std::string &bytes)
{
    namespace fs = std::filesystem;
    const fs::path target(path);
    if (target.has_parent_path())
        fs::create_directories(target.parent_path());
    const std::string tmp = path + ".tmp." + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        throw std::runtime_error("cannot write '" + tmp + "': " + std::strerror(errno));
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const std::string err = std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            throw std::runtime_error("cannot write '" + tmp + "': " + err);
        }
        done += size_t(n);
    }
    // fsync before rename: after a crash the target is either the old or the new content.
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string err = std::strerror(errno);
        ::unlink(tmp.c_str());
        throw std::runtime_error("cannot flush '" + tmp + "': " + err);
    }
    killPoint("write:" + target.filename().string());
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string err = std::strerror(errno);
        ::unlink(tmp.c_str());
        throw std::runtime_error("cannot rename '" + tmp + "' to '" + path + "': " + err);
    }
}

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open '" + path + "': " + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad())
        throw std::runtime_error("error while reading '" + path + "'");
    return ss.str();
}

std::string csvField(const std::string &s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace sparsenas
