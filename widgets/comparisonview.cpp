// SPDX-License-Identifier: MIT
#include "comparisonview.h"

#include "sparsenas/base/fileutil.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace sparsenas {

namespace {

QString duration(double seconds)
{
    const auto s = qint64(std::llround(seconds));
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

ComparisonView::ComparisonView(QWidget *parent) : QWidget(parent)
{
    m_table = new QTableWidget(this);
    m_table->setColumnCount(11);
    m_table->setHorizontalHeaderLabels(
        {tr("Genotype"), tr("Data set"), tr("Size"), tr("Nodes"), tr("Paths"), tr("Params (M)"),
         tr("Mult-adds (M)"), tr("Search"), tr("Test acc. (%)"), tr("Test ppl"), tr("Seeds")});
    const QStringList tips = {
        QString(),
        QString(),
        tr("C × cells of an image network; the hidden size of a language model"),
        tr("Nodes kept per cell: normal/reduce, or the recurrent cell's"),
        tr("Paths kept per cell: normal/reduce, or the recurrent cell's"),
        tr("Parameters (without an auxiliary head)"),
        tr("Multiply-adds per image, or per word of a language model"),
        QString(),
        tr("Test accuracy of an image network"),
        tr("Test perplexity of a language model (a recurrent cell)"),
        QString()};
    for (int c = 0; c < tips.size(); ++c) {
        if (!tips[c].isEmpty())
            m_table->horizontalHeaderItem(c)->setToolTip(tips[c]);
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setToolTip(tr("Read the evaluations in the runs folder again"));
    m_export = new QPushButton(tr("Export…"), this);
    m_export->setToolTip(tr("Save the table as CSV, Markdown or a LaTeX tabular"));
    connect(m_refresh, &QPushButton::clicked, this, [this] { refresh(); });
    connect(m_export, &QPushButton::clicked, this, &ComparisonView::exportRequested);

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_status, 1);
    tools->addWidget(m_refresh);
    tools->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(tools);
    layout->addWidget(m_table, 1);
    fill();
}

void ComparisonView::setFolder(const QString &folder)
{
    m_folder = folder;
}

bool ComparisonView::refresh(QString *error)
{
    if (m_folder.isEmpty() || !QFileInfo(m_folder).isDir()) {
        m_rows.clear();
        fill();
        return true;
    }
    try {
        std::vector<EvaluationRun> runs;
        try {
            runs = findEvaluations({QDir(m_folder).absolutePath().toStdString()});
        } catch (const RunError &e) {
            // A folder without evaluations is an empty table, not a problem.
            if (std::string(e.what()).find("holds no evaluation") == std::string::npos)
                throw;
        }
        m_rows = compareEvaluations(runs);
        fill();
        return true;
    } catch (const std::exception &e) {
        const QString what = QString::fromStdString(e.what());
        m_status->setText(tr("Cannot read the evaluations: %1").arg(what));
        if (error)
            *error = what;
        return false;
    }
}

void ComparisonView::fill()
{
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(m_rows.size()));
    const QLocale locale;
    auto number = [&](double v, int decimals) {
        auto *item = new QTableWidgetItem(locale.toString(v, 'f', decimals));
        item->setData(Qt::UserRole, v);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    for (int r = 0; r < int(m_rows.size()); ++r) {
        const ComparisonRow &row = m_rows[size_t(r)];
        auto *name = new QTableWidgetItem(QString::fromStdString(row.genotype));
        name->setToolTip(QString::fromStdString(row.source));
        m_table->setItem(r, 0, name);
        m_table->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(row.dataset)));
        const bool lm = row.space == "rnn";
        m_table->setItem(
            r, 2,
            new QTableWidgetItem(lm ? tr("hidden %1").arg(row.hidden)
                                    : QStringLiteral("%1 × %2").arg(row.channels).arg(row.layers)));
        m_table->setItem(r, 3, new QTableWidgetItem(QString::fromStdString(row.nodes)));
        m_table->setItem(r, 4, new QTableWidgetItem(QString::fromStdString(row.paths)));
        m_table->setItem(r, 5, number(row.paramsMillions, 2));
        m_table->setItem(r, 6, number(row.multiplyAddsMillions, 1));
        auto *search = new QTableWidgetItem(row.searchSeconds ? duration(*row.searchSeconds)
                                                              : QStringLiteral("–"));
        search->setToolTip(row.searchSeconds
                               ? tr("Wall time of the search that produced the genotype")
                               : tr("The genotype did not come from a search on this disk"));
        m_table->setItem(r, 7, search);
        // A figure "mean ± std" over the seeds, sorted by its mean; "–" where the kind has none
        // (a language model's accuracy, an image network's perplexity).
        const auto figure = [&](bool has, double mean, double std) {
            QString text = QStringLiteral("–");
            if (has) {
                text = locale.toString(mean, 'f', 2);
                if (row.seeds > 1)
                    text += QStringLiteral(" ± ") + locale.toString(std, 'f', 2);
            }
            auto *item = new QTableWidgetItem(text);
            if (has)
                item->setData(Qt::UserRole, mean);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (row.unfinished > 0)
                item->setToolTip(
                    tr("%n of these runs stopped before their last epoch", "", row.unfinished));
            else if (has && lm)
                item->setToolTip(tr("exp of the test loss per word; next-word accuracy %1 %")
                                     .arg(locale.toString(100 * row.testAccMean, 'f', 1)));
            return item;
        };
        m_table->setItem(r, 8, figure(!lm, 100 * row.testAccMean, 100 * row.testAccStd));
        m_table->setItem(r, 9, figure(lm, row.testPplMean, row.testPplStd));
        auto *seeds = number(row.seeds, 0);
        m_table->setItem(r, 10, seeds);
    }
    m_table->setSortingEnabled(true);
    m_export->setEnabled(!m_rows.empty());
    if (m_rows.empty())
        m_status->setText(m_folder.isEmpty()
                              ? tr("No runs folder")
                              : tr("No evaluation in %1 yet: evaluate a finished search (Run ▸ "
                                   "Evaluate derived architecture) or run `sparsenas evaluate`.")
                                    .arg(QDir::toNativeSeparators(m_folder)));
    else
        m_status->setText(tr("%n genotype(s) evaluated in %1", "", int(m_rows.size()))
                              .arg(QDir::toNativeSeparators(m_folder)));
}

bool ComparisonView::exportTable(const QString &path, QString *error) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    std::string text;
    if (suffix == QLatin1String("csv"))
        text = comparisonCsv(m_rows);
    else if (suffix == QLatin1String("md"))
        text = comparisonMarkdown(m_rows);
    else if (suffix == QLatin1String("tex"))
        text = comparisonLatex(m_rows);
    else {
        if (error)
            *error = tr("Cannot tell the format of %1: use .csv, .md or .tex")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    try {
        writeFileAtomic(path.toStdString(), text);
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    return true;
}

} // namespace sparsenas
