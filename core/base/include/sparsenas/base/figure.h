// SPDX-License-Identifier: MIT
#pragma once

// Line figures for files (the sweep's curves, the optimizer ablation's Fig. 3 panels), drawn
// once with cairo and written as SVG, PDF or PNG: the same drawing in every format, each stating
// its size in points (PNG: its pixel density). Torch-free and Qt-free, so the CLI has them.

#include <string>
#include <vector>

namespace sparsenas {

struct FigureSeries
{
    std::string name;
    std::string color; ///< "#rrggbb"
    bool dashed = false;
    std::vector<double> x, y;
    std::vector<double> lo, hi; ///< optional band (same length as x), e.g. min / max over seeds
};

struct FigurePanel
{
    std::string title;
    std::string xLabel, yLabel;
    std::vector<FigureSeries> series;
    /// Fixed y range; lo >= hi: from the data, widened to whole ticks.
    double yMin = 0.0, yMax = 0.0;
    bool integerX = false; ///< x counts something (epochs): whole-number ticks only
};

struct Figure
{
    std::vector<FigurePanel> panels;
    int columns = 1;          ///< panels per row
    double panelWidth = 300;  ///< points
    double panelHeight = 220; ///< points
    bool sharedLegend = true; ///< one legend (of the first panel's series) right of the panels
};

/// The figure as "svg", "pdf" or "png" (png at `dpi`) bytes. Throws std::runtime_error for an
/// unknown format or a cairo failure.
std::string renderFigure(const Figure &figure, const std::string &format, double dpi = 150.0);

/// Tick positions for the range [lo, hi]: 1, 2 or 5 times a power of ten apart, about `count`.
std::vector<double> niceTicks(double lo, double hi, int count = 5);

/// A qualitative palette (cycles after 12).
std::string figureColor(size_t index);

} // namespace sparsenas
