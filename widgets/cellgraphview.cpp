// SPDX-License-Identifier: MIT
#include "cellgraphview.h"

#include "svgview.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace sparsenas {

QString cellTitle(const QString &cellType)
{
    if (cellType == QLatin1String("normal"))
        return QCoreApplication::translate("sparsenas::CellGraphView", "Normal cell");
    if (cellType == QLatin1String("reduce"))
        return QCoreApplication::translate("sparsenas::CellGraphView", "Reduction cell");
    return QCoreApplication::translate("sparsenas::CellGraphView", "%1 cell").arg(cellType);
}

struct CellGraphView::Pane
{
    QString type;
    QWidget *widget = nullptr;
    QLabel *title = nullptr;
    QLabel *summary = nullptr;
    SvgView *view = nullptr;
    bool hasCell = false;
    CellWeights weights; ///< what `cell` was derived from; cellToDot's supernet for showDead
    CellGenotype cell;
    QString lastDot;
    quint64 newestRequest = 0;
};

CellGraphView::CellGraphView(QWidget *parent)
    : QWidget(parent), m_showWeights(new QCheckBox(tr("Show weights"), this)),
      m_showDead(new QCheckBox(tr("Show removed nodes faded"), this)),
      m_panesLayout(new QBoxLayout(QBoxLayout::LeftToRight))
{
    m_showWeights->setObjectName(QStringLiteral("showWeights"));
    m_showWeights->setToolTip(tr("Write each path's weight A on its edge; thicker pens for "
                                 "larger |A|."));
    m_showDead->setObjectName(QStringLiteral("showDead"));
    m_showDead->setToolTip(tr("Also draw the nodes that derivation removed, and their non-zero "
                              "paths, in grey."));
    m_showWeights->setChecked(m_style.showWeights);
    m_showDead->setChecked(m_style.showDead);
    connect(m_showWeights, &QCheckBox::toggled, this, &CellGraphView::optionsChanged);
    connect(m_showDead, &QCheckBox::toggled, this, &CellGraphView::optionsChanged);

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_showWeights);
    tools->addWidget(m_showDead);
    tools->addStretch(1);

    m_panesLayout->setSpacing(12);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(tools);
    layout->addLayout(m_panesLayout, 1);

    // The two cells of the DARTS search space, waiting for the first derivation.
    ensurePane(QStringLiteral("normal"));
    ensurePane(QStringLiteral("reduce"));
}

CellGraphView::~CellGraphView() = default;

CellGraphView::Pane *CellGraphView::pane(const QString &cellType) const
{
    for (const auto &p : m_panes) {
        if (p->type == cellType)
            return p.get();
    }
    return nullptr;
}

CellGraphView::Pane *CellGraphView::ensurePane(const QString &cellType)
{
    if (Pane *p = pane(cellType))
        return p;
    auto p = std::make_unique<Pane>();
    p->type = cellType;
    p->widget = new QWidget(this);
    p->title = new QLabel(cellTitle(cellType), p->widget);
    QFont bold = p->title->font();
    bold.setBold(true);
    p->title->setFont(bold);
    p->summary = new QLabel(p->widget);
    p->summary->setObjectName(QStringLiteral("summary_") + cellType);
    p->summary->setForegroundRole(QPalette::PlaceholderText);
    p->view = new SvgView(p->widget);
    p->view->setObjectName(QStringLiteral("svg_") + cellType);
    p->view->setPlaceholderText(tr("Waiting for the first derivation…"));

    auto *header = new QHBoxLayout;
    header->addWidget(p->title);
    header->addWidget(p->summary, 1);
    auto *column = new QVBoxLayout(p->widget);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(header);
    column->addWidget(p->view, 1);
    m_panesLayout->addWidget(p->widget, 1);
    m_panes.push_back(std::move(p));
    return m_panes.back().get();
}

void CellGraphView::setCells(const std::vector<CellWeights> &weights)
{
    m_weights = weights;
    // Cell types that are gone leave the view.
    for (auto it = m_panes.begin(); it != m_panes.end();) {
        const bool present = std::any_of(weights.begin(), weights.end(), [&](const auto &w) {
            return QString::fromStdString(w.type) == (*it)->type;
        });
        if (present || weights.empty()) {
            ++it;
            continue;
        }
        delete (*it)->widget;
        it = m_panes.erase(it);
    }
    for (size_t i = 0; i < weights.size(); ++i) {
        Pane *p = ensurePane(QString::fromStdString(weights[i].type));
        // Keep the panes in the order of `weights`.
        if (m_panesLayout->indexOf(p->widget) != int(i)) {
            m_panesLayout->removeWidget(p->widget);
            m_panesLayout->insertWidget(int(i), p->widget, 1);
        }
        p->weights = weights[i];
        p->cell = deriveCell(p->weights);
        p->hasCell = true;
        updateSummary(*p);
        request(*p);
    }
}

void CellGraphView::clear()
{
    m_weights.clear();
    for (const auto &p : m_panes) {
        p->hasCell = false;
        p->cell = CellGenotype();
        p->weights = CellWeights();
        p->lastDot.clear();
        // An id that was never requested: every answer still on its way is now stale.
        p->newestRequest = ++m_nextRequest;
        p->view->clear();
        updateSummary(*p);
    }
}

Genotype CellGraphView::genotype() const
{
    Genotype g;
    for (const CellWeights &w : m_weights) {
        if (const Pane *p = pane(QString::fromStdString(w.type)); p && p->hasCell)
            g.cells.push_back(p->cell);
    }
    return g;
}

void CellGraphView::setStyle(const DotStyle &style)
{
    // New highlight fields set here apply to every cell (highlightEdge() names one).
    if (style.highlightSource != m_style.highlightSource ||
        style.highlightTarget != m_style.highlightTarget ||
        style.highlightOp != m_style.highlightOp)
        m_highlightCell.clear();
    m_style = style;
    {
        const QSignalBlocker blockWeights(m_showWeights);
        const QSignalBlocker blockDead(m_showDead);
        m_showWeights->setChecked(style.showWeights);
        m_showDead->setChecked(style.showDead);
    }
    requestAll();
}

QByteArray CellGraphView::svg(const QString &cellType) const
{
    const Pane *p = pane(cellType);
    return p ? p->view->svg() : QByteArray();
}

QString CellGraphView::lastDot(const QString &cellType) const
{
    const Pane *p = pane(cellType);
    return p ? p->lastDot : QString();
}

quint64 CellGraphView::newestRequest(const QString &cellType) const
{
    const Pane *p = pane(cellType);
    return p ? p->newestRequest : 0;
}

QString CellGraphView::summary(const QString &cellType) const
{
    const Pane *p = pane(cellType);
    return p ? p->summary->text() : QString();
}

void CellGraphView::setRendered(quint64 requestId, const QString &cellType, const QByteArray &svg,
                                const QString &error)
{
    Pane *p = pane(cellType);
    // Only the answer to the newest request is shown; older ones are stale, not queued.
    if (!p || requestId != p->newestRequest)
        return;
    if (!error.isEmpty())
        p->view->showMessage(tr("Graphviz could not draw the cell:\n%1").arg(error), true);
    else
        p->view->setSvg(svg);
    updateOrientation();
}

void CellGraphView::highlightEdge(const QString &cellType, int edge, int op)
{
    if (edge < 0) {
        m_style.highlightSource = -1;
        m_style.highlightTarget = -1;
        m_style.highlightOp.clear();
        m_highlightCell.clear();
    } else {
        const EdgeEnds ends = edgeEnds(edge);
        m_style.highlightSource = ends.source;
        m_style.highlightTarget = ends.target;
        m_style.highlightOp.clear();
        const Pane *p = pane(cellType);
        const CellWeights *w = p && p->hasCell ? &p->weights : nullptr;
        if (w && op < 0 && edge < numEdges(w->nodes)) {
            // The strongest path of the edge (DotStyle names one op).
            float best = 0.0f;
            for (size_t o = 0; o < w->ops.size(); ++o) {
                if (w->ops[o] != "none" && std::fabs(w->at(edge, int(o))) > best) {
                    best = std::fabs(w->at(edge, int(o)));
                    op = int(o);
                }
            }
        }
        if (w && op >= 0 && size_t(op) < w->ops.size())
            m_style.highlightOp = w->ops[size_t(op)];
        m_highlightCell = cellType;
    }
    requestAll();
}

DotStyle CellGraphView::styleFor(const QString &cellType) const
{
    DotStyle s = m_style;
    if (!m_highlightCell.isEmpty() && cellType != m_highlightCell) {
        s.highlightSource = -1;
        s.highlightTarget = -1;
        s.highlightOp.clear();
    }
    return s;
}

void CellGraphView::requestAll()
{
    for (const auto &p : m_panes)
        request(*p);
}

void CellGraphView::request(Pane &p)
{
    if (!p.hasCell)
        return;
    const QString dot = QString::fromStdString(cellToDot(p.cell, styleFor(p.type), &p.weights));
    if (dot == p.lastDot)
        return;
    p.lastDot = dot;
    p.newestRequest = ++m_nextRequest;
    Q_EMIT renderRequested(p.newestRequest, p.type, dot);
}

void CellGraphView::updateSummary(Pane &p)
{
    if (!p.hasCell) {
        p.summary->clear();
        p.summary->setToolTip(QString());
        return;
    }
    const CellGenotype &c = p.cell;
    if (c.collapsed()) {
        p.summary->setText(tr("collapsed: no node survives"));
    } else {
        // Spelled out rather than "%n path(s)": the studio has no English numerus translation.
        const int paths = int(c.edges.size());
        const int alive = int(c.aliveNodes.size());
        p.summary->setText(paths == 1
                               ? tr("%1 of %2 nodes, 1 path").arg(alive).arg(c.nodes)
                               : tr("%1 of %2 nodes, %3 paths").arg(alive).arg(c.nodes).arg(paths));
    }
    const int removed = countNonZeroPaths(p.weights) - int(c.edges.size());
    QString tip;
    if (removed == 1)
        tip = tr("1 more non-zero path was removed with its dead node");
    else if (removed > 1)
        tip = tr("%1 more non-zero paths were removed with their dead nodes").arg(removed);
    p.summary->setToolTip(tip);
}

void CellGraphView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateOrientation();
}

void CellGraphView::updateOrientation()
{
    // Side by side or stacked, whichever draws the cells larger.
    QSizeF image;
    int shown = 0;
    for (const auto &p : m_panes) {
        if (p->view->hasImage()) {
            image = image.expandedTo(p->view->imageSize());
            ++shown;
        }
    }
    if (shown < 2 || image.isEmpty())
        return;
    const double n = double(m_panes.size());
    const QSizeF area = size();
    const double sideBySide =
        std::min(area.width() / n / image.width(), area.height() / image.height());
    const double stacked =
        std::min(area.width() / image.width(), area.height() / n / image.height());
    m_panesLayout->setDirection(stacked > sideBySide ? QBoxLayout::TopToBottom
                                                     : QBoxLayout::LeftToRight);
}

void CellGraphView::optionsChanged()
{
    m_style.showWeights = m_showWeights->isChecked();
    m_style.showDead = m_showDead->isChecked();
    requestAll();
}

bool CellGraphView::exportImage(const QString &path, QString *error)
{
    std::vector<SvgView::TitledSvg> parts;
    QSizeF largest;
    for (const auto &p : m_panes) {
        if (p->view->hasImage()) {
            parts.push_back({cellTitle(p->type), p->view->svg()});
            largest = largest.expandedTo(p->view->imageSize());
        }
    }
    if (parts.empty()) {
        if (error)
            *error = tr("Could not write %1: no cell has been drawn yet.")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    // Wide drawings (rankdir LR) are stacked, tall ones placed side by side.
    const Qt::Orientation orientation = largest.width() > largest.height() ? Qt::Vertical
                                                                           : Qt::Horizontal;
    const QByteArray svg = SvgView::composeSvg(parts, orientation, error);
    if (svg.isEmpty())
        return false;
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) != 0)
        return SvgView::writeImage(svg, path, 2.0, error);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(svg) != svg.size() || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace sparsenas
