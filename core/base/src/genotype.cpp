// SPDX-License-Identifier: MIT
#include "sparsenas/base/genotype.h"

#include "jsonnumbers.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace sparsenas {

int numEdges(int nodes, int inputs)
{
    if (nodes < 0)
        throw std::invalid_argument("numEdges: negative node count " + std::to_string(nodes));
    if (inputs < 1)
        throw std::invalid_argument("numEdges: a cell needs an input, got " +
                                    std::to_string(inputs));
    return nodes * inputs + nodes * (nodes - 1) / 2;
}

int firstEdgeOf(int target, int inputs)
{
    if (target < inputs)
        throw std::invalid_argument("firstEdgeOf: node " + std::to_string(target) +
                                    " is not an intermediate node");
    const int k = target - inputs; // intermediate nodes before this one
    return k * inputs + k * (k - 1) / 2;
}

EdgeEnds edgeEnds(int edge, int inputs)
{
    if (edge < 0)
        throw std::invalid_argument("edgeEnds: negative edge index " + std::to_string(edge));
    int target = inputs;
    while (firstEdgeOf(target + 1, inputs) <= edge)
        ++target;
    return {edge - firstEdgeOf(target, inputs), target};
}

std::string cellNodeName(int node, int inputs)
{
    // The recurrent cell keeps DARTS's numbers: its state 0 (from x_t and h_{t-1}), then 1..N.
    if (inputs == 1)
        return std::to_string(node);
    if (node == 0)
        return "c_{k-2}";
    if (node == 1)
        return "c_{k-1}";
    return std::to_string(node - 2);
}

std::string cellEdgeName(int source, int target, int inputs)
{
    return cellNodeName(source, inputs) + " -> " + cellNodeName(target, inputs);
}

const CellGenotype *Genotype::cell(const std::string &type) const
{
    for (const CellGenotype &c : cells) {
        if (c.type == type)
            return &c;
    }
    return nullptr;
}

namespace {

bool isPath(const CellWeights &w, int edge, int op)
{
    return w.ops[size_t(op)] != "none" && w.at(edge, op) != 0.0f;
}

void checkShape(const CellWeights &w)
{
    if (w.nodes < 1)
        throw std::invalid_argument("cell '" + w.type + "': needs at least one node, got " +
                                    std::to_string(w.nodes));
    if (w.inputs < 1 || w.inputs > 2)
        throw std::invalid_argument("cell '" + w.type + "': 1 or 2 inputs, got " +
                                    std::to_string(w.inputs));
    const size_t expected = size_t(numEdges(w.nodes, w.inputs)) * w.ops.size();
    if (w.weights.size() != expected)
        throw std::invalid_argument("cell '" + w.type + "': " + std::to_string(w.weights.size()) +
                                    " weights, expected " +
                                    std::to_string(numEdges(w.nodes, w.inputs)) + " edges x " +
                                    std::to_string(w.ops.size()) + " ops");
}

} // namespace

int countNonZeroPaths(const CellWeights &w)
{
    checkShape(w);
    int count = 0;
    for (int e = 0; e < numEdges(w.nodes, w.inputs); ++e) {
        for (int o = 0; o < int(w.ops.size()); ++o)
            count += isPath(w, e, o) ? 1 : 0;
    }
    return count;
}

CellGenotype deriveCell(const CellWeights &w)
{
    checkShape(w);
    const int n = w.nodes;
    const int opCount = int(w.ops.size());
    const int in = w.inputs;
    const auto first = [in](int target) { return firstEdgeOf(target, in); };

    std::vector<bool> edgeAlive(size_t(numEdges(n, in)), false);
    for (int e = 0; e < numEdges(n, in); ++e) {
        for (int o = 0; o < opCount && !edgeAlive[size_t(e)]; ++o)
            edgeAlive[size_t(e)] = isPath(w, e, o);
    }

    // kept[k] for k = 0 .. n+in-1; intermediate nodes always reach the output through the concat,
    // so only inputs can be dropped for reaching nothing.
    std::vector<bool> kept(size_t(n + in), true);
    bool changed = true;
    while (changed) {
        changed = false;
        for (int t = in; t < n + in; ++t) {
            if (!kept[size_t(t)])
                continue;
            bool fed = false;
            for (int s = 0; s < t && !fed; ++s)
                fed = kept[size_t(s)] && edgeAlive[size_t(first(t) + s)];
            if (!fed) {
                kept[size_t(t)] = false;
                changed = true;
            }
        }
        for (int s = 0; s < in; ++s) {
            if (!kept[size_t(s)])
                continue;
            bool reaches = false;
            for (int t = in; t < n + in && !reaches; ++t)
                reaches = kept[size_t(t)] && edgeAlive[size_t(first(t) + s)];
            if (!reaches) {
                kept[size_t(s)] = false;
                changed = true;
            }
        }
    }

    CellGenotype cell;
    cell.type = w.type;
    cell.nodes = n;
    cell.inputs = in;
    for (int s = 0; s < in; ++s) {
        if (kept[size_t(s)])
            cell.usedInputs.push_back(s);
    }
    for (int t = in; t < n + in; ++t) {
        if (!kept[size_t(t)])
            continue;
        cell.aliveNodes.push_back(t);
        for (int s = 0; s < t; ++s) {
            if (!kept[size_t(s)])
                continue;
            const int e = first(t) + s;
            for (int o = 0; o < opCount; ++o) {
                if (isPath(w, e, o))
                    cell.edges.push_back({s, t, w.ops[size_t(o)], w.at(e, o)});
            }
        }
    }
    cell.concat = cell.aliveNodes;
    return cell;
}

CellWeights keepTopPaths(const CellWeights &w, int k)
{
    checkShape(w);
    if (k < 1)
        throw std::invalid_argument("top-k: k must be at least 1, got " + std::to_string(k));
    CellWeights out = w;
    std::fill(out.weights.begin(), out.weights.end(), 0.0f);
    const int opCount = int(w.ops.size());
    for (int t = w.inputs; t < w.nodes + w.inputs; ++t) {
        // (|A| of the edge's strongest op, edge, op) for every edge into t with a path.
        struct Best
        {
            float magnitude;
            int edge;
            int op;
        };
        std::vector<Best> best;
        for (int s = 0; s < t; ++s) {
            const int e = firstEdgeOf(t, w.inputs) + s;
            Best b{0.0f, e, -1};
            for (int o = 0; o < opCount; ++o) {
                if (isPath(w, e, o) && std::fabs(w.at(e, o)) > b.magnitude) {
                    b.magnitude = std::fabs(w.at(e, o));
                    b.op = o;
                }
            }
            if (b.op >= 0)
                best.push_back(b);
        }
        std::stable_sort(best.begin(), best.end(),
                         [](const Best &a, const Best &b) { return a.magnitude > b.magnitude; });
        for (size_t i = 0; i < best.size() && i < size_t(k); ++i) {
            const size_t at = size_t(best[i].edge) * size_t(opCount) + size_t(best[i].op);
            out.weights[at] = w.weights[at];
        }
    }
    return out;
}

Genotype deriveGenotype(const std::vector<CellWeights> &cells)
{
    Genotype g;
    g.cells.reserve(cells.size());
    for (const CellWeights &w : cells)
        g.cells.push_back(deriveCell(w));
    return g;
}

namespace {

} // namespace

nlohmann::json toJson(const CellGenotype &cell)
{
    nlohmann::json edges = nlohmann::json::array();
    for (const GenotypeEdge &e : cell.edges) {
        edges.push_back({{"source", e.source},
                         {"target", e.target},
                         {"op", e.op},
                         {"weight", detail::shortestDecimal(e.weight)}});
    }
    nlohmann::json j = {{"type", cell.type},
                        {"nodes", cell.nodes},
                        {"alive_nodes", cell.aliveNodes},
                        {"used_inputs", cell.usedInputs},
                        {"edges", edges},
                        {"concat", cell.concat},
                        {"collapsed", cell.collapsed()}};
    // Written for the recurrent cell only: a file without it has the CNN cell's two inputs.
    if (cell.inputs != 2)
        j["inputs"] = cell.inputs;
    return j;
}

nlohmann::json toJson(const Genotype &genotype)
{
    nlohmann::json cells = nlohmann::json::array();
    for (const CellGenotype &c : genotype.cells)
        cells.push_back(toJson(c));
    return {{"format", "sparsenas-genotype"}, {"version", 1}, {"cells", cells}};
}

namespace {

[[noreturn]] void fail(const std::string &field, const std::string &what)
{
    throw std::runtime_error(field + ": " + what);
}

const nlohmann::json &member(const nlohmann::json &obj, const std::string &key,
                             const std::string &path)
{
    const auto it = obj.find(key);
    if (it == obj.end())
        fail(path, "missing");
    return *it;
}

std::string join(const std::string &path, const std::string &key)
{
    return path.empty() ? key : path + "." + key;
}

std::string index(const std::string &path, size_t i)
{
    return path + "[" + std::to_string(i) + "]";
}

int readInt(const nlohmann::json &v, const std::string &path, int lo, int hi)
{
    if (!v.is_number_integer())
        fail(path, "expected an integer");
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > std::uint64_t(hi))
        fail(path, v.dump() + " is out of range " + std::to_string(lo) + ".." + std::to_string(hi));
    const auto x = v.get<long long>();
    if (x < lo || x > hi)
        fail(path, std::to_string(x) + " is out of range " + std::to_string(lo) + ".." +
                       std::to_string(hi));
    return int(x);
}

std::string readString(const nlohmann::json &v, const std::string &path)
{
    if (!v.is_string())
        fail(path, "expected a string");
    return v.get<std::string>();
}

const nlohmann::json &readArray(const nlohmann::json &v, const std::string &path)
{
    if (!v.is_array())
        fail(path, "expected an array");
    return v;
}

const nlohmann::json &readObject(const nlohmann::json &v, const std::string &path)
{
    if (!v.is_object())
        fail(path, "expected an object");
    return v;
}

// A strictly ascending list of node numbers in lo..hi.
std::vector<int> readNodeList(const nlohmann::json &v, const std::string &path, int lo, int hi)
{
    std::vector<int> out;
    const nlohmann::json &arr = readArray(v, path);
    for (size_t i = 0; i < arr.size(); ++i) {
        const int x = readInt(arr[i], index(path, i), lo, hi);
        if (!out.empty() && x <= out.back())
            fail(index(path, i), "node " + std::to_string(x) + " is not in ascending order");
        out.push_back(x);
    }
    return out;
}

CellGenotype readCell(const nlohmann::json &j, const std::string &path)
{
    readObject(j, path);
    CellGenotype c;
    c.type = readString(member(j, "type", join(path, "type")), join(path, "type"));
    c.nodes = readInt(member(j, "nodes", join(path, "nodes")), join(path, "nodes"), 1, 1000);
    // Files from before the recurrent space have no "inputs": their cells have two.
    if (j.contains("inputs"))
        c.inputs = readInt(j["inputs"], join(path, "inputs"), 1, 2);
    const int in = c.inputs;
    const int last = c.nodes + in - 1;

    std::string p = join(path, "alive_nodes");
    c.aliveNodes = readNodeList(member(j, "alive_nodes", p), p, in, last);
    p = join(path, "used_inputs");
    c.usedInputs = readNodeList(member(j, "used_inputs", p), p, 0, in - 1);

    p = join(path, "edges");
    const nlohmann::json &edges = readArray(member(j, "edges", p), p);
    for (size_t i = 0; i < edges.size(); ++i) {
        const std::string ep = index(p, i);
        const nlohmann::json &e = readObject(edges[i], ep);
        GenotypeEdge edge;
        edge.target =
            readInt(member(e, "target", join(ep, "target")), join(ep, "target"), in, last);
        edge.source = readInt(member(e, "source", join(ep, "source")), join(ep, "source"), 0,
                              edge.target - 1);
        edge.op = readString(member(e, "op", join(ep, "op")), join(ep, "op"));
        const nlohmann::json &wv = member(e, "weight", join(ep, "weight"));
        const auto weight = detail::numberAs<float>(wv);
        if (!weight)
            fail(join(ep, "weight"), "expected a number within a float's range");
        edge.weight = *weight;
        c.edges.push_back(std::move(edge));
    }

    p = join(path, "concat");
    c.concat = readNodeList(member(j, "concat", p), p, in, last);

    p = join(path, "collapsed");
    const nlohmann::json &collapsed = member(j, "collapsed", p);
    if (!collapsed.is_boolean())
        fail(p, "expected a boolean");
    if (collapsed.get<bool>() != c.collapsed())
        fail(p, collapsed.get<bool>() ? "true, but alive_nodes is not empty"
                                      : "false, but alive_nodes is empty");
    return c;
}

} // namespace

Genotype genotypeFromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        fail("genotype", "expected an object");
    const nlohmann::json &format = member(j, "format", "format");
    if (!format.is_string() || format.get<std::string>() != "sparsenas-genotype")
        fail("format", "expected \"sparsenas-genotype\"");
    const nlohmann::json &version = member(j, "version", "version");
    if (!version.is_number_integer())
        fail("version", "expected an integer");
    if (version.get<long long>() != 1)
        fail("version", "unsupported version " + version.dump() + " (this build reads 1)");

    Genotype g;
    const nlohmann::json &cells = readArray(member(j, "cells", "cells"), "cells");
    for (size_t i = 0; i < cells.size(); ++i)
        g.cells.push_back(readCell(cells[i], index("cells", i)));
    return g;
}

} // namespace sparsenas
