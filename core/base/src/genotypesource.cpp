// SPDX-License-Identifier: MIT
// Genotypes to evaluate: DARTS's Python notation (both dialects), the built-in published cells,
// the checks that a genotype can be built, and finding one from what the user typed.
#include "sparsenas/base/genotypesource.h"

#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/jsontext.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

namespace sparsenas {

namespace {

// The genotypes of Liu et al. (2019), as published in quark0/darts cnn/genotypes.py.
const std::map<std::string, std::string> &builtins()
{
    static const std::map<std::string, std::string> table = {
        {"DARTS_V1",
         "Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 0), "
         "('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), "
         "('skip_connect', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), "
         "('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), ('max_pool_3x3', 0), "
         "('skip_connect', 2), ('skip_connect', 2), ('avg_pool_3x3', 0)], "
         "reduce_concat=[2, 3, 4, 5])"},
        {"DARTS_V2",
         "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), "
         "('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), "
         "('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), "
         "('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), "
         "('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], "
         "reduce_concat=[2, 3, 4, 5])"},
        // Recurrent cells, as published in quark0/darts rnn/genotypes.py (DARTS_V1, DARTS_V2
        // there; ENAS is Pham et al. 2018's cell as DARTS writes it).
        {"DARTS_RNN_V1",
         "Genotype(recurrent=[('relu', 0), ('relu', 1), ('tanh', 2), ('relu', 3), ('relu', 4), "
         "('identity', 1), ('relu', 5), ('relu', 1)], concat=range(1, 9))"},
        {"DARTS_RNN_V2",
         "Genotype(recurrent=[('sigmoid', 0), ('relu', 1), ('relu', 1), ('identity', 1), "
         "('tanh', 2), ('sigmoid', 5), ('tanh', 3), ('relu', 5)], concat=range(1, 9))"},
        {"ENAS_RNN",
         "Genotype(recurrent=[('tanh', 0), ('tanh', 1), ('relu', 1), ('tanh', 3), ('tanh', 3), "
         "('relu', 3), ('relu', 4), ('relu', 7), ('relu', 8), ('relu', 8), ('relu', 8)], "
         "concat=[2, 5, 6, 9, 10, 11])"},
    };
    return table;
}

// A Python value as far as genotype texts use them.
struct Value
{
    enum class Kind { Int, Str, List, Tuple, Range } kind = Kind::Int;
    long long number = 0; ///< Int; Range: start
    long long stop = 0;   ///< Range
    std::string text;     ///< Str
    std::vector<Value> items;
    int line = 1, column = 1;

    const char *what() const
    {
        switch (kind) {
        case Kind::Int:
            return "a number";
        case Kind::Str:
            return "a string";
        case Kind::List:
            return "a list";
        case Kind::Tuple:
            return "a tuple";
        case Kind::Range:
            return "a range";
        }
        return "a value";
    }
};

class Parser
{
public:
    Parser(const std::string &text, std::string origin) : m_s(text), m_origin(std::move(origin)) {}

    /// [NAME =] Genotype(key=value, ...) and nothing after it.
    std::map<std::string, Value> genotypeCall()
    {
        skipSpace();
        if (m_i >= m_s.size())
            fail("the text holds no Genotype(...) (it is empty or only comments)");
        std::string name = identifier();
        skipSpace();
        if (peek() == '=') {
            ++m_i;
            skipSpace();
            name = identifier();
        }
        if (name != "Genotype")
            fail("expected Genotype(...), found '" + name + "'");
        expect('(');
        std::map<std::string, Value> args;
        skipSpace();
        while (peek() != ')') {
            const int line = m_line, col = column();
            const std::string key = identifier();
            if (args.count(key))
                failAt(line, col, "'" + key + "' is given twice");
            expect('=');
            args[key] = value();
            skipSpace();
            if (peek() == ',') {
                ++m_i;
                skipSpace();
            } else if (peek() != ')') {
                fail("expected ',' or ')'");
            }
        }
        ++m_i;
        skipSpace();
        if (m_i < m_s.size())
            fail("unexpected text after Genotype(...)");
        return args;
    }

    [[noreturn]] void failAt(int line, int col, const std::string &what) const
    {
        throw GenotypeError(m_origin + ":" + std::to_string(line) + ":" + std::to_string(col) +
                            ": " + what);
    }

private:
    char peek() const { return m_i < m_s.size() ? m_s[m_i] : '\0'; }
    int column() const { return int(m_i - m_lineStart) + 1; }
    [[noreturn]] void fail(const std::string &what) const { failAt(m_line, column(), what); }

    void skipSpace()
    {
        while (m_i < m_s.size()) {
            const char c = m_s[m_i];
            if (c == '\n') {
                ++m_i;
                ++m_line;
                m_lineStart = m_i;
            } else if (c == '#') {
                while (m_i < m_s.size() && m_s[m_i] != '\n')
                    ++m_i;
            } else if (std::isspace(static_cast<unsigned char>(c))) {
                ++m_i;
            } else {
                break;
            }
        }
    }

    void expect(char c)
    {
        skipSpace();
        if (peek() != c) {
            if (m_i >= m_s.size())
                fail(std::string("the text ends where '") + c + "' was expected");
            fail(std::string("expected '") + c + "', found '" + peek() + "'");
        }
        ++m_i;
    }

    std::string identifier()
    {
        skipSpace();
        const size_t start = m_i;
        while (m_i < m_s.size() &&
               (std::isalnum(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '_'))
            ++m_i;
        if (m_i == start) {
            if (m_i >= m_s.size())
                fail("the text ends where a name was expected");
            fail(std::string("expected a name, found '") + peek() + "'");
        }
        return m_s.substr(start, m_i - start);
    }

    Value value()
    {
        skipSpace();
        Value v;
        v.line = m_line;
        v.column = column();
        const char c = peek();
        if (c == '\'' || c == '"') {
            v.kind = Value::Kind::Str;
            ++m_i;
            while (m_i < m_s.size() && m_s[m_i] != c) {
                if (m_s[m_i] == '\n')
                    fail("a string does not end on its line");
                if (m_s[m_i] == '\\' && m_i + 1 < m_s.size())
                    ++m_i;
                v.text += m_s[m_i++];
            }
            if (m_i >= m_s.size())
                fail("a string does not end");
            ++m_i;
        } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') {
            const size_t start = m_i;
            if (c == '-')
                ++m_i;
            while (m_i < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_i])))
                ++m_i;
            const std::string digits = m_s.substr(start, m_i - start);
            if (digits == "-" || digits.size() > 9)
                failAt(v.line, v.column, "'" + digits + "' is not a node number");
            v.number = std::stoll(digits);
        } else if (c == '[' || c == '(') {
            v.kind = c == '[' ? Value::Kind::List : Value::Kind::Tuple;
            const char close = c == '[' ? ']' : ')';
            ++m_i;
            skipSpace();
            while (peek() != close) {
                v.items.push_back(value());
                skipSpace();
                if (peek() == ',') {
                    ++m_i;
                    skipSpace();
                } else if (peek() != close) {
                    if (m_i >= m_s.size())
                        fail(std::string("the text ends where '") + close + "' was expected");
                    fail(std::string("expected ',' or '") + close + "'");
                }
            }
            ++m_i;
        } else if (std::isalpha(static_cast<unsigned char>(c))) {
            const std::string name = identifier();
            if (name != "range")
                failAt(v.line, v.column, "unexpected name '" + name + "' (only range(a, b))");
            v.kind = Value::Kind::Range;
            expect('(');
            const Value a = value();
            expect(',');
            const Value b = value();
            expect(')');
            if (a.kind != Value::Kind::Int || b.kind != Value::Kind::Int)
                failAt(v.line, v.column, "range needs two numbers");
            v.number = a.number;
            v.stop = b.number;
        } else if (m_i >= m_s.size()) {
            fail("the text ends where a value was expected");
        } else {
            fail(std::string("unexpected '") + c + "'");
        }
        return v;
    }

    const std::string &m_s;
    std::string m_origin;
    size_t m_i = 0;
    int m_line = 1;
    size_t m_lineStart = 0;
};

// One (op, input) pair.
GenotypeEdge readGene(const Parser &p, const Value &v, int target)
{
    if ((v.kind != Value::Kind::Tuple && v.kind != Value::Kind::List) || v.items.size() != 2 ||
        v.items[0].kind != Value::Kind::Str || v.items[1].kind != Value::Kind::Int)
        p.failAt(v.line, v.column,
                 std::string("expected an ('operation', input) pair, found ") + v.what());
    GenotypeEdge e;
    e.op = v.items[0].text;
    e.target = target;
    if (v.items[1].number < 0 || v.items[1].number >= target)
        p.failAt(v.items[1].line, v.items[1].column,
                 "node " + std::to_string(target) + " takes input " +
                     std::to_string(v.items[1].number) +
                     ", which is not an earlier node (inputs are 0 .. " +
                     std::to_string(target - 1) + ")");
    e.source = int(v.items[1].number);
    e.weight = 1.0f;
    return e;
}

/// One cell's genes and concat. `inputs`: 2 for a CNN cell (nodes 2 ..), 1 for the recurrent
/// cell (nodes 1 ..); `concatKey` names the concat field in messages.
CellGenotype readCell(const Parser &p, const std::string &type, const Value &genes,
                      const Value *concat, const std::string &concatKey, int inputs, int callLine,
                      int callCol)
{
    CellGenotype c;
    c.type = type;
    c.inputs = inputs;
    if (genes.kind != Value::Kind::List && genes.kind != Value::Kind::Tuple)
        p.failAt(genes.line, genes.column,
                 type + ": expected a list of genes, found " + genes.what());
    if (genes.items.empty())
        p.failAt(genes.line, genes.column, type + ": the list of genes is empty");
    const bool perNode = genes.items.front().kind == Value::Kind::List;
    if (perNode) {
        // pt.darts: one list of pairs per node.
        c.nodes = int(genes.items.size());
        for (size_t j = 0; j < genes.items.size(); ++j) {
            const Value &node = genes.items[j];
            const int target = int(j) + inputs;
            if (node.kind != Value::Kind::List)
                p.failAt(node.line, node.column,
                         type + ": expected the list of node " + std::to_string(target) +
                             "'s inputs, found " + node.what());
            if (node.items.empty())
                p.failAt(node.line, node.column,
                         type + ": node " + std::to_string(target) + " has no input");
            for (const Value &g : node.items)
                c.edges.push_back(readGene(p, g, target));
        }
    } else {
        // quark0/darts: two pairs per node of a CNN cell, one per node of the recurrent cell,
        // in node order.
        const size_t perNodeGenes = inputs == 1 ? 1 : 2;
        if (genes.items.size() % perNodeGenes != 0)
            p.failAt(genes.line, genes.column,
                     type + ": " + std::to_string(genes.items.size()) +
                         " genes; DARTS's flat form has " + (inputs == 1 ? "one" : "two") +
                         " per node (pt.darts's form, a list per node, allows any number)");
        c.nodes = int(genes.items.size() / perNodeGenes);
        for (size_t k = 0; k < genes.items.size(); ++k)
            c.edges.push_back(readGene(p, genes.items[k], int(k / perNodeGenes) + inputs));
    }
    for (int n = inputs; n < c.nodes + inputs; ++n)
        c.aliveNodes.push_back(n);
    std::set<int> used;
    for (const GenotypeEdge &e : c.edges) {
        if (e.source < inputs)
            used.insert(e.source);
    }
    c.usedInputs.assign(used.begin(), used.end());

    if (!concat)
        p.failAt(callLine, callCol, concatKey + " is missing");
    std::vector<long long> nodes;
    if (concat->kind == Value::Kind::Range) {
        for (long long n = concat->number; n < concat->stop; ++n)
            nodes.push_back(n);
    } else if (concat->kind == Value::Kind::List || concat->kind == Value::Kind::Tuple) {
        for (const Value &v : concat->items) {
            if (v.kind != Value::Kind::Int)
                p.failAt(v.line, v.column,
                         concatKey + ": expected a node number, found " + v.what());
            nodes.push_back(v.number);
        }
    } else {
        p.failAt(concat->line, concat->column,
                 concatKey + ": expected a list or range(a, b), found " + concat->what());
    }
    std::sort(nodes.begin(), nodes.end());
    for (size_t k = 0; k < nodes.size(); ++k) {
        if (nodes[k] < inputs || nodes[k] > c.nodes + inputs - 1)
            p.failAt(concat->line, concat->column,
                     concatKey + ": node " + std::to_string(nodes[k]) +
                         " is not an intermediate node of this cell (" + std::to_string(inputs) +
                         " .. " + std::to_string(c.nodes + inputs - 1) + ")");
        if (k > 0 && nodes[k] == nodes[k - 1])
            p.failAt(concat->line, concat->column,
                     concatKey + ": node " + std::to_string(nodes[k]) + " appears twice");
        c.concat.push_back(int(nodes[k]));
    }
    if (c.concat.empty())
        p.failAt(concat->line, concat->column, concatKey + " is empty");
    return c;
}

std::string pairText(const GenotypeEdge &e, int source)
{
    return "('" + e.op + "', " + std::to_string(source) + ")";
}

} // namespace

Genotype genotypeFromDartsText(const std::string &text, const std::string &origin)
{
    Parser p(text, origin);
    const auto args = p.genotypeCall();
    if (args.count("recurrent")) {
        // DARTS's recurrent notation: Genotype(recurrent=[('relu', 0), ...], concat=range(1, 9)).
        for (const auto &[key, v] : args) {
            if (key != "recurrent" && key != "concat")
                p.failAt(v.line, v.column,
                         "unknown field '" + key +
                             "' (a recurrent genotype has recurrent and concat)");
        }
        const Value &genes = args.at("recurrent");
        const auto cc = args.find("concat");
        Genotype g;
        g.cells.push_back(readCell(p, "recurrent", genes, cc == args.end() ? nullptr : &cc->second,
                                   "concat", 1, genes.line, genes.column));
        return g;
    }
    for (const auto &[key, v] : args) {
        if (key != "normal" && key != "reduce" && key != "normal_concat" && key != "reduce_concat")
            p.failAt(v.line, v.column,
                     "unknown field '" + key +
                         "' (a genotype has normal, normal_concat, reduce, reduce_concat)");
    }
    Genotype g;
    for (const char *type : {"normal", "reduce"}) {
        const auto it = args.find(type);
        if (it == args.end())
            p.failAt(1, 1, std::string("the genotype has no '") + type + "' cell");
        const auto cc = args.find(std::string(type) + "_concat");
        g.cells.push_back(readCell(p, type, it->second, cc == args.end() ? nullptr : &cc->second,
                                   std::string(type) + "_concat", 2, it->second.line,
                                   it->second.column));
    }
    return g;
}

std::optional<std::string> toPtDartsText(const Genotype &genotype, std::string *whyNot)
{
    std::string text = "Genotype(";
    for (const char *type : {"normal", "reduce"}) {
        const CellGenotype *cell = genotype.cell(type);
        if (!cell || cell->collapsed()) {
            if (whyNot)
                *whyNot = std::string(type) +
                          (cell ? " cell: collapsed, no node survives" : " cell: missing");
            return std::nullopt;
        }
        // Survivors renumbered 2, 3, ... in ascending order; inputs 0 and 1 keep their number.
        std::map<int, int> number;
        for (size_t k = 0; k < cell->aliveNodes.size(); ++k)
            number[cell->aliveNodes[k]] = int(k) + 2;
        std::string genes = "[";
        for (size_t k = 0; k < cell->aliveNodes.size(); ++k) {
            std::vector<const GenotypeEdge *> in;
            for (const GenotypeEdge &e : cell->edges) {
                if (e.target == cell->aliveNodes[k])
                    in.push_back(&e);
            }
            std::stable_sort(in.begin(), in.end(),
                             [](const auto *a, const auto *b) { return a->source < b->source; });
            genes += k ? ", [" : "[";
            for (size_t i = 0; i < in.size(); ++i) {
                const int src = in[i]->source < 2 ? in[i]->source : number.at(in[i]->source);
                genes += (i ? ", " : "") + pairText(*in[i], src);
            }
            genes += "]";
        }
        genes += "]";
        std::string concat = "[";
        for (size_t k = 0; k < cell->concat.size(); ++k)
            concat += (k ? ", " : "") + std::to_string(number.at(cell->concat[k]));
        concat += "]";
        text += std::string(text.size() > 9 ? ", " : "") + type + "=" + genes + ", " + type +
                "_concat=" + concat;
    }
    if (whyNot)
        whyNot->clear();
    return text + ")";
}

std::vector<std::string> builtinGenotypeNames()
{
    std::vector<std::string> out;
    for (const auto &[name, text] : builtins())
        out.push_back(name);
    return out;
}

std::string builtinGenotypeText(const std::string &name)
{
    const auto it = builtins().find(name);
    if (it == builtins().end()) {
        std::string known;
        for (const auto &n : builtinGenotypeNames())
            known += (known.empty() ? "" : ", ") + n;
        throw GenotypeError("no built-in genotype '" + name + "' (built in: " + known + ")");
    }
    return it->second;
}

const std::vector<std::string> &evaluationOps()
{
    static const std::vector<std::string> ops = {"max_pool_3x3", "avg_pool_3x3", "skip_connect",
                                                 "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3",
                                                 "dil_conv_5x5"};
    return ops;
}

const std::vector<std::string> &recurrentEvaluationOps()
{
    static const std::vector<std::string> ops = {"tanh", "relu", "sigmoid", "identity"};
    return ops;
}

bool isRecurrentGenotype(const Genotype &genotype)
{
    return std::any_of(genotype.cells.begin(), genotype.cells.end(), [](const CellGenotype &c) {
        return c.inputs == 1 || c.type == "recurrent";
    });
}

std::vector<std::string> genotypeProblems(const Genotype &genotype)
{
    std::vector<std::string> out;
    const bool recurrent = isRecurrentGenotype(genotype);
    const auto &ops = recurrent ? recurrentEvaluationOps() : evaluationOps();
    if (recurrent) {
        if (genotype.cells.size() != 1 || genotype.cells.front().type != "recurrent" ||
            genotype.cells.front().inputs != 1)
            out.push_back("a recurrent genotype has exactly one cell, of type \"recurrent\" with "
                          "one input (state 0); this one mixes cells of both spaces");
        else if (genotype.cells.front().collapsed())
            out.push_back("recurrent cell: collapsed (no node survives), so there is no "
                          "network to train: h_t would not depend on x_t");
    } else {
        for (const char *type : {"normal", "reduce"}) {
            if (!genotype.cell(type))
                out.push_back(std::string("the genotype has no ") + type + " cell");
        }
    }
    for (const CellGenotype &c : genotype.cells) {
        const std::string title = c.type + " cell";
        if (!recurrent && c.type != "normal" && c.type != "reduce")
            out.push_back(title + ": an evaluation network has only normal and reduce cells");
        const int inputs = recurrent ? 1 : 2;
        const int last = c.nodes + inputs - 1;
        for (size_t k = 0; k < c.edges.size(); ++k) {
            const GenotypeEdge &e = c.edges[k];
            const std::string where = title + ": edge " + std::to_string(k) + " (" +
                                      std::to_string(e.source) + " -> " + std::to_string(e.target) +
                                      ")";
            if (std::find(ops.begin(), ops.end(), e.op) == ops.end())
                out.push_back(
                    where + ": unknown operation '" + e.op + "'" +
                    (recurrent ? " (a recurrent cell has tanh, relu, sigmoid, identity)" : ""));
            if (e.target < inputs || e.target > last)
                out.push_back(where + ": node " + std::to_string(e.target) +
                              " is not an intermediate node (" + std::to_string(inputs) + " .. " +
                              std::to_string(last) + ")");
            if (e.source < 0 || e.source >= e.target)
                out.push_back(where + ": input " + std::to_string(e.source) +
                              " is not an earlier node (a cycle or out of range)");
            else if (e.source >= inputs &&
                     !std::binary_search(c.aliveNodes.begin(), c.aliveNodes.end(), e.source))
                out.push_back(where + ": input " + std::to_string(e.source) +
                              " is a node the cell does not keep");
        }
        for (const int n : c.aliveNodes) {
            const bool fed = std::any_of(c.edges.begin(), c.edges.end(),
                                         [&](const GenotypeEdge &e) { return e.target == n; });
            if (!fed)
                out.push_back(title + ": node " + std::to_string(n) + " has no input");
        }
        for (const int n : c.concat) {
            if (!std::binary_search(c.aliveNodes.begin(), c.aliveNodes.end(), n))
                out.push_back(title + ": the output takes node " + std::to_string(n) +
                              ", which the cell does not keep");
        }
        if (!c.collapsed() && c.concat.empty())
            out.push_back(title + ": nodes survive but none forms the output (concat is empty)");
    }
    return out;
}

Genotype loadGenotype(const std::string &spec, std::string *label)
{
    namespace fs = std::filesystem;
    Genotype g;
    std::string origin = spec;
    std::string described;
    if (builtins().count(spec)) {
        g = genotypeFromDartsText(builtins().at(spec), spec);
        described = spec;
    } else {
        std::error_code ec;
        fs::path path(spec);
        if (fs::is_directory(path, ec)) {
            path /= "genotype.json";
            if (!fs::exists(path, ec))
                throw GenotypeError(spec +
                                    ": a directory without genotype.json (a search writes it "
                                    "when it ends; `sparsenas derive` makes one from a stopped "
                                    "run)");
        } else if (!fs::exists(path, ec)) {
            std::string known;
            for (const auto &n : builtinGenotypeNames())
                known += (known.empty() ? "" : ", ") + n;
            throw GenotypeError(spec +
                                ": no such file or run directory, and not a built-in "
                                "genotype (" +
                                known + ")");
        }
        origin = path.string();
        std::string text;
        try {
            text = readFile(origin);
        } catch (const std::exception &e) {
            throw GenotypeError(e.what());
        }
        const auto first = text.find_first_not_of(" \t\r\n");
        if (first != std::string::npos && text[first] == '{') {
            JsonTextProblem problem;
            const auto j = parseJsonText(text, &problem);
            if (!j)
                throw GenotypeError(problem.describe(origin));
            try {
                g = genotypeFromJson(*j);
            } catch (const std::exception &e) {
                throw GenotypeError(origin + ": " + e.what());
            }
        } else {
            g = genotypeFromDartsText(text, origin);
        }
        described = spec;
    }
    const auto problems = genotypeProblems(g);
    if (!problems.empty()) {
        std::string msg = origin + ": the genotype cannot be built:";
        for (const auto &p : problems)
            msg += "\n  " + p;
        throw GenotypeError(msg);
    }
    if (label)
        *label = described;
    return g;
}

} // namespace sparsenas
