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
#include "sparsenas/base/runformat.h"
#include "sparsenas/checkpoint.h"
#include "sparsenas/searchengine.h"
#include "sparsenas/supernet.h"

#include "../common/runfiles.h"

#include <QtTest>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
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

    /// search.freeze_zero_epochs (opt-in, not exact; docs/method.md "Freezing dead ops"):
    /// - a K no run reaches changes no bit (the bookkeeping alone is inert);
    /// - with K = 1 something freezes; a frozen entry stays exactly zero and frozen to the end,
    ///   and was zero in the snapshot of the epoch that froze it; the frozen ops' weights and
    ///   BN statistics do not move from the epoch that froze them to the end, while the other
    ///   ops' weights do;
    /// - a run stopped inside an epoch after the first freeze and resumed is the same run.
    void freezeZeroOps()
    {
        const auto base = freezeConfig();
        auto dirOf = [&](const char *name) { return m_tmp.path().toStdString() + "/" + name; };
        auto run = [&](const char *name, int64_t k, int64_t stopAtStep = -1) {
            auto j = base;
            j["search"]["freeze_zero_epochs"] = k;
            const auto d = dirOf(name);
            SearchEngine engine(configFromJson(j), d);
            StopAt stop;
            stop.step = stopAtStep;
            stop.queue = &engine.commands();
            engine.setObserver(&stop);
            auto r = engine.run();
            if (stopAtStep >= 0) {
                QCOMPARE(QString::fromStdString(toString(r.state)), QStringLiteral("stopped"));
                r = SearchEngine::resume(d)->run();
            }
            QCOMPARE(QString::fromStdString(toString(r.state)), QStringLiteral("finished"));
        };
        run("freeze-off", 0);
        run("freeze-never", 1000);
        if (QTest::currentTestFailed())
            return;
        sameRun(dirOf("freeze-off"), dirOf("freeze-never"));
        run("freeze-1", 1);
        if (QTest::currentTestFailed())
            return;
        const auto frozen = dirOf("freeze-1");

        // The epoch lines: the frozen set only grows, and the first freeze comes before the
        // last epoch (so that there is something to resume across and to compare).
        const auto epochs = epochLines(frozen);
        QCOMPARE(epochs.size(), size_t(5));
        std::vector<std::vector<int>> previous(2);
        int firstFreeze = -1;
        for (size_t e = 0; e < epochs.size(); ++e) {
            for (size_t t = 0; t < 2; ++t) {
                const auto now = epochs[e]["cells"][t].value("frozen", std::vector<int>());
                QVERIFY(
                    std::includes(now.begin(), now.end(), previous[t].begin(), previous[t].end()));
                if (!now.empty() && firstFreeze < 0)
                    firstFreeze = int(e);
                previous[t] = now;
            }
        }
        QVERIFY2(firstFreeze >= 0 && firstFreeze < 3,
                 qPrintable(QStringLiteral("first freeze after epoch %1").arg(firstFreeze)));
        // Every snapshot reads back (the reader refuses a frozen entry that is not zero); from
        // the first freeze on, the frozen entries of the epoch are zero in its snapshot.
        const auto snaps = jsonLines(frozen + "/snapshots.jsonl");
        QCOMPARE(snaps.size(), epochs.size());
        for (size_t e = 0; e < snaps.size(); ++e) {
            for (size_t t = 0; t < 2; ++t) {
                const auto cell = cellSnapshotFromJson(snaps[e]["cells"][t]);
                for (const int f : cell.frozen)
                    QCOMPARE(cell.weights.weights[size_t(f)], 0.0f);
            }
        }

        // The frozen ops' weights and statistics from the checkpoint after the first freeze
        // to the last one.
        auto freezeTime = loadModel(checkpointAfterEpoch(frozen, firstFreeze));
        auto end = loadModel(RunDirectory(frozen).latestCheckpoint());
        const auto finalFrozen = std::vector<std::vector<int>>{
            epochs[size_t(firstFreeze)]["cells"][0].value("frozen", std::vector<int>()),
            epochs[size_t(firstFreeze)]["cells"][1].value("frozen", std::vector<int>())};
        const auto ops = base["space"]["ops"].get<std::vector<std::string>>();
        int checked = 0, moved = 0;
        auto endState = namedState(end);
        for (const auto &[name, before] : namedState(freezeTime)) {
            const auto &after = endState.at(name);
            const auto frozenOp = frozenOpOf(name, finalFrozen, ops);
            if (frozenOp) {
                ++checked;
                QVERIFY2(before.equal(after), name.c_str());
            } else if (name.find(".weight") != std::string::npos && !before.equal(after)) {
                ++moved;
            }
        }
        QVERIFY2(checked > 0, "no frozen op with weights");
        QVERIFY(moved > 0);

        // Stopped in the middle of the epoch after the first freeze, then resumed.
        const int64_t stepsPerEpoch = epochs[0]["step"].get<int64_t>();
        run("freeze-1-resumed", 1, (firstFreeze + 1) * stepsPerEpoch + 2);
        if (QTest::currentTestFailed())
            return;
        sameRun(frozen, dirOf("freeze-1-resumed"));
    }

private:
    struct StopAt : SearchObserver
    {
        int64_t step = -1;
        CommandQueue *queue = nullptr;
        void onSnapshot(const Snapshot &s) override
        {
            if (s.step == step)
                queue->stop();
        }
    };

    static json freezeConfig()
    {
        return json{
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
              {"lambda_step", 0.2}}},
            {"search",
             {{"epochs", 5},
              {"batch_size", 32},
              {"seed", 7},
              {"threads", 2},
              {"on_collapse", "continue"}}},
            {"checkpoint", {{"keep", 10}}}};
    }

    static std::vector<json> epochLines(const std::string &dir)
    {
        std::vector<json> out;
        for (const auto &j : jsonLines(dir + "/metrics.jsonl")) {
            if (j.value("type", "") == "epoch")
                out.push_back(j);
        }
        return out;
    }

    /// The same metrics, snapshots, genotype and final model.
    static void sameRun(const std::string &a, const std::string &b)
    {
        const auto ma = comparableMetrics(a), mb = comparableMetrics(b);
        QCOMPARE(mb.size(), ma.size());
        for (size_t i = 0; i < ma.size(); ++i)
            QCOMPARE(QString::fromStdString(mb[i].dump()), QString::fromStdString(ma[i].dump()));
        QVERIFY(readFile(a + "/snapshots.jsonl") == readFile(b + "/snapshots.jsonl"));
        QVERIFY(readFile(a + "/genotype.json") == readFile(b + "/genotype.json"));
        const CheckpointReader ra(RunDirectory(a).latestCheckpoint(), torch::kCPU);
        const CheckpointReader rb(RunDirectory(b).latestCheckpoint(), torch::kCPU);
        QCOMPARE(QString::fromStdString(rb.meta()["records"]["model"].dump()),
                 QString::fromStdString(ra.meta()["records"]["model"].dump()));
    }

    /// The checkpoint written at the end of 0-based epoch `epoch`.
    static std::string checkpointAfterEpoch(const std::string &dir, int epoch)
    {
        for (const auto &entry : fs::recursive_directory_iterator(dir)) {
            if (entry.path().extension() != ".pt")
                continue;
            const CheckpointReader r(entry.path().string(), torch::kCPU);
            if (r.meta().value("epoch", int64_t(-1)) == epoch + 1 &&
                r.meta().value("step_in_epoch", int64_t(-1)) == 0)
                return entry.path().string();
        }
        return {};
    }

    static Supernet loadModel(const std::string &path)
    {
        const auto cfg = configFromJson(freezeConfig());
        SupernetConfig sc;
        sc.inChannels = 1; // digits: 8x8 grey
        sc.numClasses = 10;
        sc.channels = cfg.space.channels;
        sc.layers = cfg.space.layers;
        sc.nodes = cfg.space.nodes;
        sc.stemMultiplier = cfg.space.stemMultiplier;
        sc.ops = cfg.space.ops;
        Supernet m(sc);
        if (path.empty()) {
            QTest::qFail("no such checkpoint", __FILE__, __LINE__);
            return m;
        }
        CheckpointReader(path, torch::kCPU).get("model", *m);
        return m;
    }

    static std::map<std::string, torch::Tensor> namedState(const Supernet &m)
    {
        std::map<std::string, torch::Tensor> out;
        for (const auto &p : m->named_parameters())
            out[p.key()] = p.value().detach().clone();
        for (const auto &b : m->named_buffers())
            out[b.key()] = b.value().clone();
        return out;
    }

    /// Whether a parameter or buffer named "cell<l>.edge<e>.op<o>_<name>...." belongs to an
    /// op frozen in its cell type (reduction cells: layers 1 and 2 of 3).
    static bool frozenOpOf(const std::string &name, const std::vector<std::vector<int>> &frozen,
                           const std::vector<std::string> &ops)
    {
        int l = 0, e = 0, o = 0;
        if (std::sscanf(name.c_str(), "cell%d.edge%d.op%d_", &l, &e, &o) != 3)
            return false;
        const auto &f = frozen[l == 0 ? 0 : 1];
        return std::binary_search(f.begin(), f.end(), e * int(ops.size()) + o);
    }
};

QTEST_GUILESS_MAIN(tst_Sparsity)
#include "tst_sparsity.moc"
