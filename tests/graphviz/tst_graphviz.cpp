// SPDX-License-Identifier: MIT
#include "sparsenas/base/figure.h"
#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/genotype.h"
#include "sparsenas/base/graphvizrenderer.h"

#include <QtTest>

#include <QDir>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <clocale>
#include <cstdint>

using namespace sparsenas;

namespace {

const std::vector<std::string> kOps = {"none",         "max_pool_3x3", "avg_pool_3x3",
                                       "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
                                       "dil_conv_3x3", "dil_conv_5x5"};

void setPath(CellWeights &w, int source, int target, const std::string &op, float value)
{
    const size_t o = size_t(std::find(kOps.begin(), kOps.end(), op) - kOps.begin());
    w.weights[size_t(firstEdgeOf(target) + source) * kOps.size() + o] = value;
}

CellWeights emptyCell(const std::string &type)
{
    CellWeights w;
    w.type = type;
    w.nodes = 4;
    w.ops = kOps;
    w.weights.assign(size_t(numEdges(4)) * kOps.size(), 0.0f);
    return w;
}

// Node 3 dies (no input) and takes 3-4 and 3-5 with it: nodes 2, 4, 5 survive with 4 op edges
// and 3 concat edges; both inputs are used.
CellGenotype deadNodeCell(const std::string &type = "normal")
{
    CellWeights w = emptyCell(type);
    setPath(w, 0, 2, "sep_conv_3x3", 0.5f);
    setPath(w, 1, 2, "skip_connect", 0.3f);
    setPath(w, 3, 4, "dil_conv_3x3", 0.7f);
    setPath(w, 1, 4, "max_pool_3x3", 0.2f);
    setPath(w, 3, 5, "sep_conv_5x5", 0.4f);
    setPath(w, 2, 5, "avg_pool_3x3", -0.6f);
    return deriveCell(w);
}

QByteArray bytes(const std::string &s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

struct SvgCounts
{
    QString root;
    int nodes = 0;
    int edges = 0;
    int clusters = 0;
    QString error;
};

SvgCounts parseSvg(const std::string &svg)
{
    SvgCounts c;
    QXmlStreamReader xml(bytes(svg));
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (c.root.isEmpty())
            c.root = xml.name().toString();
        if (xml.name() != QLatin1String("g"))
            continue;
        const auto cls = xml.attributes().value(QLatin1String("class"));
        if (cls == QLatin1String("node"))
            ++c.nodes;
        else if (cls == QLatin1String("edge"))
            ++c.edges;
        else if (cls == QLatin1String("cluster"))
            ++c.clusters;
    }
    if (xml.hasError())
        c.error = xml.errorString();
    return c;
}

struct PngSize
{
    quint32 width = 0;
    quint32 height = 0;
};

quint32 bigEndian32(const QByteArray &b, int at)
{
    quint32 v = 0;
    for (int i = 0; i < 4; ++i)
        v = (v << 8) | quint8(b.at(at + i));
    return v;
}

// The IHDR chunk always comes first, right after the 8-byte signature.
/// PNG's CRC-32 (ISO 3309, reflected polynomial 0xEDB88320), bit by bit as the PNG
/// specification's sample code defines it, written here apart from the zlib the renderer uses.
quint32 pngCrc(const QByteArray &bytes)
{
    quint32 c = 0xffffffffu;
    for (const char ch : bytes) {
        c ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            c = (c & 1u) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xffffffffu;
}

bool readPngSize(const QByteArray &png, PngSize *size)
{
    static const char signature[] = "\x89PNG\r\n\x1a\n";
    if (png.size() < 33 || !png.startsWith(QByteArray(signature, 8)))
        return false;
    if (bigEndian32(png, 8) != 13 || png.mid(12, 4) != QByteArrayLiteral("IHDR"))
        return false;
    size->width = bigEndian32(png, 16);
    size->height = bigEndian32(png, 20);
    return size->width > 0 && size->height > 0;
}

} // namespace

class tst_Graphviz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void svg_data();
    void svg();
    void pdf();
    void png();
    void pngScalesWithDpi();
    void pngSaysItsDpi();
    void figuresStateTheirSize();
    void vectorFormatsAreDrawnAtNaturalSize();
    void pngTooLargeForGraphvizIsRefused();
    void laidOutDot();
    void renderToFileIsAtomic();
    void renderToFileReportsErrors();
    void syntaxError_data();
    void syntaxError();
    void unknownFormat();
    void formatFromPath_data();
    void formatFromPath();
    void decimalPointUnderGermanLocale();
};

void tst_Graphviz::svg_data()
{
    QTest::addColumn<QByteArray>("dot");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("edges");
    QTest::addColumn<int>("clusters");

    // in0, in1, 2, 4, 5, out; 4 op edges and 3 concat edges.
    QTest::newRow("cell") << bytes(cellToDot(deadNodeCell())) << 6 << 7 << 0;
    DotStyle plain;
    plain.horizontal = false;
    plain.showWeights = false;
    plain.colorByOp = false;
    QTest::newRow("cell, plain style") << bytes(cellToDot(deadNodeCell(), plain)) << 6 << 7 << 0;

    // Inputs, output and the note; the note's edges are invisible and not drawn.
    const CellGenotype collapsed = deriveCell(emptyCell("reduce"));
    QTest::newRow("collapsed cell") << bytes(cellToDot(collapsed)) << 4 << 0 << 0;

    Genotype g;
    g.cells = {deadNodeCell("normal"), collapsed};
    QTest::newRow("genotype") << bytes(genotypeToDot(g)) << 10 << 7 << 2;

    // Quotes and backslashes in names must survive DOT's parser.
    CellWeights odd = emptyCell("my \"odd\" cell");
    odd.ops[4] = "op\"with\\quote & <tag>";
    setPath(odd, 0, 2, "sep_conv_3x3", 1.0f);
    setPath(odd, 2, 3, "skip_connect", 1.0f);
    Genotype oddGenotype;
    oddGenotype.cells = {deriveCell(odd)};
    // in0, in1 (unused), 2, 3, out; 2 op edges and 2 concat edges.
    QTest::newRow("odd names") << bytes(genotypeToDot(oddGenotype)) << 5 << 4 << 1;
}

void tst_Graphviz::svg()
{
    QFETCH(QByteArray, dot);
    QFETCH(int, nodes);
    QFETCH(int, edges);
    QFETCH(int, clusters);

    GraphvizRenderer renderer;
    const std::string svg = renderer.render(dot.toStdString(), "svg");
    const SvgCounts c = parseSvg(svg);
    QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
    QCOMPARE(c.root, QStringLiteral("svg"));
    QCOMPARE(c.nodes, nodes);
    QCOMPARE(c.edges, edges);
    QCOMPARE(c.clusters, clusters);
}

void tst_Graphviz::pdf()
{
    GraphvizRenderer renderer;
    const QByteArray pdf = bytes(renderer.render(cellToDot(deadNodeCell()), "pdf"));
    QVERIFY(pdf.startsWith("%PDF-"));
    QByteArray tail = pdf;
    while (tail.endsWith('\n') || tail.endsWith('\r'))
        tail.chop(1);
    QVERIFY2(tail.endsWith("%%EOF"), pdf.right(16).constData());
}

void tst_Graphviz::png()
{
    GraphvizRenderer renderer;
    const QByteArray png = bytes(renderer.render(cellToDot(deadNodeCell()), "png"));
    PngSize size;
    QVERIFY(readPngSize(png, &size));
    QVERIFY(size.width > 50 && size.width < 5000);
    QVERIFY(size.height > 20 && size.height < 5000);
    // The last chunk is IEND (length 0, type, CRC).
    QCOMPARE(png.right(12).mid(4, 4), QByteArrayLiteral("IEND"));
}

void tst_Graphviz::pngScalesWithDpi()
{
    GraphvizRenderer renderer;
    const std::string dot = cellToDot(deadNodeCell());
    PngSize at96, at192;
    QVERIFY(readPngSize(bytes(renderer.render(dot, "png", 96.0)), &at96));
    QVERIFY(readPngSize(bytes(renderer.render(dot, "png", 192.0)), &at192));
    QVERIFY2(qAbs(qint64(at192.width) - 2 * qint64(at96.width)) <= 2,
             qPrintable(QStringLiteral("%1 vs %2").arg(at192.width).arg(at96.width)));
    QVERIFY(qAbs(qint64(at192.height) - 2 * qint64(at96.height)) <= 2);

    // A fresh graph per call: the dpi of one render does not stick to the next.
    PngSize again;
    QVERIFY(readPngSize(bytes(renderer.render(dot, "png")), &again));
    QCOMPARE(again.width, at96.width);
}

void tst_Graphviz::pngSaysItsDpi()
{
    // A viewer shows a PNG at its natural size only if it carries pHYs: pixels per metre in x
    // and y and unit 1 (metre), before the image data, with a valid CRC-32. 150 DPI is
    // 150 / 0.0254 = 5905.5 -> 5906 per metre; without --dpi, Graphviz's 96 -> 3780.
    GraphvizRenderer renderer;
    const std::string dot = cellToDot(deadNodeCell());
    for (const auto &[dpi, perMetre] :
         {std::pair<double, quint32>{150.0, 5906u}, std::pair<double, quint32>{0.0, 3780u}}) {
        const QByteArray png = bytes(renderer.render(dot, "png", dpi));
        const qsizetype phys = png.indexOf("pHYs");
        const qsizetype idat = png.indexOf("IDAT");
        QVERIFY(phys > 8 && idat > phys);
        QCOMPARE(bigEndian32(png, int(phys) - 4), quint32(9));
        QCOMPARE(bigEndian32(png, int(phys) + 4), perMetre);
        QCOMPARE(bigEndian32(png, int(phys) + 8), perMetre);
        QCOMPARE(int(png[phys + 12]), 1);
        QCOMPARE(bigEndian32(png, int(phys) + 13), pngCrc(png.mid(phys, 13)));
        QCOMPARE(png.count("pHYs"), qsizetype(1));
        QCOMPARE(bytes(pngWithDpi(std::string(png.constData(), size_t(png.size())), 300.0)), png);
    }
}

void tst_Graphviz::figuresStateTheirSize()
{
    QCOMPARE(niceTicks(0.0, 1.0, 5),
             (std::vector<double>{0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0}));
    QCOMPARE(niceTicks(-5.0, -3.7, 6).front(), -5.0);
    QCOMPARE(niceTicks(3.0, 48.0, 5), (std::vector<double>{10.0, 20.0, 30.0, 40.0}));
    QVERIFY(niceTicks(1.0, 1.0).empty());

    // Two panels a row, two rows (the last one half empty), a 200-pt legend: 2 x 300 + 200 by
    // 2 x 220 points; the PNG at 144 DPI is twice that in pixels and says 144 DPI.
    Figure f;
    f.columns = 2;
    for (int k = 0; k < 3; ++k) {
        FigurePanel p;
        p.title = "panel " + std::to_string(k);
        p.series.push_back({"a", figureColor(0), false, {1, 2, 3}, {0.5, 0.25, 0.75}, {}, {}});
        p.series.push_back({"b",
                            figureColor(1),
                            true,
                            {1, 2, 3},
                            {0.1, 0.2, 0.3},
                            {0, 0.1, 0.2},
                            {0.2, 0.3, 0.4}});
        f.panels.push_back(p);
    }
    const std::string svg = renderFigure(f, "svg");
    QVERIFY2(svg.find("width=\"800pt\" height=\"440pt\" viewBox=\"0 0 800 440\"") !=
                 std::string::npos,
             svg.substr(0, 300).c_str());
    const std::string pdf = renderFigure(f, "pdf");
    QVERIFY(pdf.rfind("%PDF-", 0) == 0);
    QVERIFY(pdf.find("/MediaBox [ 0 0 800 440 ]") != std::string::npos);
    const QByteArray png = bytes(renderFigure(f, "png", 144.0));
    PngSize size;
    QVERIFY(readPngSize(png, &size));
    QCOMPARE(size.width, quint32(1600));
    QCOMPARE(size.height, quint32(880));
    const qsizetype phys = png.indexOf("pHYs");
    QVERIFY(phys > 0);
    QCOMPARE(bigEndian32(png, int(phys) + 4), quint32(5669)); // 144 / 0.0254
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, renderFigure(f, "bmp"));
}

void tst_Graphviz::vectorFormatsAreDrawnAtNaturalSize()
{
    // A dpi is for bitmaps: the SVG declares the same size with and without one, and the PDF
    // page is that drawing (no half-inch margin), up to Graphviz's few points of rounding.
    GraphvizRenderer renderer;
    const std::string dot = cellToDot(deadNodeCell());
    const auto svgSize = [](const std::string &svg) {
        double w = 0, h = 0;
        const auto at = svg.find("<svg width=\"");
        std::sscanf(svg.c_str() + at, "<svg width=\"%lfpt\" height=\"%lfpt\"", &w, &h);
        return std::pair<double, double>(w, h);
    };
    const auto plain = svgSize(renderer.render(dot, "svg"));
    QVERIFY(plain.first > 50 && plain.second > 20);
    QCOMPARE(svgSize(renderer.render(dot, "svg", 300.0)), plain);
    const std::string pdf = renderer.render(dot, "pdf", 300.0);
    const auto box = pdf.find("/MediaBox [");
    QVERIFY(box != std::string::npos);
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    QCOMPARE(std::sscanf(pdf.c_str() + box, "/MediaBox [%lf %lf %lf %lf]", &x0, &y0, &x1, &y1), 4);
    QVERIFY2(std::abs((x1 - x0) - plain.first) <= 8 && std::abs((y1 - y0) - plain.second) <= 8,
             qPrintable(QStringLiteral("PDF %1 x %2, SVG %3 x %4")
                            .arg(x1 - x0)
                            .arg(y1 - y0)
                            .arg(plain.first)
                            .arg(plain.second)));
}

void tst_Graphviz::pngTooLargeForGraphvizIsRefused()
{
    // One box 100 in wide, 1 in high: laid out 7200 x 72 pt, drawn with 4 pt of pad a side, so
    // (7200 + 8) / 72 * dpi pixels wide. At 400 DPI that is 40044.4 (said rounded up: 40045), past
    // Graphviz's 32767: refused (not shrunk), naming the largest DPI that fits,
    // floor(400 * 32767 / 40044.4) = 327.
    GraphvizRenderer renderer;
    const std::string dot =
        "digraph { node [shape=box, fixedsize=true, width=100, height=1, label=\"\"]; a }";
    try {
        renderer.render(dot, "png", 400.0);
        QFAIL("a 40045-pixel PNG was not refused");
    } catch (const GraphvizError &e) {
        QVERIFY2(QByteArray(e.what()).contains("40045 pixels") &&
                     QByteArray(e.what()).contains("at most 327 DPI"),
                 e.what());
    }
    // At 300 DPI it fits: 30033.3 pixels wide, as asked.
    PngSize size;
    QVERIFY(readPngSize(bytes(renderer.render(dot, "png", 300.0)), &size));
    QVERIFY2(qAbs(qint64(size.width) - 30033) <= 2, qPrintable(QString::number(size.width)));
    // Vector formats have no such limit.
    QVERIFY(!renderer.render(dot, "svg", 400.0).empty());
}

void tst_Graphviz::laidOutDot()
{
    GraphvizRenderer renderer;
    const std::string out = renderer.render(cellToDot(deadNodeCell()), "dot");
    QVERIFY(out.find("pos=") != std::string::npos);
    QVERIFY(out.find("bb=") != std::string::npos);
}

void tst_Graphviz::renderToFileIsAtomic()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("cell.svg"));
    writeFileAtomic(path.toStdString(), "old content");

    GraphvizRenderer renderer;
    const std::string dot = cellToDot(deadNodeCell());
    renderer.renderToFile(dot, "svg", path.toStdString());

    QCOMPARE(readFile(path.toStdString()), renderer.render(dot, "svg"));
    // Nothing but the target is left in the folder (no temp file).
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("cell.svg")});

    const QString png = dir.filePath(QStringLiteral("sub/cell.png"));
    renderer.renderToFile(dot, sparsenas::formatFromPath(png.toStdString()), png.toStdString(),
                          72.0);
    PngSize size;
    QVERIFY(readPngSize(bytes(readFile(png.toStdString())), &size));
}

void tst_Graphviz::renderToFileReportsErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("cell.svg"));
    writeFileAtomic(path.toStdString(), "old content");

    GraphvizRenderer renderer;
    // A failed render leaves the old file alone.
    QVERIFY_THROWS_EXCEPTION(GraphvizError,
                             renderer.renderToFile("digraph {", "svg", path.toStdString()));
    QCOMPARE(readFile(path.toStdString()), std::string("old content"));

    // A folder that cannot be created: a plain file is in the way.
    const QString blocked = dir.filePath(QStringLiteral("cell.svg/inner.svg"));
    QVERIFY_THROWS_EXCEPTION(
        std::runtime_error,
        renderer.renderToFile(cellToDot(deadNodeCell()), "svg", blocked.toStdString()));
}

void tst_Graphviz::syntaxError_data()
{
    QTest::addColumn<QByteArray>("dot");
    QTest::newRow("dangling edge") << QByteArrayLiteral("digraph { a -> }");
    QTest::newRow("unclosed") << QByteArrayLiteral("digraph {\n a -> b;\n");
    QTest::newRow("not DOT") << QByteArrayLiteral("hello world");
    QTest::newRow("empty") << QByteArray();
}

void tst_Graphviz::syntaxError()
{
    QFETCH(QByteArray, dot);
    GraphvizRenderer renderer;
    try {
        renderer.render(dot.toStdString(), "svg");
        QFAIL("no exception");
    } catch (const GraphvizError &e) {
        const QString what = QString::fromUtf8(e.what());
        QVERIFY2(!what.trimmed().isEmpty(), "empty message");
        if (!dot.isEmpty())
            QVERIFY2(what.contains(QStringLiteral("syntax")), qPrintable(what));
    }
    // The parser recovers: the next graph renders.
    const SvgCounts c = parseSvg(renderer.render("digraph { a -> b }", "svg"));
    QCOMPARE(c.nodes, 2);
    QCOMPARE(c.edges, 1);
}

void tst_Graphviz::unknownFormat()
{
    GraphvizRenderer renderer;
    try {
        renderer.render("digraph { a -> b }", "no-such-format");
        QFAIL("no exception");
    } catch (const GraphvizError &e) {
        const QString what = QString::fromUtf8(e.what());
        QVERIFY2(what.contains(QStringLiteral("no-such-format")), qPrintable(what));
    }
    QVERIFY_THROWS_EXCEPTION(GraphvizError, renderer.render("digraph { a -> b }", ""));
}

void tst_Graphviz::formatFromPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("format");
    QTest::newRow("svg") << QStringLiteral("out/cell.svg") << QStringLiteral("svg");
    QTest::newRow("upper case") << QStringLiteral("/tmp/Cell.PDF") << QStringLiteral("pdf");
    QTest::newRow("png") << QStringLiteral("a.b/c.png") << QStringLiteral("png");
    QTest::newRow("dot") << QStringLiteral("cell.dot") << QStringLiteral("dot");
    QTest::newRow("gv") << QStringLiteral("cell.gv") << QStringLiteral("dot");
    QTest::newRow("unknown") << QStringLiteral("cell.txt") << QString();
    QTest::newRow("no extension") << QStringLiteral("cell") << QString();
    QTest::newRow("dot in folder only") << QStringLiteral("a.svg/cell") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void tst_Graphviz::formatFromPath()
{
    QFETCH(QString, path);
    QFETCH(QString, format);
    QCOMPARE(QString::fromStdString(sparsenas::formatFromPath(path.toStdString())), format);
}

void tst_Graphviz::decimalPointUnderGermanLocale()
{
    const std::string saved = std::setlocale(LC_NUMERIC, nullptr);
    const char *german = nullptr;
    for (const char *name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "de_DE@euro"}) {
        if (std::setlocale(LC_NUMERIC, name)) {
            german = name;
            break;
        }
    }
    if (!german)
        QSKIP("no de_DE locale installed");
    struct Restore
    {
        std::string name;
        ~Restore() { std::setlocale(LC_NUMERIC, name.c_str()); }
    } restore{saved};
    QCOMPARE(*std::localeconv()->decimal_point, ',');
    const std::string active = std::setlocale(LC_NUMERIC, nullptr);

    // penwidth and width are parsed, stroke-width and font-size printed: both must use '.'.
    const std::string dot =
        "digraph { node [fontsize=10.5]; a [width=1.5]; a -> b [penwidth=2.5]; }";
    GraphvizRenderer renderer;
    const std::string svg = renderer.render(dot, "svg");
    QVERIFY2(svg.find("stroke-width=\"2.5\"") != std::string::npos, svg.c_str());
    QVERIFY2(svg.find("font-size=\"10.50\"") != std::string::npos, svg.c_str());
    QVERIFY2(svg.find(",50\"") == std::string::npos, svg.c_str());

    // A non-integer dpi is written and read back with a '.'.
    PngSize at96, at144;
    QVERIFY(readPngSize(bytes(renderer.render(dot, "png", 96.0)), &at96));
    QVERIFY(readPngSize(bytes(renderer.render(dot, "png", 144.5)), &at144));
    QVERIFY(qAbs(double(at144.width) - at96.width * 144.5 / 96.0) <= 2.0);

    // The generated DOT is locale-free too, and the process locale is back after rendering.
    const std::string cellSvg = renderer.render(cellToDot(deadNodeCell()), "svg");
    QCOMPARE(parseSvg(cellSvg).edges, 7);
    QCOMPARE(std::string(std::setlocale(LC_NUMERIC, nullptr)), active);
    QCOMPARE(*std::localeconv()->decimal_point, ',');
}

QTEST_GUILESS_MAIN(tst_Graphviz)
#include "tst_graphviz.moc"
