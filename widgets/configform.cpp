// SPDX-License-Identifier: MIT
#include "configform.h"

#include "sparsenas/base/config.h"
#include "sparsenas/base/names.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QVBoxLayout>

using nlohmann::json;

namespace sparsenas {

namespace {

// Fields holding whole numbers; every other number field is a double.
/// The choices of an enum setting: the names of its one table (sparsenas/base/names.h).
template <typename E>
QStringList choicesOf()
{
    QStringList out;
    for (const std::string &name : namesOf<E>())
        out << QString::fromStdString(name);
    return out;
}

const QStringList &integerPaths()
{
    static const QStringList paths = {QStringLiteral("dataset.limit"),
                                      QStringLiteral("space.channels"),
                                      QStringLiteral("space.layers"),
                                      QStringLiteral("space.nodes"),
                                      QStringLiteral("language_model.hidden"),
                                      QStringLiteral("language_model.bptt"),
                                      QStringLiteral("search.epochs"),
                                      QStringLiteral("search.batch_size"),
                                      QStringLiteral("search.seed"),
                                      QStringLiteral("search.threads"),
                                      QStringLiteral("search.freeze_zero_epochs")};
    return paths;
}

const json *lookup(const json &j, const QString &path)
{
    const json *cur = &j;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        const std::string key = part.toStdString();
        if (!cur->is_object() || !cur->contains(key))
            return nullptr;
        cur = &(*cur)[key];
    }
    return cur;
}

void assign(json &j, const QString &path, json value)
{
    json *cur = &j;
    const QStringList parts = path.split(QLatin1Char('.'));
    for (int i = 0; i + 1 < parts.size(); ++i) {
        json &next = (*cur)[parts[i].toStdString()];
        if (!next.is_object())
            next = json::object();
        cur = &next;
    }
    (*cur)[parts.back().toStdString()] = std::move(value);
}

QString display(const json &v)
{
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>());
    if (v.is_number_integer() || v.is_number_unsigned())
        return QString::number(v.get<qlonglong>());
    if (v.is_number())
        return QString::number(v.get<double>(), 'g', 10);
    if (v.is_boolean())
        return v.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromStdString(v.dump());
}

// The typed text as JSON: a number where it parses as one, else the text itself, so that the
// validator names the field ("must be a number, got \"0.o5\"").
json parseNumber(const QString &text, bool integer)
{
    const QString t = text.trimmed();
    bool ok = false;
    if (integer) {
        const qlonglong v = t.toLongLong(&ok);
        if (ok)
            return json(v);
    }
    const double d = t.toDouble(&ok);
    if (ok)
        return integer && d == double(qlonglong(d)) ? json(qlonglong(d)) : json(d);
    return json(t.toStdString());
}

} // namespace

ConfigForm::ConfigForm(QWidget *parent) : QWidget(parent)
{
    build();
    loadPreset(QStringLiteral("digits-quick"));
}

void ConfigForm::build()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    auto *presetRow = new QHBoxLayout;
    presetRow->addWidget(new QLabel(tr("Preset:"), this));
    m_preset = new QComboBox(this);
    for (const std::string &name : presetNames())
        m_preset->addItem(QString::fromStdString(name));
    m_preset->setToolTip(tr("Load a shipped configuration; edits below start from it"));
    presetRow->addWidget(m_preset, 1);
    outer->addLayout(presetRow);
    connect(m_preset, &QComboBox::activated, this,
            [this](int index) { loadPreset(m_preset->itemText(index)); });

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *column = new QVBoxLayout(content);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);

    auto group = [&](const QString &title) {
        auto *box = new QGroupBox(title, content);
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        // A long label (German) puts its field on the next line rather than widen the dock.
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
        column->addWidget(box);
        return form;
    };

    QFormLayout *run = group(tr("Run"));
    m_name = new QLineEdit(this);
    m_name->setToolTip(tr("Name of the run, written into its config.json"));
    m_fields.insert(QStringLiteral("name"), m_name);
    connect(m_name, &QLineEdit::textEdited, this, &ConfigForm::validate);
    run->addRow(tr("Name"), m_name);

    QFormLayout *data = group(tr("Data"));
    data->addRow(tr("Data set"),
                 addChoice(QStringLiteral("dataset.name"), choicesOf<DatasetKind>(),
                           tr("digits and devils-dictionary (a text, for the recurrent "
                              "space) are embedded in the program; the others are read from "
                              "a folder")));
    auto *pathRow = new QHBoxLayout;
    m_dataPath = new QLineEdit(this);
    m_dataPath->setPlaceholderText(tr("default location"));
    m_dataPath->setToolTip(tr("Folder of the data files; empty: the embedded digits or "
                              "/usr/share/datasets/fashion-mnist"));
    m_fields.insert(QStringLiteral("dataset.path"), m_dataPath);
    connect(m_dataPath, &QLineEdit::textEdited, this, &ConfigForm::validate);
    auto *browse = new QPushButton(tr("Browse…"), this);
    m_browse = browse;
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Data folder"), m_dataPath->text());
        if (!dir.isEmpty()) {
            m_dataPath->setText(dir);
            validate();
        }
    });
    pathRow->addWidget(m_dataPath, 1);
    pathRow->addWidget(browse);
    data->addRow(tr("Folder"), pathRow);
    data->addRow(tr("Image limit"), addNumber(QStringLiteral("dataset.limit"),
                                              tr("Use only the first N training images (0: all)")));

    QFormLayout *space = group(tr("Search space"));
    m_spaceForm = space;
    space->addRow(tr("Space"),
                  addChoice(QStringLiteral("space.kind"), choicesOf<SpaceKind>(),
                            tr("cnn: DARTS's convolutional cell on images; rnn: its recurrent "
                               "cell on a text corpus (a language model)")));
    connect(qobject_cast<QComboBox *>(m_fields.value(QStringLiteral("space.kind"))),
            &QComboBox::currentTextChanged, this, [this](const QString &kind) {
                if (m_loading || kind == m_opsKind)
                    return;
                // Another space: its own operations, all of them, and its node count.
                fillOps(kind);
                auto *nodes =
                    qobject_cast<QLineEdit *>(m_fields.value(QStringLiteral("space.nodes")));
                nodes->setText(kind == QLatin1String("rnn") ? QStringLiteral("8")
                                                            : QStringLiteral("4"));
                updateEnabled();
                validate();
            });
    space->addRow(tr("Channels C"), addNumber(QStringLiteral("space.channels"),
                                              tr("Initial channels of the supernet")));
    space->addRow(tr("Cells"), addNumber(QStringLiteral("space.layers"),
                                         tr("Stacked cells; reduction cells at 1/3 and 2/3")));
    space->addRow(tr("Nodes per cell"), addNumber(QStringLiteral("space.nodes"),
                                                  tr("Intermediate nodes N of each cell")));
    m_ops = new QListWidget(this);
    m_ops->setToolTip(tr("Candidate operations on every edge"));
    fillOps(QStringLiteral("cnn"));
    m_ops->setMaximumHeight(m_ops->sizeHintForRow(0) * 8 + 2 * m_ops->frameWidth() + 4);
    m_fields.insert(QStringLiteral("space.ops"), m_ops);
    connect(m_ops, &QListWidget::itemChanged, this, [this] {
        if (!m_loading)
            validate();
    });
    space->addRow(tr("Operations"), m_ops);

    QFormLayout *lm = group(tr("Language model (recurrent space)"));
    m_languageModel = lm->parentWidget();
    lm->addRow(tr("Hidden size"),
               addNumber(QStringLiteral("language_model.hidden"),
                         tr("Embedding and hidden size alike (the decoder shares the "
                            "embedding's weights)")));
    lm->addRow(tr("Steps per batch"),
               addNumber(QStringLiteral("language_model.bptt"),
                         tr("Time steps of truncated backpropagation (bptt)")));
    lm->addRow(tr("Output dropout"), addNumber(QStringLiteral("language_model.dropout"),
                                               tr("On the cell's outputs, before the decoder")));
    lm->addRow(tr("State dropout"),
               addNumber(QStringLiteral("language_model.dropout_hidden"),
                         tr("On every state a node reads (DARTS's dropouth)")));
    lm->addRow(tr("Input dropout"), addNumber(QStringLiteral("language_model.dropout_x"),
                                              tr("On x_t into the first state (dropoutx)")));
    lm->addRow(tr("Embedding dropout"), addNumber(QStringLiteral("language_model.dropout_input"),
                                                  tr("On the embeddings (dropouti)")));
    lm->addRow(tr("Word dropout"), addNumber(QStringLiteral("language_model.dropout_words"),
                                             tr("Whole words of the embedding matrix (dropoute)")));
    lm->addRow(tr("AR"), addNumber(QStringLiteral("language_model.activation_reg"),
                                   tr("Activation regularisation: alpha * mean(output^2)")));
    lm->addRow(tr("TAR"),
               addNumber(QStringLiteral("language_model.temporal_reg"),
                         tr("Temporal activation regularisation: beta * mean((h_t - h_{t-1})^2)")));

    QFormLayout *arch = group(tr("Architecture weights (sparse)"));
    arch->addRow(tr("Optimizer"),
                 addChoice(QStringLiteral("arch.optimizer"), choicesOf<ArchOptimizerKind>(),
                           tr("HAPG and AdamHAPG give exact zeros; SGD and Adam use the "
                              "penalty's subgradient (the ablation's baselines)")));
    arch->addRow(tr("Penalty"), addChoice(QStringLiteral("arch.penalty"), choicesOf<PenaltyKind>(),
                                          tr("Sparse Group Lasso, Lasso (alpha = 1) or Group Lasso "
                                             "(alpha = 0)")));
    arch->addRow(tr("Alpha"), addNumber(QStringLiteral("arch.alpha"),
                                        tr("Share of the L1 term in the SGL penalty, in [0, 1]")));
    arch->addRow(tr("Lambda start"), addNumber(QStringLiteral("arch.lambda_start"),
                                               tr("Penalty strength in the first epoch")));
    arch->addRow(tr("Lambda step"), addNumber(QStringLiteral("arch.lambda_step"),
                                              tr("Added to lambda at every new epoch")));
    arch->addRow(tr("Lambda cap"),
                 addNumber(QStringLiteral("arch.lambda_max"), tr("Lambda never grows past this")));
    arch->addRow(tr("Learning rate"), addNumber(QStringLiteral("arch.lr"),
                                                tr("Step size of the architecture optimizer")));

    QFormLayout *weights = group(tr("Network weights"));
    weights->addRow(tr("Learning rate"),
                    addNumber(QStringLiteral("weights.lr"),
                              tr("SGD learning rate, cosine-annealed to the minimum")));
    weights->addRow(tr("Minimum rate"), addNumber(QStringLiteral("weights.lr_min"),
                                                  tr("Learning rate at the last epoch")));

    QFormLayout *search = group(tr("Search"));
    search->addRow(tr("Epochs"), addNumber(QStringLiteral("search.epochs"), tr("Search epochs")));
    search->addRow(tr("Batch size"), addNumber(QStringLiteral("search.batch_size"),
                                               tr("Images per step, for each split")));
    search->addRow(tr("Order"), addChoice(QStringLiteral("search.order"), choicesOf<SearchOrder>(),
                                          tr("First order, or second order by finite differences "
                                             "(paper Eq. 13)")));
    search->addRow(tr("Seed"), addNumber(QStringLiteral("search.seed"),
                                         tr("Seeds the split, the batches and the weights")));
    search->addRow(tr("Device"), addChoice(QStringLiteral("search.device"), choicesOf<DeviceKind>(),
                                           tr("cuda needs a LibTorch built with CUDA")));
    search->addRow(tr("Threads"),
                   addNumber(QStringLiteral("search.threads"), tr("CPU threads (0: all cores)")));
    search->addRow(tr("Freeze dead ops after"),
                   addNumber(QStringLiteral("search.freeze_zero_epochs"),
                             tr("Epochs an operation's weight must stay exactly zero before it is "
                                "frozen: never computed again, its weight pinned at zero. 0 "
                                "never freezes. Faster, but not the paper's algorithm "
                                "(docs/method.md)")));
    column->addStretch(1);
    // As wide as the fields need: a narrower dock would hide them behind a horizontal scroll
    // bar. Only the height scrolls.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(content->minimumSizeHint().width() +
                            scroll->verticalScrollBar()->sizeHint().width() +
                            2 * scroll->frameWidth());

    m_problemLabel = new QLabel(this);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_problemLabel);
    setCudaAvailable(false);
}

QLineEdit *ConfigForm::addNumber(const QString &path, const QString &toolTip)
{
    auto *edit = new QLineEdit(this);
    edit->setToolTip(toolTip);
    edit->setObjectName(path);
    m_fields.insert(path, edit);
    connect(edit, &QLineEdit::textEdited, this, &ConfigForm::validate);
    return edit;
}

QComboBox *ConfigForm::addChoice(const QString &path, const QStringList &values,
                                 const QString &toolTip)
{
    auto *combo = new QComboBox(this);
    combo->addItems(values);
    combo->setToolTip(toolTip);
    combo->setObjectName(path);
    m_fields.insert(path, combo);
    connect(combo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading) {
            updateEnabled();
            validate();
        }
    });
    return combo;
}

void ConfigForm::setCudaAvailable(bool available)
{
    auto *device = qobject_cast<QComboBox *>(m_fields.value(QStringLiteral("search.device")));
    const int cuda = device->findText(QString::fromStdString(nameOf(DeviceKind::Cuda)));
    if (auto *model = qobject_cast<QStandardItemModel *>(device->model())) {
        if (QStandardItem *item = model->item(cuda))
            item->setEnabled(available);
    }
    device->setItemData(cuda,
                        available ? QString()
                                  : tr("This LibTorch has no CUDA device; the search runs on "
                                       "the CPU"),
                        Qt::ToolTipRole);
}

void ConfigForm::loadPreset(const QString &name)
{
    try {
        const RunConfig config = presetConfig(name.toStdString());
        setConfigJson(toJson(config));
        const int index = m_preset->findText(name);
        if (index >= 0)
            m_preset->setCurrentIndex(index);
    } catch (const std::exception &e) {
        m_problems = {QString::fromStdString(e.what())};
        m_problemLabel->setText(m_problems.join(QLatin1Char('\n')));
    }
}

void ConfigForm::setConfigJson(const json &config)
{
    m_loading = true;
    // Missing fields show their defaults: the resolved config when it is valid (an optimizer's
    // own learning-rate default included), else the defaults with the given fields over them
    // (the form then lists what is wrong).
    try {
        m_base = toJson(configFromJson(config));
    } catch (const std::exception &) {
        m_base = toJson(RunConfig{});
        if (config.is_object())
            m_base.merge_patch(config);
    }
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const json *v = lookup(m_base, it.key());
        if (auto *edit = qobject_cast<QLineEdit *>(it.value())) {
            edit->setText(v ? display(*v) : QString());
        } else if (auto *combo = qobject_cast<QComboBox *>(it.value())) {
            if (v && v->is_string()) {
                const int index = combo->findText(display(*v));
                if (index >= 0)
                    combo->setCurrentIndex(index);
            }
        }
    }
    const json *kind = lookup(m_base, QStringLiteral("space.kind"));
    fillOps(kind && kind->is_string() ? display(*kind) : QStringLiteral("cnn"));
    const json *ops = lookup(m_base, QStringLiteral("space.ops"));
    for (int i = 0; i < m_ops->count(); ++i) {
        bool on = ops == nullptr; // absent: all DARTS ops
        if (ops && ops->is_array()) {
            for (const json &o : *ops)
                on = on || (o.is_string() && display(o) == m_ops->item(i)->text());
        }
        m_ops->item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    m_loading = false;
    updateEnabled();
    validate();
}

json ConfigForm::configJson() const
{
    json out = m_base;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString &path = it.key();
        if (auto *edit = qobject_cast<QLineEdit *>(it.value())) {
            if (path == QLatin1String("name") || path == QLatin1String("dataset.path"))
                assign(out, path, edit->text().trimmed().toStdString());
            else
                assign(out, path, parseNumber(edit->text(), integerPaths().contains(path)));
        } else if (auto *combo = qobject_cast<QComboBox *>(it.value())) {
            assign(out, path, combo->currentText().toStdString());
        }
    }
    json ops = json::array();
    for (int i = 0; i < m_ops->count(); ++i) {
        if (m_ops->item(i)->checkState() == Qt::Checked)
            ops.push_back(m_ops->item(i)->text().toStdString());
    }
    assign(out, QStringLiteral("space.ops"), ops);
    return out;
}

void ConfigForm::validate()
{
    if (m_loading)
        return;
    m_problems.clear();
    for (const std::string &p : validateConfig(configJson()))
        m_problems << QString::fromStdString(p);

    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        QStringList mine;
        for (const QString &p : m_problems) {
            const QString where = p.section(QLatin1Char(':'), 0, 0);
            if (where == it.key() || where.startsWith(it.key() + QLatin1Char('[')) ||
                where.startsWith(it.key() + QLatin1Char('.')))
                mine << p;
        }
        QWidget *w = it.value();
        w->setStyleSheet(mine.isEmpty() ? QString() : QStringLiteral("border: 1px solid #d62728;"));
        w->setProperty("problem", mine.join(QLatin1Char('\n')));
        if (!w->property("help").isValid())
            w->setProperty("help", w->toolTip());
        const QString help = w->property("help").toString();
        w->setToolTip(
            mine.isEmpty() ? help : mine.join(QLatin1Char('\n')) + QStringLiteral("\n\n") + help);
    }
    if (m_problems.isEmpty()) {
        m_problemLabel->setText(tr("Configuration is valid."));
        m_problemLabel->setStyleSheet(QStringLiteral("color: #2ca02c;"));
    } else {
        const QString head = m_problems.size() == 1 ? tr("1 problem:")
                                                    : tr("%1 problems:").arg(m_problems.size());
        m_problemLabel->setText(head + QLatin1Char('\n') + m_problems.join(QLatin1Char('\n')));
        m_problemLabel->setStyleSheet(QStringLiteral("color: #d62728;"));
    }
    const bool valid = m_problems.isEmpty();
    if (valid != m_lastValid) {
        m_lastValid = valid;
        Q_EMIT validityChanged(valid);
    }
    Q_EMIT configEdited();
}

void ConfigForm::updateEnabled()
{
    // Lasso and Group Lasso fix alpha (1 and 0): the field would have no effect.
    auto *penalty = qobject_cast<QComboBox *>(m_fields.value(QStringLiteral("arch.penalty")));
    m_fields.value(QStringLiteral("arch.alpha"))
        ->setEnabled(penalty->currentText().toStdString() == nameOf(PenaltyKind::SparseGroupLasso));
    auto *dataset = qobject_cast<QComboBox *>(m_fields.value(QStringLiteral("dataset.name")));
    const auto data = parseName<DatasetKind>(dataset->currentText().toStdString());
    m_dataPath->setEnabled(data != DatasetKind::Digits && data != DatasetKind::DevilsDictionary);
    // Rows and groups that mean nothing for the space chosen are hidden, not greyed out.
    auto *kind = qobject_cast<QComboBox *>(m_fields.value(QStringLiteral("space.kind")));
    const bool rnn = kind->currentText().toStdString() == nameOf(SpaceKind::Rnn);
    m_spaceForm->setRowVisible(m_fields.value(QStringLiteral("space.channels")), !rnn);
    m_spaceForm->setRowVisible(m_fields.value(QStringLiteral("space.layers")), !rnn);
    m_languageModel->setVisible(rnn);
}

void ConfigForm::fillOps(const QString &kind)
{
    if (kind == m_opsKind)
        return;
    m_opsKind = kind;
    const bool loading = m_loading;
    m_loading = true; // itemChanged must not validate a half-filled list
    m_ops->clear();
    const auto space = parseName<SpaceKind>(kind.toStdString()).value_or(SpaceKind::Cnn);
    for (const std::string &op : opsOf(space)) {
        auto *item = new QListWidgetItem(QString::fromStdString(op), m_ops);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_loading = loading;
}

void ConfigForm::setEditable(bool editable)
{
    m_preset->setEnabled(editable);
    m_browse->setEnabled(editable);
    for (QWidget *w : std::as_const(m_fields))
        w->setEnabled(editable);
    if (editable)
        updateEnabled();
}

} // namespace sparsenas
