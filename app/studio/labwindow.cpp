// SPDX-License-Identifier: MIT
#include "labwindow.h"

#include "labhelp.h"
#include "labplots.h"
#include "labregression.h"

#include <QApplication>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QShortcut>
#include <QSlider>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace sparsenas {

namespace {

constexpr int kBallPoints = 360;   ///< boundary points per unit ball
constexpr int kZeroMapCells = 480; ///< zero-map cells along the longer side
// The sliders' integer positions: lambda and eta in hundredths, alpha in hundredths.
constexpr double kSliderScale = 100.0;

struct Preset
{
    const char *name;
    const char *values;
};

// The presets' names are translated where they are shown (LabWindow::presetNames).
const std::array<Preset, 4> kPresets{{
    {QT_TRANSLATE_NOOP("sparsenas::LabWindow", "One strong group, one weak group, one mixed"),
     "2.0 -1.6 1.8 | 0.3 -0.25 0.2 | 1.5 0.1 -0.15"},
    {QT_TRANSLATE_NOOP("sparsenas::LabWindow", "Many small weights"),
     "0.4 -0.3 0.5 | 0.2 0.35 -0.45 | -0.3 0.25 0.4"},
    {QT_TRANSLATE_NOOP("sparsenas::LabWindow", "Groups of different sizes"),
     "1.2 -0.8 | 0.5 0.4 -0.6 0.3 0.2"},
    {QT_TRANSLATE_NOOP("sparsenas::LabWindow", "One weight dominates each group"),
     "2.0 0.1 -0.1 | -0.2 1.5 0.15 | 0.1 -0.1 0.2"},
}};

QSlider *makeSlider(int min, int max, int value, QWidget *parent)
{
    auto *s = new QSlider(Qt::Horizontal, parent);
    s->setRange(min, max);
    s->setValue(value);
    s->setMinimumWidth(90);
    return s;
}

QString number(double v)
{
    return QLocale().toString(v, 'g', 3);
}

QFont scaledFont(double factor)
{
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * factor);
    return f;
}

} // namespace

LabWindow::LabWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Teaching lab — SparseNAS Studio"));
    setObjectName(QStringLiteral("LabWindow"));

    m_animation = new QTimer(this);
    m_animation->setInterval(700);
    connect(m_animation, &QTimer::timeout, this, &LabWindow::stepOperators);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_controls = createControls();
    layout->addWidget(m_controls);

    m_panels[Operators] = createOperatorsPanel();
    m_panels[UnitBalls] = createUnitBallPanel();
    m_regression = new LabRegression(this);
    m_panels[Race] = m_regression->racePanel();
    m_panels[Path] = m_regression->pathPanel();

    m_tabs = new QTabWidget(central);
    for (int t = 0; t < 2; ++t) {
        m_splitters[size_t(t)] = new QSplitter(Qt::Horizontal, m_tabs);
        m_splitters[size_t(t)]->setChildrenCollapsible(false);
        m_splitters[size_t(t)]->addWidget(m_panels[size_t(2 * t)]);
        m_splitters[size_t(t)]->addWidget(m_panels[size_t(2 * t + 1)]);
        m_splitters[size_t(t)]->setStretchFactor(0, 3);
        m_splitters[size_t(t)]->setStretchFactor(1, 2);
    }
    m_tabs->addTab(m_splitters[0], tr("&Prox explorer"));
    m_tabs->addTab(m_splitters[1], tr("&Regression"));
    m_tabs->setTabToolTip(0, tr("The proximal operators on a small grouped vector, and the 2-D "
                                "picture of one group of two weights"));
    m_tabs->setTabToolTip(1, tr("A planted sparse-group regression solved by five optimizers, "
                                "and its regularization path"));

    // Presentation: one panel at a time, with its title and the way to the others.
    auto *present = new QWidget(central);
    auto *presentLayout = new QVBoxLayout(present);
    auto *header = new QHBoxLayout;
    auto *prev = new QToolButton(present);
    prev->setText(QStringLiteral("◀"));
    prev->setToolTip(tr("Previous panel (Page Up)"));
    auto *next = new QToolButton(present);
    next->setText(QStringLiteral("▶"));
    next->setToolTip(tr("Next panel (Page Down)"));
    m_presentTitle = new QLabel(present);
    m_presentTitle->setAlignment(Qt::AlignCenter);
    auto *leave = new QPushButton(tr("Leave presentation (Esc)"), present);
    header->addWidget(prev);
    header->addWidget(m_presentTitle, 1);
    header->addWidget(next);
    header->addWidget(leave);
    presentLayout->addLayout(header);
    m_presentHost = new QWidget(present);
    m_presentHost->setLayout(new QVBoxLayout);
    m_presentHost->layout()->setContentsMargins(0, 0, 0, 0);
    presentLayout->addWidget(m_presentHost, 1);
    auto step = [this](int by) {
        showPanel(Panel((int(m_presented) + by + PanelCount) % PanelCount));
    };
    connect(prev, &QToolButton::clicked, this, [step] { step(-1); });
    connect(next, &QToolButton::clicked, this, [step] { step(1); });
    connect(leave, &QPushButton::clicked, this, [this] { setPresentation(false); });

    m_stack = new QStackedWidget(central);
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(present);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    auto *f11 = new QShortcut(QKeySequence(Qt::Key_F11), this);
    connect(f11, &QShortcut::activated, this, [this] { setPresentation(!m_presentation); });
    auto *esc = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(esc, &QShortcut::activated, this, [this] { setPresentation(false); });
    auto *pageDown = new QShortcut(QKeySequence(Qt::Key_PageDown), this);
    connect(pageDown, &QShortcut::activated, this, [this, step] {
        if (m_presentation)
            step(1);
        else
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
    });
    auto *pageUp = new QShortcut(QKeySequence(Qt::Key_PageUp), this);
    connect(pageUp, &QShortcut::activated, this, [this, step] {
        if (m_presentation)
            step(-1);
        else
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) %
                                    m_tabs->count());
    });
    auto *help = new QShortcut(QKeySequence(QKeySequence::HelpContents), this);
    connect(help, &QShortcut::activated, this, [this] { showHelp(this); });

    loadPreset(0);
    updateUnitBall(true);
    // 1280 x 800, or the screen where it is smaller (a 1024 x 700 projector), leaving room for
    // the window manager's title bar and frame, which the size given here does not include.
    const QSize avail = screen() ? screen()->availableGeometry().size() : QSize(1280, 800);
    resize(std::min(1280, avail.width() - 16), std::min(800, avail.height() - 48));
}

LabWindow::~LabWindow() = default;

// ------------------------------------------------------------------ controls

QWidget *LabWindow::createControls()
{
    auto *box = new QWidget(this);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);

    auto *presetLabel = new QLabel(tr("Pre&set:"), box);
    m_preset = new QComboBox(box);
    m_preset->addItems(presetNames());
    // The whole name, also in presentation's larger font: the vector field gives way.
    m_preset->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_preset->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    m_preset->setToolTip(tr("Example vectors, each split into groups"));
    presetLabel->setBuddy(m_preset);
    connect(m_preset, &QComboBox::activated, this, &LabWindow::loadPreset);

    auto *vectorLabel = new QLabel(tr("&Vector:"), box);
    m_vectorEdit = new QLineEdit(box);
    m_vectorEdit->setToolTip(tr("The weights z, groups separated by \"|\", values by spaces, "
                                "e.g. \"2 -1.5 | 0.3 0.2\". Press Enter to apply."));
    vectorLabel->setBuddy(m_vectorEdit);
    connect(m_vectorEdit, &QLineEdit::editingFinished, this,
            [this] { setVectorText(m_vectorEdit->text()); });

    m_lambda = makeSlider(0, 200, 50, box);
    m_alpha = makeSlider(0, 100, 50, box);
    m_eta = makeSlider(5, 200, 100, box);
    m_lambdaValue = new QLabel(box);
    m_alphaValue = new QLabel(box);
    m_etaValue = new QLabel(box);
    for (QLabel *l : {m_lambdaValue, m_alphaValue, m_etaValue}) {
        l->setMinimumWidth(l->fontMetrics().horizontalAdvance(QStringLiteral("0.000")));
    }
    const QString lambdaTip = tr("λ: the strength of the penalty. Larger λ, larger thresholds, "
                                 "more exact zeros.");
    const QString alphaTip = tr("α: the share of the penalty on single weights (Lasso, α = 1) "
                                "against whole groups (Group Lasso, α = 0).");
    const QString etaTip = tr("η: the step size. The prox of a step of size η thresholds by η "
                              "times the penalty's weights.");
    m_lambda->setToolTip(lambdaTip);
    m_lambdaValue->setToolTip(lambdaTip);
    m_alpha->setToolTip(alphaTip);
    m_alphaValue->setToolTip(alphaTip);
    m_eta->setToolTip(etaTip);
    m_etaValue->setToolTip(etaTip);
    for (QSlider *s : {m_lambda, m_alpha, m_eta})
        connect(s, &QSlider::valueChanged, this, &LabWindow::paramsChanged);

    m_presentButton = new QPushButton(tr("Presentation (F11)"), box);
    m_presentButton->setCheckable(true);
    m_presentButton->setToolTip(tr("Full screen for a projector: larger fonts and lines, "
                                   "high-contrast colours, one panel at a time. Esc leaves, "
                                   "Page Up / Page Down change the panel."));
    connect(m_presentButton, &QPushButton::toggled, this, &LabWindow::setPresentation);
    auto *helpButton = new QPushButton(tr("Explain…"), box);
    helpButton->setToolTip(tr("The equations and what they mean (F1)"));
    connect(helpButton, &QPushButton::clicked, this, [this] { showHelp(this); });

    grid->addWidget(presetLabel, 0, 0);
    grid->addWidget(m_preset, 0, 1);
    grid->addWidget(vectorLabel, 0, 2);
    grid->addWidget(m_vectorEdit, 0, 3, 1, 5);
    grid->addWidget(helpButton, 0, 8);
    grid->addWidget(new QLabel(QStringLiteral("λ"), box), 1, 0, Qt::AlignRight);
    grid->addWidget(m_lambda, 1, 1);
    grid->addWidget(m_lambdaValue, 1, 2);
    grid->addWidget(new QLabel(QStringLiteral("α"), box), 1, 3, Qt::AlignRight);
    grid->addWidget(m_alpha, 1, 4);
    grid->addWidget(m_alphaValue, 1, 5);
    grid->addWidget(new QLabel(QStringLiteral("η"), box), 1, 6, Qt::AlignRight);
    auto *etaRow = new QHBoxLayout;
    etaRow->addWidget(m_eta, 1);
    etaRow->addWidget(m_etaValue);
    grid->addLayout(etaRow, 1, 7);
    grid->addWidget(m_presentButton, 1, 8);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(4, 2);
    grid->setColumnStretch(7, 2);
    updateSliderLabels();
    return box;
}

QWidget *LabWindow::createOperatorsPanel()
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    m_bars[0] = new ProxBarsPlot(tr("Soft-thresholding (Eq. 9)"), panel);
    m_bars[1] = new ProxBarsPlot(tr("Group shrinkage alone (Eq. 10)"), panel);
    m_bars[2] =
        new ProxBarsPlot(tr("SGL prox: group shrinkage after soft-thresholding (Eq. 5)"), panel);
    m_bars[0]->setToolTip(tr("Each weight moves towards zero by η λ α; a weight closer to zero "
                             "than that becomes exactly zero (circle). Dashed: before the "
                             "step."));
    m_bars[1]->setToolTip(tr("Each group is shortened by η λ (1 − α) √|g|; a group shorter "
                             "than that becomes exactly zero as a whole. Dashed: before the "
                             "step."));
    m_bars[2]->setToolTip(tr("The proximal operator of the SGL penalty: single weights and "
                             "whole groups can become exactly zero. Dashed: before the step."));
    for (auto *b : m_bars)
        layout->addWidget(b, 1);
    auto *row = new QHBoxLayout;
    auto *stepButton = new QPushButton(tr("S&tep"), panel);
    stepButton->setToolTip(tr("Apply each operator once more to its own result"));
    connect(stepButton, &QPushButton::clicked, this, &LabWindow::stepOperators);
    m_animate = new QPushButton(tr("&Animate"), panel);
    m_animate->setCheckable(true);
    m_animate->setToolTip(tr("Step repeatedly: with proximal steps alone (no gradient) every "
                             "weight reaches exactly zero in finitely many steps"));
    connect(m_animate, &QPushButton::toggled, this, [this](bool on) {
        if (on)
            m_animation->start();
        else
            m_animation->stop();
    });
    auto *resetButton = new QPushButton(tr("R&eset"), panel);
    resetButton->setToolTip(tr("Back to one step on the vector"));
    connect(resetButton, &QPushButton::clicked, this, &LabWindow::resetOperators);
    m_stepLabel = new QLabel(panel);
    m_stepLabel->setToolTip(tr("How many times each operator has been applied"));
    m_opSummary = new QLabel(panel);
    m_opSummary->setWordWrap(true);
    m_opSummary->setToolTip(tr("Counted on the composition (Eq. 5): weights and groups exactly "
                               "zero, and the penalty Ω before and after"));
    row->addWidget(stepButton);
    row->addWidget(m_animate);
    row->addWidget(resetButton);
    row->addWidget(m_stepLabel);
    row->addWidget(m_opSummary, 1);
    layout->addLayout(row);
    return panel;
}

QWidget *LabWindow::createUnitBallPanel()
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    m_ball = new UnitBallPlot(panel);
    connect(m_ball, &UnitBallPlot::pointPicked, this, &LabWindow::setPoint);
    connect(m_ball, &UnitBallPlot::viewChanged, this, [this] { updateUnitBall(true); });
    m_ballReadout = new QLabel(panel);
    m_ballReadout->setWordWrap(true);
    m_ballReadout->setToolTip(tr("The point z (one group of two weights) and its image under one "
                                 "prox step with the λ, α and η above"));
    layout->addWidget(m_ball, 1);
    layout->addWidget(m_ballReadout);
    return panel;
}

bool LabWindow::parseVector(const QString &text, lab::GroupedVector *out)
{
    lab::GroupedVector v;
    const QStringList groups = text.split(QLatin1Char('|'));
    for (const QString &g : groups) {
        const QStringList parts =
            g.split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts);
        if (parts.isEmpty())
            return false;
        for (const QString &p : parts) {
            bool ok = false;
            const double value = QLocale::c().toDouble(p, &ok);
            if (!ok || !std::isfinite(value))
                return false;
            v.values.push_back(value);
            v.group.push_back(v.numGroups);
        }
        ++v.numGroups;
    }
    if (v.values.empty() || v.values.size() > 40)
        return false;
    if (out)
        *out = v;
    return true;
}

QString LabWindow::formatVector(const lab::GroupedVector &v)
{
    QString text;
    for (size_t k = 0; k < v.values.size(); ++k) {
        if (k > 0)
            text += v.group[k] != v.group[k - 1] ? QStringLiteral(" | ") : QStringLiteral(" ");
        text += QLocale::c().toString(v.values[k], 'g', 6);
    }
    return text;
}

QStringList LabWindow::presetNames() const
{
    QStringList names;
    for (const Preset &p : kPresets)
        names << tr(p.name);
    return names;
}

void LabWindow::loadPreset(int index)
{
    if (index < 0 || size_t(index) >= kPresets.size())
        return;
    m_preset->setCurrentIndex(index);
    setVectorText(QString::fromLatin1(kPresets[size_t(index)].values));
}

bool LabWindow::setVectorText(const QString &text)
{
    lab::GroupedVector v;
    const bool ok = parseVector(text, &v);
    m_vectorEdit->setStyleSheet(ok ? QString() : QStringLiteral("background: #ffd6d6;"));
    if (!ok)
        return false;
    m_vector = v;
    m_vectorEdit->setText(formatVector(v));
    resetOperators();
    return true;
}

lab::ProxParams LabWindow::params() const
{
    return {m_lambda->value() / kSliderScale, m_alpha->value() / kSliderScale,
            m_eta->value() / kSliderScale};
}

void LabWindow::setParams(const lab::ProxParams &p)
{
    const QSignalBlocker b1(m_lambda), b2(m_alpha), b3(m_eta);
    m_lambda->setValue(int(std::lround(p.lambda * kSliderScale)));
    m_alpha->setValue(int(std::lround(p.alpha * kSliderScale)));
    m_eta->setValue(int(std::lround(p.eta * kSliderScale)));
    paramsChanged();
}

void LabWindow::updateSliderLabels()
{
    const auto p = params();
    m_lambdaValue->setText(QLocale().toString(p.lambda, 'f', 2));
    m_alphaValue->setText(QLocale().toString(p.alpha, 'f', 2));
    m_etaValue->setText(QLocale().toString(p.eta, 'f', 2));
}

void LabWindow::paramsChanged()
{
    updateSliderLabels();
    updateOperators();
    updateUnitBall(true);
    m_regression->setAlpha(params().alpha);
}

void LabWindow::resetOperators()
{
    m_opSteps = 1;
    updateOperators();
}

void LabWindow::stepOperators()
{
    ++m_opSteps;
    updateOperators();
}

void LabWindow::updateOperators()
{
    const auto p = params();
    double yRange = 0.1;
    for (double v : m_vector.values)
        yRange = std::max(yRange, std::abs(v) * 1.15);
    // Each operator applied m_opSteps times to the vector, from its own last output.
    for (size_t op = 0; op < 3; ++op) {
        lab::GroupedVector cur = m_vector;
        std::vector<double> before = cur.values;
        for (int s = 0; s < m_opSteps; ++s) {
            before = cur.values;
            cur.values = op == 0   ? lab::softThresholdStep(cur, p)
                         : op == 1 ? lab::groupShrinkStep(cur, p)
                                   : lab::sglProxStep(cur, p);
        }
        m_opBefore[op] = before;
        m_opAfter[op] = cur.values;
        m_bars[op]->setValues(before, cur.values, m_vector.group, yRange);
    }
    QStringList thresholds;
    for (double t : lab::groupThresholds(m_vector, p))
        thresholds << number(t);
    const QString l1 = tr("threshold η λ α = %1").arg(number(lab::l1Threshold(p)));
    const QString group =
        tr("group thresholds η λ (1 − α) √|g| = %1").arg(thresholds.join(QStringLiteral(", ")));
    m_bars[0]->setCaption(l1);
    m_bars[1]->setCaption(group);
    m_bars[2]->setCaption(l1 + QStringLiteral("; ") + group);
    m_stepLabel->setText(tr("step %1").arg(m_opSteps));
    m_opSummary->setText(operatorSummary());
}

QString LabWindow::operatorSummary() const
{
    const auto &after = m_opAfter[2];
    const int zeros = int(std::count(after.begin(), after.end(), 0.0));
    lab::GroupedVector out = m_vector;
    out.values = after;
    const auto norms = lab::groupNorms(out);
    const int deadGroups = int(std::count(norms.begin(), norms.end(), 0.0));
    lab::GroupedVector in = m_vector;
    in.values = m_opBefore[2];
    const auto p = params();
    return tr("Eq. 5: %1 of %2 weights and %3 of %4 groups exactly zero; Ω %5 → %6")
        .arg(zeros)
        .arg(after.size())
        .arg(deadGroups)
        .arg(m_vector.numGroups)
        .arg(number(lab::sglPenalty(in, p.lambda, p.alpha)))
        .arg(number(lab::sglPenalty(out, p.lambda, p.alpha)));
}

// ------------------------------------------------------------------ the 2-D picture

void LabWindow::setPoint(double x, double y)
{
    m_point = {x, y};
    updateUnitBall(false);
}

void LabWindow::updateUnitBall(bool zeroMap)
{
    const auto p = params();
    if (zeroMap) {
        // The Lasso's and the Group Lasso's balls do not depend on the sliders.
        static const auto lasso = lab::unitBall(1.0, kBallPoints);
        static const auto groupLasso = lab::unitBall(0.0, kBallPoints);
        m_ball->setBalls(lasso, groupLasso, lab::unitBall(p.alpha, kBallPoints), p.alpha);
        const QCPRange xr = m_ball->visibleX(), yr = m_ball->visibleY();
        const double longer = std::max(xr.size(), yr.size());
        const int nx = std::max(8, int(kZeroMapCells * xr.size() / longer));
        const int ny = std::max(8, int(kZeroMapCells * yr.size() / longer));
        m_ball->setZeroMap(lab::zeroRegions(xr.lower, xr.upper, yr.lower, yr.upper, nx, ny, p), nx,
                           ny, xr.lower, xr.upper, yr.lower, yr.upper);
    }
    m_image = lab::proxPoint(m_point[0], m_point[1], p);
    m_ball->setStep(m_point[0], m_point[1], m_image[0], m_image[1]);
    QString what;
    if (m_image[0] == 0.0 && m_image[1] == 0.0)
        what = tr("the whole group becomes exactly zero");
    else if (m_image[0] == 0.0 || m_image[1] == 0.0)
        what = tr("one weight becomes exactly zero, the group stays");
    else
        what = tr("both weights shrink and stay nonzero");
    m_ballReadout->setText(tr("z = (%1, %2) → prox(z) = (%3, %4): %5")
                               .arg(QLocale().toString(m_point[0], 'f', 3),
                                    QLocale().toString(m_point[1], 'f', 3),
                                    QLocale().toString(m_image[0], 'f', 3),
                                    QLocale().toString(m_image[1], 'f', 3), what));
}

// ------------------------------------------------------------------ regression and path

// ------------------------------------------------------------------ presentation

void LabWindow::dockPanel(Panel p)
{
    QWidget *w = m_panels[size_t(p)];
    m_splitters[size_t(p) / 2]->insertWidget(int(p) % 2, w);
    w->show();
}

void LabWindow::showPanel(Panel p)
{
    if (!m_presentation) {
        m_tabs->setCurrentIndex(int(p) / 2);
        return;
    }
    if (m_presentHost->layout()->indexOf(m_panels[size_t(m_presented)]) >= 0)
        dockPanel(m_presented);
    m_presented = p;
    m_presentHost->layout()->addWidget(m_panels[size_t(p)]);
    m_panels[size_t(p)]->show();
    static const std::array<const char *, PanelCount> titles{
        QT_TRANSLATE_NOOP("sparsenas::LabWindow", "Proximal operators (Eq. 9, 10, 5)"),
        QT_TRANSLATE_NOOP("sparsenas::LabWindow", "Unit balls and one prox step"),
        QT_TRANSLATE_NOOP("sparsenas::LabWindow", "Optimizers side by side"),
        QT_TRANSLATE_NOOP("sparsenas::LabWindow", "Regularization path")};
    m_presentTitle->setText(QStringLiteral("%1  (%2 / %3)")
                                .arg(tr(titles[size_t(p)]))
                                .arg(int(p) + 1)
                                .arg(int(PanelCount)));
}

void LabWindow::setPresentation(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    {
        const QSignalBlocker block(m_presentButton);
        m_presentButton->setChecked(on);
    }
    if (on) {
        m_wasMaximized = isMaximized();
        m_presented = m_tabs->currentIndex() == 0 ? Operators : Race;
        m_stack->setCurrentIndex(1);
        showPanel(m_presented);
        showFullScreen();
    } else {
        dockPanel(m_presented);
        m_stack->setCurrentIndex(0);
        m_tabs->setCurrentIndex(int(m_presented) / 2);
        if (m_wasMaximized)
            showMaximized();
        else
            showNormal();
    }
    applyStyle();
    Q_EMIT presentationChanged(on);
}

void LabWindow::applyStyle()
{
    LabStyle style{m_presentation};
    // 1.8 times larger on a 1080-pixel-high screen; less on a small one (1.2 at 1024 x 700).
    const int screenHeight = screen() ? screen()->geometry().height() : 1080;
    style.scale = std::clamp(screenHeight / 600.0, 1.2, 1.8);
    if (m_presentation) {
        // High contrast: black on white, a dark blue selection.
        QPalette pal = palette();
        for (auto role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase})
            pal.setColor(role, Qt::white);
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            pal.setColor(role, Qt::black);
        pal.setColor(QPalette::Button, QColor(225, 225, 225));
        pal.setColor(QPalette::Highlight, QColor(0, 60, 150));
        pal.setColor(QPalette::HighlightedText, Qt::white);
        setPalette(pal);
        centralWidget()->setFont(scaledFont(style.fontScale() * 0.85));
        QFont title = scaledFont(style.fontScale() * 1.15);
        title.setBold(true);
        m_presentTitle->setFont(title);
    } else {
        setPalette(QPalette());
        centralWidget()->setFont(QApplication::font());
    }
    for (auto *b : m_bars)
        b->setStyle(style);
    m_ball->setStyle(style);
    m_regression->setStyle(style);
    for (QLabel *l : {m_lambdaValue, m_alphaValue, m_etaValue})
        l->setMinimumWidth(l->fontMetrics().horizontalAdvance(QStringLiteral("0.000")));
}

void LabWindow::showHelp(QWidget *parent)
{
    auto *dialog = parent ? parent->findChild<LabHelpDialog *>() : nullptr;
    if (!dialog) {
        dialog = new LabHelpDialog(parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        // Read from the back of the room too: as large as the presentation's text.
        if (auto *lab = qobject_cast<LabWindow *>(parent); lab && lab->isPresentation()) {
            dialog->browser()->setFont(lab->centralWidget()->font());
            // Larger, but within the screen (a 1024 x 700 projector).
            const QSize avail = lab->screen()->availableGeometry().size() * 0.9;
            dialog->resize((dialog->size() * 1.4).boundedTo(avail));
        }
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace sparsenas
