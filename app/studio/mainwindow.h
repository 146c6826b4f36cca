// SPDX-License-Identifier: MIT
#pragma once

// The studio's main window composes the parts: the views as docks around the training curves,
// the run actions and menus, the status bar, and the dialogs. The run itself (live search or
// followed directory, the 40 ms drain, the replay of a resumed run's history) is RunSession's;
// handing updates to the views and linking their selections is ViewHub's; the recent-runs list
// is RecentRuns'; exports of the cell are CellExporter's, of views and files StudioFiles'.

#include "runupdate.h"

#include "sparsenas/base/config.h"
#include "sparsenas/base/genotype.h"

#include <QMainWindow>

#include <optional>

class QDockWidget;

namespace sparsenas {

class ArchWeightsView;
class ComparisonView;
class CellGraphView;
class ConfigForm;
class CurvesView;
class GraphvizService;
class ExperimentsWindow;
class LabWindow;
class LogView;
class RecentRuns;
class RunActions;
class RegPathView;
class RunFollower;
class RunSession;
class RunStatusBar;
class SearchController;
class SteeringPanel;
class StudioFiles;
class SurvivalView;
class ViewHub;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Where new runs are created (a folder per run).
    QString runsRoot() const { return m_runsRoot; }
    /// Also the folder the Evaluations table reads.
    void setRunsRoot(const QString &dir);

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
    /// Trains the genotype of `searchDir` on its own with `config` (an evaluation preset's,
    /// whose genotype this sets), in a new run "<search's name>-eval-<time>" under the runs
    /// folder; the views
    /// show it live, and the Evaluations table gets its result when it ends.
    bool evaluateRun(const QString &searchDir, RunConfig config);
    /// Asks for an evaluation preset (the one matching the run's data set first) and calls
    /// evaluateRun for the shown run.
    void evaluateShownRun();
    /// Non-interactive (tests, benchmarks, --screenshot): no question on close (a live search
    /// is stopped) and no message boxes: problems go to the run log and the status bar.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    RunSession *session() const { return m_session; }
    ViewHub *viewHub() const { return m_hub; }
    RecentRuns *recentRuns() const { return m_recent; }
    SearchController *controller() const;
    RunFollower *follower() const;
    ConfigForm *configForm() const { return m_form; }
    SteeringPanel *steeringPanel() const { return m_steering; }
    CurvesView *curvesView() const { return m_curves; }
    ArchWeightsView *archWeightsView() const { return m_archWeights; }
    SurvivalView *survivalView() const { return m_survival; }
    RegPathView *regPathView() const { return m_regPaths; }
    CellGraphView *cellGraphView() const { return m_cellGraph; }
    LogView *logView() const { return m_log; }
    ComparisonView *comparisonView() const { return m_comparison; }
    /// Lab ▸ Prox explorer: the teaching lab's window (made when first shown), or null.
    LabWindow *labWindow() const { return m_lab; }
    void showLab();
    /// Lab ▸ Supernet sweep / Optimizer ablation: their window (made when first shown), or null.
    ExperimentsWindow *experimentsWindow() const { return m_experiments; }
    /// Shows the sweeps-and-ablation window at tab `tab` (ExperimentsWindow::Tab).
    void showExperiments(int tab);
    /// The run shown (live or followed); empty if none.
    QString runDirectory() const;
    /// The newest architecture weights shown (what the cell graph and exports use).
    const std::vector<CellWeights> &currentWeights() const;
    /// Drains pending updates now instead of waiting for the timer (tests).
    void drainNow();
    /// Time the last drain spent handing updates to the views (ms), and snapshots it carried.
    double lastDrainMs() const { return m_lastDrainMs; }
    int lastDrainSnapshots() const { return m_lastDrainSnapshots; }

Q_SIGNALS:
    /// A drain handed `snapshots` snapshots to the views in `milliseconds` (benchmarks).
    void updatesApplied(double milliseconds, int snapshots);

public:
    /// The share of the window each dock area takes: the left and right columns of its width,
    /// the bottom row of its height. Kept while the window is resized (a 1024x700 projector
    /// shrinks the docks to their minimum; maximised again, they get these shares back) and set
    /// when the user drags a separator. 0 for an area with no visible dock.
    struct DockShares
    {
        double left = 0, right = 0, bottom = 0;
    };
    DockShares dockShares() const { return m_shares; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createViews();
    void createActions();
    void createMenus();
    QDockWidget *addDock(QWidget *view, const QString &title, const QString &objectName,
                         Qt::DockWidgetArea area);
    void readSettings();
    void writeSettings() const;
    /// The first visible, docked dock widget of `area`, or null.
    QDockWidget *dockIn(Qt::DockWidgetArea area) const;
    /// The shares the docks have now (the user's layout).
    DockShares measureDockShares() const;
    /// Sizes the dock areas to m_shares of the window's size.
    void applyDockShares();
    /// Keeps the window's minimum width within the screen's. The configuration and steering
    /// column runs the full height of the window; where the screen is too narrow for it beside
    /// the bottom row, the cell graph becomes a tab of that row (at the `first` show, or later
    /// when a view that shows a run grows), and only then the bottom row runs under the column.
    void fitLayoutToScreen(bool first);

    void onUpdate(const RunUpdate &update);
    void clearRun();
    /// The run in `dir` is shown next: the log takes its epochs afresh unless it is the run
    /// shown last (a resume: the replayed history's epochs are logged already).
    void logRunIn(const QString &dir);
    void setRunState(RunState state);
    void updateActions();
    void updateTitle();
    /// Saves the Evaluations table where the user says.
    void exportComparison();

    void togglePause();
    /// A cell type collapsed in the live run: shown prominently, with the choices.
    void onCollapse(const RunEventInfo &event);
    void onRunEnded(RunState state, const QString &message);
    void onErrorMessage(const QString &text);
    /// A problem the user must see: a message box, or the log when not interactive.
    void warn(const QString &title, const QString &text);
    /// The form's config, or nothing (the problems are shown) when it is not valid.
    std::optional<RunConfig> formConfig();
    /// A new run with the form's config: from `checkpoint` (a fork) or, if empty, from scratch.
    bool startFromForm(const QString &checkpoint);
    /// The views now show the live run in `dir`.
    void beginLiveRun(const QString &dir, const QString &logLine, bool evaluation);
    /// The views and the steering fit the kind of run shown: a search, or an evaluation (test
    /// curves, no lambda, nothing to steer).
    void showRunKind(bool evaluation);

    RunSession *m_session = nullptr;
    ViewHub *m_hub = nullptr;
    RecentRuns *m_recent = nullptr;
    StudioFiles *m_files = nullptr;
    GraphvizService *m_graphviz = nullptr;

    ConfigForm *m_form = nullptr;
    SteeringPanel *m_steering = nullptr;
    CurvesView *m_curves = nullptr;
    ArchWeightsView *m_archWeights = nullptr;
    SurvivalView *m_survival = nullptr;
    RegPathView *m_regPaths = nullptr;
    CellGraphView *m_cellGraph = nullptr;
    LogView *m_log = nullptr;
    QDockWidget *m_logDock = nullptr;
    QDockWidget *m_pathDock = nullptr;  ///< regularization paths, first of the bottom row's tabs
    QDockWidget *m_graphDock = nullptr; ///< the cell graph, beside them
    ComparisonView *m_comparison = nullptr;
    QDockWidget *m_comparisonDock = nullptr;
    LabWindow *m_lab = nullptr;
    ExperimentsWindow *m_experiments = nullptr;

    RunActions *m_actions = nullptr;
    RunStatusBar *m_status = nullptr;

    RunState m_state = RunState::Idle;
    QString m_runsRoot;
    QString m_loggedRunDir; ///< the run whose epochs the log holds
    bool m_interactive = true;
    bool m_closing = false; ///< a close waits for the engine to stop
    bool m_errorShown = false;
    bool m_evaluation = false; ///< the run shown is an evaluation
    double m_lastDrainMs = 0;
    int m_lastDrainSnapshots = 0;
    DockShares m_shares{0.21, 0.42, 0.3}; ///< the default layout's, until measured or read
    bool m_sharesKnown = true;            ///< false: measure the restored layout's shares first
    bool m_applyingShares = false;        ///< dock resizes now are ours, not the user's
    bool m_sharesPending = false;         ///< a resize posted its applyDockShares()
    QSize m_sharesWindowSize;             ///< the window size m_shares were last applied at
    QSize m_lastWindowSize;               ///< as the last resizeEvent() saw it
};

} // namespace sparsenas
