// SPDX-License-Identifier: MIT
#include "sparsenas/base/config.h"

#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/jsontext.h"
#include "sparsenas/base/names.h"
#include "sparsenas/base/printable.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace sparsenas {

using nlohmann::json;

namespace {

std::string show(const json &v)
{
    // A string from a --set need not be UTF-8: shown, not thrown on (printable() escapes it).
    std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
    return s.size() > 40 ? s.substr(0, 37) + "..." : s;
}

/// Walks one JSON object, reading known fields into a struct and collecting every problem.
class Section
{
public:
    Section(const json *obj, std::string path, std::vector<std::string> &errors)
        : m_obj(obj), m_path(std::move(path)), m_errors(errors)
    {
    }

    /// A sub-object; a missing one reads as empty (all defaults).
    Section child(const std::string &key)
    {
        m_known.insert(key);
        const json *sub = nullptr;
        if (m_obj && m_obj->contains(key)) {
            sub = &(*m_obj)[key];
            if (!sub->is_object()) {
                error(key, "must be an object, got " + show(*sub));
                sub = nullptr;
            }
        }
        return Section(sub, at(key), m_errors);
    }

    void number(const std::string &key, double &out, double lo, double hi, bool loOpen = false)
    {
        const json *v = get(key);
        if (!v)
            return;
        if (!v->is_number()) {
            error(key, "must be a number, got " + show(*v));
            return;
        }
        const double d = v->get<double>();
        if (!std::isfinite(d) || d < lo || d > hi || (loOpen && d == lo)) {
            std::ostringstream ss;
            ss << "must be in " << (loOpen ? "(" : "[") << lo << ", " << hi << "], got " << d;
            error(key, ss.str());
            return;
        }
        out = d;
    }

    template <typename Int>
    void integer(const std::string &key, Int &out, int64_t lo, int64_t hi)
    {
        const json *v = get(key);
        if (!v)
            return;
        if (!v->is_number_integer()) {
            error(key, "must be an integer, got " + show(*v));
            return;
        }
        if (v->is_number_unsigned() && v->get<uint64_t>() > uint64_t(hi)) {
            // Past int64's range (a seed of 2^64 - 1): said as written, not wrapped to -1.
            error(key, "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " +
                           std::to_string(v->get<uint64_t>()));
            return;
        }
        const int64_t i = v->is_number_unsigned() ? int64_t(v->get<uint64_t>()) : v->get<int64_t>();
        if (i < lo || i > hi) {
            error(key, "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " +
                           std::to_string(i));
            return;
        }
        out = Int(i);
    }

    void boolean(const std::string &key, bool &out)
    {
        const json *v = get(key);
        if (!v)
            return;
        if (!v->is_boolean()) {
            error(key, "must be true or false, got " + show(*v));
            return;
        }
        out = v->get<bool>();
    }

    void text(const std::string &key, std::string &out,
              const std::vector<std::string> &allowed = {})
    {
        const json *v = get(key);
        if (!v)
            return;
        if (!v->is_string()) {
            error(key, "must be a string, got " + show(*v));
            return;
        }
        const auto s = v->get<std::string>();
        if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
            std::string list;
            for (const auto &a : allowed)
                list += (list.empty() ? "" : ", ") + a;
            error(key, "must be one of " + list + ", got \"" + s + "\"");
            return;
        }
        out = s;
    }

    /// A choice from an enum's name table (names.h).
    template <typename E>
    void choice(const std::string &key, E &out)
    {
        std::string name;
        const auto errorsBefore = m_errors.size();
        text(key, name, namesOf<E>());
        if (m_errors.size() == errorsBefore && !name.empty())
            out = *parseName<E>(name);
    }

    void opList(const std::string &key, std::vector<std::string> &out, SpaceKind space)
    {
        const json *v = get(key);
        if (!v)
            return;
        if (!v->is_array() || v->empty()) {
            error(key, "must be a non-empty list of operation names");
            return;
        }
        std::vector<std::string> ops;
        std::set<std::string> seen;
        bool ok = true;
        for (size_t i = 0; i < v->size(); ++i) {
            const auto &e = (*v)[i];
            const std::string where = key + "[" + std::to_string(i) + "]";
            if (!e.is_string()) {
                error(where, "must be a string, got " + show(e));
                ok = false;
                continue;
            }
            const auto name = e.get<std::string>();
            if (!isKnownOp(name, space)) {
                error(where, "unknown operation \"" + name + "\" for the " + nameOf(space) +
                                 " space (" + joined(opsOf(space)) + ")");
                ok = false;
            } else if (!seen.insert(name).second) {
                error(where, "operation \"" + name + "\" is listed twice");
                ok = false;
            }
            ops.push_back(name);
        }
        if (ok && std::all_of(ops.begin(), ops.end(), [](auto &o) { return o == "none"; })) {
            error(key, "needs at least one operation other than \"none\"");
            ok = false;
        }
        if (ok)
            out = ops;
    }

    static std::string joined(const std::vector<std::string> &names)
    {
        std::string out;
        for (const auto &n : names)
            out += (out.empty() ? "" : ", ") + n;
        return out;
    }

    /// Reports fields that no reader asked for.
    void rejectUnknown()
    {
        if (!m_obj)
            return;
        for (auto it = m_obj->begin(); it != m_obj->end(); ++it) {
            if (!m_known.count(it.key()))
                m_errors.push_back(at(it.key()) + ": unknown field");
        }
    }

    void error(const std::string &key, const std::string &what)
    {
        m_errors.push_back(at(key) + ": " + what);
    }

private:
    const json *get(const std::string &key)
    {
        m_known.insert(key);
        if (!m_obj || !m_obj->contains(key))
            return nullptr;
        if ((*m_obj)[key].is_null()) {
            // Taking the built-in default here would silently drop a preset's value that a
            // `--set key=null` or a generated file meant to keep.
            error(key, "is null: give a value, or leave the field out for its default");
            return nullptr;
        }
        return &(*m_obj)[key];
    }
    std::string at(const std::string &key) const
    {
        return m_path.empty() ? key : m_path + "." + key;
    }

    const json *m_obj;
    std::string m_path;
    std::vector<std::string> &m_errors;
    std::set<std::string> m_known;
};

RunConfig parse(const json &j, std::vector<std::string> &errors)
{
    RunConfig c;
    c.space.ops = dartsOps();
    if (!j.is_object()) {
        errors.push_back("config: must be a JSON object");
        return c;
    }
    Section root(&j, "", errors);
    root.choice("task", c.task);
    root.text("name", c.name);
    {
        auto s = root.child("dataset");
        s.choice("name", c.dataset.name);
        s.text("path", c.dataset.path);
        s.number("train_fraction", c.dataset.trainFraction, 0.0, 1.0, true);
        s.integer("limit", c.dataset.limit, 0, int64_t(1) << 40);
        if (c.dataset.trainFraction >= 1.0)
            s.error("train_fraction", "must leave some images for the architecture split");
        if (needsDataPath(c.dataset.name) && c.dataset.path.empty())
            s.error("path",
                    "is required for " + nameOf(c.dataset.name) + " (the folder with its files)");
        s.rejectUnknown();
    }
    {
        auto s = root.child("space");
        s.choice("kind", c.space.kind);
        const bool rnn = c.space.kind == SpaceKind::Rnn;
        if (rnn) {
            // DARTS's recurrent cell: 8 nodes over its 5 activations.
            c.space.nodes = 8;
            c.space.ops = dartsRnnOps();
        }
        s.integer("channels", c.space.channels, 2, 1024);
        s.integer("layers", c.space.layers, 1, 64);
        s.integer("nodes", c.space.nodes, 1, rnn ? 16 : 12);
        s.integer("stem_multiplier", c.space.stemMultiplier, 1, 16);
        s.opList("ops", c.space.ops, c.space.kind);
        if (rnn != isTextDataset(c.dataset.name))
            s.error("kind", rnn ? "the recurrent space needs a text corpus (dataset.name ptb or "
                                  "devils-dictionary), got " +
                                      nameOf(c.dataset.name)
                                : "a text corpus (dataset.name " + nameOf(c.dataset.name) +
                                      ") needs the recurrent space: space.kind rnn");
        if (c.space.channels % 2 != 0)
            s.error("channels", "must be even (factorized reduction halves it), got " +
                                    std::to_string(c.space.channels));
        s.rejectUnknown();
    }
    {
        auto s = root.child("language_model");
        auto &m = c.languageModel;
        s.integer("hidden", m.hidden, 2, 8192);
        s.integer("bptt", m.bptt, 2, 4096);
        s.number("dropout", m.dropout, 0.0, 0.99);
        s.number("dropout_hidden", m.dropoutHidden, 0.0, 0.99);
        s.number("dropout_x", m.dropoutX, 0.0, 0.99);
        s.number("dropout_input", m.dropoutInput, 0.0, 0.99);
        s.number("dropout_words", m.dropoutWords, 0.0, 0.99);
        s.number("activation_reg", m.activationReg, 0.0, 1e6);
        s.number("temporal_reg", m.temporalReg, 0.0, 1e6);
        s.rejectUnknown();
    }
    {
        auto s = root.child("weights");
        s.number("lr", c.weights.lr, 0.0, 100.0, true); // DARTS's RNN search: 20
        s.number("lr_min", c.weights.lrMin, 0.0, 100.0);
        s.number("momentum", c.weights.momentum, 0.0, 0.999999);
        s.number("weight_decay", c.weights.weightDecay, 0.0, 1.0);
        s.number("grad_clip", c.weights.gradClip, 0.0, 1e6);
        if (c.weights.lrMin > c.weights.lr)
            s.error("lr_min", "must not exceed weights.lr");
        s.rejectUnknown();
    }
    {
        auto s = root.child("arch");
        s.choice("optimizer", c.arch.optimizer);
        // Without an explicit rate each optimizer gets its own default (docs/method.md): the
        // Adam-based ones move A by about lr per step whatever the gradient's scale, HAPG and
        // SGD by lr times the gradient, which is O(1e-2) for A, so they need a 10x larger lr.
        c.arch.lr = (c.arch.optimizer == ArchOptimizerKind::Hapg ||
                     c.arch.optimizer == ArchOptimizerKind::Sgd)
                        ? 3e-3
                        : 3e-4;
        s.number("lr", c.arch.lr, 0.0, 10.0, true);
        s.number("beta1", c.arch.beta1, 0.0, 0.999999);
        s.number("beta2", c.arch.beta2, 0.0, 0.999999);
        s.number("eps", c.arch.eps, 0.0, 1.0, true);
        s.number("momentum", c.arch.momentum, 0.0, 0.999999);
        s.boolean("accelerated", c.arch.accelerated);
        s.choice("penalty", c.arch.penalty);
        s.number("alpha", c.arch.alpha, 0.0, 1.0);
        s.number("lambda_start", c.arch.lambdaStart, 0.0, 1e6);
        s.number("lambda_step", c.arch.lambdaStep, 0.0, 1e6);
        s.number("lambda_max", c.arch.lambdaMax, 0.0, 1e6);
        s.number("init", c.arch.init, -10.0, 10.0);
        s.number("init_noise", c.arch.initNoise, 0.0, 10.0);
        s.number("max_weight", c.arch.maxWeight, 0.0, 1e12, true);
        if (c.arch.lambdaMax < c.arch.lambdaStart)
            s.error("lambda_max", "must be at least arch.lambda_start");
        s.rejectUnknown();
    }
    {
        auto s = root.child("search");
        s.integer("epochs", c.search.epochs, 1, 100000);
        s.integer("batch_size", c.search.batchSize, 1, 65536);
        s.choice("order", c.search.order);
        s.integer("seed", c.search.seed, 0, std::numeric_limits<int64_t>::max());
        s.choice("device", c.search.device);
        s.integer("threads", c.search.threads, 0, 1024);
        s.integer("eval_batches", c.search.evalBatches, 0, int64_t(1) << 30);
        s.choice("on_collapse", c.search.onCollapse);
        s.number("divergence_factor", c.search.divergenceFactor, 0.0, 1e12);
        s.boolean("exploit_sparsity", c.search.exploitSparsity);
        s.integer("freeze_zero_epochs", c.search.freezeZeroEpochs, 0, 100000);
        s.integer("batch_shards", c.search.batchShards, 0, 65536);
        s.number("dist_timeout", c.search.distTimeout, 1.0, 86400.0);
        if (c.space.kind == SpaceKind::Rnn && c.search.freezeZeroEpochs > 0)
            s.error("freeze_zero_epochs", "is not available in the recurrent space (it would "
                                          "freeze nothing); leave it at 0");
        if (c.search.batchShards > 0 && (c.search.batchSize % c.search.batchShards != 0 ||
                                         c.search.batchSize / c.search.batchShards < 2))
            s.error("batch_shards", "must divide search.batch_size (" +
                                        std::to_string(c.search.batchSize) +
                                        ") into shards of at least 2 images, got " +
                                        std::to_string(c.search.batchShards));
        s.rejectUnknown();
    }
    {
        auto s = root.child("checkpoint");
        s.integer("every_epochs", c.checkpoint.everyEpochs, 1, 100000);
        s.integer("keep", c.checkpoint.keep, 1, 1000);
        s.rejectUnknown();
    }
    {
        auto s = root.child("evaluation");
        s.text("genotype", c.evaluation.genotype);
        s.boolean("auxiliary", c.evaluation.auxiliary);
        s.number("auxiliary_weight", c.evaluation.auxiliaryWeight, 0.0, 100.0);
        s.number("drop_path", c.evaluation.dropPath, 0.0, 0.95);
        s.integer("cutout", c.evaluation.cutout, 0, 4096);
        s.boolean("scale_by_weights", c.evaluation.scaleByWeights);
        s.boolean("recompute_cells", c.evaluation.recomputeCells);
        s.integer("asgd_nonmono", c.evaluation.asgdNonmono, 0, 100000);
        s.integer("valid_batch_size", c.evaluation.validBatchSize, 1, 65536);
        s.integer("test_batch_size", c.evaluation.testBatchSize, 1, 65536);
        if (c.task == TaskKind::Evaluate && c.evaluation.genotype.empty())
            s.error("genotype", "is required for an evaluation (a built-in name such as "
                                "DARTS_V2, a search's run directory, a genotype.json or a "
                                "DARTS-notation text file)");
        s.rejectUnknown();
    }
    root.rejectUnknown();
    return c;
}

} // namespace

double cosineLr(const WeightOptimConfig &w, int64_t epoch, int64_t epochs)
{
    const double pi = 3.14159265358979323846;
    return w.lrMin + 0.5 * (w.lr - w.lrMin) * (1 + std::cos(pi * double(epoch) / double(epochs)));
}

std::vector<std::string> validateConfig(const json &j)
{
    std::vector<std::string> errors;
    parse(j, errors);
    return errors;
}

RunConfig configFromJson(const json &j)
{
    std::vector<std::string> errors;
    RunConfig c = parse(j, errors);
    if (!errors.empty()) {
        std::string msg = "invalid configuration (" + std::to_string(errors.size()) +
                          (errors.size() == 1 ? " problem):" : " problems):");
        for (const auto &e : errors)
            msg += "\n  " + e;
        throw ConfigError(msg);
    }
    return c;
}

RunConfig configFromText(const std::string &text, const std::string &origin)
{
    JsonTextProblem problem;
    const auto j = parseJsonText(text, &problem);
    if (!j)
        throw ConfigError(problem.describe(origin));
    try {
        return configFromJson(*j);
    } catch (const ConfigError &e) {
        throw ConfigError(origin + ": " + e.what());
    }
}

RunConfig loadConfigFile(const std::string &path)
{
    std::string text;
    try {
        text = readFile(path);
    } catch (const std::exception &e) {
        throw ConfigError(std::string("cannot read the configuration: ") + e.what());
    }
    return configFromText(text, path);
}

json toJson(const RunConfig &c)
{
    return json{
        {"task", nameOf(c.task)},
        {"name", c.name},
        {"dataset",
         {{"name", nameOf(c.dataset.name)},
          {"path", c.dataset.path},
          {"train_fraction", c.dataset.trainFraction},
          {"limit", c.dataset.limit}}},
        {"space",
         {{"kind", nameOf(c.space.kind)},
          {"channels", c.space.channels},
          {"layers", c.space.layers},
          {"nodes", c.space.nodes},
          {"stem_multiplier", c.space.stemMultiplier},
          {"ops", c.space.ops}}},
        {"language_model",
         {{"hidden", c.languageModel.hidden},
          {"bptt", c.languageModel.bptt},
          {"dropout", c.languageModel.dropout},
          {"dropout_hidden", c.languageModel.dropoutHidden},
          {"dropout_x", c.languageModel.dropoutX},
          {"dropout_input", c.languageModel.dropoutInput},
          {"dropout_words", c.languageModel.dropoutWords},
          {"activation_reg", c.languageModel.activationReg},
          {"temporal_reg", c.languageModel.temporalReg}}},
        {"weights",
         {{"lr", c.weights.lr},
          {"lr_min", c.weights.lrMin},
          {"momentum", c.weights.momentum},
          {"weight_decay", c.weights.weightDecay},
          {"grad_clip", c.weights.gradClip}}},
        {"arch",
         {{"optimizer", nameOf(c.arch.optimizer)},
          {"lr", c.arch.lr},
          {"beta1", c.arch.beta1},
          {"beta2", c.arch.beta2},
          {"eps", c.arch.eps},
          {"momentum", c.arch.momentum},
          {"accelerated", c.arch.accelerated},
          {"penalty", nameOf(c.arch.penalty)},
          {"alpha", c.arch.alpha},
          {"lambda_start", c.arch.lambdaStart},
          {"lambda_step", c.arch.lambdaStep},
          {"lambda_max", c.arch.lambdaMax},
          {"init", c.arch.init},
          {"init_noise", c.arch.initNoise},
          {"max_weight", c.arch.maxWeight}}},
        {"search",
         {{"epochs", c.search.epochs},
          {"batch_size", c.search.batchSize},
          {"order", nameOf(c.search.order)},
          {"seed", c.search.seed},
          {"device", nameOf(c.search.device)},
          {"threads", c.search.threads},
          {"eval_batches", c.search.evalBatches},
          {"on_collapse", nameOf(c.search.onCollapse)},
          {"divergence_factor", c.search.divergenceFactor},
          {"exploit_sparsity", c.search.exploitSparsity},
          {"freeze_zero_epochs", c.search.freezeZeroEpochs},
          {"batch_shards", c.search.batchShards},
          {"dist_timeout", c.search.distTimeout}}},
        {"checkpoint", {{"every_epochs", c.checkpoint.everyEpochs}, {"keep", c.checkpoint.keep}}},
        {"evaluation",
         {{"genotype", c.evaluation.genotype},
          {"auxiliary", c.evaluation.auxiliary},
          {"auxiliary_weight", c.evaluation.auxiliaryWeight},
          {"drop_path", c.evaluation.dropPath},
          {"cutout", c.evaluation.cutout},
          {"scale_by_weights", c.evaluation.scaleByWeights},
          {"recompute_cells", c.evaluation.recomputeCells},
          {"asgd_nonmono", c.evaluation.asgdNonmono},
          {"valid_batch_size", c.evaluation.validBatchSize},
          {"test_batch_size", c.evaluation.testBatchSize}}},
    };
}

const std::vector<std::string> &resumeSafeFields()
{
    static const std::vector<std::string> fields = {"name",
                                                    "search.threads",
                                                    "search.device",
                                                    "search.epochs",
                                                    "search.eval_batches",
                                                    "search.on_collapse",
                                                    "search.divergence_factor",
                                                    "search.freeze_zero_epochs",
                                                    "search.batch_shards",
                                                    "search.dist_timeout",
                                                    "arch.max_weight",
                                                    "weights.lr",
                                                    "weights.lr_min",
                                                    "arch.lr",
                                                    "arch.alpha",
                                                    "arch.lambda_start",
                                                    "arch.lambda_step",
                                                    "arch.lambda_max",
                                                    "checkpoint.every_epochs",
                                                    "checkpoint.keep"};
    return fields;
}

namespace {

void flatten(const json &j, const std::string &prefix, std::map<std::string, json> &out)
{
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it)
            flatten(it.value(), prefix.empty() ? it.key() : prefix + "." + it.key(), out);
    } else {
        out[prefix] = j;
    }
}

} // namespace

std::vector<std::string> checkpointConfigMismatch(const json &checkpointConfig,
                                                  const json &runConfig)
{
    std::map<std::string, json> a, b;
    flatten(checkpointConfig, "", a);
    flatten(runConfig, "", b);
    const auto &safe = resumeSafeFields();
    std::vector<std::string> out;
    auto isSafe = [&](const std::string &path) {
        return std::find(safe.begin(), safe.end(), path) != safe.end();
    };
    for (const auto &[path, value] : b) {
        if (isSafe(path))
            continue;
        const auto it = a.find(path);
        // A field the checkpoint's (older) configuration lacks took its default then.
        if (it == a.end())
            continue;
        if (it->second != value)
            out.push_back(path + ": the checkpoint has " + show(it->second) +
                          ", the configuration has " + show(value));
    }
    return out;
}

void applyConfigOverride(json &config, const std::string &assignment)
{
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
        throw ConfigError("--set expects section.key=value, got '" + assignment + "'");
    const std::string key = assignment.substr(0, eq), text = assignment.substr(eq + 1);
    // A config is JSON, whose strings are UTF-8 (a file that is not could not be written).
    if (!isUtf8(assignment))
        throw ConfigError("--set " + printable(assignment) + ": not UTF-8 text");
    json value;
    JsonTextProblem problem;
    if (auto parsed = parseJsonText(text, &problem)) {
        value = std::move(*parsed);
        if (value.is_null())
            throw ConfigError("--set " + key +
                              "=null: null is not a value; leave the --set out "
                              "to keep the value of the preset or config file");
    } else if (problem.what.rfind("the number", 0) == 0) {
        throw ConfigError("--set " + key + ": " + problem.what);
    } else {
        value = text; // a bare word is a string
    }
    json *node = &config;
    std::string walked;
    size_t start = 0;
    for (;;) {
        const auto dot = key.find('.', start);
        const auto part =
            key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (part.empty())
            throw ConfigError("--set " + key + ": empty field name (expected section.key=value)");
        if (!node->is_null() && !node->is_object())
            throw ConfigError("--set " + key + ": '" + walked + "' is a value (" +
                              std::string(node->type_name()) + "), not a section with fields");
        if (dot == std::string::npos) {
            (*node)[part] = value;
            break;
        }
        node = &(*node)[part];
        walked += (walked.empty() ? "" : ".") + part;
        start = dot + 1;
    }
}

} // namespace sparsenas
