// SPDX-License-Identifier: MIT
// bench_eval: one training step of a genotype's evaluation network, as an evaluation run does it
// and as DARTS's cnn/train.py does it (the reference: ../shared/peer/bench_darts_eval.py):
// forward with the auxiliary head and drop-path, cross entropy + 0.4 x the auxiliary loss,
// backward, gradient clipping at 5, SGD (lr 0.025, momentum 0.9, weight decay 3e-4), on a fixed
// random batch of 3x32x32 images. Prints one JSON line: the step's median, min and max seconds,
// the parameter count and the peak resident memory of the process.
//
// usage: bench_eval [--genotype DARTS_V2] [--channels 36] [--layers 20] [--batch 96]
//                   [--drop-path 0.2] [--steps 3] [--warmup 1] [--threads 2] [--recompute 0|1]
// --recompute 1: evaluation.recompute_cells (activation recomputation per cell).

#include "sparsenas/base/genotypesource.h"
#include "sparsenas/evalnetwork.h"

#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char **argv)
{
    std::string genotype = "DARTS_V2";
    int64_t channels = 36, layers = 20, batch = 96;
    double dropPath = 0.2;
    int steps = 3, warmup = 1, threads = 2, recompute = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) {
            std::cerr << "bench_eval: " << a
                      << " needs a value (see the header of bench_eval.cpp)\n";
            return 2;
        }
        const std::string v = argv[++i];
        try {
            if (a == "--genotype")
                genotype = v;
            else if (a == "--channels")
                channels = std::stoll(v);
            else if (a == "--layers")
                layers = std::stoll(v);
            else if (a == "--batch")
                batch = std::stoll(v);
            else if (a == "--drop-path")
                dropPath = std::stod(v);
            else if (a == "--steps")
                steps = std::stoi(v);
            else if (a == "--warmup")
                warmup = std::stoi(v);
            else if (a == "--threads")
                threads = std::stoi(v);
            else if (a == "--recompute")
                recompute = std::stoi(v);
            else
                throw std::invalid_argument("unknown option");
        } catch (const std::exception &) {
            std::cerr << "bench_eval: bad option " << a << " " << v << "\n";
            return 2;
        }
    }
    torch::set_num_threads(threads);
    torch::manual_seed(0);
    sparsenas::EvalNetworkConfig c;
    c.channels = channels;
    c.layers = layers;
    c.auxiliary = true;
    c.recomputeCells = recompute != 0;
    sparsenas::EvalNetwork net(sparsenas::loadGenotype(genotype), c);
    net->train();
    net->setDropPath(dropPath);
    torch::optim::SGD opt(net->parameters(),
                          torch::optim::SGDOptions(0.025).momentum(0.9).weight_decay(3e-4));
    const auto x = torch::randn({batch, 3, 32, 32});
    const auto y = torch::randint(0, 10, {batch});
    std::vector<double> times;
    for (int s = 0; s < warmup + steps; ++s) {
        const auto t0 = std::chrono::steady_clock::now();
        net->setMaskSeed(uint64_t(s));
        opt.zero_grad();
        const auto out = net->forward(x);
        const auto loss = torch::cross_entropy_loss(out.logits, y) +
                          0.4 * torch::cross_entropy_loss(out.auxLogits, y);
        loss.backward();
        torch::nn::utils::clip_grad_norm_(net->parameters(), 5.0);
        opt.step();
        const double dt =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (s >= warmup)
            times.push_back(dt);
    }
    std::sort(times.begin(), times.end());
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const nlohmann::json r = {
        {"bench", "eval_step"},
        {"impl", "sparsenas"},
        {"genotype", genotype},
        {"channels", channels},
        {"layers", layers},
        {"batch", batch},
        {"threads", threads},
        {"recompute_cells", recompute != 0},
        {"params", net->parameterCount()},
        {"median_s", times[times.size() / 2]},
        {"min_s", times.front()},
        {"max_s", times.back()},
        {"peak_rss_mb", double(ru.ru_maxrss) / 1024.0},
    };
    std::cout << r.dump() << std::endl;
    return 0;
}
