// SPDX-License-Identifier: MIT
// The studio's plumbing with a real tiny search: the controller starts, pauses, steers, stops
// and resumes it; the follower reads a run directory while it is being written; the Graphviz
// thread coalesces renders; the main window runs a search end to end and reopens the run.

#include "cellexporter.h"
#include "cellgraphview.h"
#include "exportdialog.h"
#include "curvesview.h"
#include "graphvizservice.h"
#include "archweightsview.h"
#include "logview.h"
#include "steeringpanel.h"

#include <QDoubleSpinBox>
#include <QPushButton>
#include "mainwindow.h"
#include "runfollower.h"
#include "searchcontroller.h"

#include "configform.h"
#include "sparsenas/base/config.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/searchengine.h"

#include "plotexport.h" // qcustomplot.h, made to build with QT_NO_KEYWORDS

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace sparsenas;
using nlohmann::json;

namespace {

/// 384 digits (192 / 192), 3 cells of 2 nodes, 4 ops: 6 steps per epoch, seconds per run.
json tinyJson(int epochs = 3)
{
    return json{{"name", "tiny"},
                {"dataset", {{"name", "digits"}, {"limit", 384}}},
                {"space",
                 {{"channels", 4},
                  {"layers", 3},
                  {"nodes", 2},
                  {"ops", {"none", "max_pool_3x3", "skip_connect", "sep_conv_3x3"}}}},
                {"arch", {{"optimizer", "adam_hapg"}, {"lr", 0.01}, {"lambda_step", 0.1}}},
                {"search", {{"epochs", epochs}, {"batch_size", 32}, {"seed", 5}, {"threads", 2}}},
                {"checkpoint", {{"keep", 2}}}};
}

/// Drains a controller into one accumulated update whenever it signals.
struct Collector
{
    RunUpdate all;
    void take(SearchController &c) { all.append(c.takeUpdate()); }
};

int countXmlElements(const QByteArray &svg, const QString &name, QString *error)
{
    QXmlStreamReader xml(svg);
    int n = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == name)
            ++n;
    }
    if (xml.hasError())
        *error = xml.errorString();
    return n;
}

} // namespace

class tst_Studio : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void controllerStartPauseSteerStopResume();
    void controllerReportsBadRunAsFailure();
    void followerReadsRunBeingWritten();
    void followerWaitsForCompleteLinesAndRestartsOnShrink();
    void followerReadsLongRunsInChunks();
    void graphvizServiceCoalescesAndExports();
    void cellExporterWritesEveryFormat_data();
    void cellExporterWritesEveryFormat();
    void mainWindowRunsSearchAndReopensIt();
    void mainWindowSteersStopsAndResumesWithHistory();

private:
    QTemporaryDir m_tmp;
    QString dir(const QString &name) const { return m_tmp.filePath(name); }
};

void tst_Studio::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("SparseNAS-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_studio"));
    QSettings().clear();
}

void tst_Studio::controllerStartPauseSteerStopResume()
{
    SearchController c;
    Collector col;
    connect(&c, &SearchController::dataAvailable, this, [&] { col.take(c); });
    QSignalSpy states(&c, &SearchController::stateChanged);
    QSignalSpy ended(&c, &SearchController::runEnded);

    QVERIFY(c.startNew(configFromJson(tinyJson()), dir(QStringLiteral("ctl"))));
    QString error;
    QVERIFY(!c.startNew(configFromJson(tinyJson()), dir(QStringLiteral("other")), &error));
    QVERIFY(error.contains(QStringLiteral("already running")));

    // Pause as soon as the first step is seen; the engine takes it before the next batch.
    QTRY_VERIFY_WITH_TIMEOUT(!col.all.snapshots.empty(), 120000);
    c.pause();
    QTRY_COMPARE_WITH_TIMEOUT(int(c.state()), int(RunState::Paused), 60000);
    col.take(c);
    const int64_t pausedAt = col.all.snapshots.back().step;
    QTest::qWait(300);
    col.take(c);
    QCOMPARE(col.all.snapshots.back().step, pausedAt); // nothing runs while paused

    // Steering while paused: the new lambda is in force from the next snapshot on, and the
    // event that marks it on the plots arrives with the step where it happened.
    c.setLambda(0.37);
    c.setAlpha(0.25);
    c.resume();
    QTRY_VERIFY_WITH_TIMEOUT(col.all.snapshots.back().step > pausedAt, 60000);
    const Snapshot &after = col.all.snapshots.back();
    QCOMPARE(after.lambda, 0.37);
    QCOMPARE(after.alpha, 0.25);
    bool sawLambda = false;
    for (const RunEventInfo &e : col.all.events) {
        if (e.kind == RunEventKind::Lambda) {
            sawLambda = true;
            QCOMPARE(e.value, 0.37);
            QCOMPARE(e.step, pausedAt);
        }
    }
    QVERIFY(sawLambda);

    c.stop();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
    QCOMPARE(ended.at(0).at(0).toInt(), int(RunState::Stopped));
    QVERIFY(c.wait(10000));
    QVERIFY(!c.isActive());
    const std::string ckpt = RunDirectory(dir(QStringLiteral("ctl")).toStdString())
                                 .latestCheckpoint();
    QVERIFY(!ckpt.empty());
    col.take(c);
    const int64_t stoppedAt = col.all.snapshots.back().step;
    bool sawPaused = false;
    for (const QList<QVariant> &s : std::as_const(states))
        sawPaused = sawPaused || RunState(s.at(0).toInt()) == RunState::Paused;
    QVERIFY(sawPaused);

    // Resume continues from the checkpoint to the end: 3 epochs x 6 steps.
    col.all = RunUpdate{};
    QVERIFY(c.resumeRun(dir(QStringLiteral("ctl"))));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 180000);
    QCOMPARE(ended.at(1).at(0).toInt(), int(RunState::Finished));
    col.take(c);
    QVERIFY(!col.all.snapshots.empty());
    QVERIFY(col.all.snapshots.front().step <= stoppedAt + 1);
    QCOMPARE(col.all.snapshots.back().step, int64_t(18));
    QVERIFY(c.lastResult().has_value());
    QCOMPARE(c.lastResult()->epochsDone, int64_t(3));
}

void tst_Studio::controllerReportsBadRunAsFailure()
{
    SearchController c;
    Collector col;
    connect(&c, &SearchController::dataAvailable, this, [&] { col.take(c); });
    QSignalSpy ended(&c, &SearchController::runEnded);
    json j = tinyJson();
    j["dataset"] = {{"name", "fashion-mnist"}, {"path", dir(QStringLiteral("nowhere")).toStdString()}};
    QVERIFY(c.startNew(configFromJson(j), dir(QStringLiteral("bad"))));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
    QCOMPARE(ended.at(0).at(0).toInt(), int(RunState::Failed));
    QVERIFY(ended.at(0).at(1).toString().contains(QStringLiteral("nowhere")));
    col.take(c);
    bool error = false;
    for (const auto &[level, text] : col.all.messages)
        error = error || (level == MessageLevel::Error && text.find("nowhere") != std::string::npos);
    QVERIFY(error);
}

void tst_Studio::followerReadsRunBeingWritten()
{
    SearchController c;
    Collector live;
    connect(&c, &SearchController::dataAvailable, this, [&] { live.take(c); });
    QSignalSpy ended(&c, &SearchController::runEnded);
    const QString runDir = dir(QStringLiteral("follow"));
    QVERIFY(c.startNew(configFromJson(tinyJson(2)), runDir));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(runDir + QStringLiteral("/config.json")), 60000);

    RunFollower f;
    f.setInterval(50);
    QVERIFY(f.open(runDir));
    RunUpdate seen;
    int updatesWhileRunning = 0;
    connect(&f, &RunFollower::dataAvailable, this, [&] {
        if (c.isActive())
            ++updatesWhileRunning;
        seen.append(f.takeUpdate());
    });
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 180000);
    f.poll();
    seen.append(f.takeUpdate());
    live.take(c);

    QVERIFY(updatesWhileRunning > 0);              // it followed, not just read at the end
    QCOMPARE(seen.snapshots.size(), live.all.snapshots.size()); // 2 epochs x 6 steps
    QCOMPARE(seen.snapshots.size(), size_t(12));
    for (size_t i = 0; i < seen.snapshots.size(); ++i) {
        QCOMPARE(seen.snapshots[i].step, live.all.snapshots[i].step);
        QCOMPARE(seen.snapshots[i].trainLoss, live.all.snapshots[i].trainLoss);
        QCOMPARE(seen.snapshots[i].stepsPerEpoch, int64_t(6));
    }
    QCOMPARE(seen.epochs.size(), size_t(2));
    QCOMPARE(live.all.epochs.size(), size_t(2));
    for (size_t e = 0; e < 2; ++e) {
        QCOMPARE(seen.epochs[e].valAcc, live.all.epochs[e].valAcc);
        QCOMPARE(seen.epochs[e].cells.size(), size_t(2));
        // The A matrices read back from snapshots.jsonl are the engine's.
        QCOMPARE(seen.epochs[e].cells[0].weights.weights, live.all.epochs[e].cells[0].weights.weights);
        QCOMPARE(seen.epochs[e].cells[1].aliveNodes, live.all.epochs[e].cells[1].aliveNodes);
    }
    QVERIFY(seen.state.has_value());
    QCOMPARE(int(*seen.state), int(RunState::Finished));
}

void tst_Studio::followerWaitsForCompleteLinesAndRestartsOnShrink()
{
    const QString runDir = dir(QStringLiteral("handmade"));
    RunDirectory(runDir.toStdString()).create(configFromJson(tinyJson()));
    QFile metrics(runDir + QStringLiteral("/metrics.jsonl"));
    QVERIFY(metrics.open(QIODevice::WriteOnly));
    metrics.write(R"({"type":"step","step":1,"epoch":0,"train_loss":2.5})" "\n");
    metrics.write(R"({"type":"step","step":2,"epo)"); // a writer in mid-line
    metrics.flush();

    RunFollower f;
    QVERIFY(f.open(runDir));
    f.poll();
    RunUpdate u = f.takeUpdate();
    QVERIFY(u.reset);
    QCOMPARE(u.snapshots.size(), size_t(1));
    QCOMPARE(u.snapshots[0].trainLoss, 2.5);

    metrics.write(R"(ch":0,"train_loss":2.25})" "\n");
    metrics.flush();
    f.poll();
    u = f.takeUpdate();
    QVERIFY(!u.reset);
    QCOMPARE(u.snapshots.size(), size_t(1));
    QCOMPARE(u.snapshots[0].step, int64_t(2));
    QCOMPARE(u.snapshots[0].trainLoss, 2.25);

    // A resumed run cut the file back: the follower starts over.
    metrics.resize(0);
    metrics.seek(0);
    metrics.write(R"({"type":"step","step":1,"epoch":0,"train_loss":2.0})" "\n");
    metrics.flush();
    f.poll();
    u = f.takeUpdate();
    QVERIFY(u.reset);
    f.poll();
    u.append(f.takeUpdate());
    QCOMPARE(u.snapshots.size(), size_t(1));
    QCOMPARE(u.snapshots[0].trainLoss, 2.0);

    QString error;
    QVERIFY(!f.open(dir(QStringLiteral("not-a-run")), &error));
    QVERIFY(error.contains(QStringLiteral("config.json")));
}

void tst_Studio::followerReadsLongRunsInChunks()
{
    // 40000 step lines (~6 MB): more than one 4 MB chunk. Every line arrives exactly once,
    // none is cut at a chunk border, and the first poll says more is waiting.
    const QString runDir = dir(QStringLiteral("long"));
    RunDirectory(runDir.toStdString()).create(configFromJson(tinyJson()));
    QFile metrics(runDir + QStringLiteral("/metrics.jsonl"));
    QVERIFY(metrics.open(QIODevice::WriteOnly));
    const int n = 40000;
    for (int i = 1; i <= n; ++i) {
        metrics.write(QStringLiteral(R"({"type":"step","step":%1,"epoch":%2,"step_in_epoch":%3,)"
                                     R"("steps_per_epoch":400,"train_loss":%4,"val_loss":0.5,)"
                                     R"("lambda":0.01,"alpha":0.5,"penalty":0.125})"
                                     "\n")
                          .arg(i)
                          .arg((i - 1) / 400)
                          .arg((i - 1) % 400)
                          .arg(1.0 / i, 0, 'g', 17)
                          .toUtf8());
    }
    metrics.close();
    QVERIFY(metrics.size() > (4 << 20));

    RunFollower f;
    QVERIFY(f.open(runDir));
    QVERIFY(f.poll()); // more is waiting after the first chunk
    RunUpdate u = f.takeUpdate();
    const size_t first = u.snapshots.size();
    QVERIFY(first > 0 && first < size_t(n));
    int polls = 1;
    while (f.poll() && polls < 10) {
        ++polls;
        u.append(f.takeUpdate());
    }
    u.append(f.takeUpdate());
    QCOMPARE(u.snapshots.size(), size_t(n));
    for (int i = 0; i < n; ++i) {
        QCOMPARE(u.snapshots[size_t(i)].step, int64_t(i + 1));
        QCOMPARE(u.snapshots[size_t(i)].trainLoss, 1.0 / (i + 1));
    }
    QVERIFY(!f.poll()); // nothing new
}

void tst_Studio::graphvizServiceCoalescesAndExports()
{
    GraphvizService g;
    QSignalSpy rendered(&g, &GraphvizService::rendered);
    QSignalSpy exported(&g, &GraphvizService::exported);
    quint64 last = 0;
    for (int i = 0; i < 20; ++i)
        last = g.requestRender(QStringLiteral("k"),
                               QStringLiteral("digraph { a -> b%1 }").arg(i));
    // The newest request is always answered; older ones still waiting are dropped.
    QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty()
                                 && rendered.last().at(0).toULongLong() == last, 30000);
    QTest::qWait(200);
    QVERIFY(rendered.count() < 20);
    const QByteArray svg = rendered.last().at(2).toByteArray();
    QString xmlError;
    QCOMPARE(countXmlElements(svg, QStringLiteral("g"), &xmlError) >= 3, true);
    QVERIFY2(xmlError.isEmpty(), qPrintable(xmlError));
    QVERIFY(svg.contains("b19"));

    g.requestRender(QStringLiteral("bad"), QStringLiteral("digraph { a -> }"));
    QTRY_VERIFY_WITH_TIMEOUT(rendered.last().at(1).toString() == QLatin1String("bad"), 30000);
    QVERIFY(!rendered.last().at(3).toString().isEmpty()); // Graphviz's syntax error

    const QString pdf = dir(QStringLiteral("g.pdf"));
    const quint64 id = g.requestExport(QStringLiteral("digraph { a -> b }"), QStringLiteral("pdf"),
                                       pdf);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 30000);
    QCOMPARE(exported.at(0).at(0).toULongLong(), id);
    QVERIFY(exported.at(0).at(2).toString().isEmpty());
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5) == "%PDF-");
}

void tst_Studio::cellExporterWritesEveryFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("starts");
    QTest::newRow("pdf") << "pdf" << "cell.pdf" << QByteArray("%PDF-");
    QTest::newRow("png") << "png" << "cell.png" << QByteArray("\x89PNG");
    QTest::newRow("svg") << "svg" << "cell.svg" << QByteArray("<?xml");
    QTest::newRow("dot") << "dot" << "cell.dot" << QByteArray("digraph");
    QTest::newRow("json") << "json" << "cell.json" << QByteArray("{");
}

void tst_Studio::cellExporterWritesEveryFormat()
{
    QFETCH(QString, format);
    QFETCH(QString, file);
    QFETCH(QByteArray, starts);
    // A 2-node cell: c_{k-2} -> 0 (sep_conv_3x3), c_{k-1} -> 1 (skip), 0 -> 1 (max_pool).
    CellWeights w;
    w.type = "normal";
    w.nodes = 2;
    w.ops = {"none", "max_pool_3x3", "skip_connect", "sep_conv_3x3"};
    w.weights.assign(size_t(numEdges(2)) * 4, 0.0f);
    w.weights[0 * 4 + 3] = 0.5f;
    w.weights[3 * 4 + 2] = 0.25f;
    w.weights[4 * 4 + 1] = -0.125f;
    CellWeights r = w;
    r.type = "reduce";

    QWidget parent;
    GraphvizService graphviz;
    auto *exporter = new CellExporter(&graphviz, &parent);
    QSignalSpy finished(exporter, &CellExporter::finished);
    exporter->run({w, r});
    auto *dialog = parent.findChild<ExportDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->setFormat(format));
    const QString path = dir(QStringLiteral("export-") + file);
    dialog->setPath(path);
    QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY2(bytes.startsWith(starts), bytes.left(40).constData());
    if (format == QLatin1String("svg")) {
        QString error;
        QVERIFY(countXmlElements(bytes, QStringLiteral("svg"), &error) == 1);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    } else if (format == QLatin1String("json")) {
        // Both cells by default, with the three surviving edges of the normal one.
        const auto j = json::parse(bytes.toStdString());
        const Genotype g = genotypeFromJson(j);
        QVERIFY(g.cell("normal") != nullptr);
        QCOMPARE(g.cell("normal")->edges.size(), size_t(3));
    }
}

void tst_Studio::mainWindowRunsSearchAndReopensIt()
{
    QString runDir;
    {
        MainWindow w;
        w.setInteractive(false);
        w.setRunsRoot(dir(QStringLiteral("studio-runs")));
        w.configForm()->setConfigJson(tinyJson(2));
        QVERIFY2(w.configForm()->isValid(),
                 qPrintable(w.configForm()->problems().join(QLatin1Char('\n'))));
        w.resize(1400, 900);
        w.show();
        connect(w.logView(), &LogView::errorAppended, this,
                [](const QString &text) { qWarning("engine error: %s", qPrintable(text)); });
        QVERIFY(w.startSearch());
        runDir = w.runDirectory();
        QVERIFY(runDir.startsWith(dir(QStringLiteral("studio-runs"))));
        QVERIFY(!w.configForm()->isEnabled() || !w.configForm()->fieldEditor(
                                                     QStringLiteral("arch.alpha"))->isEnabled());
        QSignalSpy ended(w.controller(), &SearchController::runEnded);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 120000);
        QCOMPARE(ended.at(0).at(0).toInt(), int(RunState::Finished));
        w.drainNow();

        // Every view got the run: curves have points, the cell graph an SVG from libgvc.
        QCustomPlot *plot = w.curvesView()->plot();
        int points = 0;
        for (int i = 0; i < plot->graphCount(); ++i)
            points += plot->graph(i)->dataCount();
        QVERIFY(points >= 12);
        QTRY_VERIFY_WITH_TIMEOUT(!w.cellGraphView()->svg(QStringLiteral("normal")).isEmpty(),
                                 30000);
        QString xmlError;
        QVERIFY(countXmlElements(w.cellGraphView()->svg(QStringLiteral("normal")),
                                 QStringLiteral("svg"), &xmlError) == 1);
        QVERIFY2(xmlError.isEmpty(), qPrintable(xmlError));
        QCOMPARE(w.currentWeights().size(), size_t(2));
        QVERIFY(QFile::exists(runDir + QStringLiteral("/genotype.json")));
        w.close();
    }
    {
        // An author opens the finished run: the views show it as it was.
        MainWindow w;
        w.setInteractive(false);
        QVERIFY(w.openRunDirectory(runDir));
        QCOMPARE(w.currentWeights().size(), size_t(2));
        const auto last = RunDirectory(runDir.toStdString()).lastArchWeights();
        QCOMPARE(w.currentWeights()[0].weights, last[0].weights);
        QCOMPARE(w.configForm()->configJson()["name"].get<std::string>(), std::string("tiny"));
        QVERIFY(!w.openRunDirectory(dir(QStringLiteral("not-a-run"))));
        // Not interactive: the problem went to the log, naming the folder.
        bool logged = false;
        for (int i = 0; i < w.logView()->lineCount(); ++i)
            logged = logged || w.logView()->visibleLineText(i).contains(QStringLiteral("not-a-run"));
        QVERIFY(logged);
    }
}

void tst_Studio::mainWindowSteersStopsAndResumesWithHistory()
{
    MainWindow w;
    w.setInteractive(false);
    w.setRunsRoot(dir(QStringLiteral("steer-runs")));
    w.configForm()->setConfigJson(tinyJson(3));
    w.resize(1400, 900);
    w.show();
    QSignalSpy ended(w.controller(), &SearchController::runEnded);
    QCustomPlot *plot = w.curvesView()->plot();
    const auto trainLoss = [plot]() -> QCPGraph * {
        for (int i = 0; i < plot->graphCount(); ++i) {
            if (plot->graph(i)->objectName() == QLatin1String("trainLoss"))
                return plot->graph(i);
        }
        return nullptr;
    };
    QVERIFY(trainLoss());
    QVERIFY(w.startSearch());
    QTRY_VERIFY_WITH_TIMEOUT(trainLoss()->dataCount() >= 1, 60000);
    QVERIFY(w.steeringPanel()->isLive());

    // Steering from the panel: the value reaches the engine and the curves mark it.
    const int itemsBefore = plot->itemCount();
    w.steeringPanel()->lambdaEditor()->setValue(0.42);
    w.steeringPanel()->applyLambdaButton()->click();
    bool seen = false;
    QTRY_VERIFY_WITH_TIMEOUT((seen = plot->itemCount() > itemsBefore), 60000);
    QVERIFY(seen);
    w.controller()->stop();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
    QCOMPARE(ended.at(0).at(0).toInt(), int(RunState::Stopped));
    QTRY_VERIFY(!w.steeringPanel()->isLive()); // actions follow the ended thread
    w.drainNow();
    const int stoppedAt = trainLoss()->dataCount();
    QVERIFY(stoppedAt >= 1 && stoppedAt < 18);

    // Resume: the curves hold the history from disk, then the live steps, each step once.
    const QString runDir = w.runDirectory();
    QVERIFY(w.resumeRunDirectory(runDir));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 180000);
    QCOMPARE(ended.at(1).at(0).toInt(), int(RunState::Finished));
    w.drainNow();
    QCOMPARE(trainLoss()->dataCount(), 18); // 3 epochs x 6 steps, none twice
    QCOMPARE(w.configForm()->configJson()["name"].get<std::string>(), std::string("tiny"));

    // Fork from that run's checkpoint with other settings: a new run directory with them.
    const std::string ckpt = RunDirectory(runDir.toStdString()).latestCheckpoint();
    QVERIFY(!ckpt.empty());
    json other = tinyJson(4);
    other["arch"]["lambda_step"] = 0.2;
    w.configForm()->setConfigJson(other);
    QVERIFY(w.forkFromCheckpoint(QString::fromStdString(ckpt)));
    const QString forkDir = w.runDirectory();
    QVERIFY(forkDir != runDir && forkDir.contains(QStringLiteral("-fork")));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 3, 180000);
    QCOMPARE(ended.at(2).at(0).toInt(), int(RunState::Finished));
    const RunConfig forked = RunDirectory(forkDir.toStdString()).loadConfig();
    QCOMPARE(forked.arch.lambdaStep, 0.2);
    QCOMPARE(forked.search.epochs, int64_t(4));
    QVERIFY(QFile::exists(forkDir + QStringLiteral("/genotype.json")));
    QVERIFY(QFileInfo::exists(runDir + QStringLiteral("/genotype.json"))); // the source is kept
}

QTEST_MAIN(tst_Studio)
#include "tst_studio.moc"
