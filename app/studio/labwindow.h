// SPDX-License-Identifier: MIT
#pragma once

// The teaching lab (Lab ▸ Prox explorer): for a class, what Lasso, Group Lasso and the Sparse
// Group Lasso do and why proximal steps give exact zeros where SGD does not. Four panels:
//   Operators   a small grouped vector through soft-thresholding (Eq. 9), group shrinkage
//               (Eq. 10) and their composition (Eq. 5), a step at a time or animated;
//   Unit balls  the 2-D picture: the three unit balls, the regions mapped to exact zeros, a
//               point and one prox step of it;
//   Race        a planted sparse-group regression solved by HAPG, AdamHAPG, ISTA, SGD and Adam
//               side by side (objective and exact zeros against steps);
//   Path        the SGL regularization path of that problem, entry points marked
//               (these two are LabRegression's).
// Every number comes from the core (sparsenas/proxlab.h: the search's prox operators and
// optimizers); the plots (widgets/labplots.h) only draw. Presentation mode (F11, Esc leaves):
// full screen, larger fonts and lines, high-contrast colours, one panel at a time.

#include "sparsenas/proxlab.h"

#include <QMainWindow>

#include <array>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace sparsenas {

class LabHelpDialog;
class LabRegression;
class ProxBarsPlot;
class UnitBallPlot;

class LabWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Panel { Operators, UnitBalls, Race, Path, PanelCount };

    explicit LabWindow(QWidget *parent = nullptr);
    ~LabWindow() override;

    // ---- the grouped vector and the prox's parameters
    /// Groups separated by "|", values by spaces or commas ("2 -1.5 | 0.3 0.2").
    static bool parseVector(const QString &text, lab::GroupedVector *out);
    static QString formatVector(const lab::GroupedVector &v);
    QStringList presetNames() const;
    void loadPreset(int index);
    /// False (and the field marked) when `text` is not a grouped vector.
    bool setVectorText(const QString &text);
    const lab::GroupedVector &vector() const { return m_vector; }
    lab::ProxParams params() const;
    /// Moves the sliders to the nearest positions they have.
    void setParams(const lab::ProxParams &params);

    // ---- the operators panel
    /// One more step of each operator, on its own last output.
    void stepOperators();
    /// Back to one step of each operator on the vector.
    void resetOperators();
    int operatorSteps() const { return m_opSteps; }
    ProxBarsPlot *softThresholdPlot() const { return m_bars[0]; }
    ProxBarsPlot *groupShrinkPlot() const { return m_bars[1]; }
    ProxBarsPlot *proxPlot() const { return m_bars[2]; }
    QString operatorSummary() const;

    // ---- the 2-D picture
    UnitBallPlot *unitBallPlot() const { return m_ball; }
    void setPoint(double x, double y);
    std::array<double, 2> point() const { return m_point; }
    std::array<double, 2> proxOfPoint() const { return m_image; }

    // ---- the regression race and the path
    LabRegression *regression() const { return m_regression; }

    // ---- presentation
    bool isPresentation() const { return m_presentation; }
    Panel presentedPanel() const { return m_presented; }
    QWidget *panel(Panel p) const { return m_panels[size_t(p)]; }

    static void showHelp(QWidget *parent);

public Q_SLOTS:
    void setPresentation(bool on);
    /// In presentation, shows `p` alone; otherwise raises its tab.
    void showPanel(sparsenas::LabWindow::Panel p);

Q_SIGNALS:
    void presentationChanged(bool on);

private:
    QWidget *createControls();
    QWidget *createOperatorsPanel();
    QWidget *createUnitBallPanel();
    void paramsChanged();
    void updateOperators();
    void updateUnitBall(bool zeroMap);
    void applyStyle();
    void updateSliderLabels();
    /// Puts `p` back into its place in the normal layout.
    void dockPanel(Panel p);

    lab::GroupedVector m_vector;
    int m_opSteps = 1;
    std::array<std::vector<double>, 3> m_opBefore, m_opAfter; ///< per operator
    std::array<double, 2> m_point{1.2, 0.45};
    std::array<double, 2> m_image{0, 0};

    QComboBox *m_preset = nullptr;
    QLineEdit *m_vectorEdit = nullptr;
    QSlider *m_lambda = nullptr;
    QSlider *m_alpha = nullptr;
    QSlider *m_eta = nullptr;
    QLabel *m_lambdaValue = nullptr;
    QLabel *m_alphaValue = nullptr;
    QLabel *m_etaValue = nullptr;
    QPushButton *m_presentButton = nullptr;
    std::array<ProxBarsPlot *, 3> m_bars{};
    QLabel *m_opSummary = nullptr;
    QPushButton *m_animate = nullptr;
    QLabel *m_stepLabel = nullptr;
    UnitBallPlot *m_ball = nullptr;
    LabRegression *m_regression = nullptr;
    QLabel *m_ballReadout = nullptr;

    QWidget *m_controls = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTabWidget *m_tabs = nullptr;
    std::array<QSplitter *, 2> m_splitters{};
    std::array<QWidget *, PanelCount> m_panels{};
    QWidget *m_presentHost = nullptr;
    QLabel *m_presentTitle = nullptr;
    bool m_presentation = false;
    bool m_wasMaximized = false;
    Panel m_presented = Operators;

    QTimer *m_animation = nullptr;
};

} // namespace sparsenas
