// SPDX-License-Identifier: MIT
#pragma once

// Derivation of the mixed-path genotype from architecture weights, and its text forms.
// Torch-free and Qt-free: the studio's widgets use these plain structs directly.

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sparsenas {

/// Node numbering follows DARTS. A CNN cell has two inputs: 0 = c_{k-2}, 1 = c_{k-1}, 2 .. N+1
/// the intermediate nodes. The recurrent cell has one: 0 = its first state (from x_t and
/// h_{t-1}), 1 .. N the intermediate nodes. Edges are ordered by target node, then source: for
/// j = 0..N-1, i = 0..j+inputs-1 -> edge into node j+inputs.
int numEdges(int nodes, int inputs = 2);
/// Index of the first edge entering intermediate node `target` (inputs .. N+inputs-1).
int firstEdgeOf(int target, int inputs = 2);
struct EdgeEnds
{
    int source;
    int target;
};
EdgeEnds edgeEnds(int edge, int inputs = 2);
/// A node as every view names it: "c_{k-2}", "c_{k-1}", then the intermediate nodes "0" .. "N-1"
/// (the files keep DARTS's numbers 0 .. N+1; this is what people read). The recurrent cell's
/// nodes are named by DARTS's numbers, "0" .. "N".
std::string cellNodeName(int node, int inputs = 2);
/// "c_{k-2} -> 0" for the edge from `source` to `target` (DARTS numbers).
std::string cellEdgeName(int source, int target, int inputs = 2);

/// The architecture weights of one cell type: weights[e * ops.size() + o] = A_{ij}^o.
struct CellWeights
{
    std::string type;             ///< "normal", "reduce" or "recurrent"
    int nodes = 4;                ///< intermediate nodes N
    int inputs = 2;               ///< 2 for a CNN cell, 1 for the recurrent cell
    std::vector<std::string> ops; ///< operation names, column order
    std::vector<float> weights;   ///< numEdges(nodes, inputs) x ops.size(), row-major

    float at(int edge, int op) const { return weights[size_t(edge) * ops.size() + size_t(op)]; }
};

struct GenotypeEdge
{
    int source = 0;
    int target = 0;
    std::string op;
    float weight = 0.0f;
};

/// A derived cell: what survives after removing zero weights, dead nodes and nodes that reach
/// nothing. `concat` lists the intermediate nodes that form the cell output.
struct CellGenotype
{
    std::string type;
    int nodes = 4;               ///< N of the supernet the cell was derived from
    int inputs = 2;              ///< 2 for a CNN cell, 1 for the recurrent cell
    std::vector<int> aliveNodes; ///< intermediate nodes kept (inputs .. N+inputs-1), ascending
    std::vector<int> usedInputs; ///< input nodes (0 .. inputs-1) that feed a kept node
    std::vector<GenotypeEdge> edges;
    std::vector<int> concat;

    bool collapsed() const { return aliveNodes.empty(); }
};

struct Genotype
{
    std::vector<CellGenotype> cells;
    const CellGenotype *cell(const std::string &type) const;
};

/// Paths that survive (non-zero weight, op other than "none"), before node pruning.
int countNonZeroPaths(const CellWeights &w);

/// The derivation of the paper: drop every op whose weight is exactly zero ("none" never counts
/// as a path); drop every intermediate node with no surviving input from a kept node or an input;
/// drop every node whose output reaches nothing (an input with no edge into a kept node; an
/// intermediate node feeds the output through the concat); repeat until nothing changes.
CellGenotype deriveCell(const CellWeights &w);
Genotype deriveGenotype(const std::vector<CellWeights> &cells);

/// The DARTS-style reading of a sparse cell, for comparison with single-path methods: on every
/// edge into an intermediate node only its strongest op by |A| ("none" and zeros never count),
/// and of those edges only the K strongest per node (ties: the lower edge index). Every other
/// weight is set to zero; the signs and values of the kept ones stay. Derive from the result as
/// usual. k must be at least 1.
CellWeights keepTopPaths(const CellWeights &w, int k);

nlohmann::json toJson(const CellGenotype &cell);
nlohmann::json toJson(const Genotype &genotype);
/// Parses what toJson wrote; throws std::runtime_error naming the wrong field.
Genotype genotypeFromJson(const nlohmann::json &j);

/// DARTS-style Python text (`Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=[...],
/// reduce=..., reduce_concat=...)`). Fits when both cells exist, neither collapsed, and every
/// surviving node has exactly two paths in; pruned nodes are left out and the survivors
/// renumbered 2, 3, ... (as DARTS's NetworkCIFAR builds one node per pair of genes). Otherwise
/// returns nullopt and says why in *whyNot. The sign of a weight is not carried (docs/method.md).
std::optional<std::string> toDartsText(const Genotype &genotype, std::string *whyNot = nullptr);

/// Look of the DOT drawing; the studio's export dialog edits these fields.
struct DotStyle
{
    std::string fontName = "Helvetica";
    double fontSize = 12.0;
    bool showWeights = true; ///< write A (signed) on the edge label, pen width by |A|
    bool showOpLabels = true;
    bool colorByOp = true;
    bool horizontal = true; ///< rankdir LR
    std::string inputFill = "#a6cee3";
    std::string nodeFill = "#fdfdb0";
    std::string outputFill = "#b2df8a";
    std::string edgeColor = "#333333";
    int weightDecimals = 2;
    /// With the supernet's weights passed to cellToDot: also draw the nodes that derivation
    /// removed, and their non-zero edges, faded (grey, dashed), so a viewer sees what died.
    bool showDead = false;
    /// An edge to emphasise (the studio's selection): source, target node and op; -1: none.
    int highlightSource = -1;
    int highlightTarget = -1;
    std::string highlightOp;
    std::string highlightColor = "#e31a1c";
};

/// Colour of an operation in the diagrams (a fixed qualitative palette).
std::string opColor(const std::string &op);

/// One cell as a DOT digraph: c_{k-2}, c_{k-1}, kept nodes, c_{k}; edges labelled by op.
/// `supernet` (optional): the weights the cell was derived from, used when style.showDead.
std::string cellToDot(const CellGenotype &cell, const DotStyle &style = {},
                      const CellWeights *supernet = nullptr);
/// All cells of a genotype in one DOT graph, one cluster per cell type.
std::string genotypeToDot(const Genotype &genotype, const DotStyle &style = {});

} // namespace sparsenas
