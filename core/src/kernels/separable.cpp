// SPDX-License-Identifier: MIT
// Depthwise-separable convolution (depthwise, then 1x1) as autograd functions that keep less
// for the backward than LibTorch's: the halves of DARTS's SepConv and DilConv.

#include "kernels/kernels.h"

#include "kernels/common.h"

#include <array>
#include <tuple>

namespace sparsenas::kernels {

namespace {

/// Depthwise conv (stride s, padding p, dilation d) then 1x1 conv.
struct DwPw
{
    int64_t s, p, d;

    torch::Tensor dw(const torch::Tensor &x, const torch::Tensor &wDw) const
    {
        return at::convolution(x, wDw, {}, {s, s}, {p, p}, {d, d}, false, {0, 0}, wDw.size(0));
    }

    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &wDw,
                          const torch::Tensor &wPw) const
    {
        return at::convolution(dw(x, wDw), wPw, {}, {1, 1}, {0, 0}, {1, 1}, false, {0, 0}, 1);
    }

    /// {dx, dwDw, dwPw} for those asked for; the depthwise output is computed again.
    std::array<torch::Tensor, 3> backward(const torch::Tensor &gradOut, const torch::Tensor &x,
                                          const torch::Tensor &wDw, const torch::Tensor &wPw,
                                          std::array<bool, 3> need) const
    {
        const auto dwOut = dw(x, wDw);
        // oneDNN's backward misreads a gradient whose layout differs from the input's.
        const auto g = gradOut.contiguous(dwOut.suggest_memory_format());
        auto [gd, gPw, unused1] = at::convolution_backward(g, dwOut, wPw, c10::nullopt, {1, 1},
                                                           {0, 0}, {1, 1}, false, {0, 0}, 1,
                                                           {true, need[2], false});
        const bool own = need[1] && useOwnDwWeightGrad(x, wDw);
        auto [gx, gDw, unused2] = at::convolution_backward(gd, x, wDw, c10::nullopt, {s, s}, {p, p},
                                                           {d, d}, false, {0, 0}, wDw.size(0),
                                                           {need[0], need[1] && !own, false});
        if (own)
            gDw = depthwiseWeightGrad(gd, x, wDw.size(2), s, p, d);
        return {gx, gDw, gPw};
    }
};

/// DwPw keeping only its input for the backward: the depthwise output is computed again there
/// (cheap) instead of being held from forward to backward.
struct DwPwFunction : torch::autograd::Function<DwPwFunction>
{
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &x,
                                 const torch::Tensor &wDw, const torch::Tensor &wPw, int64_t stride,
                                 int64_t pad, int64_t dil)
    {
        ctx->save_for_backward({x, wDw, wPw});
        ctx->saved_data["stride"] = stride;
        ctx->saved_data["pad"] = pad;
        ctx->saved_data["dil"] = dil;
        return DwPw{stride, pad, dil}.forward(x, wDw, wPw);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list gradOut)
    {
        requireFirstOrder();
        const auto v = ctx->get_saved_variables();
        const DwPw op{ctx->saved_data["stride"].toInt(), ctx->saved_data["pad"].toInt(),
                      ctx->saved_data["dil"].toInt()};
        auto g = op.backward(
            gradOut[0], v[0], v[1], v[2],
            {ctx->needs_input_grad(0), ctx->needs_input_grad(1), ctx->needs_input_grad(2)});
        return {g[0], g[1], g[2], torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

/// relu(BN(x)) (affine-free BN) then DwPw with stride 1: the second half of SepConv. Keeps only
/// x and BN's statistics for the backward; relu(BN(x)) is computed again there, as is the
/// depthwise output.
struct BnReluDwPwFunction : torch::autograd::Function<BnReluDwPwFunction>
{
    static torch::Tensor bnRelu(const torch::Tensor &x, const torch::Tensor &runningMean,
                                const torch::Tensor &runningVar, bool training, double momentum,
                                double eps, torch::Tensor *mean = nullptr,
                                torch::Tensor *invstd = nullptr)
    {
        if (training && ownBnTakes(x)) {
            auto [y, saveMean, saveInvstd] =
                ownBnForward(x, runningMean, runningVar, momentum, eps, 1.0, true);
            if (mean) {
                *mean = saveMean;
                *invstd = saveInvstd;
            }
            return y;
        }
        auto [y, saveMean, saveInvstd] =
            at::native_batch_norm(x, {}, {}, runningMean, runningVar, training, momentum, eps);
        if (mean) {
            *mean = saveMean;
            *invstd = saveInvstd;
        }
        return y.relu_();
    }

    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &x,
                                 const torch::Tensor &wDw, const torch::Tensor &wPw,
                                 const torch::Tensor &runningMean, const torch::Tensor &runningVar,
                                 bool training, double momentum, double eps, int64_t pad)
    {
        torch::Tensor mean, invstd;
        const auto r = bnRelu(x, runningMean, runningVar, training, momentum, eps, &mean, &invstd);
        // The running statistics only in eval mode, where the backward uses them: a batch cut
        // into shards updates them again in its next shard's forward, before this backward.
        ctx->save_for_backward({x, wDw, wPw, training ? torch::Tensor() : runningMean,
                                training ? torch::Tensor() : runningVar, mean, invstd});
        ctx->saved_data["training"] = training;
        ctx->saved_data["eps"] = eps;
        ctx->saved_data["pad"] = pad;
        return DwPw{1, pad, 1}.forward(r, wDw, wPw);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list gradOut)
    {
        requireFirstOrder();
        const auto v = ctx->get_saved_variables();
        const auto &x = v[0], &runningMean = v[3], &runningVar = v[4];
        const bool training = ctx->saved_data["training"].toBool();
        const double eps = ctx->saved_data["eps"].toDouble();
        // The same kernel on the same input: the same values as in the forward. Training mode
        // gets the batch statistics again, without touching the running ones.
        const auto r = training ? bnRelu(x, {}, {}, true, 0.0, eps)
                                : bnRelu(x, runningMean, runningVar, false, 0.0, eps);
        auto g = DwPw{1, ctx->saved_data["pad"].toInt(), 1}.backward(
            gradOut[0], r, v[1], v[2],
            {ctx->needs_input_grad(0), ctx->needs_input_grad(1), ctx->needs_input_grad(2)});
        torch::Tensor gx;
        if (ctx->needs_input_grad(0)) {
            const auto gBn = at::threshold_backward(g[0], r, 0);
            if (training && ownBnTakes(x))
                gx = ownBnBackward(gBn, x, v[5], v[6], 1.0, true).first;
            else
                gx = std::get<0>(at::native_batch_norm_backward(gBn, x, {}, runningMean, runningVar,
                                                                v[5], v[6], training, eps,
                                                                {true, false, false}));
        }
        return {gx, g[1], g[2], {}, {}, {}, {}, {}, {}};
    }
};

} // namespace

torch::Tensor depthwisePointwise(const torch::Tensor &x, const torch::Tensor &wDw,
                                 const torch::Tensor &wPw, int64_t stride, int64_t pad, int64_t dil)
{
    return DwPwFunction::apply(x, wDw, wPw, stride, pad, dil);
}

torch::Tensor bnReluDepthwisePointwise(const torch::Tensor &x, const torch::Tensor &wDw,
                                       const torch::Tensor &wPw, const torch::Tensor &runningMean,
                                       const torch::Tensor &runningVar, bool training,
                                       double momentum, double eps, int64_t pad)
{
    return BnReluDwPwFunction::apply(x, wDw, wPw, runningMean, runningVar, training, momentum, eps,
                                     pad);
}

} // namespace sparsenas::kernels
