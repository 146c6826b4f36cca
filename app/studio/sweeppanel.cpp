// SPDX-License-Identifier: MIT
#include "sweeppanel.h"

#include "clijob.h"
#include "figureview.h"

#include "sparsenas/base/config.h"
#include "sparsenas/base/errors.h"
#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/sweepparams.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace sparsenas {

namespace {

const QString kPresetRole = QStringLiteral("preset:");
const QString kFileRole = QStringLiteral("file:");
const QString kOpenedRole = QStringLiteral("opened:");

QString percentText(double v, int decimals)
{
    return v < 0 ? QString() : QString::number(100.0 * v, 'f', decimals);
}

/// "arch.lambda_step=0.01" as the curves' legend says it: "lambda_step=0.01".
QString shortAssignment(const std::string &assignment)
{
    const auto eq = assignment.find('=');
    const std::string field = assignment.substr(0, eq);
    const auto dot = field.rfind('.');
    return QString::fromStdString((dot == std::string::npos ? field : field.substr(dot + 1)) +
                                  assignment.substr(eq));
}

QStringList nonEmptyLines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    }
    return out;
}

} // namespace

SweepPanel::SweepPanel(const QString &runsRoot, QWidget *parent) : QWidget(parent)
{
    m_job = new CliJob(this);
    m_poll = new QTimer(this);
    m_poll->setInterval(1000);
    connect(m_poll, &QTimer::timeout, this, &SweepPanel::refresh);
    connect(m_job, &CliJob::outputLine, this,
            [this](const QString &line) { m_log->appendPlainText(line); });
    connect(m_job, &CliJob::finished, this, &SweepPanel::jobFinished);
    buildUi(runsRoot);
    restoreSetup();
    connect(m_grid, &QPlainTextEdit::textChanged, this, [this] {
        if (m_followed.isEmpty())
            refresh();
    });
    refresh();
}

SweepPanel::~SweepPanel()
{
    saveSetup();
    // The searches save their checkpoints before the studio goes: the sweep continues later.
    m_job->stopAndWait(CliJob::stopGraceMs);
}

void SweepPanel::saveSetup() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("sweep"));
    const QString base = m_base->currentData().toString();
    if (base.startsWith(kPresetRole))
        settings.setValue(QStringLiteral("preset"), base.mid(kPresetRole.size()));
    settings.setValue(QStringLiteral("grid"), m_grid->toPlainText());
    settings.setValue(QStringLiteral("settings"), m_sets->toPlainText());
    settings.setValue(QStringLiteral("jobs"), m_jobs->value());
    settings.setValue(QStringLiteral("evaluate"), m_evaluate->currentData().toString());
}

void SweepPanel::restoreSetup()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("sweep"));
    if (settings.contains(QStringLiteral("preset")))
        setBasePreset(settings.value(QStringLiteral("preset")).toString());
    if (settings.contains(QStringLiteral("grid")))
        m_grid->setPlainText(settings.value(QStringLiteral("grid")).toString());
    m_sets->setPlainText(settings.value(QStringLiteral("settings")).toString());
    m_jobs->setValue(settings.value(QStringLiteral("jobs"), 0).toInt());
    setEvaluatePreset(settings.value(QStringLiteral("evaluate")).toString());
}

QString SweepPanel::statusText() const
{
    return m_status->text();
}

void SweepPanel::buildUi(const QString &runsRoot)
{
    auto *form = new QWidget;
    auto *outer = new QVBoxLayout(form);
    auto *formLayout = new QFormLayout;
    outer->addLayout(formLayout);
    outer->addStretch(1); // the status stays under the buttons, the rest of the column empty
    formLayout->setRowWrapPolicy(QFormLayout::WrapLongRows);

    auto *baseRow = new QHBoxLayout;
    m_base = new QComboBox;
    m_base->setToolTip(tr("What every point starts from: a search preset, a configuration file, "
                          "or the base of an opened sweep. The grid and the settings below "
                          "change it."));
    for (const std::string &name : presetNames()) {
        try {
            if (presetConfig(name).task == TaskKind::Search)
                m_base->addItem(QString::fromStdString(name),
                                kPresetRole + QString::fromStdString(name));
        } catch (const std::exception &) {
        }
    }
    auto *config = new QPushButton(tr("File…"));
    config->setToolTip(tr("Start every point from a JSON configuration file instead"));
    connect(config, &QPushButton::clicked, this, &SweepPanel::chooseConfig);
    baseRow->addWidget(m_base, 1);
    baseRow->addWidget(config);
    formLayout->addRow(tr("Base"), baseRow);

    m_grid = new QPlainTextEdit;
    m_grid->setPlaceholderText(
        QStringLiteral("arch.alpha=0.3,0.5,0.7\narch.lambda_step=0.01,0.02"));
    m_grid->setPlainText(QStringLiteral("arch.alpha=0.3,0.5,0.7\narch.lambda_step=0.01,0.02"));
    m_grid->setToolTip(tr("One config field per line with the values it takes, e.g. "
                          "arch.alpha=0.3,0.5,0.7. Every combination is one search; the first "
                          "line varies slowest."));
    m_grid->setFixedHeight(fontMetrics().lineSpacing() * 4 + 12);
    formLayout->addRow(tr("Grid"), m_grid);

    m_sets = new QPlainTextEdit;
    m_sets->setPlaceholderText(QStringLiteral("search.epochs=10"));
    m_sets->setToolTip(tr("Settings for every point, one field=value per line (as --set)"));
    m_sets->setFixedHeight(fontMetrics().lineSpacing() * 3 + 12);
    formLayout->addRow(tr("Settings"), m_sets);

    m_jobs = new QSpinBox;
    m_jobs->setRange(0, 64);
    m_jobs->setSpecialValueText(tr("as the cores allow"));
    m_jobs->setToolTip(tr("Searches at once; the threads of each are chosen so that the cores "
                          "are not oversubscribed"));
    formLayout->addRow(tr("Parallel searches"), m_jobs);

    m_evaluate = new QComboBox;
    m_evaluate->addItem(tr("no evaluation"), QString());
    for (const std::string &name : presetNames()) {
        try {
            if (presetConfig(name).task == TaskKind::Evaluate)
                m_evaluate->addItem(QString::fromStdString(name), QString::fromStdString(name));
        } catch (const std::exception &) {
        }
    }
    m_evaluate->setToolTip(tr("Train each point's derived cell on its own after its search and "
                              "add its test accuracy to the summary"));
    formLayout->addRow(tr("Evaluate"), m_evaluate);

    auto *folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(QDir(runsRoot).filePath(
        QStringLiteral("sweep-") +
        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    m_folder->setToolTip(tr("The sweep folder: one run directory per point, sweep.json and the "
                            "summary. Starting a sweep in its own folder again continues it."));
    auto *browse = new QPushButton(tr("…"));
    browse->setToolTip(tr("Choose the sweep folder"));
    connect(browse, &QPushButton::clicked, this, &SweepPanel::chooseFolder);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    formLayout->addRow(tr("Folder"), folderRow);

    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start"));
    m_start->setToolTip(tr("Run the sweep; in a folder that holds it already, continue it "
                           "(finished points are not run again)"));
    m_stop = new QPushButton(tr("Stop"));
    m_stop->setToolTip(tr("Stop every running search after its checkpoint; Start continues"));
    auto *open = new QPushButton(tr("Open…"));
    open->setToolTip(tr("Follow a sweep folder, also one running from a terminal"));
    m_export = new QPushButton(tr("Export…"));
    m_export->setToolTip(tr("The summary as CSV or Markdown, or the curves as SVG, PDF or PNG, "
                            "as sparsenas sweep writes them"));
    connect(m_start, &QPushButton::clicked, this, [this] {
        QString error;
        if (!start(&error)) {
            m_status->setText(error);
            m_status->setStyleSheet(QStringLiteral("color: #b00020"));
        }
    });
    connect(m_stop, &QPushButton::clicked, this, &SweepPanel::stop);
    connect(open, &QPushButton::clicked, this, &SweepPanel::chooseSweepToOpen);
    connect(m_export, &QPushButton::clicked, this, &SweepPanel::chooseExport);
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(open);
    buttons->addWidget(m_export);
    formLayout->addRow(buttons);

    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    formLayout->addRow(m_status);

    auto *scroll = new QScrollArea;
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(form->sizeHint().width() +
                            scroll->verticalScrollBar()->sizeHint().width());

    m_table = new QTableWidget;
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setToolTip(tr("Double-click a point to open its search in the main window"));
    m_table->verticalHeader()->hide();
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && size_t(row) < m_rows.size())
            Q_EMIT openRunRequested(
                QDir(m_followed).filePath(QString::fromStdString(m_rows[size_t(row)].point.name)));
    });

    m_curves = new FigureView;
    m_curves->setPlaceholderText(tr("Each point's validation accuracy appears here after its "
                                    "first epoch"));
    m_curves->setMinimumHeight(200);

    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    m_log->setToolTip(tr("What sparsenas sweep says; each search's own output is in the sweep "
                         "folder's <point>.log"));

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_table);
    right->addWidget(m_curves);
    right->addWidget(m_log);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);
    right->setStretchFactor(2, 1);
    right->setSizes({300, 420, 140});

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(scroll);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({scroll->minimumWidth(), 900});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);
}

void SweepPanel::setBasePreset(const QString &preset)
{
    const int i = m_base->findData(kPresetRole + preset);
    if (i >= 0)
        m_base->setCurrentIndex(i);
}

void SweepPanel::setConfigFile(const QString &path)
{
    m_configFile = path;
    int i = m_base->findData(kFileRole, Qt::UserRole, Qt::MatchStartsWith);
    if (i < 0) {
        m_base->insertItem(0, QString(), kFileRole);
        i = 0;
    }
    m_base->setItemText(i, tr("file %1").arg(QFileInfo(path).fileName()));
    m_base->setItemData(i, QDir::toNativeSeparators(path), Qt::ToolTipRole);
    m_base->setCurrentIndex(i);
}

void SweepPanel::setGrid(const QString &lines)
{
    m_grid->setPlainText(lines);
}

void SweepPanel::setOverrides(const QString &lines)
{
    m_sets->setPlainText(lines);
}

void SweepPanel::setJobs(int jobs)
{
    m_jobs->setValue(jobs);
}

void SweepPanel::setEvaluatePreset(const QString &preset)
{
    m_evaluate->setCurrentIndex(std::max(0, m_evaluate->findData(preset)));
}

void SweepPanel::setFolder(const QString &folder)
{
    m_folder->setText(folder);
}

QString SweepPanel::folder() const
{
    return m_folder->text().trimmed();
}

bool SweepPanel::isRunning() const
{
    return m_job->isRunning();
}

QStringList SweepPanel::sweepArguments(QString *error) const
{
    QStringList args{QStringLiteral("sweep")};
    const QString base = m_base->currentData().toString();
    if (base.startsWith(kPresetRole)) {
        args << QStringLiteral("--preset") << base.mid(kPresetRole.size());
    } else if (base.startsWith(kFileRole)) {
        args << QStringLiteral("--config") << m_configFile;
    } else if (base.startsWith(kOpenedRole)) {
        args << QStringLiteral("--config") << QStringLiteral("@base"); // written by start()
    } else {
        *error = tr("Choose the base of the sweep: a preset or a configuration file.");
        return {};
    }
    const QStringList grid = nonEmptyLines(m_grid->toPlainText());
    if (grid.isEmpty()) {
        *error = tr("The grid is empty: give at least one line field=value,value,...");
        return {};
    }
    std::vector<SweepAxis> axes;
    int lineNo = 0;
    for (const QString &line : m_grid->toPlainText().split(QLatin1Char('\n'))) {
        ++lineNo;
        if (line.trimmed().isEmpty())
            continue;
        try {
            axes.push_back(parseSweepAxis(line.trimmed().toStdString()));
        } catch (const ConfigError &e) {
            *error = tr("Grid line %1: %2").arg(lineNo).arg(QString::fromStdString(e.what()));
            return {};
        }
        args << QStringLiteral("--grid") << line.trimmed();
    }
    try {
        sweepPoints(axes);
    } catch (const ConfigError &e) {
        *error = tr("Grid: %1").arg(QString::fromStdString(e.what()));
        return {};
    }
    lineNo = 0;
    for (const QString &line : m_sets->toPlainText().split(QLatin1Char('\n'))) {
        ++lineNo;
        if (line.trimmed().isEmpty())
            continue;
        if (!line.contains(QLatin1Char('=')) || line.trimmed().startsWith(QLatin1Char('='))) {
            *error = tr("Settings line %1 (%2): expected field=value, e.g. search.epochs=10")
                         .arg(lineNo)
                         .arg(line.trimmed());
            return {};
        }
        args << QStringLiteral("--set") << line.trimmed();
    }
    const QString out = folder();
    if (out.isEmpty()) {
        *error = tr("Choose the sweep folder.");
        return {};
    }
    if (RunDirectory(out.toStdString()).exists()) {
        *error = tr("%1 is a run directory; a sweep needs a folder of its own.")
                     .arg(QDir::toNativeSeparators(out));
        return {};
    }
    args << QStringLiteral("--out") << out;
    if (m_jobs->value() > 0)
        args << QStringLiteral("--jobs") << QString::number(m_jobs->value());
    const QString evaluate = m_evaluate->currentData().toString();
    if (!evaluate.isEmpty())
        args << QStringLiteral("--evaluate") << evaluate;
    return args;
}

bool SweepPanel::start(QString *error)
{
    if (m_job->isRunning()) {
        *error = tr("The sweep is running.");
        return false;
    }
    QStringList args = sweepArguments(error);
    if (args.isEmpty())
        return false;
    const int at = int(args.indexOf(QStringLiteral("@base")));
    if (at >= 0) {
        m_baseDir = std::make_unique<QTemporaryDir>();
        const QString path = m_baseDir->filePath(QStringLiteral("base.json"));
        try {
            writeFileAtomic(path.toStdString(), m_openedBase.toStdString());
        } catch (const std::exception &e) {
            *error = QString::fromStdString(e.what());
            return false;
        }
        args[at] = path;
    }
    // The grid as parsed: the table shows every point before sweep.json exists.
    m_axes.clear();
    for (const QString &line : nonEmptyLines(m_grid->toPlainText()))
        m_axes.push_back(parseSweepAxis(line.toStdString()));
    m_log->clear();
    if (!m_job->start(args, QString(), error))
        return false;
    m_log->appendPlainText(QStringLiteral("$ ") + m_job->commandLine());
    m_followed = folder();
    m_evaluateUsed = m_evaluate->currentData().toString();
    m_params.clear();
    m_lastError.clear();
    m_poll->start();
    refresh();
    updateButtons();
    Q_EMIT runningChanged(true);
    return true;
}

void SweepPanel::stop()
{
    m_job->interrupt();
}

void SweepPanel::jobFinished(int exitCode, bool crashed)
{
    m_lastError = m_job->failureText(exitCode, crashed);
    m_baseDir.reset();
    refresh();
    updateButtons();
    Q_EMIT runningChanged(false);
}

bool SweepPanel::openSweep(const QString &dir, QString *error)
{
    if (m_job->isRunning()) {
        *error = tr("The sweep is running; stop it before opening another.");
        return false;
    }
    const QString recordPath = QDir(dir).filePath(QStringLiteral("sweep.json"));
    std::vector<SweepAxis> axes;
    nlohmann::json base;
    try {
        const nlohmann::json record = nlohmann::json::parse(readFile(recordPath.toStdString()));
        axes = sweepAxesOf(record);
        base = sweepBaseOf(record);
    } catch (const std::exception &e) {
        *error = tr("%1 is not a sweep folder: %2")
                     .arg(QDir::toNativeSeparators(dir), QString::fromStdString(e.what()));
        return false;
    }
    QStringList grid;
    for (const auto &a : axes) {
        QStringList values;
        for (const auto &v : a.values)
            values << QString::fromStdString(v);
        grid << QString::fromStdString(a.field) + QLatin1Char('=') + values.join(QLatin1Char(','));
    }
    m_grid->setPlainText(grid.join(QLatin1Char('\n')));
    m_sets->clear(); // the base already holds the settings the sweep was started with
    m_openedBase = QString::fromStdString(base.dump(2));
    int i = m_base->findData(kOpenedRole);
    if (i < 0) {
        m_base->insertItem(0, QString(), kOpenedRole);
        i = 0;
    }
    m_base->setItemText(i, tr("base of %1").arg(QFileInfo(dir).fileName()));
    m_base->setCurrentIndex(i);
    m_folder->setText(dir);
    m_axes = axes;
    m_followed = dir;
    // Its points' evaluations, if any, give their own counts; the others use the data set's
    // evaluation size, as the summary of a sweep without --evaluate does.
    m_evaluateUsed.clear();
    m_params.clear();
    m_lastError.clear();
    m_log->clear();
    refresh();
    updateButtons();
    return true;
}

void SweepPanel::refresh()
{
    if (m_followed.isEmpty()) {
        // Nothing started or opened yet: the grid's points as the set-up makes them.
        m_axes.clear();
        try {
            for (const QString &line : nonEmptyLines(m_grid->toPlainText()))
                m_axes.push_back(parseSweepAxis(line.toStdString()));
            m_rows.clear();
            for (const auto &p : sweepPoints(m_axes)) {
                SweepRow r;
                r.point = p;
                r.state = "not started";
                m_rows.push_back(std::move(r));
            }
        } catch (const ConfigError &) {
            m_axes.clear();
            m_rows.clear();
        }
        updateTable();
        m_curves->setFigure(translatedCurves());
        updateButtons();
        return;
    }
    const QString recordPath = QDir(m_followed).filePath(QStringLiteral("sweep.json"));
    if (QFileInfo::exists(recordPath)) {
        try {
            m_axes = sweepAxesOf(nlohmann::json::parse(readFile(recordPath.toStdString())));
        } catch (const std::exception &) {
            // being written, or damaged: the grid known so far stays
        }
    }
    m_rows.clear();
    if (!m_axes.empty()) {
        try {
            for (const auto &p : sweepPoints(m_axes))
                m_rows.push_back(readSweepRow(
                    QDir(m_followed).filePath(QString::fromStdString(p.name)).toStdString(), p));
        } catch (const ConfigError &) {
            m_rows.clear();
        }
    }
    // The parameter column as the CLI's summary has it (the derived cell's network at the
    // evaluation size), counted once per point: a row keeps its count while its genotype stays.
    for (auto &r : m_rows) {
        const QFileInfo genotype(
            QDir(m_followed)
                .filePath(QString::fromStdString(r.point.name) + QStringLiteral("/genotype.json")));
        const auto known = m_params.find(r.point.name);
        if (r.paramsM < 0 && known != m_params.end() &&
            known->second.first == genotype.lastModified())
            r.paramsM = known->second.second;
    }
    countSweepParameters(m_rows, m_followed.toStdString(), m_evaluateUsed.toStdString(), &m_shapes,
                         nullptr);
    for (const auto &r : m_rows) {
        if (r.paramsM >= 0)
            m_params[r.point.name] = {QFileInfo(QDir(m_followed)
                                                    .filePath(QString::fromStdString(r.point.name) +
                                                              QStringLiteral("/genotype.json")))
                                          .lastModified(),
                                      r.paramsM};
    }
    updateTable();

    m_curves->setFigure(translatedCurves());

    const bool anyRunning = std::any_of(m_rows.begin(), m_rows.end(), [](const SweepRow &r) {
        return r.state == "running" || r.evalState == "running";
    });
    if (m_job->isRunning() || anyRunning)
        m_poll->start();
    else
        m_poll->stop();
    updateButtons();
}

Figure SweepPanel::translatedCurves() const
{
    Figure figure = sweepCurvesFigure(m_rows);
    if (!figure.panels.empty()) {
        FigurePanel &panel = figure.panels.front();
        panel.title = tr("Validation accuracy during the search").toStdString();
        panel.xLabel = tr("epoch").toStdString();
        panel.yLabel = tr("validation accuracy (%)").toStdString();
        for (size_t i = 0; i < m_rows.size() && i < panel.series.size(); ++i) {
            QStringList parts;
            for (const auto &a : m_rows[i].point.assignments)
                parts << shortAssignment(a);
            QString name = parts.join(QStringLiteral(", "));
            if (m_rows[i].state != "finished")
                name += QStringLiteral(" (%1)").arg(
                    QCoreApplication::translate("sparsenas::SweepPanel", m_rows[i].state.c_str()));
            panel.series[i].name = name.toStdString();
        }
    }
    return figure;
}

void SweepPanel::updateTable()
{
    std::vector<std::string> types;
    for (const auto &r : m_rows) {
        for (const auto &t : r.cellTypes) {
            if (std::find(types.begin(), types.end(), t) == types.end())
                types.push_back(t);
        }
    }
    QStringList headers{tr("Point")};
    for (const auto &a : m_axes)
        headers << QString::fromStdString(a.field);
    headers << tr("State") << tr("Epochs") << tr("Val. acc. %") << tr("Zeros %");
    for (const auto &t : types)
        headers << tr("%1 nodes / paths").arg(QString::fromStdString(t));
    headers << tr("Search s") << tr("Params M") << tr("Test acc. %");
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(m_rows.size()));
    int finished = 0, running = 0, failed = 0, waiting = 0;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const SweepRow &r = m_rows[i];
        finished += r.state == "finished";
        running += r.state == "running";
        failed += r.state == "failed";
        waiting += r.state == "not started" || r.state == "stopped";
        QStringList cells{QString::fromStdString(r.point.name)};
        for (const auto &v : r.point.values)
            cells << QString::fromStdString(v);
        QString state = QCoreApplication::translate("sparsenas::SweepPanel", r.state.c_str());
        if (!r.evalState.empty())
            state +=
                QLatin1String(", ") +
                tr("evaluation %1")
                    .arg(QCoreApplication::translate("sparsenas::SweepPanel", r.evalState.c_str()));
        cells << state << (r.epochsDone > 0 ? QString::number(r.epochsDone) : QString())
              << percentText(r.valAcc, 2) << percentText(r.elementSparsity, 1);
        for (const auto &t : types) {
            QString alive;
            for (size_t k = 0; k < r.cellTypes.size(); ++k) {
                if (r.cellTypes[k] == t)
                    alive = QStringLiteral("%1 / %2").arg(r.aliveNodes[k]).arg(r.alivePaths[k]);
            }
            cells << alive;
        }
        cells << (r.epochsDone > 0 ? QString::number(r.seconds, 'f', 1) : QString())
              << (r.paramsM >= 0 ? QString::number(r.paramsM, 'f', 3) : QString())
              << percentText(r.testAcc, 2);
        for (int c = 0; c < int(cells.size()); ++c) {
            auto *item = m_table->item(int(i), c);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(int(i), c, item);
            }
            item->setText(cells[c]);
            item->setToolTip(r.message.empty() ? QString() : QString::fromStdString(r.message));
            item->setForeground(r.state == "failed" ? QColor(0xb0, 0x00, 0x20)
                                : r.state == "not started"
                                    ? palette().color(QPalette::PlaceholderText)
                                    : palette().color(QPalette::Text));
            QFont f = item->font();
            f.setBold(r.state == "running");
            item->setFont(f);
        }
    }
    m_table->resizeColumnsToContents();

    QString text;
    if (!m_rows.empty())
        text = tr("Points: %1 · finished %2 · running %3 · failed %4 · waiting or stopped %5")
                   .arg(int(m_rows.size()))
                   .arg(finished)
                   .arg(running)
                   .arg(failed)
                   .arg(waiting);
    if (!m_lastError.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + m_lastError;
    m_status->setText(text);
    m_status->setStyleSheet(m_lastError.isEmpty() ? QString() : QStringLiteral("color: #b00020"));
}

void SweepPanel::updateButtons()
{
    const bool running = m_job->isRunning();
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    m_export->setEnabled(!m_followed.isEmpty() && !m_rows.empty());
    m_base->setEnabled(!running);
    m_grid->setReadOnly(running);
    m_sets->setReadOnly(running);
    m_folder->setReadOnly(running);
}

bool SweepPanel::exportTo(const QString &path, QString *error) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    try {
        std::string bytes;
        if (suffix == QLatin1String("csv"))
            bytes = sweepCsv(m_axes, m_rows);
        else if (suffix == QLatin1String("md"))
            bytes = sweepMarkdown(m_axes, m_rows);
        else if (suffix == QLatin1String("svg") || suffix == QLatin1String("pdf") ||
                 suffix == QLatin1String("png"))
            bytes = renderFigure(sweepCurvesFigure(m_rows), suffix.toStdString());
        else {
            *error = tr("%1: choose .csv, .md, .svg, .pdf or .png").arg(QFileInfo(path).fileName());
            return false;
        }
        writeFileAtomic(path.toStdString(), bytes);
    } catch (const std::exception &e) {
        *error = tr("Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

void SweepPanel::chooseConfig()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Base configuration"), QString(),
                                                      tr("JSON configuration (*.json)"));
    if (!path.isEmpty())
        setConfigFile(path);
}

void SweepPanel::chooseFolder()
{
    // The folder chosen holds the sweep's points; a new one is made with the dialog's own
    // "new folder" button, or typed into the field.
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Sweep folder"), QFileInfo(folder()).path());
    if (!dir.isEmpty())
        m_folder->setText(dir);
}

void SweepPanel::chooseSweepToOpen()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open sweep folder"),
                                                          QFileInfo(folder()).path());
    if (dir.isEmpty())
        return;
    QString error;
    if (!openSweep(dir, &error)) {
        m_status->setText(error);
        m_status->setStyleSheet(QStringLiteral("color: #b00020"));
    }
}

void SweepPanel::chooseExport()
{
    QString filter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export sweep"), QDir(m_followed).filePath(QStringLiteral("summary.csv")),
        tr("Summary CSV (*.csv);;Summary Markdown (*.md);;Curves SVG (*.svg);;Curves PDF (*.pdf);;"
           "Curves PNG (*.png)"),
        &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        const auto star = filter.indexOf(QStringLiteral("*."));
        path += filter.mid(star + 1, filter.indexOf(QLatin1Char(')'), star) - star - 1);
    }
    QString error;
    if (!exportTo(path, &error)) {
        m_status->setText(error);
        m_status->setStyleSheet(QStringLiteral("color: #b00020"));
    }
}

} // namespace sparsenas

// The states a point's run directory can be in (sweep.h), for the translation files: the
// table and the legend show them through QCoreApplication::translate.
[[maybe_unused]] static const char *const kSweepStates[] = {
    QT_TRANSLATE_NOOP("sparsenas::SweepPanel", "finished"),
    QT_TRANSLATE_NOOP("sparsenas::SweepPanel", "failed"),
    QT_TRANSLATE_NOOP("sparsenas::SweepPanel", "stopped"),
    QT_TRANSLATE_NOOP("sparsenas::SweepPanel", "running"),
    QT_TRANSLATE_NOOP("sparsenas::SweepPanel", "paused"),
    QT_TRANSLATE_NOOP("sparsenas::SweepPanel", "not started"),
};
