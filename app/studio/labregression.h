// SPDX-License-Identifier: MIT
#pragma once

// The teaching lab's regression half (LabWindow's Race and Path panels): a planted sparse-group
// regression solved by HAPG, AdamHAPG, ISTA, SGD and Adam side by side, and its SGL
// regularization path. The numbers come from sparsenas/proxlab.h (the core's optimizers and
// prox); SolverRacePlot and LabPathPlot draw them.

#include "sparsenas/proxlab.h"

#include <QObject>

#include <memory>
#include <vector>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTimer;
class QWidget;

namespace sparsenas {

class LabPathPlot;
struct LabStyle;
class SolverRacePlot;

class LabRegression : public QObject
{
    Q_OBJECT

public:
    /// The two panels are made as children of `parent`; the lab window places them.
    explicit LabRegression(QWidget *parent);
    ~LabRegression() override;

    QWidget *racePanel() const { return m_racePanel; }
    QWidget *pathPanel() const { return m_pathPanel; }
    SolverRacePlot *racePlot() const { return m_race; }
    LabPathPlot *pathPlot() const { return m_pathPlot; }
    void setStyle(const LabStyle &style);

    /// The penalty's alpha (the lab's slider): the path and the race follow it after 250 ms.
    void setAlpha(double alpha);
    double alpha() const { return m_alpha; }

    /// A new planted problem (the same seed, the same problem), its path and a new race.
    void regenerate(quint64 seed);
    const lab::RegressionProblem &problem() const { return m_problem; }
    const lab::RegularizationPath &path() const { return m_path; }
    /// The race's lambda: the spin box's share of lambda_max.
    double raceLambda() const;
    /// Restarts the five solvers from zero with the lambda and alpha in force.
    void restartRace();
    /// Runs the race `steps` steps further now (tests; the Run button animates it).
    void advanceRace(int steps);
    int raceSteps() const;
    const lab::Solver &solver(lab::Method method) const;
    static QString methodName(lab::Method method);

private:
    void createRacePanel(QWidget *parent);
    void createPathPanel(QWidget *parent);
    void updatePath();
    void raceTick();

    double m_alpha = 0.5;
    lab::RegressionProblem m_problem;
    std::vector<std::unique_ptr<lab::Solver>> m_solvers;
    lab::RegularizationPath m_path;
    double m_pathAlpha = -1;

    QWidget *m_racePanel = nullptr;
    QWidget *m_pathPanel = nullptr;
    QDoubleSpinBox *m_raceLambda = nullptr;
    QLabel *m_raceLambdaValue = nullptr;
    QPushButton *m_run = nullptr;
    QLabel *m_raceSummary = nullptr;
    SolverRacePlot *m_race = nullptr;
    LabPathPlot *m_pathPlot = nullptr;
    QLabel *m_pathNote = nullptr;
    QTimer *m_raceTimer = nullptr;
    QTimer *m_recompute = nullptr; ///< coalesces alpha and lambda changes
};

} // namespace sparsenas
