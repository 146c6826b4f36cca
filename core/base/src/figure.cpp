// SPDX-License-Identifier: MIT
#include "sparsenas/base/figure.h"

#include "sparsenas/base/graphvizrenderer.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace sparsenas {

namespace {

cairo_status_t appendBytes(void *closure, const unsigned char *data, unsigned int length)
{
    static_cast<std::string *>(closure)->append(reinterpret_cast<const char *>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void setColor(cairo_t *cr, const std::string &hex, double alpha = 1.0)
{
    unsigned r = 0, g = 0, b = 0;
    if (hex.size() == 7 && std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b) == 3)
        cairo_set_source_rgba(cr, r / 255.0, g / 255.0, b / 255.0, alpha);
    else
        cairo_set_source_rgba(cr, 0, 0, 0, alpha);
}

std::string tickText(double v, double step)
{
    char buf[32];
    const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
    std::snprintf(buf, sizeof buf, "%.*f", std::max(0, decimals), v);
    std::string s = buf;
    return s == "-0" ? "0" : s;
}

void text(cairo_t *cr, double x, double y, const std::string &s, double anchor, double size,
          bool bold = false)
{
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, s.c_str(), &ext);
    cairo_move_to(cr, x - anchor * (ext.width + ext.x_bearing), y);
    cairo_show_text(cr, s.c_str());
}

struct Range
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void add(double v)
    {
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    void settle()
    {
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 1e-12) {
            const double pad = std::max(std::fabs(lo) * 0.05, 0.5);
            lo -= pad;
            hi += pad;
        }
    }
};

void drawPanel(cairo_t *cr, const FigurePanel &p, double x0, double y0, double w, double h)
{
    const double left = 52, right = 10, top = 22, bottom = 38;
    const double px = x0 + left, py = y0 + top, pw = w - left - right, ph = h - top - bottom;
    Range xr, yr;
    for (const auto &s : p.series) {
        for (size_t i = 0; i < s.x.size(); ++i) {
            xr.add(s.x[i]);
            yr.add(s.y[i]);
            if (i < s.lo.size())
                yr.add(s.lo[i]);
            if (i < s.hi.size())
                yr.add(s.hi[i]);
        }
    }
    xr.settle();
    yr.settle();
    if (p.yMin < p.yMax) {
        yr.lo = p.yMin;
        yr.hi = p.yMax;
    }
    // The y range is widened to whole ticks unless it is fixed; epochs and other counts on x
    // get whole-number ticks only.
    auto yTicks = niceTicks(yr.lo, yr.hi, 5);
    if (p.yMin >= p.yMax && yTicks.size() >= 2) {
        const double step = yTicks[1] - yTicks[0];
        yr.lo = std::floor(yr.lo / step + 1e-9) * step;
        yr.hi = std::ceil(yr.hi / step - 1e-9) * step;
        yTicks = niceTicks(yr.lo, yr.hi, 5);
    }
    auto xTicks = niceTicks(xr.lo, xr.hi, 6);
    if (p.integerX) {
        xTicks.erase(std::remove_if(xTicks.begin(), xTicks.end(),
                                    [](double t) { return std::fabs(t - std::round(t)) > 1e-9; }),
                     xTicks.end());
        if (xTicks.empty())
            xTicks = {std::round(xr.lo)};
    }
    const auto X = [&](double v) { return px + (v - xr.lo) / (xr.hi - xr.lo) * pw; };
    const auto Y = [&](double v) { return py + (yr.hi - v) / (yr.hi - yr.lo) * ph; };

    cairo_set_line_width(cr, 0.5);
    for (double t : yTicks) {
        if (t < yr.lo - 1e-12 || t > yr.hi + 1e-12)
            continue;
        setColor(cr, "#dddddd");
        cairo_move_to(cr, px, Y(t));
        cairo_line_to(cr, px + pw, Y(t));
        cairo_stroke(cr);
        setColor(cr, "#333333");
        text(cr, px - 4, Y(t) + 3, tickText(t, yTicks.size() > 1 ? yTicks[1] - yTicks[0] : 1), 1.0,
             8);
    }
    for (double t : xTicks) {
        if (t < xr.lo - 1e-12 || t > xr.hi + 1e-12)
            continue;
        setColor(cr, "#333333");
        cairo_move_to(cr, X(t), py + ph);
        cairo_line_to(cr, X(t), py + ph + 3);
        cairo_stroke(cr);
        text(cr, X(t), py + ph + 12, tickText(t, xTicks.size() > 1 ? xTicks[1] - xTicks[0] : 1),
             0.5, 8);
    }
    setColor(cr, "#333333");
    cairo_set_line_width(cr, 0.8);
    cairo_rectangle(cr, px, py, pw, ph);
    cairo_stroke(cr);
    text(cr, px + pw / 2, y0 + 14, p.title, 0.5, 10, true);
    text(cr, px + pw / 2, py + ph + 28, p.xLabel, 0.5, 9);
    cairo_save(cr);
    cairo_translate(cr, x0 + 12, py + ph / 2);
    cairo_rotate(cr, -M_PI / 2);
    text(cr, 0, 0, p.yLabel, 0.5, 9);
    cairo_restore(cr);

    cairo_save(cr);
    cairo_rectangle(cr, px, py, pw, ph);
    cairo_clip(cr);
    for (const auto &s : p.series) {
        if (s.lo.size() == s.x.size() && s.hi.size() == s.x.size() && !s.x.empty()) {
            setColor(cr, s.color, 0.18);
            cairo_move_to(cr, X(s.x[0]), Y(s.hi[0]));
            for (size_t i = 1; i < s.x.size(); ++i)
                cairo_line_to(cr, X(s.x[i]), Y(s.hi[i]));
            for (size_t i = s.x.size(); i-- > 0;)
                cairo_line_to(cr, X(s.x[i]), Y(s.lo[i]));
            cairo_close_path(cr);
            cairo_fill(cr);
        }
        setColor(cr, s.color);
        cairo_set_line_width(cr, 1.4);
        const double dash[] = {4.0, 2.5};
        cairo_set_dash(cr, dash, s.dashed ? 2 : 0, 0);
        bool open = false;
        for (size_t i = 0; i < s.x.size(); ++i) {
            if (!std::isfinite(s.y[i])) {
                open = false;
                continue;
            }
            if (open)
                cairo_line_to(cr, X(s.x[i]), Y(s.y[i]));
            else
                cairo_move_to(cr, X(s.x[i]), Y(s.y[i]));
            open = true;
        }
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
        for (size_t i = 0; i < s.x.size(); ++i) {
            if (std::isfinite(s.y[i])) {
                cairo_arc(cr, X(s.x[i]), Y(s.y[i]), 1.6, 0, 2 * M_PI);
                cairo_fill(cr);
            }
        }
    }
    cairo_restore(cr);
}

} // namespace

std::vector<double> niceTicks(double lo, double hi, int count)
{
    std::vector<double> ticks;
    if (!(hi > lo) || count < 1)
        return ticks;
    const double raw = (hi - lo) / count;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        step = m * mag;
        if (raw <= step)
            break;
    }
    const double first = std::ceil(lo / step - 1e-9) * step;
    for (double t = first; t <= hi + step * 1e-9; t += step)
        ticks.push_back(std::fabs(t) < step * 1e-9 ? 0.0 : t);
    return ticks;
}

std::string figureColor(size_t index)
{
    static const char *kColors[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
                                    "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                                    "#bcbd22", "#17becf", "#393b79", "#637939"};
    return kColors[index % 12];
}

std::string renderFigure(const Figure &f, const std::string &format, double dpi)
{
    const int columns = std::max(1, f.columns);
    const int rows = int((f.panels.size() + size_t(columns) - 1) / size_t(columns));
    const std::vector<FigureSeries> *legend =
        f.sharedLegend && !f.panels.empty() ? &f.panels.front().series : nullptr;
    const double legendWidth = legend && !legend->empty() ? 200.0 : 0.0;
    const double width = columns * f.panelWidth + legendWidth;
    const double height =
        std::max(rows * f.panelHeight, legend ? 16.0 * double(legend->size()) + 24.0 : 0.0);

    std::string out;
    cairo_surface_t *surface = nullptr;
    double scale = 1.0;
    if (format == "svg") {
        surface = cairo_svg_surface_create_for_stream(appendBytes, &out, width, height);
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
    } else if (format == "pdf") {
        surface = cairo_pdf_surface_create_for_stream(appendBytes, &out, width, height);
    } else if (format == "png") {
        scale = dpi / 72.0;
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, int(std::ceil(width * scale)),
                                             int(std::ceil(height * scale)));
    } else {
        throw std::runtime_error("unknown figure format '" + format + "' (svg, pdf or png)");
    }
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    for (size_t i = 0; i < f.panels.size(); ++i)
        drawPanel(cr, f.panels[i], double(i % size_t(columns)) * f.panelWidth,
                  double(i / size_t(columns)) * f.panelHeight, f.panelWidth, f.panelHeight);
    if (legend) {
        const double lx = columns * f.panelWidth + 8;
        for (size_t i = 0; i < legend->size(); ++i) {
            const auto &s = (*legend)[i];
            const double ly = 28 + 16.0 * double(i);
            setColor(cr, s.color);
            cairo_set_line_width(cr, 2);
            const double dash[] = {4.0, 2.5};
            cairo_set_dash(cr, dash, s.dashed ? 2 : 0, 0);
            cairo_move_to(cr, lx, ly - 3);
            cairo_line_to(cr, lx + 20, ly - 3);
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
            setColor(cr, "#222222");
            text(cr, lx + 26, ly, s.name, 0.0, 9);
        }
    }
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    if (format == "png")
        cairo_surface_write_to_png_stream(surface, appendBytes, &out);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("cannot draw the figure: ") +
                                 cairo_status_to_string(status));
    return format == "png" ? pngWithDpi(std::move(out), dpi) : out;
}

} // namespace sparsenas
