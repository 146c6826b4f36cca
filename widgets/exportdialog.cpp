// SPDX-License-Identifier: MIT
#include "exportdialog.h"

#include "cellgraphview.h"
#include "svgview.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
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

} // namespace

QString ExportDialog::suffixFor(const QString &format)
{
    if (format == QLatin1String("darts"))
        return QStringLiteral("txt");
    return format;
}

ExportDialog::ExportDialog(const Genotype &genotype, const std::vector<CellWeights> &weights,
                           QWidget *parent)
    : QDialog(parent), m_genotype(genotype), m_weights(weights), m_font(new QFontComboBox(this)),
      m_fontSize(new QDoubleSpinBox(this)), m_showWeights(new QCheckBox(tr("Show weights"), this)),
      m_decimals(new QSpinBox(this)),
      m_showOpLabels(new QCheckBox(tr("Show operation labels"), this)),
      m_colorByOp(new QCheckBox(tr("Colour edges by operation"), this)),
      m_horizontal(new QCheckBox(tr("Horizontal layout (left to right)"), this)),
      m_inputFill(new QPushButton(this)), m_nodeFill(new QPushButton(this)),
      m_outputFill(new QPushButton(this)),
      m_showDead(new QCheckBox(tr("Show removed nodes faded"), this)),
      m_drawing(new QGroupBox(tr("Drawing"), this)), m_cells(new QComboBox(this)),
      m_format(new QComboBox(this)), m_dpi(new QSpinBox(this)), m_path(new QLineEdit(this)),
      m_browse(new QPushButton(tr("Browse…"), this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_preview(new SvgView(this))
{
    setWindowTitle(tr("Export Cell for Paper"));
    m_font->setObjectName(QStringLiteral("font"));
    m_fontSize->setObjectName(QStringLiteral("fontSize"));
    m_showWeights->setObjectName(QStringLiteral("showWeights"));
    m_decimals->setObjectName(QStringLiteral("weightDecimals"));
    m_showOpLabels->setObjectName(QStringLiteral("showOpLabels"));
    m_colorByOp->setObjectName(QStringLiteral("colorByOp"));
    m_horizontal->setObjectName(QStringLiteral("horizontal"));
    m_inputFill->setObjectName(QStringLiteral("inputFill"));
    m_nodeFill->setObjectName(QStringLiteral("nodeFill"));
    m_outputFill->setObjectName(QStringLiteral("outputFill"));
    m_showDead->setObjectName(QStringLiteral("showDead"));
    m_cells->setObjectName(QStringLiteral("cells"));
    m_format->setObjectName(QStringLiteral("format"));
    m_dpi->setObjectName(QStringLiteral("dpi"));
    m_path->setObjectName(QStringLiteral("path"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_preview->setObjectName(QStringLiteral("preview"));

    // --- the drawing
    m_font->setEditable(true);
    m_fontSize->setRange(4.0, 48.0);
    m_fontSize->setSingleStep(0.5);
    m_fontSize->setDecimals(1);
    m_fontSize->setSuffix(tr(" pt"));
    m_decimals->setRange(0, 6);
    m_inputFill->setToolTip(tr("Fill of the cell inputs c_{k-2}, c_{k-1}"));
    m_nodeFill->setToolTip(tr("Fill of the intermediate nodes"));
    m_outputFill->setToolTip(tr("Fill of the cell output c_{k}"));

    auto *drawingForm = new QFormLayout(m_drawing);
    drawingForm->addRow(tr("Font:"), m_font);
    drawingForm->addRow(tr("Font size:"), m_fontSize);
    drawingForm->addRow(m_showWeights);
    drawingForm->addRow(tr("Weight decimals:"), m_decimals);
    drawingForm->addRow(m_showOpLabels);
    drawingForm->addRow(m_colorByOp);
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

    const std::pair<QString, QString> formats[] = {
        {tr("SVG (vector drawing)"), QStringLiteral("svg")},
        {tr("PDF (vector drawing)"), QStringLiteral("pdf")},
        {tr("PNG (bitmap)"), QStringLiteral("png")},
        {tr("Graphviz DOT source"), QStringLiteral("dot")},
        {tr("Genotype JSON"), QStringLiteral("json")},
        {tr("DARTS genotype text"), QStringLiteral("darts")},
    };
    for (const auto &[label, key] : formats)
        m_format->addItem(label, key);
    std::string whyNot;
    if (!toDartsText(m_genotype, &whyNot)) {
        auto *model = qobject_cast<QStandardItemModel *>(m_format->model());
        QStandardItem *item = model->item(m_format->findData(QStringLiteral("darts")));
        item->setEnabled(false);
        item->setToolTip(tr("Not available: %1").arg(QString::fromStdString(whyNot)));
    }
    m_dpi->setRange(36, 2400);
    m_dpi->setSingleStep(50);
    m_dpi->setValue(300);
    m_dpi->setSuffix(tr(" dpi"));
    m_path->setPlaceholderText(tr("File to write"));
    m_path->setClearButtonEnabled(true);
    m_path->setMinimumWidth(240);

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    auto *output = new QGroupBox(tr("Output"), this);
    auto *outputForm = new QFormLayout(output);
    outputForm->addRow(tr("Cells:"), m_cells);
    outputForm->addRow(tr("Format:"), m_format);
    outputForm->addRow(tr("PNG resolution:"), m_dpi);
    outputForm->addRow(tr("File:"), pathRow);

    auto *left = new QVBoxLayout;
    left->addWidget(m_drawing);
    left->addWidget(output);
    left->addStretch(1);

    auto *previewBox = new QGroupBox(tr("Preview"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    m_preview->setPlaceholderText(tr("Drawing the preview…"));
    m_preview->setMinimumSize(440, 340);
    previewLayout->addWidget(m_preview);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addWidget(previewBox, 1);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    m_problem->setWordWrap(true);
    QPalette warning = m_problem->palette();
    warning.setColor(QPalette::WindowText, QColor(178, 24, 43));
    m_problem->setPalette(warning);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_problem, 1);
    bottom->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addLayout(bottom);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &ExportDialog::requestPreview);

    setStyle(DotStyle());
    loadSettings();

    connect(m_font, &QFontComboBox::currentFontChanged, this, &ExportDialog::scheduleUpdate);
    connect(m_font, &QComboBox::editTextChanged, this, &ExportDialog::scheduleUpdate);
    connect(m_fontSize, &QDoubleSpinBox::valueChanged, this, &ExportDialog::scheduleUpdate);
    for (QCheckBox *box : {m_showWeights, m_showOpLabels, m_colorByOp, m_horizontal, m_showDead})
        connect(box, &QCheckBox::toggled, this, &ExportDialog::scheduleUpdate);
    connect(m_showWeights, &QCheckBox::toggled, m_decimals, &QWidget::setEnabled);
    connect(m_decimals, &QSpinBox::valueChanged, this, &ExportDialog::scheduleUpdate);
    for (QPushButton *button : {m_inputFill, m_nodeFill, m_outputFill})
        connect(button, &QPushButton::clicked, this, [this, button] { pickColor(button); });
    connect(m_cells, &QComboBox::currentIndexChanged, this, &ExportDialog::scheduleUpdate);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::validate);
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    formatChanged();
    scheduleUpdate();
}

ExportDialog::~ExportDialog() = default;

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
    const int index = m_format->findData(format);
    auto *model = qobject_cast<QStandardItemModel *>(m_format->model());
    if (index < 0 || !model->item(index)->isEnabled())
        return false;
    m_format->setCurrentIndex(index);
    return true;
}

bool ExportDialog::setCells(const QString &cells)
{
    const int index = m_cells->findData(cells);
    if (index < 0)
        return false;
    m_cells->setCurrentIndex(index);
    return true;
}

QString ExportDialog::format() const
{
    return m_format->currentData().toString();
}

QString ExportDialog::cells() const
{
    return m_cells->currentData().toString();
}

ExportRequest ExportDialog::request() const
{
    ExportRequest r;
    r.format = format();
    r.path = m_path->text().trimmed();
    r.dpi = m_dpi->value();
    r.style = style();
    r.cells = cells();
    r.dot = currentDot();
    return r;
}

QString ExportDialog::currentDot() const
{
    const DotStyle s = style();
    const QString which = cells();
    if (which == QLatin1String("both"))
        return QString::fromStdString(genotypeToDot(m_genotype, s));
    const CellGenotype *cell = m_genotype.cell(which.toStdString());
    if (!cell)
        return QString();
    return QString::fromStdString(cellToDot(*cell, s, weightsOf(m_weights, cell->type)));
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
    validate();
    m_debounce.start();
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

void ExportDialog::validate()
{
    QString problem;
    const QString path = m_path->text().trimmed();
    const QFileInfo info(path);
    auto *model = qobject_cast<QStandardItemModel *>(m_format->model());
    const int formatIndex = m_format->currentIndex();
    if (path.isEmpty()) {
        problem = tr("Choose a file to write.");
    } else if (info.isDir()) {
        problem = tr("%1 is a folder; choose a file name.").arg(QDir::toNativeSeparators(path));
    } else if (!info.absoluteDir().exists()) {
        problem =
            tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(info.absolutePath()));
    } else if (formatIndex >= 0 && !model->item(formatIndex)->isEnabled()) {
        problem = model->item(formatIndex)->toolTip();
    } else if (cells().isEmpty()) {
        problem = tr("The genotype has no cell to export.");
    }
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void ExportDialog::formatChanged()
{
    const QString key = format();
    m_dpi->setEnabled(key == QLatin1String("png"));
    // JSON and DARTS text hold the whole genotype and no drawing.
    const bool text = key == QLatin1String("json") || key == QLatin1String("darts");
    m_drawing->setEnabled(!text);
    m_cells->setEnabled(!text);
    // The path's suffix follows the format.
    const QString path = m_path->text().trimmed();
    if (!path.isEmpty() && !path.endsWith(u'/') && !QFileInfo(path).isDir()) {
        static const QStringList known = {QStringLiteral("svg"), QStringLiteral("pdf"),
                                          QStringLiteral("png"), QStringLiteral("dot"),
                                          QStringLiteral("gv"),  QStringLiteral("json"),
                                          QStringLiteral("txt"), QStringLiteral("py")};
        const QString suffix = QFileInfo(path).suffix();
        QString base = path;
        if (known.contains(suffix.toLower()))
            base.chop(suffix.size() + 1);
        const QString wanted = base + u'.' + suffixFor(key);
        if (wanted != path)
            m_path->setText(wanted);
    }
    validate();
}

void ExportDialog::browse()
{
    const QString key = format();
    const QString suffix = suffixFor(key);
    QString start = m_path->text().trimmed();
    if (start.isEmpty())
        start = QDir::home().filePath(QStringLiteral("cell.") + suffix);
    const QString filter = tr("%1 (*.%2)").arg(m_format->currentText(), suffix) +
                           QStringLiteral(";;") + tr("All files (*)");
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
    setCells(settings.value(QStringLiteral("cells")).toString());
    setFormat(settings.value(QStringLiteral("format"), QStringLiteral("svg")).toString());
    m_dpi->setValue(settings.value(QStringLiteral("dpi"), 300).toInt());
    const QString lastPath = settings.value(QStringLiteral("path")).toString();
    if (!lastPath.isEmpty() && QFileInfo(lastPath).absoluteDir().exists()) {
        m_path->setText(lastPath);
        formatChanged();
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
    settings.setValue(QStringLiteral("cells"), cells());
    settings.setValue(QStringLiteral("format"), format());
    settings.setValue(QStringLiteral("dpi"), m_dpi->value());
    settings.setValue(QStringLiteral("path"), m_path->text().trimmed());
}

void ExportDialog::accept()
{
    validate();
    if (!problem().isEmpty())
        return;
    saveSettings();
    QDialog::accept();
}

} // namespace sparsenas
