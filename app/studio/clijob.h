// SPDX-License-Identifier: MIT
#pragma once

// A `sparsenas` command run by the studio as a child process: the sweep and the optimizer
// ablation run exactly as on the command line (the sweep's parallel searches are processes of
// their own), and the studio follows the files they write. Stopping is Ctrl-C's: the command
// keeps what finished and the same command continues it.

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace sparsenas {

class CliJob : public QObject
{
    Q_OBJECT

public:
    explicit CliJob(QObject *parent = nullptr);
    /// A command still running is interrupted and given `stopGraceMs` to stop (a search saves
    /// its checkpoint), then killed.
    ~CliJob() override;

    /// The `sparsenas` program: $SPARSENAS_CLI when set, else the one next to the studio's
    /// executable, else the first on PATH. Empty, with *error saying where it looked, when none
    /// is found.
    static QString program(QString *error);

    /// Starts `sparsenas args...` in `workingDirectory` (empty: the current one). False, with
    /// *error (translated), when a command is already running or the program is missing.
    bool start(const QStringList &args, const QString &workingDirectory, QString *error);
    bool isRunning() const;
    /// Ctrl-C: SIGINT to the command, which stops its work (a sweep its searches) after saving.
    void interrupt();
    /// Interrupts and waits up to `ms` for the command to end; kills it after that.
    void stopAndWait(int ms);

    QStringList arguments() const { return m_args; }
    /// The command line as a person would type it (for the log and error messages).
    QString commandLine() const;
    /// Everything the command wrote (standard output and error merged), the last 4000 lines.
    QStringList output() const { return m_lines; }

    /// How the command ended when it failed, for the panel's status line: "" after success (0)
    /// or a stop (130); else that it crashed, or its exit code and its last three lines.
    QString failureText(int exitCode, bool crashed) const;

    static constexpr int stopGraceMs = 30000;

Q_SIGNALS:
    /// A line of the command's output (a carriage return also ends one).
    void outputLine(const QString &line);
    /// The command ended: its exit code (130 after interrupt()), or `crashed` with the signal's
    /// description when it did not exit by itself.
    void finished(int exitCode, bool crashed);

private:
    void readOutput();

    QProcess *m_process = nullptr;
    QStringList m_args;
    QStringList m_lines;
    QByteArray m_partial;
};

} // namespace sparsenas
