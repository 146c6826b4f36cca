// SPDX-License-Identifier: MIT
// bench_search: times the supernet of the DARTS search configuration on this machine.
//   fwdbwd  forward + backward to all parameters (cross entropy on random labels)
//   first   one first-order search step: arch step (grad w.r.t. A, AdamHapg) + weight step
//   second  one second-order search step (secondOrderArchGrad, AdamHapg) + weight step
//   prox    AdamHapg::step and Hapg::step alone on the arch params with random grads
// Prints one JSON object per line: a header, then one result per (batch, measurement).
// Peak RSS is per process; run one batch size and one measurement per process (run_bench.sh)
// when the peak of each matters.

#include "sparsenas/architect.h"
#include "sparsenas/ops.h"
#include "sparsenas/optimizers.h"
#include "sparsenas/searchengine.h"
#include "sparsenas/supernet.h"
#include "sparsenas/torchcompat.h"

#include <nlohmann/json.hpp>
#include <torch/csrc/autograd/profiler_legacy.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

struct Options
{
    std::vector<int64_t> batches{16, 64};
    std::vector<std::string> what{"fwdbwd", "first", "second", "prox"};
    int repeats = 3;
    int warmup = 1;
    int proxRepeats = 1000;
    int threads = 0;
    uint64_t seed = 1;
    int64_t channels = 16;
    int64_t layers = 8;
    int nodes = 4;
    bool samples = false;
    std::string profile; ///< write a chrome trace of one extra fwdbwd here
};

std::vector<std::string> splitList(const std::string &s)
{
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty())
            out.push_back(item);
    return out;
}

void usage()
{
    std::cerr << "usage: bench_search [--batch 16,64] [--what fwdbwd,first,second,prox]\n"
                 "                    [--repeats 3] [--warmup 1] [--prox-repeats 1000]\n"
                 "                    [--threads 0] [--seed 1] [--channels 16] [--layers 8]\n"
                 "                    [--nodes 4] [--samples] [--profile TRACE.json]\n";
}

Options parseArgs(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc)
                throw std::invalid_argument(a + " needs a value");
            return argv[++i];
        };
        if (a == "--batch") {
            o.batches.clear();
            for (const auto &b : splitList(next()))
                o.batches.push_back(std::stoll(b));
        } else if (a == "--what") {
            o.what = splitList(next());
        } else if (a == "--repeats") {
            o.repeats = std::stoi(next());
        } else if (a == "--warmup") {
            o.warmup = std::stoi(next());
        } else if (a == "--prox-repeats") {
            o.proxRepeats = std::stoi(next());
        } else if (a == "--threads") {
            o.threads = std::stoi(next());
        } else if (a == "--seed") {
            o.seed = std::stoull(next());
        } else if (a == "--channels") {
            o.channels = std::stoll(next());
        } else if (a == "--layers") {
            o.layers = std::stoll(next());
        } else if (a == "--nodes") {
            o.nodes = std::stoi(next());
        } else if (a == "--profile") {
            o.profile = next();
        } else if (a == "--samples") {
            o.samples = true;
        } else if (a == "-h" || a == "--help") {
            usage();
            std::exit(0);
        } else {
            throw std::invalid_argument("unknown argument " + a);
        }
    }
    for (const auto &w : o.what) {
        if (w != "fwdbwd" && w != "first" && w != "second" && w != "prox")
            throw std::invalid_argument("unknown measurement " + w);
    }
    if (o.repeats < 1 || o.warmup < 0 || o.proxRepeats < 1 || o.batches.empty())
        throw std::invalid_argument("bad repeat or batch counts");
    return o;
}

double peakRssMb()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_maxrss) / 1024.0; // kilobytes on Linux
}

double currentRssMb()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

std::string loadAverage()
{
    std::ifstream f("/proc/loadavg");
    std::string a, b, c;
    f >> a >> b >> c;
    return a + " " + b + " " + c;
}

std::string cpuModel()
{
    std::ifstream f("/proc/cpuinfo");
    std::string line;
    while (std::getline(f, line)) {
        if (line.rfind("model name", 0) == 0) {
            const auto pos = line.find(':');
            return pos == std::string::npos ? line : line.substr(pos + 2);
        }
    }
    return "unknown";
}

struct Stats
{
    double median = 0, min = 0, max = 0;
};

Stats statsOf(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    Stats s;
    const size_t n = v.size();
    s.median = n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    s.min = v.front();
    s.max = v.back();
    return s;
}

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

/// The model, its optimizers and two fixed random batches: what a search step touches.
struct Setup
{
    Setup(const Options &o, int64_t batch)
    {
        torch::manual_seed(o.seed);
        sparsenas::SupernetConfig cfg;
        cfg.channels = o.channels;
        cfg.layers = o.layers;
        cfg.nodes = o.nodes;
        cfg.ops = sparsenas::dartsOps();
        model = sparsenas::Supernet(cfg);
        model->train();
        weights = model->weightParameters();
        arch = model->archParameters();
        weightOpt = std::make_unique<torch::optim::SGD>(
            weights, torch::optim::SGDOptions(0.025).momentum(0.9).weight_decay(3e-4));
        archOpt = std::make_unique<sparsenas::AdamHapg>(arch, model->archGroupIndex(),
                                                        model->numArchGroups(),
                                                        sparsenas::AdamHapgOptions(3e-4));
        archOpt->setPenalty(sparsenas::PenaltyKind::SparseGroupLasso, 0.01, 0.5);
        xTrain = torch::randn({batch, cfg.inChannels, 32, 32});
        yTrain = torch::randint(cfg.numClasses, {batch}, torch::kLong);
        xVal = torch::randn({batch, cfg.inChannels, 32, 32});
        yVal = torch::randint(cfg.numClasses, {batch}, torch::kLong);
    }

    torch::Tensor loss(const torch::Tensor &x, const torch::Tensor &y)
    {
        return torch::cross_entropy_loss(model->forward(x), y);
    }

    void setArchGrads(const std::vector<torch::Tensor> &g)
    {
        for (size_t k = 0; k < arch.size(); ++k)
            arch[k].mutable_grad() = g[k].defined() ? g[k].detach() : torch::zeros_like(arch[k]);
    }

    /// As the search engine does it: grads w.r.t. w only, clipping, SGD with momentum.
    void weightStep()
    {
        const auto l = loss(xTrain, yTrain);
        const auto g = torch::autograd::grad({l}, weights, {}, false, false, true);
        for (size_t k = 0; k < weights.size(); ++k)
            weights[k].mutable_grad() = g[k].defined() ? g[k] : torch::zeros_like(weights[k]);
        torch::nn::utils::clip_grad_norm_(weights, 5.0);
        weightOpt->step();
    }

    void firstOrderArchStep()
    {
        const auto l = loss(xVal, yVal);
        setArchGrads(torch::autograd::grad({l}, arch, {}, false, false, true));
        archOpt->step();
    }

    void secondOrderArchStep()
    {
        sparsenas::VirtualStep vs;
        vs.lr = 0.025;
        vs.momentum = 0.9;
        vs.weightDecay = 3e-4;
        for (const auto &w : weights) {
            const auto *st =
                sparsenas::compat::findState<torch::optim::SGDParamState>(*weightOpt, w);
            vs.momentumBuffers.push_back(st ? st->momentum_buffer() : torch::Tensor());
        }
        const auto g = sparsenas::secondOrderArchGrad([&] { return loss(xTrain, yTrain); },
                                                      [&] { return loss(xVal, yVal); }, weights,
                                                      arch, vs);
        setArchGrads(g);
        archOpt->step();
    }

    void fwdBwd()
    {
        for (auto &p : model->parameters())
            p.mutable_grad() = torch::Tensor();
        loss(xTrain, yTrain).backward();
    }

    sparsenas::Supernet model{nullptr};
    std::vector<torch::Tensor> weights, arch;
    std::unique_ptr<torch::optim::SGD> weightOpt;
    std::unique_ptr<sparsenas::AdamHapg> archOpt;
    torch::Tensor xTrain, yTrain, xVal, yVal;
};

json timeIt(const std::function<void()> &fn, int warmup, int repeats, bool keepSamples,
            double scale = 1.0)
{
    for (int i = 0; i < warmup; ++i)
        fn();
    std::vector<double> t;
    for (int i = 0; i < repeats; ++i) {
        const auto t0 = Clock::now();
        fn();
        t.push_back(secondsSince(t0) * scale);
    }
    const auto s = statsOf(t);
    json j = {{"median", s.median}, {"min", s.min}, {"max", s.max}, {"repeats", repeats}};
    if (keepSamples)
        j["samples"] = t;
    return j;
}

/// Random-gradient steps of a prox optimizer, in microseconds per step.
json timeProx(sparsenas::SparseGroupOptimizer &opt, const std::vector<torch::Tensor> &params,
              const Options &o)
{
    torch::NoGradGuard guard;
    std::vector<torch::Tensor> grads;
    for (const auto &p : params)
        grads.push_back(torch::randn_like(p));
    auto fn = [&] {
        for (size_t k = 0; k < params.size(); ++k)
            params[k].mutable_grad() = grads[k];
        opt.step();
    };
    return timeIt(fn, std::max(o.warmup, 10), o.proxRepeats, false, 1e6);
}

void runBatch(const Options &o, int64_t batch)
{
    Setup s(o, batch);
    const double baseline = currentRssMb();
    for (const auto &what : o.what) {
        json r = {{"kind", "result"}, {"batch", batch}, {"what", what}};
        if (what == "fwdbwd") {
            r["unit"] = "s";
            r["time"] = timeIt([&] { s.fwdBwd(); }, o.warmup, o.repeats, o.samples);
            if (!o.profile.empty()) {
                torch::autograd::profiler::RecordProfile guard(o.profile);
                s.fwdBwd();
            }
        } else if (what == "first" || what == "second") {
            const bool second = what == "second";
            std::vector<double> archT, weightT;
            auto step = [&] {
                const auto t0 = Clock::now();
                if (second)
                    s.secondOrderArchStep();
                else
                    s.firstOrderArchStep();
                const auto t1 = Clock::now();
                s.weightStep();
                archT.push_back(std::chrono::duration<double>(t1 - t0).count());
                weightT.push_back(secondsSince(t1));
            };
            r["unit"] = "s";
            r["time"] = timeIt(step, o.warmup, o.repeats, o.samples);
            archT.erase(archT.begin(), archT.begin() + o.warmup);
            weightT.erase(weightT.begin(), weightT.begin() + o.warmup);
            r["arch_step_median"] = statsOf(archT).median;
            r["weight_step_median"] = statsOf(weightT).median;
        } else {
            auto params = s.arch;
            {
                torch::NoGradGuard guard;
                std::vector<torch::Tensor> copies;
                for (const auto &p : params)
                    copies.push_back(p.detach().clone());
                params = copies;
            }
            sparsenas::AdamHapg adam(params, s.model->archGroupIndex(), s.model->numArchGroups(),
                                     sparsenas::AdamHapgOptions(3e-4));
            adam.setPenalty(sparsenas::PenaltyKind::SparseGroupLasso, 0.01, 0.5);
            sparsenas::Hapg hapg(params, s.model->archGroupIndex(), s.model->numArchGroups(),
                                 sparsenas::HapgOptions(3e-3));
            hapg.setPenalty(sparsenas::PenaltyKind::SparseGroupLasso, 0.01, 0.5);
            r["unit"] = "us";
            r["adam_hapg"] = timeProx(adam, params, o);
            r["hapg"] = timeProx(hapg, params, o);
        }
        const double peak = peakRssMb();
        r["baseline_rss_mb"] = baseline;
        r["peak_rss_mb"] = peak;
        r["peak_rss_increase_mb"] = peak - baseline;
        r["loadavg_after"] = loadAverage();
        std::cout << r.dump() << std::endl;
    }
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    try {
        o = parseArgs(argc, argv);
    } catch (const std::exception &e) {
        std::cerr << "bench_search: " << e.what() << "\n";
        usage();
        return 2;
    }
    const int threads = sparsenas::configureThreads(o.threads);
    json header = {{"kind", "header"},
                   {"torch", sparsenas::torchVersion()},
                   {"threads", threads},
                   {"interop_threads", torch::get_num_interop_threads()},
                   {"blas", sparsenas::blasInUse()},
                   {"mkldnn", at::hasMKLDNN()},
                   // OpenMP's default (active) waiting is about 2x faster here on an idle
                   // machine than PASSIVE, which the tests use to share cores politely.
                   {"omp_wait_policy",
                    std::getenv("OMP_WAIT_POLICY") ? std::getenv("OMP_WAIT_POLICY") : "default"},
                   {"cpu", cpuModel()},
                   {"loadavg_before", loadAverage()},
                   {"config",
                    {{"channels", o.channels},
                     {"layers", o.layers},
                     {"nodes", o.nodes},
                     {"ops", sparsenas::dartsOps()},
                     {"input", {3, 32, 32}},
                     {"classes", 10}}},
                   {"repeats", o.repeats},
                   {"warmup", o.warmup}};
    std::cout << header.dump() << std::endl;
    try {
        for (const auto b : o.batches)
            runBatch(o, b);
    } catch (const std::exception &e) {
        std::cerr << "bench_search: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
