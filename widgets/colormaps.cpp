// SPDX-License-Identifier: MIT
#include "colormaps.h"

#include "sparsenas/base/genotype.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace sparsenas {

static QColor mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QColor divergingColor(double v, double maxAbs)
{
    // ColorBrewer RdBu end points with a white centre.
    static const QColor negative(33, 102, 172), centre(247, 247, 247), positive(178, 24, 43);
    if (!(maxAbs > 0.0) || !std::isfinite(v))
        return centre;
    const double t = std::min(std::abs(v) / maxAbs, 1.0);
    return mix(centre, v < 0 ? negative : positive, std::sqrt(t));
}

QColor exactZeroColor()
{
    return QColor(96, 96, 96);
}

QColor edgeColor(int edge)
{
    // Tableau 20: distinguishable for the 14 edges of a 4-node cell.
    static const std::array<QRgb, 20> palette = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                                 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
                                                 0xaec7e8, 0xffbb78, 0x98df8a, 0xff9896, 0xc5b0d5,
                                                 0xc49c94, 0xf7b6d2, 0xc7c7c7, 0xdbdb8d, 0x9edae5};
    return QColor(palette[size_t(std::max(edge, 0)) % palette.size()]);
}

// c, then subscript k (U+2096), subscript minus (U+208B) and subscript two / one (U+2082 / 81).
QString nodeName(int node, int inputs)
{
    if (inputs == 1)
        return QString::number(node);
    if (node == 0)
        return QStringLiteral("c\u2096\u208b\u2082");
    if (node == 1)
        return QStringLiteral("c\u2096\u208b\u2081");
    return QString::number(node - 2);
}

QString outputNodeName(int inputs)
{
    // h with subscript t (U+209C) for the recurrent cell.
    if (inputs == 1)
        return QStringLiteral("h\u209c");
    return QStringLiteral("c\u2096");
}

QString withCellSubscripts(QString text)
{
    if (!text.contains(QLatin1String("c_{")))
        return text;
    text.replace(QLatin1String("c_{k-2}"), nodeName(0));
    text.replace(QLatin1String("c_{k-1}"), nodeName(1));
    text.replace(QLatin1String("c_{k}"), outputNodeName());
    return text;
}

QString edgeName(int edge, int inputs)
{
    const EdgeEnds ends = edgeEnds(edge, inputs);
    return nodeName(ends.source, inputs) + QStringLiteral(" \u2192 ") +
           nodeName(ends.target, inputs);
}

QColor opQColor(const QString &op)
{
    return QColor(QString::fromStdString(opColor(op.toStdString())));
}

} // namespace sparsenas
