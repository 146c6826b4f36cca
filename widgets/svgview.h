// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QRectF>
#include <QString>
#include <QWidget>

#include <vector>

class QSvgRenderer;

namespace sparsenas {

/// Shows one SVG drawing (a Graphviz cell diagram) on white, scaled to fit with its aspect ratio
/// kept. The wheel zooms about the cursor, a left drag pans, a double click fits again. With no
/// drawing (or after an error) a centred message is shown instead.
class SvgView : public QWidget
{
    Q_OBJECT
public:
    explicit SvgView(QWidget *parent = nullptr);
    ~SvgView() override;

    /// Shows `svg`; the zoom is kept when a drawing of the same size replaces the current one (a
    /// live view redrawn every epoch), otherwise it fits again. Returns false, and shows a
    /// message, when the bytes are not a drawing Qt can read.
    bool setSvg(const QByteArray &svg);
    /// Drops the drawing and shows `message` (e.g. "Waiting for the first derivation…" or
    /// Graphviz's error) centred; `isError` draws it in a warning colour.
    void showMessage(const QString &message, bool isError = false);
    /// Drops the drawing and shows the placeholder message.
    void clear();
    /// The message shown when there is no drawing (see showMessage).
    void setPlaceholderText(const QString &text);
    QString message() const { return m_message; }

    /// True when a drawing is shown.
    bool hasImage() const;
    /// The bytes of the drawing shown (empty without one).
    QByteArray svg() const { return m_svg; }
    /// The drawing's natural size (Qt's reading of the SVG's width and height).
    QSizeF imageSize() const;
    /// Paints the drawing into `target`, aspect ratio kept and centred; nothing without one.
    void renderTo(QPainter *painter, const QRectF &target) const;

    /// Back to "fit in the window".
    void resetZoom();
    /// Current magnification relative to the fitted size (1 = fit).
    double zoom() const;

    /// One drawing under a heading, for composeSvg().
    struct TitledSvg
    {
        QString title;
        QByteArray svg;
    };
    /// Places drawings side by side (Qt::Horizontal) or stacked, each under its heading, in one
    /// SVG document. The drawings stay vector graphics: each one's content is copied into a
    /// translated and scaled group, its ids prefixed so they stay unique. Returns an empty array
    /// and sets *error when a drawing is not SVG.
    static QByteArray composeSvg(const std::vector<TitledSvg> &parts, Qt::Orientation orientation,
                                 QString *error);
    /// Writes `svg` to `path` as PNG (`scale` times its natural size, on white) or PDF (vector,
    /// one page the size of the drawing), chosen by the suffix; the file is replaced atomically.
    /// Returns false and sets *error (translated, names the file) on failure.
    static bool writeImage(const QByteArray &svg, const QString &path, double scale,
                           QString *error);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    QRectF fitRect() const;
    QRectF drawRect() const;

    QSvgRenderer *m_renderer;
    QByteArray m_svg;
    QString m_message;
    QString m_placeholder;
    bool m_messageIsError = false;
    QRectF m_zoomRect; ///< the drawing's rectangle once the user zoomed or panned; null: fit
    QPointF m_dragStart;
    QRectF m_dragStartRect;
    bool m_dragging = false;
};

/// `inner` (a drawing's size) scaled to fit in `outer` with its aspect ratio kept, centred.
QRectF fitAspect(const QSizeF &inner, const QRectF &outer);

} // namespace sparsenas
