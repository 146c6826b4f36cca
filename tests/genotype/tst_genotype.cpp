// SPDX-License-Identifier: MIT
#include "sparsenas/base/genotype.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <locale>
#include <stdexcept>

using namespace sparsenas;

namespace {

const std::vector<std::string> kOps = {"none",         "max_pool_3x3", "avg_pool_3x3",
                                       "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
                                       "dil_conv_3x3", "dil_conv_5x5"};

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *s : items)
        out << QString::fromUtf8(s);
    return out;
}

// Paths are written "source-target op weight"; "*" sets every op of every edge to 0.5.
CellWeights makeCell(const std::string &type, int nodes, const QStringList &paths)
{
    CellWeights w;
    w.type = type;
    w.nodes = nodes;
    w.ops = kOps;
    w.weights.assign(size_t(numEdges(nodes)) * kOps.size(), 0.0f);
    for (const QString &p : paths) {
        if (p == QStringLiteral("*")) {
            std::fill(w.weights.begin(), w.weights.end(), 0.5f);
            continue;
        }
        const QStringList parts = p.split(QLatin1Char(' '));
        const QStringList ends = parts.at(0).split(QLatin1Char('-'));
        const int source = ends.at(0).toInt();
        const int target = ends.at(1).toInt();
        const auto op = std::find(kOps.begin(), kOps.end(), parts.at(1).toStdString());
        if (op == kOps.end())
            qFatal("unknown op in test spec");
        const size_t edge = size_t(firstEdgeOf(target) + source);
        w.weights[edge * kOps.size() + size_t(op - kOps.begin())] = parts.at(2).toFloat();
    }
    return w;
}

QStringList edgeList(const CellGenotype &cell)
{
    QStringList out;
    for (const GenotypeEdge &e : cell.edges) {
        out << QStringLiteral("%1-%2 %3")
                   .arg(e.source)
                   .arg(e.target)
                   .arg(QString::fromStdString(e.op));
    }
    return out;
}

QList<int> toList(const std::vector<int> &v)
{
    return QList<int>(v.begin(), v.end());
}

int count(const std::string &text, const std::string &needle)
{
    int n = 0;
    for (size_t pos = text.find(needle); pos != std::string::npos;
         pos = text.find(needle, pos + needle.size()))
        ++n;
    return n;
}

bool contains(const std::string &text, const std::string &needle)
{
    return text.find(needle) != std::string::npos;
}

// Hand-worked cells shared by several tests.
QStringList deadNodePaths()
{
    return strings({"0-2 sep_conv_3x3 0.5", "1-2 skip_connect 0.3", "3-4 dil_conv_3x3 0.7",
                    "1-4 max_pool_3x3 0.2", "3-5 sep_conv_5x5 0.4", "2-5 avg_pool_3x3 -0.6"});
}

QStringList unusedInputPaths()
{
    return strings({"1-2 sep_conv_3x3 0.5", "1-3 skip_connect 0.5", "2-3 dil_conv_3x3 0.2",
                    "2-4 sep_conv_5x5 0.1", "3-5 avg_pool_3x3 0.3", "4-5 max_pool_3x3 0.3",
                    "0-4 sep_conv_3x3 0", "0-5 skip_connect -0.0"});
}

QStringList dartsNormalPaths()
{
    return strings({"0-2 sep_conv_3x3 0.5", "1-2 sep_conv_3x3 0.4", "1-3 sep_conv_3x3 0.2",
                    "1-3 skip_connect 0.3", "2-4 dil_conv_3x3 0.6", "0-4 sep_conv_5x5 0.1",
                    "3-5 max_pool_3x3 0.7", "2-5 avg_pool_3x3 0.8"});
}

QStringList dartsReducePaths()
{
    return strings({"0-2 max_pool_3x3 0.5", "1-2 max_pool_3x3 0.5", "0-3 max_pool_3x3 0.4",
                    "2-3 skip_connect 0.4", "2-4 skip_connect 0.3", "0-4 max_pool_3x3 0.3",
                    "2-5 skip_connect 0.2", "1-5 max_pool_3x3 0.2"});
}

// A numpunct with a decimal comma, to check that the text output ignores the global locale.
class CommaNumpunct : public std::numpunct<char>
{
protected:
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\3"; }
};

} // namespace

class tst_Genotype : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numEdges_data();
    void numEdges();
    void edgeEnds_data();
    void edgeEnds();
    void derive_data();
    void derive();
    void deriveRejectsWrongShape();
    void deriveGenotypeFindsCells();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonWritesReadableWeights();
    void jsonErrors_data();
    void jsonErrors();
    void dartsText();
    void dartsTextLeavesPrunedNodesOut();
    void topPaths_data();
    void topPaths();
    void nodeNames();
    void dartsTextDoesNotFit_data();
    void dartsTextDoesNotFit();
    void opColors();
    void cellDot();
    void cellDotStyle_data();
    void cellDotStyle();
    void collapsedDot();
    void deadPartsDot();
    void highlightedEdgeDot();
    void genotypeDot();
    void dotEscapesStrings();
    void dotIgnoresGlobalLocale();
    void recurrentCell();
};

void tst_Genotype::numEdges_data()
{
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("edges");
    QTest::newRow("1") << 1 << 2;
    QTest::newRow("2") << 2 << 5;
    QTest::newRow("3") << 3 << 9;
    QTest::newRow("4 (DARTS)") << 4 << 14;
    QTest::newRow("5") << 5 << 20;
}

void tst_Genotype::numEdges()
{
    QFETCH(int, nodes);
    QFETCH(int, edges);
    QCOMPARE(sparsenas::numEdges(nodes), edges);
    // The edges of the last node end where numEdges says.
    QCOMPARE(firstEdgeOf(nodes + 1) + nodes + 1, edges);
}

void tst_Genotype::edgeEnds_data()
{
    QTest::addColumn<int>("edge");
    QTest::addColumn<int>("source");
    QTest::addColumn<int>("target");
    const int ends[14][2] = {{0, 2}, {1, 2}, {0, 3}, {1, 3}, {2, 3}, {0, 4}, {1, 4},
                             {2, 4}, {3, 4}, {0, 5}, {1, 5}, {2, 5}, {3, 5}, {4, 5}};
    for (int e = 0; e < 14; ++e) {
        QTest::addRow("edge %d", e) << e << ends[e][0] << ends[e][1];
    }
}

void tst_Genotype::edgeEnds()
{
    QFETCH(int, edge);
    QFETCH(int, source);
    QFETCH(int, target);
    const EdgeEnds ends = sparsenas::edgeEnds(edge);
    QCOMPARE(ends.source, source);
    QCOMPARE(ends.target, target);
    QCOMPARE(firstEdgeOf(target) + source, edge);
}

void tst_Genotype::derive_data()
{
    QTest::addColumn<int>("nodes");
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<int>("nonZeroPaths");
    QTest::addColumn<QList<int>>("alive");
    QTest::addColumn<QList<int>>("usedInputs");
    QTest::addColumn<QStringList>("edges");

    QStringList dense;
    for (int t = 2; t < 6; ++t) {
        for (int s = 0; s < t; ++s) {
            for (size_t o = 1; o < kOps.size(); ++o)
                dense << QStringLiteral("%1-%2 %3")
                             .arg(s)
                             .arg(t)
                             .arg(QString::fromStdString(kOps[o]));
        }
    }
    QTest::newRow("dense: all kept, none excluded")
        << 4 << strings({"*"}) << 98 << QList<int>{2, 3, 4, 5} << QList<int>{0, 1} << dense;

    // Node 3 has no input; its edges into 4 and 5 go with it.
    QTest::newRow("dead node") << 4 << deadNodePaths() << 6 << QList<int>{2, 4, 5}
                               << QList<int>{0, 1}
                               << strings({"0-2 sep_conv_3x3", "1-2 skip_connect",
                                           "1-4 max_pool_3x3", "2-5 avg_pool_3x3"});

    // 2 has no input; 3 hangs on 2 only and 4 on 3 only: all three die, 5 lives on c_{k-1}.
    QTest::newRow("cascade") << 4
                             << strings({"2-3 sep_conv_3x3 0.9", "3-4 skip_connect 0.8",
                                         "2-5 dil_conv_5x5 0.5", "1-5 sep_conv_3x3 0.4",
                                         "4-5 max_pool_3x3 0.3"})
                             << 5 << QList<int>{5} << QList<int>{1}
                             << strings({"1-5 sep_conv_3x3"});

    // Every edge out of c_{k-2} is zero (one of them -0.0): the input is not used.
    QTest::newRow("input reaches nothing")
        << 4 << unusedInputPaths() << 6 << QList<int>{2, 3, 4, 5} << QList<int>{1}
        << strings({"1-2 sep_conv_3x3", "1-3 skip_connect", "2-3 dil_conv_3x3", "2-4 sep_conv_5x5",
                    "3-5 avg_pool_3x3", "4-5 max_pool_3x3"});

    // Node 2 is fed by "none" only, so it dies and takes 2-3 with it; 0-5 is "none" too.
    QTest::newRow("none is no path")
        << 4
        << strings({"0-2 none 0.9", "1-2 none 0.5", "1-3 sep_conv_3x3 0.5", "2-3 skip_connect 0.7",
                    "3-4 avg_pool_3x3 0.2", "0-5 none 0.3", "4-5 dil_conv_3x3 0.1"})
        << 4 << QList<int>{3, 4, 5} << QList<int>{1}
        << strings({"1-3 sep_conv_3x3", "3-4 avg_pool_3x3", "4-5 dil_conv_3x3"});

    // Node 2 has "none" only; everything else chains from it.
    QTest::newRow("whole cell collapses")
        << 4
        << strings({"0-2 none 1.0", "2-3 sep_conv_3x3 0.5", "3-4 skip_connect 0.3",
                    "4-5 sep_conv_3x3 0.2"})
        << 3 << QList<int>{} << QList<int>{} << QStringList{};

    QTest::newRow("all zero") << 4 << QStringList{} << 0 << QList<int>{} << QList<int>{}
                              << QStringList{};

    // Two ops on one edge are listed in the column order of the ops.
    QTest::newRow("two nodes, two ops on one edge")
        << 2 << strings({"0-2 sep_conv_3x3 0.5", "0-2 skip_connect 0.25", "2-3 max_pool_3x3 1.5"})
        << 3 << QList<int>{2, 3} << QList<int>{0}
        << strings({"0-2 skip_connect", "0-2 sep_conv_3x3", "2-3 max_pool_3x3"});

    QTest::newRow("five nodes, sparse")
        << 5 << strings({"0-6 dil_conv_5x5 0.4", "1-4 avg_pool_3x3 0.2", "4-6 sep_conv_3x3 -0.3"})
        << 3 << QList<int>{4, 6} << QList<int>{0, 1}
        << strings({"1-4 avg_pool_3x3", "0-6 dil_conv_5x5", "4-6 sep_conv_3x3"});
}

void tst_Genotype::derive()
{
    QFETCH(int, nodes);
    QFETCH(QStringList, paths);
    QFETCH(int, nonZeroPaths);
    QFETCH(QList<int>, alive);
    QFETCH(QList<int>, usedInputs);
    QFETCH(QStringList, edges);

    const CellWeights w = makeCell("normal", nodes, paths);
    QCOMPARE(countNonZeroPaths(w), nonZeroPaths);

    const CellGenotype cell = deriveCell(w);
    QCOMPARE(cell.type, std::string("normal"));
    QCOMPARE(cell.nodes, nodes);
    QCOMPARE(toList(cell.aliveNodes), alive);
    QCOMPARE(toList(cell.usedInputs), usedInputs);
    QCOMPARE(edgeList(cell), edges);
    QCOMPARE(toList(cell.concat), alive);
    QCOMPARE(cell.collapsed(), alive.isEmpty());
    for (const GenotypeEdge &e : cell.edges) {
        QVERIFY(e.weight != 0.0f);
        QVERIFY(e.op != "none");
    }
}

void tst_Genotype::deriveRejectsWrongShape()
{
    CellWeights w = makeCell("normal", 4, {});
    w.weights.pop_back();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, deriveCell(w));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, countNonZeroPaths(w));
}

void tst_Genotype::deriveGenotypeFindsCells()
{
    const Genotype g = deriveGenotype(
        {makeCell("normal", 4, deadNodePaths()), makeCell("reduce", 4, unusedInputPaths())});
    QCOMPARE(g.cells.size(), size_t(2));
    QVERIFY(g.cell("normal"));
    QVERIFY(g.cell("reduce"));
    QCOMPARE(g.cell("normal")->aliveNodes.size(), size_t(3));
    QCOMPARE(g.cell("reduce")->usedInputs, std::vector<int>{1});
    QVERIFY(!g.cell("other"));
}

void tst_Genotype::jsonRoundTrip_data()
{
    QTest::addColumn<QStringList>("normal");
    QTest::addColumn<QStringList>("reduce");
    QTest::newRow("mixed paths") << deadNodePaths() << unusedInputPaths();
    QTest::newRow("collapsed reduce") << dartsNormalPaths() << QStringList{};
}

void tst_Genotype::jsonRoundTrip()
{
    QFETCH(QStringList, normal);
    QFETCH(QStringList, reduce);
    const Genotype g =
        deriveGenotype({makeCell("normal", 4, normal), makeCell("reduce", 4, reduce)});

    const nlohmann::json j = toJson(g);
    QCOMPARE(j.at("format").get<std::string>(), std::string("sparsenas-genotype"));
    QCOMPARE(j.at("version").get<int>(), 1);
    QCOMPARE(j.at("cells").size(), size_t(2));
    for (size_t c = 0; c < 2; ++c) {
        const nlohmann::json &cell = j.at("cells").at(c);
        for (const char *key :
             {"type", "nodes", "alive_nodes", "used_inputs", "edges", "concat", "collapsed"})
            QVERIFY2(cell.contains(key), key);
        QCOMPARE(cell.at("collapsed").get<bool>(), g.cells[c].collapsed());
        for (const nlohmann::json &e : cell.at("edges")) {
            QCOMPARE(e.size(), size_t(4));
            for (const char *key : {"source", "target", "op", "weight"})
                QVERIFY2(e.contains(key), key);
        }
    }

    const Genotype back = genotypeFromJson(nlohmann::json::parse(j.dump()));
    QCOMPARE(back.cells.size(), g.cells.size());
    for (size_t c = 0; c < g.cells.size(); ++c) {
        const CellGenotype &a = g.cells[c];
        const CellGenotype &b = back.cells[c];
        QCOMPARE(b.type, a.type);
        QCOMPARE(b.nodes, a.nodes);
        QCOMPARE(b.aliveNodes, a.aliveNodes);
        QCOMPARE(b.usedInputs, a.usedInputs);
        QCOMPARE(b.concat, a.concat);
        QCOMPARE(b.edges.size(), a.edges.size());
        for (size_t i = 0; i < a.edges.size(); ++i) {
            QCOMPARE(b.edges[i].source, a.edges[i].source);
            QCOMPARE(b.edges[i].target, a.edges[i].target);
            QCOMPARE(b.edges[i].op, a.edges[i].op);
            // Bit-exact, not fuzzy: the JSON must keep every float.
            QVERIFY(b.edges[i].weight == a.edges[i].weight);
        }
    }
}

void tst_Genotype::jsonWritesReadableWeights()
{
    const Genotype g = deriveGenotype({makeCell("normal", 4, deadNodePaths())});
    const std::string text = toJson(g).dump();
    QVERIFY2(contains(text, "\"weight\":0.3"), text.c_str());
    QVERIFY2(contains(text, "\"weight\":-0.6"), text.c_str());
    QVERIFY2(!contains(text, "0.30000001"), text.c_str());
}

void tst_Genotype::jsonErrors_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("value"); // JSON text, or "<remove>"
    QTest::addColumn<QString>("message");

    QTest::newRow("root") << QString() << QStringLiteral("[]")
                          << QStringLiteral("genotype: expected an object");
    QTest::newRow("format") << QStringLiteral("/format") << QStringLiteral("\"dot\"")
                            << QStringLiteral("format: expected \"sparsenas-genotype\"");
    QTest::newRow("version") << QStringLiteral("/version") << QStringLiteral("2")
                             << QStringLiteral("version: unsupported version 2");
    QTest::newRow("missing cells") << QStringLiteral("/cells") << QStringLiteral("<remove>")
                                   << QStringLiteral("cells: missing");
    QTest::newRow("cells not an array") << QStringLiteral("/cells") << QStringLiteral("{}")
                                        << QStringLiteral("cells: expected an array");
    QTest::newRow("cell not an object") << QStringLiteral("/cells/0") << QStringLiteral("3")
                                        << QStringLiteral("cells[0]: expected an object");
    QTest::newRow("type") << QStringLiteral("/cells/0/type") << QStringLiteral("7")
                          << QStringLiteral("cells[0].type: expected a string");
    QTest::newRow("nodes") << QStringLiteral("/cells/1/nodes") << QStringLiteral("\"four\"")
                           << QStringLiteral("cells[1].nodes: expected an integer");
    QTest::newRow("alive node range")
        << QStringLiteral("/cells/0/alive_nodes/1") << QStringLiteral("9")
        << QStringLiteral("cells[0].alive_nodes[1]: 9 is out of range 2..5");
    QTest::newRow("used input range")
        << QStringLiteral("/cells/0/used_inputs/0") << QStringLiteral("2")
        << QStringLiteral("cells[0].used_inputs[0]: 2 is out of range 0..1");
    QTest::newRow("edges not an array")
        << QStringLiteral("/cells/1/edges") << QStringLiteral("null")
        << QStringLiteral("cells[1].edges: expected an array");
    QTest::newRow("edge op") << QStringLiteral("/cells/1/edges/3/op") << QStringLiteral("3")
                             << QStringLiteral("cells[1].edges[3].op: expected a string");
    QTest::newRow("edge weight") << QStringLiteral("/cells/0/edges/1/weight")
                                 << QStringLiteral("\"big\"")
                                 << QStringLiteral("cells[0].edges[1].weight: expected a number");
    QTest::newRow("edge source after target")
        << QStringLiteral("/cells/0/edges/0/source") << QStringLiteral("2")
        << QStringLiteral("cells[0].edges[0].source: 2 is out of range 0..1");
    QTest::newRow("missing edge target")
        << QStringLiteral("/cells/1/edges/2/target") << QStringLiteral("<remove>")
        << QStringLiteral("cells[1].edges[2].target: missing");
    QTest::newRow("missing concat")
        << QStringLiteral("/cells/0/concat") << QStringLiteral("<remove>")
        << QStringLiteral("cells[0].concat: missing");
    QTest::newRow("concat order") << QStringLiteral("/cells/0/concat/0") << QStringLiteral("5")
                                  << QStringLiteral("cells[0].concat[1]");
    QTest::newRow("collapsed type") << QStringLiteral("/cells/0/collapsed") << QStringLiteral("0")
                                    << QStringLiteral("cells[0].collapsed: expected a boolean");
    QTest::newRow("collapsed mismatch")
        << QStringLiteral("/cells/1/collapsed") << QStringLiteral("true")
        << QStringLiteral("cells[1].collapsed");
}

void tst_Genotype::jsonErrors()
{
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(QString, message);

    const Genotype g = deriveGenotype(
        {makeCell("normal", 4, deadNodePaths()), makeCell("reduce", 4, unusedInputPaths())});
    nlohmann::json j = toJson(g);
    QVERIFY(genotypeFromJson(j).cells.size() == 2);

    const nlohmann::json::json_pointer ptr(pointer.toStdString());
    if (value == QStringLiteral("<remove>"))
        j.at(ptr.parent_pointer()).erase(ptr.back());
    else
        j[ptr] = nlohmann::json::parse(value.toStdString());

    try {
        genotypeFromJson(j);
        QFAIL("no exception");
    } catch (const std::runtime_error &e) {
        const QString what = QString::fromStdString(e.what());
        QVERIFY2(what.startsWith(message), qPrintable(what));
    }
}

void tst_Genotype::dartsText()
{
    const std::string expected =
        "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('skip_connect', 1), "
        "('sep_conv_3x3', 1), ('sep_conv_5x5', 0), ('dil_conv_3x3', 2), ('avg_pool_3x3', 2), "
        "('max_pool_3x3', 3)], normal_concat=[2, 3, 4, 5], "
        "reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 0), "
        "('skip_connect', 2), ('max_pool_3x3', 0), ('skip_connect', 2), ('max_pool_3x3', 1), "
        "('skip_connect', 2)], reduce_concat=[2, 3, 4, 5])";

    // The order of the cells in the genotype does not matter.
    const CellWeights normal = makeCell("normal", 4, dartsNormalPaths());
    const CellWeights reduce = makeCell("reduce", 4, dartsReducePaths());
    const std::vector<Genotype> orders = {deriveGenotype({normal, reduce}),
                                          deriveGenotype({reduce, normal})};
    for (const Genotype &g : orders) {
        std::string why = "stale";
        const std::optional<std::string> text = toDartsText(g, &why);
        QVERIFY2(text.has_value(), why.c_str());
        QCOMPARE(*text, expected);
        QVERIFY(why.empty());
    }
}

void tst_Genotype::dartsTextLeavesPrunedNodesOut()
{
    // Node 3 dies (no input); 4 and 5 keep two paths each, 5 reads node 4. DARTS's text has
    // three nodes: 4 becomes 3 and 5 becomes 4, in the genes and in the concat.
    const CellWeights reduce = makeCell(
        "reduce", 4,
        strings({"0-2 max_pool_3x3 0.5", "1-2 max_pool_3x3 0.5", "0-4 max_pool_3x3 0.3",
                 "2-4 skip_connect -0.6", "4-5 skip_connect 0.2", "1-5 max_pool_3x3 0.2"}));
    const Genotype g = deriveGenotype({makeCell("normal", 4, dartsNormalPaths()), reduce});
    QCOMPARE(g.cell("reduce")->aliveNodes, (std::vector<int>{2, 4, 5}));
    std::string why = "stale";
    const auto text = toDartsText(g, &why);
    QVERIFY2(text.has_value(), why.c_str());
    QVERIFY(why.empty());
    const std::string expectedReduce =
        "reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 0), "
        "('skip_connect', 2), ('max_pool_3x3', 1), ('skip_connect', 3)], reduce_concat=[2, 3, 4])";
    QVERIFY2(contains(*text, expectedReduce), text->c_str());
}

void tst_Genotype::topPaths_data()
{
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<int>("k");
    QTest::addColumn<QStringList>("kept"); // "s-t op weight" of every non-zero after keepTopPaths

    // Node 2: edge 0-2 carries two ops (|-0.9| wins over 0.4), edge 1-2 one; k = 1 keeps the
    // edge whose best op is strongest by magnitude, sign and all.
    const QStringList n2 =
        strings({"0-2 sep_conv_3x3 0.4", "0-2 max_pool_3x3 -0.9", "1-2 skip_connect 0.5"});
    QTest::newRow("k=1, magnitude not sign") << n2 << 1 << strings({"0-2 max_pool_3x3 -0.9"});
    QTest::newRow("k=2, one op per edge")
        << n2 << 2 << strings({"0-2 max_pool_3x3 -0.9", "1-2 skip_connect 0.5"});
    // "none" never counts, however large; zeros never count.
    QTest::newRow("none and zeros ignored")
        << strings({"0-2 none 5", "0-2 sep_conv_3x3 0.1", "1-2 skip_connect 0"}) << 2
        << strings({"0-2 sep_conv_3x3 0.1"});
    // Node 3 ranks its three edges: 0.7 (from node 2), 0.3 (from 1), 0.2 (from 0); a tie is
    // broken by the lower edge index (node 2: 0-2 before 1-2).
    QTest::newRow("per node, ties to the lower edge")
        << strings({"0-2 sep_conv_3x3 0.5", "1-2 dil_conv_3x3 0.5", "0-3 skip_connect 0.2",
                    "1-3 avg_pool_3x3 -0.3", "2-3 sep_conv_5x5 0.7"})
        << 2
        << strings({"0-2 sep_conv_3x3 0.5", "1-2 dil_conv_3x3 0.5", "1-3 avg_pool_3x3 -0.3",
                    "2-3 sep_conv_5x5 0.7"});
    QTest::newRow("k above the edge count keeps every edge's best")
        << strings({"0-2 sep_conv_3x3 0.5", "0-2 skip_connect 0.6", "1-2 dil_conv_3x3 0.1"}) << 7
        << strings({"0-2 skip_connect 0.6", "1-2 dil_conv_3x3 0.1"});
}

void tst_Genotype::topPaths()
{
    QFETCH(QStringList, paths);
    QFETCH(int, k);
    QFETCH(QStringList, kept);
    const CellWeights w = makeCell("normal", 2, paths);
    const CellWeights got = keepTopPaths(w, k);
    QCOMPARE(got.weights.size(), w.weights.size());
    QCOMPARE(got.ops, w.ops);
    QCOMPARE(got.weights, makeCell("normal", 2, kept).weights);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, keepTopPaths(w, 0));
}

void tst_Genotype::nodeNames()
{
    QCOMPARE(cellNodeName(0), std::string("c_{k-2}"));
    QCOMPARE(cellNodeName(1), std::string("c_{k-1}"));
    QCOMPARE(cellNodeName(2), std::string("0"));
    QCOMPARE(cellNodeName(5), std::string("3"));
    QCOMPARE(cellEdgeName(1, 4), std::string("c_{k-1} -> 2"));
    QCOMPARE(cellEdgeName(3, 5), std::string("1 -> 3"));
}

void tst_Genotype::dartsTextDoesNotFit_data()
{
    QTest::addColumn<QStringList>("normal");
    QTest::addColumn<QStringList>("reduce"); // "<absent>": no reduce cell
    QTest::addColumn<QStringList>("reasonParts");

    QStringList three = dartsNormalPaths();
    three << QStringLiteral("3-4 skip_connect 0.1");
    QTest::newRow("three inputs") << three << dartsReducePaths()
                                  << strings({"normal cell", "node 2", "3 paths in"});

    QStringList one = dartsNormalPaths();
    one.removeAll(QStringLiteral("3-5 max_pool_3x3 0.7"));
    QTest::newRow("one input") << one << dartsReducePaths()
                               << strings({"normal cell", "node 3", "1 path in"});

    // Node 3 (DARTS numbers) is pruned, which DARTS's format can take, but node 4 (shown as
    // node 2) keeps only its path from c_{k-1}.
    QTest::newRow("pruned node, one left with one path")
        << dartsNormalPaths() << deadNodePaths()
        << strings({"reduction cell", "node 2", "1 path in"});
    QTest::newRow("collapsed") << dartsNormalPaths() << QStringList{}
                               << strings({"reduction cell", "collapsed"});
    QTest::newRow("no reduce cell")
        << dartsNormalPaths() << strings({"<absent>"}) << strings({"reduction cell", "missing"});
}

void tst_Genotype::dartsTextDoesNotFit()
{
    QFETCH(QStringList, normal);
    QFETCH(QStringList, reduce);
    QFETCH(QStringList, reasonParts);

    std::vector<CellWeights> cells = {makeCell("normal", 4, normal)};
    if (reduce != strings({"<absent>"}))
        cells.push_back(makeCell("reduce", 4, reduce));
    std::string why;
    QVERIFY(!toDartsText(deriveGenotype(cells), &why).has_value());
    for (const QString &part : reasonParts)
        QVERIFY2(contains(why, part.toStdString()), why.c_str());
    QVERIFY(!toDartsText(deriveGenotype(cells)).has_value()); // whyNot is optional
}

void tst_Genotype::opColors()
{
    std::vector<std::string> seen;
    for (const std::string &op : kOps) {
        const std::string c = opColor(op);
        QCOMPARE(c.size(), size_t(7));
        QCOMPARE(c[0], '#');
        QVERIFY2(std::find(seen.begin(), seen.end(), c) == seen.end(), op.c_str());
        seen.push_back(c);
    }
    const std::string unknown = opColor("conv_7x1_1x7");
    QCOMPARE(unknown, std::string("#7f7f7f"));
    QVERIFY(std::find(seen.begin(), seen.end(), unknown) == seen.end());
    QCOMPARE(opColor("sep_conv_3x3"), opColor("sep_conv_3x3"));
}

void tst_Genotype::cellDot()
{
    const CellGenotype cell = deriveCell(makeCell("normal", 4, deadNodePaths()));
    const std::string dot = cellToDot(cell);

    QVERIFY(dot.rfind("digraph ", 0) == 0);
    QVERIFY(contains(dot, "rankdir=LR"));
    for (const char *id : {"in0 [", "in1 [", "n2 [", "n4 [", "n5 [", "out ["})
        QVERIFY2(contains(dot, id), id);
    QVERIFY(!contains(dot, "n3"));
    QVERIFY(contains(dot, "label=<c<SUB>k-2</SUB>>"));
    QVERIFY(contains(dot, "label=<c<SUB>k-1</SUB>>"));
    QVERIFY(contains(dot, "label=<c<SUB>k</SUB>>"));
    // Intermediate nodes are numbered from 0, as in the DARTS figures.
    QVERIFY(contains(dot, "n2 [label=\"0\""));
    QVERIFY(contains(dot, "n5 [label=\"3\""));

    // 4 op edges + 3 dashed concat edges.
    QCOMPARE(count(dot, " -> "), 7);
    QCOMPARE(count(dot, "style=dashed"), 3);
    QVERIFY(contains(dot, "in0 -> n2 [label=\"sep_conv_3x3\\n0.50\", color=\"#d62728\""));
    QVERIFY(contains(dot, "n2 -> n5 [label=\"avg_pool_3x3\\n-0.60\""));
    // Pen width 1 + 3 |w| / max |w|, with max |w| = 0.6.
    QVERIFY(contains(dot, "penwidth=4]"));
    QVERIFY(contains(dot, "penwidth=3.5]"));
    QVERIFY(contains(dot, "penwidth=2.5]"));
    QVERIFY(contains(dot, "penwidth=2]"));
}

void tst_Genotype::cellDotStyle_data()
{
    QTest::addColumn<bool>("horizontal");
    QTest::addColumn<bool>("showWeights");
    QTest::addColumn<bool>("showOpLabels");
    QTest::addColumn<bool>("colorByOp");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");

    QTest::newRow("default") << true << true << true << true << 2
                             << strings({"rankdir=LR", "0.50", "sep_conv_3x3", "#d62728"})
                             << strings({"0.500"});
    QTest::newRow("vertical") << false << true << true << true << 2 << strings({"0.50"})
                              << strings({"rankdir"});
    QTest::newRow("three decimals")
        << true << true << true << true << 3
        << strings({"label=\"sep_conv_3x3\\n0.500\"", "-0.600"}) << QStringList{};
    QTest::newRow("no weights") << true << false << true << true << 2
                                << strings({"label=\"sep_conv_3x3\"", "penwidth=1.5]"})
                                << strings({"0.50", "penwidth=4]"});
    QTest::newRow("no labels at all")
        << true << false << false << true << 2 << strings({"color=\"#d62728\""})
        << strings({"sep_conv_3x3", "0.50"});
    QTest::newRow("weights only") << true << true << false << true << 2
                                  << strings({"label=\"0.50\"", "penwidth=4]"})
                                  << strings({"sep_conv_3x3"});
    QTest::newRow("one colour") << true << true << true << false << 2
                                << strings({"color=\"#123456\", fontcolor=\"#123456\""})
                                << strings({"#d62728", "#2ca02c"});
}

void tst_Genotype::cellDotStyle()
{
    QFETCH(bool, horizontal);
    QFETCH(bool, showWeights);
    QFETCH(bool, showOpLabels);
    QFETCH(bool, colorByOp);
    QFETCH(int, decimals);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);

    DotStyle style;
    style.horizontal = horizontal;
    style.showWeights = showWeights;
    style.showOpLabels = showOpLabels;
    style.colorByOp = colorByOp;
    style.weightDecimals = decimals;
    style.edgeColor = "#123456";
    style.fontName = "Times-Roman";
    style.fontSize = 10.5;
    const std::string dot = cellToDot(deriveCell(makeCell("normal", 4, deadNodePaths())), style);

    QVERIFY(contains(dot, "fontname=\"Times-Roman\""));
    QVERIFY(contains(dot, "fontsize=10.5"));
    QCOMPARE(count(dot, " -> "), 7);
    for (const QString &s : present)
        QVERIFY2(contains(dot, s.toStdString()), qPrintable(s));
    for (const QString &s : absent)
        QVERIFY2(!contains(dot, s.toStdString()), qPrintable(s));
}

void tst_Genotype::deadPartsDot()
{
    // Node 3 (label "1") has no input, so it and its two out-edges (3-4 dil_conv_3x3 0.7,
    // 3-5 sep_conv_5x5 0.4) are removed; the faded drawing shows exactly those, nothing else.
    const CellWeights w = makeCell("normal", 4, deadNodePaths());
    const CellGenotype cell = deriveCell(w);
    DotStyle style;
    QVERIFY(!contains(cellToDot(cell, style, &w), "n3")); // off by default
    style.showDead = true;
    QVERIFY(!contains(cellToDot(cell, style), "n3")); // needs the supernet's weights
    const std::string dot = cellToDot(cell, style, &w);
    QVERIFY(contains(dot, "n3 [label=\"1\", style=\"rounded,dashed\""));
    QVERIFY(contains(dot, "n3 -> n4 [label=\"dil_conv_3x3\\n0.70\", style=\"dashed\""));
    QVERIFY(contains(dot, "n3 -> n5 [label=\"sep_conv_5x5\\n0.40\", style=\"dashed\""));
    QCOMPARE(count(dot, "style=\"dashed\", color=\"#b0b0b0\""), 2);
    QCOMPARE(count(dot, " -> n"), 4 + 2); // four living edges, two dead ones
}

void tst_Genotype::highlightedEdgeDot()
{
    const CellWeights w = makeCell("normal", 4, deadNodePaths());
    DotStyle style;
    style.highlightSource = 1;
    style.highlightTarget = 4;
    style.highlightOp = "max_pool_3x3";
    const std::string dot = cellToDot(deriveCell(w), style);
    // 1-4 has |A| = 0.2 of max 0.6: pen 1 + 3 * 0.2 / 0.6 = 2, plus 2.5 when highlighted.
    QVERIFY(contains(dot, "in1 -> n4 [label=\"max_pool_3x3\\n0.20\", color=\"#e31a1c\", "
                          "fontcolor=\"#e31a1c\", penwidth=4.5]"));
    QCOMPARE(count(dot, "#e31a1c"), 2);
    style.highlightOp = "skip_connect"; // no such path on 1-4: nothing is emphasised
    QCOMPARE(count(cellToDot(deriveCell(w), style), "#e31a1c"), 0);
}

void tst_Genotype::collapsedDot()
{
    const CellGenotype cell = deriveCell(makeCell("reduce", 4, {}));
    QVERIFY(cell.collapsed());
    const std::string dot = cellToDot(cell);
    QVERIFY(contains(dot, "collapsed: no node survives"));
    for (const char *id : {"in0 [", "in1 [", "out ["})
        QVERIFY2(contains(dot, id), id);
    QVERIFY(!contains(dot, "n2"));
    // Only the invisible edges that keep the note between the inputs and the output.
    QCOMPARE(count(dot, " -> "), 3);
    QCOMPARE(count(dot, "style=invis"), 3);
}

void tst_Genotype::genotypeDot()
{
    const Genotype g = deriveGenotype(
        {makeCell("normal", 4, deadNodePaths()), makeCell("reduce", 4, unusedInputPaths())});
    const std::string dot = genotypeToDot(g);

    QVERIFY(dot.rfind("digraph ", 0) == 0);
    QVERIFY(contains(dot, "subgraph cluster_normal {"));
    QVERIFY(contains(dot, "subgraph cluster_reduce {"));
    QVERIFY(contains(dot, "label=\"normal cell\""));
    QVERIFY(contains(dot, "label=\"reduction cell\""));
    for (const char *id : {"normal_in0 [", "normal_n2 [", "normal_n5 [", "normal_out [",
                           "reduce_in0 [", "reduce_n2 [", "reduce_n3 [", "reduce_out ["})
        QVERIFY2(contains(dot, id), id);
    QVERIFY(!contains(dot, "normal_n3"));
    // Every edge stays inside its cell.
    QCOMPARE(count(dot, " -> "), (4 + 3) + (6 + 4));
    QCOMPARE(count(dot, "normal_in1 -> normal_n2"), 1);
    QCOMPARE(count(dot, "reduce_n4 -> reduce_n5"), 1);
    QCOMPARE(count(dot, "{"), count(dot, "}"));
    // The unused input is drawn, but dashed.
    QVERIFY(contains(dot, "reduce_in0 [label=<c<SUB>k-2</SUB>>, style=\"rounded,filled,dashed\""));
}

void tst_Genotype::dotEscapesStrings()
{
    CellWeights w =
        makeCell("my \"odd\" cell", 2, strings({"0-2 sep_conv_3x3 1", "1-3 skip_connect 1"}));
    w.ops[4] = "op\"with\\quote";
    const Genotype g = deriveGenotype({w});
    const std::string dot = genotypeToDot(g);
    QVERIFY2(contains(dot, "label=\"op\\\"with\\\\quote\\n1.00\""), dot.c_str());
    QVERIFY2(contains(dot, "subgraph \"cluster_my \\\"odd\\\" cell\" {"), dot.c_str());
    QVERIFY(contains(dot, "\"my \\\"odd\\\" cell_n2\" ["));

    CellGenotype graphType = deriveCell(makeCell("graph", 2, strings({"0-2 sep_conv_3x3 1"})));
    QVERIFY(cellToDot(graphType).rfind("digraph \"graph\" {", 0) == 0);

    std::string why;
    QVERIFY(!toDartsText(g, &why));
    QVERIFY2(contains(why, "only normal and reduce"), why.c_str());
}

void tst_Genotype::dotIgnoresGlobalLocale()
{
    const std::locale previous =
        std::locale::global(std::locale(std::locale::classic(), new CommaNumpunct));
    DotStyle style;
    style.fontSize = 10.5;
    const std::string dot = cellToDot(deriveCell(makeCell("normal", 4, deadNodePaths())), style);
    std::locale::global(previous);

    QVERIFY(contains(dot, "fontsize=10.5"));
    QVERIFY(contains(dot, "\\n0.50\""));
    QVERIFY(contains(dot, "penwidth=3.5]"));
    QVERIFY2(!contains(dot, "0,50") && !contains(dot, "10,5"), dot.c_str());
}

void tst_Genotype::recurrentCell()
{
    // DARTS's recurrent numbering: state 0, nodes 1 .. N; node j has the j edges from 0 .. j-1.
    QCOMPARE(sparsenas::numEdges(8, 1), 36);
    QCOMPARE(sparsenas::numEdges(4, 1), 10);
    QCOMPARE(firstEdgeOf(1, 1), 0);
    QCOMPARE(firstEdgeOf(3, 1), 3);
    QCOMPARE(sparsenas::edgeEnds(5, 1).source, 2);
    QCOMPARE(sparsenas::edgeEnds(5, 1).target, 3);
    QCOMPARE(sparsenas::edgeEnds(35, 1).source, 7);
    QCOMPARE(sparsenas::edgeEnds(35, 1).target, 8);
    QCOMPARE(cellEdgeName(0, 3, 1), std::string("0 -> 3"));

    // 4 nodes over {none, tanh, relu, sigmoid, identity}: node 1 <- 0 by tanh, node 2 <- 1 by
    // relu, node 3 <- 0 by sigmoid and <- 2 by identity, node 4 with nothing in.
    const std::vector<std::string> ops = {"none", "tanh", "relu", "sigmoid", "identity"};
    CellWeights w;
    w.type = "recurrent";
    w.nodes = 4;
    w.inputs = 1;
    w.ops = ops;
    w.weights.assign(10 * 5, 0.0f);
    const auto set = [&](int source, int target, int op, float v) {
        w.weights[size_t(firstEdgeOf(target, 1) + source) * 5 + size_t(op)] = v;
    };
    set(0, 1, 1, 0.5f);
    set(1, 2, 2, -0.25f);
    set(0, 3, 3, 0.125f);
    set(2, 3, 4, 1.0f);
    const CellGenotype g = deriveCell(w);
    QCOMPARE(g.inputs, 1);
    QCOMPARE(toList(g.aliveNodes), (QList<int>{1, 2, 3}));
    QCOMPARE(toList(g.usedInputs), (QList<int>{0}));
    QCOMPARE(edgeList(g), strings({"0-1 tanh", "1-2 relu", "0-3 sigmoid", "2-3 identity"}));
    QCOMPARE(countNonZeroPaths(w), 4);

    // JSON keeps "inputs" and reads back the same cell.
    Genotype genotype;
    genotype.cells.push_back(g);
    const auto j = toJson(genotype);
    QCOMPARE(j["cells"][0]["inputs"].get<int>(), 1);
    const Genotype back = genotypeFromJson(j);
    QCOMPARE(back.cells[0].inputs, 1);
    QCOMPARE(edgeList(back.cells[0]), edgeList(g));
    // A CNN cell's file has no "inputs" (older files read as before).
    QVERIFY(!toJson(deriveCell(makeCell("normal", 2, strings({"*"})))).contains("inputs"));

    // DARTS's recurrent text does not fit node 3 (two paths in)...
    std::string why;
    QVERIFY(!toDartsText(genotype, &why).has_value());
    QVERIFY2(QString::fromStdString(why).contains(QStringLiteral("node 3 has 2 paths")),
             why.c_str());
    // ...and fits once it has one; node 4 is gone and the kept nodes are 1, 2, 3.
    set(0, 3, 3, 0.0f);
    Genotype single;
    single.cells.push_back(deriveCell(w));
    const auto text = toDartsText(single, &why);
    QVERIFY2(text.has_value(), why.c_str());
    QCOMPARE(*text, std::string("Genotype(recurrent=[('tanh', 0), ('relu', 1), ('identity', 2)], "
                                "concat=[1, 2, 3])"));

    // The diagram: x_t and h_{t-1} into state 0, h_t out, DARTS's node numbers.
    const std::string dot = cellToDot(single.cells[0]);
    QVERIFY(dot.find("x<SUB>t</SUB>") != std::string::npos);
    QVERIFY(dot.find("h<SUB>t-1</SUB>") != std::string::npos);
    QVERIFY(dot.find("h<SUB>t</SUB>") != std::string::npos);
    QVERIFY(dot.find("c<SUB>k") == std::string::npos);
    QVERIFY(dot.find("n3 [label=\"3\"") != std::string::npos);
}

QTEST_GUILESS_MAIN(tst_Genotype)
#include "tst_genotype.moc"
