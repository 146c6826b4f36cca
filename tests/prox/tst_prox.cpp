// SPDX-License-Identifier: MIT
// The SGL proximal operators (paper Eq. 5, 9, 10) against hand-computed cases and against a
// brute-force minimisation of the prox objective.

#include "sparsenas/prox.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace sparsenas;

namespace {

torch::Tensor vec(std::initializer_list<double> v)
{
    return torch::tensor(std::vector<double>(v), torch::kDouble);
}

GroupStructure groupsOf(std::initializer_list<int64_t> ids, int64_t n)
{
    return GroupStructure::fromIndex(torch::tensor(std::vector<int64_t>(ids), torch::kLong), n)
        .to(torch::kCPU, torch::kDouble);
}

/// 0.5 ||x - z||^2 + eta lambda alpha ||x||_1 + eta lambda (1 - alpha) sum sqrt(|g|) ||x_g||.
double proxObjective(const std::vector<double> &x, const std::vector<double> &z,
                     const std::vector<int> &group, int numGroups, double t1, double t2)
{
    double f = 0;
    std::vector<double> sq(size_t(numGroups), 0.0), size(size_t(numGroups), 0.0);
    for (size_t i = 0; i < x.size(); ++i) {
        f += 0.5 * (x[i] - z[i]) * (x[i] - z[i]) + t1 * std::abs(x[i]);
        sq[size_t(group[i])] += x[i] * x[i];
        size[size_t(group[i])] += 1;
    }
    for (int g = 0; g < numGroups; ++g)
        f += t2 * std::sqrt(size[size_t(g)]) * std::sqrt(sq[size_t(g)]);
    return f;
}

/// Coarse-to-fine grid search of the (convex) prox objective: a grid of `steps` points per
/// coordinate, then repeatedly a finer grid around the best point.
std::vector<double> bruteForceProx(const std::vector<double> &z, const std::vector<int> &group,
                                   int numGroups, double t1, double t2)
{
    const size_t n = z.size();
    std::vector<double> lo(n), hi(n), best(n, 0.0);
    for (size_t i = 0; i < n; ++i) {
        lo[i] = std::min(0.0, z[i]) - 0.25;
        hi[i] = std::max(0.0, z[i]) + 0.25;
    }
    const int steps = n <= 3 ? 61 : 25;
    double bestF = proxObjective(best, z, group, numGroups, t1, t2);
    for (int round = 0; round < 14; ++round) {
        std::vector<int> idx(n, 0);
        std::vector<double> x(n);
        for (;;) {
            for (size_t i = 0; i < n; ++i)
                x[i] = lo[i] + (hi[i] - lo[i]) * idx[i] / (steps - 1);
            const double f = proxObjective(x, z, group, numGroups, t1, t2);
            if (f < bestF) {
                bestF = f;
                best = x;
            }
            size_t k = 0;
            while (k < n && ++idx[k] == steps)
                idx[k++] = 0;
            if (k == n)
                break;
        }
        for (size_t i = 0; i < n; ++i) {
            const double w = (hi[i] - lo[i]) / 6.0;
            lo[i] = best[i] - w;
            hi[i] = best[i] + w;
        }
    }
    return best;
}

} // namespace

class tst_Prox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void softThresholdHandCases()
    {
        // Eq. 9 with threshold 1: 3 -> 2, -0.5 -> 0, 0.2 -> 0, -2 -> -1, exactly 1 -> 0.
        const auto out = softThreshold(vec({3, -0.5, 0.2, -2, 1}), 1.0);
        const auto expected = vec({2, 0, 0, -1, 0});
        QVERIFY(torch::equal(out, expected));
        // Per-element thresholds.
        const auto per = softThreshold(vec({3, 3}), vec({1, 4}));
        QVERIFY(torch::equal(per, vec({2, 0})));
    }

    void groupShrinkHandCases()
    {
        // Group {3, 4} has norm 5: threshold 2.5 halves it. Group {0.3, 0.4} (norm 0.5) with
        // threshold 1 vanishes. An all-zero group stays zero (no division by zero).
        const auto g = groupsOf({0, 0, 1, 1, 2, 2}, 3);
        const auto out = groupShrink(vec({3, 4, 0.3, 0.4, 0, 0}), g, vec({2.5, 1.0, 1.0}));
        QVERIFY(torch::allclose(out, vec({1.5, 2, 0, 0, 0, 0}), 0, 1e-15));
        QVERIFY(torch::isfinite(out).all().item<bool>());
    }

    void sglProxHandCase()
    {
        // z = (3, 4 | 0.5, -0.2), groups of two (weight sqrt 2), lambda = 1, alpha = 0.5,
        // eta = 1. Soft-threshold by 0.5: (2.5, 3.5 | 0, 0). Group shrink of (2.5, 3.5) by
        // sqrt(2) * 0.5: factor 1 - 0.70711 / sqrt(18.5) = 0.835601 -> (2.0890025, 2.9246035).
        const auto g = groupsOf({0, 0, 1, 1}, 2);
        const auto out = sglProx(vec({3, 4, 0.5, -0.2}), g, 1.0, 0.5, 1.0);
        QVERIFY(
            torch::allclose(out, vec({2.0890025317366065, 2.9246035444312497, 0, 0}), 0, 1e-12));
        QCOMPARE(out[2].item<double>(), 0.0);
        QCOMPARE(out[3].item<double>(), 0.0);
    }

    void lassoAndGroupLassoAreSpecialCases()
    {
        const auto g = groupsOf({0, 0, 1, 1}, 2);
        const auto z = vec({3, -0.4, 0.5, 0.2});
        // alpha = 1: pure soft-threshold by eta * lambda.
        QVERIFY(torch::allclose(sglProx(z, g, 0.5, effectiveAlpha(PenaltyKind::Lasso, 0.3), 1.0),
                                vec({2.5, 0, 0, 0}), 0, 1e-15));
        // alpha = 0: pure group shrink by sqrt(2) * lambda; group 2 (norm 0.5385) vanishes,
        // group 1 (norm 3.02655) shrinks by 1 - 0.70711 / 3.02655.
        const double f = 1 - std::sqrt(2.0) * 0.5 / std::sqrt(9 + 0.16);
        QVERIFY(
            torch::allclose(sglProx(z, g, 0.5, effectiveAlpha(PenaltyKind::GroupLasso, 0.3), 1.0),
                            vec({3 * f, -0.4 * f, 0, 0}), 0, 1e-12));
    }

    void matchesBruteForce_data()
    {
        QTest::addColumn<int>("seed");
        QTest::addColumn<double>("lambda");
        QTest::addColumn<double>("alpha");
        QTest::addColumn<bool>("fourDims");
        for (int s = 0; s < 4; ++s) {
            QTest::addRow("3d seed %d sgl", s) << s << 0.6 << 0.5 << false;
            QTest::addRow("3d seed %d lasso-heavy", s) << s << 0.8 << 0.9 << false;
            QTest::addRow("3d seed %d group-heavy", s) << s << 0.7 << 0.1 << false;
        }
        QTest::addRow("4d sgl") << 7 << 0.5 << 0.5 << true;
        QTest::addRow("4d strong") << 8 << 1.5 << 0.4 << true;
    }

    void matchesBruteForce()
    {
        QFETCH(int, seed);
        QFETCH(double, lambda);
        QFETCH(double, alpha);
        QFETCH(bool, fourDims);
        std::mt19937 rng(unsigned(seed) + 11);
        std::normal_distribution<double> normal(0.0, 1.5);
        // 3 dims: groups {0, 1} and {2}; 4 dims: groups {0, 1} and {2, 3}.
        const std::vector<int> group = fourDims ? std::vector<int>{0, 0, 1, 1}
                                                : std::vector<int>{0, 0, 1};
        std::vector<double> z;
        for (size_t i = 0; i < group.size(); ++i)
            z.push_back(normal(rng));
        const double eta = 0.8;
        const auto g = GroupStructure::fromIndex(
                           torch::tensor(std::vector<int64_t>(group.begin(), group.end())), 2)
                           .to(torch::kCPU, torch::kDouble);
        const auto prox = sglProx(torch::tensor(z, torch::kDouble), g, lambda, alpha, eta);
        std::vector<double> x(prox.data_ptr<double>(), prox.data_ptr<double>() + prox.numel());
        const double t1 = eta * lambda * alpha, t2 = eta * lambda * (1 - alpha);
        const auto ref = bruteForceProx(z, group, 2, t1, t2);
        // The closed form must be at least as good as the grid's best point (to 1e-12), and
        // the two minimisers agree to 1e-6 (the grid's final resolution is far below that).
        QVERIFY2(proxObjective(x, z, group, 2, t1, t2) <=
                     proxObjective(ref, z, group, 2, t1, t2) + 1e-12,
                 "the prox output is not the minimiser");
        for (size_t i = 0; i < x.size(); ++i)
            QVERIFY2(std::abs(x[i] - ref[i]) < 1e-6,
                     qPrintable(QStringLiteral("coordinate %1: prox %2, brute force %3")
                                    .arg(i)
                                    .arg(x[i])
                                    .arg(ref[i])));
    }

    void vectorisedEqualsPerGroupLoop()
    {
        // 50 groups of random sizes, float and double: the vectorised prox equals a plain loop.
        std::mt19937 rng(3);
        std::vector<int64_t> ids;
        for (int64_t gi = 0; gi < 50; ++gi) {
            const int size = 1 + int(rng() % 9);
            for (int k = 0; k < size; ++k)
                ids.push_back(gi);
        }
        for (auto dtype : {torch::kFloat, torch::kDouble}) {
            const auto g = GroupStructure::fromIndex(torch::tensor(ids), 50).to(torch::kCPU, dtype);
            torch::manual_seed(5);
            const auto z = torch::randn({int64_t(ids.size())}, dtype);
            const double lambda = 0.7, alpha = 0.3, eta = 0.9;
            const auto out = sglProx(z, g, lambda, alpha, eta);
            auto expected = torch::zeros_like(z);
            for (int64_t gi = 0; gi < 50; ++gi) {
                const auto mask = torch::tensor(ids).eq(gi);
                auto zg = z.masked_select(mask);
                zg = zg.sign() * (zg.abs() - eta * lambda * alpha).clamp_min(0);
                const double norm = zg.norm().item<double>();
                const double thr = std::sqrt(double(zg.numel())) * eta * lambda * (1 - alpha);
                const double factor = norm > thr ? 1 - thr / norm : 0.0;
                expected.masked_scatter_(mask, zg * factor);
            }
            const double tol = dtype == torch::kFloat ? 1e-6 : 1e-14;
            QVERIFY(torch::allclose(out, expected, 0, tol));
            // Exact zeros where the loop has them.
            QVERIFY(torch::equal(out.eq(0), expected.eq(0)));
        }
    }

    void penaltyValue()
    {
        // a = (3, 4 | 0, 0), lambda = 2, alpha = 0.25: L1 = 7, group part sqrt(2) * 5.
        // 2 * 0.25 * 7 + 2 * 0.75 * 7.0710678 = 14.1066017.
        const auto g = groupsOf({0, 0, 1, 1}, 2);
        QVERIFY(std::abs(sglPenalty(vec({3, 4, 0, 0}), g, 2.0, 0.25) - 14.106601717798213) < 1e-12);
    }

    void subgradient()
    {
        // At (3, -4 | 0, 0): lambda alpha sign(a) + lambda (1 - alpha) sqrt(2) a / 5; zeros
        // where a = 0 (the minimum-norm choice of the subdifferential there).
        const auto g = groupsOf({0, 0, 1, 1}, 2);
        const auto s = sglSubgradient(vec({3, -4, 0, 0}), g, 1.0, 0.5);
        const double k = 0.5 * std::sqrt(2.0) / 5;
        QVERIFY(torch::allclose(s, vec({0.5 + 3 * k, -0.5 - 4 * k, 0, 0}), 0, 1e-14));
    }

    void groupMedianHandCases()
    {
        // group 0: {5, 1, 3} -> 3; group 1: {4, 2, 8, 6} -> 5; group 2: {7} -> 7.
        const auto g = groupsOf({0, 1, 0, 1, 2, 1, 0, 1}, 3);
        const auto m = groupMedian(vec({5, 4, 1, 2, 7, 8, 3, 6}), g);
        QVERIFY(torch::equal(m, vec({3, 5, 7})));
    }
};

QTEST_GUILESS_MAIN(tst_Prox)
#include "tst_prox.moc"
