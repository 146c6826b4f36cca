// SPDX-License-Identifier: MIT
#pragma once

#include "runview.h"

#include <QDateTime>
#include <QWidget>

#include <map>
#include <tuple>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QListView;
class QPushButton;

namespace sparsenas {

class LogModel;
class LogFilterModel;

/// The engine's messages, one line each with time stamp and level (icon and colour; errors in
/// bold red on a tinted background, and counted in the tool row). A level filter hides the less
/// severe lines; "Clear" empties the log; "Save…" writes it as text.
///
/// Memory is bounded: the log keeps the last maximumLines() lines (10,000 by default) and drops
/// the oldest; the saved file says how many were dropped. Steering events (RunEvent) become Info
/// lines; each epoch's summary becomes one (appendEpochSummary); snapshots are not logged.
/// Lines are kept in the order of their times: a followed run's lines come with the times of
/// its log.txt, and its epochs with estimated ones (shown with "≈").
class LogView : public QWidget, public RunView
{
    Q_OBJECT

public:
    static constexpr int DefaultMaximumLines = 10000;

    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    /// Notes the run's number of epochs, for the epoch summaries.
    void addSnapshots(const std::vector<Snapshot> &snapshots) override;
    /// Nothing: the summary comes with its time through appendEpochSummary().
    void addEpoch(const EpochSummary &epoch) override;
    /// Logs the event's text as an Info line ("Step 1200: lambda = 0.05").
    void addEvent(const RunEvent &event) override;
    /// Empties the log (a new run is shown).
    void clearRun() override;
    /// Writes the text log for a ".txt" or ".log" suffix (as saveLog()); other suffixes return
    /// false with a translated message naming the file.
    bool exportImage(const QString &path, QString *error) override;

    /// Writes every kept line (whatever the filter shows) as
    /// "yyyy-MM-dd hh:mm:ss [Level] text" to `path`. Returns false and sets *error on failure.
    bool saveLog(const QString &path, QString *error) const;

    /// Lines kept (all levels).
    int lineCount() const;
    /// Lines the level filter lets through.
    int visibleLineCount() const;
    /// The text of visible line `row` as the list shows it ("12:34:56  text").
    QString visibleLineText(int row) const;
    /// Lines dropped from the front because of the bound since the last clear.
    qint64 droppedLineCount() const;

    int maximumLines() const;
    /// Keeps at most `lines` (>= 1) lines, dropping the oldest at once if there are more.
    void setMaximumLines(int lines);

    /// Shows lines of level `minimum` and above (Info shows everything).
    void setMinimumLevel(MessageLevel minimum);
    MessageLevel minimumLevel() const;

    /// The filtered model the list shows (Qt::DisplayRole, Qt::DecorationRole, Qt::ToolTipRole).
    QAbstractItemModel *model() const;

public Q_SLOTS:
    /// Appends one line; multi-line text is shown on one line (the tooltip has it in full). A
    /// line older than the newest goes where its time puts it. `approximate`: the time is an
    /// estimate, shown as "≈12:34:56".
    void appendMessage(sparsenas::MessageLevel level, const QString &text,
                       const QDateTime &when = QDateTime::currentDateTime(),
                       bool approximate = false);
    /// One Info line for the end of an epoch, as the CLI prints it: lambda, train and
    /// validation loss and accuracy, the alive nodes and paths per cell type, the epoch's time
    /// (an evaluation: train and test). The same epoch with the same results is logged once
    /// (a replayed history repeats what the log has).
    void appendEpochSummary(const sparsenas::EpochSummary &epoch,
                            const QDateTime &when = QDateTime::currentDateTime(),
                            bool approximate = false);
    /// The text of that line.
    QString epochSummaryText(const sparsenas::EpochSummary &epoch) const;
    /// Another run is shown: its epochs are logged even where they equal the last run's.
    void forgetLoggedEpochs();
    /// Empties the log.
    void clear();

Q_SIGNALS:
    /// An Error line was appended (the main window may raise the log's dock).
    void errorAppended(const QString &text);

private:
    void saveWithDialog();
    void updateCounts();

    LogModel *m_model = nullptr;
    LogFilterModel *m_filter = nullptr;
    QListView *m_list = nullptr;
    QComboBox *m_levelCombo = nullptr;
    QLabel *m_counts = nullptr;
    QPushButton *m_clearButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    bool m_scrollPending = false;
    int64_t m_epochs = 0; ///< the run's epochs, from its snapshots (0: not known)
    /// Epochs logged: epoch -> (step, train loss, validation loss) of its summary.
    std::map<int64_t, std::tuple<int64_t, double, double>> m_epochsLogged;
};

} // namespace sparsenas
