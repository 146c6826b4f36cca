// SPDX-License-Identifier: MIT
#include "sparsenas/distributed.h"

#include "sparsenas/systeminfo.h"

#include <torch/torch.h>

#ifdef SPARSENAS_HAVE_C10D
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef SPARSENAS_HAVE_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#endif

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <sstream>
#include <thread>

namespace sparsenas {

using Clock = std::chrono::steady_clock;

namespace {

const char *variable(const char *name)
{
    const char *v = std::getenv(name);
    return v && *v ? v : nullptr;
}

int integerVariable(const char *name, long lo, long hi)
{
    const char *v = variable(name);
    errno = 0;
    char *end = nullptr;
    const long n = std::strtol(v, &end, 10);
    if (errno != 0 || end == v || *end != '\0' || n < lo || n > hi)
        throw ConfigError(std::string("the environment variable ") + name + " is '" + v +
                          "', not a whole number in [" + std::to_string(lo) + ", " +
                          std::to_string(hi) + "]");
    return int(n);
}

std::string firstLine(const std::string &text)
{
    const auto end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end);
}

} // namespace

DistributedEnv distributedEnvironment()
{
    DistributedEnv e;
    struct Names
    {
        const char *rank, *size, *local;
    };
    const Names sets[] = {
        {"RANK", "WORLD_SIZE", "LOCAL_RANK"},
        {"SLURM_PROCID", "SLURM_NTASKS", "SLURM_LOCALID"},
        {"OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE", "OMPI_COMM_WORLD_LOCAL_RANK"}};
    for (const auto &n : sets) {
        if (!variable(n.size) && !variable(n.rank))
            continue;
        if (!variable(n.size))
            throw ConfigError(std::string(n.rank) + " is set but " + n.size +
                              " is not: a data-parallel job sets both");
        e.worldSize = integerVariable(n.size, 1, 65536);
        if (e.worldSize == 1 && !variable(n.rank))
            return e;
        if (!variable(n.rank))
            throw ConfigError(std::string(n.size) + " is " + std::to_string(e.worldSize) + " but " +
                              n.rank +
                              " is not set: launch the processes with torchrun, srun, mpirun "
                              "or `sparsenas launch --nproc N`");
        e.rank = integerVariable(n.rank, 0, e.worldSize - 1);
        e.localRank = variable(n.local) ? integerVariable(n.local, 0, 65535) : 0;
        e.source = std::string(n.rank) + "/" + n.size;
        break;
    }
    if (e.worldSize == 1)
        return e;
    if (!variable("MASTER_ADDR"))
        throw ConfigError("MASTER_ADDR is not set: the " + std::to_string(e.worldSize) +
                          " processes meet at rank 0's address (MASTER_ADDR) and port "
                          "(MASTER_PORT); docs/distributed.md");
    e.masterAddr = variable("MASTER_ADDR");
    if (variable("MASTER_PORT"))
        e.masterPort = integerVariable("MASTER_PORT", 1, 65535);
    return e;
}

std::vector<std::string> distributedBackends()
{
    std::vector<std::string> out;
#ifdef SPARSENAS_HAVE_C10D
    out.push_back("gloo");
#ifdef SPARSENAS_HAVE_NCCL
    out.push_back("nccl");
#endif
#endif
    return out;
}

BatchShards shareBatch(const RunConfig &c, const Communicator *comm)
{
    const int64_t world = comm ? comm->worldSize() : 1;
    const int64_t rank = comm ? comm->rank() : 0;
    const int64_t s = c.search.batchShards > 0 ? c.search.batchShards : world;
    if (s % world != 0)
        throw RunError("search.batch_shards is " + std::to_string(s) + ", which " +
                       std::to_string(world) +
                       " processes cannot share evenly: run with a number of processes that "
                       "divides it (the steps stay the same), or --set search.batch_shards=" +
                       std::to_string(world) + " (batch norm then sees other shards)");
    if (c.search.batchSize % s != 0 || c.search.batchSize / s < 2)
        throw RunError("search.batch_size " + std::to_string(c.search.batchSize) +
                       " cannot be cut into " + std::to_string(s) +
                       " equal shards of at least 2 images (search.batch_shards, or one shard "
                       "per process): choose a batch size that is a multiple of " +
                       std::to_string(2 * s));
    BatchShards b;
    b.count = s;
    b.local = s / world;
    b.first = rank * b.local;
    return b;
}

void shareShardRows(Communicator *comm, const BatchShards &shards, std::vector<at::Tensor> tensors)
{
    if (!comm || tensors.empty())
        return;
    torch::NoGradGuard noGrad;
    for (auto &t : tensors) {
        // Zero every row this rank did not compute, so that the sum holds each row once.
        const int64_t size = t.size(0) / shards.count;
        const int64_t begin = shards.first * size, end = (shards.first + shards.local) * size;
        if (begin > 0)
            t.narrow(0, 0, begin).zero_();
        if (end < t.size(0))
            t.narrow(0, end, t.size(0) - end).zero_();
    }
    comm->sum(tensors);
}

std::string BatchShards::describe(const Communicator *comm) const
{
    std::ostringstream ss;
    if (comm)
        ss << "; rank " << comm->rank() << " of " << comm->worldSize() << " (" << comm->backend()
           << "), shards " << (first + 1) << "-" << (first + local) << " of " << count
           << " of every batch";
    else if (count > 1)
        ss << "; every batch in " << count << " shards (search.batch_shards)";
    return ss.str();
}

torch::Device runDevice(DeviceKind kind, const Communicator *comm)
{
    if (!useCuda(kind))
        return torch::Device(torch::kCPU);
    // One GPU per process of a machine, by its local rank.
    const int64_t count = std::max<int64_t>(1, int64_t(torch::cuda::device_count()));
    const int64_t index = comm ? comm->localRank() % count : 0;
    return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
}

uint64_t tensorChecksum(const std::vector<at::Tensor> &tensors)
{
    // FNV-1a over the bytes: equal on two ranks only if every bit is.
    uint64_t h = 1469598103934665603ULL;
    for (const auto &t : tensors) {
        const auto c = t.detach().to(torch::kCPU).contiguous();
        const auto *p = static_cast<const unsigned char *>(c.data_ptr());
        const size_t n = size_t(c.numel()) * c.element_size();
        for (size_t i = 0; i < n; ++i) {
            h ^= p[i];
            h *= 1099511628211ULL;
        }
    }
    return h;
}

#ifdef SPARSENAS_HAVE_C10D

struct Communicator::Private
{
    DistributedEnv env;
    std::chrono::milliseconds timeout{0};
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> gloo;
#ifdef SPARSENAS_HAVE_NCCL
    c10::intrusive_ptr<c10d::ProcessGroupNCCL> nccl;
#endif
    double commSeconds = 0;
};

Communicator::Communicator(const DistributedEnv &env, bool cuda, std::chrono::milliseconds timeout)
    : d(std::make_unique<Private>())
{
    d->env = env;
    d->timeout = timeout;
    const std::string where = env.masterAddr + ":" + std::to_string(env.masterPort);
    try {
        c10d::TCPStoreOptions o;
        o.port = uint16_t(env.masterPort);
        o.isServer = env.rank == 0;
        o.numWorkers = size_t(env.worldSize);
        o.waitWorkers = true;
        o.timeout = timeout;
        d->store = c10::make_intrusive<c10d::TCPStore>(env.masterAddr, o);
    } catch (const std::exception &e) {
        throw DistributedError("rank " + std::to_string(env.rank) + " of " +
                               std::to_string(env.worldSize) + " could not meet the others at " +
                               where + " (MASTER_ADDR:MASTER_PORT) within " +
                               std::to_string(timeout.count() / 1000) +
                               " s (search.dist_timeout): " + firstLine(e.what()));
    }
    try {
        auto opts = c10d::ProcessGroupGloo::Options::create(timeout);
        // GLOO_SOCKET_IFNAME picks the interface, as for torch; a job on one machine talks
        // over the loopback; otherwise the address this host's name resolves to.
        if (const char *ifname = variable("GLOO_SOCKET_IFNAME")) {
            opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(ifname));
        } else if (env.masterAddr.rfind("127.", 0) == 0 || env.masterAddr == "localhost") {
            opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
        } else {
            opts->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
        }
        opts->threads = 1;
        d->gloo = c10::make_intrusive<c10d::ProcessGroupGloo>(
            c10::make_intrusive<c10d::PrefixStore>("gloo", d->store), env.rank, env.worldSize,
            opts);
#ifdef SPARSENAS_HAVE_NCCL
        if (cuda) {
            auto nopts = c10d::ProcessGroupNCCL::Options::create();
            nopts->timeout = timeout;
            d->nccl = c10::make_intrusive<c10d::ProcessGroupNCCL>(
                c10::make_intrusive<c10d::PrefixStore>("nccl", d->store), env.rank, env.worldSize,
                nopts);
        }
#else
        (void)cuda;
#endif
    } catch (const std::exception &e) {
        throw DistributedError("rank " + std::to_string(env.rank) + " of " +
                               std::to_string(env.worldSize) +
                               " could not set up the Gloo process group: " + firstLine(e.what()));
    }
}

Communicator::~Communicator() = default;

int Communicator::rank() const
{
    return d->env.rank;
}

int Communicator::worldSize() const
{
    return d->env.worldSize;
}

int Communicator::localRank() const
{
    return d->env.localRank;
}

std::string Communicator::backend() const
{
#ifdef SPARSENAS_HAVE_NCCL
    if (d->nccl)
        return "nccl";
#endif
    return "gloo";
}

template <class F>
void Communicator::guarded(const char *what, F &&f)
{
    const auto t0 = Clock::now();
    try {
        f();
    } catch (const DistributedError &) {
        throw;
    } catch (const std::exception &e) {
        throw DistributedError(describeFault(what, e.what()));
    }
    d->commSeconds += std::chrono::duration<double>(Clock::now() - t0).count();
}

std::string Communicator::describeFault(const char *what, const std::string &error)
{
    // Who is still there: every rank that fails says so in the store and waits a little for
    // the others to say the same; a rank that never does died or hangs. Rank 0 holds the
    // store: if it is gone, so is the store.
    const int me = d->env.rank, world = d->env.worldSize;
    const std::string of = " of " + std::to_string(world);
    std::ostringstream ss;
    try {
        d->store->set("sparsenas/fault/" + std::to_string(me), std::vector<uint8_t>{1});
    } catch (const std::exception &) {
        ss << "rank 0" << of << " is gone (it held the rendezvous at " << d->env.masterAddr << ":"
           << d->env.masterPort << "); rank " << me << " stopped in " << what << " at step "
           << m_step << ": " << firstLine(error);
        return ss.str();
    }
    const auto wait =
        std::min<std::chrono::milliseconds>(d->timeout, std::chrono::milliseconds(10000));
    const auto until = Clock::now() + wait;
    std::vector<int> missing;
    for (;;) {
        missing.clear();
        for (int r = 0; r < world; ++r) {
            try {
                if (r != me && !d->store->check({"sparsenas/fault/" + std::to_string(r)}))
                    missing.push_back(r);
            } catch (const std::exception &) {
                missing.push_back(r);
            }
        }
        if (missing.empty() || Clock::now() >= until)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    if (missing.empty()) {
        ss << "rank " << me << of << " failed in " << what << " at step " << m_step << ": "
           << firstLine(error);
        return ss.str();
    }
    ss << (missing.size() == 1 ? "rank " : "ranks ");
    for (size_t i = 0; i < missing.size(); ++i)
        ss << (i ? ", " : "") << missing[i];
    ss << of << " stopped answering in " << what << " at step " << m_step
       << " (it died or hung; the limit is " << d->timeout.count() / 1000
       << " s, search.dist_timeout). Rank " << me << " stops too: " << firstLine(error)
       << ". Resume from the last checkpoint, with as many processes or fewer.";
    return ss.str();
}

void Communicator::average(std::vector<at::Tensor> &tensors)
{
    allReduce(tensors, true);
}

void Communicator::sum(std::vector<at::Tensor> &tensors)
{
    allReduce(tensors, false);
}

void Communicator::allReduce(std::vector<at::Tensor> &tensors, bool mean)
{
    if (tensors.empty())
        return;
    // One flat buffer per dtype: one all-reduce, not one per tensor.
    std::vector<at::ScalarType> types;
    for (const auto &t : tensors) {
        if (std::find(types.begin(), types.end(), t.scalar_type()) == types.end())
            types.push_back(t.scalar_type());
    }
    for (const auto type : types) {
        std::vector<at::Tensor> parts;
        for (const auto &t : tensors) {
            if (t.scalar_type() == type)
                parts.push_back(t.detach().reshape({-1}));
        }
        std::vector<at::Tensor> flat{torch::cat(parts)};
        guarded("the gradient all-reduce", [&] {
#ifdef SPARSENAS_HAVE_NCCL
            if (d->nccl && flat[0].is_cuda()) {
                d->nccl->allreduce(flat)->wait();
                return;
            }
#endif
            d->gloo->allreduce(flat)->wait();
        });
        if (mean)
            flat[0].div_(double(d->env.worldSize));
        int64_t at = 0;
        torch::NoGradGuard noGrad;
        for (auto &t : tensors) {
            if (t.scalar_type() != type)
                continue;
            const int64_t n = t.numel();
            t.detach().copy_(flat[0].narrow(0, at, n).view(t.sizes()));
            at += n;
        }
    }
}

void Communicator::sum(std::vector<double> &values)
{
    if (values.empty())
        return;
    std::vector<at::Tensor> t{torch::tensor(values, torch::kFloat64)};
    guarded("an all-reduce", [&] { d->gloo->allreduce(t)->wait(); });
    const auto *p = t[0].data_ptr<double>();
    values.assign(p, p + values.size());
}

std::vector<double> Communicator::gather(double value)
{
    std::vector<double> v(size_t(d->env.worldSize), 0.0);
    v[size_t(d->env.rank)] = value;
    sum(v);
    return v;
}

std::vector<int64_t> Communicator::gather(int64_t value)
{
    auto t = torch::zeros({d->env.worldSize}, torch::kLong);
    t[d->env.rank] = value;
    std::vector<at::Tensor> ts{t};
    guarded("an all-gather", [&] { d->gloo->allreduce(ts)->wait(); });
    const auto *p = ts[0].data_ptr<int64_t>();
    return std::vector<int64_t>(p, p + d->env.worldSize);
}

void Communicator::broadcast(std::vector<double> &values)
{
    if (values.empty())
        return;
    std::vector<at::Tensor> t{torch::tensor(values, torch::kFloat64)};
    c10d::BroadcastOptions o;
    o.rootRank = 0;
    guarded("a broadcast from rank 0", [&] { d->gloo->broadcast(t, o)->wait(); });
    const auto *p = t[0].data_ptr<double>();
    values.assign(p, p + values.size());
}

std::string Communicator::share(const std::string &key, const std::string &text)
{
    const std::string k = "sparsenas/share/" + key;
    std::string out;
    guarded("the rendezvous store", [&] {
        if (d->env.rank == 0) {
            d->store->set(k, std::vector<uint8_t>(text.begin(), text.end()));
            out = text;
        } else {
            const auto bytes = d->store->get(k); // waits for it, at most the timeout
            out.assign(bytes.begin(), bytes.end());
        }
    });
    return out;
}

void Communicator::agree(const std::string &what, const std::string &problem)
{
    const std::string prefix = "sparsenas/" + what + "/";
    if (!problem.empty()) {
        guarded("the rendezvous store", [&] {
            d->store->set(prefix + std::to_string(d->env.rank),
                          std::vector<uint8_t>(problem.begin(), problem.end()));
        });
    }
    const auto failed = gather(int64_t(problem.empty() ? 0 : 1));
    std::ostringstream ss;
    int count = 0;
    for (int r = 0; r < d->env.worldSize; ++r) {
        if (!failed[size_t(r)] || r == d->env.rank)
            continue;
        std::string why;
        guarded("the rendezvous store", [&] {
            const auto bytes = d->store->get(prefix + std::to_string(r));
            why.assign(bytes.begin(), bytes.end());
        });
        ss << (count++ ? "; " : "") << "rank " << r << " of " << d->env.worldSize << ": " << why;
    }
    if (count > 0 || !problem.empty())
        throw DistributedError(count > 0 ? ss.str() : problem);
}

double Communicator::takeCommSeconds()
{
    const double s = d->commSeconds;
    d->commSeconds = 0;
    return s;
}

#else // no c10d in this build

struct Communicator::Private
{
};

Communicator::Communicator(const DistributedEnv &env, bool, std::chrono::milliseconds)
{
    throw ConfigError("this build of sparsenas has no c10d (Gloo): it cannot run " +
                      std::to_string(env.worldSize) +
                      " processes together; build it with LibTorch's c10d and libgloo-dev "
                      "(docs/distributed.md)");
}
Communicator::~Communicator() = default;
int Communicator::rank() const
{
    return 0;
}
int Communicator::worldSize() const
{
    return 1;
}
int Communicator::localRank() const
{
    return 0;
}
std::string Communicator::backend() const
{
    return {};
}
void Communicator::average(std::vector<at::Tensor> &) {}
void Communicator::sum(std::vector<at::Tensor> &) {}
void Communicator::allReduce(std::vector<at::Tensor> &, bool) {}
void Communicator::sum(std::vector<double> &) {}
std::vector<double> Communicator::gather(double value)
{
    return {value};
}
std::vector<int64_t> Communicator::gather(int64_t value)
{
    return {value};
}
void Communicator::broadcast(std::vector<double> &) {}
std::string Communicator::share(const std::string &, const std::string &text)
{
    return text;
}
void Communicator::agree(const std::string &, const std::string &problem)
{
    if (!problem.empty())
        throw DistributedError(problem);
}
double Communicator::takeCommSeconds()
{
    return 0;
}

#endif

} // namespace sparsenas
