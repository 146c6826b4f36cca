// SPDX-License-Identifier: MIT
#include "cellgraphview.h"

#include "statustext.h"
#include "svgview.h"

#include <QAction>
#include <QBoxLayout>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QSaveFile>
#include <QScreen>
#include <QStyle>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <locale>
#include <sstream>

namespace sparsenas {

QString cellTitle(const QString &cellType)
{
    if (cellType == QLatin1String("normal"))
        return QCoreApplication::translate("sparsenas::CellGraphView", "Normal cell");
    if (cellType == QLatin1String("reduce"))
        return QCoreApplication::translate("sparsenas::CellGraphView", "Reduction cell");
    if (cellType == QLatin1String("recurrent"))
        return QCoreApplication::translate("sparsenas::CellGraphView", "Recurrent cell");
    return QCoreApplication::translate("sparsenas::CellGraphView", "%1 cell").arg(cellType);
}

namespace {

QString quoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        if (c == u'\n')
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return out + u'"';
}

QString number(double v)
{
    return QString::number(v, 'g', 6);
}

// The ids cellToDot (prefix "") and genotypeToDot (prefix "<type>_") give a cell's nodes.
QString nodeId(const QString &prefix, int node)
{
    const QString local = node < 2 ? QStringLiteral("in%1").arg(node)
                                   : QStringLiteral("n%1").arg(node);
    return prefix + local;
}

// The operations of `edges`, in the order of the supernet's columns where known.
std::vector<std::string> opsDrawn(const std::vector<GenotypeEdge> &edges,
                                  const std::vector<std::string> &order)
{
    std::vector<std::string> ops;
    for (const GenotypeEdge &e : edges) {
        if (std::find(ops.begin(), ops.end(), e.op) == ops.end())
            ops.push_back(e.op);
    }
    const auto rank = [&](const std::string &op) {
        const auto it = std::find(order.begin(), order.end(), op);
        return it == order.end() ? order.size() : size_t(it - order.begin());
    };
    std::stable_sort(ops.begin(), ops.end(), [&](const std::string &a, const std::string &b) {
        return rank(a) < rank(b) || (rank(a) == rank(b) && a < b);
    });
    return ops;
}

// The edge statements of one cell as the studio draws them: one per path, or one per pair of
// nodes (merged), coloured by operation or in black with line styles (monochrome).
QString edgeStatements(const std::vector<GenotypeEdge> &edges, const DotStyle &style,
                       const CellDrawing &drawing, const QString &prefix, const QString &indent)
{
    // Groups of edges drawn as one: a pair of nodes when merging, else every path alone.
    std::vector<std::vector<const GenotypeEdge *>> groups;
    for (const GenotypeEdge &e : edges) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto &g) {
            return drawing.merge && g.front()->source == e.source && g.front()->target == e.target;
        });
        if (it == groups.end())
            groups.push_back({&e});
        else
            it->push_back(&e);
    }
    float maxAbs = 0.0f;
    for (const GenotypeEdge &e : edges)
        maxAbs = std::max(maxAbs, std::fabs(e.weight));

    QString out;
    for (auto &group : groups) {
        std::stable_sort(group.begin(), group.end(), [](const auto *a, const auto *b) {
            return std::fabs(a->weight) > std::fabs(b->weight);
        });
        const GenotypeEdge &first = *group.front();
        const bool single = group.size() == 1;
        float strongest = 0.0f;
        bool highlighted = false;
        for (const GenotypeEdge *e : group) {
            strongest = std::max(strongest, std::fabs(e->weight));
            highlighted = highlighted ||
                          (e->source == style.highlightSource &&
                           e->target == style.highlightTarget && e->op == style.highlightOp);
        }
        const auto lineColor = [&](const std::string &op) {
            if (drawing.monochrome)
                return QString::fromLatin1(monochromeLine(op).color);
            return QString::fromStdString(style.colorByOp ? opColor(op) : style.edgeColor);
        };
        const auto text = [&](const GenotypeEdge &e, const QString &separator) {
            QStringList parts;
            if (style.showOpLabels)
                parts << QString::fromStdString(e.op);
            if (style.showWeights)
                parts << diagramWeight(e.weight, style.weightDecimals);
            return parts.join(separator);
        };

        QStringList attrs;
        QString color = single ? lineColor(first.op)
                               : QString::fromStdString(drawing.monochrome ? std::string("#000000")
                                                                           : style.edgeColor);
        if (single) {
            const QString label = text(first, QStringLiteral("\n"));
            if (!label.isEmpty())
                attrs << QStringLiteral("label=") + quoted(label);
        } else if (style.showOpLabels || style.showWeights) {
            // One line per operation, strongest first, each in its operation's colour.
            QStringList lines;
            const size_t listed = drawing.mergedLines > 0
                                      ? std::min(group.size(), size_t(drawing.mergedLines))
                                      : group.size();
            for (size_t i = 0; i < listed; ++i) {
                const GenotypeEdge *e = group[i];
                const QString line = text(*e, QStringLiteral(" ")).toHtmlEscaped();
                lines << (drawing.monochrome || !style.colorByOp
                              ? line
                              : QStringLiteral("<font color=\"%1\">%2</font>")
                                    .arg(lineColor(e->op), line));
            }
            if (listed < group.size())
                lines << QStringLiteral("+%1 more").arg(group.size() - listed);
            attrs << QStringLiteral("label=<") + lines.join(QStringLiteral("<br/>")) + u'>';
        } else {
            attrs << QStringLiteral("label=") +
                         quoted(QStringLiteral("\u00d7%1").arg(group.size()));
        }
        double pen = 1.5;
        if (style.showWeights && maxAbs > 0.0f && std::isfinite(maxAbs))
            pen = 1.0 + 3.0 * double(strongest / maxAbs);
        if (highlighted) {
            color = QString::fromStdString(style.highlightColor);
            pen += 2.5;
        }
        attrs << QStringLiteral("color=") + quoted(color);
        attrs << QStringLiteral("fontcolor=") +
                     quoted(drawing.monochrome && !highlighted ? QStringLiteral("#000000") : color);
        if (drawing.monochrome && single)
            attrs << QStringLiteral("style=") +
                         quoted(QLatin1String(monochromeLine(first.op).style));
        attrs << QStringLiteral("penwidth=") + number(std::round(pen * 100.0) / 100.0);
        out += indent + nodeId(prefix, first.source) + QStringLiteral(" -> ") +
               nodeId(prefix, first.target) + QStringLiteral(" [") +
               attrs.join(QStringLiteral(", ")) + QStringLiteral("];\n");
    }
    return out;
}

// A legend of `ops`: for each, a short sample of its line followed by its name, in a box placed
// (by an invisible edge) after `anchor`, the cell's output.
QString legendStatements(const std::vector<std::string> &ops, const DotStyle &style,
                         const CellDrawing &drawing, const QString &anchor)
{
    if (ops.empty())
        return QString();
    const double fontSize = style.fontSize * 0.8;
    QString out = QStringLiteral("    subgraph cluster_legend {\n");
    out += QStringLiteral("        label=\"operations\"; labeljust=l; style=\"rounded\"; "
                          "color=\"#bbbbbb\"; fontsize=%1; margin=6;\n")
               .arg(number(fontSize));
    // The names left-aligned in boxes of one width, so the samples line up.
    size_t longest = 0;
    for (const std::string &op : ops)
        longest = std::max(longest, op.size());
    out += QStringLiteral("        node [shape=plaintext, style=\"\", fontsize=%1, height=0.2, "
                          "width=%2, margin=\"0.04,0\"];\n")
               .arg(number(fontSize), number(double(longest) * fontSize * 0.62 / 72.0 + 0.1));
    out += QStringLiteral("        edge [arrowhead=none, penwidth=2, minlen=1];\n");
    for (size_t i = 0; i < ops.size(); ++i) {
        const std::string &op = ops[i];
        const QString a = QStringLiteral("legend_%1a").arg(i);
        const QString b = QStringLiteral("legend_%1b").arg(i);
        QString color, fontColor, lineStyle = QStringLiteral("solid");
        if (drawing.monochrome) {
            const MonochromeLine line = monochromeLine(op);
            color = QLatin1String(line.color);
            fontColor = QStringLiteral("#000000");
            lineStyle = QLatin1String(line.style);
        } else {
            color = fontColor = QString::fromStdString(opColor(op));
        }
        out += QStringLiteral("        %1 [shape=point, width=0.01, height=0.01, style=invis];\n")
                   .arg(a);
        out += QStringLiteral("        %1 [label=%2, fontcolor=%3];\n")
                   .arg(b, quoted(QString::fromStdString(op)).chopped(1) + QStringLiteral("\\l\""),
                        quoted(fontColor));
        // Left to right: the sample runs along the rank direction and the entries stack
        // across it. Top to bottom: both ends on one rank, so the sample is still horizontal.
        if (!style.horizontal)
            out += QStringLiteral("        {rank=same; %1; %2;}\n").arg(a, b);
        out += QStringLiteral("        %1 -> %2 [color=%3, style=%4];\n")
                   .arg(a, b, quoted(color), quoted(lineStyle));
    }
    out += QStringLiteral("    }\n");
    // After the cell's output: right of it (left to right) or below it (top to bottom).
    out += QStringLiteral("    %1 -> legend_%2a [style=invis];\n").arg(anchor).arg(ops.size() / 2);
    return out;
}

// `dot` with `statements` added before its closing brace.
QString withStatements(const std::string &dot, const QString &statements)
{
    QString text = QString::fromStdString(dot);
    const qsizetype brace = text.lastIndexOf(u'}');
    if (brace < 0 || statements.isEmpty())
        return text;
    text.insert(brace, statements);
    return text;
}

// The edges of `cell` that the threshold keeps.
std::vector<GenotypeEdge> keptEdges(const CellGenotype &cell, float minAbs, const DotStyle &style,
                                    int *hidden)
{
    std::vector<GenotypeEdge> kept;
    for (const GenotypeEdge &e : cell.edges) {
        const bool highlighted = e.source == style.highlightSource &&
                                 e.target == style.highlightTarget && e.op == style.highlightOp;
        if (std::fabs(e.weight) >= minAbs || highlighted)
            kept.push_back(e);
    }
    if (hidden)
        *hidden = int(cell.edges.size() - kept.size());
    return kept;
}

} // namespace

namespace {
// As the core's DOT writer prints numbers (std::ostream, classic locale), so that a merged label
// reads exactly as the core's own one would.
std::string printed(float weight, int decimals, bool scientific)
{
    std::ostringstream os;
    os.imbue(std::locale::classic());
    os.setf(scientific ? std::ios::scientific : std::ios::fixed);
    os.precision(decimals);
    os << weight;
    return os.str();
}
} // namespace

bool needsScientific(float weight, int decimals)
{
    if (weight == 0.0f || !std::isfinite(weight))
        return false;
    return printed(weight, std::clamp(decimals, 0, 9), false).find_first_of("123456789") ==
           std::string::npos;
}

QString diagramWeight(float weight, int decimals)
{
    decimals = std::clamp(decimals, 0, 9);
    if (!needsScientific(weight, decimals))
        return QString::fromStdString(printed(weight, decimals, false));
    return QString::fromStdString(printed(weight, std::max(decimals - 1, 1), true));
}

int decimalsForFixed(const std::vector<float> &weights)
{
    for (int d = 0; d < 9; ++d) {
        if (std::none_of(weights.begin(), weights.end(),
                         [d](float w) { return needsScientific(w, d); }))
            return d;
    }
    return 9;
}

MonochromeLine monochromeLine(const std::string &op)
{
    // Pools dotted, the skip dashed, convolutions solid; the larger kernel of a pair in grey.
    static const std::pair<const char *, MonochromeLine> lines[] = {
        {"max_pool_3x3", {"dotted", "#000000"}}, {"avg_pool_3x3", {"dotted", "#808080"}},
        {"skip_connect", {"dashed", "#000000"}}, {"sep_conv_3x3", {"solid", "#000000"}},
        {"sep_conv_5x5", {"solid", "#808080"}},  {"dil_conv_3x3", {"dashed", "#808080"}},
        {"dil_conv_5x5", {"dotted", "#505050"}}, {"none", {"dotted", "#b0b0b0"}},
    };
    for (const auto &[name, line] : lines) {
        if (op == name)
            return line;
    }
    return {"solid", "#505050"};
}

DotStyle monochromeStyle(DotStyle style)
{
    style.colorByOp = false;
    style.edgeColor = "#000000";
    style.inputFill = "#d9d9d9";
    style.nodeFill = "#ffffff";
    style.outputFill = "#a6a6a6";
    return style;
}

QString cellDrawingDot(const CellGenotype &cell, const DotStyle &style, const CellWeights *supernet,
                       const CellDrawing &drawing, int *shown, int *hidden)
{
    const DotStyle s = drawing.monochrome ? monochromeStyle(style) : style;
    CellGenotype drawn = cell;
    drawn.edges = keptEdges(cell, drawing.minAbs, style, hidden);
    if (shown)
        *shown = int(drawn.edges.size());
    QString statements;
    std::string dot;
    if (drawing.merge || drawing.monochrome) {
        // The nodes as the core draws them; the edges are ours.
        CellGenotype nodesOnly = drawn;
        nodesOnly.edges.clear();
        dot = cellToDot(nodesOnly, s, supernet);
        if (!cell.collapsed())
            statements = edgeStatements(drawn.edges, s, drawing, QString(), QStringLiteral("    "));
    } else {
        dot = cellToDot(drawn, s, supernet);
    }
    // A legend says what the colours or line styles mean: not needed when neither varies.
    if (drawing.legend && (s.colorByOp || drawing.monochrome) && !cell.collapsed())
        statements += legendStatements(
            opsDrawn(drawn.edges, supernet ? supernet->ops : std::vector<std::string>()), s,
            drawing, QStringLiteral("out"));
    return withStatements(dot, statements);
}

QString genotypeDrawingDot(const Genotype &genotype, const DotStyle &style,
                           const CellDrawing &drawing)
{
    const DotStyle s = drawing.monochrome ? monochromeStyle(style) : style;
    Genotype drawn = genotype;
    std::vector<GenotypeEdge> all;
    QString statements;
    for (CellGenotype &cell : drawn.cells) {
        cell.edges = keptEdges(cell, drawing.minAbs, style, nullptr);
        all.insert(all.end(), cell.edges.begin(), cell.edges.end());
        if ((drawing.merge || drawing.monochrome) && !cell.collapsed())
            statements += edgeStatements(cell.edges, s, drawing,
                                         QString::fromStdString(cell.type) + u'_',
                                         QStringLiteral("    "));
    }
    std::string dot;
    if (drawing.merge || drawing.monochrome) {
        Genotype nodesOnly = drawn;
        for (CellGenotype &cell : nodesOnly.cells)
            cell.edges.clear();
        dot = genotypeToDot(nodesOnly, s);
    } else {
        dot = genotypeToDot(drawn, s);
    }
    if (drawing.legend && (s.colorByOp || drawing.monochrome) && !drawn.cells.empty())
        statements += legendStatements(opsDrawn(all, {}), s, drawing,
                                       QString::fromStdString(drawn.cells.front().type) +
                                           QStringLiteral("_out"));
    return withStatements(dot, statements);
}

struct CellGraphView::Pane
{
    QString type;
    QWidget *widget = nullptr;
    QLabel *title = nullptr;
    /// "4 of 4 nodes, 98 paths": changes with every derivation, so it repaints and asks for no
    /// layout (a QLabel relaid out the dock and the main window each time: bench_gui's trace).
    StatusText *summary = nullptr;
    SvgView *view = nullptr;
    bool hasCell = false;
    CellWeights weights; ///< what `cell` was derived from; cellToDot's supernet for showDead
    CellGenotype cell;
    /// "12 hidden (|A| < 0.1) · show all": a StatusText, so a new count repaints the line and
    /// asks for no layout (a QLabel relaid out the dock, and with it the main window).
    StatusText *hiddenNote = nullptr;
    QString lastDot;
    quint64 newestRequest = 0;
    int hidden = 0;
};

CellGraphView::CellGraphView(QWidget *parent)
    : QWidget(parent), m_showWeights(new QAction(tr("Show weights"), this)),
      m_showDead(new QAction(tr("Show removed nodes faded"), this)),
      m_merge(new QAction(tr("One edge per pair of nodes"), this)),
      m_minAbs(new QDoubleSpinBox(this)), m_popOut(new QToolButton(this)),
      m_panesLayout(new QBoxLayout(QBoxLayout::LeftToRight))
{
    // Readable in a small dock for most of a search (dozens of paths): the operations of an
    // edge share one line, its label naming the two strongest. Every path is one click away.
    m_drawing.merge = true;
    m_drawing.mergedLines = 2;

    m_showWeights->setObjectName(QStringLiteral("showWeights"));
    m_showWeights->setToolTip(tr("Write each path's weight A on its edge; thicker pens for "
                                 "larger |A|."));
    m_showDead->setObjectName(QStringLiteral("showDead"));
    m_showDead->setToolTip(tr("Also draw the nodes that derivation removed, and their non-zero "
                              "paths, in grey."));
    m_merge->setObjectName(QStringLiteral("merge"));
    m_merge->setToolTip(tr("Draw one edge for all operations between two nodes, labelled with "
                           "the strongest ones, instead of one edge per operation."));
    for (QAction *a : {m_showWeights, m_showDead, m_merge}) {
        a->setCheckable(true);
        connect(a, &QAction::toggled, this, &CellGraphView::optionsChanged);
    }
    auto *options = new QToolButton(this);
    options->setObjectName(QStringLiteral("options"));
    options->setText(tr("Options"));
    options->setPopupMode(QToolButton::InstantPopup);
    options->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(options);
    menu->addAction(m_showWeights);
    menu->addAction(m_showDead);
    menu->addAction(m_merge);
    auto *allPaths = menu->addAction(tr("Show every path"));
    allPaths->setObjectName(QStringLiteral("allPaths"));
    connect(allPaths, &QAction::triggered, this, &CellGraphView::showAllPaths);
    options->setMenu(menu);

    m_minAbs->setObjectName(QStringLiteral("minAbs"));
    m_minAbs->setRange(0.0, 100.0);
    m_minAbs->setDecimals(3);
    m_minAbs->setSingleStep(0.01);
    m_minAbs->setSpecialValueText(tr("all"));
    m_minAbs->setToolTip(tr("Draw only the paths with |A| at least this large (the selected "
                            "path is always drawn)"));
    connect(m_minAbs, &QDoubleSpinBox::valueChanged, this, &CellGraphView::optionsChanged);
    auto *minAbsLabel = new QLabel(tr("|A| ≥"), this);
    minAbsLabel->setBuddy(m_minAbs);

    m_popOut->setObjectName(QStringLiteral("popOut"));
    m_popOut->setText(tr("Pop out"));
    m_popOut->setToolTip(tr("Show the cells in a window of their own, or back in the dock"));
    m_popOut->setVisible(false); // until the view is in a dock
    connect(m_popOut, &QToolButton::clicked, this, &CellGraphView::togglePopOut);

    auto *tools = new QHBoxLayout;
    tools->addWidget(options);
    tools->addSpacing(6);
    tools->addWidget(minAbsLabel);
    tools->addWidget(m_minAbs);
    tools->addStretch(1);
    tools->addWidget(m_popOut);

    m_panesLayout->setSpacing(12);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(tools);
    layout->addLayout(m_panesLayout, 1);

    syncTools();
    // The two cells of the DARTS search space, waiting for the first derivation.
    ensurePane(QStringLiteral("normal"));
    ensurePane(QStringLiteral("reduce"));
}

CellGraphView::~CellGraphView() = default;

CellGraphView::Pane *CellGraphView::pane(const QString &cellType) const
{
    for (const auto &p : m_panes) {
        if (p->type == cellType)
            return p.get();
    }
    return nullptr;
}

CellGraphView::Pane *CellGraphView::ensurePane(const QString &cellType)
{
    if (Pane *p = pane(cellType))
        return p;
    auto p = std::make_unique<Pane>();
    p->type = cellType;
    p->widget = new QWidget(this);
    p->title = new QLabel(cellTitle(cellType), p->widget);
    QFont bold = p->title->font();
    bold.setBold(true);
    p->title->setFont(bold);
    p->summary = new StatusText(1, p->widget);
    p->summary->setObjectName(QStringLiteral("summary_") + cellType);
    p->summary->setForegroundRole(QPalette::PlaceholderText);
    // Side by side in a narrow dock, the summaries must not widen it: they are cut instead.
    p->summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    p->view = new SvgView(p->widget);
    p->view->setObjectName(QStringLiteral("svg_") + cellType);
    p->view->setPlaceholderText(tr("Waiting for the first derivation…"));
    p->hiddenNote = new StatusText(1, p->widget); // a narrow dock elides it; the link stays
    p->hiddenNote->setObjectName(QStringLiteral("hidden_") + cellType);
    p->hiddenNote->setForegroundRole(QPalette::PlaceholderText);
    p->hiddenNote->setLink(tr("show all"));
    p->hiddenNote->setVisible(false);
    connect(p->hiddenNote, &StatusText::linkActivated, this, &CellGraphView::showAllPaths);

    auto *header = new QHBoxLayout;
    header->addWidget(p->title);
    header->addWidget(p->summary, 1);
    auto *column = new QVBoxLayout(p->widget);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(header);
    column->addWidget(p->view, 1);
    column->addWidget(p->hiddenNote);
    m_panesLayout->addWidget(p->widget, 1);
    m_panes.push_back(std::move(p));
    return m_panes.back().get();
}

void CellGraphView::setCells(const std::vector<CellWeights> &weights)
{
    m_weights = weights;
    // Cell types that are gone leave the view.
    for (auto it = m_panes.begin(); it != m_panes.end();) {
        const bool present = std::any_of(weights.begin(), weights.end(), [&](const auto &w) {
            return QString::fromStdString(w.type) == (*it)->type;
        });
        if (present || weights.empty()) {
            ++it;
            continue;
        }
        delete (*it)->widget;
        it = m_panes.erase(it);
    }
    for (size_t i = 0; i < weights.size(); ++i) {
        Pane *p = ensurePane(QString::fromStdString(weights[i].type));
        // Keep the panes in the order of `weights`.
        if (m_panesLayout->indexOf(p->widget) != int(i)) {
            m_panesLayout->removeWidget(p->widget);
            m_panesLayout->insertWidget(int(i), p->widget, 1);
        }
        p->weights = weights[i];
        p->cell = deriveCell(p->weights);
        p->hasCell = true;
        updateSummary(*p);
        request(*p);
    }
}

void CellGraphView::clear()
{
    m_weights.clear();
    for (const auto &p : m_panes) {
        p->hasCell = false;
        p->cell = CellGenotype();
        p->weights = CellWeights();
        p->lastDot.clear();
        // An id that was never requested: every answer still on its way is now stale.
        p->newestRequest = ++m_nextRequest;
        p->view->clear();
        updateSummary(*p);
    }
}

Genotype CellGraphView::genotype() const
{
    Genotype g;
    for (const CellWeights &w : m_weights) {
        if (const Pane *p = pane(QString::fromStdString(w.type)); p && p->hasCell)
            g.cells.push_back(p->cell);
    }
    return g;
}

void CellGraphView::setStyle(const DotStyle &style)
{
    // New highlight fields set here apply to every cell (highlightEdge() names one).
    if (style.highlightSource != m_style.highlightSource ||
        style.highlightTarget != m_style.highlightTarget ||
        style.highlightOp != m_style.highlightOp)
        m_highlightCell.clear();
    m_style = style;
    syncTools();
    requestAll();
}

void CellGraphView::setDrawing(const CellDrawing &drawing)
{
    m_drawing = drawing;
    syncTools();
    requestAll();
}

void CellGraphView::showAllPaths()
{
    CellDrawing d = m_drawing;
    d.merge = false;
    d.minAbs = 0.0f;
    setDrawing(d);
}

int CellGraphView::hiddenPaths(const QString &cellType) const
{
    const Pane *p = pane(cellType);
    return p ? p->hidden : 0;
}

void CellGraphView::syncTools()
{
    const QSignalBlocker blockWeights(m_showWeights);
    const QSignalBlocker blockDead(m_showDead);
    const QSignalBlocker blockMerge(m_merge);
    const QSignalBlocker blockMinAbs(m_minAbs);
    m_showWeights->setChecked(m_style.showWeights);
    m_showDead->setChecked(m_style.showDead);
    m_merge->setChecked(m_drawing.merge);
    m_minAbs->setValue(double(m_drawing.minAbs));
}

QByteArray CellGraphView::svg(const QString &cellType) const
{
    const Pane *p = pane(cellType);
    return p ? p->view->svg() : QByteArray();
}

QString CellGraphView::lastDot(const QString &cellType) const
{
    const Pane *p = pane(cellType);
    return p ? p->lastDot : QString();
}

quint64 CellGraphView::newestRequest(const QString &cellType) const
{
    const Pane *p = pane(cellType);
    return p ? p->newestRequest : 0;
}

QString CellGraphView::summary(const QString &cellType) const
{
    const Pane *p = pane(cellType);
    return p ? p->summary->text() : QString();
}

void CellGraphView::setRendered(quint64 requestId, const QString &cellType, const QByteArray &svg,
                                const QString &error)
{
    Pane *p = pane(cellType);
    // Only the answer to the newest request is shown; older ones are stale, not queued.
    if (!p || requestId != p->newestRequest)
        return;
    if (!error.isEmpty())
        p->view->showMessage(tr("Graphviz could not draw the cell:\n%1").arg(error), true);
    else
        p->view->setSvg(svg);
    updateOrientation();
}

void CellGraphView::highlightEdge(const QString &cellType, int edge, int op)
{
    if (edge < 0) {
        m_style.highlightSource = -1;
        m_style.highlightTarget = -1;
        m_style.highlightOp.clear();
        m_highlightCell.clear();
    } else {
        const Pane *p = pane(cellType);
        const CellWeights *w = p && p->hasCell ? &p->weights : nullptr;
        const EdgeEnds ends = edgeEnds(edge, w ? w->inputs : 2);
        m_style.highlightSource = ends.source;
        m_style.highlightTarget = ends.target;
        m_style.highlightOp.clear();
        if (w && op < 0 && edge < numEdges(w->nodes, w->inputs)) {
            // The strongest path of the edge (DotStyle names one op).
            float best = 0.0f;
            for (size_t o = 0; o < w->ops.size(); ++o) {
                if (w->ops[o] != "none" && std::fabs(w->at(edge, int(o))) > best) {
                    best = std::fabs(w->at(edge, int(o)));
                    op = int(o);
                }
            }
        }
        if (w && op >= 0 && size_t(op) < w->ops.size())
            m_style.highlightOp = w->ops[size_t(op)];
        m_highlightCell = cellType;
    }
    requestAll();
}

DotStyle CellGraphView::styleFor(const QString &cellType) const
{
    DotStyle s = m_style;
    if (!m_highlightCell.isEmpty() && cellType != m_highlightCell) {
        s.highlightSource = -1;
        s.highlightTarget = -1;
        s.highlightOp.clear();
    }
    return s;
}

void CellGraphView::requestAll()
{
    for (const auto &p : m_panes)
        request(*p);
}

void CellGraphView::request(Pane &p)
{
    if (!p.hasCell)
        return;
    int shown = 0;
    const QString dot =
        cellDrawingDot(p.cell, styleFor(p.type), &p.weights, m_drawing, &shown, &p.hidden);
    // What the threshold leaves out is said under the drawing, with the way back.
    if (p.hidden > 0) {
        const QString threshold = QString::number(double(m_drawing.minAbs), 'g', 3);
        p.hiddenNote->setText(tr("%1 hidden (|A| < %2)").arg(p.hidden).arg(threshold));
        p.hiddenNote->setToolTip(tr("Paths weaker than the threshold are not drawn; \"show "
                                    "all\" draws every path, one edge each"));
    }
    p.hiddenNote->setVisible(p.hidden > 0);
    if (dot == p.lastDot)
        return;
    p.lastDot = dot;
    p.newestRequest = ++m_nextRequest;
    Q_EMIT renderRequested(p.newestRequest, p.type, dot);
}

void CellGraphView::updateSummary(Pane &p)
{
    if (!p.hasCell) {
        p.summary->setText(QString());
        p.summary->setToolTip(QString());
        return;
    }
    const CellGenotype &c = p.cell;
    if (c.collapsed()) {
        p.summary->setText(tr("collapsed: no node survives"));
    } else {
        // Spelled out rather than "%n path(s)": the studio has no English numerus translation.
        const int paths = int(c.edges.size());
        const int alive = int(c.aliveNodes.size());
        p.summary->setText(paths == 1
                               ? tr("%1 of %2 nodes, 1 path").arg(alive).arg(c.nodes)
                               : tr("%1 of %2 nodes, %3 paths").arg(alive).arg(c.nodes).arg(paths));
    }
    const int removed = countNonZeroPaths(p.weights) - int(c.edges.size());
    QString tip;
    if (removed == 1)
        tip = tr("1 more non-zero path was removed with its dead node");
    else if (removed > 1)
        tip = tr("%1 more non-zero paths were removed with their dead nodes").arg(removed);
    p.summary->setToolTip(tip);
}

void CellGraphView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateOrientation();
}

void CellGraphView::updateOrientation()
{
    // Side by side or stacked, whichever draws the cells larger.
    QSizeF image;
    int shown = 0;
    for (const auto &p : m_panes) {
        if (p->view->hasImage()) {
            image = image.expandedTo(p->view->imageSize());
            ++shown;
        }
    }
    if (shown < 2 || image.isEmpty())
        return;
    const double n = double(m_panes.size());
    const QSizeF area = size();
    const double sideBySide =
        std::min(area.width() / n / image.width(), area.height() / image.height());
    const double stacked =
        std::min(area.width() / image.width(), area.height() / n / image.height());
    m_panesLayout->setDirection(stacked > sideBySide ? QBoxLayout::TopToBottom
                                                     : QBoxLayout::LeftToRight);
}

void CellGraphView::optionsChanged()
{
    m_style.showWeights = m_showWeights->isChecked();
    m_style.showDead = m_showDead->isChecked();
    m_drawing.merge = m_merge->isChecked();
    m_drawing.minAbs = float(m_minAbs->value());
    requestAll();
}

bool CellGraphView::event(QEvent *event)
{
    if (event->type() == QEvent::ParentChange)
        attachToDock();
    return QWidget::event(event);
}

void CellGraphView::attachToDock()
{
    auto *dock = qobject_cast<QDockWidget *>(parentWidget());
    m_popOut->setVisible(dock != nullptr);
    if (!dock)
        return;
    floatingChanged(dock->isFloating());
    connect(dock, &QDockWidget::topLevelChanged, this, &CellGraphView::floatingChanged,
            Qt::UniqueConnection);
}

void CellGraphView::floatingChanged(bool floating)
{
    m_popOut->setText(floating ? tr("Dock") : tr("Pop out"));
}

void CellGraphView::togglePopOut()
{
    auto *dock = qobject_cast<QDockWidget *>(parentWidget());
    if (!dock)
        return;
    if (dock->isFloating()) {
        dock->setFloating(false);
        return;
    }
    // A window of its own, most of the screen: room for the cells' labels.
    dock->setFloating(true);
    if (QScreen *screen = dock->screen()) {
        const QRect available = screen->availableGeometry();
        const QSize size(available.width() * 3 / 4, available.height() * 3 / 4);
        dock->setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, available));
    }
    dock->raise();
    dock->activateWindow();
}

bool CellGraphView::exportImage(const QString &path, QString *error)
{
    std::vector<SvgView::TitledSvg> parts;
    QSizeF largest;
    for (const auto &p : m_panes) {
        if (p->view->hasImage()) {
            parts.push_back({cellTitle(p->type), p->view->svg()});
            largest = largest.expandedTo(p->view->imageSize());
        }
    }
    if (parts.empty()) {
        if (error)
            *error = tr("Could not write %1: no cell has been drawn yet.")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    // Wide drawings (rankdir LR) are stacked, tall ones placed side by side.
    const Qt::Orientation orientation = largest.width() > largest.height() ? Qt::Vertical
                                                                           : Qt::Horizontal;
    const QByteArray svg = SvgView::composeSvg(parts, orientation, error);
    if (svg.isEmpty())
        return false;
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) != 0)
        return SvgView::writeImage(svg, path, 2.0, error);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(svg) != svg.size() || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace sparsenas
