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
/// Node names as the diagrams draw them, with real subscripts in Unicode (a plain text that
/// every label, tooltip, painter and QCustomPlot legend shows as it is): 0 -> "cₖ₋₂" (c_{k-2}),
/// 1 -> "cₖ₋₁" (c_{k-1}), the intermediate nodes n >= 2 -> "0" .. "N-1", the cell's output
/// outputNodeName() "cₖ". DejaVu Sans, Noto Sans and the system fonts of Windows and macOS have
/// the subscript letter k (U+2096); Qt falls back to another font for one that lacks it.
/// The recurrent cell (`inputs` 1) keeps DARTS's numbers: "0" (its first state) .. "N".
QString nodeName(int node, int inputs = 2);
/// "cₖ", the cell's output (the concatenation of its surviving intermediate nodes); "hₜ" for the
/// recurrent cell (the mean of its nodes).
QString outputNodeName(int inputs = 2);
/// "cₖ₋₂ → 0" etc. for edge index `edge` (edge order of sparsenas/genotype.h).
QString edgeName(int edge, int inputs = 2);
/// `text` with the TeX-style cell names the engine and the files write ("c_{k-2}", "c_{k-1}",
/// "c_{k}") in the same Unicode form, for engine messages shown in the studio.
QString withCellSubscripts(QString text);
/// The op's colour in the diagrams (sparsenas::opColor) as a QColor.
QColor opQColor(const QString &op);

} // namespace sparsenas
