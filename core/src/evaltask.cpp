// SPDX-License-Identifier: MIT
#include "sparsenas/evaltask.h"

#include "searchcommon.h"

#include "sparsenas/base/genotypesource.h"
#include "sparsenas/checkpoint.h"
#include "sparsenas/dataset.h"
#include "sparsenas/distributed.h"
#include "sparsenas/evalnetwork.h"
#include "sparsenas/rnnevaltask.h"
#include "sparsenas/rnnsearchtask.h"
#include "sparsenas/searchtask.h"
#include "sparsenas/systeminfo.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <random>
#include <sstream>

namespace sparsenas {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

struct EvalTask::Private
{
    RunConfig config;
    TaskContext *context = nullptr;
    torch::Device device{torch::kCPU};
    Dataset train, test;
    std::unique_ptr<BatchSampler> sampler;
    Genotype genotype;
    EvalNetwork model{nullptr};
    std::unique_ptr<torch::optim::SGD> optimizer;
    double lr = 0;

    // Sums over the current epoch and the run (checkpointed: a resumed run reports the same).
    int64_t sumsEpoch = -1;
    double lossSum = 0, correct = 0, count = 0;
    double seconds = 0;      ///< this epoch
    double totalSeconds = 0; ///< the run, epochs finished
    int64_t epochsDone = 0;
    double testAcc = 0, testLoss = 0;

    std::pair<double, double> runTest();

    /// Data parallel (docs/distributed.md): this rank's shards of every batch.
    Communicator *comm = nullptr;
    BatchShards shards;
};

EvalTask::EvalTask(RunConfig config) : d(std::make_unique<Private>())
{
    d->config = std::move(config);
}

EvalTask::~EvalTask() = default;

std::unique_ptr<Task> makeTask(const RunConfig &config)
{
    if (config.task == TaskKind::Evaluate && config.space.kind == SpaceKind::Rnn)
        return std::make_unique<RnnEvalTask>(config);
    if (config.task == TaskKind::Evaluate)
        return std::make_unique<EvalTask>(config);
    if (config.space.kind == SpaceKind::Rnn)
        return std::make_unique<RnnSearchTask>(config);
    return std::make_unique<SearchTask>(config);
}

void EvalTask::setUp(TaskContext &context)
{
    auto &p = *d;
    const auto &c = p.config;
    p.context = &context;
    p.comm = context.communicator();
    p.device = runDevice(c.search.device, p.comm);
    const int threads = configureThreads(c.search.threads);

    // The genotype: the one this run already holds (resume, fork), else the source named by the
    // configuration, which is resolved once and kept in the run directory.
    const RunDirectory &dir = context.runDirectory();
    const std::string kept = dir.file("genotype.json");
    if (std::filesystem::exists(kept)) {
        p.genotype = loadGenotype(kept);
    } else {
        p.genotype = loadGenotype(c.evaluation.genotype);
        if (isRecurrentGenotype(p.genotype))
            throw RunError("evaluation.genotype '" + c.evaluation.genotype +
                           "' is a recurrent cell, and this run trains an image classifier: "
                           "evaluate it in the recurrent space (space.kind rnn), e.g. with the "
                           "text-eval or ptb-eval preset");
        dir.writeGenotype(p.genotype);
    }

    p.train = loadDataset(c.dataset, /*train=*/true);
    p.test = loadDataset(c.dataset, /*train=*/false);
    // The test images are normalised with the training set's statistics.
    p.test.mean = p.train.mean;
    p.test.stddev = p.train.stddev;
    p.shards = shareBatch(c, p.comm);
    std::vector<int64_t> all(size_t(p.train.size()));
    for (size_t i = 0; i < all.size(); ++i)
        all[i] = int64_t(i);
    p.sampler = std::make_unique<BatchSampler>(all, c.search.batchSize, c.search.seed, 3, true);

    EvalNetworkConfig nc;
    nc.inChannels = p.train.channels();
    nc.numClasses = p.train.numClasses;
    nc.channels = c.space.channels;
    nc.layers = c.space.layers;
    nc.stemMultiplier = c.space.stemMultiplier;
    nc.auxiliary = c.evaluation.auxiliary;
    nc.scaleByWeights = c.evaluation.scaleByWeights;
    nc.recomputeCells = c.evaluation.recomputeCells;
    nc.height = p.train.height();
    nc.width = p.train.width();
    torch::manual_seed(c.search.seed);
    p.model = EvalNetwork(p.genotype, nc);
    // This network's own bound (it may take smaller images than the search space's bound).
    if (const int64_t least = p.model->minimumImageSide(); std::min(nc.height, nc.width) < least)
        throw DataError("the images of " + p.train.name + " are " + std::to_string(nc.height) +
                        "x" + std::to_string(nc.width) + " pixels, too small for this network (" +
                        std::to_string(c.space.layers) +
                        " cells, space.layers): it takes at least " + std::to_string(least) + "x" +
                        std::to_string(least) + " (docs/method.md, \"Smallest image\")");
    p.model->to(p.device);
    const auto &w = c.weights;
    p.optimizer = std::make_unique<torch::optim::SGD>(
        p.model->parameters(),
        torch::optim::SGDOptions(w.lr).momentum(w.momentum).weight_decay(w.weightDecay));

    std::ostringstream ss;
    ss.setf(std::ios::fixed);
    ss.precision(3);
    ss << "evaluation of " << c.evaluation.genotype << " on " << p.train.name << " ("
       << p.train.size() << " training / " << p.test.size() << " test images), " << c.space.layers
       << " cells, C=" << c.space.channels << ", " << double(p.model->parameterCount()) / 1e6
       << " M parameters";
    if (c.evaluation.auxiliary)
        ss << " (+" << double(p.model->auxiliaryParameterCount()) / 1e6 << " M auxiliary head)";
    ss.precision(1);
    ss << ", " << double(p.model->multiplyAdds()) / 1e6 << " M multiply-adds per image, "
       << (p.device.is_cuda() ? "cuda" : "cpu") << " with " << threads
       << (threads == 1 ? " thread" : " threads");
    ss << p.shards.describe(p.comm);
    context.message(MessageLevel::Info, ss.str());
    for (const auto &type : p.model->collapsedCells())
        context.message(MessageLevel::Warning,
                        "the " + type +
                            " cell of this genotype collapsed (no node survives): in the network "
                            "it passes c_{k-1} on (halved in a reduction cell), see "
                            "docs/method.md");
    if (!p.train.attribution.empty())
        context.message(MessageLevel::Info, "data: " + p.train.attribution);
}

int64_t EvalTask::epochs() const
{
    return d->config.search.epochs;
}

int64_t EvalTask::stepsPerEpoch() const
{
    return d->sampler ? d->sampler->batchesPerEpoch() : 0;
}

void EvalTask::enterEpoch(int64_t epoch)
{
    auto &p = *d;
    const double epochs = double(p.config.search.epochs);
    p.lr = cosineLr(p.config.weights, epoch, p.config.search.epochs);
    for (auto &group : p.optimizer->param_groups())
        static_cast<torch::optim::SGDOptions &>(group.options()).lr(p.lr);
    // DARTS: drop_path_prob * epoch / epochs.
    p.model->setDropPath(p.config.evaluation.dropPath * double(epoch) / epochs);
    if (p.sumsEpoch != epoch) {
        p.sumsEpoch = epoch;
        p.lossSum = p.correct = p.count = p.seconds = 0;
    }
}

Snapshot EvalTask::step(const RunPosition &at)
{
    auto &p = *d;
    const auto &c = p.config;
    const auto t0 = Clock::now();
    const uint64_t seed = mixSeed(c.search.seed, uint64_t(at.globalStep), 7);
    auto [x, y] = makeBatch(p.train, p.sampler->batch(at.epoch, at.stepInEpoch), true, seed);
    if (c.evaluation.cutout > 0) {
        std::mt19937_64 engine(mixSeed(seed, 11));
        for (int64_t b = 0; b < x.size(0); ++b) {
            const auto cy = int64_t(engine() % uint64_t(x.size(2)));
            const auto cx = int64_t(engine() % uint64_t(x.size(3)));
            cutoutInPlace(x[b], c.evaluation.cutout, cy, cx);
        }
    }
    x = x.to(p.device);
    y = y.to(p.device);

    p.model->train();
    p.optimizer->zero_grad();
    if (p.comm)
        p.comm->takeCommSeconds();
    // Each of this rank's shards forwarded on its own (its own batch-norm statistics and drop-
    // path masks), its gradient added to the others'; one shard is the whole batch.
    double lossValue = 0, correct = 0, n = 0;
    const int64_t size = x.size(0) / p.shards.count;
    for (int64_t k = 0; k < p.shards.local; ++k) {
        const int64_t shard = p.shards.first + k;
        const auto xs = p.shards.count == 1 ? x : x.narrow(0, shard * size, size);
        const auto ys = p.shards.count == 1 ? y : y.narrow(0, shard * size, size);
        p.model->setMaskSeed(p.shards.count == 1 ? mixSeed(seed, 13)
                                                 : mixSeed(seed, 13, uint64_t(shard) + 1));
        const EvalOutput out = p.model->forward(xs);
        auto loss = torch::cross_entropy_loss(out.logits, ys);
        auto total = loss;
        if (out.auxLogits.defined())
            total =
                total + c.evaluation.auxiliaryWeight * torch::cross_entropy_loss(out.auxLogits, ys);
        const double shardLoss = loss.item<double>();
        if (!std::isfinite(shardLoss) && !p.comm)
            throw RunHealthError(RunHealthError::Kind::Diverged,
                                 "the training loss became NaN or infinite", shardLoss);
        (p.shards.local == 1 ? total : total / double(p.shards.local)).backward();
        lossValue += shardLoss / double(p.shards.local);
        correct += out.logits.argmax(1).eq(ys).sum().item<double>();
        n += double(ys.size(0));
    }
    // The ranks' losses and counts, then their gradients and running statistics: every rank
    // takes the same step (and stops together on a loss that is not finite).
    std::vector<torch::Tensor> statistics;
    for (const auto &b : p.model->buffers()) {
        if (p.comm && b.is_floating_point())
            statistics.push_back(b);
    }
    reduceWeightStep(p.comm, lossValue, correct, n, p.model->parameters(), statistics);
    if (c.weights.gradClip > 0)
        torch::nn::utils::clip_grad_norm_(p.model->parameters(), c.weights.gradClip);
    p.optimizer->step();
    p.lossSum += lossValue * n;
    p.correct += correct;
    p.count += n;

    Snapshot s;
    s.weightLr = p.lr;
    s.trainLoss = lossValue;
    s.trainAcc = correct / n;
    s.weightSeconds = s.stepSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    if (p.comm)
        s.commSeconds = p.comm->takeCommSeconds();
    p.seconds += s.stepSeconds;
    return s;
}

std::pair<double, double> EvalTask::Private::runTest()
{
    torch::NoGradGuard guard;
    model->eval();
    double loss = 0, right = 0, n = 0;
    const int64_t bs = config.search.batchSize;
    // A data-parallel run's ranks take every world-size-th batch; the sums are added up.
    const int64_t world = comm ? comm->worldSize() : 1;
    const int64_t first = comm ? comm->rank() * bs : 0;
    for (int64_t begin = first; begin < test.size(); begin += world * bs) {
        std::vector<int64_t> idx;
        for (int64_t i = begin; i < std::min(test.size(), begin + bs); ++i)
            idx.push_back(i);
        auto [x, y] = makeBatch(test, idx, false, 0);
        x = x.to(device);
        y = y.to(device);
        const auto logits = model->forward(x).logits;
        loss += torch::cross_entropy_loss(logits, y, {}, at::Reduction::Sum).item<double>();
        right += logits.argmax(1).eq(y).sum().item<double>();
        n += double(y.size(0));
    }
    model->train();
    if (comm) {
        std::vector<double> sums{loss, right, n};
        comm->sum(sums);
        loss = sums[0];
        right = sums[1];
        n = sums[2];
    }
    return {n ? loss / n : 0.0, n ? right / n : 0.0};
}

EpochSummary EvalTask::finishEpoch(const RunPosition &at)
{
    auto &p = *d;
    const auto t0 = Clock::now();
    EpochSummary e;
    e.weightLr = p.lr;
    e.trainLoss = p.count ? p.lossSum / p.count : 0;
    e.trainAcc = p.count ? p.correct / p.count : 0;
    std::tie(e.valLoss, e.valAcc) = p.runTest();
    if (!std::isfinite(e.valLoss))
        throw RunHealthError(RunHealthError::Kind::Diverged, "the test loss became NaN or infinite",
                             e.valLoss);
    p.seconds += std::chrono::duration<double>(Clock::now() - t0).count();
    e.seconds = p.seconds;
    p.totalSeconds += p.seconds;
    p.seconds = 0;
    p.testLoss = e.valLoss;
    p.testAcc = e.valAcc;
    p.epochsDone = at.epoch + 1;
    return e;
}

void EvalTask::save(CheckpointWriter &writer, json &meta) const
{
    const auto &p = *d;
    writer.put("model", *p.model);
    writer.put("optimizer", *p.optimizer);
    meta["sums"] = {{"epoch", p.sumsEpoch},        {"loss", p.lossSum},
                    {"correct", p.correct},        {"count", p.count},
                    {"seconds", p.seconds},        {"total_seconds", p.totalSeconds},
                    {"epochs_done", p.epochsDone}, {"test_acc", p.testAcc},
                    {"test_loss", p.testLoss}};
}

void EvalTask::load(const CheckpointReader &reader, bool continueRun)
{
    auto &p = *d;
    const json task = reader.meta().value("task", json::object());
    reader.get("model", *p.model);
    if (!continueRun)
        return; // a fork: the weights, with a fresh optimizer and schedule
    reader.get("optimizer", *p.optimizer);
    const json s = task.value("sums", json::object());
    p.sumsEpoch = s.value("epoch", int64_t(-1));
    p.lossSum = s.value("loss", 0.0);
    p.correct = s.value("correct", 0.0);
    p.count = s.value("count", 0.0);
    p.seconds = s.value("seconds", 0.0);
    p.totalSeconds = s.value("total_seconds", 0.0);
    p.epochsDone = s.value("epochs_done", int64_t(0));
    p.testAcc = s.value("test_acc", 0.0);
    p.testLoss = s.value("test_loss", 0.0);
}

uint64_t EvalTask::stateChecksum() const
{
    return tensorChecksum(d->model->parameters());
}

void EvalTask::finish(RunResult &result)
{
    auto &p = *d;
    const auto &c = p.config;
    EvaluationResult r;
    r.genotype = c.evaluation.genotype;
    r.dataset = nameOf(c.dataset.name);
    r.channels = c.space.channels;
    r.layers = c.space.layers;
    r.parameters = p.model->parameterCount();
    r.auxiliaryParameters = p.model->auxiliaryParameterCount();
    r.multiplyAdds = p.model->multiplyAdds();
    r.seed = c.search.seed;
    r.epochs = c.search.epochs;
    r.epochsDone = p.epochsDone;
    r.finished = p.epochsDone >= c.search.epochs;
    r.testAcc = p.testAcc;
    r.testLoss = p.testLoss;
    r.trainSeconds = p.totalSeconds + p.seconds;
    for (const auto &cell : p.genotype.cells) {
        r.cells.push_back({cell.type, int(cell.aliveNodes.size()), int(cell.edges.size())});
    }
    p.context->runDirectory().writeEvaluation(r);
    result.genotype = p.genotype;
    result.finalValAcc = p.testAcc;
}

} // namespace sparsenas
