// SPDX-License-Identifier: MIT
#include "cellexporter.h"

#include "exportdialog.h"
#include "graphvizservice.h"

#include "sparsenas/base/fileutil.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

#include <nlohmann/json.hpp>

namespace sparsenas {

namespace {
const QString kPreviewKey = QStringLiteral("export-preview");
}

CellExporter::CellExporter(GraphvizService *graphviz, QWidget *parent)
    : QObject(parent), m_graphviz(graphviz), m_parent(parent)
{
}

void CellExporter::run(const std::vector<CellWeights> &weights)
{
    m_genotype = deriveGenotype(weights);
    m_dialog = new ExportDialog(m_genotype, weights, m_parent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &ExportDialog::previewRequested, this,
            [this](quint64 id, const QString &dot) {
                m_graphviz->requestRenderWithId(id, kPreviewKey, dot);
            });
    connect(m_graphviz, &GraphvizService::rendered, this,
            [this](quint64 id, const QString &key, const QByteArray &svg, const QString &error) {
                if (key == kPreviewKey && m_dialog)
                    m_dialog->showPreview(id, svg, error);
            });
    connect(m_dialog, &QDialog::accepted, this, &CellExporter::onAccepted);
    connect(m_dialog, &QDialog::rejected, this, &QObject::deleteLater);
    m_dialog->open();
}

bool CellExporter::writeText(const QString &path, const QString &text, QString *error)
{
    try {
        writeFileAtomic(path.toStdString(), text.toStdString());
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, QString::fromStdString(e.what()));
        return false;
    }
}

void CellExporter::onAccepted()
{
    const ExportRequest r = m_dialog->request();
    Genotype chosen;
    for (const CellGenotype &c : m_genotype.cells) {
        if (r.cells == QLatin1String("both") || r.cells == QString::fromStdString(c.type))
            chosen.cells.push_back(c);
    }
    QString error;
    if (r.format == QLatin1String("json")) {
        const bool ok =
            writeText(r.path, QString::fromStdString(toJson(chosen).dump(2) + "\n"), &error);
        done(ok, ok ? r.path : error);
    } else if (r.format == QLatin1String("darts")) {
        std::string why;
        const auto text = toDartsText(chosen, &why);
        if (!text) {
            done(false, tr("The cell does not fit the DARTS genotype format: %1")
                            .arg(QString::fromStdString(why)));
            return;
        }
        const bool ok = writeText(r.path, QString::fromStdString(*text + "\n"), &error);
        done(ok, ok ? r.path : error);
    } else if (r.format == QLatin1String("dot")) {
        const bool ok = writeText(r.path, r.dot, &error);
        done(ok, ok ? r.path : error);
    } else {
        m_exportId = m_graphviz->requestExport(r.dot, r.format, r.path, r.dpi);
        connect(m_graphviz, &GraphvizService::exported, this,
                [this](quint64 id, const QString &path, const QString &err) {
                    if (id == m_exportId)
                        done(err.isEmpty(),
                             err.isEmpty() ? path : tr("Cannot write %1: %2").arg(path, err));
                });
    }
}

void CellExporter::done(bool ok, const QString &message)
{
    if (ok) {
        if (auto *window = qobject_cast<QMainWindow *>(m_parent))
            window->statusBar()->showMessage(tr("Exported %1").arg(message), 8000);
    } else {
        QMessageBox::warning(m_parent, tr("Export failed"), message);
    }
    Q_EMIT finished(ok, message);
    deleteLater();
}

} // namespace sparsenas
