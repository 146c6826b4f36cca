// SPDX-License-Identifier: MIT
#include "sparsenas/searchengine.h"

#include "sparsenas/architect.h"
#include "sparsenas/dataset.h"
#include "sparsenas/base/fileutil.h"
#include "sparsenas/optimizers.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/supernet.h"
#include "sparsenas/torchcompat.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace sparsenas {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

int configureThreads(int threads)
{
    const int n = threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(n);
    return n;
}

bool cudaAvailable()
{
    return torch::cuda::is_available();
}

std::string torchVersion()
{
    return TORCH_VERSION;
}

std::string blasInUse()
{
    // /proc/self/maps lists the shared objects actually mapped: which libblas.so.3 the
    // alternatives system resolved to (OpenBLAS, reference BLAS, MKL...).
    std::ifstream maps("/proc/self/maps");
    std::string line, found;
    while (std::getline(maps, line)) {
        const auto pos = line.find('/');
        if (pos == std::string::npos)
            continue;
        const auto path = line.substr(pos);
        for (const char *key : {"openblas", "libmkl", "blis", "libblas.so", "atlas"}) {
            if (path.find(key) != std::string::npos && found.find(path) == std::string::npos)
                found += (found.empty() ? "" : ", ") + path;
        }
    }
    return found.empty() ? "unknown (no BLAS library mapped)" : found;
}

namespace {

Dataset loadSearchData(const DatasetConfig &cfg)
{
    Dataset data;
    if (cfg.name == "digits") {
        data = cfg.path.empty() ? loadEmbeddedDigits()
                                : parseDigitsCsv(readMaybeGzip(cfg.path), cfg.path);
    } else if (cfg.name == "fashion-mnist" || cfg.name == "mnist") {
        const auto dir = cfg.path.empty() ? defaultFashionMnistDir() : cfg.path;
        data = loadMnistFolder(dir, cfg.name, /*train=*/true);
    } else if (cfg.name == "cifar10" || cfg.name == "cifar100") {
        data = loadCifarFolder(cfg.path, cfg.name == "cifar10" ? 10 : 100, /*train=*/true);
    } else {
        throw DataError("unknown data set '" + cfg.name + "'");
    }
    if (cfg.limit > 0 && cfg.limit < data.size()) {
        data.images = data.images.narrow(0, 0, cfg.limit).clone();
        data.labels = data.labels.narrow(0, 0, cfg.limit).clone();
    }
    if (data.size() < 2)
        throw DataError("data set '" + cfg.name + "' has fewer than 2 images");
    return data;
}

double cosineLr(const WeightOptimConfig &w, int64_t epoch, int64_t epochs)
{
    const double pi = 3.14159265358979323846;
    return w.lrMin + 0.5 * (w.lr - w.lrMin) * (1 + std::cos(pi * double(epoch) / double(epochs)));
}

/// Sums over the steps of one epoch so far (part of the checkpoint, so a mid-epoch resume
/// reports the same epoch means).
struct EpochSums
{
    double trainLoss = 0, trainCorrect = 0, trainCount = 0;
    double seconds = 0;
    json toJson() const
    {
        return {{"train_loss", trainLoss}, {"train_correct", trainCorrect},
                {"train_count", trainCount}, {"seconds", seconds}};
    }
    static EpochSums fromJson(const json &j)
    {
        EpochSums s;
        s.trainLoss = j.value("train_loss", 0.0);
        s.trainCorrect = j.value("train_correct", 0.0);
        s.trainCount = j.value("train_count", 0.0);
        s.seconds = j.value("seconds", 0.0);
        return s;
    }
};

} // namespace

struct SearchEngine::Private
{
    RunConfig config;
    RunDirectory dir{""};
    SearchObserver *observer = nullptr;
    CommandQueue commands;
    bool pauseOnDivergence = false;
    std::string resumeFrom;         ///< checkpoint to load (resume or fork)
    bool fork = false;
    bool createdDir = false;        ///< the run directory did not exist before this run

    torch::Device device{torch::kCPU};
    Dataset data;
    Split split;
    std::unique_ptr<BatchSampler> trainSampler, valSampler;
    Supernet model{nullptr};
    std::unique_ptr<torch::optim::SGD> weightOpt;
    std::unique_ptr<SparseGroupOptimizer> archOpt;
    std::vector<torch::Tensor> weights, arch;

    // Progress state (all of it is in the checkpoint).
    int64_t epoch = 0, stepInEpoch = 0, globalStep = 0;
    double lambda = 0, alpha = 0.5, lambdaStep = 0.01;
    EpochSums sums;
    double smoothedStepSeconds = 0;

    RunState state = RunState::Idle;

    void message(MessageLevel level, const std::string &text)
    {
        try {
            dir.appendLog(level, text);
        } catch (const std::exception &) {
            // The log is a convenience; the observer still gets the message.
        }
        if (observer)
            observer->onMessage(level, text);
    }
    void setState(RunState s, const std::string &msg = {})
    {
        state = s;
        dir.writeStatus(s, epoch, globalStep, msg);
        if (observer)
            observer->onStateChanged(s);
    }
    void event(RunEventKind kind, double value)
    {
        RunEventInfo e;
        e.kind = kind;
        e.value = value;
        e.step = globalStep;
        e.epoch = epoch;
        e.stepInEpoch = stepInEpoch;
        e.stepsPerEpoch = trainSampler ? trainSampler->batchesPerEpoch() : 0;
        e.lambda = lambda;
        dir.appendMetrics({{"type", "event"}, {"step", e.step}, {"epoch", e.epoch},
                           {"step_in_epoch", e.stepInEpoch}, {"steps_per_epoch", e.stepsPerEpoch},
                           {"lambda", e.lambda}, {"what", toString(kind)}, {"value", value}});
        if (observer)
            observer->onEvent(e);
    }

    void setUp();
    void buildOptimizers();
    void applyPenalty() { archOpt->setPenalty(penaltyFromString(config.arch.penalty), lambda, alpha); }
    std::vector<CellSnapshot> cellSnapshots(double *elementSparsity, double *groupSparsity) const;
    void saveCheckpoint();
    void loadCheckpoint(const std::string &path, bool restoreProgress);
    /// Returns false if the run must stop.
    bool handleCommands(bool *stopRequested);
    std::pair<double, double> evaluate();
    RunResult finish(RunState endState, const std::string &msg);
};

SearchEngine::SearchEngine() : d(std::make_unique<Private>()) {}

SearchEngine::SearchEngine(const RunConfig &config, const std::string &runDir) : SearchEngine()
{
    d->config = config;
    d->dir = RunDirectory(runDir);
    d->createdDir = !std::filesystem::exists(runDir);
    d->dir.create(config);
}

std::unique_ptr<SearchEngine> SearchEngine::resume(const std::string &runDir)
{
    std::unique_ptr<SearchEngine> e(new SearchEngine());
    e->d->dir = RunDirectory(runDir);
    e->d->config = e->d->dir.loadConfig();
    e->d->resumeFrom = e->d->dir.latestCheckpoint();
    if (e->d->resumeFrom.empty())
        throw RunError("'" + runDir + "' has no checkpoint to resume from (it stopped before its "
                       "first checkpoint); start it again with `sparsenas search`");
    return e;
}

std::unique_ptr<SearchEngine> SearchEngine::fork(const std::string &checkpoint,
                                                 const RunConfig &config,
                                                 const std::string &newRunDir)
{
    std::unique_ptr<SearchEngine> e(new SearchEngine());
    e->d->config = config;
    e->d->dir = RunDirectory(newRunDir);
    e->d->createdDir = !std::filesystem::exists(newRunDir);
    e->d->dir.create(config);
    e->d->resumeFrom = checkpoint;
    e->d->fork = true;
    return e;
}

SearchEngine::~SearchEngine() = default;

void SearchEngine::setObserver(SearchObserver *observer)
{
    d->observer = observer;
}

void SearchEngine::setPauseOnDivergence(bool pause)
{
    d->pauseOnDivergence = pause;
}

CommandQueue &SearchEngine::commands()
{
    return d->commands;
}

const RunConfig &SearchEngine::config() const
{
    return d->config;
}

const std::string &SearchEngine::runDir() const
{
    return d->dir.path();
}

void SearchEngine::Private::setUp()
{
    const auto &c = config;
    if (c.search.device == "cuda") {
        if (!cudaAvailable())
            throw RunError("device 'cuda' was asked for, but this LibTorch has no CUDA support "
                           "or sees no GPU; use --device cpu");
        device = torch::Device(torch::kCUDA);
    }
    const int threads = configureThreads(c.search.threads);

    data = loadSearchData(c.dataset);
    split = makeSplit(data.size(), c.search.seed, c.dataset.trainFraction);
    trainSampler =
        std::make_unique<BatchSampler>(split.train, c.search.batchSize, c.search.seed, 1, true);
    valSampler =
        std::make_unique<BatchSampler>(split.val, c.search.batchSize, c.search.seed, 2, true);

    SupernetConfig sc;
    sc.inChannels = data.channels();
    sc.numClasses = data.numClasses;
    sc.channels = c.space.channels;
    sc.layers = c.space.layers;
    sc.nodes = c.space.nodes;
    sc.stemMultiplier = c.space.stemMultiplier;
    sc.ops = c.space.ops;
    sc.archInit = c.arch.init;
    sc.archInitNoise = c.arch.initNoise;
    torch::manual_seed(c.search.seed);
    model = Supernet(sc);
    model->to(device);
    weights = model->weightParameters();
    arch = model->archParameters();
    buildOptimizers();

    lambda = c.arch.lambdaStart;
    alpha = c.arch.alpha;
    lambdaStep = c.arch.lambdaStep;
    applyPenalty();

    std::ostringstream ss;
    ss << "search on " << data.name << " (" << split.train.size() << " train / "
       << split.val.size() << " validation images, " << data.channels() << "x" << data.height()
       << "x" << data.width() << ", " << data.numClasses << " classes), " << c.space.layers
       << " cells of " << c.space.nodes << " nodes, C=" << c.space.channels << ", "
       << c.space.ops.size() << " ops, " << c.arch.optimizer << " + " << c.arch.penalty << ", "
       << c.search.order << " order, " << (device.is_cuda() ? "cuda" : "cpu") << " with "
       << threads << " threads";
    message(MessageLevel::Info, ss.str());
    if (!data.attribution.empty())
        message(MessageLevel::Info, "data: " + data.attribution);
}

void SearchEngine::Private::buildOptimizers()
{
    const auto &w = config.weights;
    weightOpt = std::make_unique<torch::optim::SGD>(
        weights,
        torch::optim::SGDOptions(w.lr).momentum(w.momentum).weight_decay(w.weightDecay));
    const auto &a = config.arch;
    const auto groups = model->archGroupIndex();
    const auto nGroups = model->numArchGroups();
    if (a.optimizer == "hapg") {
        archOpt = std::make_unique<Hapg>(arch, groups, nGroups,
                                         HapgOptions(a.lr).accelerated(a.accelerated));
    } else if (a.optimizer == "adam_hapg") {
        archOpt = std::make_unique<AdamHapg>(arch, groups, nGroups,
                                             AdamHapgOptions(a.lr)
                                                 .betas({a.beta1, a.beta2})
                                                 .eps(a.eps)
                                                 .accelerated(a.accelerated));
    } else if (a.optimizer == "sgd") {
        archOpt = std::make_unique<SubgradientSgd>(
            arch, groups, nGroups, SubgradientSgdOptions(a.lr).momentum(a.momentum));
    } else {
        archOpt = std::make_unique<SubgradientAdam>(
            arch, groups, nGroups,
            SubgradientAdamOptions(a.lr).betas({a.beta1, a.beta2}).eps(a.eps));
    }
}

std::vector<CellSnapshot> SearchEngine::Private::cellSnapshots(double *elementSparsity,
                                                               double *groupSparsity) const
{
    std::vector<CellSnapshot> out;
    int zeros = 0, total = 0, zeroGroups = 0, groups = 0;
    const auto types = SupernetImpl::cellTypes();
    const auto &ops = config.space.ops;
    for (size_t k = 0; k < arch.size(); ++k) {
        const auto a = archOpt->sparseIterate(k).to(torch::kCPU, torch::kFloat).contiguous();
        CellSnapshot cs;
        cs.weights.type = types[k];
        cs.weights.nodes = config.space.nodes;
        cs.weights.ops = ops;
        cs.weights.weights.assign(a.data_ptr<float>(), a.data_ptr<float>() + a.numel());
        const auto g = deriveCell(cs.weights);
        cs.aliveNodes = g.aliveNodes;
        cs.alivePaths = int(g.edges.size());
        for (int j = 0; j < config.space.nodes; ++j) {
            bool allZero = true;
            for (int e = firstEdgeOf(j + 2); e < firstEdgeOf(j + 2) + j + 2; ++e) {
                for (size_t o = 0; o < ops.size(); ++o) {
                    if (ops[o] == "none")
                        continue;
                    ++cs.totalWeights;
                    if (cs.weights.at(e, int(o)) != 0.0f) {
                        ++cs.nonZeroWeights;
                        allZero = false;
                    }
                }
            }
            cs.zeroGroups += allZero ? 1 : 0;
        }
        zeros += cs.totalWeights - cs.nonZeroWeights;
        total += cs.totalWeights;
        zeroGroups += cs.zeroGroups;
        groups += config.space.nodes;
        out.push_back(std::move(cs));
    }
    if (elementSparsity)
        *elementSparsity = total ? double(zeros) / total : 0.0;
    if (groupSparsity)
        *groupSparsity = groups ? double(zeroGroups) / groups : 0.0;
    return out;
}

static torch::Tensor jsonToTensor(const json &j)
{
    const auto s = j.dump();
    return torch::from_blob(const_cast<char *>(s.data()), {int64_t(s.size())}, torch::kUInt8)
        .clone();
}

static json tensorToJson(const torch::Tensor &t)
{
    const auto c = t.contiguous();
    return json::parse(std::string(reinterpret_cast<const char *>(c.data_ptr<uint8_t>()),
                                   size_t(c.numel())));
}

void SearchEngine::Private::saveCheckpoint()
{
    torch::serialize::OutputArchive root, modelArchive, wArchive, aArchive;
    model->save(modelArchive);
    weightOpt->save(wArchive);
    archOpt->save(aArchive);
    root.write("model", modelArchive);
    root.write("weight_optimizer", wArchive);
    root.write("arch_optimizer", aArchive);
    const json meta{{"format", "sparsenas-checkpoint"},
                    {"version", 1},
                    {"epoch", epoch},
                    {"step_in_epoch", stepInEpoch},
                    {"global_step", globalStep},
                    {"lambda", lambda},
                    {"alpha", alpha},
                    {"lambda_step", lambdaStep},
                    {"arch_optimizer", config.arch.optimizer},
                    {"sums", sums.toJson()},
                    {"config", toJson(config)}};
    root.write("meta", jsonToTensor(meta));
    std::ostringstream bytes;
    root.save_to(bytes);
    const auto path = dir.newCheckpointPath(globalStep);
    writeFileAtomic(path, bytes.str());
    dir.commitCheckpoint(path, config.checkpoint.keep);
    event(RunEventKind::Checkpoint, double(globalStep));
    if (observer)
        observer->onCheckpoint(path);
}

void SearchEngine::Private::loadCheckpoint(const std::string &path, bool restoreProgress)
{
    torch::serialize::InputArchive root, modelArchive, wArchive, aArchive;
    try {
        root.load_from(path, device);
    } catch (const std::exception &e) {
        throw RunError("cannot read checkpoint '" + path + "': it is damaged or not a SparseNAS "
                       "checkpoint (" + std::string(e.what()).substr(0, 200) + ")");
    }
    torch::Tensor metaTensor;
    if (!root.try_read("meta", metaTensor))
        throw RunError("'" + path + "' is not a SparseNAS checkpoint (no meta record)");
    const auto meta = tensorToJson(metaTensor);
    try {
        root.read("model", modelArchive);
        model->load(modelArchive);
    } catch (const std::exception &e) {
        throw RunError("checkpoint '" + path + "' does not match this supernet (different space, "
                       "data set or op list?): " + std::string(e.what()).substr(0, 300));
    }
    const bool sameArchOpt = meta.value("arch_optimizer", "") == config.arch.optimizer;
    if (restoreProgress || sameArchOpt) {
        root.read("arch_optimizer", aArchive);
        archOpt->load(aArchive);
    }
    root.read("weight_optimizer", wArchive);
    weightOpt->load(wArchive);
    if (restoreProgress) {
        epoch = meta.at("epoch").get<int64_t>();
        stepInEpoch = meta.at("step_in_epoch").get<int64_t>();
        globalStep = meta.at("global_step").get<int64_t>();
        lambda = meta.at("lambda").get<double>();
        alpha = meta.at("alpha").get<double>();
        lambdaStep = meta.at("lambda_step").get<double>();
        sums = EpochSums::fromJson(meta.value("sums", json::object()));
    } else {
        // A fork keeps the weights and A, and starts its own schedule from the new config;
        // lambda continues from where the source run was unless the config says otherwise.
        lambda = std::max(config.arch.lambdaStart, meta.value("lambda", 0.0));
    }
    applyPenalty();
}

bool SearchEngine::Private::handleCommands(bool *stopRequested)
{
    auto apply = [&](const Command &cmd) {
        switch (cmd.type) {
        case Command::Type::Pause:
            if (state == RunState::Running) {
                setState(RunState::Paused);
                event(RunEventKind::Pause, 0);
                message(MessageLevel::Info, "paused at step " + std::to_string(globalStep));
            }
            break;
        case Command::Type::Resume:
            if (state == RunState::Paused) {
                setState(RunState::Running);
                event(RunEventKind::Resume, 0);
                message(MessageLevel::Info, "resumed");
            }
            break;
        case Command::Type::Stop:
            *stopRequested = true;
            break;
        case Command::Type::SetLambda:
            lambda = std::max(0.0, cmd.value);
            applyPenalty();
            event(RunEventKind::Lambda, lambda);
            message(MessageLevel::Info, "lambda set to " + std::to_string(lambda));
            break;
        case Command::Type::SetAlpha:
            alpha = std::clamp(cmd.value, 0.0, 1.0);
            applyPenalty();
            event(RunEventKind::Alpha, alpha);
            message(MessageLevel::Info, "alpha set to " + std::to_string(alpha));
            break;
        case Command::Type::SetLambdaStep:
            lambdaStep = std::max(0.0, cmd.value);
            event(RunEventKind::LambdaStep, lambdaStep);
            message(MessageLevel::Info, "lambda step set to " + std::to_string(lambdaStep));
            break;
        case Command::Type::Checkpoint:
            saveCheckpoint();
            message(MessageLevel::Info, "checkpoint written at step " + std::to_string(globalStep));
            break;
        }
    };
    for (const auto &cmd : commands.takeAll())
        apply(cmd);
    while (state == RunState::Paused && !*stopRequested) {
        for (const auto &cmd : commands.waitAndTakeAll())
            apply(cmd);
    }
    return !*stopRequested;
}

std::pair<double, double> SearchEngine::Private::evaluate()
{
    // BatchNorm uses batch statistics here, as during the search: the running averages of an
    // affine-free BN inside a supernet whose A keeps changing lag behind and make eval-mode
    // accuracy swing wildly between epochs. (The running buffers still update; they are
    // checkpointed, so a resumed run stays identical.)
    torch::NoGradGuard guard;
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
    for (int64_t b = 0; b < batches; ++b) {
        const auto begin = idx.begin() + b * bs;
        const auto end = idx.begin() + ((foldTail && b + 1 == batches) ? n
                                                                        : std::min(n, (b + 1) * bs));
        auto [x, y] = makeBatch(data, std::vector<int64_t>(begin, end), false, 0);
        x = x.to(device);
        y = y.to(device);
        const auto logits = model->forward(x);
        loss += torch::cross_entropy_loss(logits, y, {}, at::Reduction::Sum).item<double>();
        correct += logits.argmax(1).eq(y).sum().item<double>();
        count += double(y.size(0));
    }
    return {count ? loss / count : 0.0, count ? correct / count : 0.0};
}

RunResult SearchEngine::Private::finish(RunState endState, const std::string &msg)
{
    RunResult r;
    r.state = endState;
    r.message = msg;
    r.epochsDone = epoch;
    r.step = globalStep;
    try {
        std::vector<CellWeights> cells;
        if (archOpt) {
            for (auto &cs : cellSnapshots(nullptr, nullptr))
                cells.push_back(cs.weights);
            r.genotype = deriveGenotype(cells);
            dir.writeGenotype(r.genotype);
        }
    } catch (const std::exception &e) {
        message(MessageLevel::Warning, std::string("could not write the genotype: ") + e.what());
    }
    setState(endState, msg);
    message(endState == RunState::Failed ? MessageLevel::Error : MessageLevel::Info, msg);
    if (observer)
        observer->onFinished(r);
    return r;
}

RunResult SearchEngine::run()
{
    auto &p = *d;
    const auto &c = p.config;
    try {
        p.setUp();
        if (!p.resumeFrom.empty()) {
            p.loadCheckpoint(p.resumeFrom, !p.fork);
            if (!p.fork) {
                p.dir.truncateAfter(p.globalStep, p.epoch);
                p.event(RunEventKind::Truncated, double(p.globalStep));
                p.message(MessageLevel::Info, "resumed from " + p.resumeFrom + " (epoch " +
                                                  std::to_string(p.epoch + 1) + ", step " +
                                                  std::to_string(p.globalStep) + ")");
            } else {
                p.message(MessageLevel::Info, "forked from " + p.resumeFrom);
            }
        }
    } catch (const std::exception &e) {
        RunResult r;
        r.state = RunState::Failed;
        r.message = e.what();
        if (p.observer)
            p.observer->onMessage(MessageLevel::Error, r.message);
        try {
            if (p.createdDir) {
                // A new run that never started (missing data, no CUDA...): leave nothing
                // half-written behind.
                std::filesystem::remove_all(p.dir.path());
            } else {
                p.dir.appendLog(MessageLevel::Error, r.message);
                p.dir.writeStatus(RunState::Failed, p.epoch, p.globalStep, r.message);
            }
        } catch (const std::exception &) {
        }
        if (p.observer)
            p.observer->onFinished(r);
        return r;
    }

    p.setState(RunState::Running);
    const int64_t stepsPerEpoch = p.trainSampler->batchesPerEpoch();
    const int64_t valBatches = p.valSampler->batchesPerEpoch();
    auto ce = [](const torch::Tensor &logits, const torch::Tensor &y) {
        return torch::cross_entropy_loss(logits, y);
    };
    bool stop = false;
    double lastValAcc = 0;
    for (;;) {
    try {
        for (; p.epoch < c.search.epochs; ++p.epoch) {
            const double lr = cosineLr(c.weights, p.epoch, c.search.epochs);
            for (auto &group : p.weightOpt->param_groups())
                static_cast<torch::optim::SGDOptions &>(group.options()).lr(lr);
            if (p.stepInEpoch == 0) {
                if (p.epoch > 0 && !p.fork)
                    p.lambda = std::min(c.arch.lambdaMax, p.lambda + p.lambdaStep);
                p.fork = false;
                p.applyPenalty();
                p.sums = EpochSums();
            }
            const auto epochStart = Clock::now();
            for (; p.stepInEpoch < stepsPerEpoch; ++p.stepInEpoch) {
                if (!p.handleCommands(&stop))
                    break;
                const auto t0 = Clock::now();
                const uint64_t augSeed = mixSeed(c.search.seed, uint64_t(p.globalStep), 7);
                auto [xt, yt] = makeBatch(p.data, p.trainSampler->batch(p.epoch, p.stepInEpoch),
                                          true, augSeed);
                auto [xv, yv] = makeBatch(
                    p.data, p.valSampler->batch(p.epoch, p.stepInEpoch % valBatches), true,
                    augSeed ^ 0x9e3779b97f4a7c15ULL);
                xt = xt.to(p.device);
                yt = yt.to(p.device);
                xv = xv.to(p.device);
                yv = yv.to(p.device);

                // Step 1 (Algorithm 1): the architecture step on the validation batch.
                torch::Tensor valLogits, valLoss;
                BatchLoss lossVal = [&] {
                    valLogits = p.model->forward(xv);
                    return ce(valLogits, yv);
                };
                std::vector<torch::Tensor> gArch;
                if (c.search.order == "second") {
                    VirtualStep vs;
                    vs.lr = lr;
                    vs.momentum = c.weights.momentum;
                    vs.weightDecay = c.weights.weightDecay;
                    for (const auto &w : p.weights) {
                        auto it = p.weightOpt->state().find(compat::stateKey(w));
                        vs.momentumBuffers.push_back(
                            it == p.weightOpt->state().end()
                                ? torch::Tensor()
                                : static_cast<torch::optim::SGDParamState &>(*it->second)
                                      .momentum_buffer());
                    }
                    BatchLoss lossTrain = [&] { return ce(p.model->forward(xt), yt); };
                    gArch = secondOrderArchGrad(lossTrain, lossVal, p.weights, p.arch, vs,
                                                &valLoss);
                } else {
                    valLoss = lossVal();
                    gArch = torch::autograd::grad({valLoss}, p.arch, {}, false, false, true);
                }
                const double lv = valLoss.item<double>();
                if (!std::isfinite(lv))
                    throw std::domain_error("validation loss");
                for (size_t k = 0; k < p.arch.size(); ++k)
                    p.arch[k].mutable_grad() =
                        gArch[k].defined() ? gArch[k].detach() : torch::zeros_like(p.arch[k]);
                p.archOpt->step();
                const double valAcc =
                    valLogits.argmax(1).eq(yv).to(torch::kDouble).mean().item<double>();
                const auto t1 = Clock::now();

                // Step 2: the weight step on the train batch.
                const auto trainLogits = p.model->forward(xt);
                const auto trainLoss = ce(trainLogits, yt);
                const double lt = trainLoss.item<double>();
                if (!std::isfinite(lt))
                    throw std::domain_error("training loss");
                const auto gW = torch::autograd::grad({trainLoss}, p.weights, {}, false, false, true);
                for (size_t k = 0; k < p.weights.size(); ++k)
                    p.weights[k].mutable_grad() =
                        gW[k].defined() ? gW[k] : torch::zeros_like(p.weights[k]);
                torch::nn::utils::clip_grad_norm_(p.weights, c.weights.gradClip);
                p.weightOpt->step();
                const auto t2 = Clock::now();

                const double correct =
                    trainLogits.argmax(1).eq(yt).sum().item<double>();
                p.sums.trainLoss += lt * double(yt.size(0));
                p.sums.trainCorrect += correct;
                p.sums.trainCount += double(yt.size(0));
                ++p.globalStep;

                Snapshot s;
                s.step = p.globalStep;
                s.epoch = p.epoch;
                s.epochs = c.search.epochs;
                s.stepInEpoch = p.stepInEpoch + 1;
                s.stepsPerEpoch = stepsPerEpoch;
                s.lambda = p.lambda;
                s.alpha = p.alpha;
                s.lambdaStep = p.lambdaStep;
                s.weightLr = lr;
                s.trainLoss = lt;
                s.trainAcc = correct / double(yt.size(0));
                s.valLoss = lv;
                s.valAcc = valAcc;
                s.penalty = p.archOpt->penaltyValue();
                s.cells = p.cellSnapshots(&s.elementSparsity, &s.groupSparsity);
                s.archSeconds = std::chrono::duration<double>(t1 - t0).count();
                s.weightSeconds = std::chrono::duration<double>(t2 - t1).count();
                s.stepSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
                p.smoothedStepSeconds = p.smoothedStepSeconds == 0
                                            ? s.stepSeconds
                                            : 0.9 * p.smoothedStepSeconds + 0.1 * s.stepSeconds;
                const int64_t remaining =
                    (c.search.epochs - p.epoch) * stepsPerEpoch - (p.stepInEpoch + 1);
                s.etaSeconds = double(remaining) * p.smoothedStepSeconds;
                p.dir.appendMetrics(toJson(s));
                if (p.observer)
                    p.observer->onSnapshot(s);
            }
            p.sums.seconds += std::chrono::duration<double>(Clock::now() - epochStart).count();
            if (stop)
                break;

            EpochSummary e;
            e.epoch = p.epoch;
            e.step = p.globalStep;
            e.lambda = p.lambda;
            e.alpha = p.alpha;
            e.weightLr = lr;
            e.trainLoss = p.sums.trainCount ? p.sums.trainLoss / p.sums.trainCount : 0;
            e.trainAcc = p.sums.trainCount ? p.sums.trainCorrect / p.sums.trainCount : 0;
            std::tie(e.valLoss, e.valAcc) = p.evaluate();
            lastValAcc = e.valAcc;
            e.penalty = p.archOpt->penaltyValue();
            e.cells = p.cellSnapshots(&e.elementSparsity, &e.groupSparsity);
            e.seconds = p.sums.seconds;
            p.dir.appendEpoch(e);
            if (p.observer)
                p.observer->onEpoch(e);
            p.stepInEpoch = 0;
            if ((p.epoch + 1) % c.checkpoint.everyEpochs == 0 || p.epoch + 1 == c.search.epochs) {
                ++p.epoch; // the checkpoint resumes at the start of the next epoch
                p.saveCheckpoint();
                --p.epoch;
            }
            p.dir.writeStatus(p.state, p.epoch + 1, p.globalStep);
        }
        break;
    } catch (const std::domain_error &e) {
        std::ostringstream ss;
        ss << "the " << e.what() << " became NaN or infinite at epoch " << (p.epoch + 1)
           << ", step " << (p.globalStep + 1) << " (lambda " << p.lambda << ", alpha " << p.alpha
           << "): the search diverged. ";
        std::string ckpt;
        try {
            ckpt = p.dir.latestCheckpoint();
        } catch (const std::exception &) {
        }
        if (!p.pauseOnDivergence || ckpt.empty()) {
            ss << "Nothing after the last checkpoint was kept; lower the learning rates or "
                  "lambda and resume or fork from it.";
            // finish() writes the genotype of the current A; the diverged state is not
            // checkpointed, so a resume starts from the last good checkpoint.
            return p.finish(RunState::Failed, ss.str());
        }
        try {
            p.loadCheckpoint(ckpt, true);
            p.dir.truncateAfter(p.globalStep, p.epoch);
            p.event(RunEventKind::Truncated, double(p.globalStep));
        } catch (const std::exception &e2) {
            return p.finish(RunState::Failed, ss.str() + "Reloading the last checkpoint failed: " +
                                                  e2.what());
        }
        ss << "Rolled back to the last checkpoint (step " << p.globalStep
           << ") and paused: change lambda, alpha or the lambda step, then resume.";
        p.message(MessageLevel::Error, ss.str());
        p.setState(RunState::Paused, ss.str());
    } catch (const std::exception &e) {
        return p.finish(RunState::Failed, std::string("the search failed: ") + e.what());
    }
    }

    if (stop) {
        try {
            p.saveCheckpoint();
        } catch (const std::exception &e) {
            return p.finish(RunState::Failed, std::string("stopped, but the checkpoint could not "
                                                          "be written: ") + e.what());
        }
        auto r = p.finish(RunState::Stopped, "stopped at epoch " + std::to_string(p.epoch + 1) +
                                                 ", step " + std::to_string(p.globalStep) +
                                                 "; resume with `sparsenas resume " +
                                                 p.dir.path() + "`");
        return r;
    }
    auto r = p.finish(RunState::Finished, "search finished after " +
                                              std::to_string(c.search.epochs) + " epochs");
    r.finalValAcc = lastValAcc;
    return r;
}

} // namespace sparsenas
