// SPDX-License-Identifier: MIT
#pragma once

// Lab ▸ Supernet sweep and Lab ▸ Optimizer ablation: the paper's hyper-parameter sweeps
// (Table 4, Fig. 4) and its optimizer ablation (Fig. 3), each a tab, each run by the `sparsenas`
// command in the background while the tab follows the files it writes. Closing the window
// leaves them running; closing the studio stops them after their checkpoints.

#include <QMainWindow>

class QTabWidget;

namespace sparsenas {

class AblationPanel;
class SweepPanel;

class ExperimentsWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Tab { Sweep, Ablation };

    explicit ExperimentsWindow(const QString &runsRoot, QWidget *parent = nullptr);
    ~ExperimentsWindow() override;

    void showTab(Tab tab);
    SweepPanel *sweep() const { return m_sweep; }
    AblationPanel *ablation() const { return m_ablation; }

Q_SIGNALS:
    /// A sweep point was double-clicked: open its run in the main window.
    void openRunRequested(const QString &runDir);

private:
    void updateTitles();

    QTabWidget *m_tabs = nullptr;
    SweepPanel *m_sweep = nullptr;
    AblationPanel *m_ablation = nullptr;
};

} // namespace sparsenas
