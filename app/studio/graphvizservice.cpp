// SPDX-License-Identifier: MIT
#include "graphvizservice.h"

#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/graphvizrenderer.h"

#include <QThread>

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

} // namespace

std::string GraphvizService::fileData(GraphvizRenderer &renderer, const std::string &dot,
                                      const std::string &format, double dpi)
{
    // The renderer draws SVG and PDF at their natural size in points (no margin on the PDF)
    // and a PNG at `dpi` pixels per inch (Graphviz's 96 if 0), saying so in its pHYs chunk.
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
                std::string data;
                {
                    std::lock_guard<std::mutex> gvc(graphvizMutex());
                    if (!m_renderer)
                        m_renderer = std::make_unique<GraphvizRenderer>();
                    data = fileData(*m_renderer, dot, format, dpi);
                }
                writeFileAtomic(path, data);
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
            std::string out;
            {
                std::lock_guard<std::mutex> gvc(graphvizMutex());
                // Created on first use on this thread, and only ever used here.
                if (!m_renderer)
                    m_renderer = std::make_unique<GraphvizRenderer>();
                out =
                    r.toFile
                        ? fileData(*m_renderer, r.dot.toStdString(), r.format.toStdString(), r.dpi)
                        : m_renderer->render(r.dot.toStdString(), r.format.toStdString(), r.dpi);
            }
            if (r.toFile)
                writeFileAtomic(r.path.toStdString(), out); // outside the lock: a disk may be slow
            else
                data = QByteArray(out.data(), qsizetype(out.size()));
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
