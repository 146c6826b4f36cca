// SPDX-License-Identifier: MIT
// HAPG / AdamHAPG (paper Eq. 6-10) and the subgradient baselines: hand-traced steps, support
// recovery on a planted sparse-group regression, the optimality (KKT) conditions of the SGL
// problem at the result, and state save/load.

#include "sparsenas/optimizers.h"

#include <QtTest>

#include <cmath>
#include <sstream>

using namespace sparsenas;

namespace {

/// y = X beta* + noise with 6 groups of 5 features: groups 0 and 1 entirely zero, two zeros
/// inside each of groups 2, 3 and 5, group 4 fully alive. (Live groups keep a majority of
/// non-zero elements: AdamHAPG's group step is the median of the group's Adam steps, and the
/// steps of zero elements with tiny gradients are huge, so a group that is mostly zeros is
/// pruned whole by AdamHAPG, a known trait of the paper's median heuristic; see docs/method.md.)
struct Planted
{
    torch::Tensor x, y, beta;
    static constexpr int64_t groups = 6, size = 5, n = 200;

    Planted()
    {
        torch::manual_seed(42);
        beta = torch::tensor({0.,  0.,   0.,  0.,  0.,  //
                              0.,  0.,   0.,  0.,  0.,  //
                              1.5, 0.,   -2., 0.,  1.,  //
                              0.8, -1.2, 0.,  0.5, 0.,  //
                              2.,  2.,   -1., 1.,  1.5, //
                              0.9, -0.7, 0.,  1.1, 0.},
                             torch::kDouble)
                   .view({groups, size});
        x = torch::randn({n, groups * size}, torch::kDouble);
        y = x.matmul(beta.flatten()) + 0.1 * torch::randn({n}, torch::kDouble);
    }
    torch::Tensor groupIndex() const { return torch::arange(groups).repeat_interleave(size); }
    /// Gradient of 0.5 / n ||y - X b||^2.
    torch::Tensor grad(const torch::Tensor &b) const
    {
        return (x.t().matmul(x.matmul(b.flatten()) - y) / double(n)).view(b.sizes());
    }
};

template <typename Opt>
torch::Tensor solve(const Planted &p, Opt &opt, torch::Tensor &param, int steps)
{
    for (int t = 0; t < steps; ++t) {
        param.mutable_grad() = p.grad(param.detach());
        opt.step();
    }
    return opt.sparseIterate(0);
}

/// Checks the optimality conditions of min 0.5/n ||y - Xb||^2 + Omega_SGL(b) at b.
void checkKkt(const Planted &p, const torch::Tensor &b, double lambda, double alpha, double tol)
{
    const auto g = p.grad(b);
    const double w = std::sqrt(double(Planted::size));
    for (int64_t gi = 0; gi < Planted::groups; ++gi) {
        const auto bg = b[gi], gg = g[gi];
        const double norm = bg.norm().item<double>();
        if (norm == 0) {
            // 0 in grad + lambda alpha d||.||_1 + lambda (1 - alpha) w d||.||_2 at 0.
            const double r = softThreshold(gg, lambda * alpha).norm().item<double>();
            QVERIFY2(r <= lambda * (1 - alpha) * w + tol,
                     qPrintable(QStringLiteral("zero group %1 violates KKT: %2").arg(gi).arg(r)));
            continue;
        }
        for (int64_t i = 0; i < Planted::size; ++i) {
            const double bi = bg[i].item<double>(), gi2 = gg[i].item<double>();
            if (bi != 0) {
                const double res =
                    gi2 + lambda * alpha * (bi > 0 ? 1 : -1) + lambda * (1 - alpha) * w * bi / norm;
                QVERIFY2(
                    std::abs(res) < tol,
                    qPrintable(QStringLiteral("b[%1][%2]: residual %3").arg(gi).arg(i).arg(res)));
            } else {
                QVERIFY2(std::abs(gi2) <= lambda * alpha + tol,
                         qPrintable(QStringLiteral("zero b[%1][%2]: |grad| %3")
                                        .arg(gi)
                                        .arg(i)
                                        .arg(std::abs(gi2))));
            }
        }
    }
}

} // namespace

class tst_Optimizers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void apgMomentumValues()
    {
        // u_t = (t - 2) / (t + 1), clamped at 0 for t = 1.
        QCOMPARE(apgMomentum(1), 0.0);
        QCOMPARE(apgMomentum(2), 0.0);
        QCOMPARE(apgMomentum(3), 0.25);
        QCOMPARE(apgMomentum(5), 0.5);
        QCOMPARE(apgMomentum(8), 6.0 / 9.0);
    }

    void hapgHandTrace()
    {
        // One weight in one group, loss 0.5 (A - 2)^2, lambda 0.1, alpha 0.5, eta 0.5, A_0 = 0.
        // Prox: soft-threshold by 0.025, then group shrink by 0.025 (|A| - 0.05 for A > 0.05).
        // t=1: z 1,        x 0.95,      v 0.95,      u 0    -> A 0.95
        // t=2: z 1.475,    x 1.425,     v 0.475,     u 0    -> A 1.425
        // t=3: z 1.7125,   x 1.6625,    v 0.2375,    u 1/4  -> A 1.721875
        // t=4: z 1.8609375,x 1.8109375, v 0.1484375, u 2/5  -> A 1.8703125
        auto a = torch::zeros({1}, torch::kDouble).requires_grad_(true);
        Hapg opt({a}, {torch::zeros({1}, torch::kLong)}, 1, HapgOptions(0.5));
        opt.setPenalty(PenaltyKind::SparseGroupLasso, 0.1, 0.5);
        const double expectedA[] = {0.95, 1.425, 1.721875, 1.8703125};
        const double expectedX[] = {0.95, 1.425, 1.6625, 1.8109375};
        for (int t = 0; t < 4; ++t) {
            a.mutable_grad() = a.detach() - 2;
            opt.step();
            QVERIFY(std::abs(a.item<double>() - expectedA[t]) < 1e-12);
            QVERIFY(std::abs(opt.sparseIterate(0).item<double>() - expectedX[t]) < 1e-12);
        }
    }

    void adamHapgFirstStepHandCase()
    {
        // One group of three, A = 1, grads (1, 2, 4), lr 0.1, lambda 1, alpha 0.5, no momentum.
        // First Adam step: mhat = g, vhat = g^2, eta_i = 0.1 / |g_i| = (0.1, 0.05, 0.025),
        // z = A - 0.1 = 0.9. L1 prox by 0.5 eta_i: (0.85, 0.875, 0.8875). Group prox with the
        // median step 0.05: threshold 0.05 sqrt(3) 0.5 = 0.0433013 against the norm 1.5085693:
        // (0.8256020, 0.8498844, 0.8620256).
        auto a = torch::ones({3}, torch::kDouble).requires_grad_(true);
        AdamHapg opt({a}, {torch::zeros({3}, torch::kLong)}, 1,
                     AdamHapgOptions(0.1).accelerated(false));
        opt.setPenalty(PenaltyKind::SparseGroupLasso, 1.0, 0.5);
        a.mutable_grad() = torch::tensor({1.0, 2.0, 4.0}, torch::kDouble);
        opt.step();
        const auto expected = torch::tensor(
            {0.8256019972593948, 0.8498844080507589, 0.8620256135375001}, torch::kDouble);
        QVERIFY(torch::allclose(opt.sparseIterate(0), expected, 0, 1e-7));
        QVERIFY(torch::allclose(a.detach(), expected, 0, 1e-7));
    }

    void hapgRecoversPlantedSupport_data()
    {
        QTest::addColumn<QString>("optimizer");
        QTest::addRow("hapg") << QStringLiteral("hapg");
        QTest::addRow("hapg without momentum (ISTA)") << QStringLiteral("ista");
        QTest::addRow("adam_hapg") << QStringLiteral("adam_hapg");
    }

    void hapgRecoversPlantedSupport()
    {
        QFETCH(QString, optimizer);
        const Planted p;
        // Strong enough that noise correlations (|X^T e| / n, about 0.01-0.03 here) cannot
        // open a true zero, weak enough that the smallest true coefficient (0.5) survives.
        const double lambda = 0.25, alpha = 0.7;
        auto b =
            torch::zeros({Planted::groups, Planted::size}, torch::kDouble).requires_grad_(true);
        const std::vector<torch::Tensor> idx{p.groupIndex()};
        torch::Tensor result;
        if (optimizer == QStringLiteral("adam_hapg")) {
            AdamHapg opt({b}, idx, Planted::groups, AdamHapgOptions(0.01).betas({0.5, 0.999}));
            opt.setPenalty(PenaltyKind::SparseGroupLasso, lambda, alpha);
            solve(p, opt, b, 3000);
            // Adam's fixed step keeps it circling the minimum; a smaller rate settles it, as
            // the annealed schedules of a real search do.
            opt.param_groups()[0].options().set_lr(0.001);
            result = solve(p, opt, b, 2000);
        } else {
            // eta = 0.3 < 1 / L, L = largest eigenvalue of X^T X / n (about 1.9 here).
            Hapg opt({b}, idx, Planted::groups,
                     HapgOptions(0.3).accelerated(optimizer == QStringLiteral("hapg")));
            opt.setPenalty(PenaltyKind::SparseGroupLasso, lambda, alpha);
            result = solve(p, opt, b, 3000);
        }
        // The support is exactly that of beta*: zeros are exact zeros, the rest survive.
        QVERIFY2(torch::equal(result.eq(0), p.beta.eq(0)),
                 qPrintable(QString::fromStdString((std::ostringstream() << result).str())));
        // Groups 0 and 1 are zero as whole groups.
        QCOMPARE(result[0].abs().sum().item<double>(), 0.0);
        QCOMPARE(result[1].abs().sum().item<double>(), 0.0);
        // HAPG and ISTA converge to the SGL minimiser: its KKT conditions hold. AdamHAPG's
        // fixed point is not exactly that minimiser (the group prox uses the group's median
        // step, not each weight's own), so only its support is checked.
        if (optimizer != QStringLiteral("adam_hapg"))
            checkKkt(p, result, lambda, alpha, 1e-8);
    }

    void subgradientBaselinesGiveNoExactZeros()
    {
        const Planted p;
        const double lambda = 0.2, alpha = 0.6;
        const std::vector<torch::Tensor> idx{p.groupIndex()};
        auto b1 =
            torch::zeros({Planted::groups, Planted::size}, torch::kDouble).requires_grad_(true);
        SubgradientSgd sgd({b1}, idx, Planted::groups, SubgradientSgdOptions(0.05).momentum(0.9));
        sgd.setPenalty(PenaltyKind::SparseGroupLasso, lambda, alpha);
        const auto r1 = solve(p, sgd, b1, 3000);
        auto b2 =
            torch::zeros({Planted::groups, Planted::size}, torch::kDouble).requires_grad_(true);
        SubgradientAdam adam({b2}, idx, Planted::groups, SubgradientAdamOptions(0.01));
        adam.setPenalty(PenaltyKind::SparseGroupLasso, lambda, alpha);
        const auto r2 = solve(p, adam, b2, 3000);
        for (const auto &r : {r1, r2}) {
            // Not a single exact zero, although the true zeros end up small...
            QCOMPARE(r.eq(0).sum().item<int64_t>(), int64_t(0));
            QVERIFY(r.masked_select(p.beta.eq(0)).abs().max().item<double>() < 0.2);
            // ...and the large coefficients are found.
            QVERIFY((r - p.beta).abs().max().item<double>() < 0.45);
        }
    }

    void lassoAndGroupLassoPenalties()
    {
        // Lasso (alpha forced to 1) never zeroes a group as a unit but gives element zeros;
        // Group Lasso (alpha forced to 0) zeroes whole groups and leaves live groups dense.
        const Planted p;
        const std::vector<torch::Tensor> idx{p.groupIndex()};
        auto b =
            torch::zeros({Planted::groups, Planted::size}, torch::kDouble).requires_grad_(true);
        Hapg gl({b}, idx, Planted::groups, HapgOptions(0.3));
        gl.setPenalty(PenaltyKind::GroupLasso, 0.1, 0.5);
        QCOMPARE(gl.alphaInForce(), 0.0);
        const auto r = solve(p, gl, b, 3000);
        QCOMPARE(r[0].abs().sum().item<double>(), 0.0);
        QCOMPARE(r[1].abs().sum().item<double>(), 0.0);
        for (int64_t g = 2; g < Planted::groups; ++g)
            QCOMPARE(r[g].eq(0).sum().item<int64_t>(), int64_t(0)); // live groups stay dense
        checkKkt(p, r, 0.1, 0.0, 1e-8);
    }

    void stateSurvivesSaveLoad_data()
    {
        QTest::addColumn<QString>("optimizer");
        for (const auto &n : namesOf<ArchOptimizerKind>())
            QTest::newRow(n.c_str()) << QString::fromStdString(n);
    }

    void stateSurvivesSaveLoad()
    {
        QFETCH(QString, optimizer);
        const Planted p;
        const std::vector<torch::Tensor> idx{p.groupIndex()};
        // Built by the factory the engine uses, from a config.
        auto make = [&](torch::Tensor &param) -> std::unique_ptr<SparseGroupOptimizer> {
            ArchConfig cfg;
            cfg.optimizer = *parseName<ArchOptimizerKind>(optimizer.toStdString());
            cfg.lr = cfg.optimizer == ArchOptimizerKind::Hapg  ? 0.3
                     : cfg.optimizer == ArchOptimizerKind::Sgd ? 0.05
                                                               : 0.01;
            return makeArchOptimizer(cfg, {param}, idx, 6);
        };
        auto a = torch::zeros({6, 5}, torch::kDouble).requires_grad_(true);
        auto optA = make(a);
        optA->setPenalty(PenaltyKind::SparseGroupLasso, 0.1, 0.5);
        for (int t = 0; t < 30; ++t) {
            a.mutable_grad() = p.grad(a.detach());
            optA->step();
        }
        std::ostringstream bytes;
        {
            torch::serialize::OutputArchive archive;
            optA->save(archive);
            archive.save_to(bytes);
        }
        auto b = a.detach().clone().requires_grad_(true);
        auto optB = make(b);
        {
            std::istringstream in(bytes.str());
            torch::serialize::InputArchive archive;
            archive.load_from(in);
            optB->load(archive);
        }
        // The penalty is not the optimizer's state: its owner (the schedule) hands it over.
        QCOMPARE(optB->lambda(), 0.0);
        optB->setPenalty(PenaltyKind::SparseGroupLasso, 0.1, 0.5);
        for (int t = 0; t < 30; ++t) {
            a.mutable_grad() = p.grad(a.detach());
            optA->step();
            b.mutable_grad() = p.grad(b.detach());
            optB->step();
        }
        QVERIFY(torch::equal(a, b));
        QVERIFY(torch::equal(optA->sparseIterate(0), optB->sparseIterate(0)));
    }

    void pinnedElementsStayOutOfTheProx()
    {
        // One group of three weights; the first is pinned (group id -1, as the supernet marks
        // the "none" op) and never gets a gradient. AdamHAPG, first step, not accelerated:
        // Adam's bias-corrected step is z_i = a_i - lr * sign(g_i) with eta_i = lr / (|g_i| +
        // eps). The group prox must use the median of eta over the two real weights only,
        // (eta_1 + eta_2) / 2; with the pinned weight in the group (its eta is lr / eps = 1e7
        // here) the median would be max(eta_1, eta_2) and shrink the group far more.
        const double lr = 0.01, eps = 1e-8, lambda = 0.5, alpha = 0.5;
        auto a = torch::tensor({0.0, 0.8, -0.6}, torch::kDouble).requires_grad_(true);
        AdamHapg opt({a}, {torch::tensor({-1, 0, 0})}, 1,
                     AdamHapgOptions(lr).eps(eps).accelerated(false));
        opt.setPenalty(PenaltyKind::SparseGroupLasso, lambda, alpha);
        const double g1 = 0.2, g2 = -0.05;
        a.mutable_grad() = torch::tensor({0.0, g1, g2}, torch::kDouble);
        opt.step();
        const double eta1 = lr / (std::abs(g1) + eps), eta2 = lr / (std::abs(g2) + eps);
        // Eq. 6 (Adam): z = a - eta * mhat, mhat = g at step 1.
        const double z1 = 0.8 - eta1 * g1, z2 = -0.6 - eta2 * g2;
        // Eq. 9 with eta_i lambda alpha per weight.
        auto soft = [](double z, double t) {
            return (z > 0 ? 1.0 : -1.0) * std::max(std::abs(z) - t, 0.0);
        };
        const double s1 = soft(z1, eta1 * lambda * alpha), s2 = soft(z2, eta2 * lambda * alpha);
        // Eq. 10 with the group's median step and sqrt(|group|) = sqrt(2).
        const double median = 0.5 * (eta1 + eta2);
        const double norm = std::sqrt(s1 * s1 + s2 * s2);
        const double scale =
            std::max(0.0, 1.0 - median * lambda * (1 - alpha) * std::sqrt(2.0) / norm);
        const auto x = opt.sparseIterate(0);
        QCOMPARE(x[0].item<double>(), 0.0);
        QVERIFY(std::abs(x[1].item<double>() - scale * s1) < 1e-12);
        QVERIFY(std::abs(x[2].item<double>() - scale * s2) < 1e-12);
        QVERIFY(scale > 0.0);
        // The pinned element does not count in the penalty's group size either:
        // Omega = lambda alpha |x|_1 + lambda (1 - alpha) sqrt(2) |x|_2.
        const double x1 = scale * s1, x2 = scale * s2;
        const double omega = lambda * alpha * (std::abs(x1) + std::abs(x2)) +
                             lambda * (1 - alpha) * std::sqrt(2.0) * std::hypot(x1, x2);
        QVERIFY(std::abs(opt.penaltyValue() - omega) < 1e-12);
    }

    void frozenElementsKeepTheirGroupButNotTheMedian()
    {
        // search.freeze_zero_epochs: one group of three weights, the first frozen. Unlike a
        // pinned "none" weight it keeps its place in the group (the group weight stays
        // sqrt(3)), but its step size must not count in the group's median step: with no
        // gradient its Adam moments stay zero and eta_0 = lr / eps, which as a third value
        // would make the median max(eta_1, eta_2). First step, not accelerated, as in
        // pinnedElementsStayOutOfTheProx.
        const double lr = 0.01, eps = 1e-8, lambda = 0.5, alpha = 0.5;
        auto a = torch::tensor({0.0, 0.8, -0.6}, torch::kDouble).requires_grad_(true);
        AdamHapg opt({a}, {torch::tensor({0, 0, 0})}, 1,
                     AdamHapgOptions(lr).eps(eps).accelerated(false));
        opt.setPenalty(PenaltyKind::SparseGroupLasso, lambda, alpha);
        opt.setFrozen({torch::tensor({1, 0, 0})});
        const double g1 = 0.2, g2 = -0.05;
        a.mutable_grad() = torch::tensor({0.0, g1, g2}, torch::kDouble);
        opt.step();
        const double eta1 = lr / (std::abs(g1) + eps), eta2 = lr / (std::abs(g2) + eps);
        const double z1 = 0.8 - eta1 * g1, z2 = -0.6 - eta2 * g2;
        auto soft = [](double z, double t) {
            return (z > 0 ? 1.0 : -1.0) * std::max(std::abs(z) - t, 0.0);
        };
        const double s1 = soft(z1, eta1 * lambda * alpha), s2 = soft(z2, eta2 * lambda * alpha);
        const double median = 0.5 * (eta1 + eta2);
        const double norm = std::sqrt(s1 * s1 + s2 * s2);
        const double scale =
            std::max(0.0, 1.0 - median * lambda * (1 - alpha) * std::sqrt(3.0) / norm);
        QVERIFY(scale > 0.0);
        auto x = opt.sparseIterate(0);
        QCOMPARE(x[0].item<double>(), 0.0);
        QVERIFY(std::abs(x[1].item<double>() - scale * s1) < 1e-12);
        QVERIFY(std::abs(x[2].item<double>() - scale * s2) < 1e-12);
        // The penalty counts the frozen weight in the group size: sqrt(3).
        const double x1 = scale * s1, x2 = scale * s2;
        const double omega = lambda * alpha * (std::abs(x1) + std::abs(x2)) +
                             lambda * (1 - alpha) * std::sqrt(3.0) * std::hypot(x1, x2);
        QVERIFY(std::abs(opt.penaltyValue() - omega) < 1e-12);
        // A large gradient on the frozen weight moves nothing there; unfreezing lets it move.
        a.mutable_grad() = torch::tensor({50.0, g1, g2}, torch::kDouble);
        opt.step();
        QCOMPARE(opt.sparseIterate(0)[0].item<double>(), 0.0);
        QCOMPARE(a.detach()[0].item<double>(), 0.0);
        opt.setFrozen({});
        opt.step();
        QVERIFY(opt.sparseIterate(0)[0].item<double>() < 0.0);
    }

    void vectorisedOverSeveralParameters()
    {
        // Two parameters sharing one group structure (as the normal and reduce cells do):
        // one step equals the step on their concatenation.
        torch::manual_seed(1);
        auto a1 = torch::randn({4, 3}, torch::kDouble).requires_grad_(true);
        auto a2 = torch::randn({2, 3}, torch::kDouble).requires_grad_(true);
        auto c = torch::cat({a1.detach(), a2.detach()}).requires_grad_(true);
        const auto i1 = torch::tensor({0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1});
        const auto i2 = torch::tensor({2, 2, 2, 3, 3, 3});
        Hapg two({a1, a2}, {i1, i2}, 4, HapgOptions(0.2));
        Hapg one({c}, {torch::cat({i1, i2})}, 4, HapgOptions(0.2));
        for (auto *o : {&two, &one})
            o->setPenalty(PenaltyKind::SparseGroupLasso, 2.0, 0.5);
        const auto g = torch::randn({6, 3}, torch::kDouble);
        a1.mutable_grad() = g.narrow(0, 0, 4).clone();
        a2.mutable_grad() = g.narrow(0, 4, 2).clone();
        c.mutable_grad() = g.clone();
        two.step();
        one.step();
        QVERIFY(torch::equal(torch::cat({a1.detach(), a2.detach()}), c.detach()));
    }
};

QTEST_GUILESS_MAIN(tst_Optimizers)
#include "tst_optimizers.moc"
