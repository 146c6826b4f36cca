// SPDX-License-Identifier: MIT
#include "experimentswindow.h"

#include "ablationpanel.h"
#include "sweeppanel.h"

#include <QGuiApplication>
#include <QScreen>
#include <QTabWidget>

#include <algorithm>

namespace sparsenas {

ExperimentsWindow::ExperimentsWindow(const QString &runsRoot, QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Sweeps and ablation — SparseNAS Studio"));
    m_tabs = new QTabWidget;
    m_sweep = new SweepPanel(runsRoot);
    m_ablation = new AblationPanel(runsRoot);
    m_tabs->addTab(m_sweep, tr("Supernet sweep"));
    m_tabs->addTab(m_ablation, tr("Optimizer ablation (Fig. 3)"));
    m_tabs->setTabToolTip(Sweep, tr("Searches over a grid of config fields (paper Table 4, "
                                    "Fig. 4)"));
    m_tabs->setTabToolTip(Ablation, tr("SGD, Adam, HAPG and AdamHAPG with Lasso, Group Lasso and "
                                       "SGL on a small network (paper Fig. 3)"));
    setCentralWidget(m_tabs);
    connect(m_sweep, &SweepPanel::openRunRequested, this, &ExperimentsWindow::openRunRequested);
    connect(m_sweep, &SweepPanel::runningChanged, this, &ExperimentsWindow::updateTitles);
    connect(m_ablation, &AblationPanel::runningChanged, this, &ExperimentsWindow::updateTitles);

    // As large as a 1024x700 screen allows, and no larger than the lab's 1400x900.
    const QRect screen = QGuiApplication::primaryScreen()
                             ? QGuiApplication::primaryScreen()->availableGeometry()
                             : QRect(0, 0, 1400, 900);
    resize(std::min(1400, screen.width() - 40), std::min(900, screen.height() - 60));
}

ExperimentsWindow::~ExperimentsWindow() = default;

void ExperimentsWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void ExperimentsWindow::updateTitles()
{
    // A running tab says so: the window may be closed while the command goes on.
    m_tabs->setTabText(Sweep, m_sweep->isRunning() ? tr("Supernet sweep (running)")
                                                   : tr("Supernet sweep"));
    m_tabs->setTabText(Ablation, m_ablation->isRunning() ? tr("Optimizer ablation (running)")
                                                         : tr("Optimizer ablation (Fig. 3)"));
}

} // namespace sparsenas
