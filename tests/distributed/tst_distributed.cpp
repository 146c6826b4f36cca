// SPDX-License-Identifier: MIT
// Data-parallel runs on c10d's Gloo over the loopback interface (docs/distributed.md): two
// processes compute what one computes with the same shards, a killed rank is named and the run
// resumes with one process, a steering command reaches both ranks at the same step; and the
// pieces they rest on: the environment a job is described by, commands posted to a run, the
// batch cut into shards.

#include "../common/runfiles.h"

#include "sparsenas/base/config.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/distributed.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QtTest>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

using nlohmann::json;
using namespace sparsenas;
using sparsenas::testing::jsonLines;

namespace {

/// The loopback port the kernel hands out now (for a job started by hand, without launch).
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

std::vector<json> stepLines(const QString &dir)
{
    std::vector<json> out;
    for (const auto &j : jsonLines((dir + QStringLiteral("/metrics.jsonl")).toStdString())) {
        if (!j.is_discarded() && j.value("type", "") == "step")
            out.push_back(j);
    }
    return out;
}

json readJson(const QString &path)
{
    std::ifstream in(path.toStdString());
    return json::parse(in, nullptr, false);
}

/// Sets (or with an empty value, unsets) environment variables for one scope.
struct Environment
{
    std::vector<std::pair<std::string, std::string>> saved;
    Environment(std::initializer_list<std::pair<const char *, const char *>> vars)
    {
        for (const char *name :
             {"RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT", "SLURM_PROCID",
              "SLURM_NTASKS", "SLURM_LOCALID", "OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE"}) {
            const char *v = std::getenv(name);
            saved.emplace_back(name, v ? v : "");
            ::unsetenv(name);
        }
        for (const auto &[name, value] : vars)
            ::setenv(name, value, 1);
    }
    ~Environment()
    {
        for (const auto &[name, value] : saved) {
            if (value.empty())
                ::unsetenv(name.c_str());
            else
                ::setenv(name.c_str(), value.c_str(), 1);
        }
    }
};

QString describeEnvError(std::initializer_list<std::pair<const char *, const char *>> vars)
{
    Environment e(vars);
    try {
        distributedEnvironment();
    } catch (const ConfigError &err) {
        return QString::fromStdString(err.what());
    }
    return {};
}

} // namespace

class tst_Distributed : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_bin;

    QString tmp(const QString &name) const { return m_tmp.filePath(name); }

    /// A process of the CLI with `env` added; it dies with the test.
    void prepare(QProcess &p, const QStringList &args,
                 const QProcessEnvironment &extra = QProcessEnvironment()) const
    {
        p.setProgram(m_bin);
        p.setArguments(args);
        p.setWorkingDirectory(m_tmp.path());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const auto &k : extra.keys())
            env.insert(k, extra.value(k));
        env.insert(QStringLiteral("OMP_WAIT_POLICY"), QStringLiteral("PASSIVE"));
        p.setProcessEnvironment(env);
        p.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    }

    /// Runs the CLI to its end; returns its exit code (-1 if it crashed or timed out), its
    /// standard error in `err`.
    int run(const QStringList &args, QString *err = nullptr, int timeoutMs = 240000) const
    {
        QProcess p;
        prepare(p, args);
        p.start();
        if (!p.waitForStarted(10000))
            return -1;
        const bool done = p.waitForFinished(timeoutMs);
        if (!done) {
            p.kill();
            p.waitForFinished(5000);
        }
        if (err)
            *err = QString::fromUtf8(p.readAllStandardError());
        return done && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    /// Waits until `dir` has at least `steps` step lines (at most `ms`).
    static bool waitForSteps(const QString &dir, size_t steps, int ms)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            if (stepLines(dir).size() >= steps)
                return true;
            QThread::msleep(100);
        }
        return false;
    }

    const QStringList kTiny = {QStringLiteral("--threads"), QStringLiteral("1"),
                               QStringLiteral("-q")};

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_bin = QStringLiteral(SPARSENAS_BIN_DIR "/sparsenas");
        QVERIFY2(QFile::exists(m_bin), qPrintable(m_bin));
        if (qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT") == false)
            qputenv("QTEST_FUNCTION_TIMEOUT", "580000");
    }

    void environmentNamesWhatIsWrong()
    {
        {
            Environment none({});
            const auto e = distributedEnvironment();
            QCOMPARE(e.worldSize, 1);
            QCOMPARE(e.rank, 0);
        }
        {
            Environment torchrun({{"RANK", "1"},
                                  {"WORLD_SIZE", "4"},
                                  {"LOCAL_RANK", "1"},
                                  {"MASTER_ADDR", "10.0.0.5"},
                                  {"MASTER_PORT", "29400"}});
            const auto e = distributedEnvironment();
            QCOMPARE(e.rank, 1);
            QCOMPARE(e.worldSize, 4);
            QCOMPARE(e.localRank, 1);
            QCOMPARE(QString::fromStdString(e.masterAddr), QStringLiteral("10.0.0.5"));
            QCOMPARE(e.masterPort, 29400);
        }
        {
            // srun sets its own variables; the batch script exports MASTER_ADDR.
            Environment srun({{"SLURM_PROCID", "3"},
                              {"SLURM_NTASKS", "4"},
                              {"SLURM_LOCALID", "0"},
                              {"MASTER_ADDR", "node7"}});
            const auto e = distributedEnvironment();
            QCOMPARE(e.rank, 3);
            QCOMPARE(e.worldSize, 4);
            QCOMPARE(e.masterPort, 29500);
        }
        QVERIFY(describeEnvError({{"RANK", "0"}}).contains(QStringLiteral("WORLD_SIZE is not")));
        QVERIFY(describeEnvError({{"WORLD_SIZE", "2"}, {"MASTER_ADDR", "127.0.0.1"}})
                    .contains(QStringLiteral("RANK is not set")));
        const QString outOfRange =
            describeEnvError({{"RANK", "2"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"}});
        QVERIFY2(outOfRange.contains(QStringLiteral("RANK is '2'")) &&
                     outOfRange.contains(QStringLiteral("[0, 1]")),
                 qPrintable(outOfRange));
        QVERIFY(describeEnvError({{"RANK", "0"}, {"WORLD_SIZE", "two"}})
                    .contains(QStringLiteral("WORLD_SIZE is 'two'")));
        QVERIFY(describeEnvError({{"RANK", "0"}, {"WORLD_SIZE", "2"}})
                    .contains(QStringLiteral("MASTER_ADDR is not set")));
        QVERIFY(describeEnvError({{"RANK", "0"},
                                  {"WORLD_SIZE", "2"},
                                  {"MASTER_ADDR", "h"},
                                  {"MASTER_PORT", "70000"}})
                    .contains(QStringLiteral("MASTER_PORT is '70000'")));
    }

    void batchIsCutIntoShards()
    {
        RunConfig c = presetConfig("digits-quick"); // batch 64
        QCOMPARE(shareBatch(c, nullptr).count, int64_t(1));
        c.search.batchShards = 4;
        const BatchShards b = shareBatch(c, nullptr);
        QCOMPARE(b.count, int64_t(4));
        QCOMPARE(b.first, int64_t(0));
        QCOMPARE(b.local, int64_t(4));
        // 64 images in shards of at least 2 that divide it evenly, said by the config check.
        json j = toJson(presetConfig("digits-quick"));
        j["search"]["batch_shards"] = 3;
        const auto problems = validateConfig(j);
        QCOMPARE(problems.size(), size_t(1));
        QVERIFY2(
            QString::fromStdString(problems[0]).contains(QStringLiteral("search.batch_shards")),
            problems[0].c_str());
        j["search"]["batch_shards"] = 64; // shards of one image: batch norm cannot normalise
        QCOMPARE(validateConfig(j).size(), size_t(1));
        j["search"]["batch_shards"] = 32;
        QVERIFY(validateConfig(j).empty());
    }

    void postedCommandsAreTakenInOrder()
    {
        const QString dir = tmp(QStringLiteral("inbox-run"));
        QDir().mkpath(dir);
        RunDirectory run(dir.toStdString());
        run.postCommand({Command::Type::SetLambda, 0.25});
        run.postCommand({Command::Type::Pause});
        run.postCommand({Command::Type::SetAlpha, 0.75});
        // Somebody's file that is no command: removed and named.
        {
            std::ofstream bad((dir + QStringLiteral("/inbox/zzz-bad.json")).toStdString());
            bad << "{\"command\": \"jump\"}\n";
        }
        std::vector<std::string> problems;
        const auto got = run.takePostedCommands(&problems);
        QCOMPARE(got.size(), size_t(3));
        QCOMPARE(int(got[0].type), int(Command::Type::SetLambda));
        QCOMPARE(got[0].value, 0.25);
        QCOMPARE(int(got[1].type), int(Command::Type::Pause));
        QCOMPARE(int(got[2].type), int(Command::Type::SetAlpha));
        QCOMPARE(got[2].value, 0.75);
        QCOMPARE(problems.size(), size_t(1));
        QVERIFY(QString::fromStdString(problems[0]).contains(QStringLiteral("zzz-bad.json")));
        QVERIFY(
            QString::fromStdString(problems[0]).contains(QStringLiteral("unknown command 'jump'")));
        QVERIFY(QDir(dir + QStringLiteral("/inbox")).entryList(QDir::Files).isEmpty());
        QVERIFY(run.takePostedCommands(&problems).empty());
    }

    void twoProcessesComputeWhatOneComputes()
    {
        if (distributedBackends().empty())
            QSKIP("this build has no c10d (Gloo)");
        // The same global batch of 64 in two shards: one process computes both (search.
        // batch_shards=2), two processes one each and average their gradients.
        const QStringList common = {QStringLiteral("--set"), QStringLiteral("search.epochs=2")};
        QString err;
        QCOMPARE(run(QStringList{QStringLiteral("search"), QStringLiteral("-o"),
                                 tmp(QStringLiteral("one")), QStringLiteral("--set"),
                                 QStringLiteral("search.batch_shards=2")} +
                         common + kTiny,
                     &err),
                 0);
        QCOMPARE(run(QStringList{QStringLiteral("launch"), QStringLiteral("--nproc"),
                                 QStringLiteral("2"), QStringLiteral("search"),
                                 QStringLiteral("-o"), tmp(QStringLiteral("two"))} +
                         common + kTiny,
                     &err),
                 0);
        const auto a = stepLines(tmp(QStringLiteral("one"))),
                   b = stepLines(tmp(QStringLiteral("two")));
        QCOMPARE(a.size(), size_t(22));
        QCOMPARE(b.size(), a.size());
        // Float sums in another order (the all-reduce adds the two halves): 1e-5 relative,
        // where a wrong average (a rank's own gradient, a sum not halved) is off by percents
        // within a few steps.
        for (size_t i = 0; i < a.size(); ++i) {
            for (const char *k : {"train_loss", "val_loss", "train_acc", "val_acc", "penalty",
                                  "element_sparsity", "group_sparsity", "lambda"}) {
                const double x = a[i][k].get<double>(), y = b[i][k].get<double>();
                QVERIFY2(std::abs(x - y) <= 1e-5 * std::max(1.0, std::abs(x)),
                         qPrintable(QStringLiteral("step %1 %2: one process %3, two %4")
                                        .arg(i + 1)
                                        .arg(QLatin1String(k))
                                        .arg(x, 0, 'g', 10)
                                        .arg(y, 0, 'g', 10)));
            }
            QVERIFY(!a[i].contains("world_size"));
            QCOMPARE(b[i].value("world_size", 0), 2);
            QCOMPARE(b[i]["rank_step_seconds"].size(), size_t(2));
            QVERIFY(b[i]["comm_seconds"].get<double>() >= 0);
        }
        // The same A to 1e-6 after the last epoch, hence the same genotype.
        const auto snapsA =
            jsonLines(tmp(QStringLiteral("one")).toStdString() + "/snapshots.jsonl");
        const auto snapsB =
            jsonLines(tmp(QStringLiteral("two")).toStdString() + "/snapshots.jsonl");
        QCOMPARE(snapsB.size(), snapsA.size());
        const auto &ca = snapsA.back()["cells"], &cb = snapsB.back()["cells"];
        QCOMPARE(cb.size(), ca.size());
        size_t entries = 0;
        for (size_t c = 0; c < ca.size(); ++c) {
            std::vector<double> wa, wb;
            for (const auto &row : ca[c]["weights"])
                for (const auto &v : row)
                    wa.push_back(v.get<double>());
            for (const auto &row : cb[c]["weights"])
                for (const auto &v : row)
                    wb.push_back(v.get<double>());
            QCOMPARE(wb.size(), wa.size());
            for (size_t k = 0; k < wa.size(); ++k, ++entries)
                QVERIFY2(std::abs(wa[k] - wb[k]) <= 1e-6 && (wa[k] == 0) == (wb[k] == 0),
                         qPrintable(QStringLiteral("cell %1 entry %2: %3 vs %4")
                                        .arg(c)
                                        .arg(k)
                                        .arg(wa[k])
                                        .arg(wb[k])));
        }
        QVERIFY(entries > 100);
        QCOMPARE(readJson(tmp(QStringLiteral("two")) + QStringLiteral("/genotype.json")),
                 readJson(tmp(QStringLiteral("one")) + QStringLiteral("/genotype.json")));
        // One shard per process, fixed in the run's configuration.
        QCOMPARE(readJson(tmp(QStringLiteral("two")) +
                          QStringLiteral("/config.json"))["search"]["batch_shards"],
                 json(2));
    }

    void evaluationTrainsAsOneProcessDoes()
    {
        if (distributedBackends().empty())
            QSKIP("this build has no c10d (Gloo)");
        // DARTS_V2's network on digits for 2 epochs, each batch in two shards (their own batch
        // statistics and drop-path masks): the training steps are the same in one process and
        // in two. Only the running statistics are kept differently (one process updates them
        // shard after shard, two average theirs), which the test pass uses: its accuracy is
        // close, not equal.
        const QStringList common =
            QStringList{QStringLiteral("DARTS_V2"),        QStringLiteral("--set"),
                        QStringLiteral("search.epochs=2"), QStringLiteral("--set"),
                        QStringLiteral("space.layers=3"),  QStringLiteral("--set"),
                        QStringLiteral("space.channels=8")} +
            kTiny;
        QString err;
        // (The genotype first: a --set takes every word after it.)
        QCOMPARE(
            run(QStringList{QStringLiteral("evaluate")} + common +
                    QStringList{QStringLiteral("-o"), tmp(QStringLiteral("eval-one")),
                                QStringLiteral("--set"), QStringLiteral("search.batch_shards=2")},
                &err),
            0);
        QCOMPARE(run(QStringList{QStringLiteral("launch"), QStringLiteral("--nproc"),
                                 QStringLiteral("2"), QStringLiteral("evaluate")} +
                         common +
                         QStringList{QStringLiteral("-o"), tmp(QStringLiteral("eval-two"))},
                     &err),
                 0);
        const auto a = stepLines(tmp(QStringLiteral("eval-one")));
        const auto b = stepLines(tmp(QStringLiteral("eval-two")));
        QVERIFY(a.size() >= 20);
        QCOMPARE(b.size(), a.size());
        for (size_t i = 0; i < a.size(); ++i) {
            for (const char *k : {"train_loss", "train_acc"}) {
                const double x = a[i][k].get<double>(), y = b[i][k].get<double>();
                QVERIFY2(std::abs(x - y) <= 1e-5 * std::max(1.0, std::abs(x)),
                         qPrintable(QStringLiteral("step %1 %2: %3 vs %4")
                                        .arg(i + 1)
                                        .arg(QLatin1String(k))
                                        .arg(x, 0, 'g', 10)
                                        .arg(y, 0, 'g', 10)));
            }
        }
        const json ea =
            readJson(tmp(QStringLiteral("eval-one")) + QStringLiteral("/evaluation.json"));
        const json eb =
            readJson(tmp(QStringLiteral("eval-two")) + QStringLiteral("/evaluation.json"));
        QCOMPARE(eb["epochs_done"], json(2));
        QVERIFY2(std::abs(ea["test_acc"].get<double>() - eb["test_acc"].get<double>()) < 0.05,
                 qPrintable(QString::fromStdString(ea.dump() + "\n" + eb.dump())));
    }

    void killedRankIsNamedAndOneProcessResumes()
    {
        if (distributedBackends().empty())
            QSKIP("this build has no c10d (Gloo)");
        const QString dir = tmp(QStringLiteral("killed"));
        const QStringList args = QStringList{QStringLiteral("search"),
                                             QStringLiteral("-o"),
                                             dir,
                                             QStringLiteral("--set"),
                                             QStringLiteral("search.epochs=3"),
                                             QStringLiteral("--set"),
                                             QStringLiteral("search.dist_timeout=6")} +
                                 kTiny;
        QProcessEnvironment env;
        env.insert(QStringLiteral("WORLD_SIZE"), QStringLiteral("2"));
        env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
        env.insert(QStringLiteral("MASTER_PORT"), QString::number(freePort()));
        QProcess r0, r1;
        env.insert(QStringLiteral("RANK"), QStringLiteral("0"));
        prepare(r0, args, env);
        env.insert(QStringLiteral("RANK"), QStringLiteral("1"));
        prepare(r1, args, env);
        r0.start();
        r1.start();
        QVERIFY(r0.waitForStarted(10000) && r1.waitForStarted(10000));
        // Past the first epoch's checkpoint (11 steps an epoch), then rank 1 dies.
        QVERIFY(waitForSteps(dir, 14, 120000));
        ::kill(pid_t(r1.processId()), SIGKILL);
        QElapsedTimer t;
        t.start();
        QVERIFY(r0.waitForFinished(60000));
        const double seconds = t.elapsed() / 1000.0;
        const QString err = QString::fromUtf8(r0.readAllStandardError());
        QCOMPARE(r0.exitCode(), 1);
        // Within the timeout (6 s), with a margin for a step that was under way.
        QVERIFY2(seconds < 6 + 10, qPrintable(QString::number(seconds)));
        QVERIFY2(err.contains(QStringLiteral("rank 1 of 2 stopped answering")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("search.dist_timeout")), qPrintable(err));
        const json status = readJson(dir + QStringLiteral("/status.json"));
        QCOMPARE(status["state"], json("failed"));
        QVERIFY(QString::fromStdString(status["message"].get<std::string>())
                    .contains(QStringLiteral("rank 1 of 2")));
        r1.waitForFinished(5000);

        // One process goes on from the last checkpoint (after epoch 1) to the end.
        QString resumeErr;
        QCOMPARE(run({QStringLiteral("resume"), dir, QStringLiteral("-q")}, &resumeErr), 0);
        const auto steps = stepLines(dir);
        QCOMPARE(steps.size(), size_t(33));
        for (size_t i = 0; i < steps.size(); ++i)
            QCOMPARE(steps[i]["step"].get<int64_t>(), int64_t(i + 1));
        QCOMPARE(readJson(dir + QStringLiteral("/status.json"))["state"], json("finished"));
    }

    void steeringReachesBothRanksAtTheSameStep()
    {
        if (distributedBackends().empty())
            QSKIP("this build has no c10d (Gloo)");
        const QString dir = tmp(QStringLiteral("steered"));
        QProcess job;
        prepare(job,
                QStringList{QStringLiteral("launch"), QStringLiteral("--nproc"),
                            QStringLiteral("2"), QStringLiteral("search"), QStringLiteral("-o"),
                            dir, QStringLiteral("--set"), QStringLiteral("search.epochs=2")} +
                    kTiny);
        job.start();
        QVERIFY(job.waitForStarted(10000));
        QVERIFY(waitForSteps(dir, 3, 120000));
        QString err;
        QCOMPARE(run({QStringLiteral("steer"), dir, QStringLiteral("--lambda"),
                      QStringLiteral("0.01"), QStringLiteral("--alpha"), QStringLiteral("0.8")},
                     &err),
                 0);
        QVERIFY(job.waitForFinished(240000));
        QCOMPARE(job.exitCode(), 0);
        // Rank 0 recorded when it applied them; the ranks compared their A after each epoch
        // (a rank that took lambda a step later would hold another A and fail the run), and
        // every step after the event ran at the new values.
        int64_t lambdaAt = -1, alphaAt = -1;
        for (const auto &j : jsonLines(dir.toStdString() + "/metrics.jsonl")) {
            if (j.value("type", "") != "event")
                continue;
            if (j.value("what", "") == "lambda")
                lambdaAt = j.value("step", int64_t(-1));
            if (j.value("what", "") == "alpha")
                alphaAt = j.value("step", int64_t(-1));
        }
        QVERIFY(lambdaAt >= 3);
        QCOMPARE(alphaAt, lambdaAt);
        for (const auto &s : stepLines(dir)) {
            const bool after = s["step"].get<int64_t>() > lambdaAt;
            if (after && s["epoch"].get<int64_t>() == 1)
                QCOMPARE(s["lambda"].get<double>(), 0.01);
            QCOMPARE(s["alpha"].get<double>(), after ? 0.8 : 0.5);
        }
    }
};

QTEST_GUILESS_MAIN(tst_Distributed)
#include "tst_distributed.moc"
