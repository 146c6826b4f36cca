// SPDX-License-Identifier: MIT
// The config form validates as the user types, with the engine's own validator: each wrong
// field is named and marked, valid input round-trips to the same config.

#include "configform.h"
#include "steeringpanel.h"
#include "wheelguard.h"

#include "sparsenas/base/config.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpontaneKeyEvent>
#include <QTest>

using namespace sparsenas;

class tst_ConfigForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presetRoundTrips_data();
    void presetRoundTrips();
    void typingMarksWrongFields_data();
    void typingMarksWrongFields();
    void allOpsButNoneIsAnError();
    void penaltyControlsAlpha();
    void recurrentSpaceHasItsOwnFields();
    void keepsFieldsTheFormDoesNotShow();
    void wheelChangesOnlyFocusedFields();
};

namespace {

/// One notch of the wheel (down) over the middle of `w`, as the mouse delivers it: spontaneous, so
/// that QApplication gives a Qt::WheelFocus widget the focus first and hands an unaccepted event
/// on to the parents.
bool wheelDown(QWidget *w)
{
    const QPointF pos(w->width() / 2.0, w->height() / 2.0);
    QWheelEvent event(pos, w->mapToGlobal(pos), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QSpontaneKeyEvent::setSpontaneous(&event);
    qApp->notify(w, &event); // as QTest sends its key events: sendEvent makes them synthetic
    return event.isAccepted();
}

} // namespace

void tst_ConfigForm::presetRoundTrips_data()
{
    QTest::addColumn<QString>("preset");
    for (const std::string &name : presetNames())
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void tst_ConfigForm::presetRoundTrips()
{
    QFETCH(QString, preset);
    ConfigForm form;
    form.loadPreset(preset);
    QVERIFY2(form.isValid(), qPrintable(form.problems().join(QLatin1Char('\n'))));
    // What the form hands back resolves to exactly the preset.
    const nlohmann::json expected = toJson(presetConfig(preset.toStdString()));
    QCOMPARE(QString::fromStdString(toJson(configFromJson(form.configJson())).dump()),
             QString::fromStdString(expected.dump()));
}

void tst_ConfigForm::typingMarksWrongFields_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("alpha above 1") << "arch.alpha"
                                   << "1.5"
                                   << "arch.alpha: must be in [0, 1]";
    QTest::newRow("epochs not a number") << "search.epochs"
                                         << "ten"
                                         << "search.epochs:";
    QTest::newRow("negative batch") << "search.batch_size"
                                    << "-4"
                                    << "search.batch_size:";
    QTest::newRow("zero nodes") << "space.nodes"
                                << "0"
                                << "space.nodes:";
    QTest::newRow("lr typo") << "weights.lr"
                             << "0.o5"
                             << "weights.lr:";
}

void tst_ConfigForm::typingMarksWrongFields()
{
    QFETCH(QString, path);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    ConfigForm form;
    QVERIFY(form.isValid());
    QSignalSpy validity(&form, &ConfigForm::validityChanged);
    auto *edit = qobject_cast<QLineEdit *>(form.fieldEditor(path));
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);

    QVERIFY(!form.isValid());
    QCOMPARE(validity.count(), 1);
    QCOMPARE(validity.at(0).at(0).toBool(), false);
    bool named = false;
    for (const QString &p : form.problems())
        named = named || p.startsWith(expected);
    QVERIFY2(named, qPrintable(form.problems().join(QLatin1Char('\n'))));
    QVERIFY(edit->property("problem").toString().startsWith(path));
    QVERIFY(!edit->styleSheet().isEmpty()); // marked
    // Only that field is marked.
    for (const QString &other : {QStringLiteral("arch.lr"), QStringLiteral("search.seed")}) {
        if (other != path)
            QVERIFY(form.fieldEditor(other)->styleSheet().isEmpty());
    }

    // Fixing it makes the form valid again.
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("1"));
    QVERIFY2(form.isValid(), qPrintable(form.problems().join(QLatin1Char('\n'))));
    QCOMPARE(validity.count(), 2);
    QVERIFY(edit->styleSheet().isEmpty());
}

void tst_ConfigForm::allOpsButNoneIsAnError()
{
    ConfigForm form;
    auto *ops = qobject_cast<QListWidget *>(form.fieldEditor(QStringLiteral("space.ops")));
    QVERIFY(ops);
    for (int i = 0; i < ops->count(); ++i) {
        if (ops->item(i)->text() != QLatin1String("none"))
            ops->item(i)->setCheckState(Qt::Unchecked);
    }
    QVERIFY(!form.isValid());
    QVERIFY(form.problems().join(QLatin1Char('\n')).contains(QStringLiteral("space.ops")));
    ops->item(4)->setCheckState(Qt::Checked); // sep_conv_3x3
    QVERIFY(form.isValid());
    const auto chosen = form.configJson()["space"]["ops"];
    QCOMPARE(chosen.size(), size_t(2));
    QCOMPARE(chosen[1].get<std::string>(), std::string("sep_conv_3x3"));
}

void tst_ConfigForm::penaltyControlsAlpha()
{
    ConfigForm form;
    auto *penalty = qobject_cast<QComboBox *>(form.fieldEditor(QStringLiteral("arch.penalty")));
    QWidget *alpha = form.fieldEditor(QStringLiteral("arch.alpha"));
    QVERIFY(alpha->isEnabled());
    penalty->setCurrentText(QStringLiteral("lasso"));
    QVERIFY(!alpha->isEnabled());
    QCOMPARE(form.configJson()["arch"]["penalty"].get<std::string>(), std::string("lasso"));
    penalty->setCurrentText(QStringLiteral("sgl"));
    QVERIFY(alpha->isEnabled());
}

void tst_ConfigForm::recurrentSpaceHasItsOwnFields()
{
    ConfigForm form;
    form.show();
    auto *kind = qobject_cast<QComboBox *>(form.fieldEditor(QStringLiteral("space.kind")));
    auto *dataset = qobject_cast<QComboBox *>(form.fieldEditor(QStringLiteral("dataset.name")));
    auto *ops = qobject_cast<QListWidget *>(form.fieldEditor(QStringLiteral("space.ops")));
    QWidget *hidden = form.fieldEditor(QStringLiteral("language_model.hidden"));
    QVERIFY(kind && dataset && ops && hidden);
    QVERIFY(!hidden->isVisible());
    QCOMPARE(ops->count(), 8);

    // The recurrent space: its five ops (all chosen), 8 nodes, its fields; images are wrong.
    kind->setCurrentText(QStringLiteral("rnn"));
    QCOMPARE(ops->count(), 5);
    QCOMPARE(ops->item(1)->text(), QStringLiteral("tanh"));
    QVERIFY(hidden->isVisible());
    QVERIFY(!form.fieldEditor(QStringLiteral("space.channels"))->isVisible());
    QCOMPARE(form.configJson()["space"]["nodes"].get<int>(), 8);
    QVERIFY(!form.isValid());
    QVERIFY(form.problems().join(QLatin1Char('\n')).contains(QStringLiteral("space.kind")));
    dataset->setCurrentText(QStringLiteral("devils-dictionary"));
    QVERIFY2(form.isValid(), qPrintable(form.problems().join(QLatin1Char('\n'))));
    const RunConfig c = configFromJson(form.configJson());
    QVERIFY(c.space.kind == SpaceKind::Rnn);
    QCOMPARE(c.space.ops.size(), size_t(5));

    // And back: the CNN ops again.
    kind->setCurrentText(QStringLiteral("cnn"));
    QCOMPARE(ops->count(), 8);
    QVERIFY(!hidden->isVisible());
}

void tst_ConfigForm::keepsFieldsTheFormDoesNotShow()
{
    ConfigForm form;
    nlohmann::json j = toJson(presetConfig("digits-quick"));
    j["checkpoint"]["keep"] = 7;
    j["arch"]["beta1"] = 0.7;
    form.setConfigJson(j);
    const RunConfig c = configFromJson(form.configJson());
    QCOMPARE(c.checkpoint.keep, int64_t(7));
    QCOMPARE(c.arch.beta1, 0.7);
}

void tst_ConfigForm::wheelChangesOnlyFocusedFields()
{
    installWheelGuard(); // the main window installs it for the whole studio
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *form = new ConfigForm(&window);
    auto *steering = new SteeringPanel(&window);
    auto *focusSink = new QLineEdit(&window);
    layout->addWidget(form);
    layout->addWidget(steering);
    layout->addWidget(focusSink);
    window.resize(700, 300); // the form's scroll area has far to scroll
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));

    auto *optimizer =
        qobject_cast<QComboBox *>(form->fieldEditor(QStringLiteral("arch.optimizer")));
    QDoubleSpinBox *lambda = steering->lambdaEditor();
    QVERIFY(optimizer && lambda);
    // A wheel turn must not take the focus on its way (Qt::WheelFocus would).
    QCOMPARE(optimizer->focusPolicy(), Qt::StrongFocus);
    QCOMPARE(lambda->focusPolicy(), Qt::StrongFocus);
    auto *scroll = form->findChild<QScrollArea *>();
    QVERIFY(scroll && scroll->verticalScrollBar()->maximum() > 0);
    scroll->ensureWidgetVisible(optimizer);
    const int scrolledTo = scroll->verticalScrollBar()->value();

    // Unfocused: nothing changes; the form's scroll area scrolls instead.
    focusSink->setFocus();
    QTRY_VERIFY(focusSink->hasFocus());
    optimizer->setCurrentIndex(0); // a wheel turn down would step to the next one
    const QString chosen = optimizer->currentText();
    lambda->setValue(0.5);
    wheelDown(optimizer);
    QCOMPARE(optimizer->currentText(), chosen);
    QVERIFY(scroll->verticalScrollBar()->value() != scrolledTo);
    wheelDown(lambda);
    QCOMPARE(lambda->value(), 0.5);

    // Focused (clicked or tabbed into): the wheel steps the field.
    optimizer->setFocus();
    QTRY_VERIFY(optimizer->hasFocus());
    QVERIFY(wheelDown(optimizer));
    QVERIFY(optimizer->currentText() != chosen);
    lambda->setFocus();
    QTRY_VERIFY(lambda->hasFocus());
    QVERIFY(wheelDown(lambda));
    QVERIFY(lambda->value() < 0.5);
}

QTEST_MAIN(tst_ConfigForm)
#include "tst_configform.moc"
