// SPDX-License-Identifier: MIT
#pragma once

// A line (or a few) of status text that changes every step: the epoch and step, the estimate.
// A QLabel asks for a new layout on every setText(), and a layout that ran asks its parent for
// one in turn, up to the main window: with a label in a dock, each step relaid out the whole
// window (bench_gui's event trace: 170 main-window layouts in a 17 s run, up to 27 ms each).
// This widget only repaints: its height is fixed at `lines` lines of its font, its width is the
// layout's choice, and the text is wrapped at word boundaries and elided to what fits.

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

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fixHeight();

    QString m_text;
    int m_lines = 1;
    Qt::Alignment m_alignment = Qt::AlignLeft | Qt::AlignVCenter;
};

} // namespace sparsenas
