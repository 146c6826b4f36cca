// SPDX-License-Identifier: MIT
#include "sparsenas/base/killpoint.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>

namespace sparsenas {

namespace {

struct KillAt
{
    std::string label;
    long passage = 1;
};

const KillAt *killAt()
{
    static const KillAt *at = []() -> const KillAt * {
        const char *v = std::getenv("SPARSENAS_KILL_AT");
        if (!v || !*v)
            return nullptr;
        auto *k = new KillAt;
        k->label = v;
        const auto sep = k->label.rfind('@');
        if (sep != std::string::npos) {
            k->passage = std::max(1L, std::strtol(k->label.c_str() + sep + 1, nullptr, 10));
            k->label.resize(sep);
        }
        return k;
    }();
    return at;
}

} // namespace

bool killPointsArmed()
{
    return killAt() != nullptr;
}

void killPoint(const std::string &label)
{
    const KillAt *k = killAt();
    if (!k || label != k->label)
        return;
    static std::atomic<long> passed{0};
    if (++passed == k->passage)
        std::raise(SIGKILL);
}

} // namespace sparsenas
