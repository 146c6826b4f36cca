// SPDX-License-Identifier: MIT
#pragma once

// The studio's message dialogs that say more than one line: a failed search (with the offer to
// resume it, paused, from its last checkpoint) and About.

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace sparsenas {

class StudioDialogs
{
    Q_DECLARE_TR_FUNCTIONS(sparsenas::StudioDialogs)

public:
    /// Shows, window-modal over `parent` and without a nested event loop, why the search in
    /// `runDir` failed, or (`runStarted` false) why it could not start. If the run has a
    /// checkpoint, a button calls `resumePaused`.
    static void runFailure(QWidget *parent, const QString &runDir, const QString &message,
                           bool runStarted, const std::function<void()> &resumePaused);
    /// A cell type collapsed (every architecture weight exactly zero) and the run paused there:
    /// says so, window-modal and without a nested event loop, and offers to roll back to the
    /// last checkpoint (then lower lambda or its step), to go on as it is, or to stop.
    static void collapse(QWidget *parent, const QString &cellType, qint64 step, double lambda,
                         const std::function<void()> &rollBack, const std::function<void()> &goOn,
                         const std::function<void()> &stop);
    /// The About box: version, method, LibTorch, BLAS and CUDA.
    static void about(QWidget *parent);
};

} // namespace sparsenas
