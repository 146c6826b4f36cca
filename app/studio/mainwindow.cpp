// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "cellexporter.h"
#include "graphvizservice.h"
#include "runfollower.h"
#include "searchcontroller.h"

#include "cellgraphview.h"
#include "configform.h"
#include "curvesview.h"
#include "archweightsview.h"
#include "logview.h"
#include "regpathview.h"
#include "runview.h"
#include "steeringpanel.h"
#include "survivalview.h"

#include "sparsenas/base/config.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/searchengine.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

#include <climits>

namespace sparsenas {

namespace {

const int kMaxRecentRuns = 8;

QString formatDuration(double seconds)
{
    if (!(seconds >= 0) || seconds > 1e7)
        return QStringLiteral("–");
    const qint64 s = qint64(seconds + 0.5);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    m_controller = new SearchController(this);
    m_follower = new RunFollower(this);
    m_graphviz = new GraphvizService(this);
    m_runsRoot = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                     .filePath(QStringLiteral("SparseNAS/runs"));

    // Coalescing: the first update after a drain arms a 40 ms single-shot timer; everything
    // that arrives meanwhile is drained in one go (STYLE.md, threads and streaming).
    m_drainTimer.setSingleShot(true);
    m_drainTimer.setInterval(40);
    connect(&m_drainTimer, &QTimer::timeout, this, &MainWindow::drain);
    connect(m_controller, &SearchController::dataAvailable, this, &MainWindow::scheduleDrain);
    connect(m_follower, &RunFollower::dataAvailable, this, &MainWindow::scheduleDrain);
    connect(m_controller, &SearchController::runEnded, this, &MainWindow::onRunEnded);

    createViews();
    createActions();
    createMenus();
    createStatusBar();
    readSettings();
    m_form->setCudaAvailable(cudaAvailable());
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow() = default;

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
    QDockWidget *pathDock = addDock(m_regPaths, tr("Regularization paths"),
                                    QStringLiteral("RegPathDock"), Qt::BottomDockWidgetArea);
    m_cellGraph = new CellGraphView(this);
    QDockWidget *graphDock = addDock(m_cellGraph, tr("Cell graph"), QStringLiteral("CellGraphDock"),
                                     Qt::BottomDockWidgetArea);
    splitDockWidget(pathDock, graphDock, Qt::Horizontal);
    m_survival = new SurvivalView(this);
    QDockWidget *survivalDock = addDock(m_survival, tr("Node survival"),
                                        QStringLiteral("SurvivalDock"), Qt::BottomDockWidgetArea);
    m_log = new LogView(this);
    m_logDock = addDock(m_log, tr("Run log"), QStringLiteral("LogDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(pathDock, survivalDock);
    tabifyDockWidget(survivalDock, m_logDock);
    pathDock->raise();
    resizeDocks({pathDock}, {330}, Qt::Vertical);
    resizeDocks({pathDock, graphDock}, {800, 600}, Qt::Horizontal);

    m_views = {m_curves, m_archWeights, m_survival, m_regPaths, m_log};

    // Selections travel between the views: a path clicked in one is shown in the others.
    connect(m_regPaths, &RegPathView::pathSelected, this,
            [this](const QString &type, int edge, int op) {
                m_archWeights->highlight(type, edge, op);
                m_cellGraph->highlightEdge(type, edge, op);
            });
    connect(m_archWeights, &ArchWeightsView::entrySelected, this,
            [this](const QString &type, int edge, int op) {
                m_regPaths->highlightPath(type, edge, op);
                m_cellGraph->highlightEdge(type, edge, op);
            });
    connect(m_cellGraph, &CellGraphView::renderRequested, this,
            [this](quint64 id, const QString &type, const QString &dot) {
                m_graphviz->requestRenderWithId(id, QStringLiteral("cell:") + type, dot);
            });
    connect(m_graphviz, &GraphvizService::rendered, this,
            [this](quint64 id, const QString &key, const QByteArray &svg, const QString &error) {
                if (key.startsWith(QLatin1String("cell:")))
                    m_cellGraph->setRendered(id, key.mid(5), svg, error);
            });
    connect(m_log, &LogView::errorAppended, this, &MainWindow::onErrorMessage);
    connect(m_form, &ConfigForm::validityChanged, this, &MainWindow::updateActions);

    connect(m_steering, &SteeringPanel::lambdaRequested, m_controller,
            &SearchController::setLambda);
    connect(m_steering, &SteeringPanel::alphaRequested, m_controller,
            &SearchController::setAlpha);
    connect(m_steering, &SteeringPanel::lambdaStepRequested, m_controller,
            &SearchController::setLambdaStep);
}

QDockWidget *MainWindow::addDock(QWidget *view, const QString &title, const QString &objectName,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(view);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createActions()
{
    const auto icon = [this](QStyle::StandardPixmap p) { return style()->standardIcon(p); };
    m_startAct = new QAction(icon(QStyle::SP_MediaPlay), tr("&Start search"), this);
    m_startAct->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
    m_startAct->setStatusTip(tr("Start a new search with the configuration on the left"));
    connect(m_startAct, &QAction::triggered, this, [this] { startSearch(); });

    m_pauseAct = new QAction(icon(QStyle::SP_MediaPause), tr("&Pause"), this);
    m_pauseAct->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_P), QKeySequence(Qt::Key_F6)});
    m_pauseAct->setStatusTip(tr("Pause or resume the search after the current batch"));
    connect(m_pauseAct, &QAction::triggered, this, &MainWindow::togglePause);

    m_stopAct = new QAction(icon(QStyle::SP_MediaStop), tr("S&top"), this);
    m_stopAct->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Period),
                             QKeySequence(Qt::SHIFT | Qt::Key_F5)});
    m_stopAct->setStatusTip(tr("Stop after the current batch; a checkpoint is written"));
    connect(m_stopAct, &QAction::triggered, m_controller, &SearchController::stop);

    m_checkpointAct = new QAction(icon(QStyle::SP_DialogSaveButton), tr("Save &checkpoint"), this);
    m_checkpointAct->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    connect(m_checkpointAct, &QAction::triggered, m_controller, &SearchController::checkpointNow);

    m_forkAct = new QAction(tr("&Fork from checkpoint…"), this);
    m_forkAct->setStatusTip(tr("Start a new run from a checkpoint with the settings on the left"));
    connect(m_forkAct, &QAction::triggered, this, &MainWindow::forkRun);

    m_resumeRunAct = new QAction(tr("Resume r&un…"), this);
    m_resumeRunAct->setStatusTip(tr("Continue a stopped or killed run from its last checkpoint"));
    connect(m_resumeRunAct, &QAction::triggered, this, &MainWindow::resumeRun);

    m_openAct = new QAction(icon(QStyle::SP_DirOpenIcon), tr("&Open run directory…"), this);
    m_openAct->setShortcut(QKeySequence::Open);
    connect(m_openAct, &QAction::triggered, this, &MainWindow::openRunDialog);

    m_exportCellAct = new QAction(tr("&Export cell for paper…"), this);
    m_exportCellAct->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exportCellAct, &QAction::triggered, this, &MainWindow::exportCell);

    m_exportCsvAct = new QAction(tr("Export &metrics as CSV…"), this);
    connect(m_exportCsvAct, &QAction::triggered, this, &MainWindow::exportMetricsCsv);

    auto *toolbar = addToolBar(tr("Run"));
    toolbar->setObjectName(QStringLiteral("RunToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_startAct);
    toolbar->addAction(m_pauseAct);
    toolbar->addAction(m_stopAct);
    toolbar->addAction(m_checkpointAct);
    toolbar->addSeparator();
    toolbar->addAction(m_openAct);
    toolbar->addAction(m_exportCellAct);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAct);
    m_recentMenu = file->addMenu(tr("Recent &runs"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    file->addSeparator();
    file->addAction(tr("&Load configuration…"), this, &MainWindow::loadConfigFile);
    file->addAction(tr("Save configuration &as…"), this, &MainWindow::saveConfigFile);
    file->addSeparator();
    file->addAction(m_exportCellAct);
    QMenu *views = file->addMenu(tr("Export &view"));
    views->addAction(tr("Training curves…"), this,
                     [this] { exportView(m_curves, tr("training curves"), false); });
    views->addAction(tr("Architecture weights…"), this,
                     [this] { exportView(m_archWeights, tr("architecture weights"), true); });
    views->addAction(tr("Node survival…"), this,
                     [this] { exportView(m_survival, tr("node survival"), false); });
    views->addAction(tr("Regularization paths…"), this,
                     [this] { exportView(m_regPaths, tr("regularization paths"), false); });
    views->addAction(tr("Cell graph…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export cell graph"), QString(),
            tr("SVG drawing (*.svg);;PDF document (*.pdf);;PNG image (*.png)"));
        QString error;
        if (!path.isEmpty() && !m_cellGraph->exportImage(path, &error))
            warn(tr("Export failed"), error);
    });
    file->addAction(m_exportCsvAct);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_startAct);
    run->addAction(m_pauseAct);
    run->addAction(m_stopAct);
    run->addAction(m_checkpointAct);
    run->addSeparator();
    run->addAction(m_forkAct);
    run->addAction(m_resumeRunAct);
    QMenu *presets = run->addMenu(tr("Load pr&eset"));
    for (const std::string &name : presetNames()) {
        const QString n = QString::fromStdString(name);
        presets->addAction(n, this, [this, n] { loadPreset(n); });
    }

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About SparseNAS Studio"), this, &MainWindow::showAbout);
    rebuildRecentMenu();
}

void MainWindow::createStatusBar()
{
    m_stateLabel = new QLabel(this);
    m_etaLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    statusBar()->addPermanentWidget(m_etaLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_stateLabel);
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1500, 940);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_runsRoot = settings.value(QStringLiteral("runsRoot"), m_runsRoot).toString();
    const QByteArray config = settings.value(QStringLiteral("lastConfig")).toByteArray();
    if (!config.isEmpty()) {
        const auto j = nlohmann::json::parse(config.constData(),
                                             config.constData() + config.size(), nullptr, false);
        if (!j.is_discarded() && j.is_object())
            m_form->setConfigJson(j);
    }
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("runsRoot"), m_runsRoot);
    settings.setValue(QStringLiteral("lastConfig"),
                      QByteArray::fromStdString(m_form->configJson().dump()));
}

void MainWindow::loadPreset(const QString &name)
{
    m_form->loadPreset(name);
}

QString MainWindow::newRunDirectory(const QString &name) const
{
    QString safe = name;
    for (QChar &c : safe) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    }
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString dir = QDir(m_runsRoot).filePath(safe + QLatin1Char('-') + stamp);
    for (int i = 2; QFileInfo::exists(dir); ++i)
        dir = QDir(m_runsRoot).filePath(safe + QLatin1Char('-') + stamp + QLatin1Char('-')
                                        + QString::number(i));
    return dir;
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

void MainWindow::beginLiveRun(const QString &dir, const QString &logLine)
{
    m_source = Source::Live;
    m_runDir = dir;
    m_errorShown = false;
    addRecentRun(dir);
    if (!logLine.isEmpty())
        m_log->appendMessage(MessageLevel::Info, logLine);
    setRunState(RunState::Running);
}

bool MainWindow::startSearch()
{
    if (m_controller->isActive())
        return false;
    const std::optional<RunConfig> config = formConfig();
    if (!config)
        return false;
    const QString dir = newRunDirectory(QString::fromStdString(config->name));
    m_follower->close();
    clearViews();
    QString error;
    if (!m_controller->startNew(*config, dir, &error)) {
        warn(tr("Cannot start"), error);
        return false;
    }
    beginLiveRun(dir, tr("New run in %1").arg(QDir::toNativeSeparators(dir)));
    return true;
}

void MainWindow::togglePause()
{
    if (m_state == RunState::Paused)
        m_controller->resume();
    else
        m_controller->pause();
}

void MainWindow::forkRun()
{
    if (m_controller->isActive())
        return;
    const QString start = m_runDir.isEmpty() ? m_runsRoot
                                             : QDir(m_runDir).filePath(QStringLiteral("checkpoints"));
    const QString ckpt = QFileDialog::getOpenFileName(this, tr("Fork from checkpoint"), start,
                                                      tr("Checkpoints (*.pt)"));
    if (!ckpt.isEmpty())
        forkFromCheckpoint(ckpt);
}

bool MainWindow::forkFromCheckpoint(const QString &ckpt)
{
    if (m_controller->isActive())
        return false;
    const std::optional<RunConfig> config = formConfig();
    if (!config)
        return false;
    const QString dir =
        newRunDirectory(QString::fromStdString(config->name) + QStringLiteral("-fork"));
    m_follower->close();
    clearViews();
    QString error;
    if (!m_controller->forkRun(ckpt, *config, dir, &error)) {
        warn(tr("Cannot fork"), error);
        return false;
    }
    beginLiveRun(dir, tr("Forked %1 into %2")
                          .arg(QDir::toNativeSeparators(ckpt), QDir::toNativeSeparators(dir)));
    return true;
}

void MainWindow::resumeRun()
{
    if (m_controller->isActive())
        return;
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Resume run"), m_runDir.isEmpty() ? m_runsRoot : m_runDir);
    if (!dir.isEmpty())
        resumeRunDirectory(dir);
}

bool MainWindow::resumeRunDirectory(const QString &dir)
{
    if (m_controller->isActive())
        return false;
    m_follower->close();
    clearViews();
    QString error;
    if (!m_controller->resumeRun(dir, &error)) {
        warn(tr("Cannot resume"), error);
        return false;
    }
    beginLiveRun(dir, QString());
    // The engine cuts the run back to its checkpoint and says so ("truncated"); apply() then
    // replays the history on disk before the live steps.
    try {
        m_form->setConfigJson(toJson(RunDirectory(dir.toStdString()).loadConfig()));
    } catch (const std::exception &) {
        // The engine reports an unreadable config itself.
    }
    return true;
}

void MainWindow::openRunDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Open run directory"), m_runDir.isEmpty() ? m_runsRoot : m_runDir);
    if (!dir.isEmpty())
        openRunDirectory(dir);
}

bool MainWindow::openRunDirectory(const QString &dir)
{
    if (m_controller->isActive()) {
        warn(tr("Search running"),
                                 tr("Stop the running search before opening another run."));
        return false;
    }
    QString error;
    clearViews();
    if (!m_follower->open(dir, &error)) {
        warn(tr("Cannot open run"), error);
        return false;
    }
    m_source = Source::Followed;
    m_runDir = dir;
    addRecentRun(dir);
    try {
        m_form->setConfigJson(toJson(RunDirectory(dir.toStdString()).loadConfig()));
    } catch (const std::exception &) {
        // The follower read it a moment ago; a failure here only leaves the form as it was.
    }
    m_follower->poll();
    drainNow();
    updateActions();
    updateTitle();
    return true;
}

void MainWindow::scheduleDrain()
{
    if (!m_drainTimer.isActive())
        m_drainTimer.start();
}

void MainWindow::drainNow()
{
    m_drainTimer.stop();
    drain();
}

void MainWindow::drain()
{
    RunUpdate update = m_source == Source::Followed ? m_follower->takeUpdate()
                                                    : m_controller->takeUpdate();
    if (!update.empty())
        apply(std::move(update));
}

void MainWindow::apply(RunUpdate &&u)
{
    QElapsedTimer timer;
    timer.start();
    if (u.reset) {
        clearViews();
        if (u.replayFromDisk)
            replayHistory(u);
    }
    if (!u.snapshots.empty()) {
        for (RunView *view : m_views)
            view->addSnapshots(u.snapshots);
        const Snapshot &last = u.snapshots.back();
        showProgress(last);
        m_steering->showCurrent(last.lambda, last.alpha, last.lambdaStep);
    }
    for (const EpochSummary &e : u.epochs) {
        for (RunView *view : m_views)
            view->addEpoch(e);
    }
    for (const RunEventInfo &info : u.events) {
        if (info.kind == RunEventKind::Truncated)
            continue; // not a change the user made: the views were reset for it
        const RunEvent ev = toRunEvent(info);
        for (RunView *view : m_views) {
            if (view != m_log) // the engine's own message says the same in the log
                view->addEvent(ev);
        }
    }
    for (const auto &[level, text] : u.messages)
        m_log->appendMessage(level, QString::fromStdString(text));

    // Heavy views take the newest matrices only.
    const std::vector<CellSnapshot> *cells = nullptr;
    for (auto it = u.snapshots.rbegin(); it != u.snapshots.rend() && !cells; ++it) {
        if (!it->cells.empty() && !it->cells.front().weights.weights.empty())
            cells = &it->cells;
    }
    if (!cells && !u.epochs.empty() && !u.epochs.back().cells.empty()
        && !u.epochs.back().cells.front().weights.weights.empty())
        cells = &u.epochs.back().cells;
    if (cells) {
        m_weights.clear();
        for (const CellSnapshot &c : *cells)
            m_weights.push_back(c.weights);
        m_cellGraph->setCells(m_weights);
    }
    if (u.state)
        setRunState(*u.state);
    m_lastDrainMs = double(timer.nsecsElapsed()) / 1e6;
    m_lastDrainSnapshots = int(u.snapshots.size());
    Q_EMIT updatesApplied(m_lastDrainMs, m_lastDrainSnapshots);
}

void MainWindow::replayHistory(RunUpdate &live)
{
    RunFollower history;
    if (!history.open(m_runDir))
        return;
    RunUpdate past;
    while (history.poll()) // all of it: the live steps are deduplicated against its end
        past.append(history.takeUpdate());
    past.append(history.takeUpdate());
    past.reset = false;
    past.state.reset();
    int64_t lastStep = -1, lastEpoch = -1;
    for (const Snapshot &s : past.snapshots)
        lastStep = std::max(lastStep, s.step);
    for (const EpochSummary &e : past.epochs)
        lastEpoch = std::max(lastEpoch, e.epoch);
    // What the engine reported since it cut the files back is on disk too: show it once.
    const auto newSnapshot = [&](const Snapshot &s) { return s.step > lastStep; };
    std::vector<Snapshot> keep;
    for (Snapshot &s : live.snapshots) {
        if (newSnapshot(s))
            keep.push_back(std::move(s));
    }
    live.snapshots = std::move(keep);
    std::vector<EpochSummary> keepEpochs;
    for (EpochSummary &e : live.epochs) {
        if (e.epoch > lastEpoch)
            keepEpochs.push_back(std::move(e));
    }
    live.epochs = std::move(keepEpochs);
    past.messages.clear(); // the log keeps its own lines
    apply(std::move(past));
}

void MainWindow::clearViews()
{
    for (RunView *view : m_views) {
        if (view != m_log)
            view->clearRun();
    }
    m_cellGraph->clear();
    m_weights.clear();
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_etaLabel->clear();
}

RunEvent MainWindow::toRunEvent(const RunEventInfo &info) const
{
    RunEvent ev;
    ev.step = info.step;
    ev.epochPos = epochPosition(info.epoch, info.stepInEpoch, info.stepsPerEpoch);
    ev.lambda = info.lambda;
    ev.value = info.value;
    const QString v = QString::number(info.value, 'g', 4);
    switch (info.kind) {
    case RunEventKind::Lambda:
        ev.kind = RunEvent::Kind::LambdaChanged;
        ev.text = tr("λ = %1").arg(v);
        break;
    case RunEventKind::Alpha:
        ev.kind = RunEvent::Kind::AlphaChanged;
        ev.text = tr("α = %1").arg(v);
        break;
    case RunEventKind::LambdaStep:
        ev.kind = RunEvent::Kind::LambdaStepChanged;
        ev.text = tr("λ step = %1").arg(v);
        break;
    case RunEventKind::Pause:
        ev.kind = RunEvent::Kind::Paused;
        ev.text = tr("paused");
        break;
    case RunEventKind::Resume:
        ev.kind = RunEvent::Kind::Resumed;
        ev.text = tr("resumed");
        break;
    case RunEventKind::Checkpoint:
        ev.kind = RunEvent::Kind::Checkpoint;
        ev.text = tr("checkpoint");
        break;
    default:
        ev.text = QString::fromStdString(toString(info.kind));
        break;
    }
    return ev;
}

void MainWindow::showProgress(const Snapshot &s)
{
    const qint64 total = s.epochs * s.stepsPerEpoch;
    if (total > 0) {
        m_progress->setRange(0, int(std::min<qint64>(total, INT_MAX)));
        m_progress->setValue(int(std::min<qint64>(s.step, INT_MAX)));
        m_progress->setFormat(tr("epoch %1/%2").arg(s.epoch + 1).arg(s.epochs));
    }
    const QString text = tr("Epoch %1/%2 · step %3/%4 · ETA %5")
                             .arg(s.epoch + 1)
                             .arg(s.epochs)
                             .arg(s.stepInEpoch + 1)
                             .arg(s.stepsPerEpoch)
                             .arg(formatDuration(s.etaSeconds));
    m_etaLabel->setText(m_source == Source::Live ? tr("ETA %1").arg(formatDuration(s.etaSeconds))
                                                 : QString());
    if (m_source == Source::Live)
        m_steering->showProgress(text);
}

void MainWindow::setRunState(RunState state)
{
    m_state = state;
    static const char *const names[] = {QT_TR_NOOP("idle"),     QT_TR_NOOP("running"),
                                        QT_TR_NOOP("paused"),   QT_TR_NOOP("finished"),
                                        QT_TR_NOOP("stopped"),  QT_TR_NOOP("failed")};
    m_stateLabel->setText(tr(names[int(state)]));
    updateActions();
    updateTitle();
}

void MainWindow::updateActions()
{
    const bool active = m_controller->isActive();
    m_startAct->setEnabled(!active && m_form->isValid());
    m_pauseAct->setEnabled(active);
    m_pauseAct->setText(m_state == RunState::Paused ? tr("&Resume") : tr("&Pause"));
    m_pauseAct->setIcon(style()->standardIcon(m_state == RunState::Paused ? QStyle::SP_MediaPlay
                                                                          : QStyle::SP_MediaPause));
    m_stopAct->setEnabled(active);
    m_checkpointAct->setEnabled(active);
    m_forkAct->setEnabled(!active);
    m_resumeRunAct->setEnabled(!active);
    m_openAct->setEnabled(!active);
    m_exportCsvAct->setEnabled(!m_runDir.isEmpty());
    m_form->setEditable(!active);
    m_steering->setLive(active);
}

void MainWindow::updateTitle()
{
    QString title = tr("SparseNAS Studio");
    if (!m_runDir.isEmpty())
        title = QStringLiteral("%1 — %2 [%3]")
                    .arg(QFileInfo(m_runDir).fileName(), title, m_stateLabel->text());
    setWindowTitle(title);
}

void MainWindow::onRunEnded(int state, const QString &message)
{
    setRunState(RunState(state));
    if (RunState(state) == RunState::Failed) {
        statusBar()->showMessage(tr("The search failed: %1").arg(message));
        if (!QFileInfo::exists(m_runDir)) {
            QSettings settings;
            QStringList recent = settings.value(QStringLiteral("recentRuns")).toStringList();
            recent.removeAll(m_runDir);
            settings.setValue(QStringLiteral("recentRuns"), recent);
        }
        rebuildRecentMenu();
        if (!m_errorShown && m_interactive) {
            m_errorShown = true;
            // Window-modal, not a nested event loop: the GUI keeps drawing behind it.
            // A run that never started leaves no directory behind (the engine removes it).
            const bool started = QFileInfo::exists(m_runDir);
            const QString text =
                started ? tr("The search stopped with an error:\n\n%1\n\nEverything up to the "
                             "last checkpoint is in %2.")
                              .arg(message, QDir::toNativeSeparators(m_runDir))
                        : tr("The search could not start:\n\n%1").arg(message);
            auto *box = new QMessageBox(QMessageBox::Critical, tr("Search failed"), text,
                                        QMessageBox::Close, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            // The run lives on from its last checkpoint: offer it back, paused, so the user can
            // change settings before it goes on.
            bool hasCheckpoint = false;
            try {
                hasCheckpoint = started
                                && !RunDirectory(m_runDir.toStdString()).latestCheckpoint().empty();
            } catch (const std::exception &) {
            }
            if (hasCheckpoint) {
                QPushButton *again =
                    box->addButton(tr("Resume paused from checkpoint"), QMessageBox::AcceptRole);
                connect(again, &QPushButton::clicked, this, [this] {
                    if (resumeRunDirectory(m_runDir))
                        m_controller->pause(); // applied before the first step
                });
            }
            box->open();
        }
    } else if (RunState(state) == RunState::Finished) {
        statusBar()->showMessage(tr("Search finished; the derived cell is in %1")
                                     .arg(QDir::toNativeSeparators(m_runDir)));
    } else {
        statusBar()->showMessage(tr("Search stopped; resume it with Run ▸ Resume run."));
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_controller->isActive()) {
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
            connect(m_controller, &SearchController::runEnded, this, &QWidget::close,
                    Qt::QueuedConnection);
            m_controller->stop();
        }
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}

void MainWindow::addRecentRun(const QString &dir)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentRuns")).toStringList();
    recent.removeAll(dir);
    recent.prepend(dir);
    while (recent.size() > kMaxRecentRuns)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentRuns"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentRuns")).toStringList();
    for (const QString &dir : recent) {
        QAction *a = m_recentMenu->addAction(QDir::toNativeSeparators(dir), this,
                                             [this, dir] { openRunDirectory(dir); });
        a->setEnabled(QFileInfo::exists(dir));
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About SparseNAS Studio"),
        tr("<h3>SparseNAS Studio %1</h3><p>Neural architecture search as a sparse supernet: "
           "a DARTS supernet with linear edges, sparsified by a Sparse Group Lasso penalty with "
           "hierarchical proximal optimizers (HAPG, AdamHAPG).</p><p>LibTorch %2 · BLAS: %3 · "
           "CUDA: %4</p>")
            .arg(QApplication::applicationVersion(), QString::fromStdString(torchVersion()),
                 QString::fromStdString(blasInUse()),
                 cudaAvailable() ? tr("available") : tr("not available")));
}

void MainWindow::loadConfigFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load configuration"), QString(),
                                                      tr("JSON configuration (*.json)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        warn(tr("Cannot load"),
                             tr("Cannot read %1: %2").arg(path, f.errorString()));
        return;
    }
    const QByteArray text = f.readAll();
    const auto j = nlohmann::json::parse(text.constData(), text.constData() + text.size(),
                                         nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        warn(tr("Cannot load"),
                             tr("%1 is not a JSON object; the form is unchanged.").arg(path));
        return;
    }
    m_form->setConfigJson(j); // problems, if any, are listed under the form
}

void MainWindow::saveConfigFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save configuration"),
                                                      QStringLiteral("config.json"),
                                                      tr("JSON configuration (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!CellExporter::writeText(path, QString::fromStdString(m_form->configJson().dump(2)),
                                 &error))
        warn(tr("Cannot save"), error);
}

void MainWindow::exportCell()
{
    if (m_weights.empty()) {
        warn(tr("Nothing to export"),
                                 tr("Start a search or open a run first: there is no cell yet."));
        return;
    }
    auto *exporter = new CellExporter(m_graphviz, this);
    exporter->run(m_weights);
}

void MainWindow::exportView(RunView *view, const QString &what, bool svg)
{
    QString filters = tr("PNG image (*.png);;PDF document (*.pdf)");
    if (svg)
        filters += tr(";;SVG drawing (*.svg)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(what), QString(),
                                                      filters);
    QString error;
    if (!path.isEmpty() && !view->exportImage(path, &error))
        warn(tr("Export failed"), error);
}

void MainWindow::exportMetricsCsv()
{
    const QString source = QDir(m_runDir).filePath(QStringLiteral("metrics.csv"));
    if (!QFileInfo::exists(source)) {
        warn(tr("No metrics yet"),
                                 tr("%1 has no metrics.csv yet: it is written at the end of "
                                    "every epoch.").arg(m_runDir));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export metrics"),
                                                      QStringLiteral("metrics.csv"),
                                                      tr("CSV table (*.csv)"));
    if (path.isEmpty())
        return;
    QFile::remove(path);
    if (!QFile::copy(source, path))
        warn(tr("Export failed"), tr("Cannot write %1.").arg(path));
}

} // namespace sparsenas
