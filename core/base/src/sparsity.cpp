// SPDX-License-Identifier: MIT
#include "sparsenas/base/sparsity.h"

namespace sparsenas {

CellSnapshot summarizeCell(CellWeights weights)
{
    CellSnapshot cs;
    cs.weights = std::move(weights);
    const auto &w = cs.weights;
    const auto g = deriveCell(w);
    cs.aliveNodes = g.aliveNodes;
    cs.alivePaths = int(g.edges.size());
    for (int j = 0; j < w.nodes; ++j) {
        bool allZero = true;
        const int target = j + w.inputs;
        for (int e = firstEdgeOf(target, w.inputs); e < firstEdgeOf(target, w.inputs) + target;
             ++e) {
            for (size_t o = 0; o < w.ops.size(); ++o) {
                if (w.ops[o] == "none")
                    continue;
                ++cs.totalWeights;
                if (w.at(e, int(o)) != 0.0f) {
                    ++cs.nonZeroWeights;
                    allZero = false;
                }
            }
        }
        cs.zeroGroups += allZero ? 1 : 0;
    }
    return cs;
}

SparsityTotals sparsityTotals(const std::vector<CellSnapshot> &cells)
{
    SparsityTotals t;
    int zeros = 0, total = 0, zeroGroups = 0, groups = 0;
    for (size_t k = 0; k < cells.size(); ++k) {
        const auto &c = cells[k];
        zeros += c.totalWeights - c.nonZeroWeights;
        total += c.totalWeights;
        zeroGroups += c.zeroGroups;
        groups += c.weights.nodes;
        if (c.totalWeights > 0 && c.nonZeroWeights == 0)
            t.collapsed.push_back(k);
    }
    t.elementSparsity = total ? double(zeros) / total : 0.0;
    t.groupSparsity = groups ? double(zeroGroups) / groups : 0.0;
    return t;
}

} // namespace sparsenas
