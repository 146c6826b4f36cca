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
                               bool runStarted, const std::function<void()> &resumePaused)
{
    // A new run that never started leaves no directory behind (the engine removes it); one
    // refused at the door (another process writes its directory) changed nothing in it.
    const bool started = runStarted && QFileInfo::exists(runDir);
    const QString text =
        started ? tr("The search stopped with an error:\n\n%1\n\nEverything up to the last "
                     "checkpoint is in %2.")
                      .arg(message, QDir::toNativeSeparators(runDir))
                : tr("The search could not start:\n\n%1").arg(message);
    auto *box = new QMessageBox(QMessageBox::Critical,
                                started ? tr("Search failed") : tr("Cannot start the search"), text,
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

void StudioDialogs::collapse(QWidget *parent, const QString &cellType, qint64 step, double lambda,
                             const std::function<void()> &rollBack,
                             const std::function<void()> &goOn, const std::function<void()> &stop)
{
    const QString text =
        tr("The %1 cell collapsed at step %2 (λ = %3): every architecture weight of it is "
           "exactly zero. Its gradient is zero too, so it cannot come back, and the network no "
           "longer depends on its input.\n\nThe search is paused. Roll back to the last "
           "checkpoint and lower λ or its step before resuming.")
            .arg(cellType)
            .arg(step)
            .arg(lambda, 0, 'g', 4);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cell collapsed"), text,
                                QMessageBox::NoButton, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *back = box->addButton(tr("Roll back to last checkpoint"), QMessageBox::AcceptRole);
    QPushButton *cont = box->addButton(tr("Resume as it is"), QMessageBox::ActionRole);
    QPushButton *end = box->addButton(tr("Stop"), QMessageBox::RejectRole);
    box->setDefaultButton(back);
    QObject::connect(back, &QPushButton::clicked, box, rollBack);
    QObject::connect(cont, &QPushButton::clicked, box, goOn);
    QObject::connect(end, &QPushButton::clicked, box, stop);
    box->open();
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
