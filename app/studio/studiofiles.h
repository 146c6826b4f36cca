// SPDX-License-Identifier: MIT
#pragma once

// The File menu's file work: load and save the form's configuration as JSON (and load a run's),
// export the cell (through CellExporter) or a view as an image, copy a run's metrics.csv, and
// the file dialogs that choose a checkpoint or a run directory. Each export asks for a path,
// then calls the function that does the work (tests call those directly). Problems go to the
// `warn` callback: a message box, or the log when the window is not interactive.

#include "sparsenas/base/genotype.h"

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

class QWidget;

namespace sparsenas {

class CellGraphView;
class ConfigForm;
class GraphvizService;
class RunView;

class StudioFiles : public QObject
{
    Q_OBJECT

public:
    using Warn = std::function<void(const QString &title, const QString &text)>;

    /// Dialogs open over `window`; configurations go into and out of `form`.
    StudioFiles(QWidget *window, ConfigForm *form, Warn warn);

    void loadConfig();
    void saveConfig();
    /// Puts the config of the run in `runDir` into the form; false (the form unchanged, nothing
    /// said: the engine or the follower reports it) if it cannot be read.
    bool loadRunConfig(const QString &runDir);
    /// A checkpoint file, looked for first in `runDir`/checkpoints (or `runsRoot` without a
    /// run); empty if the user cancelled.
    QString chooseCheckpoint(const QString &runDir, const QString &runsRoot);
    /// A run directory, looked for first in `runDir` (or `runsRoot`); empty if cancelled.
    QString chooseRunDirectory(const QString &title, const QString &runDir,
                               const QString &runsRoot);
    /// "Export cell for paper": the ExportDialog on `weights`, rendered by `graphviz`.
    void exportCell(GraphvizService *graphviz, const std::vector<CellWeights> &weights);
    /// `what` names the view in the dialog's title; `svg`: the view writes SVG too.
    void exportView(RunView *view, const QString &what, bool svg);
    void exportCellGraph(CellGraphView *graph);
    void exportMetricsCsv(const QString &runDir);

    /// Puts the JSON object in `path` into the form. False (warned) if it is not one.
    bool loadConfigFile(const QString &path);
    bool saveConfigFile(const QString &path);
    /// Copies `runDir`/metrics.csv to `path`. False (warned) if there is none or it fails.
    bool copyMetricsCsv(const QString &runDir, const QString &path);

private:
    QWidget *m_window;
    ConfigForm *m_form;
    Warn m_warn;
};

} // namespace sparsenas
