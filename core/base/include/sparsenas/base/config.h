// SPDX-License-Identifier: MIT
#pragma once

// The run configuration: one JSON document, validated field by field. Every wrong field is named
// with what is wrong, all at once (ConfigError::what() holds one line per problem).

#include "sparsenas/base/errors.h"
#include "sparsenas/base/names.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace sparsenas {

struct DatasetConfig
{
    DatasetKind name = DatasetKind::Digits;
    std::string path;           ///< folder (empty: the embedded digits / Debian's default)
    double trainFraction = 0.5; ///< DARTS: half for w, half for A
    /// Use only the first `limit` training images, or tokens of a text corpus's training part
    /// (0: all).
    int64_t limit = 0;
};

struct SpaceConfig
{
    /// cnn: DARTS's CNN cell on images; rnn: its recurrent cell on text (language_model says
    /// the rest). An rnn space's nodes default to 8 and its ops to dartsRnnOps().
    SpaceKind kind = SpaceKind::Cnn;
    int64_t channels = 16;
    int64_t layers = 8;
    int nodes = 4;
    int64_t stemMultiplier = 3;
    std::vector<std::string> ops = {"none",         "max_pool_3x3", "avg_pool_3x3",
                                    "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
                                    "dil_conv_3x3", "dil_conv_5x5"}; ///< the 8 DARTS ops
};

/// The recurrent space's language model around the searched cell, with DARTS's search-time
/// defaults (rnn/train_search.py). Dropout masks are drawn once per batch and reused over its
/// time steps (variational, "locked" dropout).
struct LanguageModelConfig
{
    /// Embedding and hidden size alike: the decoder shares the embedding's weights, so the
    /// cell's output must have the embedding's width (DARTS: emsize = nhid = 300).
    int64_t hidden = 300;
    int64_t bptt = 35;           ///< time steps per batch (truncated backpropagation)
    double dropout = 0.75;       ///< on the cell's outputs, before the decoder
    double dropoutHidden = 0.25; ///< on every state a node reads (DARTS dropouth)
    double dropoutX = 0.75;      ///< on x_t into the first state (dropoutx)
    double dropoutInput = 0.2;   ///< on the embeddings (dropouti)
    double dropoutWords = 0.0;   ///< whole rows of the embedding matrix (dropoute)
    double activationReg = 0.0;  ///< AR: alpha * mean(dropped output^2) (DARTS --alpha)
    double temporalReg = 1e-3;   ///< TAR: beta * mean((h_t - h_{t-1})^2) (DARTS --beta)
};

struct WeightOptimConfig
{
    double lr = 0.025;
    double lrMin = 0.001;
    double momentum = 0.9;
    double weightDecay = 3e-4;
    double gradClip = 5.0;
};

/// The weights' learning rate in `epoch` (0-based) of `epochs`: a cosine from lr to lr_min, as
/// DARTS's CosineAnnealingLR steps it once per epoch.
double cosineLr(const WeightOptimConfig &w, int64_t epoch, int64_t epochs);

struct ArchConfig
{
    ArchOptimizerKind optimizer = ArchOptimizerKind::AdamHapg;
    double lr = 3e-4; ///< default 3e-4 (adam_hapg, adam), 3e-3 (hapg, sgd)
    double beta1 = 0.5;
    double beta2 = 0.999;
    double eps = 1e-8;
    double momentum = 0.9;   ///< for the sgd baseline
    bool accelerated = true; ///< HAPG momentum of Eq. 7-8
    PenaltyKind penalty = PenaltyKind::SparseGroupLasso;
    double alpha = 0.5;
    double lambdaStart = 0.0;
    double lambdaStep = 0.01; ///< added at the start of every epoch after the first
    double lambdaMax = 1.0;   ///< cap
    double init = 0.125;      ///< initial A
    double initNoise = 1e-3;
    /// A larger |A| (or a non-finite one) means the search diverged (docs/method.md).
    double maxWeight = 100.0;
};

struct SearchConfig
{
    int64_t epochs = 50;
    int64_t batchSize = 64;
    SearchOrder order = SearchOrder::First;
    uint64_t seed = 2;
    DeviceKind device = DeviceKind::Cpu;
    int threads = 0;         ///< 0: all cores
    int64_t evalBatches = 0; ///< validation batches for the epoch's accuracy (0: all)
    /// A cell type whose every architecture weight is exactly zero can never come back (its
    /// gradient is zero): Stop ends the run there (the studio pauses and offers a rollback),
    /// Continue goes on with a warning (batch runs that study the collapse).
    CollapsePolicy onCollapse = CollapsePolicy::Stop;
    /// A training loss above this many times the run's first loss, or the median of the last
    /// 50 if lower (either at least 1), means the run diverged, a search or an evaluation
    /// (RunLoop's LossWatch); 0 turns the check off.
    double divergenceFactor = 100.0;
    /// Compute only what the sparse iterate needs (ops with A == 0 without their backward, ops
    /// on exactly-zero nodes not at all): the same numbers to the last bit, faster as the
    /// search sparsifies. false computes every op, as a reference (docs/method.md).
    bool exploitSparsity = true;
    /// Not exact, off by default (0): an op whose A stayed exactly zero through this many whole
    /// epochs is frozen: never computed again, its A pinned at zero and its weights left alone
    /// by the weight step. A departure from the paper (docs/method.md).
    int64_t freezeZeroEpochs = 0;
    /// The batch is cut into this many equal shards, each forwarded on its own (its own batch-
    /// norm statistics) and their gradients averaged; a data-parallel run's ranks share them
    /// out (docs/distributed.md). 0: one shard per process, fixed when the run starts, so a
    /// run resumed with fewer processes still computes the same steps.
    int64_t batchShards = 0;
    /// A data-parallel run's ranks give up on a rank that has not answered for this long
    /// (seconds), and say which.
    double distTimeout = 300;
};

struct CheckpointConfig
{
    int64_t everyEpochs = 1;
    int64_t keep = 3;
};

/// The stand-alone training of a genotype's network (task "evaluate"; docs/method.md,
/// "Evaluation"). The run's other sections say the rest: space.channels / layers /
/// stem_multiplier size the network, weights the SGD (DARTS: lr 0.025 cosine to lr_min 0),
/// search the epochs, batch, seed, device and threads. A recurrent cell (space.kind rnn) is
/// trained as a language model sized by language_model; auxiliary, drop_path, cutout and
/// recompute_cells are the CNN's, the last three fields the language model's.
struct EvaluationConfig
{
    /// A built-in name (DARTS_V1, DARTS_V2), a search's run directory, a genotype.json or a
    /// DARTS-notation text file. Resolved when the run starts and kept in its genotype.json.
    std::string genotype;
    bool auxiliary = true;
    double auxiliaryWeight = 0.4;
    double dropPath = 0.2; ///< raised linearly from 0 to this over the epochs
    int64_t cutout = 16;   ///< side of the square; 0 turns cutout off
    bool scaleByWeights = false;
    /// Keep only each cell's inputs during the forward pass and compute the cell again in the
    /// backward pass (activation recomputation): a fraction of the memory for about a third
    /// more time per step; the same values, gradients and statistics (docs/method.md).
    bool recomputeCells = false;
    /// NT-ASGD (DARTS's rnn/train.py, nonmono): plain SGD until the validation loss is worse
    /// than the best of the epochs before the last `asgd_nonmono`, then SGD whose weights are
    /// averaged, the average validated and tested. 0: SGD throughout.
    int64_t asgdNonmono = 5;
    int64_t validBatchSize = 10; ///< columns of the validation stream (DARTS: 10)
    int64_t testBatchSize = 1;   ///< columns of the test stream (DARTS: 1)
};

struct RunConfig
{
    TaskKind task = TaskKind::Search;
    std::string name = "search";
    DatasetConfig dataset;
    SpaceConfig space;
    LanguageModelConfig languageModel;
    WeightOptimConfig weights;
    ArchConfig arch;
    SearchConfig search;
    CheckpointConfig checkpoint;
    EvaluationConfig evaluation;
};

/// Parses and validates; throws ConfigError listing every problem ("arch.alpha: must be in
/// [0, 1], got 1.5"). Unknown fields are errors (a typo must not silently become a default).
RunConfig configFromJson(const nlohmann::json &j);
/// Parses text (JSON syntax errors are reported with line and column).
RunConfig configFromText(const std::string &text, const std::string &origin = "config");
RunConfig loadConfigFile(const std::string &path);
/// The fully resolved config, every field present.
nlohmann::json toJson(const RunConfig &config);

/// Validation without throwing: one message per problem, empty if valid. The studio's form
/// calls this as the user types.
std::vector<std::string> validateConfig(const nlohmann::json &j);

/// Fields of a run's configuration that may differ between a checkpoint and the run that
/// continues from it (resume): threads, device, the learning rates, lambda and alpha and their
/// schedule, epochs, evaluation and checkpoint settings. Everything else describes the model or
/// the data the checkpoint was trained on.
const std::vector<std::string> &resumeSafeFields();
/// The fields (config paths) whose values differ between `checkpointConfig` and `runConfig`
/// (both as toJson writes them) and are not resume-safe, each as "path: the checkpoint has X,
/// the configuration has Y". Empty if the run may continue from the checkpoint.
std::vector<std::string> checkpointConfigMismatch(const nlohmann::json &checkpointConfig,
                                                  const nlohmann::json &runConfig);

/// Sets `assignment` ("section.key=value", e.g. search.epochs=3) in a config's JSON: the value
/// is parsed as JSON (a bare word is a string). Throws ConfigError naming the problem (no '=',
/// an empty field name, null, a path through a value, a number out of range).
void applyConfigOverride(nlohmann::json &config, const std::string &assignment);

/// Shipped presets: the searches digits-quick, fashion-mnist, cifar10-paper, the recurrent
/// searches text-quick and ptb-paper, the evaluations digits-eval, fashion-mnist-eval,
/// cifar10-eval, cifar100-eval, and the recurrent evaluations text-eval and ptb-eval.
std::vector<std::string> presetNames();
/// The preset's JSON text; throws ConfigError for an unknown name.
std::string presetText(const std::string &name);
RunConfig presetConfig(const std::string &name);

} // namespace sparsenas
