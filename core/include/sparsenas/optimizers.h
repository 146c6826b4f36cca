// SPDX-License-Identifier: MIT
#pragma once

// Optimizers for the architecture weights A under the Sparse Group Lasso, written as
// torch::optim::Optimizer subclasses in the shape of torch::optim::Adam:
//   Hapg          paper Eq. 6-10: proximal gradient step + hierarchical prox + APG momentum
//   AdamHapg      Eq. 6 replaced by an Adam step; per-weight Adam step sizes in the L1 prox and the
//                 group's median step size in the group prox
//   SubgradientSgd / SubgradientAdam   the ablation's baselines: plain SGD / Adam on the loss
//                 gradient plus a subgradient of the penalty (no exact zeros)
//
// Which iterate is which. Hapg and AdamHapg keep two points per parameter:
//   sparse iterate  x_t = Prox(z_t)               (exact zeros; state().sparse)
//   look-ahead      A_t = x_t + u_t v_t (Eq. 8)   (the parameter tensor itself)
// The forward pass runs on the parameter, i.e. the look-ahead A_t, because Eq. 6 takes the next
// gradient g_t at A_t (accelerated proximal gradient evaluates the gradient at the extrapolated
// point, as Nesterov's method does). Derivation, snapshots, the penalty value and the sparsity
// statistics read the sparse iterate via sparseIterate(). Once a weight stays zero, v_t -> 0 and
// both iterates are exactly zero there.
//
// All parameters of an optimizer form one flat vector for the prox (cells of both types at once);
// the group structure (group id per element) is given at construction. A group id of -1 pins
// the element at exactly zero: it belongs to no group and no step moves it (the "none" op's
// weight, which multiplies an exact zero; docs/method.md).
//
// The penalty (kind, lambda, alpha) is handed to the optimizer by its owner, the run's
// LambdaSchedule, before each step; it is not part of the optimizer's checkpointed state.

#include "sparsenas/base/config.h"
#include "sparsenas/base/names.h"
#include "sparsenas/prox.h"

#include <torch/torch.h>

#include <string>
#include <tuple>
#include <vector>

namespace sparsenas {

/// Common part: the group structure, the penalty in force, and the sparse iterate.
class SparseGroupOptimizer : public torch::optim::Optimizer
{
public:
    /// `groupIndex[k]` gives, per element of params[k] (flattened), its group id in
    /// [0, numGroups), or -1 to pin it at zero; group ids are shared across all params.
    SparseGroupOptimizer(std::vector<torch::optim::OptimizerParamGroup> groups,
                         std::unique_ptr<torch::optim::OptimizerOptions> defaults,
                         const std::vector<torch::Tensor> &groupIndex, int64_t numGroups);

    /// The penalty in force for the next step() (set by the schedule that owns it).
    void setPenalty(PenaltyKind kind, double lambda, double alpha);
    void setLambda(double lambda) { m_lambda = lambda; }
    void setAlpha(double alpha) { m_alpha = alpha; }
    double lambda() const { return m_lambda; }
    double alpha() const { return m_alpha; }
    PenaltyKind penaltyKind() const { return m_kind; }
    /// alpha as the prox uses it (1 for Lasso, 0 for Group Lasso).
    double alphaInForce() const { return effectiveAlpha(m_kind, m_alpha); }

    /// The point that derivation reads: the prox output for Hapg/AdamHapg (exact zeros), the
    /// parameter itself for the subgradient baselines. Same shape as params()[k].
    virtual torch::Tensor sparseIterate(size_t k) const;
    /// Omega(A) at the sparse iterates, with the lambda and alpha in force.
    double penaltyValue() const;
    /// Pins the elements marked in `masks` (one per parameter, nonzero = frozen; an empty list
    /// unfreezes all) at exactly zero from the next step on, like the "none" column, but
    /// keeping them in their groups: a group's weight still counts them (search.
    /// freeze_zero_epochs). Not part of the optimizer's checkpointed state: its owner sets it.
    void setFrozen(const std::vector<torch::Tensor> &masks);

    /// The group structure over the concatenation of all parameters, on their device.
    const GroupStructure &groups() const { return m_groups; }
    const std::vector<torch::Tensor> &params() const { return param_groups_.at(0).params(); }

    /// Writes the optimizer state (through torch's optimizer serialisation); not the penalty.
    void save(torch::serialize::OutputArchive &archive) const override;
    void load(torch::serialize::InputArchive &archive) override;

protected:
    virtual void saveState(torch::serialize::OutputArchive &archive) const = 0;
    virtual void loadState(torch::serialize::InputArchive &archive) = 0;

    /// Concatenation of per-parameter flat tensors, and the inverse.
    torch::Tensor flatCat(const std::vector<torch::Tensor> &parts) const;
    std::vector<torch::Tensor> split(const torch::Tensor &flat) const;
    /// The loss gradient of params()[k], zeros if none was computed.
    torch::Tensor gradOf(size_t k) const;
    /// `flat` with the pinned elements set to zero.
    torch::Tensor pinZeros(const torch::Tensor &flat) const;
    /// Sets the pinned elements of the parameters to zero (the subgradient baselines).
    void pinParameters();

    GroupStructure m_groups;
    torch::Tensor m_pinned; ///< bool [n], true for pinned elements; undefined if none
    torch::Tensor m_frozen; ///< bool [n], true for frozen elements; undefined if none
    PenaltyKind m_kind = PenaltyKind::SparseGroupLasso;
    double m_lambda = 0.0;
    double m_alpha = 0.5;
};

/// u_t = (t - 2) / (t + 1) of Eq. 7-8 for t >= 2, and 0 for t <= 1: at t = 1 the formula gives
/// -1/2, which multiplies v_0 = 0 in Eq. 7 but would pull A_1 back towards A_0 in Eq. 8.
double apgMomentum(int64_t t);

// ---------------------------------------------------------------- HAPG

struct HapgOptions : public torch::optim::OptimizerCloneableOptions<HapgOptions>
{
    HapgOptions(double lr = 3e-3) : lr_(lr) {}
    TORCH_ARG(double, lr) = 3e-3;
    /// Eq. 7-8's momentum; false gives the plain proximal gradient method (ISTA).
    TORCH_ARG(bool, accelerated) = true;

public:
    void serialize(torch::serialize::InputArchive &archive) override;
    void serialize(torch::serialize::OutputArchive &archive) const override;
    double get_lr() const override { return lr(); }
    void set_lr(const double lr) override { this->lr(lr); }
};

struct HapgParamState : public torch::optim::OptimizerCloneableParamState<HapgParamState>
{
    TORCH_ARG(int64_t, step) = 0;
    TORCH_ARG(torch::Tensor, sparse);   ///< x_t = Prox(z_t)
    TORCH_ARG(torch::Tensor, velocity); ///< v_t

public:
    void serialize(torch::serialize::InputArchive &archive) override;
    void serialize(torch::serialize::OutputArchive &archive) const override;
};

class Hapg : public SparseGroupOptimizer
{
public:
    Hapg(std::vector<torch::Tensor> params, const std::vector<torch::Tensor> &groupIndex,
         int64_t numGroups, HapgOptions options = {});
    torch::Tensor step(LossClosure closure = nullptr) override;
    torch::Tensor sparseIterate(size_t k) const override;

protected:
    void saveState(torch::serialize::OutputArchive &archive) const override;
    void loadState(torch::serialize::InputArchive &archive) override;
};

// ---------------------------------------------------------------- AdamHAPG

struct AdamHapgOptions : public torch::optim::OptimizerCloneableOptions<AdamHapgOptions>
{
    AdamHapgOptions(double lr = 3e-4) : lr_(lr) {}
    TORCH_ARG(double, lr) = 3e-4;
    typedef std::tuple<double, double> betas_t;
    TORCH_ARG(betas_t, betas) = std::make_tuple(0.5, 0.999);
    TORCH_ARG(double, eps) = 1e-8;
    TORCH_ARG(bool, accelerated) = true;

public:
    void serialize(torch::serialize::InputArchive &archive) override;
    void serialize(torch::serialize::OutputArchive &archive) const override;
    double get_lr() const override { return lr(); }
    void set_lr(const double lr) override { this->lr(lr); }
};

struct AdamHapgParamState : public torch::optim::OptimizerCloneableParamState<AdamHapgParamState>
{
    TORCH_ARG(int64_t, step) = 0;
    TORCH_ARG(torch::Tensor, exp_avg);
    TORCH_ARG(torch::Tensor, exp_avg_sq);
    TORCH_ARG(torch::Tensor, sparse);
    TORCH_ARG(torch::Tensor, velocity);

public:
    void serialize(torch::serialize::InputArchive &archive) override;
    void serialize(torch::serialize::OutputArchive &archive) const override;
};

class AdamHapg : public SparseGroupOptimizer
{
public:
    AdamHapg(std::vector<torch::Tensor> params, const std::vector<torch::Tensor> &groupIndex,
             int64_t numGroups, AdamHapgOptions options = {});
    torch::Tensor step(LossClosure closure = nullptr) override;
    torch::Tensor sparseIterate(size_t k) const override;

protected:
    void saveState(torch::serialize::OutputArchive &archive) const override;
    void loadState(torch::serialize::InputArchive &archive) override;
};

// ---------------------------------------------------------------- baselines

struct SubgradientSgdOptions : public torch::optim::OptimizerCloneableOptions<SubgradientSgdOptions>
{
    SubgradientSgdOptions(double lr = 3e-3) : lr_(lr) {}
    TORCH_ARG(double, lr) = 3e-3;
    TORCH_ARG(double, momentum) = 0.9;

public:
    void serialize(torch::serialize::InputArchive &archive) override;
    void serialize(torch::serialize::OutputArchive &archive) const override;
    double get_lr() const override { return lr(); }
    void set_lr(const double lr) override { this->lr(lr); }
};

struct SubgradientSgdParamState
    : public torch::optim::OptimizerCloneableParamState<SubgradientSgdParamState>
{
    TORCH_ARG(torch::Tensor, momentum_buffer);

public:
    void serialize(torch::serialize::InputArchive &archive) override;
    void serialize(torch::serialize::OutputArchive &archive) const override;
};

class SubgradientSgd : public SparseGroupOptimizer
{
public:
    SubgradientSgd(std::vector<torch::Tensor> params, const std::vector<torch::Tensor> &groupIndex,
                   int64_t numGroups, SubgradientSgdOptions options = {});
    torch::Tensor step(LossClosure closure = nullptr) override;

protected:
    void saveState(torch::serialize::OutputArchive &archive) const override;
    void loadState(torch::serialize::InputArchive &archive) override;
};

struct SubgradientAdamOptions
    : public torch::optim::OptimizerCloneableOptions<SubgradientAdamOptions>
{
    SubgradientAdamOptions(double lr = 3e-4) : lr_(lr) {}
    TORCH_ARG(double, lr) = 3e-4;
    typedef std::tuple<double, double> betas_t;
    TORCH_ARG(betas_t, betas) = std::make_tuple(0.5, 0.999);
    TORCH_ARG(double, eps) = 1e-8;

public:
    void serialize(torch::serialize::InputArchive &archive) override;
    void serialize(torch::serialize::OutputArchive &archive) const override;
    double get_lr() const override { return lr(); }
    void set_lr(const double lr) override { this->lr(lr); }
};

struct SubgradientAdamParamState
    : public torch::optim::OptimizerCloneableParamState<SubgradientAdamParamState>
{
    TORCH_ARG(int64_t, step) = 0;
    TORCH_ARG(torch::Tensor, exp_avg);
    TORCH_ARG(torch::Tensor, exp_avg_sq);

public:
    void serialize(torch::serialize::InputArchive &archive) override;
    void serialize(torch::serialize::OutputArchive &archive) const override;
};

class SubgradientAdam : public SparseGroupOptimizer
{
public:
    SubgradientAdam(std::vector<torch::Tensor> params, const std::vector<torch::Tensor> &groupIndex,
                    int64_t numGroups, SubgradientAdamOptions options = {});
    torch::Tensor step(LossClosure closure = nullptr) override;

protected:
    void saveState(torch::serialize::OutputArchive &archive) const override;
    void loadState(torch::serialize::InputArchive &archive) override;
};

/// The architecture optimizer named by the config (arch.optimizer, lr, betas, eps, momentum,
/// accelerated), over `params` with the given SGL groups.
std::unique_ptr<SparseGroupOptimizer>
makeArchOptimizer(const ArchConfig &arch, std::vector<torch::Tensor> params,
                  const std::vector<torch::Tensor> &groupIndex, int64_t numGroups);

} // namespace sparsenas
