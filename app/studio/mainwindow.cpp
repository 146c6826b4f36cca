// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "experimentswindow.h"
#include "graphvizservice.h"
#include "labwindow.h"
#include "recentruns.h"
#include "runactions.h"
#include "runsession.h"
#include "runstatusbar.h"
#include "searchcontroller.h"
#include "studiodialogs.h"
#include "studiofiles.h"
#include "viewhub.h"

#include "archweightsview.h"
#include "cellgraphview.h"
#include "comparisonview.h"
#include "configform.h"
#include "curvesview.h"
#include "enginemessages.h"
#include "logview.h"
#include "regpathview.h"
#include "steeringpanel.h"
#include "survivalview.h"
#include "wheelguard.h"

#include "sparsenas/base/config.h"
#include "sparsenas/searchengine.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QResizeEvent>
#include <QScreen>
#include <QSettings>
#include <QShowEvent>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace sparsenas {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    // Scrolling over a form never changes a field the user did not click (every dialog too).
    installWheelGuard();
    m_session = new RunSession(this);
    m_hub = new ViewHub(this);
    m_graphviz = new GraphvizService(this);
    // A run's cell diagrams are drawn on the one Graphviz thread, whoever started the run.
    m_session->controller()->setGraphviz(m_graphviz);
    m_runsRoot = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                     .filePath(QStringLiteral("SparseNAS/runs"));
    connect(m_session, &RunSession::updated, this, &MainWindow::onUpdate);
    connect(m_session, &RunSession::runEnded, this, &MainWindow::onRunEnded);

    createViews();
    m_files = new StudioFiles(
        this, m_form, [this](const QString &title, const QString &text) { warn(title, text); });
    createActions();
    createMenus();
    m_status = new RunStatusBar(statusBar());
    readSettings();
    m_form->setCudaAvailable(cudaAvailable());
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::setRunsRoot(const QString &dir)
{
    m_runsRoot = dir;
    m_comparison->setFolder(dir);
    m_comparison->refresh();
}

SearchController *MainWindow::controller() const
{
    return m_session->controller();
}
RunFollower *MainWindow::follower() const
{
    return m_session->follower();
}
QString MainWindow::runDirectory() const
{
    return m_session->runDir();
}
const std::vector<CellWeights> &MainWindow::currentWeights() const
{
    return m_hub->currentWeights();
}

void MainWindow::createViews()
{
    m_curves = new CurvesView(this);
    setCentralWidget(m_curves);

    auto *configPane = new QWidget(this);
    auto *configLayout = new QVBoxLayout(configPane);
    configLayout->setContentsMargins(4, 4, 4, 4);
    m_form = new ConfigForm(configPane);
    configLayout->addWidget(m_form);
    addDock(configPane, tr("Configuration"), QStringLiteral("ConfigDock"), Qt::LeftDockWidgetArea);

    m_steering = new SteeringPanel(this);
    addDock(m_steering, tr("Steering"), QStringLiteral("SteeringDock"), Qt::LeftDockWidgetArea);

    m_archWeights = new ArchWeightsView(this);
    addDock(m_archWeights, tr("Architecture weights"), QStringLiteral("HeatmapDock"),
            Qt::RightDockWidgetArea);
    // Bottom row: the regularization paths (tabbed with node survival and the log) beside the
    // live cell graph, so the cell is always in view while it shrinks.
    m_regPaths = new RegPathView(this);
    QDockWidget *pathDock = m_pathDock = addDock(m_regPaths, tr("Regularization paths"),
                                                 QStringLiteral("RegPathDock"),
                                                 Qt::BottomDockWidgetArea);
    m_cellGraph = new CellGraphView(this);
    QDockWidget *graphDock = m_graphDock = addDock(
        m_cellGraph, tr("Cell graph"), QStringLiteral("CellGraphDock"), Qt::BottomDockWidgetArea);
    splitDockWidget(pathDock, graphDock, Qt::Horizontal);
    m_survival = new SurvivalView(this);
    QDockWidget *survivalDock = addDock(m_survival, tr("Node survival"),
                                        QStringLiteral("SurvivalDock"), Qt::BottomDockWidgetArea);
    m_log = new LogView(this);
    m_logDock = addDock(m_log, tr("Run log"), QStringLiteral("LogDock"), Qt::BottomDockWidgetArea);
    m_comparison = new ComparisonView(this);
    m_comparisonDock = addDock(m_comparison, tr("Evaluations"), QStringLiteral("EvaluationsDock"),
                               Qt::BottomDockWidgetArea);
    tabifyDockWidget(pathDock, survivalDock);
    tabifyDockWidget(survivalDock, m_logDock);
    tabifyDockWidget(m_logDock, m_comparisonDock);
    // Read when shown, so that evaluations the CLI wrote meanwhile appear.
    connect(m_comparisonDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            m_comparison->refresh();
    });
    connect(m_comparison, &ComparisonView::exportRequested, this, &MainWindow::exportComparison);
    pathDock->raise();
    resizeDocks({pathDock}, {330}, Qt::Vertical);
    resizeDocks({pathDock, graphDock}, {800, 600}, Qt::Horizontal);

    m_hub->addView(m_curves);
    m_hub->addView(m_archWeights);
    m_hub->addView(m_survival);
    m_hub->addView(m_regPaths);
    m_hub->setLog(m_log);
    m_hub->setCellGraph(m_cellGraph, m_graphviz);
    m_hub->linkSelection(m_regPaths, m_archWeights, m_cellGraph);

    connect(m_log, &LogView::errorAppended, this, &MainWindow::onErrorMessage);
    connect(m_form, &ConfigForm::validityChanged, this, &MainWindow::updateActions);

    SearchController *controller = m_session->controller();
    connect(m_steering, &SteeringPanel::lambdaRequested, controller, &SearchController::setLambda);
    connect(m_steering, &SteeringPanel::alphaRequested, controller, &SearchController::setAlpha);
    connect(m_steering, &SteeringPanel::lambdaStepRequested, controller,
            &SearchController::setLambdaStep);
}

QDockWidget *MainWindow::addDock(QWidget *view, const QString &title, const QString &objectName,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(view);
    addDockWidget(area, dock);
    dock->installEventFilter(this); // its resizes tell the user's dock shares
    return dock;
}

void MainWindow::createActions()
{
    m_actions = new RunActions(this);
    SearchController *controller = m_session->controller();
    connect(m_actions->start(), &QAction::triggered, this, [this] { startSearch(); });
    connect(m_actions->pause(), &QAction::triggered, this, &MainWindow::togglePause);
    connect(m_actions->stop(), &QAction::triggered, controller, &SearchController::stop);
    connect(m_actions->checkpoint(), &QAction::triggered, controller,
            &SearchController::checkpointNow);
    connect(m_actions->fork(), &QAction::triggered, this, [this] {
        const QString ckpt = m_files->chooseCheckpoint(runDirectory(), m_runsRoot);
        if (!ckpt.isEmpty())
            forkFromCheckpoint(ckpt);
    });
    connect(m_actions->resumeRun(), &QAction::triggered, this, [this] {
        const QString dir =
            m_files->chooseRunDirectory(tr("Resume run"), runDirectory(), m_runsRoot);
        if (!dir.isEmpty())
            resumeRunDirectory(dir);
    });
    connect(m_actions->open(), &QAction::triggered, this, [this] {
        const QString dir =
            m_files->chooseRunDirectory(tr("Open run directory"), runDirectory(), m_runsRoot);
        if (!dir.isEmpty())
            openRunDirectory(dir);
    });
    connect(m_actions->exportCell(), &QAction::triggered, this,
            [this] { m_files->exportCell(m_graphviz, currentWeights()); });
    connect(m_actions->exportCsv(), &QAction::triggered, this,
            [this] { m_files->exportMetricsCsv(runDirectory()); });
    connect(m_actions->evaluate(), &QAction::triggered, this, &MainWindow::evaluateShownRun);

    auto *toolbar = addToolBar(tr("Run"));
    toolbar->setObjectName(QStringLiteral("RunToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actions->addTo(toolbar);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions->open());
    m_recent = new RecentRuns(file->addMenu(tr("Recent &runs")), this);
    connect(m_recent, &RecentRuns::openRequested, this,
            [this](const QString &dir) { openRunDirectory(dir); });
    file->addSeparator();
    file->addAction(tr("&Load configuration…"), m_files, &StudioFiles::loadConfig);
    file->addAction(tr("Save configuration &as…"), m_files, &StudioFiles::saveConfig);
    file->addSeparator();
    file->addAction(m_actions->exportCell());
    QMenu *views = file->addMenu(tr("Export &view"));
    views->addAction(tr("Training curves…"), this,
                     [this] { m_files->exportView(m_curves, tr("training curves"), false); });
    views->addAction(tr("Architecture weights…"), this, [this] {
        m_files->exportView(m_archWeights, tr("architecture weights"), true);
    });
    views->addAction(tr("Node survival…"), this,
                     [this] { m_files->exportView(m_survival, tr("node survival"), false); });
    views->addAction(tr("Regularization paths…"), this, [this] {
        m_files->exportView(m_regPaths, tr("regularization paths"), false);
    });
    views->addAction(tr("Cell graph…"), this, [this] { m_files->exportCellGraph(m_cellGraph); });
    file->addAction(m_actions->exportCsv());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    m_actions->addTo(run);
    QMenu *presets = run->addMenu(tr("Load pr&eset"));
    for (const std::string &name : presetNames()) {
        const QString n = QString::fromStdString(name);
        presets->addAction(n, this, [this, n] { loadPreset(n); });
    }

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        viewMenu->addAction(dock->toggleViewAction());

    // The teaching lab: its own window, made when first asked for.
    QMenu *lab = menuBar()->addMenu(tr("&Lab"));
    lab->addAction(tr("&Prox explorer…"), this, &MainWindow::showLab);
    lab->addAction(tr("Supernet &sweep…"), this,
                   [this] { showExperiments(ExperimentsWindow::Sweep); });
    lab->addAction(tr("&Optimizer ablation (Fig. 3)…"), this,
                   [this] { showExperiments(ExperimentsWindow::Ablation); });
    auto explain = [this] { LabWindow::showHelp(this); };
    lab->addAction(tr("Sparsity &explained…"), this, explain);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Sparsity &explained…"), this, explain);
    help->addAction(tr("&About SparseNAS Studio"), this, [this] { StudioDialogs::about(this); });
}

void MainWindow::showLab()
{
    if (!m_lab) {
        m_lab = new LabWindow(this);
        m_lab->setWindowFlag(Qt::Window);
    }
    m_lab->show();
    m_lab->raise();
    m_lab->activateWindow();
}

void MainWindow::showExperiments(int tab)
{
    if (!m_experiments) {
        m_experiments = new ExperimentsWindow(m_runsRoot, this);
        m_experiments->setWindowFlag(Qt::Window);
        connect(m_experiments, &ExperimentsWindow::openRunRequested, this,
                [this](const QString &dir) {
                    if (m_session->isActive()) {
                        warn(tr("Cannot open the run"),
                             tr("A search runs in this window; stop it first, or open %1 "
                                "from File ▸ Open run in another studio.")
                                 .arg(QDir::toNativeSeparators(dir)));
                        return;
                    }
                    if (openRunDirectory(dir)) {
                        raise();
                        activateWindow();
                    }
                });
    }
    m_experiments->showTab(ExperimentsWindow::Tab(tab));
    m_experiments->show();
    m_experiments->raise();
    m_experiments->activateWindow();
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1500, 940);
    // A size saved on a larger screen, or the default on a small one (1024 x 700), must not
    // put the window's edges off the screen: it is fitted to the space the screen offers.
    if (const QScreen *s = screen()) {
        const QRect avail = s->availableGeometry();
        if (width() > avail.width() || height() > avail.height()) {
            resize(size().boundedTo(avail.size()));
            move(avail.topLeft());
        }
    }
    const bool restored =
        restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    const QList<QVariant> shares = settings.value(QStringLiteral("window/dockShares")).toList();
    if (shares.size() == 3) {
        m_shares = {shares[0].toDouble(), shares[1].toDouble(), shares[2].toDouble()};
        m_sharesKnown = true;
    } else if (restored) {
        m_sharesKnown = false; // a layout saved before shares were: measured once laid out
    }
    setRunsRoot(settings.value(QStringLiteral("runsRoot"), m_runsRoot).toString());
    const QByteArray config = settings.value(QStringLiteral("lastConfig")).toByteArray();
    if (!config.isEmpty()) {
        const auto j = nlohmann::json::parse(config.constData(), config.constData() + config.size(),
                                             nullptr, false);
        if (!j.is_discarded() && j.is_object())
            m_form->setConfigJson(j);
    }
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/dockShares"),
                      QList<QVariant>{m_shares.left, m_shares.right, m_shares.bottom});
    settings.setValue(QStringLiteral("runsRoot"), m_runsRoot);
    settings.setValue(QStringLiteral("lastConfig"),
                      QByteArray::fromStdString(m_form->configJson().dump()));
}

void MainWindow::loadPreset(const QString &name)
{
    m_form->loadPreset(name);
}

std::optional<RunConfig> MainWindow::formConfig()
{
    if (!m_form->isValid()) {
        warn(tr("Invalid configuration"),
             tr("Fix these settings first:\n%1").arg(m_form->problems().join(QLatin1Char('\n'))));
        return std::nullopt;
    }
    try {
        return configFromJson(m_form->configJson());
    } catch (const std::exception &e) {
        warn(tr("Invalid configuration"), QString::fromStdString(e.what()));
        return std::nullopt;
    }
}

namespace {

/// Whether the run directory holds an evaluation (false when its config cannot be read).
bool isEvaluationRun(const QString &dir)
{
    try {
        return RunDirectory(dir.toStdString()).loadConfig().task == TaskKind::Evaluate;
    } catch (const std::exception &) {
        return false;
    }
}

} // namespace

void MainWindow::showRunKind(bool evaluation)
{
    m_evaluation = evaluation;
    bool languageModel = false;
    try {
        languageModel = evaluation &&
                        RunDirectory(runDirectory().toStdString()).loadConfig().space.kind ==
                            SpaceKind::Rnn;
    } catch (const std::exception &) {
    }
    m_curves->setEvaluation(evaluation, languageModel);
}

void MainWindow::beginLiveRun(const QString &dir, const QString &logLine, bool evaluation)
{
    m_errorShown = false;
    showRunKind(evaluation);
    m_recent->add(dir);
    if (!logLine.isEmpty())
        m_log->appendMessage(MessageLevel::Info, logLine);
    setRunState(RunState::Running);
}

bool MainWindow::startSearch()
{
    return startFromForm(QString());
}

bool MainWindow::forkFromCheckpoint(const QString &checkpoint)
{
    return startFromForm(checkpoint);
}

bool MainWindow::startFromForm(const QString &checkpoint)
{
    if (m_session->isActive())
        return false;
    const std::optional<RunConfig> config = formConfig();
    if (!config)
        return false;
    const bool fork = !checkpoint.isEmpty();
    const QString name = QString::fromStdString(config->name);
    const QString dir =
        RunSession::newRunDirectory(m_runsRoot, fork ? name + QStringLiteral("-fork") : name);
    clearRun();
    logRunIn(dir);
    QString error;
    if (fork ? !m_session->fork(checkpoint, *config, dir, &error)
             : !m_session->startNew(*config, dir, &error)) {
        warn(fork ? tr("Cannot fork") : tr("Cannot start"), error);
        return false;
    }
    const QString where = QDir::toNativeSeparators(dir);
    beginLiveRun(dir,
                 fork ? tr("Forked %1 into %2").arg(QDir::toNativeSeparators(checkpoint), where)
                      : tr("New run in %1").arg(where),
                 config->task == TaskKind::Evaluate);
    return true;
}

bool MainWindow::evaluateRun(const QString &searchDir, RunConfig config)
{
    if (m_session->isActive())
        return false;
    const QString source = QDir(searchDir).absolutePath();
    config.task = TaskKind::Evaluate;
    config.evaluation.genotype = source.toStdString();
    // Named after the search; its own data folder when it searched the same data set.
    QString name = QFileInfo(source).fileName();
    try {
        const RunConfig search = RunDirectory(source.toStdString()).loadConfig();
        name = QString::fromStdString(search.name);
        if (search.dataset.name == config.dataset.name && !search.dataset.path.empty())
            config.dataset.path = search.dataset.path;
    } catch (const std::exception &) {
        // A genotype without the search's config (copied there by hand): the preset's data.
    }
    config.name = name.toStdString() + "-eval";
    const QString dir =
        RunSession::newRunDirectory(m_runsRoot, QString::fromStdString(config.name));
    clearRun();
    logRunIn(dir);
    QString error;
    if (!m_session->startNew(config, dir, &error)) {
        warn(tr("Cannot evaluate"), error);
        return false;
    }
    m_form->setConfigJson(toJson(config));
    beginLiveRun(dir,
                 (config.space.kind == SpaceKind::Rnn
                      ? tr("Evaluating the recurrent cell of %1 in %2: the curves show the "
                           "training and validation loss per word; the test perplexity comes "
                           "at the end")
                      : tr("Evaluating the cell of %1 in %2: the curves show training and test "
                           "accuracy"))
                     .arg(QDir::toNativeSeparators(source), QDir::toNativeSeparators(dir)),
                 true);
    return true;
}

void MainWindow::evaluateShownRun()
{
    const QString source = runDirectory();
    if (source.isEmpty())
        return;
    QStringList presets;
    QString match;
    std::string dataset;
    std::optional<SpaceKind> space;
    try {
        const RunConfig search = RunDirectory(source.toStdString()).loadConfig();
        dataset = nameOf(search.dataset.name);
        space = search.space.kind;
    } catch (const std::exception &) {
    }
    for (const std::string &name : presetNames()) {
        try {
            // Only the presets that can train this kind of cell: an image network for a CNN
            // cell, a language model for a recurrent one.
            const RunConfig c = presetConfig(name);
            if (c.task != TaskKind::Evaluate || (space && c.space.kind != *space))
                continue;
            presets << QString::fromStdString(name);
            if (match.isEmpty() && nameOf(c.dataset.name) == dataset)
                match = presets.back();
        } catch (const std::exception &) {
        }
    }
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, tr("Evaluate derived architecture"),
                              tr("Train the cell of %1 on its own with the evaluation preset:")
                                  .arg(QFileInfo(source).fileName()),
                              presets, std::max(0, int(presets.indexOf(match))), false, &ok);
    if (!ok || chosen.isEmpty())
        return;
    evaluateRun(source, presetConfig(chosen.toStdString()));
}

void MainWindow::exportComparison()
{
    QString filter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export evaluations"), QDir(m_runsRoot).filePath(QStringLiteral("evaluations")),
        tr("CSV (*.csv);;Markdown (*.md);;LaTeX tabular (*.tex)"), &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter.contains(QLatin1String("*.md"))    ? QStringLiteral(".md")
                : filter.contains(QLatin1String("*.tex")) ? QStringLiteral(".tex")
                                                          : QStringLiteral(".csv");
    QString error;
    if (!m_comparison->exportTable(path, &error))
        warn(tr("Cannot export the evaluations"), error);
}

void MainWindow::togglePause()
{
    if (m_state == RunState::Paused)
        controller()->resume();
    else
        controller()->pause();
}

bool MainWindow::resumeRunDirectory(const QString &dir)
{
    if (m_session->isActive())
        return false;
    clearRun();
    logRunIn(dir);
    QString error;
    if (!m_session->resume(dir, &error)) {
        warn(tr("Cannot resume"), error);
        return false;
    }
    beginLiveRun(dir, QString(), isEvaluationRun(dir));
    m_files->loadRunConfig(dir);
    return true;
}

bool MainWindow::openRunDirectory(const QString &dir)
{
    if (m_session->isActive()) {
        warn(tr("Search running"), tr("Stop the running search before opening another run."));
        return false;
    }
    clearRun();
    logRunIn(dir);
    QString error;
    if (!m_session->open(dir, &error)) { // shows what is there now
        warn(tr("Cannot open run"), error);
        return false;
    }
    m_recent->add(dir);
    m_files->loadRunConfig(dir);
    showRunKind(isEvaluationRun(dir));
    updateActions();
    updateTitle();
    return true;
}

void MainWindow::drainNow()
{
    m_session->drainNow();
}

void MainWindow::onUpdate(const RunUpdate &u)
{
    QElapsedTimer timer;
    timer.start();
    if (u.reset)
        clearRun();
    m_hub->apply(u);
    if (!u.snapshots.empty()) {
        const Snapshot &last = u.snapshots.back();
        const bool live = m_session->source() == RunSession::Source::Live;
        m_status->showProgress(u.snapshots, live);
        if (live)
            m_steering->showProgress(RunStatusBar::progressText(last, m_status->etaSeconds()));
        m_steering->showCurrent(last.lambda, last.alpha, last.lambdaStep);
    }
    if (u.state)
        setRunState(*u.state);
    if (m_session->source() == RunSession::Source::Live) {
        for (const RunEventInfo &e : u.events) {
            if (e.kind == RunEventKind::Collapse)
                onCollapse(e);
        }
    }
    m_lastDrainMs = double(timer.nsecsElapsed()) / 1e6;
    m_lastDrainSnapshots = int(u.snapshots.size());
    Q_EMIT updatesApplied(m_lastDrainMs, m_lastDrainSnapshots);
}

void MainWindow::onCollapse(const RunEventInfo &e)
{
    // The engine paused the run (or, with search.on_collapse "continue", goes on: then the log
    // says so and no question is asked).
    onErrorMessage(tr("A cell collapsed at step %1.").arg(e.step));
    if (!m_interactive || controller()->state() != RunState::Paused)
        return;
    // The event's value: the cell type's index, -1 when every type collapsed in the same step
    // (the recurrent space has one).
    bool recurrent = false;
    try {
        recurrent =
            loadConfigFile((controller()->runDir() + QStringLiteral("/config.json")).toStdString())
                .space.kind == SpaceKind::Rnn;
    } catch (const std::exception &) {
        // A run directory without a readable config: its cells are named as a CNN run's.
    }
    const QString cell = recurrent      ? tr("recurrent")
                         : e.value < 0  ? tr("normal") + QStringLiteral(" / ") + tr("reduction")
                         : e.value == 0 ? tr("normal")
                                        : tr("reduction");
    StudioDialogs::collapse(
        this, cell, e.step, e.lambda, [this] { controller()->rollback(); },
        [this] { controller()->resume(); }, [this] { controller()->stop(); });
}

void MainWindow::clearRun()
{
    m_hub->clear();
    m_status->clear();
}

void MainWindow::logRunIn(const QString &dir)
{
    const QString path = QDir(dir).absolutePath();
    if (path == m_loggedRunDir)
        return;
    m_loggedRunDir = path;
    m_log->forgetLoggedEpochs();
}

void MainWindow::setRunState(RunState state)
{
    m_state = state;
    m_status->setState(state);
    updateActions();
    updateTitle();
}

void MainWindow::updateActions()
{
    const bool active = m_session->isActive();
    const QString dir = runDirectory();
    m_actions->update(active, m_state == RunState::Paused, m_form->isValid(), !dir.isEmpty(),
                      !dir.isEmpty() && QFileInfo::exists(dir + QStringLiteral("/genotype.json")));
    m_form->setEditable(!active);
    m_steering->setLive(active && !m_evaluation);
}

void MainWindow::updateTitle()
{
    QString title = tr("SparseNAS Studio");
    if (!runDirectory().isEmpty())
        title = QStringLiteral("%1 — %2 [%3]")
                    .arg(QFileInfo(runDirectory()).fileName(), title, m_status->stateText());
    setWindowTitle(title);
}

void MainWindow::onRunEnded(RunState state, const QString &engineMessage)
{
    const QString message = presentEngineMessage(engineMessage);
    const auto result = controller()->lastResult();
    const bool started = !result || result->started;
    // A run refused before it began (its directory written by another process) did not fail:
    // nothing ran, and the directory is as it was.
    setRunState(started ? state : RunState::Idle);
    const QString dir = runDirectory();
    m_status->showEnded(started ? state : RunState::Idle, message, dir);
    if (QFileInfo::exists(dir + QStringLiteral("/evaluation.json"))) {
        m_comparison->refresh();
        m_comparisonDock->raise();
    }
    if (state != RunState::Failed)
        return;
    if (!QFileInfo::exists(dir))
        m_recent->remove(dir); // a run that never started leaves no directory behind
    if (!m_errorShown && m_interactive) {
        m_errorShown = true;
        StudioDialogs::runFailure(this, dir, message, started, [this, dir] {
            if (resumeRunDirectory(dir))
                controller()->pause(); // applied before the first step
        });
    }
}

void MainWindow::warn(const QString &title, const QString &text)
{
    if (m_interactive) {
        QMessageBox::warning(this, title, text);
    } else {
        m_log->appendMessage(MessageLevel::Warning, title + QStringLiteral(": ") + text);
        statusBar()->showMessage(text, 15000);
    }
}

void MainWindow::onErrorMessage(const QString &text)
{
    // Errors (a diverged loss, a failed checkpoint) must not go unseen: show the log.
    m_logDock->show();
    m_logDock->raise();
    statusBar()->showMessage(text, 15000);
}

QDockWidget *MainWindow::dockIn(Qt::DockWidgetArea area) const
{
    for (QDockWidget *dock : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly)) {
        if (dock->isVisible() && !dock->isFloating() && dockWidgetArea(dock) == area)
            return dock;
    }
    return nullptr;
}

MainWindow::DockShares MainWindow::measureDockShares() const
{
    DockShares s = m_shares;
    const double w = std::max(1, width()), h = std::max(1, height());
    if (QDockWidget *left = dockIn(Qt::LeftDockWidgetArea))
        s.left = left->width() / w;
    if (QDockWidget *right = dockIn(Qt::RightDockWidgetArea))
        s.right = right->width() / w;
    if (QDockWidget *bottom = dockIn(Qt::BottomDockWidgetArea)) {
        // The area, as resizeDocks() sizes it: tabbed docks' tab bar included.
        const int end = statusBar()->isVisible() ? statusBar()->geometry().top() : height();
        s.bottom = (end - bottom->geometry().top()) / h;
    }
    return s;
}

void MainWindow::applyDockShares()
{
    m_applyingShares = true;
    m_sharesWindowSize = size();
    QList<QDockWidget *> columns;
    QList<int> widths;
    const auto add = [&](Qt::DockWidgetArea area, double share) {
        if (QDockWidget *dock = dockIn(area); dock && share > 0) {
            columns << dock;
            widths << int(share * width());
        }
    };
    add(Qt::LeftDockWidgetArea, m_shares.left);
    add(Qt::RightDockWidgetArea, m_shares.right);
    if (!columns.isEmpty())
        resizeDocks(columns, widths, Qt::Horizontal);
    if (QDockWidget *bottom = dockIn(Qt::BottomDockWidgetArea); bottom && m_shares.bottom > 0)
        resizeDocks({bottom}, {int(m_shares.bottom * height())}, Qt::Vertical);
    // The docks take their new sizes in the layout's posted request: only then are resizes
    // the user's again.
    QTimer::singleShot(0, this, [this] { m_applyingShares = false; });
}

void MainWindow::fitLayoutToScreen(bool first)
{
    const QScreen *shown = screen();
    const int available = (shown ? shown->availableGeometry().width() : 1024) - 16; // the frame
    const auto fits = [&] { return minimumSizeHint().width() <= available; };
    if (!first && fits())
        return;
    // The cell graph becomes a tab of the bottom row instead of standing beside it.
    const auto tabifyGraph = [this] {
        if (dockWidgetArea(m_graphDock) == Qt::BottomDockWidgetArea && !m_graphDock->isFloating() &&
            tabifiedDockWidgets(m_graphDock).isEmpty()) {
            tabifyDockWidget(m_pathDock, m_graphDock);
            m_pathDock->raise();
        }
    };
    if (first) {
        // Full height, the form shows three times the fields on a low screen (a 1024x700
        // projector showed two); that is worth more there than the cell graph beside the
        // paths, which stays a click away in their tabs.
        setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
        if (fits())
            return;
        tabifyGraph();
        if (fits())
            return;
    }
    // Later a view that shows a run may grow (the cell graph draws two cells side by side).
    tabifyGraph();
    if (!fits())
        setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    if (isVisible() && width() > available && fits())
        resize(available, height());
}

bool MainWindow::event(QEvent *event)
{
    const bool done = QMainWindow::event(event);
    // A view's minimum size changed (the cell graph's grows when it draws two cells side by
    // side): the layout asks to be redone.
    if (event->type() == QEvent::LayoutRequest && isVisible())
        fitLayoutToScreen(false);
    return done;
}

void MainWindow::showEvent(QShowEvent *event)
{
    if (!event->spontaneous())
        fitLayoutToScreen(true);
    QMainWindow::showEvent(event);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    m_lastWindowSize = event->size();
    // Qt shrinks the docks with the window but gives every pixel back to the central widget
    // when it grows: the docks would keep their shrunken sizes. Give them their shares again,
    // once the window's layout has its new size (and, at the first show, its docks are shown).
    if (m_sharesPending)
        return;
    m_sharesPending = true;
    QTimer::singleShot(0, this, [this] {
        m_sharesPending = false;
        if (m_sharesKnown) {
            applyDockShares();
            return;
        }
        m_sharesWindowSize = size(); // a restored layout: its shares are the user's
        m_shares = measureDockShares();
        m_sharesKnown = true;
    });
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // A dock resized while the window kept its size: the user dragged a separator, or showed
    // or hid a dock. That layout's shares are the ones to keep.
    // (Qt resizes the docks of a resized window before the window's resizeEvent: then the size
    // differs from the last one seen.)
    if (event->type() == QEvent::Resize && !m_applyingShares && !m_sharesPending &&
        size() == m_lastWindowSize && size() == m_sharesWindowSize && isVisible() &&
        qobject_cast<QDockWidget *>(watched)) {
        m_shares = measureDockShares();
        m_sharesKnown = true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_session->isActive()) {
        if (m_interactive && !m_closing) {
            const auto answer = QMessageBox::question(
                this, tr("Search running"),
                tr("A search is running. Stop it (a checkpoint is written so it can be "
                   "resumed) and quit?"),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
            if (answer != QMessageBox::Yes) {
                event->ignore();
                return;
            }
        }
        // Stop, and close for real once the engine thread has ended (the stop takes effect
        // before the next batch; a full validation or a checkpoint in progress finishes
        // first). The window keeps painting meanwhile.
        if (!m_closing) {
            m_closing = true;
            centralWidget()->setEnabled(false);
            statusBar()->showMessage(tr("Stopping the search and writing a checkpoint…"));
            connect(m_session, &RunSession::runEnded, this, &QWidget::close, Qt::QueuedConnection);
            controller()->stop();
        }
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}

} // namespace sparsenas
