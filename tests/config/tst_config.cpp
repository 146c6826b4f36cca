// SPDX-License-Identifier: MIT
// The run configuration: shipped presets, documented defaults, validation that names every wrong
// field, JSON syntax errors with line and column, and missing files. No training.

#include "sparsenas/base/config.h"
#include "sparsenas/base/memoryestimate.h"
#include "sparsenas/base/printable.h"
#include "sparsenas/base/sweep.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

using nlohmann::json;
using namespace sparsenas;

namespace {

json parse(const QString &text)
{
    return json::parse(text.toStdString());
}

QString joined(const std::vector<std::string> &lines)
{
    QString out;
    for (const auto &l : lines)
        out += QString::fromStdString(l) + QLatin1Char('\n');
    return out;
}

/// The message of the ConfigError `f` throws; *thrown says whether it threw one.
template <typename F>
QString configErrorOf(F f, bool *thrown)
{
    *thrown = false;
    try {
        f();
    } catch (const ConfigError &e) {
        *thrown = true;
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class tst_Config : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presetsParseAndRoundTrip_data();
    void presetsParseAndRoundTrip();
    void unknownPreset();
    void emptyObjectGivesDefaults();
    void defaultsRoundTrip();
    void badConfig_data();
    void badConfig();
    void threeWrongFieldsAllReported();
    void syntaxErrorLineColumn_data();
    void syntaxErrorLineColumn();
    void textWithWrongFieldNamesOrigin();
    void loadConfigFileMissing();
    void loadConfigFileSyntaxError();
    void bytesThatAreNotUtf8AreEscaped();
    void printableEscapesWhatATerminalMustNotGet_data();
    void printableEscapesWhatATerminalMustNotGet();
    void hugeNumbersAreNamed();
    void memoryEstimate();
    void overridesSetFields();
    void sweepGrid();
    void sweepSummary();
    void recurrentSpaceIsValidated();
};

void tst_Config::presetsParseAndRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    const auto names = presetNames();
    QCOMPARE(names.size(), size_t(11));
    for (const auto &n : names)
        QTest::newRow(n.c_str()) << QString::fromStdString(n);
}

void tst_Config::presetsParseAndRoundTrip()
{
    QFETCH(QString, name);
    const std::string n = name.toStdString();
    const std::string text = presetText(n);
    QVERIFY(!text.empty());

    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error &e) {
        QFAIL(e.what());
    }
    QVERIFY2(validateConfig(j).empty(), qPrintable(joined(validateConfig(j))));

    RunConfig c;
    try {
        c = presetConfig(n);
    } catch (const ConfigError &e) {
        QFAIL(e.what());
    }
    const json resolved = toJson(c);
    const json again = toJson(configFromJson(resolved));
    QCOMPARE(QString::fromStdString(again.dump(2)), QString::fromStdString(resolved.dump(2)));
    // configFromText of the same text gives the same resolved config.
    QCOMPARE(QString::fromStdString(toJson(configFromText(text, n)).dump()),
             QString::fromStdString(resolved.dump()));
}

void tst_Config::unknownPreset()
{
    bool thrown = false;
    const QString msg = configErrorOf([] { presetText("no-such-preset"); }, &thrown);
    QVERIFY(thrown);
    QVERIFY2(msg.contains(QStringLiteral("no-such-preset")), qPrintable(msg));
    QVERIFY2(msg.contains(QStringLiteral("digits-quick")), qPrintable(msg));
}

void tst_Config::emptyObjectGivesDefaults()
{
    QVERIFY(validateConfig(json::object()).empty());
    const RunConfig c = configFromJson(json::object());
    // The numbers documented in config.h.
    QCOMPARE(c.name, std::string("search"));
    QCOMPARE(c.dataset.name, DatasetKind::Digits);
    QVERIFY(c.dataset.path.empty());
    QCOMPARE(c.dataset.trainFraction, 0.5);
    QCOMPARE(c.dataset.limit, int64_t(0));
    QCOMPARE(c.space.channels, int64_t(16));
    QCOMPARE(c.space.layers, int64_t(8));
    QCOMPARE(c.space.nodes, 4);
    QCOMPARE(c.space.stemMultiplier, int64_t(3));
    const std::vector<std::string> darts = {"none",         "max_pool_3x3", "avg_pool_3x3",
                                            "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
                                            "dil_conv_3x3", "dil_conv_5x5"};
    QCOMPARE(c.space.ops.size(), darts.size());
    for (const auto &op : darts)
        QVERIFY2(std::find(c.space.ops.begin(), c.space.ops.end(), op) != c.space.ops.end(),
                 op.c_str());
    QCOMPARE(c.weights.lr, 0.025);
    QCOMPARE(c.weights.lrMin, 0.001);
    QCOMPARE(c.weights.momentum, 0.9);
    QCOMPARE(c.weights.weightDecay, 3e-4);
    QCOMPARE(c.weights.gradClip, 5.0);
    QCOMPARE(c.arch.optimizer, ArchOptimizerKind::AdamHapg);
    QCOMPARE(c.arch.lr, 3e-4);
    QCOMPARE(c.arch.beta1, 0.5);
    QCOMPARE(c.arch.beta2, 0.999);
    QCOMPARE(c.arch.accelerated, true);
    QCOMPARE(c.arch.penalty, PenaltyKind::SparseGroupLasso);
    QCOMPARE(c.arch.alpha, 0.5);
    QCOMPARE(c.arch.lambdaStart, 0.0);
    QCOMPARE(c.arch.lambdaStep, 0.01);
    QCOMPARE(c.arch.lambdaMax, 1.0);
    QCOMPARE(c.arch.init, 0.125);
    QCOMPARE(c.search.epochs, int64_t(50));
    QCOMPARE(c.search.batchSize, int64_t(64));
    QCOMPARE(c.search.order, SearchOrder::First);
    QCOMPARE(c.search.seed, uint64_t(2));
    QCOMPARE(c.search.device, DeviceKind::Cpu);
    QCOMPARE(c.search.threads, 0);
    QCOMPARE(c.search.evalBatches, int64_t(0));
    QCOMPARE(c.checkpoint.everyEpochs, int64_t(1));
    QCOMPARE(c.checkpoint.keep, int64_t(3));

    // An empty section is the same as a missing one.
    const json withSections = parse(QStringLiteral(
        R"({"dataset":{},"space":{},"weights":{},"arch":{},"search":{},"checkpoint":{}})"));
    QCOMPARE(QString::fromStdString(toJson(configFromJson(withSections)).dump()),
             QString::fromStdString(toJson(c).dump()));
}

void tst_Config::defaultsRoundTrip()
{
    // toJson writes every field, and every field it writes is one configFromJson knows.
    // (From the parsed defaults: a plain RunConfig{} leaves space.ops empty, which is the
    // parser's cue for the DARTS list, and an empty list is not a valid config.)
    const json full = toJson(configFromJson(json::object()));
    for (const char *section : {"dataset", "space", "weights", "arch", "search", "checkpoint"})
        QVERIFY2(full.contains(section) && full[section].is_object(), section);
    QVERIFY2(validateConfig(full).empty(), qPrintable(joined(validateConfig(full))));
    QCOMPARE(QString::fromStdString(toJson(configFromJson(full)).dump()),
             QString::fromStdString(full.dump()));
}

void tst_Config::badConfig_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("path"); // the message of the one problem starts with this

    auto row = [](const char *name, const char *config, const char *path) {
        QTest::newRow(name) << QString::fromUtf8(config) << QString::fromUtf8(path);
    };
    row("alpha above 1", R"({"arch":{"alpha":1.5}})", "arch.alpha");
    row("alpha negative", R"({"arch":{"alpha":-0.1}})", "arch.alpha");
    row("zero epochs", R"({"search":{"epochs":0}})", "search.epochs");
    row("unknown op", R"({"space":{"ops":["sep_conv_3x3","bogus"]}})", "space.ops[1]");
    row("duplicate op", R"({"space":{"ops":["sep_conv_3x3","skip_connect","sep_conv_3x3"]}})",
        "space.ops[2]");
    row("op not a string", R"({"space":{"ops":["none",3]}})", "space.ops[1]");
    row("only none", R"({"space":{"ops":["none"]}})", "space.ops");
    row("empty ops", R"({"space":{"ops":[]}})", "space.ops");
    row("odd channels", R"({"space":{"channels":15}})", "space.channels");
    row("channels too large", R"({"space":{"channels":4096}})", "space.channels");
    row("unknown top-level field", R"({"serach":{"epochs":3}})", "serach: unknown field");
    row("unknown nested field", R"({"arch":{"lamda_max":0.5}})", "arch.lamda_max: unknown field");
    row("section not an object", R"({"search":3})", "search");
    row("config not an object", R"([1,2,3])", "config");
    row("string for a number", R"({"weights":{"lr":"0.1"}})", "weights.lr");
    row("float for an integer", R"({"search":{"batch_size":32.5}})", "search.batch_size");
    row("number for a bool", R"({"arch":{"accelerated":1}})", "arch.accelerated");
    row("number for a string", R"({"dataset":{"name":5}})", "dataset.name");
    row("negative seed", R"({"search":{"seed":-1}})", "search.seed");
    row("null field", R"({"space":{"channels":null}})", "space.channels");
    row("seed past int64", R"({"search":{"seed":18446744073709551615}})", "search.seed");
    row("lambda_max below lambda_start", R"({"arch":{"lambda_start":0.5,"lambda_max":0.1}})",
        "arch.lambda_max");
    row("lr_min above lr", R"({"weights":{"lr":0.01,"lr_min":0.1}})", "weights.lr_min");
    row("zero lr", R"({"weights":{"lr":0}})", "weights.lr");
    row("cifar10 without path", R"({"dataset":{"name":"cifar10"}})", "dataset.path");
    row("unknown dataset", R"({"dataset":{"name":"imagenet"}})", "dataset.name");
    row("train_fraction 1.0", R"({"dataset":{"train_fraction":1.0}})", "dataset.train_fraction");
    row("train_fraction 0", R"({"dataset":{"train_fraction":0}})", "dataset.train_fraction");
    row("optimizer rmsprop", R"({"arch":{"optimizer":"rmsprop"}})", "arch.optimizer");
    row("penalty l2", R"({"arch":{"penalty":"l2"}})", "arch.penalty");
    row("order third", R"({"search":{"order":"third"}})", "search.order");
    row("device tpu", R"({"search":{"device":"tpu"}})", "search.device");
    row("checkpoint keep 0", R"({"checkpoint":{"keep":0}})", "checkpoint.keep");
}

void tst_Config::badConfig()
{
    QFETCH(QString, config);
    QFETCH(QString, path);
    const json j = parse(config);

    const auto problems = validateConfig(j);
    QVERIFY2(problems.size() == 1,
             qPrintable(QStringLiteral("expected one problem, got:\n") + joined(problems)));
    const QString problem = QString::fromStdString(problems.front());
    const QString prefix = path.contains(QLatin1Char(':')) ? path : path + QLatin1Char(':');
    QVERIFY2(problem.startsWith(prefix), qPrintable(problem));
    // Past the path the message says what is wrong.
    QVERIFY2(problem.size() > prefix.size() + 2 || prefix.endsWith(QStringLiteral("field")),
             qPrintable(problem));

    bool thrown = false;
    const QString msg = configErrorOf([&] { configFromJson(j); }, &thrown);
    QVERIFY2(thrown, "configFromJson accepted a bad config");
    QVERIFY2(msg.contains(path), qPrintable(msg));
    QVERIFY2(msg.contains(QStringLiteral("1 problem")), qPrintable(msg));
}

void tst_Config::threeWrongFieldsAllReported()
{
    const json j = parse(QStringLiteral(
        R"({"arch":{"alpha":2},"search":{"epochs":0,"device":"cuda"},"serach":{}})"));
    const auto problems = validateConfig(j);
    QVERIFY2(problems.size() == 3, qPrintable(joined(problems)));
    const QString all = joined(problems);
    QVERIFY2(all.contains(QStringLiteral("arch.alpha")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("search.epochs")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("serach: unknown field")), qPrintable(all));

    bool thrown = false;
    const QString msg = configErrorOf([&] { configFromJson(j); }, &thrown);
    QVERIFY(thrown);
    QVERIFY2(msg.contains(QStringLiteral("3 problems")), qPrintable(msg));
    for (const auto &p : problems)
        QVERIFY2(msg.contains(QString::fromStdString(p)), qPrintable(msg));
}

void tst_Config::syntaxErrorLineColumn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("where"); // origin:line:col, counted by hand (1-based)

    // Line 3 is `    "epochs": 3,,`: the second comma is column 17.
    QTest::newRow("double comma") << QStringLiteral("{\n  \"search\": {\n    \"epochs\": 3,,\n"
                                                    "  }\n}\n")
                                  << QStringLiteral("my.json:3:17");
    // An unquoted key: `s` is line 2, column 3.
    QTest::newRow("unquoted key") << QStringLiteral("{\n  search: {}\n}\n")
                                  << QStringLiteral("my.json:2:3");
    // A wrong literal on the first line: `tru` then `}`; the `}` is column 27.
    QTest::newRow("bad literal, line 1")
        << QStringLiteral("{\"arch\":{\"accelerated\":tru}}") << QStringLiteral("my.json:1:27");
    // Missing colon: `"epochs" 3` - the `3` is line 4, column 14.
    QTest::newRow("missing colon")
        << QStringLiteral("{\n  \"name\": \"x\",\n  \"search\": {\n    \"epochs\" 3\n  }\n}\n")
        << QStringLiteral("my.json:4:14");
}

void tst_Config::syntaxErrorLineColumn()
{
    QFETCH(QString, text);
    QFETCH(QString, where);
    bool thrown = false;
    const QString msg =
        configErrorOf([&] { configFromText(text.toStdString(), "my.json"); }, &thrown);
    QVERIFY2(thrown, "configFromText accepted broken JSON");
    QVERIFY2(msg.startsWith(where), qPrintable(msg));
    QVERIFY2(msg.contains(QStringLiteral("not valid JSON")), qPrintable(msg));
}

void tst_Config::textWithWrongFieldNamesOrigin()
{
    bool thrown = false;
    const QString msg = configErrorOf(
        [] { configFromText(R"({"search": {"order": "third"}})", "my.json"); }, &thrown);
    QVERIFY(thrown);
    QVERIFY2(msg.startsWith(QStringLiteral("my.json: ")), qPrintable(msg));
    QVERIFY2(msg.contains(QStringLiteral("search.order")), qPrintable(msg));
    QVERIFY2(msg.contains(QStringLiteral("third")), qPrintable(msg));
}

void tst_Config::loadConfigFileMissing()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("no-such-config.json"));
    bool thrown = false;
    const QString msg = configErrorOf([&] { loadConfigFile(path.toStdString()); }, &thrown);
    QVERIFY2(thrown, "loadConfigFile of a missing file did not throw ConfigError");
    QVERIFY2(msg.contains(path), qPrintable(msg));
}

void tst_Config::loadConfigFileSyntaxError()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("broken.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\n  \"arch\": {\"alpha\": 0.5\n}\n"); // `}` closes arch, then the end comes early
    f.close();
    bool thrown = false;
    const QString msg = configErrorOf([&] { loadConfigFile(path.toStdString()); }, &thrown);
    QVERIFY(thrown);
    QVERIFY2(msg.startsWith(path + QStringLiteral(":")), qPrintable(msg));
    QVERIFY2(msg.contains(QStringLiteral("not valid JSON")), qPrintable(msg));

    // A readable file with a wrong field names the file and the field.
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(R"({"search": {"epochs": 0}})");
    f.close();
    thrown = false;
    const QString msg2 = configErrorOf([&] { loadConfigFile(path.toStdString()); }, &thrown);
    QVERIFY(thrown);
    QVERIFY2(msg2.startsWith(path), qPrintable(msg2));
    QVERIFY2(msg2.contains(QStringLiteral("search.epochs")), qPrintable(msg2));
}

void tst_Config::bytesThatAreNotUtf8AreEscaped()
{
    // A config of bytes ff fe (UTF-16's byte-order mark, or any file that is not UTF-8): the
    // parser quotes what it read last. The message keeps file, line and column (the ff is byte
    // 11 of line 1) and shows the byte as \xff, not raw.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("utf16.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"name\": \"\xff\xfe\"}\n");
    f.close();
    bool thrown = false;
    const std::string msg =
        configErrorOf([&] { loadConfigFile(path.toStdString()); }, &thrown).toStdString();
    QVERIFY(thrown);
    QCOMPARE(msg, path.toStdString() +
                      ":1:11: field name: not valid JSON: syntax error while parsing value - "
                      "invalid string: ill-formed UTF-8 byte; last read: '\"\\xff'");

    // A --set value that is not UTF-8 cannot go into a JSON config: said, escaped.
    json j = json::object();
    thrown = false;
    const std::string set =
        configErrorOf([&] { applyConfigOverride(j, "name=run\xff\xfe"); }, &thrown).toStdString();
    QVERIFY(thrown);
    QCOMPARE(set, std::string("--set name=run\\xff\\xfe: not UTF-8 text"));
}

void tst_Config::printableEscapesWhatATerminalMustNotGet_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("shown");
    QTest::addColumn<bool>("utf8");
    QTest::newRow("ASCII") << QByteArray("weights.lr: 0.5") << QByteArray("weights.lr: 0.5")
                           << true;
    QTest::newRow("UTF-8 of 2, 3 and 4 bytes")
        << QByteArray("Gr\xc3\xbc\xc3\x9f \xe2\x9c\x93 \xf0\x9f\x98\x80")
        << QByteArray("Gr\xc3\xbc\xc3\x9f \xe2\x9c\x93 \xf0\x9f\x98\x80") << true;
    QTest::newRow("bytes ff fe") << QByteArray("a\xff\xfe") << QByteArray("a\\xff\\xfe") << false;
    QTest::newRow("ESC, DEL, tab, line break")
        << QByteArray("\x1b[31mred\x7f\t\n") << QByteArray("\\x1b[31mred\\x7f\\x09\\x0a") << true;
    QTest::newRow("C1 control CSI (U+009B)") << QByteArray("a\xc2\x9b"
                                                           "2J")
                                             << QByteArray("a\\xc2\\x9b"
                                                           "2J")
                                             << true;
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << QByteArray("\\xc0\\xaf") << false;
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << QByteArray("\\xed\\xa0\\x80")
                               << false;
    QTest::newRow("cut-off sequence")
        << QByteArray("\xe2\x82") << QByteArray("\\xe2\\x82") << false;
    QTest::newRow("above U+10FFFF")
        << QByteArray("\xf4\x90\x80\x80") << QByteArray("\\xf4\\x90\\x80\\x80") << false;
}

void tst_Config::printableEscapesWhatATerminalMustNotGet()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, shown);
    QFETCH(bool, utf8);
    const std::string in(text.constData(), size_t(text.size()));
    QCOMPARE(QByteArray::fromStdString(printable(in)), shown);
    QCOMPARE(isUtf8(in), utf8);
    // A message of several lines keeps its line breaks when asked to.
    QCOMPARE(QByteArray::fromStdString(printable("one\ntwo\xff", true)),
             QByteArray("one\ntwo\\xff"));
}

void tst_Config::hugeNumbersAreNamed()
{
    // 2^64 - 1 is said as written (it used to wrap to -1).
    bool thrown = false;
    QString msg = configErrorOf(
        [&] {
            configFromJson(parse(QStringLiteral(R"({"search":{"seed":18446744073709551615}})")));
        },
        &thrown);
    QVERIFY(thrown);
    QVERIFY2(msg.contains(QStringLiteral("got 18446744073709551615")), qPrintable(msg));
    // A number past a double's range stops the parser itself: named by file, line, column of its
    // first digit (counted by hand) and field, as a configuration error.
    msg = configErrorOf(
        [&] { configFromText("{\n  \"weights\": {\"lr\": 1e999}\n}\n", "my.json"); }, &thrown);
    QVERIFY(thrown);
    QVERIFY2(msg.startsWith(QStringLiteral("my.json:2:21: field weights.lr: the number 1e999")),
             qPrintable(msg));
}

void tst_Config::memoryEstimate()
{
    // C 4, 3 cells (the 2nd and 3rd reduce), 2 nodes (5 edges), 3 ops besides none, 8x8 images,
    // stem x3. By hand: stem 2*12*64 = 1536; cell 0 (4 ch, 8x8): 5*3*256 + 6*256 = 5376;
    // cell 1 (8 ch, 4x4): 5*3*128 + 6*128 = 2688; cell 2 (16 ch, 2x2): 5*3*64 + 6*64 = 1344.
    RunConfig c;
    c.space.channels = 4;
    c.space.layers = 3;
    c.space.nodes = 2;
    c.space.stemMultiplier = 3;
    c.space.ops = {"none", "max_pool_3x3", "skip_connect", "sep_conv_3x3"};
    c.search.batchSize = 32;
    QCOMPARE(activationElementsPerImage(c.space, 8, 8), 10944.0);
    // 300 MB fixed + 10 bytes per element and image; twice the batch part in second order.
    QCOMPARE(estimatedSearchBytes(c, 8, 8), 300e6 + 10.0 * 32 * 10944);
    c.search.order = SearchOrder::Second;
    QCOMPARE(estimatedSearchBytes(c, 8, 8), 300e6 + 2 * 10.0 * 32 * 10944);
    // 307 MB needed, 300 MB held, 1 MB more available: refused, saying what to lower.
    const auto problem = memoryProblem(c, 8, 8, 1e6, 300e6);
    QVERIFY(problem.has_value());
    QVERIFY2(problem->find("about 0.3 GiB") != std::string::npos &&
                 problem->find("batch 32, 4 channels, 3 cells of 2 nodes, 4 ops, 8x8 images, "
                               "second order") != std::string::npos &&
                 problem->find("lower search.batch_size") != std::string::npos,
             problem->c_str());
    QVERIFY(!memoryProblem(c, 8, 8, 8e6, 300e6)); // 7 MB more needed, 8 MB available
    // This machine reports what it has.
    QVERIFY(availableMemoryBytes().value_or(0) > 0);
    QVERIFY(residentMemoryBytes() > 0);
}

void tst_Config::overridesSetFields()
{
    nlohmann::json j = nlohmann::json::parse(R"({"arch": {"alpha": 0.5}})");
    applyConfigOverride(j, "arch.alpha=0.7");
    applyConfigOverride(j, "search.epochs=3");
    applyConfigOverride(j, "dataset.name=digits"); // a bare word is a string
    QCOMPARE(j.dump(), std::string(R"({"arch":{"alpha":0.7},"dataset":{"name":"digits"},)"
                                   R"("search":{"epochs":3}})"));
    for (const char *bad :
         {"arch.alpha", "=3", "arch..alpha=1", "arch.alpha=null", "arch.alpha.x=1"})
        QVERIFY_THROWS_EXCEPTION(ConfigError, applyConfigOverride(j, bad));
}

void tst_Config::sweepGrid()
{
    const SweepAxis alpha = parseSweepAxis("arch.alpha=0.3, 0.5,0.7");
    QCOMPARE(alpha.field, std::string("arch.alpha"));
    QCOMPARE(alpha.values, (std::vector<std::string>{"0.3", "0.5", "0.7"}));
    for (const char *bad :
         {"arch.alpha", "=0.3", "arch.alpha=", "arch.alpha=0.3,,0.5", "arch.alpha=0.3,0.3"})
        QVERIFY_THROWS_EXCEPTION(ConfigError, parseSweepAxis(bad));

    // 3 x 2 points, the last axis fastest, numbered to the count's width (6: one digit; 12:
    // two), named by each field's last part.
    const auto points = sweepPoints({alpha, parseSweepAxis("arch.lambda_step=0.01,0.02")});
    QCOMPARE(points.size(), size_t(6));
    QCOMPARE(points[0].name, std::string("1-alpha=0.3-lambda_step=0.01"));
    QCOMPARE(points[1].name, std::string("2-alpha=0.3-lambda_step=0.02"));
    QCOMPARE(points[5].name, std::string("6-alpha=0.7-lambda_step=0.02"));
    QCOMPARE(points[4].assignments,
             (std::vector<std::string>{"arch.alpha=0.7", "arch.lambda_step=0.01"}));
    const auto twelve = sweepPoints({parseSweepAxis("search.seed=1,2,3,4,5,6,7,8,9,10,11,12")});
    QCOMPARE(twelve[0].name, std::string("01-seed=1"));
    QCOMPARE(twelve[11].name, std::string("12-seed=12"));
    QVERIFY_THROWS_EXCEPTION(ConfigError, sweepPoints({}));
    QVERIFY_THROWS_EXCEPTION(ConfigError, sweepPoints({alpha, alpha}));
    QCOMPARE(sweepPoints({parseSweepAxis("dataset.path=a/b c")})[0].name,
             std::string("1-path=a_b_c"));

    // The record tells one sweep from another.
    const auto base = nlohmann::json::parse(R"({"search": {"epochs": 3}})");
    const auto record = sweepRecord(base, {alpha});
    QCOMPARE(sweepRecordMismatch(record, record), std::string());
    QVERIFY(sweepRecordMismatch(record, sweepRecord(base, {parseSweepAxis("arch.alpha=0.3")}))
                .find("grid") != std::string::npos);
    const auto other = sweepRecordMismatch(
        record, sweepRecord(nlohmann::json::parse(R"({"search": {"epochs": 4}})"), {alpha}));
    QVERIFY2(other.find("/search/epochs") != std::string::npos, other.c_str());
    QVERIFY(!sweepRecordMismatch(nlohmann::json::object(), record).empty());
}

void tst_Config::sweepSummary()
{
    const auto points = sweepPoints({parseSweepAxis("arch.alpha=0.3,0.7")});
    SweepRow done;
    done.point = points[0];
    done.state = "finished";
    done.epochsDone = 2;
    done.valAcc = 0.9375;
    done.elementSparsity = 0.5;
    done.seconds = 12.25;
    done.cellTypes = {"normal", "reduce"};
    done.aliveNodes = {2, 3};
    done.alivePaths = {5, 9};
    done.valAccCurve = {0.5, 0.9375};
    done.paramsM = 0.123456;
    done.evalState = "finished";
    done.testAcc = 0.875;
    SweepRow failed;
    failed.point = points[1];
    failed.state = "failed";
    failed.message = "collapsed, \"all\" zero";
    const std::vector<SweepAxis> axes = {parseSweepAxis("arch.alpha=0.3,0.7")};
    QCOMPARE(sweepCsv(axes, {done, failed}),
             std::string("point,arch.alpha,state,epochs_done,val_acc,element_sparsity,"
                         "alive_nodes_normal,alive_paths_normal,alive_nodes_reduce,"
                         "alive_paths_reduce,search_seconds,params_M,test_acc,message\n"
                         "1-alpha=0.3,0.3,finished,2,0.9375,0.5,2,5,3,9,12.2,0.123456,0.875,\n"
                         "2-alpha=0.7,0.7,failed,0,,,,,,,,,,\"collapsed, \"\"all\"\" zero\"\n"));
    std::string md = sweepMarkdown(axes, {done, failed});
    QVERIFY2(md.find("| 1-alpha=0.3 | 0.3 | finished | 2 | 93.75 | 50.0 | 2 / 5 | 3 / 9 | 12.2 "
                     "| 0.123 | 87.50 |") != std::string::npos,
             md.c_str());
    // An evaluation under way shows its state instead of an accuracy.
    done.evalState = "stopped";
    done.testAcc = -1;
    md = sweepMarkdown(axes, {done, failed});
    QVERIFY2(md.find("| 12.2 | 0.123 | (stopped) |") != std::string::npos, md.c_str());
    // The figure: one series per point, in %, the unfinished one named with its state.
    const Figure f = sweepCurvesFigure({done, failed});
    QCOMPARE(f.panels.size(), size_t(1));
    QCOMPARE(f.panels[0].series.size(), size_t(2));
    QCOMPARE(f.panels[0].series[0].name, std::string("alpha=0.3"));
    QCOMPARE(f.panels[0].series[0].x, (std::vector<double>{1.0, 2.0}));
    QCOMPARE(f.panels[0].series[0].y, (std::vector<double>{50.0, 93.75}));
    QCOMPARE(f.panels[0].series[1].name, std::string("alpha=0.7 (failed)"));
    QVERIFY(f.panels[0].series[1].x.empty());
}

void tst_Config::recurrentSpaceIsValidated()
{
    const auto problems = [](const json &j) {
        QStringList out;
        for (const auto &p : validateConfig(j))
            out << QString::fromStdString(p);
        return out.join(QLatin1Char('\n'));
    };
    // The recurrent space's defaults: 8 nodes over its 5 activations.
    const json ok = {{"dataset", {{"name", "devils-dictionary"}}}, {"space", {{"kind", "rnn"}}}};
    QVERIFY2(problems(ok).isEmpty(), qPrintable(problems(ok)));
    const RunConfig c = configFromJson(ok);
    QCOMPARE(c.space.nodes, 8);
    QVERIFY(c.space.ops == dartsRnnOps());
    QCOMPARE(c.languageModel.hidden, int64_t(300));
    QCOMPARE(toJson(c)["space"]["kind"].get<std::string>(), std::string("rnn"));

    // Images with the recurrent space, text with the CNN space, a CNN op in the recurrent space,
    // PTB without its folder: each named.
    QVERIFY(problems({{"space", {{"kind", "rnn"}}}})
                .contains(QStringLiteral("space.kind: the "
                                         "recurrent space "
                                         "needs a text")));
    QVERIFY(problems({{"dataset", {{"name", "devils-dictionary"}}}})
                .contains(QStringLiteral("space.kind rnn")));
    QVERIFY(problems({{"dataset", {{"name", "devils-dictionary"}}},
                      {"space", {{"kind", "rnn"}, {"ops", {"none", "sep_conv_3x3"}}}}})
                .contains(QStringLiteral("space.ops[1]: unknown operation \"sep_conv_3x3\" for "
                                         "the rnn space")));
    // An evaluation of a recurrent cell is valid; its language-model settings are checked.
    QVERIFY(problems({{"task", "evaluate"},
                      {"evaluation", {{"genotype", "DARTS_RNN_V2"}}},
                      {"dataset", {{"name", "devils-dictionary"}}},
                      {"space", {{"kind", "rnn"}}}})
                .isEmpty());
    const QString bad = problems({{"task", "evaluate"},
                                  {"evaluation",
                                   {{"genotype", "DARTS_RNN_V2"},
                                    {"asgd_nonmono", -1},
                                    {"valid_batch_size", 0},
                                    {"test_batch_size", 1.5}}},
                                  {"dataset", {{"name", "devils-dictionary"}}},
                                  {"space", {{"kind", "rnn"}}}});
    QVERIFY2(bad.contains(QStringLiteral("evaluation.asgd_nonmono")) &&
                 bad.contains(QStringLiteral("evaluation.valid_batch_size")) &&
                 bad.contains(QStringLiteral("evaluation.test_batch_size")),
             qPrintable(bad));
    QVERIFY(problems({{"dataset", {{"name", "ptb"}}}, {"space", {{"kind", "rnn"}}}})
                .contains(QStringLiteral("dataset.path: is required for ptb")));
    QVERIFY(problems({{"dataset", {{"name", "devils-dictionary"}}},
                      {"space", {{"kind", "rnn"}}},
                      {"language_model", {{"dropout", 1.0}, {"bptt", 1}}}})
                .contains(QStringLiteral("language_model.bptt")));
    QVERIFY(problems({{"dataset", {{"name", "devils-dictionary"}}},
                      {"space", {{"kind", "rnn"}}},
                      {"search", {{"freeze_zero_epochs", 2}}}})
                .contains(QStringLiteral("search.freeze_zero_epochs: is not available")));
    // DARTS's RNN learning rate is accepted.
    QVERIFY(problems({{"dataset", {{"name", "devils-dictionary"}}},
                      {"space", {{"kind", "rnn"}}},
                      {"weights", {{"lr", 20}, {"lr_min", 20}}}})
                .isEmpty());
}

QTEST_GUILESS_MAIN(tst_Config)
#include "tst_config.moc"
