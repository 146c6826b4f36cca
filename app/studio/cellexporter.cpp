// SPDX-License-Identifier: MIT
#include "cellexporter.h"

#include "exportdialog.h"
#include "graphvizservice.h"

#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/genotypesource.h"

#include <QDir>
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
    connect(m_graphviz, &GraphvizService::exported, this,
            [this](quint64 id, const QString &path, const QString &error) {
                if (m_pending.erase(id) > 0) {
                    fileDone(path, error);
                    maybeFinish();
                }
            });
    connect(m_dialog, &ExportDialog::exportRequested, this, &CellExporter::startExport);
    connect(m_dialog, &QDialog::finished, this, &CellExporter::dialogClosed);
    m_dialogOpen = true;
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

bool CellExporter::genotypeText(const Genotype &genotype, const QString &format, QString *text,
                                QString *error)
{
    std::string why;
    std::optional<std::string> out;
    if (format == QLatin1String("json"))
        out = toJson(genotype).dump(2);
    else if (format == QLatin1String("darts"))
        out = toDartsText(genotype, &why);
    else if (format == QLatin1String("ptdarts"))
        out = toPtDartsText(genotype, &why);
    if (!out) {
        if (error)
            *error =
                format == QLatin1String("darts")
                    ? tr("The cell does not fit the DARTS genotype format: %1")
                          .arg(QString::fromStdString(why))
                    : tr("The genotype has no pt.darts form: %1").arg(QString::fromStdString(why));
        return false;
    }
    *text = QString::fromStdString(*out + "\n");
    return true;
}

void CellExporter::startExport()
{
    if (!m_dialog || m_exporting)
        return; // the export before is still being written
    const std::vector<ExportRequest> requests = m_dialog->requests();
    m_exporting = true;
    m_starting = true;
    m_written.clear();
    m_errors.clear();
    for (const ExportRequest &r : requests)
        write(r);
    m_starting = false;
    maybeFinish();
}

void CellExporter::write(const ExportRequest &r)
{
    QString error;
    if (r.format == QLatin1String("svg") || r.format == QLatin1String("pdf") ||
        r.format == QLatin1String("png")) {
        m_pending.insert(m_graphviz->requestExport(r.dot, r.format, r.path, r.dpi));
        return;
    }
    QString text;
    if (r.format == QLatin1String("dot")) {
        text = r.dot;
    } else if (!genotypeText(m_genotype, r.format, &text, &error)) {
        // JSON and the texts hold the whole genotype, whichever cell the drawing shows.
        fileDone(r.path, error);
        return;
    }
    writeText(r.path, text, &error);
    fileDone(r.path, error);
}

void CellExporter::fileDone(const QString &path, const QString &error)
{
    if (error.isEmpty())
        m_written << QDir::toNativeSeparators(path);
    else if (error.contains(path))
        m_errors << error;
    else
        m_errors << tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), error);
}

void CellExporter::maybeFinish()
{
    if (!m_exporting || m_starting || !m_pending.empty())
        return;
    m_exporting = false;
    const bool ok = m_errors.isEmpty();
    QStringList lines;
    if (!m_written.isEmpty())
        lines << tr("Wrote %1").arg(m_written.join(QStringLiteral(", ")));
    lines << m_errors;
    const QString message = lines.join(u'\n');
    if (m_dialogOpen && m_dialog)
        m_dialog->showExportResult(ok, message);
    else if (!ok)
        QMessageBox::warning(m_parent, tr("Export failed"), message);
    if (!m_written.isEmpty()) {
        if (auto *window = qobject_cast<QMainWindow *>(m_parent))
            window->statusBar()->showMessage(
                tr("Exported %1").arg(m_written.join(QStringLiteral(", "))), 8000);
    }
    Q_EMIT finished(ok, message);
    if (!m_dialogOpen)
        deleteLater();
}

void CellExporter::dialogClosed()
{
    m_dialogOpen = false;
    if (!m_exporting)
        deleteLater();
}

} // namespace sparsenas
