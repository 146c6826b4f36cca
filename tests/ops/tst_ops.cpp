// SPDX-License-Identifier: MIT
// The supernet's fast path (ScaledOp::forwardScaled through OpInput and ScaledSum, with its own
// autograd functions, phase layout for dilated convolutions and own CPU kernels) against the
// plain reference alpha * op.forward(x): values, gradients w.r.t. the input, every parameter
// and alpha, and BN's running statistics, for every DARTS operation, stride 1 and 2, odd and
// even sizes, both memory formats, training and eval mode.
//
// Tolerances (max |fast - ref| / max |ref| per tensor; for the gradient of alpha, a sum of
// y * r / alpha with cancellation, relative to sum |y * r / alpha|): 1e-10 in double; 2e-5 in
// float, where the fast path sums in another order (phases, per-channel partial sums in
// double). The float gradients w.r.t. the arch weights of a whole edge, likewise sums with
// cancellation, are checked relative to the largest of them.

#include "sparsenas/ops.h"
#include "sparsenas/supernet.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace sparsenas;

Q_DECLARE_METATYPE(std::string)

namespace {

struct Case
{
    std::string op;
    int64_t stride = 1, size = 8, channels = 4, batch = 3;
    torch::Dtype dtype = torch::kDouble;
    bool channelsLast = false, affine = false, train = true;
};

struct Outcome
{
    torch::Tensor y;
    std::vector<torch::Tensor> grads; ///< x, alpha, then the module's parameters in order
    std::vector<torch::Tensor> buffers;
    /// sum |op(x) * r|: the scale of grad alpha = sum op(x) * r, a dot product whose value can
    /// be far smaller than its terms; rounding errors are relative to this.
    double alphaScale = 0;
};

/// Random running statistics, so that eval mode does not see the trivial 0 / 1.
void randomiseRunningStats(torch::nn::Module &m)
{
    torch::NoGradGuard noGrad;
    for (auto &b : m.named_buffers()) {
        if (b.key().find("running_mean") != std::string::npos)
            b.value().copy_(torch::randn_like(b.value()) * 0.3);
        else if (b.key().find("running_var") != std::string::npos)
            b.value().copy_(torch::rand_like(b.value()) + 0.5);
    }
}

Outcome runOp(const Case &c, bool fast)
{
    torch::manual_seed(11);
    auto op = makeOp(c.op, c.channels, c.stride, c.affine);
    auto module = op.ptr();
    module->to(c.dtype);
    randomiseRunningStats(*module);
    if (c.train)
        module->train();
    else
        module->eval();
    torch::manual_seed(12);
    auto x = torch::randn({c.batch, c.channels, c.size, c.size}, c.dtype);
    if (c.channelsLast)
        x = x.contiguous(torch::MemoryFormat::ChannelsLast);
    x.requires_grad_(true);
    const auto alpha = torch::tensor(0.7, torch::TensorOptions(c.dtype)).requires_grad_(true);

    torch::Tensor y;
    if (fast) {
        auto *scaled = scaledOp(op);
        if (!scaled)
            throw std::logic_error("no fast path for " + c.op);
        OpInput in(x);
        ScaledSum sum;
        sum.add(scaled->forwardScaled(in, alpha));
        y = sum.result();
    } else {
        y = op.forward(x) * alpha;
    }
    torch::manual_seed(13);
    const auto r = torch::randn(y.sizes(), torch::TensorOptions(c.dtype));
    std::vector<torch::Tensor> inputs{x, alpha};
    for (const auto &p : module->parameters())
        inputs.push_back(p);
    Outcome out;
    out.grads = torch::autograd::grad({(y * r).sum()}, inputs, {}, false, false, true);
    out.y = y.detach();
    out.alphaScale = ((y.detach() / alpha.detach()).abs() * r.abs()).sum().item<double>();
    for (const auto &b : module->buffers())
        out.buffers.push_back(b.clone());
    return out;
}

double relErr(const torch::Tensor &a, const torch::Tensor &ref, double scale)
{
    if (scale <= 0)
        scale = ref.abs().max().item<double>();
    const double diff = (a.to(torch::kDouble) - ref.to(torch::kDouble)).abs().max().item<double>();
    return scale > 0 ? diff / scale : diff;
}

/// QVERIFY-style check of one tensor; returns false (and records the failure) when off.
/// The error is relative to `scale`, or to max |ref| when scale is 0.
bool close(const torch::Tensor &a, const torch::Tensor &ref, double tol, const QString &what,
           double scale = 0)
{
    if (a.defined() != ref.defined()) {
        QTest::qFail(qPrintable(what + QStringLiteral(": defined in one path only")), __FILE__,
                     __LINE__);
        return false;
    }
    if (!a.defined())
        return true;
    if (a.sizes() != ref.sizes()) {
        QTest::qFail(qPrintable(what + QStringLiteral(": sizes differ")), __FILE__, __LINE__);
        return false;
    }
    const double e = relErr(a, ref, scale);
    if (!(e <= tol)) {
        QTest::qFail(qPrintable(QStringLiteral("%1: relative error %2 > %3")
                                    .arg(what)
                                    .arg(e, 0, 'g', 3)
                                    .arg(tol, 0, 'g', 3)),
                     __FILE__, __LINE__);
        return false;
    }
    return true;
}

double tolFor(torch::Dtype d)
{
    return d == torch::kDouble ? 1e-10 : 2e-5;
}

} // namespace

class tst_Ops : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fastPathMatchesReference_data()
    {
        QTest::addColumn<std::string>("op");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("channels");
        QTest::addColumn<bool>("isDouble");
        QTest::addColumn<bool>("channelsLast");
        QTest::addColumn<bool>("affine");
        QTest::addColumn<bool>("train");
        for (const auto &op : dartsOps()) {
            if (op == "none")
                continue;
            for (int stride : {1, 2})
                for (int size : {1, 2, 3, 4, 8, 9})
                    for (bool isDouble : {true, false})
                        for (bool cl : {false, true}) {
                            if (op == "skip_connect" && stride == 2 && size == 1)
                                continue; // FactorizedReduce needs 2 pixels (either path)
                            // double: few channels; float: 16, which the own kernels
                            // specialise, and the generic channel count 8.
                            for (int ch :
                                 isDouble ? std::vector<int>{4} : std::vector<int>{16, 8}) {
                                const std::string name =
                                    op + " s" + std::to_string(stride) + " " +
                                    std::to_string(size) + "x" + std::to_string(size) + " c" +
                                    std::to_string(ch) + (isDouble ? " f64" : " f32") +
                                    (cl ? " cl" : " nchw");
                                QTest::newRow((name + " train").c_str())
                                    << op << stride << size << ch << isDouble << cl << false
                                    << true;
                                QTest::newRow((name + " eval").c_str())
                                    << op << stride << size << ch << isDouble << cl << false
                                    << false;
                                if (isDouble && !cl)
                                    QTest::newRow((name + " affine").c_str())
                                        << op << stride << size << ch << isDouble << cl << true
                                        << true;
                            }
                        }
        }
    }

    void fastPathMatchesReference()
    {
        QFETCH(std::string, op);
        QFETCH(int, stride);
        QFETCH(int, size);
        QFETCH(int, channels);
        QFETCH(bool, isDouble);
        QFETCH(bool, channelsLast);
        QFETCH(bool, affine);
        QFETCH(bool, train);
        Case c;
        c.op = op;
        c.stride = stride;
        c.size = size;
        c.channels = channels;
        c.dtype = isDouble ? torch::kDouble : torch::kFloat;
        c.channelsLast = channelsLast;
        c.affine = affine;
        c.train = train;
        const double tol = tolFor(c.dtype);
        const auto ref = runOp(c, false);
        const auto fast = runOp(c, true);
        if (!close(fast.y, ref.y, tol, QStringLiteral("value")))
            return;
        QCOMPARE(fast.grads.size(), ref.grads.size());
        for (size_t k = 0; k < ref.grads.size(); ++k) {
            const QString what = k == 0   ? QStringLiteral("grad x")
                                 : k == 1 ? QStringLiteral("grad alpha")
                                          : QStringLiteral("grad param %1").arg(k - 2);
            QVERIFY(ref.grads[k].defined() || k >= 2);
            if (!close(fast.grads[k], ref.grads[k], tol, what, k == 1 ? ref.alphaScale : 0))
                return;
        }
        QCOMPARE(fast.buffers.size(), ref.buffers.size());
        for (size_t k = 0; k < ref.buffers.size(); ++k)
            if (!close(fast.buffers[k], ref.buffers[k], tol, QStringLiteral("buffer %1").arg(k)))
                return;
    }

    /// A whole mixed edge (all operations, several summed in place, phased terms converted
    /// once) against sum_o w_o op_o(x) through the plain forwards, and two edges sharing one
    /// OpInput as a cell's node does.
    void mixedEdgeMatchesReference_data()
    {
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("isDouble");
        for (int stride : {1, 2})
            for (int size : {2, 4, 8, 9})
                for (bool isDouble : {true, false})
                    QTest::newRow(("s" + std::to_string(stride) + " " + std::to_string(size) + "x" +
                                   std::to_string(size) + (isDouble ? " f64" : " f32"))
                                      .c_str())
                        << stride << size << isDouble;
    }

    void mixedEdgeMatchesReference()
    {
        QFETCH(int, stride);
        QFETCH(int, size);
        QFETCH(bool, isDouble);
        const auto dtype = isDouble ? torch::kDouble : torch::kFloat;
        const int64_t ch = isDouble ? 4 : 16;
        auto run = [&](bool fast) {
            torch::manual_seed(21);
            MixedEdge e1(dartsOps(), ch, stride), e2(dartsOps(), ch, stride);
            e1->to(dtype);
            e2->to(dtype);
            e1->train();
            e2->train();
            torch::manual_seed(22);
            auto x = torch::randn({3, ch, size, size}, dtype)
                         .contiguous(torch::MemoryFormat::ChannelsLast)
                         .requires_grad_(true);
            auto w =
                (torch::randn({2, int64_t(dartsOps().size())}, dtype) * 0.5).requires_grad_(true);
            torch::Tensor y;
            if (fast) {
                OpInput in(x);
                ScaledSum sum;
                e1->forwardInto(in, w[0], sum);
                e2->forwardInto(in, w[1], sum);
                y = sum.result();
            } else {
                for (int k = 0; k < 2; ++k) {
                    auto &edge = k == 0 ? e1 : e2;
                    for (size_t o = 0; o < edge->ops.size(); ++o) {
                        if (edge->ops[o].is_empty())
                            continue;
                        auto t = edge->ops[o].forward(x) * w[k][int64_t(o)];
                        y = y.defined() ? y + t : t;
                    }
                }
            }
            torch::manual_seed(23);
            const auto r = torch::randn(y.sizes(), torch::TensorOptions(dtype));
            std::vector<torch::Tensor> inputs{x, w};
            for (const auto &p : e1->parameters())
                inputs.push_back(p);
            for (const auto &p : e2->parameters())
                inputs.push_back(p);
            auto g = torch::autograd::grad({(y * r).sum()}, inputs, {}, false, false, true);
            g.push_back(y.detach());
            for (const auto &b : e1->buffers())
                g.push_back(b.clone());
            for (const auto &b : e2->buffers())
                g.push_back(b.clone());
            return g;
        };
        const auto ref = run(false), fast = run(true);
        QCOMPARE(fast.size(), ref.size());
        for (size_t k = 0; k < ref.size(); ++k)
            if (!close(fast[k], ref[k], tolFor(dtype), QStringLiteral("tensor %1").arg(k)))
                return;
    }

    void phasesRoundTrip()
    {
        torch::manual_seed(31);
        const auto x = torch::randn({2, 3, 6, 4}, torch::kDouble);
        const auto p = toPhases(x);
        QCOMPARE(p.sizes().vec(), (std::vector<int64_t>{8, 3, 3, 2}));
        using torch::indexing::None;
        using torch::indexing::Slice;
        for (int64_t a = 0; a < 2; ++a)
            for (int64_t b = 0; b < 2; ++b)
                QVERIFY(torch::equal(
                    p.index({Slice((2 * a + b) * 2, (2 * a + b) * 2 + 2)}),
                    x.index({Slice(), Slice(), Slice(a, None, 2), Slice(b, None, 2)})));
        QVERIFY(torch::equal(fromPhases(p), x));
    }

    /// The own autograd functions give first-order gradients only and say so.
    void createGraphIsRefused()
    {
        torch::manual_seed(41);
        auto op = makeOp("sep_conv_3x3", 4, 1, false);
        op.ptr()->to(torch::kDouble);
        auto x = torch::randn({2, 4, 6, 6}, torch::kDouble).requires_grad_(true);
        const auto alpha = torch::tensor(0.5, torch::kDouble).requires_grad_(true);
        OpInput in(x);
        const auto y = scaledOp(op)->forwardScaled(in, alpha).value.sum();
        QVERIFY_THROWS_EXCEPTION(c10::Error,
                                 torch::autograd::grad({y}, {x}, {}, true, /*create_graph=*/true));
    }
};

QTEST_GUILESS_MAIN(tst_Ops)
#include "tst_ops.moc"
