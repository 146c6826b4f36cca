// SPDX-License-Identifier: MIT
#pragma once

// "Export cell for paper": edits a DotStyle with a live preview and asks for a format and a
// file. The dialog writes nothing and never calls Graphviz: the preview is drawn by the studio's
// renderer thread (previewRequested / showPreview), and the caller carries out request().

#include "sparsenas/base/genotype.h"

#include <QColor>
#include <QDialog>
#include <QString>
#include <QTimer>

#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFontComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace sparsenas {

class SvgView;

/// What the user asked the export dialog for.
struct ExportRequest
{
    QString format;   ///< "svg", "pdf", "png", "dot", "json" (genotype JSON), "darts" (text)
    QString path;     ///< the file to write
    double dpi = 300; ///< PNG resolution (graph dpi); meaningful for "png" only
    DotStyle style;   ///< the drawing style chosen
    QString cells;    ///< "normal", "reduce" or "both" (one drawing, genotypeToDot)
    QString dot;      ///< the DOT to render for the graphical formats (and to write for "dot")
};

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    /// `genotype`: the cells to export; `weights`: the supernet weights they were derived from
    /// (for "show removed nodes", matched by cell type; may be empty). Loads the last style
    /// from the settings; the first preview is requested once the event loop runs.
    ExportDialog(const Genotype &genotype, const std::vector<CellWeights> &weights,
                 QWidget *parent = nullptr);
    ~ExportDialog() override;

    /// The chosen format, file, resolution, style and cells, with the DOT to render.
    ExportRequest request() const;
    /// The style as the form shows it.
    DotStyle style() const;
    /// Puts `style` into the form (a preview follows).
    void setStyle(const DotStyle &style);
    /// Sets the file path field (its suffix is not changed).
    void setPath(const QString &path);
    /// Selects a format by key ("svg", "pdf", ...); returns false when it is unknown or disabled
    /// (DARTS text for a cell that does not fit). The path's suffix follows the format.
    bool setFormat(const QString &format);
    /// Selects "normal", "reduce" or "both"; false if not offered.
    bool setCells(const QString &cells);

    /// Why the OK button is disabled (empty while it is enabled).
    QString problem() const;
    /// The SVG of the preview shown (empty before the first answer or after an error).
    QByteArray previewSvg() const;

    /// Restores the style, cells, format and resolution from QSettings (group "export").
    void loadSettings();
    /// Stores them (done on accept()).
    void saveSettings() const;

    /// File suffix (without dot) for a format key: "svg", "pdf", "png", "dot", "json", "txt".
    static QString suffixFor(const QString &format);

public Q_SLOTS:
    /// The renderer's answer to previewRequested; results for older ids are dropped.
    void showPreview(quint64 requestId, const QByteArray &svg, const QString &error);
    void accept() override;

Q_SIGNALS:
    /// Asks the renderer thread for an SVG of `dot`; answer with showPreview(requestId, ...).
    /// Emitted ~150 ms after the last change of the form, only when the DOT changed.
    void previewRequested(quint64 requestId, const QString &dot);

private:
    QString currentDot() const;
    QString format() const;
    QString cells() const;
    void scheduleUpdate();
    void requestPreview();
    void validate();
    void formatChanged();
    void browse();
    void pickColor(QPushButton *button);
    void setButtonColor(QPushButton *button, const QColor &color);

    Genotype m_genotype;
    std::vector<CellWeights> m_weights;

    QFontComboBox *m_font;
    QDoubleSpinBox *m_fontSize;
    QCheckBox *m_showWeights;
    QSpinBox *m_decimals;
    QCheckBox *m_showOpLabels;
    QCheckBox *m_colorByOp;
    QCheckBox *m_horizontal;
    QPushButton *m_inputFill;
    QPushButton *m_nodeFill;
    QPushButton *m_outputFill;
    QCheckBox *m_showDead;
    QGroupBox *m_drawing;
    QComboBox *m_cells;
    QComboBox *m_format;
    QSpinBox *m_dpi;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    SvgView *m_preview;

    QTimer m_debounce;
    QString m_lastPreviewDot;
    quint64 m_nextRequest = 0;
    quint64 m_newestRequest = 0;
    DotStyle m_hiddenStyle; ///< fields the form does not edit (edge colour, highlight)
};

} // namespace sparsenas
