// SPDX-License-Identifier: MIT
// The supernet's fast path (ScaledOp::forwardScaled through OpInput, the mixed node mixTerms
// and its own autograd functions, phase layout for dilated convolutions and own CPU kernels)
// against the plain reference alpha * op.forward(x): values, gradients w.r.t. the input, every
// parameter and alpha, and BN's running statistics, for every DARTS operation, stride 1 and 2,
// odd and even sizes, both memory formats, training and eval mode. Whole nodes (two edges, all
// ops, some weights exactly zero and recorded for their weight only) likewise, and the size of
// a supernet's autograd graph.
//
// Tolerances (max |fast - ref| / max |ref| per tensor; for the gradient of alpha, a sum of
// y * r / alpha with cancellation, relative to sum |y * r / alpha|): 1e-10 in double; 2e-5 in
// float, where the fast path sums in another order (phases, per-channel partial sums in
// double). The float gradients w.r.t. the arch weights of a whole edge, likewise sums with
// cancellation, are checked relative to the largest of them.

#include "sparsenas/ops.h"
#include "sparsenas/supernet.h"

#include <QtTest>

#include <map>
#include <string>
#include <unordered_set>
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

    /// A whole node as the search cell makes it: two edges reading one OpInput, all
    /// operations summed by one mixTerms (phased terms converted once), against
    /// sum_k w_k op_k(x) through the plain forwards. With `zeros`, a third of the weights are
    /// exactly 0 and their terms carry no graph (the sparse iterate's alpha-only terms): every
    /// gradient must still equal the reference's, where those ops give x and their parameters
    /// exactly nothing. In eval mode BN runs over the running statistics (LibTorch's route).
    void mixedNodeMatchesReference_data()
    {
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("isDouble");
        QTest::addColumn<bool>("zeros");
        QTest::addColumn<bool>("train");
        for (int stride : {1, 2})
            for (int size : {2, 4, 8, 9})
                for (bool isDouble : {true, false})
                    for (bool zeros : {false, true})
                        for (bool train : {true, false})
                            QTest::newRow(("s" + std::to_string(stride) + " " +
                                           std::to_string(size) + "x" + std::to_string(size) +
                                           (isDouble ? " f64" : " f32") + (zeros ? " zeros" : "") +
                                           (train ? " train" : " eval"))
                                              .c_str())
                                << stride << size << isDouble << zeros << train;
    }

    void mixedNodeMatchesReference()
    {
        QFETCH(int, stride);
        QFETCH(int, size);
        QFETCH(bool, isDouble);
        QFETCH(bool, zeros);
        QFETCH(bool, train);
        const auto dtype = isDouble ? torch::kDouble : torch::kFloat;
        const int64_t ch = isDouble ? 4 : 16;
        const int64_t numOps = int64_t(dartsOps().size());
        auto run = [&](bool fast) {
            torch::manual_seed(21);
            MixedEdge e1(dartsOps(), ch, stride), e2(dartsOps(), ch, stride);
            for (auto *e : {&e1, &e2}) {
                (*e)->to(dtype);
                randomiseRunningStats(**e);
                if (train)
                    (*e)->train();
                else
                    (*e)->eval();
            }
            torch::manual_seed(22);
            auto x = torch::randn({3, ch, size, size}, dtype)
                         .contiguous(torch::MemoryFormat::ChannelsLast)
                         .requires_grad_(true);
            auto w0 = torch::randn({2, numOps}, dtype) * 0.5;
            if (zeros)
                w0.masked_fill_(torch::arange(2 * numOps).reshape({2, numOps}).remainder(3) == 1,
                                0.0);
            auto w = w0.requires_grad_(true);
            torch::Tensor y;
            if (fast) {
                OpInput in(x);
                std::vector<MixedTerm> terms;
                for (int k = 0; k < 2; ++k) {
                    auto &edge = k == 0 ? e1 : e2;
                    for (size_t o = 0; o < edge->ops.size(); ++o) {
                        if (!edge->scaled[o])
                            continue;
                        const int64_t index = k * numOps + int64_t(o);
                        const bool zero = w0.view(-1)[index].item<double>() == 0;
                        terms.push_back(edge->scaled[o]->term(in, index, !zero));
                    }
                }
                y = mixTerms(w, terms).value;
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
            for (auto &t : g) // a parameter no term reaches: exactly zero in the reference
                if (!t.defined())
                    t = torch::zeros({1}, dtype);
            g.push_back(y.detach());
            for (const auto &b : e1->buffers())
                g.push_back(b.clone());
            for (const auto &b : e2->buffers())
                g.push_back(b.clone());
            return g;
        };
        const auto ref = run(false), fast = run(true);
        QCOMPARE(fast.size(), ref.size());
        for (size_t k = 0; k < ref.size(); ++k) {
            const auto &f = fast[k], &r = ref[k];
            // An op left without a graph gives its parameters no gradient at all; the
            // reference gives them exact zeros.
            if (f.sizes() != r.sizes() && f.numel() == 1 && f.item<double>() == 0) {
                QVERIFY2(r.abs().max().item<double>() == 0,
                         qPrintable(QStringLiteral("tensor %1 not zero in the reference").arg(k)));
                continue;
            }
            if (!close(f, r, tolFor(dtype), QStringLiteral("tensor %1").arg(k)))
                return;
        }
    }

    /// MixedEdge::forward (one edge, one mixTerms) against the plain forwards, float and double.
    void mixedEdgeForwardMatchesReference()
    {
        for (const auto dtype : {torch::kDouble, torch::kFloat}) {
            torch::manual_seed(24);
            MixedEdge edge(dartsOps(), 8, 1);
            edge->to(dtype);
            const auto x = torch::randn({2, 8, 6, 6}, dtype)
                               .contiguous(torch::MemoryFormat::ChannelsLast)
                               .requires_grad_(true);
            const auto w =
                (torch::randn({int64_t(dartsOps().size())}, dtype) * 0.5).requires_grad_(true);
            const auto r = torch::randn({2, 8, 6, 6}, dtype);
            const auto fast = edge->forward(x, w);
            // The same batch again through the plain forwards (the BNs' statistics are over
            // the batch, so the second pass gives the same values).
            torch::Tensor ref;
            for (size_t o = 0; o < edge->ops.size(); ++o) {
                if (edge->ops[o].is_empty())
                    continue;
                auto t = edge->ops[o].forward(x) * w[int64_t(o)];
                ref = ref.defined() ? ref + t : t;
            }
            QVERIFY(close(fast, ref, tolFor(dtype), QStringLiteral("edge value")));
            const auto gf = torch::autograd::grad({(fast * r).sum()}, {x, w});
            const auto gr = torch::autograd::grad({(ref * r).sum()}, {x, w});
            QVERIFY(close(gf[0], gr[0], tolFor(dtype), QStringLiteral("edge grad x")));
            QVERIFY(close(gf[1], gr[1], tolFor(dtype), QStringLiteral("edge grad w")));
        }
    }

    /// The autograd graph of one training forward of a small dense supernet (C=4, 3 cells of
    /// 4 nodes, the eight DARTS ops): one mixed-node operation per node, and none of the
    /// per-op bookkeeping it replaces (the product by A, the additions of the terms, the
    /// taking of each A out of the matrix) anywhere in the graph. Before the mixed node the
    /// same forward recorded 2,130 autograd nodes (LibTorch 1.13), 579 of them that
    /// bookkeeping: 268 scaled BNs, 26 products, 282 additions, 3 unbinds of A. With the 12
    /// mixed nodes in their place it recorded 1,503 (the conversions of the phased sums went
    /// too, done inside the mixed node): at most 2,130 - 579 + 12 = 1,563 is asserted. The
    /// stride-2 edges' pixel grids (relu(x)[::2, ::2] and [1::2, 1::2]) are one node each per
    /// state, shared by all readers, where indexing recorded a slice per dimension for every
    /// FactorizedReduce: 84 slices became 8 such nodes, and the 4 slices left are the
    /// preprocessing's FactorizedReduce (its plain forward, the ops' reference). 1,458 nodes.
    void supernetGraphHasOneOperationPerNode()
    {
        torch::manual_seed(51);
        SupernetConfig cfg;
        cfg.inChannels = 3;
        cfg.numClasses = 10;
        cfg.channels = 4;
        cfg.layers = 3;
        cfg.nodes = 4;
        cfg.ops = dartsOps();
        cfg.exploitSparsity = false;
        Supernet net(cfg);
        net->train();
        const auto y = net->forward(torch::randn({2, 3, 8, 8})).sum();
        std::unordered_set<const torch::autograd::Node *> seen;
        std::map<std::string, int> byName;
        std::vector<const torch::autograd::Node *> todo{y.grad_fn().get()};
        while (!todo.empty()) {
            const auto *node = todo.back();
            todo.pop_back();
            if (!node || !seen.insert(node).second)
                continue;
            std::string name = node->name();
            if (name.find("MixNodeFunction") != std::string::npos)
                name = "MixNodeFunction";
            ++byName[name];
            for (const auto &edge : node->next_edges())
                todo.push_back(edge.function.get());
        }
        QString histogram;
        for (const auto &[name, count] : byName)
            histogram += QStringLiteral("%1 %2; ").arg(QString::fromStdString(name)).arg(count);
        qInfo("%d autograd nodes: %s", int(seen.size()), qPrintable(histogram));
        QCOMPARE(byName["MixNodeFunction"], 3 * 4);
        for (const char *gone : {"UnbindBackward0", "SelectBackward0", "MulBackward0",
                                 "AddBackward0", "ScaledBnFunction"})
            QVERIFY2(byName.count(gone) == 0, gone);
        QVERIFY2(seen.size() <= 2130 - 579 + 12, qPrintable(QString::number(seen.size())));
        QCOMPARE(byName["SliceBackward0"], 4);
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
