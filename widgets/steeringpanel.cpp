// SPDX-License-Identifier: MIT
#include "steeringpanel.h"

#include "statustext.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sparsenas {

SteeringPanel::SteeringPanel(QWidget *parent) : QWidget(parent)
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(4, 4, 4, 4);
    // Its text changes every step: a StatusText (two lines, wrapped within the dock's width)
    // repaints without relaying out the dock and, through it, the main window.
    m_progress = new StatusText(2, this);
    m_progress->setText(tr("No search running."));
    m_progress->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_progress->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    column->addWidget(m_progress);

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<i>in force</i>"), this), 0, 1);
    m_lambda = addRow(grid, 1, tr("λ (lambda)"),
                      tr("Penalty strength; raised by the lambda step every epoch"), 100.0,
                      &m_applyLambda, &m_curLambda);
    m_alpha = addRow(grid, 2, tr("α (alpha)"),
                     tr("Share of the L1 term: 1 = Lasso, 0 = Group Lasso"), 1.0, &m_applyAlpha,
                     &m_curAlpha);
    m_step = addRow(grid, 3, tr("λ step"), tr("Added to lambda at the start of every epoch"), 10.0,
                    &m_applyStep, &m_curStep);
    column->addLayout(grid);
    column->addStretch(1);

    connect(m_applyLambda, &QPushButton::clicked, this,
            [this] { Q_EMIT lambdaRequested(m_lambda->value()); });
    connect(m_applyAlpha, &QPushButton::clicked, this,
            [this] { Q_EMIT alphaRequested(m_alpha->value()); });
    connect(m_applyStep, &QPushButton::clicked, this,
            [this] { Q_EMIT lambdaStepRequested(m_step->value()); });
    setLive(false);
}

QDoubleSpinBox *SteeringPanel::addRow(QGridLayout *grid, int row, const QString &label,
                                      const QString &toolTip, double max, QPushButton **apply,
                                      QLabel **current)
{
    auto *name = new QLabel(label, this);
    *current = new QLabel(QStringLiteral("–"), this);
    (*current)->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0.0000")));
    auto *edit = new QDoubleSpinBox(this);
    // Typed, then Set (or Enter); the arrows' 0.01 steps were of no use and made the panel too
    // wide for a 1024 px screen. The wheel and the arrow keys still step a focused editor.
    edit->setButtonSymbols(QAbstractSpinBox::NoButtons);
    edit->setDecimals(4);
    edit->setRange(0.0, max);
    edit->setSingleStep(0.01);
    edit->setToolTip(toolTip);
    edit->setKeyboardTracking(false);
    *apply = new QPushButton(tr("Set"), this);
    (*apply)->setToolTip(tr("Apply now; the engine takes it before the next batch"));
    // The style's minimum button width (80 px) would hold the window wider than a 1024 px
    // screen; the text and its padding are enough.
    (*apply)->setMinimumWidth((*apply)->fontMetrics().horizontalAdvance((*apply)->text()) + 24);
    grid->addWidget(name, row, 0);
    grid->addWidget(*current, row, 1);
    grid->addWidget(edit, row, 2);
    grid->addWidget(*apply, row, 3);
    name->setBuddy(edit);
    // Once the user edits a value it stays until applied; untouched editors follow the engine.
    connect(edit, &QDoubleSpinBox::valueChanged, this, [this, edit] {
        if (!m_updating)
            edit->setProperty("dirty", true);
    });
    connect(*apply, &QPushButton::clicked, this, [edit] { edit->setProperty("dirty", false); });
    // Enter in the editor applies, like the button.
    connect(edit, &QDoubleSpinBox::editingFinished, this, [this, edit, button = *apply] {
        if (m_live && edit->hasFocus())
            button->click();
    });
    return edit;
}

void SteeringPanel::setLive(bool live)
{
    m_live = live;
    for (QPushButton *b : {m_applyLambda, m_applyAlpha, m_applyStep})
        b->setEnabled(live);
    if (!live)
        m_progress->setText(tr("No search running."));
}

void SteeringPanel::showCurrent(double lambda, double alpha, double lambdaStep)
{
    const auto show = [this](QLabel *label, QDoubleSpinBox *edit, double v) {
        label->setText(QString::number(v, 'g', 5));
        if (!edit->property("dirty").toBool() && !edit->hasFocus()) {
            m_updating = true;
            edit->setValue(v);
            m_updating = false;
        }
    };
    show(m_curLambda, m_lambda, lambda);
    show(m_curAlpha, m_alpha, alpha);
    show(m_curStep, m_step, lambdaStep);
}

QString SteeringPanel::lambdaInForce() const
{
    return m_curLambda->text();
}

QString SteeringPanel::alphaInForce() const
{
    return m_curAlpha->text();
}

QString SteeringPanel::lambdaStepInForce() const
{
    return m_curStep->text();
}

void SteeringPanel::showProgress(const QString &text)
{
    m_progress->setText(text);
}

} // namespace sparsenas
