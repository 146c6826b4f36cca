// SPDX-License-Identifier: MIT
// The `sparsenas` command line, run as a real process: help / info / presets, bad inputs (non-zero
// exit, a message on stderr, nothing left behind), an end-to-end search on the embedded digits
// with the digits-quick preset as shipped, derive / export of its result, and a search stopped
// by SIGINT and resumed.

#include "sparsenas/base/config.h"
#include "sparsenas/base/genotype.h"
#include "sparsenas/base/runformat.h"
#include "sparsenas/base/runlock.h"

#include "../common/runfiles.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using nlohmann::json;
using namespace sparsenas;

namespace {

struct Result
{
    bool started = false;
    bool timedOut = false;
    bool crashed = false;
    int code = -1;
    QString out;
    QString err;

    QString describe() const
    {
        return QStringLiteral("exit code %1%2%3\n--- stdout ---\n%4\n--- stderr ---\n%5")
            .arg(code)
            .arg(timedOut ? QStringLiteral(" (timed out)") : QString())
            .arg(crashed ? QStringLiteral(" (crashed)") : QString())
            .arg(out.right(3000), err.right(3000));
    }
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes) == bytes.size();
}

/// The file's JSON (a discarded value if it does not parse).
json readJson(const QString &path)
{
    return json::parse(readAll(path).toStdString(), nullptr, false);
}

/// The genotype a genotype JSON file holds; throws std::exception for a bad one.
Genotype readGenotype(const QString &path)
{
    return genotypeFromJson(json::parse(readAll(path).toStdString()));
}

/// The JSON lines of a file (empty lines skipped; a line that does not parse is a null value).
std::vector<json> jsonLines(const QString &path)
{
    return sparsenas::testing::jsonLines(path.toStdString());
}

std::vector<json> linesOfType(const std::vector<json> &lines, const std::string &type)
{
    std::vector<json> out;
    for (const json &l : lines) {
        if (l.is_object() && l.value("type", "") == type)
            out.push_back(l);
    }
    return out;
}

QString stateOf(const QString &runDir)
{
    const json j = readJson(runDir + QStringLiteral("/status.json"));
    return j.is_object() ? QString::fromStdString(j.value("state", "")) : QString();
}

/// Everything under `path` (relative names, sorted), or {"<absent>"} if it does not exist.
QStringList listing(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {QStringLiteral("<absent>")};
    if (!info.isDir())
        return {QStringLiteral("<file %1 bytes>").arg(info.size())};
    QStringList out;
    QDirIterator it(path, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(path).relativeFilePath(it.next());
    out.sort();
    return out;
}

/// Every file under `path` with its bytes and modification time (to the nanosecond), for
/// telling whether a command left a folder exactly as it was.
std::map<QString, std::pair<QByteArray, qint64>> fileStates(const QString &path)
{
    std::map<QString, std::pair<QByteArray, qint64>> out;
    QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        struct stat st
        {
        };
        ::stat(QFile::encodeName(f).constData(), &st);
        out[QDir(path).relativeFilePath(f)] = {readAll(f), qint64(st.st_mtim.tv_sec) * 1000000000 +
                                                               st.st_mtim.tv_nsec};
    }
    return out;
}

/// "" if `path` is well-formed XML with an <svg> root element, else what is wrong.
QString svgProblem(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot open ") + path;
    QXmlStreamReader xml(&f);
    bool sawRoot = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && !sawRoot) {
            if (xml.name() != QLatin1String("svg"))
                return QStringLiteral("root element is <%1>").arg(xml.name().toString());
            sawRoot = true;
        }
    }
    if (xml.hasError())
        return QStringLiteral("%1 at line %2, column %3")
            .arg(xml.errorString())
            .arg(xml.lineNumber())
            .arg(xml.columnNumber());
    return sawRoot ? QString() : QStringLiteral("no root element");
}

/// "" if the two genotypes have the same cells (weights within float rounding), else the first
/// difference.
QString genotypeDifference(const Genotype &a, const Genotype &b)
{
    if (a.cells.size() != b.cells.size())
        return QStringLiteral("%1 vs %2 cells").arg(a.cells.size()).arg(b.cells.size());
    for (size_t c = 0; c < a.cells.size(); ++c) {
        const CellGenotype &x = a.cells[c];
        const CellGenotype &y = b.cells[c];
        const QString where = QString::fromStdString(x.type);
        if (x.type != y.type || x.nodes != y.nodes)
            return where + QStringLiteral(": type or nodes differ");
        if (x.aliveNodes != y.aliveNodes || x.usedInputs != y.usedInputs || x.concat != y.concat)
            return where + QStringLiteral(": alive nodes, inputs or concat differ");
        if (x.edges.size() != y.edges.size())
            return where +
                   QStringLiteral(": %1 vs %2 edges").arg(x.edges.size()).arg(y.edges.size());
        for (size_t e = 0; e < x.edges.size(); ++e) {
            const GenotypeEdge &p = x.edges[e];
            const GenotypeEdge &q = y.edges[e];
            if (p.source != q.source || p.target != q.target || p.op != q.op ||
                std::abs(p.weight - q.weight) > 1e-6f * std::max(1.0f, std::abs(p.weight)))
                return where + QStringLiteral(": edge %1 differs").arg(e);
        }
    }
    return {};
}

/// A process running the binary from `dir`; it dies with the test (a timed-out or aborted
/// test must not leave a search running).
void prepare(QProcess &p, const QString &bin, const QStringList &args, const QString &dir)
{
    p.setProgram(bin);
    p.setArguments(args);
    p.setWorkingDirectory(dir); // a default runs/ folder would land here
#ifdef Q_OS_LINUX
    p.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
}

const QStringList kPresets = {QStringLiteral("digits-quick"),
                              QStringLiteral("fashion-mnist"),
                              QStringLiteral("cifar10-paper"),
                              QStringLiteral("text-quick"),
                              QStringLiteral("ptb-paper"),
                              QStringLiteral("digits-eval"),
                              QStringLiteral("fashion-mnist-eval"),
                              QStringLiteral("cifar10-eval"),
                              QStringLiteral("cifar100-eval"),
                              QStringLiteral("text-eval"),
                              QStringLiteral("ptb-eval")};

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

public:
    tst_Cli()
    {
        // The search takes minutes on a busy 2-core machine: let ctest's TIMEOUT (900 s) be
        // the limit rather than Qt Test's default 300 s per function.
        if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
            qputenv("QTEST_FUNCTION_TIMEOUT", "880000");
    }

private:
    /// `killAt`: SPARSENAS_KILL_AT for the process (sparsenas/base/killpoint.h).
    Result sparsenas(const QStringList &args, int timeoutMs = 60000,
                     const QString &killAt = {}) const;
    QString tmp(const QString &name) const { return m_tmp.filePath(name); }
    /// `args` with "@x" turned into x in the temporary folder.
    QStringList expand(const QStringList &args) const;

    QTemporaryDir m_tmp;
    QString m_bin;
    QString m_run; ///< the finished run of searchEndToEnd(), once it passed

private Q_SLOTS:
    void initTestCase();
    void help();
    void info();
    void presets();
    void badInput_data();
    void badInput();
    void bytesThatAreNotUtf8AreShownEscaped();
    void cudaOnCpuOnlyBuild();
    void evaluateParamsCompare();
    void searchEndToEnd();
    void recurrentSearchEndToEnd();
    void deriveMatchesGenotype();
    void deriveSummaryFitsTheScreen();
    void exportWritesFiles();
    void exportTextsOtherCodeLoads();
    void topKIsDartsReading();
    void progressLineFitsTheTerminal();
    void failedRunKeepsItsTable();
    void sweepRunsResumesAndSummarizes();
    void ablationWritesTableAndFigure();
    void studioAnswersHelpAndVersionWithoutDisplay();
    void interruptAndResume();
    void resumeOfAFinishedRunChangesNothing();
    void evaluationThatDivergesFailsAndSaysWhy();
    void resumeSaysWhichCheckpointItSkipped();
    void secondWriterRefusedAndDoubleInterruptSaysStopped();
    void killAtEveryMomentResumesExactly_data();
    void killAtEveryMomentResumesExactly();
};

Result tst_Cli::sparsenas(const QStringList &args, int timeoutMs, const QString &killAt) const
{
    Result r;
    QProcess p;
    prepare(p, m_bin, args, m_tmp.path());
    if (!killAt.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SPARSENAS_KILL_AT"), killAt);
        p.setProcessEnvironment(env);
    }
    p.start();
    r.started = p.waitForStarted(10000);
    if (!r.started)
        return r;
    if (!p.waitForFinished(timeoutMs)) {
        r.timedOut = true;
        p.kill();
        p.waitForFinished(5000);
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.code = r.crashed ? -1 : p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QStringList tst_Cli::expand(const QStringList &args) const
{
    QStringList out;
    for (const QString &a : args)
        out << (a.startsWith(QLatin1Char('@')) ? tmp(a.mid(1)) : a);
    return out;
}

void tst_Cli::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_bin = QStringLiteral(SPARSENAS_BIN_DIR "/sparsenas");
    QVERIFY2(QFileInfo(m_bin).isExecutable(), qPrintable(m_bin + QStringLiteral(" is missing")));

    // Fixtures for the bad inputs. Line 3 of bad-syntax.json is `    "epochs": 3,,`: the
    // second comma is column 17.
    QVERIFY(writeAll(tmp(QStringLiteral("bad-syntax.json")),
                     "{\n  \"search\": {\n    \"epochs\": 3,,\n  }\n}\n"));
    QVERIFY(writeAll(tmp(QStringLiteral("bad-field.json")),
                     R"({"dataset": {"name": "digits"}, "arch": {"alpha": 1.5}})"));
    QVERIFY(QDir(m_tmp.path()).mkdir(QStringLiteral("notarun")));
    QVERIFY(QDir(m_tmp.path()).mkdir(QStringLiteral("nocheckpoint")));
    QVERIFY(writeAll(tmp(QStringLiteral("nocheckpoint/config.json")), "{}\n"));
    // Its only checkpoint is damaged (not a checkpoint at all): a resume must refuse it, not
    // start the run again over it.
    QVERIFY(QDir(m_tmp.path()).mkpath(QStringLiteral("nocheckpoint/checkpoints")));
    QVERIFY(writeAll(tmp(QStringLiteral("nocheckpoint/checkpoints/ckpt-000000006.pt")),
                     "not a checkpoint\n"));
    QVERIFY(writeAll(tmp(QStringLiteral("nocheckpoint/checkpoints/latest.json")),
                     R"({"checkpoint": "ckpt-000000006.pt"})"));

    // A small genotype to export.
    std::vector<CellWeights> cells;
    for (const char *type : {"normal", "reduce"}) {
        CellWeights w;
        w.type = type;
        w.nodes = 2;
        w.ops = {"none", "skip_connect", "sep_conv_3x3"};
        w.weights.assign(size_t(numEdges(w.nodes)) * w.ops.size(), 0.5f);
        cells.push_back(w);
    }
    const std::string genotype = toJson(deriveGenotype(cells)).dump(2);
    QVERIFY(writeAll(tmp(QStringLiteral("genotype.json")), QByteArray::fromStdString(genotype)));

    // A sweep folder (sweep.json and a point, each a run directory) and an evaluation's run
    // directory: folders of other kinds than a search's run directory.
    QVERIFY(QDir(m_tmp.path()).mkpath(QStringLiteral("asweep/1-alpha=0.3")));
    QVERIFY(writeAll(tmp(QStringLiteral("asweep/sweep.json")), "{}\n"));
    QVERIFY(writeAll(tmp(QStringLiteral("asweep/1-alpha=0.3/config.json")), "{}\n"));
    QVERIFY(QDir(m_tmp.path()).mkdir(QStringLiteral("evalrun")));
    RunConfig evaluation = presetConfig("digits-eval");
    evaluation.evaluation.genotype = "DARTS_V2";
    QVERIFY(writeAll(tmp(QStringLiteral("evalrun/config.json")),
                     QByteArray::fromStdString(toJson(evaluation).dump(2))));
    QVERIFY(writeAll(tmp(QStringLiteral("evalrun/snapshots.jsonl")), ""));
    QVERIFY(writeAll(tmp(QStringLiteral("evalrun/genotype.json")),
                     QByteArray::fromStdString(genotype)));

    // The A matrices of a cell early in a search: 4 nodes, 4 ops, no zero (56 paths a cell).
    json dense = {{"cells", json::array()}};
    for (const char *type : {"normal", "reduce"}) {
        CellWeights w;
        w.type = type;
        w.nodes = 4;
        w.ops = {"none", "max_pool_3x3", "skip_connect", "sep_conv_3x3", "dil_conv_3x3"};
        for (int i = 0; i < numEdges(w.nodes) * int(w.ops.size()); ++i)
            w.weights.push_back(0.01f * float(1 + i % 37) * (i % 3 == 0 ? -1.0f : 1.0f));
        dense["cells"].push_back(toJson(w));
    }
    QVERIFY(writeAll(tmp(QStringLiteral("dense-weights.json")),
                     QByteArray::fromStdString(dense.dump())));
}

void tst_Cli::help()
{
    const Result r = sparsenas({QStringLiteral("--help")});
    QVERIFY2(r.started && r.code == 0, qPrintable(r.describe()));
    for (const char *cmd : {"search", "resume", "derive", "export", "presets", "info"})
        QVERIFY2(r.out.contains(QLatin1String(cmd)), qPrintable(r.describe()));

    // Every help fits an 80-column terminal: a longer line would wrap at column 0, through the
    // column of option names. The descriptions go on over lines of their own.
    for (const QString &cmd :
         {QString(), QStringLiteral("search"), QStringLiteral("resume"), QStringLiteral("derive"),
          QStringLiteral("export"), QStringLiteral("evaluate"), QStringLiteral("params"),
          QStringLiteral("compare"), QStringLiteral("sweep"), QStringLiteral("ablation"),
          QStringLiteral("presets"), QStringLiteral("info")}) {
        const Result h = sparsenas(cmd.isEmpty() ? QStringList{QStringLiteral("--help")}
                                                 : QStringList{cmd, QStringLiteral("--help")});
        QVERIFY2(h.code == 0, qPrintable(h.describe()));
        for (const QString &line : h.out.split(QLatin1Char('\n')))
            QVERIFY2(line.size() <= 79, qPrintable(cmd + QStringLiteral(": ") + line));
    }
    // ... in the description's column, where the manual page's generator joins them again.
    const Result ablation = sparsenas({QStringLiteral("ablation"), QStringLiteral("--help")});
    static const QRegularExpression continued(
        QStringLiteral("\n {30}Lasso and with Group Lasso\\)\n"));
    QVERIFY2(continued.match(ablation.out).hasMatch(), qPrintable(ablation.out));

    for (const char *flag : {"--version", "-V"}) {
        const Result v = sparsenas({QLatin1String(flag)});
        QVERIFY2(v.code == 0, qPrintable(v.describe()));
        // "sparsenas 0.1.0 (LibTorch 1.13.1, Release build)"
        static const QRegularExpression form(
            QStringLiteral(R"(^sparsenas \d+\.\d+\.\d+ \(LibTorch \d+\.\d+[^,]*, \w* ?build\)$)"));
        QVERIFY2(form.match(v.out.trimmed()).hasMatch(), qPrintable(v.describe()));
    }
}

void tst_Cli::info()
{
    const Result r = sparsenas({QStringLiteral("info")});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    auto line = [&](const QString &prefix) {
        for (const QString &l : lines) {
            if (l.startsWith(prefix))
                return l.mid(prefix.size()).trimmed();
        }
        return QString();
    };
    QVERIFY2(!line(QStringLiteral("LibTorch ")).isEmpty(), qPrintable(r.describe()));
    QVERIFY2(!line(QStringLiteral("BLAS:")).isEmpty(), qPrintable(r.describe()));
}

void tst_Cli::presets()
{
    const Result r = sparsenas({QStringLiteral("presets")});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts), kPresets);

    for (const QString &name : kPresets) {
        const Result p = sparsenas({QStringLiteral("presets"), name});
        QVERIFY2(p.code == 0, qPrintable(p.describe()));
        const json j = json::parse(p.out.toStdString(), nullptr, false);
        QVERIFY2(j.is_object(), qPrintable(name + QStringLiteral(": not a JSON object")));
    }
}

void tst_Cli::recurrentSearchEndToEnd()
{
    // The recurrent space through the CLI, piped: perplexities on the epoch lines, DARTS's
    // numbers in the summary, the recurrent genotype and its diagram.
    const QString dir = tmp(QStringLiteral("rnn-run"));
    const Result r = sparsenas({QStringLiteral("search"), QStringLiteral("--preset"),
                                QStringLiteral("text-quick"), QStringLiteral("-o"), dir,
                                QStringLiteral("--set"), QStringLiteral("search.epochs=1"),
                                QStringLiteral("--set"), QStringLiteral("dataset.limit=3000"),
                                QStringLiteral("--set"), QStringLiteral("space.nodes=2"),
                                QStringLiteral("--set"), QStringLiteral("language_model.hidden=16"),
                                QStringLiteral("--set"), QStringLiteral("search.batch_size=16")});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    const QString all = r.out + r.err;
    QVERIFY2(all.contains(QStringLiteral("recurrent search on devils-dictionary")),
             qPrintable(r.describe()));
    QVERIFY2(all.contains(QRegularExpression(QStringLiteral("val loss [0-9.]+ ppl [0-9.]+"))),
             qPrintable(r.describe()));
    QVERIFY2(all.contains(QStringLiteral("recurrent cell: ")), qPrintable(r.describe()));
    const json g = json::parse(readAll(dir + QStringLiteral("/genotype.json")).toStdString());
    QCOMPARE(g["cells"][0]["type"].get<std::string>(), std::string("recurrent"));
    QCOMPARE(g["cells"][0]["inputs"].get<int>(), 1);
    QVERIFY(QFileInfo::exists(dir + QStringLiteral("/genotype.svg")));
    QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/genotype_ptdarts.txt")));

    // The searched cell trained on its own: a recurrent genotype picks text-eval, the run ends
    // with the test perplexity, and compare puts it in the language-model table.
    const QString evalDir = tmp(QStringLiteral("rnn-eval"));
    const Result ev =
        sparsenas({QStringLiteral("evaluate"), dir, QStringLiteral("-o"), evalDir,
                   QStringLiteral("--set"), QStringLiteral("search.epochs=1"),
                   QStringLiteral("--set"), QStringLiteral("dataset.limit=3000"),
                   QStringLiteral("--set"), QStringLiteral("language_model.hidden=16"),
                   QStringLiteral("--set"), QStringLiteral("search.batch_size=8"),
                   QStringLiteral("--set"), QStringLiteral("evaluation.test_batch_size=4")});
    QVERIFY2(ev.code == 0, qPrintable(ev.describe()));
    QVERIFY2(ev.out.contains(QRegularExpression(
                 QStringLiteral("^test perplexity [0-9.]+ after 1 of 1 epochs \\(weights of epoch "
                                "1, validation perplexity [0-9.]+\\)$"),
                 QRegularExpression::MultilineOption)),
             qPrintable(ev.describe()));
    const json e = json::parse(readAll(evalDir + QStringLiteral("/evaluation.json")).toStdString());
    QCOMPARE(e["space"].get<std::string>(), std::string("rnn"));
    QCOMPARE(e["hidden"].get<int>(), 16);
    const Result cmp = sparsenas({QStringLiteral("compare"), evalDir});
    QVERIFY2(cmp.code == 0 && cmp.out.contains(QStringLiteral("test ppl")) &&
                 cmp.out.contains(QStringLiteral("h16")),
             qPrintable(cmp.describe()));
    // A recurrent cell with an image preset: refused before anything is written (exit 2).
    const Result wrong = sparsenas({QStringLiteral("evaluate"), QStringLiteral("DARTS_RNN_V2"),
                                    QStringLiteral("--preset"), QStringLiteral("digits-eval"),
                                    QStringLiteral("-o"), tmp(QStringLiteral("rnn-wrong"))});
    QVERIFY2(wrong.code == 2 && wrong.err.contains(QStringLiteral("is a recurrent cell")),
             qPrintable(wrong.describe()));
    QVERIFY(!QFileInfo::exists(tmp(QStringLiteral("rnn-wrong"))));
    // The paper's size of DARTS's cell, counted without training.
    const Result params = sparsenas({QStringLiteral("params"), QStringLiteral("DARTS_RNN_V2")});
    QVERIFY2(params.code == 0 && params.out.contains(QStringLiteral("parameters: 22,960,000")),
             qPrintable(params.describe()));

    // A PTB folder that is not there: named, exit code 1 like any missing data, nothing written.
    const Result bad = sparsenas({QStringLiteral("search"), QStringLiteral("--preset"),
                                  QStringLiteral("ptb-paper"), QStringLiteral("-o"),
                                  tmp(QStringLiteral("rnn-bad")), QStringLiteral("--set"),
                                  QStringLiteral("dataset.path=nowhere/penn")});
    QVERIFY2(bad.code == 1 && bad.err.contains(QStringLiteral("nowhere/penn")),
             qPrintable(bad.describe()));
    QVERIFY(!QFileInfo::exists(tmp(QStringLiteral("rnn-bad"))));
}

void tst_Cli::badInput_data()
{
    QTest::addColumn<QStringList>("args");     // "@x" is x in the temporary folder
    QTest::addColumn<int>("code");             // expected exit code; 0: any non-zero code
    QTest::addColumn<QStringList>("messages"); // all must appear on stderr
    QTest::addColumn<QString>("untouched");    // must look the same afterwards ("@x")

    const QString s = QStringLiteral("search");
    const QString q = QStringLiteral("-q");
    const QString outOpt = QStringLiteral("--out");
    auto list = [](std::initializer_list<const char *> items) {
        QStringList out;
        for (const char *i : items)
            out << QString::fromUtf8(i);
        return out;
    };

    QTest::newRow("config with a syntax error")
        << QStringList{s,      QStringLiteral("-c"),        QStringLiteral("@bad-syntax.json"),
                       outOpt, QStringLiteral("@r-syntax"), q}
        << 2 << list({"bad-syntax.json:3:17", "not valid JSON"}) << QStringLiteral("@r-syntax");
    QTest::newRow("config with a wrong field")
        << QStringList{s,      QStringLiteral("-c"),       QStringLiteral("@bad-field.json"),
                       outOpt, QStringLiteral("@r-field"), q}
        << 2 << list({"bad-field.json", "arch.alpha"}) << QStringLiteral("@r-field");
    QTest::newRow("missing config file")
        << QStringList{s,      QStringLiteral("-c"),         QStringLiteral("@no-such.json"),
                       outOpt, QStringLiteral("@r-missing"), q}
        << 2 << list({"--config: File does not exist:", "no-such.json"})
        << QStringLiteral("@r-missing");
    QTest::newRow("--set of an unknown field")
        << QStringList{s,      QStringLiteral("--set"),  QStringLiteral("search.epocs=3"),
                       outOpt, QStringLiteral("@r-set"), q}
        << 2 << list({"search.epocs: unknown field"}) << QStringLiteral("@r-set");
    QTest::newRow("--set of a wrong value")
        << QStringList{s,      QStringLiteral("--set"),   QStringLiteral("search.epochs=0"),
                       outOpt, QStringLiteral("@r-set0"), q}
        << 2 << list({"search.epochs"}) << QStringLiteral("@r-set0");
    QTest::newRow("unknown preset")
        << QStringList{s,      QStringLiteral("--preset"),  QStringLiteral("no-such-preset"),
                       outOpt, QStringLiteral("@r-preset"), q}
        << 2 << list({"no-such-preset"}) << QStringLiteral("@r-preset");
    QTest::newRow("--device tpu")
        << QStringList{s,      QStringLiteral("--device"), QStringLiteral("tpu"),
                       outOpt, QStringLiteral("@r-tpu"),   q}
        << 2 << list({"tpu"}) << QStringLiteral("@r-tpu");
    QTest::newRow("resume of a folder that is not a run")
        << QStringList{QStringLiteral("resume"), QStringLiteral("@notarun"), q} << 1
        << list({"notarun", "not a run directory"}) << QStringLiteral("@notarun");
    QTest::newRow("resume of a run whose only checkpoint is damaged")
        << QStringList{QStringLiteral("resume"), QStringLiteral("@nocheckpoint"), q} << 1
        << list({"nocheckpoint", "no usable checkpoint", "ckpt-000000006.pt"})
        << QStringLiteral("@nocheckpoint/checkpoints");
    QTest::newRow("--set of a number too large for a double")
        << QStringList{s,      QStringLiteral("--set"),   QStringLiteral("weights.lr=1e999"),
                       outOpt, QStringLiteral("@r-huge"), q}
        << 2 << list({"weights.lr", "out of range"}) << QStringLiteral("@r-huge");
    QTest::newRow("--set to null")
        << QStringList{s,      QStringLiteral("--set"),   QStringLiteral("space.channels=null"),
                       outOpt, QStringLiteral("@r-null"), q}
        << 2 << list({"space.channels=null", "null is not a value"}) << QStringLiteral("@r-null");
    QTest::newRow("--set into a value that is not a section")
        << QStringList{s,      QStringLiteral("--set"),         QStringLiteral("name.x=1"),
                       outOpt, QStringLiteral("@r-notsection"), q}
        << 2 << list({"--set name.x", "'name' is a value"}) << QStringLiteral("@r-notsection");
    QTest::newRow("--threads -3")
        << QStringList{s,      QStringLiteral("--threads"),  QStringLiteral("-3"),
                       outOpt, QStringLiteral("@r-threads"), q}
        << 2 << list({"--threads", "-3", "not in range 0 to 4096"}) << QStringLiteral("@r-threads");
    // A path that does not exist is a usage error, exit 2, for every subcommand that takes one.
    QTest::newRow("resume of a missing folder")
        << QStringList{QStringLiteral("resume"), QStringLiteral("@no-such-run"), q} << 2
        << list({"run: Directory does not exist:", "no-such-run"})
        << QStringLiteral("@no-such-run");
    QTest::newRow("compare of a missing folder")
        << QStringList{QStringLiteral("compare"), QStringLiteral("@genotype.json"),
                       QStringLiteral("@no-such-evals")}
        << 2 << list({"runs: Path does not exist:", "no-such-evals"})
        << QStringLiteral("@no-such-evals");
    QTest::newRow("evaluate of a missing genotype file")
        << QStringList{QStringLiteral("evaluate"), QStringLiteral("@no-such-genotype.json"),
                       QStringLiteral("-o"), QStringLiteral("@r-evalmissing"), q}
        << 2 << list({"no-such-genotype.json: no such file or run directory"})
        << QStringLiteral("@r-evalmissing");
    QTest::newRow("evaluate with a missing config file")
        << QStringList{QStringLiteral("evaluate"), QStringLiteral("DARTS_V2"),
                       QStringLiteral("-c"),       QStringLiteral("@no-such.json"),
                       QStringLiteral("-o"),       QStringLiteral("@r-evalconfig")}
        << 2 << list({"--config: File does not exist:", "no-such.json"})
        << QStringLiteral("@r-evalconfig");
    QTest::newRow("params of a missing genotype file")
        << QStringList{QStringLiteral("params"), QStringLiteral("@no-such-genotype.json")} << 2
        << list({"no-such-genotype.json: no such file or run directory"})
        << QStringLiteral("@no-such-genotype.json");
    QTest::newRow("sweep with a missing config file")
        << QStringList{QStringLiteral("sweep"),          QStringLiteral("-c"),
                       QStringLiteral("@no-such.json"),  QStringLiteral("--grid"),
                       QStringLiteral("arch.alpha=0.3"), QStringLiteral("-o"),
                       QStringLiteral("@r-sweepconfig")}
        << 2 << list({"--config: File does not exist:", "no-such.json"})
        << QStringLiteral("@r-sweepconfig");
    // Counted, a network its images are too small for would look like any other.
    QTest::newRow("params --image below the network's smallest")
        << QStringList{QStringLiteral("params"), QStringLiteral("DARTS_V2"),
                       QStringLiteral("--image"), QStringLiteral("2")}
        << 2
        << list({"sparsenas: --image: 2 is too small: DARTS_V2 with 20 cells takes images of at "
                 "least 3x3 pixels\n"})
        << QStringLiteral("@runs");
    QTest::newRow("export to an unknown extension")
        << QStringList{QStringLiteral("export"), QStringLiteral("@genotype.json"),
                       QStringLiteral("-o"), QStringLiteral("@cells.xyz")}
        << 2 << list({"cells.xyz", "cannot tell the format"}) << QStringLiteral("@cells.xyz");
    QTest::newRow("export to standard output without a format")
        << QStringList{QStringLiteral("export"), QStringLiteral("@genotype.json"),
                       QStringLiteral("-o"), QStringLiteral("-")}
        << 2 << list({"-o -", "--format"}) << QStringLiteral("@genotype.json");
    QTest::newRow("export to standard output twice")
        << QStringList{QStringLiteral("export"),   QStringLiteral("@genotype.json"),
                       QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("-o"),       QStringLiteral("-"),
                       QStringLiteral("-o"),       QStringLiteral("-")}
        << 2 << list({"more than once"}) << QStringLiteral("@genotype.json");
    QTest::newRow("export --top-k of a derived genotype")
        << QStringList{QStringLiteral("export"),  QStringLiteral("@genotype.json"),
                       QStringLiteral("--top-k"), QStringLiteral("2"),
                       QStringLiteral("-o"),      QStringLiteral("@topk.json")}
        << 1 << list({"--top-k needs the A matrices"}) << QStringLiteral("@topk.json");
    QTest::newRow("derive --top-k 0")
        << QStringList{QStringLiteral("derive"), QStringLiteral("@genotype.json"),
                       QStringLiteral("--top-k"), QStringLiteral("0")}
        << 2 << list({"--top-k"}) << QStringLiteral("@genotype.json");
    QTest::newRow("export of a missing file")
        << QStringList{QStringLiteral("export"), QStringLiteral("@no-such-genotype.json"),
                       QStringLiteral("-o"), QStringLiteral("@cells.svg")}
        << 2 << list({"source: Path does not exist:", "no-such-genotype.json"})
        << QStringLiteral("@cells.svg");
    QTest::newRow("export of a file that is not JSON")
        << QStringList{QStringLiteral("export"), QStringLiteral("@bad-syntax.json"),
                       QStringLiteral("-o"), QStringLiteral("@cells.svg")}
        << 1 << list({"bad-syntax.json"}) << QStringLiteral("@cells.svg");
    QTest::newRow("derive of a non-existent path")
        << QStringList{QStringLiteral("derive"), QStringLiteral("@no-such-path")} << 2
        << list({"source: Path does not exist:", "no-such-path"})
        << QStringLiteral("@no-such-path");
    QTest::newRow("derive of a folder that is not a run")
        << QStringList{QStringLiteral("derive"), QStringLiteral("@notarun")} << 1
        << list({"notarun"}) << QStringLiteral("@notarun");
    QTest::newRow("unknown subcommand")
        << QStringList{QStringLiteral("frobnicate")} << 2
        << list({"unknown subcommand 'frobnicate'", "search, resume"}) << QStringLiteral("@runs");
    QTest::newRow("--threads that is not a number")
        << QStringList{s,      QStringLiteral("--threads"),   QStringLiteral("two"),
                       outOpt, QStringLiteral("@r-threads2"), q}
        << 2 << list({"--threads", "'two' is not a whole number"}) << QStringLiteral("@r-threads2");
    QTest::newRow("--dpi out of range")
        << QStringList{QStringLiteral("export"), QStringLiteral("@genotype.json"),
                       QStringLiteral("-o"),     QStringLiteral("@dpi.png"),
                       QStringLiteral("--dpi"),  QStringLiteral("5")}
        << 2 << list({"--dpi", "5 is not in range 10 to 2400"}) << QStringLiteral("@dpi.png");
    QTest::newRow("--dpi nan")
        << QStringList{QStringLiteral("export"), QStringLiteral("@genotype.json"),
                       QStringLiteral("-o"),     QStringLiteral("@dpi.png"),
                       QStringLiteral("--dpi"),  QStringLiteral("nan")}
        << 2 << list({"--dpi", "nan is not in range"}) << QStringLiteral("@dpi.png");
    QTest::newRow("--set of a wrong value names the --set")
        << QStringList{s,      QStringLiteral("--set"),     QStringLiteral("search.epochs=abc"),
                       outOpt, QStringLiteral("@r-setabc"), q}
        << 2
        << list({"preset digits-quick with --set search.epochs=abc:",
                 "search.epochs: must be an integer"})
        << QStringLiteral("@r-setabc");
    QTest::newRow("resume --set without a value")
        << QStringList{QStringLiteral("resume"), QStringLiteral("@nocheckpoint"),
                       QStringLiteral("--set"), QStringLiteral("epochs"), q}
        << 2 << list({"--set expects section.key=value, got 'epochs'"})
        << QStringLiteral("@nocheckpoint");
    QTest::newRow("derive of a genotype file")
        << QStringList{QStringLiteral("derive"), QStringLiteral("@genotype.json")} << 1
        << list({"genotype.json' is a derived genotype, not A matrices", "export"})
        << QStringLiteral("@genotype.json");
    QTest::newRow("derive of an evaluation run")
        << QStringList{QStringLiteral("derive"), QStringLiteral("@evalrun")} << 1
        << list({"evalrun' is an evaluation run", "evalrun/genotype.json"})
        << QStringLiteral("@evalrun");
    QTest::newRow("export --top-k of an evaluation run")
        << QStringList{QStringLiteral("export"),  QStringLiteral("@evalrun"),
                       QStringLiteral("--top-k"), QStringLiteral("2"),
                       QStringLiteral("-o"),      QStringLiteral("@evalrun-topk.json")}
        << 1 << list({"evalrun' is an evaluation run"}) << QStringLiteral("@evalrun-topk.json");
    QTest::newRow("derive of a sweep folder")
        << QStringList{QStringLiteral("derive"), QStringLiteral("@asweep")} << 1
        << list({"asweep' is a sweep folder", "asweep/1-alpha=0.3"}) << QStringLiteral("@asweep");
    QTest::newRow("resume of a sweep folder")
        << QStringList{QStringLiteral("resume"), QStringLiteral("@asweep"), q} << 1
        << list({"asweep' is a sweep folder", "sparsenas sweep"}) << QStringLiteral("@asweep");
    QTest::newRow("export to a folder")
        << QStringList{QStringLiteral("export"),   QStringLiteral("@genotype.json"),
                       QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("-o"),       QStringLiteral("@notarun")}
        << 2 << list({"notarun: is a folder"}) << QStringLiteral("@notarun");
    QTest::newRow("derive to a folder")
        << QStringList{QStringLiteral("derive"), QStringLiteral("@dense-weights.json"),
                       QStringLiteral("-o"), QStringLiteral("@notarun")}
        << 2 << list({"notarun: is a folder"}) << QStringLiteral("@notarun");
    QTest::newRow("evaluate with a search preset")
        << QStringList{QStringLiteral("evaluate"),
                       QStringLiteral("DARTS_V2"),
                       QStringLiteral("--preset"),
                       QStringLiteral("digits-quick"),
                       QStringLiteral("--set"),
                       QStringLiteral("search.epochs=1"),
                       QStringLiteral("--set"),
                       QStringLiteral("dataset.limit=100"),
                       outOpt,
                       QStringLiteral("@r-evalsearch"),
                       q}
        << 2 << list({"preset digits-quick: task \"search\", not an evaluation", "digits-eval"})
        << QStringLiteral("@r-evalsearch");
    QTest::newRow("sweep into a run directory")
        << QStringList{QStringLiteral("sweep"),
                       QStringLiteral("--grid"),
                       QStringLiteral("arch.alpha=0.3"),
                       QStringLiteral("--set"),
                       QStringLiteral("search.epochs=1"),
                       QStringLiteral("--set"),
                       QStringLiteral("dataset.limit=100"),
                       outOpt,
                       QStringLiteral("@nocheckpoint")}
        << 2 << list({"nocheckpoint' is a run directory", "another --out"})
        << QStringLiteral("@nocheckpoint");
    QTest::newRow("ablation --threads 0")
        << QStringList{QStringLiteral("ablation"), QStringLiteral("--threads"), QStringLiteral("0"),
                       outOpt, QStringLiteral("@r-ablation")}
        << 2 << list({"--threads", "0 is not in range 1 to 4096"}) << QStringLiteral("@r-ablation");
    QTest::newRow("no subcommand")
        << QStringList{} << 2 << list({"subcommand"}) << QStringLiteral("@runs");
}

void tst_Cli::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QStringList, messages);
    QFETCH(QString, untouched);

    const QString watched = expand({untouched}).front();
    const QStringList before = listing(watched);
    const Result r = sparsenas(expand(args));
    QVERIFY2(r.started && !r.timedOut && !r.crashed, qPrintable(r.describe()));
    if (code == 0)
        QVERIFY2(r.code != 0, qPrintable(r.describe()));
    else
        QVERIFY2(r.code == code, qPrintable(r.describe()));
    for (const QString &m : messages)
        QVERIFY2(r.err.contains(m),
                 qPrintable(QStringLiteral("no '%1' on stderr; ").arg(m) + r.describe()));
    QCOMPARE(listing(watched), before);
}

void tst_Cli::bytesThatAreNotUtf8AreShownEscaped()
{
    // A config whose name holds the bytes ff fe (as a UTF-16 file starts): the parser's message
    // quotes what it read last. It keeps file, line and column (byte 11 of line 1) and shows
    // the byte as \xff: written raw, it garbled the terminal line.
    const QString config = tmp(QStringLiteral("not-utf8.json"));
    QVERIFY(writeAll(config, "{\"name\": \"\xff\xfe\"}\n"));
    const Result r = sparsenas({QStringLiteral("search"), QStringLiteral("-c"), config,
                                QStringLiteral("--out"), tmp(QStringLiteral("r-utf8"))});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err, QStringLiteral("sparsenas: %1:1:11: field name: not valid JSON: syntax error "
                                   "while parsing value - invalid string: ill-formed UTF-8 byte; "
                                   "last read: '\"\\xff'\n")
                        .arg(config));
    QVERIFY(!QFileInfo::exists(tmp(QStringLiteral("r-utf8"))));

    // Arguments reach the program as bytes (a shell passes $'\xff' on as it is): a --set
    // value, an unknown subcommand and an option's value are quoted escaped too, and a path
    // that the run's config.json (JSON, UTF-8 only) could not hold is refused before anything
    // is made (it failed with nlohmann's type_error.316, a half-made run directory left).
    const auto viaShell = [&](const QString &script) {
        QProcess p;
        prepare(p, QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script, m_bin}, m_tmp.path());
        p.start();
        p.waitForFinished(60000);
        return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardError()));
    };
    auto [code, err] = viaShell(
        QStringLiteral("exec \"$0\" search --set \"$(printf 'name=run\\377')\" --out r-utf8"));
    QCOMPARE(code, 2);
    QCOMPARE(err, QStringLiteral("sparsenas: --set name=run\\xff: not UTF-8 text\n"));
    std::tie(code, err) = viaShell(QStringLiteral("exec \"$0\" \"$(printf 'sea\\377rch')\""));
    QCOMPARE(code, 2);
    QVERIFY2(err.startsWith(QStringLiteral("sparsenas: unknown subcommand 'sea\\xffrch' "
                                           "(subcommands: search, ")),
             qPrintable(err));
    std::tie(code, err) = viaShell(
        QStringLiteral("exec \"$0\" search --threads \"$(printf '\\033[2J')\" --out r-utf8"));
    QCOMPARE(code, 2);
    QVERIFY2(err.startsWith(QStringLiteral("--threads: '\\x1b[2J' is not a whole number")),
             qPrintable(err));
    std::tie(code, err) = viaShell(
        QStringLiteral("cp genotype.json \"$(printf 'g\\377.json')\" && "
                       "exec \"$0\" evaluate \"$(printf 'g\\377.json')\" --out r-utf8 -q"));
    QCOMPARE(code, 2);
    QCOMPARE(err, QStringLiteral("sparsenas: %1/g\\xff.json: the path is not UTF-8 text, which "
                                 "the run's config.json cannot hold; rename it\n")
                      .arg(m_tmp.path()));
    QVERIFY(!QFileInfo::exists(tmp(QStringLiteral("r-utf8"))));
}

void tst_Cli::cudaOnCpuOnlyBuild()
{
    const Result inf = sparsenas({QStringLiteral("info")});
    if (inf.out.contains(QStringLiteral("CUDA: available")))
        QSKIP("this LibTorch sees a GPU");

    const QString run = tmp(QStringLiteral("r-cuda"));
    const Result r =
        sparsenas({QStringLiteral("search"), QStringLiteral("--preset"),
                   QStringLiteral("digits-quick"), QStringLiteral("--device"),
                   QStringLiteral("cuda"), QStringLiteral("--out"), run, QStringLiteral("-q")},
                  60000);
    QVERIFY2(r.started && !r.timedOut && !r.crashed, qPrintable(r.describe()));
    QVERIFY2(r.code != 0, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QStringLiteral("CUDA")), qPrintable(r.describe()));
    // It failed before training: no checkpoint, no metrics.
    QVERIFY2(!QFileInfo::exists(run + QStringLiteral("/checkpoints/latest.json")),
             qPrintable(listing(run).join(QLatin1Char(' '))));
    QVERIFY(jsonLines(run + QStringLiteral("/metrics.jsonl")).empty());
    // Nothing half-written: no run directory at all, so the same --out works with cpu.
    QVERIFY2(!QFileInfo::exists(run),
             qPrintable(QStringLiteral("left behind: ") + listing(run).join(QLatin1Char(' '))));
}

void tst_Cli::evaluateParamsCompare()
{
    // params: the official count of DARTS_V2 (tst_evaluation says where the figures come from).
    Result r = sparsenas({QStringLiteral("params"), QStringLiteral("DARTS_V2")});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains(QStringLiteral("parameters: 3,349,342 (3.349 M")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("multiply-adds: 528,359,040 per image")),
             qPrintable(r.out));
    // The smallest images it takes: 3x3 with 20 cells (a factorized reduce after the first
    // reduction), 2x2 with 3 (its two reductions follow each other; docs/method.md).
    r = sparsenas({QStringLiteral("params"), QStringLiteral("DARTS_V2"), QStringLiteral("--image"),
                   QStringLiteral("3")});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    r = sparsenas({QStringLiteral("params"), QStringLiteral("DARTS_V2"), QStringLiteral("--layers"),
                   QStringLiteral("3"), QStringLiteral("--image"), QStringLiteral("2")});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    r = sparsenas({QStringLiteral("params"), QStringLiteral("DARTS_V2"), QStringLiteral("--layers"),
                   QStringLiteral("3"), QStringLiteral("--image"), QStringLiteral("1")});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err, QStringLiteral("sparsenas: --image: 1 is too small: DARTS_V2 with 3 cells "
                                   "takes images of at least 2x2 pixels\n"));
    QCOMPARE(r.out, QString());

    // A genotype that cannot be built: exit 2, its file, line and column, nothing made.
    const QString bad = m_tmp.filePath(QStringLiteral("bad-genotype.txt"));
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# a typo on line 2\nGenotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 2)], "
                "normal_concat=[2], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1)], "
                "reduce_concat=[2])\n");
    }
    const QString out = m_tmp.filePath(QStringLiteral("eval"));
    r = sparsenas({QStringLiteral("evaluate"), bad, QStringLiteral("-o"), out});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("bad-genotype.txt:2:56: node 2 takes input 2")),
             qPrintable(r.describe()));
    QVERIFY(!QFileInfo::exists(out));
    r = sparsenas({QStringLiteral("evaluate"), QStringLiteral("DARTS_V9")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("not a built-in genotype (DARTS_RNN_V1, "
                                           "DARTS_RNN_V2, DARTS_V1, DARTS_V2, ENAS_RNN)")),
             qPrintable(r.describe()));

    // A short evaluation of a published cell, two seeds, then the comparison in three formats.
    r = sparsenas({QStringLiteral("evaluate"), QStringLiteral("DARTS_V1"), QStringLiteral("-o"),
                   out, QStringLiteral("--seeds"), QStringLiteral("2"), QStringLiteral("-q"),
                   QStringLiteral("--set"), QStringLiteral("space.channels=4"),
                   QStringLiteral("--set"), QStringLiteral("space.layers=3"),
                   QStringLiteral("--set"), QStringLiteral("search.epochs=1"),
                   QStringLiteral("--set"), QStringLiteral("dataset.limit=400")},
                  300000);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/seed-0/evaluation.json")));
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/seed-1/evaluation.json")));
    QVERIFY2(r.out.contains(QStringLiteral("(2 seeds)")), qPrintable(r.out));
    const QString csv = m_tmp.filePath(QStringLiteral("table.csv"));
    const QString tex = m_tmp.filePath(QStringLiteral("table.tex"));
    r = sparsenas(
        {QStringLiteral("compare"), out, QStringLiteral("-o"), csv, QStringLiteral("-o"), tex});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains(QStringLiteral("DARTS_V1")), qPrintable(r.out));
    QFile table(csv);
    QVERIFY(table.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(table.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].startsWith(QStringLiteral("genotype,source,dataset,channels,layers")));
    QVERIFY2(lines[1].startsWith(QStringLiteral("DARTS_V1,DARTS_V1,digits,4,3,4/4,8/8,")),
             qPrintable(lines[1]));
    // Numbers as their shortest round-trip decimals (a 17-digit 1.3222339999999999 was written
    // for 1.322234), as pandas and a person read them back.
    const QStringList fields = lines[1].split(QLatin1Char(','));
    for (int k : {7, 8, 12, 13, 14}) {
        bool ok = false;
        const double v = fields.value(k).toDouble(&ok);
        QVERIFY2(ok, qPrintable(lines[1]));
        QCOMPARE(fields[k], QString::number(v, 'g', QLocale::FloatingPointShortest));
    }
    QVERIFY(QFileInfo::exists(tex));
    r = sparsenas({QStringLiteral("compare"), out, QStringLiteral("-o"),
                   m_tmp.filePath(QStringLiteral("table.xls"))});
    QCOMPARE(r.code, 2); // a usage error, as export's unknown extension
    QVERIFY2(r.err.contains(QStringLiteral("use .csv, .md or .tex")), qPrintable(r.describe()));
    r = sparsenas(
        {QStringLiteral("compare"), m_tmp.filePath(QStringLiteral("eval/seed-0/checkpoints"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("holds no evaluation")), qPrintable(r.describe()));
}

void tst_Cli::searchEndToEnd()
{
    const QString run = tmp(QStringLiteral("run"));
    QElapsedTimer timer;
    timer.start();
    // The preset as shipped (no --set), so this guards what users get.
    const Result r = sparsenas({QStringLiteral("search"), QStringLiteral("--preset"),
                                QStringLiteral("digits-quick"), QStringLiteral("--out"), run,
                                QStringLiteral("-q")},
                               600000);
    qInfo("digits-quick search took %.1f s", double(timer.elapsed()) / 1000.0);
    QVERIFY2(r.started && !r.timedOut && !r.crashed, qPrintable(r.describe()));
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(stateOf(run), QStringLiteral("finished"));

    for (const char *name : {"config.json", "metrics.jsonl", "metrics.csv", "snapshots.jsonl",
                             "genotype.json", "genotype.dot", "genotype.svg", "genotype.pdf",
                             "genotype.png", "checkpoints/latest.json"}) {
        const QFileInfo f(run + QLatin1Char('/') + QLatin1String(name));
        QVERIFY2(f.isFile() && f.size() > 0,
                 qPrintable(QStringLiteral("missing or empty: ") + f.filePath()));
    }

    // The derived genotype: per cell type some paths (edge, op) are gone; some cell lost a
    // whole node. (A whole edge need not die in every cell type within the preset's epochs:
    // the reduction cell keeps more paths than the normal cell.)
    Genotype g;
    try {
        g = readGenotype(run + QStringLiteral("/genotype.json"));
    } catch (const std::exception &e) {
        QFAIL(e.what());
    }
    QCOMPARE(g.cells.size(), size_t(2));
    bool someNodeRemoved = false;
    std::set<std::string> types;
    const int opsButNone = 7; // the preset searches the 8 DARTS operations
    for (const CellGenotype &c : g.cells) {
        types.insert(c.type);
        QVERIFY2(int(c.edges.size()) < numEdges(c.nodes) * opsButNone,
                 qPrintable(QStringLiteral("%1 cell: all %2 paths survive")
                                .arg(QString::fromStdString(c.type))
                                .arg(numEdges(c.nodes) * opsButNone)));
        if (int(c.aliveNodes.size()) < c.nodes)
            someNodeRemoved = true;
    }
    QVERIFY(types == (std::set<std::string>{"normal", "reduce"}));
    QVERIFY2(someNodeRemoved, "every cell kept all its intermediate nodes");

    // The last architecture snapshot holds exact zeros (the prox step's sparse iterate), and
    // its own count of non-zero weights agrees.
    const auto snapshots = jsonLines(run + QStringLiteral("/snapshots.jsonl"));
    QVERIFY(!snapshots.empty());
    const json &last = snapshots.back();
    QVERIFY2(last.is_object() && last.contains("cells"), "last snapshot line is damaged");
    int zeros = 0;
    for (const json &cell : last["cells"]) {
        const auto ops = cell.at("ops").get<std::vector<std::string>>();
        int cellZeros = 0, cellTotal = 0;
        for (const json &row : cell.at("weights")) {
            for (size_t o = 0; o < ops.size(); ++o) {
                if (ops[o] == "none")
                    continue;
                ++cellTotal;
                if (row.at(o).get<double>() == 0.0)
                    ++cellZeros;
            }
        }
        QCOMPARE(cell.at("total_weights").get<int>(), cellTotal);
        QCOMPARE(cell.at("nonzero_weights").get<int>(), cellTotal - cellZeros);
        zeros += cellZeros;
    }
    QVERIFY2(zeros > 0, "no exact zeros among the architecture weights");

    // Accuracy: chance on 10 digit classes is 0.10. The digits-quick supernet, trained on about
    // 900 8x8 images, ends well above 0.8 when the search works; 0.6 leaves margin for seeds,
    // BLAS and preset tuning, yet fails a search whose weights or data are broken (those stay
    // near chance) or whose sparsity cut away the whole cell.
    const auto epochs = linesOfType(jsonLines(run + QStringLiteral("/metrics.jsonl")), "epoch");
    QVERIFY(!epochs.empty());
    const double valAcc = epochs.back().at("val_acc").get<double>();
    qInfo("final validation accuracy %.3f after %d epochs", valAcc, int(epochs.size()));
    QVERIFY2(valAcc > 0.6, qPrintable(QStringLiteral("val_acc %1").arg(valAcc)));
    // metrics.csv: a header and one row per epoch.
    const QList<QByteArray> csv =
        readAll(run + QStringLiteral("/metrics.csv")).trimmed().split('\n');
    QCOMPARE(csv.size(), qsizetype(epochs.size()) + 1);
    QVERIFY(csv.front().startsWith("epoch,"));

    // The rendered diagrams.
    const QString svg = svgProblem(run + QStringLiteral("/genotype.svg"));
    QVERIFY2(svg.isEmpty(), qPrintable(svg));
    QVERIFY(readAll(run + QStringLiteral("/genotype.pdf")).startsWith("%PDF-"));
    QVERIFY(readAll(run + QStringLiteral("/genotype.png")).startsWith("\x89PNG\r\n\x1a\n"));
    QVERIFY(readAll(run + QStringLiteral("/genotype.dot")).contains("digraph"));

    m_run = run;
}

void tst_Cli::deriveMatchesGenotype()
{
    if (m_run.isEmpty())
        QSKIP("needs the run of searchEndToEnd");
    const Result r = sparsenas({QStringLiteral("derive"), m_run});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    Genotype derived, saved;
    try {
        derived = genotypeFromJson(json::parse(r.out.toStdString()));
        saved = readGenotype(m_run + QStringLiteral("/genotype.json"));
    } catch (const std::exception &e) {
        QFAIL(qPrintable(QString::fromUtf8(e.what()) + QLatin1Char('\n') + r.describe()));
    }
    const QString diff = genotypeDifference(derived, saved);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // -o writes the same JSON to a file.
    const QString out = tmp(QStringLiteral("derived.json"));
    const Result f = sparsenas({QStringLiteral("derive"), m_run, QStringLiteral("-o"), out});
    QVERIFY2(f.code == 0, qPrintable(f.describe()));
    QCOMPARE(QString::fromUtf8(readAll(out)), r.out);
}

void tst_Cli::deriveSummaryFitsTheScreen()
{
    // Early in a search every path survives (56 a cell here, 98 with DARTS's 8 ops): the
    // summary lists each cell's strongest paths and counts the rest, rather than scrolling
    // everything above it off the screen. The JSON keeps every path.
    const Result r =
        sparsenas({QStringLiteral("derive"), tmp(QStringLiteral("dense-weights.json"))});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    const Genotype g = genotypeFromJson(json::parse(r.out.toStdString()));
    QCOMPARE(g.cell("normal")->edges.size(), size_t(56));
    QVERIFY2(r.err.contains(QStringLiteral("normal cell: 4 of 4 nodes (0, 1, 2, 3), 56 paths\n")),
             qPrintable(r.err));
    QVERIFY2(r.err.count(QStringLiteral("... and 44 weaker paths")) == 2, qPrintable(r.err));
    QVERIFY2(r.err.count(QStringLiteral(" -> ")) == 2 * 12, qPrintable(r.err));
    // The strongest paths are the ones listed, with their sign: -0.37 (weight 36, op
    // max_pool_3x3) and +0.35 (weight 34), not +0.01 (weight 37).
    QVERIFY2(r.err.contains(QStringLiteral(" -0.37\n")) &&
                 r.err.contains(QStringLiteral(" +0.35\n")) &&
                 !r.err.contains(QStringLiteral(" +0.01\n")),
             qPrintable(r.err));
}

void tst_Cli::exportWritesFiles()
{
    if (m_run.isEmpty())
        QSKIP("needs the run of searchEndToEnd");
    const QString dir = tmp(QStringLiteral("export"));
    QVERIFY(QDir().mkpath(dir));
    const QString svg = dir + QStringLiteral("/x.svg");
    const QString dot = dir + QStringLiteral("/x.dot");
    const QString js = dir + QStringLiteral("/x.json");
    const QString o = QStringLiteral("-o");
    const Result r = sparsenas({QStringLiteral("export"), m_run, o, svg, o, dot, o, js});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));

    const QString svgWrong = svgProblem(svg);
    QVERIFY2(svgWrong.isEmpty(), qPrintable(svgWrong));
    QVERIFY(readAll(dot).contains("digraph"));
    Genotype exported, saved;
    try {
        exported = readGenotype(js);
        saved = readGenotype(m_run + QStringLiteral("/genotype.json"));
    } catch (const std::exception &e) {
        QFAIL(e.what());
    }
    const QString diff = genotypeDifference(exported, saved);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(listing(dir), (QStringList{QStringLiteral("x.dot"), QStringLiteral("x.json"),
                                        QStringLiteral("x.svg")}));
}

namespace {

/// python3 of the system, or empty (the checks that need it skip).
QString python()
{
    for (const QString &p : {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
        const QString found = p.startsWith(QLatin1Char('/')) && QFileInfo(p).isExecutable()
                                  ? p
                                  : QStandardPaths::findExecutable(p);
        if (!found.isEmpty())
            return found;
    }
    return {};
}

/// A search of a few seconds: 384 digits, 3 cells of 2 nodes, 6 steps an epoch, 3 epochs, a
/// checkpoint at every epoch end (steps 6, 12, 18), the two newest kept.
const char *kTinyConfig = R"({
  "dataset": {"name": "digits", "limit": 384},
  "space": {"channels": 4, "layers": 3, "nodes": 2,
            "ops": ["none", "max_pool_3x3", "skip_connect", "sep_conv_3x3"]},
  "arch": {"optimizer": "adam_hapg", "lr": 0.01, "lambda_step": 0.1},
  "search": {"epochs": 3, "batch_size": 32, "seed": 5, "threads": 1, "on_collapse": "continue"},
  "checkpoint": {"keep": 2}
})";

const QString kTextCheck = QStringLiteral(SPARSENAS_SOURCE_DIR "/tests/cli/textcheck.py");

/// `text` evaluated by textcheck.py as DARTS code would (dialect "darts" or "ptdarts"): the
/// cells as one list of [op, input] per node, or the checker's complaint in *problem.
json checkedByPython(const QString &text, const QString &dialect, QString *problem)
{
    QProcess p;
    p.start(python(), {kTextCheck, QStringLiteral("genotype"), dialect});
    p.write(text.toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        *problem = QString::fromUtf8(p.readAllStandardError()) + QStringLiteral(" in:\n") + text;
        return {};
    }
    return json::parse(p.readAllStandardOutput().toStdString());
}

/// What a DARTS-family text of `cell` must say, worked out here from genotype.json's record:
/// the surviving nodes renumbered 2, 3, ... in ascending order, each node's inputs sorted by
/// source.
json expectedNodes(const CellGenotype &cell)
{
    std::map<int, int> number{{0, 0}, {1, 1}};
    for (size_t k = 0; k < cell.aliveNodes.size(); ++k)
        number[cell.aliveNodes[k]] = int(k) + 2;
    json nodes = json::array();
    for (int node : cell.aliveNodes) {
        std::vector<std::pair<int, std::string>> in;
        for (const GenotypeEdge &e : cell.edges) {
            if (e.target == node)
                in.emplace_back(number.at(e.source), e.op);
        }
        std::stable_sort(in.begin(), in.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        json genes = json::array();
        for (const auto &[source, op] : in)
            genes.push_back({op, source});
        nodes.push_back(genes);
    }
    return nodes;
}

json expectedConcat(const CellGenotype &cell)
{
    json concat = json::array();
    for (int node : cell.concat) {
        const auto it = std::find(cell.aliveNodes.begin(), cell.aliveNodes.end(), node);
        concat.push_back(int(it - cell.aliveNodes.begin()) + 2);
    }
    return concat;
}

/// `spec`: "s-t op weight" per path, DARTS node numbers.
CellWeights cellOf(const std::string &type, int nodes, const std::vector<std::string> &ops,
                   const std::vector<std::string> &spec)
{
    CellWeights w;
    w.type = type;
    w.nodes = nodes;
    w.ops = ops;
    w.weights.assign(size_t(numEdges(nodes)) * ops.size(), 0.0f);
    for (const std::string &p : spec) {
        int s = 0, t = 0;
        char op[32] = {};
        float v = 0;
        if (std::sscanf(p.c_str(), "%d-%d %31s %f", &s, &t, op, &v) != 4)
            qFatal("bad path spec %s", p.c_str());
        const auto o = std::find(ops.begin(), ops.end(), std::string(op)) - ops.begin();
        w.weights[size_t(firstEdgeOf(t) + s) * ops.size() + size_t(o)] = v;
    }
    return w;
}

} // namespace

void tst_Cli::exportTextsOtherCodeLoads()
{
    if (python().isEmpty())
        QSKIP("needs python3 to evaluate the texts");
    // A genotype whose reduction cell lost node 3 (DARTS numbers), and whose paths have both
    // signs: DARTS's text leaves node 3 out and renumbers 4, 5 to 3, 4 in genes and concat.
    const std::vector<std::string> ops = {"none", "max_pool_3x3", "skip_connect", "sep_conv_3x3"};
    const Genotype g = deriveGenotype(
        {cellOf("normal", 4, ops,
                {"0-2 sep_conv_3x3 0.5", "1-2 sep_conv_3x3 0.4", "1-3 skip_connect 0.3",
                 "0-3 max_pool_3x3 -0.2", "2-4 sep_conv_3x3 0.6", "3-4 skip_connect 0.1",
                 "3-5 max_pool_3x3 0.7", "4-5 skip_connect 0.8"}),
         cellOf("reduce", 4, ops,
                {"0-2 max_pool_3x3 0.5", "1-2 max_pool_3x3 0.5", "0-4 max_pool_3x3 0.3",
                 "2-4 skip_connect -0.6", "4-5 skip_connect 0.2", "1-5 max_pool_3x3 0.2"})});
    QCOMPARE(g.cell("reduce")->aliveNodes, (std::vector<int>{2, 4, 5}));
    const QString file = tmp(QStringLiteral("pruned-genotype.json"));
    QVERIFY(writeAll(file, QByteArray::fromStdString(toJson(g).dump(2))));
    const json reduceNodes = json::parse(R"([[["max_pool_3x3", 0], ["max_pool_3x3", 1]],
        [["max_pool_3x3", 0], ["skip_connect", 2]], [["max_pool_3x3", 1], ["skip_connect", 3]]])");

    for (const QString &dialect : {QStringLiteral("darts"), QStringLiteral("ptdarts")}) {
        const Result r = sparsenas({QStringLiteral("export"), file, QStringLiteral("--format"),
                                    dialect, QStringLiteral("-o"), QStringLiteral("-")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QString problem;
        const json cells = checkedByPython(r.out, dialect, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(cells.at("reduce").dump(), reduceNodes.dump());
        QCOMPARE(cells.at("reduce_concat").dump(), std::string("[2,3,4]"));
        QCOMPARE(cells.at("normal").dump(), expectedNodes(*g.cell("normal")).dump());
        QCOMPARE(cells.at("normal_concat").dump(), std::string("[2,3,4,5]"));
    }

    // The sign stays where a number is written: JSON, the DOT labels, the CLI summary.
    const Result dot =
        sparsenas({QStringLiteral("export"), file, QStringLiteral("--format"),
                   QStringLiteral("dot"), QStringLiteral("-o"), QStringLiteral("-")});
    QVERIFY2(dot.code == 0 && dot.out.startsWith(QStringLiteral("digraph")),
             qPrintable(dot.describe()));
    QVERIFY2(dot.out.contains(QStringLiteral("-0.60")), qPrintable(dot.out));
    QVERIFY2(dot.out.contains(QStringLiteral("-0.20")), qPrintable(dot.out));
    const Result js =
        sparsenas({QStringLiteral("export"), file, QStringLiteral("--format"),
                   QStringLiteral("json"), QStringLiteral("-o"), QStringLiteral("-")});
    QVERIFY2(js.code == 0, qPrintable(js.describe()));
    QVERIFY2(js.out.contains(QStringLiteral("\"weight\": -0.6")), qPrintable(js.out));

    // A mixed-path cell has no DARTS text: refused, naming the node in the shared numbering
    // and the way out, and nothing is written.
    if (!m_run.isEmpty()) {
        const Genotype run = readGenotype(m_run + QStringLiteral("/genotype.json"));
        const QString txt = tmp(QStringLiteral("mixed.txt"));
        const Result d = sparsenas({QStringLiteral("export"), m_run, QStringLiteral("-o"), txt});
        if (!QFileInfo::exists(m_run + QStringLiteral("/genotype_darts.txt"))) {
            QVERIFY2(d.code == 1 && d.err.contains(QStringLiteral("--format ptdarts")) &&
                         d.err.contains(QStringLiteral(" paths in")),
                     qPrintable(d.describe()));
            QVERIFY(!QFileInfo::exists(txt));
        }
        // pt.darts's text of the run loads, and says what genotype.json says.
        const Result pt =
            sparsenas({QStringLiteral("export"), m_run, QStringLiteral("--format"),
                       QStringLiteral("ptdarts"), QStringLiteral("-o"), QStringLiteral("-")});
        QVERIFY2(pt.code == 0, qPrintable(pt.describe()));
        QString problem;
        const json cells = checkedByPython(pt.out, QStringLiteral("ptdarts"), &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const char *type : {"normal", "reduce"}) {
            QCOMPARE(cells.at(type).dump(), expectedNodes(*run.cell(type)).dump());
            QCOMPARE(cells.at(std::string(type) + "_concat").dump(),
                     expectedConcat(*run.cell(type)).dump());
        }
        QCOMPARE(pt.out.toUtf8(), readAll(m_run + QStringLiteral("/genotype_ptdarts.txt")));
    }
}

void tst_Cli::topKIsDartsReading()
{
    if (m_run.isEmpty())
        QSKIP("needs the run of searchEndToEnd");
    // The reading worked out here from the last snapshot line, as DARTS ranks its softmax
    // weights: per edge the op of largest |A| (not none, not zero), per node the K edges of
    // largest such |A|; then the usual derivation.
    const json last = jsonLines(m_run + QStringLiteral("/snapshots.jsonl")).back();
    // The first line names every row's edge, once per run.
    const json first = jsonLines(m_run + QStringLiteral("/snapshots.jsonl")).front();
    for (const json &cell : first.at("cells")) {
        const int n = cell.at("nodes").get<int>();
        QCOMPARE(cell.at("edge_ends").size(), size_t(numEdges(n)));
        QCOMPARE(cell.at("edge_ends").at(2).dump(), std::string("[0,3]"));
        QCOMPARE(cell.at("edge_names").at(4).get<std::string>(), std::string("0 -> 1"));
    }
    QVERIFY(!last.at("cells").at(0).contains("edge_ends"));
    for (int k : {1, 2}) {
        std::vector<CellWeights> cells;
        for (const json &c : last.at("cells")) {
            CellWeights w;
            w.type = c.at("type").get<std::string>();
            w.nodes = c.at("nodes").get<int>();
            w.ops = c.at("ops").get<std::vector<std::string>>();
            const auto rows = c.at("weights").get<std::vector<std::vector<float>>>();
            CellWeights kept = w;
            kept.weights.assign(rows.size() * w.ops.size(), 0.0f);
            for (int t = 2; t < w.nodes + 2; ++t) {
                std::vector<std::pair<float, int>> edges; // (|A|, flat index)
                for (int s = 0; s < t; ++s) {
                    const auto &row = rows[size_t(firstEdgeOf(t) + s)];
                    int bestOp = -1;
                    for (size_t o = 0; o < row.size(); ++o) {
                        if (w.ops[o] != "none" && row[o] != 0.0f &&
                            (bestOp < 0 || std::fabs(row[o]) > std::fabs(row[size_t(bestOp)])))
                            bestOp = int(o);
                    }
                    if (bestOp >= 0)
                        edges.emplace_back(std::fabs(row[size_t(bestOp)]),
                                           (firstEdgeOf(t) + s) * int(w.ops.size()) + bestOp);
                }
                std::stable_sort(edges.begin(), edges.end(),
                                 [](const auto &a, const auto &b) { return a.first > b.first; });
                for (size_t i = 0; i < edges.size() && i < size_t(k); ++i) {
                    const int at = edges[i].second;
                    kept.weights[size_t(at)] =
                        rows[size_t(at) / w.ops.size()][size_t(at) % w.ops.size()];
                }
            }
            cells.push_back(kept);
        }
        const Genotype expected = deriveGenotype(cells);
        const Result r = sparsenas(
            {QStringLiteral("derive"), m_run, QStringLiteral("--top-k"), QString::number(k)});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        const Genotype got = genotypeFromJson(json::parse(r.out.toStdString()));
        const QString diff = genotypeDifference(got, expected);
        QVERIFY2(diff.isEmpty(), qPrintable(diff + QLatin1Char('\n') + r.describe()));
        for (const CellGenotype &c : got.cells) {
            for (int node : c.aliveNodes) {
                std::set<int> sources;
                int paths = 0;
                for (const GenotypeEdge &e : c.edges) {
                    if (e.target == node) {
                        ++paths;
                        sources.insert(e.source);
                    }
                }
                QVERIFY(paths <= k && int(sources.size()) == paths); // one op per edge
            }
        }
        // export --top-k reads the same A.
        const Result e =
            sparsenas({QStringLiteral("export"), m_run, QStringLiteral("--top-k"),
                       QString::number(k), QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("-o"), QStringLiteral("-")});
        QVERIFY2(e.code == 0, qPrintable(e.describe()));
        QCOMPARE(e.out, r.out);
    }
}

void tst_Cli::progressLineFitsTheTerminal()
{
    if (python().isEmpty())
        QSKIP("needs python3 for a pseudo-terminal");
    const QString config = tmp(QStringLiteral("tiny-progress.json"));
    QVERIFY(writeAll(config, kTinyConfig));
    // On an 80-column terminal (and a 79-column one, where this run's live line would be the
    // widest it can be): the live line is redrawn in place and no line reaches the last column
    // (which would wrap); on a dumb terminal and on a pipe, no control sequences.
    struct Case
    {
        QString term;
        int columns;
        bool redraws;
    };
    for (const Case &c :
         {Case{QStringLiteral("xterm"), 80, true}, Case{QStringLiteral("xterm"), 79, true},
          Case{QStringLiteral("dumb"), 80, false}}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CHECK_TERM"), c.term);
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_tmp.path());
        p.start(python(),
                {kTextCheck, QStringLiteral("pty"), QString::number(c.columns), m_bin,
                 QStringLiteral("search"), QStringLiteral("-c"), config, QStringLiteral("--out"),
                 tmp(QStringLiteral("progress-%1-%2").arg(c.term).arg(c.columns))});
        QVERIFY(p.waitForFinished(300000));
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(p.exitCode() == 0, (out + p.readAllStandardError()).constData());
        const json j = json::parse(out.toStdString());
        QCOMPARE(j.at("code").get<int>(), 0);
        QVERIFY2(j.at("progress_lines").get<int>() >= 3, out.constData()); // an epoch each
        QVERIFY2(j.at("widest").get<int>() <= c.columns - 1, out.constData());
        QCOMPARE(j.at("redraws").get<int>() > 0, c.redraws);
        // The cursor waits after the live line, where the terminal echoes Ctrl-C as "^C": that
        // fits only in a line three columns short (or the "C" wraps onto a line of its own,
        // which the next redraw clears, and the line is left ending in "^").
        if (c.redraws) {
            QVERIFY2(j.at("widest_live").get<int>() > 40, out.constData());
            QVERIFY2(j.at("widest_live").get<int>() <= c.columns - 3, out.constData());
        }
    }
    const Result piped = sparsenas({QStringLiteral("search"), QStringLiteral("-c"), config,
                                    QStringLiteral("--out"), tmp(QStringLiteral("progress-pipe"))});
    QVERIFY2(piped.code == 0, qPrintable(piped.describe()));
    QVERIFY2(!piped.err.contains(QLatin1Char('\033')) && !piped.err.contains(QLatin1Char('\r')),
             qPrintable(piped.describe()));
    QVERIFY2(piped.err.contains(QStringLiteral("epoch   1  lambda")), qPrintable(piped.describe()));
}

void tst_Cli::failedRunKeepsItsTable()
{
    // Epoch 1 runs at lambda 0; epoch 2 at lambda 2 prunes every weight, and the run stops as
    // collapsed. metrics.csv keeps the epoch that finished, numbered 1 as the console said.
    const QString config = tmp(QStringLiteral("tiny-collapse.json"));
    QVERIFY(writeAll(config, kTinyConfig));
    const QString run = tmp(QStringLiteral("collapsed"));
    const Result r =
        sparsenas({QStringLiteral("search"), QStringLiteral("-c"), config, QStringLiteral("--out"),
                   run, QStringLiteral("--set"), QStringLiteral("search.on_collapse=stop"),
                   QStringLiteral("--set"), QStringLiteral("arch.lambda_step=2"),
                   QStringLiteral("--set"), QStringLiteral("arch.lambda_max=2")});
    QVERIFY2(r.code == 1 && r.err.contains(QStringLiteral("collapsed")), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QStringLiteral("epoch   1")), qPrintable(r.describe()));
    const QList<QByteArray> csv =
        readAll(run + QStringLiteral("/metrics.csv")).trimmed().split('\n');
    QCOMPARE(csv.size(), qsizetype(2));
    QVERIFY(csv[0].startsWith("epoch,step,"));
    QVERIFY2(csv[1].startsWith("1,6,0,"), csv[1].constData());

    // Failing in its first epoch, a run still has the table, header only.
    const QString first = tmp(QStringLiteral("collapsed-first"));
    const Result f =
        sparsenas({QStringLiteral("search"), QStringLiteral("-c"), config, QStringLiteral("--out"),
                   first, QStringLiteral("--set"), QStringLiteral("search.on_collapse=stop"),
                   QStringLiteral("--set"), QStringLiteral("arch.lambda_start=2"),
                   QStringLiteral("--set"), QStringLiteral("arch.lambda_max=2")});
    QVERIFY2(f.code == 1, qPrintable(f.describe()));
    const QByteArray header = readAll(first + QStringLiteral("/metrics.csv"));
    QVERIFY2(header.startsWith("epoch,step,") && header.count('\n') == 1, header.constData());
}

void tst_Cli::sweepRunsResumesAndSummarizes()
{
    const QString config = tmp(QStringLiteral("tiny-sweep.json"));
    QVERIFY(writeAll(config, kTinyConfig));
    const QString dir = tmp(QStringLiteral("sweep"));
    const QStringList args = {QStringLiteral("sweep"),
                              QStringLiteral("-c"),
                              config,
                              QStringLiteral("--grid"),
                              QStringLiteral("arch.alpha=0.3,0.7"),
                              QStringLiteral("-o"),
                              dir,
                              QStringLiteral("-j"),
                              QStringLiteral("2")};
    const QString point = dir + QStringLiteral("/1-alpha=0.3");

    // Every worker is killed (kill -9 of itself) at step 9 of 18: the sweep says so.
    const Result killed = sparsenas(args, 300000, QStringLiteral("step:9"));
    QVERIFY2(killed.code == 1 && killed.err.contains(QStringLiteral("did not finish")),
             qPrintable(killed.describe()));
    QVERIFY2(killed.err.contains(QStringLiteral("killed by signal 9")),
             qPrintable(killed.describe()));

    // The same command continues both from their checkpoints, and the result is what one
    // uninterrupted search of the point's configuration gives.
    const Result resumed = sparsenas(args, 300000);
    QVERIFY2(resumed.code == 0, qPrintable(resumed.describe()));
    QCOMPARE(resumed.err.count(QStringLiteral(": resumed")), 2);
    const QString plain = tmp(QStringLiteral("sweep-point-plain"));
    const Result single =
        sparsenas({QStringLiteral("search"), QStringLiteral("-c"),
                   dir + QStringLiteral("/configs/1-alpha=0.3.json"), QStringLiteral("--out"),
                   plain, QStringLiteral("-q"), QStringLiteral("--threads"), QStringLiteral("1")},
                  300000);
    QVERIFY2(single.code == 0, qPrintable(single.describe()));
    QCOMPARE(sparsenas::testing::comparableMetrics(point.toStdString()),
             sparsenas::testing::comparableMetrics(plain.toStdString()));
    QCOMPARE(readAll(point + QStringLiteral("/genotype.json")),
             readAll(plain + QStringLiteral("/genotype.json")));

    // Once more: nothing is run again.
    const QByteArray before = readAll(point + QStringLiteral("/metrics.jsonl"));
    const Result again = sparsenas(args, 300000);
    QVERIFY2(again.code == 0 && again.err.count(QStringLiteral("(done before)")) == 2 &&
                 !again.err.contains(QStringLiteral("started")),
             qPrintable(again.describe()));
    QCOMPARE(readAll(point + QStringLiteral("/metrics.jsonl")), before);

    // The parameter column without evaluations: the derived cell's network at the data set's
    // evaluation preset's size (digits-eval: C=16, 6 cells, 1 channel), as `params` counts it.
    const Result counted = sparsenas(
        {QStringLiteral("params"), point, QStringLiteral("--channels"), QStringLiteral("16"),
         QStringLiteral("--layers"), QStringLiteral("6"), QStringLiteral("--in-channels"),
         QStringLiteral("1"), QStringLiteral("--image"), QStringLiteral("8")});
    QVERIFY2(counted.code == 0, qPrintable(counted.describe()));
    const QRegularExpression paramsLine(QStringLiteral("parameters: ([0-9,]+)"));
    const auto paramsMatch = paramsLine.match(counted.out);
    QVERIFY2(paramsMatch.hasMatch(), qPrintable(counted.out));
    const double paramsM = paramsMatch.captured(1).remove(QLatin1Char(',')).toDouble() / 1e6;
    const auto summaryColumn = [&](const QString &column, int row) {
        const QList<QByteArray> lines =
            readAll(dir + QStringLiteral("/summary.csv")).trimmed().split('\n');
        const int at = int(lines[0].split(',').indexOf(column.toUtf8()));
        return at < 0 || row >= lines.size() ? QString()
                                             : QString::fromUtf8(lines[row].split(',').value(at));
    };
    // The CSV keeps 6 significant digits.
    const auto sixDigits = [](double csv, double exact) {
        return std::abs(csv - exact) <= 5e-6 * std::abs(exact);
    };
    QVERIFY2(sixDigits(summaryColumn(QStringLiteral("params_M"), 1).toDouble(), paramsM),
             qPrintable(summaryColumn(QStringLiteral("params_M"), 1)));
    QVERIFY(paramsM > 0);
    QVERIFY(summaryColumn(QStringLiteral("test_acc"), 1).isEmpty());

    // With --evaluate, each derived cell is trained on its own (a small digits-eval here), the
    // searches are not run again, and the summary gets the test accuracy; once more, nothing.
    QStringList evaluated = args;
    evaluated << QStringLiteral("--evaluate") << QStringLiteral("digits-eval")
              << QStringLiteral("--evaluate-set") << QStringLiteral("search.epochs=1")
              << QStringLiteral("--evaluate-set") << QStringLiteral("space.channels=4")
              << QStringLiteral("--evaluate-set") << QStringLiteral("space.layers=3");
    const Result withEval = sparsenas(evaluated, 300000);
    QVERIFY2(withEval.code == 0 && withEval.err.count(QStringLiteral("evaluation started")) == 2 &&
                 !withEval.err.contains(QStringLiteral(": started")),
             qPrintable(withEval.describe()));
    QCOMPARE(readAll(point + QStringLiteral("/metrics.jsonl")), before);
    const json evaluation =
        json::parse(readAll(point + QStringLiteral("/evaluation/evaluation.json")).toStdString());
    QCOMPARE(evaluation["finished"].get<bool>(), true);
    QVERIFY(sixDigits(summaryColumn(QStringLiteral("test_acc"), 1).toDouble(),
                      evaluation["test_acc"].get<double>()));
    QVERIFY(sixDigits(summaryColumn(QStringLiteral("params_M"), 1).toDouble(),
                      evaluation["parameters"].get<double>() / 1e6));
    const Result evalAgain = sparsenas(evaluated, 300000);
    QVERIFY2(evalAgain.code == 0 && !evalAgain.err.contains(QStringLiteral("started")),
             qPrintable(evalAgain.describe()));
    QStringList notEval = args;
    notEval << QStringLiteral("--evaluate") << QStringLiteral("digits-quick");
    const Result refusedEval = sparsenas(notEval);
    QVERIFY2(refusedEval.code == 2 &&
                 refusedEval.err.contains(QStringLiteral("not an evaluation preset")),
             qPrintable(refusedEval.describe()));

    // The summary, as pandas would read it: a header and one finished row per point.
    const QList<QByteArray> csv =
        readAll(dir + QStringLiteral("/summary.csv")).trimmed().split('\n');
    QCOMPARE(csv.size(), qsizetype(3));
    QVERIFY(csv[0].startsWith("point,arch.alpha,state,epochs_done,val_acc,"));
    QVERIFY2(csv[1].startsWith("1-alpha=0.3,0.3,finished,3,"), csv[1].constData());
    QVERIFY2(csv[2].startsWith("2-alpha=0.7,0.7,finished,3,"), csv[2].constData());
    const QString svgWrong = svgProblem(dir + QStringLiteral("/curves.svg"));
    QVERIFY2(svgWrong.isEmpty(), qPrintable(svgWrong));

    // Another grid in the same folder is refused, and a bad value before anything runs.
    QStringList other = args;
    other[4] = QStringLiteral("arch.alpha=0.3,0.5");
    const Result refused = sparsenas(other);
    QVERIFY2(refused.code == 2 && refused.err.contains(QStringLiteral("holds another sweep")),
             qPrintable(refused.describe()));
    QStringList bad = args;
    bad[4] = QStringLiteral("arch.alpha=0.3,5");
    bad[6] = tmp(QStringLiteral("sweep-bad"));
    const Result invalid = sparsenas(bad);
    QVERIFY2(invalid.code == 2 && invalid.err.contains(QStringLiteral("sweep point 2-alpha=5")) &&
                 invalid.err.contains(QStringLiteral("arch.alpha")),
             qPrintable(invalid.describe()));
    QVERIFY(!QFileInfo::exists(tmp(QStringLiteral("sweep-bad"))));
}

void tst_Cli::ablationWritesTableAndFigure()
{
    // 2 methods x 2 lambdas x 2 seeds, 5 epochs: 8 rows, and Fig. 3's four panels.
    const QString dir = tmp(QStringLiteral("ablation"));
    const Result r =
        sparsenas({QStringLiteral("ablation"), QStringLiteral("--methods"),
                   QStringLiteral("sgd/sgl,adam_hapg/lasso"), QStringLiteral("--lambdas"),
                   QStringLiteral("-3,-2.5,2"), QStringLiteral("--seeds"), QStringLiteral("2"),
                   QStringLiteral("--epochs"), QStringLiteral("5"), QStringLiteral("--threads"),
                   QStringLiteral("1"), QStringLiteral("-o"), dir},
                  300000);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    const QList<QByteArray> csv =
        readAll(dir + QStringLiteral("/ablation.csv")).trimmed().split('\n');
    QCOMPARE(csv.size(), qsizetype(9));
    QCOMPARE(csv[0], QByteArray("optimizer,penalty,log10_lambda,lambda,seed,val_acc,features,"
                                "neurons,element_sparsity,train_loss,seconds"));
    QVERIFY2(csv[1].startsWith("sgd,sgl,-3,0.001,0,"), csv[1].constData());
    QVERIFY2(csv[8].startsWith("adam_hapg,lasso,-2.5,0.00316228,1,"), csv[8].constData());
    for (qsizetype i = 1; i < csv.size(); ++i)
        QCOMPARE(csv[i].count(','), qsizetype(10));
    const QByteArray svg = readAll(dir + QStringLiteral("/fig3.svg"));
    QVERIFY2(svg.contains("width=\"1200pt\" height=\"230pt\""), svg.left(300).constData());
    QVERIFY(readAll(dir + QStringLiteral("/fig3.pdf")).startsWith("%PDF-"));
    // The table of means on standard output: a header and a row per method and lambda.
    QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 5);

    const Result bad = sparsenas({QStringLiteral("ablation"), QStringLiteral("--methods"),
                                  QStringLiteral("sgd/ridge"), QStringLiteral("-o"),
                                  tmp(QStringLiteral("ablation-bad"))});
    QVERIFY2(bad.code == 2 && bad.err.contains(QStringLiteral("'sgd/ridge'")),
             qPrintable(bad.describe()));
    const Result badLambdas = sparsenas({QStringLiteral("ablation"), QStringLiteral("--lambdas"),
                                         QStringLiteral("-3,-5,4"), QStringLiteral("-o"),
                                         tmp(QStringLiteral("ablation-bad"))});
    QVERIFY2(badLambdas.code == 2 && badLambdas.err.contains(QStringLiteral("--lambdas")),
             qPrintable(badLambdas.describe()));
    QVERIFY(!QFileInfo::exists(tmp(QStringLiteral("ablation-bad"))));

    // Ten runs: the counter is padded, so that the columns after it stay aligned.
    const Result ten = sparsenas(
        {QStringLiteral("ablation"), QStringLiteral("--methods"), QStringLiteral("sgd/sgl"),
         QStringLiteral("--lambdas"), QStringLiteral("-3,-2,10"), QStringLiteral("--seeds"),
         QStringLiteral("1"), QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("-o"),
         tmp(QStringLiteral("ablation-ten"))},
        300000);
    QVERIFY2(ten.code == 0, qPrintable(ten.describe()));
    QVERIFY2(ten.err.contains(QStringLiteral("\n[ 9/10] sgd/sgl ")) &&
                 ten.err.contains(QStringLiteral("\n[10/10] sgd/sgl ")),
             qPrintable(ten.describe()));
}

void tst_Cli::studioAnswersHelpAndVersionWithoutDisplay()
{
    const QString studio = QStringLiteral(SPARSENAS_BIN_DIR "/sparsenas-studio");
    if (!QFileInfo(studio).isExecutable())
        QSKIP("the studio is not built (SPARSENAS_BUILD_GUI=OFF)");
    // No display and no platform plugin chosen: it aborted with rc 134 before.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    const auto run = [&](const QStringList &args, QString *out) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(studio, args);
        p.waitForFinished(60000);
        *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    QString out;
    QCOMPARE(run({QStringLiteral("--version")}, &out), 0);
    QVERIFY2(out.startsWith(QStringLiteral("SparseNAS Studio 0.1.0 (LibTorch ")) &&
                 out.contains(QStringLiteral(" build)")),
             qPrintable(out));
    QCOMPARE(run({QStringLiteral("--help")}, &out), 0);
    QVERIFY2(out.contains(QStringLiteral("--open <DIR>")), qPrintable(out));
    QCOMPARE(run({QStringLiteral("--no-such-option")}, &out), 1);
    QVERIFY2(out.contains(QStringLiteral("Unknown option 'no-such-option'")), qPrintable(out));
}

void tst_Cli::interruptAndResume()
{
    const QString run = tmp(QStringLiteral("run2"));
    const QString latest = run + QStringLiteral("/checkpoints/latest.json");
    QElapsedTimer timer;
    timer.start();

    QProcess p;
    prepare(p, m_bin,
            {QStringLiteral("search"), QStringLiteral("--preset"), QStringLiteral("digits-quick"),
             QStringLiteral("--out"), run, QStringLiteral("--set"),
             QStringLiteral("search.epochs=3"), QStringLiteral("-q")},
            m_tmp.path());
    p.start();
    QVERIFY(p.waitForStarted(10000));

    // Wait for the first checkpoint (end of epoch 1), then interrupt as Ctrl-C does.
    while (!QFileInfo::exists(latest)) {
        if (p.waitForFinished(50)) {
            QFAIL(qPrintable(QStringLiteral("the search ended (code %1) before its first "
                                            "checkpoint:\n%2")
                                 .arg(p.exitCode())
                                 .arg(QString::fromUtf8(p.readAllStandardError()))));
        }
        if (timer.elapsed() > 240000) {
            p.kill();
            p.waitForFinished(5000);
            QFAIL("no checkpoint after 240 s");
        }
    }
    QCOMPARE(::kill(pid_t(p.processId()), SIGINT), 0);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(5000);
        QFAIL("the search did not stop within 120 s of SIGINT");
    }
    const QString stopErr = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitStatus() == QProcess::NormalExit, qPrintable(stopErr));
    QVERIFY2(p.exitCode() == 130,
             qPrintable(QStringLiteral("exit code %1\n%2").arg(p.exitCode()).arg(stopErr)));
    QCOMPARE(stateOf(run), QStringLiteral("stopped"));
    const json named = readJson(latest);
    QVERIFY(named.is_object() && named.contains("checkpoint"));
    QVERIFY2(QFileInfo::exists(run + QStringLiteral("/checkpoints/") +
                               QString::fromStdString(named["checkpoint"].get<std::string>())),
             "latest.json names a missing checkpoint");
    const auto epochsAtStop =
        linesOfType(jsonLines(run + QStringLiteral("/metrics.jsonl")), "epoch");
    QVERIFY2(!epochsAtStop.empty() && epochsAtStop.size() < 3,
             qPrintable(QStringLiteral("%1 epochs done at the stop").arg(epochsAtStop.size())));

    const Result r = sparsenas({QStringLiteral("resume"), run, QStringLiteral("-q")}, 300000);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(stateOf(run), QStringLiteral("finished"));

    // The resumed run reads as one run: three epochs (numbered from 1, as the console says),
    // steps 1..N once each, in order.
    const auto lines = jsonLines(run + QStringLiteral("/metrics.jsonl"));
    for (const json &l : lines)
        QVERIFY2(!l.is_discarded(), "a damaged line in metrics.jsonl");
    const auto epochs = linesOfType(lines, "epoch");
    QCOMPARE(epochs.size(), size_t(3));
    for (size_t e = 0; e < epochs.size(); ++e)
        QCOMPARE(epochs[e].at("epoch").get<int64_t>(), int64_t(e) + 1);
    const auto steps = linesOfType(lines, "step");
    QVERIFY(!steps.empty());
    for (size_t i = 0; i < steps.size(); ++i)
        QCOMPARE(steps[i].at("step").get<int64_t>(), int64_t(i + 1));
    QCOMPARE(epochs.back().at("step").get<int64_t>(), int64_t(steps.size()));
    QCOMPARE(jsonLines(run + QStringLiteral("/snapshots.jsonl")).size(), size_t(3));
    QVERIFY(QFileInfo::exists(run + QStringLiteral("/genotype.json")));
    qInfo("interrupt and resume took %.1f s", double(timer.elapsed()) / 1000.0);
}

void tst_Cli::resumeOfAFinishedRunChangesNothing()
{
    // A finished run, its last checkpoint intact: resume says so and how to train longer, and
    // leaves every file as it was (not even a log line); more epochs continue it.
    const QString config = tmp(QStringLiteral("tiny-finished.json"));
    QVERIFY(writeAll(config, kTinyConfig));
    const QString run = tmp(QStringLiteral("finished-run"));
    Result r = sparsenas({QStringLiteral("search"), QStringLiteral("-c"), config,
                          QStringLiteral("--out"), run, QStringLiteral("-q")},
                         300000);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    const auto before = fileStates(run);
    QVERIFY(before.count(QStringLiteral("log.txt")) && before.count(QStringLiteral("run.lock")));
    const QString said = QStringLiteral("%1: the run has already finished after 3 epochs; nothing "
                                        "to resume%2\nTo train it longer, give it more epochs:\n"
                                        "  sparsenas resume %1 --set search.epochs=6\n");
    for (const QStringList &extra :
         {QStringList{}, QStringList{QStringLiteral("-q")},
          QStringList{QStringLiteral("--set"), QStringLiteral("arch.lambda_step=0.05"),
                      QStringLiteral("--threads"), QStringLiteral("1")},
          QStringList{QStringLiteral("--set"), QStringLiteral("search.epochs=3")},
          QStringList{QStringLiteral("--set"), QStringLiteral("search.epochs=2")}}) {
        QThread::msleep(20); // a file written again would show a later time
        r = sparsenas(QStringList{QStringLiteral("resume"), run} + extra);
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        const bool settings = extra.size() > 1;
        QCOMPARE(r.err, said.arg(run, settings ? QStringLiteral(" (the settings given were not "
                                                                "written)")
                                               : QString()));
        QCOMPARE(r.out, QString());
        QVERIFY2(fileStates(run) == before, qPrintable(extra.join(QLatin1Char(' '))));
    }

    // An evaluation is trained longer the same way (its epochs are search.epochs too).
    const QString eval = tmp(QStringLiteral("finished-eval"));
    r = sparsenas({QStringLiteral("evaluate"), QStringLiteral("DARTS_V1"), QStringLiteral("-o"),
                   eval, QStringLiteral("-q"), QStringLiteral("--set"),
                   QStringLiteral("space.channels=4"), QStringLiteral("--set"),
                   QStringLiteral("space.layers=3"), QStringLiteral("--set"),
                   QStringLiteral("search.epochs=1"), QStringLiteral("--set"),
                   QStringLiteral("dataset.limit=200")},
                  300000);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    const auto evalBefore = fileStates(eval);
    QThread::msleep(20);
    r = sparsenas({QStringLiteral("resume"), eval});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(r.err, QStringLiteral("%1: the run has already finished after 1 epoch; nothing to "
                                   "resume\nTo train it longer, give it more epochs:\n  sparsenas "
                                   "resume %1 --set search.epochs=2\n")
                        .arg(eval));
    QVERIFY(fileStates(eval) == evalBefore);

    // More epochs: the run goes on from its last checkpoint to epoch 4, as one run.
    r = sparsenas({QStringLiteral("resume"), run, QStringLiteral("--set"),
                   QStringLiteral("search.epochs=4"), QStringLiteral("-q")},
                  300000);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(stateOf(run), QStringLiteral("finished"));
    const auto epochs = linesOfType(jsonLines(run + QStringLiteral("/metrics.jsonl")), "epoch");
    QCOMPARE(epochs.size(), size_t(4));
    QCOMPARE(epochs.back().at("step").get<int64_t>(), int64_t(24));
    QVERIFY(readAll(run + QStringLiteral("/log.txt")).contains("finished after 4 epochs"));
}

void tst_Cli::evaluationThatDivergesFailsAndSaysWhy()
{
    // DARTS_V1, C=4, 3 cells, 200 images (4 steps an epoch) at the largest learning rate
    // validation allows: its first loss is about 2.8 (chance on 10 classes), the second, after
    // one step, about 285; with search.divergence_factor 10 that is a jump past 10 x the first
    // loss. (Before, an evaluation watched only for a loss that was not finite: this one
    // finished with a training loss of 1680 and a test loss of 52854.)
    const QString run = tmp(QStringLiteral("diverged-eval"));
    const QStringList tiny = {QStringLiteral("--set"), QStringLiteral("space.channels=4"),
                              QStringLiteral("--set"), QStringLiteral("space.layers=3"),
                              QStringLiteral("--set"), QStringLiteral("dataset.limit=200"),
                              QStringLiteral("--set"), QStringLiteral("search.threads=1")};
    Result r = sparsenas(QStringList{QStringLiteral("evaluate"), QStringLiteral("DARTS_V1"),
                                     QStringLiteral("-o"), run, QStringLiteral("-q"),
                                     QStringLiteral("--set"), QStringLiteral("weights.lr=10"),
                                     QStringLiteral("--set"),
                                     QStringLiteral("search.divergence_factor=10")} +
                             tiny,
                         300000);
    QCOMPARE(r.code, 1);
    static const QRegularExpression said(QStringLiteral(
        "^sparsenas: error: (the training loss jumped to \\S+, more than 10 times its first "
        "loss, \\S+ \\(search\\.divergence_factor\\) in epoch 1 at step 2\\. The evaluation "
        "diverged before its first checkpoint: nothing was kept\\. To start it again with a "
        "lower learning rate \\(weights\\.lr is 10\\):\n  sparsenas resume (.+) --set "
        "weights\\.lr=1)\n$"));
    const auto m = said.match(r.err);
    QVERIFY2(m.hasMatch(), qPrintable(r.describe()));
    QCOMPARE(m.captured(2), run);
    QCOMPARE(r.out, QString());
    QCOMPARE(stateOf(run), QStringLiteral("failed"));
    const json status = readJson(run + QStringLiteral("/status.json"));
    QCOMPARE(QString::fromStdString(status.value("message", "")), m.captured(1));
    QVERIFY(!QFileInfo::exists(run + QStringLiteral("/evaluation.json")));
    QVERIFY(readAll(run + QStringLiteral("/log.txt")).contains("The evaluation diverged"));

    // With the default factor (100) the climb is caught too, at most a step later.
    const QString byDefault = tmp(QStringLiteral("diverged-eval-default"));
    r = sparsenas(QStringList{QStringLiteral("evaluate"), QStringLiteral("DARTS_V1"),
                              QStringLiteral("-o"), byDefault, QStringLiteral("-q"),
                              QStringLiteral("--set"), QStringLiteral("weights.lr=10")} +
                      tiny,
                  300000);
    QVERIFY2(r.code == 1 && r.err.contains(QStringLiteral(" in epoch 1 at step ")) &&
                 r.err.contains(QStringLiteral("The evaluation diverged")),
             qPrintable(r.describe()));
    QCOMPARE(stateOf(byDefault), QStringLiteral("failed"));

    // The failed run starts again from its first step with a learning rate that trains.
    r = sparsenas({QStringLiteral("resume"), run, QStringLiteral("-q"), QStringLiteral("--set"),
                   QStringLiteral("weights.lr=0.05"), QStringLiteral("--set"),
                   QStringLiteral("search.epochs=1")},
                  300000);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(stateOf(run), QStringLiteral("finished"));
}

void tst_Cli::resumeSaysWhichCheckpointItSkipped()
{
    // A finished tiny run (checkpoints at steps 12 and 18 kept) whose newest checkpoint is then
    // damaged: resume continues from the one before, and says so on the console, not only in
    // log.txt (the engine writes it there before the console is listening).
    const QString config = tmp(QStringLiteral("tiny-skip.json"));
    QVERIFY(writeAll(config, kTinyConfig));
    const QString run = tmp(QStringLiteral("skip-run"));
    const Result first = sparsenas({QStringLiteral("search"), QStringLiteral("-c"), config,
                                    QStringLiteral("--out"), run, QStringLiteral("-q")},
                                   300000);
    QVERIFY2(first.code == 0, qPrintable(first.describe()));
    const QString newest = run + QStringLiteral("/checkpoints/ckpt-000000018.pt");
    QVERIFY2(QFileInfo::exists(newest), qPrintable(listing(run).join(QLatin1Char(' '))));
    QByteArray bytes = readAll(newest);
    QVERIFY(writeAll(newest, bytes.left(bytes.size() / 2)));

    const Result r = sparsenas({QStringLiteral("resume"), run, QStringLiteral("-q")}, 300000);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QStringLiteral("warning: ")) &&
                 r.err.contains(QStringLiteral("ckpt-000000018.pt")) &&
                 r.err.contains(QStringLiteral("continuing from")) &&
                 r.err.contains(QStringLiteral("ckpt-000000012.pt")),
             qPrintable(r.describe()));
    QVERIFY2(readAll(run + QStringLiteral("/log.txt")).contains("continuing from"),
             readAll(run + QStringLiteral("/log.txt")).constData());
}

void tst_Cli::secondWriterRefusedAndDoubleInterruptSaysStopped()
{
    const QString run = tmp(QStringLiteral("run3"));
    const QString metrics = run + QStringLiteral("/metrics.jsonl");
    QProcess p;
    prepare(p, m_bin,
            {QStringLiteral("search"), QStringLiteral("--preset"), QStringLiteral("digits-quick"),
             QStringLiteral("--out"), run, QStringLiteral("--threads"), QStringLiteral("1"),
             QStringLiteral("-q")},
            m_tmp.path());
    p.start();
    QVERIFY(p.waitForStarted(10000));
    QElapsedTimer timer;
    timer.start();
    while (QFileInfo(metrics).size() == 0) {
        if (p.waitForFinished(50))
            QFAIL(qPrintable(QString::fromUtf8(p.readAllStandardError())));
        if (timer.elapsed() > 120000) {
            p.kill();
            p.waitForFinished(5000);
            QFAIL("no step after 120 s");
        }
    }
    // While it writes the directory, a resume is refused with exit code 3, naming the writer.
    const Result busy = sparsenas({QStringLiteral("resume"), run, QStringLiteral("-q")}, 60000);
    QVERIFY2(busy.code == 3, qPrintable(busy.describe()));
    QVERIFY2(busy.err.contains(QStringLiteral("process %1").arg(p.processId())) &&
                 busy.err.contains(QStringLiteral("sparsenas search")),
             qPrintable(busy.describe()));
    // Ctrl-C twice: the second quits at once, and status.json says so instead of "running".
    // Two signals sent back to back would merge into one pending SIGINT: the second goes once
    // the first was taken, while the stop waits for the step under way (hundreds of ms at one
    // thread).
    const pid_t pid = pid_t(p.processId());
    QCOMPARE(::kill(pid, SIGINT), 0);
    QThread::msleep(30);
    QVERIFY2(!p.waitForFinished(0), "the stop finished before the second Ctrl-C could be sent");
    QCOMPARE(::kill(pid, SIGINT), 0);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 130);
    QCOMPARE(stateOf(run), QStringLiteral("stopped"));
    const json status = readJson(run + QStringLiteral("/status.json"));
    QVERIFY2(status.value("message", "").find("second Ctrl-C") != std::string::npos,
             status.dump().c_str());
    QVERIFY(status.value("step", int64_t(-1)) >= 1);
    QVERIFY(!RunLock::holder(run.toStdString())); // the lock went with the process
    for (const QString &f : listing(run))
        QVERIFY2(!f.contains(QStringLiteral(".tmp.")), qPrintable(f));
}

namespace {

/// metrics.jsonl without events and wall-clock fields, which differ between two runs.
std::vector<json> comparableMetrics(const QString &run)
{
    return sparsenas::testing::comparableMetrics(run.toStdString());
}

} // namespace

void tst_Cli::killAtEveryMomentResumesExactly_data()
{
    QTest::addColumn<QString>("point"); // SPARSENAS_KILL_AT
    QTest::newRow("mid-epoch") << QStringLiteral("step:9");
    QTest::newRow("last step of an epoch") << QStringLiteral("step:12");
    QTest::newRow("checkpoint written, not renamed") << QStringLiteral("write:ckpt-000000012.pt");
    QTest::newRow("checkpoint renamed, latest.json not") << QStringLiteral("write:latest.json@2");
    QTest::newRow("latest.json renamed, old ones not pruned")
        << QStringLiteral("commit:ckpt-000000018.pt");
    QTest::newRow("status.json half") << QStringLiteral("write:status.json@3");
    QTest::newRow("before the final derivation") << QStringLiteral("finish");
    QTest::newRow("genotype.json written, not renamed") << QStringLiteral("write:genotype.json");
    QTest::newRow("genotype written, diagrams not") << QStringLiteral("diagrams");
}

void tst_Cli::killAtEveryMomentResumesExactly()
{
    // kill -9 at each kind of moment (the process kills itself at a named point), then
    // `resume`: metrics.jsonl (timings aside), snapshots.jsonl and genotype.json are the
    // uninterrupted run's, byte for byte, and nothing temporary is left.
    QFETCH(QString, point);
    const QString config = tmp(QStringLiteral("tiny.json"));
    const QString full = tmp(QStringLiteral("tiny-full"));
    if (!QFileInfo::exists(full)) {
        QVERIFY(writeAll(config, kTinyConfig));
        const Result r = sparsenas({QStringLiteral("search"), QStringLiteral("-c"), config,
                                    QStringLiteral("--out"), full, QStringLiteral("-q")},
                                   300000);
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
    }
    const QString run = tmp(QStringLiteral("tiny-kill-") +
                            QString(point).replace(QLatin1Char(':'), QLatin1Char('-')));
    const Result killed = sparsenas({QStringLiteral("search"), QStringLiteral("-c"), config,
                                     QStringLiteral("--out"), run, QStringLiteral("-q")},
                                    300000, point);
    QVERIFY2(killed.crashed, qPrintable(QStringLiteral("not killed at ") + point +
                                        QLatin1Char(' ') + killed.describe()));
    const Result resumed = sparsenas({QStringLiteral("resume"), run, QStringLiteral("-q")}, 300000);
    QVERIFY2(resumed.code == 0, qPrintable(resumed.describe()));

    const auto a = comparableMetrics(full), b = comparableMetrics(run);
    QCOMPARE(b.size(), a.size());
    for (size_t i = 0; i < a.size(); ++i)
        QCOMPARE(QString::fromStdString(b[i].dump()), QString::fromStdString(a[i].dump()));
    QCOMPARE(readAll(run + QStringLiteral("/snapshots.jsonl")),
             readAll(full + QStringLiteral("/snapshots.jsonl")));
    QCOMPARE(readAll(run + QStringLiteral("/genotype.json")),
             readAll(full + QStringLiteral("/genotype.json")));
    QVERIFY(QFileInfo::exists(run + QStringLiteral("/genotype.svg")));
    QCOMPARE(stateOf(run), QStringLiteral("finished"));
    for (const QString &f : listing(run))
        QVERIFY2(!f.contains(QStringLiteral(".tmp.")), qPrintable(f));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
