// SPDX-License-Identifier: MIT
// bench_gui: how responsive the studio stays while a fast search streams into every view.
//
// Runs a real search (small digits supernet, many steps per second) in the studio's main window
// with all views docked, and measures
//   latency    a probe thread posts a queued call to the GUI thread every 5 ms; the latency is
//              the time until the GUI thread runs it (what a click or a key press waits for);
//   drain      the time one 40 ms drain spends handing snapshots to the views;
//   replot     the time of each QCustomPlot replot (QCustomPlot::replotTime), per plot;
//   per snapshot  (all drain + all replot time) / snapshots;
//   first paint  the window shown and painted once, before the probe and the search start
//              (start-up, not a stutter during a search);
//   events     every event the GUI thread delivers, timed (QApplication::notify, outermost
//              only): the time per kind (receiver class and event type, or the queued slot's
//              receiver) and the slowest single events, to find what blocks the loop.
// Prints one JSON object. Options: --epochs N, --batch N, --nodes N, --threads N, --drain-ms MS,
// --history N (follow a run that already holds N steps while it grows, the engine's cores
// loaded by a real search; measured once the history is shown, its load time reported as
// history_load_ms), --platform P (default offscreen unless QT_QPA_PLATFORM is set).

#include "curvesview.h"
#include "mainwindow.h"
#include "plotexport.h"
#include "regpathview.h"
#include "runsession.h"
#include "searchcontroller.h"
#include "survivalview.h"

#include "configform.h"

#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/runformat.h"
#include "sparsenas/base/runlock.h"
#include "sparsenas/searchengine.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWindow>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace sparsenas;
using nlohmann::json;

namespace {

/// Times every event the GUI thread delivers (the outermost notify only: nested deliveries are
/// part of the one that triggered them).
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;

    struct Slow
    {
        double ms = 0;
        std::string what;
    };

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_timing || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        if (m_depth++ > 0) {
            const bool r = QApplication::notify(receiver, event);
            --m_depth;
            return r;
        }
        // Before delivery: the event may delete its receiver (DeferredDelete) or itself.
        const int type = int(event->type());
        const char *className = receiver->metaObject()->className();
        // A dock relaid out: which one (its title), to find whose contents keep changing size.
        std::string dock;
        if (type == QEvent::LayoutRequest && receiver->isWidgetType() &&
            receiver->inherits("QDockWidget"))
            dock = " [" + static_cast<QWidget *>(receiver)->windowTitle().toStdString() + "]";
        const auto t0 = std::chrono::steady_clock::now();
        const bool r = QApplication::notify(receiver, event);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count();
        --m_depth;
        std::string what = className + dock;
        what += type == QEvent::MetaCall        ? " (queued call)"
                : type == QEvent::Timer         ? " (timer)"
                : type == QEvent::Paint         ? " (paint)"
                : type == QEvent::UpdateRequest ? " (update request)"
                : type == QEvent::LayoutRequest ? " (layout)"
                                                : " (event " + std::to_string(type) + ")";
        auto &kind = m_kinds[what];
        kind.first += ms;
        kind.second += 1;
        if (ms >= 4.0)
            m_slow.push_back({ms, what});
        return r;
    }

    void startTiming() { m_timing = true; }
    json report() const
    {
        std::vector<std::pair<std::string, std::pair<double, int>>> kinds(m_kinds.begin(),
                                                                          m_kinds.end());
        std::sort(kinds.begin(), kinds.end(),
                  [](const auto &a, const auto &b) { return a.second.first > b.second.first; });
        json byKind = json::array();
        for (size_t i = 0; i < kinds.size() && i < 12; ++i)
            byKind.push_back({{"what", kinds[i].first},
                              {"total_ms", kinds[i].second.first},
                              {"count", kinds[i].second.second}});
        auto slow = m_slow;
        std::sort(slow.begin(), slow.end(),
                  [](const Slow &a, const Slow &b) { return a.ms > b.ms; });
        json worst = json::array();
        for (size_t i = 0; i < slow.size() && i < 15; ++i)
            worst.push_back({{"ms", slow[i].ms}, {"what", slow[i].what}});
        return json{{"by_kind", byKind}, {"slowest", worst}, {"over_4ms", slow.size()}};
    }

private:
    bool m_timing = false;
    int m_depth = 0;
    std::map<std::string, std::pair<double, int>> m_kinds;
    std::vector<Slow> m_slow;
};

json stats(std::vector<double> v)
{
    if (v.empty())
        return json{{"n", 0}};
    std::sort(v.begin(), v.end());
    const auto at = [&](double q) {
        return v[std::min(v.size() - 1, size_t(q * double(v.size())))];
    };
    double sum = 0;
    for (double x : v)
        sum += x;
    return json{{"n", v.size()},   {"median", at(0.5)}, {"p90", at(0.9)},
                {"p99", at(0.99)}, {"max", v.back()},   {"mean", sum / double(v.size())},
                {"sum", sum}};
}

/// A run directory that already holds many steps, for --history: a real one-epoch search of the
/// bench's configuration (by the sparsenas command next to this program) gives the lines, which
/// are repeated with new step and epoch numbers; the directory is locked and marked running, so
/// the studio follows it as it follows a search run from a terminal.
struct HistoryRun
{
    std::string dir;
    std::vector<json> steps; ///< the seed's step lines
    json epoch;              ///< the seed's epoch line
    int64_t next = 1;        ///< the next step number to write
    RunLock lock;

    static std::string program()
    {
        return QDir(QCoreApplication::applicationDirPath())
            .filePath(QStringLiteral("sparsenas"))
            .toStdString();
    }

    std::string stepLine(int64_t k) const
    {
        const int64_t per = int64_t(steps.size());
        json line = steps[size_t((k - 1) % per)];
        line["step"] = k;
        line["epoch"] = (k - 1) / per + 1;
        line["step_in_epoch"] = (k - 1) % per + 1;
        line["epochs"] = 1000000;
        std::string text = jsonLine(line) + "\n";
        if ((k % per) == 0) {
            json e = epoch;
            e["epoch"] = k / per;
            e["step"] = k;
            text += jsonLine(e) + "\n";
        }
        return text;
    }

    bool prepare(const QString &root, const json &config, int count, std::string *error)
    {
        const QString configPath = QDir(root).filePath(QStringLiteral("history-config.json"));
        json seedConfig = config;
        seedConfig["search"]["epochs"] = 1;
        writeFileAtomic(configPath.toStdString(), seedConfig.dump());
        const QString seed = QDir(root).filePath(QStringLiteral("history-seed"));
        QProcess p;
        p.start(QString::fromStdString(program()),
                {QStringLiteral("search"), QStringLiteral("-c"), configPath, QStringLiteral("-o"),
                 seed, QStringLiteral("--quiet")});
        if (!p.waitForFinished(600000) || p.exitCode() != 0) {
            *error = "the seed search failed: " + p.readAllStandardError().toStdString();
            return false;
        }
        for (const auto &line :
             readAllLines(QDir(seed).filePath(QStringLiteral("metrics.jsonl")).toStdString())) {
            if (!line.ok())
                continue;
            if (metricsLineType(line.value) == MetricsLineType::Step)
                steps.push_back(line.value);
            else if (metricsLineType(line.value) == MetricsLineType::Epoch && epoch.is_null())
                epoch = line.value;
        }
        if (steps.empty() || epoch.is_null()) {
            *error = "the seed search wrote no step or epoch line";
            return false;
        }
        dir = QDir(root).filePath(QStringLiteral("history")).toStdString();
        std::filesystem::create_directories(dir);
        for (const char *f : {"config.json", "snapshots.jsonl"})
            std::filesystem::copy_file(QDir(seed).filePath(QString::fromLatin1(f)).toStdString(),
                                       dir + "/" + f);
        std::string metrics;
        for (next = 1; next <= count; ++next)
            metrics += stepLine(next);
        writeFileAtomic(dir + "/metrics.jsonl", metrics);
        RunStatus status;
        status.state = RunState::Running;
        status.step = count;
        status.epoch = count / int64_t(steps.size());
        status.pid = int64_t(QCoreApplication::applicationPid());
        status.message = "bench_gui history";
        writeFileAtomic(dir + "/status.json", jsonLine(toJson(status)) + "\n");
        lock = RunLock::acquire(dir, "bench_gui --history");
        return true;
    }

    /// The engine's load: the bench's search in a directory of its own.
    bool startLoad(QProcess *load, const QString &root, const json &config, std::string *error)
    {
        const QString configPath = QDir(root).filePath(QStringLiteral("load-config.json"));
        writeFileAtomic(configPath.toStdString(), config.dump());
        load->start(QString::fromStdString(program()),
                    {QStringLiteral("search"), QStringLiteral("-c"), configPath,
                     QStringLiteral("-o"), QDir(root).filePath(QStringLiteral("load")),
                     QStringLiteral("--quiet")});
        if (!load->waitForStarted(10000)) {
            *error = "cannot start the load search: " + load->errorString().toStdString();
            return false;
        }
        return true;
    }

    /// Appends a step every 150 ms (the live bench's pace) until `running` is false.
    void grow(const std::atomic<bool> &running)
    {
        std::FILE *f = std::fopen((dir + "/metrics.jsonl").c_str(), "ab");
        if (!f)
            return;
        while (running) {
            const std::string text = stepLine(next++);
            std::fwrite(text.data(), 1, text.size(), f);
            std::fflush(f);
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
        }
        std::fclose(f);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SparseNAS-bench"));
    QApplication::setApplicationName(QStringLiteral("bench_gui"));

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption epochs(QStringLiteral("epochs"), QStringLiteral("Search epochs"),
                                    QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("Batch size"),
                                   QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption nodes(QStringLiteral("nodes"), QStringLiteral("Nodes per cell"),
                                   QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("Engine threads"),
                                     QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption drainMs(QStringLiteral("drain-ms"),
                                     QStringLiteral("The studio's coalescing delay (ms)"),
                                     QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption history(
        QStringLiteral("history"),
        QStringLiteral("Follow a run that already holds N steps (a long search opened in the "
                       "studio) while it grows, with a real search loading the cores"),
        QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({epochs, batch, nodes, threads, drainMs, history});
    parser.process(app);

    configureThreads(parser.value(threads).toInt());
    QTemporaryDir tmp;
    MainWindow w;
    w.setInteractive(false);
    if (parser.value(drainMs).toInt() > 0)
        w.session()->setDrainInterval(parser.value(drainMs).toInt());
    w.setRunsRoot(tmp.path());
    w.resize(1500, 940);
    w.show();
    // The window's first paint (35-65 ms: every dock laid out and drawn once) is start-up, not a
    // stutter during a search: it is timed on its own, before the probe and the search start.
    QElapsedTimer firstPaint;
    firstPaint.start();
    while (!w.windowHandle() || !w.windowHandle()->isExposed())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    w.repaint();
    QCoreApplication::processEvents();
    const double firstPaintMs = double(firstPaint.nsecsElapsed()) / 1e6;
    // Small supernet, full DARTS op set: many snapshots per second with 14 x 8 matrices.
    const json benchConfig =
        json{{"name", "bench-gui"},
             {"dataset", {{"name", "digits"}, {"limit", 512}}},
             {"space", {{"channels", 4}, {"layers", 3}, {"nodes", parser.value(nodes).toInt()}}},
             {"arch", {{"optimizer", "adam_hapg"}, {"lr", 0.01}, {"lambda_step", 0.05}}},
             {"search",
              {{"epochs", parser.value(epochs).toInt()},
               {"batch_size", parser.value(batch).toInt()},
               {"seed", 1},
               {"threads", parser.value(threads).toInt()}}}};
    w.configForm()->setConfigJson(benchConfig);
    if (!w.configForm()->isValid()) {
        std::fprintf(stderr, "bench_gui: %s\n",
                     qPrintable(w.configForm()->problems().join(QLatin1Char('\n'))));
        return 2;
    }

    std::vector<double> drains, perDrainSnapshots;
    std::vector<double> replots[3];
    QCustomPlot *plots[3] = {w.curvesView()->plot(), w.survivalView()->plot(),
                             w.regPathView()->plot()};
    for (int i = 0; i < 3; ++i) {
        QObject::connect(plots[i], &QCustomPlot::afterReplot, &w,
                         [&, i] { replots[i].push_back(plots[i]->replotTime(false)); });
    }
    int64_t snapshots = 0;
    int64_t snapshotsShown = 0; // all drains, the history's included
    QObject::connect(&w, &MainWindow::updatesApplied, &w, [&](double ms, int n) {
        drains.push_back(ms);
        perDrainSnapshots.push_back(n);
        snapshotsShown += n;
    });

    // --history N: a run directory that already holds N steps, opened and followed while a
    // writer appends a step at the live search's pace; a real search (another directory) keeps
    // the engine's cores busy meanwhile. Measured from when the history is on screen.
    const int historySteps = parser.value(history).toInt();
    HistoryRun historyRun;
    double historyLoadMs = 0;
    if (historySteps > 0) {
        std::string error;
        if (!historyRun.prepare(tmp.path(), benchConfig, historySteps, &error)) {
            std::fprintf(stderr, "bench_gui: %s\n", error.c_str());
            return 2;
        }
        QElapsedTimer load;
        load.start();
        if (!w.openRunDirectory(QString::fromStdString(historyRun.dir))) {
            std::fprintf(stderr, "bench_gui: cannot open the history run\n");
            return 2;
        }
        while (snapshotsShown < historySteps && load.elapsed() < 300000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        historyLoadMs = double(load.nsecsElapsed()) / 1e6;
        drains.clear();
        perDrainSnapshots.clear();
        for (auto &r : replots)
            r.clear();
    }

    // The probe: a thread that asks the GUI thread to run something every 5 ms.
    std::mutex mutex;
    std::vector<double> latencies;
    std::atomic<bool> probing{true};
    std::thread probe([&] {
        while (probing) {
            const auto sent = std::chrono::steady_clock::now();
            QMetaObject::invokeMethod(
                &w,
                [&, sent] {
                    const double ms = std::chrono::duration<double, std::milli>(
                                          std::chrono::steady_clock::now() - sent)
                                          .count();
                    std::lock_guard<std::mutex> lock(mutex);
                    latencies.push_back(ms);
                },
                Qt::QueuedConnection);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });

    QElapsedTimer wall;
    QObject::connect(w.controller(), &SearchController::runEnded, &app,
                     [&](RunState state, const QString &message) {
                         if (state != RunState::Finished)
                             std::fprintf(stderr, "bench_gui: search ended: %s\n",
                                          qPrintable(message));
                         QTimer::singleShot(200, &app, &QCoreApplication::quit);
                     });
    QProcess load;
    std::thread writer;
    std::atomic<bool> writing{true};
    QTimer::singleShot(0, &w, [&] {
        wall.start();
        app.startTiming();
        if (historySteps == 0) {
            if (!w.startSearch())
                QCoreApplication::exit(1);
            return;
        }
        std::string error;
        if (!historyRun.startLoad(&load, tmp.path(), benchConfig, &error)) {
            std::fprintf(stderr, "bench_gui: %s\n", error.c_str());
            QCoreApplication::exit(1);
            return;
        }
        QObject::connect(&load, &QProcess::finished, &app,
                         [&] { QTimer::singleShot(200, &app, &QCoreApplication::quit); });
        writer = std::thread([&] { historyRun.grow(writing); });
    });
    const int rc = QApplication::exec();
    const double seconds = double(wall.elapsed()) / 1000.0;
    probing = false;
    probe.join();
    writing = false;
    if (writer.joinable())
        writer.join();
    if (rc != 0)
        return rc;

    for (double n : perDrainSnapshots)
        snapshots += int64_t(n);
    double busy = 0;
    for (double d : drains)
        busy += d;
    json replot;
    const char *names[3] = {"curves", "survival", "regpaths"};
    for (int i = 0; i < 3; ++i) {
        for (double r : replots[i])
            busy += r;
        replot[names[i]] = stats(replots[i]);
    }
    std::lock_guard<std::mutex> lock(mutex);
    const json out{{"bench", "gui"},
                   {"platform", QApplication::platformName().toStdString()},
                   {"seconds", seconds},
                   {"snapshots", snapshots},
                   {"snapshots_per_s", double(snapshots) / seconds},
                   {"drains", drains.size()},
                   {"snapshots_per_drain", stats(perDrainSnapshots)},
                   {"latency_ms", stats(latencies)},
                   {"first_paint_ms", firstPaintMs},
                   {"history_steps", historySteps},
                   {"history_load_ms", historyLoadMs},
                   {"drain_ms", stats(drains)},
                   {"replot_ms", replot},
                   {"gui_ms_per_snapshot", snapshots > 0 ? busy / double(snapshots) : 0.0},
                   {"events", app.report()}};
    std::printf("%s\n", out.dump().c_str());
    return 0;
}
