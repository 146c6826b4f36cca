// SPDX-License-Identifier: MIT
// The stand-alone evaluation: genotype sources (DARTS notation in both dialects, the built-in
// published cells, every bad genotype named), the evaluation network (parameter counts against
// the official DARTS code and a hand count, multiply-adds by hand, collapsed cells, a node with
// one input), drop-path, cutout and the auxiliary head, and a digits evaluation that trains,
// stops, resumes exactly and is compared.
//
// Reference figures: DARTS_V2 at C=36, 20 cells, 10 classes has 3,349,342 parameters without
// the auxiliary head and 476,426 in it, as quark0/darts cnn/model.py counts them
// (utils.count_parameters_in_MB, run with Debian's PyTorch: ../shared/peer/bench_darts_eval.py
// prints them); its multiply-adds per 32x32 image, 528,359,040 (DARTS_V1: 500,987,520), were
// summed by forward hooks on the official network's Conv2d and Linear modules. Hand counts are
// worked out in the comments next to them.

#include "sparsenas/base/comparison.h"
#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/genotypesource.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/dataset.h"
#include "sparsenas/evalnetwork.h"
#include "sparsenas/searchengine.h"

#include "../common/runfiles.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace sparsenas;
namespace fs = std::filesystem;
using nlohmann::json;
using sparsenas::testing::comparableMetrics;

namespace {

/// A tiny mixed-path cell: node 2 sums three ops (two on the edge 1 -> 2), node 3 has a single
/// input, both form the output.
Genotype tinyGenotype()
{
    return genotypeFromDartsText(
        "Genotype(normal=[[('sep_conv_3x3', 0), ('skip_connect', 1), ('max_pool_3x3', 1)], "
        "[('dil_conv_3x3', 2)]], normal_concat=[2, 3], "
        "reduce=[[('max_pool_3x3', 0), ('avg_pool_3x3', 1)]], reduce_concat=[2])",
        "tiny");
}

std::string err(const std::function<void()> &f)
{
    try {
        f();
    } catch (const std::exception &e) {
        return e.what();
    }
    return {};
}

RunConfig digitsEval(int64_t epochs)
{
    RunConfig c = presetConfig("digits-eval");
    c.space.channels = 8;
    c.space.layers = 3;
    c.search.epochs = epochs;
    c.search.threads = 1;
    return c;
}

} // namespace

class tst_Evaluation : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::string dir(const char *name) const
    {
        return (fs::path(m_tmp.path().toStdString()) / name).string();
    }

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void dartsV2CountsAsTheOfficialCode()
    {
        EvalNetworkConfig c;
        c.channels = 36;
        c.layers = 20;
        c.numClasses = 10;
        c.auxiliary = true;
        EvalNetwork net(loadGenotype("DARTS_V2"), c);
        QCOMPARE(net->parameterCount(), int64_t(3349342));
        // The head: 1x1 conv 576 -> 128, BN(128), 2x2 conv 128 -> 768, BN(768), Linear(768, 10):
        // 73,728 + 256 + 393,216 + 1,536 + 7,690.
        QCOMPARE(net->auxiliaryParameterCount(), int64_t(476426));
        c.auxiliary = false;
        QCOMPARE(EvalNetwork(loadGenotype("DARTS_V2"), c)->parameterCount(), int64_t(3349342));
        // Multiply-adds of one 32x32 image, by forward hooks on every Conv2d and Linear of the
        // official network (C_in / groups x k x k x C_out x output pixels, in x out).
        QCOMPARE(net->multiplyAdds(), int64_t(528359040));
        QCOMPARE(EvalNetwork(loadGenotype("DARTS_V1"), c)->multiplyAdds(), int64_t(500987520));
    }

    void tinyCellCountedByHand()
    {
        // 1 input channel, 2 classes, 4x4 images, C=4, one cell (no reduction), stem 3C = 12.
        EvalNetworkConfig c;
        c.inChannels = 1;
        c.numClasses = 2;
        c.channels = 4;
        c.layers = 1;
        c.height = c.width = 4;
        EvalNetwork net(tinyGenotype(), c);
        // stem: conv 1*12*9 = 108, BN 24 -> 132
        // preprocess0, preprocess1: conv 12*4 = 48, BN 8 -> 56 each
        // sep_conv_3x3: 2 x (depthwise 36 + pointwise 16 + BN 8) = 120; dil_conv_3x3: 60
        // skip (identity) and max pool: 0; classifier Linear(2*4, 2): 18
        QCOMPARE(net->parameterCount(), int64_t(132 + 56 + 56 + 120 + 60 + 18));
        // Multiply-adds at 16 pixels: stem 12*9*16 = 1728; preprocess 2 x 12*4*16 = 1536;
        // sep_conv 2 x (4*9*16 + 4*4*16) = 1664; dil_conv 576 + 256 = 832; classifier 16.
        QCOMPARE(net->multiplyAdds(), int64_t(1728 + 1536 + 1664 + 832 + 16));
        torch::manual_seed(0);
        net->eval();
        const auto y = net->forward(torch::randn({5, 1, 4, 4})).logits;
        QCOMPARE(y.sizes().vec(), (std::vector<int64_t>{5, 2}));
        QVERIFY(torch::isfinite(y).all().item<bool>());
    }

    void opMultiplyAddsByHand()
    {
        // Stride 2 on 5x5: 3x3 outputs. sep_conv_5x5 at C=6: 2 x (6*25*9 + 36*9) = 3348.
        QCOMPARE(opMultiplyAdds("sep_conv_5x5", 6, 2, 5, 5), int64_t(3348));
        // FactorizedReduce: two 1x1 convs to C/2 at 3x3: 6*6*9 = 324; identity: 0.
        QCOMPARE(opMultiplyAdds("skip_connect", 6, 2, 5, 5), int64_t(324));
        QCOMPARE(opMultiplyAdds("skip_connect", 6, 1, 5, 5), int64_t(0));
        QCOMPARE(opMultiplyAdds("avg_pool_3x3", 6, 2, 5, 5), int64_t(0));
    }

    void collapsedCellPassesItsInputOn()
    {
        Genotype g = tinyGenotype();
        CellGenotype &normal = g.cells[0];
        normal.aliveNodes.clear();
        normal.edges.clear();
        normal.concat.clear();
        normal.usedInputs.clear();
        QVERIFY(genotypeProblems(g).empty());
        EvalNetworkConfig c;
        c.inChannels = 1;
        c.numClasses = 3;
        c.channels = 4;
        c.layers = 1;
        c.height = c.width = 4;
        EvalNetwork net(g, c);
        QCOMPARE(net->collapsedCells(), std::vector<std::string>{"normal"});
        // stem 132; the cell is one ReLU-conv-BN 12 -> 4: 56; classifier Linear(4, 3): 15.
        QCOMPARE(net->parameterCount(), int64_t(132 + 56 + 15));
        net->eval();
        torch::manual_seed(1);
        const auto a = net->forward(torch::randn({4, 1, 4, 4})).logits;
        const auto b = net->forward(torch::randn({4, 1, 4, 4})).logits;
        QVERIFY(!torch::allclose(a, b)); // the output still depends on the input
    }

    void dropPathKeepsTheExpectedValue()
    {
        torch::manual_seed(3);
        const int64_t n = 20000;
        const auto x = torch::ones({n, 1, 1, 1});
        const auto keep = torch::bernoulli(torch::full({n}, 0.7));
        const auto y = dropPath(x, keep, 0.3);
        // Each value is 0 or 1/0.7; the mean is 1 up to sampling noise (sd 0.0046; 5 sd).
        QVERIFY(torch::logical_or(y == 0, (y - 1 / 0.7).abs() < 1e-6).all().item<bool>());
        QVERIFY(std::abs(y.mean().item<double>() - 1.0) < 0.023);
        QVERIFY(torch::equal(dropPath(x, keep, 0.0), x));
    }

    void dropPathSparesIdentityAndEvalMode()
    {
        // A cell of identities only: drop-path 0.9 in training changes nothing.
        const Genotype g = genotypeFromDartsText(
            "Genotype(normal=[('skip_connect', 0), ('skip_connect', 1)], normal_concat=[2], "
            "reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1)], reduce_concat=[2])");
        EvalNetworkConfig c;
        c.inChannels = 1;
        c.channels = 4;
        c.layers = 2;
        c.height = c.width = 4;
        EvalNetwork net(g, c);
        net->train();
        torch::manual_seed(2);
        const auto x = torch::randn({6, 1, 4, 4});
        net->setDropPath(0.0);
        const auto a = net->forward(x).logits;
        net->setDropPath(0.9);
        QVERIFY(torch::equal(net->forward(x).logits, a));
        // The tiny cell has convolutions: drop-path changes training outputs, not eval ones.
        EvalNetwork tiny(tinyGenotype(), c);
        tiny->setDropPath(0.0);
        tiny->eval();
        const auto e0 = tiny->forward(x).logits;
        tiny->setDropPath(0.5);
        QVERIFY(torch::equal(tiny->forward(x).logits, e0));
        tiny->train();
        tiny->setDropPath(0.0);
        const auto t0 = tiny->forward(x).logits;
        tiny->setDropPath(0.5);
        QVERIFY(!torch::allclose(tiny->forward(x).logits, t0));
    }

    void cutoutZeroesOneSquare()
    {
        auto img = torch::ones({3, 10, 10});
        cutoutInPlace(img, 4, 5, 5); // rows and columns 3..6
        QCOMPARE(img.eq(0).sum().item<int64_t>(), int64_t(3 * 16));
        using torch::indexing::Slice;
        QVERIFY(img.index({Slice(), Slice(3, 7), Slice(3, 7)}).eq(0).all().item<bool>());
        auto corner = torch::ones({1, 10, 10});
        cutoutInPlace(corner, 4, 0, 9); // clipped: rows 0..1, columns 7..9
        QCOMPARE(corner.eq(0).sum().item<int64_t>(), int64_t(6));
    }

    void auxiliaryHeadOnlyInTraining()
    {
        EvalNetworkConfig c;
        c.inChannels = 1;
        c.numClasses = 5;
        c.channels = 4;
        c.layers = 3;
        c.height = c.width = 8;
        c.auxiliary = true;
        EvalNetwork net(tinyGenotype(), c);
        const auto x = torch::randn({4, 1, 8, 8});
        net->train();
        const auto out = net->forward(x);
        QVERIFY(out.auxLogits.defined());
        QCOMPARE(out.auxLogits.sizes().vec(), (std::vector<int64_t>{4, 5}));
        net->eval();
        QVERIFY(!net->forward(x).auxLogits.defined());
        // The head at cell 2 (the second reduction; its output is 1 node x 2C x 2 = 16
        // channels): 16*128 + 256 + 128*768*4 + 1536 + 768*5 + 5.
        QCOMPARE(net->auxiliaryParameterCount(),
                 int64_t(16 * 128 + 256 + 128 * 768 * 4 + 1536 + 768 * 5 + 5));
    }

    void smallestImageTheNetworkTakes()
    {
        // Worked out in docs/method.md ("Smallest image"): each reduction halves the image,
        // rounding up, and a factorized reduce needs 2x2 at its input (its second convolution
        // reads the grid shifted by one pixel). Whatever the cells hold, two reductions (3
        // cells and more) need 3x3 (3 -> 2 -> 1), none 1x1.
        QCOMPARE(minimumImageSide(20), int64_t(3));
        QCOMPARE(minimumImageSide(3), int64_t(3));
        QCOMPARE(minimumImageSide(2), int64_t(1));
        QCOMPARE(minimumImageSide(1), int64_t(1));
        // A given network needs only what its factorized reduces need: each case's bound is the
        // smallest side at which a training step (auxiliary head included) runs; one pixel
        // less fails inside LibTorch.
        Genotype collapsedReduce = loadGenotype("DARTS_V2");
        for (CellGenotype &cell : collapsedReduce.cells) {
            if (cell.type == "reduce") {
                cell.aliveNodes.clear();
                cell.edges.clear();
                cell.concat.clear();
                cell.usedInputs.clear();
            }
        }
        const auto text = [](const char *reduceOp) {
            return genotypeFromDartsText(std::string("Genotype(normal=[[('sep_conv_3x3', 1)]], "
                                                     "normal_concat=[2], reduce=[[('") +
                                             reduceOp + "', 1)]], reduce_concat=[2])",
                                         "case");
        };
        struct Case
        {
            const char *what;
            Genotype genotype;
            int64_t layers;
            int64_t least;
        };
        const std::vector<Case> cases = {
            // Its normal cell reads c_{k-2}: after each reduction, a factorized reduce of the
            // reduction's input; after the second one, that input is the image halved once.
            {"DARTS_V2, 20 cells", loadGenotype("DARTS_V2"), 20, 3},
            {"DARTS_V2, 4 cells", loadGenotype("DARTS_V2"), 4, 3},
            // Cells 1 and 2 reduce: only cell 2 reads c_{k-2}, the unhalved image.
            {"DARTS_V2, 3 cells", loadGenotype("DARTS_V2"), 3, 2},
            // A skip_connect from c_{k-1} in the reduction cell: at the second reduction.
            {"skip_connect in the reduction cell", text("skip_connect"), 8, 3},
            // A collapsed reduction cell is a factorized reduce of c_{k-1}.
            {"collapsed reduction cell", collapsedReduce, 8, 3},
            // Neither cell reads c_{k-2}, the reduction only pools: no factorized reduce.
            {"no factorized reduce", text("max_pool_3x3"), 8, 1},
            {"no reduction", loadGenotype("DARTS_V2"), 2, 1},
        };
        const auto step = [](const Genotype &g, int64_t layers, int64_t side) {
            EvalNetworkConfig c;
            c.inChannels = 1;
            c.channels = 4;
            c.layers = layers;
            c.height = c.width = side;
            c.auxiliary = true;
            EvalNetwork net(g, c);
            net->train();
            const EvalOutput out = net->forward(torch::randn({4, 1, side, side}));
            auto loss = out.logits.sum();
            if (out.auxLogits.defined())
                loss = loss + out.auxLogits.sum();
            loss.backward();
            return net->minimumImageSide();
        };
        for (const Case &k : cases) {
            int64_t least = 0;
            const std::string at = err([&] { least = step(k.genotype, k.layers, k.least); });
            QVERIFY2(at.empty(), (std::string(k.what) + ": " + at).c_str());
            QVERIFY2(least == k.least,
                     (std::string(k.what) + ": " + std::to_string(least)).c_str());
            QVERIFY(least <= minimumImageSide(k.layers));
            if (k.least > 1)
                QVERIFY2(!err([&] { step(k.genotype, k.layers, k.least - 1); }).empty(), k.what);
        }
    }

    void recomputedCellsGiveTheSameStep()
    {
        // Activation recomputation must change nothing but memory and time: the same loss, the
        // same gradients (float: 1e-5 relative, the second pass sums in the same order but the
        // backward of the outer graph may not) and the same running statistics (the second
        // pass must not move them again), with drop-path and the auxiliary head, for DARTS_V2
        // and a mixed-path cell.
        EvalNetworkConfig c;
        c.inChannels = 3;
        c.numClasses = 10;
        c.channels = 6;
        c.layers = 5;
        c.height = c.width = 16;
        c.auxiliary = true;
        for (const Genotype &g : {loadGenotype("DARTS_V2"), tinyGenotype()}) {
            torch::manual_seed(3);
            EvalNetwork plain(g, c);
            auto rc = c;
            rc.recomputeCells = true;
            EvalNetwork recomputed(g, rc);
            recomputed->to(torch::kCPU);
            {
                torch::NoGradGuard noGrad;
                const auto from = plain->parameters();
                const auto to = recomputed->parameters();
                QCOMPARE(from.size(), to.size());
                for (size_t k = 0; k < from.size(); ++k)
                    to[k].copy_(from[k]);
            }
            const auto x = torch::randn({6, 3, 16, 16});
            const auto y = torch::randint(0, 10, {6}, torch::kLong);
            std::vector<double> losses;
            for (EvalNetwork *net : {&plain, &recomputed}) {
                (*net)->train();
                (*net)->setDropPath(0.3);
                (*net)->setMaskSeed(11);
                const auto out = (*net)->forward(x);
                const auto loss = torch::cross_entropy_loss(out.logits, y) +
                                  0.4 * torch::cross_entropy_loss(out.auxLogits, y);
                loss.backward();
                losses.push_back(loss.item<double>());
            }
            QCOMPARE(losses[0], losses[1]);
            const auto a = plain->named_parameters(), b = recomputed->named_parameters();
            int withGrad = 0;
            for (const auto &item : a) {
                const auto &ga = item.value().grad();
                const auto &gb = b[item.key()].grad();
                QVERIFY2(ga.defined() == gb.defined(), item.key().c_str());
                if (!ga.defined())
                    continue;
                ++withGrad;
                const double scale = std::max(1e-6, ga.abs().max().item<double>());
                const double diff = (ga - gb).abs().max().item<double>();
                QVERIFY2(diff <= 1e-5 * scale,
                         qPrintable(QStringLiteral("%1: gradients differ by %2 (largest %3)")
                                        .arg(QString::fromStdString(item.key()))
                                        .arg(diff)
                                        .arg(scale)));
            }
            QVERIFY(withGrad > 20);
            const auto bufA = plain->named_buffers(), bufB = recomputed->named_buffers();
            for (const auto &item : bufA)
                QVERIFY2(torch::equal(item.value(), bufB[item.key()]), item.key().c_str());
        }
    }

    void dartsTextBothDialects()
    {
        const Genotype flat = loadGenotype("DARTS_V1");
        QCOMPARE(flat.cell("normal")->edges.size(), size_t(8));
        QCOMPARE(flat.cell("normal")->concat, (std::vector<int>{2, 3, 4, 5}));
        // pt.darts's per-node lists, a range for the concat, comments and an assignment.
        const Genotype nested = genotypeFromDartsText(
            "# from pt.darts\nDARTS = Genotype(\n  normal=[[('sep_conv_3x3', 0), "
            "('sep_conv_3x3', 1), ('skip_connect', 1)], [('dil_conv_5x5', 2)]],\n"
            "  normal_concat=range(2, 4),\n  reduce=[[('max_pool_3x3', 0)]], reduce_concat=[2])\n");
        QCOMPARE(nested.cell("normal")->nodes, 2);
        QCOMPARE(nested.cell("normal")->edges.size(), size_t(4));
        QCOMPARE(nested.cell("normal")->concat, (std::vector<int>{2, 3}));
        QCOMPARE(nested.cell("normal")->usedInputs, (std::vector<int>{0, 1}));
        QCOMPARE(nested.cell("reduce")->usedInputs, (std::vector<int>{0}));
    }

    void ptDartsTextRenumbersRemovedNodes()
    {
        // Node 3 of 4 removed: nodes 2, 4, 5 become 2, 3, 4 in inputs and concat.
        Genotype g;
        for (const char *type : {"normal", "reduce"}) {
            CellGenotype c;
            c.type = type;
            c.nodes = 4;
            c.aliveNodes = {2, 4, 5};
            c.usedInputs = {0, 1};
            c.edges = {{0, 2, "sep_conv_3x3", 0.5f},  {1, 2, "skip_connect", 0.2f},
                       {1, 2, "max_pool_3x3", 0.1f},  {2, 4, "dil_conv_3x3", 0.3f},
                       {4, 5, "sep_conv_5x5", -0.4f}, {0, 5, "avg_pool_3x3", 0.2f}};
            c.concat = {2, 5};
            g.cells.push_back(c);
        }
        const auto text = toPtDartsText(g);
        QVERIFY(text);
        const std::string normal =
            "Genotype(normal=[[('sep_conv_3x3', 0), ('skip_connect', 1), ('max_pool_3x3', 1)], "
            "[('dil_conv_3x3', 2)], [('avg_pool_3x3', 0), ('sep_conv_5x5', 3)]], "
            "normal_concat=[2, 4], reduce=";
        QVERIFY2(text->rfind(normal, 0) == 0, text->c_str());
        const Genotype back = genotypeFromDartsText(*text);
        const CellGenotype *n = back.cell("normal");
        QCOMPARE(n->nodes, 3);
        QCOMPARE(n->concat, (std::vector<int>{2, 4}));
        QCOMPARE(n->edges.size(), size_t(6));
        // Same network size either way.
        EvalNetworkConfig c;
        c.channels = 8;
        c.layers = 3;
        QCOMPARE(EvalNetwork(back, c)->parameterCount(), EvalNetwork(g, c)->parameterCount());
    }

    void badGenotypesAreNamed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const QString tail = QStringLiteral(
            ", normal_concat=[2], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1)], "
            "reduce_concat=[2])");
        QTest::newRow("empty") << ""
                               << "tiny:1:1: the text holds no Genotype(...)";
        QTest::newRow("comments only") << "# nothing\n# here\n"
                                       << "tiny:3:1: the text holds no Genotype(...)";
        QTest::newRow("unknown op")
            << QStringLiteral("Genotype(normal=[('conv_9x9', 0), ('skip_connect', 1)]") + tail
            << "normal cell: edge 0 (0 -> 2): unknown operation 'conv_9x9'";
        QTest::newRow("input out of range")
            << QStringLiteral("Genotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 7)]") + tail
            << "tiny:1:56: node 2 takes input 7, which is not an earlier node";
        QTest::newRow("cycle")
            << QStringLiteral("Genotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 2)]") + tail
            << "node 2 takes input 2, which is not an earlier node";
        QTest::newRow("odd flat list")
            << QStringLiteral("Genotype(normal=[('sep_conv_3x3', 0)]") + tail
            << "normal: 1 genes; DARTS's flat form has two per node";
        QTest::newRow("concat out of range")
            << QStringLiteral("Genotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 1)], "
                              "normal_concat=[2, 6], reduce=[('max_pool_3x3', 0), "
                              "('max_pool_3x3', 1)], reduce_concat=[2])")
            << "normal_concat: node 6 is not an intermediate node of this cell (2 .. 2)";
        QTest::newRow("missing reduce")
            << "Genotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 1)], normal_concat=[2])"
            << "the genotype has no 'reduce' cell";
        QTest::newRow("unclosed") << "Genotype(normal=[('sep_conv_3x3', 0)"
                                  << "tiny:1:37: the text ends where ']' was expected";
    }

    void badGenotypesAreNamed()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const std::string what = err([&] {
            const Genotype g = genotypeFromDartsText(text.toStdString(), "tiny");
            const auto problems = genotypeProblems(g);
            if (!problems.empty())
                throw GenotypeError(problems.front());
        });
        QVERIFY2(QString::fromStdString(what).contains(expected), what.c_str());
    }

    void comparisonKeepsKindsApart()
    {
        // An image classifier and two seeds of a language model: one table each, the language
        // model's with perplexities (exp of each seed's test NLL, then mean and sample std).
        EvaluationRun cnn{"a", {}}, lm1{"b", {}}, lm2{"c", {}};
        cnn.result.genotype = "DARTS_V2";
        cnn.result.dataset = "digits";
        cnn.result.channels = 16;
        cnn.result.layers = 6;
        cnn.result.parameters = 300000;
        cnn.result.testAcc = 0.9712;
        cnn.result.cells = {{"normal", 4, 8}, {"reduce", 4, 8}};
        for (auto *r : {&lm1, &lm2}) {
            r->result.genotype = "DARTS_RNN_V2";
            r->result.dataset = "ptb";
            r->result.space = "rnn";
            r->result.hidden = 850;
            r->result.parameters = 22960000;
            r->result.cells = {{"recurrent", 8, 8}};
        }
        lm1.result.testLoss = std::log(56.0);
        lm2.result.testLoss = std::log(58.0);
        const auto rows = compareEvaluations({cnn, lm1, lm2});
        QCOMPARE(rows.size(), size_t(2));
        QVERIFY(std::abs(rows[1].testPplMean - 57.0) < 1e-9);
        QVERIFY(std::abs(rows[1].testPplStd - std::sqrt(2.0)) < 1e-9);
        const std::string text = comparisonText(rows);
        QVERIFY2(text.find("test acc %") < text.find("\n\n") &&
                     text.find("test ppl") > text.find("\n\n"),
                 text.c_str());
        QVERIFY2(text.find("57.00 ± 1.41") != std::string::npos, text.c_str());
        QVERIFY2(text.find("h850") != std::string::npos, text.c_str());
        QVERIFY2(text.find("22.96M") != std::string::npos, text.c_str());
        // One CSV, every line with the header's number of fields; the kinds in column "space".
        const std::string csv = comparisonCsv(rows);
        std::istringstream lines(csv);
        std::string line;
        std::vector<size_t> fields;
        while (std::getline(lines, line))
            fields.push_back(size_t(std::count(line.begin(), line.end(), ',')));
        QCOMPARE(fields.size(), size_t(3));
        QCOMPARE(fields[1], fields[0]);
        QCOMPARE(fields[2], fields[0]);
        QVERIFY2(csv.find(",cnn,,,\n") != std::string::npos, csv.c_str());
        QVERIFY2(csv.find(",rnn,850,") != std::string::npos, csv.c_str());
        const std::string md = comparisonMarkdown(rows);
        QVERIFY2(md.find("| Test ppl |") != std::string::npos, md.c_str());
        const std::string tex = comparisonLatex(rows);
        // Two tabulars of 7 lines (begin, rule, header, rule, a row, rule, end) and an empty line.
        QCOMPARE(size_t(std::count(tex.begin(), tex.end(), '\n')), size_t(15));
    }

    void loadGenotypeNamesTheSource()
    {
        QVERIFY(err([] { loadGenotype("DARTS_V3"); })
                    .find("not a built-in genotype (DARTS_RNN_V1, DARTS_RNN_V2, DARTS_V1, "
                          "DARTS_V2, ENAS_RNN)") != std::string::npos);
        const std::string bad = dir("bad-genotype.json");
        writeFileAtomic(bad,
                        "{\"format\": \"sparsenas-genotype\", \"version\": 1,\n \"cells\": 3}");
        const auto what = err([&] { loadGenotype(bad); });
        QVERIFY2(what.find(bad + ": cells: expected an array") != std::string::npos, what.c_str());
    }

    void digitsEvaluationTrainsResumesAndCompares()
    {
        // The genotype of a finished digits-quick search (tests/evaluation/digits-genotype.json:
        // a 1-node normal cell, 3-node reduction cell), 4 epochs of C=8, 3 cells on the
        // digits' training part (1,498 images), tested on its 299 held-out images.
        RunConfig c = digitsEval(4);
        c.evaluation.genotype = SPARSENAS_SOURCE_DIR "/tests/evaluation/digits-genotype.json";
        SearchEngine full(c, dir("eval-full"));
        const RunResult r = full.run();
        QCOMPARE(int(r.state), int(RunState::Finished));
        const auto result = RunDirectory(dir("eval-full")).readEvaluation();
        QVERIFY(result);
        QVERIFY(result->finished);
        QCOMPARE(result->epochsDone, int64_t(4));
        // Floor: chance is 10 %; this network reaches 94.98-97.32 % after 4 epochs over the
        // seeds 0-4 (`sparsenas evaluate tests/evaluation/digits-genotype.json --set
        // space.channels=8 --set space.layers=3 --set search.epochs=4 --seeds 5`); 80 % leaves
        // room for another BLAS's rounding while failing any network that does not learn.
        QVERIFY2(result->testAcc > 0.80, std::to_string(result->testAcc).c_str());
        QCOMPARE(result->parameters, EvalNetwork(loadGenotype(c.evaluation.genotype),
                                                 [] {
                                                     EvalNetworkConfig n;
                                                     n.inChannels = 1;
                                                     n.channels = 8;
                                                     n.layers = 3;
                                                     n.height = n.width = 8;
                                                     return n;
                                                 }())
                                         ->parameterCount());

        // Stopped after step 30 (inside epoch 2), resumed: the same metrics, exactly.
        struct StopAt : RunObserver
        {
            CommandQueue *queue = nullptr;
            void onSnapshot(const Snapshot &s) override
            {
                if (s.step == 30)
                    queue->stop();
            }
        } stop;
        SearchEngine part(c, dir("eval-part"));
        stop.queue = &part.commands();
        part.setObserver(&stop);
        QCOMPARE(int(part.run().state), int(RunState::Stopped));
        const auto stopped = RunDirectory(dir("eval-part")).readEvaluation();
        QVERIFY(stopped && !stopped->finished && stopped->epochsDone == 1);
        QCOMPARE(int(SearchEngine::resume(dir("eval-part"))->run().state), int(RunState::Finished));
        const auto ma = comparableMetrics(dir("eval-full")),
                   mb = comparableMetrics(dir("eval-part"));
        QCOMPARE(mb.size(), ma.size());
        for (size_t i = 0; i < ma.size(); ++i)
            QCOMPARE(QString::fromStdString(mb[i].dump()), QString::fromStdString(ma[i].dump()));
        QCOMPARE(RunDirectory(dir("eval-part")).readEvaluation()->testAcc, result->testAcc);

        // Two runs of one genotype form one row: mean and sample standard deviation.
        const auto rows = compareEvaluations(findEvaluations({dir("eval-full"), dir("eval-part")}));
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].seeds, 2);
        QCOMPARE(rows[0].testAccMean, result->testAcc);
        QCOMPARE(rows[0].testAccStd, 0.0);
        QCOMPARE(rows[0].nodes, std::string("1/3"));
    }
};

QTEST_GUILESS_MAIN(tst_Evaluation)
#include "tst_evaluation.moc"
