// SPDX-License-Identifier: MIT
#pragma once

// A line figure of the base library (sparsenas/base/figure.h: the sweep's validation curves, the
// optimizer ablation's Fig. 3 panels) shown live with QCustomPlot: the same panels, series,
// bands and fixed ranges that the CLI writes to SVG and PDF, here zoomable, with a tooltip on
// the nearest point and one legend under the panels. The panels wrap to fewer columns when the
// widget is too narrow for the figure's own count.

#include "sparsenas/base/figure.h"

#include <QString>
#include <QWidget>

class QCPLegend;
class QCustomPlot;
class QMouseEvent;

namespace sparsenas {

class FigureView : public QWidget
{
    Q_OBJECT

public:
    explicit FigureView(QWidget *parent = nullptr);
    ~FigureView() override;

    /// Shows `figure`. Nothing is redrawn when it equals the figure shown (a poll that found
    /// nothing new); otherwise the axes fit the new data (fixed ranges stay fixed).
    void setFigure(const Figure &figure);
    const Figure &figure() const { return m_figure; }
    /// Shown across the plot while the figure has no data point.
    void setPlaceholderText(const QString &text);

    QCustomPlot *plot() const { return m_plot; }
    /// Panels per row now shown: the figure's columns, fewer when the widget is narrower than
    /// `minimumPanelWidth` per panel.
    int columnsShown() const { return m_columnsShown; }
    static constexpr int minimumPanelWidth = 250;
    /// Entries per row of the legend under the panels (0: no legend); follows the width.
    int legendColumns() const;

    /// The text the tooltip shows for the data point nearest to `pos` (widget coordinates)
    /// within 12 px, or "" when none is that close.
    QString pointTextAt(const QPointF &pos) const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    int columnsFor(int width) const;
    int legendColumnsFor(int width) const;
    void showToolTip(QMouseEvent *event);

    QCustomPlot *m_plot = nullptr;
    QCPLegend *m_legend = nullptr; ///< the shared legend, or null
    Figure m_figure;
    QString m_placeholder;
    int m_columnsShown = 0;
    bool m_hasFigure = false;
};

/// Whether two figures draw the same (every field compared).
bool sameFigure(const Figure &a, const Figure &b);

} // namespace sparsenas
