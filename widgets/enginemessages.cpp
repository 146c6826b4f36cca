// SPDX-License-Identifier: MIT
#include "enginemessages.h"

#include "colormaps.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <vector>

namespace sparsenas {

namespace {

constexpr const char *kContext = "sparsenas::EngineMessages";

struct Known
{
    QRegularExpression pattern; ///< the engine's wording, its variable parts captured in order
    const char *one;            ///< the translation's source text; %1, %2, ... are the captures
    const char *other; ///< for a first capture other than 1, if the count changes the words
    /// What each capture is, one letter per capture (none: all verbatim): 'v' verbatim (numbers,
    /// paths, the engine's own reasons), 'm' a message of its own (composite messages: the
    /// trouble, then what the run did about it), 'c' a cell type ("normal", "reduce").
    const char *kinds = nullptr;
};

// The engine's messages (core/src/runloop.cpp, searchtask.cpp, the recurrent space's tasks), as
// they are written.
const std::vector<Known> &known()
{
    const auto re = [](const char *pattern) { return QRegularExpression(QLatin1String(pattern)); };
    static const std::vector<Known> table = {
        {re("^paused at step (\\d+)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "paused at step %1"), nullptr},
        {re("^resumed$"), QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "resumed"), nullptr},
        {re("^checkpoint written at step (\\d+)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "checkpoint written at step %1"), nullptr},
        {re("^rolled back to the checkpoint at step (\\d+); paused$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "rolled back to the checkpoint at step %1; paused"),
         nullptr},
        {re("^rollback failed: (.*)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "rollback failed: %1"), nullptr},
        {re("^lambda set to arch\\.lambda_start = (\\S+)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "lambda set to arch.lambda_start = %1"),
         nullptr},
        {re("^lambda set to (\\S+)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "lambda set to %1"), nullptr},
        {re("^alpha set to (\\S+)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "alpha set to %1"), nullptr},
        {re("^lambda[_ ]step set to (\\S+)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "lambda step set to %1"), nullptr},
        {re("^finished after (\\d+) epochs?$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "finished after 1 epoch"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "finished after %1 epochs")},
        {re("^stopped in epoch (\\d+) at step (\\d+); resume with `(.+)`$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "stopped in epoch %1 at step %2; resume with `%3`"),
         nullptr},
        {re("^stopped, but the checkpoint could not be written: (.*)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "stopped, but the checkpoint could not be written: %1"),
         nullptr},
        {re("^the run failed: (.*)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "the run failed: %1"), nullptr},
        {re("^continued from (.+) \\(epoch (\\d+) of (\\d+), step (\\d+)\\)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "continued from %1 (epoch %2 of %3, step %4)"),
         nullptr},
        {re("^forked from (.+)$"), QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "forked from %1"),
         nullptr},
        {re("^could not draw (.+?): (.*)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "could not draw %1: %2"), nullptr},
        {re("^could not write the results: (.*)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "could not write the results: %1"),
         nullptr},
        {re("^no genotype_darts\\.txt: the cell does not fit DARTS's format \\((.*)\\); "
            "genotype_ptdarts\\.txt and genotype\\.json hold it$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "no genotype_darts.txt: the cell does not fit DARTS's format (%1); "
                           "genotype_ptdarts.txt and genotype.json hold it"),
         nullptr, "m"},
        {re("^no genotype_darts\\.txt: the cell does not fit DARTS's recurrent format \\((.*)\\); "
            "genotype\\.json holds it$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "no genotype_darts.txt: the cell does not fit DARTS's recurrent format "
                           "(%1); genotype.json holds it"),
         nullptr, "m"},
        {re("^recurrent cell: node (\\d+) has (\\d+) paths? in, where DARTS's recurrent format "
            "needs exactly 1$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "recurrent cell: node %1 has %2 path(s) in, where DARTS's recurrent "
                           "format needs exactly 1"),
         nullptr},
        {re("^data: (.*)$"), QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "data: %1"), nullptr},
        // How a sharded or data-parallel run shares its batches (BatchShards::describe), the
        // tail of a run's opening message after "; ".
        {re("^rank (\\d+) of (\\d+) \\((\\S+)\\), shards (\\d+)-(\\d+) of (\\d+) of every "
            "batch$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "rank %1 of %2 (%3), shards %4-%5 of %6 of every batch"),
         nullptr},
        {re("^every batch in (\\d+) shards \\(search\\.batch_shards\\)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "every batch in %1 shards (search.batch_shards)"),
         nullptr},
        // The recurrent space (core/src/rnnsearchtask.cpp, rnnevaltask.cpp).
        {re("^recurrent search on (\\S+) \\((\\d+) train / (\\d+) validation tokens, vocabulary "
            "(\\d+)\\), (\\d+) nodes, hidden (\\d+), bptt (\\d+), (\\d+) ops, (\\S+) \\+ (\\S+), "
            "(\\S+) order, (\\S+) with (\\d+) threads?$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "recurrent search on %1 (%2 training / %3 validation tokens, "
                           "vocabulary %4), nodes: %5, hidden size %6, bptt %7, operations: %8, "
                           "%9 + %10, %11 order, %12, threads: %13"),
         nullptr},
        {re("^evaluation of (.+) \\(recurrent cell, (\\d+) nodes, (\\d+) paths\\) on (\\S+) "
            "\\((\\d+) training / (\\d+) validation / (\\d+) test tokens, vocabulary (\\d+)\\), "
            "hidden (\\d+), bptt (\\d+), (\\S+) M parameters, (\\S+) M multiply-adds per word, "
            "(\\S+) with (\\d+) threads?$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "evaluation of %1 (recurrent cell, nodes: %2, paths: %3) on %4 (%5 "
                           "training / %6 validation / %7 test tokens, vocabulary %8), hidden "
                           "size %9, bptt %10, %11 M parameters, %12 M multiply-adds per word, "
                           "%13, threads: %14"),
         nullptr},
        {re("^NT-ASGD: validation perplexity (\\S+) is worse than (\\S+), the best before the "
            "last (\\d+) epochs; from epoch (\\d+) on the weights are averaged "
            "\\(evaluation\\.asgd_nonmono\\)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "NT-ASGD: validation perplexity %1 is worse than %2, the best before "
                           "the last %3 epochs; from epoch %4 on the weights are averaged "
                           "(evaluation.asgd_nonmono)"),
         nullptr},
        {re("^test perplexity (\\S+) \\((\\d+) columns?\\) with the weights of epoch (\\d+) "
            "\\(validation perplexity (\\S+), averaged\\)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "test perplexity %1 (columns: %2) with the averaged weights of epoch "
                           "%3 (validation perplexity %4)"),
         nullptr},
        {re("^test perplexity (\\S+) \\((\\d+) columns?\\) with the weights of epoch (\\d+) "
            "\\(validation perplexity (\\S+)\\)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "test perplexity %1 (columns: %2) with the weights of epoch %3 "
                           "(validation perplexity %4)"),
         nullptr},
        {re("^test perplexity (\\S+) \\((\\d+) columns?\\) with the weights of the last step "
            "\\(no epoch finished\\)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "test perplexity %1 (columns: %2) with the weights of the last step "
                           "(no epoch finished)"),
         nullptr},
        {re("^search on (\\S+) \\((\\d+) train / (\\d+) validation images, (\\S+), (\\d+) "
            "classes\\), (\\d+) cells of (\\d+) nodes, C=(\\d+), (\\d+) ops, (\\S+) \\+ (\\S+), "
            "(\\S+) order, (\\S+) with (\\d+) threads?$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "search on %1 (%2 training / %3 validation images, %4, %5 "
                           "classes), cells: %6, nodes per cell: %7, C=%8, operations: %9, %10 + "
                           "%11, %12 order, %13, threads: %14"),
         nullptr},
        {re("^froze (\\d+) ops? whose architecture weight stayed exactly zero for (\\d+) "
            "epochs? \\(search\\.freeze_zero_epochs\\): never computed again, weight pinned at "
            "zero$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "froze the operations whose architecture weight stayed exactly zero "
                           "(search.freeze_zero_epochs = %2), %1 in all: never computed again, "
                           "weights pinned at zero"),
         nullptr},
        {re("^no genotype_ptdarts\\.txt either: (.*)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "no genotype_ptdarts.txt either: %1"),
         nullptr, "m"},
        // Why a text format cannot hold a cell (core/base/src/genotypetext.cpp).
        {re("^(normal|reduction|recurrent) cell: collapsed, no node survives$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "%1 cell: collapsed, no node survives"),
         nullptr, "c"},
        {re("^(normal|reduction) cell: node (\\d+) has (\\d+) paths? in, where DARTS's format "
            "needs exactly 2$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "%1 cell: node %2 has %3 path(s) in, where DARTS's format needs "
                           "exactly 2"),
         nullptr, "cvv"},

        // What went wrong and what the run did about it (RunLoop::recover): two messages in one.
        {re("^(.+?) in epoch (\\d+) at step (\\d+)\\. (.+)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "%1 in epoch %2 at step %3. %4"), nullptr,
         "mvvm"},
        // The troubles (RunHealthError).
        {re("^the training loss became NaN or infinite$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "the training loss became NaN or infinite"),
         nullptr},
        {re("^the validation loss became NaN or infinite$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "the validation loss became NaN or infinite"),
         nullptr},
        {re("^the test loss became NaN or infinite$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "the test loss became NaN or infinite"),
         nullptr},
        {re("^a gradient of the network weights became NaN or infinite$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "a gradient of the network weights became NaN or infinite"),
         nullptr},
        {re("^the training loss jumped to (\\S+), more than (\\S+) times its recent median "
            "\\(search\\.divergence_factor\\)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "the training loss jumped to %1, more than %2 times its recent median "
                           "(search.divergence_factor)"),
         nullptr},
        {re("^the architecture weights of the (\\S+) cell exploded \\(largest \\|A\\| (\\S+), "
            "arch\\.max_weight (\\S+)\\)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "the architecture weights of the %1 cell exploded (largest |A| %2, "
                           "arch.max_weight %3)"),
         nullptr, "cvv"},
        {re("^the (\\S+) cell collapsed: every architecture weight is exactly zero \\(lambda "
            "(\\S+), alpha (\\S+)\\), so it can never come back and the network no longer "
            "depends on its input$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "the %1 cell collapsed: every architecture weight is exactly zero "
                           "(lambda %2, alpha %3), so it can never come back and the network no "
                           "longer depends on its input"),
         nullptr, "cvv"},
        {re("^the (\\S+) and (\\S+) cells collapsed: every architecture weight is exactly zero "
            "\\(lambda (\\S+), alpha (\\S+)\\), so it can never come back and the network no "
            "longer depends on its input$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "the %1 and %2 cells collapsed: every architecture weight is exactly "
                           "zero (lambda %3, alpha %4), so it can never come back and the network "
                           "no longer depends on its input"),
         nullptr, "ccvv"},
        // What the run did about it.
        {re("^The run continues \\(search\\.on_collapse is \"continue\"\\)\\.$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "The run continues (search.on_collapse is \"continue\")."),
         nullptr},
        {re("^The run stops here; nothing after the last checkpoint was kept\\. Resume with a "
            "lower lambda or lambda step \\(sparsenas resume --set\\), or fork from an earlier "
            "checkpoint\\.$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "The run stops here; nothing after the last checkpoint was kept. "
                           "Resume with a lower lambda or lambda step (sparsenas resume --set), "
                           "or fork from an earlier checkpoint."),
         nullptr},
        {re("^Paused: roll back to the last checkpoint and lower lambda, or resume as it is\\.$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "Paused: roll back to the last checkpoint and lower lambda, or resume "
                           "as it is."),
         nullptr},
        {re("^The search diverged; nothing after the last checkpoint was kept\\. Lower the "
            "learning rates or lambda and resume or fork from it\\.$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "The search diverged; nothing after the last checkpoint was kept. "
                           "Lower the learning rates or lambda and resume or fork from it."),
         nullptr},
        {re("^Reloading the last checkpoint failed: (.*)$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "Reloading the last checkpoint failed: %1"),
         nullptr},
        {re("^The search diverged\\. Rolled back to the last checkpoint \\(step (\\d+)\\) and "
            "paused: change lambda, alpha or the lambda step, then resume\\.$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "The search diverged. Rolled back to the last checkpoint (step %1) and "
                           "paused: change lambda, alpha or the lambda step, then resume."),
         nullptr},

        // The evaluation (core/src/evaltask.cpp).
        {re("^evaluation of (.+) on (\\S+) \\((\\d+) training / (\\d+) test images\\), (\\d+) "
            "cells, C=(\\d+), (\\S+) M parameters \\(\\+(\\S+) M auxiliary head\\), (\\S+) M "
            "multiply-adds per image, (\\S+) with (\\d+) threads?$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "evaluation of %1 on %2 (%3 training / %4 test images), cells: %5, "
                           "C=%6, %7 M parameters (+%8 M in the auxiliary head), %9 M "
                           "multiply-adds per image, %10, threads: %11"),
         nullptr},
        {re("^evaluation of (.+) on (\\S+) \\((\\d+) training / (\\d+) test images\\), (\\d+) "
            "cells, C=(\\d+), (\\S+) M parameters, (\\S+) M multiply-adds per image, (\\S+) "
            "with (\\d+) threads?$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "evaluation of %1 on %2 (%3 training / %4 test images), cells: %5, "
                           "C=%6, %7 M parameters, %8 M multiply-adds per image, %9, threads: "
                           "%10"),
         nullptr},
        {re("^the (\\S+) cell of this genotype collapsed \\(no node survives\\): in the network "
            "it passes c_\\{k-1\\} on \\(halved in a reduction cell\\), see docs/method\\.md$"),
         QT_TRANSLATE_NOOP("sparsenas::EngineMessages",
                           "the %1 cell of this genotype collapsed (no node survives): in the "
                           "network it passes c_{k-1} on (halved in a reduction cell), see "
                           "docs/method.md"),
         nullptr, "c"},
    };
    return table;
}

/// `pattern` with each %N (N = 1 .. 99) replaced by parts[N - 1], in one pass: a part that
/// holds "%2" (a path) stays as it is.
QString fill(const QString &pattern, const QStringList &parts)
{
    QString out;
    const int count = int(parts.size());
    for (int i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('%') && i + 1 < pattern.size() && pattern.at(i + 1).isDigit()) {
            int n = pattern.at(++i).digitValue();
            if (i + 1 < pattern.size() && pattern.at(i + 1).isDigit() &&
                n * 10 + pattern.at(i + 1).digitValue() <= count)
                n = n * 10 + pattern.at(++i).digitValue();
            out += n >= 1 && n <= count ? parts.at(n - 1) : QStringLiteral("%%1").arg(n);
            continue;
        }
        out += c;
    }
    return out;
}

QString cellTypeName(const QString &type)
{
    // The engine's cell type names, as the views call them.
    if (type == QLatin1String("normal"))
        return QCoreApplication::translate(
            kContext, QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "normal"));
    if (type == QLatin1String("reduce") || type == QLatin1String("reduction"))
        return QCoreApplication::translate(
            kContext, QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "reduction"));
    if (type == QLatin1String("recurrent"))
        return QCoreApplication::translate(
            kContext, QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "recurrent"));
    return type;
}

/// The message in the studio's language, its parts translated as their kinds say; English
/// where the table does not know it.
QString translated(const QString &text, int depth)
{
    for (const Known &k : known()) {
        const QRegularExpressionMatch m = k.pattern.match(text);
        if (!m.hasMatch())
            continue;
        QStringList parts;
        for (int n = 1; n <= m.lastCapturedIndex(); ++n) {
            const QString part = m.captured(n);
            const char kind = k.kinds && n <= int(qstrlen(k.kinds)) ? k.kinds[n - 1] : 'v';
            parts << (kind == 'm' && depth < 2 ? translated(part, depth + 1)
                      : kind == 'c'            ? cellTypeName(part)
                                               : part);
        }
        const bool other = k.other && m.captured(1) != QLatin1String("1");
        return fill(QCoreApplication::translate(kContext, other ? k.other : k.one), parts);
    }
    // A run's opening message with how it shares its batches after "; ": both parts.
    static const QRegularExpression shared(QStringLiteral(
        "^(.+); (rank \\d+ of \\d+ .* of every batch|every batch in \\d+ shards .*)$"));
    if (const QRegularExpressionMatch m = shared.match(text); m.hasMatch() && depth < 2) {
        const QString head = translated(m.captured(1), depth + 1);
        if (head != m.captured(1))
            return head + QStringLiteral("; ") + translated(m.captured(2), depth + 1);
    }
    return text;
}

} // namespace

QString presentEngineMessage(const QString &text)
{
    return withCellSubscripts(translated(text, 0));
}

} // namespace sparsenas
