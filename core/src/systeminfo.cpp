// SPDX-License-Identifier: MIT
#include "sparsenas/systeminfo.h"

#include "sparsenas/base/errors.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <algorithm>
#include <fstream>
#include <thread>

namespace sparsenas {

int configureThreads(int threads)
{
    const int n = threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(n);
    return n;
}

bool cudaAvailable()
{
    return torch::cuda::is_available();
}

bool useCuda(DeviceKind device)
{
    if (device != DeviceKind::Cuda)
        return false;
    if (!cudaAvailable())
        throw RunError("device 'cuda' was asked for, but this LibTorch has no CUDA support or "
                       "sees no GPU; use --device cpu");
    return true;
}

std::string torchVersion()
{
    return TORCH_VERSION;
}

std::string blasInUse()
{
    // /proc/self/maps lists the shared objects actually mapped: which libblas.so.3 the
    // alternatives system resolved to (OpenBLAS, reference BLAS, MKL...).
    std::ifstream maps("/proc/self/maps");
    std::string line, found;
    while (std::getline(maps, line)) {
        const auto pos = line.find('/');
        if (pos == std::string::npos)
            continue;
        const auto path = line.substr(pos);
        for (const char *key : {"openblas", "libmkl", "blis", "libblas.so", "atlas"}) {
            if (path.find(key) != std::string::npos && found.find(path) == std::string::npos)
                found += (found.empty() ? "" : ", ") + path;
        }
    }
    return found.empty() ? "unknown (no BLAS library mapped)" : found;
}

} // namespace sparsenas
