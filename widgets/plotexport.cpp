// SPDX-License-Identifier: MIT
#include "plotexport.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSvgGenerator>
#include <QVBoxLayout>

namespace sparsenas {

namespace {
// Translation context of the messages (lupdate reads Q_DECLARE_TR_FUNCTIONS).
struct PlotExport
{
    Q_DECLARE_TR_FUNCTIONS(sparsenas::PlotExport)
};
} // namespace

static bool writeSvg(QCustomPlot *plot, const QString &path, int width, int height)
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(QSize(width, height));
    generator.setViewBox(QRect(0, 0, width, height));
    QCPPainter painter;
    if (!painter.begin(&generator))
        return false;
    plot->toPainter(&painter, width, height);
    return painter.end();
}

bool exportPlot(QCustomPlot *plot, const QString &path, QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!plot)
        return fail(PlotExport::tr("Cannot export %1: there is no plot.").arg(shown));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf") &&
        suffix != QLatin1String("svg")) {
        return fail(
            PlotExport::tr("Cannot export %1: unsupported format \"%2\" (use .png, .pdf or .svg).")
                .arg(shown, suffix));
    }
    // A hidden plot that was never laid out has a tiny viewport: give it a sensible page.
    int width = plot->viewport().width();
    int height = plot->viewport().height();
    if (width < 50 || height < 50) {
        width = 800;
        height = 600;
    }
    bool ok = false;
    if (suffix == QLatin1String("png"))
        ok = plot->savePng(path, width, height, 2.0);
    else if (suffix == QLatin1String("pdf"))
        ok = plot->savePdf(path, width, height);
    else
        ok = writeSvg(plot, path, width, height);
    // QPdfWriter and QSvgGenerator do not always report an unopenable file: check it is there.
    if (ok && !QFileInfo(path).isFile())
        ok = false;
    if (!ok)
        return fail(PlotExport::tr("Could not write %1.").arg(shown));
    if (error)
        error->clear();
    return true;
}

PlotToolRow addPlotWithToolRow(QWidget *owner, const QStringList &xModes)
{
    PlotToolRow r;
    auto *layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    r.row = new QHBoxLayout;
    r.row->setContentsMargins(4, 2, 4, 0);
    auto *xLabel =
        new QLabel(QCoreApplication::translate("sparsenas::PlotToolRow", "X axis:"), owner);
    r.xAxis = new QComboBox(owner);
    r.xAxis->addItems(xModes);
    xLabel->setBuddy(r.xAxis);
    r.fit = new QPushButton(QCoreApplication::translate("sparsenas::PlotToolRow", "Fit"), owner);
    r.fit->setToolTip(QCoreApplication::translate(
        "sparsenas::PlotToolRow", "Rescale the axes to the data and follow new data again"));
    r.row->addWidget(xLabel);
    r.row->addWidget(r.xAxis);
    r.row->addWidget(r.fit);
    layout->addLayout(r.row);
    r.plot = new QCustomPlot(owner);
    layout->addWidget(r.plot, 1);
    return r;
}

} // namespace sparsenas
