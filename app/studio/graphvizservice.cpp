// SPDX-License-Identifier: MIT
#include "graphvizservice.h"

#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/graphvizrenderer.h"

#include <QThread>

#include <array>
#include <cmath>
#include <cstdint>
#include <memory>

namespace sparsenas {

namespace {
// libgvc keeps global state: even two services (two main windows, a test's second window) must
// not lay out at the same time.
std::mutex &graphvizMutex()
{
    static std::mutex m;
    return m;
}

// `dot` with graph attribute `name` set on its root graph (after the opening brace; a later
// statement in the text would override it, which ours never has).
std::string withGraphAttribute(const std::string &dot, const std::string &name,
                               const std::string &value)
{
    const size_t brace = dot.find('{');
    if (brace == std::string::npos)
        return dot; // not DOT: Graphviz will say so
    return dot.substr(0, brace + 1) + "\n    graph [" + name + "=\"" + value + "\"];" +
           dot.substr(brace + 1);
}

uint32_t crc32(const std::string &bytes, size_t from, size_t length)
{
    static const auto table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t n = 0; n < 256; ++n) {
            uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1u) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    uint32_t c = 0xffffffffu;
    for (size_t i = from; i < from + length; ++i)
        c = table[(c ^ uint8_t(bytes[i])) & 0xffu] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

void putBigEndian(std::string &out, uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out += char((v >> shift) & 0xffu);
}

uint32_t bigEndianAt(const std::string &bytes, size_t at)
{
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i)
        v = (v << 8) | uint8_t(bytes[at + i]);
    return v;
}

// A PNG with its resolution written in (a pHYs chunk after IHDR, any other one dropped):
// Graphviz's bitmap carries none, so viewers and LaTeX would show a 300 dpi drawing at 72 or
// 96 dpi, several times its size. The image data is copied as it is (no decoding: a 600 dpi
// drawing is hundreds of megabytes of pixels).
std::string withResolution(const std::string &png, double dpi)
{
    static const std::string signature("\x89PNG\r\n\x1a\n", 8);
    if (png.compare(0, 8, signature) != 0)
        throw GraphvizError("Graphviz's output is not a PNG");
    const uint32_t dotsPerMeter = uint32_t(std::lround(dpi / 0.0254));
    std::string out = signature;
    out.reserve(png.size() + 21);
    size_t at = 8;
    while (at + 12 <= png.size()) {
        const size_t length = bigEndianAt(png, at);
        if (at + 12 + length > png.size())
            throw GraphvizError("Graphviz's PNG is truncated");
        const std::string type = png.substr(at + 4, 4);
        if (type != "pHYs")
            out.append(png, at, 12 + length);
        if (type == "IHDR") {
            std::string chunk = "pHYs";
            putBigEndian(chunk, dotsPerMeter);
            putBigEndian(chunk, dotsPerMeter);
            chunk += char(1); // unit: metre
            putBigEndian(out, 9);
            out += chunk;
            putBigEndian(out, crc32(chunk, 0, chunk.size()));
        }
        at += 12 + length;
    }
    return out;
}

} // namespace

std::string GraphvizService::fileData(GraphvizRenderer &renderer, const std::string &dot,
                                      const std::string &format, double dpi, std::mutex &gvc)
{
    // Graphviz's dpi scales the drawing itself: an SVG would declare a canvas dpi/72 times its
    // viewBox and scale its content by as much again (a browser shows a blank page), a PDF page
    // would grow as much. The vector formats are drawn at their natural size, in points; the
    // PDF without Graphviz's default margin of half an inch, so the page is the drawing.
    std::string out;
    if (format == "svg") {
        std::lock_guard<std::mutex> lock(gvc);
        return renderer.render(dot, format, 0.0);
    }
    if (format == "pdf") {
        std::lock_guard<std::mutex> lock(gvc);
        return renderer.render(withGraphAttribute(dot, "margin", "0"), format, 0.0);
    }
    if (format == "png") {
        const double resolution = dpi > 0.0 ? dpi : 96.0; // Graphviz's own default
        {
            std::lock_guard<std::mutex> lock(gvc);
            out = renderer.render(dot, format, resolution);
        }
        return withResolution(out, resolution);
    }
    std::lock_guard<std::mutex> lock(gvc);
    return renderer.render(dot, format, dpi);
}

GraphvizService::GraphvizService(QObject *parent) : QObject(parent)
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("graphviz"));
    m_worker = new QObject;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

GraphvizService::~GraphvizService()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_renders.clear(); // nobody waits for a drawing any more
    }
    // Exports still waiting are written (nothing asked is lost), and the renderer is destroyed
    // on the thread that used it, before that thread ends.
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            process();
            std::lock_guard<std::mutex> gvc(graphvizMutex());
            m_renderer.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

quint64 GraphvizService::requestRender(const QString &key, const QString &dot,
                                       const QString &format, double dpi)
{
    quint64 id;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        id = m_nextId++;
    }
    requestRenderWithId(id, key, dot, format, dpi);
    return id;
}

void GraphvizService::requestRenderWithId(quint64 id, const QString &key, const QString &dot,
                                          const QString &format, double dpi)
{
    Request r;
    r.id = id;
    r.key = key;
    r.dot = dot;
    r.format = format;
    r.dpi = dpi;
    enqueue(std::move(r));
}

quint64 GraphvizService::requestExport(const QString &dot, const QString &format,
                                       const QString &path, double dpi)
{
    Request r;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        r.id = m_nextId++;
    }
    r.dot = dot;
    r.format = format;
    r.path = path;
    r.dpi = dpi;
    r.toFile = true;
    const quint64 id = r.id;
    enqueue(std::move(r));
    return id;
}

void GraphvizService::enqueue(Request r)
{
    bool schedule = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (r.toFile)
            m_exports.push_back(std::move(r));
        else
            m_renders[r.key] = std::move(r);
        if (!m_scheduled) {
            m_scheduled = true;
            schedule = true;
        }
    }
    if (schedule)
        QMetaObject::invokeMethod(
            m_worker, [this] { process(); }, Qt::QueuedConnection);
}

void GraphvizService::renderToFileAndWait(const std::string &dot, const std::string &format,
                                          const std::string &path, double dpi)
{
    Q_ASSERT(QThread::currentThread() != thread() && QThread::currentThread() != m_thread);
    std::string error;
    QMetaObject::invokeMethod(
        m_worker,
        [&] {
            try {
                {
                    std::lock_guard<std::mutex> gvc(graphvizMutex());
                    if (!m_renderer)
                        m_renderer = std::make_unique<GraphvizRenderer>();
                }
                writeFileAtomic(path, fileData(*m_renderer, dot, format, dpi, graphvizMutex()));
            } catch (const std::exception &e) {
                error = e.what();
            }
        },
        Qt::BlockingQueuedConnection);
    if (!error.empty())
        throw GraphvizError(error);
}

void GraphvizService::process()
{
    for (;;) {
        Request r;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (!m_exports.empty()) {
                r = std::move(m_exports.front());
                m_exports.pop_front();
            } else if (!m_renders.empty()) {
                r = std::move(m_renders.begin()->second);
                m_renders.erase(m_renders.begin());
            } else {
                m_scheduled = false;
                return;
            }
        }
        QString error;
        QByteArray data;
        try {
            {
                std::lock_guard<std::mutex> gvc(graphvizMutex());
                // Created on first use on this thread, and only ever used here.
                if (!m_renderer)
                    m_renderer = std::make_unique<GraphvizRenderer>();
            }
            GraphvizRenderer *renderer = m_renderer.get();
            if (r.toFile) {
                writeFileAtomic(r.path.toStdString(),
                                fileData(*renderer, r.dot.toStdString(), r.format.toStdString(),
                                         r.dpi, graphvizMutex()));
            } else {
                std::lock_guard<std::mutex> gvc(graphvizMutex());
                const std::string out =
                    renderer->render(r.dot.toStdString(), r.format.toStdString(), r.dpi);
                data = QByteArray(out.data(), qsizetype(out.size()));
            }
        } catch (const std::exception &e) {
            error = QString::fromStdString(e.what());
        }
        if (r.toFile) {
            QMetaObject::invokeMethod(
                this, [this, id = r.id, path = r.path, error] { Q_EMIT exported(id, path, error); },
                Qt::QueuedConnection);
        } else {
            QMetaObject::invokeMethod(
                this,
                [this, id = r.id, key = r.key, data, error] {
                    Q_EMIT rendered(id, key, data, error);
                },
                Qt::QueuedConnection);
        }
    }
}

} // namespace sparsenas
