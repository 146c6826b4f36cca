// SPDX-License-Identifier: MIT
#pragma once

// QCustomPlot for the views, and the image export they share.

// qcustomplot.h (2.1) uses the `signals` and `foreach` keywords, which QT_NO_KEYWORDS and
// QT_NO_FOREACH remove; map them for the length of the include only (its two foreach loops run
// over const member lists, so a range-for is equivalent).
#if defined(QT_NO_KEYWORDS) && !defined(signals)
#define signals Q_SIGNALS
#define SPARSENAS_QCP_UNDEF_SIGNALS
#endif
#ifndef foreach
#define foreach(variable, container) for (variable : container)
#define SPARSENAS_QCP_UNDEF_FOREACH
#endif
#include <qcustomplot.h>
#ifdef SPARSENAS_QCP_UNDEF_SIGNALS
#undef signals
#undef SPARSENAS_QCP_UNDEF_SIGNALS
#endif
#ifdef SPARSENAS_QCP_UNDEF_FOREACH
#undef foreach
#undef SPARSENAS_QCP_UNDEF_FOREACH
#endif

#include <QString>
#include <QStringList>

class QComboBox;
class QHBoxLayout;
class QPushButton;
class QWidget;

namespace sparsenas {

/// Writes `plot` to `path`, the format following the suffix (case-insensitive): ".png" (raster
/// at twice the widget's size, 192 dpi), ".pdf" (vector), ".svg" (vector). All three open at the
/// widget's size at 96 dpi (a 640 px wide plot is 480 pt wide). Returns false and sets *error
/// (translated, names the file) when the suffix is not one of these or the file cannot be
/// written. A plot that was never laid out is exported at 800 x 600.
bool exportPlot(QCustomPlot *plot, const QString &path, QString *error);

/// What every plot view shows above its plot: "X axis:" with the view's modes, and "Fit".
struct PlotToolRow
{
    QHBoxLayout *row = nullptr; ///< for a view's own controls (insert before or after)
    QComboBox *xAxis = nullptr; ///< items: `xModes`, in order
    QPushButton *fit = nullptr;
    QCustomPlot *plot = nullptr; ///< below the row, taking the remaining height
};
/// Lays out `owner` as the tool row above a new QCustomPlot.
PlotToolRow addPlotWithToolRow(QWidget *owner, const QStringList &xModes);

} // namespace sparsenas
