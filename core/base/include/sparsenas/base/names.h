// SPDX-License-Identifier: MIT
#pragma once

// The names a config may use for operations and architecture optimizers. Torch-free, so the
// studio's config form validates against the same lists as the engine.

#include <string>
#include <vector>

namespace sparsenas {

/// The 8 DARTS operations, in DARTS's column order.
const std::vector<std::string> &dartsOps();
bool isKnownOp(const std::string &name);
/// Architecture optimizers: "hapg", "adam_hapg", "sgd", "adam".
const std::vector<std::string> &archOptimizerNames();

} // namespace sparsenas
