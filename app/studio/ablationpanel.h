// SPDX-License-Identifier: MIT
#pragma once

// The paper's optimizer ablation (Fig. 3) in the studio: `sparsenas ablation` runs in the
// background (methods x lambdas x seeds of the 64-40-20-10 network on digits) and the four
// panels fill in from its ablation.csv as the runs finish, with a progress bar and every run's
// numbers in a table. The same figure and table the CLI writes; an earlier ablation's folder can
// be opened.

#include "sparsenas/base/ablationtable.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace sparsenas {

class CliJob;
class FigureView;

class AblationPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AblationPanel(const QString &runsRoot, QWidget *parent = nullptr);
    ~AblationPanel() override;

    // ---- the set-up, as `sparsenas ablation` takes it
    /// Methods as "optimizer/penalty" config names; the paper's six are checked at first.
    QStringList methodNames() const;
    void setMethods(const QStringList &methods);
    QStringList checkedMethods() const;
    void setLambdas(double log10From, double log10To, int points);
    void setSeeds(int seeds);
    void setEpochs(int epochs);
    void setAlpha(double alpha);
    void setFolder(const QString &folder);
    QString folder() const;
    /// The runs the set-up asks for: methods x lambdas x seeds.
    int plannedRuns() const;

    /// The command line start() runs, or an empty list with *error (translated).
    QStringList ablationArguments(QString *error) const;
    /// Starts the ablation. A folder that holds an ablation already is refused unless `replace`
    /// (the command rewrites its ablation.csv from the first run). False with *error.
    bool start(bool replace, QString *error);
    /// Ctrl-C for the ablation: it stops after the current run; the table and the figure keep
    /// the runs that finished.
    void stop();
    /// Shows an ablation folder (ablation.csv). False with *error naming the file and line.
    bool openAblation(const QString &folder, QString *error);
    /// Reads ablation.csv now (the panel does this every second while the command runs).
    void refresh();
    /// .csv (the table), .svg, .pdf, .png (the figure as the CLI draws it). False with *error.
    bool exportTo(const QString &path, QString *error) const;

    bool isRunning() const;
    /// The set-up (methods, lambdas, seeds, epochs, alpha, momentum) is kept in QSettings: a new
    /// panel starts from the last one used.
    void saveSetup() const;
    const std::vector<AblationRow> &rows() const { return m_rows; }
    FigureView *figureView() const { return m_figure; }
    QTableWidget *runsTable() const { return m_table; }
    QProgressBar *progress() const { return m_progress; }
    CliJob *job() const { return m_job; }
    QString statusText() const;

Q_SIGNALS:
    void runningChanged(bool running);

private:
    void buildUi(const QString &runsRoot);
    void restoreSetup();
    void jobFinished(int exitCode, bool crashed);
    void updateViews();
    void updateButtons();
    void chooseFolder();
    void chooseAblationToOpen();
    void chooseExport();
    void startClicked();
    void showError(const QString &error);

    QListWidget *m_methods = nullptr;
    QDoubleSpinBox *m_from = nullptr;
    QDoubleSpinBox *m_to = nullptr;
    QSpinBox *m_points = nullptr;
    QSpinBox *m_seeds = nullptr;
    QSpinBox *m_epochs = nullptr;
    QDoubleSpinBox *m_alpha = nullptr;
    QCheckBox *m_momentum = nullptr;
    QLineEdit *m_folder = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_export = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    FigureView *m_figure = nullptr;
    QTableWidget *m_table = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QTimer *m_poll = nullptr;
    CliJob *m_job = nullptr;
    QString m_followed;  ///< the folder shown
    QStringList m_order; ///< the methods in the order of the command
    int m_planned = 0;   ///< runs of the command running (0: not known, an opened folder)
    QString m_lastError;
    QString m_lastText; ///< ablation.csv's text last read
    std::vector<AblationRow> m_rows;
};

} // namespace sparsenas
