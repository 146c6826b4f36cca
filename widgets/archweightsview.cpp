// SPDX-License-Identifier: MIT
#include "archweightsview.h"

#include "statustext.h"

#include "cellheatmap.h"

#include <QBoxLayout>
#include <QBuffer>
#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QLabel>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QResizeEvent>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>

namespace sparsenas {

namespace {

const QString kNormal = QStringLiteral("normal");
const QString kReduce = QStringLiteral("reduce");
constexpr double kExportGap = 24.0; // between the two cells in an export
constexpr double kExportMargin = 8.0;

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = ArchWeightsView::tr("Cannot write \"%1\": %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

ArchWeightsView::ArchWeightsView(QWidget *parent) : QWidget(parent)
{
    m_lockScale = new QCheckBox(tr("Lock colour scale"), this);
    m_lockScale->setToolTip(tr("Keep the current colour scale when new weights arrive, so that "
                               "colours stay comparable over time"));
    m_showValues = new QCheckBox(tr("Show values"), this);
    m_showValues->setToolTip(tr("Write each architecture weight into its cell"));
    // It changes every step, so a StatusText: it repaints without relaying out the window.
    m_status = new StatusText(1, this);
    m_status->setText(tr("No run"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    // Where the dock is narrow (a 1024 px screen) the status gives way to the check boxes,
    // cut at the right; the steering panel and the status bar say where the run is too.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_lockScale);
    tools->addWidget(m_showValues);
    tools->addStretch(1);
    tools->addWidget(m_status);

    m_normal = new CellHeatmap(this);
    m_reduce = new CellHeatmap(this);
    m_normalTitle = new QLabel(tr("Normal cell"), this);
    m_reduceTitle = new QLabel(tr("Reduction cell"), this);
    for (QLabel *title : {m_normalTitle, m_reduceTitle}) {
        QFont f = title->font();
        f.setBold(true);
        title->setFont(f);
    }

    m_cellsLayout = new QBoxLayout(QBoxLayout::LeftToRight);
    const std::pair<QLabel *, CellHeatmap *> columns[] = {{m_normalTitle, m_normal},
                                                          {m_reduceTitle, m_reduce}};
    for (const auto &[title, heatmap] : columns) {
        auto *column = new QVBoxLayout;
        column->addWidget(title);
        column->addWidget(heatmap, 1);
        m_cellsLayout->addLayout(column, 1);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(tools);
    layout->addLayout(m_cellsLayout, 1);
    // The side-by-side minimum must not pin the width: resizeEvent() stacks the cells instead.
    layout->setSizeConstraint(QLayout::SetNoConstraint);

    connect(m_lockScale, &QCheckBox::toggled, this, [this](bool locked) {
        m_normal->setScaleLocked(locked);
        m_reduce->setScaleLocked(locked);
    });
    connect(m_showValues, &QCheckBox::toggled, this, [this](bool show) {
        m_normal->setShowValues(show);
        m_reduce->setShowValues(show);
    });
    connect(m_normal, &CellHeatmap::entryClicked, this,
            [this](int edge, int op) { onEntryClicked(m_firstType, edge, op); });
    connect(m_reduce, &CellHeatmap::entryClicked, this,
            [this](int edge, int op) { onEntryClicked(kReduce, edge, op); });
}

ArchWeightsView::~ArchWeightsView() = default;

CellHeatmap *ArchWeightsView::heatmap(const QString &cellType) const
{
    if (cellType == m_firstType)
        return m_normal;
    if (cellType == kReduce && !recurrent())
        return m_reduce;
    return nullptr;
}

void ArchWeightsView::setRecurrent(bool isRecurrent)
{
    const QString first = isRecurrent ? QStringLiteral("recurrent") : kNormal;
    if (first == m_firstType)
        return;
    m_firstType = first;
    m_normalTitle->setText(isRecurrent ? tr("Recurrent cell") : tr("Normal cell"));
    m_reduce->setVisible(!isRecurrent);
    m_reduceTitle->setVisible(!isRecurrent);
}

void ArchWeightsView::addSnapshots(const std::vector<Snapshot> &snapshots)
{
    // Heavy view: only the newest snapshot that carries the matrices (a followed run's step
    // lines carry per-cell counts but no A).
    const auto it = std::find_if(snapshots.rbegin(), snapshots.rend(), [](const Snapshot &s) {
        return !s.cells.empty() && !s.cells.front().weights.weights.empty();
    });
    if (it != snapshots.rend())
        showCells(it->cells, it->step, it->epoch);
}

void ArchWeightsView::addEpoch(const EpochSummary &epoch)
{
    if (!epoch.cells.empty())
        showCells(epoch.cells, epoch.step, epoch.epoch);
}

void ArchWeightsView::addEvent(const RunEvent &) {}

void ArchWeightsView::clearRun()
{
    m_normal->clear();
    m_reduce->clear();
    m_normal->setHighlight(-1, -1);
    m_reduce->setHighlight(-1, -1);
    m_shownStep = -1;
    setRecurrent(false);
    m_status->setText(tr("No run"));
}

void ArchWeightsView::showCells(const std::vector<CellSnapshot> &cells, int64_t step, int64_t epoch)
{
    if (step < m_shownStep)
        return; // stale: dropped, not queued
    const bool firstOfRun = m_shownStep < 0;
    m_shownStep = step;
    // The recurrent space has one cell type, with one input.
    setRecurrent(cells.size() == 1 && cells.front().weights.inputs == 1);
    for (const CellSnapshot &cell : cells) {
        CellHeatmap *target = heatmap(QString::fromStdString(cell.weights.type));
        if (!target)
            continue;
        if (firstOfRun && m_lockScale->isChecked()) {
            // A lock carried over from an earlier run re-locks on this run's first matrices.
            target->setScaleLocked(false);
            target->setWeights(cell);
            target->setScaleLocked(true);
        } else {
            target->setWeights(cell);
        }
    }
    size_t frozen = 0;
    for (const CellSnapshot &cell : cells)
        frozen += cell.frozen.size();
    // Spelled out rather than "%n op(s)": the studio has no English numerus translation.
    if (frozen == 1)
        m_status->setText(tr("Epoch %1 \u00b7 step %2 \u00b7 1 op frozen (crossed out)")
                              .arg(epoch + 1)
                              .arg(step));
    else if (frozen > 1)
        m_status->setText(tr("Epoch %1 \u00b7 step %2 \u00b7 %3 ops frozen (crossed out)")
                              .arg(epoch + 1)
                              .arg(step)
                              .arg(frozen));
    else
        m_status->setText(tr("Epoch %1 \u00b7 step %2").arg(epoch + 1).arg(step));
}

void ArchWeightsView::onEntryClicked(const QString &cellType, int edge, int op)
{
    highlight(cellType, edge, op);
    Q_EMIT entrySelected(cellType, edge, op);
}

void ArchWeightsView::highlight(const QString &cellType, int edge, int op)
{
    m_normal->setHighlight(cellType == m_firstType ? edge : -1, op);
    m_reduce->setHighlight(cellType == kReduce ? edge : -1, op);
}

void ArchWeightsView::setScaleLocked(bool locked)
{
    m_lockScale->setChecked(locked);
}

void ArchWeightsView::setShowValues(bool show)
{
    m_showValues->setChecked(show);
}

void ArchWeightsView::resizeEvent(QResizeEvent *event)
{
    // Side by side or stacked: whichever gives the larger cells.
    const QSize hint = m_normal->sizeHint();
    const double w = event->size().width(), h = event->size().height();
    const double side = std::min(w / (2.0 * hint.width()), h / hint.height());
    const double stacked = std::min(w / hint.width(), h / (2.0 * hint.height()));
    const auto direction = side >= stacked ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (direction != m_cellsLayout->direction()) {
        m_cellsLayout->setDirection(direction);
        layout()->activate(); // the layout already handled this resize with the old direction
    }
    QWidget::resizeEvent(event);
}

QSize ArchWeightsView::minimumSizeHint() const
{
    const QSize cell = m_normal->minimumSizeHint().expandedTo(m_reduce->minimumSizeHint());
    const QSize tools = layout()->itemAt(0)->minimumSize();
    const QMargins m = layout()->contentsMargins();
    const int spacing = std::max(0, layout()->spacing());
    return QSize(std::max(tools.width(), cell.width()) + m.left() + m.right(),
                 tools.height() + m_normalTitle->minimumSizeHint().height() + cell.height() +
                     2 * spacing + m.top() + m.bottom());
}

QSize ArchWeightsView::exportSize() const
{
    // The heatmaps as they are on screen, never smaller than their size hints.
    const QFontMetricsF fm(m_normalTitle->font());
    QSize cellSize = m_normal->sizeHint().expandedTo(m_reduce->sizeHint());
    if (m_normal->isVisible())
        cellSize = cellSize.expandedTo(m_normal->size()).expandedTo(m_reduce->size());
    const int columns = recurrent() ? 1 : 2;
    const double w = 2 * kExportMargin + columns * cellSize.width() + (columns - 1) * kExportGap;
    const double h = 2 * kExportMargin + fm.lineSpacing() + 6 + cellSize.height();
    return QSize(int(w), int(h));
}

void ArchWeightsView::render(QPainter &painter, const QRectF &target) const
{
    painter.save();
    painter.fillRect(target, palette().color(QPalette::Base));
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    QFont titleFont = m_normalTitle->font();
    titleFont.setPixelSize(std::max(9, QFontInfo(m_normalTitle->font()).pixelSize()));
    const double titleH = QFontMetricsF(titleFont).lineSpacing() + 6;
    const QRectF inner =
        target.adjusted(kExportMargin, kExportMargin, -kExportMargin, -kExportMargin);
    const int columns = recurrent() ? 1 : 2;
    const double cellW = (inner.width() - (columns - 1) * kExportGap) / columns;
    const std::pair<QString, const CellHeatmap *> cells[] = {{m_normalTitle->text(), m_normal},
                                                             {m_reduceTitle->text(), m_reduce}};
    double x = inner.left();
    for (int k = 0; k < columns; ++k) {
        const auto &[title, heatmap] = cells[k];
        painter.setFont(titleFont);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRectF(x, inner.top(), cellW, titleH), Qt::AlignLeft | Qt::AlignTop,
                         title);
        heatmap->render(painter, QRectF(x, inner.top() + titleH, cellW, inner.height() - titleH));
        x += cellW + kExportGap;
    }
    painter.restore();
}

bool ArchWeightsView::exportImage(const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QSize size = exportSize();
    const QRectF area(QPointF(0, 0), QSizeF(size));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);

    if (suffix == QLatin1String("png")) {
        constexpr qreal ratio = 2.0;
        QImage image(size * ratio, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(ratio);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            render(painter, area);
        }
        image.save(&buffer, "PNG");
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter writer(&buffer);
        writer.setResolution(96); // one painter unit = one logical pixel
        writer.setPageSize(QPageSize(QSizeF(size) * 72.0 / 96.0, QPageSize::Point, QString(),
                                     QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(tr("Architecture weights"));
        writer.setCreator(QStringLiteral("SparseNAS Studio"));
        QPainter painter;
        if (!painter.begin(&writer)) {
            if (error)
                *error = tr("Cannot create the PDF \"%1\".").arg(QDir::toNativeSeparators(path));
            return false;
        }
        render(painter, area);
        painter.end();
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(size);
        generator.setViewBox(area);
        generator.setResolution(96);
        generator.setTitle(tr("Architecture weights"));
        QPainter painter;
        if (!painter.begin(&generator)) {
            if (error)
                *error = tr("Cannot create the SVG \"%1\".").arg(QDir::toNativeSeparators(path));
            return false;
        }
        render(painter, area);
        painter.end();
    } else {
        if (error)
            *error = tr("Cannot export the heatmap to \"%1\": unsupported format \"%2\" "
                        "(use .png, .pdf or .svg).")
                         .arg(QDir::toNativeSeparators(path), suffix);
        return false;
    }
    return writeFile(path, buffer.data(), error);
}

} // namespace sparsenas
