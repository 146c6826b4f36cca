// SPDX-License-Identifier: MIT
#pragma once

// "Export cell for paper": opens the ExportDialog on the current cells, routes its live preview
// through the Graphviz thread, and writes the chosen file (SVG / PDF / PNG by libgvc on that
// thread; DOT, genotype JSON and DARTS text directly, atomically). Deletes itself when done.

#include "sparsenas/base/genotype.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <vector>

class QWidget;

namespace sparsenas {

class ExportDialog;
class GraphvizService;

class CellExporter : public QObject
{
    Q_OBJECT

public:
    CellExporter(GraphvizService *graphviz, QWidget *parent);
    /// Shows the dialog (window-modal) for cells derived from `weights`.
    void run(const std::vector<CellWeights> &weights);
    /// Writes `text` to `path` atomically; false and *error (naming the file) on failure.
    static bool writeText(const QString &path, const QString &text, QString *error);

Q_SIGNALS:
    /// The file is written (ok) or could not be (message says why).
    void finished(bool ok, const QString &message);

private:
    void onAccepted();
    void done(bool ok, const QString &message);

    GraphvizService *m_graphviz;
    QWidget *m_parent;
    QPointer<ExportDialog> m_dialog;
    Genotype m_genotype;
    quint64 m_exportId = 0;
};

} // namespace sparsenas
