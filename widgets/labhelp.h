// SPDX-License-Identifier: MIT
#pragma once

// Help ▸ Sparsity explained: the teaching lab's help page. The equations of the paper that the
// lab shows (Eq. 3, 5, 6, 9, 10), rendered as HTML with Unicode mathematics (no network, no
// MathJax), and what alpha trades, why proximal steps give exact zeros and SGD does not, what a
// dead node is, and why a removed node may come back under AdamHAPG.

#include <QDialog>

class QTextBrowser;

namespace sparsenas {

class LabHelpDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LabHelpDialog(QWidget *parent = nullptr);

    /// The page as HTML, in the interface's language.
    static QString html();
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser = nullptr;
};

} // namespace sparsenas
