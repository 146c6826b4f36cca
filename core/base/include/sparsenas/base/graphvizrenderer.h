// SPDX-License-Identifier: MIT
#pragma once

#include <stdexcept>
#include <string>

namespace sparsenas {

/// Renders DOT through libgvc (layout "dot"). Graphviz is not thread-safe: create and use a
/// renderer from one thread only (the studio gives it a dedicated thread). The numeric locale is
/// set to "C" around every Graphviz call and restored afterwards.
class GraphvizRenderer
{
public:
    GraphvizRenderer();
    ~GraphvizRenderer();
    GraphvizRenderer(const GraphvizRenderer &) = delete;
    GraphvizRenderer &operator=(const GraphvizRenderer &) = delete;

    /// format: "svg", "pdf", "png", "dot" (laid-out DOT), ... as libgvc names them.
    /// dpi > 0 sets the graph's dpi for bitmaps (PNG resolution, written into the file); SVG
    /// and PDF are drawn in points whatever it is, the PDF without a margin. Throws
    /// GraphvizError with Graphviz's message.
    std::string render(const std::string &dot, const std::string &format, double dpi = 0.0);
    /// Renders into a file, atomically (temp file + rename).
    void renderToFile(const std::string &dot, const std::string &format, const std::string &path,
                      double dpi = 0.0);

private:
    struct Private;
    Private *d;
};

class GraphvizError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// `png` with a pHYs chunk saying `dpi` (pixels per metre), so that viewers, browsers and LaTeX
/// show it at its natural size; Graphviz's PNG has none. Not a PNG, or one that already has
/// the chunk: returned as it is.
std::string pngWithDpi(std::string png, double dpi);

/// Export format from a file name's extension ("svg", "pdf", "png", "dot"); empty if unknown.
std::string formatFromPath(const std::string &path);

} // namespace sparsenas
