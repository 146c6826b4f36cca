// SPDX-License-Identifier: MIT
// The DARTS operations as modules; the CPU kernels and autograd functions they run on are in
// kernels/.

#include "sparsenas/ops.h"

#include "kernels/kernels.h"

#include <optional>
#include <stdexcept>
#include <string>

namespace sparsenas {

namespace nn = torch::nn;

static nn::BatchNorm2d makeBn(int64_t c, bool affine)
{
    return nn::BatchNorm2d(nn::BatchNorm2dOptions(c).affine(affine));
}

static nn::Conv2d makeConv(int64_t cIn, int64_t cOut, int64_t k, int64_t stride, int64_t pad,
                           int64_t dilation = 1, int64_t groups = 1)
{
    return nn::Conv2d(nn::Conv2dOptions(cIn, cOut, k)
                          .stride(stride)
                          .padding(pad)
                          .dilation(dilation)
                          .groups(groups)
                          .bias(false));
}

/// The exponential-average factor bn.forward would use, counting the batch as it does.
static double bnMomentum(nn::BatchNorm2dImpl &bn)
{
    const auto &o = bn.options;
    double factor = o.momentum().value_or(0.0);
    if (bn.is_training() && o.track_running_stats() && bn.num_batches_tracked.defined()) {
        bn.num_batches_tracked += 1;
        if (!o.momentum())
            factor = 1.0 / bn.num_batches_tracked.item<double>();
    }
    return factor;
}

namespace {

torch::Tensor dwPw(const torch::Tensor &x, const nn::Conv2d &dw, const nn::Conv2d &pw,
                   int64_t stride, int64_t pad, int64_t dil)
{
    return kernels::depthwisePointwise(x, dw->weight, pw->weight, stride, pad, dil);
}

} // namespace

torch::Tensor toPhases(const torch::Tensor &x)
{
    const int64_t b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    // Channels-last order, so that the copy moves whole pixels and the result is channels-last.
    return x.permute({0, 2, 3, 1})
        .reshape({b, h / 2, 2, w / 2, 2, c})
        .permute({2, 4, 0, 1, 3, 5})
        .reshape({4 * b, h / 2, w / 2, c})
        .permute({0, 3, 1, 2});
}

torch::Tensor fromPhases(const torch::Tensor &p)
{
    const int64_t b = p.size(0) / 4, c = p.size(1), h = p.size(2), w = p.size(3);
    return p.permute({0, 2, 3, 1})
        .reshape({2, 2, b, h, w, c})
        .permute({2, 3, 0, 4, 1, 5})
        .reshape({b, 2 * h, 2 * w, c})
        .permute({0, 3, 1, 2});
}

namespace {

struct FanOutFunction : torch::autograd::Function<FanOutFunction>
{
    static torch::autograd::variable_list forward(torch::autograd::AutogradContext *ctx,
                                                  const torch::Tensor &x, int64_t uses)
    {
        ctx->set_materialize_grads(false); // an unused alias costs no zero tensor
        ctx->saved_data["channels_last"] = x.dim() == 4 && x.suggest_memory_format() ==
                                                               torch::MemoryFormat::ChannelsLast;
        torch::autograd::variable_list out;
        out.reserve(size_t(uses));
        for (int64_t k = 0; k < uses; ++k)
            out.push_back(x.alias());
        return out;
    }

    /// The sum in index order, in x's layout whatever the layouts of the terms: a later
    /// reduction over it (the gradient of an A, say) then adds in the same order whether one
    /// term came or several.
    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto layout = ctx->saved_data["channels_last"].toBool()
                                ? torch::MemoryFormat::ChannelsLast
                                : torch::MemoryFormat::Contiguous;
        torch::Tensor sum;
        bool owned = false;
        for (const auto &g : grads) {
            if (!g.defined())
                continue;
            if (!sum.defined()) {
                sum = g.contiguous(layout);
                owned = !sum.is_same(g);
            } else if (!owned) {
                auto out = torch::empty(sum.sizes(), sum.options().memory_format(layout));
                torch::add_out(out, sum, g);
                sum = out;
                owned = true;
            } else {
                sum.add_(g);
            }
        }
        return {sum, torch::Tensor()};
    }
};

} // namespace

std::vector<torch::Tensor> fanOut(const torch::Tensor &x, int64_t uses)
{
    if (uses <= 0)
        return {};
    if (!torch::GradMode::is_enabled() || !x.requires_grad())
        return std::vector<torch::Tensor>(size_t(uses), x);
    return FanOutFunction::apply(x, uses);
}

namespace {

/// One link of OpInput's chain: two aliases of x, the consumer's and the rest of the chain's.
/// The backward adds the consumer's gradient to the rest's, in x's memory layout whatever the
/// layouts of the terms (a later reduction over the sum, such as the gradient of an A, then
/// adds in the same order whether one term came or both).
struct ChainLinkFunction : torch::autograd::Function<ChainLinkFunction>
{
    static torch::autograd::variable_list forward(torch::autograd::AutogradContext *ctx,
                                                  const torch::Tensor &x)
    {
        ctx->set_materialize_grads(false); // an unused alias costs no zero tensor
        ctx->saved_data["channels_last"] = x.dim() == 4 && x.suggest_memory_format() ==
                                                               torch::MemoryFormat::ChannelsLast;
        return {x.alias(), x.alias()};
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto layout = ctx->saved_data["channels_last"].toBool()
                                ? torch::MemoryFormat::ChannelsLast
                                : torch::MemoryFormat::Contiguous;
        const auto &mine = grads[0], &rest = grads[1];
        if (!mine.defined() || !rest.defined()) {
            const auto &one = mine.defined() ? mine : rest;
            return {one.defined() ? one.contiguous(layout) : torch::Tensor()};
        }
        // A new tensor: autograd may hand the same gradient to other nodes (an addition gives
        // both its inputs the one it got), so neither term may be written into.
        auto sum = torch::empty(mine.sizes(), mine.options().memory_format(layout));
        torch::add_out(sum, mine, rest);
        return {sum};
    }
};

/// x[:, :, offset::2, offset::2] in x's layout: what a 1x1 convolution of stride 2 reads (offset
/// 0), or one on the grid shifted by a pixel (offset 1). One autograd node, whose backward puts
/// the gradient into one zero tensor; indexing records a slice per dimension instead, and each
/// slice's backward makes a full-size zero tensor of its own.
struct EveryOtherPixelFunction : torch::autograd::Function<EveryOtherPixelFunction>
{
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &x,
                                 int64_t offset)
    {
        const auto layout = x.suggest_memory_format();
        ctx->saved_data["offset"] = offset;
        ctx->saved_data["sizes"] = x.sizes().vec();
        ctx->saved_data["like"] = torch::empty({0}, x.options());
        ctx->saved_data["channels_last"] = layout == torch::MemoryFormat::ChannelsLast;
        return x.slice(2, offset, c10::nullopt, 2)
            .slice(3, offset, c10::nullopt, 2)
            .contiguous(layout);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const int64_t offset = ctx->saved_data["offset"].toInt();
        const auto layout = ctx->saved_data["channels_last"].toBool()
                                ? torch::MemoryFormat::ChannelsLast
                                : torch::MemoryFormat::Contiguous;
        // torch::zeros ignores a layout in its options
        auto gx = torch::empty(ctx->saved_data["sizes"].toIntVector(),
                               ctx->saved_data["like"].toTensor().options().memory_format(layout))
                      .zero_();
        gx.slice(2, offset, c10::nullopt, 2).slice(3, offset, c10::nullopt, 2).copy_(grads[0]);
        return {gx, torch::Tensor()};
    }
};

} // namespace

OpInput::OpInput(torch::Tensor x, int64_t consumers) : m_consumers(consumers)
{
    m_x = share(std::move(x), {0, 1});
}

OpInput::Shared OpInput::share(torch::Tensor value, std::initializer_list<int64_t> ownSlots)
{
    Shared s(std::move(value));
    if (m_consumers > 0 && torch::GradMode::is_enabled() && s.value.requires_grad()) {
        for (const int64_t slot : ownSlots)
            take(s, slot);
    }
    return s;
}

bool OpInput::stale(const Shared &s) const
{
    return !s.value.defined() ||
           (torch::GradMode::is_enabled() && m_x.value.requires_grad() && !s.value.requires_grad());
}

torch::Tensor OpInput::take(Shared &s, int64_t slot)
{
    if (m_consumers <= 0 || !torch::GradMode::is_enabled() || !s.value.requires_grad())
        return s.value;
    if (slot < 0 || slot >= kOwnSlots + m_consumers)
        throw std::logic_error("OpInput: consumer " + std::to_string(slot - kOwnSlots) + " of " +
                               std::to_string(m_consumers));
    if (s.slots.empty())
        s.slots.resize(size_t(kOwnSlots + m_consumers));
    auto &alias = s.slots[size_t(slot)];
    if (!alias.defined()) {
        auto link = ChainLinkFunction::apply(s.rest.defined() ? s.rest : s.value);
        alias = link[0];
        s.rest = link[1];
    }
    return alias;
}

torch::Tensor OpInput::relu()
{
    if (stale(m_relu))
        m_relu = share(torch::relu(take(m_x, 0)), {1, 2, 3});
    return take(m_relu, kOwnSlots + m_consumer);
}

torch::Tensor OpInput::reluEven()
{
    if (stale(m_even)) {
        if (stale(m_relu))
            m_relu = share(torch::relu(take(m_x, 0)), {1, 2, 3});
        m_even = share(EveryOtherPixelFunction::apply(take(m_relu, 1), 0), {});
    }
    return take(m_even, kOwnSlots + m_consumer);
}

torch::Tensor OpInput::reluOdd()
{
    if (stale(m_odd)) {
        if (stale(m_relu))
            m_relu = share(torch::relu(take(m_x, 0)), {1, 2, 3});
        m_odd = share(EveryOtherPixelFunction::apply(take(m_relu, 3), 1), {});
    }
    return take(m_odd, kOwnSlots + m_consumer);
}

torch::Tensor OpInput::reluPhases()
{
    if (!m_phasesDone || (m_phases.value.defined() && stale(m_phases))) {
        m_phasesDone = true;
        const auto &x = m_x.value;
        if (x.dim() == 4 && x.size(2) % 2 == 0 && x.size(3) % 2 == 0) {
            if (stale(m_relu))
                m_relu = share(torch::relu(take(m_x, 0)), {1, 2, 3});
            m_phases = share(toPhases(take(m_relu, 2)), {});
        }
    }
    return m_phases.value.defined() ? take(m_phases, kOwnSlots + m_consumer) : torch::Tensor();
}

MixedTerm ScaledOp::term(OpInput &in, int64_t index, bool graph)
{
    MixedTerm t;
    t.index = index;
    ScaledOutput u;
    std::optional<torch::NoGradGuard> noGrad;
    if (!graph)
        noGrad.emplace();
    u = unscaled(in);
    t.value = graph ? u.value : u.value.detach();
    t.phased = u.phased;
    if (auto *bn = finalBn()) {
        const auto &o = bn->options;
        if (o.affine()) {
            // Its weight and bias are parameters of the op: BN runs as a module of its own,
            // alpha scales its output.
            t.value = bn->forward(t.value);
        } else {
            t.bn = true;
            t.training = bn->is_training();
            t.momentum = bnMomentum(*bn);
            t.eps = o.eps();
            if (o.track_running_stats()) {
                t.runningMean = bn->running_mean;
                t.runningVar = bn->running_var;
            } else {
                t.training = true; // no running statistics: batch statistics in eval too
            }
        }
    }
    return t;
}

ScaledOutput ScaledOp::forwardScaled(OpInput &in, const torch::Tensor &alpha)
{
    return mixTerms(alpha, {term(in, 0, true)}, /*keepPhases=*/true);
}

ScaledOutput ScaledOp::forwardAlphaOnly(OpInput &in, const torch::Tensor &alpha)
{
    return mixTerms(alpha, {term(in, 0, false)}, /*keepPhases=*/true);
}

/// What an affine-free BN with tracked statistics does to them on an all-zero input.
static void advanceStatsOnZeros(nn::BatchNorm2dImpl &bn, const torch::Tensor &like)
{
    const auto &o = bn.options;
    if (o.affine() || !bn.is_training())
        throw std::logic_error("advanceStatsOnZeroInput needs an affine-free BN in training");
    if (!o.track_running_stats())
        return; // no statistics to advance
    const double factor = bnMomentum(bn);
    kernels::batchNormStatsOfZeros(like, bn.running_mean, bn.running_var, factor, o.eps());
}

/// Whether a BN gives zero on zero input: affine-free, over the batch's statistics.
static bool zeroToZero(const nn::BatchNorm2dImpl &bn)
{
    return !bn.options.affine() && bn.is_training();
}

ReluConvBnImpl::ReluConvBnImpl(int64_t cIn, int64_t cOut, int64_t kernel, int64_t stride,
                               int64_t padding, bool affine)
{
    conv = register_module("conv", makeConv(cIn, cOut, kernel, stride, padding));
    bn = register_module("bn", makeBn(cOut, affine));
}

torch::Tensor ReluConvBnImpl::forward(const torch::Tensor &x)
{
    return bn(conv(torch::relu(x)));
}

FactorizedReduceImpl::FactorizedReduceImpl(int64_t cIn, int64_t cOut, bool affine)
{
    if (cOut % 2 != 0)
        throw std::invalid_argument("FactorizedReduce needs an even channel count");
    conv1 = register_module("conv1", makeConv(cIn, cOut / 2, 1, 2, 0));
    conv2 = register_module("conv2", makeConv(cIn, cOut / 2, 1, 2, 0));
    bn = register_module("bn", makeBn(cOut, affine));
}

torch::Tensor FactorizedReduceImpl::forward(const torch::Tensor &x)
{
    using torch::indexing::Slice;
    const auto r = torch::relu(x);
    auto a = conv1(r);
    auto b = conv2(r.index(
        {Slice(), Slice(), Slice(1, torch::indexing::None), Slice(1, torch::indexing::None)}));
    // Odd sizes: the shifted grid can be one smaller; pad it so both halves align.
    if (b.size(2) != a.size(2) || b.size(3) != a.size(3))
        b = torch::constant_pad_nd(b, {0, a.size(3) - b.size(3), 0, a.size(2) - b.size(2)});
    return bn(torch::cat({a, b}, 1));
}

ScaledOutput FactorizedReduceImpl::unscaled(OpInput &in)
{
    // A 1x1 convolution of stride 2 is the undilated one of the pixels it reads: those on the
    // even grid, and those on the grid shifted by one pixel. Both are shared with the other
    // readers of this input (the dilated convolutions of stride 2 read the even grid too).
    auto a = torch::conv2d(in.reluEven(), conv1->weight);
    auto b = torch::conv2d(in.reluOdd(), conv2->weight);
    if (b.size(2) != a.size(2) || b.size(3) != a.size(3))
        b = torch::constant_pad_nd(b, {0, a.size(3) - b.size(3), 0, a.size(2) - b.size(2)});
    return {torch::cat({a, b}, 1)};
}

nn::BatchNorm2dImpl *FactorizedReduceImpl::finalBn()
{
    return bn.get();
}

bool FactorizedReduceImpl::zeroInputGivesZero() const
{
    return zeroToZero(*bn);
}

bool FactorizedReduceImpl::zeroInputIsInert() const
{
    return zeroToZero(*bn);
}

void FactorizedReduceImpl::advanceStatsOnZeroInput(const torch::Tensor &like)
{
    advanceStatsOnZeros(*bn, like);
}

namespace {

/// Depthwise separable convolution applied twice (DARTS's SepConv).
struct SepConvImpl : nn::Module, ScaledOp
{
    SepConvImpl(int64_t c, int64_t k, int64_t stride, int64_t pad, bool affine)
        : m_stride(stride), m_pad(pad)
    {
        dw1 = register_module("dw1", makeConv(c, c, k, stride, pad, 1, c));
        pw1 = register_module("pw1", makeConv(c, c, 1, 1, 0));
        bn1 = register_module("bn1", makeBn(c, affine));
        dw2 = register_module("dw2", makeConv(c, c, k, 1, pad, 1, c));
        pw2 = register_module("pw2", makeConv(c, c, 1, 1, 0));
        bn2 = register_module("bn2", makeBn(c, affine));
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        auto y = bn1(pw1(dw1(torch::relu(x))));
        return bn2(pw2(dw2(torch::relu(y))));
    }
    ScaledOutput unscaled(OpInput &in) override
    {
        const auto t = dwPw(in.relu(), dw1, pw1, m_stride, m_pad, 1);
        const auto &o = bn1->options;
        if (!o.affine() && o.track_running_stats()) {
            const double factor = bnMomentum(*bn1);
            return {kernels::bnReluDepthwisePointwise(t, dw2->weight, pw2->weight,
                                                      bn1->running_mean, bn1->running_var,
                                                      bn1->is_training(), factor, o.eps(), m_pad)};
        }
        return {dwPw(bn1(t).relu_(), dw2, pw2, 1, m_pad, 1)};
    }
    nn::BatchNorm2dImpl *finalBn() override { return bn2.get(); }
    bool zeroInputGivesZero() const override { return zeroToZero(*bn1) && zeroToZero(*bn2); }
    bool zeroInputIsInert() const override { return zeroInputGivesZero(); }
    void advanceStatsOnZeroInput(const torch::Tensor &like) override
    {
        advanceStatsOnZeros(*bn1, like);
        advanceStatsOnZeros(*bn2, like);
    }
    int64_t m_stride, m_pad;
    nn::Conv2d dw1{nullptr}, pw1{nullptr}, dw2{nullptr}, pw2{nullptr};
    nn::BatchNorm2d bn1{nullptr}, bn2{nullptr};
};
TORCH_MODULE(SepConv);

/// ReLU -> dilated depthwise conv -> 1x1 conv -> BN (DARTS's DilConv).
struct DilConvImpl : nn::Module, ScaledOp
{
    DilConvImpl(int64_t c, int64_t k, int64_t stride, int64_t pad, int64_t dilation, bool affine)
        : m_stride(stride), m_pad(pad), m_dilation(dilation),
          m_byPhases(dilation == 2 && pad == k - 1 && (stride == 1 || stride == 2))
    {
        dw = register_module("dw", makeConv(c, c, k, stride, pad, dilation, c));
        pw = register_module("pw", makeConv(c, c, 1, 1, 0));
        bn = register_module("bn", makeBn(c, affine));
    }
    torch::Tensor forward(const torch::Tensor &x) { return bn(pw(dw(torch::relu(x)))); }
    ScaledOutput unscaled(OpInput &in) override
    {
        // With dilation 2 and "same" padding, stride 2 reads only the even rows and columns,
        // and stride 1 is an undilated convolution per phase: no dilated kernels (slow on CPU).
        if (m_byPhases && m_stride == 2)
            return {dwPw(in.reluEven(), dw, pw, 1, m_pad / 2, 1)};
        if (m_byPhases) {
            const auto phases = in.reluPhases();
            if (phases.defined())
                return {dwPw(phases, dw, pw, 1, m_pad / 2, 1), true};
        }
        return {dwPw(in.relu(), dw, pw, m_stride, m_pad, m_dilation)};
    }
    nn::BatchNorm2dImpl *finalBn() override { return bn.get(); }
    bool zeroInputGivesZero() const override { return zeroToZero(*bn); }
    bool zeroInputIsInert() const override { return zeroToZero(*bn); }
    void advanceStatsOnZeroInput(const torch::Tensor &like) override
    {
        advanceStatsOnZeros(*bn, like);
    }
    int64_t m_stride, m_pad, m_dilation;
    bool m_byPhases;
    nn::Conv2d dw{nullptr}, pw{nullptr};
    nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(DilConv);

/// Pooling followed by affine-free BN, as DARTS's MixedOp does during search.
struct PoolBnImpl : nn::Module, ScaledOp
{
    PoolBnImpl(bool maxPool, int64_t c, int64_t stride) : m_max(maxPool), m_stride(stride)
    {
        bn = register_module("bn", makeBn(c, false));
    }
    torch::Tensor pool(const torch::Tensor &x)
    {
        return m_max ? torch::max_pool2d(x, {3, 3}, {m_stride, m_stride}, {1, 1})
                     : torch::avg_pool2d(x, {3, 3}, {m_stride, m_stride}, {1, 1},
                                         /*ceil_mode=*/false, /*count_include_pad=*/false);
    }
    torch::Tensor forward(const torch::Tensor &x) { return bn(pool(x)); }
    ScaledOutput unscaled(OpInput &in) override
    {
        // The same kernel with or without a graph: its output's layout decides the order in
        // which BN and the gradient of alpha sum over it (an op with alpha == 0 runs this part
        // without a graph, supernet.cpp).
        const auto x = in.take();
        return {m_max ? kernels::maxPool3x3(x, m_stride) : pool(x)};
    }
    nn::BatchNorm2dImpl *finalBn() override { return bn.get(); }
    bool zeroInputGivesZero() const override { return zeroToZero(*bn); }
    /// The pool passes the gradient on to its input, zero or not.
    bool zeroInputIsInert() const override { return false; }
    void advanceStatsOnZeroInput(const torch::Tensor &like) override
    {
        advanceStatsOnZeros(*bn, like);
    }
    bool m_max;
    int64_t m_stride;
    nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(PoolBn);

struct IdentityImpl : nn::Module, ScaledOp
{
    torch::Tensor forward(const torch::Tensor &x) { return x; }
    ScaledOutput unscaled(OpInput &in) override { return {in.take()}; }
    nn::BatchNorm2dImpl *finalBn() override { return nullptr; }
    bool zeroInputGivesZero() const override { return true; }
    bool zeroInputIsInert() const override { return false; }
    void advanceStatsOnZeroInput(const torch::Tensor &) override {}
};
TORCH_MODULE(Identity);

} // namespace

ScaledOp *scaledOp(const nn::AnyModule &op)
{
    return op.is_empty() ? nullptr : dynamic_cast<ScaledOp *>(op.ptr().get());
}

nn::AnyModule makeOp(const std::string &name, int64_t c, int64_t stride, bool affine)
{
    if (name == "none")
        return {};
    if (name == "max_pool_3x3")
        return nn::AnyModule(PoolBn(true, c, stride));
    if (name == "avg_pool_3x3")
        return nn::AnyModule(PoolBn(false, c, stride));
    if (name == "skip_connect")
        return stride == 1 ? nn::AnyModule(Identity())
                           : nn::AnyModule(FactorizedReduce(c, c, affine));
    if (name == "sep_conv_3x3")
        return nn::AnyModule(SepConv(c, 3, stride, 1, affine));
    if (name == "sep_conv_5x5")
        return nn::AnyModule(SepConv(c, 5, stride, 2, affine));
    if (name == "dil_conv_3x3")
        return nn::AnyModule(DilConv(c, 3, stride, 2, 2, affine));
    if (name == "dil_conv_5x5")
        return nn::AnyModule(DilConv(c, 5, stride, 4, 2, affine));
    throw std::invalid_argument("unknown operation '" + name + "'");
}

} // namespace sparsenas
