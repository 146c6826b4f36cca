// SPDX-License-Identifier: MIT
// bench_search: times the supernet of the DARTS search configuration on this machine.
//   fwdbwd  forward + backward to all parameters (cross entropy on random labels)
//   first   one first-order search step: arch step (grad w.r.t. A, AdamHapg) + weight step
//   second  one second-order search step (secondOrderArchGrad, AdamHapg) + weight step
//   prox    AdamHapg::step and Hapg::step alone on the arch params with random grads
// Prints one JSON object per line: a header, then one result per (batch, measurement).
//
// --sparsity 0,0.5,0.75,0.9 [--dead-nodes 2] [--arch-from snapshots.jsonl]: the sparse-speed
// curve instead. For each share of exactly-zero architecture weights (of those not "none"),
// the first --dead-nodes intermediate nodes of each cell type lose every incoming weight and
// random others are zeroed up to the share; --arch-from adds the A of a real run (its last
// snapshot; the space's nodes and ops must match). Each point times fwdbwd / first / second
// with the sparse evaluation (SupernetConfig::exploitSparsity) and without it, the two
// interleaved round by round, A restored before every step so that the pattern holds.
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
#include <random>
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
    std::string profile;          ///< write a chrome trace of one extra fwdbwd here
    std::vector<double> sparsity; ///< the sparse-speed curve (empty: the plain measurements)
    int deadNodes = 0;
    std::string archFrom; ///< snapshots.jsonl of a run whose last A is one more point
    bool exploitSparsity = true;
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
                 "                    [--nodes 4] [--samples] [--profile TRACE.json]\n"
                 "                    [--sparsity 0,0.5,0.75,0.9] [--dead-nodes 2]\n"
                 "                    [--arch-from RUN/snapshots.jsonl] [--dense]\n";
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
        } else if (a == "--sparsity") {
            for (const auto &v : splitList(next()))
                o.sparsity.push_back(std::stod(v));
        } else if (a == "--dead-nodes") {
            o.deadNodes = std::stoi(next());
        } else if (a == "--arch-from") {
            o.archFrom = next();
        } else if (a == "--dense") {
            o.exploitSparsity = false;
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
    for (const double v : o.sparsity) {
        if (!(v >= 0.0 && v < 1.0))
            throw std::invalid_argument("--sparsity takes shares in [0, 1)");
    }
    if (!o.exploitSparsity && (!o.sparsity.empty() || !o.archFrom.empty()))
        throw std::invalid_argument("--dense does not go with --sparsity or --arch-from, which "
                                    "time the dense and the sparse evaluation side by side");
    if (o.deadNodes < 0 || o.deadNodes >= o.nodes)
        throw std::invalid_argument("--dead-nodes must leave at least one node alive");
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
    Setup(const Options &o, int64_t batch, bool exploitSparsity = true)
    {
        torch::manual_seed(o.seed);
        sparsenas::SupernetConfig cfg;
        cfg.channels = o.channels;
        cfg.layers = o.layers;
        cfg.nodes = o.nodes;
        cfg.ops = sparsenas::dartsOps();
        cfg.exploitSparsity = exploitSparsity && o.exploitSparsity;
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

/// A synthetic sparse iterate for one cell type: the first `dead` nodes lose every incoming
/// weight, then random other weights (not "none") are zeroed until `share` of them are zero.
torch::Tensor sparseArch(const torch::Tensor &a, int nodes, int dead, double share,
                         const std::vector<std::string> &ops, uint64_t seed)
{
    auto out = a.detach().clone();
    std::vector<std::pair<int64_t, int64_t>> live;
    int64_t total = 0, zeros = 0;
    int64_t e = 0;
    for (int j = 0; j < nodes; ++j) {
        for (int i = 0; i < j + 2; ++i, ++e) {
            for (int64_t o = 0; o < int64_t(ops.size()); ++o) {
                if (ops[size_t(o)] == "none")
                    continue;
                ++total;
                if (j < dead) {
                    out[e][o] = 0.0;
                    ++zeros;
                } else {
                    live.emplace_back(e, o);
                }
            }
        }
    }
    std::mt19937_64 rng(seed);
    std::shuffle(live.begin(), live.end(), rng);
    for (size_t k = 0; k < live.size() && double(zeros) < share * double(total); ++k, ++zeros)
        out[live[k].first][live[k].second] = 0.0;
    return out;
}

/// The last A of a run's snapshots.jsonl, one tensor per cell type.
std::vector<torch::Tensor> archOfRun(const std::string &path,
                                     const std::vector<torch::Tensor> &like)
{
    std::ifstream in(path);
    if (!in)
        throw std::invalid_argument("cannot read " + path);
    std::string line, last;
    while (std::getline(in, line))
        if (line.find("\"cells\"") != std::string::npos)
            last = line;
    if (last.empty())
        throw std::invalid_argument(path + ": no snapshot with cells");
    const auto j = json::parse(last);
    std::vector<torch::Tensor> out;
    for (size_t t = 0; t < like.size(); ++t) {
        const auto &w = j.at("cells").at(t).at("weights");
        auto a = torch::zeros_like(like[t]);
        if (int64_t(w.size()) != a.size(0) || int64_t(w.at(0).size()) != a.size(1))
            throw std::invalid_argument(path + ": its A is not " + std::to_string(a.size(0)) +
                                        " x " + std::to_string(a.size(1)) +
                                        " (use the run's --nodes and the DARTS ops)");
        for (int64_t e = 0; e < a.size(0); ++e)
            for (int64_t o = 0; o < a.size(1); ++o)
                a[e][o] = w[size_t(e)][size_t(o)].get<double>();
        out.push_back(a);
    }
    return out;
}

/// Share of exact zeros among the weights that are not "none", and nodes with no live input.
std::pair<double, int> sparsityOf(const std::vector<torch::Tensor> &arch, int nodes,
                                  const std::vector<std::string> &ops)
{
    int64_t total = 0, zeros = 0;
    int dead = 0;
    for (const auto &a : arch) {
        int64_t e = 0;
        for (int j = 0; j < nodes; ++j) {
            bool alive = false;
            for (int i = 0; i < j + 2; ++i, ++e) {
                for (int64_t o = 0; o < a.size(1); ++o) {
                    if (ops[size_t(o)] == "none")
                        continue;
                    ++total;
                    const bool z = a[e][o].item<double>() == 0.0;
                    zeros += z ? 1 : 0;
                    alive = alive || !z;
                }
            }
            dead += alive ? 0 : 1;
        }
    }
    return {double(zeros) / double(std::max<int64_t>(1, total)), dead};
}

/// The sparse-speed curve: per point, dense and sparse evaluation interleaved round by round.
void runSparsity(const Options &o, int64_t batch)
{
    Setup dense(o, batch, false), sparse(o, batch, true);
    const auto ops = sparsenas::dartsOps();
    struct Point
    {
        std::string name;
        std::vector<torch::Tensor> arch;
    };
    std::vector<Point> points;
    for (const double share : o.sparsity) {
        Point p{"synthetic " + std::to_string(int(share * 100 + 0.5)) + "%", {}};
        for (size_t t = 0; t < dense.arch.size(); ++t)
            p.arch.push_back(sparseArch(dense.arch[t], o.nodes, share > 0 ? o.deadNodes : 0, share,
                                        ops, o.seed + t));
        points.push_back(p);
    }
    if (!o.archFrom.empty())
        points.push_back({"run " + o.archFrom, archOfRun(o.archFrom, dense.arch)});

    for (const auto &p : points) {
        const auto [share, dead] = sparsityOf(p.arch, o.nodes, ops);
        for (const auto &what : o.what) {
            if (what == "prox")
                continue;
            Setup *setups[2] = {&dense, &sparse};
            std::vector<double> t[2], archT[2];
            double archSeconds = 0, restoreSeconds = 0;
            // The arch step moves A (a zero can revive): put the pattern back before each
            // part of the step, so that every part runs at it.
            auto restore = [&](Setup &s) {
                torch::NoGradGuard noGrad;
                for (size_t k = 0; k < s.arch.size(); ++k)
                    s.arch[k].copy_(p.arch[k]);
            };
            auto once = [&](Setup &s) {
                restore(s);
                const auto t0 = Clock::now();
                if (what == "fwdbwd") {
                    s.fwdBwd();
                } else {
                    if (what == "second")
                        s.secondOrderArchStep();
                    else
                        s.firstOrderArchStep();
                    archSeconds = secondsSince(t0);
                    const auto tRestore = Clock::now();
                    restore(s);
                    restoreSeconds = secondsSince(tRestore);
                    s.weightStep();
                }
                return secondsSince(t0) - restoreSeconds;
            };
            for (int r = 0; r < o.warmup + o.repeats; ++r) {
                for (int m = 0; m < 2; ++m) {
                    const int k = (r % 2 == 0) ? m : 1 - m; // alternate who goes first
                    const double sec = once(*setups[k]);
                    if (r >= o.warmup) {
                        t[k].push_back(sec);
                        archT[k].push_back(archSeconds);
                    }
                }
            }
            const auto sd = statsOf(t[0]), ss = statsOf(t[1]);
            json r = {{"kind", "sparsity"},
                      {"batch", batch},
                      {"what", what},
                      {"point", p.name},
                      {"zero_share", share},
                      {"dead_nodes", dead},
                      {"unit", "s"},
                      {"dense", {{"median", sd.median}, {"min", sd.min}, {"max", sd.max}}},
                      {"sparse", {{"median", ss.median}, {"min", ss.min}, {"max", ss.max}}},
                      {"ratio", ss.median / sd.median},
                      {"peak_rss_mb", peakRssMb()},
                      {"loadavg_after", loadAverage()}};
            if (what != "fwdbwd") {
                r["dense"]["arch_step_median"] = statsOf(archT[0]).median;
                r["sparse"]["arch_step_median"] = statsOf(archT[1]).median;
            }
            if (o.samples) {
                r["dense"]["samples"] = t[0];
                r["sparse"]["samples"] = t[1];
            }
            std::cout << r.dump() << std::endl;
        }
    }
}

void runBatch(const Options &o, int64_t batch)
{
    if (!o.sparsity.empty() || !o.archFrom.empty())
        return runSparsity(o, batch);
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
                   {"warmup", o.warmup},
                   {"exploit_sparsity", o.exploitSparsity}};
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
