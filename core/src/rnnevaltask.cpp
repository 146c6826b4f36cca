// SPDX-License-Identifier: MIT
#include "sparsenas/rnnevaltask.h"

#include "rnncommon.h"
#include "searchcommon.h"

#include "sparsenas/base/genotypesource.h"
#include "sparsenas/checkpoint.h"
#include "sparsenas/dataset.h"
#include "sparsenas/distributed.h"
#include "sparsenas/rnnevalnetwork.h"
#include "sparsenas/systeminfo.h"
#include "sparsenas/textcorpus.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <sstream>

namespace sparsenas {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

/// The training stream's hidden states, carried from one batch to the next (a buffer, so the
/// checkpoint holds it and a resume inside an epoch goes on with the same states).
struct TrainCarryImpl : torch::nn::Module
{
    TrainCarryImpl(int64_t batch, int64_t hidden)
    {
        state = register_buffer("train", torch::zeros({batch, hidden}));
    }
    torch::Tensor state;
};
TORCH_MODULE(TrainCarry);

void copyWeights(const RnnEvalNetwork &from, RnnEvalNetwork &to)
{
    torch::NoGradGuard guard;
    const auto src = from->parameters();
    auto dst = to->parameters();
    for (size_t k = 0; k < src.size(); ++k)
        dst[k].copy_(src[k]);
}

} // namespace

bool ntAsgdSwitches(const std::vector<double> &history, double loss, int64_t nonmono)
{
    if (nonmono <= 0 || int64_t(history.size()) <= nonmono)
        return false;
    return loss > *std::min_element(history.begin(), history.end() - nonmono);
}

struct RnnEvalTask::Private
{
    RunConfig config;
    TaskContext *context = nullptr;
    torch::Device device{torch::kCPU};
    TextCorpus corpus;
    torch::Tensor trainData, validData, testData; ///< [rows, columns] token ids
    int64_t steps = 0;
    Genotype genotype;
    RnnEvalNetworkConfig netConfig;
    /// The trained weights; NT-ASGD's running mean of them (once switched); the weights with the
    /// best validation loss so far, which the run tests at its end.
    RnnEvalNetwork model{nullptr}, average{nullptr}, best{nullptr};
    TrainCarry carry{nullptr};
    std::unique_ptr<torch::optim::SGD> optimizer;
    double lr = 0;

    // NT-ASGD (checkpointed).
    bool averaging = false;
    int64_t averagedSteps = 0;
    std::vector<double> history; ///< validation losses of the epochs before the switch
    double bestValid = std::numeric_limits<double>::infinity();
    int64_t bestEpoch = 0; ///< 1-based; 0: none yet
    bool bestAveraged = false;

    // Sums over the current epoch and the run (checkpointed).
    int64_t sumsEpoch = -1;
    double nllSum = 0, correct = 0, count = 0, seconds = 0, totalSeconds = 0;
    int64_t epochsDone = 0;

    Communicator *comm = nullptr;
    BatchShards shards;

    /// Mean NLL per word and next-word accuracy of `net` over the stream `data` from zero
    /// states, without dropout (DARTS's evaluate()): every token but the first of each column
    /// is predicted once.
    std::pair<double, double> evaluate(RnnEvalNetwork &net, const torch::Tensor &data) const;
};

RnnEvalTask::RnnEvalTask(RunConfig config) : d(std::make_unique<Private>())
{
    d->config = std::move(config);
}

RnnEvalTask::~RnnEvalTask() = default;

void RnnEvalTask::setUp(TaskContext &context)
{
    auto &p = *d;
    const auto &c = p.config;
    const auto &lm = c.languageModel;
    p.context = &context;
    p.comm = context.communicator();
    p.device = runDevice(c.search.device, p.comm);
    const int threads = configureThreads(c.search.threads);

    const RunDirectory &dir = context.runDirectory();
    const std::string kept = dir.file("genotype.json");
    const bool keep = !std::filesystem::exists(kept);
    p.genotype = loadGenotype(keep ? c.evaluation.genotype : kept);
    if (!isRecurrentGenotype(p.genotype))
        throw RunError("evaluation.genotype '" + c.evaluation.genotype +
                       "' is a CNN genotype (normal and reduce cells), and this run trains a "
                       "recurrent cell (space.kind rnn): give a recurrent genotype (DARTS_RNN_V2, "
                       "a recurrent search's run directory) or evaluate it with an image preset "
                       "such as digits-eval");
    if (keep)
        dir.writeGenotype(p.genotype);
    const CellGenotype &cell = p.genotype.cells.front();

    p.corpus = loadTextCorpus(c.dataset);
    p.shards = shareBatch(c, p.comm);
    const int64_t batch = c.search.batchSize;
    const int64_t trainRows = int64_t(p.corpus.train.size()) / batch;
    p.steps = trainRows > 0 ? (trainRows - 1) / lm.bptt : 0;
    if (p.steps < 1)
        throw RunError("the training part of " + p.corpus.name + " has " +
                       std::to_string(p.corpus.train.size()) +
                       " tokens: too few for one batch of " + std::to_string(batch) +
                       " columns (search.batch_size) of " + std::to_string(lm.bptt + 1) +
                       " tokens (language_model.bptt + 1)");
    const auto stream = [&](const std::vector<int64_t> &ids, int64_t columns, const char *part,
                            const char *field) {
        if (int64_t(ids.size()) / columns < 2)
            throw RunError("the " + std::string(part) + " part of " + p.corpus.name + " has " +
                           std::to_string(ids.size()) + " tokens: too few for " +
                           std::to_string(columns) + " columns of two tokens (evaluation." + field +
                           ")");
        return batchify(ids, columns).to(p.device);
    };
    p.trainData = batchify(p.corpus.train, batch).to(p.device);
    p.validData =
        stream(p.corpus.valid, c.evaluation.validBatchSize, "validation", "valid_batch_size");
    p.testData = stream(p.corpus.test, c.evaluation.testBatchSize, "test", "test_batch_size");

    auto &nc = p.netConfig;
    nc.vocabulary = p.corpus.vocabularySize();
    nc.hidden = lm.hidden;
    nc.dropout = lm.dropout;
    nc.dropoutHidden = lm.dropoutHidden;
    nc.dropoutX = lm.dropoutX;
    nc.dropoutInput = lm.dropoutInput;
    nc.dropoutWords = lm.dropoutWords;
    nc.scaleByWeights = c.evaluation.scaleByWeights;
    torch::manual_seed(c.search.seed);
    p.model = RnnEvalNetwork(cell, nc);
    p.average = RnnEvalNetwork(cell, nc);
    p.best = RnnEvalNetwork(cell, nc);
    for (auto *net : {&p.model, &p.average, &p.best})
        (*net)->to(p.device);
    copyWeights(p.model, p.average);
    copyWeights(p.model, p.best);
    p.carry = TrainCarry(batch, lm.hidden);
    p.carry->to(p.device);
    const auto &w = c.weights;
    p.optimizer = std::make_unique<torch::optim::SGD>(
        p.model->parameters(),
        torch::optim::SGDOptions(w.lr).momentum(w.momentum).weight_decay(w.weightDecay));

    std::ostringstream ss;
    ss.setf(std::ios::fixed);
    ss.precision(3);
    ss << "evaluation of " << c.evaluation.genotype << " (recurrent cell, "
       << cell.aliveNodes.size() << " nodes, " << cell.edges.size() << " paths) on "
       << p.corpus.name << " (" << p.corpus.train.size() << " training / " << p.corpus.valid.size()
       << " validation / " << p.corpus.test.size() << " test tokens, vocabulary "
       << p.corpus.vocabularySize() << "), hidden " << lm.hidden << ", bptt " << lm.bptt << ", "
       << double(p.model->parameterCount()) / 1e6 << " M parameters";
    ss.precision(1);
    ss << ", " << double(p.model->multiplyAddsPerWord()) / 1e6 << " M multiply-adds per word, "
       << (p.device.is_cuda() ? "cuda" : "cpu") << " with " << threads
       << (threads == 1 ? " thread" : " threads");
    ss << p.shards.describe(p.comm);
    context.message(MessageLevel::Info, ss.str());
    if (!p.corpus.attribution.empty())
        context.message(MessageLevel::Info, "data: " + p.corpus.attribution);
}

int64_t RnnEvalTask::epochs() const
{
    return d->config.search.epochs;
}

int64_t RnnEvalTask::stepsPerEpoch() const
{
    return d->steps;
}

void RnnEvalTask::enterEpoch(int64_t epoch)
{
    auto &p = *d;
    p.lr = cosineLr(p.config.weights, epoch, p.config.search.epochs);
    for (auto &group : p.optimizer->param_groups())
        static_cast<torch::optim::SGDOptions &>(group.options()).lr(p.lr);
    if (p.sumsEpoch != epoch) {
        // A new epoch reads the training part from its start, from zero states (DARTS's
        // train()); a resume inside the epoch keeps the checkpoint's states.
        p.sumsEpoch = epoch;
        p.nllSum = p.correct = p.count = p.seconds = 0;
        torch::NoGradGuard guard;
        p.carry->state.zero_();
    }
}

Snapshot RnnEvalTask::step(const RunPosition &at)
{
    auto &p = *d;
    const auto &c = p.config;
    const auto &lm = c.languageModel;
    const auto t0 = Clock::now();
    const int64_t row = at.stepInEpoch * lm.bptt;
    const auto x = p.trainData.narrow(0, row, lm.bptt);
    const auto y = p.trainData.narrow(0, row + 1, lm.bptt);

    p.model->train();
    p.optimizer->zero_grad();
    if (p.comm)
        p.comm->takeCommSeconds();
    // Each of this rank's column shards forwarded on its own, with its own dropout masks drawn
    // from (seed, step, shard): a resumed run and any split over processes draw the same.
    const int64_t size = x.size(1) / p.shards.count;
    double nll = 0, correct = 0, n = 0;
    for (int64_t k = 0; k < p.shards.local; ++k) {
        const int64_t shard = p.shards.first + k;
        const int64_t col = shard * size;
        auto gen = at::detail::createCPUGenerator(
            mixSeed(c.search.seed, uint64_t(at.globalStep), 11 + uint64_t(shard)));
        const auto target = y.narrow(1, col, size).reshape({-1});
        const auto out =
            p.model->forward(x.narrow(1, col, size), p.carry->state.narrow(0, col, size), &gen);
        const auto raw = torch::nll_loss(out.logProb, target);
        const auto loss = rnn::regularised(raw, out, lm.activationReg, lm.temporalReg);
        const double shardNll = raw.item<double>();
        if (!std::isfinite(shardNll) && !p.comm)
            throw RunHealthError(RunHealthError::Kind::Diverged,
                                 "the training loss became NaN or infinite", shardNll);
        (p.shards.local == 1 ? loss : loss / double(p.shards.local)).backward();
        {
            torch::NoGradGuard guard;
            p.carry->state.narrow(0, col, size).copy_(out.hidden.detach());
        }
        nll += shardNll / double(p.shards.local);
        correct += out.logProb.argmax(1).eq(target).sum().item<double>();
        n += double(target.size(0));
    }
    reduceWeightStep(p.comm, nll, correct, n, p.model->parameters());
    // Every rank holds every column's state, so the checkpoint (rank 0's) has them all.
    shareShardRows(p.comm, p.shards, {p.carry->state});
    if (c.weights.gradClip > 0)
        torch::nn::utils::clip_grad_norm_(p.model->parameters(), c.weights.gradClip);
    p.optimizer->step();
    if (p.averaging) {
        // NT-ASGD: the running mean of the iterates since the switch.
        torch::NoGradGuard guard;
        p.averagedSteps += 1;
        const double mu = 1.0 / double(p.averagedSteps);
        const auto from = p.model->parameters();
        auto to = p.average->parameters();
        for (size_t k = 0; k < from.size(); ++k)
            to[k].add_(from[k] - to[k], mu);
    }
    p.nllSum += nll * n;
    p.correct += correct;
    p.count += n;

    Snapshot s;
    s.weightLr = p.lr;
    s.trainLoss = nll;
    s.trainAcc = n ? correct / n : 0;
    s.weightSeconds = s.stepSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    if (p.comm)
        s.commSeconds = p.comm->takeCommSeconds();
    p.seconds += s.stepSeconds;
    return s;
}

std::pair<double, double> RnnEvalTask::Private::evaluate(RnnEvalNetwork &net,
                                                         const torch::Tensor &data) const
{
    // Every rank computes all of it: the stream cannot be cut, each batch starts from the states
    // the one before ended in.
    torch::NoGradGuard guard;
    net->eval();
    const int64_t bptt = config.languageModel.bptt;
    const int64_t rows = data.size(0);
    auto hidden = net->initialHidden(data.size(1));
    double loss = 0, right = 0, n = 0;
    for (int64_t i = 0; i + 1 < rows; i += bptt) {
        const int64_t len = std::min(bptt, rows - 1 - i);
        const auto out = net->forward(data.narrow(0, i, len), hidden, nullptr);
        const auto target = data.narrow(0, i + 1, len).reshape({-1});
        hidden = out.hidden;
        loss += torch::nll_loss(out.logProb, target, {}, at::Reduction::Sum).item<double>();
        right += out.logProb.argmax(1).eq(target).sum().item<double>();
        n += double(target.size(0));
    }
    net->train();
    return {n ? loss / n : 0.0, n ? right / n : 0.0};
}

EpochSummary RnnEvalTask::finishEpoch(const RunPosition &at)
{
    auto &p = *d;
    const auto t0 = Clock::now();
    EpochSummary e;
    e.weightLr = p.lr;
    e.trainLoss = p.count ? p.nllSum / p.count : 0;
    e.trainAcc = p.count ? p.correct / p.count : 0;
    // After the switch the average is what is validated (and kept if best), as DARTS does.
    const bool averaged = p.averaging;
    std::tie(e.valLoss, e.valAcc) = p.evaluate(averaged ? p.average : p.model, p.validData);
    if (!std::isfinite(e.valLoss))
        throw RunHealthError(RunHealthError::Kind::Diverged,
                             "the validation loss became NaN or infinite", e.valLoss);
    if (e.valLoss < p.bestValid) {
        p.bestValid = e.valLoss;
        p.bestEpoch = at.epoch + 1;
        p.bestAveraged = averaged;
        copyWeights(averaged ? p.average : p.model, p.best);
    }
    if (const int64_t nonmono = p.config.evaluation.asgdNonmono; !averaged) {
        if (ntAsgdSwitches(p.history, e.valLoss, nonmono)) {
            const double before = *std::min_element(p.history.begin(), p.history.end() - nonmono);
            p.averaging = true;
            p.averagedSteps = 0;
            std::ostringstream ss;
            ss.setf(std::ios::fixed);
            ss.precision(2);
            ss << "NT-ASGD: validation perplexity " << std::exp(e.valLoss) << " is worse than "
               << std::exp(before) << ", the best before the last " << nonmono
               << " epochs; from epoch " << at.epoch + 2
               << " on the weights are averaged (evaluation.asgd_nonmono)";
            p.context->message(MessageLevel::Info, ss.str());
        }
        p.history.push_back(e.valLoss);
    }
    p.seconds += std::chrono::duration<double>(Clock::now() - t0).count();
    e.seconds = p.seconds;
    p.totalSeconds += p.seconds;
    p.seconds = 0;
    p.epochsDone = at.epoch + 1;
    return e;
}

void RnnEvalTask::save(CheckpointWriter &writer, json &meta) const
{
    const auto &p = *d;
    writer.put("model", *p.model);
    writer.put("optimizer", *p.optimizer);
    writer.put("average", *p.average);
    writer.put("best", *p.best);
    writer.put("carry", *p.carry);
    meta["nt_asgd"] = {{"averaging", p.averaging},  {"averaged_steps", p.averagedSteps},
                       {"history", p.history},      {"best_valid", p.bestValid},
                       {"best_epoch", p.bestEpoch}, {"best_averaged", p.bestAveraged}};
    meta["sums"] = {{"epoch", p.sumsEpoch},       {"nll", p.nllSum},
                    {"correct", p.correct},       {"count", p.count},
                    {"seconds", p.seconds},       {"total_seconds", p.totalSeconds},
                    {"epochs_done", p.epochsDone}};
    if (!std::isfinite(p.bestValid))
        meta["nt_asgd"]["best_valid"] = nullptr; // JSON has no infinity
}

void RnnEvalTask::load(const CheckpointReader &reader, bool continueRun)
{
    auto &p = *d;
    const json task = reader.meta().value("task", json::object());
    reader.get("model", *p.model);
    if (!continueRun) {
        // A fork: the weights, with a fresh optimizer, schedule and record of the best.
        copyWeights(p.model, p.average);
        copyWeights(p.model, p.best);
        return;
    }
    reader.get("optimizer", *p.optimizer);
    reader.get("average", *p.average);
    reader.get("best", *p.best);
    reader.get("carry", *p.carry);
    const json a = task.value("nt_asgd", json::object());
    p.averaging = a.value("averaging", false);
    p.averagedSteps = a.value("averaged_steps", int64_t(0));
    p.history = a.value("history", std::vector<double>());
    const auto bv = a.find("best_valid");
    p.bestValid = bv != a.end() && bv->is_number() ? bv->get<double>()
                                                   : std::numeric_limits<double>::infinity();
    p.bestEpoch = a.value("best_epoch", int64_t(0));
    p.bestAveraged = a.value("best_averaged", false);
    const json s = task.value("sums", json::object());
    p.sumsEpoch = s.value("epoch", int64_t(-1));
    p.nllSum = s.value("nll", 0.0);
    p.correct = s.value("correct", 0.0);
    p.count = s.value("count", 0.0);
    p.seconds = s.value("seconds", 0.0);
    p.totalSeconds = s.value("total_seconds", 0.0);
    p.epochsDone = s.value("epochs_done", int64_t(0));
}

uint64_t RnnEvalTask::stateChecksum() const
{
    return tensorChecksum(d->model->parameters());
}

void RnnEvalTask::finish(RunResult &result)
{
    auto &p = *d;
    const auto &c = p.config;
    // DARTS tests the weights of the best validation epoch; a run stopped before its first
    // epoch ended has none and tests what it has (the average, once switched).
    RnnEvalNetwork &tested = p.bestEpoch > 0 ? p.best : p.averaging ? p.average : p.model;
    const auto [testLoss, testAcc] = p.evaluate(tested, p.testData);
    const CellGenotype &cell = p.genotype.cells.front();
    EvaluationResult r;
    r.genotype = c.evaluation.genotype;
    r.dataset = nameOf(c.dataset.name);
    r.space = "rnn";
    r.hidden = c.languageModel.hidden;
    r.vocabulary = p.corpus.vocabularySize();
    r.parameters = p.model->parameterCount();
    r.multiplyAdds = p.model->multiplyAddsPerWord();
    r.seed = c.search.seed;
    r.epochs = c.search.epochs;
    r.epochsDone = p.epochsDone;
    r.finished = p.epochsDone >= c.search.epochs;
    r.testLoss = testLoss;
    r.testAcc = testAcc;
    r.validLoss = p.bestEpoch > 0 ? p.bestValid : 0.0;
    r.bestEpoch = p.bestEpoch;
    r.averaged = p.bestEpoch > 0 ? p.bestAveraged : p.averaging;
    r.trainSeconds = p.totalSeconds + p.seconds;
    r.cells.push_back({cell.type, int(cell.aliveNodes.size()), int(cell.edges.size())});
    p.context->runDirectory().writeEvaluation(r);
    std::ostringstream ss;
    ss.setf(std::ios::fixed);
    ss.precision(2);
    ss << "test perplexity " << std::exp(testLoss) << " (" << c.evaluation.testBatchSize
       << (c.evaluation.testBatchSize == 1 ? " column" : " columns") << ") with the weights of ";
    if (p.bestEpoch > 0)
        ss << "epoch " << p.bestEpoch << " (validation perplexity " << std::exp(p.bestValid)
           << (p.bestAveraged ? ", averaged" : "") << ")";
    else
        ss << "the last step (no epoch finished)";
    p.context->message(MessageLevel::Info, ss.str());
    result.genotype = p.genotype;
    result.finalValAcc = testAcc;
}

} // namespace sparsenas
