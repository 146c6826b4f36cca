// SPDX-License-Identifier: MIT
#pragma once

// The sparse supernet: the DARTS CNN search space where every edge is the plain linear
// combination of paper Eq. 1, x_j = sum_{i<j} sum_o A_ij^o o(x_i), with no softmax.

#include "sparsenas/ops.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace sparsenas {

struct SupernetConfig
{
    int64_t inChannels = 3;
    int64_t numClasses = 10;
    int64_t channels = 16; ///< C, the initial channel count
    int64_t layers = 8;    ///< cells; reductions at layers/3 and 2*layers/3
    int nodes = 4;         ///< intermediate nodes N per cell
    int64_t stemMultiplier = 3;
    std::vector<std::string> ops; ///< candidate operations (DARTS names)
    double archInit = 0.125;      ///< initial A_ij^o
    double archInitNoise = 1e-3;  ///< std of the Gaussian added to the initial A
    /// Compute only what the sparse iterate needs: ops with A == 0 without their backward, ops
    /// on exactly-zero nodes not at all. The same numbers to the last bit (up to the sign of
    /// zeros); false runs every op, as a reference (docs/method.md).
    bool exploitSparsity = true;
};

/// Sums terms alpha * op(x) made one by one (the evaluation network, where drop-path acts on
/// each term); terms in phase layout are summed apart and converted once. The search cell sums
/// its nodes with mixTerms instead.
class ScaledSum
{
public:
    void add(ScaledOutput term);
    bool empty() const { return !m_sum.defined() && !m_phased.defined(); }
    torch::Tensor result();

private:
    static void accumulate(torch::Tensor &sum, bool &owned, const torch::Tensor &term);
    torch::Tensor m_sum, m_phased;
    bool m_sumOwned = false, m_phasedOwned = false; ///< a buffer of ours, safe to add into
};

/// One edge i -> j: the candidate operations and their linear combination.
struct MixedEdgeImpl : torch::nn::Module
{
    MixedEdgeImpl(const std::vector<std::string> &ops, int64_t channels, int64_t stride);
    /// sum_o weights[o] * o(x) as one autograd operation (mixTerms); "none" contributes exactly
    /// zero and is not evaluated.
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &weights);
    /// Appends this edge's terms o(x), the weight of op o at weightOffset + o, to `terms`,
    /// sharing what `in` caches with other edges.
    void appendTerms(OpInput &in, int64_t weightOffset, std::vector<MixedTerm> &terms);

    std::vector<torch::nn::AnyModule> ops; ///< empty AnyModule for "none"
    std::vector<ScaledOp *> scaled;        ///< ops[o]'s fast path, nullptr for "none"
};
TORCH_MODULE(MixedEdge);

struct SearchCellImpl : torch::nn::Module
{
    SearchCellImpl(int nodes, int64_t cPrevPrev, int64_t cPrev, int64_t c, bool reduction,
                   bool reductionPrev, const std::vector<std::string> &ops);
    /// `arch` is the [numEdges, numOps] weight matrix of this cell type. `nonzero` (row-major,
    /// same shape, 1 where arch != 0) turns on the sparse evaluation (SupernetConfig::
    /// exploitSparsity); nullptr evaluates every op. `frozen` (same shape, 1 for a frozen op:
    /// search.freeze_zero_epochs) leaves those ops out entirely; nullptr freezes none.
    torch::Tensor forward(const torch::Tensor &s0, const torch::Tensor &s1,
                          const torch::Tensor &arch, const uint8_t *nonzero = nullptr,
                          const uint8_t *frozen = nullptr);

    int nodes;
    bool reduction;
    torch::nn::AnyModule preprocess0, preprocess1;
    std::vector<MixedEdge> edges;

private:
    /// The consumers of state `state` (OpInput::use): the ops of its outgoing edges.
    int64_t consumersOf(int state) const;
    /// Op o of the edge from state i to intermediate node j, as a consumer of state i.
    int64_t consumerOf(int i, int j, int64_t o) const;
};
TORCH_MODULE(SearchCell);

class SupernetImpl : public torch::nn::Module
{
public:
    explicit SupernetImpl(const SupernetConfig &config);

    torch::Tensor forward(const torch::Tensor &x);

    const SupernetConfig &config() const { return m_config; }
    /// Network weights w (everything except the architecture weights).
    std::vector<torch::Tensor> weightParameters() const;
    /// Architecture weights A: {normal, reduce}, each [numEdges(N), ops.size()].
    std::vector<torch::Tensor> archParameters() const { return {m_archNormal, m_archReduce}; }
    static std::vector<std::string> cellTypes() { return {"normal", "reduce"}; }

    /// Per element of each arch parameter (flattened), the id of its SGL group: all incoming
    /// weights of one intermediate node of one cell type form a group (paper Eq. 3). The
    /// "none" column is -1: no group, pinned at zero by the optimizers.
    std::vector<torch::Tensor> archGroupIndex() const;
    int64_t numArchGroups() const;

    /// Freezes the ops marked in `masks` (per cell type, [numEdges, numOps], nonzero = frozen)
    /// in every cell of that type: they are never computed again (search.freeze_zero_epochs;
    /// the optimizers pin their A and the weight step leaves their weights alone). Undefined
    /// or all-zero masks freeze nothing.
    void setFrozen(const std::vector<torch::Tensor> &masks);
    /// The network weights of the frozen ops, in every cell.
    std::vector<torch::Tensor> frozenWeights() const;

private:
    SupernetConfig m_config;
    torch::nn::Sequential m_stem{nullptr};
    std::vector<SearchCell> m_cells;
    torch::nn::Linear m_classifier{nullptr};
    torch::Tensor m_archNormal, m_archReduce;
    torch::Tensor m_frozen[2]; ///< per cell type: CPU bytes, 1 = frozen; undefined if none
};
TORCH_MODULE(Supernet);

} // namespace sparsenas
