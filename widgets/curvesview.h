// SPDX-License-Identifier: MIT
#pragma once

// Training curves of a search: loss (top) and accuracy (bottom) against fractional epochs or
// search steps, with the lambda schedule on the right axis and the run's events marked where
// they happened.

#include "runview.h"

#include <QWidget>

#include <vector>

class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;
class QComboBox;
class QPushButton;

namespace sparsenas {

class CurvesView : public QWidget, public RunView
{
    Q_OBJECT

public:
    enum class XAxis { Epoch, Step };

    explicit CurvesView(QWidget *parent = nullptr);
    ~CurvesView() override;

    QCustomPlot *plot() const { return m_plot; }
    XAxis xAxisMode() const { return m_xMode; }

    void addSnapshots(const std::vector<Snapshot> &snapshots) override;
    void addEpoch(const EpochSummary &epoch) override;
    void addEvent(const RunEvent &event) override;
    void clearRun() override;
    bool exportImage(const QString &path, QString *error) override;

    /// Smoothing of the per-step lines: exponential moving average with this decay, debiased
    /// as in TensorBoard (a constant input gives the same constant).
    static constexpr double emaDecay = 0.95;

public Q_SLOTS:
    void setXAxisMode(sparsenas::CurvesView::XAxis mode);
    /// An evaluation (a genotype's network trained on its own) draws no validation curve of its own
    /// and no lambda; its epoch points are the test set, or the validation set of a language model
    /// (`languageModel`).
    void setEvaluation(bool evaluation, bool languageModel = false);
    /// Rescales the axes to the data and follows new data again (after a zoom or drag).
    void fitToData();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct StepPoint
    {
        double step, epochPos;
        double trainLoss, trainAcc, valLoss, valAcc;
        double trainLossEma, trainAccEma, valLossEma, valAccEma;
    };
    struct EpochPoint
    {
        double step, epochPos;
        double trainLoss, trainAcc, valLoss, valAcc;
    };
    struct LambdaPoint
    {
        double step, epochPos, lambda;
    };
    struct EventMark
    {
        RunEvent event;
        QCPItemStraightLine *lossLine = nullptr;
        QCPItemStraightLine *accLine = nullptr;
        QCPItemText *label = nullptr;
    };

    void setupPlot();
    /// As many legend columns (4 at most) as the plot's width holds.
    void fitLegendColumns();
    double key(double step, double epochPos) const;
    void noteLambda(double step, double epochPos, double lambda);
    void updateLambdaGraphs();
    void placeEvent(EventMark &mark);
    void rebuild();
    void dataChanged();
    void userMovedView();

    QCustomPlot *m_plot = nullptr;
    QComboBox *m_xCombo = nullptr;
    QPushButton *m_fitButton = nullptr;
    QCPAxisRect *m_lossRect = nullptr;
    QCPAxisRect *m_accRect = nullptr;
    QCPGraph *m_trainLoss = nullptr, *m_trainLossEma = nullptr;
    QCPGraph *m_valLoss = nullptr, *m_valLossEma = nullptr;
    QCPGraph *m_trainAcc = nullptr, *m_trainAccEma = nullptr;
    QCPGraph *m_valAcc = nullptr, *m_valAccEma = nullptr;
    QCPGraph *m_epochTrainLoss = nullptr, *m_epochValLoss = nullptr;
    QCPGraph *m_epochTrainAcc = nullptr, *m_epochValAcc = nullptr;
    QCPGraph *m_lambdaLoss = nullptr, *m_lambdaAcc = nullptr;
    bool m_evaluation = false;

    XAxis m_xMode = XAxis::Epoch;
    bool m_autoFit = true;
    std::vector<StepPoint> m_steps;
    std::vector<EpochPoint> m_epochs;
    std::vector<LambdaPoint> m_lambda; ///< where lambda changed
    LambdaPoint m_lambdaTail{0, 0, 0}; ///< the latest position: the step line runs to it
    double m_lambdaMax = 0;
    double m_lossMin = 0, m_lossMax = 0, m_accMin = 0, m_accMax = 0;
    bool m_haveLoss = false, m_haveAcc = false;
    std::vector<EventMark> m_events;
    double m_emaNum[4] = {0, 0, 0, 0};    ///< EMA accumulators (train/val loss, train/val acc)
    double m_emaWeight[4] = {0, 0, 0, 0}; ///< 1 - decay^n (finite samples only): debiasing
};

} // namespace sparsenas
