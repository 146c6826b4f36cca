// SPDX-License-Identifier: MIT
// The studio's plumbing with a real tiny search: the controller starts, pauses, steers, stops
// and resumes it; the follower reads a run directory while it is being written; the history
// replay, the run session, the view hub and the recent-runs list do their parts of the main
// window; the Graphviz thread coalesces renders; the main window runs a search end to end and
// reopens the run.

#include "cellexporter.h"
#include "graphvizservice.h"
#include "historyreplay.h"
#include "mainwindow.h"
#include "recentruns.h"
#include "runfollower.h"
#include "runsession.h"
#include "runstatusbar.h"
#include "searchcontroller.h"
#include "studiotranslations.h"
#include "viewhub.h"

#include "archweightsview.h"
#include "cellgraphview.h"
#include "cellheatmap.h"
#include "comparisonview.h"
#include "configform.h"
#include "curvesview.h"
#include "enginemessages.h"
#include "exportdialog.h"
#include "logview.h"
#include "regpathview.h"
#include "steeringpanel.h"

#include "sparsenas/base/config.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/searchengine.h"

#include "plotexport.h" // qcustomplot.h, made to build with QT_NO_KEYWORDS

#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>
#include <filesystem>

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
                // Steered to lambda 0.37, this tiny supernet loses a cell; these tests are about
                // the plumbing, the engine's tests cover collapse.
                {"search",
                 {{"epochs", epochs},
                  {"batch_size", 32},
                  {"seed", 5},
                  {"threads", 2},
                  {"on_collapse", "continue"}}},
                {"checkpoint", {{"keep", 2}}}};
}

/// Drains a controller into one accumulated update whenever it signals.
struct Collector
{
    RunUpdate all;
    void take(SearchController &c) { all.append(c.takeUpdate()); }
};

/// A 2-node cell: c_{k-2} -> 0 (sep_conv_3x3), c_{k-1} -> 1 (skip), 0 -> 1 (max_pool), times
/// `scale`.
CellWeights twoNodeCell(const std::string &type, float scale = 1.0f)
{
    CellWeights w;
    w.type = type;
    w.nodes = 2;
    w.ops = {"none", "max_pool_3x3", "skip_connect", "sep_conv_3x3"};
    w.weights.assign(size_t(numEdges(2)) * 4, 0.0f);
    w.weights[0 * 4 + 3] = 0.5f * scale;
    w.weights[3 * 4 + 2] = 0.25f * scale;
    w.weights[4 * 4 + 1] = -0.125f * scale;
    return w;
}

/// Live steps from..to (the live run's train loss is -step, the history's 1/step: the test can
/// tell who delivered a step).
RunUpdate liveSteps(int64_t from, int64_t to)
{
    RunUpdate u;
    for (int64_t i = from; i <= to; ++i) {
        Snapshot s;
        s.step = i;
        s.trainLoss = -double(i);
        u.snapshots.push_back(s);
    }
    return u;
}

/// Back to English: removes the translators installStudioTranslations() installed.
void removeTranslators()
{
    for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

RunEventInfo eventAt(RunEventKind kind, int64_t step, double value)
{
    RunEventInfo e;
    e.kind = kind;
    e.step = step;
    e.value = value;
    return e;
}

QCPGraph *graphNamed(QCustomPlot *plot, const char *name)
{
    for (int i = 0; i < plot->graphCount(); ++i) {
        if (plot->graph(i)->objectName() == QLatin1String(name))
            return plot->graph(i);
    }
    return nullptr;
}

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
    void progressTextCountsStepsDone();
    void etaIgnoresSlowStepsAndFollowsSpeed();
    void statusBarForgetsTheLastRunsMessage();
    void statusBarShowsTheRanksOfADataParallelRun();
    void controllerStartPauseSteerStopResume();
    void controllerReportsBadRunAsFailure();
    void followerReadsRunBeingWritten();
    void followerWaitsForCompleteLinesAndRestartsOnShrink();
    void followerReadsLongRunsInChunks();
    void historyReplayShowsEachStepOnce();
    void runSessionResumesWithHistoryOnce();
    void viewHubFansOutAndLinksSelection();
    void viewHubConvertsEvents();
    void recentRunsKeepsEightNewestFirst();
    void mainWindowFitsAProjectorAndKeepsDockShares_data();
    void mainWindowFitsAProjectorAndKeepsDockShares();
    void followerTakesLambdaStepFromConfigForOldRuns();
    void mainWindowShowsAnOpenedRunsLogAndEpochs();
    void engineMessagesAreTranslated();
    void comparisonViewKeepsAccuracyAndPerplexityApart();
    void graphvizServiceCoalescesAndExports();
    void cellExporterWritesEveryFormat_data();
    void cellExporterWritesEveryFormat();
    void mainWindowRunsSearchAndReopensIt();
    void mainWindowSteersStopsAndResumesWithHistory();

private:
    QTemporaryDir m_tmp;
    QString dir(const QString &name) const { return m_tmp.filePath(name); }
};

void tst_Studio::comparisonViewKeepsAccuracyAndPerplexityApart()
{
    // An image network and a language model in one runs folder: one table, each figure in its
    // own column, a dash where the kind has none (so sorting never mixes the two measures).
    const QString root = dir(QStringLiteral("kinds"));
    EvaluationResult cnn, lm;
    cnn.genotype = "DARTS_V2";
    cnn.dataset = "digits";
    cnn.channels = 8;
    cnn.layers = 3;
    cnn.parameters = 8000;
    cnn.testAcc = 0.9365;
    cnn.finished = true;
    cnn.cells = {{"normal", 4, 8}, {"reduce", 4, 8}};
    lm.genotype = "DARTS_RNN_V2";
    lm.dataset = "devils-dictionary";
    lm.space = "rnn";
    lm.hidden = 128;
    lm.parameters = 650567;
    lm.testAcc = 0.2636;
    lm.testLoss = std::log(72.9);
    lm.finished = true;
    lm.cells = {{"recurrent", 8, 8}};
    QVERIFY(QDir().mkpath(root + QStringLiteral("/a")) &&
            QDir().mkpath(root + QStringLiteral("/b")));
    RunDirectory((root + QStringLiteral("/a")).toStdString()).writeEvaluation(cnn);
    RunDirectory((root + QStringLiteral("/b")).toStdString()).writeEvaluation(lm);
    ComparisonView view;
    view.setFolder(root);
    QVERIFY(view.refresh());
    QCOMPARE(view.table()->rowCount(), 2);
    const QLocale locale;
    for (int r = 0; r < 2; ++r) {
        const bool isLm = view.table()->item(r, 0)->text() == QLatin1String("DARTS_RNN_V2");
        QCOMPARE(view.table()->item(r, 2)->text(),
                 isLm ? QStringLiteral("hidden 128") : QStringLiteral("8 × 3"));
        QCOMPARE(view.table()->item(r, 8)->text(),
                 isLm ? QStringLiteral("–") : locale.toString(93.65, 'f', 2));
        QCOMPARE(view.table()->item(r, 9)->text(),
                 isLm ? locale.toString(72.9, 'f', 2) : QStringLiteral("–"));
        QCOMPARE(view.table()->item(r, 3)->text(),
                 isLm ? QStringLiteral("8") : QStringLiteral("4/4"));
    }
    // A look at it (SPARSENAS_TEST_SHOTS=folder keeps the picture).
    view.resize(1100, 160);
    const QImage shot = view.grab().toImage();
    QVERIFY(!shot.isNull());
    if (const QByteArray out = qgetenv("SPARSENAS_TEST_SHOTS"); !out.isEmpty())
        shot.save(QString::fromLocal8Bit(out) + QStringLiteral("/comparison-view.png"));
}

void tst_Studio::progressTextCountsStepsDone()
{
    // Snapshot::stepInEpoch is the steps done in the epoch (1 .. steps): the last step of a
    // 14-step epoch reads "step 14/14" (it read "step 15/14", seen after a rollback).
    Snapshot s;
    s.epoch = 0;
    s.epochs = 10;
    s.stepInEpoch = 14;
    s.stepsPerEpoch = 14;
    s.etaSeconds = 75;
    QCOMPARE(RunStatusBar::progressText(s, 75),
             QStringLiteral("Epoch 1/10 \u00b7 step 14/14 \u00b7 ETA 1:15"));
    s.stepInEpoch = 1;
    QVERIFY(RunStatusBar::progressText(s, 75).contains(QStringLiteral("step 1/14")));
}

void tst_Studio::etaIgnoresSlowStepsAndFollowsSpeed()
{
    // 1 s per step, but every 16th step took 20 s (a checkpoint, a busy machine): the engine's
    // average (weight 0.1) jumped with each (the ETA read 1:04:06, 16:36, 52:12 within
    // minutes); the studio's stays within a few percent of the truth.
    EtaEstimator eta;
    double engine = 0, engineMin = 1e9, engineMax = 0, worst = 0;
    Snapshot s;
    s.epochs = 10;
    s.stepsPerEpoch = 100;
    for (int64_t step = 1; step <= 400; ++step) {
        s.step = step;
        s.stepSeconds = step % 16 == 0 ? 20.0 : 1.0;
        eta.add({s});
        engine = engine == 0 ? s.stepSeconds : 0.9 * engine + 0.1 * s.stepSeconds;
        if (step < 64)
            continue;
        const double truth = double(1000 - step) * 1.0;
        worst = std::max(worst, std::abs(*eta.secondsLeft(s) / truth - 1.0));
        engineMin = std::min(engineMin, engine);
        engineMax = std::max(engineMax, engine);
    }
    QVERIFY2(worst < 0.02, qPrintable(QString::number(worst)));
    QVERIFY(engineMax / engineMin > 2.0); // what the user saw

    // A step already counted (a replayed history) does not count again.
    const double before = *eta.secondsLeft(s);
    for (int i = 0; i < 10; ++i)
        eta.add({s});
    QCOMPARE(*eta.secondsLeft(s), before);

    // The machine gets slower for good (2 s per step): the estimate follows within 40 steps.
    for (int64_t step = 401; step <= 440; ++step) {
        s.step = step;
        s.stepSeconds = 2.0;
        eta.add({s});
    }
    QCOMPARE(*eta.secondsLeft(s), double(1000 - 440) * 2.0);
    eta.clear();
    QVERIFY(!eta.secondsLeft(s));
}

void tst_Studio::statusBarForgetsTheLastRunsMessage()
{
    // A new run showed the last one's "Search finished; ..." until something replaced it.
    QStatusBar bar;
    RunStatusBar status(&bar);
    status.showEnded(RunState::Finished, QString(), dir(QStringLiteral("done")));
    QVERIFY(bar.currentMessage().contains(QStringLiteral("finished")));
    status.clear();
    QVERIFY2(bar.currentMessage().isEmpty(), qPrintable(bar.currentMessage()));
}

void tst_Studio::statusBarShowsTheRanksOfADataParallelRun()
{
    QStatusBar bar;
    RunStatusBar status(&bar);
    Snapshot s;
    s.step = 7;
    s.epochs = 2;
    s.stepsPerEpoch = 11;
    s.stepSeconds = 0.5;
    status.showProgress({s}, false);
    QVERIFY(status.ranksText().isEmpty()); // one process: nothing about ranks
    s.worldSize = 2;
    s.rankStepSeconds = {0.48, 0.5};
    s.commSeconds = 0.1;
    status.showProgress({s}, false);
    QCOMPARE(status.ranksText(), QStringLiteral("2 ranks · step 0.48–0.50 s"));
    QVERIFY2(status.ranksToolTip().contains(QStringLiteral("rank 1: 0.500 s")),
             qPrintable(status.ranksToolTip()));
    QVERIFY(status.ranksToolTip().contains(QStringLiteral("(20.0 % of the step)")));
    status.clear();
    QVERIFY(status.ranksText().isEmpty());
}

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
    QCOMPARE(int(ended.at(0).at(0).value<RunState>()), int(RunState::Stopped));
    QVERIFY(c.wait(10000));
    QVERIFY(!c.isActive());
    const std::string ckpt =
        RunDirectory(dir(QStringLiteral("ctl")).toStdString()).latestCheckpoint();
    QVERIFY(!ckpt.empty());
    col.take(c);
    const int64_t stoppedAt = col.all.snapshots.back().step;
    bool sawPaused = false;
    for (const QList<QVariant> &s : std::as_const(states))
        sawPaused = sawPaused || s.at(0).value<RunState>() == RunState::Paused;
    QVERIFY(sawPaused);

    // Resume continues from the checkpoint to the end: 3 epochs x 6 steps.
    col.all = RunUpdate{};
    QVERIFY(c.resumeRun(dir(QStringLiteral("ctl"))));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 180000);
    QCOMPARE(int(ended.at(1).at(0).value<RunState>()), int(RunState::Finished));
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
    j["dataset"] = {{"name", "fashion-mnist"},
                    {"path", dir(QStringLiteral("nowhere")).toStdString()}};
    QVERIFY(c.startNew(configFromJson(j), dir(QStringLiteral("bad"))));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
    QCOMPARE(int(ended.at(0).at(0).value<RunState>()), int(RunState::Failed));
    QVERIFY(ended.at(0).at(1).toString().contains(QStringLiteral("nowhere")));
    col.take(c);
    bool error = false;
    for (const RunMessage &m : col.all.messages)
        error = error ||
                (m.level == MessageLevel::Error && m.text.find("nowhere") != std::string::npos);
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

    QVERIFY(updatesWhileRunning > 0); // it followed, not just read at the end
    QCOMPARE(seen.snapshots.size(), live.all.snapshots.size()); // 2 epochs x 6 steps
    QCOMPARE(seen.snapshots.size(), size_t(12));
    for (size_t i = 0; i < seen.snapshots.size(); ++i) {
        QCOMPARE(seen.snapshots[i].step, live.all.snapshots[i].step);
        // A loss computed in float is written as its float's shortest decimal.
        QCOMPARE(float(seen.snapshots[i].trainLoss), float(live.all.snapshots[i].trainLoss));
        QCOMPARE(seen.snapshots[i].stepsPerEpoch, int64_t(6));
        QCOMPARE(seen.snapshots[i].lambdaStep, 0.1);
        QCOMPARE(seen.snapshots[i].etaSeconds, live.all.snapshots[i].etaSeconds);
        QCOMPARE(seen.snapshots[i].archSeconds, live.all.snapshots[i].archSeconds);
        QCOMPARE(seen.snapshots[i].cells.size(), live.all.snapshots[i].cells.size());
        QCOMPARE(seen.snapshots[i].cells[1].alivePaths, live.all.snapshots[i].cells[1].alivePaths);
        QCOMPARE(seen.snapshots[i].cells[1].zeroGroups, live.all.snapshots[i].cells[1].zeroGroups);
    }
    QCOMPARE(seen.epochs.size(), size_t(2));
    QCOMPARE(live.all.epochs.size(), size_t(2));
    for (size_t e = 0; e < 2; ++e) {
        QCOMPARE(seen.epochs[e].valAcc, live.all.epochs[e].valAcc);
        QCOMPARE(seen.epochs[e].cells.size(), size_t(2));
        // The A matrices read back from snapshots.jsonl are the engine's.
        QCOMPARE(seen.epochs[e].cells[0].weights.weights,
                 live.all.epochs[e].cells[0].weights.weights);
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
    metrics.write(R"({"type":"step","step":1,"epoch":0,"train_loss":2.5})"
                  "\n");
    metrics.write(R"({"type":"step","step":2,"epo)"); // a writer in mid-line
    metrics.flush();

    RunFollower f;
    QVERIFY(f.open(runDir));
    f.poll();
    RunUpdate u = f.takeUpdate();
    QVERIFY(u.reset);
    QCOMPARE(u.snapshots.size(), size_t(1));
    QCOMPARE(u.snapshots[0].trainLoss, 2.5);

    metrics.write(R"(ch":0,"train_loss":2.25})"
                  "\n");
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
    metrics.write(R"({"type":"step","step":1,"epoch":0,"train_loss":2.0})"
                  "\n");
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

void tst_Studio::historyReplayShowsEachStepOnce()
{
    // A run directory as the engine leaves it after a cut-back: 40000 step lines (~6 MB, so the
    // history takes more than one bounded read), an epoch with its A matrices every 400 steps,
    // a lambda event at step 1000 and a log line.
    const QString runDir = dir(QStringLiteral("replay"));
    RunDirectory(runDir.toStdString()).create(configFromJson(tinyJson()));
    const int64_t n = 40000, perEpoch = 400, epochs = n / perEpoch;
    {
        QFile metrics(runDir + QStringLiteral("/metrics.jsonl"));
        QFile snapshots(runDir + QStringLiteral("/snapshots.jsonl"));
        QFile log(runDir + QStringLiteral("/log.txt"));
        QVERIFY(metrics.open(QIODevice::WriteOnly) && snapshots.open(QIODevice::WriteOnly) &&
                log.open(QIODevice::WriteOnly));
        const json cells =
            json::array({toJson(twoNodeCell("normal")), toJson(twoNodeCell("reduce"))});
        for (int64_t i = 1; i <= n; ++i) {
            json step{{"type", "step"},
                      {"step", i},
                      {"epoch", (i - 1) / perEpoch},
                      {"step_in_epoch", (i - 1) % perEpoch},
                      {"steps_per_epoch", perEpoch},
                      {"train_loss", 1.0 / double(i)}};
            metrics.write(QByteArray::fromStdString(step.dump() + "\n"));
            if (i == 1000) {
                const json ev{{"type", "event"}, {"what", "lambda"}, {"value", 0.125}, {"step", i}};
                metrics.write(QByteArray::fromStdString(ev.dump() + "\n"));
            }
            if (i % perEpoch == 0) {
                const int64_t e = i / perEpoch - 1;
                const json epoch{{"type", "epoch"}, {"epoch", e}, {"step", i}, {"val_acc", 0.5}};
                metrics.write(QByteArray::fromStdString(epoch.dump() + "\n"));
                const json snap{{"epoch", e}, {"step", i}, {"cells", cells}};
                snapshots.write(QByteArray::fromStdString(snap.dump() + "\n"));
            }
        }
        log.write("2026-12-01 10:00:00 [info] a line from the history\n");
        QVERIFY(metrics.size() > (4 << 20));
    }

    HistoryReplay replay;
    QVERIFY(!replay.start(dir(QStringLiteral("not-a-run"))));
    QVERIFY(!replay.isActive());
    QVERIFY(replay.start(runDir));
    QVERIFY(replay.isActive());

    // The engine writes each line before it reports it, so the first live steps repeat the
    // end of the history: steps n-99..n-50 with the lambda event the history holds, an alpha
    // event it does not, the history's last epoch and the next one.
    RunUpdate a = liveSteps(n - 99, n - 50);
    a.events.push_back(eventAt(RunEventKind::Lambda, 1000, 0.125));
    a.events.push_back(eventAt(RunEventKind::Alpha, n + 5, 0.5));
    a.epochs.resize(2);
    a.epochs[0].epoch = epochs - 1;
    a.epochs[0].valAcc = -1;
    a.epochs[1].epoch = epochs;
    a.epochs[1].valAcc = -1;
    a.messages.emplace_back(MessageLevel::Info, "a live line");
    a.state = RunState::Running;
    RunUpdate shown = replay.live(std::move(a));
    // Messages and the state pass at once; steps, epochs and events wait for the history.
    QCOMPARE(shown.messages.size(), size_t(1));
    QVERIFY(shown.state.has_value());
    QVERIFY(shown.snapshots.empty() && shown.epochs.empty() && shown.events.empty());

    int reads = 0;
    while (replay.isActive() && reads < 20) {
        RunUpdate part = replay.step();
        ++reads;
        QVERIFY(!part.reset);
        if (replay.isActive()) {
            for (const Snapshot &s : part.snapshots)
                QVERIFY2(s.trainLoss > 0, "a live step was shown before the history ended");
        }
        shown.append(std::move(part));
        if (reads == 1)
            shown.append(replay.live(liveSteps(n - 49, n - 20))); // held as well
    }
    QVERIFY(reads >= 2);
    QVERIFY(!replay.isActive());
    QCOMPARE(replay.lastHistoryStep(), n);
    QCOMPARE(replay.lastHistoryEpoch(), epochs - 1);
    // After the history: new live steps pass, those the history showed do not.
    shown.append(replay.live(liveSteps(n - 19, n + 25)));

    QCOMPARE(int64_t(shown.snapshots.size()), n + 25);
    for (int64_t i = 0; i < n + 25; ++i) {
        const Snapshot &s = shown.snapshots[size_t(i)];
        QCOMPARE(s.step, i + 1);
        QCOMPARE(s.trainLoss, s.step <= n ? 1.0 / double(s.step) : -double(s.step));
    }
    QCOMPARE(int64_t(shown.epochs.size()), epochs + 1);
    for (int64_t e = 0; e <= epochs; ++e) {
        QCOMPARE(shown.epochs[size_t(e)].epoch, e);
        QCOMPARE(shown.epochs[size_t(e)].valAcc, e < epochs ? 0.5 : -1.0);
    }
    QCOMPARE(shown.epochs.front().cells.size(), size_t(2));
    QCOMPARE(shown.epochs.front().cells[0].weights.weights, twoNodeCell("normal").weights);
    QCOMPARE(shown.events.size(), size_t(2)); // the history's lambda, then the live alpha
    QCOMPARE(int(shown.events[0].kind), int(RunEventKind::Lambda));
    QCOMPARE(shown.events[0].step, int64_t(1000));
    QCOMPARE(int(shown.events[1].kind), int(RunEventKind::Alpha));
    QCOMPARE(shown.messages.size(), size_t(1)); // the log keeps its own lines
    QCOMPARE(shown.messages[0].text, std::string("a live line"));

    // A new run forgets the filter.
    replay.clear();
    const RunUpdate fresh = replay.live(liveSteps(1, 3));
    QCOMPARE(fresh.snapshots.size(), size_t(3));
}

void tst_Studio::runSessionResumesWithHistoryOnce()
{
    // The session wired to a hub, as in the main window: stop a run, resume it, and the view
    // holds every step once (the history from disk, then the live steps).
    RunSession session;
    ViewHub hub;
    CurvesView curves;
    hub.addView(&curves);
    connect(&session, &RunSession::updated, &hub, &ViewHub::apply);
    std::vector<int64_t> steps; // what the hub got since the last reset
    int resets = 0;
    connect(&session, &RunSession::updated, this, [&](const RunUpdate &u) {
        if (u.reset) {
            steps.clear();
            ++resets;
        }
        for (const Snapshot &s : u.snapshots)
            steps.push_back(s.step);
    });
    QSignalSpy ended(&session, &RunSession::runEnded);
    QSignalSpy states(&session, &RunSession::stateChanged);
    const QString runDir = dir(QStringLiteral("session"));
    QVERIFY(session.startNew(configFromJson(tinyJson(3)), runDir));
    QCOMPARE(int(session.source()), int(RunSession::Source::Live));
    QCOMPARE(session.runDir(), runDir);
    QTRY_VERIFY_WITH_TIMEOUT(steps.size() >= 2, 120000);
    session.controller()->stop();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
    QCOMPARE(int(ended.at(0).at(0).value<RunState>()), int(RunState::Stopped));
    QVERIFY(!states.isEmpty());
    session.drainNow();
    QVERIFY(steps.size() >= 2 && steps.size() < 18);
    QString error;
    QVERIFY(!session.open(dir(QStringLiteral("not-a-run")), &error));
    QVERIFY(error.contains(QStringLiteral("config.json")));

    const int resetsBefore = resets;
    QVERIFY(session.resume(runDir));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 180000);
    QCOMPARE(int(ended.at(1).at(0).value<RunState>()), int(RunState::Finished));
    QTRY_VERIFY(!session.isReplaying());
    session.drainNow();
    QVERIFY(resets > resetsBefore);
    QCOMPARE(steps.size(), size_t(18)); // 3 epochs x 6 steps
    for (size_t i = 0; i < steps.size(); ++i)
        QCOMPARE(steps[i], int64_t(i + 1));
    QCOMPARE(graphNamed(curves.plot(), "trainLoss")->dataCount(), 18);

    // Opening the finished run shows the same steps at once, from disk.
    QVERIFY(session.open(runDir));
    QCOMPARE(int(session.source()), int(RunSession::Source::Followed));
    QCOMPARE(steps.size(), size_t(18));
    QCOMPARE(steps.back(), int64_t(18));
}

void tst_Studio::viewHubFansOutAndLinksSelection()
{
    ViewHub hub;
    CurvesView curves;
    ArchWeightsView weights;
    RegPathView paths;
    LogView log;
    CellGraphView graph;
    GraphvizService graphviz;
    hub.addView(&curves);
    hub.addView(&weights);
    hub.addView(&paths);
    hub.setLog(&log);
    hub.setCellGraph(&graph, &graphviz);
    hub.linkSelection(&paths, &weights, &graph);
    QCOMPARE(hub.views().size(), size_t(4));

    // Three steps with A, a lambda change, the engine's cut-back, a warning.
    RunUpdate u;
    u.reset = true;
    for (int i = 1; i <= 3; ++i) {
        Snapshot s;
        s.step = i;
        s.epochs = 1;
        s.stepInEpoch = i - 1;
        s.stepsPerEpoch = 3;
        s.trainLoss = 2.0 / i;
        for (const char *type : {"normal", "reduce"}) {
            CellSnapshot c;
            c.weights = twoNodeCell(type, float(i));
            c.aliveNodes = {0, 1};
            s.cells.push_back(c);
        }
        u.snapshots.push_back(s);
    }
    u.events.push_back(eventAt(RunEventKind::Lambda, 2, 0.05));
    u.events.push_back(eventAt(RunEventKind::Truncated, 0, 0));
    u.messages.emplace_back(MessageLevel::Warning, "hub warning");
    hub.apply(u);

    QCOMPARE(graphNamed(curves.plot(), "trainLoss")->dataCount(), 3);
    int labels = 0; // one per event shown; the cut-back is not a change the user made
    for (int i = 0; i < curves.plot()->itemCount(); ++i)
        labels += qobject_cast<QCPItemText *>(curves.plot()->item(i)) ? 1 : 0;
    QCOMPARE(labels, 1);
    QCOMPARE(log.lineCount(), 1); // the message; events are logged by the engine itself
    QVERIFY(log.visibleLineText(0).contains(QStringLiteral("hub warning")));
    // The heavy views have the newest matrices: step 3's.
    QCOMPARE(hub.currentWeights().size(), size_t(2));
    QCOMPARE(hub.currentWeights()[0].weights, twoNodeCell("normal", 3.0f).weights);
    QCOMPARE(graph.weights()[1].weights, twoNodeCell("reduce", 3.0f).weights);
    QCOMPARE(weights.heatmap(QStringLiteral("normal"))->cell().weights.weights,
             twoNodeCell("normal", 3.0f).weights);

    // A path picked in the regularization paths: framed in the heatmap, drawn in the graph.
    Q_EMIT paths.pathSelected(QStringLiteral("normal"), 3, 2); // c_{k-1} -> node 1, skip
    QCOMPARE(weights.heatmap(QStringLiteral("normal"))->highlight(), std::make_pair(3, 2));
    QCOMPARE(graph.style().highlightSource, 1);
    QCOMPARE(graph.style().highlightTarget, 3);
    QCOMPARE(graph.style().highlightOp, std::string("skip_connect"));
    // An entry picked in the heatmap: selected in the paths, drawn in the graph.
    Q_EMIT weights.entrySelected(QStringLiteral("reduce"), 4, 1); // node 0 -> node 1, max pool
    QCOMPARE(paths.cellType(), QStringLiteral("reduce"));
    QCOMPARE(paths.selectedEdge(), 4);
    QCOMPARE(paths.selectedOp(), 1);
    QCOMPARE(graph.style().highlightSource, 2);
    QCOMPARE(graph.style().highlightTarget, 3);
    QCOMPARE(graph.style().highlightOp, std::string("max_pool_3x3"));

    // A reset clears every view but the log.
    RunUpdate reset;
    reset.reset = true;
    hub.apply(reset);
    QCOMPARE(graphNamed(curves.plot(), "trainLoss")->dataCount(), 0);
    QVERIFY(hub.currentWeights().empty());
    QVERIFY(graph.weights().empty());
    QVERIFY(!weights.heatmap(QStringLiteral("normal"))->hasWeights());
    QCOMPARE(log.lineCount(), 1);
}

void tst_Studio::viewHubConvertsEvents()
{
    // Epoch 2, 3 of 4 steps done: 2.75 epochs on the plots' axis.
    RunEventInfo info = eventAt(RunEventKind::Lambda, 11, 0.05);
    info.epoch = 2;
    info.stepInEpoch = 3;
    info.stepsPerEpoch = 4;
    info.lambda = 0.05;
    RunEvent ev = ViewHub::toRunEvent(info);
    QCOMPARE(int(ev.kind), int(RunEvent::Kind::LambdaChanged));
    QCOMPARE(ev.step, int64_t(11));
    QCOMPARE(ev.epochPos, 2.75);
    QCOMPARE(ev.value, 0.05);
    QCOMPARE(ev.lambda, 0.05);
    QCOMPARE(ev.text, QStringLiteral("λ = 0.05"));

    const std::pair<RunEventKind, RunEvent::Kind> kinds[] = {
        {RunEventKind::Alpha, RunEvent::Kind::AlphaChanged},
        {RunEventKind::LambdaStep, RunEvent::Kind::LambdaStepChanged},
        {RunEventKind::Pause, RunEvent::Kind::Paused},
        {RunEventKind::Resume, RunEvent::Kind::Resumed},
        {RunEventKind::Checkpoint, RunEvent::Kind::Checkpoint},
        {RunEventKind::Collapse, RunEvent::Kind::Other},
        {RunEventKind::Other, RunEvent::Kind::Other}};
    for (const auto &[from, to] : kinds) {
        ev = ViewHub::toRunEvent(eventAt(from, 1, 0.5));
        QCOMPARE(int(ev.kind), int(to));
        QVERIFY(!ev.text.isEmpty());
    }
    // A kind the views have no name for is labelled with the run format's name.
    QCOMPARE(ViewHub::toRunEvent(eventAt(RunEventKind::Collapse, 1, 0)).text,
             QString::fromStdString(toString(RunEventKind::Collapse)));
    QCOMPARE(ViewHub::toRunEvent(eventAt(RunEventKind::Alpha, 1, 0.25)).text,
             QStringLiteral("α = 0.25"));
}

void tst_Studio::mainWindowFitsAProjectorAndKeepsDockShares_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de"); // the longest strings
}

void tst_Studio::mainWindowFitsAProjectorAndKeepsDockShares()
{
    QFETCH(QString, language);
    installStudioTranslations(QLocale(language));
    const auto english = qScopeGuard(&removeTranslators);
    QSettings().clear();
    MainWindow w;
    w.setInteractive(false);
    w.resize(1600, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::qWait(50); // the layout's posted requests
    const auto dock = [&w](const char *name) {
        return w.findChild<QDockWidget *>(QLatin1String(name));
    };
    QDockWidget *left = dock("ConfigDock"), *right = dock("HeatmapDock"),
                *bottom = dock("RegPathDock");
    QVERIFY(left && right && bottom);
    const double leftShare = left->width() / 1600.0, rightShare = right->width() / 1600.0,
                 bottomShare = bottom->height() / 1000.0;

    QVERIFY(leftShare > 0.1 && rightShare > 0.2 && bottomShare > 0.2);

    // A 1024x700 projector: the window shrinks to it (it refused to go below 1185-1224 px),
    // with a run shown (the views' minimum widths grow with what they show).
    const QString runDir = dir(QStringLiteral("projector-") + language);
    std::filesystem::copy(SPARSENAS_SOURCE_DIR "/tests/runformat/legacy-run", runDir.toStdString(),
                          std::filesystem::copy_options::recursive);
    QVERIFY(w.openRunDirectory(runDir));
    QTest::qWait(50);
    const QSize min = w.minimumSizeHint();
    QVERIFY2(min.width() <= 1024 && min.height() <= 700,
             qPrintable(QStringLiteral("%1 x %2").arg(min.width()).arg(min.height())));
    w.resize(1024, 700);
    QTRY_COMPARE(w.size(), QSize(1024, 700));
    QTest::qWait(50);
    QVERIFY(right->width() < rightShare * 1600 - 50); // the docks did shrink

    // Maximised again: the docks take their shares back instead of their shrunken sizes.
    w.resize(1600, 1000);
    QTRY_VERIFY2(std::abs(right->width() / 1600.0 - rightShare) < 0.02,
                 qPrintable(QString::number(right->width())));
    QTRY_VERIFY(std::abs(left->width() / 1600.0 - leftShare) < 0.02);
    QTRY_VERIFY(std::abs(bottom->height() / 1000.0 - bottomShare) < 0.02);

    // A separator the user dragged sets the shares the window keeps.
    w.resizeDocks({right}, {600}, Qt::Horizontal);
    QTRY_VERIFY(std::abs(w.dockShares().right - 600 / 1600.0) < 0.01);
    w.resize(1200, 800);
    w.resize(1600, 1000);
    QTRY_VERIFY2(std::abs(right->width() - 600) < 20, qPrintable(QString::number(right->width())));
}

void tst_Studio::recentRunsKeepsEightNewestFirst()
{
    QSettings().remove(QStringLiteral("recentRuns"));
    QMenu menu;
    RecentRuns recent(&menu);
    QVERIFY(recent.runs().isEmpty());
    QVERIFY(!menu.isEnabled());
    const auto run = [this](int i) { return dir(QStringLiteral("recent-%1").arg(i)); };
    QVERIFY(QDir().mkpath(run(5)));
    for (int i = 0; i < 10; ++i)
        recent.add(run(i));
    QStringList expected;
    for (int i = 9; i >= 2; --i)
        expected << run(i);
    QCOMPARE(recent.runs(), expected); // eight, newest first
    recent.add(run(5));                // moves to the front, listed once
    expected.removeAll(run(5));
    expected.prepend(run(5));
    QCOMPARE(recent.runs(), expected);
    recent.remove(run(9));
    expected.removeAll(run(9));
    QCOMPARE(recent.runs(), expected);

    // The menu lists them; runs that no longer exist are greyed out.
    QVERIFY(menu.isEnabled());
    const QList<QAction *> actions = menu.actions();
    QCOMPARE(actions.size(), 7);
    QCOMPARE(actions[0]->text(), QDir::toNativeSeparators(run(5)));
    QVERIFY(actions[0]->isEnabled());
    QVERIFY(!actions[1]->isEnabled());
    QSignalSpy open(&recent, &RecentRuns::openRequested);
    actions[0]->trigger();
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.at(0).at(0).toString(), run(5));

    // One list for the program: another menu shows the same runs.
    QMenu other;
    RecentRuns again(&other);
    QCOMPARE(again.runs(), expected);
    QCOMPARE(other.actions().size(), 7);
    QSettings().remove(QStringLiteral("recentRuns"));
}

void tst_Studio::followerTakesLambdaStepFromConfigForOldRuns()
{
    // Written by the writers before format version 2: step lines lack lambda_step.
    const QString runDir = dir(QStringLiteral("legacy"));
    std::filesystem::copy(SPARSENAS_SOURCE_DIR "/tests/runformat/legacy-run", runDir.toStdString(),
                          std::filesystem::copy_options::recursive);
    RunFollower f;
    QVERIFY(f.open(runDir));
    int polls = 0;
    while (f.poll() && ++polls < 10) {
    }
    const RunUpdate u = f.takeUpdate();
    QCOMPARE(u.snapshots.size(), size_t(6));
    // config.json's arch.lambda_step (0.1) until the lambda_step event at step 5 sets 0.125.
    for (size_t i = 0; i < 5; ++i)
        QCOMPARE(u.snapshots[i].lambdaStep, 0.1);
    QCOMPARE(u.snapshots[5].lambdaStep, 0.125);
    QCOMPARE(u.snapshots[0].epochs, int64_t(10));
    QCOMPARE(u.snapshots[3].cells.size(), size_t(2));
    QCOMPARE(u.snapshots[3].cells[1].aliveNodes, std::vector<int>({2, 3, 5}));
    QCOMPARE(u.snapshots[3].cells[1].weights.nodes, 4);       // from config.json
    QVERIFY(u.snapshots[3].cells[1].weights.weights.empty()); // no A in step lines
    QCOMPARE(u.epochs.size(), size_t(2));
    QCOMPARE(u.epochs[1].valAcc, 0.8125);
    QCOMPARE(u.epochs[1].cells[1].weights.at(3, 4), 0.6875f);
    QCOMPARE(u.events.size(), size_t(6));
    QCOMPARE(int(u.events[4].kind), int(RunEventKind::LambdaStep));
    QCOMPARE(u.messages.size(), size_t(6));
    QCOMPARE(int(u.messages[3].level), int(MessageLevel::Warning));
    QCOMPARE(u.messages[3].text, std::string("lambda step set to 0.125"));
    QCOMPARE(u.messages[3].time, std::string("2026-11-30 09:15:50")); // log.txt's, for the log
    QVERIFY(u.state.has_value());
    QCOMPARE(int(*u.state), int(RunState::Stopped));
}

void tst_Studio::mainWindowShowsAnOpenedRunsLogAndEpochs()
{
    // The log of an opened run showed the time of opening on every line and no epochs.
    const QString runDir = dir(QStringLiteral("legacy-opened"));
    std::filesystem::copy(SPARSENAS_SOURCE_DIR "/tests/runformat/legacy-run", runDir.toStdString(),
                          std::filesystem::copy_options::recursive);
    MainWindow w;
    w.setInteractive(false);
    w.logView()->clear();
    QVERIFY(w.openRunDirectory(runDir));
    LogView *log = w.logView();
    QStringList lines;
    for (int i = 0; i < log->visibleLineCount(); ++i)
        lines << log->visibleLineText(i);
    const QString all = lines.join(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 8); // log.txt's six lines and two epochs
    // log.txt's times, in its order...
    QVERIFY2(lines[0].startsWith(QStringLiteral("09:15:02  search started")), qPrintable(all));
    QVERIFY2(lines[7].startsWith(QStringLiteral("09:16:05  stopped by the user")), qPrintable(all));
    // ...and a summary per epoch where the epochs' durations put it (≈: estimated): the run
    // started at 09:15:02, epoch 1 took 12.5 s, epoch 2 11.75 s.
    QVERIFY2(lines[1].startsWith(QStringLiteral("\u224809:15:14  Epoch 1/10 done: \u03bb = 0 ")),
             qPrintable(all));
    QVERIFY2(lines[2].startsWith(QStringLiteral("\u224809:15:26  Epoch 2/10 done: \u03bb = 0.25 ")),
             qPrintable(all));
    QVERIFY2(lines[2].contains(QStringLiteral("validation loss 1.750, accuracy 81.3 %")),
             qPrintable(lines[2]));
    QVERIFY2(lines[2].contains(QStringLiteral("reduction: nodes 3/4")), qPrintable(lines[2]));
    QVERIFY(lines[3].startsWith(QStringLiteral("09:15:33  checkpoint")));
    // The steering panel shows what was in force at the last step: lambda 0.25 and the lambda
    // step the event at step 5 set (the config's 0.1 before it).
    QCOMPARE(w.steeringPanel()->lambdaInForce(), QStringLiteral("0.25"));
    QCOMPARE(w.steeringPanel()->lambdaStepInForce(), QStringLiteral("0.125"));
    // Opened again: the same epochs are not logged twice.
    QVERIFY(w.openRunDirectory(runDir));
    QCOMPARE(log->visibleLineCount(), 8 + 6);
}

void tst_Studio::engineMessagesAreTranslated()
{
    // The engine writes English (log.txt, the CLI); the German studio showed it so. Its fixed
    // messages are translated by a table of its wordings, the variable parts kept.
    const QString english = QStringLiteral("finished after 3 epochs");
    QCOMPARE(presentEngineMessage(english), english); // no translator: as written
    installStudioTranslations(QLocale(QStringLiteral("de")));
    const auto back = qScopeGuard(&removeTranslators);
    QCOMPARE(presentEngineMessage(english), QStringLiteral("nach 3 Epochen beendet"));
    QCOMPARE(presentEngineMessage(QStringLiteral("finished after 1 epoch")),
             QStringLiteral("nach 1 Epoche beendet"));
    QCOMPARE(presentEngineMessage(QStringLiteral("paused at step 12")),
             QStringLiteral("bei Schritt 12 pausiert"));
    // A path that looks like a placeholder stays as it is.
    QCOMPARE(presentEngineMessage(QStringLiteral("forked from /runs/%2/ckpt.pt")),
             QStringLiteral("abgezweigt von /runs/%2/ckpt.pt"));
    // The engine's reason inside stays English; the cell names get their subscripts.
    QCOMPARE(presentEngineMessage(QStringLiteral("the run failed: cannot read c_{k-1}")),
             QStringLiteral("der Lauf ist fehlgeschlagen: cannot read c\u2096\u208b\u2081"));
    // A sharded or data-parallel run's opening message: the head and the tail after "; ".
    const QString opening = presentEngineMessage(QStringLiteral(
        "recurrent search on ptb (929589 train / 73760 validation tokens, vocabulary 10000), 8 "
        "nodes, hidden 300, bptt 35, 5 ops, adam_hapg + sgl, first order, cpu with 1 thread; "
        "rank 1 of 2 (gloo), shards 2-2 of 2 of every batch"));
    QVERIFY2(opening.startsWith(QStringLiteral("rekurrente Suche auf ptb")) &&
                 opening.endsWith(QStringLiteral("; Rang 1 von 2 (gloo), Teile 2-2 von 2 jedes "
                                                 "Batches")),
             qPrintable(opening));
    QVERIFY(presentEngineMessage(
                QStringLiteral("evaluation of DARTS_V2 on digits (1498 training / 299 test "
                               "images), 3 cells, C=4, 0.011 M parameters, 0.9 M multiply-adds "
                               "per image, cpu with 2 threads; every batch in 2 shards "
                               "(search.batch_shards)"))
                .endsWith(QStringLiteral("; jeder Batch in 2 Teilen (search.batch_shards)")));
    // A message the table does not know is shown as written.
    QCOMPARE(presentEngineMessage(QStringLiteral("something new")),
             QStringLiteral("something new"));

    // The table matches what the engine writes now: a real search's log, every line known.
    SearchController c;
    QSignalSpy ended(&c, &SearchController::runEnded);
    const QString runDir = dir(QStringLiteral("translated"));
    QVERIFY(c.startNew(configFromJson(tinyJson(1)), runDir));
    c.pause();
    c.setLambda(0.001); // small: this tiny supernet collapses at 0.25
    c.resume();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 120000);
    QFile log(runDir + QStringLiteral("/log.txt"));
    QVERIFY(log.open(QIODevice::ReadOnly | QIODevice::Text));
    int lines = 0;
    for (const QByteArray &raw : log.readAll().split('\n')) {
        if (raw.isEmpty())
            continue;
        const LogLine line = logLineFromText(raw.toStdString());
        const QString text = QString::fromStdString(line.text);
        QVERIFY2(presentEngineMessage(text) != text, qPrintable(text));
        ++lines;
    }
    QVERIFY(lines >= 4); // search on ..., data: ..., lambda set to 0.001, finished after 1 epoch

    // The same for the recurrent space: a search and an evaluation whose validation loss turns
    // up (no dropout on 3,000 tokens), so that NT-ASGD switches and says so.
    const auto everyLineKnown = [](const QString &runDir) {
        QFile file(runDir + QStringLiteral("/log.txt"));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return QStringLiteral("no log.txt in ") + runDir;
        QString unknown;
        for (const QByteArray &raw : file.readAll().split('\n')) {
            if (raw.isEmpty())
                continue;
            const QString text = QString::fromStdString(logLineFromText(raw.toStdString()).text);
            if (presentEngineMessage(text) == text)
                unknown += text + QLatin1Char('\n');
        }
        return unknown;
    };
    const json lm = {{"hidden", 16},          {"bptt", 10},       {"dropout", 0.0},
                     {"dropout_hidden", 0.0}, {"dropout_x", 0.0}, {"dropout_input", 0.0},
                     {"dropout_words", 0.0}};
    const json small = {{"epochs", 1}, {"batch_size", 8}, {"threads", 1}};
    for (const bool evaluation : {false, true}) {
        json j = {{"dataset", {{"name", "devils-dictionary"}, {"limit", 3000}}},
                  {"space", {{"kind", "rnn"}, {"nodes", 2}}},
                  {"language_model", lm},
                  {"search", small}};
        if (evaluation) {
            j["task"] = "evaluate";
            j["space"].erase("nodes");
            j["search"]["epochs"] = 8;
            j["weights"] = {{"lr", 20}, {"lr_min", 20}, {"momentum", 0}, {"grad_clip", 0.25}};
            j["evaluation"] = {
                {"genotype", "DARTS_RNN_V2"}, {"asgd_nonmono", 1}, {"test_batch_size", 4}};
        }
        SearchController rc;
        QSignalSpy rnnEnded(&rc, &SearchController::runEnded);
        const QString rnnDir = dir(evaluation ? QStringLiteral("translated-rnn-eval")
                                              : QStringLiteral("translated-rnn"));
        QVERIFY(rc.startNew(configFromJson(j), rnnDir));
        QTRY_COMPARE_WITH_TIMEOUT(rnnEnded.count(), 1, 120000);
        QCOMPARE(int(rnnEnded.at(0).at(0).value<RunState>()), int(RunState::Finished));
        const QString unknown = everyLineKnown(rnnDir);
        QVERIFY2(unknown.isEmpty(), qPrintable(unknown));
        if (evaluation) {
            QFile file(rnnDir + QStringLiteral("/log.txt"));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(file.readAll().contains("NT-ASGD"));
        }
    }

    // Composite messages (what went wrong, then what the run did about it) are translated part
    // by part; the numbers and the cell type come through.
    QCOMPARE(presentEngineMessage(QStringLiteral(
                 "the training loss became NaN or infinite in epoch 2 at step 17. The search "
                 "diverged. Rolled back to the last checkpoint (step 12) and paused: change "
                 "lambda, alpha or the lambda step, then resume.")),
             QStringLiteral("der Trainingsverlust wurde NaN oder unendlich in Epoche 2 bei "
                            "Schritt 17. Die Suche ist divergiert. Zurückgesetzt auf den letzten "
                            "Checkpoint (Schritt 12) und pausiert: Lambda, Alpha oder den "
                            "Lambda-Schritt ändern, dann fortsetzen."));
    QCOMPARE(presentEngineMessage(QStringLiteral(
                 "the architecture weights of the reduce cell exploded (largest |A| 1e+06, "
                 "arch.max_weight 100) in epoch 3 at step 40. Reloading the last checkpoint "
                 "failed: no such file")),
             QStringLiteral("die Architekturgewichte der Zelle „Reduktion“ sind explodiert "
                            "(größtes |A| 1e+06, arch.max_weight 100) in Epoche 3 bei Schritt "
                            "40. Das Laden des letzten Checkpoints ist fehlgeschlagen: no such "
                            "file"));

    // A real collapse: this tiny supernet loses its cells at lambda 2 and, with
    // search.on_collapse "continue", says so and goes on. Every line of its log is known.
    SearchController collapsing;
    QSignalSpy collapsedEnded(&collapsing, &SearchController::runEnded);
    const QString collapseDir = dir(QStringLiteral("translated-collapse"));
    QVERIFY(collapsing.startNew(configFromJson(tinyJson(1)), collapseDir));
    collapsing.pause();
    collapsing.setLambda(2.0);
    collapsing.resume();
    QTRY_COMPARE_WITH_TIMEOUT(collapsedEnded.count(), 1, 120000);
    QFile collapseLog(collapseDir + QStringLiteral("/log.txt"));
    QVERIFY(collapseLog.open(QIODevice::ReadOnly | QIODevice::Text));
    bool sawCollapse = false;
    for (const QByteArray &raw : collapseLog.readAll().split('\n')) {
        if (raw.isEmpty())
            continue;
        const QString text = QString::fromStdString(logLineFromText(raw.toStdString()).text);
        const QString shown = presentEngineMessage(text);
        QVERIFY2(shown != text, qPrintable(text));
        if (text.contains(QLatin1String("collapsed: every architecture weight"))) {
            sawCollapse = true;
            // Both parts translated: no English sentence left in the German text.
            QVERIFY2(shown.contains(QStringLiteral("kollabiert")), qPrintable(shown));
            QVERIFY2(shown.contains(QStringLiteral("Der Lauf geht weiter")), qPrintable(shown));
            QVERIFY2(!shown.contains(QLatin1String("The run")), qPrintable(shown));
        }
    }
    QVERIFY(sawCollapse);
    // Why DARTS's text cannot hold the cell is part of the message, and translated too.
    QCOMPARE(presentEngineMessage(QStringLiteral(
                 "no genotype_darts.txt: the cell does not fit DARTS's format (reduction cell: "
                 "node 1 has 3 paths in, where DARTS's format needs exactly 2); "
                 "genotype_ptdarts.txt and genotype.json hold it")),
             QStringLiteral("keine genotype_darts.txt: Die Zelle passt nicht in das DARTS-Format "
                            "(Zelle „Reduktion“: Knoten 1 hat 3 Pfade als Eingang, das "
                            "DARTS-Format verlangt genau 2); genotype_ptdarts.txt und "
                            "genotype.json enthalten sie"));
}

void tst_Studio::graphvizServiceCoalescesAndExports()
{
    GraphvizService g;
    QSignalSpy rendered(&g, &GraphvizService::rendered);
    QSignalSpy exported(&g, &GraphvizService::exported);
    quint64 last = 0;
    for (int i = 0; i < 20; ++i)
        last = g.requestRender(QStringLiteral("k"), QStringLiteral("digraph { a -> b%1 }").arg(i));
    // The newest request is always answered; older ones still waiting are dropped.
    QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty() && rendered.last().at(0).toULongLong() == last,
                             30000);
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
    const quint64 id =
        g.requestExport(QStringLiteral("digraph { a -> b }"), QStringLiteral("pdf"), pdf);
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
    QTest::newRow("pdf") << "pdf"
                         << "cell.pdf" << QByteArray("%PDF-");
    QTest::newRow("png") << "png"
                         << "cell.png" << QByteArray("\x89PNG");
    QTest::newRow("svg") << "svg"
                         << "cell.svg" << QByteArray("<?xml");
    QTest::newRow("dot") << "dot"
                         << "cell.dot" << QByteArray("digraph");
    QTest::newRow("json") << "json"
                          << "cell.json" << QByteArray("{");
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
        QVERIFY(!w.configForm()->isEnabled() ||
                !w.configForm()->fieldEditor(QStringLiteral("arch.alpha"))->isEnabled());
        QSignalSpy ended(w.controller(), &SearchController::runEnded);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 120000);
        QCOMPARE(int(ended.at(0).at(0).value<RunState>()), int(RunState::Finished));
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

        // "Evaluate derived architecture": the cell trained on its own (one short epoch), live
        // in the same window, then a row of the Evaluations table with the search's time.
        QVERIFY(w.comparisonView()->rows().empty());
        RunConfig eval = presetConfig("digits-eval");
        eval.space.channels = 4;
        eval.space.layers = 3;
        eval.search.epochs = 1;
        eval.search.threads = 1;
        QVERIFY(w.evaluateRun(runDir, eval));
        const QString evalDir = w.runDirectory();
        QVERIFY2(QFileInfo(evalDir).fileName().startsWith(QStringLiteral("tiny-eval-")),
                 qPrintable(evalDir));
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 120000);
        QCOMPARE(int(ended.at(1).at(0).value<RunState>()), int(RunState::Finished));
        QVERIFY(QFile::exists(evalDir + QStringLiteral("/evaluation.json")));
        const auto &rows = w.comparisonView()->rows();
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].genotype, QFileInfo(runDir).fileName().toStdString());
        QCOMPARE(rows[0].channels, int64_t(4));
        QVERIFY(rows[0].searchSeconds && *rows[0].searchSeconds > 0);
        QCOMPARE(w.comparisonView()->table()->rowCount(), 1);
        QString exportError;
        const QString md = dir(QStringLiteral("evaluations.md"));
        QVERIFY2(w.comparisonView()->exportTable(md, &exportError), qPrintable(exportError));
        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(mdFile.readAll()).contains(QFileInfo(runDir).fileName()));
        QVERIFY(
            !w.comparisonView()->exportTable(dir(QStringLiteral("evaluations.xls")), &exportError));
        QVERIFY(exportError.contains(QStringLiteral("evaluations.xls")));
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
        // The steering panel shows the config's lambda step (it showed 0 for opened runs).
        QCOMPARE(w.steeringPanel()->lambdaStepInForce(), QStringLiteral("0.1"));
        QCOMPARE(w.steeringPanel()->lambdaStepEditor()->value(), 0.1);
        QVERIFY(!w.openRunDirectory(dir(QStringLiteral("not-a-run"))));
        // Not interactive: the problem went to the log, naming the folder.
        bool logged = false;
        for (int i = 0; i < w.logView()->lineCount(); ++i)
            logged = logged ||
                     w.logView()->visibleLineText(i).contains(QStringLiteral("not-a-run"));
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
    QCOMPARE(int(ended.at(0).at(0).value<RunState>()), int(RunState::Stopped));
    QTRY_VERIFY(!w.steeringPanel()->isLive()); // actions follow the ended thread
    w.drainNow();
    const int stoppedAt = trainLoss()->dataCount();
    QVERIFY(stoppedAt >= 1 && stoppedAt < 18);

    // Resume: the curves hold the history from disk, then the live steps, each step once.
    const QString runDir = w.runDirectory();
    QTRY_VERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("stopped")),
                 qPrintable(w.statusBar()->currentMessage()));
    QVERIFY(w.resumeRunDirectory(runDir));
    QVERIFY2(w.statusBar()->currentMessage().isEmpty(), // the stopped run's message is gone
             qPrintable(w.statusBar()->currentMessage()));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 180000);
    QCOMPARE(int(ended.at(1).at(0).value<RunState>()), int(RunState::Finished));
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
    QCOMPARE(int(ended.at(2).at(0).value<RunState>()), int(RunState::Finished));
    const RunConfig forked = RunDirectory(forkDir.toStdString()).loadConfig();
    QCOMPARE(forked.arch.lambdaStep, 0.2);
    QCOMPARE(forked.search.epochs, int64_t(4));
    QVERIFY(QFile::exists(forkDir + QStringLiteral("/genotype.json")));
    QVERIFY(QFileInfo::exists(runDir + QStringLiteral("/genotype.json"))); // the source is kept
}

QTEST_MAIN(tst_Studio)
#include "tst_studio.moc"
