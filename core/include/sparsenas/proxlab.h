// SPDX-License-Identifier: MIT
#pragma once

// The studio's teaching lab, computed by the search's own code: the proximal operators of
// sparsenas/prox.h (Eq. 5, 9, 10), the SGL penalty (Eq. 3) and the optimizers of
// sparsenas/optimizers.h (HAPG, AdamHAPG, ISTA = HAPG without momentum, and the subgradient
// SGD / Adam baselines). This header is torch-free (plain vectors in and out), so the Qt side
// can include it in headers that moc reads; the implementation runs LibTorch in double
// precision. Groups are given as a group id per element, 0 .. numGroups-1, with the weight
// sqrt(|group|) of Eq. 3.

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace sparsenas::lab {

/// A vector split into groups: group[k] is element k's group.
struct GroupedVector
{
    std::vector<double> values;
    std::vector<int> group;
    int numGroups = 0;
};

/// The prox's parameters: the penalty's lambda and alpha, and the step size eta.
struct ProxParams
{
    double lambda = 0.5;
    double alpha = 0.5;
    double eta = 1.0;
};

/// Eq. 9 with the threshold of Eq. 5's L1 part, eta lambda alpha (softThreshold).
std::vector<double> softThresholdStep(const GroupedVector &z, const ProxParams &p);
/// Eq. 10 alone on z, with the group thresholds eta lambda (1 - alpha) sqrt(|g|) (groupShrink).
std::vector<double> groupShrinkStep(const GroupedVector &z, const ProxParams &p);
/// Eq. 5: the prox of eta Omega_SGL, group shrink after soft-threshold (sglProx).
std::vector<double> sglProxStep(const GroupedVector &z, const ProxParams &p);
/// ||z_(n)||_2 per group (groupNorms).
std::vector<double> groupNorms(const GroupedVector &z);
/// The L1 threshold eta lambda alpha of Eq. 5.
double l1Threshold(const ProxParams &p);
/// Per group, the group threshold eta lambda (1 - alpha) sqrt(|g|) of Eq. 5, with the group
/// weights of the core's GroupStructure.
std::vector<double> groupThresholds(const GroupedVector &z, const ProxParams &p);
/// Omega_SGL(z) of Eq. 3 (sglPenalty).
double sglPenalty(const GroupedVector &z, double lambda, double alpha);

// ------------------------------------------------------------------ the 2-D picture

/// The 2-D picture is one group of two elements, so sqrt(|g|) = sqrt(2): the SGL unit ball is
/// { x : alpha ||x||_1 + (1 - alpha) sqrt(2) ||x||_2 = 1 } (alpha = 1: the Lasso's diamond,
/// alpha = 0: the Group Lasso's circle of radius 1/sqrt(2)). `points` boundary points at equal
/// angles from (r, 0) counter-clockwise, each the direction scaled by 1 / Omega (Omega is
/// positively homogeneous), Omega evaluated by the core's sglPenalty with lambda = 1.
std::vector<std::array<double, 2>> unitBall(double alpha, int points);
/// One prox step (Eq. 5) of the point (x, y) as that one group of two.
std::array<double, 2> proxPoint(double x, double y, const ProxParams &p);
/// Where the prox gives exact zeros, on an nx x ny grid of points over [x0, x1] x [y0, y1]
/// (cell centres, x fastest): bit 0 set where the first coordinate becomes exactly 0, bit 1
/// where the second does (3: the whole group is zero). One sglProx call over all the points.
std::vector<std::uint8_t> zeroRegions(double x0, double x1, double y0, double y1, int nx, int ny,
                                      const ProxParams &p);

// ------------------------------------------------------------------ the regression problem

/// y = X beta + noise with a planted sparse-group beta: 4 groups of 3 coefficients, one
/// strong group (all three nonzero), one mixed (one nonzero), one weak, one zero.
struct RegressionProblem
{
    int samples = 0;
    int features = 0;
    std::vector<double> x; ///< samples x features, row-major
    std::vector<double> y;
    std::vector<double> truth;
    std::vector<int> group;
    int numGroups = 0;
    /// The Lipschitz constant of the loss gradient, the largest eigenvalue of X^T X / n.
    double lipschitz = 1;
};

/// A new planted problem; the same seed gives the same problem.
RegressionProblem plantedProblem(std::uint64_t seed, int samples = 60);

/// The loss 0.5 ||X w - y||^2 / n.
double regressionLoss(const RegressionProblem &problem, const std::vector<double> &w);

enum class Method { Hapg, AdamHapg, Ista, Sgd, Adam };
constexpr std::array<Method, 5> allMethods{Method::Hapg, Method::AdamHapg, Method::Ista,
                                           Method::Sgd, Method::Adam};

/// One optimizer of sparsenas/optimizers.h minimising loss + Omega_SGL from w = 0, one full
/// gradient step at a time: HAPG, ISTA and SGD with the step size 1 / L, SGD with momentum 0.9
/// as in the search's baseline, AdamHAPG and Adam with `adamLr` (betas 0.9 / 0.999).
class Solver
{
public:
    Solver(const RegressionProblem &problem, Method method, double lambda, double alpha,
           double adamLr = 0.05);
    ~Solver();
    Solver(const Solver &) = delete;
    Solver &operator=(const Solver &) = delete;

    void step(int count = 1);
    int steps() const;
    /// The point the method reports: the sparse iterate for HAPG / AdamHAPG / ISTA, the
    /// parameter for SGD and Adam.
    std::vector<double> coefficients() const;
    /// Loss + Omega_SGL at coefficients().
    double objective() const;
    /// How many coefficients are exactly 0.0.
    int exactZeros() const;
    Method method() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

/// The SGL regularization path: the minimiser of loss + Omega_SGL for each lambda, from
/// lambdaMax (every coefficient zero) down to lambdaMax * minRatio on a log grid, each solved
/// by ISTA (the core's Hapg without momentum, step 1 / L) warm-started from the previous one.
struct RegularizationPath
{
    std::vector<double> lambdas;                   ///< decreasing
    std::vector<std::vector<double>> coefficients; ///< [lambda][feature]
    /// Per feature the index of the first lambda at which it is nonzero, -1 if never.
    std::vector<int> entry;
    double lambdaMax = 0;
};
/// The smallest lambda at which w = 0 is the minimiser: the prox of a gradient step from 0
/// (sglProx) is exactly zero; found by bisection to a relative 1e-10.
double lambdaMax(const RegressionProblem &problem, double alpha);
RegularizationPath regularizationPath(const RegressionProblem &problem, double alpha,
                                      int points = 40, double minRatio = 1e-2,
                                      int maxStepsPerLambda = 2000);

} // namespace sparsenas::lab
