// SPDX-License-Identifier: MIT
#include "labregression.h"

#include "labplots.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace sparsenas {

namespace {

constexpr int kRaceSteps = 300; ///< where the race stops
constexpr int kRaceStepsPerTick = 2;

QString number(double v)
{
    return QLocale().toString(v, 'g', 3);
}

} // namespace

LabRegression::LabRegression(QWidget *parent) : QObject(parent)
{
    m_raceTimer = new QTimer(this);
    m_raceTimer->setInterval(40);
    connect(m_raceTimer, &QTimer::timeout, this, &LabRegression::raceTick);
    m_recompute = new QTimer(this);
    m_recompute->setSingleShot(true);
    m_recompute->setInterval(250);
    connect(m_recompute, &QTimer::timeout, this, [this] {
        if (std::abs(m_pathAlpha - m_alpha) > 1e-12)
            updatePath();
        restartRace();
    });
    createRacePanel(parent);
    createPathPanel(parent);
    regenerate(1);
}

LabRegression::~LabRegression() = default;

void LabRegression::setAlpha(double alpha)
{
    if (alpha == m_alpha)
        return;
    m_alpha = alpha;
    m_recompute->start();
}

void LabRegression::setStyle(const LabStyle &style)
{
    m_race->setStyle(style);
    m_pathPlot->setStyle(style);
}

void LabRegression::createRacePanel(QWidget *parent)
{
    auto *panel = new QWidget(parent);
    m_racePanel = panel;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    auto *regen = new QPushButton(tr("Re&generate"), panel);
    regen->setToolTip(tr("A new planted problem: 12 coefficients in 4 groups of 3 (one strong "
                         "group, one with a single nonzero, one weak, one zero), 60 noisy "
                         "samples"));
    connect(regen, &QPushButton::clicked, this,
            [this] { regenerate(QRandomGenerator::global()->generate64()); });
    m_run = new QPushButton(tr("R&un"), panel);
    m_run->setCheckable(true);
    m_run->setToolTip(tr("Run the five optimizers side by side, a full gradient step each per "
                         "tick"));
    connect(m_run, &QPushButton::toggled, this, [this](bool on) {
        if (on && raceSteps() >= kRaceSteps)
            restartRace();
        if (on)
            m_raceTimer->start();
        else
            m_raceTimer->stop();
    });
    auto *restart = new QPushButton(tr("Res&tart"), panel);
    restart->setToolTip(tr("Start every optimizer again from zero"));
    connect(restart, &QPushButton::clicked, this, &LabRegression::restartRace);
    auto *lambdaLabel = new QLabel(tr("λ / λ_max:"), panel);
    m_raceLambda = new QDoubleSpinBox(panel);
    m_raceLambda->setRange(0.01, 1.0);
    m_raceLambda->setSingleStep(0.01);
    m_raceLambda->setValue(0.2);
    m_raceLambda->setToolTip(tr("The race's λ as a share of λ_max, the smallest λ at which every "
                                "coefficient is zero (α is the one above)"));
    lambdaLabel->setBuddy(m_raceLambda);
    connect(m_raceLambda, &QDoubleSpinBox::valueChanged, this, [this] {
        m_pathPlot->setCurrentLambda(raceLambda());
        m_recompute->start();
    });
    m_raceLambdaValue = new QLabel(panel);
    m_raceLambdaValue->setToolTip(tr("The λ and α the race uses; the path plot marks this λ"));
    row->addWidget(regen);
    row->addWidget(m_run);
    row->addWidget(restart);
    row->addWidget(lambdaLabel);
    row->addWidget(m_raceLambda);
    row->addWidget(m_raceLambdaValue, 1);
    layout->addLayout(row);
    m_race = new SolverRacePlot(panel);
    QStringList names;
    for (lab::Method m : lab::allMethods)
        names << methodName(m);
    m_race->setMethods(names);
    m_race->setToolTip(tr("Top: loss + penalty at the point each optimizer reports. Bottom: its "
                          "coefficients that are exactly 0.0. HAPG, AdamHAPG and ISTA take "
                          "proximal steps and reach exact zeros; SGD and Adam (dashed) follow a "
                          "subgradient and do not."));
    layout->addWidget(m_race, 1);
    m_raceSummary = new QLabel(panel);
    m_raceSummary->setWordWrap(true);
    m_raceSummary->setToolTip(tr("Exact zeros per optimizer at the last step, and how many the "
                                 "planted truth has"));
    layout->addWidget(m_raceSummary);
}

void LabRegression::createPathPanel(QWidget *parent)
{
    auto *panel = new QWidget(parent);
    m_pathPanel = panel;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pathPlot = new LabPathPlot(panel);
    m_pathPlot->setToolTip(tr("Every coefficient of the SGL solution against λ, from λ_max "
                              "(all zero) down to λ_max / 100, solved by ISTA for each λ. A "
                              "circle marks where a coefficient enters; the dashed line is the "
                              "race's λ."));
    m_pathNote = new QLabel(panel);
    m_pathNote->setWordWrap(true);
    m_pathNote->setToolTip(tr("λ_max and how many coefficients the path brings in"));
    layout->addWidget(m_pathPlot, 1);
    layout->addWidget(m_pathNote);
}

QString LabRegression::methodName(lab::Method method)
{
    switch (method) {
    case lab::Method::Hapg:
        return QStringLiteral("HAPG");
    case lab::Method::AdamHapg:
        return tr("AdamHAPG (without momentum)");
    case lab::Method::Ista:
        return tr("ISTA (HAPG without momentum)");
    case lab::Method::Sgd:
        return tr("SGD (subgradient)");
    case lab::Method::Adam:
        break;
    }
    return tr("Adam (subgradient)");
}

void LabRegression::regenerate(quint64 seed)
{
    m_problem = lab::plantedProblem(seed);
    updatePath();
    restartRace();
}

double LabRegression::raceLambda() const
{
    return m_raceLambda->value() * m_path.lambdaMax;
}

void LabRegression::updatePath()
{
    const double alpha = m_alpha;
    m_path = lab::regularizationPath(m_problem, alpha);
    m_pathAlpha = alpha;
    m_pathPlot->setPath(m_path.lambdas, m_path.coefficients, m_path.entry, m_problem.group);
    m_pathPlot->setCurrentLambda(raceLambda());
    const int entered =
        int(std::count_if(m_path.entry.begin(), m_path.entry.end(), [](int e) { return e >= 0; }));
    m_pathNote->setText(tr("α = %1, λ_max = %2: %3 of %4 coefficients enter before λ_max / 100")
                            .arg(QLocale().toString(alpha, 'f', 2), number(m_path.lambdaMax))
                            .arg(entered)
                            .arg(m_problem.features));
}

void LabRegression::restartRace()
{
    const double lambda = raceLambda(), alpha = m_alpha;
    m_solvers.clear();
    for (lab::Method m : lab::allMethods)
        m_solvers.push_back(std::make_unique<lab::Solver>(m_problem, m, lambda, alpha));
    const int planted = int(std::count(m_problem.truth.begin(), m_problem.truth.end(), 0.0));
    m_race->clearData(planted, m_problem.features);
    for (size_t k = 0; k < m_solvers.size(); ++k)
        m_race->addPoint(int(k), 0, m_solvers[k]->objective(), m_solvers[k]->exactZeros());
    m_raceLambdaValue->setText(
        tr("λ = %1, α = %2").arg(number(lambda), QLocale().toString(alpha, 'f', 2)));
    advanceRace(0);
}

void LabRegression::advanceRace(int steps)
{
    for (int s = 0; s < steps; ++s)
        for (size_t k = 0; k < m_solvers.size(); ++k) {
            m_solvers[k]->step();
            m_race->addPoint(int(k), m_solvers[k]->steps(), m_solvers[k]->objective(),
                             m_solvers[k]->exactZeros());
        }
    QStringList parts;
    for (const auto &s : m_solvers)
        parts << QStringLiteral("%1 %2")
                     .arg(methodName(s->method()).section(QLatin1Char(' '), 0, 0))
                     .arg(s->exactZeros());
    const int planted = int(std::count(m_problem.truth.begin(), m_problem.truth.end(), 0.0));
    m_raceSummary->setText(tr("After %1 steps, exact zeros: %2 (planted: %3)")
                               .arg(raceSteps())
                               .arg(parts.join(QStringLiteral(", ")))
                               .arg(planted));
}

int LabRegression::raceSteps() const
{
    return m_solvers.empty() ? 0 : m_solvers.front()->steps();
}

const lab::Solver &LabRegression::solver(lab::Method method) const
{
    for (const auto &s : m_solvers)
        if (s->method() == method)
            return *s;
    return *m_solvers.front();
}

void LabRegression::raceTick()
{
    advanceRace(kRaceStepsPerTick);
    if (raceSteps() >= kRaceSteps)
        m_run->setChecked(false);
}

} // namespace sparsenas
