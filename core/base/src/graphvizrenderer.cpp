// SPDX-License-Identifier: MIT
#include "sparsenas/base/graphvizrenderer.h"

#include "sparsenas/base/fileutil.h"

#include <gvc.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <locale>
#include <sstream>

#include <locale.h>

namespace sparsenas {

namespace {

// Graphviz reads numbers with atof/strtod and writes them with printf, all of which follow
// LC_NUMERIC: under a locale with a decimal comma "1.5" parses as 1 and SVG coordinates come out
// as "1,5". uselocale() switches only the calling thread, so other threads (the studio's GUI)
// keep their locale while a render runs.
class CNumericLocale
{
public:
    CNumericLocale()
    {
        locale_t base = duplocale(uselocale(locale_t(0)));
        if (!base)
            return;
        m_numericC = newlocale(LC_NUMERIC_MASK, "C", base);
        if (!m_numericC) {
            freelocale(base);
            return;
        }
        m_previous = uselocale(m_numericC);
    }
    ~CNumericLocale()
    {
        if (m_numericC) {
            uselocale(m_previous);
            freelocale(m_numericC);
        }
    }
    CNumericLocale(const CNumericLocale &) = delete;
    CNumericLocale &operator=(const CNumericLocale &) = delete;

private:
    locale_t m_numericC = locale_t(0);
    locale_t m_previous = locale_t(0);
};

// Keeps Graphviz's messages off stderr while a render runs, so they can be reported in the
// exception instead; restores the previous reporting level afterwards.
class ErrorCapture
{
public:
    ErrorCapture() : m_previous(agseterr(AGMAX)) { agreseterrors(); }
    ~ErrorCapture() { agseterr(m_previous); }
    ErrorCapture(const ErrorCapture &) = delete;
    ErrorCapture &operator=(const ErrorCapture &) = delete;

    std::string message(const std::string &fallback) const
    {
        std::string text;
        if (agerrors() > 0) {
            if (char *last = aglasterr()) {
                text = last;
                std::free(last);
            }
        }
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
            text.pop_back();
        if (text.empty())
            return fallback;
        if (text.find("not recognized") != std::string::npos)
            text += " (if no choice is listed, Graphviz's plugins are not registered: "
                    "run `dot -c` as root)";
        return text;
    }

private:
    agerrlevel_t m_previous;
};

// gvRenderData's length is `unsigned int *` up to Graphviz 12 and `size_t *` from 13 on; the
// template takes whichever the installed header declares.
template <typename Length>
int renderData(int (*fn)(GVC_t *, graph_t *, const char *, char **, Length *), GVC_t *gvc,
               graph_t *g, const char *format, char **data, size_t *size)
{
    Length length = 0;
    const int rc = fn(gvc, g, format, data, &length);
    *size = size_t(length);
    return rc;
}

std::string numberText(double v)
{
    std::ostringstream os;
    os.imbue(std::locale::classic());
    os << v;
    return os.str();
}

} // namespace

struct GraphvizRenderer::Private
{
    GVC_t *gvc = nullptr;
};

GraphvizRenderer::GraphvizRenderer() : d(new Private)
{
    // gvContext() registers the plugins listed in Graphviz's config file (config6a next to the
    // plugin libraries), which the graphviz package writes with `dot -c` when it is installed.
    d->gvc = gvContext();
    if (!d->gvc) {
        delete d;
        throw GraphvizError("cannot create a Graphviz context");
    }
}

GraphvizRenderer::~GraphvizRenderer()
{
    gvFreeContext(d->gvc);
    delete d;
}

std::string pngWithDpi(std::string png, double dpi)
{
    // PNG: the 8-byte signature, then chunks (length, type, data, CRC-32 of type and data).
    // A pHYs chunk (pixels per metre, unit 1) must come before the first IDAT.
    static const char kSignature[] = "\x89PNG\r\n\x1a\n";
    if (png.size() < 33 || png.compare(0, 8, kSignature, 8) != 0 || dpi <= 0.0)
        return png;
    const auto u32 = [&](size_t at) {
        return uint32_t(uint8_t(png[at])) << 24 | uint32_t(uint8_t(png[at + 1])) << 16 |
               uint32_t(uint8_t(png[at + 2])) << 8 | uint32_t(uint8_t(png[at + 3]));
    };
    size_t insertAt = 0;
    for (size_t at = 8; at + 12 <= png.size();) {
        const std::string type = png.substr(at + 4, 4);
        if (type == "pHYs")
            return png; // the renderer said it already
        if (type == "IDAT") {
            insertAt = at;
            break;
        }
        at += 12 + size_t(u32(at));
    }
    if (insertAt == 0)
        return png;
    const auto perMetre = uint32_t(std::lround(dpi / 0.0254));
    std::string chunk;
    const auto put32 = [&chunk](uint32_t v) {
        for (int shift = 24; shift >= 0; shift -= 8)
            chunk += char((v >> shift) & 0xff);
    };
    put32(9);
    chunk += "pHYs";
    put32(perMetre);
    put32(perMetre);
    chunk += char(1); // unit: metre
    const auto crc = uint32_t(
        crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(chunk.data() + 4), 13));
    put32(crc);
    png.insert(insertAt, chunk);
    return png;
}

std::string GraphvizRenderer::render(const std::string &dot, const std::string &format, double dpi)
{
    if (format.empty())
        throw GraphvizError("no output format given");
    CNumericLocale numericC;
    ErrorCapture errors;

    graph_t *g = agmemread(dot.c_str());
    if (!g)
        throw GraphvizError(errors.message("cannot parse the DOT text"));

    // Graphviz's dpi scales the drawing itself: an SVG would declare a canvas dpi/72 times its
    // viewBox and scale its content as much again, a PDF page would grow as much. So dpi is for
    // bitmaps only, and a PDF has no margin (Graphviz's default is half an inch): the page is
    // the drawing, at its natural size in points, as the SVG is.
    const bool vector = format == "svg" || format == "pdf" || format == "ps" || format == "eps";
    if (dpi > 0.0 && !vector) {
        const std::string value = numberText(dpi);
        agattr(g, AGRAPH, const_cast<char *>("dpi"), const_cast<char *>(value.c_str()));
    }
    if (format == "pdf")
        agattr(g, AGRAPH, const_cast<char *>("margin"), const_cast<char *>("0"));

    if (gvLayout(d->gvc, g, "dot") != 0) {
        const std::string msg = errors.message("layout failed");
        gvFreeLayout(d->gvc, g);
        agclose(g);
        throw GraphvizError(msg);
    }

    // Graphviz's bitmap renderers shrink a drawing larger than 32767 pixels a side to fit, with
    // only a warning on stderr; a user who asked for this DPI would get another one silently.
    const bool bitmap = format == "png" || format == "jpg" || format == "jpeg" || format == "gif" ||
                        format == "bmp" || format == "tif" || format == "tiff" || format == "webp";
    if (bitmap && dpi > 0.0) {
        constexpr double kMaxPixels = 32767.0;
        const boxf bb = GD_bb(g);
        const double pad = 8.0; // points: Graphviz's default pad, 4 on each side
        const double longest = std::max(bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y) + pad;
        const double pixels = longest / 72.0 * dpi;
        if (pixels > kMaxPixels) {
            const int fits = int(std::floor(dpi * kMaxPixels / pixels));
            gvFreeLayout(d->gvc, g);
            agclose(g);
            throw GraphvizError("at " + numberText(dpi) + " DPI the drawing is " +
                                std::to_string(int(std::ceil(pixels))) +
                                " pixels on its longer side, more than the 32767 that Graphviz's "
                                "bitmap output allows (it would shrink it): use at most " +
                                std::to_string(fits) + " DPI, or SVG / PDF");
        }
    }

    char *data = nullptr;
    size_t size = 0;
    const int rc = renderData(&gvRenderData, d->gvc, g, format.c_str(), &data, &size);
    std::string out;
    if (rc == 0 && data)
        out.assign(data, size);
    if (data)
        gvFreeRenderData(data);
    gvFreeLayout(d->gvc, g);
    agclose(g);
    if (rc != 0)
        throw GraphvizError(errors.message("cannot render format '" + format + "'"));
    if (format == "png")
        out = pngWithDpi(std::move(out), dpi > 0.0 ? dpi : 96.0); // 96: Graphviz's default
    return out;
}

void GraphvizRenderer::renderToFile(const std::string &dot, const std::string &format,
                                    const std::string &path, double dpi)
{
    writeFileAtomic(path, render(dot, format, dpi));
}

std::string formatFromPath(const std::string &path)
{
    const size_t slash = path.find_last_of("/\\");
    const size_t dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return {};
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (ext == "gv")
        return "dot";
    if (ext == "svg" || ext == "pdf" || ext == "png" || ext == "dot")
        return ext;
    return {};
}

} // namespace sparsenas
