// SPDX-License-Identifier: MIT
#include "plotexport.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
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

// The three formats show the plot at one size, the widget's at 96 pixels per inch (a 640 px wide
// plot is 480 pt wide), so its fonts keep their point sizes: the PNG has twice the pixels and
// says 192 dpi, the PDF page and the SVG's declared size are that many points.
constexpr int kScreenDpi = 96;
constexpr double kPngScale = 2.0;

static bool writeSvg(QCustomPlot *plot, const QString &path, int width, int height)
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(QSize(width, height));
    generator.setViewBox(QRect(0, 0, width, height));
    generator.setResolution(kScreenDpi);
    QCPPainter painter;
    if (!painter.begin(&generator))
        return false;
    plot->toPainter(&painter, width, height);
    return painter.end();
}

// QCustomPlot::savePdf makes a page of `width` x `height` points: a third larger than the plot
// on the screen. This one is the plot's size.
static bool writePdf(QCustomPlot *plot, const QString &path, int width, int height)
{
    QPdfWriter pdf(path);
    pdf.setCreator(QStringLiteral("SparseNAS Studio"));
    pdf.setResolution(kScreenDpi);
    const QSizeF points(width * 72.0 / kScreenDpi, height * 72.0 / kScreenDpi);
    pdf.setPageLayout(
        QPageLayout(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch),
                    QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    QCPPainter painter;
    if (!painter.begin(&pdf))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
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
        ok = plot->savePng(path, width, height, kPngScale, -1, int(kScreenDpi * kPngScale));
    else if (suffix == QLatin1String("pdf"))
        ok = writePdf(plot, path, width, height);
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
    // Each line in one drawPolyline call rather than a drawLine per segment: the live views
    // replot several times a second with thousands of points.
    r.plot->setPlottingHint(QCP::phFastPolylines, true);
    layout->addWidget(r.plot, 1);
    return r;
}

} // namespace sparsenas
