// SPDX-License-Identifier: MIT
// bench_ops: forward and backward time of the supernet's building blocks at the shapes of the
// DARTS search configuration, per memory layout and convolution backend, interleaved so that
// load changes on the host hit every variant alike. For choosing the supernet's implementation.

#include "sparsenas/searchengine.h"

#include <ATen/Context.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using Fn = std::function<torch::Tensor(const torch::Tensor &)>;

struct Variant
{
    std::string name;
    bool channelsLast;
    bool mkldnn;
};

struct Case
{
    std::string name;
    int64_t c, hw;
    Fn fn; ///< the op; parameters live in the closure
    std::vector<torch::Tensor> params;
};

torch::Tensor convW(int64_t cOut, int64_t cInPerGroup, int64_t k)
{
    return (torch::randn({cOut, cInPerGroup, k, k}) * 0.1).requires_grad_();
}

std::vector<Case> makeCases(int64_t c, int64_t hw, int64_t stride)
{
    std::vector<Case> cases;
    const std::string tag =
        "C" + std::to_string(c) + "_" + std::to_string(hw) + "_s" + std::to_string(stride);
    auto dw = [&](const std::string &name, int64_t k, int64_t pad, int64_t dil) {
        auto w = convW(c, 1, k);
        cases.push_back({name + "_" + tag,
                         c,
                         hw,
                         [w, stride, pad, dil, c](const torch::Tensor &x) {
                             return torch::conv2d(x, w, {}, stride, pad, dil, c);
                         },
                         {w}});
    };
    dw("dw3", 3, 1, 1);
    dw("dw5", 5, 2, 1);
    dw("dil3", 3, 2, 2);
    dw("dil5", 5, 4, 2);
    auto pw = convW(c, c, 1);
    cases.push_back(
        {"pw_" + tag, c, hw, [pw](const torch::Tensor &x) { return torch::conv2d(x, pw); }, {pw}});
    cases.push_back(
        {"relu_" + tag, c, hw, [](const torch::Tensor &x) { return torch::relu(x); }, {}});
    cases.push_back({"bn_" + tag,
                     c,
                     hw,
                     [](const torch::Tensor &x) {
                         return torch::batch_norm(x, {}, {}, {}, {}, true, 0.1, 1e-5, false);
                     },
                     {}});
    cases.push_back({"maxpool_" + tag,
                     c,
                     hw,
                     [stride](const torch::Tensor &x) {
                         return torch::max_pool2d(x, {3, 3}, {stride, stride}, {1, 1});
                     },
                     {}});
    cases.push_back(
        {"avgpool_" + tag,
         c,
         hw,
         [stride](const torch::Tensor &x) {
             return torch::avg_pool2d(x, {3, 3}, {stride, stride}, {1, 1}, false, false);
         },
         {}});
    return cases;
}

double since(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

} // namespace

int main(int argc, char **argv)
{
    int64_t batch = 64;
    int repeats = 5;
    std::string filter;
    int threadCount = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--batch")
            batch = std::stoll(argv[i + 1]);
        else if (a == "--repeats")
            repeats = std::stoi(argv[i + 1]);
        else if (a == "--filter")
            filter = argv[i + 1];
        else if (a == "--threads")
            threadCount = std::stoi(argv[i + 1]);
    }
    const int threads = sparsenas::configureThreads(threadCount);
    std::cout << nlohmann::json{{"kind", "header"},
                                {"torch", sparsenas::torchVersion()},
                                {"threads", threads},
                                {"batch", batch}}
                     .dump()
              << std::endl;
    torch::manual_seed(1);
    const std::vector<Variant> variants = {{"nchw_mkldnn", false, true},
                                           {"nhwc_mkldnn", true, true},
                                           {"nchw_native", false, false},
                                           {"nhwc_native", true, false}};
    std::vector<Case> cases;
    for (auto [c, hw, s] : std::vector<std::tuple<int64_t, int64_t, int64_t>>{
             {16, 32, 1}, {32, 16, 1}, {64, 8, 1}, {32, 32, 2}, {64, 16, 2}}) {
        for (auto &k : makeCases(c, hw, s)) {
            if (filter.empty() || k.name.find(filter) != std::string::npos)
                cases.push_back(std::move(k));
        }
    }
    for (auto &k : cases) {
        auto x0 = torch::randn({batch, k.c, k.hw, k.hw});
        std::map<std::string, std::vector<double>> fwd, bwd;
        for (int r = 0; r < repeats + 1; ++r) {
            for (const auto &v : variants) {
                at::globalContext().setUserEnabledMkldnn(v.mkldnn);
                auto x =
                    (v.channelsLast ? x0.contiguous(torch::MemoryFormat::ChannelsLast) : x0.clone())
                        .requires_grad_();
                for (auto &p : k.params) {
                    torch::NoGradGuard g;
                    p.set_data(v.channelsLast && p.dim() == 4
                                   ? p.contiguous(torch::MemoryFormat::ChannelsLast)
                                   : p.contiguous());
                    p.mutable_grad() = torch::Tensor();
                }
                auto t0 = Clock::now();
                auto y = k.fn(x);
                const double tf = since(t0);
                auto g = torch::ones_like(y);
                t0 = Clock::now();
                y.backward(g);
                const double tb = since(t0);
                if (r > 0) { // the first round is warm-up
                    fwd[v.name].push_back(tf * 1e3);
                    bwd[v.name].push_back(tb * 1e3);
                }
            }
        }
        nlohmann::json j = {{"case", k.name}, {"unit", "ms"}};
        for (const auto &v : variants)
            j[v.name] = {{"fwd", median(fwd[v.name])}, {"bwd", median(bwd[v.name])}};
        std::cout << j.dump() << std::endl;
    }
    at::globalContext().setUserEnabledMkldnn(true);
    return 0;
}
