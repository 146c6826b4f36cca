// SPDX-License-Identifier: MIT
#pragma once

// The comparison of evaluations: every evaluation run under a folder (the studio's runs
// folder), one row per genotype, size and data set, with mean and spread of the test accuracy
// over seeds; exported as CSV, Markdown or a LaTeX tabular (comparison.h writes all three, the
// same as `sparsenas compare`).

#include "sparsenas/base/comparison.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace sparsenas {

class ComparisonView : public QWidget
{
    Q_OBJECT

public:
    explicit ComparisonView(QWidget *parent = nullptr);

    /// The folder searched for evaluations (recursively) by refresh().
    void setFolder(const QString &folder);
    QString folder() const { return m_folder; }
    /// Reads the folder's evaluations again. False with *error set if one is damaged; the table
    /// then shows what could be read before.
    bool refresh(QString *error = nullptr);
    const std::vector<ComparisonRow> &rows() const { return m_rows; }
    /// Writes the table: ".csv", ".md" or ".tex" by the suffix. False with a message naming the
    /// file otherwise, or if it cannot be written.
    bool exportTable(const QString &path, QString *error) const;
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    /// The user asked to export (the main window picks the file).
    void exportRequested();

private:
    void fill();

    QString m_folder;
    std::vector<ComparisonRow> m_rows;
    QTableWidget *m_table = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace sparsenas
