// SPDX-License-Identifier: MIT
#include "enginemessages.h"

#include "colormaps.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <vector>

namespace sparsenas {

namespace {

constexpr const char *kContext = "sparsenas::EngineMessages";

struct Known
{
    QRegularExpression pattern; ///< the engine's wording, its variable parts captured in order
    const char *one;            ///< the translation's source text; %1, %2, ... are the captures
    const char *other; ///< for a first capture other than 1, if the count changes the words
};

// The engine's messages (core/src/runloop.cpp, searchtask.cpp), as they are written.
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
         nullptr},
        {re("^data: (.*)$"), QT_TRANSLATE_NOOP("sparsenas::EngineMessages", "data: %1"), nullptr},
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
    };
    return table;
}

/// `pattern` with each %N (N = 1 .. 99) replaced by captured(N), in one pass: a capture that
/// holds "%2" (a path) stays as it is.
QString fill(const QString &pattern, const QRegularExpressionMatch &m)
{
    QString out;
    for (int i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('%') && i + 1 < pattern.size() && pattern.at(i + 1).isDigit()) {
            int n = pattern.at(++i).digitValue();
            if (i + 1 < pattern.size() && pattern.at(i + 1).isDigit() &&
                n * 10 + pattern.at(i + 1).digitValue() <= m.lastCapturedIndex())
                n = n * 10 + pattern.at(++i).digitValue();
            out += n <= m.lastCapturedIndex() ? m.captured(n) : QStringLiteral("%%1").arg(n);
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace

QString presentEngineMessage(const QString &text)
{
    for (const Known &k : known()) {
        const QRegularExpressionMatch m = k.pattern.match(text);
        if (!m.hasMatch())
            continue;
        const bool other = k.other && m.captured(1) != QLatin1String("1");
        return withCellSubscripts(
            fill(QCoreApplication::translate(kContext, other ? k.other : k.one), m));
    }
    return withCellSubscripts(text);
}

} // namespace sparsenas
