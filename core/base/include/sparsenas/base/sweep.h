// SPDX-License-Identifier: MIT
#pragma once

// A sweep: ordinary searches over a grid of config fields (paper Table 4 and Fig. 4: alpha x
// lambda step), each point a run directory under one sweep folder. This part is the grid, the
// sweep folder's record (sweep.json) and the summary; running the points is the CLI's
// (`sparsenas sweep`). Torch-free and Qt-free.

#include "sparsenas/base/figure.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace sparsenas {

/// One axis of the grid: a config field and the values it takes, as written ("0.3").
struct SweepAxis
{
    std::string field;               ///< "arch.alpha"
    std::vector<std::string> values; ///< {"0.3", "0.5", "0.7"}
};

/// "arch.alpha=0.3,0.5,0.7" as an axis. Throws ConfigError naming the problem (no '=', an
/// empty field or value, a value given twice).
SweepAxis parseSweepAxis(const std::string &spec);

/// One point of the grid: its folder name and the assignments that make it.
struct SweepPoint
{
    std::string name;                     ///< "03-alpha=0.5-lambda_step=0.01"
    std::vector<std::string> assignments; ///< {"arch.alpha=0.5", "arch.lambda_step=0.01"}
    std::vector<std::string> values;      ///< the values alone, one per axis
};

/// Every combination, the first axis varying slowest; names are numbered from 1 (zero-padded
/// to the count's width) and carry each field's last component, so that `ls` lists them in grid
/// order and a person can read them. Throws ConfigError for no axes or a field given twice.
std::vector<SweepPoint> sweepPoints(const std::vector<SweepAxis> &axes);

/// sweep.json: what makes two sweeps the same (the base configuration and the grid).
nlohmann::json sweepRecord(const nlohmann::json &baseConfig, const std::vector<SweepAxis> &axes);
/// The grid of a sweep record (sweep.json, as sweepRecord writes it). Throws FormatError naming
/// what is missing or malformed.
std::vector<SweepAxis> sweepAxesOf(const nlohmann::json &record);
/// The base configuration of a sweep record; throws FormatError when it has none.
const nlohmann::json &sweepBaseOf(const nlohmann::json &record);
/// Why `stored` (a sweep.json) is not the sweep `wanted` describes, or "" when it is.
std::string sweepRecordMismatch(const nlohmann::json &stored, const nlohmann::json &wanted);

/// What one point's run directory says, for the summary.
struct SweepRow
{
    SweepPoint point;
    std::string state;   ///< "finished", "failed", "stopped", "running", or "not started"
    std::string message; ///< status.json's message (why it failed or stopped)
    long long epochsDone = 0;
    double valAcc = -1.0; ///< the last epoch's validation accuracy; < 0: none yet
    double elementSparsity = -1.0;
    double seconds = 0.0; ///< the epochs' wall time, summed
    std::vector<std::string> cellTypes;
    std::vector<int> aliveNodes, alivePaths; ///< per cell type, of the derived genotype
    std::vector<double> valAccCurve;         ///< validation accuracy per epoch, from epoch 1
    /// Parameters (millions, DARTS's count: no auxiliary head) of the derived cell's evaluation
    /// network: from the point's evaluation when it has one, else counted by the runner at the
    /// evaluation preset's size; < 0: not known (no genotype yet).
    double paramsM = -1.0;
    /// The point's stand-alone evaluation (OUT/<point>/evaluation, `sparsenas sweep
    /// --evaluate`): its state ("" when there is none) and test accuracy (< 0: none yet).
    std::string evalState;
    double testAcc = -1.0;
};

/// The folder of a point's stand-alone evaluation, inside its run directory.
inline constexpr const char *kSweepEvaluationDir = "evaluation";

/// Reads `runDir` (which may not exist yet). Damaged or missing files leave fields at their
/// defaults; nothing throws.
SweepRow readSweepRow(const std::string &runDir, const SweepPoint &point);

/// The summary: one row per point, the grid fields as columns.
std::string sweepCsv(const std::vector<SweepAxis> &axes, const std::vector<SweepRow> &rows);
std::string sweepMarkdown(const std::vector<SweepAxis> &axes, const std::vector<SweepRow> &rows);
/// Validation accuracy (%) during the search against the epoch, one line per point (the paper's
/// Fig. 4), for renderFigure (sparsenas/base/figure.h). Points without epochs draw nothing but
/// keep their legend entry, with their state when it is not "finished".
Figure sweepCurvesFigure(const std::vector<SweepRow> &rows);

} // namespace sparsenas
