// SPDX-License-Identifier: MIT
#pragma once

// The run-configuration form: every setting a researcher changes between searches, validated as
// they type by the same validator the engine uses (sparsenas::validateConfig), with each wrong
// field marked and every problem listed by name. Settings the form does not show (checkpoint
// cadence, Adam betas, ...) are kept from the loaded config untouched.

#include <nlohmann/json.hpp>

#include <QHash>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QFormLayout;
class QListWidget;

namespace sparsenas {

class ConfigForm : public QWidget
{
    Q_OBJECT

public:
    explicit ConfigForm(QWidget *parent = nullptr);

    /// Fills the form from a (resolved or partial) config; unknown fields stay in the JSON.
    void setConfigJson(const nlohmann::json &config);
    /// The loaded config with the form's values written over it.
    nlohmann::json configJson() const;
    /// Loads a shipped preset by name (digits-quick, fashion-mnist, cifar10-paper).
    void loadPreset(const QString &name);

    /// One line per problem ("arch.alpha: must be in [0, 1], got 1.5"); empty when valid.
    QStringList problems() const { return m_problems; }
    bool isValid() const { return m_problems.isEmpty(); }
    /// Whether the device choice "cuda" is offered (the studio knows what LibTorch has).
    void setCudaAvailable(bool available);
    /// The editor of the field at a JSON path ("arch.alpha"), for tests and focus.
    QWidget *fieldEditor(const QString &path) const { return m_fields.value(path); }
    /// Read-only while a search runs.
    void setEditable(bool editable);

Q_SIGNALS:
    void validityChanged(bool valid);
    /// Any edit (after validation).
    void configEdited();

private:
    void build();
    QLineEdit *addNumber(const QString &path, const QString &toolTip);
    QComboBox *addChoice(const QString &path, const QStringList &values, const QString &toolTip);
    void validate();
    void updateEnabled();
    /// The operation list of the space `kind` ("cnn", "rnn"), every one checked.
    void fillOps(const QString &kind);

    nlohmann::json m_base = nlohmann::json::object();
    QHash<QString, QWidget *> m_fields; ///< JSON path -> editor
    QStringList m_problems;
    QComboBox *m_preset = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_dataPath = nullptr;
    QWidget *m_browse = nullptr;
    QListWidget *m_ops = nullptr;
    QString m_opsKind;                  ///< the space whose operations m_ops lists
    QFormLayout *m_spaceForm = nullptr; ///< rows shown for one space kind only
    QWidget *m_languageModel = nullptr; ///< the group of the recurrent space's settings
    QLabel *m_problemLabel = nullptr;
    bool m_loading = false;
    bool m_lastValid = true;
};

} // namespace sparsenas
