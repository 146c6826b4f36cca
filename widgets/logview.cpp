// SPDX-License-Identifier: MIT
#include "logview.h"

#include <QAbstractListModel>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>

namespace sparsenas {

namespace {

constexpr int LevelRole = Qt::UserRole + 1;

QString levelName(MessageLevel level)
{
    switch (level) {
    case MessageLevel::Info:
        return LogView::tr("Info");
    case MessageLevel::Warning:
        return LogView::tr("Warning");
    case MessageLevel::Error:
        return LogView::tr("Error");
    }
    return {};
}

QString eventKindName(RunEvent::Kind kind)
{
    switch (kind) {
    case RunEvent::Kind::LambdaChanged:
        return LogView::tr("lambda changed");
    case RunEvent::Kind::AlphaChanged:
        return LogView::tr("alpha changed");
    case RunEvent::Kind::LambdaStepChanged:
        return LogView::tr("lambda step changed");
    case RunEvent::Kind::Paused:
        return LogView::tr("paused");
    case RunEvent::Kind::Resumed:
        return LogView::tr("resumed");
    case RunEvent::Kind::Checkpoint:
        return LogView::tr("checkpoint written");
    case RunEvent::Kind::Other:
        break;
    }
    return LogView::tr("event");
}

} // namespace

/// The kept lines, oldest first, bounded to maximumLines.
class LogModel : public QAbstractListModel
{
public:
    struct Entry
    {
        MessageLevel level;
        QString text;
        QDateTime when;
        bool approximate = false; ///< `when` is an estimate
    };

    explicit LogModel(const std::array<QIcon, 3> &icons, QObject *parent)
        : QAbstractListModel(parent), m_icons(icons)
    {
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_entries.size());
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= rowCount())
            return {};
        const Entry &e = m_entries[size_t(index.row())];
        const bool error = e.level == MessageLevel::Error;
        switch (role) {
        case Qt::DisplayRole: {
            QString oneLine = e.text;
            oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
            return (e.approximate ? QStringLiteral("\u2248") : QString()) +
                   e.when.toString(QStringLiteral("hh:mm:ss")) + QStringLiteral("  ") + oneLine;
        }
        case Qt::ToolTipRole: {
            QString when = e.when.toString(Qt::ISODate);
            if (e.approximate)
                when = LogView::tr("about %1 (estimated from the epochs' durations)").arg(when);
            return QStringLiteral("%1 [%2]\n%3").arg(when, levelName(e.level), e.text);
        }
        case Qt::DecorationRole:
            return m_icons[size_t(e.level)];
        case Qt::ForegroundRole:
            if (error)
                return QColor(160, 0, 0);
            if (e.level == MessageLevel::Warning)
                return QColor(140, 80, 0);
            return {};
        case Qt::BackgroundRole:
            return error ? QVariant(QColor(255, 222, 222)) : QVariant();
        case Qt::FontRole:
            if (error) {
                QFont f;
                f.setBold(true);
                return f;
            }
            return {};
        case LevelRole:
            return int(e.level);
        default:
            return {};
        }
    }

    void append(Entry entry)
    {
        // In time order: a line older than the newest (a followed run's epoch, dated by an
        // estimate) goes after every line of its time or earlier.
        auto at = m_entries.end();
        if (!m_entries.empty() && entry.when < m_entries.back().when)
            at = std::upper_bound(
                m_entries.begin(), m_entries.end(), entry.when,
                [](const QDateTime &when, const Entry &other) { return when < other.when; });
        const int row = int(at - m_entries.begin());
        beginInsertRows({}, row, row);
        ++m_counts[size_t(entry.level)];
        m_entries.insert(at, std::move(entry));
        endInsertRows();
        trim();
    }

    void clear()
    {
        beginResetModel();
        m_entries.clear();
        m_counts = {};
        m_dropped = 0;
        endResetModel();
    }

    void setMaximum(int lines)
    {
        m_maximum = std::max(1, lines);
        trim();
    }

    int maximum() const { return m_maximum; }
    qint64 dropped() const { return m_dropped; }
    int count(MessageLevel level) const { return m_counts[size_t(level)]; }
    const std::deque<Entry> &entries() const { return m_entries; }

private:
    void trim()
    {
        const int excess = rowCount() - m_maximum;
        if (excess <= 0)
            return;
        beginRemoveRows({}, 0, excess - 1);
        for (int i = 0; i < excess; ++i) {
            --m_counts[size_t(m_entries.front().level)];
            m_entries.pop_front();
        }
        m_dropped += excess;
        endRemoveRows();
    }

    std::array<QIcon, 3> m_icons;
    std::deque<Entry> m_entries;
    std::array<int, 3> m_counts{};
    int m_maximum = LogView::DefaultMaximumLines;
    qint64 m_dropped = 0;
};

/// Lets through the lines of a minimum level and above.
class LogFilterModel : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setMinimum(MessageLevel level)
    {
        m_minimum = level;
        invalidateFilter();
    }
    MessageLevel minimum() const { return m_minimum; }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        return index.data(LevelRole).toInt() >= int(m_minimum);
    }

private:
    MessageLevel m_minimum = MessageLevel::Info;
};

LogView::LogView(QWidget *parent) : QWidget(parent)
{
    const std::array<QIcon, 3> icons = {style()->standardIcon(QStyle::SP_MessageBoxInformation),
                                        style()->standardIcon(QStyle::SP_MessageBoxWarning),
                                        style()->standardIcon(QStyle::SP_MessageBoxCritical)};
    m_model = new LogModel(icons, this);
    m_filter = new LogFilterModel(this);
    m_filter->setSourceModel(m_model);

    m_list = new QListView(this);
    m_list->setModel(m_filter);
    m_list->setUniformItemSizes(true); // 10,000 lines stay fast
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setTextElideMode(Qt::ElideRight);
    const int iconSide = m_list->fontMetrics().height();
    m_list->setIconSize(QSize(iconSide, iconSide));

    m_levelCombo = new QComboBox(this);
    m_levelCombo->addItem(tr("All messages"), int(MessageLevel::Info));
    m_levelCombo->addItem(tr("Warnings and errors"), int(MessageLevel::Warning));
    m_levelCombo->addItem(tr("Errors only"), int(MessageLevel::Error));
    m_levelCombo->setToolTip(tr("Show messages of this level and above"));
    m_counts = new QLabel(this);
    m_counts->setTextFormat(Qt::RichText);
    m_clearButton = new QPushButton(tr("Clear"), this);
    m_saveButton = new QPushButton(tr("Save\u2026"), this);
    m_saveButton->setToolTip(tr("Write the whole log (all levels, last %L1 lines) to a text file")
                                 .arg(DefaultMaximumLines));
    // Narrower than the style's 80 px minimum: the log shares its row with the cell graph.
    for (QPushButton *b : {m_clearButton, m_saveButton})
        b->setMinimumWidth(b->fontMetrics().horizontalAdvance(b->text()) + 24);

    auto *tools = new QHBoxLayout;
    tools->addWidget(new QLabel(tr("Show:"), this));
    tools->addWidget(m_levelCombo);
    tools->addSpacing(8);
    tools->addWidget(m_counts);
    tools->addStretch(1);
    tools->addWidget(m_clearButton);
    tools->addWidget(m_saveButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(tools);
    layout->addWidget(m_list, 1);

    connect(m_levelCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setMinimum(MessageLevel(m_levelCombo->itemData(index).toInt()));
    });
    connect(m_clearButton, &QPushButton::clicked, this, &LogView::clear);
    connect(m_saveButton, &QPushButton::clicked, this, &LogView::saveWithDialog);
    updateCounts();
}

LogView::~LogView() = default;

void LogView::addSnapshots(const std::vector<Snapshot> &snapshots)
{
    if (!snapshots.empty() && snapshots.back().epochs > 0)
        m_epochs = snapshots.back().epochs;
}

void LogView::addEpoch(const EpochSummary &) {}

QString LogView::epochSummaryText(const EpochSummary &e) const
{
    const QLocale locale;
    const auto fixed = [&locale](double v, int decimals) {
        return locale.toString(v, 'f', decimals);
    };
    const QString epoch = m_epochs > 0 ? QStringLiteral("%1/%2").arg(e.epoch + 1).arg(m_epochs)
                                       : QString::number(e.epoch + 1);
    if (e.cells.empty()) // an evaluation: no architecture weights, a test set
        return tr("Epoch %1 done: train loss %2, accuracy %3 % · test loss %4, accuracy %5 % · "
                  "%6 s")
            .arg(epoch, fixed(e.trainLoss, 3), fixed(100 * e.trainAcc, 1), fixed(e.valLoss, 3),
                 fixed(100 * e.valAcc, 2), fixed(e.seconds, 1));
    QStringList cells;
    for (const CellSnapshot &c : e.cells) {
        const QString type = c.weights.type == "normal"   ? tr("normal")
                             : c.weights.type == "reduce" ? tr("reduction")
                             : c.weights.type == "recurrent"
                                 ? tr("recurrent")
                                 : QString::fromStdString(c.weights.type);
        cells << tr("%1: nodes %2/%3, paths %4")
                     .arg(type)
                     .arg(c.aliveNodes.size())
                     .arg(c.weights.nodes)
                     .arg(c.alivePaths);
    }
    if (e.cells.size() == 1 && e.cells.front().weights.inputs == 1) {
        // A language model (the recurrent space): perplexities, exp of the NLL per word.
        const auto ppl = [&](double loss) {
            const double p = std::exp(loss);
            return std::isfinite(p) ? fixed(p, p >= 100 ? 0 : 1) : QStringLiteral("∞");
        };
        return tr("Epoch %1 done: λ = %2 · train perplexity %3 · validation perplexity %4 · "
                  "%5 · %6 s")
            .arg(epoch, locale.toString(e.lambda, 'g', 4), ppl(e.trainLoss), ppl(e.valLoss),
                 cells.join(QStringLiteral("; ")), fixed(e.seconds, 1));
    }
    return tr("Epoch %1 done: λ = %2 · train loss %3, accuracy %4 % · validation loss %5, "
              "accuracy %6 % · %7 · %8 s")
        .arg(epoch, locale.toString(e.lambda, 'g', 4), fixed(e.trainLoss, 3),
             fixed(100 * e.trainAcc, 1), fixed(e.valLoss, 3), fixed(100 * e.valAcc, 1),
             cells.join(QStringLiteral("; ")), fixed(e.seconds, 1));
}

void LogView::forgetLoggedEpochs()
{
    m_epochsLogged.clear();
    m_epochs = 0;
}

void LogView::appendEpochSummary(const EpochSummary &e, const QDateTime &when, bool approximate)
{
    const auto key = std::make_tuple(e.step, e.trainLoss, e.valLoss);
    const auto logged = m_epochsLogged.find(e.epoch);
    if (logged != m_epochsLogged.end() && logged->second == key)
        return; // a replayed history: the log has it
    m_epochsLogged[e.epoch] = key;
    appendMessage(MessageLevel::Info, epochSummaryText(e), when, approximate);
}

void LogView::addEvent(const RunEvent &event)
{
    const QString what = event.text.isEmpty() ? eventKindName(event.kind) : event.text;
    appendMessage(MessageLevel::Info, tr("Step %1: %2").arg(event.step).arg(what));
}

void LogView::clearRun()
{
    clear();
}

void LogView::clear()
{
    m_model->clear();
    m_epochsLogged.clear();
    updateCounts();
}

void LogView::appendMessage(MessageLevel level, const QString &text, const QDateTime &when,
                            bool approximate)
{
    const QScrollBar *bar = m_list->verticalScrollBar();
    const bool follow = bar->value() >= bar->maximum() - 1;
    m_model->append(
        {level, text, when.isValid() ? when : QDateTime::currentDateTime(), approximate});
    if (follow && !m_scrollPending) {
        // One scroll per burst of lines, once the event loop runs.
        m_scrollPending = true;
        QTimer::singleShot(0, this, [this] {
            m_scrollPending = false;
            m_list->scrollToBottom();
        });
    }
    if (level != MessageLevel::Info || m_model->dropped() > 0)
        updateCounts(); // Info lines change the counts only when they push others out
    if (level == MessageLevel::Error)
        Q_EMIT errorAppended(text);
}

void LogView::updateCounts()
{
    const int errors = m_model->count(MessageLevel::Error);
    const int warnings = m_model->count(MessageLevel::Warning);
    // Rich text, so that only the error count is in bold red.
    QStringList parts;
    if (errors > 0)
        parts << QStringLiteral("<b style=\"color:#b40000\">%1</b>")
                     .arg(tr("Errors: %L1").arg(errors).toHtmlEscaped());
    if (warnings > 0)
        parts << tr("Warnings: %L1").arg(warnings).toHtmlEscaped();
    const QString text = parts.join(QStringLiteral(" \u00b7 "));
    if (text != m_counts->text())
        m_counts->setText(text);
}

int LogView::lineCount() const
{
    return m_model->rowCount();
}

int LogView::visibleLineCount() const
{
    return m_filter->rowCount();
}

QString LogView::visibleLineText(int row) const
{
    return m_filter->index(row, 0).data(Qt::DisplayRole).toString();
}

qint64 LogView::droppedLineCount() const
{
    return m_model->dropped();
}

int LogView::maximumLines() const
{
    return m_model->maximum();
}

void LogView::setMaximumLines(int lines)
{
    m_model->setMaximum(lines);
    updateCounts();
}

void LogView::setMinimumLevel(MessageLevel minimum)
{
    const int index = m_levelCombo->findData(int(minimum));
    if (index >= 0)
        m_levelCombo->setCurrentIndex(index); // the combo's signal updates the filter
}

MessageLevel LogView::minimumLevel() const
{
    return m_filter->minimum();
}

QAbstractItemModel *LogView::model() const
{
    return m_filter;
}

bool LogView::saveLog(const QString &path, QString *error) const
{
    QString text;
    if (m_model->dropped() > 0)
        text += tr("# %1 earlier lines were dropped (the log keeps the last %2)\n")
                    .arg(m_model->dropped())
                    .arg(m_model->maximum());
    for (const LogModel::Entry &e : m_model->entries()) {
        text += e.when.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")) + QStringLiteral(" [") +
                levelName(e.level) + QStringLiteral("] ") + e.text + QLatin1Char('\n');
    }
    const QByteArray data = text.toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(data) != data.size() ||
        !file.commit()) {
        if (error)
            *error = tr("Cannot write the log to \"%1\": %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool LogView::exportImage(const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("txt") && suffix != QLatin1String("log")) {
        if (error)
            *error = tr("Cannot export the log to \"%1\": unsupported format \"%2\" "
                        "(use .txt or .log).")
                         .arg(QDir::toNativeSeparators(path), suffix);
        return false;
    }
    return saveLog(path, error);
}

void LogView::saveWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Log"), QDir::homePath() + QStringLiteral("/sparsenas-log.txt"),
        tr("Text files (*.txt *.log);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveLog(path, &error))
        QMessageBox::warning(this, tr("Save Log"), error);
}

} // namespace sparsenas
