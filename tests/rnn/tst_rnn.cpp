// SPDX-License-Identifier: MIT
// The recurrent space: the search cell against a second, literal implementation of DARTS's
// formulas (per op, per edge, plain doubles); its gradients against finite differences; the
// Penn Treebank reader on good and bad files; a quick search on the embedded corpus that ends
// with exact zeros and beats the unigram perplexity; resume inside an epoch is exact.

#include "sparsenas/base/comparison.h"
#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/genotype.h"
#include "sparsenas/base/genotypesource.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/rnnevalnetwork.h"
#include "sparsenas/rnnevaltask.h"
#include "sparsenas/rnnsupernet.h"
#include "sparsenas/searchengine.h"
#include "sparsenas/textcorpus.h"

#include "../common/runfiles.h"

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace sparsenas;
using nlohmann::json;
using sparsenas::testing::comparableMetrics;
using sparsenas::testing::jsonLines;
namespace fs = std::filesystem;

namespace {

using Matrix = std::vector<std::vector<double>>; // [rows][cols]

Matrix toMatrix(const torch::Tensor &t)
{
    const auto c = t.to(torch::kDouble).contiguous();
    Matrix m(size_t(c.size(0)), std::vector<double>(size_t(c.size(1))));
    for (int64_t i = 0; i < c.size(0); ++i)
        for (int64_t j = 0; j < c.size(1); ++j)
            m[size_t(i)][size_t(j)] = c[i][j].item<double>();
    return m;
}

Matrix matmul(const Matrix &a, const Matrix &b)
{
    Matrix out(a.size(), std::vector<double>(b[0].size(), 0.0));
    for (size_t i = 0; i < a.size(); ++i)
        for (size_t k = 0; k < b.size(); ++k)
            for (size_t j = 0; j < b[0].size(); ++j)
                out[i][j] += a[i][k] * b[k][j];
    return out;
}

double sigmoid(double v)
{
    return 1.0 / (1.0 + std::exp(-v));
}

double activation(const std::string &op, double v)
{
    if (op == "tanh")
        return std::tanh(v);
    if (op == "relu")
        return v > 0 ? v : 0.0;
    if (op == "sigmoid")
        return sigmoid(v);
    return v; // identity
}

/// Batch normalisation over the rows, per column, biased variance, eps 1e-5, no affine.
Matrix batchNorm(const Matrix &m)
{
    Matrix out = m;
    const size_t rows = m.size();
    for (size_t j = 0; j < m[0].size(); ++j) {
        double mean = 0, var = 0;
        for (size_t i = 0; i < rows; ++i)
            mean += m[i][j] / double(rows);
        for (size_t i = 0; i < rows; ++i)
            var += (m[i][j] - mean) * (m[i][j] - mean) / double(rows);
        for (size_t i = 0; i < rows; ++i)
            out[i][j] = (m[i][j] - mean) / std::sqrt(var + 1e-5);
    }
    return out;
}

/// DARTS's DARTSCellSearch.cell with the linear mixing of paper Eq. 1, written out edge by edge
/// and op by op: s_j = BN(sum_{i<j} sum_o A[(i,j), o] (s_i + c_ij (o(h_ij) - s_i))).
Matrix referenceCell(const Matrix &x, const Matrix &h, const Matrix &xMask, const Matrix &hMask,
                     const Matrix &w0, const std::vector<Matrix> &ws, const Matrix &arch,
                     const std::vector<std::string> &ops)
{
    const size_t batch = x.size(), hid = x[0].size();
    Matrix xh(batch, std::vector<double>(2 * hid));
    for (size_t b = 0; b < batch; ++b)
        for (size_t j = 0; j < hid; ++j) {
            xh[b][j] = x[b][j] * xMask[b][j];
            xh[b][hid + j] = h[b][j] * hMask[b][j];
        }
    const Matrix ch0 = matmul(xh, w0);
    Matrix s0(batch, std::vector<double>(hid));
    for (size_t b = 0; b < batch; ++b)
        for (size_t j = 0; j < hid; ++j) {
            const double c = sigmoid(ch0[b][j]), v = std::tanh(ch0[b][hid + j]);
            s0[b][j] = h[b][j] + c * (v - h[b][j]);
        }
    std::vector<Matrix> states = {batchNorm(s0)};
    size_t edge = 0;
    for (size_t node = 0; node < ws.size(); ++node) {
        Matrix sum(batch, std::vector<double>(hid, 0.0));
        for (size_t i = 0; i < states.size(); ++i, ++edge) {
            Matrix read = states[i];
            for (size_t b = 0; b < batch; ++b)
                for (size_t j = 0; j < hid; ++j)
                    read[b][j] *= hMask[b][j];
            const Matrix ch = matmul(read, ws[node]);
            for (size_t o = 0; o < ops.size(); ++o) {
                if (ops[o] == "none")
                    continue;
                for (size_t b = 0; b < batch; ++b)
                    for (size_t j = 0; j < hid; ++j) {
                        const double s = states[i][b][j], c = sigmoid(ch[b][j]);
                        sum[b][j] +=
                            arch[edge][o] * (s + c * (activation(ops[o], ch[b][hid + j]) - s));
                    }
            }
        }
        states.push_back(batchNorm(sum));
    }
    Matrix out(batch, std::vector<double>(hid, 0.0));
    for (size_t k = 1; k < states.size(); ++k)
        for (size_t b = 0; b < batch; ++b)
            for (size_t j = 0; j < hid; ++j)
                out[b][j] += states[k][b][j] / double(states.size() - 1);
    return out;
}

torch::Tensor param(RnnSupernet &m, const std::string &name)
{
    for (const auto &p : m->named_parameters())
        if (p.key() == name)
            return p.value();
    throw std::runtime_error("no parameter " + name);
}

/// A small double-precision supernet: 2 nodes, hidden 3, all five ops.
RnnSupernet smallModel(int nodes = 2)
{
    RnnSupernetConfig c;
    c.vocabulary = 7;
    c.hidden = 3;
    c.nodes = nodes;
    torch::manual_seed(11);
    RnnSupernet m(c);
    m->to(torch::kDouble);
    torch::NoGradGuard g;
    // Weights far from DARTS's small init, so that every activation is exercised off zero.
    for (auto &p : m->parameters())
        p.uniform_(-1.0, 1.0);
    param(m, "arch").select(1, 0).zero_(); // "none"
    return m;
}

std::string writeText(const fs::path &dir, const std::string &name, const std::string &text)
{
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
}

/// A recurrent search on the embedded corpus sized for seconds.
RunConfig quickConfig(int64_t epochs)
{
    // Lambda in AdamHAPG's units here: its L1 threshold is lr * lambda * alpha / sqrt(vhat),
    // and the gradient of A is small in this space (every node is batch-normalised, so the loss
    // does not change with the scale of a node's weights): lambda 0.1 empties the cell at the
    // first step, 0.015 a step removes paths over epochs (docs/method.md).
    return configFromJson(json{{"dataset", {{"name", "devils-dictionary"}, {"limit", 20000}}},
                               {"space", {{"kind", "rnn"}, {"nodes", 4}}},
                               {"language_model",
                                {{"hidden", 48},
                                 {"bptt", 10},
                                 {"dropout", 0.1},
                                 {"dropout_hidden", 0.05},
                                 {"dropout_x", 0.1},
                                 {"dropout_input", 0.05}}},
                               {"weights",
                                {{"lr", 10},
                                 {"lr_min", 10},
                                 {"momentum", 0},
                                 {"weight_decay", 5e-7},
                                 {"grad_clip", 0.25}}},
                               {"arch",
                                {{"optimizer", "adam_hapg"},
                                 {"lr", 0.01},
                                 {"beta1", 0.9},
                                 {"lambda_start", 0.0},
                                 {"lambda_step", 0.015},
                                 {"lambda_max", 1.0}}},
                               {"search",
                                {{"epochs", epochs},
                                 {"batch_size", 32},
                                 {"seed", 3},
                                 {"threads", 2},
                                 {"on_collapse", "continue"}}}});
}

/// DARTS's evaluation DARTSCell.cell for the cell {1: relu(0)}, {2: tanh(0), sigmoid(1)} with
/// output mean(s1, s2), written out: each node's paths through its own W, a node of two paths
/// their mean (or their A-weighted sum), no batch norm.
Matrix referenceEvalCell(const Matrix &x, const Matrix &h, const Matrix &hMask, const Matrix &w0,
                         const Matrix &w1, const Matrix &w2, bool scaled)
{
    const size_t batch = x.size(), hid = x[0].size();
    Matrix xh(batch, std::vector<double>(2 * hid));
    for (size_t b = 0; b < batch; ++b)
        for (size_t j = 0; j < hid; ++j) {
            xh[b][j] = x[b][j];
            xh[b][hid + j] = h[b][j] * hMask[b][j];
        }
    const Matrix ch0 = matmul(xh, w0);
    Matrix s0(batch, std::vector<double>(hid));
    for (size_t b = 0; b < batch; ++b)
        for (size_t j = 0; j < hid; ++j)
            s0[b][j] = h[b][j] + sigmoid(ch0[b][j]) * (std::tanh(ch0[b][hid + j]) - h[b][j]);
    const auto highway = [&](const Matrix &s, const Matrix &w, const std::string &op) {
        Matrix read = s;
        for (size_t b = 0; b < batch; ++b)
            for (size_t j = 0; j < hid; ++j)
                read[b][j] *= hMask[b][j];
        const Matrix ch = matmul(read, w);
        Matrix out = s;
        for (size_t b = 0; b < batch; ++b)
            for (size_t j = 0; j < hid; ++j)
                out[b][j] =
                    s[b][j] + sigmoid(ch[b][j]) * (activation(op, ch[b][hid + j]) - s[b][j]);
        return out;
    };
    const Matrix s1 = highway(s0, w1, "relu");
    const Matrix a = highway(s0, w2, "tanh"), c = highway(s1, w2, "sigmoid");
    Matrix out(batch, std::vector<double>(hid));
    for (size_t b = 0; b < batch; ++b)
        for (size_t j = 0; j < hid; ++j) {
            const double s2 = scaled ? 0.5 * a[b][j] - 2.0 * c[b][j] : 0.5 * (a[b][j] + c[b][j]);
            out[b][j] = 0.5 * (s1[b][j] + s2);
        }
    return out;
}

/// The cell of referenceEvalCell: node 1 relu(0); node 2 tanh(0) (A 0.5), sigmoid(1) (A -2).
CellGenotype mixedRecurrentCell()
{
    CellGenotype c;
    c.type = "recurrent";
    c.inputs = 1;
    c.nodes = 2;
    c.aliveNodes = {1, 2};
    c.usedInputs = {0};
    c.edges = {{0, 1, "relu", 1.0f}, {0, 2, "tanh", 0.5f}, {1, 2, "sigmoid", -2.0f}};
    c.concat = {1, 2};
    return c;
}

/// A recurrent evaluation on the embedded corpus sized for seconds.
RunConfig quickEvalConfig(int64_t epochs)
{
    return configFromJson(
        json{{"task", "evaluate"},
             {"dataset", {{"name", "devils-dictionary"}, {"limit", 12000}}},
             {"space", {{"kind", "rnn"}}},
             {"language_model",
              {{"hidden", 32},
               {"bptt", 10},
               {"dropout", 0.2},
               {"dropout_hidden", 0.1},
               {"dropout_x", 0.2},
               {"dropout_input", 0.1},
               {"dropout_words", 0.05}}},
             {"weights",
              {{"lr", 20},
               {"lr_min", 20},
               {"momentum", 0},
               {"weight_decay", 8e-7},
               {"grad_clip", 0.25}}},
             {"search", {{"epochs", epochs}, {"batch_size", 16}, {"seed", 1}, {"threads", 2}}},
             {"evaluation",
              {{"genotype", "DARTS_RNN_V2"},
               {"asgd_nonmono", 1},
               {"valid_batch_size", 10},
               {"test_batch_size", 4}}}});
}

} // namespace

class TestRnn : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    fs::path dir(const char *name) const { return fs::path(m_tmp.path().toStdString()) / name; }

private Q_SLOTS:
    void cellMatchesLiteralReference()
    {
        for (const bool masked : {false, true}) {
            auto m = smallModel();
            const int64_t b = 4, h = 3;
            torch::manual_seed(masked ? 5 : 4);
            const auto x = torch::randn({b, h}, torch::kDouble);
            const auto hp = torch::randn({b, h}, torch::kDouble);
            torch::Tensor xm, hm;
            Matrix xmM(size_t(b), std::vector<double>(size_t(h), 1.0)), hmM = xmM;
            if (masked) {
                xm = torch::bernoulli(torch::full({b, h}, 0.5, torch::kDouble)) * 2.0;
                hm = torch::bernoulli(torch::full({b, h}, 0.7, torch::kDouble)) / 0.7;
                xmM = toMatrix(xm);
                hmM = toMatrix(hm);
            }
            const auto got = toMatrix(m->cell(x, hp, xm, hm).detach());
            const auto want = referenceCell(toMatrix(x), toMatrix(hp), xmM, hmM,
                                            toMatrix(param(m, "w0")),
                                            {toMatrix(param(m, "w1")), toMatrix(param(m, "w2"))},
                                            toMatrix(param(m, "arch")), m->config().ops);
            for (size_t i = 0; i < want.size(); ++i)
                for (size_t j = 0; j < want[i].size(); ++j)
                    QVERIFY2(std::abs(got[i][j] - want[i][j]) < 1e-12,
                             qPrintable(QStringLiteral("masked %1 [%2][%3]: %4 vs %5")
                                            .arg(masked)
                                            .arg(i)
                                            .arg(j)
                                            .arg(got[i][j], 0, 'g', 17)
                                            .arg(want[i][j], 0, 'g', 17)));
        }
    }

    void gradientsMatchFiniteDifferences()
    {
        auto m = smallModel();
        torch::manual_seed(6);
        const auto x = torch::randn({4, 3}, torch::kDouble);
        const auto hp = torch::randn({4, 3}, torch::kDouble);
        const auto hm = torch::bernoulli(torch::full({4, 3}, 0.7, torch::kDouble)) / 0.7;
        const auto r = torch::randn({4, 3}, torch::kDouble);
        const auto loss = [&] { return (m->cell(x, hp, torch::Tensor(), hm) * r).sum(); };
        for (auto &p : m->parameters())
            p.mutable_grad() = torch::Tensor();
        loss().backward();
        int checked = 0;
        for (const char *name : {"arch", "w0", "w1", "w2"}) {
            auto p = param(m, name);
            const auto grad = p.grad().clone();
            const auto flat = p.detach().view({-1});
            for (int64_t i = 0; i < flat.numel(); ++i) {
                if (std::string(name) == "arch" && i % 5 == 0)
                    continue; // "none": no op, no gradient
                const double keep = flat[i].item<double>(), eps = 1e-6;
                double up, down;
                {
                    torch::NoGradGuard g;
                    flat[i].fill_(keep + eps);
                    up = loss().item<double>();
                    flat[i].fill_(keep - eps);
                    down = loss().item<double>();
                    flat[i].fill_(keep);
                }
                const double fd = (up - down) / (2 * eps), an = grad.view({-1})[i].item<double>();
                QVERIFY2(std::abs(fd - an) <= 1e-6 * std::max(1.0, std::abs(fd)),
                         qPrintable(QStringLiteral("%1[%2]: autograd %3, finite differences %4")
                                        .arg(QLatin1String(name))
                                        .arg(i)
                                        .arg(an, 0, 'g', 12)
                                        .arg(fd, 0, 'g', 12)));
                ++checked;
            }
        }
        QCOMPARE(checked, 12 + 36 + 18 + 18);
        // "none" gets an exact zero: it is no weight of the model.
        QCOMPARE(param(m, "arch").grad().select(1, 0).abs().sum().item<double>(), 0.0);
    }

    void languageModelGradientThroughTiedEmbedding()
    {
        auto m = smallModel();
        const auto tokens = torch::tensor({1, 4, 2, 6, 0, 3}, torch::kLong).view({3, 2});
        const auto target = torch::tensor({4, 2, 6, 0, 3, 5}, torch::kLong);
        const auto h0 = torch::zeros({2, 3}, torch::kDouble);
        const auto loss = [&] { return torch::nll_loss(m->forward(tokens, h0).logProb, target); };
        auto emb = param(m, "embedding");
        emb.mutable_grad() = torch::Tensor();
        loss().backward();
        // Word 4 is read (tokens) and predicted (decoder): both paths reach its row; word 5 only
        // through the decoder.
        for (const int64_t word : {4, 5}) {
            for (int64_t j = 0; j < 3; ++j) {
                auto e = emb.detach()[word][j];
                const double keep = e.item<double>(), eps = 1e-6;
                double up, down;
                {
                    torch::NoGradGuard g;
                    e.fill_(keep + eps);
                    up = loss().item<double>();
                    e.fill_(keep - eps);
                    down = loss().item<double>();
                    e.fill_(keep);
                }
                const double fd = (up - down) / (2 * eps), an = emb.grad()[word][j].item<double>();
                QVERIFY2(std::abs(fd - an) < 1e-7,
                         qPrintable(QStringLiteral("embedding[%1][%2]: %3 vs %4")
                                        .arg(word)
                                        .arg(j)
                                        .arg(an)
                                        .arg(fd)));
            }
        }
        // Each row of the decoder's output is a distribution.
        const auto p = m->forward(tokens, h0).logProb.exp().sum(1);
        QVERIFY(torch::allclose(p, torch::ones_like(p), 0, 1e-12));
    }

    void zeroWeightsGiveExactZeros()
    {
        auto m = smallModel(3);
        torch::manual_seed(8);
        const auto x = torch::randn({4, 3}, torch::kDouble);
        const auto hp = torch::randn({4, 3}, torch::kDouble);
        {
            torch::NoGradGuard g;
            param(m, "arch").zero_();
        }
        // A collapsed cell: h_t is exactly zero whatever the input.
        QCOMPARE(m->cell(x, hp, {}, {}).abs().max().item<double>(), 0.0);
        // Only node 1 alive (edge 0 -> 1): nodes 2 and 3 are exactly zero, so h_t is node 1's
        // state divided by 3.
        {
            torch::NoGradGuard g;
            param(m, "arch")[0][2].fill_(0.7);
        }
        const auto one = m->cell(x, hp, {}, {});
        auto single = smallModel(1);
        {
            torch::NoGradGuard g;
            param(single, "w0").copy_(param(m, "w0"));
            param(single, "w1").copy_(param(m, "w1"));
            param(single, "arch").copy_(param(m, "arch").narrow(0, 0, 1));
        }
        const auto alone = single->cell(x, hp, {}, {});
        QVERIFY(torch::allclose(one * 3, alone, 0, 1e-12));
    }

    void dropoutIsSeededAndOffWithoutGenerator()
    {
        RnnSupernetConfig c;
        c.vocabulary = 9;
        c.hidden = 4;
        c.nodes = 2;
        c.dropoutWords = 0.3;
        torch::manual_seed(2);
        RnnSupernet m(c);
        const auto tokens = torch::randint(9, {5, 3}, torch::kLong);
        const auto h0 = m->initialHidden(3);
        auto g1 = at::detail::createCPUGenerator(77), g2 = at::detail::createCPUGenerator(77);
        const auto a = m->forward(tokens, h0, &g1).logProb, b = m->forward(tokens, h0, &g2).logProb;
        QVERIFY(torch::equal(a, b));
        const auto off = m->forward(tokens, h0).logProb;
        QVERIFY(!torch::equal(a, off));
        QVERIFY(torch::equal(off, m->forward(tokens, h0).logProb));
    }

    void readsPennTreebankFolders()
    {
        const auto d = dir("ptb");
        writeText(d, "ptb.train.txt", " the cat sat \n\n a cat <unk> \n");
        writeText(d, "ptb.valid.txt", " a cat sat \n");
        writeText(d, "ptb.test.txt", "the\n");
        const auto c = loadPtbFolder(d.string());
        // DARTS's data.py: words in order of first appearance, <eos> after every line; the
        // blank line adds nothing.
        const std::vector<std::string> words = {"the", "cat", "sat", "<eos>", "a", "<unk>"};
        QVERIFY(c.words == words);
        QVERIFY((c.train == std::vector<int64_t>{0, 1, 2, 3, 4, 1, 5, 3}));
        QVERIFY((c.valid == std::vector<int64_t>{4, 1, 2, 3}));
        QVERIFY((c.test == std::vector<int64_t>{0, 3}));

        // batchify: column b is the b-th contiguous slice, the tail that fills no row dropped.
        const auto t = batchify({0, 1, 2, 3, 4, 5, 6}, 2);
        QCOMPARE(t.sizes().vec(), (std::vector<int64_t>{3, 2}));
        QVERIFY(torch::equal(t, torch::tensor({0, 3, 1, 4, 2, 5}, torch::kLong).view({3, 2})));

        // Unigram perplexity, add-one: counts {0:1, 1:2} + 1 over 3 words, total 3 + 3 = 6.
        const double want = std::exp(-(std::log(3.0 / 6) + std::log(1.0 / 6)) / 2);
        QVERIFY(std::abs(unigramPerplexity({0, 1, 1}, {1, 2}, 3) - want) < 1e-12);
    }

    void refusesBadCorpora_data()
    {
        QTest::addColumn<QString>("train");
        QTest::addColumn<QString>("valid");
        QTest::addColumn<QString>("expected");
        QTest::newRow("word not in vocabulary")
            << QStringLiteral(" a b \n") << QStringLiteral(" a \n b zebra \n")
            << QStringLiteral("ptb.valid.txt' line 2: the word \"zebra\"");
        QTest::newRow("empty train") << QStringLiteral("") << QStringLiteral(" a \n")
                                     << QStringLiteral("ptb.train.txt': no words");
        QTest::newRow("blank valid") << QStringLiteral(" a b c \n") << QStringLiteral(" \n\n")
                                     << QStringLiteral("ptb.valid.txt': no words");
        QTest::newRow("binary") << QString::fromLatin1("a\0b", 3) << QStringLiteral(" a \n")
                                << QStringLiteral("holds NUL bytes");
    }
    void refusesBadCorpora()
    {
        QFETCH(QString, train);
        QFETCH(QString, valid);
        QFETCH(QString, expected);
        const auto d =
            dir((QStringLiteral("bad-") + QString::fromLatin1(QTest::currentDataTag())
                                              .replace(QLatin1Char(' '), QLatin1Char('-')))
                    .toStdString()
                    .c_str());
        writeText(d, "ptb.train.txt", train.toStdString());
        writeText(d, "ptb.valid.txt", valid.toStdString());
        writeText(d, "ptb.test.txt", " a \n");
        try {
            loadPtbFolder(d.string());
            QFAIL("no error");
        } catch (const DataError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(expected), e.what());
        }
    }

    void missingFilesAreNamed()
    {
        const auto d = dir("half");
        writeText(d, "ptb.train.txt", " a \n");
        try {
            loadPtbFolder(d.string());
            QFAIL("no error");
        } catch (const DataError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("ptb.valid.txt': missing")),
                     e.what());
        }
        try {
            loadPtbFolder(dir("nowhere").string());
            QFAIL("no error");
        } catch (const DataError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("no such folder")),
                     e.what());
        }
    }

    void embeddedCorpusHasItsVocabulary()
    {
        const auto c = loadEmbeddedText();
        // As resources/data/DEVILS-DICTIONARY-ATTRIBUTION.md says.
        QCOMPARE(c.vocabularySize(), int64_t(2503));
        QCOMPARE(c.train.size(), size_t(54853));
        QCOMPARE(c.valid.size(), size_t(5923));
        QCOMPARE(c.test.size(), size_t(5497));
    }

    void quickSearchSparsifiesAndBeatsUnigram()
    {
        const auto cfg = quickConfig(5);
        SearchEngine engine(cfg, dir("quick").string());
        const auto r = engine.run();
        QVERIFY2(r.state == RunState::Finished, r.message.c_str());
        const auto epochs = jsonLines(dir("quick").string() + "/metrics.jsonl");
        double lastValLoss = 0;
        for (const auto &j : epochs)
            if (j["type"] == "epoch")
                lastValLoss = j["val_loss"].get<double>();
        const auto corpus = loadEmbeddedText();
        std::vector<int64_t> train(corpus.train.begin(), corpus.train.begin() + 20000);
        const double unigram = unigramPerplexity(train, corpus.valid, corpus.vocabularySize());
        qInfo("validation perplexity %.1f, unigram %.1f", std::exp(lastValLoss), unigram);
        QVERIFY(std::exp(lastValLoss) < unigram);
        // Exact zeros: paths removed by the prox, and the genotype keeps fewer than all.
        const auto snap = jsonLines(dir("quick").string() + "/snapshots.jsonl").back();
        int zeros = 0, total = 0;
        for (const auto &row : snap["cells"][0]["weights"])
            for (size_t o = 1; o < row.size(); ++o, ++total)
                zeros += row[o].get<double>() == 0.0 ? 1 : 0;
        qInfo("%d of %d architecture weights exactly zero", zeros, total);
        QVERIFY(zeros > 0);
        const auto g = json::parse(readFile(dir("quick").string() + "/genotype.json"));
        QCOMPARE(g["cells"][0]["type"].get<std::string>(), std::string("recurrent"));
        QCOMPARE(g["cells"][0]["inputs"].get<int>(), 1);
        QVERIFY(int(g["cells"][0]["edges"].size()) < total);
    }

    void evaluationCellMatchesHandComputedCell()
    {
        for (const bool scaled : {false, true}) {
            RnnEvalNetworkConfig nc;
            nc.vocabulary = 5;
            nc.hidden = 3;
            nc.scaleByWeights = scaled;
            torch::manual_seed(21);
            RnnEvalNetwork net(mixedRecurrentCell(), nc);
            net->to(torch::kDouble);
            torch::Tensor w0, w1, w2;
            {
                torch::NoGradGuard g;
                for (auto &p : net->named_parameters()) {
                    p.value().uniform_(-1.0, 1.0);
                    if (p.key() == "w0")
                        w0 = p.value();
                    if (p.key() == "w1")
                        w1 = p.value();
                    if (p.key() == "w2")
                        w2 = p.value();
                }
            }
            QVERIFY(w0.defined() && w1.defined() && w2.defined());
            torch::manual_seed(22);
            const auto x = torch::randn({4, 3}, torch::kDouble);
            const auto hp = torch::randn({4, 3}, torch::kDouble);
            const auto hm = torch::bernoulli(torch::full({4, 3}, 0.7, torch::kDouble)) / 0.7;
            const auto got = toMatrix(net->cell(x, hp, torch::Tensor(), hm).detach());
            const auto want = referenceEvalCell(toMatrix(x), toMatrix(hp), toMatrix(hm),
                                                toMatrix(w0), toMatrix(w1), toMatrix(w2), scaled);
            for (size_t i = 0; i < want.size(); ++i)
                for (size_t j = 0; j < want[i].size(); ++j)
                    QVERIFY2(std::abs(got[i][j] - want[i][j]) < 1e-12,
                             qPrintable(QStringLiteral("scaled %1 [%2][%3]: %4 vs %5")
                                            .arg(scaled)
                                            .arg(i)
                                            .arg(j)
                                            .arg(got[i][j], 0, 'g', 17)
                                            .arg(want[i][j], 0, 'g', 17)));
        }
    }

    void evaluationParametersAsDartsCountsThem()
    {
        // DARTS's rnn/train.py counts sum(p.nelement()): the tied embedding (V H), the decoder's
        // bias (V), W0 (2H x 2H) and one W (H x 2H) per node. DARTS_V2 at the paper's size
        // (H = 850, PTB's 10,000 words): 22,960,000, the "23M" of paper Table 3.
        RnnEvalNetworkConfig nc;
        nc.vocabulary = 10000;
        nc.hidden = 850;
        const Genotype g = loadGenotype("DARTS_RNN_V2");
        QVERIFY(isRecurrentGenotype(g));
        QCOMPARE(RnnEvalNetwork(g.cells.front(), nc)->parameterCount(), int64_t(22960000));
        // Multiply-adds per word: 4 H^2 + 8 x 2 H^2 + H V.
        QCOMPARE(RnnEvalNetwork(g.cells.front(), nc)->multiplyAddsPerWord(),
                 int64_t(4 * 850 * 850 + 16 * 850 * 850 + 850 * 10000));
        // A node reading two states does two highway products; parameters do not change.
        nc.vocabulary = 5;
        nc.hidden = 3;
        RnnEvalNetwork mixed(mixedRecurrentCell(), nc);
        QCOMPARE(mixed->parameterCount(), int64_t(5 * 3 + 5 + 36 + 2 * 18));
        QCOMPARE(mixed->multiplyAddsPerWord(), int64_t(36 + 3 * 18 + 15));
        // The closed forms the CLI and sweeps use agree with the network.
        for (const CellGenotype &c : {g.cells.front(), mixedRecurrentCell()}) {
            RnnEvalNetworkConfig n;
            n.vocabulary = 37;
            n.hidden = 6;
            const RnnEvalNetwork net(c, n);
            QCOMPARE(recurrentParameterCount(c, 6, 37), net->parameterCount());
            QCOMPARE(recurrentMultiplyAdds(c, 6, 37), net->multiplyAddsPerWord());
        }
    }

    void recurrentGenotypeTexts()
    {
        const Genotype v2 = loadGenotype("DARTS_RNN_V2");
        const CellGenotype &c = v2.cells.front();
        QCOMPARE(c.inputs, 1);
        QCOMPARE(c.nodes, 8);
        QCOMPARE(c.edges.size(), size_t(8));
        QCOMPARE(c.edges[5].source, 5);
        QCOMPARE(c.edges[5].target, 6);
        QCOMPARE(c.edges[5].op, std::string("sigmoid"));
        QCOMPARE(c.concat, (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8}));
        // What we write reads back the same (DARTS's notation, the concat as a list).
        const auto text = toDartsText(v2);
        QVERIFY(text);
        QCOMPARE(*text, std::string("Genotype(recurrent=[('sigmoid', 0), ('relu', 1), ('relu', 1), "
                                    "('identity', 1), ('tanh', 2), ('sigmoid', 5), ('tanh', 3), "
                                    "('relu', 5)], concat=[1, 2, 3, 4, 5, 6, 7, 8])"));
        const Genotype enas = loadGenotype("ENAS_RNN");
        QCOMPARE(enas.cells.front().concat, (std::vector<int>{2, 5, 6, 9, 10, 11}));
        QVERIFY(genotypeProblems(enas).empty());
        // Bad ones are named.
        const auto problem = [](const std::string &t) -> std::string {
            try {
                const auto p = genotypeProblems(genotypeFromDartsText(t, "g"));
                return p.empty() ? std::string() : p.front();
            } catch (const std::exception &e) {
                return e.what();
            }
        };
        QVERIFY(problem("Genotype(recurrent=[('conv', 0)], concat=[1])")
                    .find("unknown operation 'conv' (a recurrent cell has tanh") !=
                std::string::npos);
        QVERIFY(problem("Genotype(recurrent=[('relu', 0)], concat=[1], normal=[])").find("g:1:") ==
                0);
        QVERIFY(problem("Genotype(recurrent=[('relu', 1)], concat=[1])")
                    .find("node 1 takes input 1, which is not an earlier node") !=
                std::string::npos);
        QVERIFY(problem("Genotype(recurrent=[('relu', 0)], concat=[2])")
                    .find("concat: node 2 is not an intermediate node of this cell (1 .. 1)") !=
                std::string::npos);
    }

    void ntAsgdSwitchesAsDarts()
    {
        // DARTS: len(best_val_loss) > nonmono and val_loss > min(best_val_loss[:-nonmono]).
        const std::vector<double> h = {5.0, 4.0, 3.0, 3.1, 3.2, 3.3};
        QVERIFY(!ntAsgdSwitches(h, 4.5, 5)); // min(h[:1]) = 5
        QVERIFY(ntAsgdSwitches(h, 5.5, 5));  // worse than 5
        QVERIFY(ntAsgdSwitches(h, 3.05, 3)); // min(h[:3]) = 3
        QVERIFY(!ntAsgdSwitches(h, 2.9, 3)); // improves on it
        QVERIFY(!ntAsgdSwitches(h, 9.0, 6)); // needs more than 6 epochs of history
        QVERIFY(!ntAsgdSwitches(h, 9.0, 0)); // off
    }

    void quickEvaluationLearnsResumesAndCompares()
    {
        const RunConfig c = quickEvalConfig(3);
        SearchEngine full(c, dir("eval-full").string());
        const RunResult r = full.run();
        QVERIFY2(r.state == RunState::Finished, r.message.c_str());
        const auto result = RunDirectory(dir("eval-full").string()).readEvaluation();
        QVERIFY(result);
        QCOMPARE(result->space, std::string("rnn"));
        QCOMPARE(result->epochsDone, int64_t(3));
        const auto corpus = loadEmbeddedText();
        const int64_t v = corpus.vocabularySize(), h = 32;
        QCOMPARE(result->vocabulary, v);
        QCOMPARE(result->parameters, v * h + v + 4 * h * h + 8 * 2 * h * h);
        QVERIFY(result->bestEpoch >= 1 && result->bestEpoch <= 3);
        // Below the unigram perplexity of the test part under the training part's counts.
        std::vector<int64_t> train(corpus.train.begin(), corpus.train.begin() + 12000);
        const double unigram = unigramPerplexity(train, corpus.test, v);
        qInfo("test perplexity %.1f, unigram %.1f, best epoch %lld%s", testPerplexity(*result),
              unigram, static_cast<long long>(result->bestEpoch),
              result->averaged ? " (averaged)" : "");
        QVERIFY(testPerplexity(*result) < unigram);
        // The epoch lines hold the validation loss; the tested weights are the best epoch's.
        double best = 1e9;
        for (const auto &j : jsonLines(dir("eval-full").string() + "/metrics.jsonl"))
            if (j["type"] == "epoch")
                best = std::min(best, j["val_loss"].get<double>());
        QCOMPARE(result->validLoss, best);

        // Stopped inside epoch 2, resumed: the same records and the same test loss, exactly.
        struct StopAt : SearchObserver
        {
            CommandQueue *queue = nullptr;
            int64_t at = 0;
            void onSnapshot(const Snapshot &s) override
            {
                if (s.step == at)
                    queue->stop();
            }
        } stop;
        SearchEngine part(c, dir("eval-part").string());
        stop.queue = &part.commands();
        const auto firstEpoch = jsonLines(dir("eval-full").string() + "/metrics.jsonl");
        int64_t perEpoch = 0;
        for (const auto &j : firstEpoch)
            if (j["type"] == "epoch") {
                perEpoch = j["step"].get<int64_t>();
                break;
            }
        QVERIFY(perEpoch > 2);
        stop.at = perEpoch + perEpoch / 2;
        part.setObserver(&stop);
        QVERIFY(part.run().state == RunState::Stopped);
        QVERIFY(SearchEngine::resume(dir("eval-part").string())->run().state == RunState::Finished);
        const auto ma = comparableMetrics(dir("eval-full").string());
        const auto mb = comparableMetrics(dir("eval-part").string());
        QCOMPARE(mb.size(), ma.size());
        for (size_t i = 0; i < ma.size(); ++i)
            QCOMPARE(QString::fromStdString(mb[i].dump()), QString::fromStdString(ma[i].dump()));
        const auto resumed = RunDirectory(dir("eval-part").string()).readEvaluation();
        QCOMPARE(resumed->testLoss, result->testLoss);

        // Two runs of one genotype form one row of the language-model table.
        const auto rows = compareEvaluations(
            findEvaluations({dir("eval-full").string(), dir("eval-part").string()}));
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].space, std::string("rnn"));
        QCOMPARE(rows[0].hidden, h);
        QCOMPARE(rows[0].testPplMean, std::exp(result->testLoss));
        QCOMPARE(rows[0].testPplStd, 0.0);
        QCOMPARE(rows[0].nodes, std::string("8"));
        const std::string table = comparisonText(rows);
        QVERIFY2(table.find("test ppl") != std::string::npos, table.c_str());
        QVERIFY2(table.find("h32") != std::string::npos, table.c_str());
    }

    void ntAsgdAveragesAfterTheSwitchAndResumesExactly()
    {
        // Without dropout on 3,000 tokens the validation loss turns up within a few epochs (seed
        // 1: epoch 4 is worse than epoch 2), and asgd_nonmono 1 switches to averaging there.
        RunConfig c = quickEvalConfig(8);
        c.dataset.limit = 3000;
        c.search.batchSize = 8;
        auto &lm = c.languageModel;
        lm.dropout = lm.dropoutHidden = lm.dropoutX = lm.dropoutInput = lm.dropoutWords = 0;
        SearchEngine full(c, dir("asgd-full").string());
        QVERIFY(full.run().state == RunState::Finished);
        const std::string log = readFile(dir("asgd-full").string() + "/log.txt");
        const auto at = log.find("NT-ASGD: validation perplexity");
        QVERIFY2(at != std::string::npos, log.c_str());
        const auto result = RunDirectory(dir("asgd-full").string()).readEvaluation();
        // The epochs' validation losses: which the switch saw, and which one is tested.
        std::vector<double> val;
        for (const auto &j : jsonLines(dir("asgd-full").string() + "/metrics.jsonl"))
            if (j["type"] == "epoch")
                val.push_back(j["val_loss"].get<double>());
        QCOMPARE(val.size(), size_t(8));
        size_t switched = 0;
        for (size_t e = 2; e < val.size() && !switched; ++e)
            if (val[e] > *std::min_element(val.begin(), val.begin() + long(e) - 1))
                switched = e + 1; // 1-based epoch whose validation caused it
        QVERIFY(switched > 0);
        const auto best = size_t(std::min_element(val.begin(), val.end()) - val.begin()) + 1;
        QCOMPARE(result->bestEpoch, int64_t(best));
        QCOMPARE(result->averaged, best > switched);
        qInfo("switched after epoch %zu, best epoch %zu, test perplexity %.1f", switched, best,
              testPerplexity(*result));

        // Stopped after the switch, inside an epoch, and resumed: the same run.
        struct StopAt : SearchObserver
        {
            CommandQueue *queue = nullptr;
            int64_t at = 0;
            void onSnapshot(const Snapshot &s) override
            {
                if (s.step == at)
                    queue->stop();
            }
        } stop;
        SearchEngine part(c, dir("asgd-part").string());
        stop.queue = &part.commands();
        stop.at = int64_t(switched + 1) * (3000 / 8 - 1) / 10 + 3;
        part.setObserver(&stop);
        QVERIFY(part.run().state == RunState::Stopped);
        QVERIFY(SearchEngine::resume(dir("asgd-part").string())->run().state == RunState::Finished);
        const auto ma = comparableMetrics(dir("asgd-full").string());
        const auto mb = comparableMetrics(dir("asgd-part").string());
        QCOMPARE(mb.size(), ma.size());
        for (size_t i = 0; i < ma.size(); ++i)
            QCOMPARE(QString::fromStdString(mb[i].dump()), QString::fromStdString(ma[i].dump()));
        QCOMPARE(RunDirectory(dir("asgd-part").string()).readEvaluation()->testLoss,
                 result->testLoss);
    }

    void mismatchedGenotypeKindsAreRefused()
    {
        RunConfig c = quickEvalConfig(1);
        c.evaluation.genotype = "DARTS_V2";
        const RunResult r = SearchEngine(c, dir("wrong-kind").string()).run();
        QCOMPARE(int(r.state), int(RunState::Failed));
        QVERIFY2(r.message.find("is a CNN genotype") != std::string::npos, r.message.c_str());
        QVERIFY(!fs::exists(dir("wrong-kind") / "evaluation.json"));
    }

    void resumeInsideAnEpochIsExact()
    {
        auto cfg = quickConfig(2);
        cfg.dataset.limit = 8000;
        SearchEngine full(cfg, dir("full").string());
        QVERIFY(full.run().state == RunState::Finished);

        struct StopAt : SearchObserver
        {
            CommandQueue *queue = nullptr;
            void onSnapshot(const Snapshot &s) override
            {
                if (s.step == 30)
                    queue->stop();
            }
        } stop;
        SearchEngine part(cfg, dir("part").string());
        stop.queue = &part.commands();
        part.setObserver(&stop);
        QVERIFY(part.run().state == RunState::Stopped);
        auto resumed = SearchEngine::resume(dir("part").string());
        QVERIFY(resumed->run().state == RunState::Finished);
        const auto ma = comparableMetrics(dir("full").string());
        const auto mb = comparableMetrics(dir("part").string());
        QCOMPARE(mb.size(), ma.size());
        for (size_t i = 0; i < ma.size(); ++i)
            QCOMPARE(QString::fromStdString(mb[i].dump()), QString::fromStdString(ma[i].dump()));
        QVERIFY(readFile(dir("part").string() + "/genotype.json") ==
                readFile(dir("full").string() + "/genotype.json"));
    }
};

QTEST_GUILESS_MAIN(TestRnn)
#include "tst_rnn.moc"
