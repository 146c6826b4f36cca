// SPDX-License-Identifier: MIT
// The live cell graph and the paper-export dialog: what they ask Graphviz to draw, that they show
// only the newest answer, and that what they write is a PNG / PDF / SVG.
#include "cellgraphview.h"
#include "exportdialog.h"
#include "statustext.h"
#include "svgview.h"

#include "sparsenas/base/genotype.h"
#include "sparsenas/base/graphvizrenderer.h"

#include <QtTest>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>

using namespace sparsenas;

namespace {

const std::vector<std::string> kOps = {"none",         "max_pool_3x3", "avg_pool_3x3",
                                       "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
                                       "dil_conv_3x3", "dil_conv_5x5"};

int opIndex(const std::string &op)
{
    return int(std::find(kOps.begin(), kOps.end(), op) - kOps.begin());
}

void setPath(CellWeights &w, int source, int target, const std::string &op, float value)
{
    w.weights[size_t(firstEdgeOf(target) + source) * kOps.size() + size_t(opIndex(op))] = value;
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

// Node 3 has no input and dies, taking 3->4 and 3->5 with it. Nodes 2, 4, 5 survive with the
// op edges in0->n2, in1->n2, in1->n4, n2->n5, and n2, n4, n5 feed the output.
CellWeights deadNodeWeights(const std::string &type)
{
    CellWeights w = emptyCell(type);
    setPath(w, 0, 2, "sep_conv_3x3", 0.5f);
    setPath(w, 1, 2, "skip_connect", 0.3f);
    setPath(w, 3, 4, "dil_conv_3x3", 0.7f);
    setPath(w, 1, 4, "max_pool_3x3", 0.2f);
    setPath(w, 3, 5, "sep_conv_5x5", 0.4f);
    setPath(w, 2, 5, "avg_pool_3x3", -0.6f);
    return w;
}

// Every node alive with exactly two inputs: fits DARTS's text format. 1 of the 4 nodes ... all 4.
CellWeights dartsWeights(const std::string &type)
{
    CellWeights w = emptyCell(type);
    setPath(w, 0, 2, "sep_conv_3x3", 0.5f);
    setPath(w, 1, 2, "skip_connect", 0.3f);
    setPath(w, 0, 3, "sep_conv_5x5", 0.4f);
    setPath(w, 2, 3, "max_pool_3x3", 0.2f);
    setPath(w, 1, 4, "dil_conv_3x3", 0.6f);
    setPath(w, 3, 4, "avg_pool_3x3", 0.1f);
    setPath(w, 0, 5, "dil_conv_5x5", 0.9f);
    setPath(w, 4, 5, "skip_connect", 0.8f);
    return w;
}

std::vector<CellWeights> deadNodeCells()
{
    return {deadNodeWeights("normal"), deadNodeWeights("reduce")};
}

QByteArray bytes(const std::string &s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

QByteArray render(const QString &dot)
{
    static GraphvizRenderer renderer;
    return bytes(renderer.render(dot.toStdString(), "svg"));
}

// The <title>s of Graphviz's node and edge groups, and the XML error if any.
struct SvgTitles
{
    std::multiset<QString> nodes;
    std::multiset<QString> edges;
    QString error;
};

SvgTitles titles(const QByteArray &svg)
{
    SvgTitles t;
    QXmlStreamReader xml(svg);
    QString groupClass;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("g")) {
            groupClass = xml.attributes().value(QLatin1String("class")).toString();
        } else if (xml.name() == QLatin1String("title")) {
            const QString text = xml.readElementText();
            if (groupClass == QLatin1String("node"))
                t.nodes.insert(text);
            else if (groupClass == QLatin1String("edge"))
                t.edges.insert(text);
            groupClass.clear();
        }
    }
    if (xml.hasError())
        t.error = xml.errorString();
    return t;
}

std::multiset<QString> set(std::initializer_list<const char *> items)
{
    std::multiset<QString> s;
    for (const char *i : items)
        s.insert(QString::fromLatin1(i));
    return s;
}

bool containsNode(const QString &dot, const QString &id)
{
    // A node statement "n3 [..." or an edge end "n3 ->" / "-> n3 ".
    return dot.contains(QRegularExpression(QStringLiteral("(^|\\s)%1\\s").arg(id)));
}

// Feeds every request in `spy` (renderRequested) back through Graphviz, newest last.
void answerAll(CellGraphView &view, QSignalSpy &spy)
{
    for (const QList<QVariant> &args : std::as_const(spy)) {
        const QString dot = args.at(2).toString();
        view.setRendered(args.at(0).toULongLong(), args.at(1).toString(), render(dot), QString());
    }
}

// Fraction of pixels that are not (nearly) white.
double inkFraction(const QImage &image)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    qint64 ink = 0;
    for (int y = 0; y < img.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            if (qRed(line[x]) < 230 || qGreen(line[x]) < 230 || qBlue(line[x]) < 230)
                ++ink;
        }
    }
    return img.isNull() ? 0.0 : double(ink) / double(img.width() * img.height());
}

// Where a cell's pane (title, summary and drawing) sits in the view.
QRect paneOf(const CellGraphView &view, const char *cellType)
{
    const auto *svg = view.findChild<SvgView *>(QStringLiteral("svg_") + QLatin1String(cellType));
    return svg ? svg->parentWidget()->geometry() : QRect();
}

// With SPARSENAS_TEST_GRABS=<folder> set, keeps pictures of the views for a look-over.
void saveGrab(const QImage &image, const char *name)
{
    const QString dir = qEnvironmentVariable("SPARSENAS_TEST_GRABS");
    if (!dir.isEmpty())
        image.save(QDir(dir).filePath(QStringLiteral("cellgraph_%1.png").arg(QLatin1String(name))));
}

// ... and the DOT of a drawing, to render it with Graphviz's own tools.
void saveDot(const QString &dot, const char *name)
{
    const QString dir = qEnvironmentVariable("SPARSENAS_TEST_GRABS");
    QFile f(QDir(dir).filePath(QStringLiteral("cellgraph_%1.dot").arg(QLatin1String(name))));
    if (!dir.isEmpty() && f.open(QIODevice::WriteOnly))
        f.write(dot.toUtf8());
}

} // namespace

class tst_CellGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void requestsOncePerCellAndChange();
    void renderedSvgHasTheDerivedCell();
    void staleResultsAreDropped();
    void errorsAreShown();
    void showDeadAddsTheDeadNode();
    void highlightTargetsOneCell();
    void grabIsNotBlank();
    void exportImageFormats();
    void liveViewReadableEveryPathOnDemand();
    void liveViewPopsOut();

    void dialogPreviewFollowsOptions();
    void dialogStalePreviewDropped();
    void dialogRequestAndValidation();
    void dialogAsksWhenSuffixDisagrees();
    void dialogSeveralFormatsInOneGo();
    void dialogDartsAvailability();
    void dialogWeightDecimals();
    void dialogDrawingOptions();
    void dialogFitsALowScreen();
    void dialogSettingsPersist();

private:
    QTemporaryDir m_settingsDir;
};

void tst_CellGraph::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("SparseNAS-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_cellgraph"));
    // Never touch the user's own settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_CellGraph::init()
{
    QSettings().clear();
}

void tst_CellGraph::requestsOncePerCellAndChange()
{
    CellGraphView view;
    QSignalSpy spy(&view, &CellGraphView::renderRequested);
    std::vector<CellWeights> cells = deadNodeCells();
    view.setCells(cells);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("normal"));
    QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("reduce"));
    QVERIFY(spy.at(1).at(0).toULongLong() > spy.at(0).at(0).toULongLong());
    QCOMPARE(view.summary(QStringLiteral("normal")), QStringLiteral("3 of 4 nodes, 4 paths"));

    view.setCells(cells); // same weights: same DOT, nothing to draw
    QCOMPARE(spy.count(), 2);

    setPath(cells[0], 0, 2, "sep_conv_3x3", 0.25f); // the normal cell changes, reduce does not
    view.setCells(cells);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(1).toString(), QStringLiteral("normal"));
    QVERIFY(spy.at(2).at(2).toString().contains(QStringLiteral("0.25")));

    // A weight that only changes a dead node (3 has no input) changes nothing drawn.
    setPath(cells[1], 3, 4, "dil_conv_3x3", 0.9f);
    view.setCells(cells);
    QCOMPARE(spy.count(), 3);

    // Display options re-request both cells.
    view.findChild<QAction *>(QStringLiteral("showWeights"))->setChecked(false);
    QCOMPARE(spy.count(), 5);
    QVERIFY(!spy.at(4).at(2).toString().contains(QStringLiteral("0.30")));
    QCOMPARE(view.style().showWeights, false);

    const Genotype g = view.genotype();
    QCOMPARE(int(g.cells.size()), 2);
    QCOMPARE(g.cells[0].aliveNodes, (std::vector<int>{2, 4, 5}));
}

void tst_CellGraph::renderedSvgHasTheDerivedCell()
{
    CellGraphView view;
    QSignalSpy spy(&view, &CellGraphView::renderRequested);
    view.setCells(deadNodeCells());
    QCOMPARE(spy.count(), 2);
    QVERIFY(view.svg(QStringLiteral("normal")).isEmpty());
    answerAll(view, spy);

    const QByteArray svg = view.svg(QStringLiteral("normal"));
    QVERIFY(!svg.isEmpty());
    const SvgTitles t = titles(svg);
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    QCOMPARE(t.nodes, set({"in0", "in1", "n2", "n4", "n5", "out"}));
    // 4 op edges and 3 concat edges into the output; nothing from the dead node 3.
    QCOMPARE(t.edges,
             set({"in0->n2", "in1->n2", "in1->n4", "n2->n5", "n2->out", "n4->out", "n5->out"}));
    QCOMPARE(int(t.edges.size()), 7);
    QVERIFY(!view.svg(QStringLiteral("reduce")).isEmpty());
}

void tst_CellGraph::staleResultsAreDropped()
{
    CellGraphView view;
    QSignalSpy spy(&view, &CellGraphView::renderRequested);
    std::vector<CellWeights> cells = deadNodeCells();
    view.setCells(cells);
    setPath(cells[0], 1, 4, "max_pool_3x3", 0.0f); // node 4 loses its only live input
    view.setCells(cells);
    QCOMPARE(spy.count(), 3);
    const quint64 oldId = spy.at(0).at(0).toULongLong();
    const quint64 newId = spy.at(2).at(0).toULongLong();
    QCOMPARE(view.newestRequest(QStringLiteral("normal")), newId);
    const QByteArray oldSvg = render(spy.at(0).at(2).toString());
    const QByteArray newSvg = render(spy.at(2).at(2).toString());
    QVERIFY(oldSvg != newSvg);

    // The old answer arrives first: it is not shown.
    view.setRendered(oldId, QStringLiteral("normal"), oldSvg, QString());
    QVERIFY(view.svg(QStringLiteral("normal")).isEmpty());
    view.setRendered(newId, QStringLiteral("normal"), newSvg, QString());
    QCOMPARE(view.svg(QStringLiteral("normal")), newSvg);
    // ... or after the new one: it does not replace it.
    view.setRendered(oldId, QStringLiteral("normal"), oldSvg, QString());
    QCOMPARE(view.svg(QStringLiteral("normal")), newSvg);
    QVERIFY(!titles(newSvg).nodes.count(QStringLiteral("n4")));
    // An answer for an unknown cell type is ignored.
    view.setRendered(newId, QStringLiteral("nonexistent"), oldSvg, QString());
    QCOMPARE(view.svg(QStringLiteral("normal")), newSvg);
}

void tst_CellGraph::errorsAreShown()
{
    CellGraphView view;
    QSignalSpy spy(&view, &CellGraphView::renderRequested);
    view.setCells(deadNodeCells());
    answerAll(view, spy);
    QVERIFY(!view.svg(QStringLiteral("reduce")).isEmpty());
    std::vector<CellWeights> cells = deadNodeCells();
    setPath(cells[1], 0, 2, "sep_conv_3x3", 0.75f);
    view.setCells(cells);
    QCOMPARE(spy.count(), 3);
    view.setRendered(spy.at(2).at(0).toULongLong(), QStringLiteral("reduce"), QByteArray(),
                     QStringLiteral("syntax error in line 3"));
    QVERIFY(view.svg(QStringLiteral("reduce")).isEmpty());
    auto *svgView = view.findChild<SvgView *>(QStringLiteral("svg_reduce"));
    QVERIFY(svgView);
    QVERIFY(svgView->message().contains(QStringLiteral("syntax error in line 3")));
}

void tst_CellGraph::showDeadAddsTheDeadNode()
{
    CellGraphView view;
    QSignalSpy spy(&view, &CellGraphView::renderRequested);
    view.setCells(deadNodeCells());
    QCOMPARE(spy.count(), 2);
    QVERIFY(!containsNode(spy.at(0).at(2).toString(), QStringLiteral("n3")));
    QVERIFY(containsNode(spy.at(0).at(2).toString(), QStringLiteral("n4")));

    view.findChild<QAction *>(QStringLiteral("showDead"))->setChecked(true);
    QCOMPARE(spy.count(), 4);
    const QString dot = spy.at(2).at(2).toString();
    QCOMPARE(spy.at(2).at(1).toString(), QStringLiteral("normal"));
    QVERIFY2(containsNode(dot, QStringLiteral("n3")), qPrintable(dot));
    QVERIFY(view.style().showDead);

    // The faded node and its two paths (3->4, 3->5) reach the drawing.
    view.setRendered(spy.at(2).at(0).toULongLong(), QStringLiteral("normal"), render(dot),
                     QString());
    const SvgTitles t = titles(view.svg(QStringLiteral("normal")));
    QCOMPARE(t.nodes, set({"in0", "in1", "n2", "n3", "n4", "n5", "out"}));
    QCOMPARE(int(t.edges.size()), 9);
    QCOMPARE(int(t.edges.count(QStringLiteral("n3->n4"))), 1);

    // setStyle() updates the check box and re-requests.
    DotStyle s = view.style();
    s.showDead = false;
    view.setStyle(s);
    QCOMPARE(spy.count(), 6);
    QVERIFY(!view.findChild<QAction *>(QStringLiteral("showDead"))->isChecked());
    QVERIFY(!containsNode(spy.at(4).at(2).toString(), QStringLiteral("n3")));
}

void tst_CellGraph::highlightTargetsOneCell()
{
    CellGraphView view;
    QSignalSpy spy(&view, &CellGraphView::renderRequested);
    view.setCells(deadNodeCells());
    QCOMPARE(spy.count(), 2);
    const QString highlight = QString::fromStdString(view.style().highlightColor);

    // Edge in1 -> n4, path max_pool_3x3 of the reduction cell only.
    view.highlightEdge(QStringLiteral("reduce"), firstEdgeOf(4) + 1, opIndex("max_pool_3x3"));
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(1).toString(), QStringLiteral("reduce"));
    QVERIFY(spy.at(2).at(2).toString().contains(highlight));
    QVERIFY(!spy.at(0).at(2).toString().contains(highlight));
    QCOMPARE(view.style().highlightSource, 1);
    QCOMPARE(view.style().highlightTarget, 4);
    QCOMPARE(view.style().highlightOp, std::string("max_pool_3x3"));

    // op -1: the edge's strongest path (in0 -> n2 has only sep_conv_3x3).
    view.highlightEdge(QStringLiteral("normal"), firstEdgeOf(2), -1);
    QCOMPARE(view.style().highlightOp, std::string("sep_conv_3x3"));
    QCOMPARE(spy.count(), 5); // reduce loses its highlight, normal gains one

    view.highlightEdge(QString(), -1, -1);
    QCOMPARE(view.style().highlightSource, -1);
    QCOMPARE(spy.count(), 6);
    QVERIFY(!spy.at(5).at(2).toString().contains(highlight));
}

void tst_CellGraph::grabIsNotBlank()
{
    CellGraphView view;
    view.resize(900, 420);
    QSignalSpy spy(&view, &CellGraphView::renderRequested);
    // Blank before anything is drawn: only the waiting message.
    auto *svgView = view.findChild<SvgView *>(QStringLiteral("svg_normal"));
    QVERIFY(svgView);
    QVERIFY(!svgView->hasImage());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    saveGrab(view.grab().toImage(), "empty");
    const double before = inkFraction(svgView->grab().toImage());
    view.setCells(deadNodeCells());
    answerAll(view, spy);
    QVERIFY(svgView->hasImage());
    // Left-to-right drawings are wide: the cells are stacked.
    QCoreApplication::processEvents();
    QVERIFY(paneOf(view, "normal").bottom() < paneOf(view, "reduce").top());
    const QImage image = view.grab().toImage();
    saveGrab(image, "view");
    const double after = inkFraction(svgView->grab().toImage());
    QVERIFY2(after > 0.03, qPrintable(QString::number(after)));
    QVERIFY2(after > before * 3, qPrintable(QStringLiteral("%1 %2").arg(before).arg(after)));
    // Some pixel has the fill of the intermediate nodes (#fdfdb0).
    const QImage node = svgView->grab().toImage().convertToFormat(QImage::Format_RGB32);
    bool found = false;
    for (int y = 0; y < node.height() && !found; ++y) {
        for (int x = 0; x < node.width() && !found; ++x)
            found = node.pixel(x, y) == qRgb(0xfd, 0xfd, 0xb0);
    }
    QVERIFY(found);

    // Top-to-bottom drawings are tall: the cells go side by side.
    DotStyle s = view.style();
    s.horizontal = false;
    view.setStyle(s);
    QCOMPARE(spy.count(), 4);
    answerAll(view, spy);
    view.resize(900, 600);
    QCoreApplication::processEvents();
    QCOMPARE(paneOf(view, "normal").top(), paneOf(view, "reduce").top());
    QVERIFY(paneOf(view, "normal").right() < paneOf(view, "reduce").left());
    saveGrab(view.grab().toImage(), "vertical");
}

void tst_CellGraph::exportImageFormats()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    CellGraphView view;
    QString error;
    QVERIFY(!view.exportImage(dir.filePath(QStringLiteral("empty.png")), &error));
    QVERIFY(error.contains(QStringLiteral("empty.png")));

    QSignalSpy spy(&view, &CellGraphView::renderRequested);
    view.setCells(deadNodeCells());
    answerAll(view, spy);

    const QString png = dir.filePath(QStringLiteral("cells.png"));
    QVERIFY2(view.exportImage(png, &error), qPrintable(error));
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 200 && image.height() > 200);
    QVERIFY(inkFraction(image) > 0.02);
    saveGrab(image, "export");

    const QString pdf = dir.filePath(QStringLiteral("cells.pdf"));
    QVERIFY2(view.exportImage(pdf, &error), qPrintable(error));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");
    QVERIFY(pdfFile.size() > 1000);

    const QString svgPath = dir.filePath(QStringLiteral("cells.svg"));
    QVERIFY2(view.exportImage(svgPath, &error), qPrintable(error));
    QFile svgFile(svgPath);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svg = svgFile.readAll();
    const SvgTitles t = titles(svg);
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    // Both cells, each with its 6 nodes and 7 edges.
    QCOMPARE(int(t.nodes.size()), 12);
    QCOMPARE(int(t.edges.size()), 14);
    QCOMPARE(int(t.edges.count(QStringLiteral("in1->n4"))), 2);
    QVERIFY(svg.contains("Normal cell") && svg.contains("Reduction cell"));
    // The subscripts of c_{k-2}, c_{k-1}, c_{k} (3 per cell) stay standard SVG; only Qt's
    // renderer gets them moved.
    QCOMPARE(int(svg.count("baseline-shift=\"sub\"")), 6);
    // ids stay unique after the two drawings are merged.
    QRegularExpression idRe(QStringLiteral("\\sid=\"([^\"]+)\""));
    std::set<QString> ids;
    int idCount = 0;
    for (auto it = idRe.globalMatch(QString::fromUtf8(svg)); it.hasNext(); ++idCount)
        ids.insert(it.next().captured(1));
    QVERIFY(idCount > 10);
    QCOMPARE(int(ids.size()), idCount);
    // Qt's own SVG renderer reads it.
    SvgView reader;
    QVERIFY(reader.setSvg(svg));

    QVERIFY(!view.exportImage(dir.filePath(QStringLiteral("no/such/folder/x.png")), &error));
    QVERIFY(error.contains(QStringLiteral("x.png")));
}

// Early in a search every operation of every edge is alive: 14 edges x 7 operations.
std::vector<CellWeights> denseCells()
{
    std::vector<CellWeights> out;
    for (const char *type : {"normal", "reduce"}) {
        CellWeights w = emptyCell(type);
        float v = 0.01f;
        for (int target = 2; target < 6; ++target) {
            for (int source = 0; source < target; ++source) {
                for (const std::string &op : kOps) {
                    if (op != "none")
                        setPath(w, source, target, op, (int(v * 100) % 3 == 0 ? -v : v));
                    v += 0.005f;
                }
            }
        }
        out.push_back(w);
    }
    return out;
}

void tst_CellGraph::liveViewReadableEveryPathOnDemand()
{
    CellGraphView view;
    QSignalSpy spy(&view, &CellGraphView::renderRequested);
    const std::vector<CellWeights> cells = denseCells();
    QCOMPARE(countNonZeroPaths(cells[0]), 98);
    view.setCells(cells);
    QCOMPARE(spy.count(), 2);
    // By default one edge per pair of nodes, labelled with its two strongest operations.
    QString dot = spy.at(0).at(2).toString();
    SvgTitles t = titles(render(dot));
    QCOMPARE(int(t.edges.count(QStringLiteral("in0->n2"))), 1);
    QCOMPARE(int(t.edges.size()), 14 + 4); // the pairs, and the 4 nodes into the output
    QVERIFY(dot.contains(QStringLiteral("+5 more")));
    QCOMPARE(view.summary(QStringLiteral("normal")), QStringLiteral("4 of 4 nodes, 98 paths"));
    answerAll(view, spy);
    view.resize(400, 220);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    saveGrab(view.grab().toImage(), "live_merged");

    // A threshold on |A|: the weak paths leave the drawing, and the view says how many.
    auto *minAbs = view.findChild<QDoubleSpinBox *>(QStringLiteral("minAbs"));
    QVERIFY(minAbs);
    minAbs->setValue(0.4);
    QCOMPARE(spy.count(), 4);
    int weak = 0;
    for (const GenotypeEdge &e : deriveCell(cells[0]).edges)
        weak += std::fabs(e.weight) < 0.4f ? 1 : 0;
    QVERIFY(weak > 10 && weak < 98);
    QCOMPARE(view.hiddenPaths(QStringLiteral("normal")), weak);
    auto *note = view.findChild<StatusText *>(QStringLiteral("hidden_normal"));
    QVERIFY(note && note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("%1 hidden (|A| < 0.4)").arg(weak));
    QCOMPARE(note->link(), QStringLiteral("show all"));
    dot = spy.last().at(2).toString();
    QVERIFY(!dot.contains(QStringLiteral("0.01"))); // the weakest path is gone
    answerAll(view, spy);
    saveGrab(view.grab().toImage(), "live_threshold");
    // The note does not widen the view: side by side in a narrow dock, it still fits.
    QVERIFY2(view.minimumSizeHint().width() <= 400,
             qPrintable(QString::number(view.minimumSizeHint().width())));

    // The selected path stays drawn even below the threshold.
    view.highlightEdge(QStringLiteral("normal"), 0, opIndex("max_pool_3x3")); // |A| = 0.01
    QVERIFY(spy.last().at(2).toString().contains(QStringLiteral("#e31a1c")));
    QCOMPARE(view.hiddenPaths(QStringLiteral("normal")), weak - 1);
    view.highlightEdge(QString(), -1, -1);

    // Every path on demand: a click on the note's link draws all 98, one edge each.
    QTRY_VERIFY(!note->linkRect().isEmpty()); // painted
    QTest::mouseClick(note, Qt::LeftButton, {}, note->linkRect().center());
    QCOMPARE(view.drawing().minAbs, 0.0f);
    QVERIFY(!view.drawing().merge);
    QCOMPARE(minAbs->value(), 0.0);
    QVERIFY(!view.findChild<QAction *>(QStringLiteral("merge"))->isChecked());
    QVERIFY(note->isHidden());
    dot = spy.last().at(2).toString();
    t = titles(render(dot));
    QCOMPARE(int(t.edges.count(QStringLiteral("in0->n2"))), 7);
    QCOMPARE(int(t.edges.size()), 98 + 4);
    QCOMPARE(view.hiddenPaths(QStringLiteral("normal")), 0);

    // And back to merged edges from the options menu.
    view.findChild<QAction *>(QStringLiteral("merge"))->setChecked(true);
    QVERIFY(view.drawing().merge);
    QCOMPARE(int(titles(render(spy.last().at(2).toString())).edges.size()), 14 + 4);
}

void tst_CellGraph::liveViewPopsOut()
{
    QMainWindow window;
    auto *dock = new QDockWidget(QStringLiteral("Cell graph"), &window);
    auto *view = new CellGraphView;
    dock->setWidget(view);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    window.setCentralWidget(new QWidget);
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *popOut = view->findChild<QToolButton *>(QStringLiteral("popOut"));
    QVERIFY(popOut && popOut->isVisible());
    popOut->click();
    QVERIFY(dock->isFloating());
    // Most of the screen, whatever room the dock had.
    const QRect available = dock->screen()->availableGeometry();
    QTRY_VERIFY(dock->width() >= available.width() * 7 / 10 &&
                dock->height() >= available.height() * 7 / 10);
    QCOMPARE(popOut->text(), QStringLiteral("Dock"));
    popOut->click();
    QVERIFY(!dock->isFloating());
    QCOMPARE(popOut->text(), QStringLiteral("Pop out"));

    // Outside a dock there is nothing to pop out of.
    CellGraphView alone;
    alone.show();
    QVERIFY(!alone.findChild<QToolButton *>(QStringLiteral("popOut"))->isVisible());
}

void tst_CellGraph::dialogPreviewFollowsOptions()
{
    const std::vector<CellWeights> weights = deadNodeCells();
    ExportDialog dialog(deriveGenotype(weights), weights, nullptr);
    QSignalSpy spy(&dialog, &ExportDialog::previewRequested);
    QTRY_COMPARE(spy.count(), 1);
    QVERIFY(spy.at(0).at(1).toString().contains(QStringLiteral("rankdir=LR")));
    dialog.showPreview(spy.at(0).at(0).toULongLong(), render(spy.at(0).at(1).toString()),
                       QString());
    QVERIFY(!dialog.previewSvg().isEmpty());

    // A change is debounced: nothing at once, then one request with the new font size.
    auto *fontSize = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("fontSize"));
    QVERIFY(fontSize);
    fontSize->setValue(17.0);
    fontSize->setValue(18.0);
    QCOMPARE(spy.count(), 1);
    QTRY_COMPARE(spy.count(), 2);
    QTest::qWait(250);
    QCOMPARE(spy.count(), 2); // the two changes made one request
    QVERIFY(spy.at(1).at(1).toString().contains(QStringLiteral("fontsize=18")));
    QVERIFY(spy.at(1).at(0).toULongLong() > spy.at(0).at(0).toULongLong());

    auto *horizontal = dialog.findChild<QCheckBox *>(QStringLiteral("horizontal"));
    horizontal->setChecked(false);
    QTRY_COMPARE(spy.count(), 3);
    QVERIFY(!spy.at(2).at(1).toString().contains(QStringLiteral("rankdir")));

    // Cells: both in one drawing goes through genotypeToDot (clusters).
    QVERIFY(dialog.setCells(QStringLiteral("both")));
    QTRY_COMPARE(spy.count(), 4);
    QVERIFY(spy.at(3).at(1).toString().contains(QStringLiteral("cluster_reduce")));
    QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("showDead"))->isEnabled());

    QVERIFY(dialog.setCells(QStringLiteral("normal")));
    dialog.findChild<QCheckBox *>(QStringLiteral("showDead"))->setChecked(true);
    QTRY_COMPARE(spy.count(), 5);
    QVERIFY(containsNode(spy.at(4).at(1).toString(), QStringLiteral("n3")));

    // The format does not change the drawing: no new preview.
    QVERIFY(dialog.setFormat(QStringLiteral("png")));
    QTest::qWait(250);
    QCOMPARE(spy.count(), 5);

    // A preview with the picture for the look-over.
    dialog.showPreview(spy.at(4).at(0).toULongLong(), render(spy.at(4).at(1).toString()),
                       QString());
    dialog.resize(1100, 640);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    saveGrab(dialog.grab().toImage(), "dialog");
}

void tst_CellGraph::dialogStalePreviewDropped()
{
    const std::vector<CellWeights> weights = deadNodeCells();
    ExportDialog dialog(deriveGenotype(weights), weights, nullptr);
    QSignalSpy spy(&dialog, &ExportDialog::previewRequested);
    QTRY_COMPARE(spy.count(), 1);
    dialog.findChild<QCheckBox *>(QStringLiteral("showOpLabels"))->setChecked(false);
    QTRY_COMPARE(spy.count(), 2);
    QVERIFY(!spy.at(1).at(1).toString().contains(QStringLiteral("sep_conv_3x3")));
    QVERIFY(spy.at(0).at(1).toString().contains(QStringLiteral("sep_conv_3x3")));

    const QByteArray oldSvg = render(spy.at(0).at(1).toString());
    const QByteArray newSvg = render(spy.at(1).at(1).toString());
    dialog.showPreview(spy.at(0).at(0).toULongLong(), oldSvg, QString());
    QVERIFY(dialog.previewSvg().isEmpty());
    dialog.showPreview(spy.at(1).at(0).toULongLong(), newSvg, QString());
    QCOMPARE(dialog.previewSvg(), newSvg);
    dialog.showPreview(spy.at(0).at(0).toULongLong(), oldSvg, QString());
    QCOMPARE(dialog.previewSvg(), newSvg);
}

void tst_CellGraph::dialogRequestAndValidation()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::vector<CellWeights> weights = deadNodeCells();
    ExportDialog dialog(deriveGenotype(weights), weights, nullptr);
    auto *exportButton = dialog.findChild<QPushButton *>(QStringLiteral("exportButton"));
    QVERIFY(exportButton);

    dialog.setPath(QString());
    QVERIFY(!exportButton->isEnabled());
    QVERIFY(!dialog.problem().isEmpty());

    dialog.setPath(dir.filePath(QStringLiteral("missing/cell.svg")));
    QVERIFY(!exportButton->isEnabled());
    QVERIFY(dialog.problem().contains(QStringLiteral("missing")));

    dialog.setPath(dir.filePath(QStringLiteral("cell.svg")));
    QVERIFY(exportButton->isEnabled());
    QVERIFY(dialog.problem().isEmpty());

    auto *dpi = dialog.findChild<QSpinBox *>(QStringLiteral("dpi"));
    QVERIFY(!dpi->isEnabled());
    QVERIFY(dialog.setFormat(QStringLiteral("png")));
    QVERIFY(dpi->isEnabled());
    dpi->setValue(600);
    QVERIFY(dialog.setCells(QStringLiteral("reduce")));

    const ExportRequest r = dialog.request();
    QCOMPARE(r.format, QStringLiteral("png"));
    QCOMPARE(r.path, dir.filePath(QStringLiteral("cell.png"))); // suffix follows the format
    QCOMPARE(r.dpi, 600.0);
    QCOMPARE(r.cells, QStringLiteral("reduce"));
    QVERIFY(r.dot.startsWith(QStringLiteral("digraph reduce")));
    QCOMPARE(r.style.fontSize, DotStyle().fontSize);

    QVERIFY(dialog.setFormat(QStringLiteral("json")));
    QCOMPARE(dialog.request().path, dir.filePath(QStringLiteral("cell.json")));
    QVERIFY(!dpi->isEnabled());
    // JSON holds the whole genotype, no drawing: the style and the cell choice do not apply.
    QVERIFY(!dialog.findChild<QComboBox *>(QStringLiteral("cells"))->isEnabled());
    QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("horizontal"))->isEnabled());
    QVERIFY(dialog.setFormat(QStringLiteral("dot")));
    QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("horizontal"))->isEnabled());
    QVERIFY(!dialog.setFormat(QStringLiteral("bmp")));
    QCOMPARE(dialog.formats(), QStringList{QStringLiteral("dot")});

    // No format at all: nothing to export.
    dialog.findChild<QCheckBox *>(QStringLiteral("format_dot"))->setChecked(false);
    QVERIFY(!exportButton->isEnabled());
    QVERIFY(!dialog.problem().isEmpty());
}

void tst_CellGraph::dialogAsksWhenSuffixDisagrees()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::vector<CellWeights> weights = deadNodeCells();
    ExportDialog dialog(deriveGenotype(weights), weights, nullptr);
    auto *exportButton = dialog.findChild<QPushButton *>(QStringLiteral("exportButton"));
    auto *fix = dialog.findChild<QPushButton *>(QStringLiteral("fixSuffix"));
    QVERIFY(exportButton && fix);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    // DOT text typed into "normal.png": refused, with the right name offered.
    QVERIFY(dialog.setFormat(QStringLiteral("dot")));
    dialog.setPath(dir.filePath(QStringLiteral("normal.png")));
    QVERIFY(!exportButton->isEnabled());
    QVERIFY2(dialog.problem().contains(QStringLiteral("normal.png")), qPrintable(dialog.problem()));
    QVERIFY(fix->isVisible());
    QVERIFY(fix->text().contains(QStringLiteral("normal.dot")));
    QTest::mouseClick(fix, Qt::LeftButton);
    QCOMPARE(dialog.request().path, dir.filePath(QStringLiteral("normal.dot")));
    QVERIFY(exportButton->isEnabled());
    QVERIFY(!fix->isVisible());

    // A suffix the format accepts stays as typed; a name without one gets the format's.
    dialog.setPath(dir.filePath(QStringLiteral("cell.gv")));
    QVERIFY(dialog.problem().isEmpty());
    QCOMPARE(dialog.request().path, dir.filePath(QStringLiteral("cell.gv")));
    dialog.setPath(dir.filePath(QStringLiteral("figure")));
    QVERIFY(dialog.problem().isEmpty());
    QCOMPARE(dialog.request().path, dir.filePath(QStringLiteral("figure.dot")));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("targets"))
                ->text()
                .contains(QStringLiteral("figure.dot")));

    // Choosing another format (not typing) moves a format suffix along.
    dialog.setPath(dir.filePath(QStringLiteral("normal.dot")));
    dialog.findChild<QCheckBox *>(QStringLiteral("format_pdf"))->setChecked(true);
    dialog.findChild<QCheckBox *>(QStringLiteral("format_dot"))->setChecked(false);
    QCOMPARE(dialog.request().path, dir.filePath(QStringLiteral("normal.pdf")));
    QVERIFY(dialog.problem().isEmpty());
}

void tst_CellGraph::dialogSeveralFormatsInOneGo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::vector<CellWeights> full = {dartsWeights("normal"), dartsWeights("reduce")};
    ExportDialog dialog(deriveGenotype(full), full, nullptr);
    QSignalSpy exports(&dialog, &ExportDialog::exportRequested);
    QVERIFY(dialog.setFormats({QStringLiteral("svg"), QStringLiteral("png"), QStringLiteral("json"),
                               QStringLiteral("darts"), QStringLiteral("ptdarts")}));
    dialog.setPath(dir.filePath(QStringLiteral("fig.svg")));
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    const std::vector<ExportRequest> rs = dialog.requests();
    QStringList paths;
    for (const ExportRequest &r : rs)
        paths << QFileInfo(r.path).fileName();
    // One file per format; the two genotype texts do not overwrite each other.
    QCOMPARE(paths, (QStringList{QStringLiteral("fig.svg"), QStringLiteral("fig.png"),
                                 QStringLiteral("fig.json"), QStringLiteral("fig.txt"),
                                 QStringLiteral("fig_ptdarts.txt")}));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("targets"))
                ->text()
                .contains(QStringLiteral("fig_ptdarts.txt")));

    // Export keeps the dialog open for the next one, and shows what was written.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("exportButton")),
                      Qt::LeftButton);
    QCOMPARE(exports.count(), 1);
    QVERIFY(dialog.isVisible());
    dialog.showExportResult(true, QStringLiteral("Wrote fig.svg"));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("result"))->text(),
             QStringLiteral("Wrote fig.svg"));
    QVERIFY(dialog.setFormat(QStringLiteral("pdf")));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("exportButton")),
                      Qt::LeftButton);
    QCOMPARE(exports.count(), 2);
    QCOMPARE(dialog.request().path, dir.filePath(QStringLiteral("fig.pdf")));
    QVERIFY(dialog.isVisible());
}

void tst_CellGraph::dialogDartsAvailability()
{
    const std::vector<CellWeights> dead = deadNodeCells();
    ExportDialog deadDialog(deriveGenotype(dead), dead, nullptr);
    auto *darts = deadDialog.findChild<QCheckBox *>(QStringLiteral("format_darts"));
    QVERIFY(darts);
    QVERIFY(!darts->isEnabled());
    std::string whyNot;
    QVERIFY(!toDartsText(deriveGenotype(dead), &whyNot));
    QVERIFY(darts->toolTip().contains(QString::fromStdString(whyNot)));
    QVERIFY(!deadDialog.setFormat(QStringLiteral("darts")));
    // The reason is on the form, not only in a tooltip of a greyed-out entry; pt.darts's form
    // takes the cell.
    auto *note = deadDialog.findChild<QLabel *>(QStringLiteral("formatNote"));
    QVERIFY(note && !note->isHidden());
    QVERIFY2(note->text().contains(QString::fromStdString(whyNot)), qPrintable(note->text()));
    QVERIFY(note->text().contains(QStringLiteral("pt.darts")));
    auto *ptdarts = deadDialog.findChild<QCheckBox *>(QStringLiteral("format_ptdarts"));
    QVERIFY(ptdarts && ptdarts->isEnabled());
    QVERIFY(deadDialog.setFormat(QStringLiteral("ptdarts")));
    QVERIFY(deadDialog.isAvailable(QStringLiteral("ptdarts")));

    const std::vector<CellWeights> full = {dartsWeights("normal"), dartsWeights("reduce")};
    ExportDialog fullDialog(deriveGenotype(full), full, nullptr);
    QVERIFY(fullDialog.findChild<QLabel *>(QStringLiteral("formatNote"))->isHidden());
    QVERIFY(fullDialog.setFormat(QStringLiteral("darts")));
    // DARTS text typed into "genotype.svg" is not written there.
    fullDialog.setPath(QDir::temp().filePath(QStringLiteral("genotype.svg")));
    QVERIFY(!fullDialog.problem().isEmpty());
    QVERIFY(fullDialog.setFormat(QStringLiteral("dot")));
    QVERIFY(fullDialog.setFormat(QStringLiteral("darts")));
    QCOMPARE(fullDialog.request().path, QDir::temp().filePath(QStringLiteral("genotype.txt")));
    QVERIFY(fullDialog.problem().isEmpty());
}

void tst_CellGraph::dialogWeightDecimals()
{
    CellWeights w = emptyCell("normal");
    setPath(w, 0, 2, "sep_conv_3x3", 0.5f);
    setPath(w, 1, 2, "skip_connect", -5.8e-4f);
    setPath(w, 1, 2, "max_pool_3x3", 0.125f);
    const std::vector<CellWeights> weights = {w};
    ExportDialog dialog(deriveGenotype(weights), weights, nullptr);
    QSignalSpy spy(&dialog, &ExportDialog::previewRequested);
    QTRY_COMPARE(spy.count(), 1);
    auto *decimals = dialog.findChild<QSpinBox *>(QStringLiteral("weightDecimals"));
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("decimalsNote"));
    QVERIFY(decimals && note);
    QCOMPARE(decimals->value(), 2);
    // At 2 decimals the tiny weight cannot be written as fixed: the dialog says what happens
    // and which setting writes every weight in fixed notation; the sign stays.
    QVERIFY(spy.last().at(1).toString().contains(QStringLiteral("-5.8e-04")));
    QVERIFY(!note->isHidden());
    QVERIFY2(note->text().contains(QStringLiteral("-5.8e-04")), qPrintable(note->text()));
    QVERIFY(note->text().contains(QStringLiteral("0.005")));
    QVERIFY(note->text().contains(QStringLiteral("3 decimals")));          // -0.001
    QVERIFY(spy.last().at(1).toString().contains(QStringLiteral("0.12"))); // fixed, 2 decimals
    QVERIFY(!spy.last().at(1).toString().contains(QStringLiteral("0.125")));

    decimals->setValue(4);
    QTRY_COMPARE(spy.count(), 2);
    QVERIFY(note->isHidden());
    QVERIFY(spy.last().at(1).toString().contains(QStringLiteral("-0.0006")));
    QVERIFY(spy.last().at(1).toString().contains(QStringLiteral("0.1250")));

    // The compact drawing writes its weights the same way.
    dialog.findChild<QCheckBox *>(QStringLiteral("merge"))->setChecked(true);
    QTRY_COMPARE(spy.count(), 3);
    QVERIFY(spy.last().at(1).toString().contains(QStringLiteral("skip_connect -0.0006")));
    QCOMPARE(diagramWeight(-5.8e-4f, 2), QStringLiteral("-5.8e-04"));
    QCOMPARE(diagramWeight(-0.25f, 1), QStringLiteral("-0.2")); // fixed, rounded half to even
    QCOMPARE(decimalsForFixed({0.5f, -5.8e-4f}), 3);
    QCOMPARE(decimalsForFixed({0.5f, -4.9e-4f}), 4);
}

void tst_CellGraph::dialogDrawingOptions()
{
    // Two operations on c_{k-1} -> 0: one edge each, or one merged edge listing both.
    CellWeights w = deadNodeWeights("normal");
    setPath(w, 1, 2, "max_pool_3x3", -0.45f);
    const std::vector<CellWeights> weights = {w, deadNodeWeights("reduce")};
    ExportDialog dialog(deriveGenotype(weights), weights, nullptr);
    QSignalSpy spy(&dialog, &ExportDialog::previewRequested);
    QTRY_COMPARE(spy.count(), 1);
    const auto edges = [](const QString &dot) { return titles(render(dot)).edges; };
    QCOMPARE(int(edges(spy.last().at(1).toString()).count(QStringLiteral("in1->n2"))), 2);

    dialog.findChild<QCheckBox *>(QStringLiteral("merge"))->setChecked(true);
    QTRY_COMPARE(spy.count(), 2);
    QString dot = spy.last().at(1).toString();
    QCOMPARE(int(edges(dot).count(QStringLiteral("in1->n2"))), 1);
    // Strongest first, each in its operation's colour, signs kept.
    QVERIFY2(dot.contains(QStringLiteral("<font color=\"%1\">max_pool_3x3 -0.45</font><br/>"
                                         "<font color=\"%2\">skip_connect 0.30</font>")
                              .arg(QString::fromStdString(opColor("max_pool_3x3")),
                                   QString::fromStdString(opColor("skip_connect")))),
             qPrintable(dot));
    // The other pairs (one operation each) are drawn as before.
    QCOMPARE(int(edges(dot).size()), int(edges(spy.at(0).at(1).toString()).size()) - 1);

    // A legend of exactly the operations drawn.
    dialog.findChild<QCheckBox *>(QStringLiteral("legend"))->setChecked(true);
    QTRY_COMPARE(spy.count(), 3);
    dot = spy.last().at(1).toString();
    QVERIFY(dot.contains(QStringLiteral("cluster_legend")));
    saveDot(dot, "merged_legend");
    const CellGenotype cell = deriveCell(w);
    std::set<std::string> drawnOps;
    for (const GenotypeEdge &e : cell.edges)
        drawnOps.insert(e.op);
    // One entry per operation drawn, none for the others.
    std::set<std::string> listed;
    static const QRegularExpression entry(QStringLiteral("legend_\\d+b \\[label=\"([a-z_0-9]+)"));
    for (auto it = entry.globalMatch(dot); it.hasNext();)
        listed.insert(it.next().captured(1).toStdString());
    QCOMPARE(listed, drawnOps);
    QCOMPARE(int(dot.count(QStringLiteral(" -> legend_"))), int(drawnOps.size()) + 1);
    QVERIFY(titles(render(dot)).error.isEmpty());

    // Monochrome: no operation colour anywhere, the operations told apart by line style.
    dialog.findChild<QCheckBox *>(QStringLiteral("merge"))->setChecked(false);
    dialog.findChild<QCheckBox *>(QStringLiteral("monochrome"))->setChecked(true);
    QTRY_COMPARE(spy.count(), 4);
    dot = spy.last().at(1).toString();
    for (const std::string &op : kOps)
        QVERIFY2(!dot.contains(QString::fromStdString(opColor(op))), op.c_str());
    QVERIFY(dot.contains(QStringLiteral("style=\"dotted\""))); // the pools
    QVERIFY(dot.contains(QStringLiteral("style=\"dashed\""))); // the skip connection
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("nodeFill"))->isEnabled());
    QCOMPARE(int(edges(dot).count(QStringLiteral("in1->n2"))), 2);
    const QByteArray svg = render(dot);
    QVERIFY(titles(svg).error.isEmpty());
    saveDot(dot, "monochrome_legend");

    // Both cells in one drawing take the options too.
    QVERIFY(dialog.setCells(QStringLiteral("both")));
    dialog.findChild<QCheckBox *>(QStringLiteral("merge"))->setChecked(true);
    QTRY_VERIFY(spy.last().at(1).toString().contains(QStringLiteral("cluster_reduce")));
    dot = spy.last().at(1).toString();
    QCOMPARE(int(edges(dot).count(QStringLiteral("normal_in1->normal_n2"))), 1);
    QVERIFY(dot.contains(QStringLiteral("cluster_legend")));
    saveDot(dot, "both_monochrome_merged");
    QVERIFY(titles(render(dot)).error.isEmpty());
}

void tst_CellGraph::dialogSettingsPersist()
{
    const std::vector<CellWeights> weights = deadNodeCells();
    {
        ExportDialog dialog(deriveGenotype(weights), weights, nullptr);
        DotStyle s = dialog.style();
        QCOMPARE(s.fontSize, DotStyle().fontSize);
        s.fontSize = 9.5;
        s.horizontal = false;
        s.nodeFill = "#123456";
        dialog.setStyle(s);
        QVERIFY(dialog.setFormat(QStringLiteral("pdf")));
        dialog.saveSettings();
    }
    ExportDialog again(deriveGenotype(weights), weights, nullptr);
    const DotStyle s = again.style();
    QCOMPARE(s.fontSize, 9.5);
    QCOMPARE(s.horizontal, false);
    QCOMPARE(s.nodeFill, std::string("#123456"));
    QCOMPARE(again.request().format, QStringLiteral("pdf"));
    QCOMPARE(again.findChild<QPushButton *>(QStringLiteral("nodeFill"))->text(),
             QStringLiteral("#123456"));
}

void tst_CellGraph::dialogFitsALowScreen()
{
    // A projector's 1024 x 700 (the test platform's screen is lower still): the form scrolls,
    // the dialog stays on the screen, the file name and the Export button within reach.
    const std::vector<CellWeights> weights = deadNodeCells();
    ExportDialog dialog(deriveGenotype(weights), weights, nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QRect screen = dialog.screen()->availableGeometry();
    QVERIFY2(dialog.height() <= screen.height() && dialog.width() <= screen.width(),
             qPrintable(QStringLiteral("%1 x %2 on %3 x %4")
                            .arg(dialog.width())
                            .arg(dialog.height())
                            .arg(screen.width())
                            .arg(screen.height())));
    auto *exportButton = dialog.findChild<QPushButton *>(QStringLiteral("exportButton"));
    QVERIFY(dialog.rect().contains(
        QRect(exportButton->mapTo(&dialog, QPoint(0, 0)), exportButton->size())));
    auto *scroll = dialog.findChild<QScrollArea *>(QStringLiteral("formScroll"));
    QVERIFY(scroll);
    auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("path"));
    scroll->ensureWidgetVisible(path);
    QVERIFY(scroll->viewport()->rect().contains(
        QRect(path->mapTo(scroll->viewport(), QPoint(0, 0)), path->size())));
}

QTEST_MAIN(tst_CellGraph)
#include "tst_cellgraph.moc"
