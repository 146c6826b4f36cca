// SPDX-License-Identifier: MIT
#include "labhelp.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sparsenas {

namespace {

/// An equation, centred, with its number on the right. The mathematics is not translated.
QString equation(const QString &math, const QString &number)
{
    return QStringLiteral("<table width=\"100%\" cellpadding=\"4\"><tr>"
                          "<td align=\"center\" style=\"font-family: 'DejaVu Serif', serif; "
                          "font-size: large;\">%1</td>"
                          "<td align=\"right\" width=\"12%\">(%2)</td></tr></table>")
        .arg(math, number);
}

QString heading(const QString &text)
{
    return QStringLiteral("<h3>%1</h3>").arg(text.toHtmlEscaped());
}

QString paragraph(const QString &text)
{
    return QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
}

} // namespace

LabHelpDialog::LabHelpDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Sparsity explained"));
    m_browser = new QTextBrowser(this);
    m_browser->setOpenLinks(false);
    m_browser->setHtml(html());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(760, 640);
}

QString LabHelpDialog::html()
{
    QString h = QStringLiteral("<html><body>");
    h += QStringLiteral("<h2>%1</h2>").arg(tr("Sparsity explained").toHtmlEscaped());
    h += paragraph(tr("The search makes the architecture weights A sparse: a weight that is "
                      "exactly zero removes its operation from the cell. These are the equations "
                      "of the paper that the teaching lab shows, computed by the same functions "
                      "the search runs."));

    h += heading(tr("The penalty and what α trades"));
    h += equation(QStringLiteral("Ω(A) = λ α ‖A‖<sub>1</sub> + λ (1 − α) "
                                 "Σ<sub>n</sub> √|g<sub>n</sub>| ‖A<sub>(n)</sub>‖<sub>2</sub>"),
                  QStringLiteral("3"));
    h += paragraph(tr("λ sets how strong the penalty is. α shares it between the two parts. "
                      "The first part (Lasso, α = 1) acts on each weight alone and removes single "
                      "paths. The second part (Group Lasso, α = 0) acts on whole groups, here all "
                      "the weights into one node, and removes a group at once or keeps all of it. "
                      "In between, the Sparse Group Lasso removes whole nodes and, inside the "
                      "nodes that stay, single paths. The factor √|g| makes large groups pay for "
                      "their size."));
    h += paragraph(tr("In the lab's 2-D picture, one group of two weights, the unit ball of Ω "
                      "is α‖x‖₁ + (1 − α)√2‖x‖₂ = 1: the Lasso's diamond at α = 1, the Group "
                      "Lasso's circle of radius 1/√2 at α = 0, and a rounded diamond in between. "
                      "Its corners on the axes are why single weights become zero."));

    h += heading(tr("One proximal step"));
    h += equation(QStringLiteral("z = A − η ∇L(A)"), QStringLiteral("6"));
    h += equation(QStringLiteral("S(z)<sub>i</sub> = sgn(z<sub>i</sub>) "
                                 "(|z<sub>i</sub>| − η λ α)<sub>+</sub>"),
                  QStringLiteral("9"));
    h += equation(QStringLiteral("G(u)<sub>(n)</sub> = (1 − η λ (1 − α) √|g<sub>n</sub>| / "
                                 "‖u<sub>(n)</sub>‖<sub>2</sub>)<sub>+</sub> u<sub>(n)</sub>"),
                  QStringLiteral("10"));
    h += equation(QStringLiteral("prox<sub>ηΩ</sub>(z) = G(S(z))"), QStringLiteral("5"));
    h += paragraph(tr("η is the step size and (t)₊ = max(t, 0). Soft-thresholding (Eq. 9) "
                      "moves every weight towards zero by η λ α and sets it to exactly zero if it "
                      "was closer than that. Group shrinkage (Eq. 10) shortens each group by "
                      "η λ (1 − α) √|g| and sets the whole group to zero if it was shorter. Their "
                      "composition (Eq. 5) is the exact proximal operator of the SGL penalty."));

    h += heading(tr("Why exact zeros appear with proximal steps and not with SGD"));
    h += paragraph(tr("The proximal operator maps a whole interval, |zᵢ| ≤ η λ α, to exactly "
                      "0, and a whole ball of groups to the zero group: the shaded regions of the "
                      "2-D picture. A gradient step that lands anywhere in them gives an exact "
                      "zero, and the next steps keep it there as long as the gradient stays "
                      "smaller than the threshold."));
    h += paragraph(tr("SGD and Adam instead add a subgradient of the penalty, λ α sgn(A) plus "
                      "the group part, to the loss gradient. Near zero that term pushes a weight "
                      "across zero and back: it oscillates around zero with an amplitude of about "
                      "the step times λ and, in floating point, practically never lands on 0.0. "
                      "Its weights become small, never removed, and a threshold chosen afterwards "
                      "would decide what is removed."));

    h += heading(tr("Dead nodes"));
    h += paragraph(tr("A node of the cell is dead when every weight into it is exactly zero: "
                      "its whole group was removed. It receives nothing, so its output is zero "
                      "and the paths that leave it carry nothing either. The derived cell drops "
                      "it, and the search no longer needs to compute it."));

    h += heading(tr("Why a removed node may come back under AdamHAPG"));
    h += paragraph(tr("A zero stays zero only while the gradient step cannot leave the zero "
                      "region. Under HAPG that means |∇L| ≤ λ α for each weight: the comparison "
                      "is with the current gradient. AdamHAPG takes the step z = A − ηᵢ m̂ᵢ with "
                      "a step size ηᵢ = lr / (√v̂ᵢ + ε) per weight, and the group part uses the "
                      "median of ηᵢ over the group. The step follows the running average m̂ of "
                      "past gradients and the sizes change from step to step, so when the rest of "
                      "the cell changes and the node becomes useful again, its gradient grows, "
                      "the step lands outside the zero region and the node returns. The "
                      "momentum of Eq. 7-8 can carry a weight out of zero as well."));

    h += heading(tr("What the lab shows"));
    h += paragraph(tr("Loss + penalty: the objective the optimizers minimise, at the point "
                      "each reports (the sparse iterate for HAPG, AdamHAPG and ISTA). Exact "
                      "zeros: coefficients equal to 0.0, counted without any threshold. ISTA is "
                      "HAPG without the momentum of Eq. 7-8. λ_max: the smallest λ at which all "
                      "coefficients are zero. The regularization path solves the problem for "
                      "each λ from λ_max down; a circle marks where a coefficient enters."));
    h += paragraph(tr("AdamHAPG runs here without the momentum of Eq. 7-8, as in the optimizer "
                      "ablation: with it, it diverges on this problem. Its group step is the "
                      "median of its weights' steps, so it may remove a group, such as one with "
                      "a single nonzero coefficient, that the SGL minimiser keeps."));
    h += QStringLiteral("</body></html>");
    return h;
}

} // namespace sparsenas
