// SPDX-License-Identifier: MIT
#pragma once

// The run-directory format, in one place: a writer and a reader for every line and file a run
// leaves on disk, side by side, and the incremental reader that the CLI, the studio's follower
// and other tools share. No torch, no Qt. docs/run-format.md describes the format for users.
//
//   metrics.jsonl      {"type":"step"} lines (Snapshot, per-cell counts without A),
//                      {"type":"epoch"} lines (EpochSummary) and {"type":"event"} lines
//                      (RunEventInfo)
//   snapshots.jsonl    one ArchSnapshot per epoch: every A matrix and the per-cell counts
//   status.json        RunStatus
//   checkpoints/latest.json   LatestCheckpoint
//   log.txt            LogLine: "YYYY-mm-dd HH:MM:SS [level] text"
//   config.json        toJson(RunConfig) / configFromJson (config.h): its own schema, no "v"
//
// Versions: every line and file written here carries "v": kRunFormatVersion. Readers accept
// lines without "v" (version 1, written before the field existed) and lines of a higher
// version, whose unknown fields they ignore.
//
// Readers: a missing, null (nlohmann writes NaN and inf as null) or wrongly typed optional
// field takes its default (from `defaults` where a reader has that parameter), so one odd field
// never costs the whole line. A value that is not an object, or lacks a required field, throws
// FormatError naming the field; callers that know the file and line prefix it
// ("snapshots.jsonl line 7: field 'cells' missing").

#include "sparsenas/base/errors.h"
#include "sparsenas/base/snapshot.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sparsenas {

/// Written into every line and file as "v". 1: the lines written before the field existed.
/// 3: the "epoch" of step, epoch, event and snapshot lines (and metrics.csv) counts from 1, as
/// the console, the messages and the studio do; versions 1 and 2 counted from 0.
constexpr int kRunFormatVersion = 3;

/// What a line of the current version writes as "epoch" for the engine's epoch `index` (0 =
/// the first epoch).
constexpr int64_t epochNumber(int64_t index)
{
    return index + 1;
}
/// The engine's epoch index of a step, epoch, event or snapshot line of any version;
/// `fallback` when the line has no usable "epoch".
int64_t epochIndexOf(const nlohmann::json &line, int64_t fallback);

/// The "v" of a line or file: 1 when absent (or not an integer).
int formatVersion(const nlohmann::json &j);

/// One JSON value on one line (NaN and inf as null, invalid UTF-8 replaced), no '\n'.
std::string jsonLine(const nlohmann::json &j);

// Names of states and levels (their writers, toString, live in snapshot.h).
/// std::nullopt for a name this version does not know.
std::optional<RunState> runStateFromString(const std::string &name);
std::optional<MessageLevel> messageLevelFromString(const std::string &name);

// ---- architecture weights and per-cell records -------------------------------------------

/// {"type","nodes","ops","weights"}: weights is one row per edge, one value per op.
nlohmann::json toJson(const CellWeights &w);
/// Throws FormatError naming the field for a missing field or a matrix of the wrong shape.
/// A null entry (how nlohmann writes a NaN) reads as NaN: a diverged A stays visible.
CellWeights cellWeightsFromJson(const nlohmann::json &j);

/// The full cell of a snapshots.jsonl line: the weights' fields plus alive_nodes, alive_paths,
/// nonzero_weights, total_weights, zero_groups.
nlohmann::json toJson(const CellSnapshot &cell);
/// Requires the weights (as cellWeightsFromJson); the counts are optional.
CellSnapshot cellSnapshotFromJson(const nlohmann::json &j);

/// The per-cell counts of step and epoch lines (no A): type, alive_nodes, alive_paths,
/// nonzero_weights, total_weights, zero_groups.
nlohmann::json cellCountsToJson(const CellSnapshot &cell);
/// Every field optional; the weights stay empty (weights.type is set; weights.nodes is
/// `nodes`, which the lines do not carry: the run's config has it).
CellSnapshot cellCountsFromJson(const nlohmann::json &j, int nodes = CellWeights{}.nodes);

// ---- metrics.jsonl ------------------------------------------------------------------------

enum class MetricsLineType { Step, Epoch, Event, Other };
/// The line's "type"; Other for a type this version does not know (skip it). Throws
/// FormatError if the line is not an object or has no string "type".
MetricsLineType metricsLineType(const nlohmann::json &line);

/// {"type":"step"}: every field of the Snapshot, cells as per-cell counts.
nlohmann::json toJson(const Snapshot &s);
/// Requires "step". A missing optional field takes its value from `defaults` (a follower
/// passes the config's epochs and lambda step there: version 1 lines lack lambda_step).
/// Count cells get `cellNodes` as their weights.nodes.
Snapshot stepFromJson(const nlohmann::json &j, const Snapshot &defaults = {},
                      int cellNodes = CellWeights{}.nodes);

/// {"type":"epoch"}: every field of the EpochSummary, cells as per-cell counts.
nlohmann::json toJson(const EpochSummary &e);
/// Requires "epoch".
EpochSummary epochFromJson(const nlohmann::json &j, const EpochSummary &defaults = {},
                           int cellNodes = CellWeights{}.nodes);

/// {"type":"event"}: "what" is toString(kind), "value" the new value.
nlohmann::json toJson(const RunEventInfo &e);
/// Requires "what" (a name this version does not know reads as RunEventKind::Other).
RunEventInfo runEventFromJson(const nlohmann::json &j, const RunEventInfo &defaults = {});

// ---- snapshots.jsonl ----------------------------------------------------------------------

/// One line of snapshots.jsonl: the architecture weights (the sparse iterate) and what is
/// alive at the end of an epoch.
struct ArchSnapshot
{
    int64_t epoch = 0; ///< the epoch that ended, 0-based
    int64_t step = 0;  ///< search steps done, over the whole run
    double lambda = 0, alpha = 0;
    std::vector<CellSnapshot> cells; ///< with their A matrices
};
/// The snapshots.jsonl line of an epoch's end.
ArchSnapshot archSnapshotOf(const EpochSummary &e);
nlohmann::json toJson(const ArchSnapshot &s);
/// Requires "cells" with valid weights for every cell.
ArchSnapshot archSnapshotFromJson(const nlohmann::json &j);

// ---- status.json --------------------------------------------------------------------------

struct RunStatus
{
    RunState state = RunState::Idle;
    int64_t epoch = 0;   ///< epochs done (the epoch running, 0-based)
    int64_t step = 0;    ///< search steps done
    int64_t pid = 0;     ///< the writing process
    int64_t time = 0;    ///< when written, seconds since 1970-01-01 UTC
    std::string message; ///< why it failed or stopped; may be empty
};
nlohmann::json toJson(const RunStatus &s);
/// Requires "state" with a known name.
RunStatus runStatusFromJson(const nlohmann::json &j);

// ---- checkpoints/latest.json ----------------------------------------------------------------

struct LatestCheckpoint
{
    std::string checkpoint; ///< file name in checkpoints/, e.g. "ckpt-000000042.pt"
};
nlohmann::json toJson(const LatestCheckpoint &l);
/// Requires "checkpoint": a non-empty plain file name (no '/'). Unknown fields are ignored.
LatestCheckpoint latestCheckpointFromJson(const nlohmann::json &j);

// ---- evaluation.json (a run of task "evaluate") ---------------------------------------------

/// What one cell type of an evaluated genotype keeps.
struct EvaluatedCell
{
    std::string type;
    int aliveNodes = 0;
    int paths = 0; ///< (edge, op) pairs
};

/// The result of training a genotype's network on its own: written when the run ends (finished
/// or stopped) and read by `sparsenas compare` and the studio's comparison view.
struct EvaluationResult
{
    std::string genotype; ///< the source as given: a built-in name or a path
    std::string dataset;
    /// "cnn" (an image classifier; test_acc is its accuracy) or "rnn" (a language model:
    /// test_loss is the NLL per word, exp of it the test perplexity, test_acc the next-word
    /// accuracy).
    std::string space = "cnn";
    int64_t channels = 0, layers = 0;
    int64_t hidden = 0, vocabulary = 0; ///< a language model's sizes
    int64_t parameters = 0;             ///< without the auxiliary head (DARTS's count)
    int64_t auxiliaryParameters = 0;    ///< of the auxiliary head, trained but not evaluated
    int64_t multiplyAdds = 0;           ///< per image (per word for a language model) at inference
    /// A language model's best validation NLL per word, the one whose weights are tested, and
    /// its epoch (1-based; 0: none finished).
    double validLoss = 0;
    int64_t bestEpoch = 0;
    bool averaged = false; ///< the tested weights are NT-ASGD's average
    uint64_t seed = 0;
    int64_t epochs = 0, epochsDone = 0;
    bool finished = false; ///< all epochs done (else stopped early)
    double testAcc = 0, testLoss = 0;
    double trainSeconds = 0; ///< training and testing, without pauses
    std::vector<EvaluatedCell> cells;
};
nlohmann::json toJson(const EvaluationResult &r);
/// Requires "parameters" and "test_acc"; the rest optional.
EvaluationResult evaluationResultFromJson(const nlohmann::json &j);
/// exp(test_loss), the perplexity of a language model's evaluation.
double testPerplexity(const EvaluationResult &r);

// ---- log.txt ------------------------------------------------------------------------------

struct LogLine
{
    std::string time; ///< local time "YYYY-mm-dd HH:MM:SS"; empty: unknown
    MessageLevel level = MessageLevel::Info;
    std::string text;
};
/// The local time now, as log lines carry it.
std::string logTimeNow();
/// "YYYY-mm-dd HH:MM:SS [level] text" and '\n'; a text of several lines gives one log line
/// each, with the same time and level.
std::string toText(const LogLine &line);
/// Never throws: a line without the "time [level] " prefix (text from a newer writer, or an
/// edited file) reads as an info line with an empty time and the whole line as text.
LogLine logLineFromText(const std::string &line);

// ---- reading files that are being written -------------------------------------------------

/// One complete line of a file and its 1-based line number.
struct TextLine
{
    int64_t number = 0;
    std::string text;     ///< without '\n' (and a trailing '\r')
    bool complete = true; ///< false: the file's last line, with no '\n' after it
};

/// One line of a JSON-lines file.
struct JsonlLine
{
    int64_t number = 0;   ///< 1-based line number in the file
    nlohmann::json value; ///< the parsed line; null when it failed to parse
    std::string error;    ///< why it failed to parse; empty when it parsed
    /// false: the file's last line with no '\n' after it (readAllLines only). A writer killed
    /// in mid-line leaves it: if it failed to parse, say "line N is cut off".
    bool complete = true;
    bool ok() const { return error.empty(); }
};

/// Reads the complete lines appended to a text file since the last poll: a line is returned
/// once its '\n' is written, never half. Plain C++ file reading, for any thread that owns the
/// reader (one thread at a time).
class LineReader
{
public:
    /// 4 MB: what a GUI thread can take in one go without stalling.
    static constexpr std::size_t kDefaultMaxBytes = std::size_t(4) << 20;

    explicit LineReader(std::string path);
    const std::string &path() const { return m_path; }

    /// The new complete lines, reading at most about `maxBytes` (a single line longer than
    /// that is read whole). Empty lines are skipped but counted. When the file got shorter
    /// than what was read, or was replaced (the byte before the read position is no longer a
    /// '\n'), reading starts over from its first line and restarted() says so. A missing file
    /// reads as an empty one.
    std::vector<TextLine> poll(std::size_t maxBytes = kDefaultMaxBytes);
    /// The last poll started over from the beginning of the file.
    bool restarted() const { return m_restarted; }
    /// The last poll stopped at its byte bound before the end of the file: poll again.
    bool more() const { return m_more; }
    /// Starts over from the beginning at the next poll (restarted() is not set for it).
    void rewind();
    /// Bytes consumed (up to and including the last returned line's '\n').
    int64_t offset() const { return m_offset; }
    /// The number of the last line consumed.
    int64_t lineNumber() const { return m_line; }

private:
    std::string m_path;
    int64_t m_offset = 0;
    int64_t m_line = 0;
    bool m_restarted = false;
    bool m_more = false;
};

/// LineReader for JSON-lines files: each new line parsed, a line that fails to parse reported
/// with its number and the parser's message (the caller chooses to skip it or fail).
class JsonlReader
{
public:
    static constexpr std::size_t kDefaultMaxBytes = LineReader::kDefaultMaxBytes;

    explicit JsonlReader(std::string path) : m_lines(std::move(path)) {}
    const std::string &path() const { return m_lines.path(); }
    std::vector<JsonlLine> poll(std::size_t maxBytes = kDefaultMaxBytes);
    bool restarted() const { return m_lines.restarted(); }
    bool more() const { return m_lines.more(); }
    void rewind() { m_lines.rewind(); }
    int64_t offset() const { return m_lines.offset(); }

private:
    LineReader m_lines;
};

/// Every line of a finished file, the last one included even without its '\n' (then marked
/// !complete). Empty lines are skipped but counted; a missing file has no lines.
std::vector<TextLine> readAllTextLines(const std::string &path);
/// readAllTextLines, each line parsed as JsonlReader does.
std::vector<JsonlLine> readAllLines(const std::string &path);

/// Parses one line of a JSON-lines file (what JsonlReader and readAllLines do per line).
JsonlLine parseJsonLine(const TextLine &line);

/// "<file> line <n>: " for messages about one line of a file.
std::string linePrefix(const std::string &file, int64_t number);

} // namespace sparsenas
