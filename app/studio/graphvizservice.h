// SPDX-License-Identifier: MIT
#pragma once

// Graphviz for the studio. libgvc is not thread-safe, so exactly one thread (owned here) holds
// the GraphvizRenderer and does every layout; the GUI only posts requests and receives results
// as signals, and never waits. Renders for the same key (a view's cell) are coalesced: a newer
// request replaces one still waiting, so stale layouts are dropped, not queued. Exports are
// never dropped.

#include <QByteArray>
#include <QObject>
#include <QString>

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>

class QThread;

namespace sparsenas {

class GraphvizRenderer;

class GraphvizService : public QObject
{
    Q_OBJECT

public:
    explicit GraphvizService(QObject *parent = nullptr);
    ~GraphvizService() override;

    /// Lays out `dot` and renders it as `format` ("svg", "png", ...); the answer is rendered()
    /// with the returned id, unless a newer request with the same key replaced it first.
    quint64 requestRender(const QString &key, const QString &dot,
                          const QString &format = QStringLiteral("svg"), double dpi = 0.0);
    /// As requestRender with a caller-chosen id (views that number their own requests).
    void requestRenderWithId(quint64 id, const QString &key, const QString &dot,
                             const QString &format = QStringLiteral("svg"), double dpi = 0.0);
    /// Writes `dot` rendered as `format` to `path` (atomically); the answer is exported().
    /// Every file opens at the drawing's natural size: SVG and PDF are drawn in points whatever
    /// `dpi` says (the PDF page is the drawing, no margin); a PNG is `dpi` (96 if 0) pixels per
    /// inch and says so in its pHYs chunk (GraphvizRenderer writes it).
    quint64 requestExport(const QString &dot, const QString &format, const QString &path,
                          double dpi = 0.0);

    /// Renders `dot` to `path` on the Graphviz thread, as requestExport does, and waits for it:
    /// for a worker thread (the engine drawing a finished run's cells), never for the GUI
    /// thread. Throws
    /// GraphvizError with Graphviz's message.
    void renderToFileAndWait(const std::string &dot, const std::string &format,
                             const std::string &path, double dpi);

Q_SIGNALS:
    void rendered(quint64 id, const QString &key, const QByteArray &data, const QString &error);
    void exported(quint64 id, const QString &path, const QString &error);

private:
    struct Request
    {
        quint64 id = 0;
        QString key, dot, format, path;
        double dpi = 0;
        bool toFile = false;
    };
    void enqueue(Request r);
    void process(); ///< on the Graphviz thread
    /// The bytes of the file `dot` rendered as `format` (see requestExport); on the Graphviz
    /// thread, with the Graphviz lock held.
    static std::string fileData(GraphvizRenderer &renderer, const std::string &dot,
                                const std::string &format, double dpi);

    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr; ///< lives on m_thread; process() runs in its context
    std::mutex m_mutex;
    std::map<QString, Request> m_renders; ///< newest waiting render per key
    std::deque<Request> m_exports;
    bool m_scheduled = false;
    quint64 m_nextId = 1;
    std::unique_ptr<GraphvizRenderer> m_renderer; ///< used on m_thread only
};

} // namespace sparsenas
