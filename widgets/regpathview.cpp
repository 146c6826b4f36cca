// SPDX-License-Identifier: MIT
#include "regpathview.h"

#include "colormaps.h"
#include "plotexport.h"

#include "sparsenas/base/genotype.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace sparsenas {

namespace {

constexpr double never = std::numeric_limits<double>::infinity();
const QString selectionLayer = QStringLiteral("selection");

bool validShape(const CellWeights &w)
{
    return w.nodes > 0 && !w.ops.empty() &&
           w.weights.size() == size_t(numEdges(w.nodes, w.inputs)) * w.ops.size();
}

} // namespace

RegPathView::RegPathView(QWidget *parent) : QWidget(parent)
{
    const PlotToolRow tools = addPlotWithToolRow(this, {tr("λ"), tr("Step")});
    m_xCombo = tools.xAxis;
    m_fitButton = tools.fit;
    m_plot = tools.plot;
    auto *cellLabel = new QLabel(tr("Cell:"), this);
    m_cellCombo = new QComboBox(this);
    fillCellCombo(false);
    cellLabel->setBuddy(m_cellCombo);
    tools.row->insertWidget(0, cellLabel);
    tools.row->insertWidget(1, m_cellCombo);
    tools.row->insertSpacing(2, 4);
    // Colour by edge or by operation; every path, or those into one node or on one edge.
    auto *colorLabel = new QLabel(tr("Colour:"), this);
    m_colorCombo = new QComboBox(this);
    m_colorCombo->setObjectName(QStringLiteral("colorBy"));
    m_colorCombo->addItem(tr("edge"));
    m_colorCombo->addItem(tr("operation"));
    m_colorCombo->setToolTip(tr("Colour each path by its edge or by its operation"));
    colorLabel->setBuddy(m_colorCombo);
    m_filterCombo = new QComboBox(this);
    m_filterCombo->setObjectName(QStringLiteral("filter"));
    m_filterCombo->setToolTip(tr("Every path, the paths into one node, or those of one edge"));
    m_filterCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_filterCombo->setMinimumContentsLength(6);
    m_colorCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_colorCombo->setMinimumContentsLength(6);
    tools.row->addSpacing(4);
    tools.row->addWidget(colorLabel);
    tools.row->addWidget(m_colorCombo);
    tools.row->addWidget(m_filterCombo);
    m_selectionLabel = new QLabel(this);
    m_selectionLabel->setMinimumWidth(0);
    m_selectionLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    tools.row->addSpacing(4);
    tools.row->addWidget(m_selectionLabel, 1);
    fillFilterCombo();

    connect(m_cellCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setCellType(m_cellCombo->itemData(index).toString()); });
    connect(m_xCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setXAxisMode(index == 1 ? XAxis::Step : XAxis::Lambda); });
    connect(m_fitButton, &QPushButton::clicked, this, &RegPathView::fitToData);
    connect(m_colorCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setColorBy(index == 1 ? ColorBy::Op : ColorBy::Edge); });
    connect(m_filterCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QPoint f = m_filterCombo->itemData(index).toPoint();
        setFilter(f.x(), f.y());
    });
    setupPlot();
}

void RegPathView::fillFilterCombo()
{
    // Items carry (node, edge); (-1, -1) is every path.
    const QSignalBlocker block(m_filterCombo);
    m_filterCombo->clear();
    m_filterCombo->addItem(tr("All paths"), QPoint(-1, -1));
    const CellPaths *cp = shownCell();
    const int nodes = cp ? cp->nodes : 0;
    const int in = cp ? cp->inputs : 2;
    for (int node = in; node < nodes + in; ++node)
        m_filterCombo->addItem(tr("Into node %1").arg(nodeName(node, in)), QPoint(node, -1));
    for (int e = 0; e < (nodes > 0 ? numEdges(nodes, in) : 0); ++e)
        m_filterCombo->addItem(tr("Edge %1").arg(edgeName(e, in)), QPoint(-1, e));
    const int index = m_filterCombo->findData(QPoint(m_filterNode, m_filterEdge));
    if (index < 0) {
        m_filterNode = m_filterEdge = -1;
        m_filterCombo->setCurrentIndex(0);
    } else {
        m_filterCombo->setCurrentIndex(index);
    }
}

void RegPathView::setFilter(int node, int edge)
{
    const int index = m_filterCombo->findData(QPoint(node, edge));
    if (index < 0) {
        node = edge = -1;
    }
    if (node == m_filterNode && edge == m_filterEdge)
        return;
    m_filterNode = node;
    m_filterEdge = edge;
    {
        const QSignalBlocker block(m_filterCombo);
        m_filterCombo->setCurrentIndex(std::max(index, 0));
    }
    // A selection the filter hides is dropped.
    if (m_selectedEdge >= 0 && !isShown(m_selectedEdge, m_selectedOp))
        m_selectedEdge = m_selectedOp = -1;
    rebuild();
    applyStyles();
    fitToData();
}

void RegPathView::showAllPaths()
{
    setFilter(-1, -1);
}

void RegPathView::filterToNode(int node)
{
    setFilter(node, -1);
}

void RegPathView::filterToEdge(int edge)
{
    setFilter(-1, edge);
}

bool RegPathView::isShown(int edge, int op) const
{
    if (edge < 0 || (m_filterEdge >= 0 && edge != m_filterEdge))
        return false;
    if (m_filterNode >= 0 && edgeEnds(edge, m_curvesInputs).target != m_filterNode)
        return false;
    return op < 0 || op < int(m_curvesOps.size());
}

void RegPathView::setColorBy(ColorBy colorBy)
{
    if (colorBy == m_colorBy)
        return;
    m_colorBy = colorBy;
    {
        const QSignalBlocker block(m_colorCombo);
        m_colorCombo->setCurrentIndex(colorBy == ColorBy::Op ? 1 : 0);
    }
    // The markers and legend swatches are per colour: made again for the new grouping.
    destroyCurves();
    rebuild();
    applyStyles();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int RegPathView::groupOf(size_t index) const
{
    const size_t nOps = std::max<size_t>(m_curvesOps.size(), 1);
    return int(m_colorBy == ColorBy::Edge ? index / nOps : index % nOps);
}

QColor RegPathView::groupColor(int group) const
{
    if (m_colorBy == ColorBy::Edge)
        return edgeColor(group);
    return opQColor(QString::fromStdString(m_curvesOps[size_t(group)]));
}

QString RegPathView::groupName(int group) const
{
    if (m_colorBy == ColorBy::Edge)
        return edgeName(group, m_curvesInputs);
    return QString::fromStdString(m_curvesOps[size_t(group)]);
}

void RegPathView::updateLegend(const std::vector<bool> &drawn)
{
    // One entry per colour drawn, in the groups' order: a filtered-out edge, or an operation
    // whose every path is hidden or has no data yet, has none.
    if (drawn == m_legendShown)
        return;
    for (QCPGraph *entry : m_legendEntries)
        entry->removeFromLegend();
    for (size_t g = 0; g < m_legendEntries.size() && g < drawn.size(); ++g) {
        if (drawn[g] && m_legendEntries[g]->addToLegend()) {
            // Room below the text: an item is clipped to its box, which ends at the font's
            // descent, and the underscores of the operation names lie just below it.
            if (QCPAbstractLegendItem *item = m_plot->legend->itemWithPlottable(m_legendEntries[g]))
                item->setMargins(QMargins(0, 0, 0, 2));
        }
    }
    m_legendShown = drawn;
    fitLegend(m_plot->viewport().height());
}

bool RegPathView::fitLegend(int plotHeight)
{
    // The legend is one column while its entries fit the plot's height and wraps into more
    // columns when they do not (14 edges on a 1024x700 screen), instead of drawing the entries
    // over each other.
    QCPLegend *legend = m_plot->legend;
    // itemCount() counts the grid's cells, empty ones too once it wraps.
    int rowHeight = 0, entries = 0;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (const QCPAbstractLegendItem *item = legend->item(i)) {
            rowHeight = std::max(rowHeight, item->minimumOuterSizeHint().height());
            ++entries;
        }
    }
    if (rowHeight <= 0)
        return false;
    const int spacing = legend->rowSpacing();
    const int available = plotHeight - legend->margins().top() - legend->margins().bottom() -
                          m_plot->plotLayout()->margins().top() -
                          m_plot->plotLayout()->margins().bottom();
    const int rows = std::max(1, (available + spacing) / (rowHeight + spacing));
    const int wrap = rows >= entries ? 0 : rows;
    if (wrap == legend->wrap())
        return false;
    legend->setWrap(wrap);
    legend->setFillOrder(QCPLayoutGrid::foRowsFirst, true);
    return true;
}

bool RegPathView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::Resize &&
        fitLegend(static_cast<QResizeEvent *>(event)->size().height()))
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    return QWidget::eventFilter(watched, event);
}

RegPathView::~RegPathView() = default;

void RegPathView::setupPlot()
{
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->setMouseTracking(true);
    m_plot->addLayer(selectionLayer, m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_plot->xAxis->setLabel(tr("λ"));
    m_plot->yAxis->setLabel(tr("Architecture weight A"));

    auto *zero = new QCPItemStraightLine(m_plot);
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(1, 0);
    zero->setPen(QPen(QColor(150, 150, 150), 1, Qt::DotLine));
    zero->setSelectable(false);
    zero->setLayer(QStringLiteral("grid"));

    // The edge legend sits right of the plot, outside the data, packed at the top of a side
    // column (an empty element below takes the remaining height).
    auto *side = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(0, 1, side);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    side->addElement(0, 0, m_plot->legend);
    side->addElement(1, 0, new QCPLayoutElement(m_plot));
    side->setRowStretchFactor(0, 0.001);
    side->setRowSpacing(0);
    m_plot->legend->setVisible(true);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setRowSpacing(2);
    m_plot->legend->setMargins(QMargins(2, 6, 6, 6));
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    m_plot->legend->setFont(legendFont);
    m_plot->legend->setIconSize(18, 8);
    m_plot->installEventFilter(this);

    connect(m_plot, &QCustomPlot::mousePress, this,
            [this](QMouseEvent *event) { m_pressPos = event->position(); });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *event) {
        // A press and release in place is a click; anything longer was a drag of the view.
        if (event->button() == Qt::LeftButton &&
            (event->position() - m_pressPos).manhattanLength() <= 3)
            clicked(event->position());
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        if (event->buttons() != Qt::NoButton) {
            m_autoFit = false;
            return;
        }
        const QString text = hoverText(event->position());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
    });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this](QWheelEvent *) { m_autoFit = false; });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent *) { fitToData(); });
    fitToData();
}

QString RegPathView::cellType() const
{
    return m_cellCombo->currentData().toString();
}

QCPCurve *RegPathView::pathCurve(int edge, int op) const
{
    const int nOps = int(m_curvesOps.size());
    if (edge < 0 || op < 0 || op >= nOps || size_t(edge) * nOps + op >= m_curves.size())
        return nullptr;
    return m_curves[size_t(edge) * nOps + size_t(op)];
}

QCPCurve *RegPathView::endMarkers(int group) const
{
    return group >= 0 && size_t(group) < m_markers.size() ? m_markers[size_t(group)] : nullptr;
}

RegPathView::CellPaths &RegPathView::cellPaths(const CellWeights &w)
{
    auto it = std::find_if(m_cells.begin(), m_cells.end(),
                           [&](const CellPaths &c) { return c.type == w.type; });
    if (it != m_cells.end() && it->nodes == w.nodes && it->inputs == w.inputs && it->ops == w.ops)
        return *it;
    // New cell type, or its shape changed (another supernet): start its paths afresh.
    if (it == m_cells.end()) {
        m_cells.emplace_back();
        it = m_cells.end() - 1;
    } else {
        *it = CellPaths();
    }
    it->type = w.type;
    it->nodes = w.nodes;
    it->inputs = w.inputs;
    // A run of the recurrent space has its one cell type in the chooser, a CNN run its two.
    const bool recurrent = w.inputs == 1;
    if ((m_cellCombo->findData(QStringLiteral("recurrent")) >= 0) != recurrent)
        fillCellCombo(recurrent);
    it->ops = w.ops;
    const auto none = std::find(w.ops.begin(), w.ops.end(), "none");
    it->noneOp = none == w.ops.end() ? -1 : int(none - w.ops.begin());
    it->firstZeroStep.assign(w.weights.size(), never);
    return *it;
}

const RegPathView::CellPaths *RegPathView::shownCell() const
{
    const std::string type = cellType().toStdString();
    for (const CellPaths &c : m_cells)
        if (c.type == type)
            return &c;
    return nullptr;
}

void RegPathView::noteZeros(CellPaths &cp, const Sample &s)
{
    for (size_t i = 0; i < s.weights.size(); ++i)
        if (s.weights[i] == 0.0f && s.step < cp.firstZeroStep[i])
            cp.firstZeroStep[i] = s.step;
}

void RegPathView::insertPoint(CellPaths &cp, Sample sample, bool replace)
{
    // Kept in step order: the main window may hand over an epoch's summary after snapshots of
    // the next epoch. An epoch end replaces a lambda-change point at the same step.
    const auto at = std::lower_bound(cp.points.begin(), cp.points.end(), sample.step,
                                     [](const Sample &p, double step) { return p.step < step; });
    if (at != cp.points.end() && at->step == sample.step) {
        if (replace)
            *at = std::move(sample);
        return;
    }
    cp.points.insert(at, std::move(sample));
}

void RegPathView::addSnapshots(const std::vector<Snapshot> &snapshots)
{
    bool any = false;
    for (const Snapshot &s : snapshots) {
        for (const CellSnapshot &cell : s.cells) {
            if (!validShape(cell.weights))
                continue;
            CellPaths &cp = cellPaths(cell.weights);
            Sample sample{double(s.step), s.lambda, cell.weights.weights};
            noteZeros(cp, sample);
            // Lambda changed within the epoch: the last iterate at the old lambda is a point of
            // the path, as an epoch end is.
            if (cp.hasTip && s.lambda != cp.tip.lambda)
                insertPoint(cp, cp.tip, false);
            // Step mode keeps every stride-th snapshot; when full, every other one goes and the
            // stride doubles, so the kept ones stay evenly spaced.
            if (cp.seen % cp.stride == 0) {
                cp.steps.push_back(sample);
                if (cp.steps.size() > size_t(maxStepSamples)) {
                    size_t kept = 0;
                    for (size_t i = 0; i < cp.steps.size(); i += 2, ++kept)
                        if (i != kept) // a vector moved onto itself would empty
                            cp.steps[kept] = std::move(cp.steps[i]);
                    cp.steps.resize(kept);
                    cp.stride *= 2;
                }
            }
            ++cp.seen;
            cp.latest = sample;
            cp.hasLatest = true;
            cp.tip = std::move(sample);
            cp.hasTip = true;
            any = true;
        }
    }
    if (any)
        dataChanged();
}

void RegPathView::addEpoch(const EpochSummary &epoch)
{
    bool any = false;
    for (const CellSnapshot &cell : epoch.cells) {
        if (!validShape(cell.weights))
            continue;
        CellPaths &cp = cellPaths(cell.weights);
        Sample sample{double(epoch.step), epoch.lambda, cell.weights.weights};
        noteZeros(cp, sample);
        insertPoint(cp, std::move(sample), true);
        if (cp.hasTip && cp.tip.step <= double(epoch.step))
            cp.hasTip = false;
        any = true;
    }
    if (any)
        dataChanged();
}

void RegPathView::addEvent(const RunEvent &)
{
    // Lambda changes show as the points they add (see addSnapshots); the other events are
    // marked on the training curves.
}

void RegPathView::destroyCurves()
{
    for (QCPCurve *c : m_curves)
        if (c)
            m_plot->removePlottable(c);
    for (QCPCurve *c : m_markers)
        m_plot->removePlottable(c);
    for (QCPGraph *g : m_legendEntries)
        m_plot->removePlottable(g);
    m_curves.clear();
    m_markers.clear();
    m_markerPaths.clear();
    m_legendEntries.clear();
    m_legendShown.clear();
    m_curvesType.clear();
    m_curvesNodes = 0;
    m_curvesInputs = 2;
    m_curvesOps.clear();
}

void RegPathView::ensureCurves()
{
    const CellPaths *cp = shownCell();
    if (!cp) {
        destroyCurves();
        return;
    }
    if (cp->type == m_curvesType && cp->nodes == m_curvesNodes && cp->inputs == m_curvesInputs &&
        cp->ops == m_curvesOps)
        return;
    destroyCurves();
    m_curvesType = cp->type;
    m_curvesNodes = cp->nodes;
    m_curvesInputs = cp->inputs;
    m_curvesOps = cp->ops;
    const int edges = numEdges(cp->nodes, cp->inputs);
    const int nOps = int(cp->ops.size());
    m_curves.assign(size_t(edges) * nOps, nullptr);
    for (int e = 0; e < edges; ++e) {
        for (int o = 0; o < nOps; ++o) {
            if (o == cp->noneOp)
                continue;
            auto *curve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
            curve->setName(edgeName(e, cp->inputs) + QStringLiteral(", ") +
                           QString::fromStdString(cp->ops[size_t(o)]));
            m_curves[size_t(e) * nOps + o] = curve;
        }
    }
    // One legend swatch and one set of end markers per colour.
    const int groups = m_colorBy == ColorBy::Edge ? edges : nOps;
    m_markerPaths.assign(size_t(groups), {});
    for (int g = 0; g < groups; ++g) {
        QCPGraph *entry = m_plot->addGraph();
        entry->setName(groupName(g));
        entry->setPen(QPen(groupColor(g), 2.5));
        entry->setSelectable(QCP::stNone);
        entry->removeFromLegend();
        m_legendEntries.push_back(entry);
        auto *markers = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        markers->setLineStyle(QCPCurve::lsNone);
        m_markers.push_back(markers);
    }
    m_legendShown.assign(size_t(groups), false);
    fillFilterCombo();
    applyStyles();
}

void RegPathView::rebuild()
{
    ensureCurves();
    const CellPaths *cp = shownCell();
    if (!cp || m_curves.empty())
        return;
    const bool stepMode = m_xMode == XAxis::Step;
    // The samples each path runs through, oldest first.
    std::vector<const Sample *> seq;
    if (stepMode && !cp->steps.empty()) {
        for (const Sample &s : cp->steps)
            seq.push_back(&s);
        if (cp->hasLatest && cp->latest.step > cp->steps.back().step)
            seq.push_back(&cp->latest);
    } else {
        for (const Sample &s : cp->points)
            seq.push_back(&s);
        if (cp->hasTip && (cp->points.empty() || cp->tip.step > cp->points.back().step))
            seq.push_back(&cp->tip);
    }
    for (size_t g = 0; g < m_markers.size(); ++g) {
        m_markers[g]->data()->clear();
        m_markerPaths[g].clear();
    }
    std::vector<bool> drawn(m_markers.size(), false);
    const int nOps = int(cp->ops.size());
    QVector<double> keys, values;
    keys.reserve(int(seq.size()) + 1);
    values.reserve(int(seq.size()) + 1);
    for (size_t idx = 0; idx < m_curves.size(); ++idx) {
        QCPCurve *curve = m_curves[idx];
        if (!curve)
            continue;
        const bool shown = isShown(int(idx) / nOps, int(idx) % nOps);
        curve->setVisible(shown);
        keys.clear();
        values.clear();
        // In step mode the first zero is known exactly (from every snapshot, not only the
        // thinned ones); in lambda mode a path ends at its first point that is exactly zero.
        const double zeroStep = stepMode ? cp->firstZeroStep[idx] : never;
        bool dead = false;
        for (const Sample *s : seq) {
            if (s->step >= zeroStep)
                break;
            const double v = s->weights[idx];
            keys.append(stepMode ? s->step : s->lambda);
            values.append(v);
            if (v == 0.0) {
                dead = true;
                break;
            }
        }
        if (!dead && zeroStep != never) {
            keys.append(zeroStep);
            values.append(0.0);
            dead = true;
        }
        curve->setData(keys, values);
        const int g = groupOf(idx);
        if (shown && !keys.isEmpty())
            drawn[size_t(g)] = true;
        if (dead && shown) {
            m_markers[size_t(g)]->addData(double(m_markerPaths[size_t(g)].size()), keys.back(),
                                          0.0);
            m_markerPaths[size_t(g)].push_back(int(idx));
        }
    }
    updateLegend(drawn);
}

void RegPathView::applyStyles()
{
    const int nOps = int(m_curvesOps.size());
    const bool anySelected = m_selectedEdge >= 0;
    for (size_t idx = 0; idx < m_curves.size(); ++idx) {
        QCPCurve *curve = m_curves[idx];
        if (!curve)
            continue;
        const int e = int(idx) / nOps;
        const int o = int(idx) % nOps;
        const bool selected = e == m_selectedEdge && o == m_selectedOp;
        QColor color = groupColor(groupOf(idx));
        if (anySelected && !selected)
            color.setAlpha(45);
        curve->setPen(QPen(color, selected ? 3.0 : 1.2));
        // ~100 antialiased, partly transparent polylines cost tens of ms per replot in the raster
        // engine (measured with bench_gui); only the selected path is smoothed.
        curve->setAntialiased(selected);
        curve->setLayer(selected ? selectionLayer : QStringLiteral("main"));
    }
    const int selectedGroup = anySelected && m_selectedOp >= 0
                                  ? groupOf(size_t(m_selectedEdge) * nOps + m_selectedOp)
                                  : -1;
    for (size_t g = 0; g < m_markers.size(); ++g) {
        QColor color = groupColor(int(g));
        if (anySelected && int(g) != selectedGroup)
            color.setAlpha(45);
        m_markers[g]->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCross, QPen(color, 1.5), Qt::NoBrush, 8));
        m_markers[g]->setLayer(int(g) == selectedGroup ? selectionLayer : QStringLiteral("main"));
    }
    if (anySelected && m_selectedOp >= 0 && m_selectedOp < nOps) {
        m_selectionLabel->setText(
            tr("Selected: %1, %2")
                .arg(edgeName(m_selectedEdge, m_curvesInputs),
                     QString::fromStdString(m_curvesOps[size_t(m_selectedOp)])));
    } else {
        m_selectionLabel->clear();
    }
}

void RegPathView::dataChanged()
{
    rebuild();
    if (m_autoFit)
        fitToData();
    else
        m_plot->replot(QCustomPlot::rpQueuedReplot);
}

RegPathView::Hit RegPathView::hitAt(const QPointF &pixel) const
{
    Hit hit;
    QCPAbstractPlottable *p = m_plot->plottableAt(pixel, false);
    if (!p)
        return hit;
    auto *curve = qobject_cast<QCPCurve *>(p);
    if (!curve || curve->data()->isEmpty())
        return hit;
    // The data point nearest to the pixel, on the line or marker set that was hit.
    double best = std::numeric_limits<double>::max();
    int index = 0;
    for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it) {
        const QPointF q = curve->coordsToPixels(it->key, it->value);
        const double d = QPointF::dotProduct(q - pixel, q - pixel);
        if (d < best) {
            best = d;
            index = int(it - curve->data()->constBegin());
        }
    }
    const QCPCurveData &point = *(curve->data()->constBegin() + index);
    const int nOps = int(m_curvesOps.size());
    const auto path = std::find(m_curves.begin(), m_curves.end(), curve);
    if (path != m_curves.end()) {
        const int idx = int(path - m_curves.begin());
        hit.edge = idx / nOps;
        hit.op = idx % nOps;
    } else {
        const auto marker = std::find(m_markers.begin(), m_markers.end(), curve);
        if (marker == m_markers.end())
            return hit;
        const int path = m_markerPaths[size_t(marker - m_markers.begin())][size_t(index)];
        hit.edge = path / nOps;
        hit.op = path % nOps;
    }
    hit.index = index;
    hit.key = point.key;
    hit.value = point.value;
    return hit;
}

QString RegPathView::hoverText(const QPointF &pixel) const
{
    const Hit hit = hitAt(pixel);
    if (hit.edge < 0)
        return QString();
    const QString op = QString::fromStdString(m_curvesOps[size_t(hit.op)]);
    const QString value = QString::number(hit.value, 'g', 4);
    if (m_xMode == XAxis::Step)
        return tr("%1, %2: A = %3 at step %4")
            .arg(edgeName(hit.edge, m_curvesInputs), op, value, QString::number(qint64(hit.key)));
    return tr("%1, %2: A = %3 at λ = %4")
        .arg(edgeName(hit.edge, m_curvesInputs), op, value, QString::number(hit.key, 'g', 4));
}

void RegPathView::clicked(const QPointF &pixel)
{
    const Hit hit = hitAt(pixel);
    if (hit.edge < 0 && m_selectedEdge < 0)
        return;
    m_selectedEdge = hit.edge;
    m_selectedOp = hit.op;
    applyStyles();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT pathSelected(cellType(), hit.edge, hit.op);
}

void RegPathView::highlightPath(const QString &type, int edge, int op)
{
    if (m_cellCombo->findData(type) >= 0 && type != cellType())
        setCellType(type);
    const bool valid = edge >= 0 && op >= 0 && op < int(m_curvesOps.size()) &&
                       edge < (m_curvesNodes > 0 ? numEdges(m_curvesNodes, m_curvesInputs) : 0);
    // A path selected elsewhere (the heatmap, the cell graph) is shown even if filtered out.
    if (valid && !isShown(edge, op))
        setFilter(-1, -1);
    m_selectedEdge = valid ? edge : -1;
    m_selectedOp = valid ? op : -1;
    applyStyles();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void RegPathView::setCellType(const QString &type)
{
    const int index = m_cellCombo->findData(type);
    if (index < 0)
        return;
    {
        const QSignalBlocker block(m_cellCombo);
        m_cellCombo->setCurrentIndex(index);
    }
    m_selectedEdge = m_selectedOp = -1;
    rebuild();
    applyStyles();
    fitToData();
}

void RegPathView::setXAxisMode(XAxis mode)
{
    if (mode == m_xMode)
        return;
    m_xMode = mode;
    {
        const QSignalBlocker block(m_xCombo);
        m_xCombo->setCurrentIndex(mode == XAxis::Step ? 1 : 0);
    }
    m_plot->xAxis->setLabel(mode == XAxis::Step ? tr("Step") : tr("λ"));
    rebuild();
    fitToData();
}

void RegPathView::fillCellCombo(bool recurrent)
{
    const QSignalBlocker block(m_cellCombo);
    m_cellCombo->clear();
    if (recurrent) {
        m_cellCombo->addItem(tr("Recurrent"), QStringLiteral("recurrent"));
    } else {
        m_cellCombo->addItem(tr("Normal"), QStringLiteral("normal"));
        m_cellCombo->addItem(tr("Reduction"), QStringLiteral("reduce"));
    }
    m_cellCombo->setCurrentIndex(0);
}

void RegPathView::clearRun()
{
    if (m_cellCombo->findData(QStringLiteral("recurrent")) >= 0)
        fillCellCombo(false);
    m_cells.clear();
    destroyCurves();
    m_selectedEdge = m_selectedOp = -1;
    m_selectionLabel->clear();
    fitToData();
}

bool RegPathView::exportImage(const QString &path, QString *error)
{
    return exportPlot(m_plot, path, error);
}

void RegPathView::fitToData()
{
    m_autoFit = true;
    QCPRange keys, values(0, 0);
    bool anyKey = false;
    for (QCPCurve *c : m_curves) {
        if (!c || !c->visible())
            continue;
        bool found = false;
        const QCPRange k = c->getKeyRange(found);
        if (!found)
            continue;
        keys = anyKey ? QCPRange(std::min(keys.lower, k.lower), std::max(keys.upper, k.upper)) : k;
        anyKey = true;
        const QCPRange v = c->getValueRange(found);
        if (found)
            values.expand(v);
    }
    if (!anyKey)
        keys = m_xMode == XAxis::Step ? QCPRange(0, 100) : QCPRange(0, 0.01);
    if (!(keys.upper > keys.lower))
        keys = QCPRange(keys.lower - 0.5 * std::max(std::abs(keys.lower), 1e-3),
                        keys.upper + 0.5 * std::max(std::abs(keys.upper), 1e-3));
    if (!(values.upper > values.lower))
        values = QCPRange(-1, 1);
    const double kPad = keys.size() * 0.02, vPad = values.size() * 0.05;
    m_plot->xAxis->setRange(keys.lower - kPad, keys.upper + kPad);
    m_plot->yAxis->setRange(values.lower - vPad, values.upper + vPad);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace sparsenas
