// SPDX-License-Identifier: MIT
#include "statustext.h"

#include <QEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QTextLayout>

namespace sparsenas {

StatusText::StatusText(int lines, QWidget *parent) : QWidget(parent), m_lines(std::max(1, lines))
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    fixHeight();
}

void StatusText::fixHeight()
{
    // Fixed height: a QWidget whose minimum and maximum height are equal but whose width is free
    // still asks for a layout when its geometry hints change, so they never change.
    setFixedHeight(fontMetrics().lineSpacing() * m_lines + 2);
}

void StatusText::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    setToolTip(text); // the whole text, where the line cuts it
    update();
}

void StatusText::setLink(const QString &link)
{
    if (link == m_link)
        return;
    m_link = link;
    m_linkRect = QRect();
    setMouseTracking(!link.isEmpty());
    setFocusPolicy(link.isEmpty() ? Qt::NoFocus : Qt::TabFocus);
    update();
}

void StatusText::mouseMoveEvent(QMouseEvent *event)
{
    setCursor(m_linkRect.contains(event->position().toPoint()) ? Qt::PointingHandCursor
                                                               : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

void StatusText::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_linkRect.contains(event->position().toPoint())) {
        Q_EMIT linkActivated();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void StatusText::keyPressEvent(QKeyEvent *event)
{
    if (!m_link.isEmpty() && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
                              event->key() == Qt::Key_Space)) {
        Q_EMIT linkActivated();
        return;
    }
    QWidget::keyPressEvent(event);
}

void StatusText::setAlignment(Qt::Alignment alignment)
{
    m_alignment = alignment;
    update();
}

QSize StatusText::sizeHint() const
{
    return QSize(fontMetrics().averageCharWidth() * 24, height());
}

QSize StatusText::minimumSizeHint() const
{
    return QSize(0, height());
}

void StatusText::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        fixHeight();
    QWidget::changeEvent(event);
}

void StatusText::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setPen(palette().color(foregroundRole()));
    const QFontMetrics fm = fontMetrics();
    const QString separator = QStringLiteral(" · ");
    // The link keeps its width; the text gets what is left on the line.
    const int linkWidth =
        m_link.isEmpty() ? 0 : fm.horizontalAdvance(separator) + fm.horizontalAdvance(m_link);
    const int fullWidth = std::max(1, contentsRect().width());
    const int width = std::max(1, fullWidth - (m_lines == 1 ? linkWidth : 0));
    // Word-wrapped into at most m_lines lines; the last one elided if the text goes on.
    QStringList lines;
    QTextLayout layout(m_text, font());
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (int(lines.size()) + 1 == m_lines) {
            lines << fm.elidedText(m_text.mid(line.textStart()).simplified(), Qt::ElideRight,
                                   width);
            break;
        }
        lines << m_text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    const int textHeight = int(lines.size()) * fm.lineSpacing();
    int y = contentsRect().top() + (contentsRect().height() - textHeight) / 2;
    if (m_alignment & Qt::AlignTop)
        y = contentsRect().top();
    for (const QString &line : lines) {
        painter.drawText(QRect(contentsRect().left(), y, width, fm.lineSpacing()),
                         int(m_alignment & Qt::AlignHorizontal_Mask) | Qt::AlignVCenter, line);
        y += fm.lineSpacing();
    }
    m_linkRect = QRect();
    if (m_link.isEmpty())
        return;
    // After the last line's text (left-aligned text; the link is then where a label puts it).
    const int lastWidth = lines.isEmpty() ? 0 : fm.horizontalAdvance(lines.back());
    int x = contentsRect().left() + std::min(lastWidth, width);
    const int lineTop = y - (lines.isEmpty() ? 0 : fm.lineSpacing());
    if (!lines.isEmpty() && !lines.back().isEmpty()) {
        painter.drawText(QRect(x, lineTop, fm.horizontalAdvance(separator), fm.lineSpacing()),
                         Qt::AlignLeft | Qt::AlignVCenter, separator);
        x += fm.horizontalAdvance(separator);
    }
    m_linkRect = QRect(x, lineTop, fm.horizontalAdvance(m_link), fm.lineSpacing());
    QFont underlined = font();
    underlined.setUnderline(true);
    painter.setFont(underlined);
    painter.setPen(palette().color(QPalette::Link));
    painter.drawText(m_linkRect, Qt::AlignLeft | Qt::AlignVCenter, m_link);
    if (hasFocus()) {
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        focus.rect = m_linkRect.adjusted(-1, 0, 1, 0);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, &painter, this);
    }
}

} // namespace sparsenas
