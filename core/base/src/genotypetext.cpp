// SPDX-License-Identifier: MIT
// Text forms of a genotype: DARTS's Python notation and Graphviz DOT.
#include "sparsenas/base/genotype.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <locale>
#include <sstream>
#include <utility>

namespace sparsenas {

namespace {

std::string cellTitle(const std::string &type)
{
    if (type == "normal")
        return "normal cell";
    if (type == "reduce")
        return "reduction cell";
    return type + " cell";
}

std::string pythonString(const std::string &s)
{
    std::string out = "'";
    for (char c : s) {
        if (c == '\\' || c == '\'')
            out += '\\';
        out += c;
    }
    return out + "'";
}

std::string pythonList(const std::vector<int> &v)
{
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i)
        out += (i ? ", " : "") + std::to_string(v[i]);
    return out + "]";
}

// The DARTS gene list and concat of one cell, or the reason it has none. DARTS's NetworkCIFAR
// reads two genes per node and builds as many nodes as there are pairs, so a cell whose pruned
// nodes are left out fits when its surviving nodes are renumbered 2, 3, ... in ascending order
// (inputs 0 and 1 keep their number), consistently in the genes and the concat. DARTS's
// recurrent cell (rnn/genotypes.py) reads one (activation, predecessor) gene per node, numbered
// 1, 2, ... after state 0: the same with one gene per node.
std::optional<std::pair<std::string, std::string>> dartsGenes(const CellGenotype &cell,
                                                              std::string *whyNot)
{
    const std::string title = cellTitle(cell.type);
    if (cell.collapsed()) {
        if (whyNot)
            *whyNot = title + ": collapsed, no node survives";
        return std::nullopt;
    }
    const int inputs = cell.inputs;
    const size_t genesPerNode = inputs == 1 ? 1 : 2;
    const auto renumbered = [&](int node) {
        if (node < inputs)
            return node;
        const auto it = std::lower_bound(cell.aliveNodes.begin(), cell.aliveNodes.end(), node);
        return int(it - cell.aliveNodes.begin()) + inputs;
    };
    std::string genes = "[";
    for (int node : cell.aliveNodes) {
        std::vector<const GenotypeEdge *> in;
        for (const GenotypeEdge &e : cell.edges) {
            if (e.target == node)
                in.push_back(&e);
        }
        if (in.size() != genesPerNode) {
            if (whyNot)
                *whyNot = title + ": node " + cellNodeName(node, inputs) + " has " +
                          std::to_string(in.size()) + (in.size() == 1 ? " path" : " paths") +
                          " in, where DARTS's " + (inputs == 1 ? "recurrent " : "") +
                          "format needs exactly " + std::to_string(genesPerNode);
            return std::nullopt;
        }
        std::stable_sort(in.begin(), in.end(), [](const GenotypeEdge *a, const GenotypeEdge *b) {
            return a->source < b->source;
        });
        for (const GenotypeEdge *e : in) {
            genes += (genes.size() > 1 ? ", (" : "(") + pythonString(e->op) + ", " +
                     std::to_string(renumbered(e->source)) + ")";
        }
    }
    std::vector<int> concat;
    for (int node : cell.concat)
        concat.push_back(renumbered(node));
    return std::make_pair(genes + "]", pythonList(concat));
}

} // namespace

std::optional<std::string> toDartsText(const Genotype &genotype, std::string *whyNot)
{
    if (genotype.cells.size() == 1 && genotype.cells.front().inputs == 1) {
        const auto genes = dartsGenes(genotype.cells.front(), whyNot);
        if (!genes)
            return std::nullopt;
        if (whyNot)
            whyNot->clear();
        return "Genotype(recurrent=" + genes->first + ", concat=" + genes->second + ")";
    }
    for (const CellGenotype &c : genotype.cells) {
        if (c.type != "normal" && c.type != "reduce") {
            if (whyNot)
                *whyNot = cellTitle(c.type) + ": DARTS has only normal and reduce cells";
            return std::nullopt;
        }
    }
    std::string text = "Genotype(";
    for (const char *type : {"normal", "reduce"}) {
        const CellGenotype *cell = genotype.cell(type);
        if (!cell) {
            if (whyNot)
                *whyNot = cellTitle(type) + ": missing from the genotype";
            return std::nullopt;
        }
        const auto genes = dartsGenes(*cell, whyNot);
        if (!genes)
            return std::nullopt;
        if (text.size() > 9)
            text += ", ";
        text += std::string(type) + "=" + genes->first + ", " + type + "_concat=" + genes->second;
    }
    if (whyNot)
        whyNot->clear();
    return text + ")";
}

std::string opColor(const std::string &op)
{
    // Pools in blues, separable convolutions in warm tones, dilated ones in purples.
    static const std::pair<const char *, const char *> palette[] = {
        {"none", "#c7c7c7"},
        {"max_pool_3x3", "#1f77b4"},
        {"avg_pool_3x3", "#17becf"},
        {"skip_connect", "#2ca02c"},
        {"sep_conv_3x3", "#d62728"},
        {"sep_conv_5x5", "#ff7f0e"},
        {"dil_conv_3x3", "#9467bd"},
        {"dil_conv_5x5", "#e377c2"},
        // The recurrent space's activations.
        {"tanh", "#d62728"},
        {"relu", "#1f77b4"},
        {"sigmoid", "#2ca02c"},
        {"identity", "#ff7f0e"},
    };
    for (const auto &[name, color] : palette) {
        if (op == name)
            return color;
    }
    return "#7f7f7f";
}

namespace {

bool isPlainId(const std::string &s)
{
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0])))
        return false;
    for (char c : s) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
            return false;
    }
    std::string lower = s;
    for (char &c : lower)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    for (const char *keyword : {"node", "edge", "graph", "digraph", "subgraph", "strict"}) {
        if (lower == keyword)
            return false;
    }
    return true;
}

// A DOT double-quoted string. Backslashes are doubled so that Graphviz's escapes (\n, \N, ...)
// cannot be triggered by the text; newlines become Graphviz's centred line break.
std::string dotQuoted(const std::string &s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n')
            out += "\\n";
        else if (c != '\r')
            out += c;
    }
    return out + "\"";
}

std::string dotId(const std::string &s)
{
    return isPlainId(s) ? s : dotQuoted(s);
}

std::string number(double v)
{
    std::ostringstream os;
    os.imbue(std::locale::classic());
    os << v;
    return os.str();
}

std::string weightText(float w, int decimals)
{
    decimals = std::clamp(decimals, 0, 9);
    std::ostringstream os;
    os.imbue(std::locale::classic());
    os.setf(std::ios::fixed);
    os.precision(decimals);
    os << w;
    std::string s = os.str();
    // A kept weight is never zero; do not let rounding print it as one.
    if (s.find_first_of("123456789") == std::string::npos && w != 0.0f) {
        std::ostringstream sci;
        sci.imbue(std::locale::classic());
        sci.setf(std::ios::scientific);
        sci.precision(std::max(decimals - 1, 1));
        sci << w;
        s = sci.str();
    }
    return s;
}

std::string attrList(const std::vector<std::pair<std::string, std::string>> &attrs)
{
    std::string out = "[";
    for (size_t i = 0; i < attrs.size(); ++i)
        out += (i ? ", " : "") + attrs[i].first + "=" + attrs[i].second;
    return out + "]";
}

// The nodes derivation removed and their non-zero edges, faded: grey and dashed, so a viewer sees
// what died and why (a node whose inputs are all zero, or one that reaches nothing).
template <typename IdFn>
void writeDeadParts(std::ostream &os, const CellGenotype &cell, const CellWeights &w,
                    const DotStyle &style, const IdFn &id, const std::string inputIds[2],
                    const std::string &indent)
{
    const auto alive = [&](int node) {
        return node < w.inputs || std::find(cell.aliveNodes.begin(), cell.aliveNodes.end(), node) !=
                                      cell.aliveNodes.end();
    };
    const std::string faded = "#b0b0b0";
    for (int node = w.inputs; node < w.nodes + w.inputs; ++node) {
        if (alive(node))
            continue;
        os << indent << id("n" + std::to_string(node))
           << " [label=" << dotQuoted(cellNodeName(node, w.inputs))
           << ", style=\"rounded,dashed\", color=" << dotQuoted(faded)
           << ", fontcolor=" << dotQuoted(faded) << ", fillcolor=\"#ffffff\"];\n";
    }
    const int ops = int(w.ops.size());
    for (int e = 0; e < numEdges(w.nodes, w.inputs); ++e) {
        const EdgeEnds ends = edgeEnds(e, w.inputs);
        if (alive(ends.source) && alive(ends.target))
            continue; // a living edge, or one whose weights are all zero: drawn elsewhere or not
        for (int o = 0; o < ops; ++o) {
            if (w.ops[size_t(o)] == "none" || w.at(e, o) == 0.0f)
                continue;
            std::vector<std::pair<std::string, std::string>> attrs;
            std::string label;
            if (style.showOpLabels)
                label = w.ops[size_t(o)];
            if (style.showWeights)
                label += (label.empty() ? "" : "\n") + weightText(w.at(e, o), style.weightDecimals);
            if (!label.empty())
                attrs.push_back({"label", dotQuoted(label)});
            attrs.push_back({"style", dotQuoted("dashed")});
            attrs.push_back({"color", dotQuoted(faded)});
            attrs.push_back({"fontcolor", dotQuoted(faded)});
            attrs.push_back({"penwidth", "1"});
            const std::string source = ends.source < w.inputs
                                           ? inputIds[ends.source]
                                           : id("n" + std::to_string(ends.source));
            os << indent << source << " -> " << id("n" + std::to_string(ends.target)) << ' '
               << attrList(attrs) << ";\n";
        }
    }
}

// The statements of one cell, indented; ids start with `prefix`.
void writeCell(std::ostream &os, const CellGenotype &cell, const DotStyle &style,
               const std::string &prefix, const std::string &indent,
               const CellWeights *supernet = nullptr)
{
    const auto id = [&](const std::string &local) { return dotId(prefix + local); };
    const std::string inputIds[2] = {id("in0"), id("in1")};
    const std::string outId = id("out");
    const char *inputLabels[2] = {"<c<SUB>k-2</SUB>>", "<c<SUB>k-1</SUB>>"};
    const bool recurrent = cell.inputs == 1;

    if (recurrent) {
        // DARTS's recurrent cell: x_t and h_{t-1} make state 0 through a highway layer; h_t is
        // the mean of the kept nodes.
        const bool used = !cell.usedInputs.empty();
        const std::string fill = used ? style.inputFill : std::string("#ffffff");
        os << indent << id("x") << " [label=<x<SUB>t</SUB>>, fillcolor=" << dotQuoted(fill)
           << "];\n";
        os << indent << id("h") << " [label=<h<SUB>t-1</SUB>>, fillcolor=" << dotQuoted(fill)
           << "];\n";
        os << indent << "{rank=same; " << id("x") << "; " << id("h") << ";}\n";
        os << indent << inputIds[0] << " [label=\"0\", fillcolor=" << dotQuoted(fill)
           << (used ? "" : ", style=\"rounded,filled,dashed\"") << "];\n";
        for (const char *from : {"x", "h"})
            os << indent << id(from) << " -> " << inputIds[0]
               << " [color=\"#999999\", penwidth=1];\n";
    } else {
        for (int s = 0; s < 2; ++s) {
            const bool used = std::find(cell.usedInputs.begin(), cell.usedInputs.end(), s) !=
                              cell.usedInputs.end();
            std::vector<std::pair<std::string, std::string>> attrs = {{"label", inputLabels[s]}};
            if (used) {
                attrs.push_back({"fillcolor", dotQuoted(style.inputFill)});
            } else {
                // Drawn, so the figure shows that the input is not used.
                attrs.push_back({"style", dotQuoted("rounded,filled,dashed")});
                attrs.push_back({"fillcolor", dotQuoted("#ffffff")});
                attrs.push_back({"color", dotQuoted("#999999")});
                attrs.push_back({"fontcolor", dotQuoted("#999999")});
            }
            os << indent << inputIds[s] << ' ' << attrList(attrs) << ";\n";
        }
        os << indent << "{rank=same; " << inputIds[0] << "; " << inputIds[1] << ";}\n";
    }

    for (int node : cell.aliveNodes) {
        os << indent << id("n" + std::to_string(node))
           << " [label=" << dotQuoted(cellNodeName(node, cell.inputs))
           << ", fillcolor=" << dotQuoted(style.nodeFill) << "];\n";
    }
    os << indent << outId
       << (recurrent ? " [label=<h<SUB>t</SUB>>, fillcolor="
                     : " [label=<c<SUB>k</SUB>>, fillcolor=")
       << dotQuoted(style.outputFill) << "];\n";
    if (style.showDead && supernet)
        writeDeadParts(os, cell, *supernet, style, id, inputIds, indent);

    if (cell.collapsed()) {
        const std::string noteId = id("note");
        os << indent << noteId << " [label=" << dotQuoted("collapsed: no node survives")
           << ", shape=plaintext, style=\"\", fontcolor=\"#666666\"];\n";
        for (int in = 0; in < cell.inputs; ++in)
            os << indent << inputIds[in] << " -> " << noteId << " [style=invis];\n";
        os << indent << noteId << " -> " << outId << " [style=invis];\n";
        return;
    }

    float maxAbs = 0.0f;
    for (const GenotypeEdge &e : cell.edges)
        maxAbs = std::max(maxAbs, std::fabs(e.weight));

    for (const GenotypeEdge &e : cell.edges) {
        std::vector<std::string> lines;
        if (style.showOpLabels)
            lines.push_back(e.op);
        if (style.showWeights)
            lines.push_back(weightText(e.weight, style.weightDecimals));
        std::string label;
        for (size_t i = 0; i < lines.size(); ++i)
            label += (i ? "\n" : "") + lines[i];

        std::string color = style.colorByOp ? opColor(e.op) : style.edgeColor;
        double pen = 1.5;
        if (style.showWeights && maxAbs > 0.0f && std::isfinite(maxAbs))
            pen = 1.0 + 3.0 * double(std::fabs(e.weight) / maxAbs);
        if (e.source == style.highlightSource && e.target == style.highlightTarget &&
            e.op == style.highlightOp) {
            color = style.highlightColor;
            pen += 2.5;
        }

        std::vector<std::pair<std::string, std::string>> attrs;
        if (!label.empty())
            attrs.push_back({"label", dotQuoted(label)});
        attrs.push_back({"color", dotQuoted(color)});
        attrs.push_back({"fontcolor", dotQuoted(color)});
        attrs.push_back({"penwidth", number(std::round(pen * 100.0) / 100.0)});
        const std::string source = e.source < cell.inputs ? inputIds[e.source]
                                                          : id("n" + std::to_string(e.source));
        os << indent << source << " -> " << id("n" + std::to_string(e.target)) << ' '
           << attrList(attrs) << ";\n";
    }
    for (int node : cell.concat) {
        os << indent << id("n" + std::to_string(node)) << " -> " << outId
           << " [style=dashed, color=\"#999999\", penwidth=1];\n";
    }
}

void writeDefaults(std::ostream &os, const DotStyle &style)
{
    const std::string font = dotQuoted(style.fontName);
    os << "    graph [" << (style.horizontal ? "rankdir=LR, " : "") << "fontname=" << font
       << ", fontsize=" << number(style.fontSize)
       << ", nodesep=0.3, ranksep=0.55, pad=0.1, bgcolor=\"white\"];\n";
    os << "    node [shape=box, style=\"rounded,filled\", fontname=" << font
       << ", fontsize=" << number(style.fontSize)
       << ", color=\"#333333\", penwidth=1, height=0.4, width=0.5, margin=\"0.08,0.04\"];\n";
    os << "    edge [fontname=" << font << ", fontsize=" << number(style.fontSize * 0.8)
       << ", arrowsize=0.7, color=" << dotQuoted(style.edgeColor) << "];\n";
}

} // namespace

std::string cellToDot(const CellGenotype &cell, const DotStyle &style, const CellWeights *supernet)
{
    std::ostringstream os;
    os.imbue(std::locale::classic());
    os << "digraph " << dotId(cell.type.empty() ? std::string("cell") : cell.type) << " {\n";
    writeDefaults(os, style);
    writeCell(os, cell, style, std::string(), "    ", supernet);
    os << "}\n";
    return os.str();
}

std::string genotypeToDot(const Genotype &genotype, const DotStyle &style)
{
    std::ostringstream os;
    os.imbue(std::locale::classic());
    os << "digraph genotype {\n";
    writeDefaults(os, style);
    // Unconnected clusters are stacked in reverse order under rankdir=LR; emit them backwards
    // so that the first cell ends up on top.
    std::vector<const CellGenotype *> order;
    for (const CellGenotype &cell : genotype.cells)
        order.push_back(&cell);
    if (style.horizontal)
        std::reverse(order.begin(), order.end());
    for (const CellGenotype *c : order) {
        const CellGenotype &cell = *c;
        os << "    subgraph " << dotId("cluster_" + cell.type) << " {\n";
        os << "        label=" << dotQuoted(cellTitle(cell.type))
           << "; labeljust=l; style=\"rounded\"; color=\"#bbbbbb\"; margin=12;\n";
        writeCell(os, cell, style, cell.type + "_", "        ");
        os << "    }\n";
    }
    os << "}\n";
    return os.str();
}

} // namespace sparsenas
