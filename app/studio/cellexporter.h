// SPDX-License-Identifier: MIT
#pragma once

// "Export cell for paper": opens the ExportDialog on the current cells, routes its live preview
// through the Graphviz thread, and writes what each export asks for (SVG / PDF / PNG by libgvc
// on that thread; DOT, genotype JSON and the DARTS and pt.darts texts directly, atomically).
// The dialog stays open between exports and shows what each one wrote; the exporter deletes
// itself once the dialog is closed and nothing is being written.

#include "sparsenas/base/genotype.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <set>
#include <vector>

class QWidget;

namespace sparsenas {

class ExportDialog;
class GraphvizService;
struct ExportRequest;

class CellExporter : public QObject
{
    Q_OBJECT

public:
    CellExporter(GraphvizService *graphviz, QWidget *parent);
    /// Shows the dialog (window-modal) for cells derived from `weights`.
    void run(const std::vector<CellWeights> &weights);
    /// Writes `text` to `path` atomically; false and *error (naming the file) on failure.
    static bool writeText(const QString &path, const QString &text, QString *error);
    /// The text a text format ("json", "darts", "ptdarts") writes for `genotype`; false and
    /// *error when the genotype has no such form.
    static bool genotypeText(const Genotype &genotype, const QString &format, QString *text,
                             QString *error);

Q_SIGNALS:
    /// One export (every format of one click) is written (ok), or a file could not be (message
    /// says which and why, one line each).
    void finished(bool ok, const QString &message);

private:
    void startExport();
    void write(const ExportRequest &request);
    void fileDone(const QString &path, const QString &error);
    void maybeFinish();
    void dialogClosed();

    GraphvizService *m_graphviz;
    QWidget *m_parent;
    QPointer<ExportDialog> m_dialog;
    bool m_dialogOpen = false;
    Genotype m_genotype;
    std::set<quint64> m_pending; ///< Graphviz exports of the current export not answered yet
    bool m_exporting = false;    ///< an export is being written
    bool m_starting = false;     ///< startExport() is handing out its files
    QStringList m_written, m_errors;
};

} // namespace sparsenas
