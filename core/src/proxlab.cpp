// SPDX-License-Identifier: MIT
#include "sparsenas/proxlab.h"

#include "sparsenas/optimizers.h"
#include "sparsenas/prox.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace sparsenas::lab {

namespace {

constexpr double kPi = 3.14159265358979323846;

torch::Tensor tensorOf(const std::vector<double> &v)
{
    return torch::tensor(v, torch::kDouble);
}

std::vector<double> vectorOf(const torch::Tensor &t)
{
    const auto c = t.detach().to(torch::kDouble).contiguous().cpu();
    return std::vector<double>(c.data_ptr<double>(), c.data_ptr<double>() + c.numel());
}

GroupStructure groupsOf(const std::vector<int> &group, int numGroups)
{
    if (numGroups <= 0)
        throw std::invalid_argument("a grouped vector needs at least one group");
    std::vector<int64_t> ids(group.begin(), group.end());
    return GroupStructure::fromIndex(torch::tensor(ids, torch::kLong), numGroups)
        .to(torch::kCPU, torch::kDouble);
}

GroupStructure groupsOf(const GroupedVector &z)
{
    if (z.group.size() != z.values.size())
        throw std::invalid_argument("one group id per element");
    return groupsOf(z.group, z.numGroups);
}

} // namespace

std::vector<double> softThresholdStep(const GroupedVector &z, const ProxParams &p)
{
    return vectorOf(sparsenas::softThreshold(tensorOf(z.values), l1Threshold(p)));
}

std::vector<double> groupShrinkStep(const GroupedVector &z, const ProxParams &p)
{
    const auto g = groupsOf(z);
    const auto thr = g.groupWeight * (p.eta * p.lambda * (1 - p.alpha));
    return vectorOf(sparsenas::groupShrink(tensorOf(z.values), g, thr));
}

std::vector<double> sglProxStep(const GroupedVector &z, const ProxParams &p)
{
    return vectorOf(sparsenas::sglProx(tensorOf(z.values), groupsOf(z), p.lambda, p.alpha, p.eta));
}

std::vector<double> groupNorms(const GroupedVector &z)
{
    return vectorOf(sparsenas::groupNorms(tensorOf(z.values), groupsOf(z)));
}

double l1Threshold(const ProxParams &p)
{
    return p.eta * p.lambda * p.alpha;
}

std::vector<double> groupThresholds(const GroupedVector &z, const ProxParams &p)
{
    return vectorOf(groupsOf(z).groupWeight * (p.eta * p.lambda * (1 - p.alpha)));
}

double sglPenalty(const GroupedVector &z, double lambda, double alpha)
{
    return sparsenas::sglPenalty(tensorOf(z.values), groupsOf(z), lambda, alpha);
}

// ------------------------------------------------------------------ the 2-D picture

std::vector<std::array<double, 2>> unitBall(double alpha, int points)
{
    points = std::max(points, 4);
    const auto g = groupsOf({0, 0}, 1);
    std::vector<std::array<double, 2>> out(static_cast<size_t>(points));
    for (int k = 0; k < points; ++k) {
        const double t = 2 * kPi * k / points;
        const double c = std::cos(t), s = std::sin(t);
        // Omega is positively homogeneous: the direction divided by its Omega has Omega = 1.
        const double omega = sparsenas::sglPenalty(tensorOf({c, s}), g, 1.0, alpha);
        out[size_t(k)] = {c / omega, s / omega};
    }
    return out;
}

std::array<double, 2> proxPoint(double x, double y, const ProxParams &p)
{
    const auto r = sglProxStep(GroupedVector{{x, y}, {0, 0}, 1}, p);
    return {r[0], r[1]};
}

std::vector<std::uint8_t> zeroRegions(double x0, double x1, double y0, double y1, int nx, int ny,
                                      const ProxParams &p)
{
    if (nx <= 0 || ny <= 0)
        return {};
    // Grid point (i, j) is group j * nx + i, its two coordinates two elements of z.
    const auto xs =
        torch::linspace(x0 + (x1 - x0) / (2 * nx), x1 - (x1 - x0) / (2 * nx), nx, torch::kDouble);
    const auto ys =
        torch::linspace(y0 + (y1 - y0) / (2 * ny), y1 - (y1 - y0) / (2 * ny), ny, torch::kDouble);
    const auto gx = xs.unsqueeze(0).expand({ny, nx});
    const auto gy = ys.unsqueeze(1).expand({ny, nx});
    const auto z = torch::stack({gx, gy}, 2).reshape({-1});
    const int64_t n = int64_t(nx) * ny;
    const auto index = torch::arange(n, torch::kLong).repeat_interleave(2);
    const auto g = GroupStructure::fromIndex(index, n).to(torch::kCPU, torch::kDouble);
    const auto x = sparsenas::sglProx(z, g, p.lambda, p.alpha, p.eta).view({n, 2});
    const auto zero = x.eq(0).to(torch::kUInt8);
    const auto code = (zero.select(1, 0) + 2 * zero.select(1, 1)).contiguous();
    return std::vector<std::uint8_t>(code.data_ptr<std::uint8_t>(),
                                     code.data_ptr<std::uint8_t>() + n);
}

// ------------------------------------------------------------------ the regression problem

RegressionProblem plantedProblem(std::uint64_t seed, int samples)
{
    RegressionProblem pr;
    pr.samples = std::max(samples, 4);
    pr.features = 12;
    pr.numGroups = 4;
    for (int k = 0; k < pr.features; ++k)
        pr.group.push_back(k / 3);
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    auto normal = [&] {
        // Box-Muller, so that a seed gives the same problem with every standard library.
        const double u = 1.0 - unit(rng), v = unit(rng);
        return std::sqrt(-2 * std::log(u)) * std::cos(2 * kPi * v);
    };
    auto sign = [&] { return unit(rng) < 0.5 ? -1.0 : 1.0; };
    pr.truth.assign(size_t(pr.features), 0.0);
    for (int k = 0; k < 3; ++k) // strong: every coefficient
        pr.truth[size_t(k)] = sign() * (1.0 + unit(rng));
    pr.truth[size_t(3 + int(unit(rng) * 3))] = sign() * (1.0 + unit(rng)); // mixed: one of three
    for (int k = 6; k < 9; ++k) // weak: every coefficient, small
        pr.truth[size_t(k)] = sign() * (0.15 + 0.15 * unit(rng));
    // group 3 (features 9-11) stays zero
    pr.x.resize(size_t(pr.samples * pr.features));
    for (double &v : pr.x)
        v = normal();
    pr.y.resize(size_t(pr.samples));
    for (int i = 0; i < pr.samples; ++i) {
        double s = 0;
        for (int k = 0; k < pr.features; ++k)
            s += pr.x[size_t(i * pr.features + k)] * pr.truth[size_t(k)];
        pr.y[size_t(i)] = s + 0.1 * normal();
    }
    const auto x = tensorOf(pr.x).view({pr.samples, pr.features});
    const auto gram = x.t().mm(x) / pr.samples;
    pr.lipschitz = torch::linalg_eigvalsh(gram, "L").max().item<double>();
    return pr;
}

namespace {

struct Data
{
    torch::Tensor x, y;
    GroupStructure groups;
    int n = 1;
};

Data dataOf(const RegressionProblem &pr)
{
    if (pr.x.size() != size_t(pr.samples) * size_t(pr.features) ||
        pr.y.size() != size_t(pr.samples) || pr.group.size() != size_t(pr.features))
        throw std::invalid_argument("inconsistent regression problem");
    return {tensorOf(pr.x).view({pr.samples, pr.features}), tensorOf(pr.y),
            groupsOf(pr.group, pr.numGroups), pr.samples};
}

/// The loss gradient X^T (X w - y) / n.
torch::Tensor gradient(const Data &d, const torch::Tensor &w)
{
    return d.x.t().mv(d.x.mv(w) - d.y) / d.n;
}

double loss(const Data &d, const torch::Tensor &w)
{
    return 0.5 * (d.x.mv(w) - d.y).square().sum().item<double>() / d.n;
}

std::unique_ptr<SparseGroupOptimizer> makeOptimizer(const RegressionProblem &pr, Method m,
                                                    const torch::Tensor &w, double adamLr)
{
    ArchConfig a;
    a.penalty = PenaltyKind::SparseGroupLasso;
    a.beta1 = 0.9;
    a.beta2 = 0.999;
    a.lr = 1.0 / pr.lipschitz;
    switch (m) {
    case Method::Hapg:
        a.optimizer = ArchOptimizerKind::Hapg;
        break;
    case Method::Ista:
        a.optimizer = ArchOptimizerKind::Hapg;
        a.accelerated = false;
        break;
    case Method::AdamHapg:
        // Without Eq. 7-8's momentum, as `sparsenas ablation` runs it: with it (u_t -> 1 and no
        // restart) the Adam steps overshoot and this problem diverges within 150-250 steps at
        // every rate from 0.005 to 0.05 (docs/ablation.md saw the same on the MLP).
        a.optimizer = ArchOptimizerKind::AdamHapg;
        a.accelerated = false;
        a.lr = adamLr;
        break;
    case Method::Sgd:
        a.optimizer = ArchOptimizerKind::Sgd;
        // Momentum 0.9 makes the effective step ten times longer: a tenth keeps it stable.
        a.lr = 0.1 / pr.lipschitz;
        break;
    case Method::Adam:
        a.optimizer = ArchOptimizerKind::Adam;
        a.lr = adamLr;
        break;
    }
    std::vector<int64_t> ids(pr.group.begin(), pr.group.end());
    return makeArchOptimizer(a, {w}, {torch::tensor(ids, torch::kLong)}, pr.numGroups);
}

} // namespace

double regressionLoss(const RegressionProblem &problem, const std::vector<double> &w)
{
    return loss(dataOf(problem), tensorOf(w));
}

struct Solver::Impl
{
    Data data;
    Method method;
    torch::Tensor w;
    std::unique_ptr<SparseGroupOptimizer> opt;
    double lambda, alpha;
    int steps = 0;
};

Solver::Solver(const RegressionProblem &problem, Method method, double lambda, double alpha,
               double adamLr)
    : d(std::make_unique<Impl>())
{
    d->data = dataOf(problem);
    d->method = method;
    d->w = torch::zeros({problem.features}, torch::kDouble).requires_grad_(true);
    d->opt = makeOptimizer(problem, method, d->w, adamLr);
    d->opt->setPenalty(PenaltyKind::SparseGroupLasso, lambda, alpha);
    d->lambda = lambda;
    d->alpha = alpha;
}

Solver::~Solver() = default;

void Solver::step(int count)
{
    torch::NoGradGuard noGrad;
    for (int k = 0; k < count; ++k) {
        // The gradient at the parameter: the look-ahead point for HAPG and AdamHAPG (Eq. 6).
        d->w.mutable_grad() = gradient(d->data, d->w.detach());
        d->opt->step();
        ++d->steps;
    }
}

int Solver::steps() const
{
    return d->steps;
}

std::vector<double> Solver::coefficients() const
{
    return vectorOf(d->opt->sparseIterate(0));
}

double Solver::objective() const
{
    torch::NoGradGuard noGrad;
    const auto w = d->opt->sparseIterate(0).detach();
    return loss(d->data, w) + sparsenas::sglPenalty(w, d->data.groups, d->lambda, d->alpha);
}

int Solver::exactZeros() const
{
    return int(d->opt->sparseIterate(0).eq(0).sum().item<int64_t>());
}

Method Solver::method() const
{
    return d->method;
}

double lambdaMax(const RegressionProblem &problem, double alpha)
{
    const auto data = dataOf(problem);
    const double eta = 1.0 / problem.lipschitz;
    // w = 0 is optimal exactly when one proximal gradient step from 0 stays at 0.
    const auto z = -eta * gradient(data, torch::zeros({problem.features}, torch::kDouble));
    auto zeroAt = [&](double lambda) {
        return sparsenas::sglProx(z, data.groups, lambda, alpha, eta).eq(0).all().item<bool>();
    };
    double hi = 1;
    while (!zeroAt(hi))
        hi *= 2;
    double lo = 0;
    while (hi - lo > 1e-10 * hi) {
        const double mid = 0.5 * (lo + hi);
        (zeroAt(mid) ? hi : lo) = mid;
    }
    return hi;
}

RegularizationPath regularizationPath(const RegressionProblem &problem, double alpha, int points,
                                      double minRatio, int maxStepsPerLambda)
{
    RegularizationPath path;
    path.lambdaMax = lambdaMax(problem, alpha);
    points = std::max(points, 2);
    path.entry.assign(size_t(problem.features), -1);
    const auto data = dataOf(problem);
    auto w = torch::zeros({problem.features}, torch::kDouble).requires_grad_(true);
    std::vector<int64_t> ids(problem.group.begin(), problem.group.end());
    torch::NoGradGuard noGrad;
    for (int k = 0; k < points; ++k) {
        const double lambda = path.lambdaMax * std::pow(minRatio, double(k) / (points - 1));
        // ISTA from the previous solution: a fresh optimizer whose first sparse iterate is
        // the prox of a step from the warm start.
        Hapg ista({w}, {torch::tensor(ids, torch::kLong)}, problem.numGroups,
                  HapgOptions(1.0 / problem.lipschitz).accelerated(false));
        ista.setPenalty(PenaltyKind::SparseGroupLasso, lambda, alpha);
        torch::Tensor prev = w.detach().clone();
        for (int s = 0; s < maxStepsPerLambda; ++s) {
            w.mutable_grad() = gradient(data, w.detach());
            ista.step();
            const auto cur = ista.sparseIterate(0);
            const bool done = (cur - prev).abs().max().item<double>() < 1e-12;
            prev = cur.clone();
            if (done)
                break;
        }
        w.detach().copy_(ista.sparseIterate(0));
        path.lambdas.push_back(lambda);
        path.coefficients.push_back(vectorOf(w));
        for (size_t j = 0; j < path.entry.size(); ++j)
            if (path.entry[j] < 0 && path.coefficients.back()[j] != 0.0)
                path.entry[j] = k;
    }
    return path;
}

} // namespace sparsenas::lab
