// SPDX-License-Identifier: MIT
#include "ablationpanel.h"

#include "clijob.h"
#include "figureview.h"

#include "sparsenas/base/errors.h"
#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/names.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace sparsenas {

namespace {

/// The paper's Fig. 3 methods, in its order: the four optimizers with SGL, then HAPG with
/// Lasso and with Group Lasso.
QStringList paperMethods()
{
    using O = ArchOptimizerKind;
    using P = PenaltyKind;
    const std::pair<O, P> six[] = {{O::Sgd, P::SparseGroupLasso},
                                   {O::Adam, P::SparseGroupLasso},
                                   {O::Hapg, P::SparseGroupLasso},
                                   {O::AdamHapg, P::SparseGroupLasso},
                                   {O::Hapg, P::Lasso},
                                   {O::Hapg, P::GroupLasso}};
    QStringList out;
    for (const auto &[o, p] : six)
        out << QString::fromStdString(nameOf(o) + "/" + nameOf(p));
    return out;
}

} // namespace

AblationPanel::AblationPanel(const QString &runsRoot, QWidget *parent) : QWidget(parent)
{
    m_job = new CliJob(this);
    m_poll = new QTimer(this);
    m_poll->setInterval(1000);
    connect(m_poll, &QTimer::timeout, this, &AblationPanel::refresh);
    connect(m_job, &CliJob::outputLine, this,
            [this](const QString &line) { m_log->appendPlainText(line); });
    connect(m_job, &CliJob::finished, this, &AblationPanel::jobFinished);
    buildUi(runsRoot);
    restoreSetup();
    updateViews();
    updateButtons();
}

AblationPanel::~AblationPanel()
{
    saveSetup();
    m_job->stopAndWait(CliJob::stopGraceMs);
}

void AblationPanel::saveSetup() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("ablation"));
    settings.setValue(QStringLiteral("methods"), checkedMethods());
    settings.setValue(QStringLiteral("from"), m_from->value());
    settings.setValue(QStringLiteral("to"), m_to->value());
    settings.setValue(QStringLiteral("points"), m_points->value());
    settings.setValue(QStringLiteral("seeds"), m_seeds->value());
    settings.setValue(QStringLiteral("epochs"), m_epochs->value());
    settings.setValue(QStringLiteral("alpha"), m_alpha->value());
    settings.setValue(QStringLiteral("momentum"), m_momentum->isChecked());
}

void AblationPanel::restoreSetup()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("ablation"));
    if (!settings.contains(QStringLiteral("methods")))
        return; // the paper's set-up
    setMethods(settings.value(QStringLiteral("methods")).toStringList());
    setLambdas(settings.value(QStringLiteral("from"), -5.0).toDouble(),
               settings.value(QStringLiteral("to"), -3.7).toDouble(),
               settings.value(QStringLiteral("points"), 8).toInt());
    m_seeds->setValue(settings.value(QStringLiteral("seeds"), 3).toInt());
    m_epochs->setValue(settings.value(QStringLiteral("epochs"), 100).toInt());
    m_alpha->setValue(settings.value(QStringLiteral("alpha"), 0.5).toDouble());
    m_momentum->setChecked(settings.value(QStringLiteral("momentum"), false).toBool());
}

QString AblationPanel::statusText() const
{
    return m_status->text();
}

void AblationPanel::buildUi(const QString &runsRoot)
{
    auto *form = new QWidget;
    auto *outer = new QVBoxLayout(form);
    auto *formLayout = new QFormLayout;
    outer->addLayout(formLayout);
    outer->addStretch(1); // the status stays under the buttons, the rest of the column empty
    formLayout->setRowWrapPolicy(QFormLayout::WrapLongRows);

    m_methods = new QListWidget;
    m_methods->setToolTip(tr("Optimizer / penalty pairs, one line each in the figure. Checked "
                             "at first: the paper's six (the four optimizers with SGL, HAPG with "
                             "Lasso and with Group Lasso)."));
    QStringList all = paperMethods();
    for (const auto &o : namesOf<ArchOptimizerKind>()) {
        for (const auto &p : namesOf<PenaltyKind>()) {
            const QString m = QString::fromStdString(o + "/" + p);
            if (!all.contains(m))
                all << m;
        }
    }
    const QStringList paper = paperMethods();
    for (const QString &m : all) {
        auto *item = new QListWidgetItem(m, m_methods);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(paper.contains(m) ? Qt::Checked : Qt::Unchecked);
    }
    m_methods->setFixedHeight(fontMetrics().lineSpacing() * 7 + 8);
    connect(m_methods, &QListWidget::itemChanged, this, [this] {
        if (m_followed.isEmpty())
            updateViews();
    });
    formLayout->addRow(tr("Methods"), m_methods);

    auto *lambdaRow = new QHBoxLayout;
    m_from = new QDoubleSpinBox;
    m_to = new QDoubleSpinBox;
    for (QDoubleSpinBox *box : {m_from, m_to}) {
        box->setRange(-12.0, 2.0);
        box->setDecimals(2);
        box->setSingleStep(0.1);
    }
    m_from->setValue(-5.0);
    m_to->setValue(-3.7);
    m_points = new QSpinBox;
    m_points->setRange(1, 1000);
    m_points->setValue(8);
    m_from->setToolTip(tr("log10(lambda) of the first point (the paper: -5)"));
    m_to->setToolTip(tr("log10(lambda) of the last point (the paper: -3.7)"));
    m_points->setToolTip(tr("Lambdas, evenly spaced in log10 (the paper: at least 8)"));
    lambdaRow->addWidget(m_from);
    lambdaRow->addWidget(new QLabel(tr("to")));
    lambdaRow->addWidget(m_to);
    lambdaRow->addWidget(new QLabel(tr("points")));
    lambdaRow->addWidget(m_points);
    formLayout->addRow(tr("log10(λ)"), lambdaRow);
    connect(m_points, &QSpinBox::valueChanged, this, [this] {
        if (m_followed.isEmpty())
            updateViews();
    });

    m_seeds = new QSpinBox;
    m_seeds->setRange(1, 100);
    m_seeds->setValue(3);
    m_seeds->setToolTip(tr("Runs per method and lambda; the figure shows their mean and the "
                           "min-max band"));
    formLayout->addRow(tr("Seeds"), m_seeds);
    connect(m_seeds, &QSpinBox::valueChanged, this, [this] {
        if (m_followed.isEmpty())
            updateViews();
    });
    m_epochs = new QSpinBox;
    m_epochs->setRange(1, 100000);
    m_epochs->setValue(100);
    m_epochs->setToolTip(tr("Training epochs of every run"));
    formLayout->addRow(tr("Epochs"), m_epochs);
    m_alpha = new QDoubleSpinBox;
    m_alpha->setRange(0.0, 1.0);
    m_alpha->setSingleStep(0.05);
    m_alpha->setValue(0.5);
    m_alpha->setToolTip(tr("SGL's alpha: 1 is the Lasso, 0 the Group Lasso (Lasso and Group "
                           "Lasso runs ignore it)"));
    formLayout->addRow(tr("Alpha"), m_alpha);
    m_momentum = new QCheckBox(tr("HAPG momentum (Eq. 7-8)"));
    m_momentum->setToolTip(tr("Off by default: without a restart the momentum drives the small "
                              "network back to chance after about 30 epochs (docs/ablation.md)"));
    formLayout->addRow(m_momentum);

    auto *folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(QDir(runsRoot).filePath(
        QStringLiteral("ablation-") +
        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    m_folder->setToolTip(tr("Where ablation.csv (rewritten after every run), fig3.svg and "
                            "fig3.pdf go"));
    auto *browse = new QPushButton(tr("…"));
    browse->setToolTip(tr("Choose the folder"));
    connect(browse, &QPushButton::clicked, this, &AblationPanel::chooseFolder);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    formLayout->addRow(tr("Folder"), folderRow);

    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start"));
    m_start->setToolTip(tr("Run every method x lambda x seed in the background"));
    m_stop = new QPushButton(tr("Stop"));
    m_stop->setToolTip(tr("Stop after the current run; the table and the figure keep the runs "
                          "that finished"));
    auto *open = new QPushButton(tr("Open…"));
    open->setToolTip(tr("Show an earlier ablation's folder"));
    m_export = new QPushButton(tr("Export…"));
    m_export->setToolTip(tr("The table as CSV, or the figure as SVG, PDF or PNG, as sparsenas "
                            "ablation writes them"));
    connect(m_start, &QPushButton::clicked, this, &AblationPanel::startClicked);
    connect(m_stop, &QPushButton::clicked, this, &AblationPanel::stop);
    connect(open, &QPushButton::clicked, this, &AblationPanel::chooseAblationToOpen);
    connect(m_export, &QPushButton::clicked, this, &AblationPanel::chooseExport);
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(open);
    buttons->addWidget(m_export);
    formLayout->addRow(buttons);

    m_progress = new QProgressBar;
    m_progress->setFormat(tr("%v of %m runs"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    formLayout->addRow(m_progress);
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

    m_figure = new FigureView;
    m_figure->setPlaceholderText(tr("The panels fill in as the runs finish"));
    m_figure->setMinimumHeight(240);

    m_table = new QTableWidget;
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    auto *tabs = new QTabWidget;
    tabs->addTab(m_table, tr("Runs"));
    tabs->addTab(m_log, tr("Output"));

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_figure);
    right->addWidget(tabs);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setSizes({700, 260}); // the figure is what one watches

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(scroll);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({scroll->minimumWidth(), 900});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);
}

QStringList AblationPanel::methodNames() const
{
    QStringList out;
    for (int i = 0; i < m_methods->count(); ++i)
        out << m_methods->item(i)->text();
    return out;
}

void AblationPanel::setMethods(const QStringList &methods)
{
    for (int i = 0; i < m_methods->count(); ++i) {
        QListWidgetItem *item = m_methods->item(i);
        item->setCheckState(methods.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList AblationPanel::checkedMethods() const
{
    QStringList out;
    for (int i = 0; i < m_methods->count(); ++i) {
        if (m_methods->item(i)->checkState() == Qt::Checked)
            out << m_methods->item(i)->text();
    }
    return out;
}

void AblationPanel::setLambdas(double log10From, double log10To, int points)
{
    m_from->setValue(log10From);
    m_to->setValue(log10To);
    m_points->setValue(points);
}

void AblationPanel::setSeeds(int seeds)
{
    m_seeds->setValue(seeds);
}

void AblationPanel::setEpochs(int epochs)
{
    m_epochs->setValue(epochs);
}

void AblationPanel::setAlpha(double alpha)
{
    m_alpha->setValue(alpha);
}

void AblationPanel::setFolder(const QString &folder)
{
    m_folder->setText(folder);
}

QString AblationPanel::folder() const
{
    return m_folder->text().trimmed();
}

int AblationPanel::plannedRuns() const
{
    return int(checkedMethods().size()) * m_points->value() * m_seeds->value();
}

bool AblationPanel::isRunning() const
{
    return m_job->isRunning();
}

QStringList AblationPanel::ablationArguments(QString *error) const
{
    const QStringList methods = checkedMethods();
    if (methods.isEmpty()) {
        *error = tr("Check at least one method.");
        return {};
    }
    if (m_from->value() > m_to->value()) {
        *error = tr("log10(λ): the first point (%1) is above the last (%2).")
                     .arg(m_from->value())
                     .arg(m_to->value());
        return {};
    }
    if (folder().isEmpty()) {
        *error = tr("Choose the folder.");
        return {};
    }
    QStringList args{QStringLiteral("ablation"),
                     QStringLiteral("--methods"),
                     methods.join(QLatin1Char(',')),
                     QStringLiteral("--lambdas"),
                     QStringLiteral("%1,%2,%3")
                         .arg(m_from->value(), 0, 'g', 6)
                         .arg(m_to->value(), 0, 'g', 6)
                         .arg(m_points->value()),
                     QStringLiteral("--seeds"),
                     QString::number(m_seeds->value()),
                     QStringLiteral("--epochs"),
                     QString::number(m_epochs->value()),
                     QStringLiteral("--alpha"),
                     QString::number(m_alpha->value(), 'g', 6),
                     QStringLiteral("--out"),
                     folder()};
    if (m_momentum->isChecked())
        args << QStringLiteral("--momentum");
    return args;
}

bool AblationPanel::start(bool replace, QString *error)
{
    if (m_job->isRunning()) {
        *error = tr("The ablation is running.");
        return false;
    }
    const QStringList args = ablationArguments(error);
    if (args.isEmpty())
        return false;
    const QString csv = QDir(folder()).filePath(QStringLiteral("ablation.csv"));
    if (QFileInfo::exists(csv) && !replace) {
        *error = tr("%1 holds an ablation already; starting replaces it.")
                     .arg(QDir::toNativeSeparators(folder()));
        return false;
    }
    m_log->clear();
    if (!m_job->start(args, QString(), error))
        return false;
    m_log->appendPlainText(QStringLiteral("$ ") + m_job->commandLine());
    m_order = checkedMethods();
    m_planned = plannedRuns();
    m_followed = folder();
    m_lastError.clear();
    m_lastText.clear();
    m_rows.clear();
    m_poll->start();
    updateViews();
    updateButtons();
    Q_EMIT runningChanged(true);
    return true;
}

void AblationPanel::startClicked()
{
    QString error;
    if (start(false, &error))
        return;
    const QString csv = QDir(folder()).filePath(QStringLiteral("ablation.csv"));
    if (!m_job->isRunning() && QFileInfo::exists(csv) &&
        QMessageBox::question(this, tr("Replace the ablation?"),
                              tr("%1 holds an ablation already. Run a new one there and replace "
                                 "its table and figure?")
                                  .arg(QDir::toNativeSeparators(folder()))) == QMessageBox::Yes) {
        if (start(true, &error))
            return;
    }
    showError(error);
}

void AblationPanel::showError(const QString &error)
{
    m_status->setText(error);
    m_status->setStyleSheet(QStringLiteral("color: #b00020"));
}

void AblationPanel::stop()
{
    m_job->interrupt();
}

void AblationPanel::jobFinished(int exitCode, bool crashed)
{
    m_lastError = m_job->failureText(exitCode, crashed);
    m_poll->stop();
    refresh();
    updateButtons();
    Q_EMIT runningChanged(false);
}

bool AblationPanel::openAblation(const QString &dir, QString *error)
{
    if (m_job->isRunning()) {
        *error = tr("The ablation is running; stop it before opening another.");
        return false;
    }
    const QString csv = QDir(dir).filePath(QStringLiteral("ablation.csv"));
    try {
        const auto rows = parseAblationCsv(readFile(csv.toStdString()), csv.toStdString());
        m_rows = rows;
        m_lastText.clear();
    } catch (const std::exception &e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
    m_followed = dir;
    m_folder->setText(dir);
    m_planned = 0;
    m_lastError.clear();
    m_order.clear();
    for (const auto &r : m_rows) {
        if (!m_order.contains(QString::fromStdString(r.method())))
            m_order << QString::fromStdString(r.method());
    }
    m_log->clear();
    refresh();
    updateButtons();
    return true;
}

void AblationPanel::refresh()
{
    if (m_followed.isEmpty())
        return;
    const QString csv = QDir(m_followed).filePath(QStringLiteral("ablation.csv"));
    if (QFileInfo::exists(csv)) {
        try {
            const std::string text = readFile(csv.toStdString());
            if (QString::fromStdString(text) != m_lastText) {
                m_rows = parseAblationCsv(text, csv.toStdString());
                m_lastText = QString::fromStdString(text);
            }
        } catch (const std::exception &e) {
            m_lastError = QString::fromStdString(e.what());
        }
    }
    updateViews();
}

void AblationPanel::updateViews()
{
    // Before anything runs, the panels show the checked methods' legend: what Start will draw.
    std::vector<std::string> order;
    for (const QString &m : m_followed.isEmpty() ? checkedMethods() : m_order)
        order.push_back(m.toStdString());
    Figure figure = ablationFigure(m_rows, order);
    const QString titles[] = {tr("stand-alone validation accuracy"), tr("selected input features"),
                              tr("remaining hidden neurons"), tr("element sparsity")};
    const QString yLabels[] = {tr("accuracy (%)"), tr("features (of %1)").arg(kAblationInputs),
                               tr("neurons (of %1)").arg(kAblationHiddenUnits),
                               tr("zero weights (%)")};
    for (size_t i = 0; i < figure.panels.size() && i < 4; ++i) {
        figure.panels[i].title = titles[i].toStdString();
        figure.panels[i].yLabel = yLabels[i].toStdString();
    }
    m_figure->setFigure(figure);

    const QStringList headers{tr("Optimizer"),   tr("Penalty"),  tr("log10(λ)"), tr("Seed"),
                              tr("Val. acc. %"), tr("Features"), tr("Neurons"),  tr("Zeros %"),
                              tr("Train loss"),  tr("Seconds")};
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(m_rows.size()));
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const AblationRow &r = m_rows[i];
        const QStringList cells{QString::fromStdString(r.optimizer),
                                QString::fromStdString(r.penalty),
                                QString::number(r.log10Lambda, 'f', 3),
                                QString::number(r.seed),
                                QString::number(100 * r.valAcc, 'f', 1),
                                QString::number(r.features),
                                QString::number(r.neurons),
                                QString::number(100 * r.elementSparsity, 'f', 1),
                                QString::number(r.trainLoss, 'g', 4),
                                QString::number(r.seconds, 'f', 1)};
        for (int c = 0; c < int(cells.size()); ++c) {
            auto *item = m_table->item(int(i), c);
            if (!item) {
                item = new QTableWidgetItem;
                item->setTextAlignment(c < 2 ? Qt::AlignLeft | Qt::AlignVCenter
                                             : Qt::AlignRight | Qt::AlignVCenter);
                m_table->setItem(int(i), c, item);
            }
            item->setText(cells[c]);
        }
    }
    if (!m_rows.empty())
        m_table->scrollToBottom();
    m_table->resizeColumnsToContents();

    const int done = int(m_rows.size());
    // Before a start, the runs the set-up asks for; for an opened folder, the runs it holds.
    const int planned = m_followed.isEmpty() ? plannedRuns() : m_planned;
    const int total = std::max(1, planned > 0 ? planned : done);
    m_progress->setRange(0, total);
    m_progress->setValue(std::min(done, total));
    QString text;
    if (m_job->isRunning())
        text = tr("%1 of %2 runs finished").arg(done).arg(total);
    else if (!m_followed.isEmpty() && m_planned > 0 && done >= m_planned)
        text = tr("Finished %1 runs; ablation.csv, fig3.svg and fig3.pdf are in %2.")
                   .arg(done)
                   .arg(QDir::toNativeSeparators(m_followed));
    else if (!m_followed.isEmpty() && m_planned > 0 && done < m_planned)
        text = tr("Stopped after %1 of %2 runs; the table and the figure hold those.")
                   .arg(done)
                   .arg(m_planned);
    else if (!m_followed.isEmpty() && done > 0)
        text = tr("Runs in %1: %2").arg(QDir::toNativeSeparators(m_followed)).arg(done);
    if (!m_lastError.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + m_lastError;
    m_status->setText(text);
    m_status->setStyleSheet(m_lastError.isEmpty() ? QString() : QStringLiteral("color: #b00020"));
    m_export->setEnabled(!m_rows.empty()); // also while it runs: what finished so far
}

void AblationPanel::updateButtons()
{
    const bool running = m_job->isRunning();
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    m_export->setEnabled(!m_rows.empty());
    for (QWidget *w : std::initializer_list<QWidget *>{m_methods, m_from, m_to, m_points, m_seeds,
                                                       m_epochs, m_alpha, m_momentum})
        w->setEnabled(!running);
    m_folder->setReadOnly(running);
}

bool AblationPanel::exportTo(const QString &path, QString *error) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    try {
        std::string bytes;
        if (suffix == QLatin1String("csv")) {
            bytes = ablationCsv(m_rows);
        } else if (suffix == QLatin1String("svg") || suffix == QLatin1String("pdf") ||
                   suffix == QLatin1String("png")) {
            std::vector<std::string> order;
            for (const QString &m : m_order)
                order.push_back(m.toStdString());
            bytes = renderFigure(ablationFigure(m_rows, order), suffix.toStdString());
        } else {
            *error = tr("%1: choose .csv, .svg, .pdf or .png").arg(QFileInfo(path).fileName());
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

void AblationPanel::chooseFolder()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Ablation folder"), QFileInfo(folder()).path());
    if (!dir.isEmpty())
        m_folder->setText(dir);
}

void AblationPanel::chooseAblationToOpen()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open ablation folder"),
                                                          QFileInfo(folder()).path());
    if (dir.isEmpty())
        return;
    QString error;
    if (!openAblation(dir, &error))
        showError(error);
}

void AblationPanel::chooseExport()
{
    QString filter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export ablation"), QDir(m_followed).filePath(QStringLiteral("fig3.pdf")),
        tr("Figure PDF (*.pdf);;Figure SVG (*.svg);;Figure PNG (*.png);;Table CSV (*.csv)"),
        &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        const auto star = filter.indexOf(QStringLiteral("*."));
        path += filter.mid(star + 1, filter.indexOf(QLatin1Char(')'), star) - star - 1);
    }
    QString error;
    if (!exportTo(path, &error))
        showError(error);
}

} // namespace sparsenas
