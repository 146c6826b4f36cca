// SPDX-License-Identifier: MIT
#pragma once

// The architecture search over the recurrent space (space.kind rnn) as a Task: DARTS's RNN search
// (rnn/train_search.py) with the paper's sparse supernet. The training part of the corpus trains
// the weights, its validation part the architecture and the epoch's perplexity, both cut into
// batch-size columns read bptt tokens at a time with the hidden state carried from one batch to
// the next (truncated backpropagation). One BilevelStep per batch, the lambda schedule, collapse
// and divergence checks, the derived recurrent genotype at the end. docs/method.md, "The
// recurrent space", says what differs from DARTS and why.

#include "sparsenas/base/config.h"
#include "sparsenas/task.h"

#include <memory>

namespace sparsenas {

class RnnSearchTask : public Task
{
public:
    explicit RnnSearchTask(RunConfig config);
    ~RnnSearchTask() override;

    void setUp(TaskContext &context) override;
    int64_t epochs() const override;
    int64_t stepsPerEpoch() const override;
    void enterEpoch(int64_t epoch) override;
    Snapshot step(const RunPosition &at) override;
    std::optional<RunHealthError> checkHealth() override;
    EpochSummary finishEpoch(const RunPosition &at) override;
    std::optional<RunEventInfo> steer(const Command &command) override;
    void describe(RunEventInfo &event) const override;
    void save(CheckpointWriter &writer, nlohmann::json &meta) const override;
    void load(const CheckpointReader &reader, bool continueRun) override;
    void finish(RunResult &result) override;
    uint64_t stateChecksum() const override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace sparsenas
