// SPDX-License-Identifier: MIT
#pragma once

// A line (or a few) of status text that changes every step: the epoch and step, the estimate.
// A QLabel asks for a new layout on every setText(), and a layout that ran asks its parent for
// one in turn, up to the main window: with a label in a dock, each step relaid out the whole
// window (bench_gui's event trace: 170 main-window layouts in a 17 s run, up to 27 ms each).
// This widget only repaints: its height is fixed at `lines` lines of its font, its width is the
// layout's choice, and the text is wrapped at word boundaries and elided to what fits. An
// optional link after the text (the cell graph's "12 hidden (|A| < 0.1) · show all") stays
// whole where the text is elided, and is clicked, or Enter / Space when focused, like a label's.

#include <QWidget>

namespace sparsenas {

class StatusText : public QWidget
{
    Q_OBJECT

public:
    explicit StatusText(int lines = 1, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setAlignment(Qt::Alignment alignment);
    /// A link drawn after the text (on its last line), "" for none; activating it emits
    /// linkActivated().
    void setLink(const QString &link);
    QString link() const { return m_link; }
    /// Where the link is drawn (empty without one, or before the first paint).
    QRect linkRect() const { return m_linkRect; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void linkActivated();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void fixHeight();

    QString m_text;
    QString m_link;
    QRect m_linkRect;
    int m_lines = 1;
    Qt::Alignment m_alignment = Qt::AlignLeft | Qt::AlignVCenter;
};

} // namespace sparsenas
