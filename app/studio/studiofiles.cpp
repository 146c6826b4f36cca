// SPDX-License-Identifier: MIT
#include "studiofiles.h"

#include "cellexporter.h"

#include "cellgraphview.h"
#include "configform.h"
#include "runview.h"

#include "sparsenas/base/config.h"
#include "sparsenas/base/rundirectory.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>

#include <nlohmann/json.hpp>

namespace sparsenas {

StudioFiles::StudioFiles(QWidget *window, ConfigForm *form, Warn warn)
    : QObject(window), m_window(window), m_form(form), m_warn(std::move(warn))
{
}

void StudioFiles::loadConfig()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Load configuration"), QString(),
                                                      tr("JSON configuration (*.json)"));
    if (!path.isEmpty())
        loadConfigFile(path);
}

bool StudioFiles::loadConfigFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_warn(tr("Cannot load"), tr("Cannot read %1: %2").arg(path, f.errorString()));
        return false;
    }
    const QByteArray text = f.readAll();
    const auto j =
        nlohmann::json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        m_warn(tr("Cannot load"), tr("%1 is not a JSON object; the form is unchanged.").arg(path));
        return false;
    }
    m_form->setConfigJson(j); // problems, if any, are listed under the form
    return true;
}

void StudioFiles::saveConfig()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save configuration"),
                                                      QStringLiteral("config.json"),
                                                      tr("JSON configuration (*.json)"));
    if (!path.isEmpty())
        saveConfigFile(path);
}

bool StudioFiles::saveConfigFile(const QString &path)
{
    QString error;
    if (CellExporter::writeText(path, QString::fromStdString(m_form->configJson().dump(2)), &error))
        return true;
    m_warn(tr("Cannot save"), error);
    return false;
}

bool StudioFiles::loadRunConfig(const QString &runDir)
{
    try {
        m_form->setConfigJson(toJson(RunDirectory(runDir.toStdString()).loadConfig()));
        return true;
    } catch (const std::exception &) {
        return false;
    }
}

QString StudioFiles::chooseCheckpoint(const QString &runDir, const QString &runsRoot)
{
    const QString start = runDir.isEmpty() ? runsRoot
                                           : QDir(runDir).filePath(QStringLiteral("checkpoints"));
    return QFileDialog::getOpenFileName(m_window, tr("Fork from checkpoint"), start,
                                        tr("Checkpoints (*.pt)"));
}

QString StudioFiles::chooseRunDirectory(const QString &title, const QString &runDir,
                                        const QString &runsRoot)
{
    return QFileDialog::getExistingDirectory(m_window, title, runDir.isEmpty() ? runsRoot : runDir);
}

void StudioFiles::exportCell(GraphvizService *graphviz, const std::vector<CellWeights> &weights)
{
    if (weights.empty()) {
        m_warn(tr("Nothing to export"),
               tr("Start a search or open a run first: there is no cell yet."));
        return;
    }
    auto *exporter = new CellExporter(graphviz, m_window); // deletes itself when done
    exporter->run(weights);
}

void StudioFiles::exportView(RunView *view, const QString &what, bool svg)
{
    QString filters = tr("PNG image (*.png);;PDF document (*.pdf)");
    if (svg)
        filters += tr(";;SVG drawing (*.svg)");
    const QString path =
        QFileDialog::getSaveFileName(m_window, tr("Export %1").arg(what), QString(), filters);
    QString error;
    if (!path.isEmpty() && !view->exportImage(path, &error))
        m_warn(tr("Export failed"), error);
}

void StudioFiles::exportCellGraph(CellGraphView *graph)
{
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export cell graph"), QString(),
        tr("SVG drawing (*.svg);;PDF document (*.pdf);;PNG image (*.png)"));
    QString error;
    if (!path.isEmpty() && !graph->exportImage(path, &error))
        m_warn(tr("Export failed"), error);
}

void StudioFiles::exportMetricsCsv(const QString &runDir)
{
    if (!QFileInfo::exists(QDir(runDir).filePath(QStringLiteral("metrics.csv")))) {
        copyMetricsCsv(runDir, QString()); // says why
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export metrics"), QStringLiteral("metrics.csv"), tr("CSV table (*.csv)"));
    if (!path.isEmpty())
        copyMetricsCsv(runDir, path);
}

bool StudioFiles::copyMetricsCsv(const QString &runDir, const QString &path)
{
    const QString source = QDir(runDir).filePath(QStringLiteral("metrics.csv"));
    if (!QFileInfo::exists(source)) {
        m_warn(
            tr("No metrics yet"),
            tr("%1 has no metrics.csv yet: it is written at the end of every epoch.").arg(runDir));
        return false;
    }
    QFile::remove(path);
    if (!QFile::copy(source, path)) {
        m_warn(tr("Export failed"), tr("Cannot write %1.").arg(path));
        return false;
    }
    return true;
}

} // namespace sparsenas
