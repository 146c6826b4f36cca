// SPDX-License-Identifier: MIT
#include "exportdialog.h"

#include "colormaps.h"
#include "svgview.h"

#include "sparsenas/base/genotypesource.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sparsenas {

namespace {

const char *const kColorProperty = "swatchColor";

const CellWeights *weightsOf(const std::vector<CellWeights> &weights, const std::string &type)
{
    for (const CellWeights &w : weights) {
        if (w.type == type)
            return &w;
    }
    return nullptr;
}

// The formats in the order the dialog lists them; the texts are translated where shown.
const char *const kFormatKeys[] = {"svg", "pdf", "png", "dot", "json", "darts", "ptdarts"};

bool isDrawing(const QString &format)
{
    return format == QLatin1String("svg") || format == QLatin1String("pdf") ||
           format == QLatin1String("png") || format == QLatin1String("dot");
}

// The formats a file suffix (lower case) stands for; empty for a suffix that names none.
QStringList formatsOfSuffix(const QString &suffix)
{
    if (suffix == QLatin1String("gv") || suffix == QLatin1String("dot"))
        return {QStringLiteral("dot")};
    if (suffix == QLatin1String("txt") || suffix == QLatin1String("py"))
        return {QStringLiteral("darts"), QStringLiteral("ptdarts")};
    for (const char *key : {"svg", "pdf", "png", "json"}) {
        if (suffix == QLatin1String(key))
            return {suffix};
    }
    return {};
}

// The suffix of `path` when it names a format ("png" of "normal.png"), else empty.
QString formatSuffix(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return formatsOfSuffix(suffix).isEmpty() ? QString() : suffix;
}

} // namespace

QString ExportDialog::suffixFor(const QString &format)
{
    if (format == QLatin1String("darts") || format == QLatin1String("ptdarts"))
        return QStringLiteral("txt");
    return format;
}

ExportDialog::ExportDialog(const Genotype &genotype, const std::vector<CellWeights> &weights,
                           QWidget *parent)
    : QDialog(parent), m_genotype(genotype), m_weights(weights), m_font(new QFontComboBox(this)),
      m_fontSize(new QDoubleSpinBox(this)), m_showWeights(new QCheckBox(tr("Show weights"), this)),
      m_decimals(new QSpinBox(this)), m_decimalsNote(new QLabel(this)),
      m_showOpLabels(new QCheckBox(tr("Show operation labels"), this)),
      m_colorByOp(new QCheckBox(tr("Colour edges by operation"), this)),
      m_monochrome(new QCheckBox(tr("Monochrome (for print)"), this)),
      m_legend(new QCheckBox(tr("Legend of the operations"), this)),
      m_merge(new QCheckBox(tr("Compact: one edge per pair of nodes"), this)),
      m_horizontal(new QCheckBox(tr("Horizontal layout (left to right)"), this)),
      m_inputFill(new QPushButton(this)), m_nodeFill(new QPushButton(this)),
      m_outputFill(new QPushButton(this)),
      m_showDead(new QCheckBox(tr("Show removed nodes faded"), this)),
      m_drawing(new QGroupBox(tr("Drawing"), this)), m_cells(new QComboBox(this)),
      m_formatNote(new QLabel(this)), m_dpi(new QSpinBox(this)), m_path(new QLineEdit(this)),
      m_browse(new QPushButton(tr("Browse…"), this)), m_targets(new QLabel(this)),
      m_fixSuffix(new QPushButton(this)), m_problem(new QLabel(this)), m_result(new QLabel(this)),
      m_export(new QPushButton(tr("Export"), this)), m_close(new QPushButton(tr("Close"), this)),
      m_preview(new SvgView(this))
{
    setWindowTitle(tr("Export Cell for Paper"));
    m_font->setObjectName(QStringLiteral("font"));
    m_fontSize->setObjectName(QStringLiteral("fontSize"));
    m_showWeights->setObjectName(QStringLiteral("showWeights"));
    m_decimals->setObjectName(QStringLiteral("weightDecimals"));
    m_decimalsNote->setObjectName(QStringLiteral("decimalsNote"));
    m_showOpLabels->setObjectName(QStringLiteral("showOpLabels"));
    m_colorByOp->setObjectName(QStringLiteral("colorByOp"));
    m_monochrome->setObjectName(QStringLiteral("monochrome"));
    m_legend->setObjectName(QStringLiteral("legend"));
    m_merge->setObjectName(QStringLiteral("merge"));
    m_horizontal->setObjectName(QStringLiteral("horizontal"));
    m_inputFill->setObjectName(QStringLiteral("inputFill"));
    m_nodeFill->setObjectName(QStringLiteral("nodeFill"));
    m_outputFill->setObjectName(QStringLiteral("outputFill"));
    m_showDead->setObjectName(QStringLiteral("showDead"));
    m_cells->setObjectName(QStringLiteral("cells"));
    m_formatNote->setObjectName(QStringLiteral("formatNote"));
    m_dpi->setObjectName(QStringLiteral("dpi"));
    m_path->setObjectName(QStringLiteral("path"));
    m_targets->setObjectName(QStringLiteral("targets"));
    m_fixSuffix->setObjectName(QStringLiteral("fixSuffix"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_result->setObjectName(QStringLiteral("result"));
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_close->setObjectName(QStringLiteral("closeButton"));
    m_preview->setObjectName(QStringLiteral("preview"));

    // --- the drawing
    m_font->setEditable(true);
    m_fontSize->setRange(4.0, 48.0);
    m_fontSize->setSingleStep(0.5);
    m_fontSize->setDecimals(1);
    m_fontSize->setSuffix(tr(" pt"));
    m_decimals->setRange(0, 9);
    m_decimalsNote->setWordWrap(true);
    m_decimalsNote->setForegroundRole(QPalette::PlaceholderText);
    m_decimalsNote->setVisible(false);
    m_inputFill->setToolTip(tr("Fill of the cell inputs %1, %2").arg(nodeName(0), nodeName(1)));
    m_nodeFill->setToolTip(tr("Fill of the intermediate nodes"));
    m_outputFill->setToolTip(tr("Fill of the cell output %1").arg(outputNodeName()));
    m_monochrome->setToolTip(tr("Black and greys only: the operations are told apart by line "
                                "style (dotted pools, dashed skip connections, solid "
                                "convolutions) and by their labels."));
    m_legend->setToolTip(tr("A box beside the cell that names the operation of each colour (or "
                            "line style in monochrome), for the operations drawn."));
    m_merge->setToolTip(tr("Draw one edge for all operations between two nodes and list them, "
                           "strongest first, in its label: readable for cells with many paths."));

    auto *decimalsRow = new QHBoxLayout;
    decimalsRow->addWidget(m_decimals);
    decimalsRow->addStretch(1);
    auto *drawingForm = new QFormLayout(m_drawing);
    drawingForm->addRow(tr("Font:"), m_font);
    drawingForm->addRow(tr("Font size:"), m_fontSize);
    drawingForm->addRow(m_showWeights);
    drawingForm->addRow(tr("Weight decimals:"), decimalsRow);
    drawingForm->addRow(m_decimalsNote);
    drawingForm->addRow(m_showOpLabels);
    drawingForm->addRow(m_colorByOp);
    drawingForm->addRow(m_monochrome);
    drawingForm->addRow(m_legend);
    drawingForm->addRow(m_merge);
    drawingForm->addRow(m_horizontal);
    drawingForm->addRow(tr("Input fill:"), m_inputFill);
    drawingForm->addRow(tr("Node fill:"), m_nodeFill);
    drawingForm->addRow(tr("Output fill:"), m_outputFill);
    drawingForm->addRow(m_showDead);

    // --- the output
    for (const CellGenotype &cell : m_genotype.cells) {
        const QString type = QString::fromStdString(cell.type);
        m_cells->addItem(cellTitle(type), type);
    }
    if (m_genotype.cells.size() > 1)
        m_cells->addItem(tr("All cells in one drawing"), QStringLiteral("both"));

    const QString labels[] = {tr("SVG (vector drawing)"),  tr("PDF (vector drawing)"),
                              tr("PNG (bitmap)"),          tr("Graphviz DOT source"),
                              tr("Genotype JSON"),         tr("DARTS genotype text"),
                              tr("pt.darts genotype text")};
    auto *formatGrid = new QGridLayout;
    formatGrid->setContentsMargins(0, 0, 0, 0);
    QStringList notes;
    for (size_t i = 0; i < std::size(kFormatKeys); ++i) {
        const QString key = QLatin1String(kFormatKeys[i]);
        auto *box = new QCheckBox(labels[i], this);
        box->setObjectName(QStringLiteral("format_") + key);
        QString whyNot;
        if (!isAvailable(key, &whyNot)) {
            box->setEnabled(false);
            box->setToolTip(whyNot);
            notes << whyNot;
        }
        formatGrid->addWidget(box, int(i) / 2, int(i) % 2);
        m_formats.emplace_back(key, box);
        connect(box, &QCheckBox::toggled, this, &ExportDialog::formatsChanged);
    }
    m_formats[5].second->setToolTip(
        m_formats[5].second->isEnabled()
            ? tr("Genotype(normal=[('sep_conv_3x3', 0), ...], ...): two paths per node, as "
                 "DARTS (quark0/darts) reads it")
            : m_formats[5].second->toolTip());
    m_formats[6].second->setToolTip(
        m_formats[6].second->isEnabled()
            ? tr("Genotype(normal=[[('sep_conv_3x3', 0), ...], ...], ...): a list per node, any "
                 "number of paths, as pt.darts (genotypes.from_str) reads it")
            : m_formats[6].second->toolTip());
    if (!m_formats[5].second->isEnabled() && m_formats[6].second->isEnabled())
        notes << tr("pt.darts text takes any number of paths per node.");
    m_formatNote->setText(notes.join(u'\n'));
    m_formatNote->setWordWrap(true);
    m_formatNote->setForegroundRole(QPalette::PlaceholderText);
    m_formatNote->setVisible(!notes.isEmpty());

    m_dpi->setRange(36, 2400);
    m_dpi->setSingleStep(50);
    m_dpi->setValue(300);
    m_dpi->setSuffix(tr(" dpi"));
    m_path->setPlaceholderText(tr("File to write"));
    m_path->setClearButtonEnabled(true);
    m_path->setMinimumWidth(240);
    m_targets->setWordWrap(true);
    m_targets->setForegroundRole(QPalette::PlaceholderText);
    m_fixSuffix->setVisible(false);

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    auto *output = new QGroupBox(tr("Output"), this);
    auto *outputForm = new QFormLayout(output);
    outputForm->addRow(tr("Cells:"), m_cells);
    outputForm->addRow(tr("Formats:"), formatGrid);
    outputForm->addRow(m_formatNote);
    outputForm->addRow(tr("PNG resolution:"), m_dpi);
    outputForm->addRow(tr("File:"), pathRow);
    outputForm->addRow(m_targets);
    outputForm->addRow(m_fixSuffix);

    // The form scrolls when the screen is too low for it (a projector at 1024 x 700): the
    // file name and the Export button below it stay in reach.
    auto *form = new QWidget;
    auto *left = new QVBoxLayout(form);
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(m_drawing);
    left->addWidget(output);
    left->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("formScroll"));
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(form->sizeHint().width() +
                            scroll->verticalScrollBar()->sizeHint().width());

    auto *previewBox = new QGroupBox(tr("Preview"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    m_preview->setPlaceholderText(tr("Drawing the preview…"));
    m_preview->setMinimumSize(240, 200);
    previewLayout->addWidget(m_preview);

    auto *columns = new QHBoxLayout;
    columns->addWidget(scroll);
    columns->addWidget(previewBox, 1);

    m_export->setDefault(true);
    m_export->setToolTip(tr("Write the chosen formats; the dialog stays open for more"));
    m_problem->setWordWrap(true);
    QPalette warning = m_problem->palette();
    warning.setColor(QPalette::WindowText, QColor(178, 24, 43));
    m_problem->setPalette(warning);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *messages = new QVBoxLayout;
    messages->addWidget(m_problem);
    messages->addWidget(m_result);
    auto *bottom = new QHBoxLayout;
    bottom->addLayout(messages, 1);
    bottom->addWidget(m_export);
    bottom->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addLayout(bottom);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &ExportDialog::requestPreview);

    setStyle(DotStyle());
    setFormat(QStringLiteral("svg"));
    loadSettings();

    connect(m_font, &QFontComboBox::currentFontChanged, this, &ExportDialog::scheduleUpdate);
    connect(m_font, &QComboBox::editTextChanged, this, &ExportDialog::scheduleUpdate);
    connect(m_fontSize, &QDoubleSpinBox::valueChanged, this, &ExportDialog::scheduleUpdate);
    for (QCheckBox *box : {m_showWeights, m_showOpLabels, m_colorByOp, m_monochrome, m_legend,
                           m_merge, m_horizontal, m_showDead})
        connect(box, &QCheckBox::toggled, this, &ExportDialog::scheduleUpdate);
    connect(m_showWeights, &QCheckBox::toggled, m_decimals, &QWidget::setEnabled);
    connect(m_decimals, &QSpinBox::valueChanged, this, &ExportDialog::scheduleUpdate);
    for (QPushButton *button : {m_inputFill, m_nodeFill, m_outputFill})
        connect(button, &QPushButton::clicked, this, [this, button] { pickColor(button); });
    connect(m_cells, &QComboBox::currentIndexChanged, this, &ExportDialog::scheduleUpdate);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::validate);
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_fixSuffix, &QPushButton::clicked, this,
            [this] { setPath(pathFor(formats().value(0))); });
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::exportNow);
    connect(m_close, &QPushButton::clicked, this, &ExportDialog::reject);

    formatsChanged();
    scheduleUpdate();

    // As large as the form wants, the preview beside it, within the screen.
    const QScreen *screen = parent ? parent->screen() : QGuiApplication::primaryScreen();
    // (The wrapped notes may take a line more than their hint says.)
    const QSize wanted(form->sizeHint().width() + 620, form->sizeHint().height() + 140);
    resize(screen ? wanted.boundedTo(screen->availableGeometry().size() * 0.95) : wanted);
}

ExportDialog::~ExportDialog() = default;

bool ExportDialog::isAvailable(const QString &format, QString *whyNot) const
{
    // The core's reason, as the end of a sentence.
    const auto reason = [](std::string why) {
        while (!why.empty() && (why.back() == '.' || why.back() == ' '))
            why.pop_back();
        return QString::fromStdString(why);
    };
    std::string why;
    bool ok = true;
    if (format == QLatin1String("darts")) {
        ok = toDartsText(m_genotype, &why).has_value();
        if (!ok && whyNot)
            *whyNot = tr("DARTS genotype text is not available: %1.").arg(reason(why));
    } else if (format == QLatin1String("ptdarts")) {
        ok = toPtDartsText(m_genotype, &why).has_value();
        if (!ok && whyNot)
            *whyNot = tr("pt.darts genotype text is not available: %1.").arg(reason(why));
    } else if (!std::any_of(std::begin(kFormatKeys), std::end(kFormatKeys),
                            [&](const char *k) { return format == QLatin1String(k); })) {
        ok = false;
        if (whyNot)
            *whyNot = tr("Unknown format \"%1\".").arg(format);
    }
    if (ok && whyNot)
        whyNot->clear();
    return ok;
}

DotStyle ExportDialog::style() const
{
    DotStyle s = m_hiddenStyle;
    const QString font = m_font->currentText().trimmed();
    s.fontName = (font.isEmpty() ? m_font->currentFont().family() : font).toStdString();
    s.fontSize = m_fontSize->value();
    s.showWeights = m_showWeights->isChecked();
    s.weightDecimals = m_decimals->value();
    s.showOpLabels = m_showOpLabels->isChecked();
    s.colorByOp = m_colorByOp->isChecked();
    s.horizontal = m_horizontal->isChecked();
    s.inputFill = m_inputFill->property(kColorProperty).value<QColor>().name().toStdString();
    s.nodeFill = m_nodeFill->property(kColorProperty).value<QColor>().name().toStdString();
    s.outputFill = m_outputFill->property(kColorProperty).value<QColor>().name().toStdString();
    s.showDead = m_showDead->isChecked();
    return s;
}

CellDrawing ExportDialog::drawing() const
{
    CellDrawing d;
    d.merge = m_merge->isChecked();
    d.legend = m_legend->isChecked();
    d.monochrome = m_monochrome->isChecked();
    return d;
}

void ExportDialog::setStyle(const DotStyle &style)
{
    m_hiddenStyle = style;
    const QString font = QString::fromStdString(style.fontName);
    m_font->setCurrentFont(QFont(font));
    // Keep the name as given: Graphviz resolves it through fontconfig, which may know names
    // (Helvetica, Times) that Qt's list shows under a substitute.
    if (m_font->currentText() != font)
        m_font->setEditText(font);
    m_fontSize->setValue(style.fontSize);
    m_showWeights->setChecked(style.showWeights);
    m_decimals->setValue(style.weightDecimals);
    m_decimals->setEnabled(style.showWeights);
    m_showOpLabels->setChecked(style.showOpLabels);
    m_colorByOp->setChecked(style.colorByOp);
    m_horizontal->setChecked(style.horizontal);
    setButtonColor(m_inputFill, QColor(QString::fromStdString(style.inputFill)));
    setButtonColor(m_nodeFill, QColor(QString::fromStdString(style.nodeFill)));
    setButtonColor(m_outputFill, QColor(QString::fromStdString(style.outputFill)));
    m_showDead->setChecked(style.showDead);
    scheduleUpdate();
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

bool ExportDialog::setFormat(const QString &format)
{
    return setFormats({format});
}

bool ExportDialog::setFormats(const QStringList &formats)
{
    for (const QString &f : formats) {
        if (!isAvailable(f))
            return false;
    }
    for (const auto &[key, box] : m_formats) {
        const QSignalBlocker block(box);
        box->setChecked(formats.contains(key));
    }
    formatsChanged();
    return true;
}

QStringList ExportDialog::formats() const
{
    QStringList out;
    for (const auto &[key, box] : m_formats) {
        if (box->isChecked() && box->isEnabled())
            out << key;
    }
    return out;
}

bool ExportDialog::setCells(const QString &cells)
{
    const int index = m_cells->findData(cells);
    if (index < 0)
        return false;
    m_cells->setCurrentIndex(index);
    return true;
}

QString ExportDialog::cells() const
{
    return m_cells->currentData().toString();
}

QString ExportDialog::stem() const
{
    const QString path = m_path->text().trimmed();
    const QString suffix = formatSuffix(path);
    return suffix.isEmpty() ? path : path.chopped(suffix.size() + 1);
}

QString ExportDialog::pathFor(const QString &format) const
{
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return path;
    const QString suffix = formatSuffix(path);
    const bool both = formats().contains(QStringLiteral("darts")) &&
                      formats().contains(QStringLiteral("ptdarts"));
    // The two texts share the suffix: with both chosen, pt.darts's file gets its own name.
    if (format == QLatin1String("ptdarts") && both)
        return stem() + QStringLiteral("_ptdarts.") +
               (formatsOfSuffix(suffix).contains(format) ? suffix : QStringLiteral("txt"));
    if (formatsOfSuffix(suffix).contains(format))
        return path; // as typed: "cell.gv" for DOT, "genotype.py" for a text
    return stem() + u'.' + suffixFor(format);
}

std::vector<ExportRequest> ExportDialog::requests() const
{
    std::vector<ExportRequest> out;
    const QString dot = currentDot();
    for (const QString &format : formats()) {
        ExportRequest r;
        r.format = format;
        r.path = pathFor(format);
        r.dpi = m_dpi->value();
        r.style = style();
        r.drawing = drawing();
        r.cells = cells();
        r.dot = dot;
        out.push_back(r);
    }
    return out;
}

ExportRequest ExportDialog::request() const
{
    const std::vector<ExportRequest> all = requests();
    if (!all.empty())
        return all.front();
    ExportRequest r;
    r.path = m_path->text().trimmed();
    r.dpi = m_dpi->value();
    r.style = style();
    r.drawing = drawing();
    r.cells = cells();
    r.dot = currentDot();
    return r;
}

QString ExportDialog::currentDot() const
{
    const DotStyle s = style();
    const CellDrawing d = drawing();
    const QString which = cells();
    if (which == QLatin1String("both"))
        return genotypeDrawingDot(m_genotype, s, d);
    const CellGenotype *cell = m_genotype.cell(which.toStdString());
    if (!cell)
        return QString();
    return cellDrawingDot(*cell, s, weightsOf(m_weights, cell->type), d);
}

QString ExportDialog::problem() const
{
    return m_problem->text();
}

QByteArray ExportDialog::previewSvg() const
{
    return m_preview->svg();
}

void ExportDialog::scheduleUpdate()
{
    // "Show removed nodes" needs the supernet's weights of a single cell: genotypeToDot draws
    // the derived cells only.
    const QString which = cells();
    const bool deadPossible = which != QLatin1String("both") &&
                              weightsOf(m_weights, which.toStdString()) != nullptr;
    m_showDead->setEnabled(deadPossible);
    m_showDead->setToolTip(deadPossible
                               ? tr("Also draw the nodes that derivation removed, faded")
                               : tr("Only for a single cell whose supernet weights are known"));
    // Monochrome sets the colours itself.
    const bool mono = m_monochrome->isChecked();
    for (QWidget *w : {static_cast<QWidget *>(m_colorByOp), static_cast<QWidget *>(m_inputFill),
                       static_cast<QWidget *>(m_nodeFill), static_cast<QWidget *>(m_outputFill)})
        w->setEnabled(!mono);
    m_legend->setEnabled(mono || m_colorByOp->isChecked());
    m_legend->setToolTip(m_legend->isEnabled()
                             ? tr("A box beside the cell that names the operation of each colour "
                                  "(or line style in monochrome), for the operations drawn.")
                             : tr("Every edge has one colour: there is nothing for a legend to "
                                  "tell apart."));
    updateDecimalsNote();
    validate();
    m_debounce.start();
}

void ExportDialog::updateDecimalsNote()
{
    // The weights that the drawing writes, and how the chosen decimals write them.
    std::vector<float> weights;
    const QString which = cells();
    for (const CellGenotype &c : m_genotype.cells) {
        if (which == QLatin1String("both") || which == QString::fromStdString(c.type)) {
            for (const GenotypeEdge &e : c.edges)
                weights.push_back(e.weight);
        }
    }
    const int decimals = m_decimals->value();
    std::vector<float> tiny;
    for (float w : weights) {
        if (needsScientific(w, decimals))
            tiny.push_back(w);
    }
    if (!m_showWeights->isChecked() || tiny.empty()) {
        m_decimalsNote->clear();
        m_decimalsNote->setVisible(false);
        return;
    }
    const float smallest = *std::min_element(
        tiny.begin(), tiny.end(), [](float a, float b) { return std::fabs(a) < std::fabs(b); });
    const QString bound = QString::number(0.5 * std::pow(10.0, -decimals), 'f', decimals + 1);
    const int fixed = decimalsForFixed(weights);
    const QString text =
        tiny.size() == 1
            ? tr("1 weight is smaller than %1 in magnitude: it is written as %2, in scientific "
                 "notation, so that no kept path reads as 0. With %3 decimals every weight is "
                 "written in fixed notation.")
                  .arg(bound, diagramWeight(smallest, decimals))
                  .arg(fixed)
            : tr("%1 weights are smaller than %2 in magnitude: they are written in scientific "
                 "notation (the smallest as %3), so that no kept path reads as 0. With %4 "
                 "decimals every weight is written in fixed notation.")
                  .arg(tiny.size())
                  .arg(bound, diagramWeight(smallest, decimals))
                  .arg(fixed);
    m_decimalsNote->setText(text);
    m_decimalsNote->setVisible(true);
}

void ExportDialog::requestPreview()
{
    const QString dot = currentDot();
    if (dot == m_lastPreviewDot)
        return;
    m_lastPreviewDot = dot;
    m_newestRequest = ++m_nextRequest;
    Q_EMIT previewRequested(m_newestRequest, dot);
}

void ExportDialog::showPreview(quint64 requestId, const QByteArray &svg, const QString &error)
{
    if (requestId != m_newestRequest)
        return; // stale: a newer preview is on its way
    if (!error.isEmpty())
        m_preview->showMessage(tr("Graphviz could not draw the cell:\n%1").arg(error), true);
    else
        m_preview->setSvg(svg);
}

void ExportDialog::showExportResult(bool ok, const QString &message)
{
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::WindowText,
                     ok ? this->palette().color(QPalette::WindowText) : QColor(178, 24, 43));
    m_result->setPalette(palette);
    m_result->setText(message);
}

void ExportDialog::validate()
{
    QString problem;
    const QString path = m_path->text().trimmed();
    const QFileInfo info(path);
    const QStringList chosen = formats();
    QString fix;
    if (chosen.isEmpty()) {
        problem = tr("Choose at least one format.");
    } else if (path.isEmpty()) {
        problem = tr("Choose a file to write.");
    } else if (info.isDir() || path.endsWith(u'/')) {
        problem = tr("%1 is a folder; choose a file name.").arg(QDir::toNativeSeparators(path));
    } else if (!info.absoluteDir().exists()) {
        problem =
            tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(info.absolutePath()));
    } else if (cells().isEmpty()) {
        problem = tr("The genotype has no cell to export.");
    } else {
        // A suffix that names another format than the ones chosen: DOT text in "normal.png"
        // would open as a broken image. Ask rather than guess.
        const QString suffix = formatSuffix(path);
        const QStringList claimed = formatsOfSuffix(suffix);
        if (!suffix.isEmpty() && std::none_of(chosen.begin(), chosen.end(), [&](const QString &f) {
                return claimed.contains(f);
            })) {
            problem =
                tr("%1 ends in .%2, but that format is not chosen.").arg(info.fileName(), suffix);
            fix = QFileInfo(stem() + u'.' + suffixFor(chosen.front())).fileName();
        }
    }
    m_problem->setText(problem);
    m_fixSuffix->setVisible(!fix.isEmpty());
    m_fixSuffix->setText(tr("Use %1").arg(fix));
    m_export->setEnabled(problem.isEmpty());

    QStringList names;
    if (!path.isEmpty() && !chosen.isEmpty()) {
        for (const QString &f : chosen)
            names << QFileInfo(pathFor(f)).fileName();
    }
    m_targets->setText(problem.isEmpty() && !names.isEmpty()
                           ? tr("Writes %1").arg(names.join(QStringLiteral(", ")))
                           : QString());
}

void ExportDialog::formatsChanged()
{
    const QStringList chosen = formats();
    m_dpi->setEnabled(chosen.contains(QStringLiteral("png")));
    // JSON and the genotype texts hold the whole genotype and no drawing.
    const bool drawing = std::any_of(chosen.begin(), chosen.end(), isDrawing);
    m_drawing->setEnabled(drawing);
    m_cells->setEnabled(drawing);
    // A suffix that named a format follows the choice (the user picked a format, not a name).
    const QString path = m_path->text().trimmed();
    const QString suffix = formatSuffix(path);
    if (!chosen.isEmpty() && !suffix.isEmpty()) {
        const QStringList claimed = formatsOfSuffix(suffix);
        if (std::none_of(chosen.begin(), chosen.end(),
                         [&](const QString &f) { return claimed.contains(f); }))
            m_path->setText(stem() + u'.' + suffixFor(chosen.front()));
    }
    validate();
}

void ExportDialog::browse()
{
    const QString key = formats().value(0, QStringLiteral("svg"));
    const QString suffix = suffixFor(key);
    QString start = m_path->text().trimmed();
    if (start.isEmpty())
        start = QDir::home().filePath(QStringLiteral("cell.") + suffix);
    QString label;
    for (const auto &[k, box] : m_formats) {
        if (k == key)
            label = box->text();
    }
    const QString filter =
        tr("%1 (*.%2)").arg(label, suffix) + QStringLiteral(";;") + tr("All files (*)");
    QString chosen = QFileDialog::getSaveFileName(this, tr("Export Cell"), start, filter);
    if (chosen.isEmpty())
        return;
    if (QFileInfo(chosen).suffix().isEmpty())
        chosen += u'.' + suffix;
    m_path->setText(chosen);
}

void ExportDialog::pickColor(QPushButton *button)
{
    const QColor current = button->property(kColorProperty).value<QColor>();
    const QColor chosen = QColorDialog::getColor(current, this, button->toolTip());
    if (!chosen.isValid())
        return;
    setButtonColor(button, chosen);
    scheduleUpdate();
}

void ExportDialog::setButtonColor(QPushButton *button, const QColor &color)
{
    const QColor c = color.isValid() ? color : QColor(Qt::white);
    button->setProperty(kColorProperty, c);
    QPixmap swatch(28, 14);
    swatch.fill(c);
    QPainter painter(&swatch);
    painter.setPen(QColor(80, 80, 80));
    painter.drawRect(swatch.rect().adjusted(0, 0, -1, -1));
    painter.end();
    button->setIcon(QIcon(swatch));
    button->setIconSize(swatch.size());
    button->setText(c.name());
}

void ExportDialog::loadSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("export"));
    const DotStyle defaults;
    DotStyle s = m_hiddenStyle;
    const auto text = [&](const QString &key, const std::string &fallback) {
        return settings.value(key, QString::fromStdString(fallback)).toString().toStdString();
    };
    s.fontName = text(QStringLiteral("fontName"), defaults.fontName);
    s.fontSize = settings.value(QStringLiteral("fontSize"), defaults.fontSize).toDouble();
    s.showWeights = settings.value(QStringLiteral("showWeights"), defaults.showWeights).toBool();
    s.weightDecimals =
        settings.value(QStringLiteral("weightDecimals"), defaults.weightDecimals).toInt();
    s.showOpLabels = settings.value(QStringLiteral("showOpLabels"), defaults.showOpLabels).toBool();
    s.colorByOp = settings.value(QStringLiteral("colorByOp"), defaults.colorByOp).toBool();
    s.horizontal = settings.value(QStringLiteral("horizontal"), defaults.horizontal).toBool();
    s.inputFill = text(QStringLiteral("inputFill"), defaults.inputFill);
    s.nodeFill = text(QStringLiteral("nodeFill"), defaults.nodeFill);
    s.outputFill = text(QStringLiteral("outputFill"), defaults.outputFill);
    s.showDead = settings.value(QStringLiteral("showDead"), defaults.showDead).toBool();
    setStyle(s);
    m_monochrome->setChecked(settings.value(QStringLiteral("monochrome"), false).toBool());
    m_legend->setChecked(settings.value(QStringLiteral("legend"), false).toBool());
    m_merge->setChecked(settings.value(QStringLiteral("merge"), false).toBool());
    setCells(settings.value(QStringLiteral("cells")).toString());
    // "format" (one) is what earlier versions stored.
    QStringList chosen = settings.value(QStringLiteral("formats")).toStringList();
    if (chosen.isEmpty())
        chosen =
            QStringList{settings.value(QStringLiteral("format"), QStringLiteral("svg")).toString()};
    if (!setFormats(chosen))
        setFormat(QStringLiteral("svg"));
    m_dpi->setValue(settings.value(QStringLiteral("dpi"), 300).toInt());
    const QString lastPath = settings.value(QStringLiteral("path")).toString();
    if (!lastPath.isEmpty() && QFileInfo(lastPath).absoluteDir().exists()) {
        m_path->setText(lastPath);
        formatsChanged();
    }
}

void ExportDialog::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("export"));
    const DotStyle s = style();
    settings.setValue(QStringLiteral("fontName"), QString::fromStdString(s.fontName));
    settings.setValue(QStringLiteral("fontSize"), s.fontSize);
    settings.setValue(QStringLiteral("showWeights"), s.showWeights);
    settings.setValue(QStringLiteral("weightDecimals"), s.weightDecimals);
    settings.setValue(QStringLiteral("showOpLabels"), s.showOpLabels);
    settings.setValue(QStringLiteral("colorByOp"), s.colorByOp);
    settings.setValue(QStringLiteral("horizontal"), s.horizontal);
    settings.setValue(QStringLiteral("inputFill"), QString::fromStdString(s.inputFill));
    settings.setValue(QStringLiteral("nodeFill"), QString::fromStdString(s.nodeFill));
    settings.setValue(QStringLiteral("outputFill"), QString::fromStdString(s.outputFill));
    settings.setValue(QStringLiteral("showDead"), s.showDead);
    settings.setValue(QStringLiteral("monochrome"), m_monochrome->isChecked());
    settings.setValue(QStringLiteral("legend"), m_legend->isChecked());
    settings.setValue(QStringLiteral("merge"), m_merge->isChecked());
    settings.setValue(QStringLiteral("cells"), cells());
    settings.setValue(QStringLiteral("formats"), formats());
    settings.setValue(QStringLiteral("format"), formats().value(0));
    settings.setValue(QStringLiteral("dpi"), m_dpi->value());
    settings.setValue(QStringLiteral("path"), m_path->text().trimmed());
}

void ExportDialog::exportNow()
{
    validate();
    if (!problem().isEmpty())
        return;
    saveSettings();
    m_result->setText(tr("Exporting…"));
    Q_EMIT exportRequested();
}

void ExportDialog::accept()
{
    validate();
    if (!problem().isEmpty())
        return;
    exportNow();
    QDialog::accept();
}

} // namespace sparsenas
