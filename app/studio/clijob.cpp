// SPDX-License-Identifier: MIT
#include "clijob.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>
#include <csignal>

namespace sparsenas {

CliJob::CliJob(QObject *parent) : QObject(parent) {}

CliJob::~CliJob()
{
    if (isRunning())
        stopAndWait(stopGraceMs);
}

QString CliJob::program(QString *error)
{
    const QString fromEnv = qEnvironmentVariable("SPARSENAS_CLI");
    if (!fromEnv.isEmpty()) {
        if (QFileInfo(fromEnv).isExecutable())
            return fromEnv;
        if (error)
            *error = tr("SPARSENAS_CLI is %1, which is not an executable program.")
                         .arg(QDir::toNativeSeparators(fromEnv));
        return QString();
    }
    const QString besides =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("sparsenas"));
    if (QFileInfo(besides).isExecutable())
        return besides;
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("sparsenas"));
    if (!onPath.isEmpty())
        return onPath;
    if (error)
        *error = tr("The sparsenas command was not found next to the studio (%1) nor on PATH; "
                    "install it with the studio, or set SPARSENAS_CLI to its path.")
                     .arg(QDir::toNativeSeparators(QCoreApplication::applicationDirPath()));
    return QString();
}

bool CliJob::start(const QStringList &args, const QString &workingDirectory, QString *error)
{
    if (isRunning()) {
        if (error)
            *error = tr("A command is still running: %1").arg(commandLine());
        return false;
    }
    const QString prog = program(error);
    if (prog.isEmpty())
        return false;
    delete m_process;
    m_process = new QProcess(this);
    m_process->setProgram(prog);
    m_process->setArguments(args);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    if (!workingDirectory.isEmpty())
        m_process->setWorkingDirectory(workingDirectory);
    m_args = args;
    m_lines.clear();
    m_partial.clear();
    connect(m_process, &QProcess::readyReadStandardOutput, this, &CliJob::readOutput);
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        readOutput();
        if (!m_partial.isEmpty()) {
            const QString last = QString::fromUtf8(m_partial);
            m_partial.clear();
            m_lines << last;
            Q_EMIT outputLine(last);
        }
        Q_EMIT finished(code, status == QProcess::CrashExit);
    });
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        if (error)
            *error = tr("Cannot start %1: %2")
                         .arg(QDir::toNativeSeparators(prog), m_process->errorString());
        return false;
    }
    return true;
}

bool CliJob::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void CliJob::interrupt()
{
    if (isRunning() && m_process->processId() > 0)
        ::kill(pid_t(m_process->processId()), SIGINT);
}

void CliJob::stopAndWait(int ms)
{
    if (!isRunning())
        return;
    interrupt();
    if (!m_process->waitForFinished(ms)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QString CliJob::commandLine() const
{
    QStringList words{QStringLiteral("sparsenas")};
    for (const QString &a : m_args) {
        const bool plain = !a.isEmpty() && std::all_of(a.begin(), a.end(), [](QChar c) {
            return c.isLetterOrNumber() || QStringLiteral("-_.,=/:+@").contains(c);
        });
        words << (plain ? a
                        : QLatin1Char('\'') +
                              QString(a).replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
                              QLatin1Char('\''));
    }
    return words.join(QLatin1Char(' '));
}

QString CliJob::failureText(int exitCode, bool crashed) const
{
    const QString command = QStringLiteral("sparsenas ") + m_args.value(0);
    if (crashed)
        return tr("%1 ended abnormally (crashed or killed).").arg(command);
    if (exitCode == 0 || exitCode == 130)
        return QString();
    const QStringList last = m_lines.mid(std::max<qsizetype>(0, m_lines.size() - 3));
    return tr("%1 exited with code %2: %3")
        .arg(command)
        .arg(exitCode)
        .arg(last.join(QLatin1Char('\n')));
}

void CliJob::readOutput()
{
    if (!m_process)
        return;
    m_partial += m_process->readAllStandardOutput();
    for (;;) {
        const qsizetype nl = m_partial.indexOf('\n');
        const qsizetype cr = m_partial.indexOf('\r');
        const qsizetype end = nl < 0 ? cr : cr < 0 ? nl : std::min(nl, cr);
        if (end < 0)
            break;
        const QString line = QString::fromUtf8(m_partial.left(end));
        m_partial.remove(0, end + 1);
        if (line.trimmed().isEmpty())
            continue;
        m_lines << line;
        if (m_lines.size() > 4000)
            m_lines.removeFirst();
        Q_EMIT outputLine(line);
    }
}

} // namespace sparsenas
