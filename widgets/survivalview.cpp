// SPDX-License-Identifier: MIT
#include "survivalview.h"

#include "plotexport.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace sparsenas {

namespace {

const QColor normalColor(31, 119, 180);
const QColor reduceColor(214, 39, 40);
const QColor elementColor(90, 90, 90);
const QColor groupColor(117, 107, 177);

const CellSnapshot *findCell(const std::vector<CellSnapshot> &cells, const char *type)
{
    for (const CellSnapshot &c : cells)
        if (c.weights.type == type)
            return &c;
    return nullptr;
}

} // namespace

SurvivalView::SurvivalView(QWidget *parent) : QWidget(parent)
{
    const PlotToolRow tools = addPlotWithToolRow(this, {tr("Epoch"), tr("λ")});
    tools.row->addStretch(1);
    m_xCombo = tools.xAxis;
    m_fitButton = tools.fit;
    m_plot = tools.plot;

    connect(m_xCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setXAxisMode(index == 1 ? XAxis::Lambda : XAxis::Epoch); });
    connect(m_fitButton, &QPushButton::clicked, this, &SurvivalView::fitToData);
    setupPlot();
}

SurvivalView::~SurvivalView() = default;

void SurvivalView::setupPlot()
{
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_nodesRect = m_plot->axisRect();
    m_pathsRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(1, 0, m_pathsRect);
    auto *margins = new QCPMarginGroup(m_plot);
    for (QCPAxisRect *rect : {m_nodesRect, m_pathsRect}) {
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
        rect->axis(QCPAxis::atRight)->setVisible(true);
    }
    m_nodesRect->axis(QCPAxis::atRight)->setTickLabels(false);
    m_nodesRect->axis(QCPAxis::atBottom)->setTickLabels(false);
    m_nodesRect->axis(QCPAxis::atLeft)->setLabel(tr("Alive nodes"));
    QSharedPointer<QCPAxisTickerFixed> integers(new QCPAxisTickerFixed);
    integers->setTickStep(1.0);
    integers->setScaleStrategy(QCPAxisTickerFixed::ssNone); // updateTickSpacing sets the step
    m_nodesRect->axis(QCPAxis::atLeft)->setTicker(integers);
    m_pathsRect->axis(QCPAxis::atLeft)->setLabel(tr("Alive paths"));
    m_pathsRect->axis(QCPAxis::atRight)->setLabel(tr("Sparsity (%)"));
    m_pathsRect->axis(QCPAxis::atBottom)->setLabel(tr("Epoch"));
    QCPAxis *nodesX = m_nodesRect->axis(QCPAxis::atBottom);
    QCPAxis *pathsX = m_pathsRect->axis(QCPAxis::atBottom);
    connect(nodesX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), pathsX,
            [pathsX](const QCPRange &r) { pathsX->setRange(r); });
    connect(pathsX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), nodesX,
            [nodesX](const QCPRange &r) { nodesX->setRange(r); });

    const auto make = [this](Series s, QCPAxis *valueAxis, const QString &name, const char *id,
                             const QPen &pen, bool inLegend) {
        auto *curve = new QCPCurve(valueAxis->axisRect()->axis(QCPAxis::atBottom), valueAxis);
        curve->setName(name);
        curve->setObjectName(QLatin1String(id));
        curve->setPen(pen);
        if (!inLegend)
            curve->removeFromLegend();
        m_series[size_t(s)].curve = curve;
    };
    QCPAxis *nodesY = m_nodesRect->axis(QCPAxis::atLeft);
    QCPAxis *pathsY = m_pathsRect->axis(QCPAxis::atLeft);
    QCPAxis *sparsityY = m_pathsRect->axis(QCPAxis::atRight);
    // The node and path lines of a cell type share a colour: one legend entry per cell type.
    make(NodesNormal, nodesY, tr("normal cell"), "nodes.normal", QPen(normalColor, 2), true);
    make(NodesReduce, nodesY, tr("reduction cell"), "nodes.reduce", QPen(reduceColor, 2), true);
    make(PathsNormal, pathsY, tr("normal cell"), "paths.normal", QPen(normalColor, 2), false);
    make(PathsReduce, pathsY, tr("reduction cell"), "paths.reduce", QPen(reduceColor, 2), false);
    make(ElementSparsity, sparsityY, tr("element sparsity (right axis)"), "sparsity.element",
         QPen(elementColor, 1.5, Qt::DashLine), true);
    make(GroupSparsity, sparsityY, tr("group sparsity (right axis)"), "sparsity.group",
         QPen(groupColor, 1.5, Qt::DashDotLine), true);

    m_nodesRect->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(2, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(2, 0.001);
    m_plot->legend->setVisible(true);
    m_plot->legend->setWrap(2);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst); // rearranges into 2 columns
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setMargins(QMargins(4, 0, 4, 2));
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    m_plot->legend->setFont(legendFont);

    // Ticks at least a label's height apart (a small dock gives each axis ~50 px): set after
    // each layout, from the heights the axes got; a change takes one more replot.
    for (QCPAxis *axis :
         {m_pathsRect->axis(QCPAxis::atLeft), m_pathsRect->axis(QCPAxis::atRight),
          m_pathsRect->axis(QCPAxis::atBottom), m_nodesRect->axis(QCPAxis::atBottom)})
        axis->ticker()->setTickStepStrategy(QCPAxisTicker::tssReadability);
    connect(m_plot, &QCustomPlot::afterLayout, this, &SurvivalView::updateTickSpacing);

    connect(m_plot, &QCustomPlot::mouseWheel, this, [this](QWheelEvent *) { m_autoFit = false; });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        if (event->buttons() != Qt::NoButton)
            m_autoFit = false;
    });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent *) { fitToData(); });
    fitToData();
}

void SurvivalView::updateTickSpacing()
{
    const QFontMetrics metrics(m_plot->xAxis->tickLabelFont());
    const double minGap = 1.6 * metrics.height(); // pixels between two ticks, at least
    bool changed = false;

    // Alive nodes: whole numbers, every 1, 2, 5, 10, ... nodes, whichever is first far enough
    // apart; at most the largest count, so that 0 and it are always labelled.
    QCPAxis *nodesY = m_nodesRect->axis(QCPAxis::atLeft);
    const double pixelsPerNode =
        double(m_nodesRect->height()) / std::max(nodesY->range().size(), 1e-9);
    double step = 1.0;
    for (double base = 1.0; step * pixelsPerNode < minGap && base < 1e6; base *= 10.0) {
        for (double m : {1.0, 2.0, 5.0}) {
            step = m * base;
            if (step * pixelsPerNode >= minGap)
                break;
        }
    }
    step = std::min(step, std::max(1.0, std::floor(nodesY->range().upper)));
    if (auto fixed = qSharedPointerDynamicCast<QCPAxisTickerFixed>(nodesY->ticker());
        fixed && fixed->tickStep() != step) {
        fixed->setTickStep(step);
        changed = true;
    }

    // The others: as many ticks as fit, at least two.
    const auto fit = [&](QCPAxis *axis, int pixels, double gap) {
        const int count = std::max(2, int(pixels / gap));
        if (axis->ticker()->tickCount() != count) {
            axis->ticker()->setTickCount(count);
            changed = true;
        }
    };
    fit(m_pathsRect->axis(QCPAxis::atLeft), m_pathsRect->height(), minGap);
    fit(m_pathsRect->axis(QCPAxis::atRight), m_pathsRect->height(), minGap);
    // Along x, a tick label ("0.125", "12") is a few digits wide.
    const double xGap = 2.5 * metrics.horizontalAdvance(QStringLiteral("0.000"));
    fit(m_pathsRect->axis(QCPAxis::atBottom), m_pathsRect->width(), xGap);
    fit(m_nodesRect->axis(QCPAxis::atBottom), m_nodesRect->width(), xGap);
    if (changed)
        m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SurvivalView::addSnapshots(const std::vector<Snapshot> &snapshots)
{
    bool added = false;
    for (const Snapshot &s : snapshots) {
        if (s.cells.empty())
            continue;
        if (m_source == Source::Epochs) {
            // Live snapshots carry the cells at every step: they replace the epoch points.
            clearRun();
        }
        m_source = Source::Snapshots;
        append(epochPosition(s), s.lambda, s.cells, s.elementSparsity, s.groupSparsity);
        added = true;
    }
    if (added)
        dataChanged();
}

void SurvivalView::addEpoch(const EpochSummary &epoch)
{
    // Only a run without cells in its snapshots (followed from disk) needs the epoch ends.
    if (m_source == Source::Snapshots || epoch.cells.empty())
        return;
    m_source = Source::Epochs;
    append(double(epoch.epoch + 1), epoch.lambda, epoch.cells, epoch.elementSparsity,
           epoch.groupSparsity);
    dataChanged();
}

void SurvivalView::addEvent(const RunEvent &)
{
    // The events are marked on the training curves; here they show as the steps they cause.
}

void SurvivalView::append(double epochPos, double lambda, const std::vector<CellSnapshot> &cells,
                          double elementSparsity, double groupSparsity)
{
    const CellSnapshot *normal = findCell(cells, "normal");
    const CellSnapshot *reduce = findCell(cells, "reduce");
    // The recurrent space's one cell takes the normal cell's lines, named for what it is.
    const CellSnapshot *recurrent = findCell(cells, "recurrent");
    if (recurrent && !normal) {
        normal = recurrent;
        if (m_series[NodesNormal].curve->name() != tr("recurrent cell")) {
            m_series[NodesNormal].curve->setName(tr("recurrent cell"));
            m_series[PathsNormal].curve->setName(tr("recurrent cell"));
            m_series[NodesReduce].curve->removeFromLegend();
        }
    }
    const auto push = [&](Series s, double value) {
        Line &line = m_series[size_t(s)];
        const Point p{epochPos, lambda, value};
        if (!line.any) {
            line.points.push_back(p);
            line.any = true;
        } else if (value != line.tail.value) {
            // A step: the old value runs up to here, then the new one starts.
            line.points.push_back({epochPos, lambda, line.tail.value});
            line.points.push_back(p);
        }
        line.tail = p;
    };
    for (const CellSnapshot *cell : {normal, reduce}) {
        if (!cell)
            continue;
        const bool isNormal = cell == normal;
        push(isNormal ? NodesNormal : NodesReduce, double(cell->aliveNodes.size()));
        push(isNormal ? PathsNormal : PathsReduce, double(cell->alivePaths));
        m_maxNodes = std::max({m_maxNodes, cell->weights.nodes, int(cell->aliveNodes.size())});
        m_maxPaths = std::max(m_maxPaths, cell->alivePaths);
    }
    push(ElementSparsity, 100.0 * elementSparsity);
    push(GroupSparsity, 100.0 * groupSparsity);
    const bool first = !m_anyPosition;
    m_anyPosition = true;
    m_epochMin = first ? epochPos : std::min(m_epochMin, epochPos);
    m_epochMax = first ? epochPos : std::max(m_epochMax, epochPos);
    m_lambdaMin = first ? lambda : std::min(m_lambdaMin, lambda);
    m_lambdaMax = first ? lambda : std::max(m_lambdaMax, lambda);
}

void SurvivalView::flush(Line &line)
{
    // Only the new points are appended; the tail point moves. O(new points) per update.
    QCPCurveDataContainer &data = *line.curve->data();
    if (!line.any)
        return;
    data.remove(double(line.shown));
    const auto x = [this](const Point &p) {
        return m_xMode == XAxis::Lambda ? p.lambda : p.epochPos;
    };
    for (size_t i = line.shown; i < line.points.size(); ++i)
        data.add(QCPCurveData(double(i), x(line.points[i]), line.points[i].value));
    line.shown = line.points.size();
    data.add(QCPCurveData(double(line.shown), x(line.tail), line.tail.value));
}

void SurvivalView::rebuild()
{
    for (Line &line : m_series) {
        line.curve->data()->clear();
        line.shown = 0;
        flush(line);
    }
}

void SurvivalView::dataChanged()
{
    for (Line &line : m_series)
        flush(line);
    if (m_autoFit)
        fitToData();
    else
        m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SurvivalView::clearRun()
{
    if (m_series[NodesNormal].curve->name() != tr("normal cell")) {
        m_series[NodesNormal].curve->setName(tr("normal cell"));
        m_series[PathsNormal].curve->setName(tr("normal cell"));
        m_series[NodesReduce].curve->addToLegend();
    }
    for (Line &line : m_series) {
        line.curve->data()->clear();
        line.points.clear();
        line.any = false;
        line.shown = 0;
    }
    m_source = Source::None;
    m_epochMin = m_epochMax = m_lambdaMin = m_lambdaMax = 0;
    m_anyPosition = false;
    m_maxNodes = m_maxPaths = 0;
    fitToData();
}

bool SurvivalView::exportImage(const QString &path, QString *error)
{
    return exportPlot(m_plot, path, error);
}

void SurvivalView::setXAxisMode(XAxis mode)
{
    if (mode == m_xMode)
        return;
    m_xMode = mode;
    {
        const QSignalBlocker block(m_xCombo);
        m_xCombo->setCurrentIndex(mode == XAxis::Lambda ? 1 : 0);
    }
    m_pathsRect->axis(QCPAxis::atBottom)->setLabel(mode == XAxis::Lambda ? tr("λ") : tr("Epoch"));
    rebuild();
    fitToData();
}

void SurvivalView::fitToData()
{
    m_autoFit = true;
    double lo = m_xMode == XAxis::Lambda ? m_lambdaMin : std::min(m_epochMin, 0.0);
    double hi = m_xMode == XAxis::Lambda ? m_lambdaMax : m_epochMax;
    if (!(hi > lo)) {
        // One position (or none): a unit-wide window around it.
        const double span = std::max(std::abs(hi) * 0.1, m_xMode == XAxis::Lambda ? 1e-3 : 1.0);
        lo -= span;
        hi += span;
    } else if (m_xMode == XAxis::Lambda) {
        const double pad = (hi - lo) * 0.02;
        lo -= pad;
        hi += pad;
    }
    m_nodesRect->axis(QCPAxis::atBottom)->setRange(lo, hi);
    m_nodesRect->axis(QCPAxis::atLeft)->setRange(-0.3, std::max(m_maxNodes, 1) + 0.3);
    m_pathsRect->axis(QCPAxis::atLeft)->setRange(0, std::max(m_maxPaths, 1) * 1.08);
    m_pathsRect->axis(QCPAxis::atRight)->setRange(0, 105);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace sparsenas
