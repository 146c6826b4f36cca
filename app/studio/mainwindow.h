// SPDX-License-Identifier: MIT
#pragma once

// The studio's main window: the views as docks around the training curves, the run actions
// (start, pause / resume, stop, checkpoint, fork, resume a run, open a run directory), the
// 40 ms coalescing of engine updates, and the status bar. Exports live in CellExporter.

#include "runupdate.h"

#include "sparsenas/base/config.h"
#include "sparsenas/base/genotype.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;

namespace sparsenas {

class CellGraphView;
class ConfigForm;
class CurvesView;
class GraphvizService;
class ArchWeightsView;
class LogView;
class RegPathView;
class RunFollower;
class RunView;
class SearchController;
class SteeringPanel;
class SurvivalView;
struct RunEvent;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Where new runs are created (a folder per run).
    QString runsRoot() const { return m_runsRoot; }
    void setRunsRoot(const QString &dir) { m_runsRoot = dir; }

    /// Starts a new search with the form's config. False (with a message shown) if invalid.
    bool startSearch();
    /// Shows a run directory (finished, or still written by another process) and follows it.
    bool openRunDirectory(const QString &dir);
    void loadPreset(const QString &name);
    /// Continues the stopped or killed run in `dir` from its last checkpoint; the views show
    /// its history, then the live steps.
    bool resumeRunDirectory(const QString &dir);
    /// A new run from `checkpoint` (of any run) with the settings in the form.
    bool forkFromCheckpoint(const QString &checkpoint);
    /// Non-interactive (tests, benchmarks, --screenshot): no question on close (a live search
    /// is stopped) and no message boxes: problems go to the run log and the status bar.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    SearchController *controller() const { return m_controller; }
    RunFollower *follower() const { return m_follower; }
    ConfigForm *configForm() const { return m_form; }
    SteeringPanel *steeringPanel() const { return m_steering; }
    CurvesView *curvesView() const { return m_curves; }
    ArchWeightsView *archWeightsView() const { return m_archWeights; }
    SurvivalView *survivalView() const { return m_survival; }
    RegPathView *regPathView() const { return m_regPaths; }
    CellGraphView *cellGraphView() const { return m_cellGraph; }
    LogView *logView() const { return m_log; }
    /// The run shown (live or followed); empty if none.
    QString runDirectory() const { return m_runDir; }
    /// The newest architecture weights shown (what the cell graph and exports use).
    const std::vector<CellWeights> &currentWeights() const { return m_weights; }
    /// Drains pending updates now instead of waiting for the timer (tests).
    void drainNow();
    /// Time the last drain spent handing updates to the views (ms), and snapshots it carried.
    double lastDrainMs() const { return m_lastDrainMs; }
    int lastDrainSnapshots() const { return m_lastDrainSnapshots; }

Q_SIGNALS:
    /// A drain handed `snapshots` snapshots to the views in `milliseconds` (benchmarks).
    void updatesApplied(double milliseconds, int snapshots);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createViews();
    void createActions();
    void createMenus();
    void createStatusBar();
    QDockWidget *addDock(QWidget *view, const QString &title, const QString &objectName,
                         Qt::DockWidgetArea area);
    void readSettings();
    void writeSettings() const;

    void scheduleDrain();
    void drain();
    void apply(RunUpdate &&update);
    void clearViews();
    /// After the engine cut the run back to a checkpoint: shows the history on disk, and drops
    /// from `live` what that history already holds.
    void replayHistory(RunUpdate &live);
    RunEvent toRunEvent(const RunEventInfo &info) const;
    void setRunState(RunState state);
    void updateActions();
    void updateTitle();
    void showProgress(const Snapshot &s);

    void togglePause();
    void forkRun();
    void resumeRun();
    void openRunDialog();
    void loadConfigFile();
    void saveConfigFile();
    void exportCell();
    void exportView(RunView *view, const QString &what, bool svg);
    void exportMetricsCsv();
    void addRecentRun(const QString &dir);
    void rebuildRecentMenu();
    void showAbout();
    void onRunEnded(int state, const QString &message);
    void onErrorMessage(const QString &text);
    /// A problem the user must see: a message box, or the log when not interactive.
    void warn(const QString &title, const QString &text);
    QString newRunDirectory(const QString &name) const;
    /// The form's config, or nothing (the problems are shown) when it is not valid.
    std::optional<RunConfig> formConfig();
    /// The views now show the live run in `dir`.
    void beginLiveRun(const QString &dir, const QString &logLine);

    SearchController *m_controller = nullptr;
    RunFollower *m_follower = nullptr;
    GraphvizService *m_graphviz = nullptr;
    QTimer m_drainTimer;

    ConfigForm *m_form = nullptr;
    SteeringPanel *m_steering = nullptr;
    CurvesView *m_curves = nullptr;
    ArchWeightsView *m_archWeights = nullptr;
    SurvivalView *m_survival = nullptr;
    RegPathView *m_regPaths = nullptr;
    CellGraphView *m_cellGraph = nullptr;
    LogView *m_log = nullptr;
    QDockWidget *m_logDock = nullptr;
    std::vector<RunView *> m_views;   ///< every view that takes RunUpdates
    QPointer<class ExportDialog> m_exportDialog;

    QAction *m_startAct = nullptr, *m_pauseAct = nullptr, *m_stopAct = nullptr;
    QAction *m_checkpointAct = nullptr, *m_forkAct = nullptr, *m_resumeRunAct = nullptr;
    QAction *m_openAct = nullptr, *m_exportCellAct = nullptr, *m_exportCsvAct = nullptr;
    QMenu *m_recentMenu = nullptr, *m_viewMenu = nullptr;
    QLabel *m_stateLabel = nullptr, *m_etaLabel = nullptr;
    QProgressBar *m_progress = nullptr;

    enum class Source { None, Live, Followed };
    Source m_source = Source::None;
    RunState m_state = RunState::Idle;
    QString m_runDir;
    QString m_runsRoot;
    std::vector<CellWeights> m_weights;
    bool m_interactive = true;
    bool m_closing = false;          ///< a close waits for the engine to stop
    bool m_errorShown = false;
    double m_lastDrainMs = 0;
    int m_lastDrainSnapshots = 0;
};

} // namespace sparsenas
