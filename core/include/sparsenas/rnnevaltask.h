// SPDX-License-Identifier: MIT
#pragma once

// The stand-alone training of a recurrent genotype's language model (task "evaluate" with
// space.kind rnn) as a Task: DARTS's rnn/train.py. The training part of the corpus in
// search.batch_size columns read bptt tokens at a time, the hidden states carried from batch to
// batch; SGD with gradient clipping, switched to averaged SGD (NT-ASGD) when the validation
// loss stops improving; every epoch ends with the validation perplexity, the weights with the
// best one are kept, and the run ends by testing them on the test part: evaluation.json.

#include "sparsenas/base/config.h"
#include "sparsenas/task.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace sparsenas {

/// NT-ASGD's switch (DARTS's rnn/train.py, nonmono): true when `loss`, this epoch's validation
/// loss, is worse than the best of `history` (the earlier epochs' losses) without its last
/// `nonmono`, and history holds more than `nonmono` of them. Never for nonmono 0.
bool ntAsgdSwitches(const std::vector<double> &history, double loss, int64_t nonmono);

class RnnEvalTask : public Task
{
public:
    explicit RnnEvalTask(RunConfig config);
    ~RnnEvalTask() override;

    void setUp(TaskContext &context) override;
    int64_t epochs() const override;
    int64_t stepsPerEpoch() const override;
    void enterEpoch(int64_t epoch) override;
    Snapshot step(const RunPosition &at) override;
    std::optional<RunHealthError> checkHealth() override { return std::nullopt; }
    EpochSummary finishEpoch(const RunPosition &at) override;
    std::optional<RunEventInfo> steer(const Command &) override { return std::nullopt; }
    void describe(RunEventInfo &) const override {}
    void save(CheckpointWriter &writer, nlohmann::json &meta) const override;
    void load(const CheckpointReader &reader, bool continueRun) override;
    void finish(RunResult &result) override;
    uint64_t stateChecksum() const override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace sparsenas
