// SPDX-License-Identifier: MIT
// The architecture-weight heatmaps and the run log, offscreen. Expected colours, indices and
// texts follow from hand-made matrices of known values; nothing is compared with earlier output.
// With SPARSENAS_GRAB_DIR set, realisticGrabs() also saves screenshots there for a human to look
// at.

#include "archweightsview.h"
#include "cellheatmap.h"
#include "colormaps.h"
#include "logview.h"
#include "statustext.h"

#include <QAbstractItemModel>
#include <QFile>
#include <QFont>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>
#include <QXmlStreamReader>

#include <set>

using namespace sparsenas;

namespace {

const std::vector<std::string> kDartsOps = {"none",         "max_pool_3x3", "avg_pool_3x3",
                                            "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
                                            "dil_conv_3x3", "dil_conv_5x5"};
constexpr int kEdges = 14; // 4 intermediate nodes: 2 + 3 + 4 + 5 edges

// Known entries of the test matrix (edge, op, value); every other entry is 0.02.
constexpr int kPosEdge = 0, kPosOp = 4;   // +0.3, the largest |A| outside "none"
constexpr int kNegEdge = 1, kNegOp = 6;   // -0.3
constexpr int kTinyEdge = 2, kTinyOp = 3; // 1e-6
constexpr int kZeroEdge = 3, kZeroOp = 5; // exactly 0
constexpr int kNoneEdge = 1;              // "none" column at +0.3

CellSnapshot makeCell(const std::string &type, float fill = 0.02f)
{
    CellSnapshot c;
    c.weights.type = type;
    c.weights.nodes = 4;
    c.weights.ops = kDartsOps;
    c.weights.weights.assign(size_t(kEdges) * kDartsOps.size(), fill);
    auto set = [&](int e, int o, float v) { c.weights.weights[size_t(e) * 8 + size_t(o)] = v; };
    set(kPosEdge, kPosOp, 0.3f);
    set(kNegEdge, kNegOp, -0.3f);
    set(kTinyEdge, kTinyOp, 1e-6f);
    set(kZeroEdge, kZeroOp, 0.0f);
    set(kNoneEdge, 0, 0.3f);
    set(4, 7, 0.01234f);
    c.aliveNodes = {2, 3, 4}; // node 5 (edges 9..13) is dead
    return c;
}

QColor pixelAt(const QImage &image, QPointF p)
{
    return image.pixelColor(p.toPoint());
}

QImage grabOf(QWidget &w)
{
    return w.grab().toImage().convertToFormat(QImage::Format_RGB32);
}

} // namespace

/// Counts the layout requests an object receives (install it as an event filter).
struct LayoutCounter : QObject
{
    int requests = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        requests += event->type() == QEvent::LayoutRequest ? 1 : 0;
        return false;
    }
};

class tst_Views : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void heatmapColours();
    void heatmapMutedNoneAndDeadRows();
    void heatmapEntryAt();
    void heatmapToolTip();
    void heatmapClickAndHighlight();
    void heatmapScaleAndRepaint();
    void viewTakesLatestCells();
    void viewClickAndHighlight();
    void viewStepsDoNotRelayOut();
    void statusTextLinkNeedsNoLayout();
    void viewExports_data();
    void viewExports();
    void viewExportFailures();
    void logFilter();
    void logSaveAndExport();
    void logBounded();
    void logErrorsStandOut();
    void realisticGrabs();
};

void tst_Views::heatmapColours()
{
    CellHeatmap map;
    map.resize(640, 420);
    map.setWeights(makeCell("normal"));
    QCOMPARE(map.scale(), double(0.3f)); // "none" (also 0.3) does not set the scale
    const QImage img = grabOf(map);

    const QColor zero = pixelAt(img, map.entryRect(kZeroEdge, kZeroOp).center());
    QVERIFY2(zero.rgb() == exactZeroColor().rgb() || zero.rgb() == CellHeatmap::hatchColor().rgb(),
             qPrintable(zero.name()));

    const QColor tiny = pixelAt(img, map.entryRect(kTinyEdge, kTinyOp).center());
    QVERIFY2(tiny.red() >= 235 && tiny.green() >= 235 && tiny.blue() >= 235,
             qPrintable(tiny.name()));

    const QColor pos = pixelAt(img, map.entryRect(kPosEdge, kPosOp).center());
    QVERIFY2(pos.red() > pos.green() + 80 && pos.red() > pos.blue() + 80, qPrintable(pos.name()));
    const QColor neg = pixelAt(img, map.entryRect(kNegEdge, kNegOp).center());
    QVERIFY2(neg.blue() > neg.red() + 80 && neg.blue() > neg.green() + 30, qPrintable(neg.name()));

    // A small positive value is pale red, lighter than the maximum.
    const QColor small = pixelAt(img, map.entryRect(5, 4).center()); // 0.02
    QVERIFY2(small.red() > small.blue() && small.lightness() > pos.lightness(),
             qPrintable(small.name()));
}

void tst_Views::heatmapMutedNoneAndDeadRows()
{
    CellHeatmap map;
    map.resize(640, 420);
    map.setWeights(makeCell("normal"));
    const QImage img = grabOf(map);

    // "none" at +0.3 is drawn muted: much less saturated than sep_conv_3x3 at +0.3.
    const QColor none = pixelAt(img, map.entryRect(kNoneEdge, 0).center());
    const QColor full = pixelAt(img, map.entryRect(kPosEdge, kPosOp).center());
    QVERIFY2(none.red() - none.blue() < (full.red() - full.blue()) / 2,
             qPrintable(none.name() + QLatin1Char(' ') + full.name()));

    // Row labels: the darkest pixel of a dead row's label is much lighter than an alive one's.
    auto darkest = [&](int edge) {
        const QRectF cell = map.entryRect(edge, 0);
        int minLight = 255;
        for (int y = int(cell.top()) + 1; y < int(cell.bottom()) - 1; ++y)
            for (int x = 0; x < int(cell.left()) - 1; ++x)
                minLight = std::min(minLight, img.pixelColor(x, y).lightness());
        return minLight;
    };
    const int alive = darkest(0), dead = darkest(12);
    QVERIFY2(alive < 100 && dead > alive + 60,
             qPrintable(QStringLiteral("alive %1 dead %2").arg(alive).arg(dead)));
}

void tst_Views::heatmapEntryAt()
{
    CellHeatmap map;
    map.resize(600, 400);
    QVERIFY(!map.entryAt(QPoint(300, 200))); // no data yet
    map.setWeights(makeCell("normal"));
    const std::pair<int, int> entries[] = {{0, 0}, {0, 7}, {5, 3}, {8, 2}, {9, 0}, {13, 7}};
    for (const auto &[e, o] : entries) {
        const QRectF r = map.entryRect(e, o);
        QVERIFY(!r.isEmpty());
        const auto hit = map.entryAt(r.center().toPoint());
        QVERIFY2(hit && *hit == std::make_pair(e, o),
                 qPrintable(QStringLiteral("(%1,%2)").arg(e).arg(o)));
    }
    // Rows go down, columns go right, and the matrix leaves room for labels and the colour bar.
    QVERIFY(map.entryRect(1, 0).top() > map.entryRect(0, 0).top());
    QVERIFY(map.entryRect(0, 1).left() > map.entryRect(0, 0).left());
    QVERIFY(map.entryRect(0, 0).left() > 30);
    QVERIFY(map.entryRect(0, 7).right() < map.width() - 30);
    QVERIFY(!map.entryAt(QPoint(2, 2)));                              // corner, labels
    QVERIFY(!map.entryAt(QPoint(map.width() - 3, map.height() / 2))); // colour bar
    QVERIFY(!map.entryAt(QPoint(map.width() / 2, 2)));                // op headers
    QVERIFY(map.entryRect(14, 0).isEmpty());
}

void tst_Views::heatmapToolTip()
{
    CellHeatmap map;
    map.setWeights(makeCell("normal"));
    const QString t = map.toolTipFor(4, 7);
    QVERIFY2(t.contains(QStringLiteral("0.01234")), qPrintable(t));
    QVERIFY2(t.contains(QStringLiteral("dil_conv_5x5")), qPrintable(t));
    QVERIFY2(t.contains(edgeName(4)), qPrintable(t));
    const QString z = map.toolTipFor(kZeroEdge, kZeroOp);
    QVERIFY2(z.contains(QStringLiteral("exactly 0")), qPrintable(z));
    QVERIFY2(!z.contains(QStringLiteral("A =")), qPrintable(z));
    QVERIFY2(map.toolTipFor(kTinyEdge, kTinyOp).contains(QStringLiteral("1e-06")),
             qPrintable(map.toolTipFor(kTinyEdge, kTinyOp)));
    QVERIFY(map.toolTipFor(kNegEdge, kNegOp).contains(QStringLiteral("-0.3")));
    QVERIFY(map.toolTipFor(12, 1).contains(QStringLiteral("removed"))); // dead node 5
    QVERIFY(!map.toolTipFor(5, 1).contains(QStringLiteral("removed")));
    QVERIFY(map.toolTipFor(14, 0).isEmpty());
}

void tst_Views::heatmapClickAndHighlight()
{
    CellHeatmap map;
    map.resize(600, 400);
    map.setWeights(makeCell("normal"));
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QSignalSpy spy(&map, &CellHeatmap::entryClicked);
    QTest::mouseClick(&map, Qt::LeftButton, {}, map.entryRect(5, 2).center().toPoint());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 5);
    QCOMPARE(spy.at(0).at(1).toInt(), 2);
    QTest::mouseClick(&map, Qt::LeftButton, {}, QPoint(2, 2));
    QCOMPARE(spy.count(), 1);

    const QImage before = grabOf(map);
    map.setHighlight(6, 1);
    QCOMPARE(map.highlight(), std::make_pair(6, 1));
    const QImage framed = grabOf(map);
    const QRectF r = map.entryRect(6, 1);
    const QColor border = pixelAt(framed, r.topLeft() + QPointF(-1, r.height() / 2));
    QVERIFY2(border.lightness() < 40, qPrintable(border.name()));
    QVERIFY(pixelAt(before, r.topLeft() + QPointF(-1, r.height() / 2)).lightness() > 150);
    map.setHighlight(-1, 3);
    QCOMPARE(map.highlight(), std::make_pair(-1, -1));
    QCOMPARE(grabOf(map), before);
}

void tst_Views::heatmapScaleAndRepaint()
{
    CellHeatmap map;
    map.resize(600, 400);
    const QImage empty = grabOf(map);
    map.setWeights(makeCell("normal"));
    const QImage first = grabOf(map);
    std::set<QRgb> colours;
    for (int y = 0; y < first.height(); y += 3)
        for (int x = 0; x < first.width(); x += 3)
            colours.insert(first.pixel(x, y));
    QVERIFY2(colours.size() > 10, qPrintable(QString::number(colours.size())));
    QVERIFY(first != empty);

    // Locking keeps 0.3; the new matrix's own scale would be 0.1.
    CellSnapshot smaller = makeCell("normal");
    for (float &v : smaller.weights.weights)
        v /= 3.0f;
    map.setScaleLocked(true);
    map.setWeights(smaller);
    QCOMPARE(map.scale(), double(0.3f));
    map.setScaleLocked(false);
    QCOMPARE(map.scale(), double(0.3f / 3.0f));
    const QImage second = grabOf(map);
    QVERIFY(second != first);
    // Same relative values, same colours at the extremes once the scale follows the data.
    QCOMPARE(pixelAt(second, map.entryRect(kPosEdge, kPosOp).center()),
             pixelAt(first, map.entryRect(kPosEdge, kPosOp).center()));

    map.setShowValues(true);
    QVERIFY(grabOf(map) != second);
    map.clear();
    QVERIFY(!map.hasWeights());
    QCOMPARE(grabOf(map), empty);
}

void tst_Views::viewTakesLatestCells()
{
    ArchWeightsView view;
    view.resize(1100, 480);
    CellHeatmap *normal = view.heatmap(QStringLiteral("normal"));
    CellHeatmap *reduce = view.heatmap(QStringLiteral("reduce"));
    QVERIFY(normal && reduce && normal != reduce);
    QVERIFY(!view.heatmap(QStringLiteral("other")));

    Snapshot a;
    a.step = 10;
    a.cells = {makeCell("normal", 0.02f), makeCell("reduce", 0.05f)};
    Snapshot b = a;
    b.step = 11;
    b.cells = {makeCell("normal", 0.07f), makeCell("reduce", 0.08f)};
    view.addSnapshots({a, b});
    QCOMPARE(normal->cell().weights.at(5, 1), 0.07f); // the later of the batch
    QCOMPARE(reduce->cell().weights.at(5, 1), 0.08f);
    const QImage shown = grabOf(view);

    Snapshot noCells;
    noCells.step = 20;
    view.addSnapshots({noCells});
    QCOMPARE(normal->cell().weights.at(5, 1), 0.07f);
    QCOMPARE(grabOf(view), shown);

    EpochSummary epoch;
    epoch.step = 30;
    epoch.epoch = 2;
    epoch.cells = {makeCell("normal", 0.11f), makeCell("reduce", 0.12f)};
    view.addEpoch(epoch);
    QCOMPARE(normal->cell().weights.at(5, 1), 0.11f);
    QCOMPARE(reduce->cell().weights.at(5, 1), 0.12f);
    QVERIFY(grabOf(view) != shown);

    EpochSummary stale = epoch; // older than what is shown: dropped
    stale.step = 5;
    stale.cells = {makeCell("normal", 0.2f)};
    view.addEpoch(stale);
    QCOMPARE(normal->cell().weights.at(5, 1), 0.11f);

    view.clearRun();
    QVERIFY(!normal->hasWeights() && !reduce->hasWeights());
    view.addEpoch(stale); // a new run starts from scratch
    QCOMPARE(normal->cell().weights.at(5, 1), 0.2f);
}

void tst_Views::viewClickAndHighlight()
{
    ArchWeightsView view;
    view.resize(1100, 480);
    Snapshot s;
    s.step = 1;
    s.cells = {makeCell("normal"), makeCell("reduce")};
    view.addSnapshots({s});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    CellHeatmap *normal = view.heatmap(QStringLiteral("normal"));
    CellHeatmap *reduce = view.heatmap(QStringLiteral("reduce"));

    QSignalSpy spy(&view, &ArchWeightsView::entrySelected);
    QTest::mouseClick(reduce, Qt::LeftButton, {}, reduce->entryRect(7, 6).center().toPoint());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("reduce"));
    QCOMPARE(spy.at(0).at(1).toInt(), 7);
    QCOMPARE(spy.at(0).at(2).toInt(), 6);
    QCOMPARE(reduce->highlight(), std::make_pair(7, 6));

    view.highlight(QStringLiteral("normal"), 2, 3);
    QCOMPARE(normal->highlight(), std::make_pair(2, 3));
    QCOMPARE(reduce->highlight(), std::make_pair(-1, -1));
    view.highlight(QStringLiteral("normal"), -1, -1);
    QCOMPARE(normal->highlight(), std::make_pair(-1, -1));

    view.setScaleLocked(true);
    QVERIFY(normal->isScaleLocked() && reduce->isScaleLocked());
    view.setShowValues(true);
    QVERIFY(normal->showValues() && reduce->showValues());
}

void tst_Views::viewStepsDoNotRelayOut()
{
    // A new A of the same shape every step changes nothing the layout uses: the view must not
    // ask its parent for a new layout (each one climbed to the main window: 170 main-window
    // layouts in bench_gui's 17 s run, up to 27 ms each).
    LayoutCounter counter;
    QWidget dock;
    auto *layout = new QVBoxLayout(&dock);
    auto *view = new ArchWeightsView(&dock);
    layout->addWidget(view);
    dock.resize(1100, 480);
    Snapshot first;
    first.step = 1;
    first.cells = {makeCell("normal", 0.02f), makeCell("reduce", 0.05f)};
    view->addSnapshots({first});
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QCoreApplication::processEvents();
    dock.installEventFilter(&counter);
    for (int step = 2; step < 8; ++step) {
        Snapshot s;
        s.step = step;
        s.epoch = step / 3;
        s.cells = {makeCell("normal", 0.02f * float(step)),
                   makeCell("reduce", 0.01f * float(step))};
        view->addSnapshots({s});
        QCoreApplication::processEvents();
    }
    QCOMPARE(counter.requests, 0);
    QCOMPARE(view->heatmap(QStringLiteral("normal"))->cell().weights.at(5, 1), 0.02f * 7.0f);
}

void tst_Views::statusTextLinkNeedsNoLayout()
{
    // The cell graph's "n hidden (|A| < t) · show all": a new count repaints the line and asks
    // its parent for no layout (as a rich-text QLabel did, each time the count changed); the link
    // stays whole where the text is elided, and a click or Enter activates it.
    LayoutCounter counter;
    QWidget dock;
    auto *layout = new QVBoxLayout(&dock);
    auto *note = new StatusText(1, &dock);
    note->setLink(QStringLiteral("show all"));
    layout->addWidget(note);
    layout->addStretch(1);
    dock.resize(220, 80);
    note->setText(QStringLiteral("3 hidden (|A| < 0.1)"));
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QCoreApplication::processEvents();
    dock.installEventFilter(&counter);
    for (int hidden = 4; hidden < 200; hidden *= 3) {
        note->setText(QStringLiteral("%1 hidden (|A| < 0.1), a long explanation that needs eliding")
                          .arg(hidden));
        QCoreApplication::processEvents();
    }
    QCOMPARE(counter.requests, 0);

    note->repaint();
    const QFontMetrics fm = note->fontMetrics();
    QCOMPARE(note->linkRect().width(), fm.horizontalAdvance(QStringLiteral("show all")));
    QVERIFY2(note->linkRect().right() <= note->contentsRect().right(),
             qPrintable(QStringLiteral("%1 > %2")
                            .arg(note->linkRect().right())
                            .arg(note->contentsRect().right())));
    QSignalSpy activated(note, &StatusText::linkActivated);
    QTest::mouseClick(note, Qt::LeftButton, {}, QPoint(note->linkRect().left() - 30, 5));
    QCOMPARE(activated.count(), 0); // the text is not the link
    QTest::mouseClick(note, Qt::LeftButton, {}, note->linkRect().center());
    QCOMPARE(activated.count(), 1);
    note->setFocus();
    QTest::keyClick(note, Qt::Key_Return);
    QCOMPARE(activated.count(), 2);
}

void tst_Views::viewExports_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("png") << QStringLiteral("png");
    QTest::newRow("pdf") << QStringLiteral("pdf");
    QTest::newRow("svg") << QStringLiteral("svg");
    QTest::newRow("upper-case PNG") << QStringLiteral("PNG");
}

void tst_Views::viewExports()
{
    QFETCH(QString, suffix);
    ArchWeightsView view;
    view.resize(1100, 480);
    Snapshot s;
    s.step = 1;
    s.cells = {makeCell("normal"), makeCell("reduce")};
    view.addSnapshots({s});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("heatmap.") + suffix);
    QString error;
    QVERIFY2(view.exportImage(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    QVERIFY(data.size() > 100);
    const QString kind = suffix.toLower();
    if (kind == QLatin1String("png")) {
        QImage image;
        QVERIFY(image.loadFromData(data, "PNG"));
        QCOMPARE(image.size(), view.exportSize() * 2);
        QVERIFY(image.width() > 0 && image.height() > 0);
        // Not blank: the maximum (red) entry is somewhere in the picture.
        bool red = false;
        for (int y = 0; y < image.height() && !red; y += 2)
            for (int x = 0; x < image.width() && !red; x += 2) {
                const QColor c = image.pixelColor(x, y);
                red = c.red() > c.green() + 80 && c.red() > c.blue() + 80;
            }
        QVERIFY(red);
    } else if (kind == QLatin1String("pdf")) {
        QVERIFY2(data.startsWith("%PDF-"), data.left(16).constData());
    } else {
        QXmlStreamReader xml(data);
        int shapes = 0;
        bool svgRoot = false;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                svgRoot = svgRoot || xml.name() == QLatin1String("svg");
                if (xml.name() == QLatin1String("rect") || xml.name() == QLatin1String("path"))
                    ++shapes;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(svgRoot);
        QVERIFY2(shapes > 14 * 8, qPrintable(QString::number(shapes))); // at least the cells
    }
}

void tst_Views::viewExportFailures()
{
    ArchWeightsView view;
    QTemporaryDir dir;
    QString error;
    const QString bmp = dir.filePath(QStringLiteral("heatmap.bmp"));
    QVERIFY(!view.exportImage(bmp, &error));
    QVERIFY2(error.contains(QStringLiteral("heatmap.bmp")), qPrintable(error));
    QVERIFY(!QFile::exists(bmp));

    error.clear();
    const QString missing = dir.filePath(QStringLiteral("no/such/dir/heatmap.png"));
    QVERIFY(!view.exportImage(missing, &error));
    QVERIFY2(error.contains(QStringLiteral("heatmap.png")), qPrintable(error));

    LogView log;
    error.clear();
    QVERIFY(!log.exportImage(dir.filePath(QStringLiteral("log.png")), &error));
    QVERIFY2(error.contains(QStringLiteral("log.png")), qPrintable(error));
}

void tst_Views::logFilter()
{
    LogView log;
    const QDateTime t0(QDate(2024, 5, 1), QTime(12, 0, 0));
    log.appendMessage(MessageLevel::Info, QStringLiteral("info one"), t0);
    log.appendMessage(MessageLevel::Warning, QStringLiteral("warn one"), t0.addSecs(1));
    log.appendMessage(MessageLevel::Info, QStringLiteral("info two"), t0.addSecs(2));
    log.appendMessage(MessageLevel::Error, QStringLiteral("error one"), t0.addSecs(3));
    log.appendMessage(MessageLevel::Info, QStringLiteral("info three"), t0.addSecs(4));
    QCOMPARE(log.lineCount(), 5);
    QCOMPARE(log.visibleLineCount(), 5);
    QCOMPARE(log.visibleLineText(0), QStringLiteral("12:00:00  info one"));

    log.setMinimumLevel(MessageLevel::Warning);
    QVERIFY(log.minimumLevel() == MessageLevel::Warning);
    QCOMPARE(log.visibleLineCount(), 2);
    QVERIFY(log.visibleLineText(0).contains(QStringLiteral("warn one")));
    QVERIFY(log.visibleLineText(1).contains(QStringLiteral("error one")));
    log.setMinimumLevel(MessageLevel::Error);
    QCOMPARE(log.visibleLineCount(), 1);
    QVERIFY(log.visibleLineText(0).contains(QStringLiteral("error one")));
    QCOMPARE(log.lineCount(), 5); // filtering hides, it does not delete
    log.setMinimumLevel(MessageLevel::Info);
    QCOMPARE(log.visibleLineCount(), 5);

    RunEvent ev;
    ev.step = 1200;
    ev.text = QStringLiteral("lambda = 0.05");
    log.addEvent(ev);
    QCOMPARE(log.lineCount(), 6);
    QVERIFY(log.visibleLineText(5).contains(QStringLiteral("1200")));
    QVERIFY(log.visibleLineText(5).contains(QStringLiteral("lambda = 0.05")));
    log.setMinimumLevel(MessageLevel::Warning);
    QCOMPARE(log.visibleLineCount(), 2); // events are Info lines

    log.addSnapshots({Snapshot{}});
    log.addEpoch(EpochSummary{});
    QCOMPARE(log.lineCount(), 6);
    log.clearRun();
    QCOMPARE(log.lineCount(), 0);
    QCOMPARE(log.visibleLineCount(), 0);
}

void tst_Views::logSaveAndExport()
{
    LogView log;
    const QDateTime t0(QDate(2024, 5, 1), QTime(12, 0, 0));
    log.appendMessage(MessageLevel::Info, QStringLiteral("search started"), t0);
    log.appendMessage(MessageLevel::Warning, QStringLiteral("lr reduced"), t0.addSecs(61));
    log.appendMessage(MessageLevel::Error, QStringLiteral("CUDA out of memory"), t0.addSecs(62));
    log.setMinimumLevel(MessageLevel::Error); // the file still gets every line

    QTemporaryDir dir;
    for (const QString &name : {QStringLiteral("run.txt"), QStringLiteral("run.log")}) {
        const QString path = dir.filePath(name);
        QString error;
        QVERIFY2(name.endsWith(QLatin1String(".txt")) ? log.saveLog(path, &error)
                                                      : log.exportImage(path, &error),
                 qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines =
            QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QStringLiteral("2024-05-01 12:00:00 [Info] search started"));
        QCOMPARE(lines.at(1), QStringLiteral("2024-05-01 12:01:01 [Warning] lr reduced"));
        QCOMPARE(lines.at(2), QStringLiteral("2024-05-01 12:01:02 [Error] CUDA out of memory"));
    }
    QString error;
    QVERIFY(!log.saveLog(dir.filePath(QStringLiteral("no/dir/run.txt")), &error));
    QVERIFY2(error.contains(QStringLiteral("run.txt")), qPrintable(error));
}

void tst_Views::logBounded()
{
    LogView log;
    QCOMPARE(log.maximumLines(), 10000);
    for (int i = 0; i < 10005; ++i)
        log.appendMessage(MessageLevel::Info, QStringLiteral("message %1").arg(i));
    QCOMPARE(log.lineCount(), 10000);
    QCOMPARE(log.droppedLineCount(), qint64(5));
    QVERIFY(log.visibleLineText(0).endsWith(QStringLiteral("message 5")));

    log.setMaximumLines(100);
    QCOMPARE(log.lineCount(), 100);
    QVERIFY(log.visibleLineText(0).endsWith(QStringLiteral("message 9905")));
    QVERIFY(log.visibleLineText(99).endsWith(QStringLiteral("message 10004")));
    log.appendMessage(MessageLevel::Error, QStringLiteral("last"));
    QCOMPARE(log.lineCount(), 100);
    QVERIFY(log.visibleLineText(99).endsWith(QStringLiteral("last")));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bounded.txt"));
    QString error;
    QVERIFY2(log.saveLog(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines =
        QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 101); // the note on dropped lines, then the kept ones
    QVERIFY2(lines.at(0).startsWith(QLatin1Char('#')) &&
                 lines.at(0).contains(QStringLiteral("9906")),
             qPrintable(lines.at(0)));
}

void tst_Views::logErrorsStandOut()
{
    LogView log;
    QSignalSpy spy(&log, &LogView::errorAppended);
    log.appendMessage(MessageLevel::Info, QStringLiteral("fine"));
    log.appendMessage(MessageLevel::Error, QStringLiteral("broken"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("broken"));
    const QAbstractItemModel *m = log.model();
    const QModelIndex info = m->index(0, 0), err = m->index(1, 0);
    QVERIFY(!info.data(Qt::BackgroundRole).isValid());
    QVERIFY(err.data(Qt::BackgroundRole).isValid());
    QVERIFY(err.data(Qt::FontRole).value<QFont>().bold());
    const QColor fg = err.data(Qt::ForegroundRole).value<QColor>();
    QVERIFY2(fg.red() > fg.green() + 100, qPrintable(fg.name()));
    QVERIFY(err.data(Qt::DecorationRole).isValid());
    QVERIFY(err.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Error")));
}

void tst_Views::realisticGrabs()
{
    // A mid-search picture: most entries small, a few strong paths, negatives, pruned entries
    // and, in the reduction cell, node 3 (edges 9..13) dead.
    auto realistic = [](const std::string &type, unsigned seed, bool deadNode) {
        CellSnapshot c = makeCell(type);
        for (size_t i = 0; i < c.weights.weights.size(); ++i) {
            seed = seed * 1103515245u + 12345u;
            const double u = double((seed >> 8) % 10000) / 10000.0;
            float v = float(0.001 + 0.05 * u * u);
            if ((seed >> 4) % 5 == 0)
                v = 0.0f;
            else if ((seed >> 3) % 7 == 0)
                v = -v;
            else if ((seed >> 5) % 11 == 0)
                v = float(0.1 + 0.2 * u);
            c.weights.weights[i] = v;
        }
        if (deadNode) {
            for (int e = 9; e < 14; ++e)
                for (int o = 0; o < 8; ++o)
                    c.weights.weights[size_t(e) * 8 + size_t(o)] = 0.0f;
            c.aliveNodes = {2, 3, 4};
        } else {
            c.aliveNodes = {2, 3, 4, 5};
        }
        return c;
    };
    ArchWeightsView view;
    view.resize(1180, 520);
    EpochSummary epoch;
    epoch.epoch = 11;
    epoch.step = 4680;
    epoch.cells = {realistic("normal", 7u, false), realistic("reduce", 99u, true)};
    view.addEpoch(epoch);
    view.highlight(QStringLiteral("reduce"), 3, 4);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage img = grabOf(view);
    QVERIFY(!img.isNull());

    LogView log;
    log.resize(720, 260);
    const QDateTime t0(QDate(2024, 5, 1), QTime(9, 30, 0));
    log.appendMessage(MessageLevel::Info, QStringLiteral("Search started: CIFAR-10, 50 epochs"),
                      t0);
    log.appendMessage(MessageLevel::Info, QStringLiteral("Epoch 1: val acc 41.2%"),
                      t0.addSecs(300));
    log.appendMessage(MessageLevel::Warning, QStringLiteral("Node 3 of the reduction cell died"),
                      t0.addSecs(600));
    RunEvent ev;
    ev.step = 1200;
    ev.text = QStringLiteral("lambda = 0.05");
    log.addEvent(ev);
    log.appendMessage(MessageLevel::Error, QStringLiteral("Checkpoint write failed: disk full"),
                      t0.addSecs(900));
    log.appendMessage(MessageLevel::Info, QStringLiteral("Epoch 2: val acc 55.0%"),
                      t0.addSecs(960));
    log.show();
    QVERIFY(QTest::qWaitForWindowExposed(&log));

    const QByteArray dir = qgetenv("SPARSENAS_GRAB_DIR");
    if (!dir.isEmpty()) {
        const QString base = QString::fromLocal8Bit(dir);
        QVERIFY(img.save(base + QStringLiteral("/heatmap_view.png")));
        view.setShowValues(true);
        QVERIFY(grabOf(view).save(base + QStringLiteral("/heatmap_values.png")));
        view.resize(560, 900);
        QVERIFY(grabOf(view).save(base + QStringLiteral("/heatmap_stacked.png")));
        CellHeatmap small;
        small.setWeights(epoch.cells[1]);
        small.resize(small.minimumSizeHint());
        QVERIFY(grabOf(small).save(base + QStringLiteral("/heatmap_minimum.png")));
        QVERIFY(grabOf(log).save(base + QStringLiteral("/log_view.png")));
        QString error;
        for (const char *suffix : {"png", "svg", "pdf"})
            QVERIFY2(view.exportImage(
                         base + QStringLiteral("/heatmap_export.") + QLatin1String(suffix), &error),
                     qPrintable(error));
    }
}

QTEST_MAIN(tst_Views)
#include "tst_views.moc"
