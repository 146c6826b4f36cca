// SPDX-License-Identifier: MIT
// The regularization paths coloured by edge or by operation, filtered to one node or one edge,
// with a legend of exactly the colours drawn; the node-survival axes with their ticks far enough
// apart to read in a small dock.
#include "colormaps.h"
#include "plotexport.h" // qcustomplot.h, made to build with QT_NO_KEYWORDS
#include "regpathview.h"
#include "survivalview.h"

#include "sparsenas/base/genotype.h"

#include <QtTest>

#include <QComboBox>

#include <algorithm>
#include <cmath>
#include <set>

using namespace sparsenas;

namespace {

const std::vector<std::string> kOps = {"none",         "max_pool_3x3", "avg_pool_3x3",
                                       "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
                                       "dil_conv_3x3", "dil_conv_5x5"};
constexpr int kNodes = 4;
const int kEdges = numEdges(kNodes);
const int kOpCount = int(kOps.size());

int opIndex(const std::string &op)
{
    return int(std::find(kOps.begin(), kOps.end(), op) - kOps.begin());
}

// A(edge, op) at `epoch`: shrinking towards zero, each path at its own pace; sep_conv_5x5 on
// edge 2 reaches exactly zero at epoch 2.
float weight(int edge, int op, int epoch)
{
    if (op == 0)
        return 0.0f;
    if (edge == 2 && op == opIndex("sep_conv_5x5") && epoch >= 2)
        return 0.0f;
    const float start = 0.1f + 0.05f * float((edge * 7 + op) % 13);
    const float v = start * (1.0f - 0.1f * float(epoch));
    return (edge + op) % 3 == 0 ? -v : v;
}

EpochSummary epochOf(int epoch)
{
    EpochSummary e;
    e.epoch = epoch;
    e.step = 100 * (epoch + 1);
    e.lambda = 0.01 * (epoch + 1);
    CellSnapshot c;
    c.weights.type = "normal";
    c.weights.nodes = kNodes;
    c.weights.ops = kOps;
    for (int edge = 0; edge < kEdges; ++edge) {
        for (int op = 0; op < kOpCount; ++op)
            c.weights.weights.push_back(weight(edge, op, epoch));
    }
    c.alivePaths = countNonZeroPaths(c.weights);
    c.aliveNodes = {2, 3, 4, 5};
    e.cells.push_back(c);
    return e;
}

// The legend's entries: name and colour.
std::vector<std::pair<QString, QColor>> legendOf(QCustomPlot *plot)
{
    std::vector<std::pair<QString, QColor>> out;
    for (int i = 0; i < plot->legend->itemCount(); ++i) {
        auto *item = qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(i));
        if (item)
            out.emplace_back(item->plottable()->name(), item->plottable()->pen().color());
    }
    return out;
}

// The colours of the paths drawn (visible and with data).
std::set<QRgb> drawnColors(const RegPathView &view)
{
    std::set<QRgb> colors;
    for (int e = 0; e < kEdges; ++e) {
        for (int o = 1; o < kOpCount; ++o) {
            QCPCurve *c = view.pathCurve(e, o);
            if (c && c->visible() && c->dataCount() > 0) {
                QColor color = c->pen().color();
                color.setAlpha(255);
                colors.insert(color.rgb());
            }
        }
    }
    return colors;
}

std::set<QRgb> legendColors(QCustomPlot *plot)
{
    std::set<QRgb> colors;
    for (const auto &entry : legendOf(plot))
        colors.insert(entry.second.rgb());
    return colors;
}

// The smallest distance in pixels between two neighbouring ticks of `axis`.
double smallestTickGap(QCPAxis *axis)
{
    const QVector<double> ticks = axis->tickVector();
    double gap = std::numeric_limits<double>::max();
    for (int i = 1; i < ticks.size(); ++i)
        gap = std::min(gap,
                       std::abs(axis->coordToPixel(ticks[i]) - axis->coordToPixel(ticks[i - 1])));
    return gap;
}

} // namespace

class tst_PathViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void regPathColourByEdgeOrOp();
    void regPathFilterAndHonestLegend();
    void regPathSelectionAndMarkersByOp();
    void regPathLegendFitsShortPlot();
    void survivalTicksApart_data();
    void survivalTicksApart();
};

void tst_PathViews::regPathColourByEdgeOrOp()
{
    RegPathView view;
    for (int epoch = 0; epoch < 4; ++epoch)
        view.addEpoch(epochOf(epoch));
    QCOMPARE(view.colorBy(), RegPathView::ColorBy::Edge);
    // By edge: 14 colours, 14 entries, each path in its edge's colour.
    QCOMPARE(view.plot()->legend->itemCount(), kEdges);
    QCOMPARE(view.pathCurve(3, 4)->pen().color(), edgeColor(3));
    QCOMPARE(drawnColors(view), legendColors(view.plot()));

    // By operation (the combo in the tool row): 7 colours, the diagrams' ones.
    auto *combo = view.findChild<QComboBox *>(QStringLiteral("colorBy"));
    QVERIFY(combo);
    combo->setCurrentIndex(1);
    QCOMPARE(view.colorBy(), RegPathView::ColorBy::Op);
    const auto legend = legendOf(view.plot());
    QCOMPARE(int(legend.size()), kOpCount - 1); // "none" has no path
    for (int o = 1; o < kOpCount; ++o) {
        const QString op = QString::fromStdString(kOps[size_t(o)]);
        QCOMPARE(legend[size_t(o - 1)].first, op);
        QCOMPARE(legend[size_t(o - 1)].second, opQColor(op));
        for (int e = 0; e < kEdges; ++e)
            QCOMPARE(view.pathCurve(e, o)->pen().color(), opQColor(op));
    }
    QCOMPARE(drawnColors(view), legendColors(view.plot()));
    // The underscores of the names are drawn (each entry is clipped to its box, which ended
    // above them): "dil_conv_3x3" has no descender, so anything dark below its baseline is one.
    view.resize(700, 450);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.plot()->replot();
    const QImage image = view.plot()->toPixmap().toImage();
    const QFontMetrics metrics(view.plot()->legend->font());
    QCPAbstractLegendItem *dil = nullptr;
    for (int i = 0; i < view.plot()->legend->itemCount(); ++i) {
        if (legend[size_t(i)].first == QLatin1String("dil_conv_3x3"))
            dil = view.plot()->legend->item(i);
    }
    QVERIFY(dil);
    const QRect box = dil->rect();
    const int baseline = box.top() + metrics.ascent();
    const int textLeft = box.left() + view.plot()->legend->iconSize().width() +
                         view.plot()->legend->iconTextPadding();
    int below = 0;
    for (int y = baseline + 1; y < std::min(image.height(), baseline + metrics.descent() + 3);
         ++y) {
        for (int x = textLeft; x < std::min(image.width(), box.right()); ++x)
            below += qGray(image.pixel(x, y)) < 160 ? 1 : 0;
    }
    QVERIFY2(below >= 8,
             qPrintable(QStringLiteral("%1 dark pixels under the baseline").arg(below)));
    // The data stay: 4 points on a living path, 3 on the one that died at epoch 2.
    QCOMPARE(view.pathCurve(0, 1)->dataCount(), 4);
    QCOMPARE(view.pathCurve(2, opIndex("sep_conv_5x5"))->dataCount(), 3);

    // New data keep the colouring.
    view.addEpoch(epochOf(4));
    QCOMPARE(view.pathCurve(0, 1)->dataCount(), 5);
    QCOMPARE(view.pathCurve(0, 1)->pen().color(), opQColor(QStringLiteral("max_pool_3x3")));
    view.setColorBy(RegPathView::ColorBy::Edge);
    QCOMPARE(view.plot()->legend->itemCount(), kEdges);
    QCOMPARE(combo->currentIndex(), 0);
}

void tst_PathViews::regPathFilterAndHonestLegend()
{
    RegPathView view;
    for (int epoch = 0; epoch < 4; ++epoch)
        view.addEpoch(epochOf(epoch));
    auto *filter = view.findChild<QComboBox *>(QStringLiteral("filter"));
    QVERIFY(filter);
    // Every path, each intermediate node, each edge.
    QCOMPARE(filter->count(), 1 + kNodes + kEdges);

    // Into node 1 (DARTS number 3): its three incoming edges, nothing else drawn or listed.
    filter->setCurrentIndex(filter->findData(QPoint(3, -1)));
    QCOMPARE(view.filterNode(), 3);
    std::set<QString> listed;
    for (const auto &entry : legendOf(view.plot()))
        listed.insert(entry.first);
    const std::set<QString> into1 = {edgeName(2), edgeName(3), edgeName(4)};
    QCOMPARE(listed, into1);
    for (int e = 0; e < kEdges; ++e) {
        const bool in = edgeEnds(e).target == 3;
        QCOMPARE(view.isShown(e, 1), in);
        QCOMPARE(view.pathCurve(e, 1)->visible(), in);
    }
    QCOMPARE(drawnColors(view), legendColors(view.plot()));
    // The axes fit what is shown.
    float largest = 0.0f;
    for (int e = 2; e <= 4; ++e) {
        for (int o = 1; o < kOpCount; ++o)
            largest = std::max(largest, std::fabs(weight(e, o, 0)));
    }
    QVERIFY(view.plot()->yAxis->range().upper < 1.2 * largest);

    // By operation within that node: one entry per operation drawn there.
    view.setColorBy(RegPathView::ColorBy::Op);
    QCOMPARE(view.plot()->legend->itemCount(), kOpCount - 1);
    QCOMPARE(drawnColors(view), legendColors(view.plot()));

    // One edge, coloured by edge: one path colour, one entry.
    view.setColorBy(RegPathView::ColorBy::Edge);
    view.filterToEdge(5);
    QCOMPARE(filter->currentData().toPoint(), QPoint(-1, 5));
    QCOMPARE(view.plot()->legend->itemCount(), 1);
    QCOMPARE(legendOf(view.plot()).front().first, edgeName(5));
    QCOMPARE(int(drawnColors(view).size()), 1);

    // Back to every path.
    view.showAllPaths();
    QCOMPARE(filter->currentIndex(), 0);
    QCOMPARE(view.plot()->legend->itemCount(), kEdges);
    QVERIFY(view.pathCurve(0, 1)->visible());

    // A cell type with an empty legend before its first data.
    view.clearRun();
    QCOMPARE(view.plot()->legend->itemCount(), 0);
}

void tst_PathViews::regPathSelectionAndMarkersByOp()
{
    RegPathView view;
    view.resize(700, 450);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (int epoch = 0; epoch < 4; ++epoch)
        view.addEpoch(epochOf(epoch));
    view.setColorBy(RegPathView::ColorBy::Op);
    view.plot()->replot();
    // The cross of the path that died sits with its operation's markers, and says so on hover.
    const int op = opIndex("sep_conv_5x5");
    QCPCurve *crosses = view.endMarkers(op);
    QVERIFY(crosses);
    QCOMPARE(crosses->dataCount(), 1);
    QCOMPARE(crosses->scatterStyle().pen().color(), opQColor(QStringLiteral("sep_conv_5x5")));
    const QPointF at = crosses->coordsToPixels(crosses->data()->at(0)->key, 0.0);
    const QString hover = view.hoverText(at);
    QVERIFY2(hover.contains(edgeName(2)) && hover.contains(QStringLiteral("sep_conv_5x5")),
             qPrintable(hover));

    if (!qEnvironmentVariableIsEmpty("SPARSENAS_TEST_GRABS"))
        view.grab().save(QDir(qEnvironmentVariable("SPARSENAS_TEST_GRABS"))
                             .filePath(QStringLiteral("pathviews_by_op.png")));

    // A path selected elsewhere that the filter hides: the filter makes way.
    view.filterToEdge(0);
    QVERIFY(!view.isShown(7, 2));
    view.highlightPath(QStringLiteral("normal"), 7, 2);
    QCOMPARE(view.filterEdge(), -1);
    QCOMPARE(view.selectedEdge(), 7);
    QVERIFY(view.pathCurve(7, 2)->visible());
    QVERIFY(view.pathCurve(7, 2)->pen().widthF() > 2.5);
    // ... and a filter that hides the selection drops it.
    view.filterToNode(2);
    QCOMPARE(view.selectedEdge(), -1);
}

void tst_PathViews::regPathLegendFitsShortPlot()
{
    // On a 1024x700 screen the dock gives the plot about 150 px: 14 edge entries in one column
    // were drawn over each other. They wrap into columns instead: no two entries overlap and
    // every entry lies inside the plot.
    // A dock squeezes its widget below the widget's minimum size; so does a parent of fixed size.
    QWidget dock;
    dock.setFixedSize(760, 170);
    auto *viewInDock = new RegPathView(&dock);
    RegPathView &view = *viewInDock;
    view.setGeometry(0, 0, 760, 170);
    for (int epoch = 0; epoch < 4; ++epoch)
        view.addEpoch(epochOf(epoch));
    QCOMPARE(legendOf(view.plot()).size(), size_t(kEdges));
    const auto entriesApartAndInside = [&view] {
        view.plot()->replot();
        QCPLegend *legend = view.plot()->legend;
        const QRect inside = view.plot()->viewport();
        // itemCount() counts the cells of the legend's grid, empty ones too.
        for (int i = 0; i < legend->itemCount(); ++i) {
            if (!legend->item(i))
                continue;
            const QRect a = legend->item(i)->outerRect();
            // A squeezed entry's box is smaller than its text, which is then drawn over its
            // neighbours' (the defect): each box holds its text.
            if (a.height() < legend->item(i)->minimumOuterSizeHint().height())
                return QStringLiteral("entry %1 squeezed to %2 px, its text needs %3")
                    .arg(i)
                    .arg(a.height())
                    .arg(legend->item(i)->minimumOuterSizeHint().height());
            if (!inside.contains(a))
                return QStringLiteral("entry %1 at %2,%3 %4x%5 outside the plot")
                    .arg(i)
                    .arg(a.x())
                    .arg(a.y())
                    .arg(a.width())
                    .arg(a.height());
            for (int j = i + 1; j < legend->itemCount(); ++j) {
                if (legend->item(j) && a.intersects(legend->item(j)->outerRect()))
                    return QStringLiteral("entries %1 and %2 overlap").arg(i).arg(j);
            }
        }
        return QString();
    };
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QVERIFY(view.plot()->height() < 160);
    QString why = entriesApartAndInside();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QVERIFY(view.plot()->legend->columnCount() >= 2);
    // Tall again: one column.
    dock.setFixedSize(760, 600);
    view.setGeometry(0, 0, 760, 600);
    QTRY_COMPARE(view.plot()->legend->columnCount(), 1);
    why = entriesApartAndInside();
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void tst_PathViews::survivalTicksApart_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("dock, 400 x 220") << QSize(400, 220);
    QTest::newRow("dock, 520 x 300") << QSize(520, 300);
    QTest::newRow("large") << QSize(1000, 700);
}

void tst_PathViews::survivalTicksApart()
{
    QFETCH(QSize, size);
    SurvivalView view;
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    std::vector<Snapshot> snapshots;
    for (int step = 0; step < 40; ++step) {
        Snapshot s;
        s.step = step;
        s.epoch = step / 10;
        s.epochs = 4;
        s.stepInEpoch = step % 10 + 1;
        s.stepsPerEpoch = 10;
        s.lambda = 0.005 * step;
        s.elementSparsity = 0.02 * step;
        s.groupSparsity = 0.01 * step;
        CellSnapshot c = epochOf(0).cells.front();
        c.alivePaths = 98 - 2 * step;
        c.aliveNodes.resize(size_t(4 - step / 12));
        s.cells = {c};
        snapshots.push_back(s);
    }
    view.addSnapshots(snapshots);
    // A replot lays out, the ticks follow the heights it gave, another replot shows them.
    for (int i = 0; i < 3; ++i) {
        view.plot()->replot();
        QCoreApplication::processEvents();
    }
    const double minGap = QFontMetrics(view.plot()->xAxis->tickLabelFont()).height();
    QCustomPlot *plot = view.plot();
    QCPAxisRect *nodes = plot->axisRect(0);
    QCPAxisRect *paths = plot->axisRect(1);
    QVERIFY(nodes && paths);
    const std::pair<const char *, QCPAxis *> axes[] = {
        {"alive nodes", nodes->axis(QCPAxis::atLeft)},
        {"alive paths", paths->axis(QCPAxis::atLeft)},
        {"sparsity", paths->axis(QCPAxis::atRight)},
    };
    for (const auto &[name, axis] : axes) {
        QVERIFY2(axis->tickVector().size() >= 2, name);
        const double gap = smallestTickGap(axis);
        QVERIFY2(gap >= minGap,
                 qPrintable(QStringLiteral("%1: ticks %2 px apart, labels %3 px high")
                                .arg(QLatin1String(name))
                                .arg(gap)
                                .arg(minGap)));
    }
    // The node axis keeps whole numbers.
    for (double t : nodes->axis(QCPAxis::atLeft)->tickVector())
        QCOMPARE(t, std::round(t));
    // Along x the labels do not run into each other either.
    QCPAxis *x = paths->axis(QCPAxis::atBottom);
    const double labelWidth =
        QFontMetrics(x->tickLabelFont()).horizontalAdvance(QStringLiteral("0.00"));
    QVERIFY2(smallestTickGap(x) > labelWidth, qPrintable(QString::number(smallestTickGap(x))));
}

QTEST_MAIN(tst_PathViews)
#include "tst_pathviews.moc"
