// SPDX-License-Identifier: MIT
#include "ablationcommand.h"

#include "progressprinter.h"

#include "sparsenas/ablation.h"
#include "sparsenas/base/ablationtable.h"
#include "sparsenas/base/errors.h"
#include "sparsenas/base/figure.h"
#include "sparsenas/base/fileutil.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace sparsenas {

namespace {

std::atomic<int> g_ablationInterrupts{0};

extern "C" void onAblationSignal(int)
{
    g_ablationInterrupts.fetch_add(1);
}

std::string methodName(ArchOptimizerKind o, PenaltyKind p)
{
    return nameOf(o) + "/" + nameOf(p);
}

AblationRow rowOf(const AblationResult &r)
{
    AblationRow row;
    row.optimizer = nameOf(r.setting.optimizer);
    row.penalty = nameOf(r.setting.penalty);
    row.log10Lambda = std::log10(r.setting.lambda);
    row.lambda = r.setting.lambda;
    row.seed = r.setting.seed;
    row.valAcc = r.valAcc;
    row.features = r.features;
    row.neurons = r.neurons;
    row.elementSparsity = r.elementSparsity;
    row.trainLoss = r.trainLoss;
    row.seconds = r.seconds;
    return row;
}

} // namespace

std::vector<std::pair<ArchOptimizerKind, PenaltyKind>> paperAblationMethods()
{
    using O = ArchOptimizerKind;
    using P = PenaltyKind;
    return {{O::Sgd, P::SparseGroupLasso},
            {O::Adam, P::SparseGroupLasso},
            {O::Hapg, P::SparseGroupLasso},
            {O::AdamHapg, P::SparseGroupLasso},
            {O::Hapg, P::Lasso},
            {O::Hapg, P::GroupLasso}};
}

std::vector<std::pair<ArchOptimizerKind, PenaltyKind>> parseAblationMethods(const std::string &s)
{
    std::vector<std::pair<ArchOptimizerKind, PenaltyKind>> out;
    std::stringstream list(s);
    std::string item;
    while (std::getline(list, item, ',')) {
        const auto slash = item.find('/');
        const auto o = parseName<ArchOptimizerKind>(item.substr(0, slash));
        const auto p = slash == std::string::npos
                           ? std::optional<PenaltyKind>(PenaltyKind::SparseGroupLasso)
                           : parseName<PenaltyKind>(item.substr(slash + 1));
        if (!o || !p) {
            std::string optimizers, penalties;
            for (const auto &n : namesOf<ArchOptimizerKind>())
                optimizers += (optimizers.empty() ? "" : ", ") + n;
            for (const auto &n : namesOf<PenaltyKind>())
                penalties += (penalties.empty() ? "" : ", ") + n;
            throw ConfigError("--methods: '" + item + "' is not optimizer/penalty (optimizers: " +
                              optimizers + "; penalties: " + penalties + ")");
        }
        out.emplace_back(*o, *p);
    }
    if (out.empty())
        throw ConfigError("--methods: no method given");
    return out;
}

int runAblationCommand(const AblationCommand &c)
{
    if (c.points < 1 || c.seeds < 1 || c.epochs < 1)
        throw ConfigError("the ablation needs at least one lambda, one seed and one epoch");
    std::error_code ec;
    fs::create_directories(c.out, ec);
    if (ec)
        throw std::runtime_error("cannot create '" + c.out + "': " + ec.message());

    // The embedded digits' training part (the test part stays unseen), split in half as a
    // search splits it: the same halves for every run, so methods differ only in themselves
    // and in the seed's initialisation and batch order.
    const Dataset part = digitsPart(loadEmbeddedDigits(), true);
    const Split split = makeSplit(part.size(), 0, 0.5);
    const auto train = flatDigits(part, split.train);
    const auto val = flatDigits(part, split.val);
    AblationOptions options;
    options.epochs = c.epochs;
    options.alpha = c.alpha;
    options.accelerated = c.accelerated;

    std::vector<double> log10s;
    for (int k = 0; k < c.points; ++k)
        log10s.push_back(c.points == 1
                             ? c.log10From
                             : c.log10From + (c.log10To - c.log10From) * k / double(c.points - 1));
    const size_t total = c.methods.size() * log10s.size() * size_t(c.seeds);
    std::cerr << "ablation: " << c.methods.size() << " methods x " << log10s.size() << " lambdas x "
              << c.seeds << (c.seeds == 1 ? " seed" : " seeds") << " = " << total
              << " runs of the 64-40-20-10 network on digits (" << train.first.size(0)
              << " training / " << val.first.size(0) << " validation images), " << options.epochs
              << " epochs each, into " << c.out << "\n";

    struct sigaction sa
    {
    };
    sa.sa_handler = onAblationSignal;
    sigemptyset(&sa.sa_mask);
    struct sigaction oldInt
    {
    };
    sigaction(SIGINT, &sa, &oldInt);

    const std::string csvPath = (fs::path(c.out) / "ablation.csv").string();
    std::vector<AblationRow> results;
    size_t done = 0;
    for (const auto &[optimizer, penalty] : c.methods) {
        for (double l10 : log10s) {
            for (int seed = 0; seed < c.seeds && g_ablationInterrupts.load() == 0; ++seed) {
                AblationSetting s;
                s.optimizer = optimizer;
                s.penalty = penalty;
                s.lambda = std::pow(10.0, l10);
                s.seed = uint64_t(seed);
                const AblationResult r = runAblation(s, options, train, val);
                results.push_back(rowOf(r));
                writeFileAtomic(csvPath, ablationCsv(results));
                char line[200];
                std::snprintf(
                    line, sizeof line,
                    "[%*zu/%zu] %-16s log10(lambda) %5.2f seed %d: val %.1f%%, %lld "
                    "%s, %lld %s, %.1f%% zeros, %.1f s\n",
                    int(std::to_string(total).size()), ++done, total,
                    methodName(optimizer, penalty).c_str(), l10, seed, 100 * r.valAcc,
                    static_cast<long long>(r.features), r.features == 1 ? "feature" : "features",
                    static_cast<long long>(r.neurons), r.neurons == 1 ? "neuron" : "neurons",
                    100 * r.elementSparsity, r.seconds);
                std::cerr << line;
            }
        }
    }
    sigaction(SIGINT, &oldInt, nullptr);

    // Fig. 3's four panels: per method, the mean over seeds and the min-max band.
    std::vector<std::string> order;
    for (const auto &[optimizer, penalty] : c.methods)
        order.push_back(methodName(optimizer, penalty));
    const Figure fig = ablationFigure(results, order);
    writeFileAtomic((fs::path(c.out) / "fig3.svg").string(), renderFigure(fig, "svg"));
    writeFileAtomic((fs::path(c.out) / "fig3.pdf").string(), renderFigure(fig, "pdf"));

    // The means, one row per method and lambda.
    std::printf("%-18s %8s %8s %9s %8s %8s\n", "method", "log10 l", "val %", "features", "neurons",
                "zeros %");
    for (const auto &series : fig.panels[0].series) {
        for (size_t i = 0; i < series.x.size(); ++i) {
            const auto at = [&](int panel) {
                for (const auto &s : fig.panels[size_t(panel)].series) {
                    if (s.name == series.name)
                        return s.y[i];
                }
                return 0.0;
            };
            std::printf("%-18s %8.2f %8.1f %9.1f %8.1f %8.1f\n", series.name.c_str(), series.x[i],
                        series.y[i], at(1), at(2), at(3));
        }
    }
    std::cerr << "wrote " << csvPath << ", fig3.svg and fig3.pdf\n";
    if (g_ablationInterrupts.load() > 0) {
        std::cerr << "ablation: stopped after " << done << " of " << total
                  << " runs; the table and figure hold those\n";
        return 130;
    }
    return 0;
}

} // namespace sparsenas
