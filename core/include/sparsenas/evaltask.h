// SPDX-License-Identifier: MIT
#pragma once

// The stand-alone training of a genotype's network (DARTS's evaluation protocol) as a Task: the
// whole training set, SGD with a cosine schedule, the auxiliary head, drop-path raised linearly,
// cutout, gradient clipping; every epoch ends with the test set. At the end: evaluation.json.

#include "sparsenas/base/config.h"
#include "sparsenas/task.h"

#include <memory>

namespace sparsenas {

class EvalTask : public Task
{
public:
    explicit EvalTask(RunConfig config);
    ~EvalTask() override;

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

/// The task a configuration asks for (config.task).
std::unique_ptr<Task> makeTask(const RunConfig &config);

} // namespace sparsenas
