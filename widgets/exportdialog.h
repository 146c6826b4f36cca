// SPDX-License-Identifier: MIT
#pragma once

// "Export cell for paper": edits a DotStyle (and the studio's CellDrawing options) with a live
// preview, and asks for the formats and a file name. The dialog writes nothing and never calls
// Graphviz: the preview is drawn by the studio's renderer thread (previewRequested /
// showPreview), and the caller carries out requests() when exportRequested is emitted. The
// dialog stays open after an export (showExportResult says what was written), so several
// formats, cells or styles can be written one after the other; several formats at once write one
// file each, the same name with each format's suffix.

#include "cellgraphview.h"

#include "sparsenas/base/genotype.h"

#include <QColor>
#include <QDialog>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFontComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace sparsenas {

class SvgView;

/// One file the user asked the export dialog for.
struct ExportRequest
{
    /// "svg", "pdf", "png", "dot", "json" (genotype JSON), "darts" (DARTS's flat pair list),
    /// "ptdarts" (pt.darts's per-node lists)
    QString format;
    QString path;     ///< the file to write
    double dpi = 300; ///< PNG resolution (graph dpi); meaningful for "png" only
    DotStyle style;   ///< the drawing style chosen
    CellDrawing drawing;
    QString cells; ///< "normal", "reduce" or "both" (one drawing, genotypeToDot)
    QString dot;   ///< the DOT to render for the graphical formats (and to write for "dot")
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

    /// The first chosen format's request (see requests()).
    ExportRequest request() const;
    /// One request per chosen format, in the order of the format list.
    std::vector<ExportRequest> requests() const;
    /// The style as the form shows it.
    DotStyle style() const;
    /// The drawing options as the form shows them.
    CellDrawing drawing() const;
    /// Puts `style` into the form (a preview follows).
    void setStyle(const DotStyle &style);
    /// Sets the file path field. A suffix that names a format not chosen is a problem (the
    /// Export button is disabled and the dialog offers the name with the right suffix).
    void setPath(const QString &path);
    /// Chooses exactly one format by key ("svg", "pdf", ...); returns false when it is unknown
    /// or not available (DARTS text for a cell that does not fit). The path's suffix follows.
    bool setFormat(const QString &format);
    /// Chooses these formats (any number); false, choosing nothing, if one is unknown or not
    /// available.
    bool setFormats(const QStringList &formats);
    /// The chosen formats, in the order of the format list.
    QStringList formats() const;
    /// Whether `format` can be chosen, and if not, why (translated).
    bool isAvailable(const QString &format, QString *whyNot = nullptr) const;
    /// Selects "normal", "reduce" or "both"; false if not offered.
    bool setCells(const QString &cells);

    /// Why the Export button is disabled (empty while it is enabled).
    QString problem() const;
    /// The SVG of the preview shown (empty before the first answer or after an error).
    QByteArray previewSvg() const;

    /// Restores the style, cells, formats and resolution from QSettings (group "export").
    void loadSettings();
    /// Stores them (done on each export).
    void saveSettings() const;

    /// File suffix (without dot) for a format key: "svg", "pdf", "png", "dot", "json", "txt".
    static QString suffixFor(const QString &format);

public Q_SLOTS:
    /// The renderer's answer to previewRequested; results for older ids are dropped.
    void showPreview(quint64 requestId, const QByteArray &svg, const QString &error);
    /// What the export of requests() came to, shown under the form (an error in red).
    void showExportResult(bool ok, const QString &message);
    /// Checks the form and emits exportRequested; the dialog stays open.
    void exportNow();
    /// Exports (as exportNow) and closes the dialog.
    void accept() override;

Q_SIGNALS:
    /// Asks the renderer thread for an SVG of `dot`; answer with showPreview(requestId, ...).
    /// Emitted ~150 ms after the last change of the form, only when the DOT changed.
    void previewRequested(quint64 requestId, const QString &dot);
    /// The user asked for requests() to be written; answer with showExportResult.
    void exportRequested();

private:
    QString currentDot() const;
    QString cells() const;
    QString pathFor(const QString &format) const;
    QString stem() const;
    void scheduleUpdate();
    void requestPreview();
    void validate();
    void formatsChanged();
    void updateDecimalsNote();
    void browse();
    void pickColor(QPushButton *button);
    void setButtonColor(QPushButton *button, const QColor &color);

    Genotype m_genotype;
    std::vector<CellWeights> m_weights;

    QFontComboBox *m_font;
    QDoubleSpinBox *m_fontSize;
    QCheckBox *m_showWeights;
    QSpinBox *m_decimals;
    QLabel *m_decimalsNote;
    QCheckBox *m_showOpLabels;
    QCheckBox *m_colorByOp;
    QCheckBox *m_monochrome;
    QCheckBox *m_legend;
    QCheckBox *m_merge;
    QCheckBox *m_horizontal;
    QPushButton *m_inputFill;
    QPushButton *m_nodeFill;
    QPushButton *m_outputFill;
    QCheckBox *m_showDead;
    QGroupBox *m_drawing;
    QComboBox *m_cells;
    std::vector<std::pair<QString, QCheckBox *>> m_formats; ///< key, its check box
    QLabel *m_formatNote;
    QSpinBox *m_dpi;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QLabel *m_targets;
    QPushButton *m_fixSuffix;
    QLabel *m_problem;
    QLabel *m_result;
    QPushButton *m_export;
    QPushButton *m_close;
    SvgView *m_preview;

    QTimer m_debounce;
    QString m_lastPreviewDot;
    quint64 m_nextRequest = 0;
    quint64 m_newestRequest = 0;
    DotStyle m_hiddenStyle; ///< fields the form does not edit (edge colour, highlight)
};

} // namespace sparsenas
