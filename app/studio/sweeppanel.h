// SPDX-License-Identifier: MIT
#pragma once

// The studio's supernet sweep (paper Table 4 and Fig. 4): a grid of config fields, each point an
// ordinary search in a run directory of one sweep folder, run by `sparsenas sweep` (parallel
// searches, resumable: finished points are never rerun). The panel starts, stops and continues
// the sweep, and follows its folder whoever runs it: the grid with each point's state, its
// summary (the CLI's summary columns), and every point's validation curve live. A double click
// on a point opens its run in the main window.

#include "sparsenas/base/sweep.h"

#include <QDateTime>
#include <QWidget>

#include <map>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTemporaryDir;
class QTimer;

namespace sparsenas {

class CliJob;
class FigureView;

class SweepPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SweepPanel(const QString &runsRoot, QWidget *parent = nullptr);
    ~SweepPanel() override;

    // ---- the set-up, as `sparsenas sweep` takes it
    /// The base: a search preset's name, or a config file (setConfigFile).
    void setBasePreset(const QString &preset);
    void setConfigFile(const QString &path);
    /// One axis per line, "field=value,value,..."; `--set` assignments one per line.
    void setGrid(const QString &lines);
    void setOverrides(const QString &lines);
    void setJobs(int jobs); ///< 0: as many as the cores allow
    /// An evaluation preset for every finished point, or "" for none.
    void setEvaluatePreset(const QString &preset);
    void setFolder(const QString &folder);
    QString folder() const;

    /// The command line `start` runs, or an empty list with *error (translated, naming the grid
    /// line or field) when the set-up is not a sweep.
    QStringList sweepArguments(QString *error) const;
    /// Starts the sweep in folder(); the folder is then followed. False with *error when the
    /// set-up is invalid or a command is running.
    bool start(QString *error);
    /// Ctrl-C for the sweep: every running search stops after saving its checkpoint.
    void stop();
    /// Follows an existing sweep folder (sweep.json), e.g. one run from a terminal; its grid and
    /// base fill the set-up, so that start() continues it. False with *error for a folder that is
    /// not a sweep.
    bool openSweep(const QString &folder, QString *error);
    /// Reads the folder now (the panel does this every second while a point runs).
    void refresh();
    /// Writes the summary or the curves, chosen by the suffix: .csv and .md (the summary, as
    /// `sparsenas sweep` writes it), .svg, .pdf and .png (Fig. 4's curves, as the CLI draws
    /// them). False with *error (translated, names the file).
    bool exportTo(const QString &path, QString *error) const;

    bool isRunning() const;
    /// The set-up (base preset, grid, settings, parallel searches, evaluation) is kept in
    /// QSettings: a new panel starts from the last one used.
    void saveSetup() const;
    const std::vector<SweepAxis> &axes() const { return m_axes; }
    const std::vector<SweepRow> &rows() const { return m_rows; }
    QTableWidget *table() const { return m_table; }
    FigureView *curves() const { return m_curves; }
    CliJob *job() const { return m_job; }
    QString statusText() const;

Q_SIGNALS:
    /// A point was double-clicked: its run directory.
    void openRunRequested(const QString &runDir);
    /// The sweep started or ended.
    void runningChanged(bool running);

private:
    void buildUi(const QString &runsRoot);
    void restoreSetup();
    void jobFinished(int exitCode, bool crashed);
    void updateTable();
    /// Fig. 4's curves of the rows, with the panel's titles and the states translated.
    Figure translatedCurves() const;
    void updateButtons();
    void chooseConfig();
    void chooseFolder();
    void chooseSweepToOpen();
    void chooseExport();

    QComboBox *m_base = nullptr;
    QString m_configFile;
    QPlainTextEdit *m_grid = nullptr;
    QPlainTextEdit *m_sets = nullptr;
    QSpinBox *m_jobs = nullptr;
    QComboBox *m_evaluate = nullptr;
    QLineEdit *m_folder = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    FigureView *m_curves = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QTimer *m_poll = nullptr;
    CliJob *m_job = nullptr;
    /// The base configuration of an opened sweep, written where `sweep --config` reads it while
    /// the sweep runs.
    std::unique_ptr<QTemporaryDir> m_baseDir;
    QString m_openedBase; ///< an opened sweep's base configuration (JSON text), or ""
    QString m_followed;   ///< the folder the table shows
    QString m_lastError;  ///< how the last command ended, when it failed
    /// The evaluation preset of the sweep followed (its parameter column's size), or "".
    QString m_evaluateUsed;
    std::vector<SweepAxis> m_axes;
    std::vector<SweepRow> m_rows;
    /// Parameter counts already made, per point, with the genotype's time they were made from.
    std::map<std::string, std::pair<QDateTime, double>> m_params;
    std::map<std::string, std::pair<int64_t, int64_t>> m_shapes; ///< data set -> channels, classes
};

} // namespace sparsenas
