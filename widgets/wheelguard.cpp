// SPDX-License-Identifier: MIT
#include "wheelguard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QPointer>
#include <QScrollBar>
#include <QWidget>

namespace sparsenas {

namespace {

/// A field whose value a wheel turn changes (a scroll bar is for scrolling: it keeps the wheel).
bool isGuarded(const QObject *o)
{
    if (qobject_cast<const QScrollBar *>(o))
        return false;
    return qobject_cast<const QComboBox *>(o) || qobject_cast<const QAbstractSpinBox *>(o) ||
           qobject_cast<const QAbstractSlider *>(o);
}

void makeStrongFocus(QWidget *w)
{
    // WheelFocus would give the field the focus before any filter sees the wheel event.
    if (w->focusPolicy() == Qt::WheelFocus)
        w->setFocusPolicy(Qt::StrongFocus);
}

class WheelGuard : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const QEvent::Type type = event->type();
        if (type != QEvent::Wheel && type != QEvent::Polish)
            return false;
        if (!watched->isWidgetType() || !isGuarded(watched))
            return false;
        auto *w = static_cast<QWidget *>(watched);
        if (type == QEvent::Polish) {
            makeStrongFocus(w);
            return false;
        }
        if (w->hasFocus())
            return false;
        // QApplication ignores a wheel event before it offers it to a widget and hands an
        // unaccepted one to the parent (with the position mapped): the scroll area scrolls.
        event->ignore();
        return true;
    }
};

QPointer<WheelGuard> &guard()
{
    static QPointer<WheelGuard> instance;
    return instance;
}

} // namespace

void installWheelGuard()
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (!app || guard())
        return;
    guard() = new WheelGuard(app);
    app->installEventFilter(guard());
    for (QWidget *w : QApplication::allWidgets()) {
        if (isGuarded(w))
            makeStrongFocus(w);
    }
}

bool wheelGuardInstalled()
{
    return !guard().isNull();
}

} // namespace sparsenas
