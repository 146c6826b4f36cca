// SPDX-License-Identifier: MIT
#include "sparsenas/searchtask.h"

#include "searchcommon.h"

#include "sparsenas/base/lambdaschedule.h"
#include "sparsenas/base/memoryestimate.h"
#include "sparsenas/base/sparsity.h"
#include "sparsenas/bilevelstep.h"
#include "sparsenas/checkpoint.h"
#include "sparsenas/dataset.h"
#include "sparsenas/distributed.h"
#include "sparsenas/optimizers.h"
#include "sparsenas/supernet.h"
#include "sparsenas/systeminfo.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

namespace sparsenas {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

torch::Tensor crossEntropy(const torch::Tensor &logits, const torch::Tensor &y, BatchStats *st)
{
    if (st) {
        st->correct = logits.argmax(1).eq(y).sum().item<double>();
        st->count = double(y.size(0));
    }
    return torch::cross_entropy_loss(logits, y);
}

} // namespace

struct SearchTask::Private
{
    RunConfig config;
    TaskContext *context = nullptr;
    torch::Device device{torch::kCPU};
    Dataset data;
    Split split;
    std::unique_ptr<BatchSampler> trainSampler, valSampler;
    Supernet model{nullptr};
    std::vector<torch::Tensor> weights, arch;
    std::unique_ptr<torch::optim::SGD> weightOpt;
    std::unique_ptr<SparseGroupOptimizer> archOpt;
    std::unique_ptr<BilevelStep> bilevel;

    LambdaSchedule schedule;
    EpochSums sums;
    double lr = 0;
    std::vector<CellSnapshot> lastCells; ///< of the last step
    std::vector<bool> collapseReported;  ///< per cell type
    double lastValAcc = 0;

    /// search.freeze_zero_epochs, per cell type and entry (CPU, flat): whether A (look-ahead
    /// or sparse iterate) was nonzero after some step of this epoch, for how many whole epochs
    /// in a row it was not, and the epoch it was frozen at (-1: not frozen).
    struct Freeze
    {
        std::vector<torch::Tensor> nonzeroThisEpoch, zeroEpochs, frozenAt;
        json toJson() const;
    };
    Freeze freeze;

    std::vector<CellSnapshot> cellSnapshots() const;
    void resetFreeze();
    void noteNonzeros();
    /// Freezes what stayed zero long enough, at the end of `epoch`; the count frozen now.
    int64_t freezeAfterEpoch(int64_t epoch);
    /// Hands the frozen set to the model, the architecture optimizer and the weight step.
    void applyFreeze();
    void loadFreeze(const json &j);
    std::pair<double, double> validate();

    /// Data parallel (docs/distributed.md): the batch in shards, this rank's computed here.
    Communicator *comm = nullptr;
    BatchShards shards;
    /// The loss of this rank's shards of (x, y): the mean of the shards' mean losses, each
    /// shard forwarded on its own.
    torch::Tensor shardedLoss(const torch::Tensor &x, const torch::Tensor &y, BatchStats *st);
};

torch::Tensor SearchTask::Private::shardedLoss(const torch::Tensor &x, const torch::Tensor &y,
                                               BatchStats *st)
{
    if (shards.count == 1)
        return crossEntropy(model->forward(x), y, st);
    const int64_t size = x.size(0) / shards.count;
    torch::Tensor total;
    BatchStats sum;
    for (int64_t k = 0; k < shards.local; ++k) {
        const int64_t at = (shards.first + k) * size;
        BatchStats one;
        const auto loss = crossEntropy(model->forward(x.narrow(0, at, size)), y.narrow(0, at, size),
                                       st ? &one : nullptr);
        total = total.defined() ? total + loss : loss;
        sum.correct += one.correct;
        sum.count += one.count;
    }
    if (st)
        *st = sum;
    return shards.local == 1 ? total : total / double(shards.local);
}

SearchTask::SearchTask(RunConfig config) : d(std::make_unique<Private>())
{
    d->config = std::move(config);
    d->schedule = LambdaSchedule(d->config.arch);
}

SearchTask::~SearchTask() = default;

void SearchTask::setUp(TaskContext &context)
{
    auto &p = *d;
    const auto &c = p.config;
    p.context = &context;
    p.comm = context.communicator();
    p.device = runDevice(c.search.device, p.comm);
    const int threads = configureThreads(c.search.threads);

    p.data = loadDataset(c.dataset, /*train=*/true);
    checkImagesFitTheSpace(p.data, c.space);
    if (p.device.is_cpu()) {
        // Before the model is built: a space too large for the machine is said now, not by the
        // allocator (or the OOM killer) hours into the run.
        if (const auto available = availableMemoryBytes()) {
            if (const auto problem = memoryProblem(c, p.data.height(), p.data.width(), *available,
                                                   residentMemoryBytes()))
                throw RunError(*problem);
        }
    }
    p.shards = shareBatch(c, p.comm);
    p.split = makeSplit(p.data.size(), c.search.seed, c.dataset.trainFraction);
    p.trainSampler =
        std::make_unique<BatchSampler>(p.split.train, c.search.batchSize, c.search.seed, 1, true);
    p.valSampler =
        std::make_unique<BatchSampler>(p.split.val, c.search.batchSize, c.search.seed, 2, true);

    SupernetConfig sc;
    sc.inChannels = p.data.channels();
    sc.numClasses = p.data.numClasses;
    sc.channels = c.space.channels;
    sc.layers = c.space.layers;
    sc.nodes = c.space.nodes;
    sc.stemMultiplier = c.space.stemMultiplier;
    sc.ops = c.space.ops;
    sc.archInit = c.arch.init;
    sc.archInitNoise = c.arch.initNoise;
    sc.exploitSparsity = c.search.exploitSparsity;
    torch::manual_seed(c.search.seed);
    p.model = Supernet(sc);
    p.model->to(p.device);
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
    if (p.comm) {
        std::vector<torch::Tensor> buffers;
        for (const auto &b : p.model->buffers())
            buffers.push_back(b);
        p.bilevel->setCommunicator(p.comm, buffers);
    }
    p.collapseReported.assign(p.arch.size(), false);
    p.resetFreeze();
    p.lastCells = p.cellSnapshots();

    std::ostringstream ss;
    ss << "search on " << p.data.name << " (" << p.split.train.size() << " train / "
       << p.split.val.size() << " validation images, " << p.data.channels() << "x"
       << p.data.height() << "x" << p.data.width() << ", " << p.data.numClasses << " classes), "
       << c.space.layers << " cells of " << c.space.nodes << " nodes, C=" << c.space.channels
       << ", " << c.space.ops.size() << " ops, " << nameOf(c.arch.optimizer) << " + "
       << nameOf(c.arch.penalty) << ", " << nameOf(c.search.order) << " order, "
       << (p.device.is_cuda() ? "cuda" : "cpu") << " with " << threads
       << (threads == 1 ? " thread" : " threads");
    ss << p.shards.describe(p.comm);
    context.message(MessageLevel::Info, ss.str());
    if (!p.data.attribution.empty())
        context.message(MessageLevel::Info, "data: " + p.data.attribution);
}

int64_t SearchTask::epochs() const
{
    return d->config.search.epochs;
}

int64_t SearchTask::stepsPerEpoch() const
{
    return d->trainSampler ? d->trainSampler->batchesPerEpoch() : 0;
}

void SearchTask::enterEpoch(int64_t epoch)
{
    auto &p = *d;
    p.lr = cosineLr(p.config.weights, epoch, p.config.search.epochs);
    for (auto &group : p.weightOpt->param_groups())
        static_cast<torch::optim::SGDOptions &>(group.options()).lr(p.lr);
    p.schedule.enterEpoch(epoch);
    if (p.sums.epoch != epoch) {
        p.sums = EpochSums();
        p.sums.epoch = epoch;
    }
}

Snapshot SearchTask::step(const RunPosition &at)
{
    auto &p = *d;
    const auto &c = p.config;
    const auto t0 = Clock::now();
    const uint64_t augSeed = mixSeed(c.search.seed, uint64_t(at.globalStep), 7);
    auto [xt, yt] =
        makeBatch(p.data, p.trainSampler->batch(at.epoch, at.stepInEpoch), true, augSeed);
    auto [xv, yv] = makeBatch(
        p.data, p.valSampler->batch(at.epoch, at.stepInEpoch % p.valSampler->batchesPerEpoch()),
        true, augSeed ^ 0x9e3779b97f4a7c15ULL);
    xt = xt.to(p.device);
    yt = yt.to(p.device);
    xv = xv.to(p.device);
    yv = yv.to(p.device);

    // The penalty in force comes from its one owner, the schedule.
    p.archOpt->setPenalty(p.schedule.penalty(), p.schedule.lambda(), p.schedule.alpha());
    const BatchObjective train = [&](BatchStats *st) { return p.shardedLoss(xt, yt, st); };
    const BatchObjective val = [&](BatchStats *st) { return p.shardedLoss(xv, yv, st); };
    // A training loss that exploded is the loop's to catch (RunLoop::watchLoss).
    const auto r = p.bilevel->run(train, val, p.lr);
    p.noteNonzeros();

    p.lastCells = p.cellSnapshots();
    Snapshot s = searchStepRecord(p.sums, p.schedule, p.lr, *p.archOpt, p.lastCells, r, r.trainLoss,
                                  r.valLoss);
    s.stepSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    p.sums.seconds += s.stepSeconds;
    return s;
}

std::optional<RunHealthError> SearchTask::checkHealth()
{
    auto &p = *d;
    return archHealth(*p.archOpt, p.arch.size(), p.lastCells, p.collapseReported, p.schedule,
                      p.config.arch.maxWeight);
}

std::vector<CellSnapshot> SearchTask::Private::cellSnapshots() const
{
    std::vector<CellSnapshot> out;
    const auto types = SupernetImpl::cellTypes();
    for (size_t k = 0; k < arch.size(); ++k) {
        out.push_back(archSnapshot(archOpt->sparseIterate(k), types[k], config.space.nodes, 2,
                                   config.space.ops));
        if (k < freeze.frozenAt.size()) {
            const auto *at = freeze.frozenAt[k].data_ptr<int64_t>();
            for (int64_t i = 0; i < freeze.frozenAt[k].numel(); ++i) {
                if (at[i] >= 0)
                    out.back().frozen.push_back(int(i));
            }
        }
    }
    return out;
}

json SearchTask::Private::Freeze::toJson() const
{
    auto lists = [](const std::vector<torch::Tensor> &ts) {
        json out = json::array();
        for (const auto &t : ts) {
            const auto v = t.to(torch::kLong).contiguous();
            out.push_back(
                std::vector<int64_t>(v.data_ptr<int64_t>(), v.data_ptr<int64_t>() + v.numel()));
        }
        return out;
    };
    return {{"nonzero_this_epoch", lists(nonzeroThisEpoch)},
            {"zero_epochs", lists(zeroEpochs)},
            {"frozen_at", lists(frozenAt)}};
}

void SearchTask::Private::resetFreeze()
{
    freeze = Freeze();
    if (config.search.freezeZeroEpochs <= 0)
        return;
    for (const auto &a : arch) {
        freeze.nonzeroThisEpoch.push_back(torch::zeros({a.numel()}, torch::kBool));
        freeze.zeroEpochs.push_back(torch::zeros({a.numel()}, torch::kLong));
        freeze.frozenAt.push_back(torch::full({a.numel()}, -1, torch::kLong));
    }
    applyFreeze();
}

void SearchTask::Private::noteNonzeros()
{
    if (freeze.nonzeroThisEpoch.empty())
        return;
    torch::NoGradGuard noGrad;
    for (size_t k = 0; k < arch.size(); ++k) {
        const auto nz = archOpt->sparseIterate(k).ne(0).logical_or(arch[k].detach().ne(0));
        freeze.nonzeroThisEpoch[k].logical_or_(nz.flatten().cpu());
    }
}

int64_t SearchTask::Private::freezeAfterEpoch(int64_t epoch)
{
    if (freeze.nonzeroThisEpoch.empty())
        return 0;
    int64_t fresh = 0;
    for (size_t k = 0; k < arch.size(); ++k) {
        auto &zero = freeze.zeroEpochs[k];
        zero.add_(1).masked_fill_(freeze.nonzeroThisEpoch[k], 0);
        freeze.nonzeroThisEpoch[k].zero_();
        // The "none" column is pinned at zero anyway: it is no op to freeze.
        auto now = zero.ge(config.search.freezeZeroEpochs).logical_and_(freeze.frozenAt[k].lt(0));
        const int64_t ops = int64_t(config.space.ops.size());
        for (int64_t o = 0; o < ops; ++o) {
            if (config.space.ops[size_t(o)] == "none")
                now.view({-1, ops}).select(1, o).fill_(false);
        }
        fresh += now.sum().item<int64_t>();
        freeze.frozenAt[k].masked_fill_(now, epoch);
    }
    if (fresh > 0)
        applyFreeze();
    return fresh;
}

void SearchTask::Private::applyFreeze()
{
    std::vector<torch::Tensor> masks;
    for (const auto &f : freeze.frozenAt)
        masks.push_back(f.ge(0).view(arch[masks.size()].sizes()));
    model->setFrozen(masks);
    archOpt->setFrozen(masks);
    bilevel->setFrozenWeights(model->frozenWeights());
}

void SearchTask::Private::loadFreeze(const json &j)
{
    resetFreeze();
    if (freeze.frozenAt.empty() || j.is_null())
        return;
    auto read = [&](const char *key, std::vector<torch::Tensor> &into) {
        const std::string what = std::string("the checkpoint's task.freeze.") + key;
        if (!j.is_object() || !j.contains(key) || !j[key].is_array() ||
            j[key].size() != into.size())
            throw RunError(what + " is missing or does not match the search space");
        for (size_t k = 0; k < into.size(); ++k) {
            std::vector<int64_t> v;
            try {
                v = j[key][k].get<std::vector<int64_t>>();
            } catch (const json::exception &) {
                throw RunError(what + "[" + std::to_string(k) + "] must be a list of integers");
            }
            if (int64_t(v.size()) != into[k].numel())
                throw RunError(what + "[" + std::to_string(k) + "] has " +
                               std::to_string(v.size()) + " entries, the search space " +
                               std::to_string(into[k].numel()));
            into[k] = torch::tensor(v, torch::kLong).to(into[k].scalar_type());
        }
    };
    read("nonzero_this_epoch", freeze.nonzeroThisEpoch);
    read("zero_epochs", freeze.zeroEpochs);
    read("frozen_at", freeze.frozenAt);
    // Values the run itself could not have written: refused, not acted on.
    const int64_t ops = int64_t(config.space.ops.size());
    for (size_t k = 0; k < arch.size(); ++k) {
        const std::string at = "[" + std::to_string(k) + "]";
        if (freeze.zeroEpochs[k].lt(0).any().item<bool>())
            throw RunError("the checkpoint's task.freeze.zero_epochs" + at +
                           " holds a negative count");
        if (freeze.frozenAt[k].lt(-1).any().item<bool>())
            throw RunError("the checkpoint's task.freeze.frozen_at" + at +
                           " holds an epoch below -1");
        const auto frozen = freeze.frozenAt[k].ge(0);
        const auto a = arch[k].detach().flatten().cpu();
        const auto x = archOpt->sparseIterate(k).flatten().cpu();
        const auto live = frozen.logical_and(a.ne(0).logical_or(x.ne(0)));
        if (live.any().item<bool>())
            throw RunError("the checkpoint's task.freeze.frozen_at" + at + " freezes entry " +
                           std::to_string(live.nonzero()[0][0].item<int64_t>()) +
                           ", whose architecture weight is not zero");
        for (int64_t o = 0; o < ops; ++o) {
            if (config.space.ops[size_t(o)] == "none" &&
                frozen.view({-1, ops}).select(1, o).any().item<bool>())
                throw RunError("the checkpoint's task.freeze.frozen_at" + at +
                               " freezes the \"none\" column");
        }
    }
    applyFreeze();
}

std::pair<double, double> SearchTask::Private::validate()
{
    // The epoch's accuracy is that of the sparse iterate x_t, from which the genotype is
    // derived, at the real weights (not the look-ahead A_t the steps run at). BatchNorm uses
    // batch statistics, as during the search: the running averages of an affine-free BN inside
    // a supernet whose A keeps changing lag behind and make eval-mode accuracy swing wildly
    // between epochs. (The running buffers still update; they are checkpointed, so a resumed
    // run stays identical.)
    torch::NoGradGuard guard;
    std::vector<torch::Tensor> lookAhead;
    for (size_t k = 0; k < arch.size(); ++k) {
        lookAhead.push_back(arch[k].detach().clone());
        arch[k].detach().copy_(archOpt->sparseIterate(k));
    }
    double loss = 0, correct = 0, count = 0;
    const auto &idx = split.val;
    const int64_t bs = config.search.batchSize;
    int64_t batches = (int64_t(idx.size()) + bs - 1) / bs;
    if (config.search.evalBatches > 0)
        batches = std::min(batches, config.search.evalBatches);
    const int64_t n = int64_t(idx.size());
    // A short tail batch would get poor batch statistics: fold it into the batch before.
    const bool foldTail = config.search.evalBatches == 0 && batches > 1 && n % bs != 0 &&
                          n % bs < bs / 2;
    if (foldTail)
        --batches;
    // A data-parallel run's ranks take every world-size-th batch; the sums are added up.
    const int64_t world = comm ? comm->worldSize() : 1;
    const int64_t rank = comm ? comm->rank() : 0;
    for (int64_t b = rank; b < batches; b += world) {
        const auto begin = idx.begin() + b * bs;
        const auto end =
            idx.begin() + ((foldTail && b + 1 == batches) ? n : std::min(n, (b + 1) * bs));
        auto [x, y] = makeBatch(data, std::vector<int64_t>(begin, end), false, 0);
        x = x.to(device);
        y = y.to(device);
        const auto logits = model->forward(x);
        loss += torch::cross_entropy_loss(logits, y, {}, at::Reduction::Sum).item<double>();
        correct += logits.argmax(1).eq(y).sum().item<double>();
        count += double(y.size(0));
    }
    for (size_t k = 0; k < arch.size(); ++k)
        arch[k].detach().copy_(lookAhead[k]);
    if (comm) {
        std::vector<double> sums{loss, correct, count};
        comm->sum(sums);
        loss = sums[0];
        correct = sums[1];
        count = sums[2];
    }
    return {count ? loss / count : 0.0, count ? correct / count : 0.0};
}

EpochSummary SearchTask::finishEpoch(const RunPosition &at)
{
    auto &p = *d;
    EpochSummary e = searchEpochRecord(p.sums, p.schedule, p.lr, p.validate());
    p.lastValAcc = e.valAcc;
    if (const int64_t fresh = p.freezeAfterEpoch(at.epoch)) {
        std::ostringstream ss;
        ss << "froze " << fresh << (fresh == 1 ? " op" : " ops")
           << " whose architecture weight stayed exactly zero for "
           << p.config.search.freezeZeroEpochs
           << (p.config.search.freezeZeroEpochs == 1 ? " epoch" : " epochs")
           << " (search.freeze_zero_epochs): never computed again, weight pinned at zero";
        p.context->message(MessageLevel::Info, ss.str());
    }
    completeEpochRecord(e, *p.archOpt, p.cellSnapshots(), p.sums);
    return e;
}

std::optional<RunEventInfo> SearchTask::steer(const Command &c)
{
    return steerSchedule(d->schedule, c);
}

void SearchTask::describe(RunEventInfo &event) const
{
    event.lambda = d->schedule.lambda();
}

void SearchTask::save(CheckpointWriter &writer, json &meta) const
{
    const auto &p = *d;
    writer.put("model", *p.model);
    saveSearchState(writer, meta, *p.weightOpt, *p.archOpt, p.schedule, p.sums,
                    p.config.arch.optimizer);
    if (!p.freeze.frozenAt.empty())
        meta["freeze"] = p.freeze.toJson();
}

void SearchTask::load(const CheckpointReader &reader, bool continueRun)
{
    auto &p = *d;
    const auto &meta = reader.meta();
    // Version 1 checkpoints keep the task's fields at the top level.
    const json task = reader.version() >= 2 ? meta.value("task", json::object()) : meta;
    reader.get("model", *p.model);
    loadSearchOptimizers(reader, task, *p.weightOpt, *p.archOpt, p.config.arch, continueRun);
    restoreSchedule(p.schedule, p.sums, task, meta, p.config.arch, continueRun, *p.context);
    // The frozen set goes on with the run; a fork starts its own count (its A may be zero
    // already, but the new settings decide what freezes).
    p.loadFreeze(continueRun ? task.value("freeze", json()) : json());
    p.collapseReported.assign(p.arch.size(), false);
    p.lastCells = p.cellSnapshots();
}

uint64_t SearchTask::stateChecksum() const
{
    // A: the look-ahead and the sparse iterate, every bit of them.
    std::vector<torch::Tensor> state;
    for (size_t k = 0; k < d->arch.size(); ++k) {
        state.push_back(d->arch[k].detach());
        state.push_back(d->archOpt->sparseIterate(k));
    }
    return tensorChecksum(state);
}

void SearchTask::finish(RunResult &result)
{
    auto &p = *d;
    std::vector<CellWeights> cells;
    for (auto &cs : p.cellSnapshots())
        cells.push_back(cs.weights);
    result.genotype = deriveGenotype(cells);
    result.finalValAcc = p.lastValAcc;
    const auto why = p.context->runDirectory().writeGenotype(result.genotype);
    if (!why.whyNoDarts.empty())
        p.context->message(MessageLevel::Info,
                           "no genotype_darts.txt: the cell does not fit DARTS's format (" +
                               why.whyNoDarts +
                               "); genotype_ptdarts.txt and genotype.json hold it");
    if (!why.whyNoPtDarts.empty())
        p.context->message(MessageLevel::Warning,
                           "no genotype_ptdarts.txt either: " + why.whyNoPtDarts);
}

} // namespace sparsenas
