// SPDX-License-Identifier: MIT
// The optimizer ablation's network (paper Fig. 3): its SGL groups and its counts against
// hand-made weight matrices, and on the real digits data that the proximal optimizers give
// exact zeros where SGD and Adam give none.

#include "sparsenas/ablation.h"
#include "sparsenas/prox.h"

#include <QtTest>

#include <cmath>

using namespace sparsenas;

class tst_Ablation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsAreOutgoingWeights();
    void countsOnHandMadeMatrices();
    void proximalOptimizersGiveExactZeros();
};

void tst_Ablation::groupsAreOutgoingWeights()
{
    // W1: 3 units out of 2 inputs; W2: 2 out of the 3. Groups: input 0 and 1 (columns of W1),
    // hidden units 0, 1, 2 (columns of W2): 5 groups, of sizes 3, 3, 2, 2, 2.
    const std::vector<torch::Tensor> w = {torch::zeros({3, 2}), torch::zeros({2, 3})};
    int64_t numGroups = 0;
    const auto index = mlpGroupIndex(w, &numGroups);
    QCOMPARE(numGroups, int64_t(5));
    QVERIFY(torch::equal(index[0], torch::tensor({{0, 1}, {0, 1}, {0, 1}}, torch::kLong)));
    QVERIFY(torch::equal(index[1], torch::tensor({{2, 3, 4}, {2, 3, 4}}, torch::kLong)));
    // As the optimizers see them (flattened, concatenated): weights sqrt(group size).
    const auto g =
        GroupStructure::fromIndex(torch::cat({index[0].flatten(), index[1].flatten()}), numGroups);
    const auto expected = torch::tensor(
        {std::sqrt(3.0), std::sqrt(3.0), std::sqrt(2.0), std::sqrt(2.0), std::sqrt(2.0)},
        g.groupWeight.scalar_type());
    QVERIFY(torch::allclose(g.groupWeight, expected, 0, 1e-6));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mlpGroupIndex({torch::zeros({3})}, &numGroups));
}

void tst_Ablation::countsOnHandMadeMatrices()
{
    // Input 0 has no weight out (column 0 of W1 is zero): 1 of 2 features selected. Hidden
    // unit 2 has no weight out (column 2 of W2): 2 of 3 neurons remain. Zeros: 4 in W1 and 3 in
    // W2, of 12.
    const auto w1 = torch::tensor({{0.0, 1.0}, {0.0, -2.0}, {0.0, 0.0}});
    const auto w2 = torch::tensor({{1.0, 0.0, 0.0}, {2.0, 3.0, 0.0}});
    const MlpSparsity s = mlpSparsity({w1, w2});
    QCOMPARE(s.features, int64_t(1));
    QCOMPARE(s.neurons, int64_t(2));
    QCOMPARE(s.zeros, int64_t(7));
    QCOMPARE(s.total, int64_t(12));
    // A weight of 1e-30 is not zero.
    const MlpSparsity tiny = mlpSparsity({torch::full({2, 2}, 1e-30), torch::zeros({1, 2})});
    QCOMPARE(tiny.features, int64_t(2));
    QCOMPARE(tiny.neurons, int64_t(0));
    QCOMPARE(tiny.zeros, int64_t(2));
}

void tst_Ablation::proximalOptimizersGiveExactZeros()
{
    torch::set_num_threads(1);
    const Dataset part = digitsPart(loadEmbeddedDigits(), true);
    const Split split = makeSplit(part.size(), 0, 0.5);
    const auto train = flatDigits(part, split.train);
    const auto val = flatDigits(part, split.val);
    QCOMPARE(train.first.sizes(), (std::vector<int64_t>{749, 64}));
    // Normalised with the part's statistics: the mean over all pixels of the part is 0.
    AblationOptions options;
    options.epochs = 30;
    // At lambda = 10^-2.5 (the ablation's loss is a mean over the batch), 30 epochs.
    const auto run = [&](ArchOptimizerKind o) {
        AblationSetting s;
        s.optimizer = o;
        s.lambda = std::pow(10.0, -2.5);
        s.seed = 0;
        return runAblation(s, options, train, val);
    };
    const AblationResult sgd = run(ArchOptimizerKind::Sgd);
    const AblationResult adam = run(ArchOptimizerKind::Adam);
    const AblationResult hapg = run(ArchOptimizerKind::Hapg);
    const AblationResult adamHapg = run(ArchOptimizerKind::AdamHapg);
    qInfo("val / zeros / features / neurons: sgd %.3f %.3f %lld %lld, adam %.3f %.3f, hapg %.3f "
          "%.3f %lld %lld, adam_hapg %.3f %.3f %lld %lld",
          sgd.valAcc, sgd.elementSparsity, (long long)sgd.features, (long long)sgd.neurons,
          adam.valAcc, adam.elementSparsity, hapg.valAcc, hapg.elementSparsity,
          (long long)hapg.features, (long long)hapg.neurons, adamHapg.valAcc,
          adamHapg.elementSparsity, (long long)adamHapg.features, (long long)adamHapg.neurons);
    // Chance is 0.1: every method learns.
    for (const auto *r : {&sgd, &adam, &hapg, &adamHapg})
        QVERIFY2(r->valAcc > 0.8, qPrintable(QString::number(r->valAcc)));
    // Subgradient steps give no exact zero; proximal steps give some in 30 epochs (measured:
    // HAPG 7.6 %, AdamHAPG 47 % with 48 features and 45 neurons left), and whole groups go.
    QCOMPARE(sgd.elementSparsity, 0.0);
    QCOMPARE(adam.elementSparsity, 0.0);
    QVERIFY(hapg.elementSparsity > 0.03);
    QVERIFY(adamHapg.elementSparsity > 0.2);
    QVERIFY(adamHapg.features < 64 && adamHapg.neurons < 60);
    QCOMPARE(sgd.neurons, int64_t(60));
    // The same setting again: the same numbers (one thread).
    const AblationResult again = run(ArchOptimizerKind::AdamHapg);
    QCOMPARE(again.valAcc, adamHapg.valAcc);
    QCOMPARE(again.elementSparsity, adamHapg.elementSparsity);
}

QTEST_GUILESS_MAIN(tst_Ablation)
#include "tst_ablation.moc"
