// SPDX-License-Identifier: MIT
// The teaching lab (Lab ▸ Prox explorer): the numbers it shows are the core prox operators'
// outputs and agree with values worked out by hand; the unit balls satisfy their norm
// equation; on the planted regression problem the proximal methods reach exact zeros where the
// subgradient baselines give none; the window switches to presentation mode and back, and the
// main window's Lab menu opens it.

#include "labhelp.h"
#include "labplots.h"
#include "labregression.h"
#include "labwindow.h"
#include "mainwindow.h"

#include "sparsenas/prox.h"
#include "sparsenas/proxlab.h"

#include <QComboBox>
#include <QMenuBar>
#include <QSplitter>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

#include <cmath>

using namespace sparsenas;

namespace {

// "One strong group, one weak group, one mixed" (the first preset).
const std::vector<double> kZ{2.0, -1.6, 1.8, 0.3, -0.25, 0.2, 1.5, 0.1, -0.15};
const std::vector<int> kGroup{0, 0, 0, 1, 1, 1, 2, 2, 2};
// lambda 0.5, alpha 0.5, eta 1: L1 threshold 0.25, group threshold 0.25 sqrt(3).
const lab::ProxParams kParams{0.5, 0.5, 1.0};
constexpr double kTol = 1e-12; // double precision, a handful of operations

double sgn(double v)
{
    return v > 0 ? 1 : v < 0 ? -1 : 0;
}

std::vector<double> handSoftThreshold(const std::vector<double> &z, double t)
{
    std::vector<double> out;
    for (double v : z)
        out.push_back(sgn(v) * std::max(std::abs(v) - t, 0.0));
    return out;
}

/// Eq. 10 by hand: each group scaled by (1 - t sqrt(|g|) / ||z_g||)_+.
std::vector<double> handGroupShrink(const std::vector<double> &z, const std::vector<int> &group,
                                    double t)
{
    std::vector<double> out(z.size());
    for (int g = 0; g <= *std::max_element(group.begin(), group.end()); ++g) {
        double sq = 0, size = 0;
        for (size_t k = 0; k < z.size(); ++k)
            if (group[k] == g) {
                sq += z[k] * z[k];
                size += 1;
            }
        const double norm = std::sqrt(sq);
        const double factor = norm > 0 ? std::max(1 - t * std::sqrt(size) / norm, 0.0) : 0.0;
        for (size_t k = 0; k < z.size(); ++k)
            if (group[k] == g)
                out[k] = z[k] * factor;
    }
    return out;
}

std::vector<double> coreOf(const torch::Tensor &t)
{
    const auto c = t.contiguous();
    return std::vector<double>(c.data_ptr<double>(), c.data_ptr<double>() + c.numel());
}

GroupStructure coreGroups(const std::vector<int> &group)
{
    std::vector<int64_t> ids(group.begin(), group.end());
    const int64_t n = *std::max_element(ids.begin(), ids.end()) + 1;
    return GroupStructure::fromIndex(torch::tensor(ids, torch::kLong), n)
        .to(torch::kCPU, torch::kDouble);
}

void compareNear(const std::vector<double> &actual, const std::vector<double> &expected, double tol,
                 const char *what)
{
    QCOMPARE(actual.size(), expected.size());
    for (size_t k = 0; k < actual.size(); ++k)
        QVERIFY2(std::abs(actual[k] - expected[k]) <= tol,
                 qPrintable(QStringLiteral("%1[%2]: %3, expected %4")
                                .arg(QLatin1String(what))
                                .arg(k)
                                .arg(actual[k], 0, 'g', 17)
                                .arg(expected[k], 0, 'g', 17)));
}

std::vector<std::array<double, 2>> curvePoints(const QCPCurve *curve)
{
    std::vector<std::array<double, 2>> out;
    for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it)
        out.push_back({it->key, it->value});
    return out;
}

} // namespace

class tst_Lab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void operatorsMatchCoreAndHand();
    void steppingComposesTheOperator();
    void unitBallsSatisfyTheirNorm_data();
    void unitBallsSatisfyTheirNorm();
    void proxPointAndZeroRegions();
    void vectorParsing();
    void proximalMethodsGiveExactZerosSgdNone();
    void lambdaMaxClosedForms();
    void regularizationPathEntries();
    void presentationMode();
    void labMenuOpensTheLab();
    void helpPage();
};

void tst_Lab::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SparseNAS-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_lab"));
    QSettings().clear();
}

void tst_Lab::operatorsMatchCoreAndHand()
{
    LabWindow w;
    w.loadPreset(0);
    w.setParams(kParams);
    QCOMPARE(w.vector().values, kZ);
    QCOMPARE(w.vector().group, kGroup);
    const auto groups = coreGroups(kGroup);
    const auto z = torch::tensor(kZ, torch::kDouble);

    // Eq. 9: threshold eta lambda alpha = 0.25.
    const std::vector<double> soft = w.softThresholdPlot()->after();
    QCOMPARE(soft, coreOf(softThreshold(z, 0.25)));
    compareNear(soft, {1.75, -1.35, 1.55, 0.05, 0.0, 0.0, 1.25, 0.0, 0.0}, kTol, "Eq. 9");
    QCOMPARE(w.softThresholdPlot()->markedZeros(), 4);

    // Eq. 10 alone: group 1 has norm sqrt(9.8), group 2 sqrt(0.1925) (just above the threshold
    // 0.25 sqrt(3) = 0.4330), group 3 sqrt(2.2825).
    const std::vector<double> shrunk = w.groupShrinkPlot()->after();
    const auto thr = groups.groupWeight * 0.25;
    QCOMPARE(shrunk, coreOf(groupShrink(z, groups, thr)));
    compareNear(shrunk, handGroupShrink(kZ, kGroup, 0.25), kTol, "Eq. 10");
    const double f1 = 1 - 0.25 * std::sqrt(3.0) / std::sqrt(9.8);
    QVERIFY(std::abs(shrunk[0] - 2.0 * f1) <= kTol);
    QVERIFY(shrunk[3] != 0.0); // the weak group survives group shrinkage alone ...
    QCOMPARE(w.groupShrinkPlot()->markedZeros(), 0);

    // Eq. 5: ... but not the composition: after soft-thresholding its norm is 0.05.
    const std::vector<double> prox = w.proxPlot()->after();
    QCOMPARE(prox, coreOf(sglProx(z, groups, 0.5, 0.5, 1.0)));
    compareNear(prox, handGroupShrink(handSoftThreshold(kZ, 0.25), kGroup, 0.25), kTol, "Eq. 5");
    for (int k : {3, 4, 5, 7, 8})
        QCOMPARE(prox[size_t(k)], 0.0);
    const double f3 = 1 - 0.25 * std::sqrt(3.0) / 1.25; // group 3 is (1.25, 0, 0)
    QVERIFY(std::abs(prox[6] - 1.25 * f3) <= kTol);
    QCOMPARE(w.proxPlot()->markedZeros(), 5);
    QVERIFY2(w.operatorSummary().contains(QStringLiteral("5 of 9")),
             qPrintable(w.operatorSummary()));
    QVERIFY(w.operatorSummary().contains(QStringLiteral("1 of 3")));

    // The thresholds the captions state.
    QCOMPARE(lab::l1Threshold(kParams), 0.25);
    const auto gt = lab::groupThresholds(w.vector(), kParams);
    QCOMPARE(gt.size(), size_t(3));
    QVERIFY(std::abs(gt[0] - 0.25 * std::sqrt(3.0)) <= kTol);
}

void tst_Lab::steppingComposesTheOperator()
{
    LabWindow w;
    w.loadPreset(0);
    w.setParams(kParams);
    w.stepOperators();
    QCOMPARE(w.operatorSteps(), 2);
    // Two soft-thresholds by t are one by 2t; the plot shows the first step's output as before.
    compareNear(w.softThresholdPlot()->after(), handSoftThreshold(kZ, 0.5), kTol, "twice Eq. 9");
    compareNear(w.softThresholdPlot()->before(), handSoftThreshold(kZ, 0.25), kTol, "before");
    const auto once = handGroupShrink(handSoftThreshold(kZ, 0.25), kGroup, 0.25);
    compareNear(w.proxPlot()->after(), handGroupShrink(handSoftThreshold(once, 0.25), kGroup, 0.25),
                kTol, "twice Eq. 5");
    // Enough steps remove every weight.
    for (int k = 0; k < 20; ++k)
        w.stepOperators();
    for (double v : w.proxPlot()->after())
        QCOMPARE(v, 0.0);
    w.resetOperators();
    QCOMPARE(w.operatorSteps(), 1);
    compareNear(w.softThresholdPlot()->after(), handSoftThreshold(kZ, 0.25), kTol, "reset");
}

void tst_Lab::unitBallsSatisfyTheirNorm_data()
{
    QTest::addColumn<double>("alpha");
    QTest::newRow("group lasso") << 0.0;
    QTest::newRow("alpha 0.3") << 0.3;
    QTest::newRow("alpha 0.5") << 0.5;
    QTest::newRow("alpha 0.85") << 0.85;
    QTest::newRow("lasso") << 1.0;
}

void tst_Lab::unitBallsSatisfyTheirNorm()
{
    QFETCH(double, alpha);
    // The convention: one group of two, sqrt(|g|) = sqrt(2).
    auto norm = [](double a, const std::array<double, 2> &p) {
        return a * (std::abs(p[0]) + std::abs(p[1])) +
               (1 - a) * std::sqrt(2.0) * std::hypot(p[0], p[1]);
    };
    const auto points = lab::unitBall(alpha, 360);
    QCOMPARE(points.size(), size_t(360));
    for (const auto &p : points)
        QVERIFY2(std::abs(norm(alpha, p) - 1) <= 1e-9,
                 qPrintable(QStringLiteral("(%1, %2)").arg(p[0]).arg(p[1])));
    // The corners: on the axes at 1 / (alpha + (1 - alpha) sqrt(2)).
    QVERIFY(std::abs(points[0][0] - 1 / (alpha + (1 - alpha) * std::sqrt(2.0))) <= 1e-12);

    // What the explorer draws: the SGL ball for its alpha, the Lasso and Group Lasso balls.
    LabWindow w;
    w.setParams({0.5, alpha, 1.0});
    const auto drawn = curvePoints(w.unitBallPlot()->sglCurve());
    QVERIFY(drawn.size() > 100);
    for (const auto &p : drawn)
        QVERIFY(std::abs(norm(alpha, p) - 1) <= 1e-9);
    for (const auto &p : curvePoints(w.unitBallPlot()->lassoCurve()))
        QVERIFY(std::abs(std::abs(p[0]) + std::abs(p[1]) - 1) <= 1e-9);
    for (const auto &p : curvePoints(w.unitBallPlot()->groupLassoCurve()))
        QVERIFY(std::abs(std::sqrt(2.0) * std::hypot(p[0], p[1]) - 1) <= 1e-9);
}

void tst_Lab::proxPointAndZeroRegions()
{
    LabWindow w;
    w.resize(1000, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.setParams(kParams); // L1 threshold 0.25, group threshold 0.25 sqrt(2)
    const double gt = 0.25 * std::sqrt(2.0);

    // (1.2, 0.45): soft-threshold to (0.95, 0.2), then the group shrinks by gt.
    w.setPoint(1.2, 0.45);
    const double n = std::hypot(0.95, 0.2);
    QVERIFY(std::abs(w.proxOfPoint()[0] - 0.95 * (1 - gt / n)) <= kTol);
    QVERIFY(std::abs(w.proxOfPoint()[1] - 0.2 * (1 - gt / n)) <= kTol);
    const auto core = coreOf(sglProx(torch::tensor(std::vector<double>{1.2, 0.45}, torch::kDouble),
                                     coreGroups({0, 0}), 0.5, 0.5, 1.0));
    QCOMPARE(w.proxOfPoint()[0], core[0]);
    QCOMPARE(w.proxOfPoint()[1], core[1]);

    // (1.5, 0.1): x2 soft-thresholds to 0, x1 = 1.25 - gt.
    w.setPoint(1.5, 0.1);
    QVERIFY(std::abs(w.proxOfPoint()[0] - (1.25 - gt)) <= kTol);
    QCOMPARE(w.proxOfPoint()[1], 0.0);
    // (0.5, 0.1): (0.25, 0) is shorter than gt, the whole group goes.
    w.setPoint(0.5, 0.1);
    QCOMPARE(w.proxOfPoint()[0], 0.0);
    QCOMPARE(w.proxOfPoint()[1], 0.0);

    // The shaded map says the same (points well inside their regions).
    const UnitBallPlot *plot = w.unitBallPlot();
    QCOMPARE(plot->zeroCodeAt(1.5, 0.1), 2);
    QCOMPARE(plot->zeroCodeAt(0.1, 1.5), 1);
    QCOMPARE(plot->zeroCodeAt(0.2, 0.1), 3);
    QCOMPARE(plot->zeroCodeAt(1.2, 1.0), 0);
    // ... and the map is the prox's: the same codes from proxPoint at the same places.
    for (double x : {-1.7, -0.9, -0.31, 0.05, 0.6, 1.3})
        for (double y : {-1.4, -0.5, -0.2, 0.15, 0.7, 1.6}) {
            const auto p = lab::proxPoint(x, y, kParams);
            const int code = (p[0] == 0.0 ? 1 : 0) | (p[1] == 0.0 ? 2 : 0);
            const auto map =
                lab::zeroRegions(x - 1e-3, x + 1e-3, y - 1e-3, y + 1e-3, 1, 1, kParams);
            QCOMPARE(int(map.at(0)), code);
        }
}

void tst_Lab::vectorParsing()
{
    lab::GroupedVector v;
    QVERIFY(LabWindow::parseVector(QStringLiteral(" 1, -2.5 | 3e-1 "), &v));
    QCOMPARE(v.values, (std::vector<double>{1, -2.5, 0.3}));
    QCOMPARE(v.group, (std::vector<int>{0, 0, 1}));
    QCOMPARE(v.numGroups, 2);
    QCOMPARE(LabWindow::formatVector(v), QStringLiteral("1 -2.5 | 0.3"));
    QVERIFY(!LabWindow::parseVector(QStringLiteral("1 2 | | 3"), nullptr));
    QVERIFY(!LabWindow::parseVector(QStringLiteral("1 x"), nullptr));
    QVERIFY(!LabWindow::parseVector(QString(), nullptr));

    LabWindow w;
    QVERIFY(w.setVectorText(QStringLiteral("1 2 | 3")));
    QCOMPARE(w.vector().numGroups, 2);
    QVERIFY(!w.setVectorText(QStringLiteral("nonsense")));
    QCOMPARE(w.vector().numGroups, 2); // kept
}

void tst_Lab::proximalMethodsGiveExactZerosSgdNone()
{
    LabWindow w;
    w.setParams({0.5, 0.5, 1.0});
    w.regression()->regenerate(7);
    const auto &pr = w.regression()->problem();
    QCOMPARE(pr.features, 12);
    QCOMPARE(int(std::count(pr.truth.begin(), pr.truth.end(), 0.0)), 5);
    w.regression()->restartRace();
    const double start = w.regression()->solver(lab::Method::Hapg).objective();
    w.regression()->advanceRace(300);
    QCOMPARE(w.regression()->raceSteps(), 300);
    for (lab::Method m : {lab::Method::Hapg, lab::Method::AdamHapg, lab::Method::Ista}) {
        const auto &s = w.regression()->solver(m);
        QVERIFY2(s.exactZeros() >= 3, qPrintable(LabRegression::methodName(m)));
        // The planted zero group (features 9-11) is removed as a whole.
        const auto c = s.coefficients();
        for (int k = 9; k < 12; ++k)
            QVERIFY2(c[size_t(k)] == 0.0, qPrintable(LabRegression::methodName(m)));
        QVERIFY(s.objective() < start);
    }
    for (lab::Method m : {lab::Method::Sgd, lab::Method::Adam}) {
        QCOMPARE(w.regression()->solver(m).exactZeros(), 0);
        QVERIFY(w.regression()->solver(m).objective() < start);
    }
    // The plot shows the counts.
    const auto *zeros = w.regression()->racePlot()->zerosGraph(int(lab::Method::Hapg));
    QCOMPARE(zeros->dataCount(), 301);
    QCOMPARE(int((zeros->data()->constEnd() - 1)->value),
             w.regression()->solver(lab::Method::Hapg).exactZeros());

    // HAPG and ISTA reach the same minimiser (the problem is convex): their objectives agree.
    QVERIFY(std::abs(w.regression()->solver(lab::Method::Hapg).objective() -
                     w.regression()->solver(lab::Method::Ista).objective()) < 1e-3);
}

void tst_Lab::lambdaMaxClosedForms()
{
    const auto pr = lab::plantedProblem(3);
    // X^T y / n by hand.
    std::vector<double> c(size_t(pr.features), 0.0);
    for (int i = 0; i < pr.samples; ++i)
        for (int k = 0; k < pr.features; ++k)
            c[size_t(k)] += pr.x[size_t(i * pr.features + k)] * pr.y[size_t(i)] / pr.samples;
    // Lasso: w = 0 is optimal iff |c_k| <= lambda for every k.
    double inf = 0;
    for (double v : c)
        inf = std::max(inf, std::abs(v));
    QVERIFY(std::abs(lab::lambdaMax(pr, 1.0) - inf) <= 1e-8 * inf);
    // Group Lasso: iff ||c_g|| <= lambda sqrt(|g|) for every group.
    double g = 0;
    for (int n = 0; n < pr.numGroups; ++n)
        g = std::max(g, std::sqrt(c[size_t(3 * n)] * c[size_t(3 * n)] +
                                  c[size_t(3 * n + 1)] * c[size_t(3 * n + 1)] +
                                  c[size_t(3 * n + 2)] * c[size_t(3 * n + 2)]) /
                            std::sqrt(3.0));
    QVERIFY(std::abs(lab::lambdaMax(pr, 0.0) - g) <= 1e-8 * g);
}

void tst_Lab::regularizationPathEntries()
{
    LabWindow w;
    w.setParams({0.5, 0.5, 1.0});
    w.regression()->regenerate(5);
    const auto &path = w.regression()->path();
    QVERIFY(path.lambdas.size() >= 10);
    QCOMPARE(path.lambdas.front(), path.lambdaMax);
    for (double v : path.coefficients.front())
        QCOMPARE(v, 0.0); // at lambda_max every coefficient is zero
    int entered = 0;
    for (size_t j = 0; j < path.entry.size(); ++j) {
        const int e = path.entry[j];
        if (e < 0)
            continue;
        ++entered;
        QVERIFY(path.coefficients[size_t(e)][j] != 0.0);
        for (int k = 0; k < e; ++k)
            QCOMPARE(path.coefficients[size_t(k)][j], 0.0);
    }
    // The strong group enters; the plot marks every entry.
    QVERIFY(path.entry[0] >= 0 && path.entry[1] >= 0 && path.entry[2] >= 0);
    QCOMPARE(w.regression()->pathPlot()->entryMarkers(), entered);
    QCOMPARE(w.regression()->pathPlot()->pathCount(), 12);
    // The lab's alpha slider reaches the path (after the 250 ms that coalesce slider moves).
    const double lambdaMax03 = lab::lambdaMax(w.regression()->problem(), 0.3);
    QVERIFY(std::abs(path.lambdaMax - lambdaMax03) > 1e-6);
    w.setParams({0.5, 0.3, 1.0});
    QTRY_VERIFY(std::abs(w.regression()->path().lambdaMax - lambdaMax03) <= 1e-12 * lambdaMax03);
    QCOMPARE(w.regression()->alpha(), 0.3);
    // Smaller lambda, a smaller objective's penalty share: the last point fits the data better.
    QVERIFY(lab::regressionLoss(w.regression()->problem(), path.coefficients.back()) <
            lab::regressionLoss(w.regression()->problem(), path.coefficients[1]));
}

void tst_Lab::presentationMode()
{
    LabWindow w;
    w.resize(1024, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const double normalFont = w.proxPlot()->xAxis->tickLabelFont().pointSizeF();
    const double normalPen = w.regression()->racePlot()->objectiveGraph(0)->pen().widthF();
    QVERIFY(!w.isPresentation());

    QTest::keyClick(&w, Qt::Key_F11);
    QVERIFY(w.isPresentation());
    QVERIFY(w.windowState() & Qt::WindowFullScreen);
    QCOMPARE(w.presentedPanel(), LabWindow::Operators);
    // One panel at a time: the operators panel left its splitter, the unit balls did not come.
    QVERIFY(!qobject_cast<QSplitter *>(w.panel(LabWindow::Operators)->parentWidget()));
    QVERIFY(w.panel(LabWindow::Operators)->isVisible());
    QVERIFY(!w.panel(LabWindow::UnitBalls)->isVisible());
    // At least 1.2 times (1.8 on a 1080-pixel-high screen).
    QVERIFY(w.proxPlot()->xAxis->tickLabelFont().pointSizeF() >= 1.19 * normalFont);
    QVERIFY(w.regression()->racePlot()->objectiveGraph(0)->pen().widthF() >= 1.35 * normalPen);
    QCOMPARE(w.palette().color(QPalette::Window), QColor(Qt::white));
    QCOMPARE(w.palette().color(QPalette::WindowText), QColor(Qt::black));

    QTest::keyClick(&w, Qt::Key_PageDown);
    QCOMPARE(w.presentedPanel(), LabWindow::UnitBalls);
    QVERIFY(w.panel(LabWindow::UnitBalls)->isVisible());
    QVERIFY(!w.panel(LabWindow::Operators)->isVisible());
    QTest::keyClick(&w, Qt::Key_PageUp);
    QTest::keyClick(&w, Qt::Key_PageUp);
    QCOMPARE(w.presentedPanel(), LabWindow::Path);
    // The keys are the window's shortcuts, also where a combo box (which pages with them) has
    // the focus.
    auto *preset = w.findChild<QComboBox *>();
    QVERIFY(preset);
    preset->setFocus();
    const int presetIndex = preset->currentIndex();
    QTest::keyClick(preset, Qt::Key_PageDown);
    QCOMPARE(w.presentedPanel(), LabWindow::Operators);
    QCOMPARE(preset->currentIndex(), presetIndex);
    QTest::keyClick(preset, Qt::Key_PageUp);
    QCOMPARE(w.presentedPanel(), LabWindow::Path);

    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(!w.isPresentation());
    QVERIFY(!(w.windowState() & Qt::WindowFullScreen));
    for (int p = 0; p < LabWindow::PanelCount; ++p)
        QVERIFY(qobject_cast<QSplitter *>(w.panel(LabWindow::Panel(p))->parentWidget()));
    QCOMPARE(w.proxPlot()->xAxis->tickLabelFont().pointSizeF(), normalFont);
    QCOMPARE(w.regression()->racePlot()->objectiveGraph(0)->pen().widthF(), normalPen);
    // The regression tab is shown: the path was the last panel presented.
    QVERIFY(w.panel(LabWindow::Path)->isVisible());
}

void tst_Lab::labMenuOpensTheLab()
{
    MainWindow mw;
    mw.setInteractive(false);
    QAction *explorer = nullptr;
    for (QAction *menu : mw.menuBar()->actions())
        if (menu->menu() && menu->text() == QStringLiteral("&Lab"))
            for (QAction *a : menu->menu()->actions())
                if (a->text().startsWith(QStringLiteral("&Prox explorer")))
                    explorer = a;
    QVERIFY(explorer);
    QVERIFY(!mw.labWindow());
    explorer->trigger();
    QVERIFY(mw.labWindow());
    QVERIFY(mw.labWindow()->isVisible());
    QVERIFY(mw.labWindow()->isWindow());
    explorer->trigger(); // raised, not made again
    QCOMPARE(mw.findChildren<LabWindow *>().size(), qsizetype(1));
    mw.labWindow()->close();
}

void tst_Lab::helpPage()
{
    const QString html = LabHelpDialog::html();
    QTextDocument doc;
    doc.setHtml(html);
    const QString text = doc.toPlainText();
    for (const char *s :
         {"(3)", "(5)", "(6)", "(9)", "(10)", "prox", "‖A‖", "α", "SGD", "AdamHAPG", "dead"})
        QVERIFY2(text.contains(QString::fromUtf8(s)), s);
    LabHelpDialog dialog;
    QVERIFY(dialog.browser()->toPlainText().contains(QStringLiteral("Sparse Group Lasso")));
}

QTEST_MAIN(tst_Lab)
#include "tst_lab.moc"
