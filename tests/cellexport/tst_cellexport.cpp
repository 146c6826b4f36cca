// SPDX-License-Identifier: MIT
// "Export cell for paper" end to end: the dialog, the exporter and the Graphviz thread write
// files that open at their natural size. The SVG declares the size of its drawing (width, height
// and viewBox agree with the drawing's bounding box, no second scale inside), the PDF page is the
// drawing, the PNG carries its DPI. Where rsvg-convert / pdfinfo are installed, their reading is
// checked too (skipped quietly otherwise).
#include "cellexporter.h"
#include "cellgraphview.h"
#include "exportdialog.h"
#include "graphvizservice.h"
#include "regpathview.h"
#include "survivalview.h"

#include "sparsenas/base/genotypesource.h"
#include "sparsenas/base/graphvizrenderer.h"

#include "sparsenas/base/genotype.h"

#include <QtTest>

#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QTransform>
#include <QXmlStreamReader>

#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>

using namespace sparsenas;

namespace {

const std::vector<std::string> kOps = {"none",         "max_pool_3x3", "avg_pool_3x3",
                                       "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
                                       "dil_conv_3x3", "dil_conv_5x5"};

void setPath(CellWeights &w, int source, int target, const std::string &op, float value)
{
    const int o = int(std::find(kOps.begin(), kOps.end(), op) - kOps.begin());
    w.weights[size_t(firstEdgeOf(target) + source) * kOps.size() + size_t(o)] = value;
}

// A cell with many paths (as mid-search), one tiny and one negative weight among them.
std::vector<CellWeights> busyCells()
{
    std::vector<CellWeights> out;
    for (const char *type : {"normal", "reduce"}) {
        CellWeights w;
        w.type = type;
        w.nodes = 4;
        w.ops = kOps;
        w.weights.assign(size_t(numEdges(4)) * kOps.size(), 0.0f);
        float v = 0.11f;
        for (int target = 2; target < 6; ++target) {
            for (int source = 0; source < target; ++source) {
                setPath(w, source, target, "sep_conv_3x3", v);
                setPath(w, source, target, "skip_connect", -0.5f * v);
                v += 0.07f;
            }
        }
        setPath(w, 0, 2, "dil_conv_5x5", 5.8e-4f);
        out.push_back(w);
    }
    return out;
}

// An SVG length in points ("206pt", "300px", plain user units).
double points(const QString &text)
{
    if (text.endsWith(QLatin1String("pt")))
        return text.chopped(2).toDouble();
    if (text.endsWith(QLatin1String("px")))
        return text.chopped(2).toDouble() * 0.75;
    if (text.endsWith(QLatin1String("in")))
        return text.chopped(2).toDouble() * 72.0;
    if (text.endsWith(QLatin1String("mm")))
        return text.chopped(2).toDouble() * 72.0 / 25.4;
    if (text.endsWith(QLatin1String("cm")))
        return text.chopped(2).toDouble() * 72.0 / 2.54;
    return text.toDouble();
}

// Graphviz's transform="scale(a b) rotate(r) translate(x y)" (and any subset) as a QTransform.
QTransform parseTransform(const QString &text)
{
    QTransform t;
    static const QRegularExpression op(QStringLiteral("(\\w+)\\s*\\(([^)]*)\\)"));
    for (auto it = op.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QStringList args =
            m.captured(2).split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
        const double a = args.value(0).toDouble();
        const double b = args.size() > 1 ? args.value(1).toDouble() : a;
        if (m.captured(1) == QLatin1String("scale"))
            t.scale(a, b);
        else if (m.captured(1) == QLatin1String("translate"))
            t.translate(a, args.size() > 1 ? b : 0.0);
        else if (m.captured(1) == QLatin1String("rotate"))
            t.rotate(a);
    }
    return t;
}

struct SvgGeometry
{
    double width = 0, height = 0; ///< declared, in points
    QRectF viewBox;
    QRectF drawing; ///< the graph's background polygon, in viewBox coordinates
};

// The declared size and the drawing's bounding box of a Graphviz SVG: the first polygon of the
// graph group is the graph's background, which covers the whole drawing (pad included).
SvgGeometry svgGeometry(const QByteArray &svg)
{
    SvgGeometry g;
    QXmlStreamReader xml(svg);
    QTransform graph;
    bool inGraph = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto a = xml.attributes();
        if (xml.name() == QLatin1String("svg")) {
            g.width = points(a.value(QLatin1String("width")).toString());
            g.height = points(a.value(QLatin1String("height")).toString());
            const QStringList box =
                a.value(QLatin1String("viewBox"))
                    .toString()
                    .split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
            if (box.size() == 4)
                g.viewBox = QRectF(box[0].toDouble(), box[1].toDouble(), box[2].toDouble(),
                                   box[3].toDouble());
        } else if (xml.name() == QLatin1String("g") &&
                   a.value(QLatin1String("class")) == QLatin1String("graph")) {
            graph = parseTransform(a.value(QLatin1String("transform")).toString());
            inGraph = true;
        } else if (inGraph && xml.name() == QLatin1String("polygon")) {
            QPolygonF poly;
            const QStringList pts =
                a.value(QLatin1String("points")).toString().split(u' ', Qt::SkipEmptyParts);
            for (const QString &p : pts) {
                const QStringList xy = p.split(u',');
                if (xy.size() == 2)
                    poly << QPointF(xy[0].toDouble(), xy[1].toDouble());
            }
            g.drawing = graph.map(poly).boundingRect();
            break;
        }
    }
    return g;
}

// The first /MediaBox of a PDF, in points.
QRectF pdfMediaBox(const QByteArray &pdf)
{
    static const QRegularExpression box(
        QStringLiteral("/MediaBox\\s*\\[\\s*([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)"));
    const auto m = box.match(QString::fromLatin1(pdf));
    if (!m.hasMatch())
        return QRectF();
    return QRectF(QPointF(m.captured(1).toDouble(), m.captured(2).toDouble()),
                  QPointF(m.captured(3).toDouble(), m.captured(4).toDouble()));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// What a PNG's header says: its size and its pixels per metre (pHYs, 0 without one), read from
// the bytes (a 600 dpi drawing is more than QImage will decode by default).
struct PngInfo
{
    quint32 width = 0, height = 0, dotsPerMeterX = 0, dotsPerMeterY = 0;
    int unit = -1;
};

PngInfo pngInfo(const QByteArray &png)
{
    PngInfo info;
    const auto be = [&](qsizetype at) {
        quint32 v = 0;
        for (qsizetype i = 0; i < 4; ++i)
            v = (v << 8) | quint8(png[at + i]);
        return v;
    };
    if (!png.startsWith("\x89PNG\r\n\x1a\n"))
        return info;
    for (qsizetype at = 8; at + 12 <= png.size();) {
        const quint32 length = be(at);
        const QByteArray type = png.mid(at + 4, 4);
        if (type == "IHDR") {
            info.width = be(at + 8);
            info.height = be(at + 12);
        } else if (type == "pHYs") {
            info.dotsPerMeterX = be(at + 8);
            info.dotsPerMeterY = be(at + 12);
            info.unit = quint8(png[at + 16]);
        } else if (type == "IDAT") {
            break;
        }
        at += 12 + qsizetype(length);
    }
    return info;
}

// The number of non-white pixels of an image.
int inkedPixels(const QImage &image)
{
    int n = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            if (qGray(line[x]) < 200)
                ++n;
        }
    }
    return n;
}

} // namespace

class tst_CellExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void svgDeclaresItsDrawingsSize_data();
    void svgDeclaresItsDrawingsSize();
    void pdfPageIsTheDrawing();
    void pngCarriesItsDpi();
    void severalFormatsInOneGoDialogStaysOpen();
    void viewExportsOpenAtOneSize_data();
    void viewExportsOpenAtOneSize();

private:
    /// Exports `cells` ("normal", "reduce", "both") as `format` at `dpi` through the dialog and
    /// the exporter, as the studio does; returns the file's path (empty on failure).
    QString exportCell(const QString &format, const QString &cells, int dpi, const QString &name);

    QTemporaryDir m_tmp;
    QTemporaryDir m_settingsDir;
};

void tst_CellExport::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(m_settingsDir.isValid());
    // SPARSENAS_KEEP_EXPORTS=1 keeps the files, to look at them.
    if (qEnvironmentVariableIsSet("SPARSENAS_KEEP_EXPORTS")) {
        m_tmp.setAutoRemove(false);
        qInfo("exports in %s", qPrintable(m_tmp.path()));
    }
    QCoreApplication::setOrganizationName(QStringLiteral("SparseNAS-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_cellexport"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_CellExport::init()
{
    QSettings().clear();
}

QString tst_CellExport::exportCell(const QString &format, const QString &cells, int dpi,
                                   const QString &name)
{
    QWidget parent;
    GraphvizService graphviz;
    auto *exporter = new CellExporter(&graphviz, &parent);
    QSignalSpy finished(exporter, &CellExporter::finished);
    exporter->run(busyCells());
    auto *dialog = parent.findChild<ExportDialog *>();
    if (!dialog || !dialog->setFormat(format) || !dialog->setCells(cells))
        return QString();
    if (auto *box = dialog->findChild<QSpinBox *>(QStringLiteral("dpi")))
        box->setValue(dpi);
    const QString path = m_tmp.filePath(name + u'.' + ExportDialog::suffixFor(format));
    dialog->setPath(path);
    if (!dialog->problem().isEmpty()) {
        qWarning("%s", qPrintable(dialog->problem()));
        return QString();
    }
    // A failure shows a message box: read it and close it rather than block the test.
    QString boxText;
    QTimer closer;
    connect(&closer, &QTimer::timeout, this, [&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
                boxText = box->text();
                box->close();
            }
        }
    });
    closer.start(50);
    dialog->accept();
    if (!QTest::qWaitFor([&] { return finished.count() > 0; }, 30000))
        return QString();
    if (!boxText.isEmpty())
        qWarning("message box: %s", qPrintable(boxText));
    if (!finished.at(0).at(0).toBool()) {
        qWarning("%s", qPrintable(finished.at(0).at(1).toString()));
        return QString();
    }
    return path;
}

void tst_CellExport::svgDeclaresItsDrawingsSize_data()
{
    QTest::addColumn<QString>("cells");
    QTest::addColumn<int>("dpi");
    // The PNG resolution (300 by default) must not leak into the vector drawing.
    QTest::newRow("normal, 300 dpi set") << "normal" << 300;
    QTest::newRow("both cells, 600 dpi set") << "both" << 600;
    QTest::newRow("reduce, 72 dpi set") << "reduce" << 72;
}

void tst_CellExport::svgDeclaresItsDrawingsSize()
{
    QFETCH(QString, cells);
    QFETCH(int, dpi);
    const QString path = exportCell(QStringLiteral("svg"), cells, dpi, QStringLiteral("cell"));
    QVERIFY(!path.isEmpty());
    const QByteArray svg = readAll(path);
    const SvgGeometry g = svgGeometry(svg);
    QVERIFY2(g.width > 20 && g.height > 20, svg.left(600).constData());
    QVERIFY(!g.viewBox.isEmpty());
    QVERIFY(!g.drawing.isEmpty());
    const auto near = [](double a, double b) { return std::abs(a - b) <= 1.0; };
    // Declared size = viewBox = the drawing, within a point: a viewer shows all of it, 1:1.
    QVERIFY2(near(g.width, g.viewBox.width()) && near(g.height, g.viewBox.height()),
             qPrintable(QStringLiteral("declared %1 x %2 pt, viewBox %3 x %4")
                            .arg(g.width)
                            .arg(g.height)
                            .arg(g.viewBox.width())
                            .arg(g.viewBox.height())));
    QVERIFY2(near(g.drawing.left(), g.viewBox.left()) && near(g.drawing.top(), g.viewBox.top()) &&
                 near(g.drawing.width(), g.viewBox.width()) &&
                 near(g.drawing.height(), g.viewBox.height()),
             qPrintable(QStringLiteral("drawing %1,%2 %3 x %4 in a viewBox of %5 x %6")
                            .arg(g.drawing.left())
                            .arg(g.drawing.top())
                            .arg(g.drawing.width())
                            .arg(g.drawing.height())
                            .arg(g.viewBox.width())
                            .arg(g.viewBox.height())));

    // What a browser engine's SVG library makes of it: the declared size at 96 px per inch, and
    // ink in it (a drawing scaled out of its canvas renders blank).
    const QString rsvg = QStandardPaths::findExecutable(QStringLiteral("rsvg-convert"));
    if (!rsvg.isEmpty()) {
        const QString png = path + QStringLiteral(".rsvg.png");
        QProcess p;
        p.start(rsvg, {QStringLiteral("-o"), png, path});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(std::abs(image.width() - g.width * 96.0 / 72.0) <= 2.0);
        QVERIFY(std::abs(image.height() - g.height * 96.0 / 72.0) <= 2.0);
        // The nodes, edges and labels of a 4-node cell cover well over 1 % of the canvas.
        QVERIFY2(inkedPixels(image) > image.width() * image.height() / 100,
                 qPrintable(QStringLiteral("%1 inked pixels of %2")
                                .arg(inkedPixels(image))
                                .arg(image.width() * image.height())));
    }
}

void tst_CellExport::pdfPageIsTheDrawing()
{
    const QString svgPath =
        exportCell(QStringLiteral("svg"), QStringLiteral("normal"), 300, QStringLiteral("page"));
    const QString pdfPath =
        exportCell(QStringLiteral("pdf"), QStringLiteral("normal"), 300, QStringLiteral("page"));
    QVERIFY(!svgPath.isEmpty() && !pdfPath.isEmpty());
    const SvgGeometry g = svgGeometry(readAll(svgPath));
    const QByteArray pdf = readAll(pdfPath);
    QVERIFY(pdf.startsWith("%PDF-"));
    const QRectF page = pdfMediaBox(pdf);
    QVERIFY2(!page.isEmpty(), "no /MediaBox in the PDF");
    // The page is the drawing, no margin around it (a figure for \includegraphics).
    QVERIFY2(std::abs(page.width() - g.drawing.width()) <= 1.0 &&
                 std::abs(page.height() - g.drawing.height()) <= 1.0,
             qPrintable(QStringLiteral("page %1 x %2 pt, drawing %3 x %4 pt")
                            .arg(page.width())
                            .arg(page.height())
                            .arg(g.drawing.width())
                            .arg(g.drawing.height())));

    const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    if (!pdfinfo.isEmpty()) {
        QProcess p;
        p.start(pdfinfo, {pdfPath});
        QVERIFY(p.waitForFinished(30000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        static const QRegularExpression size(
            QStringLiteral("Page size:\\s*([\\d.]+) x ([\\d.]+) pts"));
        const auto m = size.match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        QVERIFY(std::abs(m.captured(1).toDouble() - g.drawing.width()) <= 1.0);
        QVERIFY(std::abs(m.captured(2).toDouble() - g.drawing.height()) <= 1.0);
    }
}

void tst_CellExport::pngCarriesItsDpi()
{
    const QString svgPath =
        exportCell(QStringLiteral("svg"), QStringLiteral("normal"), 300, QStringLiteral("bitmap"));
    const QString pngPath =
        exportCell(QStringLiteral("png"), QStringLiteral("normal"), 300, QStringLiteral("bitmap"));
    QVERIFY(!svgPath.isEmpty() && !pngPath.isEmpty());
    const SvgGeometry g = svgGeometry(readAll(svgPath));
    const QImage image(pngPath);
    QVERIFY(!image.isNull());
    // 300 dpi: the drawing's points times 300/72 pixels, and the file says 300 dpi, so a viewer
    // or LaTeX shows it at the drawing's size.
    QVERIFY2(std::abs(image.width() - g.drawing.width() * 300.0 / 72.0) <= 3.0,
             qPrintable(QStringLiteral("%1 px for %2 pt").arg(image.width()).arg(g.width)));
    QVERIFY(std::abs(image.height() - g.drawing.height() * 300.0 / 72.0) <= 3.0);
    QCOMPARE(image.dotsPerMeterX(), qRound(300 / 0.0254));
    QCOMPARE(image.dotsPerMeterY(), qRound(300 / 0.0254));
    QVERIFY(inkedPixels(image) > image.width() * image.height() / 100);

    // Another resolution: the metadata follows it.
    const QString png600 =
        exportCell(QStringLiteral("png"), QStringLiteral("normal"), 600, QStringLiteral("fine"));
    QVERIFY(!png600.isEmpty());
    const PngInfo fine = pngInfo(readAll(png600));
    QCOMPARE(fine.unit, 1); // metres
    QCOMPARE(fine.dotsPerMeterX, quint32(qRound(600 / 0.0254)));
    QCOMPARE(fine.dotsPerMeterY, quint32(qRound(600 / 0.0254)));
    QVERIFY(std::abs(int(fine.width) - 2 * image.width()) <= 3);

    // ImageMagick reads the same resolution (its "identify -verbose" shows it as Resolution).
    const QString identify = QStandardPaths::findExecutable(QStringLiteral("identify"));
    if (!identify.isEmpty()) {
        QProcess p;
        p.start(identify, {QStringLiteral("-units"), QStringLiteral("PixelsPerInch"),
                           QStringLiteral("-format"), QStringLiteral("%x %y"), pngPath});
        QVERIFY(p.waitForFinished(30000));
        const QStringList xy =
            QString::fromUtf8(p.readAllStandardOutput()).split(u' ', Qt::SkipEmptyParts);
        QCOMPARE(xy.size(), 2);
        QVERIFY2(std::abs(xy[0].toDouble() - 300.0) < 0.5, qPrintable(xy.join(u' ')));
        QVERIFY(std::abs(xy[1].toDouble() - 300.0) < 0.5);
    }
}

void tst_CellExport::severalFormatsInOneGoDialogStaysOpen()
{
    QWidget parent;
    GraphvizService graphviz;
    QPointer<CellExporter> exporter = new CellExporter(&graphviz, &parent);
    QSignalSpy finished(exporter.data(), &CellExporter::finished);
    const std::vector<CellWeights> cells = busyCells();
    exporter->run(cells);
    QPointer<ExportDialog> dialog = parent.findChild<ExportDialog *>();
    QVERIFY(dialog);
    // Every path has two operations on it: no DARTS pair list, but pt.darts's per-node lists.
    QVERIFY(!dialog->isAvailable(QStringLiteral("darts")));
    const QStringList formats = {QStringLiteral("svg"),  QStringLiteral("pdf"),
                                 QStringLiteral("png"),  QStringLiteral("dot"),
                                 QStringLiteral("json"), QStringLiteral("ptdarts")};
    QVERIFY(dialog->setFormats(formats));
    QVERIFY(dialog->setCells(QStringLiteral("normal")));
    dialog->setPath(m_tmp.filePath(QStringLiteral("all.svg")));
    QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    // The dialog is still there, and says what it wrote.
    QVERIFY(dialog && dialog->isVisible());
    const QString result = dialog->findChild<QLabel *>(QStringLiteral("result"))->text();
    for (const char *name : {"all.svg", "all.pdf", "all.png", "all.dot", "all.json", "all.txt"}) {
        QVERIFY2(result.contains(QLatin1String(name)), qPrintable(result));
        QVERIFY2(QFile::exists(m_tmp.filePath(QLatin1String(name))), name);
    }
    QVERIFY(readAll(m_tmp.filePath(QStringLiteral("all.pdf"))).startsWith("%PDF-"));
    QVERIFY(readAll(m_tmp.filePath(QStringLiteral("all.png"))).startsWith("\x89PNG"));
    QVERIFY(readAll(m_tmp.filePath(QStringLiteral("all.dot"))).startsWith("digraph normal"));
    // The texts hold the whole genotype; pt.darts's text reads back with every path.
    const Genotype derived = deriveGenotype(cells);
    const Genotype fromJson = genotypeFromJson(
        nlohmann::json::parse(readAll(m_tmp.filePath(QStringLiteral("all.json"))).toStdString()));
    QCOMPARE(fromJson.cells.size(), size_t(2));
    const Genotype fromText = genotypeFromDartsText(
        readAll(m_tmp.filePath(QStringLiteral("all.txt"))).toStdString(), "all.txt");
    for (const char *type : {"normal", "reduce"}) {
        QVERIFY(fromText.cell(type) && derived.cell(type));
        QCOMPARE(fromText.cell(type)->edges.size(), derived.cell(type)->edges.size());
    }

    // A second export from the same dialog: another cell, another format.
    QVERIFY(dialog->setFormat(QStringLiteral("svg")));
    QVERIFY(dialog->setCells(QStringLiteral("reduce")));
    dialog->setPath(m_tmp.filePath(QStringLiteral("reduce.svg")));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY(finished.at(1).at(0).toBool());
    QVERIFY(readAll(m_tmp.filePath(QStringLiteral("reduce.svg"))).contains("<title>reduce"));

    // A file that cannot be written is said in the dialog, which stays usable.
    dialog->setPath(m_tmp.filePath(QStringLiteral("all.svg/in-a-file.svg")));
    QVERIFY(!dialog->problem().isEmpty()); // its folder is a file: refused before writing

    // Closing the dialog ends the exporter.
    dialog->findChild<QPushButton *>(QStringLiteral("closeButton"))->click();
    QTRY_VERIFY(exporter.isNull());
}

void tst_CellExport::viewExportsOpenAtOneSize_data()
{
    QTest::addColumn<QString>("view");
    QTest::newRow("cell graph") << "cellgraph";
    QTest::newRow("regularization paths") << "regpath";
    QTest::newRow("node survival") << "survival";
}

// File > Export view: the PNG, the PDF and the SVG of one view open at one size (the PNG's
// pixels over its DPI, the PDF page, the SVG's declared size), whatever the PNG's pixel count.
void tst_CellExport::viewExportsOpenAtOneSize()
{
    QFETCH(QString, view);
    std::unique_ptr<QWidget> widget;
    RunView *runView = nullptr;
    CellGraphView *graph = nullptr;
    if (view == QLatin1String("cellgraph")) {
        auto *g = new CellGraphView;
        widget.reset(g);
        graph = g;
        QSignalSpy spy(g, &CellGraphView::renderRequested);
        g->setCells(busyCells());
        GraphvizRenderer renderer;
        for (const QList<QVariant> &r : std::as_const(spy)) {
            const std::string svg = renderer.render(r.at(2).toString().toStdString(), "svg");
            g->setRendered(r.at(0).toULongLong(), r.at(1).toString(),
                           QByteArray::fromStdString(svg), QString());
        }
    } else {
        if (view == QLatin1String("regpath"))
            widget = std::make_unique<RegPathView>();
        else
            widget = std::make_unique<SurvivalView>();
        runView = dynamic_cast<RunView *>(widget.get());
        std::vector<Snapshot> snaps;
        for (int step = 0; step < 20; ++step) {
            Snapshot s;
            s.step = step;
            s.epoch = step / 10;
            s.stepInEpoch = step % 10 + 1;
            s.stepsPerEpoch = 10;
            s.lambda = 0.01 * step;
            for (CellWeights w : busyCells()) {
                for (float &v : w.weights)
                    v *= 1.0f - 0.05f * float(step);
                CellSnapshot c;
                c.weights = w;
                c.alivePaths = countNonZeroPaths(w);
                c.aliveNodes = {2, 3, 4, 5};
                s.cells.push_back(c);
            }
            snaps.push_back(s);
        }
        runView->addSnapshots(snaps);
    }
    widget->resize(640, 420);
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
    const auto exportTo = [&](const QString &suffix) {
        const QString path = m_tmp.filePath(view + QStringLiteral("-view.") + suffix);
        QString error;
        const bool ok = graph ? graph->exportImage(path, &error)
                              : runView->exportImage(path, &error);
        if (!ok)
            qWarning("%s", qPrintable(error));
        return ok ? readAll(path) : QByteArray();
    };
    const QByteArray png = exportTo(QStringLiteral("png"));
    const QByteArray pdf = exportTo(QStringLiteral("pdf"));
    const QByteArray svg = exportTo(QStringLiteral("svg"));
    QVERIFY(!png.isEmpty() && !pdf.isEmpty() && !svg.isEmpty());

    const PngInfo info = pngInfo(png);
    QVERIFY(info.dotsPerMeterX > 0);
    const QSizeF pngPoints(info.width / (info.dotsPerMeterX * 0.0254) * 72.0,
                           info.height / (info.dotsPerMeterY * 0.0254) * 72.0);
    const QSizeF pdfPoints = pdfMediaBox(pdf).size();
    const SvgGeometry g = svgGeometry(svg);
    const QSizeF svgPoints(g.width, g.height);
    const QString sizes =
        QStringLiteral("PNG %1 x %2 px = %3 x %4 pt, PDF %5 x %6 pt, SVG %7 x %8 pt")
            .arg(info.width)
            .arg(info.height)
            .arg(pngPoints.width())
            .arg(pngPoints.height())
            .arg(pdfPoints.width())
            .arg(pdfPoints.height())
            .arg(svgPoints.width())
            .arg(svgPoints.height());
    qInfo("%s", qPrintable(sizes));
    const auto near = [](const QSizeF &a, const QSizeF &b) {
        return std::abs(a.width() - b.width()) <= 0.02 * b.width() + 1 &&
               std::abs(a.height() - b.height()) <= 0.02 * b.height() + 1;
    };
    QVERIFY2(near(pngPoints, svgPoints), qPrintable(sizes));
    QVERIFY2(near(pdfPoints, svgPoints), qPrintable(sizes));
    // The PNG has at least two pixels per point (144 dpi and more), sharp enough to print.
    QVERIFY2(info.width >= 1.99 * svgPoints.width(), qPrintable(sizes));
}

QTEST_MAIN(tst_CellExport)
#include "tst_cellexport.moc"
