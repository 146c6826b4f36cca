// SPDX-License-Identifier: MIT
#pragma once

// The researcher's verdict on searches: evaluations of derived (and published) genotypes side by
// side, grouped over seeds, as a table for the terminal, CSV, Markdown and a LaTeX tabular.
// Torch-free: the CLI's `compare` and the studio's comparison view share it.

#include "sparsenas/base/runformat.h"

#include <optional>
#include <string>
#include <vector>

namespace sparsenas {

/// One evaluation run directory and what it holds.
struct EvaluationRun
{
    std::string dir;
    EvaluationResult result;
};

/// The evaluation runs under `paths`: each path is an evaluation run directory (with
/// evaluation.json), or a folder searched recursively for them (a runs/ folder, the seed-*
/// folders of `evaluate --seeds`). Sorted by directory. Throws RunError naming a path that is
/// neither, or a damaged evaluation.json.
std::vector<EvaluationRun> findEvaluations(const std::vector<std::string> &paths);

/// One row of the comparison: the evaluations of one genotype at one size on one data set.
struct ComparisonRow
{
    std::string genotype; ///< short label: a built-in name or the search run's folder name
    std::string source;   ///< the genotype source as the evaluation recorded it
    std::string dataset;
    std::string space = "cnn"; ///< "cnn" or "rnn" (a language model: perplexities)
    int64_t channels = 0, layers = 0;
    int64_t hidden = 0; ///< a language model's hidden (and embedding) size
    std::string nodes;  ///< alive nodes per cell type, "normal/reduce", e.g. "4/4"; "8" (rnn)
    std::string paths;  ///< paths per cell type, e.g. "8/8"
    double paramsMillions = 0;
    double multiplyAddsMillions = 0;
    /// Wall time of the search that produced the genotype (its epochs' seconds), when the
    /// source is a search run directory that is still there.
    std::optional<double> searchSeconds;
    int seeds = 0;      ///< evaluations averaged
    int unfinished = 0; ///< of them, runs stopped before their last epoch
    double testAccMean = 0;
    double testAccStd = 0; ///< sample standard deviation over seeds (0 for one)
    /// A language model's test perplexity (exp of each seed's test NLL), mean and sample
    /// standard deviation over seeds; its testAcc is the next-word accuracy.
    double testPplMean = 0, testPplStd = 0;
    double trainSeconds = 0; ///< mean over seeds
};

/// Groups by (source, dataset, space, channels, layers, hidden), in the order the groups first
/// appear.
std::vector<ComparisonRow> compareEvaluations(const std::vector<EvaluationRun> &runs);

/// Sum of the "seconds" of the epoch lines in a search run's metrics.jsonl; nullopt if the
/// directory holds no search run.
std::optional<double> searchWallSeconds(const std::string &runDir);

/// A fixed-width table for the terminal (fits 80 columns for the usual labels). Image
/// classifiers (test accuracy) and language models (test perplexity) get a table each, in
/// that order, separated by an empty line; the text, Markdown and LaTeX forms alike.
std::string comparisonText(const std::vector<ComparisonRow> &rows);
/// CSV with a header row, numbers unformatted (pandas reads every column typed); one table
/// for both kinds, told apart by the `space` column (a language model's channels and layers
/// are 0, an image classifier's hidden and perplexities empty).
std::string comparisonCsv(const std::vector<ComparisonRow> &rows);
/// A GitHub-flavoured Markdown table.
std::string comparisonMarkdown(const std::vector<ComparisonRow> &rows);
/// A LaTeX `tabular` (no package beyond LaTeX's own), text escaped.
std::string comparisonLatex(const std::vector<ComparisonRow> &rows);

} // namespace sparsenas
