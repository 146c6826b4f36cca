// SPDX-License-Identifier: MIT
#pragma once

// The runs started or opened lately: a list in QSettings (key "recentRuns", newest first, at
// most kMaxRuns) and the File ▸ Recent runs menu that shows it. The one place that reads or
// writes that key.

#include <QObject>
#include <QStringList>

class QMenu;

namespace sparsenas {

class RecentRuns : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxRuns = 8;

    /// Keeps `menu` (owned by the caller) filled with the list: rebuilt now, after every change
    /// and each time it is about to show (another window may have changed the settings).
    explicit RecentRuns(QMenu *menu, QObject *parent = nullptr);

    /// The run directories, newest first.
    QStringList runs() const;
    /// Puts `dir` first (moving it if it is already listed).
    void add(const QString &dir);
    void remove(const QString &dir);
    QMenu *menu() const { return m_menu; }

Q_SIGNALS:
    /// The user picked `dir` in the menu.
    void openRequested(const QString &dir);

private:
    void store(const QStringList &runs);
    void rebuildMenu();

    QMenu *m_menu = nullptr;
};

} // namespace sparsenas
