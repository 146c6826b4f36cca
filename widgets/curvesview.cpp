// SPDX-License-Identifier: MIT
#include "curvesview.h"

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

const QColor trainColor(31, 119, 180);
const QColor valColor(214, 96, 0);
const QColor lambdaColor(90, 90, 90);

QColor faded(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

QColor eventColor(RunEvent::Kind kind)
{
    switch (kind) {
    case RunEvent::Kind::LambdaChanged:
        return QColor(178, 24, 43);
    case RunEvent::Kind::AlphaChanged:
        return QColor(118, 42, 131);
    case RunEvent::Kind::LambdaStepChanged:
        return QColor(204, 102, 0);
    case RunEvent::Kind::Checkpoint:
        return QColor(77, 146, 33, 110);
    case RunEvent::Kind::Paused:
    case RunEvent::Kind::Resumed:
    case RunEvent::Kind::Other:
        break;
    }
    return QColor(110, 110, 110);
}

void widen(double v, double &lo, double &hi, bool &any)
{
    if (!std::isfinite(v))
        return;
    if (!any) {
        lo = hi = v;
        any = true;
        return;
    }
    lo = std::min(lo, v);
    hi = std::max(hi, v);
}

QCPRange padded(double lo, double hi, double fraction)
{
    if (!(hi > lo))
        return QCPRange(lo - 0.5, hi + 0.5);
    const double pad = (hi - lo) * fraction;
    return QCPRange(lo - pad, hi + pad);
}

} // namespace

CurvesView::CurvesView(QWidget *parent) : QWidget(parent)
{
    const PlotToolRow tools = addPlotWithToolRow(this, {tr("Epoch"), tr("Step")});
    tools.row->addStretch(1);
    m_xCombo = tools.xAxis;
    m_fitButton = tools.fit;
    m_plot = tools.plot;

    connect(m_xCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { setXAxisMode(index == 1 ? XAxis::Step : XAxis::Epoch); });
    connect(m_fitButton, &QPushButton::clicked, this, &CurvesView::fitToData);
    setupPlot();
}

CurvesView::~CurvesView() = default;

void CurvesView::setupPlot()
{
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    m_lossRect = m_plot->axisRect();
    m_accRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(1, 0, m_accRect);
    auto *margins = new QCPMarginGroup(m_plot);
    for (QCPAxisRect *rect : {m_lossRect, m_accRect}) {
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
        rect->setRangeZoom(Qt::Horizontal | Qt::Vertical);
        rect->axis(QCPAxis::atRight)->setVisible(true);
        rect->axis(QCPAxis::atRight)->setLabel(tr("penalty λ"));
        rect->axis(QCPAxis::atRight)->setLabelColor(lambdaColor);
        rect->axis(QCPAxis::atRight)->setTickLabelColor(lambdaColor);
    }
    m_lossRect->axis(QCPAxis::atBottom)->setTickLabels(false);
    m_lossRect->axis(QCPAxis::atLeft)->setLabel(tr("Loss"));
    m_accRect->axis(QCPAxis::atLeft)->setLabel(tr("Accuracy (%)"));
    m_accRect->axis(QCPAxis::atBottom)->setLabel(tr("Epoch"));
    // The two rects share the x axis: whichever moves, the other follows.
    QCPAxis *lossX = m_lossRect->axis(QCPAxis::atBottom);
    QCPAxis *accX = m_accRect->axis(QCPAxis::atBottom);
    connect(lossX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), accX,
            [accX](const QCPRange &r) { accX->setRange(r); });
    connect(accX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), lossX,
            [lossX](const QCPRange &r) { lossX->setRange(r); });

    const auto graph = [this](QCPAxisRect *rect, const QString &name, const char *id,
                              const QPen &pen) {
        QCPGraph *g = m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        g->setName(name);
        g->setObjectName(QLatin1String(id));
        g->setPen(pen);
        g->setAdaptiveSampling(true);
        return g;
    };
    const QPen trainRaw(faded(trainColor, 60), 1), valRaw(faded(valColor, 60), 1);
    const QPen trainEma(trainColor, 2), valEma(valColor, 2);
    m_trainLoss = graph(m_lossRect, tr("train batch"), "trainLoss", trainRaw);
    m_valLoss = graph(m_lossRect, tr("validation batch"), "valLoss", valRaw);
    m_trainLossEma = graph(m_lossRect, tr("train (EMA)"), "trainLossEma", trainEma);
    m_valLossEma = graph(m_lossRect, tr("validation (EMA)"), "valLossEma", valEma);
    m_trainAcc = graph(m_accRect, tr("train batch"), "trainAcc", trainRaw);
    m_valAcc = graph(m_accRect, tr("validation batch"), "valAcc", valRaw);
    m_trainAccEma = graph(m_accRect, tr("train (EMA)"), "trainAccEma", trainEma);
    m_valAccEma = graph(m_accRect, tr("validation (EMA)"), "valAccEma", valEma);

    const auto markers = [&](QCPAxisRect *rect, const QString &name, const char *id,
                             QCPScatterStyle::ScatterShape shape, const QColor &color,
                             const QBrush &fill) {
        QCPGraph *g = graph(rect, name, id, QPen(color, 1.5));
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(shape, QPen(color, 1.5), fill, 8));
        return g;
    };
    m_epochTrainLoss = markers(m_lossRect, tr("train epoch"), "epochTrainLoss",
                               QCPScatterStyle::ssCircle, trainColor, Qt::white);
    m_epochValLoss = markers(m_lossRect, tr("full validation"), "epochValLoss",
                             QCPScatterStyle::ssDiamond, valColor, valColor);
    m_epochTrainAcc = markers(m_accRect, tr("train epoch"), "epochTrainAcc",
                              QCPScatterStyle::ssCircle, trainColor, Qt::white);
    m_epochValAcc = markers(m_accRect, tr("full validation"), "epochValAcc",
                            QCPScatterStyle::ssDiamond, valColor, valColor);

    const QPen lambdaPen(lambdaColor, 1.5, Qt::SolidLine);
    m_lambdaLoss = m_plot->addGraph(lossX, m_lossRect->axis(QCPAxis::atRight));
    m_lambdaAcc = m_plot->addGraph(accX, m_accRect->axis(QCPAxis::atRight));
    m_lambdaLoss->setObjectName(QStringLiteral("lambda"));
    m_lambdaAcc->setObjectName(QStringLiteral("lambdaAcc"));
    for (QCPGraph *g : {m_lambdaLoss, m_lambdaAcc}) {
        g->setName(tr("λ"));
        g->setPen(lambdaPen);
        g->setLineStyle(QCPGraph::lsStepLeft);
    }

    // One legend, below both rects, for the styles (the accuracy rect repeats the loss rect's).
    for (QCPGraph *g : {m_trainAcc, m_valAcc, m_trainAccEma, m_valAccEma, m_epochTrainAcc,
                        m_epochValAcc, m_lambdaAcc})
        g->removeFromLegend();
    m_lossRect->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(2, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(2, 0.001);
    m_plot->legend->setVisible(true);
    m_plot->legend->setWrap(4);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst); // rearranges into 4 columns
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setMargins(QMargins(4, 0, 4, 2));
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    m_plot->legend->setFont(legendFont);
    // Narrow (a 1024 px screen): the legend takes two columns instead of four, so its width
    // does not hold the window wide (fitLegendColumns); the plot's minimum is that of two.
    m_plot->legend->setWrap(2);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    m_plot->setMinimumWidth(std::max(240, m_plot->legend->minimumOuterSizeHint().width() + 8));
    m_plot->legend->setWrap(4);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);

    // A drag or a wheel turn means the user chose the ranges: stop following the data.
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this](QWheelEvent *) { userMovedView(); });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        if (event->buttons() != Qt::NoButton)
            userMovedView();
    });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent *) { fitToData(); });
    fitToData();
}

void CurvesView::fitLegendColumns()
{
    QCPLegend *legend = m_plot->legend;
    const int available = m_plot->width() - 8;
    const int current = legend->wrap();
    int wrap = 4;
    for (; wrap > 1; --wrap) {
        legend->setWrap(wrap);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
        if (legend->minimumOuterSizeHint().width() <= available)
            break;
    }
    if (wrap != current)
        m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CurvesView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitLegendColumns();
}

void CurvesView::setEvaluation(bool evaluation, bool languageModel)
{
    m_evaluation = evaluation;
    for (QCPGraph *g : {m_valLoss, m_valLossEma, m_valAcc, m_valAccEma, m_lambdaLoss, m_lambdaAcc})
        g->setVisible(!evaluation);
    // The legend in its usual order, without what an evaluation does not draw.
    m_plot->legend->clearItems();
    for (QCPGraph *g : {m_trainLoss, m_valLoss, m_trainLossEma, m_valLossEma, m_epochTrainLoss,
                        m_epochValLoss, m_lambdaLoss}) {
        if (g->visible())
            g->addToLegend();
    }
    for (QCPAxisRect *rect : {m_lossRect, m_accRect})
        rect->axis(QCPAxis::atRight)->setVisible(!evaluation);
    // A language model's evaluation validates every epoch and tests once, at its end.
    const QString epochName = !evaluation     ? tr("full validation")
                              : languageModel ? tr("validation set")
                                              : tr("test set");
    m_epochValLoss->setName(epochName);
    m_epochValAcc->setName(epochName);
    fitLegendColumns();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

double CurvesView::key(double step, double epochPos) const
{
    return m_xMode == XAxis::Step ? step : epochPos;
}

void CurvesView::addSnapshots(const std::vector<Snapshot> &snapshots)
{
    if (snapshots.empty())
        return;
    const int n = int(snapshots.size());
    QVector<double> keys, tl, vl, ta, va, tle, vle, tae, vae;
    for (QVector<double> *v : {&keys, &tl, &vl, &ta, &va, &tle, &vle, &tae, &vae})
        v->reserve(n);
    bool sorted = true;
    for (const Snapshot &s : snapshots) {
        const double pos = epochPosition(s);
        const double raw[4] = {s.trainLoss, s.valLoss, 100.0 * s.trainAcc, 100.0 * s.valAcc};
        // Debiased EMA: m_n = d m_{n-1} + (1 - d) x_n, shown as m_n / (1 - d^n). A non-finite
        // sample leaves a gap in the raw line and does not poison the average.
        double ema[4];
        for (int i = 0; i < 4; ++i) {
            if (std::isfinite(raw[i])) {
                m_emaNum[i] = emaDecay * m_emaNum[i] + (1.0 - emaDecay) * raw[i];
                m_emaWeight[i] = emaDecay * m_emaWeight[i] + (1.0 - emaDecay);
            }
            ema[i] = m_emaWeight[i] > 0 ? m_emaNum[i] / m_emaWeight[i] : raw[i];
        }
        StepPoint p{double(s.step), pos,    raw[0], raw[2], raw[1],
                    raw[3],         ema[0], ema[2], ema[1], ema[3]};
        m_steps.push_back(p);
        const double k = key(p.step, p.epochPos);
        if (!keys.isEmpty() && k < keys.back())
            sorted = false;
        keys.append(k);
        tl.append(p.trainLoss);
        vl.append(p.valLoss);
        ta.append(p.trainAcc);
        va.append(p.valAcc);
        tle.append(p.trainLossEma);
        vle.append(p.valLossEma);
        tae.append(p.trainAccEma);
        vae.append(p.valAccEma);
        widen(p.trainLoss, m_lossMin, m_lossMax, m_haveLoss);
        widen(p.valLoss, m_lossMin, m_lossMax, m_haveLoss);
        widen(p.trainAcc, m_accMin, m_accMax, m_haveAcc);
        widen(p.valAcc, m_accMin, m_accMax, m_haveAcc);
        noteLambda(p.step, p.epochPos, s.lambda);
    }
    m_trainLoss->addData(keys, tl, sorted);
    m_valLoss->addData(keys, vl, sorted);
    m_trainAcc->addData(keys, ta, sorted);
    m_valAcc->addData(keys, va, sorted);
    m_trainLossEma->addData(keys, tle, sorted);
    m_valLossEma->addData(keys, vle, sorted);
    m_trainAccEma->addData(keys, tae, sorted);
    m_valAccEma->addData(keys, vae, sorted);
    updateLambdaGraphs();
    dataChanged();
}

void CurvesView::addEpoch(const EpochSummary &epoch)
{
    // The summary describes the epoch that just ended: it sits at the epoch's end.
    EpochPoint p{double(epoch.step),     double(epoch.epoch + 1), epoch.trainLoss,
                 100.0 * epoch.trainAcc, epoch.valLoss,           100.0 * epoch.valAcc};
    m_epochs.push_back(p);
    const double k = key(p.step, p.epochPos);
    m_epochTrainLoss->addData(k, p.trainLoss);
    m_epochValLoss->addData(k, p.valLoss);
    m_epochTrainAcc->addData(k, p.trainAcc);
    m_epochValAcc->addData(k, p.valAcc);
    widen(p.trainLoss, m_lossMin, m_lossMax, m_haveLoss);
    widen(p.valLoss, m_lossMin, m_lossMax, m_haveLoss);
    widen(p.trainAcc, m_accMin, m_accMax, m_haveAcc);
    widen(p.valAcc, m_accMin, m_accMax, m_haveAcc);
    noteLambda(p.step, p.epochPos, epoch.lambda);
    updateLambdaGraphs();
    dataChanged();
}

void CurvesView::noteLambda(double step, double epochPos, double lambda)
{
    // Only forward in time: an epoch summary that arrives after later snapshots adds nothing.
    if (!std::isfinite(lambda) || (!m_lambda.empty() && step < m_lambdaTail.step))
        return;
    if (m_lambda.empty() || lambda != m_lambda.back().lambda)
        m_lambda.push_back({step, epochPos, lambda});
    m_lambdaTail = {step, epochPos, lambda};
    m_lambdaMax = std::max(m_lambdaMax, lambda);
}

void CurvesView::updateLambdaGraphs()
{
    // A step line through the change points, continued to the latest position.
    QVector<double> keys, values;
    keys.reserve(int(m_lambda.size()) + 1);
    values.reserve(int(m_lambda.size()) + 1);
    for (const LambdaPoint &p : m_lambda) {
        keys.append(key(p.step, p.epochPos));
        values.append(p.lambda);
    }
    if (!m_lambda.empty() && m_lambdaTail.step > m_lambda.back().step) {
        keys.append(key(m_lambdaTail.step, m_lambdaTail.epochPos));
        values.append(m_lambdaTail.lambda);
    }
    m_lambdaLoss->setData(keys, values);
    m_lambdaAcc->setData(keys, values);
}

void CurvesView::addEvent(const RunEvent &event)
{
    EventMark mark;
    mark.event = event;
    const QColor color = eventColor(event.kind);
    const bool checkpoint = event.kind == RunEvent::Kind::Checkpoint;
    const QPen pen(color, 1, checkpoint ? Qt::DotLine : Qt::DashLine);
    for (QCPAxisRect *rect : {m_lossRect, m_accRect}) {
        auto *line = new QCPItemStraightLine(m_plot);
        line->setClipAxisRect(rect);
        for (QCPItemPosition *p : {line->point1, line->point2})
            p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        line->setPen(pen);
        line->setSelectable(false);
        (rect == m_lossRect ? mark.lossLine : mark.accLine) = line;
    }
    // Checkpoints can come every epoch: a faint line without a label.
    if (!checkpoint) {
        QString text = event.text;
        if (text.isEmpty()) {
            switch (event.kind) {
            case RunEvent::Kind::LambdaChanged:
                text = tr("λ = %1").arg(event.value);
                break;
            case RunEvent::Kind::AlphaChanged:
                text = tr("α = %1").arg(event.value);
                break;
            case RunEvent::Kind::LambdaStepChanged:
                text = tr("λ step = %1").arg(event.value);
                break;
            case RunEvent::Kind::Paused:
                text = tr("paused");
                break;
            case RunEvent::Kind::Resumed:
                text = tr("resumed");
                break;
            case RunEvent::Kind::Checkpoint:
            case RunEvent::Kind::Other:
                text = tr("event");
                break;
            }
        }
        auto *label = new QCPItemText(m_plot);
        label->setClipAxisRect(m_lossRect);
        label->position->setAxisRect(m_lossRect);
        label->position->setAxes(m_lossRect->axis(QCPAxis::atBottom),
                                 m_lossRect->axis(QCPAxis::atLeft));
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setText(text);
        label->setColor(color);
        label->setBrush(QColor(255, 255, 255, 200));
        label->setPadding(QMargins(2, 1, 2, 1));
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        label->setFont(small);
        label->setSelectable(false);
        mark.label = label;
    }
    m_events.push_back(mark);
    placeEvent(m_events.back());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CurvesView::placeEvent(EventMark &mark)
{
    const double x = key(double(mark.event.step), mark.event.epochPos);
    for (QCPItemStraightLine *line : {mark.lossLine, mark.accLine}) {
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
    }
    if (mark.label) {
        // Stagger neighbouring labels over three rows so that close events stay readable.
        const auto index = &mark - m_events.data();
        mark.label->position->setCoords(x, 0.02 + 0.09 * double(index % 3));
    }
}

void CurvesView::clearRun()
{
    for (QCPGraph *g : {m_trainLoss, m_trainLossEma, m_valLoss, m_valLossEma, m_trainAcc,
                        m_trainAccEma, m_valAcc, m_valAccEma, m_epochTrainLoss, m_epochValLoss,
                        m_epochTrainAcc, m_epochValAcc, m_lambdaLoss, m_lambdaAcc})
        g->data()->clear();
    for (EventMark &mark : m_events) {
        m_plot->removeItem(mark.lossLine);
        m_plot->removeItem(mark.accLine);
        if (mark.label)
            m_plot->removeItem(mark.label);
    }
    m_events.clear();
    m_steps.clear();
    m_epochs.clear();
    m_lambda.clear();
    m_lambdaTail = {0, 0, 0};
    m_lambdaMax = 0;
    std::fill(std::begin(m_emaNum), std::end(m_emaNum), 0.0);
    std::fill(std::begin(m_emaWeight), std::end(m_emaWeight), 0.0);
    m_haveLoss = m_haveAcc = false;
    fitToData();
}

bool CurvesView::exportImage(const QString &path, QString *error)
{
    return exportPlot(m_plot, path, error);
}

void CurvesView::setXAxisMode(XAxis mode)
{
    if (mode == m_xMode)
        return;
    m_xMode = mode;
    {
        const QSignalBlocker block(m_xCombo);
        m_xCombo->setCurrentIndex(mode == XAxis::Step ? 1 : 0);
    }
    m_accRect->axis(QCPAxis::atBottom)->setLabel(mode == XAxis::Step ? tr("Step") : tr("Epoch"));
    rebuild();
    fitToData();
}

void CurvesView::rebuild()
{
    // Everything is kept: a new x axis is one pass over the stored history.
    const int n = int(m_steps.size());
    QVector<double> keys(n), tl(n), vl(n), ta(n), va(n), tle(n), vle(n), tae(n), vae(n);
    for (int i = 0; i < n; ++i) {
        const StepPoint &p = m_steps[size_t(i)];
        keys[i] = key(p.step, p.epochPos);
        tl[i] = p.trainLoss;
        vl[i] = p.valLoss;
        ta[i] = p.trainAcc;
        va[i] = p.valAcc;
        tle[i] = p.trainLossEma;
        vle[i] = p.valLossEma;
        tae[i] = p.trainAccEma;
        vae[i] = p.valAccEma;
    }
    m_trainLoss->setData(keys, tl);
    m_valLoss->setData(keys, vl);
    m_trainAcc->setData(keys, ta);
    m_valAcc->setData(keys, va);
    m_trainLossEma->setData(keys, tle);
    m_valLossEma->setData(keys, vle);
    m_trainAccEma->setData(keys, tae);
    m_valAccEma->setData(keys, vae);

    const int m = int(m_epochs.size());
    QVector<double> ekeys(m), etl(m), evl(m), eta(m), eva(m);
    for (int i = 0; i < m; ++i) {
        const EpochPoint &p = m_epochs[size_t(i)];
        ekeys[i] = key(p.step, p.epochPos);
        etl[i] = p.trainLoss;
        evl[i] = p.valLoss;
        eta[i] = p.trainAcc;
        eva[i] = p.valAcc;
    }
    m_epochTrainLoss->setData(ekeys, etl);
    m_epochValLoss->setData(ekeys, evl);
    m_epochTrainAcc->setData(ekeys, eta);
    m_epochValAcc->setData(ekeys, eva);
    updateLambdaGraphs();
    for (EventMark &mark : m_events)
        placeEvent(mark);
}

void CurvesView::dataChanged()
{
    if (m_autoFit)
        fitToData();
    else
        m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CurvesView::userMovedView()
{
    m_autoFit = false;
}

void CurvesView::fitToData()
{
    m_autoFit = true;
    double lo = 0, hi = 0;
    bool any = false;
    if (!m_steps.empty()) {
        widen(key(m_steps.front().step, m_steps.front().epochPos), lo, hi, any);
        widen(key(m_steps.back().step, m_steps.back().epochPos), lo, hi, any);
    }
    for (const EpochPoint &p : m_epochs)
        widen(key(p.step, p.epochPos), lo, hi, any);
    if (!any)
        hi = m_xMode == XAxis::Step ? 100 : 1;
    if (m_xMode == XAxis::Epoch)
        lo = std::min(lo, 0.0);
    m_lossRect->axis(QCPAxis::atBottom)->setRange(hi > lo ? QCPRange(lo, hi) : padded(lo, hi, 0));
    m_lossRect->axis(QCPAxis::atLeft)
        ->setRange(m_haveLoss ? padded(std::min(m_lossMin, 0.0), m_lossMax, 0.05) : QCPRange(0, 1));
    m_accRect->axis(QCPAxis::atLeft)
        ->setRange(m_haveAcc ? padded(m_accMin, m_accMax, 0.05) : QCPRange(0, 100));
    const QCPRange lambdaRange(0, m_lambdaMax > 0 ? m_lambdaMax * 1.1 : 1.0);
    m_lossRect->axis(QCPAxis::atRight)->setRange(lambdaRange);
    m_accRect->axis(QCPAxis::atRight)->setRange(lambdaRange);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace sparsenas
