// SPDX-License-Identifier: MIT
#pragma once

// Data-parallel runs on PyTorch's c10d (docs/distributed.md): the ranks of a job find each other
// the way torch jobs do (RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT; Slurm's and Open MPI's own
// variables too), join a Gloo process group (NCCL for CUDA tensors where the LibTorch has it)
// through a TCPStore on rank 0, and exchange gradients, scalars and rank 0's commands. No
// networking of our own: every byte goes through c10d.

#include "sparsenas/base/config.h"
#include "sparsenas/base/errors.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace at {
class Tensor;
}
namespace c10 {
struct Device;
}

namespace sparsenas {

/// Where this process sits in a job.
struct DistributedEnv
{
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    std::string source; ///< the variables it came from ("RANK/WORLD_SIZE", "SLURM_PROCID/...")
};

/// Reads RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR and MASTER_PORT (torchrun, sparsenas launch),
/// else SLURM_PROCID / SLURM_NTASKS / SLURM_LOCALID (srun), else OMPI_COMM_WORLD_RANK / _SIZE /
/// _LOCAL_RANK (mpirun). World size 1 when none is set. Throws ConfigError naming the variable
/// for a value that is not a number or out of range, or MASTER_ADDR missing in a multi-process
/// job.
DistributedEnv distributedEnvironment();

/// The backends this build has: "gloo" (CPU; also CUDA tensors, slowly) and "nccl" (CUDA).
std::vector<std::string> distributedBackends();

/// A rank died, hung or failed: what happened, naming the rank.
class DistributedError : public RunError
{
public:
    using RunError::RunError;
};

class Communicator
{
public:
    /// Joins the job's process group; blocks until every rank is there, at most `timeout`, which
    /// also bounds every later exchange. `cuda`: the tensors to average live on the GPU (NCCL
    /// where the build has it). Throws DistributedError / ConfigError naming the problem.
    Communicator(const DistributedEnv &env, bool cuda, std::chrono::milliseconds timeout);
    ~Communicator();
    Communicator(const Communicator &) = delete;
    Communicator &operator=(const Communicator &) = delete;

    int rank() const;
    int worldSize() const;
    /// The process's number on its machine (LOCAL_RANK): the GPU a CUDA run takes.
    int localRank() const;
    /// "gloo" or "nccl" (the tensors' backend).
    std::string backend() const;

    /// Averages the tensors in place across the ranks, in one flat all-reduce per dtype.
    void average(std::vector<at::Tensor> &tensors);
    /// Sums the tensors in place across the ranks (one flat all-reduce per dtype): a tensor of
    /// which every rank filled its own part, zeros elsewhere, comes out whole on every rank.
    void sum(std::vector<at::Tensor> &tensors);
    /// Sums the values in place across the ranks.
    void sum(std::vector<double> &values);
    /// Every rank's value, in rank order, on every rank.
    std::vector<double> gather(double value);
    std::vector<int64_t> gather(int64_t value);
    /// Rank 0's values on every rank (every rank passes a vector of the same length).
    void broadcast(std::vector<double> &values);
    /// Rank 0's `text` on every rank (the others' argument is ignored), through the store.
    std::string share(const std::string &key, const std::string &text);
    /// Every rank says whether it is ready (`problem` empty) or what stopped it; throws
    /// DistributedError naming the ranks that could not go on and why, on every rank.
    void agree(const std::string &what, const std::string &problem);

    /// The step the run is at, for the messages of a fault.
    void setStep(int64_t step) { m_step = step; }
    /// Seconds spent in exchanges since the last call.
    double takeCommSeconds();

private:
    void allReduce(std::vector<at::Tensor> &tensors, bool mean);
    struct Private;
    template <class F>
    void guarded(const char *what, F &&f);
    std::string describeFault(const char *what, const std::string &error);
    std::unique_ptr<Private> d;
    int64_t m_step = 0;
};

/// A run's batches cut into shards (search.batch_shards; 0: one per process), and the ones
/// this rank computes: [first, first + local) of `count`.
struct BatchShards
{
    int64_t count = 1, first = 0, local = 1;
    /// For the run's opening message: "; rank 0 of 2 (gloo), shards 1-1 of 2 of every batch",
    /// "; every batch in 2 shards (search.batch_shards)" for one process, or nothing.
    std::string describe(const Communicator *comm) const;
};

/// This rank's shards of `config`'s batches (`comm` nullptr: one process). Throws RunError
/// naming the setting when they do not divide evenly.
BatchShards shareBatch(const RunConfig &config, const Communicator *comm);

/// Tensors of which this rank computed the rows of its shards (dim 0 cut like the batch: the
/// hidden states a recurrent run carries from batch to batch), made whole on every rank: the
/// other rows zeroed, then summed across the ranks. Every rank then holds the state a
/// checkpoint must keep (rank 0 writes it) and a resume with fewer processes needs. Nothing
/// for `comm` nullptr.
void shareShardRows(Communicator *comm, const BatchShards &shards, std::vector<at::Tensor> tensors);

/// The device a run of `kind` computes on: the CPU, or the GPU of this process's local rank.
/// Throws (useCuda) when CUDA is asked for and missing.
c10::Device runDevice(DeviceKind kind, const Communicator *comm);

/// A fingerprint of every bit of the tensors (FNV-1a over their bytes).
uint64_t tensorChecksum(const std::vector<at::Tensor> &tensors);

} // namespace sparsenas
