// SPDX-License-Identifier: MIT
// The run-directory format (sparsenas/base/runformat.h): every line type written and read back
// field by field, the version rule, the readers' fallbacks and errors, the incremental reader,
// a run directory written before the format had versions (legacy-run/, written by the writers
// of commit 5b63dda), and RunDirectory's truncation and derivation source on top of them.

#include "sparsenas/base/config.h"
#include "sparsenas/base/errors.h"
#include "sparsenas/base/jsontext.h"
#include "sparsenas/base/lambdaschedule.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/base/runformat.h"
#include "sparsenas/base/runlock.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace sparsenas;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kLegacy = SPARSENAS_SOURCE_DIR "/tests/runformat/legacy-run";

std::string readText(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeText(const std::string &path, const std::string &text, bool append = false)
{
    std::ofstream out(path, std::ios::binary | (append ? std::ios::app : std::ios::trunc));
    out << text;
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

/// A line as the file holds it, read back as a reader sees it.
json throughText(const json &j)
{
    const std::string line = jsonLine(j);
    if (contains(line, "\n"))
        return json();
    return json::parse(line);
}

CellSnapshot countCell(const std::string &type, std::vector<int> alive, int paths, int nonZero,
                       int total, int zeroGroups)
{
    CellSnapshot c;
    c.weights.type = type;
    c.aliveNodes = std::move(alive);
    c.alivePaths = paths;
    c.nonZeroWeights = nonZero;
    c.totalWeights = total;
    c.zeroGroups = zeroGroups;
    return c;
}

/// 2 nodes: 5 edges x 3 ops, values k / 64 (exact in float), a few exact zeros.
CellSnapshot fullCell(const std::string &type, float sign)
{
    CellSnapshot c = countCell(type, {2}, 3, 11, 10, 1);
    c.weights.nodes = 2;
    c.weights.ops = {"none", "skip_connect", "sep_conv_3x3"};
    for (int k = 0; k < 15; ++k)
        c.weights.weights.push_back(k % 4 == 0 ? 0.0f : sign * float(k) / 64.0f);
    return c;
}

void compareCounts(const CellSnapshot &got, const CellSnapshot &want)
{
    QCOMPARE(got.weights.type, want.weights.type);
    QCOMPARE(got.aliveNodes, want.aliveNodes);
    QCOMPARE(got.alivePaths, want.alivePaths);
    QCOMPARE(got.nonZeroWeights, want.nonZeroWeights);
    QCOMPARE(got.totalWeights, want.totalWeights);
    QCOMPARE(got.zeroGroups, want.zeroGroups);
}

} // namespace

class tst_RunFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepLineRoundTrip();
    void epochLineRoundTrip();
    void eventLineRoundTrip_data();
    void eventLineRoundTrip();
    void snapshotLineRoundTrip();
    void statusRoundTrip();
    void latestRoundTrip();
    void logLineRoundTrip();
    void versionRule();
    void optionalFieldsFallBack();
    void requiredFieldsThrow_data();
    void requiredFieldsThrow();

    void readerHoldsBackHalfLine();
    void readerByteBoundSplitsPolls();
    void readerReadsLineLongerThanBound();
    void readerRestartsWhenFileShrinks();
    void readerRestartsWhenFileReplaced();
    void readerNumbersLinesAndReportsDamage();
    void readAllLinesReportsCutOffLastLine();

    void legacyRunReads();
    void legacyRunDirectory();
    void runDirectoryWritesCurrentFormat();
    void snapshotsNameTheirRowsAndWriteShortFloats();
    void lambdaRampRunsOnDecimals();
    void epochsCountFromOneSinceVersion3();
    void truncateAfterKeepsLinesUpTo();
    void lastArchWeightsRefusesCutOffOrDamagedLine();

    void jsonProblemsNameLineColumnAndField_data();
    void jsonProblemsNameLineColumnAndField();
    void damagedLineNamesItsField();
    void runLockAdmitsOneWriter();
    void runLockIsReleasedWhenItsProcessDies();
};

void tst_RunFormat::stepLineRoundTrip()
{
    Snapshot s;
    s.step = 101;
    s.epoch = 7;
    s.epochs = 40;
    s.stepInEpoch = 3;
    s.stepsPerEpoch = 14;
    s.lambda = 0.3;
    s.alpha = 0.7;
    s.lambdaStep = 0.02;
    s.weightLr = 0.011;
    s.trainLoss = 1.25;
    s.trainAcc = 0.625;
    s.valLoss = 1.375;
    s.valAcc = 0.5625;
    s.penalty = 4.5;
    s.elementSparsity = 0.1875;
    s.groupSparsity = 0.0625;
    s.stepSeconds = 0.75;
    s.archSeconds = 0.5;
    s.weightSeconds = 0.21875;
    s.etaSeconds = 3600.5;
    s.cells = {countCell("normal", {2, 4}, 9, 17, 42, 1), countCell("reduce", {3}, 2, 5, 43, 2)};

    const json j = throughText(toJson(s));
    QCOMPARE(j.at("v").get<int>(), 3);
    QCOMPARE(j.at("type").get<std::string>(), std::string("step"));
    // Every key written before version 2 (pandas users read them), and the ones it lacked.
    for (const char *key :
         {"step",          "epoch",   "epochs",      "step_in_epoch",    "steps_per_epoch",
          "lambda",        "alpha",   "weight_lr",   "train_loss",       "train_acc",
          "val_loss",      "val_acc", "penalty",     "element_sparsity", "group_sparsity",
          "step_seconds",  "cells",   "lambda_step", "eta_seconds",      "arch_seconds",
          "weight_seconds"})
        QVERIFY2(j.contains(key), key);
    QCOMPARE(int(metricsLineType(j)), int(MetricsLineType::Step));
    QCOMPARE(j.at("epoch").get<int64_t>(), int64_t(8)); // the engine's epoch 7 is the 8th

    const Snapshot r = stepFromJson(j, {}, 5);
    QCOMPARE(r.step, int64_t(101));
    QCOMPARE(r.epoch, int64_t(7));
    QCOMPARE(r.epochs, int64_t(40));
    QCOMPARE(r.stepInEpoch, int64_t(3));
    QCOMPARE(r.stepsPerEpoch, int64_t(14));
    QCOMPARE(r.lambda, 0.3);
    QCOMPARE(r.alpha, 0.7);
    QCOMPARE(r.lambdaStep, 0.02);
    QCOMPARE(r.weightLr, 0.011);
    QCOMPARE(r.trainLoss, 1.25);
    QCOMPARE(r.trainAcc, 0.625);
    QCOMPARE(r.valLoss, 1.375);
    QCOMPARE(r.valAcc, 0.5625);
    QCOMPARE(r.penalty, 4.5);
    QCOMPARE(r.elementSparsity, 0.1875);
    QCOMPARE(r.groupSparsity, 0.0625);
    QCOMPARE(r.stepSeconds, 0.75);
    QCOMPARE(r.archSeconds, 0.5);
    QCOMPARE(r.weightSeconds, 0.21875);
    QCOMPARE(r.etaSeconds, 3600.5);
    QCOMPARE(r.cells.size(), size_t(2));
    for (size_t i = 0; i < 2; ++i) {
        compareCounts(r.cells[i], s.cells[i]);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(r.cells[i].weights.nodes, 5); // from the caller: step lines carry no A
        QVERIFY(r.cells[i].weights.weights.empty());
    }
}

void tst_RunFormat::epochLineRoundTrip()
{
    EpochSummary e;
    e.epoch = 12;
    e.step = 169;
    e.lambda = 0.45;
    e.alpha = 0.35;
    e.weightLr = 0.0125;
    e.trainLoss = 0.875;
    e.trainAcc = 0.75;
    e.valLoss = 0.9375;
    e.valAcc = 0.71875;
    e.penalty = 2.5;
    e.elementSparsity = 0.40625;
    e.groupSparsity = 0.15625;
    e.seconds = 61.5;
    e.cells = {countCell("normal", {2, 3, 5}, 12, 30, 98, 0),
               countCell("reduce", {4}, 1, 3, 99, 3)};

    const json j = throughText(toJson(e));
    QCOMPARE(j.at("v").get<int>(), 3);
    for (const char *key : {"type", "epoch", "step", "lambda", "alpha", "weight_lr", "train_loss",
                            "train_acc", "val_loss", "val_acc", "penalty", "element_sparsity",
                            "group_sparsity", "seconds", "cells"})
        QVERIFY2(j.contains(key), key);
    QCOMPARE(int(metricsLineType(j)), int(MetricsLineType::Epoch));
    const EpochSummary r = epochFromJson(j);
    QCOMPARE(r.epoch, int64_t(12));
    QCOMPARE(r.step, int64_t(169));
    QCOMPARE(r.lambda, 0.45);
    QCOMPARE(r.alpha, 0.35);
    QCOMPARE(r.weightLr, 0.0125);
    QCOMPARE(r.trainLoss, 0.875);
    QCOMPARE(r.trainAcc, 0.75);
    QCOMPARE(r.valLoss, 0.9375);
    QCOMPARE(r.valAcc, 0.71875);
    QCOMPARE(r.penalty, 2.5);
    QCOMPARE(r.elementSparsity, 0.40625);
    QCOMPARE(r.groupSparsity, 0.15625);
    QCOMPARE(r.seconds, 61.5);
    QCOMPARE(r.cells.size(), size_t(2));
    for (size_t i = 0; i < 2; ++i) {
        compareCounts(r.cells[i], e.cells[i]);
        if (QTest::currentTestFailed())
            return;
    }
}

void tst_RunFormat::eventLineRoundTrip_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::newRow("lambda") << int(RunEventKind::Lambda) << QStringLiteral("lambda");
    QTest::newRow("alpha") << int(RunEventKind::Alpha) << QStringLiteral("alpha");
    QTest::newRow("lambda_step") << int(RunEventKind::LambdaStep) << QStringLiteral("lambda_step");
    QTest::newRow("pause") << int(RunEventKind::Pause) << QStringLiteral("pause");
    QTest::newRow("resume") << int(RunEventKind::Resume) << QStringLiteral("resume");
    QTest::newRow("checkpoint") << int(RunEventKind::Checkpoint) << QStringLiteral("checkpoint");
    QTest::newRow("truncated") << int(RunEventKind::Truncated) << QStringLiteral("truncated");
    QTest::newRow("collapse") << int(RunEventKind::Collapse) << QStringLiteral("collapse");
    QTest::newRow("diverged") << int(RunEventKind::Diverged) << QStringLiteral("diverged");
    QTest::newRow("other") << int(RunEventKind::Other) << QStringLiteral("other");
}

void tst_RunFormat::eventLineRoundTrip()
{
    QFETCH(int, kind);
    QFETCH(QString, name);
    RunEventInfo e;
    e.kind = RunEventKind(kind);
    e.value = 0.375 + kind;
    e.step = 77 + kind;
    e.epoch = 5;
    e.stepInEpoch = 6;
    e.stepsPerEpoch = 13;
    e.lambda = 0.28125;

    const json j = throughText(toJson(e));
    QCOMPARE(j.at("v").get<int>(), 3);
    QCOMPARE(j.at("what").get<std::string>(), name.toStdString());
    QCOMPARE(int(metricsLineType(j)), int(MetricsLineType::Event));
    const RunEventInfo r = runEventFromJson(j);
    QCOMPARE(int(r.kind), kind);
    QCOMPARE(r.value, 0.375 + kind);
    QCOMPARE(r.step, int64_t(77 + kind));
    QCOMPARE(r.epoch, int64_t(5));
    QCOMPARE(r.stepInEpoch, int64_t(6));
    QCOMPARE(r.stepsPerEpoch, int64_t(13));
    QCOMPARE(r.lambda, 0.28125);
}

void tst_RunFormat::snapshotLineRoundTrip()
{
    EpochSummary e;
    e.epoch = 3;
    e.step = 57;
    e.lambda = 0.15;
    e.alpha = 0.65;
    e.cells = {fullCell("normal", 1.0f), fullCell("reduce", -1.0f)};
    e.cells[1].aliveNodes = {2, 3};
    e.cells[1].alivePaths = 4;
    e.cells[1].nonZeroWeights = 8;
    e.cells[1].totalWeights = 9;
    e.cells[1].zeroGroups = 0;
    e.cells[1].weights.weights[7] = std::numeric_limits<float>::quiet_NaN(); // diverged
    e.cells[0].frozen = {4, 8}; // exact zeros (k % 4 == 0), frozen (search.freeze_zero_epochs)

    const json j = throughText(toJson(archSnapshotOf(e)));
    QCOMPARE(j.at("v").get<int>(), 3);
    QVERIFY(j.at("cells")[1].at("weights")[2][1].is_null()); // how JSON holds a NaN
    const ArchSnapshot r = archSnapshotFromJson(j);
    QCOMPARE(r.epoch, int64_t(3));
    QCOMPARE(r.step, int64_t(57));
    QCOMPARE(r.lambda, 0.15);
    QCOMPARE(r.alpha, 0.65);
    QCOMPARE(r.cells.size(), size_t(2));
    for (size_t i = 0; i < 2; ++i) {
        compareCounts(r.cells[i], e.cells[i]);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(r.cells[i].weights.nodes, 2);
        QCOMPARE(r.cells[i].weights.ops, e.cells[i].weights.ops);
        QCOMPARE(r.cells[i].weights.weights.size(), size_t(15));
    }
    QCOMPARE(r.cells[0].weights.weights, e.cells[0].weights.weights);
    QCOMPARE(r.cells[0].frozen, std::vector<int>({4, 8}));
    QVERIFY(r.cells[1].frozen.empty());
    QVERIFY(!j.at("cells")[1].contains("frozen")); // written only when something is frozen
    // Row-major, 3 ops: edge 3 op 0 is entry 9 = -9/64 in the reduce cell, edge 1 op 1 is
    // entry 4 (an exact zero: k % 4 == 0), edge 2 op 1 is entry 7 (the NaN).
    QCOMPARE(r.cells[1].weights.at(3, 0), -0.140625f);
    QCOMPARE(r.cells[1].weights.at(1, 1), 0.0f);
    QVERIFY(std::isnan(r.cells[1].weights.at(2, 1)));
}

void tst_RunFormat::statusRoundTrip()
{
    for (RunState state : {RunState::Idle, RunState::Running, RunState::Paused, RunState::Finished,
                           RunState::Stopped, RunState::Failed}) {
        RunStatus s;
        s.state = state;
        s.epoch = 9;
        s.step = 123;
        s.pid = 31337;
        s.time = 1764590400;
        s.message = "out of memory: \"conv\"";
        const json j = json::parse(toJson(s).dump(2));
        QCOMPARE(j.at("v").get<int>(), 3);
        const RunStatus r = runStatusFromJson(j);
        QCOMPARE(int(r.state), int(state));
        QCOMPARE(r.epoch, int64_t(9));
        QCOMPARE(r.step, int64_t(123));
        QCOMPARE(r.pid, int64_t(31337));
        QCOMPARE(r.time, int64_t(1764590400));
        QCOMPARE(r.message, std::string("out of memory: \"conv\""));
    }
}

void tst_RunFormat::latestRoundTrip()
{
    const json j = throughText(toJson(LatestCheckpoint{"ckpt-000000042.pt"}));
    QCOMPARE(j.at("v").get<int>(), 3);
    QCOMPARE(latestCheckpointFromJson(j).checkpoint, std::string("ckpt-000000042.pt"));
    // A newer writer's extra fields are ignored.
    const json newer{
        {"v", 7}, {"checkpoint", "ckpt-000000043.pt"}, {"sha256", "ab12"}, {"epoch", 4}};
    QCOMPARE(latestCheckpointFromJson(newer).checkpoint, std::string("ckpt-000000043.pt"));
}

void tst_RunFormat::logLineRoundTrip()
{
    const LogLine l{"2026-12-01 10:11:12", MessageLevel::Warning, "lambda capped at 0.7 [max]"};
    const std::string text = toText(l);
    QCOMPARE(text, std::string("2026-12-01 10:11:12 [warning] lambda capped at 0.7 [max]\n"));
    const LogLine r = logLineFromText(text.substr(0, text.size() - 1));
    QCOMPARE(r.time, l.time);
    QCOMPARE(int(r.level), int(MessageLevel::Warning));
    QCOMPARE(r.text, l.text);

    // A text of two lines: two log lines, same time and level.
    QCOMPARE(toText(LogLine{"2026-12-01 10:11:13", MessageLevel::Error, "failed:\ndisk full"}),
             std::string("2026-12-01 10:11:13 [error] failed:\n"
                         "2026-12-01 10:11:13 [error] disk full\n"));
    // Not a log line of this format: all of it is the text.
    const LogLine odd = logLineFromText("Traceback (most recent call last):");
    QCOMPARE(odd.time, std::string());
    QCOMPARE(int(odd.level), int(MessageLevel::Info));
    QCOMPARE(odd.text, std::string("Traceback (most recent call last):"));
    // An unknown level is not this format either.
    QCOMPARE(logLineFromText("2026-12-01 10:11:12 [debug] x").text,
             std::string("2026-12-01 10:11:12 [debug] x"));
    const std::string now = logTimeNow();
    QCOMPARE(logLineFromText(now + " [info] ok").time, now);
}

void tst_RunFormat::versionRule()
{
    QCOMPARE(kRunFormatVersion, 3);
    QCOMPARE(formatVersion(json{{"type", "step"}, {"step", 1}}), 1);
    QCOMPARE(formatVersion(toJson(Snapshot{})), 3);
    QCOMPARE(formatVersion(toJson(EpochSummary{})), 3);
    QCOMPARE(formatVersion(toJson(RunEventInfo{})), 3);
    QCOMPARE(formatVersion(toJson(ArchSnapshot{})), 3);
    QCOMPARE(formatVersion(toJson(RunStatus{})), 3);
    QCOMPARE(formatVersion(toJson(LatestCheckpoint{"a.pt"})), 3);
    // A line of a later version: unknown fields ignored, known ones read.
    const json later{{"v", 3},        {"type", "step"},       {"step", 8},
                     {"lambda", 0.5}, {"gpu_seconds", 0.125}, {"cells", json::array()}};
    QCOMPARE(formatVersion(later), 3);
    const Snapshot s = stepFromJson(later);
    QCOMPARE(s.step, int64_t(8));
    QCOMPARE(s.lambda, 0.5);
    // And a line type this version does not know is Other (skipped), not an error.
    QCOMPARE(int(metricsLineType(json{{"v", 3}, {"type", "memory"}})), int(MetricsLineType::Other));
}

void tst_RunFormat::optionalFieldsFallBack()
{
    // null (a NaN written by nlohmann), a string, a missing field: each falls back alone.
    // An integer past its type (epochs 1e126, what the fuzzer found undefined) falls back too.
    const json j = json::parse(R"({"type":"step","step":5,"lambda":null,"train_loss":"high",
        "val_loss":1.5,"epoch":[1],"epochs":1e126,"cells":[{"type":"normal","alive_paths":"x",
        "alive_nodes":[2,3]}, 7]})");
    Snapshot defaults;
    defaults.lambda = 0.25;
    defaults.lambdaStep = 0.1;
    defaults.epochs = 30;
    defaults.trainLoss = -1;
    const Snapshot s = stepFromJson(j, defaults);
    QCOMPARE(s.step, int64_t(5));
    QCOMPARE(s.lambda, 0.25);
    QCOMPARE(s.lambdaStep, 0.1);
    QCOMPARE(s.epochs, int64_t(30));
    QCOMPARE(s.trainLoss, -1.0);
    QCOMPARE(s.valLoss, 1.5);
    QCOMPARE(s.epoch, int64_t(0));
    QCOMPARE(s.cells.size(), size_t(1)); // the 7 is no cell
    QCOMPARE(s.cells[0].weights.type, std::string("normal"));
    QCOMPARE(s.cells[0].alivePaths, 0);
    QCOMPARE(s.cells[0].aliveNodes, std::vector<int>({2, 3}));

    const RunStatus st = runStatusFromJson(json{{"state", "running"}, {"pid", "12"}});
    QCOMPARE(int(st.state), int(RunState::Running));
    QCOMPARE(st.pid, int64_t(0));
    QCOMPARE(st.message, std::string());
}

void tst_RunFormat::requiredFieldsThrow_data()
{
    QTest::addColumn<QString>("reader");
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("array") << "step"
                           << "[1,2]"
                           << "not a JSON object";
    QTest::newRow("no type") << "type"
                             << R"({"step":1})"
                             << "field 'type' missing";
    QTest::newRow("step without step") << "step"
                                       << R"({"type":"step","epoch":1})"
                                       << "field 'step' missing";
    QTest::newRow("step as text") << "step"
                                  << R"({"type":"step","step":"one"})"
                                  << "field 'step' must be a number";
    QTest::newRow("step past int64") << "step"
                                     << R"({"type":"step","step":1e126})"
                                     << "field 'step' must be a number in range, got 9.99";
    QTest::newRow("epoch past int64 (fuzz finding)")
        << "epoch"
        << R"({"type":"epoch","epoch":9223372036854775808.0})"
        << "field 'epoch' must be a number in range";
    QTest::newRow("weight past float")
        << "snapshot"
        << R"({"cells":[{"type":"r","nodes":1,"ops":["none"],"weights":[[0],[1e300]]}]})"
        << "cells[0]: weights[1][0] must be a number within a float's range, got 1e+300";
    QTest::newRow("epoch without epoch") << "epoch"
                                         << R"({"type":"epoch","step":1})"
                                         << "field 'epoch' missing";
    QTest::newRow("event without what") << "event"
                                        << R"({"type":"event","value":1})"
                                        << "field 'what' missing";
    QTest::newRow("snapshot without cells") << "snapshot"
                                            << R"({"epoch":1,"step":3})"
                                            << "field 'cells' missing";
    QTest::newRow("cells not a list") << "snapshot"
                                      << R"({"epoch":1,"cells":{}})"
                                      << "field 'cells' must be a list";
    QTest::newRow("weights rows")
        << "snapshot"
        << R"({"cells":[{"type":"normal","nodes":2,"ops":["none"],"weights":[[0],[0]]}]})"
        << "cells[0]: field 'weights' must have 5 rows";
    QTest::newRow("weights row")
        << "snapshot"
        << R"({"cells":[{"type":"normal","nodes":1,"ops":["none","skip_connect"],"weights":[[0,1],[2]]}]})"
        << "cells[0]: weights[1] must have 2 values";
    QTest::newRow("weights entry")
        << "snapshot"
        << R"({"cells":[{"type":"r","nodes":1,"ops":["none"],"weights":[[0],["x"]]}]})"
        << "cells[0]: weights[1][0] must be a number";
    QTest::newRow("unknown op")
        << "snapshot"
        << R"({"cells":[{"type":"r","nodes":1,"ops":["none","conv_9x9"],"weights":[[0,1],[2,3]]}]})"
        << "cells[0]: ops[1]: unknown operation \"conv_9x9\"";
    QTest::newRow("nodes past int")
        << "snapshot"
        << R"({"cells":[{"type":"r","nodes":700001,"ops":["none"]}]})"
        << "cells[0]: field 'nodes' must be a whole number in [1, 1000]";
    QTest::newRow("nodes past every int")
        << "snapshot"
        << R"({"cells":[{"type":"r","nodes":1.1e40,"ops":["none"]}]})"
        << "got 1.1e+40";
    QTest::newRow("fractional nodes") << "snapshot"
                                      << R"({"cells":[{"type":"r","nodes":2.5,"ops":["none"]}]})"
                                      << "got 2.5";
    QTest::newRow("frozen entry not zero")
        << "snapshot"
        << R"({"cells":[{"type":"r","nodes":1,"ops":["none","skip_connect"],"weights":[[0,0],[0,2]],"frozen":[1,3]}]})"
        << "cells[0]: frozen[1]: entry 3 is frozen but its weight is not zero";
    QTest::newRow("frozen entry not whole")
        << "snapshot"
        << R"({"cells":[{"type":"r","nodes":1,"ops":["none","skip_connect"],"weights":[[0,0],[0,2]],"frozen":[1.5]}]})"
        << "cells[0]: frozen[0] must be a whole number, got 1.5";
    QTest::newRow("frozen not a list")
        << "snapshot"
        << R"({"cells":[{"type":"r","nodes":1,"ops":["none","skip_connect"],"weights":[[0,0],[0,2]],"frozen":3}]})"
        << "cells[0]: field 'frozen' must be a list of entry indices";
    QTest::newRow("frozen entry out of range")
        << "snapshot"
        << R"({"cells":[{"type":"r","nodes":1,"ops":["none","skip_connect"],"weights":[[0,0],[0,2]],"frozen":[4]}]})"
        << "cells[0]: frozen[0] must be an entry index below 4, in ascending order, got 4";
    QTest::newRow("frozen entries out of order")
        << "snapshot"
        << R"({"cells":[{"type":"r","nodes":1,"ops":["none","skip_connect"],"weights":[[0,0],[0,2]],"frozen":[1,0]}]})"
        << "cells[0]: frozen[1] must be an entry index below 4, in ascending order, got 0";
    QTest::newRow("no ops") << "snapshot"
                            << R"({"cells":[{"type":"r","nodes":1,"weights":[[0],[1]]}]})"
                            << "cells[0]: field 'ops' missing";
    QTest::newRow("status without state") << "status"
                                          << R"({"epoch":1})"
                                          << "field 'state' missing";
    QTest::newRow("status unknown state") << "status"
                                          << R"({"state":"dreaming"})"
                                          << "unknown state 'dreaming'";
    QTest::newRow("latest without name") << "latest"
                                         << R"({"v":2})"
                                         << "field 'checkpoint' missing";
    QTest::newRow("latest path") << "latest"
                                 << R"({"checkpoint":"../../etc/passwd"})"
                                 << "field 'checkpoint' must be a file name";
}

void tst_RunFormat::requiredFieldsThrow()
{
    QFETCH(QString, reader);
    QFETCH(QString, line);
    QFETCH(QString, message);
    const json j = json::parse(line.toStdString());
    try {
        if (reader == QLatin1String("type"))
            metricsLineType(j);
        else if (reader == QLatin1String("step"))
            stepFromJson(j);
        else if (reader == QLatin1String("epoch"))
            epochFromJson(j);
        else if (reader == QLatin1String("event"))
            runEventFromJson(j);
        else if (reader == QLatin1String("snapshot"))
            archSnapshotFromJson(j);
        else if (reader == QLatin1String("status"))
            runStatusFromJson(j);
        else
            latestCheckpointFromJson(j);
        QFAIL("no FormatError");
    } catch (const FormatError &e) {
        QVERIFY2(contains(e.what(), message.toStdString()), e.what());
    }
}

void tst_RunFormat::readerHoldsBackHalfLine()
{
    QTemporaryDir tmp;
    const std::string path = tmp.filePath(QStringLiteral("m.jsonl")).toStdString();
    JsonlReader reader(path);
    QVERIFY(reader.poll().empty()); // no file yet: nothing, no error
    QVERIFY(!reader.restarted());

    writeText(path, "{\"step\":1}\n{\"step\":2,\"lo");
    auto lines = reader.poll();
    QCOMPARE(lines.size(), size_t(1));
    QCOMPARE(lines[0].number, int64_t(1));
    QCOMPARE(lines[0].value.at("step").get<int>(), 1);
    QVERIFY(reader.poll().empty()); // still half
    QCOMPARE(reader.offset(), int64_t(11));

    writeText(path, "ss\":0.5}\n", true);
    lines = reader.poll();
    QCOMPARE(lines.size(), size_t(1));
    QCOMPARE(lines[0].number, int64_t(2));
    QVERIFY(lines[0].ok());
    QCOMPARE(lines[0].value.at("loss").get<double>(), 0.5);
    QVERIFY(!reader.more());
    QVERIFY(!reader.restarted());
}

void tst_RunFormat::readerByteBoundSplitsPolls()
{
    QTemporaryDir tmp;
    const std::string path = tmp.filePath(QStringLiteral("m.jsonl")).toStdString();
    // 200 lines of 9 to 31 bytes; a bound of 64 bytes takes 2 to 6 of them per poll.
    std::string text;
    for (int i = 1; i <= 200; ++i)
        text += "{\"i\":" + std::to_string(i) + ",\"p\":\"" + std::string(size_t(i % 23), 'x') +
                "\"}\n";
    writeText(path, text);
    JsonlReader reader(path);
    std::vector<int> seen;
    int polls = 0;
    do {
        for (const auto &l : reader.poll(64)) {
            QVERIFY(l.ok());
            QCOMPARE(l.number, int64_t(seen.size() + 1));
            seen.push_back(l.value.at("i").get<int>());
        }
        ++polls;
    } while (reader.more() && polls < 1000);
    QCOMPARE(seen.size(), size_t(200));
    for (int i = 0; i < 200; ++i)
        QCOMPARE(seen[size_t(i)], i + 1);
    // Every poll but the last reads at most 64 bytes: at least size / 64 polls.
    QVERIFY2(polls >= int(text.size() / 64), qPrintable(QString::number(polls)));
    QCOMPARE(reader.offset(), int64_t(text.size()));
    QVERIFY(reader.poll(64).empty());
    QVERIFY(!reader.more());
}

void tst_RunFormat::readerReadsLineLongerThanBound()
{
    QTemporaryDir tmp;
    const std::string path = tmp.filePath(QStringLiteral("m.jsonl")).toStdString();
    const std::string big = "{\"a\":\"" + std::string(1000, 'y') + "\"}";
    writeText(path, big + "\n{\"b\":2}\n");
    JsonlReader reader(path);
    auto lines = reader.poll(100);
    QCOMPARE(lines.size(), size_t(1)); // whole, not cut at the bound
    QCOMPARE(lines[0].value.at("a").get<std::string>().size(), size_t(1000));
    QVERIFY(reader.more());
    lines = reader.poll(100);
    QCOMPARE(lines.size(), size_t(1));
    QCOMPARE(lines[0].number, int64_t(2));
    QVERIFY(!reader.more());
}

void tst_RunFormat::readerRestartsWhenFileShrinks()
{
    QTemporaryDir tmp;
    const std::string path = tmp.filePath(QStringLiteral("m.jsonl")).toStdString();
    writeText(path, "{\"step\":1}\n{\"step\":2}\n{\"step\":3}\n");
    JsonlReader reader(path);
    QCOMPARE(reader.poll().size(), size_t(3));
    // A resume cut it back to step 1, then step 2 was written again.
    writeText(path, "{\"step\":1}\n{\"step\":2,\"x\":1}\n");
    const auto lines = reader.poll();
    QVERIFY(reader.restarted());
    QCOMPARE(lines.size(), size_t(2));
    QCOMPARE(lines[0].number, int64_t(1));
    QCOMPARE(lines[1].number, int64_t(2));
    QCOMPARE(lines[1].value.at("x").get<int>(), 1);
    QVERIFY(reader.poll().empty());
    QVERIFY(!reader.restarted()); // said once
    // Removed: it reads as empty, and starts over.
    fs::remove(path);
    QVERIFY(reader.poll().empty());
    QVERIFY(reader.restarted());
    QCOMPARE(reader.offset(), int64_t(0));
}

void tst_RunFormat::readerRestartsWhenFileReplaced()
{
    QTemporaryDir tmp;
    const std::string path = tmp.filePath(QStringLiteral("m.jsonl")).toStdString();
    writeText(path, "{\"s\":1}\n"); // 8 bytes
    JsonlReader reader(path);
    QCOMPARE(reader.poll().size(), size_t(1));
    // Rewritten and grown past 8 bytes before the next poll: byte 7 is no longer a '\n'.
    writeText(path, "{\"s\":10}\n{\"s\":11}\n");
    const auto lines = reader.poll();
    QVERIFY(reader.restarted());
    QCOMPARE(lines.size(), size_t(2));
    QCOMPARE(lines[0].value.at("s").get<int>(), 10);
}

void tst_RunFormat::readerNumbersLinesAndReportsDamage()
{
    QTemporaryDir tmp;
    const std::string path = tmp.filePath(QStringLiteral("m.jsonl")).toStdString();
    writeText(path, "{\"a\":1}\n\n  \n{\"a\":2\r\n{\"a\":3,}\n{\"a\":4}\n");
    JsonlReader reader(path);
    const auto lines = reader.poll();
    QCOMPARE(lines.size(), size_t(4)); // blank lines skipped, but counted
    QCOMPARE(lines[0].number, int64_t(1));
    QVERIFY(lines[0].ok());
    QCOMPARE(lines[1].number, int64_t(4));
    QVERIFY(!lines[1].ok()); // damaged: reported, with its number
    QVERIFY(contains(lines[1].error, "not valid JSON"));
    QCOMPARE(lines[2].number, int64_t(5));
    QVERIFY(!lines[2].ok());
    QCOMPARE(lines[3].number, int64_t(6));
    QCOMPARE(lines[3].value.at("a").get<int>(), 4);
    QCOMPARE(linePrefix("metrics.jsonl", lines[1].number), std::string("metrics.jsonl line 4: "));
}

void tst_RunFormat::readAllLinesReportsCutOffLastLine()
{
    QTemporaryDir tmp;
    const std::string path = tmp.filePath(QStringLiteral("s.jsonl")).toStdString();
    QVERIFY(readAllLines(path).empty()); // missing file
    writeText(path, "{\"e\":0}\n{\"e\":1}\n{\"e\":2,\"cel");
    auto lines = readAllLines(path);
    QCOMPARE(lines.size(), size_t(3));
    QVERIFY(lines[1].ok() && lines[1].complete);
    QCOMPARE(lines[2].number, int64_t(3));
    QVERIFY(!lines[2].complete);
    QVERIFY(!lines[2].ok());
    QVERIFY(contains(lines[2].error, "cut off"));
    // Whole but for its '\n' (an edited file): it parses, still marked.
    writeText(path, "{\"e\":0}\n{\"e\":1}");
    lines = readAllLines(path);
    QCOMPARE(lines.size(), size_t(2));
    QVERIFY(lines[1].ok());
    QVERIFY(!lines[1].complete);
    // The incremental reader does not return it until its '\n' is there.
    JsonlReader reader(path);
    QCOMPARE(reader.poll().size(), size_t(1));
}

void tst_RunFormat::legacyRunReads()
{
    // Written by the writers of commit 5b63dda: no "v", no lambda_step, no timings.
    const RunConfig config = loadConfigFile(kLegacy + "/config.json");
    QCOMPARE(config.arch.lambdaStep, 0.1);
    QCOMPARE(config.space.nodes, 4);

    std::vector<Snapshot> steps;
    std::vector<EpochSummary> epochs;
    std::vector<RunEventInfo> events;
    Snapshot defaults;
    defaults.lambdaStep = config.arch.lambdaStep;
    const auto lines = readAllLines(kLegacy + "/metrics.jsonl");
    QCOMPARE(lines.size(), size_t(14));
    for (const auto &line : lines) {
        QVERIFY(line.ok() && line.complete);
        QCOMPARE(formatVersion(line.value), 1);
        switch (metricsLineType(line.value)) {
        case MetricsLineType::Step:
            steps.push_back(stepFromJson(line.value, defaults, config.space.nodes));
            break;
        case MetricsLineType::Epoch:
            epochs.push_back(epochFromJson(line.value, {}, config.space.nodes));
            break;
        case MetricsLineType::Event:
            events.push_back(runEventFromJson(line.value));
            break;
        case MetricsLineType::Other:
            QFAIL("unexpected line type");
        }
    }
    QCOMPARE(steps.size(), size_t(6));
    QCOMPARE(epochs.size(), size_t(2));
    QCOMPARE(events.size(), size_t(6));

    // Values the fixture's generator set by hand.
    QCOMPARE(steps[4].step, int64_t(5));
    QCOMPARE(steps[4].stepInEpoch, int64_t(2));
    QCOMPARE(steps[4].stepsPerEpoch, int64_t(3));
    QCOMPARE(steps[4].lambda, 0.25);
    QCOMPARE(steps[4].trainLoss, 2.5 - 0.125 * 5);
    QCOMPARE(steps[4].stepSeconds, 0.25 + 0.015625 * 5);
    QCOMPARE(steps[4].lambdaStep, 0.1); // absent in version 1: the caller's default
    QCOMPARE(steps[4].etaSeconds, 0.0);
    QCOMPARE(steps[4].cells.size(), size_t(2));
    QCOMPARE(steps[4].cells[0].alivePaths, 95);
    QCOMPARE(steps[4].cells[1].aliveNodes, std::vector<int>({2, 3, 5}));
    QCOMPARE(steps[4].cells[1].nonZeroWeights, 66);
    QCOMPARE(steps[4].cells[1].totalWeights, 0); // not written before version 2

    QCOMPARE(epochs[1].epoch, int64_t(1));
    QCOMPARE(epochs[1].step, int64_t(6));
    QCOMPARE(epochs[1].valAcc, 0.8125);
    QCOMPARE(epochs[0].valAcc, 0.40625);
    QCOMPARE(epochs[1].seconds, 11.75);
    QCOMPARE(epochs[1].cells[0].alivePaths, 61);

    const std::vector<std::pair<RunEventKind, double>> wanted = {
        {RunEventKind::Checkpoint, 3},     {RunEventKind::Lambda, 0.25},
        {RunEventKind::Pause, 0},          {RunEventKind::Resume, 0},
        {RunEventKind::LambdaStep, 0.125}, {RunEventKind::Checkpoint, 6}};
    for (size_t i = 0; i < wanted.size(); ++i) {
        QCOMPARE(int(events[i].kind), int(wanted[i].first));
        QCOMPARE(events[i].value, wanted[i].second);
    }
    QCOMPARE(events[1].step, int64_t(4));
    QCOMPARE(events[1].lambda, 0.25);
    QCOMPARE(events[5].epoch, int64_t(2));

    const auto snaps = readAllLines(kLegacy + "/snapshots.jsonl");
    QCOMPARE(snaps.size(), size_t(2));
    const ArchSnapshot a0 = archSnapshotFromJson(snaps[0].value);
    const ArchSnapshot a1 = archSnapshotFromJson(snaps[1].value);
    QCOMPARE(a1.epoch, int64_t(1));
    QCOMPARE(a1.step, int64_t(6));
    QCOMPARE(a1.cells.size(), size_t(2));
    QCOMPARE(a1.cells[1].weights.type, std::string("reduce"));
    QCOMPARE(a1.cells[1].weights.nodes, 4);
    QCOMPARE(a1.cells[1].weights.weights.size(), size_t(14 * 8));
    QCOMPARE(a1.cells[1].weights.at(3, 4), 0.6875f);
    QCOMPARE(a0.cells[1].weights.at(3, 4), 0.5f);
    QCOMPARE(a1.cells[1].weights.ops[4], std::string("sep_conv_3x3"));
    QCOMPARE(a1.cells[1].zeroGroups, 1);
    QCOMPARE(a1.cells[1].totalWeights, 98);

    const RunStatus st = runStatusFromJson(json::parse(readText(kLegacy + "/status.json")));
    QCOMPARE(int(st.state), int(RunState::Stopped));
    QCOMPARE(st.epoch, int64_t(2));
    QCOMPARE(st.step, int64_t(6));
    QCOMPARE(st.pid, int64_t(4242));
    QCOMPARE(st.time, int64_t(1764494165));
    QCOMPARE(st.message, std::string("stopped by the user"));

    const auto latest = json::parse(readText(kLegacy + "/checkpoints/latest.json"));
    QCOMPARE(latestCheckpointFromJson(latest).checkpoint, std::string("ckpt-000000006.pt"));

    const auto log = readAllTextLines(kLegacy + "/log.txt");
    QCOMPARE(log.size(), size_t(6));
    const LogLine l3 = logLineFromText(log[3].text);
    QCOMPARE(l3.time, std::string("2026-11-30 09:15:50"));
    QCOMPARE(int(l3.level), int(MessageLevel::Warning));
    QCOMPARE(l3.text, std::string("lambda step set to 0.125"));
    QCOMPARE(int(logLineFromText(log[5].text).level), int(MessageLevel::Error));
}

void tst_RunFormat::legacyRunDirectory()
{
    const RunDirectory dir(kLegacy);
    QVERIFY(dir.exists());
    QCOMPARE(dir.loadConfig().search.epochs, int64_t(10));
    const auto weights = dir.lastArchWeights(); // epoch 1's
    QCOMPARE(weights.size(), size_t(2));
    QCOMPARE(weights[1].at(3, 4), 0.6875f);
    const auto st = dir.readStatus();
    QVERIFY(st.has_value());
    QCOMPARE(int(st->state), int(RunState::Stopped));
    // latest.json names a checkpoint the fixture does not ship: said, with its name.
    try {
        dir.latestCheckpoint();
        QFAIL("no RunError");
    } catch (const RunError &e) {
        QVERIFY2(contains(e.what(), "ckpt-000000006.pt") && contains(e.what(), "missing"),
                 e.what());
    }
}

void tst_RunFormat::runDirectoryWritesCurrentFormat()
{
    QTemporaryDir tmp;
    const std::string path = tmp.filePath(QStringLiteral("run")).toStdString();
    RunDirectory dir(path);
    dir.create(presetConfig("digits-quick"));
    QVERIFY(!dir.readStatus().has_value());

    Snapshot s;
    s.step = 4;
    s.lambdaStep = 0.05;
    s.etaSeconds = 90.5;
    s.archSeconds = 0.125;
    s.weightSeconds = 0.375;
    s.cells = {countCell("normal", {2}, 1, 2, 3, 4)};
    dir.appendStep(s);
    dir.appendMetrics(toJson(s)); // the engine's path until it calls appendStep
    RunEventInfo ev;
    ev.kind = RunEventKind::Alpha;
    ev.value = 0.875;
    ev.step = 4;
    dir.appendEvent(ev);
    EpochSummary e;
    e.epoch = 0;
    e.step = 4;
    e.valAcc = 0.6875;
    e.cells = {fullCell("normal", 1.0f), fullCell("reduce", -1.0f)};
    dir.appendEpoch(e);
    dir.appendLog(MessageLevel::Warning, "two\nlines");
    dir.writeStatus(RunState::Paused, 1, 4, "paused by the user");
    const std::string ckpt = dir.newCheckpointPath(4);
    writeText(ckpt, "not a real checkpoint");
    dir.commitCheckpoint(ckpt, 3);

    const auto lines = readAllLines(dir.file("metrics.jsonl"));
    QCOMPARE(lines.size(), size_t(4));
    for (const auto &l : lines)
        QCOMPARE(formatVersion(l.value), 3);
    QCOMPARE(lines[0].value, lines[1].value); // appendMetrics(toJson(s)) == appendStep(s)
    const Snapshot r = stepFromJson(lines[0].value);
    QCOMPARE(r.lambdaStep, 0.05);
    QCOMPARE(r.etaSeconds, 90.5);
    QCOMPARE(r.archSeconds, 0.125);
    QCOMPARE(r.weightSeconds, 0.375);
    QCOMPARE(r.cells[0].zeroGroups, 4);
    QCOMPARE(runEventFromJson(lines[2].value).value, 0.875);
    QCOMPARE(epochFromJson(lines[3].value).valAcc, 0.6875);

    const auto weights = dir.lastArchWeights();
    QCOMPARE(weights.size(), size_t(2));
    QCOMPARE(weights[1].weights, e.cells[1].weights.weights);
    const auto st = dir.readStatus();
    QVERIFY(st.has_value());
    QCOMPARE(int(st->state), int(RunState::Paused));
    QCOMPARE(st->message, std::string("paused by the user"));
    QVERIFY(st->pid > 0);
    QCOMPARE(dir.latestCheckpoint(), ckpt);
    const auto log = readAllTextLines(dir.file("log.txt"));
    QCOMPARE(log.size(), size_t(2));
    QCOMPARE(logLineFromText(log[1].text).text, std::string("lines"));
    QCOMPARE(int(logLineFromText(log[1].text).level), int(MessageLevel::Warning));
    const std::string csv = readText(dir.file("metrics.csv"));
    QVERIFY2(contains(csv, "\n1,4,0,0,0,0,0,0,0.6875,"), csv.c_str());
}

void tst_RunFormat::snapshotsNameTheirRowsAndWriteShortFloats()
{
    QTemporaryDir tmp;
    RunDirectory dir(tmp.filePath(QStringLiteral("run")).toStdString());
    dir.create(presetConfig("digits-quick"));
    EpochSummary e;
    e.cells = {fullCell("normal", 1.0f), fullCell("reduce", -1.0f)};
    e.cells[0].weights.weights[1] = 0.1f;  // 0.10000000149011612 as a double
    e.cells[1].weights.weights[2] = -0.3f; // -0.30000001192092896
    dir.appendEpoch(e);
    e.epoch = 1;
    dir.appendEpoch(e);

    const std::string text = readText(dir.file("snapshots.jsonl"));
    QVERIFY2(!contains(text, "0.1000000") && !contains(text, "0.3000000"), text.c_str());
    QVERIFY2(contains(text, "[0.0,0.1,") && contains(text, "-0.3]"), text.c_str());
    const auto lines = readAllLines(dir.file("snapshots.jsonl"));
    QCOMPARE(lines.size(), size_t(2));
    // 2 nodes: edges 0-2, 1-2, 0-3, 1-3, 2-3 (DARTS numbers), as people read them.
    for (const auto &cell : lines[0].value.at("cells")) {
        QCOMPARE(cell.at("edge_ends").dump(), std::string("[[0,2],[1,2],[0,3],[1,3],[2,3]]"));
        QCOMPARE(cell.at("edge_names").dump(),
                 std::string(R"(["c_{k-2} -> 0","c_{k-1} -> 0","c_{k-2} -> 1","c_{k-1} -> 1",)"
                             R"("0 -> 1"])"));
    }
    QVERIFY(!lines[1].value.at("cells").at(0).contains("edge_ends")); // once per run
    // A loss or share computed in float: its float's shortest decimal; a double: as it is.
    EpochSummary losses;
    losses.trainLoss = double(2.4243414f); // 2.4243414402008057 as a double
    losses.elementSparsity = double(1.0f / 14.0f);
    losses.valLoss = 0.1 + 0.2; // a double that is not a float's: all 17 digits
    const std::string line = jsonLine(toJson(losses));
    QVERIFY2(contains(line, "\"train_loss\":2.4243414,"), line.c_str());
    QVERIFY2(contains(line, "\"element_sparsity\":0.071428575,"), line.c_str());
    QVERIFY2(contains(line, "\"val_loss\":0.30000000000000004,"), line.c_str());
    QCOMPARE(float(epochFromJson(json::parse(line)).trainLoss), 2.4243414f);

    // Read back as floats, the short decimals are the same floats.
    const auto weights = dir.lastArchWeights();
    QCOMPARE(weights[0].weights, e.cells[0].weights.weights);
    QCOMPARE(weights[1].weights, e.cells[1].weights.weights);
}

void tst_RunFormat::epochsCountFromOneSinceVersion3()
{
    // The same epoch (the engine's index 2, the third) in the three versions' words.
    for (const auto &[text, index] :
         std::vector<std::pair<std::string, int64_t>>{{R"({"type":"epoch","epoch":2})", 2},
                                                      {R"({"type":"epoch","epoch":2,"v":2})", 2},
                                                      {R"({"type":"epoch","epoch":3,"v":3})", 2}}) {
        const json j = json::parse(text);
        QCOMPARE(epochFromJson(j).epoch, index);
        json step = j;
        step["type"] = "step";
        step["step"] = 1;
        QCOMPARE(stepFromJson(step).epoch, index);
        QCOMPARE(epochIndexOf(j, -1), index);
    }
    QCOMPARE(epochIndexOf(json::parse(R"({"type":"step"})"), -1), int64_t(-1));
    // Version 3 has no epoch 0.
    QVERIFY_THROWS_EXCEPTION(FormatError,
                             epochFromJson(json::parse(R"({"type":"epoch","epoch":0,"v":3})")));
    // Written: the first epoch is 1 in the line, in the snapshot line and in metrics.csv.
    EpochSummary e;
    e.epoch = 0;
    QCOMPARE(toJson(e).at("epoch").get<int64_t>(), int64_t(1));
    QCOMPARE(toJson(archSnapshotOf(e)).at("epoch").get<int64_t>(), int64_t(1));
    QTemporaryDir tmp;
    RunDirectory dir(tmp.filePath(QStringLiteral("run")).toStdString());
    dir.create(presetConfig("digits-quick"));
    e.cells = {fullCell("normal", 1.0f)};
    dir.appendEpoch(e);
    QVERIFY(contains(readText(dir.file("metrics.csv")), "\n1,0,"));
    QCOMPARE(dir.lastArchWeights().size(), size_t(1));
    // A run written partly before version 3 and resumed after it: truncation judges each line
    // by its own version (epoch index 0 is kept for a cut after one epoch, index 1 is not).
    dir.appendMetrics(json::parse(R"({"type":"epoch","epoch":1,"step":5,"v":2})"));
    dir.truncateAfter(5, 1);
    const auto lines = readAllLines(dir.file("metrics.jsonl"));
    QCOMPARE(lines.size(), size_t(1));
    QCOMPARE(lines[0].value.at("v").get<int>(), 3);
}

void tst_RunFormat::lambdaRampRunsOnDecimals()
{
    // In binary, 0.1 + 0.1 + 0.1 is 0.30000000000000004; the schedule runs on 0.3, and the
    // event line says 0.3.
    QVERIFY(0.1 + 0.1 + 0.1 != 0.3);
    ArchConfig arch;
    arch.lambdaStart = 0.0;
    arch.lambdaStep = 0.1;
    arch.lambdaMax = 1.0;
    LambdaSchedule schedule(arch);
    for (int64_t epoch = 0; epoch <= 3; ++epoch)
        schedule.enterEpoch(epoch);
    QCOMPARE(schedule.lambda(), 0.3);
    for (int64_t epoch = 4; epoch <= 7; ++epoch)
        schedule.enterEpoch(epoch);
    QCOMPARE(schedule.lambda(), 0.7);
    RunEventInfo ev;
    ev.kind = RunEventKind::Lambda;
    ev.lambda = schedule.lambda();
    QVERIFY2(contains(jsonLine(toJson(ev)), "\"lambda\":0.7,"), jsonLine(toJson(ev)).c_str());
    // A step that skips epochs (a resume) rounds the same way; the cap still holds.
    LambdaSchedule jump(arch);
    jump.enterEpoch(0);
    jump.enterEpoch(3);
    QCOMPARE(jump.lambda(), 0.3);
    jump.enterEpoch(40);
    QCOMPARE(jump.lambda(), 1.0);
}

void tst_RunFormat::truncateAfterKeepsLinesUpTo()
{
    QTemporaryDir tmp;
    const std::string path = tmp.filePath(QStringLiteral("run")).toStdString();
    fs::copy(kLegacy, path, fs::copy_options::recursive);
    const auto before = readAllLines(path + "/metrics.jsonl");

    // Resumed from the checkpoint at the end of epoch 0 (step 3, epoch 1), with a cut-off
    // line a kill left at the end.
    writeText(path + "/metrics.jsonl", "{\"type\":\"step\",\"st", true);
    RunDirectory(path).truncateAfter(3, 1);
    auto after = readAllLines(path + "/metrics.jsonl");
    // steps 1-3, epoch 0, the checkpoint event at step 3: the fixture's first 5 lines.
    QCOMPARE(after.size(), size_t(5));
    for (size_t i = 0; i < after.size(); ++i) {
        QVERIFY(after[i].complete);
        QCOMPARE(after[i].value, before[i].value);
    }
    QCOMPARE(readAllLines(path + "/snapshots.jsonl").size(), size_t(1));
    QCOMPARE(archSnapshotFromJson(readAllLines(path + "/snapshots.jsonl")[0].value).epoch,
             int64_t(0));
    const auto csv = readAllTextLines(path + "/metrics.csv");
    // Header and the first epoch, which the version 1 line calls 0 and the rewritten table,
    // in the current version's words, 1.
    QCOMPARE(csv.size(), size_t(2));
    QVERIFY2(csv[1].text.rfind("1,3,0,0.5,0.05,2.25,", 0) == 0, csv[1].text.c_str());

    // From the legacy copy again, cut at step 4 inside epoch 1: step 4 and its lambda event
    // stay, epoch 1 (not finished by then) goes.
    fs::remove_all(path);
    fs::copy(kLegacy, path, fs::copy_options::recursive);
    RunDirectory(path).truncateAfter(4, 1);
    after = readAllLines(path + "/metrics.jsonl");
    QCOMPARE(after.size(), size_t(7));
    for (size_t i = 0; i < after.size(); ++i)
        QCOMPARE(after[i].value, before[i].value);
    QCOMPARE(after[6].value.at("what").get<std::string>(), std::string("lambda"));
}

void tst_RunFormat::lastArchWeightsRefusesCutOffOrDamagedLine()
{
    QTemporaryDir tmp;
    const std::string path = tmp.filePath(QStringLiteral("run")).toStdString();
    fs::copy(kLegacy, path, fs::copy_options::recursive);
    const std::string snaps = path + "/snapshots.jsonl";
    const std::string good = readText(snaps);

    // A kill in the middle of epoch 2's line: refused, not silently epoch 1's matrices.
    writeText(snaps, good + good.substr(0, 300), false);
    try {
        RunDirectory(path).lastArchWeights();
        QFAIL("no RunError");
    } catch (const RunError &e) {
        QVERIFY2(contains(e.what(), "snapshots.jsonl' line 3 is cut off"), e.what());
    }
    // A whole line without its cells.
    writeText(snaps, good + "{\"epoch\":2,\"step\":9}\n", false);
    try {
        RunDirectory(path).lastArchWeights();
        QFAIL("no RunError");
    } catch (const RunError &e) {
        QVERIFY2(contains(e.what(), "snapshots.jsonl' line 3: field 'cells' missing"), e.what());
    }
    // No snapshot at all.
    writeText(snaps, "", false);
    QVERIFY_THROWS_EXCEPTION(RunError, RunDirectory(path).lastArchWeights());
}

void tst_RunFormat::jsonProblemsNameLineColumnAndField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("what");
    // Columns counted by hand: a number's first character, else where the parser gave up.
    QTest::newRow("overflow in an object")
        << "{\n  \"weights\": {\n    \"lr\": 1e999\n  }\n}" << 3 << 11 << "weights.lr"
        << "the number 1e999 is out of range";
    QTest::newRow("overflow in an array")
        << "{\"space\": {\"ops\": [\"none\", -1e400]}}" << 1 << 28 << "space.ops[1]"
        << "the number -1e400 is out of range";
    QTest::newRow("inside an array's object")
        << "{\"cells\": [{\"nodes\": 2}, {\"nodes\": 1e999}]}" << 1 << 36 << "cells[1].nodes"
        << "the number 1e999 is out of range";
    QTest::newRow("trailing comma") << "{\"a\": 1,\n}" << 2 << 1 << "a"
                                    << "not valid JSON";
    QTest::newRow("top level") << "  nope" << 1 << 4 << ""
                               << "not valid JSON"; // at the 'o'
}

void tst_RunFormat::jsonProblemsNameLineColumnAndField()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, field);
    QFETCH(QString, what);
    JsonTextProblem p;
    QVERIFY(!parseJsonText(text.toStdString(), &p));
    QCOMPARE(int(p.line), line);
    QCOMPARE(int(p.column), column);
    QCOMPARE(QString::fromStdString(p.field), field);
    QVERIFY2(contains(p.what, what.toStdString()), p.what.c_str());
    const std::string told = p.describe("c.json");
    QVERIFY2(contains(told, "c.json:" + std::to_string(line) + ":" + std::to_string(column) + ": "),
             told.c_str());
    QVERIFY(parseJsonText("{\"lr\": 1e308}").has_value()); // the largest decade a double holds
}

void tst_RunFormat::damagedLineNamesItsField()
{
    QTemporaryDir tmp;
    const std::string path = tmp.filePath(QStringLiteral("m.jsonl")).toStdString();
    writeText(path, "{\"type\":\"step\",\"step\":1}\n{\"type\":\"step\",\"loss\":1e999}\n");
    const auto lines = readAllLines(path);
    QCOMPARE(lines.size(), size_t(2));
    QVERIFY(lines[0].ok());
    QVERIFY(!lines[1].ok());
    QVERIFY2(contains(lines[1].error, "field loss") && contains(lines[1].error, "out of range"),
             lines[1].error.c_str());
    // A config file with the same overflow: named by file, line and field, as a ConfigError.
    try {
        configFromText("{\"weights\": {\"lr\": 1e999}}", "my.json");
        QFAIL("an overflowing number was accepted");
    } catch (const ConfigError &e) {
        QVERIFY2(contains(e.what(), "my.json:1:") && contains(e.what(), "weights.lr"), e.what());
    }
}

void tst_RunFormat::runLockAdmitsOneWriter()
{
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    QVERIFY(!RunLock::holder(dir)); // never locked
    {
        RunLock first = RunLock::acquire(dir, "sparsenas search");
        QVERIFY(first.held());
        const auto who = RunLock::holder(dir);
        QVERIFY(who.has_value());
        QVERIFY2(contains(*who, "process " + std::to_string(getpid())) &&
                     contains(*who, "sparsenas search"),
                 who->c_str());
        // A second writer, even in the same process (the studio), is refused and told who.
        try {
            RunLock second = RunLock::acquire(dir, "sparsenas resume");
            QFAIL("a second writer got the lock");
        } catch (const RunBusyError &e) {
            QVERIFY2(contains(e.what(), "sparsenas search") && contains(e.what(), dir), e.what());
        }
        // Asking did not release it (a POSIX record lock would have been dropped by the close).
        QVERIFY(RunLock::holder(dir).has_value());
        RunLock moved = std::move(first);
        QVERIFY(!first.held() && moved.held());
        QVERIFY(RunLock::holder(dir).has_value());
    }
    QVERIFY(!RunLock::holder(dir));
    RunLock again = RunLock::acquire(dir, "sparsenas resume");
    QVERIFY(contains(*RunLock::holder(dir), "sparsenas resume"));
}

void tst_RunFormat::runLockIsReleasedWhenItsProcessDies()
{
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    int ready[2];
    QCOMPARE(pipe(ready), 0);
    const pid_t child = fork();
    if (child == 0) {
        // The writer: takes the lock, says so, and waits to be killed.
        RunLock lock = RunLock::acquire(dir, "child writer");
        const char ok = 1;
        [[maybe_unused]] auto n = write(ready[1], &ok, 1);
        for (;;)
            pause();
    }
    char ok = 0;
    QCOMPARE(read(ready[0], &ok, 1), ssize_t(1));
    QVERIFY(contains(*RunLock::holder(dir), "process " + std::to_string(child)));
    QVERIFY_EXCEPTION_THROWN(RunLock::acquire(dir, "parent"), RunBusyError);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(ready[0]);
    close(ready[1]);
    QVERIFY(!RunLock::holder(dir)); // kill -9 released it
    RunLock mine = RunLock::acquire(dir, "parent");
    QVERIFY(mine.held());
}

QTEST_GUILESS_MAIN(tst_RunFormat)
#include "tst_runformat.moc"
