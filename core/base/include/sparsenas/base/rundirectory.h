// SPDX-License-Identifier: MIT
#pragma once

// The run directory: everything a run leaves on disk, readable by the CLI, the studio and other
// tools while the run is still being written.
//
//   config.json        the resolved configuration
//   status.json        state (running, paused, finished, stopped, failed), epoch, step
//   metrics.jsonl      one JSON object a line: {"type":"step",...}, {"type":"epoch",...},
//                      {"type":"event",...} (lambda / alpha changes, pauses, checkpoints)
//   metrics.csv        one row per epoch
//   snapshots.jsonl    per epoch: every A matrix (sparse iterate) and the alive nodes / paths
//   log.txt            the engine's messages
//   run.lock           the writer's advisory lock and who holds it (runlock.h)
//   checkpoints/       ckpt-<step>.pt written atomically, latest.json names the newest
//   genotype.json      the derived mixed-path genotype (per cell type: alive nodes, edges, concat)
//   genotype.dot       its DOT drawing; genotype.svg / .pdf / .png rendered through libgvc
//   genotype_darts.txt quark0/darts's Genotype(...) text, only when the cell fits that format
//   genotype_ptdarts.txt  pt.darts's per-node Genotype(...) text (any mixed-path cell that did
//                      not collapse)
//   evaluation.json    (task "evaluate") the trained network's size, cost and test accuracy
//
// The lines and files themselves are written and read by runformat.h (the one owner of the
// format); this class knows where they live and keeps them consistent.

#include "sparsenas/base/commandqueue.h"
#include "sparsenas/base/config.h"
#include "sparsenas/base/runformat.h"
#include "sparsenas/base/snapshot.h"

#include <nlohmann/json.hpp>

#include <fstream> // kept: files that include this header use std::ofstream
#include <optional>
#include <string>
#include <vector>

namespace sparsenas {

class RunDirectory
{
public:
    explicit RunDirectory(std::string path);

    const std::string &path() const { return m_path; }
    std::string file(const std::string &name) const;
    /// A data-parallel run's ranks other than 0 read the run directory but leave its writing to
    /// rank 0 (docs/distributed.md): every method that writes does nothing when this is false.
    void setWritable(bool writable) { m_writable = writable; }
    bool writable() const { return m_writable; }
    bool exists() const; ///< holds a run (config.json present)

    /// Creates the folder for a new run and writes config.json. Throws RunError if it already
    /// holds a run.
    void create(const RunConfig &config);
    RunConfig loadConfig() const;

    /// A {"type":"step"} line in metrics.jsonl.
    void appendStep(const Snapshot &s);
    /// A {"type":"event"} line in metrics.jsonl.
    void appendEvent(const RunEventInfo &e);
    /// The {"type":"epoch"} line in metrics.jsonl, its row in metrics.csv and its A matrices
    /// in snapshots.jsonl.
    void appendEpoch(const EpochSummary &e);
    /// Appends `line` to metrics.jsonl as it is. Prefer appendStep / appendEvent, which write
    /// the current format; this stays for callers that still build their lines.
    void appendMetrics(const nlohmann::json &line);
    void appendLog(MessageLevel level, const std::string &message);
    /// status.json, with this process's id and the time now.
    void writeStatus(RunState state, int64_t epoch, int64_t step, const std::string &message = {});
    /// status.json; std::nullopt if there is none yet. Throws RunError naming the file if it
    /// cannot be read or is damaged.
    std::optional<RunStatus> readStatus() const;

    /// After a resume from a checkpoint at (`step`, `epoch`): drops what a killed run wrote past
    /// it, so the files read as if the run had never gone further. Keeps the metrics lines of
    /// steps and events up to `step` and of epochs before `epoch`, and the snapshots of epochs
    /// before `epoch`; lines that do not parse (the last one, cut off by a kill) are dropped.
    void truncateAfter(int64_t step, int64_t epoch);

    std::string checkpointDir() const;
    std::string newCheckpointPath(int64_t step) const;
    /// The complete checkpoint files (ckpt-<step>.pt, not temporaries), oldest first.
    std::vector<std::string> checkpointFiles() const;
    /// Records `path` as the newest checkpoint and deletes all but the newest `keep`.
    void commitCheckpoint(const std::string &path, int64_t keep);
    /// The newest checkpoint, or "" if none. Throws RunError if latest.json is damaged or
    /// names a missing file.
    std::string latestCheckpoint() const;

    /// The A matrices of the last epoch snapshot (what `derive` reads from a run). Throws
    /// RunError naming snapshots.jsonl and the line if that last line is cut off or damaged
    /// (never falls back to an earlier epoch), or if there is no snapshot yet.
    std::vector<CellWeights> lastArchWeights() const;

    /// evaluation.json (atomically).
    void writeEvaluation(const EvaluationResult &result) const;
    /// evaluation.json; std::nullopt if there is none. Throws RunError naming the file if it
    /// is damaged.
    std::optional<EvaluationResult> readEvaluation() const;

    /// Why a text form of a genotype was not written; empty when it was.
    struct GenotypeTexts
    {
        std::string whyNoDarts, whyNoPtDarts;
    };
    /// genotype.json, genotype.dot, and the text forms that fit: genotype_darts.txt and
    /// genotype_ptdarts.txt are always valid Python, or absent (an older one is removed), with
    /// the reason returned for the log (no Graphviz: that has its own thread).
    GenotypeTexts writeGenotype(const Genotype &genotype) const;

    /// Commands for the run from outside its process (`sparsenas steer`): one small JSON file
    /// each in inbox/ ({"command": "lambda", "value": 0.3}), written atomically; the running
    /// process takes them in the order they were posted (docs/run-format.md).
    void postCommand(const Command &command) const;
    /// Takes the posted commands, removing their files. A file that holds no command is removed
    /// too, and said in `problems` (naming the file and what is wrong).
    std::vector<Command> takePostedCommands(std::vector<std::string> *problems);

private:
    void appendLine(const std::string &name, const std::string &line);
    std::string m_path;
    bool m_writable = true;
};

/// Renders genotype.dot to genotype.svg / .pdf / .png in the run directory (call it from the
/// thread that owns Graphviz). Returns the files written.
std::vector<std::string> renderGenotypeDiagrams(const RunDirectory &dir, const Genotype &g,
                                                double pngDpi = 150.0);

} // namespace sparsenas
