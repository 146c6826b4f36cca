// SPDX-License-Identifier: MIT
// The supernet computes only what the sparse iterate needs (SupernetConfig::exploitSparsity,
// docs/method.md "Computing only what the sparse iterate needs") and still gives the numbers of
// the dense evaluation of every op, to the last bit: the reference here is the same supernet
// with the option off, which runs every op of paper Eq. 1.
//
// Exactness is checked with == on every element (tolerance zero; +0 and -0 compare equal,
// which is the one difference allowed: a skipped zero term is not added), for the logits, the
// gradients of every parameter (architecture and network weights; an absent gradient counts as
// zeros, as the weight step treats it) and every buffer (BN running statistics and their batch
// counters), and end to end for a whole search that sparsifies: metrics, A, genotype and the
// checkpointed model.

#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/checkpoint.h"
#include "sparsenas/searchengine.h"
#include "sparsenas/supernet.h"

#include "../common/runfiles.h"

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace sparsenas;
using nlohmann::json;
using sparsenas::testing::comparableMetrics;
using sparsenas::testing::jsonLines;
namespace fs = std::filesystem;

namespace {

/// Every element equal (== : +0 and -0 are equal, NaN is not).
bool sameValues(const torch::Tensor &a, const torch::Tensor &b)
{
    if (!a.defined() || !b.defined())
        return a.defined() == b.defined();
    if (a.sizes() != b.sizes() || a.dtype() != b.dtype())
        return false;
    if (a.eq(b).all().item<bool>())
        return true;
    qWarning("max |a - b| = %g of max |b| = %g, %lld of %lld differ",
             (a - b).abs().max().item<double>(), b.abs().max().item<double>(),
             (long long)a.ne(b).sum().item<int64_t>(), (long long)a.numel());
    return false;
}

torch::Tensor orZeros(const torch::Tensor &g, const torch::Tensor &like)
{
    return g.defined() ? g : torch::zeros_like(like);
}

/// 3 cells (normal, reduce, reduce) of 3 nodes, every DARTS op.
SupernetConfig tinySpace(bool exploit)
{
    SupernetConfig c;
    c.inChannels = 3;
    c.numClasses = 5;
    c.channels = 4;
    c.layers = 3;
    c.nodes = 3;
    c.stemMultiplier = 1;
    c.ops = {"none",         "max_pool_3x3", "avg_pool_3x3", "skip_connect",
             "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5"};
    c.exploitSparsity = exploit;
    return c;
}

/// A sparse iterate with every case of the sparse evaluation. Edges (nodes 2, 3, 4 of a cell;
/// 0 and 1 are its inputs): e0 0->2, e1 1->2 | e2 0->3, e3 1->3, e4 2->3 | e5 0->4, e6 1->4,
/// e7 2->4, e8 3->4.
/// - node 2: every weight zero, so it is exactly zero in training (but its weights' gradients
///   are not: the pools and the identity below pass a gradient back to it);
/// - node 3: nonzero weights only from node 2 (a pool, the identity, a convolution), so it is
///   zero too;
/// - node 4: live, with zeros here and there, a pool and a convolution on node 2, and the
///   identity and a zero convolution on node 3.
torch::Tensor sparseIterate(int64_t seed)
{
    torch::manual_seed(seed);
    auto a = torch::randn({9, 8}) * 0.3;
    a.select(1, 0).zero_(); // "none"
    a[0].zero_();
    a[1].zero_();
    a[2].zero_();
    a[3].zero_();
    a[4].zero_();
    a[4][1] = 0.4;  // max pool on node 2
    a[4][3] = -0.2; // identity on node 2
    a[4][4] = 0.3;  // sep conv on node 2
    a[5][2] = 0;
    a[5][5] = 0;
    a[6][6] = 0;
    a[7].zero_();
    a[7][2] = 0.25; // avg pool on node 2
    a[7][6] = 0.5;  // dil conv on node 2
    a[8][4] = 0;
    a[8][7] = 0;
    return a;
}

struct Pass
{
    torch::Tensor logits;
    std::vector<torch::Tensor> grads; ///< per named parameter
    std::vector<std::string> names;
    std::vector<torch::Tensor> buffers;
};

enum class Mode {
    TrainWithGrad,   ///< a search step
    TrainNoGrad,     ///< the epoch's validation (batch statistics, no gradient)
    EvalWithGrad,    ///< running statistics, gradients wanted
    EvalNoGrad,      ///< running statistics, nothing but the value
    TrainWeightsOnly ///< the weight step: gradients of the network weights only
};

Pass runPass(bool exploit, torch::Dtype dtype, int64_t size, Mode mode)
{
    torch::manual_seed(21);
    Supernet net(tinySpace(exploit));
    net->to(dtype);
    {
        torch::NoGradGuard noGrad;
        const auto archs = net->archParameters();
        archs[0].copy_(sparseIterate(31));
        archs[1].copy_(sparseIterate(32));
        // Nonzero running statistics, so that evaluation mode sees no trivial 0 / 1.
        torch::manual_seed(22);
        for (auto &b : net->named_buffers()) {
            if (b.key().find("running_mean") != std::string::npos)
                b.value().copy_(torch::randn_like(b.value()) * 0.3);
            else if (b.key().find("running_var") != std::string::npos)
                b.value().copy_(torch::rand_like(b.value()) + 0.5);
        }
    }
    const bool train = mode == Mode::TrainWithGrad || mode == Mode::TrainNoGrad ||
                       mode == Mode::TrainWeightsOnly;
    net->train(train);
    torch::manual_seed(23);
    const auto x = torch::randn({6, 3, size, size}, torch::TensorOptions(dtype));
    const auto r = torch::randn({6, 5}, torch::TensorOptions(dtype));

    Pass out;
    const auto named = net->named_parameters();
    if (mode == Mode::TrainNoGrad || mode == Mode::EvalNoGrad) {
        torch::NoGradGuard noGrad;
        out.logits = net->forward(x);
    } else {
        out.logits = net->forward(x);
        std::vector<torch::Tensor> wrt;
        for (const auto &p : named) {
            const bool arch = p.key().rfind("arch_", 0) == 0;
            if (mode != Mode::TrainWeightsOnly || !arch) {
                wrt.push_back(p.value());
                out.names.push_back(p.key());
            }
        }
        const auto g = torch::autograd::grad({(out.logits * r).sum()}, wrt, {}, false, false, true);
        for (size_t k = 0; k < wrt.size(); ++k)
            out.grads.push_back(orZeros(g[k], wrt[k]));
        out.logits = out.logits.detach();
    }
    for (const auto &b : net->buffers())
        out.buffers.push_back(b.clone());
    return out;
}

} // namespace

class tst_Sparsity : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    void sparseEvaluationEqualsDense_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("mode");
        const std::pair<const char *, Mode> modes[] = {{"train", Mode::TrainWithGrad},
                                                       {"train-nograd", Mode::TrainNoGrad},
                                                       {"train-weights", Mode::TrainWeightsOnly},
                                                       {"eval", Mode::EvalWithGrad},
                                                       {"eval-nograd", Mode::EvalNoGrad}};
        for (auto [name, mode] : modes) {
            // Float runs the own channels-last kernels, double LibTorch's; 7 x 7 gives odd
            // sizes (no phase layout, padded factorized reduction).
            QTest::newRow((std::string("float-8-") + name).c_str())
                << int(torch::kFloat) << 8 << int(mode);
            QTest::newRow((std::string("float-7-") + name).c_str())
                << int(torch::kFloat) << 7 << int(mode);
            QTest::newRow((std::string("double-8-") + name).c_str())
                << int(torch::kDouble) << 8 << int(mode);
        }
    }

    void sparseEvaluationEqualsDense()
    {
        QFETCH(int, dtype);
        QFETCH(int, size);
        QFETCH(int, mode);
        const auto d = torch::Dtype(dtype);
        const auto dense = runPass(false, d, size, Mode(mode));
        const auto sparse = runPass(true, d, size, Mode(mode));
        QVERIFY(sameValues(sparse.logits, dense.logits));
        QCOMPARE(sparse.grads.size(), dense.grads.size());
        for (size_t k = 0; k < dense.grads.size(); ++k)
            QVERIFY2(sameValues(sparse.grads[k], dense.grads[k]),
                     qPrintable(QString::fromStdString("gradient of " + dense.names[k])));
        QCOMPARE(sparse.buffers.size(), dense.buffers.size());
        for (size_t k = 0; k < dense.buffers.size(); ++k)
            QVERIFY2(sameValues(sparse.buffers[k], dense.buffers[k]),
                     qPrintable(QStringLiteral("buffer %1").arg(k)));
        // Not vacuous: the zero weights' gradients are there and not all zero (a proximal
        // step needs them), and in training the BN statistics moved.
        if (Mode(mode) == Mode::TrainWithGrad || Mode(mode) == Mode::EvalWithGrad) {
            const auto gA = sparse.grads[0]; // arch_normal comes first (registered first)
            const auto zeroA = sparseIterate(31).eq(0);
            zeroA.select(1, 0).fill_(false); // "none" multiplies an exact zero
            QVERIFY(gA.masked_select(zeroA.to(gA.device())).abs().sum().item<double>() > 0);
        }
    }

    /// A whole search that sparsifies (lambda raised fast), with and without the sparse
    /// evaluation: the same metrics, A, genotype and final model to the last bit.
    void searchWithSparseEvaluationEqualsDense()
    {
        auto base = json{
            {"dataset", {{"name", "digits"}, {"limit", 256}}},
            {"space",
             {{"channels", 4},
              {"layers", 3},
              {"nodes", 3},
              {"ops", {"none", "max_pool_3x3", "skip_connect", "sep_conv_3x3", "dil_conv_3x3"}}}},
            {"arch",
             {{"optimizer", "adam_hapg"},
              {"lr", 0.05},
              {"lambda_start", 0.2},
              {"lambda_step", 0.4}}},
            {"search",
             {{"epochs", 4},
              {"batch_size", 32},
              {"seed", 7},
              {"threads", 2},
              {"on_collapse", "continue"}}}};
        std::string dirs[2];
        for (int exploit = 0; exploit < 2; ++exploit) {
            auto j = base;
            j["search"]["exploit_sparsity"] = exploit == 1;
            dirs[exploit] = m_tmp.path().toStdString() + "/run" + std::to_string(exploit);
            SearchEngine engine(configFromJson(j), dirs[exploit]);
            const auto r = engine.run();
            QCOMPARE(QString::fromStdString(toString(r.state)), QStringLiteral("finished"));
        }
        const auto ma = comparableMetrics(dirs[0]), mb = comparableMetrics(dirs[1]);
        QCOMPARE(mb.size(), ma.size());
        for (size_t i = 0; i < ma.size(); ++i)
            QCOMPARE(QString::fromStdString(mb[i].dump()), QString::fromStdString(ma[i].dump()));
        const auto sa = jsonLines(dirs[0] + "/snapshots.jsonl").back();
        const auto sb = jsonLines(dirs[1] + "/snapshots.jsonl").back();
        QCOMPARE(QString::fromStdString(sb["cells"].dump()),
                 QString::fromStdString(sa["cells"].dump()));
        QVERIFY(readFile(dirs[0] + "/genotype.json") == readFile(dirs[1] + "/genotype.json"));
        // The model (weights and BN statistics) byte for byte, through its record's CRC-32.
        const auto ca = RunDirectory(dirs[0]).latestCheckpoint();
        const auto cb = RunDirectory(dirs[1]).latestCheckpoint();
        QVERIFY(!ca.empty() && !cb.empty());
        const CheckpointReader ra(ca, torch::kCPU), rb(cb, torch::kCPU);
        QCOMPARE(QString::fromStdString(rb.meta()["records"]["model"].dump()),
                 QString::fromStdString(ra.meta()["records"]["model"].dump()));

        // Not vacuous: by the end most weights are exactly zero and a node has no live input.
        int zeros = 0, total = 0;
        bool deadNode = false;
        for (const auto &cell : sa["cells"]) {
            const auto &w = cell["weights"];
            int e = 0;
            for (int j = 0; j < 3; ++j) {
                bool alive = false;
                for (int i = 0; i < j + 2; ++i, ++e) {
                    for (size_t o = 1; o < w[size_t(e)].size(); ++o) {
                        ++total;
                        const bool z = w[size_t(e)][o].get<double>() == 0.0;
                        zeros += z ? 1 : 0;
                        alive = alive || !z;
                    }
                }
                deadNode = deadNode || !alive;
            }
        }
        QVERIFY2(zeros * 2 > total,
                 qPrintable(QStringLiteral("%1 of %2 zero").arg(zeros).arg(total)));
        QVERIFY(deadNode);
    }
};

QTEST_GUILESS_MAIN(tst_Sparsity)
#include "tst_sparsity.moc"
