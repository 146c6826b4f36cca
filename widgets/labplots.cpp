// SPDX-License-Identifier: MIT
#include "labplots.h"

#include <QApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace sparsenas {

namespace {

// Okabe and Ito's colour-blind-safe set, in an order where neighbours differ most.
const std::array<QRgb, 6> kGroupColors{0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x000000};

QFont scaled(const QFont &base, double factor, bool bold = false)
{
    QFont f = base;
    f.setPointSizeF(std::max(6.0, base.pointSizeF() * factor));
    f.setBold(bold);
    return f;
}

} // namespace

QColor LabStyle::groupColor(int group) const
{
    QColor c(kGroupColors[size_t(std::max(group, 0)) % kGroupColors.size()]);
    return presentation ? c.darker(115) : c;
}

void LabStyle::apply(QCustomPlot *plot, const QFont &base) const
{
    const QFont tick = scaled(base, fontScale());
    const QFont label = scaled(base, fontScale(), presentation);
    const QColor ink = presentation ? QColor(Qt::black) : QColor(40, 40, 40);
    const double axisWidth = presentation ? 2.0 : 1.0;
    plot->setBackground(Qt::white);
    for (QCPAxisRect *rect : plot->axisRects()) {
        for (QCPAxis *axis : rect->axes()) {
            axis->setTickLabelFont(tick);
            axis->setLabelFont(label);
            axis->setTickLabelColor(ink);
            axis->setLabelColor(ink);
            axis->setBasePen(QPen(ink, axisWidth));
            axis->setTickPen(QPen(ink, axisWidth));
            axis->setSubTickPen(QPen(ink, axisWidth * 0.7));
            axis->grid()->setPen(QPen(QColor(presentation ? 170 : 215, presentation ? 170 : 215,
                                             presentation ? 170 : 215),
                                      1, Qt::DotLine));
        }
    }
    plot->legend->setFont(tick);
    // Icons as large as the markers and lines they show.
    plot->legend->setIconSize(QSize(int(32 * fontScale()), int(18 * fontScale())));
    plot->legend->setBorderPen(QPen(ink, axisWidth * 0.7));
}

// ---------------------------------------------------------------- ProxBarsPlot

ProxBarsPlot::ProxBarsPlot(const QString &title, QWidget *parent) : QCustomPlot(parent)
{
    plotLayout()->insertRow(0);
    m_title = new QCPTextElement(this, title, scaled(font(), 1.0, true));
    plotLayout()->addElement(0, 0, m_title);
    plotLayout()->insertRow(1);
    m_caption = new QCPTextElement(this, QString(), font());
    plotLayout()->addElement(1, 0, m_caption);
    m_beforeBars = new QCPBars(xAxis, yAxis);
    m_beforeBars->setName(tr("before the step"));
    m_beforeBars->setWidth(0.8);
    m_beforeBars->setBrush(Qt::NoBrush);
    m_zeros = addGraph();
    m_zeros->setName(tr("exactly zero"));
    m_zeros->setLineStyle(QCPGraph::lsNone);
    xAxis->setLabel(tr("element"));
    yAxis->setLabel(tr("value"));
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1);
    xAxis->setTicker(ticker);
    xAxis->setSubTicks(false);
    xAxis->grid()->setVisible(false);
    setMinimumSize(220, 150);
    setStyle(LabStyle{});
}

void ProxBarsPlot::setValues(const std::vector<double> &before, const std::vector<double> &after,
                             const std::vector<int> &group, double yRange)
{
    m_before = before;
    m_after = after;
    m_group = group;
    m_yRange = yRange > 0 ? yRange : 1;
    rebuild();
}

void ProxBarsPlot::setCaption(const QString &caption)
{
    m_caption->setText(caption);
    replot(rpQueuedReplot);
}

QString ProxBarsPlot::caption() const
{
    return m_caption->text();
}

void ProxBarsPlot::setStyle(const LabStyle &style)
{
    m_style = style;
    const QFont base = QApplication::font();
    style.apply(this, base);
    m_title->setFont(scaled(base, style.fontScale() * 1.1, true));
    m_caption->setFont(scaled(base, style.fontScale()));
    // On a projector the element numbers speak for themselves: the height goes to the bars.
    xAxis->setLabel(style.presentation ? QString() : tr("element"));
    rebuild();
}

int ProxBarsPlot::markedZeros() const
{
    return m_zeros->dataCount();
}

QString ProxBarsPlot::elementText(int k) const
{
    if (k < 0 || size_t(k) >= m_after.size())
        return {};
    const double a = m_after[size_t(k)];
    QString text = tr("element %1, group %2: %3 → %4")
                       .arg(k + 1)
                       .arg(m_group.at(size_t(k)) + 1)
                       .arg(m_before.at(size_t(k)), 0, 'g', 6)
                       .arg(a, 0, 'g', 6);
    if (a == 0.0)
        text += QLatin1Char('\n') + tr("exactly zero: the weight is removed");
    return text;
}

bool ProxBarsPlot::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int k = int(std::lround(xAxis->pixelToCoord(help->pos().x()))) - 1;
        const QString text = elementText(k);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QCustomPlot::event(event);
}

void ProxBarsPlot::rebuild()
{
    const int n = int(m_after.size());
    int groups = 0;
    for (int g : m_group)
        groups = std::max(groups, g + 1);
    while (int(m_groupBars.size()) > groups) {
        removePlottable(m_groupBars.back());
        m_groupBars.pop_back();
    }
    while (int(m_groupBars.size()) < groups) {
        auto *bars = new QCPBars(xAxis, yAxis);
        bars->setWidth(0.55);
        m_groupBars.push_back(bars);
    }
    const double w = m_style.lineWidth();
    m_beforeBars->setPen(
        QPen(QColor(m_style.presentation ? 60 : 120, m_style.presentation ? 60 : 120,
                    m_style.presentation ? 60 : 120),
             std::max(1.0, w * 0.6), Qt::DashLine));
    QVector<double> keys, values;
    for (int k = 0; k < n; ++k) {
        keys.push_back(k + 1);
        values.push_back(m_before.at(size_t(k)));
    }
    m_beforeBars->setData(keys, values);
    for (int g = 0; g < groups; ++g) {
        QVector<double> gk, gv;
        for (int k = 0; k < n; ++k)
            if (m_group.at(size_t(k)) == g) {
                gk.push_back(k + 1);
                gv.push_back(m_after[size_t(k)]);
            }
        QColor c = m_style.groupColor(g);
        m_groupBars[size_t(g)]->setPen(QPen(c.darker(130), 1));
        c.setAlpha(m_style.presentation ? 255 : 200);
        m_groupBars[size_t(g)]->setBrush(c);
        m_groupBars[size_t(g)]->setData(gk, gv);
        m_groupBars[size_t(g)]->setName(tr("group %1").arg(g + 1));
    }
    QVector<double> zk, zv;
    for (int k = 0; k < n; ++k)
        if (m_after[size_t(k)] == 0.0) {
            zk.push_back(k + 1);
            zv.push_back(0);
        }
    m_zeros->setData(zk, zv);
    m_zeros->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, w * 0.8),
                                             QBrush(Qt::white), 9 * m_style.markerScale()));
    for (auto *line : m_separators)
        removeItem(line);
    m_separators.clear();
    for (int k = 1; k < n; ++k)
        if (m_group.at(size_t(k)) != m_group.at(size_t(k - 1))) {
            auto *line = new QCPItemStraightLine(this);
            line->point1->setCoords(k + 0.5, 0);
            line->point2->setCoords(k + 0.5, 1);
            line->setPen(QPen(QColor(120, 120, 120), m_style.presentation ? 2 : 1, Qt::DotLine));
            m_separators.push_back(line);
        }
    xAxis->setRange(0.4, std::max(n, 1) + 0.6);
    yAxis->setRange(-m_yRange, m_yRange);
    replot(rpQueuedReplot);
}

// ---------------------------------------------------------------- UnitBallPlot

UnitBallPlot::UnitBallPlot(QWidget *parent) : QCustomPlot(parent)
{
    m_zeroMap = new QCPColorMap(xAxis, yAxis);
    m_zeroMap->removeFromLegend();
    m_zeroMap->setInterpolate(false);
    m_zeroMap->setTightBoundary(false); // the cells reach the map's edges
    const std::array<QString, 3> regionNames{tr("prox: x₁ = 0"), tr("prox: x₂ = 0"),
                                             tr("prox: x = 0 (group)")};
    for (size_t k = 0; k < 3; ++k) {
        m_regionKeys[k] = new QCPBars(xAxis, yAxis);
        m_regionKeys[k]->setName(regionNames[k]);
        m_regionKeys[k]->setPen(Qt::NoPen);
    }
    m_lasso = new QCPCurve(xAxis, yAxis);
    m_groupLasso = new QCPCurve(xAxis, yAxis);
    m_sgl = new QCPCurve(xAxis, yAxis);
    m_arrow = new QCPItemLine(this);
    m_arrow->setHead(QCPLineEnding::esSpikeArrow);
    m_point = addGraph();
    m_point->setName(tr("point z"));
    m_point->setLineStyle(QCPGraph::lsNone);
    m_image = addGraph();
    m_image->setName(tr("prox(z), one step"));
    m_image->setLineStyle(QCPGraph::lsNone);
    xAxis->setLabel(QStringLiteral("x₁"));
    yAxis->setLabel(QStringLiteral("x₂"));
    legend->setVisible(true);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    setMinimumSize(260, 240);
    setToolTip(tr("Click or drag to move the point z. The arrow is one prox step (Eq. 5). "
                  "Shaded: the points the prox maps to an exact zero. The SGL unit ball is "
                  "α‖x‖₁ + (1 − α)√2‖x‖₂ = 1 (one group of two weights)."));
    setStyle(LabStyle{});
    fitRanges();
}

void UnitBallPlot::setBalls(const Curve &lasso, const Curve &groupLasso, const Curve &sgl,
                            double alpha)
{
    auto fill = [](QCPCurve *curve, const Curve &points) {
        QVector<double> x, y;
        for (const auto &p : points) {
            x.push_back(p[0]);
            y.push_back(p[1]);
        }
        if (!points.empty()) { // closed
            x.push_back(points.front()[0]);
            y.push_back(points.front()[1]);
        }
        curve->setData(x, y);
    };
    fill(m_lasso, lasso);
    fill(m_groupLasso, groupLasso);
    fill(m_sgl, sgl);
    m_alpha = alpha;
    // Short names: the legend must fit a narrow plot; the tooltip and the help page say more.
    m_lasso->setName(tr("Lasso: ‖x‖₁ = 1"));
    m_groupLasso->setName(tr("Group Lasso: √2‖x‖₂ = 1"));
    m_sgl->setName(tr("SGL, α = %1").arg(alpha, 0, 'f', 2));
    replot(rpQueuedReplot);
}

void UnitBallPlot::setZeroMap(const std::vector<std::uint8_t> &codes, int nx, int ny, double x0,
                              double x1, double y0, double y1)
{
    m_codes = codes;
    m_nx = nx;
    m_ny = ny;
    m_x0 = x0;
    m_x1 = x1;
    m_y0 = y0;
    m_y1 = y1;
    auto *data = m_zeroMap->data();
    data->setSize(nx, ny);
    // The map's range is that of the cell centres.
    data->setRange(QCPRange(x0 + (x1 - x0) / (2 * nx), x1 - (x1 - x0) / (2 * nx)),
                   QCPRange(y0 + (y1 - y0) / (2 * ny), y1 - (y1 - y0) / (2 * ny)));
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i)
            data->setCell(i, j, codes.at(size_t(j * nx + i)));
    replot(rpQueuedReplot);
}

int UnitBallPlot::zeroCodeAt(double x, double y) const
{
    if (m_nx <= 0 || x < m_x0 || x >= m_x1 || y < m_y0 || y >= m_y1)
        return -1;
    const int i = std::clamp(int((x - m_x0) / (m_x1 - m_x0) * m_nx), 0, m_nx - 1);
    const int j = std::clamp(int((y - m_y0) / (m_y1 - m_y0) * m_ny), 0, m_ny - 1);
    return m_codes.at(size_t(j * m_nx + i));
}

void UnitBallPlot::setStep(double x, double y, double px, double py)
{
    m_point->setData({x}, {y});
    m_image->setData({px}, {py});
    m_arrow->start->setCoords(x, y);
    m_arrow->end->setCoords(px, py);
    m_arrow->setVisible(std::hypot(px - x, py - y) > 1e-12);
    replot(rpQueuedReplot);
}

void UnitBallPlot::setStyle(const LabStyle &style)
{
    m_style = style;
    const QFont base = QApplication::font();
    style.apply(this, base);
    const double w = style.lineWidth();
    m_lasso->setPen(QPen(style.groupColor(0), w, Qt::DashLine));
    m_groupLasso->setPen(QPen(style.groupColor(2), w, Qt::DashDotLine));
    m_sgl->setPen(QPen(style.groupColor(1), w * 1.3));
    const double size = 11 * style.markerScale();
    m_point->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, w * 0.7),
                                             QBrush(Qt::white), size));
    m_image->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QPen(Qt::black, w * 0.7),
                                             QBrush(Qt::black), size));
    m_arrow->setPen(QPen(Qt::black, w * 0.8));
    m_arrow->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 12 * style.markerScale(),
                                   14 * style.markerScale()));
    // Codes 0 (no zero), 1 (x1 = 0), 2 (x2 = 0), 3 (both): white, two tints, grey.
    const std::array<QColor, 4> fills{
        QColor(Qt::white), style.presentation ? QColor(150, 200, 240) : QColor(205, 228, 246),
        style.presentation ? QColor(245, 185, 140) : QColor(250, 222, 200),
        style.presentation ? QColor(120, 120, 120) : QColor(185, 185, 185)};
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setLevelCount(4);
    for (int k = 0; k < 4; ++k)
        gradient.setColorStopAt(k / 3.0, fills[size_t(k)]);
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    m_zeroMap->setGradient(gradient);
    m_zeroMap->setDataRange(QCPRange(0, 3));
    for (size_t k = 0; k < 3; ++k)
        m_regionKeys[k]->setBrush(fills[k + 1]);
    replot(rpQueuedReplot);
}

void UnitBallPlot::fitRanges()
{
    // Equal scales: the shorter side spans [-halfRange, halfRange].
    const QRect r = axisRect()->rect();
    const double aspect = r.height() > 0 ? double(r.width()) / r.height() : 1.0;
    const double hx = aspect >= 1 ? halfRange * aspect : halfRange;
    const double hy = aspect >= 1 ? halfRange : halfRange / aspect;
    xAxis->setRange(-hx, hx);
    yAxis->setRange(-hy, hy);
}

void UnitBallPlot::resizeEvent(QResizeEvent *event)
{
    QCustomPlot::resizeEvent(event);
    plotLayout()->update(QCPLayoutElement::upLayout); // the axis rect's new size
    const QCPRange oldX = xAxis->range(), oldY = yAxis->range();
    fitRanges();
    if (oldX != xAxis->range() || oldY != yAxis->range())
        Q_EMIT viewChanged();
}

void UnitBallPlot::pick(const QPointF &pos)
{
    if (!axisRect()->rect().contains(pos.toPoint()))
        return;
    Q_EMIT pointPicked(xAxis->pixelToCoord(pos.x()), yAxis->pixelToCoord(pos.y()));
}

void UnitBallPlot::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        pick(event->position());
    QCustomPlot::mousePressEvent(event);
}

void UnitBallPlot::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        pick(event->position());
    QCustomPlot::mouseMoveEvent(event);
}

bool UnitBallPlot::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const double x = xAxis->pixelToCoord(help->pos().x());
        const double y = yAxis->pixelToCoord(help->pos().y());
        QString where;
        switch (zeroCodeAt(x, y)) {
        case 1:
            where = tr("here one prox step sets x₁ to exactly 0");
            break;
        case 2:
            where = tr("here one prox step sets x₂ to exactly 0");
            break;
        case 3:
            where = tr("here one prox step removes the whole group (x = 0)");
            break;
        default:
            where = tr("here one prox step shrinks the point but keeps both coordinates");
            break;
        }
        QToolTip::showText(help->globalPos(),
                           QStringLiteral("(%1, %2)\n").arg(x, 0, 'f', 2).arg(y, 0, 'f', 2) +
                               where + QLatin1Char('\n') + toolTip(),
                           this);
        return true;
    }
    return QCustomPlot::event(event);
}

// ---------------------------------------------------------------- SolverRacePlot

SolverRacePlot::SolverRacePlot(QWidget *parent) : QCustomPlot(parent)
{
    m_top = axisRect();
    m_bottom = new QCPAxisRect(this);
    plotLayout()->addElement(1, 0, m_bottom);
    auto *margins = new QCPMarginGroup(this);
    m_top->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_bottom->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_top->axis(QCPAxis::atLeft)->setScaleType(QCPAxis::stLogarithmic);
    m_top->axis(QCPAxis::atLeft)->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    m_top->axis(QCPAxis::atLeft)->setLabel(tr("loss + penalty"));
    m_bottom->axis(QCPAxis::atLeft)->setLabel(tr("exact zeros"));
    m_bottom->axis(QCPAxis::atBottom)->setLabel(tr("step"));
    QSharedPointer<QCPAxisTickerFixed> whole(new QCPAxisTickerFixed);
    whole->setTickStep(1);
    whole->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_bottom->axis(QCPAxis::atLeft)->setTicker(whole);
    m_legend = legend;
    m_legend->setVisible(true);
    m_top->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_planted = new QCPItemStraightLine(this);
    m_planted->setClipAxisRect(m_bottom);
    for (auto *pos : {m_planted->point1, m_planted->point2})
        pos->setAxes(m_bottom->axis(QCPAxis::atBottom), m_bottom->axis(QCPAxis::atLeft));
    m_plantedLabel = new QCPItemText(this);
    m_plantedLabel->setClipAxisRect(m_bottom);
    m_plantedLabel->position->setAxes(m_bottom->axis(QCPAxis::atBottom),
                                      m_bottom->axis(QCPAxis::atLeft));
    m_plantedLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    setMinimumSize(300, 260);
    setStyle(LabStyle{});
}

void SolverRacePlot::setMethods(const QStringList &names)
{
    for (auto *g : m_objective)
        removeGraph(g);
    for (auto *g : m_zeros)
        removeGraph(g);
    m_objective.clear();
    m_zeros.clear();
    for (const QString &name : names) {
        auto *o = addGraph(m_top->axis(QCPAxis::atBottom), m_top->axis(QCPAxis::atLeft));
        o->setName(name);
        auto *z = addGraph(m_bottom->axis(QCPAxis::atBottom), m_bottom->axis(QCPAxis::atLeft));
        z->setName(name);
        z->removeFromLegend();
        z->setLineStyle(QCPGraph::lsStepLeft);
        m_objective.push_back(o);
        m_zeros.push_back(z);
    }
    setStyle(m_style);
}

void SolverRacePlot::clearData(int plantedZeros, int features)
{
    for (auto *g : m_objective)
        g->data()->clear();
    for (auto *g : m_zeros)
        g->data()->clear();
    m_features = std::max(features, 1);
    m_maxStep = 1;
    m_planted->point1->setCoords(0, plantedZeros);
    m_planted->point2->setCoords(1, plantedZeros);
    m_plantedLabel->position->setCoords(0, plantedZeros);
    m_plantedLabel->setText(QLatin1Char(' ') + tr("planted zeros: %1").arg(plantedZeros));
    m_top->axis(QCPAxis::atBottom)->setRange(0, 1);
    m_bottom->axis(QCPAxis::atBottom)->setRange(0, 1);
    m_bottom->axis(QCPAxis::atLeft)->setRange(-0.5, m_features + 0.5);
    replot(rpQueuedReplot);
}

void SolverRacePlot::addPoint(int method, int step, double objective, int zeros)
{
    m_objective.at(size_t(method))->addData(step, objective);
    m_zeros.at(size_t(method))->addData(step, zeros);
    m_maxStep = std::max(m_maxStep, step);
    m_top->axis(QCPAxis::atBottom)->setRange(0, m_maxStep);
    m_bottom->axis(QCPAxis::atBottom)->setRange(0, m_maxStep);
    bool found = false;
    QCPRange r;
    for (auto *g : m_objective) {
        bool ok = false;
        const QCPRange gr = g->getValueRange(ok, QCP::sdPositive);
        if (ok) {
            r = found ? QCPRange(std::min(r.lower, gr.lower), std::max(r.upper, gr.upper)) : gr;
            found = true;
        }
    }
    if (found)
        m_top->axis(QCPAxis::atLeft)->setRange(r.lower / 1.3, r.upper * 1.3);
    replot(rpQueuedReplot);
}

void SolverRacePlot::setStyle(const LabStyle &style)
{
    m_style = style;
    const QFont base = QApplication::font();
    style.apply(this, base);
    for (size_t k = 0; k < m_objective.size(); ++k) {
        // The subgradient baselines (the last two) dashed: they never reach an exact zero.
        // The third (ISTA) dash-dotted: it often runs under the first (HAPG).
        const bool baseline = k + 2 >= m_objective.size() && m_objective.size() >= 5;
        QPen pen(style.groupColor(int(k)), style.lineWidth(),
                 baseline ? Qt::DashLine
                 : k == 2 ? Qt::DashDotLine
                          : Qt::SolidLine);
        m_objective[k]->setPen(pen);
        m_zeros[k]->setPen(pen);
    }
    m_planted->setPen(QPen(QColor(90, 90, 90), style.presentation ? 2.5 : 1.2, Qt::DotLine));
    m_plantedLabel->setFont(scaled(base, style.fontScale() * 0.9));
    replot(rpQueuedReplot);
}

// ---------------------------------------------------------------- LabPathPlot

LabPathPlot::LabPathPlot(QWidget *parent) : QCustomPlot(parent)
{
    xAxis->setScaleType(QCPAxis::stLogarithmic);
    xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    xAxis->setRangeReversed(true);
    xAxis->setLabel(tr("λ (decreasing →)"));
    yAxis->setLabel(tr("coefficient"));
    addLayer(QStringLiteral("markers"), layer(QStringLiteral("main")), limAbove);
    m_entries = addGraph();
    m_entries->setLayer(QStringLiteral("markers"));
    m_entries->setName(tr("enters the model"));
    m_entries->setLineStyle(QCPGraph::lsNone);
    m_current = new QCPItemStraightLine(this);
    legend->setVisible(true);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    setMinimumSize(300, 220);
    setStyle(LabStyle{});
}

void LabPathPlot::setPath(const std::vector<double> &lambdas,
                          const std::vector<std::vector<double>> &coefficients,
                          const std::vector<int> &entry, const std::vector<int> &group)
{
    for (auto *g : m_paths)
        removeGraph(g);
    m_paths.clear();
    m_group = group;
    const size_t features = group.size();
    QVector<double> ex, ey;
    std::vector<bool> named;
    double maxAbs = 0;
    for (size_t j = 0; j < features; ++j) {
        auto *g = addGraph();
        QVector<double> x, y;
        for (size_t k = 0; k < lambdas.size(); ++k) {
            x.push_back(lambdas[k]);
            y.push_back(coefficients.at(k).at(j));
            maxAbs = std::max(maxAbs, std::abs(y.back()));
        }
        g->setData(x, y);
        const int gr = group[j];
        if (size_t(gr) >= named.size())
            named.resize(size_t(gr) + 1, false);
        if (named[size_t(gr)]) {
            g->removeFromLegend();
        } else {
            g->setName(tr("group %1").arg(gr + 1));
            named[size_t(gr)] = true;
        }
        m_paths.push_back(g);
        if (j < entry.size() && entry[j] >= 0) {
            ex.push_back(lambdas.at(size_t(entry[j])));
            ey.push_back(coefficients.at(size_t(entry[j])).at(j));
        }
    }
    m_entries->setData(ex, ey);
    // The markers' legend entry last.
    m_entries->removeFromLegend();
    m_entries->addToLegend();
    if (!lambdas.empty())
        xAxis->setRange(lambdas.back(), lambdas.front());
    yAxis->setRange(-maxAbs * 1.1 - 0.05, maxAbs * 1.1 + 0.05);
    setStyle(m_style);
}

void LabPathPlot::setCurrentLambda(double lambda)
{
    m_current->point1->setCoords(lambda, 0);
    m_current->point2->setCoords(lambda, 1);
    replot(rpQueuedReplot);
}

int LabPathPlot::entryMarkers() const
{
    return m_entries->dataCount();
}

void LabPathPlot::setStyle(const LabStyle &style)
{
    m_style = style;
    const QFont base = QApplication::font();
    style.apply(this, base);
    for (size_t j = 0; j < m_paths.size(); ++j)
        m_paths[j]->setPen(QPen(style.groupColor(m_group.at(j)), style.lineWidth()));
    m_entries->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                               QPen(Qt::black, style.lineWidth() * 0.6),
                                               QBrush(Qt::white), 8 * style.markerScale()));
    m_current->setPen(QPen(QColor(80, 80, 80), style.presentation ? 2.5 : 1.2, Qt::DashLine));
    replot(rpQueuedReplot);
}

} // namespace sparsenas
