// SPDX-License-Identifier: MIT
#include "recentruns.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace sparsenas {

namespace {

QString settingsKey()
{
    return QStringLiteral("recentRuns");
}

} // namespace

RecentRuns::RecentRuns(QMenu *menu, QObject *parent) : QObject(parent), m_menu(menu)
{
    connect(m_menu, &QMenu::aboutToShow, this, &RecentRuns::rebuildMenu);
    rebuildMenu();
}

QStringList RecentRuns::runs() const
{
    return QSettings().value(settingsKey()).toStringList();
}

void RecentRuns::add(const QString &dir)
{
    QStringList list = runs();
    list.removeAll(dir);
    list.prepend(dir);
    while (list.size() > kMaxRuns)
        list.removeLast();
    store(list);
}

void RecentRuns::remove(const QString &dir)
{
    QStringList list = runs();
    if (list.removeAll(dir) > 0)
        store(list);
}

void RecentRuns::store(const QStringList &list)
{
    QSettings().setValue(settingsKey(), list);
    rebuildMenu();
}

void RecentRuns::rebuildMenu()
{
    m_menu->clear();
    const QStringList list = runs();
    for (const QString &dir : list) {
        QAction *a = m_menu->addAction(QDir::toNativeSeparators(dir), this,
                                       [this, dir] { Q_EMIT openRequested(dir); });
        a->setEnabled(QFileInfo::exists(dir)); // a deleted run stays listed, greyed out
    }
    m_menu->setEnabled(!list.isEmpty());
}

} // namespace sparsenas
