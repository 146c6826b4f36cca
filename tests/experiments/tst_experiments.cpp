// SPDX-License-Identifier: MIT
// Lab ▸ Supernet sweep and Lab ▸ Optimizer ablation: the ablation's table reads back what it
// writes and its Fig. 3 panels hold the means and min-max bands worked out by hand; a sweep
// record gives back its grid; the live figure view shows a figure's series, bands and fixed
// ranges and wraps its panels on a narrow screen; and the two panels run the real `sparsenas`
// commands, follow their files as they grow, stop them as Ctrl-C does, and continue a sweep
// without running a finished point again.

#include "ablationpanel.h"
#include "clijob.h"
#include "experimentswindow.h"
#include "figureview.h"
#include "mainwindow.h"
#include "plotexport.h"
#include "sweeppanel.h"

#include "sparsenas/base/ablationtable.h"
#include "sparsenas/base/errors.h"
#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/sweep.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMenuBar>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace sparsenas;

namespace {

const char *kTinyConfig = R"({
  "dataset": {"name": "digits", "limit": 384},
  "space": {"channels": 4, "layers": 3, "nodes": 2,
            "ops": ["none", "max_pool_3x3", "skip_connect", "sep_conv_3x3"]},
  "arch": {"optimizer": "adam_hapg", "lr": 0.01, "lambda_step": 0.1},
  "search": {"epochs": 2, "batch_size": 32, "seed": 5, "threads": 1, "on_collapse": "continue"},
  "checkpoint": {"keep": 2}
})";

AblationRow row(const char *optimizer, const char *penalty, double l10, unsigned long long seed,
                double acc, long long features, long long neurons, double zeros)
{
    AblationRow r;
    r.optimizer = optimizer;
    r.penalty = penalty;
    r.log10Lambda = l10;
    r.lambda = std::pow(10.0, l10);
    r.seed = seed;
    r.valAcc = acc;
    r.features = features;
    r.neurons = neurons;
    r.elementSparsity = zeros;
    r.trainLoss = 0.5;
    r.seconds = 1.25;
    return r;
}

QByteArray hashOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class tst_Experiments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ablationCsvRoundTripsAndNamesBadLines();
    void ablationFigureHoldsMeansAndBands();
    void sweepRecordGivesItsGrid();
    void figureViewShowsTheFigure();
    void ablationPanelRunsAndFillsIn();
    void ablationPanelStopKeepsFinishedRuns();
    void sweepPanelRunsFollowsAndContinues();
    void sweepPanelRefusesBadGridAndStops();
    void labMenuOpensBothTabs();
    void setupIsRemembered();

private:
    QString tmp(const QString &name) const { return m_tmp.filePath(name); }
    QTemporaryDir m_tmp;
};

void tst_Experiments::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("SparseNAS-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_experiments"));
    QSettings().clear();
    // The test runs from build/tests; the panels run the CLI built beside the studio.
    qputenv("SPARSENAS_CLI", SPARSENAS_BIN_DIR "/sparsenas");
    QString error;
    QVERIFY2(!CliJob::program(&error).isEmpty(), qPrintable(error));
}

void tst_Experiments::ablationCsvRoundTripsAndNamesBadLines()
{
    const std::vector<AblationRow> rows = {row("hapg", "sgl", -4, 0, 0.875, 31, 22, 0.6125),
                                           row("sgd", "group_lasso", -3.7, 2, 0.5, 64, 60, 0)};
    const std::string csv = ablationCsv(rows);
    QCOMPARE(QString::fromStdString(csv),
             QStringLiteral("optimizer,penalty,log10_lambda,lambda,seed,val_acc,features,neurons,"
                            "element_sparsity,train_loss,seconds\n"
                            "hapg,sgl,-4,0.0001,0,0.875,31,22,0.6125,0.5,1.250\n"
                            "sgd,group_lasso,-3.7,0.000199526,2,0.5,64,60,0,0.5,1.250\n"));
    const auto back = parseAblationCsv(csv, "a.csv");
    QCOMPARE(back.size(), size_t(2));
    QCOMPARE(back[1].method(), std::string("sgd/group_lasso"));
    QCOMPARE(back[1].log10Lambda, -3.7);
    QCOMPARE(back[1].lambda, 0.000199526); // 6 significant digits, as written
    QCOMPARE(back[0].features, 31LL);
    QCOMPARE(back[0].elementSparsity, 0.6125);
    QCOMPARE(back[1].seed, 2ULL);

    const std::string header = std::string(kAblationCsvHeader) + "\n";
    const struct
    {
        std::string text;
        QString expected;
    } bad[] = {
        {"optimizer,penalty\n", QStringLiteral("a.csv line 1: the header is not ablation.csv's")},
        {header + "hapg,sgl,-4,0.0001,0,0.8,31,22,0.6,0.5,1\nhapg,sgl,-4\n",
         QStringLiteral("a.csv line 3: 3 fields, expected 11")},
        {header + "ridge,sgl,-4,0.0001,0,0.8,31,22,0.6,0.5,1\n",
         QStringLiteral("a.csv line 2: optimizer 'ridge' is not an optimizer")},
        {header + "hapg,sgl,-4,0.0001,0,nan,31,22,0.6,0.5,1\n",
         QStringLiteral("a.csv line 2: val_acc 'nan' is not a finite number")},
        {header + "hapg,sgl,-4,0.0001,0,0.8,-1,22,0.6,0.5,1\n",
         QStringLiteral("a.csv line 2: features '-1' is not a count")},
        {header + "hapg,sgl,-4,0.0001,0,0.8,3x,22,0.6,0.5,1\n",
         QStringLiteral("a.csv line 2: features '3x' is not a count")},
    };
    for (const auto &b : bad) {
        QString got;
        try {
            parseAblationCsv(b.text, "a.csv");
        } catch (const FormatError &e) {
            got = QString::fromUtf8(e.what());
        }
        QVERIFY2(got.startsWith(b.expected), qPrintable(got + QStringLiteral(" / ") + b.expected));
    }
    // An empty table (the header alone) is no runs, not an error.
    QVERIFY(parseAblationCsv(header, "a.csv").empty());
}

void tst_Experiments::ablationFigureHoldsMeansAndBands()
{
    // hapg/sgl: two seeds at -4, one at -3.5 (written first: the x order is by lambda);
    // hapg/lasso at -4 only; adam/sgl asked for by the order but without rows.
    const std::vector<AblationRow> rows = {
        row("hapg", "sgl", -3.5, 0, 0.70, 12, 30, 0.80),
        row("hapg", "sgl", -4, 0, 0.80, 10, 40, 0.50),
        row("hapg", "sgl", -4, 1, 0.90, 20, 50, 0.70),
        row("hapg", "lasso", -4, 0, 0.60, 64, 60, 0.10),
    };
    const Figure f = ablationFigure(rows, {"adam/sgl", "hapg/sgl"});
    QCOMPARE(f.panels.size(), size_t(4));
    QCOMPARE(f.columns, 4);
    for (const auto &p : f.panels) {
        QCOMPARE(p.series.size(), size_t(3));
        QCOMPARE(p.series[0].name, std::string("adam/sgl"));
        QCOMPARE(p.series[1].name, std::string("hapg/sgl"));
        QCOMPARE(p.series[2].name, std::string("hapg/lasso"));
        QVERIFY(p.series[0].x.empty()); // its legend entry stays
        QVERIFY(!p.series[1].dashed);
        QVERIFY(p.series[2].dashed); // not SGL
        QCOMPARE(p.series[1].x, (std::vector<double>{-4, -3.5}));
    }
    // Accuracy %: mean (80 + 90) / 2 = 85, band 80..90; at -3.5 one seed: 70 with no spread.
    const FigureSeries &acc = f.panels[0].series[1];
    QCOMPARE(acc.y.size(), size_t(2));
    QVERIFY(std::fabs(acc.y[0] - 85.0) < 1e-12);
    QVERIFY(std::fabs(acc.lo[0] - 80.0) < 1e-12 && std::fabs(acc.hi[0] - 90.0) < 1e-12);
    QVERIFY(std::fabs(acc.y[1] - 70.0) < 1e-12 && acc.lo[1] == acc.hi[1]);
    // Features: (10 + 20) / 2; neurons: (40 + 50) / 2; zeros %: (50 + 70) / 2.
    QCOMPARE(f.panels[1].series[1].y[0], 15.0);
    QCOMPARE(f.panels[2].series[1].y[0], 45.0);
    QVERIFY(std::fabs(f.panels[3].series[1].y[0] - 60.0) < 1e-12);
    QCOMPARE(f.panels[1].series[2].y, std::vector<double>{64.0});
    // Counts and percentages on fixed ranges (of 64 features, 60 neurons, 100 %).
    QCOMPARE(f.panels[1].yMax, 64.0);
    QCOMPARE(f.panels[2].yMax, 60.0);
    QCOMPARE(f.panels[3].yMax, 100.0);
    QVERIFY(f.panels[0].yMin >= f.panels[0].yMax); // accuracy: from the data
}

void tst_Experiments::sweepRecordGivesItsGrid()
{
    const std::vector<SweepAxis> axes = {{"arch.alpha", {"0.3", "0.7"}},
                                         {"arch.lambda_step", {"0.01", "0.02", "0.03"}}};
    const nlohmann::json base = {{"name", "x"}, {"search", {{"epochs", 3}}}};
    const nlohmann::json record = sweepRecord(base, axes);
    const auto back = sweepAxesOf(record);
    QCOMPARE(back.size(), size_t(2));
    QCOMPARE(back[1].field, std::string("arch.lambda_step"));
    QCOMPARE(back[1].values, (std::vector<std::string>{"0.01", "0.02", "0.03"}));
    QVERIFY(sweepBaseOf(record) == base);

    nlohmann::json damaged = record;
    damaged["grid"][1]["values"] = {0.01};
    QString why;
    try {
        sweepAxesOf(damaged);
    } catch (const FormatError &e) {
        why = QString::fromUtf8(e.what());
    }
    QCOMPARE(why, QStringLiteral("grid[1].values: 0.01 is not a string"));
    why.clear();
    try {
        sweepAxesOf(nlohmann::json{{"format", "other"}});
    } catch (const FormatError &e) {
        why = QString::fromUtf8(e.what());
    }
    QVERIFY2(why.startsWith(QStringLiteral("not a sweep record")), qPrintable(why));
}

void tst_Experiments::figureViewShowsTheFigure()
{
    const std::vector<AblationRow> rows = {row("hapg", "sgl", -4, 0, 0.80, 10, 40, 0.50),
                                           row("hapg", "sgl", -4, 1, 0.90, 20, 50, 0.70),
                                           row("hapg", "sgl", -3, 0, 0.70, 12, 30, 0.80),
                                           row("sgd", "sgl", -4, 0, 0.95, 64, 60, 0.0)};
    const Figure figure = ablationFigure(rows);
    FigureView view;
    view.resize(1200, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFigure(figure);
    QCOMPARE(view.columnsShown(), 4);
    // Per panel and method: the band's two edges and the line.
    QCOMPARE(view.plot()->graphCount(), 4 * 2 * 3);
    QCOMPARE(view.plot()->axisRectCount(), 4);
    const QCPGraph *line = view.plot()->graph(2); // panel 0, hapg/sgl's line
    QCOMPARE(line->name(), QStringLiteral("hapg/sgl"));
    QCOMPARE(line->data()->size(), 2);
    QCOMPARE(line->data()->at(0)->key, -4.0);
    QVERIFY(std::fabs(line->data()->at(0)->value - 85.0) < 1e-12);
    QCOMPARE(view.plot()->graph(1)->data()->at(0)->value, 90.0); // the band's upper edge
    // The fixed ranges: features 0..64 on panel 1.
    const QCPAxis *features = view.plot()->graph(2 * 3)->valueAxis(); // panel 1's first graph
    QCOMPARE(features->range().lower, 0.0);
    QCOMPARE(features->range().upper, 64.0);
    QCOMPARE(features->label(), QStringLiteral("features (of 64)"));

    // The tooltip names the nearest point, with its spread over seeds.
    view.plot()->replot();
    const QPointF at(line->keyAxis()->coordToPixel(-4.0) + 3,
                     line->valueAxis()->coordToPixel(85.0) - 2);
    const QString tip = view.pointTextAt(at);
    QVERIFY2(tip.startsWith(QStringLiteral("hapg/sgl\n")) && tip.contains(QStringLiteral("= -4")) &&
                 tip.contains(QStringLiteral("= 85 (80 – 90)")),
             qPrintable(tip));
    QVERIFY(view.pointTextAt(QPointF(2, 2)).isEmpty());

    // Panels without series (an ablation before any method is chosen) still share the width
    // equally: no empty legend caps it.
    FigureView empty;
    empty.resize(1068, 240);
    empty.show();
    QVERIFY(QTest::qWaitForWindowExposed(&empty));
    empty.setFigure(ablationFigure({}));
    QCOMPARE(empty.columnsShown(), 4);
    for (int i = 0; i < empty.plot()->axisRectCount(); ++i)
        QVERIFY2(empty.plot()->axisRect(i)->outerRect().width() >= 1068 / 4 - 8,
                 qPrintable(QString::number(empty.plot()->axisRect(i)->outerRect().width())));

    // The legend's entries per row follow the width, also when the panels' columns stay.
    const int legendWide = view.legendColumns();
    QVERIFY(legendWide >= 2);
    view.resize(4 * FigureView::minimumPanelWidth, 500); // still 4 panel columns
    QTRY_VERIFY(view.legendColumns() < legendWide);
    QCOMPARE(view.columnsShown(), 4);
    view.resize(1200, 500);
    QTRY_COMPARE(view.legendColumns(), legendWide);

    // The same figure again draws nothing new; a narrow window wraps the panels.
    const QCPGraph *before = view.plot()->graph(0);
    view.setFigure(figure);
    QCOMPARE(view.plot()->graph(0), before);
    view.resize(560, 700);
    QTRY_COMPARE(view.columnsShown(), 2);
    QCOMPARE(view.plot()->graphCount(), 4 * 2 * 3);
}

void tst_Experiments::ablationPanelRunsAndFillsIn()
{
    AblationPanel panel(m_tmp.path());
    panel.setMethods({QStringLiteral("sgd/sgl"), QStringLiteral("hapg/sgl")});
    panel.setLambdas(-3, -2.5, 2);
    panel.setSeeds(2);
    panel.setEpochs(3);
    const QString out = tmp(QStringLiteral("ablation"));
    panel.setFolder(out);
    QCOMPARE(panel.plannedRuns(), 8);
    QString error;
    QCOMPARE(
        panel.ablationArguments(&error),
        (QStringList{QStringLiteral("ablation"), QStringLiteral("--methods"),
                     QStringLiteral("sgd/sgl,hapg/sgl"), QStringLiteral("--lambdas"),
                     QStringLiteral("-3,-2.5,2"), QStringLiteral("--seeds"), QStringLiteral("2"),
                     QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--alpha"),
                     QStringLiteral("0.5"), QStringLiteral("--out"), out}));
    QVERIFY2(panel.start(false, &error), qPrintable(error));
    QVERIFY(panel.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), 240000);
    panel.refresh();

    // What the panel shows is the file the command wrote.
    const auto rows = parseAblationCsv(
        readFile((out + QStringLiteral("/ablation.csv")).toStdString()), "ablation.csv");
    QCOMPARE(rows.size(), size_t(8));
    QCOMPARE(panel.rows().size(), size_t(8));
    QCOMPARE(panel.runsTable()->rowCount(), 8);
    QCOMPARE(panel.progress()->value(), 8);
    QCOMPARE(panel.progress()->maximum(), 8);
    const Figure &shown = panel.figureView()->figure();
    QCOMPARE(shown.panels.size(), size_t(4));
    QCOMPARE(shown.panels[0].series[0].name, std::string("sgd/sgl"));
    QCOMPARE(shown.panels[0].series[1].name, std::string("hapg/sgl"));
    // hapg/sgl's features at log10 lambda -3: the mean of its two seeds' rows.
    double sum = 0;
    for (const auto &r : rows) {
        if (r.method() == "hapg/sgl" && r.log10Lambda == -3)
            sum += double(r.features);
    }
    QCOMPARE(shown.panels[1].series[1].x.front(), -3.0);
    QVERIFY(std::fabs(shown.panels[1].series[1].y.front() - sum / 2) < 1e-12);
    QVERIFY(QFile::exists(out + QStringLiteral("/fig3.svg")));

    // Exports: the table as the command wrote it; a figure as PDF.
    QVERIFY2(panel.exportTo(tmp(QStringLiteral("copy.csv")), &error), qPrintable(error));
    QCOMPARE(hashOf(tmp(QStringLiteral("copy.csv"))),
             hashOf(out + QStringLiteral("/ablation.csv")));
    QVERIFY2(panel.exportTo(tmp(QStringLiteral("fig.pdf")), &error), qPrintable(error));
    QVERIFY(readFile(tmp(QStringLiteral("fig.pdf")).toStdString()).rfind("%PDF-", 0) == 0);
    QVERIFY(!panel.exportTo(tmp(QStringLiteral("fig.xls")), &error));
    QVERIFY2(error.contains(QStringLiteral("choose .csv")), qPrintable(error));

    // The folder holds an ablation now: a new one there must be asked for.
    QVERIFY(!panel.start(false, &error));
    QVERIFY2(error.contains(QStringLiteral("holds an ablation already")), qPrintable(error));

    // Another panel opens the folder and shows the same runs.
    AblationPanel other(m_tmp.path());
    QVERIFY2(other.openAblation(out, &error), qPrintable(error));
    QCOMPARE(other.rows().size(), size_t(8));
    QVERIFY(sameFigure(other.figureView()->figure(), shown));
    QVERIFY(!other.openAblation(m_tmp.path(), &error));
    QVERIFY2(error.contains(QStringLiteral("ablation.csv")), qPrintable(error));
}

void tst_Experiments::ablationPanelStopKeepsFinishedRuns()
{
    AblationPanel panel(m_tmp.path());
    panel.setMethods({QStringLiteral("hapg/sgl")});
    panel.setLambdas(-4, -3, 10);
    panel.setSeeds(3);
    panel.setEpochs(20); // 30 runs: minutes, it is stopped after the first
    const QString out = tmp(QStringLiteral("ablation-stopped"));
    panel.setFolder(out);
    QString error;
    QVERIFY2(panel.start(false, &error), qPrintable(error));
    QSignalSpy ended(panel.job(), &CliJob::finished);
    QTRY_VERIFY_WITH_TIMEOUT(panel.rows().size() >= 1, 120000);
    panel.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), 120000);
    QCOMPARE(ended.front().at(0).toInt(), 130);
    const size_t kept = panel.rows().size();
    QVERIFY(kept >= 1 && kept < 30);
    QVERIFY2(panel.statusText().startsWith(QStringLiteral("Stopped after %1 of 30 runs").arg(kept)),
             qPrintable(panel.statusText()));
    // The command drew the figure of what finished before it stopped.
    QVERIFY(QFile::exists(out + QStringLiteral("/fig3.pdf")));
}

void tst_Experiments::sweepPanelRunsFollowsAndContinues()
{
    const QString config = tmp(QStringLiteral("tiny.json"));
    writeFileAtomic(config.toStdString(), kTinyConfig);
    SweepPanel panel(m_tmp.path());
    panel.setConfigFile(config);
    panel.setGrid(QStringLiteral("arch.alpha=0.3,0.7\n"));
    panel.setOverrides(QStringLiteral("search.epochs=2"));
    panel.setJobs(2);
    const QString out = tmp(QStringLiteral("sweep"));
    panel.setFolder(out);
    QString error;
    QCOMPARE(
        panel.sweepArguments(&error),
        (QStringList{QStringLiteral("sweep"), QStringLiteral("--config"), config,
                     QStringLiteral("--grid"), QStringLiteral("arch.alpha=0.3,0.7"),
                     QStringLiteral("--set"), QStringLiteral("search.epochs=2"),
                     QStringLiteral("--out"), out, QStringLiteral("--jobs"), QStringLiteral("2")}));
    QVERIFY2(panel.start(&error), qPrintable(error));
    // The grid is shown at once, before any point has a run directory.
    QCOMPARE(panel.table()->rowCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), 240000);
    panel.refresh();

    QCOMPARE(panel.rows().size(), size_t(2));
    const auto points = sweepPoints(panel.axes());
    for (size_t i = 0; i < 2; ++i) {
        const SweepRow expected = readSweepRow(
            (out + QLatin1Char('/') + QString::fromStdString(points[i].name)).toStdString(),
            points[i]);
        QCOMPARE(expected.state, std::string("finished"));
        QCOMPARE(panel.rows()[i].valAcc, expected.valAcc);
        QCOMPARE(panel.table()->item(int(i), 0)->text(), QString::fromStdString(points[i].name));
        QCOMPARE(panel.table()->item(int(i), 1)->text(),
                 QString::fromStdString(points[i].values[0]));
        QCOMPARE(panel.table()->item(int(i), 2)->text(), QStringLiteral("finished"));
        QCOMPARE(panel.table()->item(int(i), 3)->text(), QStringLiteral("2"));
        QCOMPARE(panel.table()->item(int(i), 4)->text(),
                 QString::number(100 * expected.valAcc, 'f', 2));
        // Fig. 4: one line per point, one value per epoch.
        const FigureSeries &s = panel.curves()->figure().panels.front().series[i];
        QCOMPARE(s.y.size(), size_t(2));
        QVERIFY(std::fabs(s.y.back() - 100 * expected.valAcc) < 1e-12);
        QCOMPARE(s.name, std::string(i == 0 ? "alpha=0.3" : "alpha=0.7"));
    }
    QVERIFY2(panel.statusText().startsWith(
                 QStringLiteral("Points: 2 · finished 2 · running 0 · failed 0")),
             qPrintable(panel.statusText()));

    // The summary exports are the CLI's.
    QVERIFY2(panel.exportTo(tmp(QStringLiteral("s.csv")), &error), qPrintable(error));
    QCOMPARE(hashOf(tmp(QStringLiteral("s.csv"))), hashOf(out + QStringLiteral("/summary.csv")));
    QVERIFY2(panel.exportTo(tmp(QStringLiteral("s.md")), &error), qPrintable(error));
    QCOMPARE(hashOf(tmp(QStringLiteral("s.md"))), hashOf(out + QStringLiteral("/summary.md")));

    // Another panel opens the folder: the grid, the base and the rows; Start continues the
    // sweep, and a finished point is not run again (its metrics stay byte for byte).
    const QString metrics = out + QLatin1Char('/') + QString::fromStdString(points[0].name) +
                            QStringLiteral("/metrics.jsonl");
    const QByteArray before = hashOf(metrics);
    SweepPanel opened(m_tmp.path());
    QVERIFY2(opened.openSweep(out, &error), qPrintable(error));
    QCOMPARE(opened.rows().size(), size_t(2));
    QCOMPARE(opened.rows()[1].valAcc, panel.rows()[1].valAcc);
    const QStringList args = opened.sweepArguments(&error);
    QVERIFY2(args.contains(QStringLiteral("arch.alpha=0.3,0.7")),
             qPrintable(args.join(QLatin1Char(' '))));
    QVERIFY(!args.contains(QStringLiteral("--set"))); // the base holds the settings
    QVERIFY2(opened.start(&error), qPrintable(error));
    QSignalSpy ended(opened.job(), &CliJob::finished);
    QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), 120000);
    QVERIFY2(ended.front().at(0).toInt() == 0,
             qPrintable(opened.job()->output().join(QLatin1Char('\n'))));
    QCOMPARE(hashOf(metrics), before);
    QVERIFY(!opened.openSweep(tmp(QStringLiteral("nowhere")), &error));
    QVERIFY2(error.contains(QStringLiteral("is not a sweep folder")), qPrintable(error));
}

void tst_Experiments::sweepPanelRefusesBadGridAndStops()
{
    SweepPanel panel(m_tmp.path());
    panel.setBasePreset(QStringLiteral("digits-quick"));
    panel.setFolder(tmp(QStringLiteral("sweep-stop")));
    // Before a start, the table previews the grid's points, as the grid is edited.
    panel.setGrid(QStringLiteral("arch.alpha=0.3,0.5,0.7\narch.lambda_step=0.01,0.02"));
    QCOMPARE(panel.table()->rowCount(), 6);
    QCOMPARE(panel.table()->item(5, 0)->text(), QStringLiteral("6-alpha=0.7-lambda_step=0.02"));
    QCOMPARE(panel.table()->item(5, 3)->text(), QStringLiteral("not started"));
    QCOMPARE(panel.curves()->figure().panels.front().series[1].name,
             std::string("alpha=0.3, lambda_step=0.02 (not started)"));
    QString error;
    panel.setGrid(QStringLiteral("arch.alpha=0.3,0.7\n\narch.alpha"));
    QVERIFY(panel.sweepArguments(&error).isEmpty());
    QVERIFY2(error.startsWith(QStringLiteral("Grid line 3: --grid arch.alpha: expected")),
             qPrintable(error));
    panel.setGrid(QStringLiteral("arch.alpha=0.3,0.3"));
    QVERIFY(panel.sweepArguments(&error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("the value 0.3 is given twice")), qPrintable(error));
    panel.setGrid(QStringLiteral("arch.alpha=0.3\narch.alpha=0.5"));
    QVERIFY(panel.sweepArguments(&error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("given twice")), qPrintable(error));
    panel.setGrid(QStringLiteral("arch.alpha=0.3,0.7"));
    panel.setOverrides(QStringLiteral("search.epochs"));
    QVERIFY(panel.sweepArguments(&error).isEmpty());
    QVERIFY2(error.startsWith(QStringLiteral("Settings line 1 (search.epochs): expected")),
             qPrintable(error));
    // A config the command refuses: its message and exit code reach the panel.
    panel.setOverrides(QStringLiteral("search.batch_size=0"));
    QVERIFY2(panel.start(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), 60000);
    QVERIFY2(panel.statusText().contains(QStringLiteral("exited with code 2")),
             qPrintable(panel.statusText()));

    // Stop: the running searches stop after their checkpoints and the sweep says 130.
    const QString config = tmp(QStringLiteral("tiny-long.json"));
    writeFileAtomic(config.toStdString(), kTinyConfig);
    panel.setConfigFile(config);
    panel.setOverrides(QStringLiteral("search.epochs=400"));
    panel.setJobs(2);
    QVERIFY2(panel.start(&error), qPrintable(error));
    QSignalSpy ended(panel.job(), &CliJob::finished);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(panel.rows().begin(), panel.rows().end(),
                                         [](const SweepRow &r) { return r.epochsDone >= 1; }),
                             120000);
    panel.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), 120000);
    QCOMPARE(ended.front().at(0).toInt(), 130);
    panel.refresh();
    for (const auto &r : panel.rows())
        QVERIFY2(r.state == "stopped", r.state.c_str());
}

void tst_Experiments::labMenuOpensBothTabs()
{
    MainWindow w;
    QAction *sweep = nullptr, *ablation = nullptr;
    for (QAction *menu : w.menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction *a : menu->menu()->actions()) {
            if (a->text() == QStringLiteral("Supernet &sweep…"))
                sweep = a;
            if (a->text() == QStringLiteral("&Optimizer ablation (Fig. 3)…"))
                ablation = a;
        }
    }
    QVERIFY(sweep && ablation);
    QVERIFY(!w.experimentsWindow());
    ablation->trigger();
    QVERIFY(w.experimentsWindow() && w.experimentsWindow()->isVisible());
    auto *tabs = w.experimentsWindow()->findChild<QTabWidget *>();
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(w.experimentsWindow()->ablation()));
    sweep->trigger();
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget *>(w.experimentsWindow()->sweep()));
}

void tst_Experiments::setupIsRemembered()
{
    QSettings().clear();
    {
        SweepPanel sweep(m_tmp.path());
        sweep.setGrid(QStringLiteral("arch.lambda_step=0.01,0.03"));
        sweep.setOverrides(QStringLiteral("search.epochs=7"));
        sweep.setJobs(3);
        sweep.setEvaluatePreset(QStringLiteral("digits-eval"));
        AblationPanel ablation(m_tmp.path());
        ablation.setMethods({QStringLiteral("adam/lasso")});
        ablation.setLambdas(-4, -2, 5);
        ablation.setSeeds(2);
    }
    SweepPanel sweep(m_tmp.path());
    QString error;
    sweep.setFolder(tmp(QStringLiteral("remembered")));
    const QStringList args = sweep.sweepArguments(&error);
    QVERIFY2(args.contains(QStringLiteral("arch.lambda_step=0.01,0.03")) &&
                 args.contains(QStringLiteral("search.epochs=7")) &&
                 args.contains(QStringLiteral("3")) && args.contains(QStringLiteral("digits-eval")),
             qPrintable(args.join(QLatin1Char(' ')) + error));
    AblationPanel ablation(m_tmp.path());
    QCOMPARE(ablation.checkedMethods(), QStringList{QStringLiteral("adam/lasso")});
    QCOMPARE(ablation.plannedRuns(), 1 * 5 * 2);
    QSettings().clear();
}

QTEST_MAIN(tst_Experiments)
#include "tst_experiments.moc"
