// SPDX-License-Identifier: MIT
// The mixed node: sum_t w[t.index] * scale_t(t.value) over the terms of one node of a search
// cell, as one autograd operation (mixTerms, ops.h).
//
// Before, each term was its own autograd function (alpha * BN(x)) and the node added the terms
// with out-of-place and in-place additions: per term one output tensor written and read again,
// one more node in the graph, and the weights taken out of A one 0-dim tensor each. Here the
// forward adds every scaled term straight into the node's output (the BN's apply pass
// accumulates), and the backward runs each term's BN backward on the node's gradient and
// writes the gradients of all the weights into one tensor shaped as w.

#include "sparsenas/ops.h"

#include "kernels/common.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace sparsenas {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

/// How one term is scaled, as the forward did it (the backward follows the same route).
enum class Route : int64_t {
    Product = 0, ///< w * value
    OwnBn = 1,   ///< w * BN(value) by the own kernels (training, float channels-last)
    AtenBn = 2,  ///< w * BN(value) by LibTorch's batch norm
};

/// The terms' description without their values (which are the function's tensor inputs).
struct TermSpec
{
    int64_t index;
    bool phased, bn, training;
    torch::Tensor runningMean, runningVar;
    double momentum, eps;
};

/// out += y, or out = y when out is still empty (y is always a fresh tensor of ours).
void accumulate(torch::Tensor &out, const torch::Tensor &y)
{
    if (out.defined())
        out.add_(y);
    else
        out = y;
}

struct MixNodeFunction : torch::autograd::Function<MixNodeFunction>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &weights,
                                 at::TensorList values, const std::vector<TermSpec> &specs,
                                 bool keepPhases)
    {
        const auto w = weights.detach().reshape({-1}).to(torch::kCPU, torch::kDouble).contiguous();
        const double *wd = w.data_ptr<double>();
        torch::Tensor plain, phased;
        std::vector<torch::Tensor> saved{weights};
        saved.insert(saved.end(), values.begin(), values.end());
        std::vector<int64_t> route, index, isPhased;
        std::vector<double> eps;
        std::vector<int64_t> training;
        for (size_t k = 0; k < specs.size(); ++k) {
            const auto &s = specs[k];
            const auto &v = values[k];
            const double alpha = wd[s.index];
            auto &out = s.phased ? phased : plain;
            torch::Tensor mean, invstd, rm, rv;
            Route r = Route::Product;
            if (!s.bn) {
                accumulate(out, v * alpha);
            } else if (s.training && kernels::ownBnTakes(v)) {
                r = Route::OwnBn;
                const bool into = out.defined() && out.sizes() == v.sizes() &&
                                  out.scalar_type() == v.scalar_type() &&
                                  out.is_contiguous(torch::MemoryFormat::ChannelsLast);
                auto [y, m, i] = kernels::ownBnForward(v, s.runningMean, s.runningVar, s.momentum,
                                                       s.eps, alpha, false,
                                                       into ? out : torch::Tensor());
                if (!into)
                    accumulate(out, y);
                mean = m;
                invstd = i;
            } else {
                r = Route::AtenBn;
                auto [y, m, i] = at::native_batch_norm(v, {}, {}, s.runningMean, s.runningVar,
                                                       s.training, s.momentum, s.eps);
                accumulate(out, y.mul_(alpha));
                mean = m;
                invstd = i;
                // The running statistics only in eval mode, where the backward uses them: a
                // batch cut into shards updates them again in its next shard's forward, before
                // this backward.
                if (!s.training) {
                    rm = s.runningMean;
                    rv = s.runningVar;
                }
            }
            saved.insert(saved.end(), {mean, invstd, rm, rv});
            route.push_back(int64_t(r));
            index.push_back(s.index);
            isPhased.push_back(s.phased ? 1 : 0);
            eps.push_back(s.eps);
            training.push_back(s.training ? 1 : 0);
        }
        ctx->save_for_backward(saved);
        ctx->saved_data["n"] = int64_t(specs.size());
        ctx->saved_data["route"] = route;
        ctx->saved_data["index"] = index;
        ctx->saved_data["phased"] = isPhased;
        ctx->saved_data["eps"] = eps;
        ctx->saved_data["training"] = training;
        const bool allPhased = !plain.defined();
        ctx->saved_data["outPhased"] = keepPhases && allPhased;
        if (!phased.defined())
            return plain;
        if (keepPhases && allPhased)
            return phased;
        auto converted = fromPhases(phased);
        if (!plain.defined())
            return converted;
        return plain.add_(converted);
    }

    static variable_list backward(AutogradContext *ctx, variable_list gradOut)
    {
        kernels::requireFirstOrder();
        const auto s = ctx->get_saved_variables();
        const int64_t n = ctx->saved_data["n"].toInt();
        const auto route = ctx->saved_data["route"].toIntVector();
        const auto index = ctx->saved_data["index"].toIntVector();
        const auto isPhased = ctx->saved_data["phased"].toIntVector();
        const auto eps = ctx->saved_data["eps"].toDoubleVector();
        const auto training = ctx->saved_data["training"].toIntVector();
        const bool outPhased = ctx->saved_data["outPhased"].toBool();
        const auto &weights = s[0];
        const auto w = weights.detach().reshape({-1}).to(torch::kCPU, torch::kDouble).contiguous();
        const double *wd = w.data_ptr<double>();

        // The node's gradient in the layouts its terms were summed in, each made once.
        const auto g = gradOut[0];
        torch::Tensor gPlain, gPhased;
        auto gradFor = [&](bool phased) -> const torch::Tensor & {
            auto &slot = phased ? gPhased : gPlain;
            if (!slot.defined()) {
                auto t = outPhased == phased ? g : (phased ? toPhases(g) : fromPhases(g));
                slot = ownKernelLayout(t);
            }
            return slot;
        };

        const bool wantWeights = ctx->needs_input_grad(0);
        std::vector<double> gw(size_t(w.numel()), 0.0);
        variable_list out(size_t(n) + 3);
        for (int64_t k = 0; k < n; ++k) {
            const auto &v = s[size_t(1 + k)];
            const auto &mean = s[size_t(1 + n + 4 * k)];
            const auto &invstd = s[size_t(2 + n + 4 * k)];
            const bool wantValue = ctx->needs_input_grad(size_t(1 + k));
            if (!wantValue && !wantWeights)
                continue;
            const auto &gk = gradFor(isPhased[size_t(k)] != 0);
            const double alpha = wd[index[size_t(k)]];
            torch::Tensor gv;
            double ga = 0;
            switch (Route(route[size_t(k)])) {
            case Route::Product:
                if (wantValue)
                    gv = gk * alpha;
                if (wantWeights)
                    ga = (gk * v).sum().item<double>();
                break;
            case Route::OwnBn: {
                auto [x, gs] = kernels::ownBnBackward(gk, v, mean, invstd, alpha, wantValue);
                gv = x;
                ga = gs;
                break;
            }
            case Route::AtenBn: {
                // BN's backward with alpha as its weight: the input gradient, and per channel
                // sum(g * xhat), whose total is the gradient of alpha. Asked for separately:
                // LibTorch sums sum(g * xhat) in another order when it also computes the input
                // gradient, and alpha's gradient must not depend on whether the value's is
                // wanted (an op with alpha == 0 skips the latter, supernet.cpp).
                const auto weight = torch::full({v.size(1)}, alpha, v.options());
                const bool train = training[size_t(k)] != 0;
                const auto &rm = s[size_t(3 + n + 4 * k)], &rv = s[size_t(4 + n + 4 * k)];
                if (wantValue)
                    gv = std::get<0>(at::native_batch_norm_backward(gk, v, weight, rm, rv, mean,
                                                                    invstd, train, eps[size_t(k)],
                                                                    {true, false, false}));
                if (wantWeights)
                    ga = std::get<1>(at::native_batch_norm_backward(gk, v, weight, rm, rv, mean,
                                                                    invstd, train, eps[size_t(k)],
                                                                    {false, true, false}))
                             .sum()
                             .item<double>();
                break;
            }
            }
            out[size_t(1 + k)] = gv;
            gw[size_t(index[size_t(k)])] += ga;
        }
        if (wantWeights)
            // (a copy: from_blob borrows gw, and to() returns the same tensor for doubles)
            out[0] = torch::from_blob(gw.data(), {int64_t(gw.size())}, torch::kDouble)
                         .to(weights.options(), /*non_blocking=*/false, /*copy=*/true)
                         .reshape(weights.sizes());
        return out;
    }

    /// Channels-last where the own kernels run, so that every term reads one contiguous copy.
    static torch::Tensor ownKernelLayout(const torch::Tensor &t)
    {
        return kernels::ownKernelTakes(t) ? t.contiguous(torch::MemoryFormat::ChannelsLast) : t;
    }
};

} // namespace

ScaledOutput mixTerms(const torch::Tensor &weights, const std::vector<MixedTerm> &terms,
                      bool keepPhases)
{
    if (terms.empty())
        throw std::logic_error("a node sum needs at least one term");
    std::vector<torch::Tensor> values;
    std::vector<TermSpec> specs;
    values.reserve(terms.size());
    specs.reserve(terms.size());
    bool allPhased = true;
    for (const auto &t : terms) {
        if (t.index < 0 || t.index >= weights.numel())
            throw std::out_of_range("mixTerms: weight index " + std::to_string(t.index) +
                                    " outside " + std::to_string(weights.numel()) + " weights");
        values.push_back(t.value);
        specs.push_back(
            {t.index, t.phased, t.bn, t.training, t.runningMean, t.runningVar, t.momentum, t.eps});
        allPhased = allPhased && t.phased;
    }
    const at::TensorList list(values);
    auto y = MixNodeFunction::apply(weights, list, specs, keepPhases);
    return {y, keepPhases && allPhased};
}

} // namespace sparsenas
