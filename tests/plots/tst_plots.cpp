// SPDX-License-Identifier: MIT
// The plot views (curves, survival, regularization paths) fed with synthetic runs whose numbers
// are known: what the plots hold is compared with those numbers, worked out here by hand or in
// closed form, never with what the views printed before.
#include "cellheatmap.h"
#include "colormaps.h"
#include "curvesview.h"
#include "plotexport.h"
#include "regpathview.h"
#include "survivalview.h"

#include "sparsenas/base/genotype.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <functional>
#include <random>

using namespace sparsenas;

namespace {

const std::vector<std::string> kOps = {"none",         "max_pool_3x3", "avg_pool_3x3",
                                       "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
                                       "dil_conv_3x3", "dil_conv_5x5"};
constexpr int kNodes = 4;
constexpr int kEdges = 14; // 2 + 3 + 4 + 5 incoming edges of the four intermediate nodes
constexpr int kOpCount = 8;

using WeightFn = std::function<float(int edge, int op)>;

CellSnapshot makeCell(const std::string &type, const WeightFn &w)
{
    CellSnapshot c;
    c.weights.type = type;
    c.weights.nodes = kNodes;
    c.weights.ops = kOps;
    c.weights.weights.resize(size_t(kEdges) * kOps.size());
    for (int e = 0; e < kEdges; ++e)
        for (int o = 0; o < kOpCount; ++o)
            c.weights.weights[size_t(e) * kOps.size() + size_t(o)] = w(e, o);
    return c;
}

Snapshot makeSnapshot(int64_t step, int64_t stepsPerEpoch)
{
    Snapshot s;
    s.step = step;
    s.epoch = (step - 1) / stepsPerEpoch;
    s.stepInEpoch = (step - 1) % stepsPerEpoch + 1;
    s.stepsPerEpoch = stepsPerEpoch;
    s.epochs = 100;
    return s;
}

QCPGraph *graphNamed(QCustomPlot *plot, const char *id)
{
    for (int i = 0; i < plot->graphCount(); ++i)
        if (plot->graph(i)->objectName() == QLatin1String(id))
            return plot->graph(i);
    return nullptr;
}

QList<QCPItemStraightLine *> straightLines(QCustomPlot *plot)
{
    QList<QCPItemStraightLine *> out;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto *line = qobject_cast<QCPItemStraightLine *>(plot->item(i)))
            out << line;
    return out;
}

// The value a step-like curve shows at x: that of its last point (in curve order) at or left
// of x. NaN when x is left of the whole curve.
double valueAt(QCPCurve *curve, double x)
{
    double v = std::nan("");
    for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it)
        if (it->key <= x + 1e-12)
            v = it->value;
    return v;
}

// Pixels whose colour is clearly not grey: the data lines (axes, text and the Fusion style's
// widgets are greys).
int colouredPixels(const QImage &image)
{
    int n = 0;
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < img.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            const QRgb p = line[x];
            const int hi = std::max({qRed(p), qGreen(p), qBlue(p)});
            const int lo = std::min({qRed(p), qGreen(p), qBlue(p)});
            if (hi - lo > 60)
                ++n;
        }
    }
    return n;
}

// A path-shaped run for the regularization-path tests: six epochs, lambda 0.01 .. 0.06.
// A(edge 0, op 1) is negative and never zero (a unique line to click on); A(2, 4) reaches
// exactly zero at epoch 3 and comes back at epoch 5 (it must still end at epoch 3);
// A(5, 3) is zero from epoch 1 on; everything else shrinks but stays positive.
float pathWeight(int edge, int op, int epoch)
{
    if (op == 0)
        return 0.5f; // "none": never plotted
    if (edge == 0 && op == 1)
        return -0.8f * (1.0f - 0.1f * float(epoch));
    if (edge == 2 && op == 4)
        return epoch < 3 ? 0.3f - 0.1f * float(epoch) : (epoch == 5 ? 0.05f : 0.0f);
    if (edge == 5 && op == 3)
        return epoch < 1 ? 0.2f : 0.0f;
    return (0.5f + 0.05f * float(edge) + 0.01f * float(op)) * (1.0f - 0.1f * float(epoch));
}

EpochSummary pathEpoch(int epoch, const std::string &type = "normal")
{
    EpochSummary e;
    e.epoch = epoch;
    e.step = 100 * (epoch + 1);
    e.lambda = 0.01 * (epoch + 1);
    e.cells.push_back(
        makeCell(type, [epoch](int edge, int op) { return pathWeight(edge, op, epoch); }));
    return e;
}

// A realistic run for the rendering checks: soft-thresholded weights under a growing lambda,
// derivation by the real deriveCell.
struct RealisticRun
{
    std::vector<Snapshot> snapshots;
    std::vector<EpochSummary> epochs;
    std::vector<RunEvent> events;
};

RealisticRun realisticRun(int epochCount, int stepsPerEpoch, bool withCells = true)
{
    RealisticRun run;
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> start(-0.6f, 1.4f), rate(0.3f, 3.0f);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::vector<float> a0(size_t(2 * kEdges * kOpCount)), speed(a0.size());
    for (size_t i = 0; i < a0.size(); ++i) {
        a0[i] = start(rng);
        speed[i] = rate(rng);
    }
    double integral = 0; // sum of lambda over steps: the soft threshold grows with it
    const auto cellAt = [&](const std::string &type, int offset, double *zeros, double *total,
                            int *deadGroups) {
        CellSnapshot c = makeCell(type, [&](int e, int o) {
            if (o == 0)
                return 0.1f;
            const size_t i = size_t(offset + e * kOpCount + o);
            const float t = float(integral) * speed[i] * 0.02f;
            const float mag = std::max(0.0f, std::abs(a0[i]) - t);
            return a0[i] < 0 ? -mag : mag;
        });
        const CellGenotype g = deriveCell(c.weights);
        c.aliveNodes = g.aliveNodes;
        c.alivePaths = int(g.edges.size());
        c.totalWeights = kEdges * (kOpCount - 1);
        c.nonZeroWeights = countNonZeroPaths(c.weights);
        for (int n = 2; n < kNodes + 2; ++n) {
            bool allZero = true;
            for (int e = firstEdgeOf(n); e < firstEdgeOf(n) + n; ++e)
                for (int o = 1; o < kOpCount; ++o)
                    allZero = allZero && c.weights.at(e, o) == 0.0f;
            *deadGroups += allZero ? 1 : 0;
        }
        *zeros += c.totalWeights - c.nonZeroWeights;
        *total += c.totalWeights;
        return c;
    };
    double lambda = 0;
    for (int epoch = 0; epoch < epochCount; ++epoch) {
        lambda = epoch < 3 ? 0.0 : 0.004 * (epoch - 2);
        for (int k = 1; k <= stepsPerEpoch; ++k) {
            const int64_t step = int64_t(epoch) * stepsPerEpoch + k;
            if (epoch == epochCount / 2 && k == stepsPerEpoch / 2) {
                lambda += 0.01; // steered by the user mid-epoch
                RunEvent ev;
                ev.kind = RunEvent::Kind::LambdaChanged;
                ev.step = step;
                ev.epochPos = epoch + double(k) / stepsPerEpoch;
                ev.lambda = ev.value = lambda;
                ev.text = QStringLiteral("λ = %1").arg(lambda);
                run.events.push_back(ev);
            }
            integral += lambda;
            Snapshot s = makeSnapshot(step, stepsPerEpoch);
            s.epochs = epochCount;
            s.lambda = lambda;
            const double t = double(step) / stepsPerEpoch;
            s.trainLoss = 0.45 + 1.9 * std::exp(-t / 3.0) + 0.12 * noise(rng);
            s.valLoss = 0.6 + 1.8 * std::exp(-t / 3.5) + 0.15 * noise(rng);
            s.trainAcc = std::clamp(1.0 - s.trainLoss / 2.6, 0.0, 1.0);
            s.valAcc = std::clamp(1.0 - s.valLoss / 2.6, 0.0, 1.0);
            double zeros = 0, total = 0;
            int deadGroups = 0;
            std::vector<CellSnapshot> cells = {
                cellAt("normal", 0, &zeros, &total, &deadGroups),
                cellAt("reduce", kEdges * kOpCount, &zeros, &total, &deadGroups)};
            s.elementSparsity = zeros / total;
            s.groupSparsity = deadGroups / double(2 * kNodes);
            if (withCells)
                s.cells = cells;
            run.snapshots.push_back(s);
            if (k == stepsPerEpoch) {
                EpochSummary e;
                e.epoch = epoch;
                e.step = step;
                e.lambda = lambda;
                e.trainLoss = 0.45 + 1.9 * std::exp(-t / 3.0);
                e.valLoss = 0.62 + 1.8 * std::exp(-t / 3.5);
                e.trainAcc = 1.0 - e.trainLoss / 2.6;
                e.valAcc = 1.0 - e.valLoss / 2.6;
                e.elementSparsity = s.elementSparsity;
                e.groupSparsity = s.groupSparsity;
                e.cells = cells;
                run.epochs.push_back(e);
            }
        }
        if (epoch == 2) {
            RunEvent ev;
            ev.kind = RunEvent::Kind::LambdaStepChanged;
            ev.step = int64_t(epoch + 1) * stepsPerEpoch;
            ev.epochPos = epoch + 1;
            ev.value = 0.004;
            ev.text = QStringLiteral("λ step = 0.004");
            run.events.push_back(ev);
        }
    }
    return run;
}

// Feeds a run the way the main window does: snapshots in batches, each epoch after its steps.
void feed(RunView &view, const RealisticRun &run, size_t batch = 64)
{
    size_t next = 0, nextEpoch = 0, nextEvent = 0;
    while (next < run.snapshots.size()) {
        const size_t end = std::min(run.snapshots.size(), next + batch);
        view.addSnapshots({run.snapshots.begin() + long(next), run.snapshots.begin() + long(end)});
        const int64_t lastStep = run.snapshots[end - 1].step;
        while (nextEvent < run.events.size() && run.events[nextEvent].step <= lastStep)
            view.addEvent(run.events[nextEvent++]);
        while (nextEpoch < run.epochs.size() && run.epochs[nextEpoch].step <= lastStep)
            view.addEpoch(run.epochs[nextEpoch++]);
        next = end;
    }
}

} // namespace

class tst_Plots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cellNamesHaveRealSubscripts();
    void heatmapRowLabelsNeverOverlap();
    void curvesStepData();
    void curvesEmaClosedForm();
    void curvesLambdaAndEpochs();
    void curvesEvents();
    void curvesNonFinite();
    void survivalFromSnapshots();
    void survivalLambdaAxis();
    void survivalFromEpochs();
    void regPathEndsAtFirstZero();
    void regPathMidEpochLambdaChange();
    void regPathLateEpochSummary();
    void regPathStepMode();
    void regPathClickAndHighlight();
    void regPathOtherCellType();
    void rendering_data();
    void rendering();
    void exports_data();
    void exports();
    void exportFailures();
    void manySnapshots();
    void clearRun();
    void screenshots();
};

void tst_Plots::cellNamesHaveRealSubscripts()
{
    // One numbering everywhere: the inputs c_{k-2}, c_{k-1}, the intermediate nodes 0 .. N-1, the
    // output c_{k}, written with Unicode subscripts (a TeX "c_{k-2}" showed raw, and its
    // underscore was cut at small sizes: "c {k-2}").
    const QString ck2 = QStringLiteral("c\u2096\u208b\u2082");
    const QString ck1 = QStringLiteral("c\u2096\u208b\u2081");
    QCOMPARE(nodeName(0), ck2);
    QCOMPARE(nodeName(1), ck1);
    QCOMPARE(nodeName(2), QStringLiteral("0"));
    QCOMPARE(nodeName(5), QStringLiteral("3"));
    QCOMPARE(outputNodeName(), QStringLiteral("c\u2096"));
    QCOMPARE(edgeName(0), ck2 + QStringLiteral(" \u2192 0"));
    QCOMPARE(edgeName(13), QStringLiteral("2 \u2192 3"));
    for (int e = 0; e < kEdges; ++e) {
        QVERIFY2(!edgeName(e).contains(QLatin1Char('_')) && !edgeName(e).contains(QLatin1Char('{')),
                 qPrintable(edgeName(e)));
    }
    // Engine messages and file contents use the TeX form; the studio shows them the same way.
    QCOMPARE(withCellSubscripts(QStringLiteral("c_{k-2} -> 0, c_{k-1} -> 1; c_{k} = concat")),
             ck2 + QStringLiteral(" -> 0, ") + ck1 + QStringLiteral(" -> 1; c\u2096 = concat"));
    QCOMPARE(withCellSubscripts(QStringLiteral("no names")), QStringLiteral("no names"));

    // The fonts (with Qt's fallback) have a glyph for every subscript: a missing one draws as
    // a box, glyph index 0.
    QTextLayout layout(edgeName(0) + QLatin1Char(' ') + outputNodeName(), QApplication::font());
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    int glyphs = 0;
    for (const QGlyphRun &run : layout.glyphRuns()) {
        for (quint32 index : run.glyphIndexes()) {
            QVERIFY2(index != 0, qPrintable(run.rawFont().familyName()));
            ++glyphs;
        }
    }
    QVERIFY(glyphs >= 8);
}

void tst_Plots::heatmapRowLabelsNeverOverlap()
{
    // At 1024x700 the two heatmaps are stacked in a short dock: 14 rows of 6-8 px, where the
    // labels were drawn over each other.
    CellHeatmap map;
    map.setWeights(makeCell("normal", [](int e, int o) { return 0.01f * float(e + o); }));
    QList<std::pair<QRectF, QString>> labels;
    // The labels at size w x h; a text naming the first overlap or label outside, or empty.
    const auto problem = [&map, &labels](int w, int h) -> QString {
        map.resize(w, h);
        labels = map.rowLabels();
        for (int i = 0; i < labels.size(); ++i) {
            if (!map.rect().contains(labels[i].first.toAlignedRect().adjusted(1, 1, -1, -1)))
                return QStringLiteral("%1 x %2: %3 outside").arg(w).arg(h).arg(labels[i].second);
            for (int j = i + 1; j < labels.size(); ++j) {
                if (labels[i].first.adjusted(0, 0.5, 0, -0.5).intersects(labels[j].first))
                    return QStringLiteral("%1 x %2: %3 over %4")
                        .arg(w)
                        .arg(h)
                        .arg(labels[i].second, labels[j].second);
            }
        }
        return QString();
    };
    // Room for every row: one label each, the edge's name.
    QString why = problem(420, 400);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(labels.size(), kEdges);
    QCOMPARE(labels[2].second, edgeName(2));
    // Low rows: a smaller font, still one per row.
    why = problem(420, 200);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(labels.size(), kEdges);
    // Lower still: one label per target node ("→ 2"), never on top of each other.
    why = problem(420, 140);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(labels.size(), kNodes);
    QCOMPARE(labels[2].second, QStringLiteral("\u2192 2"));
    for (int h = 40; h <= 400; h += 7) {
        why = problem(300, h);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
}

void tst_Plots::curvesStepData()
{
    CurvesView view;
    std::vector<Snapshot> batch;
    for (int i = 0; i < 50; ++i) {
        Snapshot s = makeSnapshot(i + 1, 10);
        s.trainLoss = 2.0 - 0.01 * i;
        s.valLoss = 2.5 - 0.02 * i;
        s.trainAcc = 0.1 + 0.01 * i;
        s.valAcc = 0.05 + 0.005 * i;
        batch.push_back(s);
    }
    // Two batches: appending must give the same as one.
    view.addSnapshots({batch.begin(), batch.begin() + 17});
    view.addSnapshots({batch.begin() + 17, batch.end()});
    QCPGraph *trainLoss = graphNamed(view.plot(), "trainLoss");
    QCPGraph *valLoss = graphNamed(view.plot(), "valLoss");
    QCPGraph *trainAcc = graphNamed(view.plot(), "trainAcc");
    QCPGraph *valAcc = graphNamed(view.plot(), "valAcc");
    QVERIFY(trainLoss && valLoss && trainAcc && valAcc);
    QCOMPARE(trainLoss->dataCount(), 50);
    QCOMPARE(valAcc->dataCount(), 50);
    for (int i = 0; i < 50; ++i) {
        // step i+1 of 10-step epochs: epoch i / 10, (i % 10 + 1) steps into it
        const double key = double(i / 10) + double(i % 10 + 1) / 10.0;
        QCOMPARE(trainLoss->data()->at(i)->key, key);
        QCOMPARE(trainLoss->data()->at(i)->value, 2.0 - 0.01 * i);
        QCOMPARE(valLoss->data()->at(i)->value, 2.5 - 0.02 * i);
        QCOMPARE(trainAcc->data()->at(i)->value, 100.0 * (0.1 + 0.01 * i)); // percent
        QCOMPARE(valAcc->data()->at(i)->value, 100.0 * (0.05 + 0.005 * i));
    }
    // The fit follows the data: all of it visible.
    QVERIFY(view.plot()->xAxis->range().lower <= 0.1);
    QVERIFY(view.plot()->xAxis->range().upper >= 5.0);
    QVERIFY(view.plot()->yAxis->range().contains(2.5));
    QVERIFY(view.plot()->yAxis->range().contains(1.51));

    view.setXAxisMode(CurvesView::XAxis::Step);
    QCOMPARE(trainLoss->dataCount(), 50);
    for (int i = 0; i < 50; ++i) {
        QCOMPARE(trainLoss->data()->at(i)->key, double(i + 1));
        QCOMPARE(valLoss->data()->at(i)->value, 2.5 - 0.02 * i);
    }
    QVERIFY(view.plot()->xAxis->range().upper >= 50.0);
}

void tst_Plots::curvesEmaClosedForm()
{
    // Ten steps at 1, then five at 3. The debiased EMA after n = 15 steps is
    //   (1 (d^5 - d^15) + 3 (1 - d^5)) / (1 - d^15),
    // and a constant run stays exactly constant.
    CurvesView view;
    const double d = CurvesView::emaDecay;
    std::vector<Snapshot> batch;
    for (int i = 0; i < 15; ++i) {
        Snapshot s = makeSnapshot(i + 1, 100);
        s.trainLoss = i < 10 ? 1.0 : 3.0;
        s.valLoss = 0.7;
        batch.push_back(s);
    }
    view.addSnapshots(batch);
    QCPGraph *trainEma = graphNamed(view.plot(), "trainLossEma");
    QCPGraph *valEma = graphNamed(view.plot(), "valLossEma");
    QVERIFY(trainEma && valEma);
    QCOMPARE(trainEma->dataCount(), 15);
    for (int i = 0; i < 10; ++i)
        QVERIFY(std::abs(trainEma->data()->at(i)->value - 1.0) < 1e-12);
    const double expected =
        (1.0 * (std::pow(d, 5) - std::pow(d, 15)) + 3.0 * (1.0 - std::pow(d, 5))) /
        (1.0 - std::pow(d, 15));
    QVERIFY2(std::abs(trainEma->data()->at(14)->value - expected) < 1e-12,
             qPrintable(QString::number(trainEma->data()->at(14)->value, 'g', 17)));
    for (int i = 0; i < 15; ++i)
        QVERIFY(std::abs(valEma->data()->at(i)->value - 0.7) < 1e-12);
}

void tst_Plots::curvesLambdaAndEpochs()
{
    CurvesView view;
    std::vector<Snapshot> batch;
    for (int i = 0; i < 50; ++i) {
        Snapshot s = makeSnapshot(i + 1, 10);
        s.lambda = i < 20 ? 0.0 : (i < 35 ? 0.05 : 0.08);
        batch.push_back(s);
    }
    view.addSnapshots(batch);
    EpochSummary e;
    e.epoch = 0;
    e.step = 10;
    e.trainLoss = 1.9;
    e.valLoss = 1.7;
    e.trainAcc = 0.3;
    e.valAcc = 0.4;
    e.lambda = 0.0;
    view.addEpoch(e); // after later snapshots: adds no lambda change

    // Changes at steps 1, 21 and 36, then the line runs on to step 50.
    QCPGraph *lambda = graphNamed(view.plot(), "lambda");
    QVERIFY(lambda);
    QCOMPARE(lambda->valueAxis(), view.plot()->yAxis2);
    QCOMPARE(lambda->lineStyle(), QCPGraph::lsStepLeft);
    QCOMPARE(lambda->dataCount(), 4);
    const double keys[] = {0.1, 2.1, 3.6, 5.0};
    const double values[] = {0.0, 0.05, 0.08, 0.08};
    for (int i = 0; i < 4; ++i) {
        QVERIFY(std::abs(lambda->data()->at(i)->key - keys[i]) < 1e-12);
        QCOMPARE(lambda->data()->at(i)->value, values[i]);
    }
    QVERIFY(view.plot()->yAxis2->range().contains(0.08));

    // The epoch summary sits at the end of its epoch (epoch 0 ends at x = 1).
    QCPGraph *epochVal = graphNamed(view.plot(), "epochValLoss");
    QCPGraph *epochValAcc = graphNamed(view.plot(), "epochValAcc");
    QCPGraph *epochTrain = graphNamed(view.plot(), "epochTrainLoss");
    QVERIFY(epochVal && epochValAcc && epochTrain);
    QCOMPARE(epochVal->dataCount(), 1);
    QCOMPARE(epochVal->data()->at(0)->key, 1.0);
    QCOMPARE(epochVal->data()->at(0)->value, 1.7);
    QCOMPARE(epochTrain->data()->at(0)->value, 1.9);
    QCOMPARE(epochValAcc->data()->at(0)->value, 40.0);
    QCOMPARE(epochVal->lineStyle(), QCPGraph::lsNone);

    view.setXAxisMode(CurvesView::XAxis::Step);
    QCOMPARE(epochVal->data()->at(0)->key, 10.0);
    QCOMPARE(lambda->data()->at(1)->key, 21.0);
    QCOMPARE(lambda->data()->at(3)->key, 50.0);
}

void tst_Plots::curvesEvents()
{
    CurvesView view;
    std::vector<Snapshot> batch;
    for (int i = 0; i < 30; ++i)
        batch.push_back(makeSnapshot(i + 1, 10));
    view.addSnapshots(batch);
    const int itemsBefore = view.plot()->itemCount();
    RunEvent ev;
    ev.kind = RunEvent::Kind::LambdaChanged;
    ev.step = 21;
    ev.epochPos = 2.1;
    ev.value = 0.07;
    ev.text = QStringLiteral("λ = 0.07");
    view.addEvent(ev);
    const QList<QCPItemStraightLine *> lines = straightLines(view.plot());
    QCOMPARE(lines.size(), 2); // one in the loss rect, one in the accuracy rect
    QCOMPARE(view.plot()->itemCount(), itemsBefore + 3); // and the label
    for (QCPItemStraightLine *line : lines) {
        // Vertical: both points at the event's x.
        QCOMPARE(line->point1->key(), 2.1);
        QCOMPARE(line->point2->key(), 2.1);
        QVERIFY(line->point1->value() != line->point2->value());
        QCOMPARE(line->pen().style(), Qt::DashLine);
    }
    QCPItemText *label = nullptr;
    for (int i = 0; i < view.plot()->itemCount(); ++i)
        if (auto *t = qobject_cast<QCPItemText *>(view.plot()->item(i)))
            label = t;
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("λ = 0.07"));
    QCOMPARE(label->position->key(), 2.1);

    view.setXAxisMode(CurvesView::XAxis::Step);
    for (QCPItemStraightLine *line : straightLines(view.plot())) {
        QCOMPARE(line->point1->key(), 21.0);
        QCOMPARE(line->point2->key(), 21.0);
    }
    QCOMPARE(label->position->key(), 21.0);
    view.setXAxisMode(CurvesView::XAxis::Epoch);
    QCOMPARE(straightLines(view.plot()).first()->point1->key(), 2.1);
}

void tst_Plots::curvesNonFinite()
{
    CurvesView view;
    std::vector<Snapshot> batch;
    for (int i = 0; i < 4; ++i) {
        Snapshot s = makeSnapshot(i + 1, 10);
        s.trainLoss = i == 2 ? std::nan("") : 1.0;
        batch.push_back(s);
    }
    view.addSnapshots(batch);
    QCPGraph *raw = graphNamed(view.plot(), "trainLoss");
    QCPGraph *ema = graphNamed(view.plot(), "trainLossEma");
    QCOMPARE(raw->dataCount(), 4);
    QVERIFY(std::isnan(raw->data()->at(2)->value)); // a gap in the raw line
    // The average skips it: a constant 1 remains 1 after the gap.
    QVERIFY(std::isfinite(ema->data()->at(3)->value));
    QVERIFY(std::abs(ema->data()->at(3)->value - 1.0) < 1e-12);
    QVERIFY(std::isfinite(view.plot()->yAxis->range().upper));
}

void tst_Plots::survivalFromSnapshots()
{
    SurvivalView view;
    std::vector<Snapshot> batch;
    const auto alive = [](int n) {
        std::vector<int> nodes;
        for (int i = 0; i < n; ++i)
            nodes.push_back(2 + i);
        return nodes;
    };
    for (int i = 0; i < 40; ++i) {
        Snapshot s = makeSnapshot(i + 1, 10);
        CellSnapshot normal = makeCell("normal", [](int, int) { return 1.0f; });
        CellSnapshot reduce = makeCell("reduce", [](int, int) { return 1.0f; });
        normal.aliveNodes = alive(i < 10 ? 4 : 3);
        reduce.aliveNodes = alive(i < 30 ? 4 : 2);
        normal.alivePaths = 20 - i / 5;
        reduce.alivePaths = 25 - i / 8;
        s.cells = {normal, reduce};
        s.elementSparsity = 0.01 * i;
        s.groupSparsity = i >= 10 ? 0.25 : 0.0;
        s.lambda = 0.001 * i;
        batch.push_back(s);
    }
    // A snapshot without cells in between must change nothing.
    view.addSnapshots({batch.begin(), batch.begin() + 25});
    Snapshot bare = makeSnapshot(26, 10);
    bare.elementSparsity = 0.99;
    view.addSnapshots({bare});
    view.addSnapshots({batch.begin() + 25, batch.end()});
    for (int i = 0; i < 40; ++i) {
        const double x = double(i / 10) + double(i % 10 + 1) / 10.0;
        QCOMPARE(valueAt(view.curve(SurvivalView::NodesNormal), x), i < 10 ? 4.0 : 3.0);
        QCOMPARE(valueAt(view.curve(SurvivalView::NodesReduce), x), i < 30 ? 4.0 : 2.0);
        QCOMPARE(valueAt(view.curve(SurvivalView::PathsNormal), x), double(20 - i / 5));
        QCOMPARE(valueAt(view.curve(SurvivalView::PathsReduce), x), double(25 - i / 8));
        QVERIFY(std::abs(valueAt(view.curve(SurvivalView::ElementSparsity), x) - i) < 1e-9);
        QCOMPARE(valueAt(view.curve(SurvivalView::GroupSparsity), x), i >= 10 ? 25.0 : 0.0);
    }
    // Step-like: the normal cell's node line is 4 up to x = 1.1, then 3, running on to 4.0.
    QCPCurve *nodes = view.curve(SurvivalView::NodesNormal);
    QCOMPARE(nodes->dataCount(), 4);
    QCOMPARE(nodes->data()->at(0)->value, 4.0);
    QCOMPARE(nodes->data()->at(1)->key, 1.1);
    QCOMPARE(nodes->data()->at(1)->value, 4.0);
    QCOMPARE(nodes->data()->at(2)->key, 1.1);
    QCOMPARE(nodes->data()->at(2)->value, 3.0);
    QCOMPARE(nodes->data()->at(3)->key, 4.0);
    // Sparsity is on the right axis, in percent.
    QCOMPARE(view.curve(SurvivalView::ElementSparsity)->valueAxis()->axisType(), QCPAxis::atRight);
    QVERIFY(view.curve(SurvivalView::ElementSparsity)->valueAxis()->range().contains(39.0));
    QVERIFY(view.plot()->xAxis->range().contains(4.0));
}

void tst_Plots::survivalLambdaAxis()
{
    SurvivalView view;
    std::vector<Snapshot> batch;
    for (int i = 0; i < 6; ++i) {
        Snapshot s = makeSnapshot(i + 1, 2);
        CellSnapshot normal = makeCell("normal", [](int, int) { return 1.0f; });
        normal.aliveNodes = i < 3 ? std::vector<int>{2, 3, 4, 5} : std::vector<int>{2, 3};
        normal.alivePaths = 10 - i;
        s.cells = {normal};
        s.lambda = 0.01 * (i / 2); // 0, 0, 0.01, 0.01, 0.02, 0.02
        batch.push_back(s);
    }
    view.addSnapshots(batch);
    view.setXAxisMode(SurvivalView::XAxis::Lambda);
    QCPCurve *nodes = view.curve(SurvivalView::NodesNormal);
    // 4 from lambda 0; at snapshot 3 (lambda 0.01) ... still 4; at snapshot 4 (lambda 0.01)
    // it drops to 2: points (0, 4), (0.01, 4), (0.01, 2), and the tail (0.02, 2).
    QCOMPARE(nodes->dataCount(), 4);
    const double keys[] = {0.0, 0.01, 0.01, 0.02};
    const double values[] = {4, 4, 2, 2};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(nodes->data()->at(i)->key, keys[i]);
        QCOMPARE(nodes->data()->at(i)->value, values[i]);
    }
    QVERIFY(view.plot()->xAxis->range().contains(0.0));
    QVERIFY(view.plot()->xAxis->range().contains(0.02));
    view.setXAxisMode(SurvivalView::XAxis::Epoch);
    QCOMPARE(nodes->data()->at(1)->key, 2.0); // snapshot 4: epoch 1, 2 of 2 steps
}

void tst_Plots::survivalFromEpochs()
{
    // A run followed from disk: snapshots without cells, the cells at epoch ends.
    SurvivalView view;
    std::vector<Snapshot> bare;
    for (int i = 0; i < 20; ++i)
        bare.push_back(makeSnapshot(i + 1, 10));
    view.addSnapshots(bare);
    QCOMPARE(view.curve(SurvivalView::NodesNormal)->dataCount(), 0);
    for (int epoch = 0; epoch < 3; ++epoch) {
        EpochSummary e = pathEpoch(epoch);
        e.cells[0].aliveNodes = std::vector<int>(size_t(4 - epoch), 2);
        e.cells[0].alivePaths = 30 - 7 * epoch;
        e.elementSparsity = 0.1 * epoch;
        e.groupSparsity = 0.125 * epoch;
        view.addEpoch(e);
    }
    for (int epoch = 0; epoch < 3; ++epoch) {
        const double x = epoch + 1.0;
        QCOMPARE(valueAt(view.curve(SurvivalView::NodesNormal), x), double(4 - epoch));
        QCOMPARE(valueAt(view.curve(SurvivalView::PathsNormal), x), double(30 - 7 * epoch));
        QVERIFY(std::abs(valueAt(view.curve(SurvivalView::ElementSparsity), x) - 10.0 * epoch) <
                1e-9);
        QCOMPARE(valueAt(view.curve(SurvivalView::GroupSparsity), x), 12.5 * epoch);
    }
    QCOMPARE(view.curve(SurvivalView::NodesReduce)->dataCount(), 0); // no reduce cell given
}

void tst_Plots::regPathEndsAtFirstZero()
{
    RegPathView view;
    for (int epoch = 0; epoch < 6; ++epoch)
        view.addEpoch(pathEpoch(epoch));
    QCOMPARE(view.cellType(), QStringLiteral("normal"));
    QVERIFY(!view.pathCurve(0, 0)); // the "none" op has no path
    QVERIFY(!view.pathCurve(kEdges, 1));

    // Never zero: all six points, at lambda 0.01 .. 0.06.
    QCPCurve *alive = view.pathCurve(0, 1);
    QVERIFY(alive);
    QCOMPARE(alive->dataCount(), 6);
    for (int epoch = 0; epoch < 6; ++epoch) {
        QVERIFY(std::abs(alive->data()->at(epoch)->key - 0.01 * (epoch + 1)) < 1e-12);
        QCOMPARE(alive->data()->at(epoch)->value, double(pathWeight(0, 1, epoch)));
    }
    QCOMPARE(alive->pen().color(), edgeColor(0));

    // Zero at epoch 3: epochs 0..3, the last exactly 0, nothing after (not even its return
    // at epoch 5).
    QCPCurve *dies = view.pathCurve(2, 4);
    QCOMPARE(dies->dataCount(), 4);
    for (int epoch = 0; epoch < 4; ++epoch) {
        QVERIFY(std::abs(dies->data()->at(epoch)->key - 0.01 * (epoch + 1)) < 1e-12);
        QCOMPARE(dies->data()->at(epoch)->value, double(pathWeight(2, 4, epoch)));
    }
    QCOMPARE(dies->data()->at(3)->value, 0.0);
    QCOMPARE(dies->pen().color(), edgeColor(2));
    QCOMPARE(view.pathCurve(5, 3)->dataCount(), 2); // zero from epoch 1

    // The cross at its end: edge 2 has exactly one dead path, edge 5 one, edge 0 none.
    QCPCurve *crosses = view.endMarkers(2);
    QVERIFY(crosses);
    QCOMPARE(crosses->dataCount(), 1);
    QVERIFY(std::abs(crosses->data()->at(0)->key - 0.04) < 1e-12);
    QCOMPARE(crosses->data()->at(0)->value, 0.0);
    QCOMPARE(crosses->scatterStyle().shape(), QCPScatterStyle::ssCross);
    QCOMPARE(crosses->lineStyle(), QCPCurve::lsNone);
    QCOMPARE(view.endMarkers(5)->dataCount(), 1);
    QCOMPARE(view.endMarkers(0)->dataCount(), 0);

    // The legend lists the edges, by colour.
    QCOMPARE(view.plot()->legend->itemCount(), kEdges);
    auto *entry = qobject_cast<QCPPlottableLegendItem *>(view.plot()->legend->item(3));
    QVERIFY(entry);
    QCOMPARE(entry->plottable()->name(), edgeName(3));
    QCOMPARE(entry->plottable()->pen().color(), edgeColor(3));
    // Real subscripts (c_{k-1} in TeX), never an underscore a small font could cut.
    QCOMPARE(edgeName(3), QStringLiteral("c\u2096\u208b\u2081 \u2192 1"));
}

void tst_Plots::regPathMidEpochLambdaChange()
{
    // Epoch 0 of 10 steps: lambda 0.01 for steps 1-5, then 0.02. The last iterate at 0.01
    // (step 5) becomes a point, the latest snapshot is the moving tip.
    RegPathView view;
    std::vector<Snapshot> batch;
    for (int step = 1; step <= 8; ++step) {
        Snapshot s = makeSnapshot(step, 10);
        s.lambda = step <= 5 ? 0.01 : 0.02;
        s.cells = {makeCell("normal", [step](int e, int o) {
            return e == 1 && o == 2 ? 1.0f - 0.05f * float(step) : 0.5f;
        })};
        batch.push_back(s);
    }
    view.addSnapshots(batch);
    QCPCurve *path = view.pathCurve(1, 2);
    QCOMPARE(path->dataCount(), 2);
    QCOMPARE(path->data()->at(0)->key, 0.01);
    QCOMPARE(path->data()->at(0)->value, double(1.0f - 0.05f * 5)); // step 5
    QCOMPARE(path->data()->at(1)->key, 0.02);
    QCOMPARE(path->data()->at(1)->value, double(1.0f - 0.05f * 8)); // the tip, step 8

    Snapshot later = makeSnapshot(9, 10);
    later.lambda = 0.02;
    later.cells = {
        makeCell("normal", [](int e, int o) { return e == 1 && o == 2 ? 0.25f : 0.5f; })};
    view.addSnapshots({later});
    QCOMPARE(path->dataCount(), 2); // the tip moved, no new point
    QCOMPARE(path->data()->at(1)->value, 0.25);

    EpochSummary end;
    end.epoch = 0;
    end.step = 10;
    end.lambda = 0.02;
    end.cells = {makeCell("normal", [](int e, int o) { return e == 1 && o == 2 ? 0.2f : 0.5f; })};
    view.addEpoch(end);
    QCOMPARE(path->dataCount(), 2); // the epoch end replaces the tip
    QCOMPARE(path->data()->at(1)->value, double(0.2f));
}

void tst_Plots::regPathLateEpochSummary()
{
    // The main window drains snapshots 1..13, then the summary of epoch 0 (step 10) arrives:
    // the path still runs in step order, epoch 0's end, then the tip at step 13.
    RegPathView view;
    std::vector<Snapshot> batch;
    for (int step = 1; step <= 13; ++step) {
        Snapshot s = makeSnapshot(step, 10);
        s.lambda = step <= 10 ? 0.01 : 0.02;
        s.cells = {makeCell("normal", [step](int, int) { return 1.0f / float(step); })};
        batch.push_back(s);
    }
    view.addSnapshots(batch);
    EpochSummary end;
    end.epoch = 0;
    end.step = 10;
    end.lambda = 0.01;
    end.cells = {makeCell("normal", [](int, int) { return 0.1f; })};
    view.addEpoch(end);
    QCPCurve *path = view.pathCurve(6, 7);
    QCOMPARE(path->dataCount(), 2);
    QCOMPARE(path->data()->at(0)->key, 0.01);
    QCOMPARE(path->data()->at(0)->value, double(0.1f)); // the summary replaced step 10's point
    QCOMPARE(path->data()->at(1)->key, 0.02);
    QCOMPARE(path->data()->at(1)->value, double(1.0f / 13.0f));
}

void tst_Plots::regPathStepMode()
{
    RegPathView view;
    view.setXAxisMode(RegPathView::XAxis::Step);
    // 5000 snapshots, more than maxStepSamples: thinned, but the first zero (step 3777) of
    // A(3, 5) is kept exactly, and A(0, 1) runs to the latest step.
    const int n = 5000;
    std::vector<Snapshot> batch;
    for (int step = 1; step <= n; ++step) {
        Snapshot s = makeSnapshot(step, 500);
        s.lambda = 0.001 * double((step - 1) / 500);
        s.cells = {makeCell("normal", [step](int e, int o) {
            if (e == 3 && o == 5)
                return step < 3777 ? 1.0f - float(step) / 4000.0f : 0.0f;
            return 0.4f + 0.01f * float(e);
        })};
        batch.push_back(s);
        if (batch.size() == 250) {
            view.addSnapshots(batch);
            batch.clear();
        }
    }
    QCPCurve *live = view.pathCurve(0, 1);
    QVERIFY(live->dataCount() <= RegPathView::maxStepSamples + 1);
    QVERIFY(live->dataCount() >= RegPathView::maxStepSamples / 2);
    QCOMPARE(live->data()->at(0)->key, 1.0);
    QCOMPARE((live->data()->constEnd() - 1)->key, double(n));
    // Evenly thinned: constant spacing up to the moving end.
    const double spacing = live->data()->at(1)->key - live->data()->at(0)->key;
    for (int i = 1; i + 1 < live->dataCount(); ++i)
        QCOMPARE(live->data()->at(i)->key - live->data()->at(i - 1)->key, spacing);

    QCPCurve *dies = view.pathCurve(3, 5);
    QCOMPARE((dies->data()->constEnd() - 1)->key, 3777.0);
    QCOMPARE((dies->data()->constEnd() - 1)->value, 0.0);
    for (int i = 0; i + 1 < dies->dataCount(); ++i) {
        QVERIFY(dies->data()->at(i)->key < 3777.0);
        QVERIFY(dies->data()->at(i)->value > 0.0);
    }
    QCOMPARE(view.endMarkers(3)->dataCount(), 1);
    QCOMPARE(view.endMarkers(3)->data()->at(0)->key, 3777.0);

    // Back to lambda: there are no epoch ends yet, only the lambda changes at each 500 steps
    // (nine of them), plus the tip.
    view.setXAxisMode(RegPathView::XAxis::Lambda);
    QCOMPARE(live->dataCount(), 10);
    QCOMPARE(live->data()->at(0)->key, 0.0);
    QVERIFY(std::abs(live->data()->at(9)->key - 0.009) < 1e-12);
}

void tst_Plots::regPathClickAndHighlight()
{
    RegPathView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (int epoch = 0; epoch < 6; ++epoch)
        view.addEpoch(pathEpoch(epoch));
    view.plot()->replot();

    QSignalSpy spy(&view, &RegPathView::pathSelected);
    QCPCurve *target = view.pathCurve(0, 1);
    const QPoint pixel(int(std::lround(target->keyAxis()->coordToPixel(0.02))),
                       int(std::lround(target->valueAxis()->coordToPixel(pathWeight(0, 1, 1)))));
    QVERIFY(view.plot()->axisRect()->rect().contains(pixel));

    // Hover: the nearest point of the nearest path.
    QCOMPARE(
        view.hoverText(pixel),
        QStringLiteral("c\u2096\u208b\u2082 \u2192 0, max_pool_3x3: A = -0.72 at \u03bb = 0.02"));

    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, pixel);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("normal"));
    QCOMPARE(spy.at(0).at(1).toInt(), 0);
    QCOMPARE(spy.at(0).at(2).toInt(), 1);
    QCOMPARE(view.selectedEdge(), 0);
    QCOMPARE(view.selectedOp(), 1);
    QVERIFY(target->pen().widthF() > 2.5);
    QCPCurve *other = view.pathCurve(4, 2);
    QVERIFY(other->pen().widthF() < 1.5);
    QVERIFY(other->pen().color().alpha() < 100); // faded

    // Clicking the cross at the end of A(2, 4) selects that path.
    const QPoint cross(int(std::lround(target->keyAxis()->coordToPixel(0.04))),
                       int(std::lround(target->valueAxis()->coordToPixel(0.0))));
    // A(5, 3)'s cross sits at lambda 0.02, A(2, 4)'s at 0.04: no ambiguity.
    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, cross);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(1).toInt(), 2);
    QCOMPARE(spy.at(1).at(2).toInt(), 4);

    // Empty space clears the selection.
    const QPoint empty(int(std::lround(target->keyAxis()->coordToPixel(0.01))),
                       int(std::lround(target->valueAxis()->coordToPixel(-0.2))));
    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, empty);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(1).toInt(), -1);
    QCOMPARE(view.selectedEdge(), -1);
    QVERIFY(other->pen().color().alpha() == 255);
    QVERIFY(view.hoverText(empty).isEmpty());

    // From outside: no signal, the pen changes.
    view.highlightPath(QStringLiteral("normal"), 4, 2);
    QCOMPARE(spy.count(), 3);
    QVERIFY(other->pen().widthF() > 2.5);
    QVERIFY(target->pen().widthF() < 1.5);
    QVERIFY(target->pen().color().alpha() < 100);
    QCOMPARE(other->layer()->name(), QStringLiteral("selection"));
    view.highlightPath(QStringLiteral("normal"), -1, -1);
    QVERIFY(other->pen().widthF() < 1.5);
    QCOMPARE(target->pen().color().alpha(), 255);
}

void tst_Plots::regPathOtherCellType()
{
    RegPathView view;
    for (int epoch = 0; epoch < 4; ++epoch) {
        EpochSummary e = pathEpoch(epoch);
        e.cells.push_back(makeCell("reduce", [epoch](int edge, int op) {
            return edge == 7 && op == 6 ? (epoch < 2 ? 0.9f : 0.0f) : 0.3f;
        }));
        view.addEpoch(e);
    }
    QCOMPARE(view.pathCurve(7, 6)->dataCount(), 4); // normal: never zero there
    view.highlightPath(QStringLiteral("reduce"), 7, 6);
    QCOMPARE(view.cellType(), QStringLiteral("reduce"));
    QCOMPARE(view.selectedEdge(), 7);
    QCOMPARE(view.pathCurve(7, 6)->dataCount(), 3); // reduce: zero at epoch 2
    QVERIFY(view.pathCurve(7, 6)->pen().widthF() > 2.5);
    view.setCellType(QStringLiteral("normal"));
    QCOMPARE(view.pathCurve(7, 6)->dataCount(), 4);
    QCOMPARE(view.selectedEdge(), -1);
}

void tst_Plots::rendering_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("curves") << 0;
    QTest::newRow("survival") << 1;
    QTest::newRow("regpath") << 2;
}

static std::unique_ptr<QWidget> makeView(int which)
{
    if (which == 0)
        return std::make_unique<CurvesView>();
    if (which == 1)
        return std::make_unique<SurvivalView>();
    return std::make_unique<RegPathView>();
}

void tst_Plots::rendering()
{
    QFETCH(int, which);
    std::unique_ptr<QWidget> widget = makeView(which);
    auto *view = dynamic_cast<RunView *>(widget.get());
    widget->resize(800, 600);
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
    const QImage empty = widget->grab().toImage();
    QCOMPARE(empty.size(), QSize(800, 600) * widget->devicePixelRatioF());
    const int emptyColoured = colouredPixels(empty);
    // Fits in a dock: the legends wrap instead of widening the view.
    QVERIFY2(widget->minimumSizeHint().width() <= 600,
             qPrintable(QString::number(widget->minimumSizeHint().width())));

    const RealisticRun run = realisticRun(12, 40);
    RealisticRun half = run;
    half.snapshots.resize(run.snapshots.size() / 2);
    half.epochs.resize(run.epochs.size() / 2);
    feed(*view, half);
    QTest::qWait(20); // the queued replot
    const QImage first = widget->grab().toImage();
    const int firstColoured = colouredPixels(first);
    // Data drawn: thousands of coloured pixels where the empty view has (nearly) none.
    QVERIFY2(firstColoured > emptyColoured + 3000,
             qPrintable(QStringLiteral("%1 vs %2").arg(firstColoured).arg(emptyColoured)));

    view->clearRun();
    feed(*view, run);
    QTest::qWait(20);
    const QImage second = widget->grab().toImage();
    QVERIFY(second != first);
    int differing = 0;
    for (int y = 0; y < second.height(); ++y)
        for (int x = 0; x < second.width(); ++x)
            differing += second.pixel(x, y) != first.pixel(x, y) ? 1 : 0;
    QVERIFY2(differing > 1000, qPrintable(QString::number(differing)));
}

void tst_Plots::exports_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("suffix");
    for (int which = 0; which < 3; ++which)
        for (const char *suffix : {"png", "pdf", "svg", "PNG"})
            QTest::addRow("%d-%s", which, suffix) << which << QString::fromLatin1(suffix);
}

void tst_Plots::exports()
{
    QFETCH(int, which);
    QFETCH(QString, suffix);
    std::unique_ptr<QWidget> widget = makeView(which);
    auto *view = dynamic_cast<RunView *>(widget.get());
    widget->resize(700, 500);
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
    feed(*view, realisticRun(4, 20));
    QCustomPlot *plot = widget->findChild<QCustomPlot *>();
    QVERIFY(plot);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("view.") + suffix);
    QString error = QStringLiteral("stale");
    QVERIFY2(view->exportImage(path, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    if (suffix.toLower() == QLatin1String("png")) {
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QCOMPARE(image.size(), plot->size() * 2);
        QVERIFY(colouredPixels(image) > 3000);
    } else if (suffix == QLatin1String("pdf")) {
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.size() > 2000);
    } else {
        QVERIFY(bytes.contains("<svg"));
        QVERIFY(bytes.contains("</svg>"));
    }
}

void tst_Plots::exportFailures()
{
    CurvesView view;
    QTemporaryDir dir;
    QString error;
    const QString bmp = dir.filePath(QStringLiteral("curves.bmp"));
    QVERIFY(!view.exportImage(bmp, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(bmp)), qPrintable(error));
    QVERIFY(!QFile::exists(bmp));

    for (const char *name :
         {"missing/dir/curves.png", "missing/dir/curves.pdf", "missing/dir/curves.svg"}) {
        const QString bad = dir.filePath(QLatin1String(name));
        error.clear();
        QVERIFY2(!view.exportImage(bad, &error), name);
        QVERIFY2(error.contains(QDir::toNativeSeparators(bad)), qPrintable(error));
    }
    QVERIFY(!exportPlot(nullptr, bmp, &error));

    // Never shown: exported at 800 x 600, twice that in pixels.
    const QString png = dir.filePath(QStringLiteral("hidden.png"));
    QVERIFY(view.exportImage(png, &error));
    QImage image(png);
    QVERIFY(!image.isNull());
    const QRect viewport = view.plot()->viewport();
    const bool tiny = viewport.width() < 50 || viewport.height() < 50;
    QCOMPARE(image.size(), tiny ? QSize(1600, 1200) : viewport.size() * 2);
}

void tst_Plots::manySnapshots()
{
    // 20,000 snapshots with cells, in the main window's batches, each followed by its replot:
    // appending must stay cheap (no rebuild of the whole history per batch).
    const RealisticRun run = realisticRun(50, 400);
    QCOMPARE(run.snapshots.size(), size_t(20000));
    for (int which = 0; which < 3; ++which) {
        std::unique_ptr<QWidget> widget = makeView(which);
        auto *view = dynamic_cast<RunView *>(widget.get());
        widget->resize(800, 600);
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
        QCustomPlot *plot = widget->findChild<QCustomPlot *>();
        QElapsedTimer timer;
        timer.start();
        size_t next = 0, nextEpoch = 0;
        int replots = 0;
        while (next < run.snapshots.size()) {
            const size_t end = std::min(run.snapshots.size(), next + 100);
            view->addSnapshots(
                {run.snapshots.begin() + long(next), run.snapshots.begin() + long(end)});
            while (nextEpoch < run.epochs.size() &&
                   run.epochs[nextEpoch].step <= run.snapshots[end - 1].step)
                view->addEpoch(run.epochs[nextEpoch++]);
            next = end;
            if (next % 2000 == 0) {
                plot->replot();
                ++replots;
            }
        }
        const qint64 ms = timer.elapsed();
        qInfo("view %d: 20000 snapshots, %d replots in %lld ms", which, replots, ms);
        QVERIFY2(ms < 15000, qPrintable(QString::number(ms)));
        if (which == 0) {
            QCOMPARE(graphNamed(plot, "trainLoss")->dataCount(), 20000);
            QCOMPARE(graphNamed(plot, "epochValLoss")->dataCount(), 50);
        }
    }
}

void tst_Plots::clearRun()
{
    CurvesView curves;
    SurvivalView survival;
    RegPathView paths;
    const RealisticRun run = realisticRun(3, 10);
    for (RunView *view : std::initializer_list<RunView *>{&curves, &survival, &paths}) {
        feed(*view, run);
        view->addEvent(run.events.front());
        view->clearRun();
        view->clearRun(); // twice is harmless
    }
    QCOMPARE(graphNamed(curves.plot(), "trainLoss")->dataCount(), 0);
    QCOMPARE(graphNamed(curves.plot(), "epochValLoss")->dataCount(), 0);
    QCOMPARE(graphNamed(curves.plot(), "lambda")->dataCount(), 0);
    QCOMPARE(straightLines(curves.plot()).size(), 0);
    QCOMPARE(survival.curve(SurvivalView::PathsNormal)->dataCount(), 0);
    QVERIFY(!paths.pathCurve(0, 1));
    QCOMPARE(paths.plot()->legend->itemCount(), 0);
    // Empty input after a clear: nothing to draw, no crash.
    for (RunView *view : std::initializer_list<RunView *>{&curves, &survival, &paths}) {
        view->addSnapshots({});
        view->addSnapshots({Snapshot()});
        view->addEpoch(EpochSummary());
    }
    QCOMPARE(survival.curve(SurvivalView::PathsNormal)->dataCount(), 0);
    QVERIFY(!paths.pathCurve(0, 1));
    // A new run after the clear looks exactly as in a fresh view.
    paths.clearRun();
    feed(paths, run);
    RegPathView fresh;
    feed(fresh, run);
    QVERIFY(paths.pathCurve(0, 1));
    for (int e = 0; e < kEdges; ++e) {
        for (int o = 1; o < kOpCount; ++o) {
            QCPCurve *a = paths.pathCurve(e, o), *b = fresh.pathCurve(e, o);
            QCOMPARE(a->dataCount(), b->dataCount());
            for (int i = 0; i < a->dataCount(); ++i)
                QCOMPARE(a->data()->at(i)->value, b->data()->at(i)->value);
        }
    }
}

void tst_Plots::screenshots()
{
    // Not a check: writes what a user sees to $SPARSENAS_PLOTS_PNG_DIR/plots_*.png.
    const QString out = qEnvironmentVariable("SPARSENAS_PLOTS_PNG_DIR");
    if (out.isEmpty())
        QSKIP("set SPARSENAS_PLOTS_PNG_DIR to write screenshots");
    const RealisticRun run = realisticRun(30, 100);
    const char *names[] = {"curves", "survival", "regpath"};
    for (int which = 0; which < 3; ++which) {
        std::unique_ptr<QWidget> widget = makeView(which);
        widget->resize(900, 600);
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
        feed(*dynamic_cast<RunView *>(widget.get()), run);
        QTest::qWait(50);
        widget->grab().save(out + QStringLiteral("/plots_%1.png").arg(QLatin1String(names[which])));
        if (which == 2) {
            auto *paths = static_cast<RegPathView *>(widget.get());
            paths->highlightPath(QStringLiteral("normal"), 3, 4);
            QTest::qWait(50);
            widget->grab().save(out + QStringLiteral("/plots_regpath_selected.png"));
            paths->setXAxisMode(RegPathView::XAxis::Step);
            QTest::qWait(50);
            widget->grab().save(out + QStringLiteral("/plots_regpath_step.png"));
        }
        if (which == 0) {
            static_cast<CurvesView *>(widget.get())->setXAxisMode(CurvesView::XAxis::Step);
            QTest::qWait(50);
            widget->grab().save(out + QStringLiteral("/plots_curves_step.png"));
        }
        if (which == 1) {
            static_cast<SurvivalView *>(widget.get())->setXAxisMode(SurvivalView::XAxis::Lambda);
            QTest::qWait(50);
            widget->grab().save(out + QStringLiteral("/plots_survival_lambda.png"));
        }
    }
}

QTEST_MAIN(tst_Plots)
#include "tst_plots.moc"
