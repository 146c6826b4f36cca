// SPDX-License-Identifier: MIT
#include "statustext.h"

#include <QEvent>
#include <QPainter>
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
    const int width = std::max(1, contentsRect().width());
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
}

} // namespace sparsenas
