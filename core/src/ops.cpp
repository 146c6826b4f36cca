// SPDX-License-Identifier: MIT
#include "sparsenas/ops.h"

#include <algorithm>
#include <stdexcept>

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
    auto b = conv2(r.index({Slice(), Slice(), Slice(1, torch::indexing::None),
                            Slice(1, torch::indexing::None)}));
    // Odd sizes: the shifted grid can be one smaller; pad it so both halves align.
    if (b.size(2) != a.size(2) || b.size(3) != a.size(3))
        b = torch::constant_pad_nd(b, {0, a.size(3) - b.size(3), 0, a.size(2) - b.size(2)});
    return bn(torch::cat({a, b}, 1));
}

namespace {

/// Depthwise separable convolution applied twice (DARTS's SepConv).
struct SepConvImpl : nn::Module
{
    SepConvImpl(int64_t c, int64_t k, int64_t stride, int64_t pad, bool affine)
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
    nn::Conv2d dw1{nullptr}, pw1{nullptr}, dw2{nullptr}, pw2{nullptr};
    nn::BatchNorm2d bn1{nullptr}, bn2{nullptr};
};
TORCH_MODULE(SepConv);

/// ReLU -> dilated depthwise conv -> 1x1 conv -> BN (DARTS's DilConv).
struct DilConvImpl : nn::Module
{
    DilConvImpl(int64_t c, int64_t k, int64_t stride, int64_t pad, int64_t dilation, bool affine)
    {
        dw = register_module("dw", makeConv(c, c, k, stride, pad, dilation, c));
        pw = register_module("pw", makeConv(c, c, 1, 1, 0));
        bn = register_module("bn", makeBn(c, affine));
    }
    torch::Tensor forward(const torch::Tensor &x) { return bn(pw(dw(torch::relu(x)))); }
    nn::Conv2d dw{nullptr}, pw{nullptr};
    nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(DilConv);

/// Pooling followed by affine-free BN, as DARTS's MixedOp does during search.
struct PoolBnImpl : nn::Module
{
    PoolBnImpl(bool maxPool, int64_t c, int64_t stride) : m_max(maxPool), m_stride(stride)
    {
        bn = register_module("bn", makeBn(c, false));
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        auto y = m_max ? torch::max_pool2d(x, {3, 3}, {m_stride, m_stride}, {1, 1})
                       : torch::avg_pool2d(x, {3, 3}, {m_stride, m_stride}, {1, 1},
                                           /*ceil_mode=*/false, /*count_include_pad=*/false);
        return bn(y);
    }
    bool m_max;
    int64_t m_stride;
    nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(PoolBn);

struct IdentityImpl : nn::Module
{
    torch::Tensor forward(const torch::Tensor &x) { return x; }
};
TORCH_MODULE(Identity);

} // namespace

nn::AnyModule makeOp(const std::string &name, int64_t c, int64_t stride, bool affine)
{
    if (name == "none")
        return {};
    if (name == "max_pool_3x3")
        return nn::AnyModule(PoolBn(true, c, stride));
    if (name == "avg_pool_3x3")
        return nn::AnyModule(PoolBn(false, c, stride));
    if (name == "skip_connect")
        return stride == 1 ? nn::AnyModule(Identity()) : nn::AnyModule(FactorizedReduce(c, c, affine));
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
