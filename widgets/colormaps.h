// SPDX-License-Identifier: MIT
#pragma once

// Colours and names shared by the views, so that an edge has the same colour and label in the
// heatmap, the regularization paths and the legend.

#include <QColor>
#include <QString>

namespace sparsenas {

/// Diverging map centred on zero (blue for negative, white at 0, red for positive), saturating
/// at |v| = maxAbs. Exact zeros are not drawn with it: see exactZeroColor().
QColor divergingColor(double v, double maxAbs);
/// The fill of an entry that is exactly zero (pruned), distinct from any small value.
QColor exactZeroColor();
/// A qualitative colour per edge index (cycles after 20).
QColor edgeColor(int edge);
/// Node names as the diagrams use them: 0 -> "c_{k-2}", 1 -> "c_{k-1}", n >= 2 -> "n-2".
QString nodeName(int node);
/// "c_{k-2} → 0" etc. for edge index `edge` (edge order of sparsenas/genotype.h).
QString edgeName(int edge);
/// The op's colour in the diagrams (sparsenas::opColor) as a QColor.
QColor opQColor(const QString &op);

} // namespace sparsenas
