// SPDX-License-Identifier: MIT
#pragma once

// The architecture search over the DARTS CNN supernet (paper Algorithm 1) as a Task: the data
// split in two halves, one BilevelStep per batch, the lambda schedule, the epoch's validation at
// the sparse iterate, collapse and divergence checks, and the derived genotype at the end.

#include "sparsenas/base/config.h"
#include "sparsenas/task.h"

#include <memory>

namespace sparsenas {

class SearchTask : public Task
{
public:
    explicit SearchTask(RunConfig config);
    ~SearchTask() override;

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
