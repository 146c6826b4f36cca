// SPDX-License-Identifier: MIT
// The search engine as the studio drives it: resume (after a stop, and after a kill that left
// lines past the checkpoint) equals an uninterrupted run; commands (pause, set lambda, resume,
// checkpoint, stop) take effect between steps; divergence is reported, not crashed on; fork.

#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/checkpoint.h"
#include "sparsenas/runloop.h"
#include "sparsenas/searchengine.h"

#include "../common/runfiles.h"

#include <QtTest>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

using namespace sparsenas;
using nlohmann::json;
using sparsenas::testing::comparableMetrics;
using sparsenas::testing::jsonLines;
namespace fs = std::filesystem;

namespace {

/// A search small enough for seconds: 384 digits (192 / 192), 3 cells of 2 nodes, 4 ops,
/// 6 steps per epoch.
RunConfig tinyConfig()
{
    auto c = configFromJson(
        json{{"dataset", {{"name", "digits"}, {"limit", 384}}},
             {"space",
              {{"channels", 4},
               {"layers", 3},
               {"nodes", 2},
               {"ops", {"none", "max_pool_3x3", "skip_connect", "sep_conv_3x3"}}}},
             {"arch", {{"optimizer", "adam_hapg"}, {"lr", 0.01}, {"lambda_step", 0.1}}},
             {"search",
              {{"epochs", 3},
               {"batch_size", 32},
               {"seed", 5},
               {"threads", 2},
               {"on_collapse", "continue"}}},
             {"checkpoint", {{"keep", 2}}}});
    return c;
}

struct Recorder : SearchObserver
{
    std::function<void(const Snapshot &, CommandQueue &)> onStep;
    std::function<void(const EpochSummary &, CommandQueue &)> onEpochEnd;
    std::function<void(const std::string &, CommandQueue &)> onCheckpointWritten;
    CommandQueue *queue = nullptr;
    std::vector<Snapshot> snapshots;
    std::vector<RunState> states;
    std::vector<std::string> messages;
    std::atomic<bool> paused{false};

    void onSnapshot(const Snapshot &s) override
    {
        snapshots.push_back(s);
        if (onStep)
            onStep(s, *queue);
    }
    void onStateChanged(RunState s) override
    {
        states.push_back(s);
        paused = s == RunState::Paused;
    }
    void onMessage(MessageLevel, const std::string &m) override { messages.push_back(m); }
    void onEpoch(const EpochSummary &e) override
    {
        if (onEpochEnd)
            onEpochEnd(e, *queue);
    }
    void onCheckpoint(const std::string &path) override
    {
        if (onCheckpointWritten)
            onCheckpointWritten(path, *queue);
    }
};

QString st(RunState s)
{
    return QString::fromStdString(toString(s));
}

/// A task whose training losses are given: `losses[k]` is step k + 1's, 8 steps an epoch.
/// Nothing to save but its place; for the loop's own handling of what a step reports.
struct ScriptedTask : Task
{
    std::vector<double> losses;
    int64_t epochCount = 2;
    explicit ScriptedTask(std::vector<double> l) : losses(std::move(l)) {}
    void setUp(TaskContext &) override {}
    int64_t epochs() const override { return epochCount; }
    int64_t stepsPerEpoch() const override { return 8; }
    void enterEpoch(int64_t) override {}
    Snapshot step(const RunPosition &at) override
    {
        Snapshot s;
        s.trainLoss = losses.at(size_t(at.globalStep));
        return s;
    }
    std::optional<RunHealthError> checkHealth() override { return std::nullopt; }
    EpochSummary finishEpoch(const RunPosition &) override { return {}; }
    std::optional<RunEventInfo> steer(const Command &) override { return std::nullopt; }
    void describe(RunEventInfo &) const override {}
    void save(CheckpointWriter &, json &) const override {}
    void load(const CheckpointReader &, bool) override {}
    void finish(RunResult &) override {}
    uint64_t stateChecksum() const override { return 0; }
};

} // namespace

class tst_Resume : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::string dir(const char *name) const
    {
        return (fs::path(m_tmp.path().toStdString()) / name).string();
    }

private Q_SLOTS:
    void resumeEqualsUninterruptedRun()
    {
        const auto cfg = tinyConfig();
        SearchEngine full(cfg, dir("full"));
        const auto ra = full.run();
        QCOMPARE(st(ra.state), st(RunState::Finished));
        QCOMPARE(ra.step, int64_t(18));

        // The same run, stopped in the middle of epoch 2 (after step 8)...
        Recorder rec;
        SearchEngine part(cfg, dir("part"));
        rec.queue = &part.commands();
        rec.onStep = [](const Snapshot &s, CommandQueue &q) {
            if (s.step == 8)
                q.stop();
        };
        part.setObserver(&rec);
        const auto rb = part.run();
        QCOMPARE(st(rb.state), st(RunState::Stopped));
        QCOMPARE(rb.step, int64_t(8)); // stop takes effect before the next batch
        QVERIFY(json::parse(readFile(dir("part") + "/status.json"))["state"] == "stopped");

        // ...then "killed" while writing: lines past the checkpoint and a torn last line.
        {
            std::ofstream m(dir("part") + "/metrics.jsonl", std::ios::app);
            m << json{{"type", "step"}, {"step", 9}, {"epoch", 1}}.dump() << "\n"
              << "{\"type\": \"step\", \"st";
        }
        auto resumed = SearchEngine::resume(dir("part"));
        const auto rc = resumed->run();
        QCOMPARE(st(rc.state), st(RunState::Finished));
        QCOMPARE(rc.step, int64_t(18));

        // Same architecture weights, genotype and metrics, exactly.
        const auto lastA = jsonLines(dir("full") + "/snapshots.jsonl").back();
        const auto lastB = jsonLines(dir("part") + "/snapshots.jsonl").back();
        QVERIFY(lastB["cells"].dump() == lastA["cells"].dump());
        QVERIFY(readFile(dir("part") + "/genotype.json") ==
                readFile(dir("full") + "/genotype.json"));
        const auto ma = comparableMetrics(dir("full")), mb = comparableMetrics(dir("part"));
        QCOMPARE(mb.size(), ma.size());
        for (size_t i = 0; i < ma.size(); ++i)
            QCOMPARE(QString::fromStdString(mb[i].dump()), QString::fromStdString(ma[i].dump()));
        QCOMPARE(jsonLines(dir("part") + "/snapshots.jsonl").size(), size_t(3));
        // metrics.csv: header + one row per epoch.
        std::ifstream csv(dir("part") + "/metrics.csv");
        int rows = 0;
        for (std::string line; std::getline(csv, line);)
            ++rows;
        QCOMPARE(rows, 4);
        // Atomic writes leave no temp files; old checkpoints are pruned to `keep`.
        int checkpoints = 0;
        for (const auto &e : fs::recursive_directory_iterator(dir("part"))) {
            QVERIFY2(e.path().string().find(".tmp") == std::string::npos, e.path().c_str());
            checkpoints += e.path().extension() == ".pt" ? 1 : 0;
        }
        QCOMPARE(checkpoints, 2);
    }

    void commandsTakeEffectBetweenSteps()
    {
        Recorder rec;
        SearchEngine engine(tinyConfig(), dir("steer"));
        rec.queue = &engine.commands();
        rec.onStep = [](const Snapshot &s, CommandQueue &q) {
            if (s.step == 2)
                q.pause();
            if (s.step == 4)
                q.checkpointNow();
            if (s.step == 5)
                q.stop();
        };
        engine.setObserver(&rec);
        // The GUI side: once paused, steer and resume from another thread.
        std::thread gui([&] {
            while (!rec.paused)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            engine.commands().setLambda(0.7);
            engine.commands().setAlpha(0.25);
            engine.commands().setLambdaStep(0.02);
            engine.commands().resume();
        });
        const auto r = engine.run();
        gui.join();
        QCOMPARE(st(r.state), st(RunState::Stopped));
        QCOMPARE(rec.snapshots.size(), size_t(5));
        QCOMPARE(rec.snapshots[1].lambda, 0.0);
        QCOMPARE(rec.snapshots[2].lambda, 0.7); // the next step after the change
        QCOMPARE(rec.snapshots[2].alpha, 0.25);
        QCOMPARE(rec.snapshots[2].lambdaStep, 0.02);
        QVERIFY(std::find(rec.states.begin(), rec.states.end(), RunState::Paused) !=
                rec.states.end());
        // The events are in the metrics, at the step where they happened (for the plots).
        std::map<std::string, json> events;
        for (const auto &j : jsonLines(dir("steer") + "/metrics.jsonl")) {
            if (j["type"] == "event")
                events[j["what"].get<std::string>() + "@" + std::to_string(j["step"].get<int>())] =
                    j;
        }
        QVERIFY(events.count("pause@2"));
        QVERIFY(events.count("lambda@2"));
        QCOMPARE(events["lambda@2"]["value"].get<double>(), 0.7);
        QVERIFY(events.count("checkpoint@4"));
        QVERIFY(events.count("checkpoint@5")); // the stop's own checkpoint
        // The stop's checkpoint resumes with the steered values.
        auto resumed = SearchEngine::resume(dir("steer"));
        Recorder rec2;
        resumed->setObserver(&rec2);
        QCOMPARE(st(resumed->run().state), st(RunState::Finished));
        QCOMPARE(rec2.snapshots.front().step, int64_t(6));
        QCOMPARE(rec2.snapshots.front().lambda, 0.7);
        // Epoch 2 starts from 0.7 + the steered step 0.02.
        QCOMPARE(rec2.snapshots.back().lambda, 0.7 + 2 * 0.02);
    }

    void divergenceIsReportedNotCrashed()
    {
        // Architecture weights of 1e30 (past what validation allows, set directly here)
        // overflow the forward pass: the very first loss is not finite.
        auto c = tinyConfig();
        c.arch.init = 1e30;
        SearchEngine engine(c, dir("nan"));
        const auto r = engine.run();
        QCOMPARE(st(r.state), st(RunState::Failed));
        QVERIFY2(r.message.find("NaN or infinite") != std::string::npos, r.message.c_str());
        QVERIFY(json::parse(readFile(dir("nan") + "/status.json"))["state"] == "failed");
        QVERIFY(readFile(dir("nan") + "/log.txt").find("diverged") != std::string::npos);
    }

    void lossWatchAgainstFirstLossAndRecentMedian()
    {
        // Worked out by hand: a loss diverged when it is more than the factor times the first
        // loss or, once there are 10, the median of the last 50 if lower; either at least 1.
        LossWatch w;
        QVERIFY(!w.explodes(1e9, 100)); // nothing to hold it against yet
        w.add(2.5);
        QVERIFY(!w.explodes(250, 100)); // 100 x the first loss is no jump past it
        QVERIFY(w.explodes(250.5, 100));
        QVERIFY(w.againstFirstLoss());
        QVERIFY(!w.explodes(1e9, 0)); // search.divergence_factor 0: off
        // A loss that climbs step by step (10, 20, ... 100) becomes its own recent median
        // (about 60): it is held against where it started, 2.5.
        for (int i = 1; i <= 10; ++i)
            w.add(10.0 * i);
        QVERIFY(w.againstFirstLoss());
        QCOMPARE(w.reference(), 2.5);
        QVERIFY(w.explodes(251, 100));
        // A run that learned: first 40, then 10 losses of 2: the recent median, 2, is lower.
        w.clear();
        w.add(40.0);
        for (int i = 0; i < 10; ++i)
            w.add(2.0);
        QVERIFY(!w.againstFirstLoss());
        QCOMPARE(w.reference(), 2.0);
        QVERIFY(!w.explodes(200, 100));
        QVERIFY(w.explodes(200.5, 100));
        // The median, not the mean: 40, then 5 losses of 2 and 6 of 30 have median 30.
        w.clear();
        w.add(40.0);
        for (int i = 0; i < 5; ++i)
            w.add(2.0);
        for (int i = 0; i < 6; ++i)
            w.add(30.0);
        QCOMPARE(w.reference(), 30.0);
        // Late losses of 0.01 are held against 1: 99 is no divergence.
        w.clear();
        for (int i = 0; i < 10; ++i)
            w.add(0.01);
        QCOMPARE(w.reference(), 1.0);
        QVERIFY(!w.explodes(99, 100));
        QVERIFY(w.explodes(101, 100));
    }

    void explodingLossStopsEveryKindOfRun()
    {
        // A first loss of 3, eleven at 2, then 500 (more than 100 x the recent median 2) at
        // step 13, in epoch 2 (8 steps an epoch; a checkpoint after epoch 1, at step 8). The
        // loop itself watches the loss, for a search and an evaluation alike: both fail there,
        // the step is not recorded, and the message says where, what was kept and how to go on.
        std::vector<double> losses{3.0};
        losses.resize(12, 2.0);
        losses.push_back(500.0);
        losses.resize(16, 2.0);
        RunConfig c = presetConfig("digits-eval");
        c.weights.lr = 0.05;
        const std::string trouble = "the training loss jumped to 500, more than 100 times its "
                                    "recent median (search.divergence_factor) in epoch 2 at "
                                    "step 13. ";
        for (const TaskKind kind : {TaskKind::Evaluate, TaskKind::Search}) {
            c.task = kind;
            const std::string path =
                dir(kind == TaskKind::Evaluate ? "watch-eval" : "watch-search");
            RunDirectory d(path);
            d.create(c);
            RunLoop loop(std::make_unique<ScriptedTask>(losses), d, c, RunLoop::Start::Fresh);
            const RunResult r = loop.run();
            QCOMPARE(st(r.state), st(RunState::Failed));
            const std::string expected =
                trouble +
                (kind == TaskKind::Evaluate
                     ? "The evaluation diverged; its checkpoint after epoch 1 (step 8) is kept, "
                       "nothing after it. To go on from there with a lower learning rate "
                       "(weights.lr is 0.05):\n  sparsenas resume " +
                           path + " --set weights.lr=0.005"
                     : std::string("The search diverged; nothing after the last checkpoint was "
                                   "kept. Lower the learning rates or lambda and resume or fork "
                                   "from it."));
            QCOMPARE(QString::fromStdString(r.message), QString::fromStdString(expected));
            const json status = json::parse(readFile(path + "/status.json"));
            QCOMPARE(status["state"].get<std::string>(), std::string("failed"));
            QCOMPARE(QString::fromStdString(status["message"].get<std::string>()),
                     QString::fromStdString(expected));
            int64_t lastStep = 0;
            double diverged = 0;
            for (const json &l : jsonLines(path + "/metrics.jsonl")) {
                if (l.value("type", "") == "step")
                    lastStep = l.at("step").get<int64_t>();
                if (l.value("type", "") == "event" && l.value("what", "") == "diverged")
                    diverged = l.at("value").get<double>();
            }
            QCOMPARE(lastStep, int64_t(12));
            QCOMPARE(diverged, 500.0);
        }
        // Climbing within its first steps, before any checkpoint (the first epoch-end one
        // comes after epoch 2 here), an evaluation is held against its first loss, keeps
        // nothing and says so.
        c.task = TaskKind::Evaluate;
        c.checkpoint.everyEpochs = 2;
        RunDirectory d(dir("watch-early"));
        d.create(c);
        std::vector<double> early{2.5, 30.0, 300.0};
        early.resize(16, 2.0);
        RunLoop climbing(std::make_unique<ScriptedTask>(early), d, c, RunLoop::Start::Fresh);
        QCOMPARE(QString::fromStdString(climbing.run().message),
                 QStringLiteral("the training loss jumped to 300, more than 100 times its first "
                                "loss, 2.5 (search.divergence_factor) in epoch 1 at step 3. The "
                                "evaluation diverged before its first checkpoint: nothing was "
                                "kept. To start it again with a lower learning rate (weights.lr "
                                "is 0.05):\n  sparsenas resume %1 --set weights.lr=0.005")
                     .arg(QString::fromStdString(dir("watch-early"))));
    }

    void badDataFailsCleanly()
    {
        auto c = tinyConfig();
        c.dataset.name = DatasetKind::FashionMnist;
        c.dataset.path = dir("no-such-folder");
        Recorder rec;
        SearchEngine engine(c, dir("bad"));
        engine.setObserver(&rec);
        const auto r = engine.run();
        QCOMPARE(st(r.state), st(RunState::Failed));
        QVERIFY2(r.message.find("no-such-folder") != std::string::npos, r.message.c_str());
        QVERIFY(!rec.messages.empty());
        // A run that never started leaves no directory behind.
        QVERIFY(!fs::exists(dir("bad")));
    }

    void imagesTooSmallForTheSpaceAreNamed()
    {
        // 2x2 images and 3 layers: two reduction cells, 2 -> 1 -> (a 1x1 image cannot be
        // halved). Said before training, in one line, instead of LibTorch's "Kernel size can't
        // be greater than actual input size" from the second reduction. 3x3 would do.
        const std::string data = dir("tiny-images");
        fs::create_directories(data);
        auto be32 = [](uint32_t v) {
            return std::string{char(v >> 24), char(v >> 16 & 0xff), char(v >> 8 & 0xff),
                               char(v & 0xff)};
        };
        const int n = 64;
        std::ofstream(data + "/train-images-idx3-ubyte", std::ios::binary)
            << be32(0x803) + be32(n) + be32(2) + be32(2) + std::string(size_t(n) * 4, char(7));
        std::string labels = be32(0x801) + be32(n);
        for (int i = 0; i < n; ++i)
            labels += char(i % 10);
        std::ofstream(data + "/train-labels-idx1-ubyte", std::ios::binary) << labels;
        auto c = tinyConfig();
        c.dataset.name = DatasetKind::FashionMnist;
        c.dataset.path = data;
        c.dataset.limit = 0;
        SearchEngine engine(c, dir("tiny-run"));
        const auto r = engine.run();
        QCOMPARE(st(r.state), st(RunState::Failed));
        QVERIFY2(r.message.find("2x2 pixels, too small") != std::string::npos &&
                     r.message.find("need at least 3x3") != std::string::npos &&
                     r.message.find('\n') == std::string::npos,
                 r.message.c_str());
    }

    void resumeWithoutCheckpointStartsAgain()
    {
        // A run killed before its first checkpoint: its folder holds config.json and a few
        // lines. Resume runs it from its first step in the same folder and ends exactly where
        // the uninterrupted run (resumeEqualsUninterruptedRun's "full") ends.
        {
            RunDirectory d(dir("early"));
            d.create(tinyConfig());
            d.appendMetrics(json{{"type", "step"}, {"step", 1}, {"epoch", 0}});
        }
        auto e = SearchEngine::resume(dir("early"));
        QCOMPARE(st(e->run().state), st(RunState::Finished));
        const auto ma = comparableMetrics(dir("full")), mb = comparableMetrics(dir("early"));
        QCOMPARE(mb.size(), ma.size());
        for (size_t i = 0; i < ma.size(); ++i)
            QCOMPARE(QString::fromStdString(mb[i].dump()), QString::fromStdString(ma[i].dump()));
        QVERIFY(readFile(dir("early") + "/genotype.json") ==
                readFile(dir("full") + "/genotype.json"));
        // A second run into the same folder is refused, nothing is overwritten.
        QVERIFY_EXCEPTION_THROWN(SearchEngine(tinyConfig(), dir("early")), RunError);
    }

    void collapseStopsTheRunAndSaysSo()
    {
        // Lambda 50 from the start: AdamHAPG's L1 threshold eta_i * lambda * alpha is far above
        // every weight after the first step, so both cell types lose every weight at step 1.
        auto c = tinyConfig();
        c.search.onCollapse = CollapsePolicy::Stop;
        c.arch.lambdaStart = 50;
        c.arch.lambdaMax = 50;
        Recorder rec;
        SearchEngine e(c, dir("collapse"));
        e.setObserver(&rec);
        const auto r = e.run();
        QCOMPARE(st(r.state), st(RunState::Failed));
        // Both in one report (the studio's dialog named only the first).
        QVERIFY2(r.message.find("the normal and reduce cells collapsed") != std::string::npos,
                 r.message.c_str());
        QVERIFY2(r.message.find("lambda 50") != std::string::npos, r.message.c_str());
        QVERIFY2(r.message.find("at step 1") != std::string::npos, r.message.c_str());
        QCOMPARE(rec.snapshots.size(), size_t(1));
        QCOMPARE(rec.snapshots[0].cells[0].nonZeroWeights, 0);
        // No genotype from a collapsed state; the collapse is an event line (-1: every cell type).
        QVERIFY(!fs::exists(dir("collapse") + "/genotype.json"));
        bool sawCollapse = false;
        for (const auto &j : jsonLines(dir("collapse") + "/metrics.jsonl"))
            sawCollapse |= j["type"] == "event" && j["what"] == "collapse" && j["value"] == -1;
        QVERIFY(sawCollapse);
    }

    void collapsePausesAndRollsBackInTheStudio()
    {
        // Epoch 1 at lambda 0 (checkpoint at its end, step 6), then lambda jumps to 50 and the
        // cells collapse at step 7. With pause-on-trouble the run pauses there; a rollback
        // returns to the checkpoint, a smaller lambda step is set, and the run finishes.
        auto c = tinyConfig();
        c.search.onCollapse = CollapsePolicy::Stop;
        c.arch.lambdaStep = 50;
        c.arch.lambdaMax = 50;
        Recorder rec;
        SearchEngine e(c, dir("rollback"));
        e.setPauseOnDivergence(true);
        rec.queue = &e.commands();
        e.setObserver(&rec);
        std::thread gui([&] {
            while (!rec.paused)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            e.commands().rollback();
            e.commands().setLambdaStep(0.01);
            e.commands().resume();
        });
        const auto r = e.run();
        gui.join();
        QCOMPARE(st(r.state), st(RunState::Finished));
        QCOMPARE(r.step, int64_t(18));
        // Step 7 ran twice: collapsed at lambda 50, then again from the checkpoint at 0.01.
        std::vector<double> lambdaAt7;
        for (const auto &s : rec.snapshots) {
            if (s.step == 7)
                lambdaAt7.push_back(s.lambda);
        }
        QCOMPARE(lambdaAt7.size(), size_t(2));
        QCOMPARE(lambdaAt7[0], 50.0);
        QCOMPARE(lambdaAt7[1], 0.01);
        QVERIFY(fs::exists(dir("rollback") + "/genotype.json"));
    }

    void damagedCheckpointFallsBackToThePreviousOne()
    {
        // Depends on resumeEqualsUninterruptedRun's "full" run: checkpoints at steps 12 and 18
        // (keep 2). 64 bytes flipped in the middle of the newest: resume refuses it, says so,
        // and continues from step 12 to the same end as the uninterrupted run.
        fs::copy(dir("full"), dir("damaged"), fs::copy_options::recursive);
        const std::string newest = RunDirectory(dir("damaged")).latestCheckpoint();
        QVERIFY(newest.find("ckpt-000000018") != std::string::npos);
        {
            std::string bytes = readFile(newest);
            for (size_t i = bytes.size() / 2; i < bytes.size() / 2 + 64; ++i)
                bytes[i] = char(~bytes[i]);
            std::ofstream(newest, std::ios::binary | std::ios::trunc) << bytes;
        }
        QVERIFY_EXCEPTION_THROWN(CheckpointReader(newest, torch::kCPU), RunError);
        auto e = SearchEngine::resume(dir("damaged"));
        QCOMPARE(st(e->run().state), st(RunState::Finished));
        QVERIFY(readFile(dir("damaged") + "/log.txt").find("damaged") != std::string::npos);
        QVERIFY(readFile(dir("damaged") + "/log.txt").find("ckpt-000000012") != std::string::npos);
        QVERIFY(readFile(dir("damaged") + "/genotype.json") ==
                readFile(dir("full") + "/genotype.json"));
    }

    void killBetweenCheckpointAndLatestJson()
    {
        // Depends on resumeEqualsUninterruptedRun's "full" run. A kill after the checkpoint of
        // step 18 was renamed into place but before latest.json was: latest.json still names
        // step 12. Resume takes the newer complete checkpoint (not the older one, which would
        // redo an epoch) and ends as the uninterrupted run; temporaries of the kill are gone.
        fs::copy(dir("full"), dir("lagging"), fs::copy_options::recursive);
        const std::string ckpts = dir("lagging") + "/checkpoints";
        std::ofstream(ckpts + "/latest.json", std::ios::trunc)
            << R"({"v":2,"checkpoint":"ckpt-000000012.pt"})";
        std::ofstream(ckpts + "/ckpt-000000024.pt.tmp.4242") << "half a checkpoint";
        std::ofstream(dir("lagging") + "/status.json.tmp.4242") << "{";
        Recorder rec;
        auto e = SearchEngine::resume(dir("lagging"));
        e->setObserver(&rec);
        QCOMPARE(st(e->run().state), st(RunState::Finished));
        QVERIFY(rec.snapshots.empty()); // nothing redone: step 18 was the end
        QVERIFY(readFile(dir("lagging") + "/genotype.json") ==
                readFile(dir("full") + "/genotype.json"));
        QVERIFY(!fs::exists(ckpts + "/ckpt-000000024.pt.tmp.4242"));
        QVERIFY(!fs::exists(dir("lagging") + "/status.json.tmp.4242"));
    }

    void resumeRefusesAConfigThatNoLongerFits()
    {
        // config.json edited after the run (channels 4 -> 8): the checkpoint holds 4-channel
        // tensors, so the resume is refused, naming the field; a resume-safe edit is not.
        fs::copy(dir("full"), dir("edited"), fs::copy_options::recursive);
        const std::string path = dir("edited") + "/config.json";
        json j = json::parse(readFile(path));
        j["space"]["channels"] = 8;
        j["search"]["threads"] = 1;
        std::ofstream(path, std::ios::trunc) << j.dump(2);
        const auto r = SearchEngine::resume(dir("edited"))->run();
        QCOMPARE(st(r.state), st(RunState::Failed));
        QVERIFY2(r.message.find("space.channels: the checkpoint has 4, the configuration has 8") !=
                     std::string::npos,
                 r.message.c_str());
        QVERIFY2(r.message.find("search.threads") == std::string::npos, r.message.c_str());
    }

    void stopAtEveryKindOfMomentResumesExactly_data()
    {
        QTest::addColumn<QString>("moment");
        QTest::addColumn<int>("step");
        // 6 steps an epoch, a checkpoint at every epoch end (steps 6, 12, 18).
        QTest::newRow("mid-epoch") << "step" << 3;
        QTest::newRow("last step of an epoch") << "step" << 6;
        QTest::newRow("epoch summary, before its checkpoint") << "epoch" << 12;
        QTest::newRow("right after an epoch-end checkpoint") << "checkpoint" << 6;
        QTest::newRow("after the last checkpoint, before the genotype") << "checkpoint" << 18;
    }

    void stopAtEveryKindOfMomentResumesExactly()
    {
        // Depends on resumeEqualsUninterruptedRun's "full" run. A stop (what Ctrl-C and SIGTERM
        // send) at each kind of moment, then a resume: the same lambda schedule, metrics,
        // snapshots and genotype as the uninterrupted run. A stop at an epoch end used to apply
        // that epoch's lambda step twice.
        QFETCH(QString, moment);
        QFETCH(int, step);
        const std::string d =
            dir(QStringLiteral("stop-%1-%2").arg(moment).arg(step).toUtf8().constData());
        const auto cfg = tinyConfig();
        Recorder rec;
        SearchEngine part(cfg, d);
        rec.queue = &part.commands();
        if (moment == QLatin1String("step"))
            rec.onStep = [step](const Snapshot &s, CommandQueue &q) {
                if (s.step == step)
                    q.stop();
            };
        else if (moment == QLatin1String("epoch"))
            rec.onEpochEnd = [step](const EpochSummary &e, CommandQueue &q) {
                if (e.step == step)
                    q.stop();
            };
        else
            rec.onCheckpointWritten = [step](const std::string &path, CommandQueue &q) {
                char name[32];
                std::snprintf(name, sizeof name, "ckpt-%09d.pt", step);
                if (path.find(name) != std::string::npos)
                    q.stop();
            };
        part.setObserver(&rec);
        const auto first = part.run();
        if (step == 18) {
            // Nothing was left to do: the run finished and says so (not "stopped in epoch 4").
            QCOMPARE(st(first.state), st(RunState::Finished));
        } else {
            QCOMPARE(st(first.state), st(RunState::Stopped));
            QVERIFY2(first.message.find("epoch 4") == std::string::npos, first.message.c_str());
            const auto r = SearchEngine::resume(d)->run();
            QCOMPARE(st(r.state), st(RunState::Finished));
        }
        const auto ma = comparableMetrics(dir("full")), mb = comparableMetrics(d);
        QCOMPARE(mb.size(), ma.size());
        for (size_t i = 0; i < ma.size(); ++i)
            QCOMPARE(QString::fromStdString(mb[i].dump()), QString::fromStdString(ma[i].dump()));
        QVERIFY(readFile(d + "/snapshots.jsonl") == readFile(dir("full") + "/snapshots.jsonl"));
        QVERIFY(readFile(d + "/genotype.json") == readFile(dir("full") + "/genotype.json"));
    }

    void oneWriterPerRunDirectory()
    {
        // While a run is being written, neither a resume nor a second search may write it; the
        // refusal names the holder. Once the first run has ended, the directory is free.
        SearchEngine first(tinyConfig(), dir("locked"));
        try {
            SearchEngine::resume(dir("locked"));
            QFAIL("a resume was let in while the run was being written");
        } catch (const RunBusyError &e) {
            QVERIFY2(std::string(e.what()).find("sparsenas search") != std::string::npos, e.what());
        }
        QVERIFY_EXCEPTION_THROWN(SearchEngine(tinyConfig(), dir("locked")), RunBusyError);
        QVERIFY(!fs::exists(dir("locked") + "/metrics.jsonl") ||
                readFile(dir("locked") + "/metrics.jsonl").empty());
        QCOMPARE(st(first.run().state), st(RunState::Finished));
        QVERIFY(!RunLock::holder(dir("locked")));
        auto again = SearchEngine::resume(dir("locked")); // allowed now
        QVERIFY(again != nullptr);
    }

    void forkContinuesFromACheckpoint()
    {
        // Depends on resumeEqualsUninterruptedRun's "full" run.
        const auto ckpt = RunDirectory(dir("full")).latestCheckpoint();
        QVERIFY(!ckpt.empty());
        auto c = tinyConfig();
        c.arch.alpha = 0.9;
        c.search.epochs = 4;
        auto forked = SearchEngine::fork(ckpt, c, dir("fork"));
        Recorder rec;
        forked->setObserver(&rec);
        QCOMPARE(st(forked->run().state), st(RunState::Finished));
        QCOMPARE(rec.snapshots.front().alpha, 0.9);
        // The forked run starts from the source's weights: its first snapshot has the
        // source's zeros (a fresh A of 0.125 everywhere would have none).
        const auto src = jsonLines(dir("full") + "/snapshots.jsonl").back();
        int srcZeros = 0;
        for (const auto &cell : src["cells"])
            for (const auto &row : cell["weights"])
                for (const auto &v : row)
                    srcZeros += v.get<double>() == 0.0 ? 1 : 0;
        QVERIFY(srcZeros > 0);
        QVERIFY(rec.snapshots.front().elementSparsity > 0);
        QCOMPARE(json::parse(readFile(dir("fork") + "/config.json"))["arch"]["alpha"].get<double>(),
                 0.9);
    }
};

QTEST_GUILESS_MAIN(tst_Resume)
#include "tst_resume.moc"
