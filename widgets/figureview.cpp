// SPDX-License-Identifier: MIT
#include "figureview.h"

#include "plotexport.h"

#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sparsenas {

namespace {

bool sameSeries(const FigureSeries &a, const FigureSeries &b)
{
    return a.name == b.name && a.color == b.color && a.dashed == b.dashed && a.x == b.x &&
           a.y == b.y && a.lo == b.lo && a.hi == b.hi;
}

bool samePanel(const FigurePanel &a, const FigurePanel &b)
{
    if (a.title != b.title || a.xLabel != b.xLabel || a.yLabel != b.yLabel || a.yMin != b.yMin ||
        a.yMax != b.yMax || a.integerX != b.integerX || a.series.size() != b.series.size())
        return false;
    for (size_t i = 0; i < a.series.size(); ++i) {
        if (!sameSeries(a.series[i], b.series[i]))
            return false;
    }
    return true;
}

/// The graph's series in the figure: which panel, which series; -1 for a band's lower edge.
const char *const kPanelProperty = "sparsenasPanel";
const char *const kSeriesProperty = "sparsenasSeries";

QString number(double v)
{
    return QString::number(v, 'g', 4);
}

} // namespace

bool sameFigure(const Figure &a, const Figure &b)
{
    if (a.columns != b.columns || a.panelWidth != b.panelWidth || a.panelHeight != b.panelHeight ||
        a.sharedLegend != b.sharedLegend || a.panels.size() != b.panels.size())
        return false;
    for (size_t i = 0; i < a.panels.size(); ++i) {
        if (!samePanel(a.panels[i], b.panels[i]))
            return false;
    }
    return true;
}

FigureView::FigureView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setMouseTracking(true);
    layout->addWidget(m_plot);
    connect(m_plot, &QCustomPlot::mouseMove, this, &FigureView::showToolTip);
    // A double click fits every panel to its data again.
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { rebuild(); });
    rebuild();
}

FigureView::~FigureView() = default;

void FigureView::setFigure(const Figure &figure)
{
    if (m_hasFigure && sameFigure(figure, m_figure))
        return;
    m_figure = figure;
    m_hasFigure = true;
    rebuild();
}

void FigureView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    rebuild();
}

int FigureView::columnsFor(int width) const
{
    const int wanted = std::max(1, m_figure.columns);
    const int fit = std::max(1, width / minimumPanelWidth);
    return std::min(wanted, fit);
}

int FigureView::legendColumnsFor(int width) const
{
    const QFontMetrics metrics(font());
    int longest = 0;
    if (!m_figure.panels.empty()) {
        for (const auto &s : m_figure.panels.front().series)
            longest = std::max(longest, metrics.horizontalAdvance(QString::fromStdString(s.name)));
    }
    return std::max(1, std::max(width, 300) / (longest + 60));
}

int FigureView::legendColumns() const
{
    return m_legend ? m_legend->wrap() : 0;
}

void FigureView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (columnsFor(width()) != m_columnsShown) {
        rebuild();
    } else if (m_legend && m_legend->wrap() != legendColumnsFor(width())) {
        m_legend->setWrap(legendColumnsFor(width()));
        m_legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true); // re-arranges the entries
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void FigureView::rebuild()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_plot->plotLayout()->clear();
    m_legend = nullptr; // deleted with the layout
    m_columnsShown = columnsFor(width());

    bool anyPoint = false;
    for (const auto &p : m_figure.panels) {
        for (const auto &s : p.series)
            anyPoint = anyPoint || !s.x.empty();
    }

    auto *panels = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(0, 0, panels);
    const QFont titleFont(font().family(), font().pointSize(), QFont::Bold);
    QCPAxisRect *firstRect = nullptr;
    for (size_t i = 0; i < m_figure.panels.size(); ++i) {
        const FigurePanel &panel = m_figure.panels[i];
        auto *cell = new QCPLayoutGrid;
        panels->addElement(int(i) / m_columnsShown, int(i) % m_columnsShown, cell);
        cell->addElement(
            0, 0, new QCPTextElement(m_plot, QString::fromStdString(panel.title), titleFont));
        auto *rect = new QCPAxisRect(m_plot);
        cell->addElement(1, 0, rect);
        cell->setRowStretchFactor(0, 0.001);
        if (!firstRect)
            firstRect = rect;
        QCPAxis *x = rect->axis(QCPAxis::atBottom);
        QCPAxis *y = rect->axis(QCPAxis::atLeft);
        x->setLabel(QString::fromStdString(panel.xLabel));
        y->setLabel(QString::fromStdString(panel.yLabel));
        if (panel.integerX) {
            auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
            ticker->setTickStep(1.0);
            ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
            x->setTicker(ticker);
        }
        double xLo = std::numeric_limits<double>::infinity(), xHi = -xLo;
        double yLo = xLo, yHi = -xLo;
        for (size_t k = 0; k < panel.series.size(); ++k) {
            const FigureSeries &s = panel.series[k];
            const QColor color(QString::fromStdString(s.color));
            QPen pen(color, 1.8);
            pen.setStyle(s.dashed ? Qt::DashLine : Qt::SolidLine);
            const QVector<double> xs(s.x.begin(), s.x.end());
            const bool band = s.lo.size() == s.x.size() && s.hi.size() == s.x.size() &&
                              !s.x.empty();
            if (band) {
                QCPGraph *lo = m_plot->addGraph(x, y);
                lo->setPen(Qt::NoPen);
                lo->setData(xs, QVector<double>(s.lo.begin(), s.lo.end()), true);
                lo->setProperty(kPanelProperty, int(i));
                lo->setProperty(kSeriesProperty, -1);
                QCPGraph *hi = m_plot->addGraph(x, y);
                hi->setPen(Qt::NoPen);
                QColor fill = color;
                fill.setAlpha(45);
                hi->setBrush(fill);
                hi->setChannelFillGraph(lo);
                hi->setData(xs, QVector<double>(s.hi.begin(), s.hi.end()), true);
                hi->setProperty(kPanelProperty, int(i));
                hi->setProperty(kSeriesProperty, -1);
            }
            QCPGraph *g = m_plot->addGraph(x, y);
            g->setName(QString::fromStdString(s.name));
            g->setPen(pen);
            if (s.x.size() <= 40)
                g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 5));
            g->setData(xs, QVector<double>(s.y.begin(), s.y.end()), true);
            g->setProperty(kPanelProperty, int(i));
            g->setProperty(kSeriesProperty, int(k));
            for (size_t j = 0; j < s.x.size(); ++j) {
                xLo = std::min(xLo, s.x[j]);
                xHi = std::max(xHi, s.x[j]);
                yLo = std::min(yLo, band ? s.lo[j] : s.y[j]);
                yHi = std::max(yHi, band ? s.hi[j] : s.y[j]);
            }
        }
        if (xLo > xHi)
            xLo = 0, xHi = 1;
        const double xPad = xHi > xLo ? 0.04 * (xHi - xLo) : 0.5;
        x->setRange(xLo - xPad, xHi + xPad);
        if (panel.yMin < panel.yMax) {
            y->setRange(panel.yMin, panel.yMax);
        } else {
            if (yLo > yHi)
                yLo = 0, yHi = 1;
            const double yPad = yHi > yLo ? 0.06 * (yHi - yLo) : 0.5;
            y->setRange(yLo - yPad, yHi + yPad);
        }
    }
    if (!anyPoint && firstRect && !m_placeholder.isEmpty()) {
        // In the middle of the first panel: between panels it would cross their titles.
        auto *text = new QCPItemText(m_plot);
        text->setClipToAxisRect(false);
        text->position->setType(QCPItemPosition::ptAxisRectRatio);
        text->position->setAxisRect(firstRect);
        text->position->setCoords(0.5, 0.5);
        text->setText(m_placeholder);
        text->setColor(palette().color(QPalette::PlaceholderText));
    }

    // One legend under the panels, its entries in as many columns as the width allows. None
    // without entries: an empty legend's maximum width (its margins) would cap the panels'.
    if (m_figure.sharedLegend && !m_figure.panels.empty() && firstRect &&
        !m_figure.panels.front().series.empty()) {
        auto *legend = new QCPLegend;
        m_legend = legend;
        m_plot->plotLayout()->addElement(1, 0, legend);
        m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
        legend->setLayer(QStringLiteral("legend"));
        legend->setBorderPen(Qt::NoPen);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
        const QFontMetrics metrics(font());
        int longest = 0;
        for (const auto &s : m_figure.panels.front().series)
            longest = std::max(longest, metrics.horizontalAdvance(QString::fromStdString(s.name)));
        legend->setWrap(std::max(1, std::max(width(), 300) / (longest + 60)));
        for (int g = 0; g < m_plot->graphCount(); ++g) {
            QCPGraph *graph = m_plot->graph(g);
            if (graph->property(kPanelProperty).toInt() == 0 &&
                graph->property(kSeriesProperty).toInt() >= 0)
                graph->addToLegend(legend);
        }
    }
    m_plot->replot();
}

QString FigureView::pointTextAt(const QPointF &pos) const
{
    double best = 12.0 * 12.0;
    QString text;
    for (int g = 0; g < m_plot->graphCount(); ++g) {
        const QCPGraph *graph = m_plot->graph(g);
        const int panel = graph->property(kPanelProperty).toInt();
        const int series = graph->property(kSeriesProperty).toInt();
        if (series < 0 || panel < 0 || size_t(panel) >= m_figure.panels.size())
            continue;
        const FigurePanel &p = m_figure.panels[size_t(panel)];
        const FigureSeries &s = p.series[size_t(series)];
        if (!graph->keyAxis()->axisRect()->rect().contains(pos.toPoint()))
            continue;
        for (size_t j = 0; j < s.x.size(); ++j) {
            const double dx = graph->keyAxis()->coordToPixel(s.x[j]) - pos.x();
            const double dy = graph->valueAxis()->coordToPixel(s.y[j]) - pos.y();
            if (dx * dx + dy * dy >= best)
                continue;
            best = dx * dx + dy * dy;
            text = QStringLiteral("%1\n%2 = %3\n%4 = %5")
                       .arg(QString::fromStdString(s.name), QString::fromStdString(p.xLabel),
                            number(s.x[j]), QString::fromStdString(p.yLabel), number(s.y[j]));
            if (s.lo.size() == s.x.size() && s.hi.size() == s.x.size() && s.lo[j] != s.hi[j])
                text += QStringLiteral(" (%1 – %2)").arg(number(s.lo[j]), number(s.hi[j]));
        }
    }
    return text;
}

void FigureView::showToolTip(QMouseEvent *event)
{
    const QString text = pointTextAt(event->position());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
}

} // namespace sparsenas
