// SPDX-License-Identifier: MIT
#pragma once

// Steering a live search: lambda, alpha and the lambda step, each applied with its own button
// (or Enter) and sent to the engine, which applies it between two batches; the plots mark the
// step where it happened. Also shows where the run is (epoch, step, ETA).

#include <QWidget>

class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;

namespace sparsenas {

class StatusText;

class SteeringPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SteeringPanel(QWidget *parent = nullptr);

    /// Whether a search is live (the Apply buttons work only then).
    void setLive(bool live);
    bool isLive() const { return m_live; }
    /// The values in force in the engine (from the newest snapshot). Editors the user has not
    /// changed since their last apply follow them; a changed value waits for its Set.
    void showCurrent(double lambda, double alpha, double lambdaStep);
    /// "epoch 3/10 · step 41/140 · ETA 1:20" or similar.
    void showProgress(const QString &text);

    QDoubleSpinBox *lambdaEditor() const { return m_lambda; }
    QDoubleSpinBox *alphaEditor() const { return m_alpha; }
    QDoubleSpinBox *lambdaStepEditor() const { return m_step; }
    QPushButton *applyLambdaButton() const { return m_applyLambda; }
    QPushButton *applyAlphaButton() const { return m_applyAlpha; }
    QPushButton *applyLambdaStepButton() const { return m_applyStep; }
    /// The values in force as shown ("in force" column).
    QString lambdaInForce() const;
    QString alphaInForce() const;
    QString lambdaStepInForce() const;

Q_SIGNALS:
    void lambdaRequested(double lambda);
    void alphaRequested(double alpha);
    void lambdaStepRequested(double step);

private:
    QDoubleSpinBox *addRow(QGridLayout *grid, int row, const QString &label, const QString &toolTip,
                           double max, QPushButton **apply, QLabel **current);

    QDoubleSpinBox *m_lambda = nullptr, *m_alpha = nullptr, *m_step = nullptr;
    QPushButton *m_applyLambda = nullptr, *m_applyAlpha = nullptr, *m_applyStep = nullptr;
    QLabel *m_curLambda = nullptr, *m_curAlpha = nullptr, *m_curStep = nullptr;
    StatusText *m_progress = nullptr;
    bool m_live = false;
    bool m_updating = false; ///< setValue from showCurrent, not the user
};

} // namespace sparsenas
