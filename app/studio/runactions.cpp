// SPDX-License-Identifier: MIT
#include "runactions.h"

#include <QAction>
#include <QMenu>
#include <QStyle>
#include <QToolBar>
#include <QWidget>

namespace sparsenas {

RunActions::RunActions(QWidget *window) : QObject(window), m_window(window)
{
    const auto icon = [window](QStyle::StandardPixmap p) {
        return window->style()->standardIcon(p);
    };
    m_start = new QAction(icon(QStyle::SP_MediaPlay), tr("&Start search"), window);
    m_start->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
    m_start->setStatusTip(tr("Start a new search with the configuration on the left"));

    m_pause = new QAction(icon(QStyle::SP_MediaPause), tr("&Pause"), window);
    m_pause->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_P), QKeySequence(Qt::Key_F6)});
    m_pause->setStatusTip(tr("Pause or resume the search after the current batch"));

    m_stop = new QAction(icon(QStyle::SP_MediaStop), tr("S&top"), window);
    m_stop->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Period), QKeySequence(Qt::SHIFT | Qt::Key_F5)});
    m_stop->setStatusTip(tr("Stop after the current batch; a checkpoint is written"));

    m_checkpoint = new QAction(icon(QStyle::SP_DialogSaveButton), tr("Save &checkpoint"), window);
    m_checkpoint->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));

    m_fork = new QAction(tr("&Fork from checkpoint…"), window);
    m_fork->setStatusTip(tr("Start a new run from a checkpoint with the settings on the left"));

    m_resumeRun = new QAction(tr("Resume r&un…"), window);
    m_resumeRun->setStatusTip(tr("Continue a stopped or killed run from its last checkpoint"));

    m_open = new QAction(icon(QStyle::SP_DirOpenIcon), tr("&Open run directory…"), window);
    m_open->setShortcut(QKeySequence::Open);

    m_exportCell = new QAction(tr("&Export cell for paper…"), window);
    m_exportCell->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));

    m_exportCsv = new QAction(tr("Export &metrics as CSV…"), window);

    m_evaluate = new QAction(tr("E&valuate derived architecture…"), window);
    m_evaluate->setStatusTip(
        tr("Train the network of the shown run's genotype on its own and test it (an "
           "evaluation preset); the result joins the Evaluations table"));
}

void RunActions::update(bool active, bool paused, bool formValid, bool hasRun, bool hasGenotype)
{
    m_evaluate->setEnabled(!active && hasGenotype);
    m_start->setEnabled(!active && formValid);
    m_pause->setEnabled(active);
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_pause->setIcon(
        m_window->style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_stop->setEnabled(active);
    m_checkpoint->setEnabled(active);
    m_fork->setEnabled(!active);
    m_resumeRun->setEnabled(!active);
    m_open->setEnabled(!active);
    m_exportCsv->setEnabled(hasRun);
}

void RunActions::addTo(QToolBar *toolbar) const
{
    toolbar->addAction(m_start);
    toolbar->addAction(m_pause);
    toolbar->addAction(m_stop);
    toolbar->addAction(m_checkpoint);
    toolbar->addSeparator();
    toolbar->addAction(m_open);
    toolbar->addAction(m_exportCell);
}

void RunActions::addTo(QMenu *runMenu) const
{
    runMenu->addAction(m_start);
    runMenu->addAction(m_pause);
    runMenu->addAction(m_stop);
    runMenu->addAction(m_checkpoint);
    runMenu->addSeparator();
    runMenu->addAction(m_fork);
    runMenu->addAction(m_resumeRun);
    runMenu->addSeparator();
    runMenu->addAction(m_evaluate);
}

} // namespace sparsenas
