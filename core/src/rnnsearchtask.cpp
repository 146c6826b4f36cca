// SPDX-License-Identifier: MIT
#include "sparsenas/rnnsearchtask.h"

#include "rnncommon.h"
#include "searchcommon.h"
#include "sparsenas/base/sparsity.h"
#include "sparsenas/bilevelstep.h"
#include "sparsenas/checkpoint.h"
#include "sparsenas/dataset.h"
#include "sparsenas/distributed.h"
#include "sparsenas/optimizers.h"
#include "sparsenas/rnnsupernet.h"
#include "sparsenas/systeminfo.h"
#include "sparsenas/textcorpus.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <sstream>

namespace sparsenas {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

/// The hidden states carried from one batch to the next, as buffers so that the checkpoint
/// holds them (a resume inside an epoch continues the same streams).
struct CarryImpl : torch::nn::Module
{
    CarryImpl(int64_t batch, int64_t hidden)
    {
        train = register_buffer("train", torch::zeros({batch, hidden}));
        val = register_buffer("val", torch::zeros({batch, hidden}));
    }
    torch::Tensor train, val;
};
TORCH_MODULE(Carry);

} // namespace

struct RnnSearchTask::Private
{
    RunConfig config;
    TaskContext *context = nullptr;
    torch::Device device{torch::kCPU};
    TextCorpus corpus;
    torch::Tensor trainData, valData; ///< [rows, batch] token ids
    int64_t steps = 0, valSteps = 0;
    RnnSupernet model{nullptr};
    Carry carry{nullptr};
    std::vector<torch::Tensor> weights, arch;
    std::unique_ptr<torch::optim::SGD> weightOpt;
    std::unique_ptr<SparseGroupOptimizer> archOpt;
    std::unique_ptr<BilevelStep> bilevel;

    LambdaSchedule schedule;
    EpochSums sums;
    double lr = 0;
    std::vector<CellSnapshot> lastCells;
    std::vector<bool> collapseReported;
    double lastValAcc = 0; ///< next-word accuracy on the validation part, last epoch

    Communicator *comm = nullptr;
    BatchShards shards;

    std::vector<CellSnapshot> cellSnapshots() const;
    /// The loss of this rank's column shards of the batch (x, y) [T, B] from the hidden states
    /// `from` [B, H]: each shard forwarded on its own, the mean of their mean losses. Writes the
    /// states the batch ends in to `next` and the mean raw NLL (without AR / TAR) to `nll`.
    torch::Tensor shardedLoss(const torch::Tensor &x, const torch::Tensor &y,
                              const torch::Tensor &from, torch::Tensor &next, double &nll,
                              std::vector<at::Generator> &gens, bool regularise, BatchStats *st);
    std::pair<double, double> validate();
};

torch::Tensor RnnSearchTask::Private::shardedLoss(const torch::Tensor &x, const torch::Tensor &y,
                                                  const torch::Tensor &from, torch::Tensor &next,
                                                  double &nll, std::vector<at::Generator> &gens,
                                                  bool regularise, BatchStats *st)
{
    const auto &lm = config.languageModel;
    const int64_t size = x.size(1) / shards.count;
    next = from.clone();
    torch::Tensor total;
    double nllSum = 0;
    BatchStats sum;
    for (int64_t k = 0; k < shards.local; ++k) {
        const int64_t at = (shards.first + k) * size;
        const auto target = y.narrow(1, at, size).reshape({-1});
        // Each shard draws its masks from its own generator, so a shard's masks are the same
        // whichever rank computes it.
        const auto out = model->forward(x.narrow(1, at, size), from.narrow(0, at, size),
                                        &gens[size_t(shards.first + k)]);
        const auto raw = torch::nll_loss(out.logProb, target);
        const auto loss = regularise ? rnn::regularised(raw, out, lm.activationReg, lm.temporalReg)
                                     : raw;
        next.narrow(0, at, size).copy_(out.hidden.detach());
        nllSum += raw.item<double>();
        if (st) {
            sum.correct += out.logProb.argmax(1).eq(target).sum().item<double>();
            sum.count += double(target.size(0));
        }
        total = total.defined() ? total + loss : loss;
    }
    nll = nllSum / double(shards.local);
    if (st)
        *st = sum;
    return shards.local == 1 ? total : total / double(shards.local);
}

RnnSearchTask::RnnSearchTask(RunConfig config) : d(std::make_unique<Private>())
{
    d->config = std::move(config);
    d->schedule = LambdaSchedule(d->config.arch);
}

RnnSearchTask::~RnnSearchTask() = default;

void RnnSearchTask::setUp(TaskContext &context)
{
    auto &p = *d;
    const auto &c = p.config;
    const auto &lm = c.languageModel;
    p.context = &context;
    p.comm = context.communicator();
    p.device = runDevice(c.search.device, p.comm);
    const int threads = configureThreads(c.search.threads);

    p.corpus = loadTextCorpus(c.dataset);
    p.shards = shareBatch(c, p.comm);
    const int64_t batch = c.search.batchSize;
    const auto cut = [&](const std::vector<int64_t> &ids, const char *part, int64_t &steps) {
        const int64_t rows = int64_t(ids.size()) / batch;
        steps = rows > 0 ? (rows - 1) / lm.bptt : 0;
        if (steps < 1)
            throw RunError("the " + std::string(part) + " part of " + p.corpus.name + " has " +
                           std::to_string(ids.size()) + " tokens: too few for one batch of " +
                           std::to_string(batch) + " columns (search.batch_size) of " +
                           std::to_string(lm.bptt + 1) + " tokens (language_model.bptt + 1)");
        return batchify(ids, batch).to(p.device);
    };
    p.trainData = cut(p.corpus.train, "training", p.steps);
    p.valData = cut(p.corpus.valid, "validation", p.valSteps);

    RnnSupernetConfig mc;
    mc.vocabulary = p.corpus.vocabularySize();
    mc.hidden = lm.hidden;
    mc.nodes = c.space.nodes;
    mc.ops = c.space.ops;
    mc.dropout = lm.dropout;
    mc.dropoutHidden = lm.dropoutHidden;
    mc.dropoutX = lm.dropoutX;
    mc.dropoutInput = lm.dropoutInput;
    mc.dropoutWords = lm.dropoutWords;
    mc.archInit = c.arch.init;
    mc.archInitNoise = c.arch.initNoise;
    torch::manual_seed(c.search.seed);
    p.model = RnnSupernet(mc);
    p.model->to(p.device);
    p.carry = Carry(batch, lm.hidden);
    p.carry->to(p.device);
    p.weights = p.model->weightParameters();
    p.arch = p.model->archParameters();
    const auto &w = c.weights;
    p.weightOpt = std::make_unique<torch::optim::SGD>(
        p.weights, torch::optim::SGDOptions(w.lr).momentum(w.momentum).weight_decay(w.weightDecay));
    p.archOpt =
        makeArchOptimizer(c.arch, p.arch, p.model->archGroupIndex(), p.model->numArchGroups());
    p.bilevel = std::make_unique<BilevelStep>(
        p.weights, p.arch, *p.weightOpt, *p.archOpt,
        BilevelStep::Settings{c.search.order, w.momentum, w.weightDecay, w.gradClip});
    if (p.comm)
        p.bilevel->setCommunicator(p.comm, {});
    p.collapseReported.assign(p.arch.size(), false);
    p.lastCells = p.cellSnapshots();

    std::ostringstream ss;
    ss << "recurrent search on " << p.corpus.name << " (" << p.corpus.train.size() << " train / "
       << p.corpus.valid.size() << " validation tokens, vocabulary " << p.corpus.vocabularySize()
       << "), " << c.space.nodes << " nodes, hidden " << lm.hidden << ", bptt " << lm.bptt << ", "
       << c.space.ops.size() << " ops, " << nameOf(c.arch.optimizer) << " + "
       << nameOf(c.arch.penalty) << ", " << nameOf(c.search.order) << " order, "
       << (p.device.is_cuda() ? "cuda" : "cpu") << " with " << threads
       << (threads == 1 ? " thread" : " threads");
    ss << p.shards.describe(p.comm);
    context.message(MessageLevel::Info, ss.str());
    if (!p.corpus.attribution.empty())
        context.message(MessageLevel::Info, "data: " + p.corpus.attribution);
}

int64_t RnnSearchTask::epochs() const
{
    return d->config.search.epochs;
}

int64_t RnnSearchTask::stepsPerEpoch() const
{
    return d->steps;
}

void RnnSearchTask::enterEpoch(int64_t epoch)
{
    auto &p = *d;
    p.lr = cosineLr(p.config.weights, epoch, p.config.search.epochs);
    for (auto &group : p.weightOpt->param_groups())
        static_cast<torch::optim::SGDOptions &>(group.options()).lr(p.lr);
    p.schedule.enterEpoch(epoch);
    if (p.sums.epoch != epoch) {
        // A new epoch reads both streams from their start, from zero states (as DARTS's
        // train() does); a resume inside the epoch keeps the checkpoint's states.
        p.sums = EpochSums();
        p.sums.epoch = epoch;
        torch::NoGradGuard noGrad;
        p.carry->train.zero_();
        p.carry->val.zero_();
    }
}

Snapshot RnnSearchTask::step(const RunPosition &at)
{
    auto &p = *d;
    const auto &c = p.config;
    const int64_t bptt = c.languageModel.bptt;
    const auto t0 = Clock::now();
    const int64_t row = at.stepInEpoch * bptt;
    const auto xt = p.trainData.narrow(0, row, bptt), yt = p.trainData.narrow(0, row + 1, bptt);
    const int64_t vstep = at.stepInEpoch % p.valSteps;
    if (vstep == 0) {
        // The validation stream starts over (it is shorter than the training stream).
        torch::NoGradGuard noGrad;
        p.carry->val.zero_();
    }
    const auto xv = p.valData.narrow(0, vstep * bptt, bptt);
    const auto yv = p.valData.narrow(0, vstep * bptt + 1, bptt);

    // The dropout masks of this step: the same for the same step, so a resumed run draws what an
    // uninterrupted one did.
    std::vector<at::Generator> gens;
    for (int64_t k = 0; k < p.shards.count; ++k)
        gens.push_back(at::detail::createCPUGenerator(
            mixSeed(c.search.seed, uint64_t(at.globalStep), 11 + uint64_t(k))));
    torch::Tensor nextTrain, nextVal;
    double trainNll = 0, valNll = 0;
    p.archOpt->setPenalty(p.schedule.penalty(), p.schedule.lambda(), p.schedule.alpha());
    const auto fromTrain = p.carry->train.clone(), fromVal = p.carry->val.clone();
    const BatchObjective train = [&](BatchStats *st) {
        return p.shardedLoss(xt, yt, fromTrain, nextTrain, trainNll, gens, true, st);
    };
    const BatchObjective val = [&](BatchStats *st) {
        return p.shardedLoss(xv, yv, fromVal, nextVal, valNll, gens, false, st);
    };
    const auto r = p.bilevel->run(train, val, p.lr);
    {
        // A data-parallel rank computed its shards' columns: every rank gets them all, so that
        // rank 0's checkpoint holds every column's state.
        shareShardRows(p.comm, p.shards, {nextTrain, nextVal});
        torch::NoGradGuard noGrad;
        p.carry->train.copy_(nextTrain);
        p.carry->val.copy_(nextVal);
    }
    if (p.comm) {
        // Every rank reports the whole batch's NLL (BilevelStep averaged the losses with the
        // regularisers; the perplexity is of the NLL alone).
        std::vector<double> nll{trainNll, valNll};
        p.comm->sum(nll);
        trainNll = nll[0] / double(p.comm->worldSize());
        valNll = nll[1] / double(p.comm->worldSize());
    }

    p.lastCells = p.cellSnapshots();
    Snapshot s =
        searchStepRecord(p.sums, p.schedule, p.lr, *p.archOpt, p.lastCells, r, trainNll, valNll);
    s.stepSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    p.sums.seconds += s.stepSeconds;
    return s;
}

std::optional<RunHealthError> RnnSearchTask::checkHealth()
{
    auto &p = *d;
    return archHealth(*p.archOpt, p.arch.size(), p.lastCells, p.collapseReported, p.schedule,
                      p.config.arch.maxWeight);
}

std::vector<CellSnapshot> RnnSearchTask::Private::cellSnapshots() const
{
    return {archSnapshot(archOpt->sparseIterate(0), RnnSupernetImpl::cellTypes().front(),
                         config.space.nodes, 1, config.space.ops)};
}

std::pair<double, double> RnnSearchTask::Private::validate()
{
    // The epoch's perplexity is that of the sparse iterate x_t, from which the genotype is
    // derived, without dropout, over the whole validation part from zero states; batch norm on
    // the batch's statistics, as during the search. Every rank computes all of it (the stream
    // cannot be cut: each batch starts from the states the one before ended in).
    torch::NoGradGuard guard;
    const auto lookAhead = arch[0].detach().clone();
    arch[0].detach().copy_(archOpt->sparseIterate(0));
    const int64_t bptt = config.languageModel.bptt;
    auto hidden = model->initialHidden(valData.size(1));
    double loss = 0, correct = 0, count = 0;
    for (int64_t k = 0; k < valSteps; ++k) {
        const auto x = valData.narrow(0, k * bptt, bptt);
        const auto y = valData.narrow(0, k * bptt + 1, bptt).reshape({-1});
        const auto out = model->forward(x, hidden, nullptr);
        hidden = out.hidden;
        loss += torch::nll_loss(out.logProb, y, {}, at::Reduction::Sum).item<double>();
        correct += out.logProb.argmax(1).eq(y).sum().item<double>();
        count += double(y.size(0));
    }
    arch[0].detach().copy_(lookAhead);
    return {count ? loss / count : 0.0, count ? correct / count : 0.0};
}

EpochSummary RnnSearchTask::finishEpoch(const RunPosition &)
{
    auto &p = *d;
    EpochSummary e = searchEpochRecord(p.sums, p.schedule, p.lr, p.validate());
    p.lastValAcc = e.valAcc;
    completeEpochRecord(e, *p.archOpt, p.cellSnapshots(), p.sums);
    return e;
}

std::optional<RunEventInfo> RnnSearchTask::steer(const Command &c)
{
    return steerSchedule(d->schedule, c);
}

void RnnSearchTask::describe(RunEventInfo &event) const
{
    event.lambda = d->schedule.lambda();
}

void RnnSearchTask::save(CheckpointWriter &writer, json &meta) const
{
    const auto &p = *d;
    writer.put("model", *p.model);
    writer.put("carry", *p.carry);
    saveSearchState(writer, meta, *p.weightOpt, *p.archOpt, p.schedule, p.sums,
                    p.config.arch.optimizer);
}

void RnnSearchTask::load(const CheckpointReader &reader, bool continueRun)
{
    auto &p = *d;
    const auto &meta = reader.meta();
    const json task = meta.value("task", json::object());
    reader.get("model", *p.model);
    loadSearchOptimizers(reader, task, *p.weightOpt, *p.archOpt, p.config.arch, continueRun);
    restoreSchedule(p.schedule, p.sums, task, meta, p.config.arch, continueRun, *p.context);
    if (continueRun)
        reader.get("carry", *p.carry);
    p.collapseReported.assign(p.arch.size(), false);
    p.lastCells = p.cellSnapshots();
}

uint64_t RnnSearchTask::stateChecksum() const
{
    return tensorChecksum({d->arch[0].detach(), d->archOpt->sparseIterate(0)});
}

void RnnSearchTask::finish(RunResult &result)
{
    auto &p = *d;
    result.genotype = deriveGenotype({p.cellSnapshots().front().weights});
    result.finalValAcc = p.lastValAcc;
    const auto why = p.context->runDirectory().writeGenotype(result.genotype);
    if (!why.whyNoDarts.empty())
        p.context->message(MessageLevel::Info,
                           "no genotype_darts.txt: the cell does not fit DARTS's recurrent "
                           "format (" +
                               why.whyNoDarts + "); genotype.json holds it");
}

} // namespace sparsenas
