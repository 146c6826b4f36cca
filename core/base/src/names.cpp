// SPDX-License-Identifier: MIT
#include "sparsenas/base/names.h"

#include <algorithm>

namespace sparsenas {

const std::vector<std::string> &dartsOps()
{
    static const std::vector<std::string> ops = {"none",         "max_pool_3x3", "avg_pool_3x3",
                                                 "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
                                                 "dil_conv_3x3", "dil_conv_5x5"};
    return ops;
}

bool isKnownOp(const std::string &name)
{
    const auto &ops = dartsOps();
    return std::find(ops.begin(), ops.end(), name) != ops.end();
}

const std::vector<std::string> &archOptimizerNames()
{
    static const std::vector<std::string> names = {"hapg", "adam_hapg", "sgd", "adam"};
    return names;
}

} // namespace sparsenas
