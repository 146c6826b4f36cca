// SPDX-License-Identifier: MIT
#pragma once

// What the machine and this build offer: threads, CUDA, the LibTorch version and the BLAS that
// LibTorch's matrix products end up in. No torch types in this header.

#include "sparsenas/base/names.h"

#include <string>

namespace sparsenas {

/// torch::set_num_threads with `threads` (0: all cores); returns the count in force.
int configureThreads(int threads);
/// Whether LibTorch was built with CUDA and sees a device.
bool cudaAvailable();
/// Whether a run may use `device`: true for a GPU run that can, false for a CPU run; throws
/// RunError saying what to do for a GPU run that cannot.
bool useCuda(DeviceKind device);
/// "1.13.0" etc.: the LibTorch this build uses.
std::string torchVersion();
/// The BLAS LibTorch's matrix products end up in (read from the loaded libraries).
std::string blasInUse();

} // namespace sparsenas
