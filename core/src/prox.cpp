// SPDX-License-Identifier: MIT
#include "sparsenas/prox.h"

#include <stdexcept>

namespace sparsenas {

double effectiveAlpha(PenaltyKind kind, double alpha)
{
    switch (kind) {
    case PenaltyKind::Lasso:
        return 1.0;
    case PenaltyKind::GroupLasso:
        return 0.0;
    case PenaltyKind::SparseGroupLasso:
        break;
    }
    return alpha;
}

GroupStructure GroupStructure::fromIndex(const torch::Tensor &groupIndex, int64_t numGroups)
{
    GroupStructure g;
    g.groupIndex = groupIndex.to(torch::kLong).flatten();
    g.numGroups = numGroups;
    if (g.groupIndex.numel() > 0 &&
        (g.groupIndex.min().item<int64_t>() < 0 || g.groupIndex.max().item<int64_t>() >= numGroups))
        throw std::invalid_argument("group index out of range");
    auto sizes =
        torch::zeros({numGroups}, torch::kDouble)
            .index_add_(0, g.groupIndex.cpu(), torch::ones({g.groupIndex.numel()}, torch::kDouble));
    g.groupWeight = sizes.sqrt().to(groupIndex.device());
    return g;
}

GroupStructure GroupStructure::to(const torch::Device &device, torch::Dtype dtype) const
{
    GroupStructure g;
    g.groupIndex = groupIndex.to(device);
    g.groupWeight = groupWeight.to(device, dtype);
    g.numGroups = numGroups;
    return g;
}

torch::Tensor softThreshold(const torch::Tensor &z, const torch::Tensor &threshold)
{
    return z.sign() * (z.abs() - threshold).clamp_min(0);
}

torch::Tensor softThreshold(const torch::Tensor &z, double threshold)
{
    return z.sign() * (z.abs() - threshold).clamp_min(0);
}

torch::Tensor groupNorms(const torch::Tensor &z, const GroupStructure &groups)
{
    auto sq = torch::zeros({groups.numGroups}, z.options())
                  .index_add_(0, groups.groupIndex, z.flatten().square());
    return sq.sqrt();
}

torch::Tensor groupShrink(const torch::Tensor &z, const GroupStructure &groups,
                          const torch::Tensor &groupThreshold)
{
    const auto norms = groupNorms(z, groups);
    // A zero group has norm 0: its factor is irrelevant (it multiplies zeros); keep it finite.
    const auto safe = torch::where(norms > 0, norms, torch::ones_like(norms));
    const auto factor = (1 - groupThreshold / safe).clamp_min(0);
    return (z.flatten() * factor.index_select(0, groups.groupIndex)).view(z.sizes());
}

torch::Tensor sglProx(const torch::Tensor &z, const GroupStructure &groups, double lambda,
                      double alpha, const torch::Tensor &eta, const torch::Tensor &groupEta)
{
    const auto afterL1 = alpha > 0 ? softThreshold(z, eta * (lambda * alpha)) : z;
    if (alpha >= 1)
        return afterL1;
    const auto thr = groupEta * groups.groupWeight * (lambda * (1 - alpha));
    return groupShrink(afterL1, groups, thr);
}

torch::Tensor sglProx(const torch::Tensor &z, const GroupStructure &groups, double lambda,
                      double alpha, double eta)
{
    const auto e = torch::full({}, eta, z.options());
    return sglProx(z, groups, lambda, alpha, e, e.expand({groups.numGroups}));
}

double sglPenalty(const torch::Tensor &a, const GroupStructure &groups, double lambda, double alpha)
{
    torch::NoGradGuard guard;
    const double l1 = a.abs().sum().item<double>();
    const double gl = (groupNorms(a.to(torch::kDouble), groups.to(a.device(), torch::kDouble)) *
                       groups.groupWeight.to(a.device(), torch::kDouble))
                          .sum()
                          .item<double>();
    return lambda * alpha * l1 + lambda * (1 - alpha) * gl;
}

torch::Tensor sglSubgradient(const torch::Tensor &a, const GroupStructure &groups, double lambda,
                             double alpha)
{
    const auto flat = a.flatten();
    const auto norms = groupNorms(flat, groups);
    const auto safe = torch::where(norms > 0, norms, torch::ones_like(norms));
    const auto scale = groups.groupWeight / safe * (norms > 0).to(a.scalar_type());
    const auto groupPart = flat * scale.index_select(0, groups.groupIndex);
    return (lambda * alpha * flat.sign() + lambda * (1 - alpha) * groupPart).view(a.sizes());
}

torch::Tensor groupMedian(const torch::Tensor &values, const GroupStructure &groups)
{
    const auto flat = values.flatten();
    // Sort by value, then stably by group: each group's values end up contiguous and ascending.
    const auto byValue = std::get<1>(torch::sort(flat, /*stable=*/true, 0, false));
    const auto groupOfSorted = groups.groupIndex.index_select(0, byValue);
    const auto byGroup = std::get<1>(torch::sort(groupOfSorted, /*stable=*/true, 0, false));
    const auto sorted = flat.index_select(0, byValue.index_select(0, byGroup));
    const auto counts = torch::zeros({groups.numGroups}, torch::kLong)
                            .to(flat.device())
                            .index_add_(0, groups.groupIndex, torch::ones_like(groups.groupIndex));
    const auto starts = counts.cumsum(0) - counts;
    const auto lo = starts + torch::div((counts - 1).clamp_min(0), 2, "floor");
    const auto hi = starts + torch::div(counts, 2, "floor");
    const auto n = sorted.numel();
    const auto loV = sorted.index_select(0, lo.clamp_max(n - 1));
    const auto hiV = sorted.index_select(0, hi.clamp_max(n - 1));
    return torch::where(counts > 0, 0.5 * (loV + hiV), torch::zeros_like(loV));
}

} // namespace sparsenas
