// SPDX-License-Identifier: MIT
#include "svgview.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QMouseEvent>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QWheelEvent>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>

namespace sparsenas {

namespace {
constexpr double kMargin = 8.0;
constexpr double kMinZoom = 0.2;
constexpr double kMaxZoom = 20.0;
const QString kSvgNs = QStringLiteral("http://www.w3.org/2000/svg");
const QString kXlinkNs = QStringLiteral("http://www.w3.org/1999/xlink");

// An SVG length in points (Graphviz writes "206pt"); CSS units, plain numbers are user units.
double lengthInPoints(QStringView text)
{
    static const std::pair<const char *, double> units[] = {
        {"pt", 1.0},         {"px", 0.75},        {"in", 72.0},
        {"cm", 72.0 / 2.54}, {"mm", 72.0 / 25.4}, {"pc", 12.0}};
    const QString t = text.trimmed().toString();
    for (const auto &[unit, factor] : units) {
        if (t.endsWith(QLatin1String(unit)))
            return t.chopped(2).toDouble() * factor;
    }
    return t.toDouble();
}

QString num(double v)
{
    return QString::number(v, 'f', 2);
}

// A drawing's root: its size in points and its viewBox.
struct SvgRoot
{
    double width = 0;
    double height = 0;
    QRectF viewBox;
};

// Reads the root element of `svg`: its declared size in points (the viewBox's size where no
// width or height is given) and its viewBox (0 0 width height where none is given).
bool readSvgRoot(const QByteArray &svg, SvgRoot *root)
{
    QXmlStreamReader xml(svg);
    while (!xml.atEnd() && xml.readNext() != QXmlStreamReader::StartElement) {
    }
    if (xml.hasError() || xml.name() != QLatin1String("svg"))
        return false;
    const QXmlStreamAttributes a = xml.attributes();
    root->width = lengthInPoints(a.value(QLatin1String("width")));
    root->height = lengthInPoints(a.value(QLatin1String("height")));
    const QStringList box =
        a.value(QLatin1String("viewBox"))
            .toString()
            .split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
    if (box.size() == 4)
        root->viewBox =
            QRectF(box[0].toDouble(), box[1].toDouble(), box[2].toDouble(), box[3].toDouble());
    if (root->width <= 0 || root->height <= 0) {
        root->width = root->viewBox.width();
        root->height = root->viewBox.height();
    }
    if (root->viewBox.isEmpty())
        root->viewBox = QRectF(0, 0, root->width, root->height);
    return true;
}

// Copies the children of the root element the reader stands on into the writer, prefixing ids
// and the references to them. Returns at the root's end element.
void copyChildren(QXmlStreamReader &xml, QXmlStreamWriter &out, const QString &prefix)
{
    int depth = 1;
    while (depth > 0 && !xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement: {
            ++depth;
            out.writeStartElement(xml.namespaceUri().toString(), xml.name().toString());
            const QXmlStreamAttributes attrs = xml.attributes();
            for (const QXmlStreamAttribute &a : attrs) {
                QString value = a.value().toString();
                if (a.name() == QLatin1String("id") && a.namespaceUri().isEmpty())
                    value = prefix + value;
                else if (a.name() == QLatin1String("href") && value.startsWith(u'#'))
                    value = QStringLiteral("#") + prefix + value.mid(1);
                value.replace(QStringLiteral("url(#"), QStringLiteral("url(#") + prefix);
                out.writeAttribute(
                    QXmlStreamAttribute(a.namespaceUri().toString(), a.name().toString(), value));
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            if (--depth > 0)
                out.writeEndElement();
            break;
        case QXmlStreamReader::Characters:
        case QXmlStreamReader::Comment:
        case QXmlStreamReader::EntityReference:
            out.writeCurrentToken(xml);
            break;
        default:
            break;
        }
    }
}

// Qt's SVG renderer (SVG Tiny 1.2) ignores baseline-shift, which Graphviz writes for the <SUB>
// of the cell input labels (c_{k-2}): it would draw "ck-2". For Qt's eyes only, such a text is
// moved down (or up) and made smaller by hand; saved SVG keeps the standard attribute.
QByteArray withShiftedBaselines(const QByteArray &svg)
{
    if (!svg.contains("baseline-shift"))
        return svg;
    static const QRegularExpression textTag(
        QStringLiteral("<text\\b([^>]*?)\\sbaseline-shift=\"(sub|super)\"([^>]*)>"));
    static const QRegularExpression yAttr(QStringLiteral("\\sy=\"([-0-9.eE+]+)\""));
    static const QRegularExpression sizeAttr(QStringLiteral("\\sfont-size=\"([-0-9.eE+]+)\""));
    const QString text = QString::fromUtf8(svg);
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    for (auto it = textTag.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString attrs = m.captured(1) + m.captured(3);
        const QRegularExpressionMatch y = yAttr.match(attrs);
        const QRegularExpressionMatch size = sizeAttr.match(attrs);
        if (!y.hasMatch() || !size.hasMatch())
            continue;
        const double fontSize = size.captured(1).toDouble();
        const double shift = (m.captured(2) == QLatin1String("sub") ? 0.3 : -0.4) * fontSize;
        // Replace the later attribute first so the earlier match's offsets stay valid.
        const auto replaceAttr = [&](const QRegularExpressionMatch &a, const QString &name,
                                     double v) {
            attrs.replace(a.capturedStart(0), a.capturedLength(0),
                          QStringLiteral(" %1=\"%2\"").arg(name, QString::number(v, 'g', 6)));
        };
        if (y.capturedStart(0) > size.capturedStart(0)) {
            replaceAttr(y, QStringLiteral("y"), y.captured(1).toDouble() + shift);
            replaceAttr(size, QStringLiteral("font-size"), 0.75 * fontSize);
        } else {
            replaceAttr(size, QStringLiteral("font-size"), 0.75 * fontSize);
            replaceAttr(y, QStringLiteral("y"), y.captured(1).toDouble() + shift);
        }
        out += QStringView(text).mid(last, m.capturedStart(0) - last);
        out += QStringLiteral("<text") + attrs + u'>';
        last = m.capturedEnd(0);
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}

} // namespace

QRectF fitAspect(const QSizeF &inner, const QRectF &outer)
{
    if (inner.isEmpty() || outer.isEmpty())
        return QRectF();
    const double scale = std::min(outer.width() / inner.width(), outer.height() / inner.height());
    const QSizeF size = inner * scale;
    return QRectF(outer.center() - QPointF(size.width() / 2, size.height() / 2), size);
}

SvgView::SvgView(QWidget *parent)
    : QWidget(parent), m_renderer(new QSvgRenderer(this)), m_placeholder(tr("No drawing"))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    m_message = m_placeholder;
    connect(m_renderer, &QSvgRenderer::repaintNeeded, this, qOverload<>(&QWidget::update));
}

SvgView::~SvgView() = default;

bool SvgView::setSvg(const QByteArray &svg)
{
    const QSizeF oldSize = hasImage() ? imageSize() : QSizeF();
    if (svg.isEmpty() || !m_renderer->load(withShiftedBaselines(svg)) || !m_renderer->isValid()) {
        showMessage(tr("The drawing could not be read."), true);
        return false;
    }
    m_svg = svg;
    m_message.clear();
    // A redraw of the same size keeps the user's zoom; anything else fits again.
    if (oldSize != imageSize())
        m_zoomRect = QRectF();
    update();
    return true;
}

void SvgView::showMessage(const QString &message, bool isError)
{
    m_svg.clear();
    m_message = message;
    m_messageIsError = isError;
    m_zoomRect = QRectF();
    update();
}

void SvgView::clear()
{
    showMessage(m_placeholder);
}

void SvgView::setPlaceholderText(const QString &text)
{
    const bool showingPlaceholder = !hasImage() && m_message == m_placeholder;
    m_placeholder = text;
    if (showingPlaceholder)
        showMessage(text);
}

bool SvgView::hasImage() const
{
    return !m_svg.isEmpty() && m_renderer->isValid();
}

QSizeF SvgView::imageSize() const
{
    if (!hasImage())
        return QSizeF();
    const QRectF box = m_renderer->viewBoxF();
    const QSize size = m_renderer->defaultSize();
    return size.isEmpty() ? box.size() : QSizeF(size);
}

void SvgView::renderTo(QPainter *painter, const QRectF &target) const
{
    if (!hasImage())
        return;
    m_renderer->render(painter, fitAspect(imageSize(), target));
}

void SvgView::resetZoom()
{
    m_zoomRect = QRectF();
    update();
}

double SvgView::zoom() const
{
    const QRectF fit = fitRect();
    if (m_zoomRect.isNull() || fit.isEmpty())
        return 1.0;
    return m_zoomRect.width() / fit.width();
}

QByteArray SvgView::composeSvg(const std::vector<TitledSvg> &parts, Qt::Orientation orientation,
                               QString *error)
{
    constexpr double gap = 24.0, headingHeight = 22.0, headingSize = 13.0, pad = 8.0;

    // First pass: the sizes, to size the document before anything is written.
    std::vector<SvgRoot> roots;
    for (const TitledSvg &part : parts) {
        SvgRoot root;
        if (!readSvgRoot(part.svg, &root)) {
            if (error)
                *error = tr("The drawing of \"%1\" is not SVG.").arg(part.title);
            return QByteArray();
        }
        if (root.width <= 0 || root.height <= 0) {
            if (error)
                *error = tr("The drawing of \"%1\" has no size.").arg(part.title);
            return QByteArray();
        }
        roots.push_back(root);
    }

    double width = 0, height = 0;
    std::vector<QPointF> origins;
    for (const SvgRoot &r : roots) {
        if (orientation == Qt::Horizontal) {
            origins.emplace_back(pad + width + (origins.empty() ? 0.0 : gap), pad);
            width = origins.back().x() - pad + r.width;
            height = std::max(height, headingHeight + r.height);
        } else {
            origins.emplace_back(pad, pad + height + (origins.empty() ? 0.0 : gap));
            height = origins.back().y() - pad + headingHeight + r.height;
            width = std::max(width, r.width);
        }
    }
    width += 2 * pad;
    height += 2 * pad;

    QByteArray bytes;
    QXmlStreamWriter out(&bytes);
    out.setAutoFormatting(true);
    out.writeStartDocument();
    out.writeDefaultNamespace(kSvgNs);
    out.writeNamespace(kXlinkNs, QStringLiteral("xlink"));
    out.writeStartElement(kSvgNs, QStringLiteral("svg"));
    out.writeAttribute(QStringLiteral("version"), QStringLiteral("1.1"));
    out.writeAttribute(QStringLiteral("width"), num(width) + QStringLiteral("pt"));
    out.writeAttribute(QStringLiteral("height"), num(height) + QStringLiteral("pt"));
    out.writeAttribute(QStringLiteral("viewBox"),
                       QStringLiteral("0 0 %1 %2").arg(num(width), num(height)));
    out.writeEmptyElement(kSvgNs, QStringLiteral("rect"));
    out.writeAttribute(QStringLiteral("width"), num(width));
    out.writeAttribute(QStringLiteral("height"), num(height));
    out.writeAttribute(QStringLiteral("fill"), QStringLiteral("white"));

    for (size_t i = 0; i < parts.size(); ++i) {
        const SvgRoot &r = roots[i];
        const QPointF o = origins[i];
        out.writeStartElement(kSvgNs, QStringLiteral("text"));
        out.writeAttribute(QStringLiteral("x"), num(o.x()));
        out.writeAttribute(QStringLiteral("y"), num(o.y() + headingSize));
        out.writeAttribute(QStringLiteral("font-family"),
                           QStringLiteral("Helvetica, Arial, sans-serif"));
        out.writeAttribute(QStringLiteral("font-size"), num(headingSize));
        out.writeAttribute(QStringLiteral("font-weight"), QStringLiteral("bold"));
        out.writeCharacters(parts[i].title);
        out.writeEndElement();

        // The drawing's own coordinate system mapped onto its place: viewBox -> width x height.
        out.writeStartElement(kSvgNs, QStringLiteral("g"));
        out.writeAttribute(QStringLiteral("transform"),
                           QStringLiteral("translate(%1 %2) scale(%3 %4) translate(%5 %6)")
                               .arg(num(o.x()), num(o.y() + headingHeight),
                                    QString::number(r.width / r.viewBox.width(), 'g', 6),
                                    QString::number(r.height / r.viewBox.height(), 'g', 6),
                                    num(-r.viewBox.x()), num(-r.viewBox.y())));
        QXmlStreamReader xml(parts[i].svg);
        while (!xml.atEnd() && xml.readNext() != QXmlStreamReader::StartElement) {
        }
        copyChildren(xml, out, QStringLiteral("p%1_").arg(i));
        if (xml.hasError()) {
            if (error)
                *error = tr("The drawing of \"%1\" is not valid SVG: %2")
                             .arg(parts[i].title, xml.errorString());
            return QByteArray();
        }
        out.writeEndElement();
    }
    out.writeEndElement();
    out.writeEndDocument();
    return bytes;
}

bool SvgView::writeImage(const QByteArray &svg, const QString &path, double scale, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), why);
        return false;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf"))
        return fail(tr("unknown image format \"%1\" (use .png or .pdf)").arg(suffix));
    QSvgRenderer renderer(withShiftedBaselines(svg));
    if (!renderer.isValid())
        return fail(tr("the drawing could not be read"));

    // The drawing's natural size, in points: what the PDF page is, and what the PNG's DPI says.
    SvgRoot root;
    if (!readSvgRoot(svg, &root) || root.width <= 0 || root.height <= 0)
        return fail(tr("the drawing is empty"));
    const QSizeF points(root.width, root.height);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    if (suffix == QLatin1String("png")) {
        // `scale` pixels per point of the drawing's own unit as Qt reads it (its default size).
        const QSize size = (QSizeF(renderer.defaultSize()) * scale).toSize();
        if (size.isEmpty())
            return fail(tr("the drawing is empty"));
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        // The pixels per inch that show it at its natural size (a viewer, LaTeX).
        image.setDotsPerMeterX(qRound(size.width() / (points.width() / 72.0) / 0.0254));
        image.setDotsPerMeterY(qRound(size.height() / (points.height() / 72.0) / 0.0254));
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
        painter.end();
        if (!image.save(&file, "PNG"))
            return fail(tr("PNG encoding failed"));
    } else {
        // One page exactly the size of the drawing, in points, no margins.
        QPdfWriter pdf(&file);
        pdf.setCreator(QStringLiteral("SparseNAS Studio"));
        pdf.setPageSize(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(72);
        QPainter painter;
        if (!painter.begin(&pdf))
            return fail(tr("PDF output could not be started"));
        renderer.render(&painter, QRectF(0, 0, pdf.width(), pdf.height()));
        painter.end();
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

QSize SvgView::sizeHint() const
{
    return QSize(360, 260);
}

QSize SvgView::minimumSizeHint() const
{
    return QSize(120, 90);
}

QRectF SvgView::fitRect() const
{
    const QRectF area = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    return fitAspect(imageSize(), area);
}

QRectF SvgView::drawRect() const
{
    return m_zoomRect.isNull() ? fitRect() : m_zoomRect;
}

void SvgView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    if (hasImage()) {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        m_renderer->render(&painter, drawRect());
        return;
    }
    painter.setPen(m_messageIsError ? QColor(178, 24, 43) : QColor(120, 120, 120));
    const QRect area = rect().adjusted(12, 12, -12, -12);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_message);
}

void SvgView::wheelEvent(QWheelEvent *event)
{
    if (!hasImage()) {
        event->ignore();
        return;
    }
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0) {
        event->ignore();
        return;
    }
    const QRectF fit = fitRect();
    QRectF r = drawRect();
    const double current = r.width() / fit.width();
    const double target = std::clamp(current * std::pow(1.15, steps), kMinZoom, kMaxZoom);
    const double factor = target / current;
    // Zoom about the cursor: the point under it stays where it is.
    const QPointF p = event->position();
    r = QRectF(p + (r.topLeft() - p) * factor, r.size() * factor);
    m_zoomRect = std::abs(target - 1.0) < 1e-3 ? QRectF() : r;
    update();
    event->accept();
}

void SvgView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !hasImage()) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_dragging = true;
    m_dragStart = event->position();
    m_dragStartRect = drawRect();
    setCursor(Qt::ClosedHandCursor);
}

void SvgView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    const QPointF delta = event->position() - m_dragStart;
    // A click is not a pan: the drawing keeps fitting the window until it really moves.
    if (m_zoomRect.isNull() && delta.manhattanLength() < 3.0)
        return;
    m_zoomRect = m_dragStartRect.translated(delta);
    update();
}

void SvgView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging && event->button() == Qt::LeftButton) {
        m_dragging = false;
        unsetCursor();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void SvgView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        resetZoom();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

} // namespace sparsenas
