// SPDX-License-Identifier: MIT
// The recurrent space's supernet at DARTS's RNN search configuration (rnn/train_search.py:
// vocabulary 10,000, embedding = hidden = 300, 8 nodes, bptt 35, its dropouts, SGD lr 20, weight
// decay 5e-7, clipping 0.25, TAR 1e-3; random tokens), one mode per process so that the peak RSS
// is the mode's own, as ../shared/peer/bench_darts_rnn.py measures the official code:
//   fb      the weight step's forward + backward (NLL + TAR)
//   search1 a first-order search step as RnnSearchTask takes it: BilevelStep with AdamHAPG
//   products the matrix products alone that fb's forward and backward must do (every node's
//           highway product of every earlier state, the first state's, the decoder; for each
//           Y = X W also dX = dY W^T and dW = X^T dY), on random data without autograd: the
//           time no implementation of this arithmetic goes below with this BLAS, and its rate
// Prints one JSON line: median / min / max of the timed steps in ms, peak RSS in MiB (products
// also the GFLOP counted and GFLOP/s).
//
// usage: bench_rnn --mode fb|search1|products [--batch 64] [--bptt 35] [--ntoken 10000] [--steps 5]
//                  [--warmup 2] [--threads 2] [--json PATH]

#include "sparsenas/bilevelstep.h"
#include "sparsenas/optimizers.h"
#include "sparsenas/rnnsupernet.h"
#include "sparsenas/systeminfo.h"

#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

struct Options
{
    std::string mode = "fb";
    int64_t batch = 64, bptt = 35, ntoken = 10000;
    int steps = 5, warmup = 2, threads = 2;
    std::string jsonPath;
};

Options parse(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                throw std::invalid_argument(a + " needs a value");
            return argv[++i];
        };
        if (a == "--mode")
            o.mode = value();
        else if (a == "--batch")
            o.batch = std::stoll(value());
        else if (a == "--bptt")
            o.bptt = std::stoll(value());
        else if (a == "--ntoken")
            o.ntoken = std::stoll(value());
        else if (a == "--steps")
            o.steps = std::stoi(value());
        else if (a == "--warmup")
            o.warmup = std::stoi(value());
        else if (a == "--threads")
            o.threads = std::stoi(value());
        else if (a == "--json")
            o.jsonPath = value();
        else
            throw std::invalid_argument("unknown option " + a);
    }
    if (o.mode != "fb" && o.mode != "search1" && o.mode != "products")
        throw std::invalid_argument("--mode must be fb, search1 or products");
    return o;
}

double peakRssMiB()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_maxrss) / 1024.0;
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    try {
        o = parse(argc, argv);
    } catch (const std::exception &e) {
        std::cerr
            << "bench_rnn: " << e.what() << "\n"
            << "usage: bench_rnn --mode fb|search1|products [--batch 64] [--bptt 35] [--ntoken "
               "10000] [--steps 5] [--warmup 2] [--threads 2] [--json PATH]\n";
        return 2;
    }
    const int threads = sparsenas::configureThreads(o.threads);
    torch::manual_seed(3);
    sparsenas::RnnSupernetConfig c; // DARTS's search defaults
    c.vocabulary = o.ntoken;
    c.hidden = 300;
    c.nodes = 8;
    sparsenas::RnnSupernet model(c);
    auto weights = model->weightParameters();
    auto arch = model->archParameters();
    torch::optim::SGD sgd(weights, torch::optim::SGDOptions(20.0).weight_decay(5e-7));
    sparsenas::AdamHapg adam(arch, model->archGroupIndex(), model->numArchGroups(),
                             sparsenas::AdamHapgOptions(3e-3));
    adam.setPenalty(sparsenas::PenaltyKind::SparseGroupLasso, 0.01, 0.5);
    sparsenas::BilevelStep bilevel(weights, arch, sgd, adam,
                                   {sparsenas::SearchOrder::First, 0.0, 5e-7, 0.25});

    const auto tokens = torch::randint(o.ntoken, {o.bptt + 1, o.batch}, torch::kLong);
    const auto tokensV = torch::randint(o.ntoken, {o.bptt + 1, o.batch}, torch::kLong);
    torch::Tensor hidden = model->initialHidden(o.batch), hiddenV = model->initialHidden(o.batch);
    auto gen = at::detail::createCPUGenerator(5);
    // The loss of a batch from the carried state, TAR on the weight step's as DARTS adds it.
    const auto loss = [&](const torch::Tensor &t, torch::Tensor &h, bool tar) {
        const auto out = model->forward(t.narrow(0, 0, o.bptt), h, &gen);
        h = out.hidden.detach();
        auto l = torch::nll_loss(out.logProb, t.narrow(0, 1, o.bptt).reshape({-1}));
        if (tar) {
            const auto &r = out.raw;
            l = l + 1e-3 * (r.narrow(0, 1, o.bptt - 1) - r.narrow(0, 0, o.bptt - 1)).pow(2).mean();
        }
        return l;
    };
    // The products of one fb (forward, then both products of each backward), as plain mm calls
    // on tensors made beforehand: X, W and an upstream gradient dY per product.
    const int64_t h = c.hidden, b = o.batch, t = o.bptt;
    struct Product
    {
        torch::Tensor x, w, dy;
    };
    std::vector<Product> cell;
    cell.push_back(
        {torch::randn({b, 2 * h}), torch::randn({2 * h, 2 * h}), torch::randn({b, 2 * h})});
    for (int64_t j = 1; j <= c.nodes; ++j)
        cell.push_back(
            {torch::randn({j * b, h}), torch::randn({h, 2 * h}), torch::randn({j * b, 2 * h})});
    const Product decoder{torch::randn({t * b, h}), torch::randn({h, o.ntoken}),
                          torch::randn({t * b, o.ntoken})};
    double gflop = 3.0 * 2.0 * double(t * b * h * o.ntoken) / 1e9;
    for (const auto &p : cell)
        gflop += 3.0 * 2.0 * double(p.x.size(0) * p.x.size(1) * p.w.size(1)) * double(t) / 1e9;
    const auto products = [&] {
        torch::NoGradGuard noGrad;
        for (int64_t s = 0; s < t; ++s)
            for (const auto &p : cell)
                p.x.mm(p.w);
        decoder.x.mm(decoder.w);
        decoder.dy.mm(decoder.w.t());
        decoder.x.t().mm(decoder.dy);
        for (int64_t s = 0; s < t; ++s)
            for (const auto &p : cell) {
                p.dy.mm(p.w.t());
                p.x.t().mm(p.dy);
            }
    };
    const auto step = [&] {
        if (o.mode == "products") {
            products();
        } else if (o.mode == "fb") {
            for (auto &w : weights)
                w.mutable_grad() = torch::Tensor();
            loss(tokens, hidden, true).backward();
        } else {
            bilevel.run([&](sparsenas::BatchStats *) { return loss(tokens, hidden, true); },
                        [&](sparsenas::BatchStats *) { return loss(tokensV, hiddenV, false); },
                        20.0);
        }
    };
    std::vector<double> warm, ms;
    for (int i = 0; i < o.warmup + o.steps; ++i) {
        const auto t0 = Clock::now();
        step();
        const double t = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        (i < o.warmup ? warm : ms).push_back(t);
    }
    auto sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted.size() % 2
                              ? sorted[sorted.size() / 2]
                              : 0.5 * (sorted[sorted.size() / 2 - 1] + sorted[sorted.size() / 2]);
    json r = {{"bench", "sparsenas_rnn"},
              {"mode", o.mode},
              {"batch", o.batch},
              {"bptt", o.bptt},
              {"ntoken", o.ntoken},
              {"threads", threads},
              {"blas", sparsenas::blasInUse()},
              {"omp_wait_policy",
               std::getenv("OMP_WAIT_POLICY") ? std::getenv("OMP_WAIT_POLICY") : "default"},
              {"warmup_ms", warm},
              {"timing",
               {{"total",
                 {{"median_ms", median},
                  {"min_ms", sorted.front()},
                  {"max_ms", sorted.back()},
                  {"all_ms", ms}}}}},
              {"peak_rss_MiB", peakRssMiB()}};
    if (o.mode == "products") {
        r["gflop"] = gflop;
        r["gflop_per_s"] = gflop / (median / 1e3);
    }
    std::cout << r.dump() << std::endl;
    if (!o.jsonPath.empty())
        std::ofstream(o.jsonPath, std::ios::app) << r.dump() << "\n";
    return 0;
}
