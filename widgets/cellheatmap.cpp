// SPDX-License-Identifier: MIT
#include "cellheatmap.h"

#include "colormaps.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace sparsenas {

namespace {

constexpr double kGroupGap = 4.0;  // extra space between the edge groups of two target nodes
constexpr double kBarWidth = 12.0; // colour bar
constexpr double kHatchSpacing = 5.0;
constexpr double kMutedOpacity = 0.35;
constexpr int kDefaultEdges = 14; // the 4-node cell, for size hints without data
constexpr int kDefaultOps = 8;
constexpr int kMinLabelPixels = 8; // row labels never get smaller than this

// Column headers in two short lines: "sep_conv_3x3" -> "sep" / "3×3", "max_pool_3x3" -> "max" /
// "3×3", "skip_connect" -> "skip". The full name is in the tooltip.
QStringList opHeaderLines(const QString &op)
{
    static const QRegularExpression sizeToken(QStringLiteral("^\\d+x\\d+$"));
    const QStringList tokens = op.split(QLatin1Char('_'), Qt::SkipEmptyParts);
    if (tokens.isEmpty())
        return {op};
    QStringList sizes;
    for (const QString &t : tokens) {
        if (sizeToken.match(t).hasMatch())
            sizes << QString(t).replace(QLatin1Char('x'), QChar(0x00D7));
    }
    // Built with << rather than two braced lists in a ?: (GCC 12 took their temporaries for
    // dangling pointers: -Wdangling-pointer).
    QStringList lines;
    lines << tokens.first();
    if (!sizes.isEmpty())
        lines << sizes.join(QLatin1Char(' '));
    return lines;
}

// The header when a column is too narrow for opHeaderLines: a letter and the kernel size
// ("max_pool_3x3" -> "m3", "sep_conv_5x5" -> "s5"), two letters without one ("skip_connect" ->
// "sk", "none" -> "no"). The tooltip names the op in full.
QString opCode(const QString &op)
{
    static const QRegularExpression size(QStringLiteral("_(\\d+)x\\d+$"));
    const QRegularExpressionMatch m = size.match(op);
    if (m.hasMatch() && !op.isEmpty())
        return op.left(1) + m.captured(1);
    return op.left(2);
}

QString formatValue(double v)
{
    return v == 0.0 ? QStringLiteral("0") : QString::number(v, 'g', 2);
}

// The value text for a cell `width` wide: two significant digits, else one, else without the
// leading zero ("-.02"); empty when even that does not fit (an elided "0.…" would mislead).
QString fittingValue(double v, const QFontMetricsF &fm, double width)
{
    QString text = formatValue(v);
    if (fm.horizontalAdvance(text) <= width)
        return text;
    text = QString::number(v, 'g', 1);
    if (fm.horizontalAdvance(text) <= width)
        return text;
    if (text.startsWith(QLatin1String("0.")) || text.startsWith(QLatin1String("-0.")))
        text.remove(text.indexOf(QLatin1Char('0')), 1);
    return fm.horizontalAdvance(text) <= width ? text : QString();
}

void drawHatch(QPainter &p, const QRectF &r)
{
    // Aliasing off: every pixel is either the fill or the hatch colour, never a blend. The
    // 45-degree segments are cut to the rectangle here, not by a clip: the SVG generator
    // ignores clipping.
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(CellHeatmap::hatchColor(), 1.0));
    for (double x = r.left() - r.height(); x < r.right(); x += kHatchSpacing) {
        const double x0 = std::max(x, r.left()), x1 = std::min(x + r.height(), r.right());
        if (x0 < x1)
            p.drawLine(QPointF(x0, r.bottom() - (x0 - x)), QPointF(x1, r.bottom() - (x1 - x)));
    }
    p.restore();
}

} // namespace

struct CellHeatmap::Layout
{
    QFont font;
    QFont smallFont;
    QFont labelFont;          // the row labels: the font, or smaller when the rows are low
    bool groupLabels = false; // one label per target node instead of one per row
    QRectF grid;              // the matrix
    QRectF bar;               // colour gradient
    QRectF zeroSwatch;        // "= 0" legend entry below the gradient
    double labelLeft = 0;
    double headerTop = 0;
    double colW = 0;
    double rowH = 0;
    int edges = 0;
    int ops = 0;
    int inputs = 2; // the cell's (1: the recurrent cell)

    double rowTop(int e) const
    {
        const int group = edgeEnds(e, inputs).target - inputs;
        return grid.top() + e * rowH + group * kGroupGap;
    }
    QRectF cellRect(int e, int o) const
    {
        return QRectF(grid.left() + o * colW, rowTop(e), colW, rowH);
    }
};

CellHeatmap::CellHeatmap(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void CellHeatmap::setWeights(const CellSnapshot &cell)
{
    m_cell = cell;
    m_hoverEdge = m_hoverOp = -1;
    if (m_highlightEdge >= edgeCount() || m_highlightOp >= opCount())
        m_highlightEdge = m_highlightOp = -1;
    // sizeHint() is the minimum plus a share per op and edge, both of which the minimum holds
    // too: comparing the minimum is enough.
    const QSize min = minimumSizeHint();
    if (min != m_reportedMin) {
        m_reportedMin = min;
        updateGeometry();
    }
    update();
}

void CellHeatmap::clear()
{
    setWeights(CellSnapshot{});
}

bool CellHeatmap::hasWeights() const
{
    return edgeCount() > 0 && opCount() > 0;
}

int CellHeatmap::opCount() const
{
    return int(m_cell.weights.ops.size());
}

int CellHeatmap::edgeCount() const
{
    const size_t ops = m_cell.weights.ops.size();
    if (ops == 0 || m_cell.weights.nodes <= 0)
        return 0;
    // Guard against a matrix shorter than the cell says (a truncated file).
    return std::min(numEdges(m_cell.weights.nodes, m_cell.weights.inputs),
                    int(m_cell.weights.weights.size() / ops));
}

int CellHeatmap::noneColumn() const
{
    const auto &ops = m_cell.weights.ops;
    const auto it = std::find(ops.begin(), ops.end(), std::string("none"));
    return it == ops.end() ? -1 : int(it - ops.begin());
}

bool CellHeatmap::edgeAlive(int edge) const
{
    const int target = edgeEnds(edge, m_cell.weights.inputs).target;
    const auto &alive = m_cell.aliveNodes;
    return std::find(alive.begin(), alive.end(), target) != alive.end();
}

double CellHeatmap::dataScale() const
{
    const int none = noneColumn();
    double maxAbs = 0.0;
    for (int e = 0; e < edgeCount(); ++e) {
        for (int o = 0; o < opCount(); ++o) {
            const double v = m_cell.weights.at(e, o);
            if (o != none && std::isfinite(v))
                maxAbs = std::max(maxAbs, std::abs(v));
        }
    }
    if (maxAbs == 0.0 && none >= 0) {
        // Only the "none" column is non-zero: scale by it rather than paint nothing.
        for (int e = 0; e < edgeCount(); ++e)
            maxAbs = std::max(maxAbs, double(std::abs(m_cell.weights.at(e, none))));
    }
    return maxAbs;
}

double CellHeatmap::scale() const
{
    return m_scaleLocked ? m_lockedScale : dataScale();
}

void CellHeatmap::setScaleLocked(bool locked)
{
    if (locked == m_scaleLocked)
        return;
    if (locked)
        m_lockedScale = dataScale();
    m_scaleLocked = locked;
    update();
}

void CellHeatmap::setFixedScale(double maxAbs)
{
    if (!(maxAbs > 0.0) || !std::isfinite(maxAbs))
        return;
    m_lockedScale = maxAbs;
    m_scaleLocked = true;
    update();
}

void CellHeatmap::setShowValues(bool show)
{
    if (show == m_showValues)
        return;
    m_showValues = show;
    update();
}

void CellHeatmap::setHighlight(int edge, int op)
{
    if (edge < 0 || op < 0)
        edge = op = -1;
    if (edge == m_highlightEdge && op == m_highlightOp)
        return;
    m_highlightEdge = edge;
    m_highlightOp = op;
    update();
}

QColor CellHeatmap::hatchColor()
{
    return QColor(150, 150, 150);
}

QFont CellHeatmap::baseFont() const
{
    // Pixel sizes, so that a painter scaled for export (PDF at its resolution) keeps proportions.
    QFont f = font();
    f.setPixelSize(std::max(9, QFontInfo(font()).pixelSize()));
    return f;
}

CellHeatmap::Layout CellHeatmap::computeLayout(const QRectF &target) const
{
    Layout l;
    l.font = baseFont();
    l.smallFont = l.font;
    l.smallFont.setPixelSize(std::max(8, int(std::lround(l.font.pixelSize() * 0.85))));
    const QFontMetricsF fm(l.font);
    const QFontMetricsF sfm(l.smallFont);
    l.edges = hasWeights() ? edgeCount() : 0;
    l.inputs = m_cell.weights.inputs;
    const int in = l.inputs;
    l.ops = hasWeights() ? opCount() : 0;

    double labelW = fm.horizontalAdvance(edgeName(kDefaultEdges - 1));
    for (int e = 0; e < l.edges; ++e)
        labelW = std::max(labelW, fm.horizontalAdvance(edgeName(e, in)));
    labelW += 10.0;

    const double s = scale();
    double tickW = sfm.horizontalAdvance(QStringLiteral("-0.000"));
    tickW =
        std::max({tickW, sfm.horizontalAdvance(formatValue(-s)), sfm.horizontalAdvance(tr("= 0")),
                  sfm.horizontalAdvance(tr("A, fixed")) - kBarWidth});
    const double barBlock = 12.0 + kBarWidth + 5.0 + tickW + 2.0;

    const double headerH = 2.0 * sfm.lineSpacing() + 6.0;
    l.labelLeft = target.left();
    l.headerTop = target.top();
    const int groups = std::max(1, m_cell.weights.nodes);
    l.grid = QRectF(target.left() + labelW, target.top() + headerH,
                    std::max(1.0, target.width() - labelW - barBlock),
                    std::max(1.0, target.height() - headerH - 2.0));
    if (l.ops > 0)
        l.colW = l.grid.width() / l.ops;
    if (l.edges > 0)
        l.rowH = std::max(1.0, (l.grid.height() - kGroupGap * (groups - 1)) / l.edges);

    // Row labels: smaller as the rows get lower, down to 8 px; below that one label per target
    // node ("→ 2"), so that labels never overlap (a 1024x700 screen stacks the two cells).
    l.labelFont = l.font;
    if (l.edges > 0) {
        int px = l.font.pixelSize();
        while (px > kMinLabelPixels && QFontMetricsF(l.labelFont).height() > l.rowH)
            l.labelFont.setPixelSize(--px);
        if (QFontMetricsF(l.labelFont).height() > l.rowH) {
            l.groupLabels = true;
            l.labelFont = l.smallFont;
        }
    }

    const double swatchH = std::min(14.0, std::max(8.0, l.rowH));
    const double barX = l.grid.right() + 12.0;
    l.bar = QRectF(barX, l.grid.top(), kBarWidth, std::max(10.0, l.grid.height() - swatchH - 10.0));
    l.zeroSwatch = QRectF(barX, l.bar.bottom() + 10.0, kBarWidth, swatchH);
    return l;
}

QRectF CellHeatmap::entryRect(int edge, int op) const
{
    if (edge < 0 || op < 0 || edge >= edgeCount() || op >= opCount())
        return {};
    return computeLayout(QRectF(rect())).cellRect(edge, op);
}

std::optional<std::pair<int, int>> CellHeatmap::entryAt(QPoint pos) const
{
    if (!hasWeights())
        return std::nullopt;
    const Layout l = computeLayout(QRectF(rect()));
    const QPointF p(pos);
    if (p.x() < l.grid.left() || p.x() >= l.grid.left() + l.ops * l.colW)
        return std::nullopt;
    const int op = std::clamp(int((p.x() - l.grid.left()) / l.colW), 0, l.ops - 1);
    for (int e = 0; e < l.edges; ++e) {
        const double top = l.rowTop(e);
        if (p.y() >= top && p.y() < top + l.rowH)
            return std::make_pair(e, op);
    }
    return std::nullopt;
}

std::vector<CellHeatmap::Label> CellHeatmap::labelsFor(const Layout &l) const
{
    std::vector<Label> out;
    const QFontMetricsF fm(l.labelFont);
    const double right = l.grid.left() - 6.0;
    const auto add = [&](double top, double height, const QString &text, int edge, int node) {
        const double w = std::min(fm.horizontalAdvance(text), right - l.labelLeft);
        const double h = fm.height();
        out.push_back({QRectF(right - w, top + (height - h) / 2.0, w, h), text, edge, node});
    };
    if (!l.groupLabels) {
        for (int e = 0; e < l.edges; ++e)
            add(l.rowTop(e), l.rowH, edgeName(e, l.inputs), e, edgeEnds(e, l.inputs).target);
        return out;
    }
    // One label per target node, centred on its rows; none where the group is too low.
    for (int e = 0; e < l.edges;) {
        const int target = edgeEnds(e, l.inputs).target;
        int last = e;
        while (last + 1 < l.edges && edgeEnds(last + 1, l.inputs).target == target)
            ++last;
        const double top = l.rowTop(e), height = l.rowTop(last) + l.rowH - top;
        if (fm.height() <= height)
            add(top, height, QStringLiteral("\u2192 ") + nodeName(target, l.inputs), -1, target);
        e = last + 1;
    }
    return out;
}

QList<std::pair<QRectF, QString>> CellHeatmap::rowLabels() const
{
    QList<std::pair<QRectF, QString>> out;
    if (!hasWeights())
        return out;
    for (const Label &label : labelsFor(computeLayout(QRectF(rect()))))
        out.append({label.box, label.text});
    return out;
}

bool CellHeatmap::isFrozen(int edge, int op) const
{
    const int index = edge * opCount() + op;
    return std::binary_search(m_cell.frozen.begin(), m_cell.frozen.end(), index);
}

QString CellHeatmap::toolTipFor(int edge, int op) const
{
    if (edge < 0 || op < 0 || edge >= edgeCount() || op >= opCount())
        return {};
    const QString opName = QString::fromStdString(m_cell.weights.ops[size_t(op)]);
    const float v = m_cell.weights.at(edge, op);
    QString text = v == 0.0f ? tr("%1 \u00b7 %2: exactly 0 (pruned)")
                                   .arg(edgeName(edge, m_cell.weights.inputs), opName)
                             : tr("%1 \u00b7 %2: A = %3")
                                   .arg(edgeName(edge, m_cell.weights.inputs), opName,
                                        QString::number(v, 'g', 4));
    if (isFrozen(edge, op))
        text += QLatin1Char('\n') +
                tr("frozen: it stayed exactly 0 long enough (search.freeze_zero_epochs) and is no "
                   "longer computed");
    if (op == noneColumn())
        text += QLatin1Char('\n') + tr("\"none\" is never a path");
    if (!edgeAlive(edge))
        text += QLatin1Char('\n') + tr("node %1 was removed by derivation")
                                        .arg(nodeName(edgeEnds(edge, m_cell.weights.inputs).target,
                                                      m_cell.weights.inputs));
    return text;
}

void CellHeatmap::render(QPainter &painter, const QRectF &target) const
{
    painter.save();
    const QColor textColor = palette().color(QPalette::WindowText);
    const Layout l = computeLayout(target);
    painter.setFont(l.font);

    if (!hasWeights()) {
        QColor muted = textColor;
        muted.setAlpha(140);
        painter.setPen(muted);
        painter.drawText(target, Qt::AlignCenter, tr("No architecture weights yet"));
        painter.restore();
        return;
    }

    const double s = scale();
    const int none = noneColumn();
    const QFontMetricsF sfm(l.smallFont);

    // Column headers: two short lines per op, the "none" column muted.
    painter.setFont(l.smallFont);
    bool compact = false;
    for (int o = 0; o < l.ops && !compact; ++o) {
        for (const QString &line :
             opHeaderLines(QString::fromStdString(m_cell.weights.ops[size_t(o)])))
            compact = compact || sfm.horizontalAdvance(line) > l.colW;
    }
    QFont headerFont = l.smallFont;
    if (compact) {
        // The codes in a smaller font where even they are wider than a column (down to 7 px).
        const auto widest = [&] {
            double w = 0;
            for (const std::string &op : m_cell.weights.ops)
                w = std::max(w, QFontMetricsF(headerFont)
                                    .horizontalAdvance(opCode(QString::fromStdString(op))));
            return w;
        };
        while (headerFont.pixelSize() > 7 && widest() > l.colW)
            headerFont.setPixelSize(headerFont.pixelSize() - 1);
        painter.setFont(headerFont);
    }
    const QFontMetricsF hfm(headerFont);
    for (int o = 0; o < l.ops; ++o) {
        const QString op = QString::fromStdString(m_cell.weights.ops[size_t(o)]);
        const QStringList lines = compact ? QStringList{opCode(op)} : opHeaderLines(op);
        QColor c = textColor;
        if (o == none)
            c.setAlpha(110);
        painter.setPen(c);
        const double x = l.grid.left() + o * l.colW;
        double y = l.grid.top() - 3.0 - lines.size() * sfm.lineSpacing();
        for (const QString &line : lines) {
            // A two-letter code is never elided: "…" would say less than a code that touches
            // its neighbour.
            const QString shown = compact ? line : hfm.elidedText(line, Qt::ElideRight, l.colW);
            painter.drawText(QRectF(x, y, l.colW, sfm.lineSpacing()),
                             Qt::AlignCenter | Qt::TextDontClip, shown);
            y += sfm.lineSpacing();
        }
    }

    // Row labels; edges into a removed node are faded.
    const std::vector<int> &alive = m_cell.aliveNodes;
    for (const Label &label : labelsFor(l)) {
        QColor c = textColor;
        QFont f = l.labelFont;
        if (std::find(alive.begin(), alive.end(), label.node) == alive.end()) {
            c.setAlpha(90);
            f.setItalic(true);
        }
        painter.setFont(f);
        painter.setPen(c);
        const QFontMetricsF lfm(f);
        painter.drawText(label.box, Qt::AlignRight | Qt::AlignVCenter,
                         lfm.elidedText(label.text, Qt::ElideLeft, label.box.width() + 1.0));
    }

    // Cells: a 1 px gap between them shows the background.
    painter.setPen(Qt::NoPen);
    for (int e = 0; e < l.edges; ++e) {
        for (int o = 0; o < l.ops; ++o) {
            const QRectF r = l.cellRect(e, o).adjusted(0, 0, -1, -1);
            const float v = m_cell.weights.at(e, o);
            painter.setOpacity(o == none ? kMutedOpacity : 1.0);
            if (v == 0.0f) {
                painter.fillRect(r, exactZeroColor());
                drawHatch(painter, r);
                if (isFrozen(e, o)) {
                    // Frozen (search.freeze_zero_epochs): crossed out, it is no longer computed.
                    painter.save();
                    painter.setPen(QPen(textColor, 1.5));
                    const QRectF x = r.adjusted(3, 3, -3, -3);
                    painter.drawLine(x.topLeft(), x.bottomRight());
                    painter.drawLine(x.bottomLeft(), x.topRight());
                    painter.restore();
                }
            } else {
                painter.fillRect(r, divergingColor(v, s));
            }
            // Exact zeros get no number: the hatch already says 0.
            if (m_showValues && v != 0.0f && r.height() >= sfm.height() - 2) {
                const QColor fill = divergingColor(v, s);
                painter.setFont(l.smallFont);
                painter.setPen(fill.lightness() < 128 ? Qt::white : Qt::black);
                painter.drawText(r, Qt::AlignCenter, fittingValue(v, sfm, r.width() - 2));
                painter.setPen(Qt::NoPen);
            }
        }
    }
    painter.setOpacity(1.0);

    // Hover and highlight frames on top of the cells.
    painter.setBrush(Qt::NoBrush);
    if (m_hoverEdge >= 0 && m_hoverEdge < l.edges && m_hoverOp < l.ops) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
        painter.drawRect(l.cellRect(m_hoverEdge, m_hoverOp).adjusted(0.5, 0.5, -1.5, -1.5));
    }
    if (m_highlightEdge >= 0 && m_highlightEdge < l.edges && m_highlightOp < l.ops) {
        const QRectF r = l.cellRect(m_highlightEdge, m_highlightOp).adjusted(0, 0, -1, -1);
        painter.setPen(QPen(Qt::black, 3.0, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        painter.drawRect(r.adjusted(-1.0, -1.0, 1.0, 1.0));
        painter.setPen(QPen(Qt::white, 1.0));
        painter.drawRect(r.adjusted(1.0, 1.0, -1.0, -1.0));
    }

    // Colour bar: +scale at the top, 0 in the middle, -scale at the bottom.
    QLinearGradient gradient(l.bar.topLeft(), l.bar.bottomLeft());
    constexpr int stops = 32;
    for (int i = 0; i <= stops; ++i) {
        const double t = double(i) / stops;
        gradient.setColorAt(t, divergingColor(s * (1.0 - 2.0 * t), s));
    }
    painter.setPen(QPen(textColor, 0.5));
    painter.setBrush(gradient);
    painter.drawRect(l.bar);
    painter.setBrush(Qt::NoBrush);
    painter.fillRect(l.zeroSwatch, exactZeroColor());
    drawHatch(painter, l.zeroSwatch);
    painter.drawRect(l.zeroSwatch);

    painter.setFont(l.smallFont);
    painter.setPen(textColor);
    const double tx = l.bar.right() + 5.0;
    const double th = sfm.height();
    const auto tick = [&](double y, const QString &text) {
        painter.drawLine(QPointF(l.bar.right(), y), QPointF(l.bar.right() + 3.0, y));
        painter.drawText(QRectF(tx, y - th / 2, 200, th), Qt::AlignLeft | Qt::AlignVCenter, text);
    };
    tick(l.bar.top(), formatValue(s));
    tick(l.bar.center().y(), QStringLiteral("0"));
    tick(l.bar.bottom(), formatValue(-s));
    painter.drawText(QRectF(tx, l.zeroSwatch.center().y() - th / 2, 200, th),
                     Qt::AlignLeft | Qt::AlignVCenter, tr("= 0"));
    // The bar's title, centred over it; "fixed" while the user has locked the scale.
    QFont titleFont = l.smallFont;
    titleFont.setItalic(!m_scaleLocked);
    painter.setFont(titleFont);
    const QString barTitle = m_scaleLocked ? tr("A, fixed") : tr("A");
    const double titleW = sfm.horizontalAdvance(barTitle) + 4.0;
    painter.drawText(QRectF(std::max(l.grid.right() + 4.0, l.bar.center().x() - titleW / 2),
                            l.headerTop, titleW, l.grid.top() - l.headerTop - 3),
                     Qt::AlignLeft | Qt::AlignBottom, barTitle);
    painter.restore();
}

void CellHeatmap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    render(painter, QRectF(rect()));
}

bool CellHeatmap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const auto entry = entryAt(help->pos())) {
            QToolTip::showText(help->globalPos(), toolTipFor(entry->first, entry->second), this,
                               entryRect(entry->first, entry->second).toAlignedRect());
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void CellHeatmap::mouseMoveEvent(QMouseEvent *event)
{
    const auto entry = entryAt(event->position().toPoint());
    const int e = entry ? entry->first : -1;
    const int o = entry ? entry->second : -1;
    if (e != m_hoverEdge || o != m_hoverOp) {
        m_hoverEdge = e;
        m_hoverOp = o;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void CellHeatmap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (const auto entry = entryAt(event->position().toPoint())) {
            Q_EMIT entryClicked(entry->first, entry->second);
            event->accept();
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void CellHeatmap::leaveEvent(QEvent *event)
{
    if (m_hoverEdge >= 0) {
        m_hoverEdge = m_hoverOp = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

QSize CellHeatmap::minimumSizeHint() const
{
    const Layout l = computeLayout(QRectF(0, 0, 1000, 1000));
    const double chromeW = 1000 - l.grid.width();
    const double chromeH = 1000 - l.grid.height();
    const int edges = hasWeights() ? edgeCount() : kDefaultEdges;
    const int ops = hasWeights() ? opCount() : kDefaultOps;
    const int groups = hasWeights() ? m_cell.weights.nodes : 4;
    // Columns as narrow as their shortest header ("max" over "3×3") and rows of 10 px (labels
    // shrink to fit, rowLabels()): a 1024x700 window has room for the heatmaps beside the
    // curves and above the bottom row.
    // The recurrent cell's 36 rows get thinner ones (down to 5 px, one label per node then), so
    // that its matrix needs no more height than the CNN cell's 14 rows of 10 px and more.
    const double minColW = QFontMetricsF(l.smallFont).horizontalAdvance(QStringLiteral("max")) + 3;
    const double minRowH = std::clamp(200.0 / std::max(1, edges), 5.0, 10.0);
    return QSize(int(std::ceil(chromeW + ops * std::max(18.0, minColW))),
                 int(std::ceil(chromeH + edges * minRowH + (groups - 1) * kGroupGap)));
}

QSize CellHeatmap::sizeHint() const
{
    const QSize min = minimumSizeHint();
    const int ops = hasWeights() ? opCount() : kDefaultOps;
    const int edges = hasWeights() ? edgeCount() : kDefaultEdges;
    return QSize(min.width() + ops * 16, min.height() + edges * 7);
}

} // namespace sparsenas
