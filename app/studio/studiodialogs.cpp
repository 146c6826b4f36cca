// SPDX-License-Identifier: MIT
#include "studiodialogs.h"

#include "sparsenas/base/rundirectory.h"
#include "sparsenas/searchengine.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace sparsenas {

void StudioDialogs::runFailure(QWidget *parent, const QString &runDir, const QString &message,
                               const std::function<void()> &resumePaused)
{
    // A run that never started leaves no directory behind (the engine removes it).
    const bool started = QFileInfo::exists(runDir);
    const QString text =
        started ? tr("The search stopped with an error:\n\n%1\n\nEverything up to the last "
                     "checkpoint is in %2.")
                      .arg(message, QDir::toNativeSeparators(runDir))
                : tr("The search could not start:\n\n%1").arg(message);
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Search failed"), text,
                                QMessageBox::Close, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // The run lives on from its last checkpoint: offer it back, paused, so the user can change
    // settings before it goes on.
    bool hasCheckpoint = false;
    try {
        hasCheckpoint = started && !RunDirectory(runDir.toStdString()).latestCheckpoint().empty();
    } catch (const std::exception &) {
    }
    if (hasCheckpoint) {
        QPushButton *again =
            box->addButton(tr("Resume paused from checkpoint"), QMessageBox::AcceptRole);
        QObject::connect(again, &QPushButton::clicked, box, resumePaused);
    }
    box->open(); // window-modal: the GUI keeps drawing behind it
}

void StudioDialogs::about(QWidget *parent)
{
    QMessageBox::about(
        parent, tr("About SparseNAS Studio"),
        tr("<h3>SparseNAS Studio %1</h3><p>Neural architecture search as a sparse supernet: "
           "a DARTS supernet with linear edges, sparsified by a Sparse Group Lasso penalty with "
           "hierarchical proximal optimizers (HAPG, AdamHAPG).</p><p>LibTorch %2 · BLAS: %3 · "
           "CUDA: %4</p>")
            .arg(QApplication::applicationVersion(), QString::fromStdString(torchVersion()),
                 QString::fromStdString(blasInUse()),
                 cudaAvailable() ? tr("available") : tr("not available")));
}

} // namespace sparsenas
