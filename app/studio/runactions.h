// SPDX-License-Identifier: MIT
#pragma once

// The run's actions, shared by the toolbar and the menus: start, pause / resume, stop, save a
// checkpoint, fork, resume a run, open a run directory, export the cell and the metrics. Made
// with their icons, shortcuts and tips; update() enables what fits the run's state. What they do
// is connected by the main window.

#include <QObject>

class QAction;
class QMenu;
class QToolBar;
class QWidget;

namespace sparsenas {

class RunActions : public QObject
{
    Q_OBJECT

public:
    /// The actions belong to `window` (their shortcuts work there).
    explicit RunActions(QWidget *window);

    QAction *start() const { return m_start; }
    QAction *pause() const { return m_pause; } ///< pause, or resume while paused
    QAction *stop() const { return m_stop; }
    QAction *checkpoint() const { return m_checkpoint; }
    QAction *fork() const { return m_fork; }
    QAction *resumeRun() const { return m_resumeRun; }
    QAction *open() const { return m_open; }
    QAction *exportCell() const { return m_exportCell; }
    QAction *exportCsv() const { return m_exportCsv; }
    QAction *evaluate() const { return m_evaluate; }

    /// A search is `active` (or not), `paused`, the form is `formValid`, a run is shown
    /// (`hasRun`), it has a genotype to evaluate (`hasGenotype`): enables the actions that fit
    /// and names the pause action.
    void update(bool active, bool paused, bool formValid, bool hasRun, bool hasGenotype);
    /// Start, pause, stop, checkpoint | open, export cell.
    void addTo(QToolBar *toolbar) const;
    /// Start, pause, stop, checkpoint | fork, resume a run | evaluate (the Run menu).
    void addTo(QMenu *runMenu) const;

private:
    QWidget *m_window;
    QAction *m_start = nullptr, *m_pause = nullptr, *m_stop = nullptr;
    QAction *m_checkpoint = nullptr, *m_fork = nullptr, *m_resumeRun = nullptr;
    QAction *m_open = nullptr, *m_exportCell = nullptr, *m_exportCsv = nullptr;
    QAction *m_evaluate = nullptr;
};

} // namespace sparsenas
