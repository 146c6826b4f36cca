// SPDX-License-Identifier: MIT
// sparsenas: the headless command-line front end of the search engine.

#include "ablationcommand.h"
#include "launcher.h"
#include "progressprinter.h"
#include "sweeprunner.h"

#include "sparsenas/base/comparison.h"
#include "sparsenas/base/config.h"
#include "sparsenas/base/fileutil.h"
#include "sparsenas/base/genotypesource.h"
#include "sparsenas/base/graphvizrenderer.h"
#include "sparsenas/base/jsontext.h"
#include "sparsenas/base/printable.h"
#include "sparsenas/base/rundirectory.h"
#include "sparsenas/base/runformat.h"
#include "sparsenas/distributed.h"
#include "sparsenas/evalnetwork.h"
#include "sparsenas/rnnevalnetwork.h"
#include "sparsenas/searchengine.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <type_traits>

#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;
using namespace sparsenas;

namespace {

std::atomic<SearchEngine *> g_engine{nullptr};
/// Who speaks on standard error: "sparsenas", or "sparsenas (rank 1 of 2)" in a data-parallel
/// job.
std::string g_who = "sparsenas";
std::atomic<int> g_interrupts{0};
// What a second Ctrl-C needs to say in status.json, prepared before the run: the handler may
// only call async-signal-safe functions (open, write, rename, time, getpid), no allocation.
std::string g_statusPath, g_statusTemp;
std::atomic<int64_t> g_epoch{0}, g_step{0};

/// Appends `v` in decimal to buf at *n (async-signal-safe).
void appendNumber(char *buf, size_t cap, size_t *n, int64_t v)
{
    char digits[24];
    int k = 0;
    const bool negative = v < 0;
    uint64_t u = negative ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    do {
        digits[k++] = char('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (negative && *n < cap)
        buf[(*n)++] = '-';
    while (k > 0 && *n < cap)
        buf[(*n)++] = digits[--k];
}

void appendText(char *buf, size_t cap, size_t *n, const char *s)
{
    while (*s && *n < cap)
        buf[(*n)++] = *s++;
}

/// status.json for a run quit by a second Ctrl-C: "stopped", so that nobody reads "running"
/// for a process that is gone. Written like every status.json: a temporary file, then rename.
void writeKilledStatus()
{
    if (g_statusPath.empty())
        return;
    char buf[512];
    size_t n = 0;
    appendText(buf, sizeof buf, &n, "{\"epoch\":");
    appendNumber(buf, sizeof buf, &n, g_epoch.load());
    appendText(buf, sizeof buf, &n,
               ",\"message\":\"quit by a second Ctrl-C before the stop was written; resume "
               "continues from the last checkpoint\",\"pid\":");
    appendNumber(buf, sizeof buf, &n, int64_t(getpid()));
    appendText(buf, sizeof buf, &n, ",\"state\":\"stopped\",\"step\":");
    appendNumber(buf, sizeof buf, &n, g_step.load());
    appendText(buf, sizeof buf, &n, ",\"time\":");
    appendNumber(buf, sizeof buf, &n, int64_t(time(nullptr)));
    appendText(buf, sizeof buf, &n, ",\"v\":");
    appendNumber(buf, sizeof buf, &n, kRunFormatVersion);
    appendText(buf, sizeof buf, &n, "}\n");
    const int fd = open(g_statusTemp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    const bool written = write(fd, buf, n) == ssize_t(n);
    close(fd);
    if (written)
        rename(g_statusTemp.c_str(), g_statusPath.c_str());
    else
        unlink(g_statusTemp.c_str());
}

extern "C" void onSignal(int)
{
    // A first Ctrl-C asks the engine to stop cleanly (checkpoint written); a second one quits at
    // once, saying so in status.json (the run resumes from its last checkpoint).
    if (g_interrupts.fetch_add(1) > 0) {
        writeKilledStatus();
        std::_Exit(130);
    }
    if (auto *e = g_engine.load())
        e->commands().stop();
}

/// Passes everything on to the progress printer and keeps the run's position for the signal
/// handler.
class PositionKeeper : public SearchObserver
{
public:
    explicit PositionKeeper(SearchObserver &next) : m_next(next) {}
    void onSnapshot(const Snapshot &s) override
    {
        g_epoch = s.epoch;
        g_step = s.step;
        m_next.onSnapshot(s);
    }
    void onEpoch(const EpochSummary &e) override { m_next.onEpoch(e); }
    void onMessage(MessageLevel l, const std::string &m) override { m_next.onMessage(l, m); }
    void onStateChanged(RunState s) override { m_next.onStateChanged(s); }
    void onCheckpoint(const std::string &path) override { m_next.onCheckpoint(path); }
    void onEvent(const RunEventInfo &e) override { m_next.onEvent(e); }
    void onFinished(const RunResult &r) override { m_next.onFinished(r); }

private:
    SearchObserver &m_next;
};

std::string defaultOutDir(const std::string &name)
{
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    return (fs::path("runs") / (name + "-" + stamp)).string();
}

/// CLI11's Range with a message that tells a value that is not a number from one out of range
/// (Range says "not in range" for both, and prints 10.000000 for 10), and that refuses NaN. The
/// help shows it as Range does ("INT in [0 - 4096]").
template <typename T>
CLI::Validator inRange(T lo, T hi)
{
    std::ostringstream desc;
    desc << CLI::detail::type_name<T>() << " in [" << lo << " - " << hi << "]";
    return CLI::Validator(
        [lo, hi](std::string &input) -> std::string {
            T v{};
            if (!CLI::detail::lexical_cast(input, v))
                return "'" + input + "' is not " +
                       (std::is_integral<T>::value ? "a whole number" : "a number");
            if (!(v >= lo && v <= hi)) {
                std::ostringstream m;
                m << input << " is not in range " << lo << " to " << hi;
                return m.str();
            }
            return std::string();
        },
        desc.str());
}

/// CLI11's help with every description broken into lines that fit 80 columns (CLI11 2.1 writes
/// each on one line, up to 220 characters): an 80-column terminal would break them at column 0,
/// through the column of option names. The manual page joins the lines again.
class HelpFormatter : public CLI::Formatter
{
public:
    static constexpr size_t kWidth = 79;
    std::string make_option(const CLI::Option *opt, bool positional) const override
    {
        // As CLI11 lays it out, but with at least two spaces between an option and its
        // description, where the manual page's generator tells them apart (a name of 27
        // characters got one): a longer name has its description start on the next line.
        const size_t column = get_column_width();
        std::string out = "  " + make_option_name(opt, positional) + make_option_opts(opt);
        const std::string desc = wrapText(make_option_desc(opt), kWidth - column);
        if (!desc.empty()) {
            out += out.size() + 2 > column ? "\n" + std::string(column, ' ')
                                           : std::string(column - out.size(), ' ');
            for (const char c : desc)
                out += c == '\n' ? "\n" + std::string(column, ' ') : std::string(1, c);
        }
        return out + "\n";
    }
    std::string make_subcommand(const CLI::App *sub) const override
    {
        std::stringstream out;
        CLI::detail::format_help(out, sub->get_display_name(true),
                                 wrapText(sub->get_description(), kWidth - get_column_width()),
                                 get_column_width());
        return out.str();
    }
    std::string make_description(const CLI::App *app) const override
    {
        const std::string desc = CLI::Formatter::make_description(app);
        const bool newline = !desc.empty() && desc.back() == '\n';
        return wrapText(desc, kWidth) + (newline ? "\n" : "");
    }
};

/// Why `path`, a folder without config.json, is not a run directory, and what it is instead.
std::string notARunDirectory(const std::string &path)
{
    std::error_code ec;
    const fs::path p(path);
    if (fs::exists(p / "sweep.json", ec)) {
        std::string point;
        for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code missing;
            if (fs::exists(it->path() / "config.json", missing) &&
                (point.empty() || it->path().string() < point))
                point = it->path().string();
        }
        return "'" + path + "' is a sweep folder, not a run directory: each of its points is one" +
               (point.empty() ? std::string() : " ('" + point + "', ...)") +
               "; the same `sparsenas sweep` command continues the sweep";
    }
    if (fs::exists(p / "ablation.csv", ec))
        return "'" + path +
               "' is the folder of an ablation (ablation.csv, fig3.svg), not a run directory";
    return "'" + path + "' is not a run directory (no config.json)";
}

/// True for the run directory of an evaluation (task "evaluate": a fixed genotype trained, no
/// architecture weights A).
bool isEvaluationRun(const RunDirectory &dir)
{
    try {
        return dir.loadConfig().task == TaskKind::Evaluate;
    } catch (const std::exception &) {
        return false; // a damaged config.json is said by whatever reads the run next
    }
}

/// Throws unless `dir` is the run directory of a search, which has the A matrices (`what`: the
/// command, for the message).
void requireSearchRun(const RunDirectory &dir, const std::string &what)
{
    if (!dir.exists())
        throw std::runtime_error(notARunDirectory(dir.path()));
    if (isEvaluationRun(dir))
        throw std::runtime_error("'" + dir.path() +
                                 "' is an evaluation run: it trains a fixed genotype and has no " +
                                 "architecture weights A for " + what +
                                 " to read; its genotype is '" + dir.file("genotype.json") +
                                 "' (`sparsenas export " + dir.path() + " -o cell.svg` draws it)");
}

/// Refuses an output path that is a folder before anything is written ("-" is standard output).
void checkOutputFile(const std::string &out)
{
    std::error_code ec;
    if (out != "-" && fs::is_directory(out, ec))
        throw ConfigError("-o " + out + ": is a folder; give a file name");
}

/// "sparsenas: " and `message` on standard error, input it quotes made printable (a file that
/// is not UTF-8 must not garble the terminal), fitted to the terminal's width.
void printError(const std::string &message)
{
    const size_t width = isatty(STDERR_FILENO) ? terminalColumns(STDERR_FILENO) - 1 : 0;
    std::istringstream lines(printable(g_who + ": " + message, true));
    std::string line;
    while (std::getline(lines, line)) {
        // A line of a list ("  arch.alpha: ...") keeps its indent, also where it wraps.
        const size_t indent = std::min(line.find_first_not_of(' '), line.size());
        const std::string pad(indent, ' ');
        const std::string text =
            wrapWords(line.substr(indent), width > indent ? width - indent : 0);
        for (size_t at = 0; at <= text.size();) {
            const size_t end = std::min(text.find('\n', at), text.size());
            std::cerr << pad << text.substr(at, end - at) << "\n";
            at = end + 1;
        }
    }
}

int runEngine(SearchEngine &engine, bool quiet, const Communicator *comm = nullptr)
{
    // A data-parallel job's ranks other than 0 run silently (rank 0 shows the progress and
    // writes the run directory, also a second Ctrl-C's status.json) and say only what failed.
    const bool leader = !comm || comm->rank() == 0;
    const bool evaluation = engine.config().task == TaskKind::Evaluate;
    ProgressPrinter printer(std::cerr, quiet || !leader, evaluation,
                            engine.config().space.kind == SpaceKind::Rnn);
    PositionKeeper keeper(printer);
    engine.setObserver(&keeper);
    if (leader) {
        g_statusPath = (fs::path(engine.runDir()) / "status.json").string();
        g_statusTemp = g_statusPath + ".tmp." + std::to_string(getpid());
    }
    g_engine = &engine;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    const RunResult result = engine.run();
    g_engine = nullptr;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    if (result.state == RunState::Failed) {
        printError("error: " + result.message);
        return 1;
    }
    if (!leader)
        return result.state == RunState::Stopped ? 130 : 0;
    if (evaluation) {
        const auto r = RunDirectory(engine.runDir()).readEvaluation();
        if (r && r->space == "rnn") {
            char line[256];
            std::snprintf(line, sizeof line, "test perplexity %.2f after %lld of %lld epochs",
                          testPerplexity(*r), static_cast<long long>(r->epochsDone),
                          static_cast<long long>(r->epochs));
            std::cout << line;
            if (r->bestEpoch > 0) {
                std::snprintf(line, sizeof line,
                              " (weights of epoch %lld%s, validation perplexity %.2f)",
                              static_cast<long long>(r->bestEpoch), r->averaged ? ", averaged" : "",
                              std::exp(r->validLoss));
                std::cout << line;
            }
            std::snprintf(line, sizeof line, "\n%.3f M parameters, %.1f M multiply-adds per word\n",
                          double(r->parameters) / 1e6, double(r->multiplyAdds) / 1e6);
            std::cout << line;
        } else if (r) {
            char line[160];
            std::snprintf(line, sizeof line,
                          "test accuracy %.2f%% after %lld of %lld epochs\n"
                          "%.3f M parameters, %.1f M multiply-adds per image\n",
                          100 * r->testAcc, static_cast<long long>(r->epochsDone),
                          static_cast<long long>(r->epochs), double(r->parameters) / 1e6,
                          double(r->multiplyAdds) / 1e6);
            std::cout << line;
        }
    } else {
        std::cout << summarizeGenotype(result.genotype);
    }
    std::cout << "run directory: " << engine.runDir() << "\n";
    return result.state == RunState::Stopped ? 130 : 0;
}

/// This process's place in a data-parallel job (docs/distributed.md): nullptr when it runs
/// alone, else the job's communicator, joined once (an evaluation over several seeds runs them
/// one after another in the same job).
std::shared_ptr<Communicator> jobCommunicator(const RunConfig &config)
{
    static std::shared_ptr<Communicator> comm;
    if (comm)
        return comm;
    const DistributedEnv env = distributedEnvironment();
    if (env.worldSize == 1)
        return nullptr;
    g_who = "sparsenas (rank " + std::to_string(env.rank) + " of " + std::to_string(env.worldSize) +
            ")";
    comm = std::make_shared<Communicator>(
        env, config.search.device == DeviceKind::Cuda,
        std::chrono::milliseconds(int64_t(config.search.distTimeout * 1000)));
    return comm;
}

/// What rank 0 tells the others about the run it starts (a key per run of the job): where it
/// is and how it is configured, the checkpoint it continues from, that there is nothing to do,
/// or why it could not start.
std::string startKey()
{
    static int runs = 0;
    return "start/" + std::to_string(runs++);
}

/// A rank other than 0: the run rank 0 started, to follow; nullptr if it has nothing to do.
std::unique_ptr<SearchEngine> followRankZero(Communicator &comm)
{
    const json j = json::parse(comm.share(startKey(), {}));
    if (j.contains("error"))
        throw RunError("rank 0 could not start the run: " + j["error"].get<std::string>());
    if (j.contains("nothing"))
        return nullptr;
    return SearchEngine::follow(configFromJson(j.at("config")), j.at("dir").get<std::string>(),
                                j.value("checkpoint", std::string()));
}

/// Rank 0: `start` makes the engine; what it made (or why it could not) goes to the others.
template <class Start>
std::unique_ptr<SearchEngine> leadRun(Communicator &comm, Start &&start)
{
    const std::string key = startKey();
    std::unique_ptr<SearchEngine> engine;
    try {
        engine = start();
    } catch (const std::exception &e) {
        comm.share(key, json{{"error", std::string(e.what())}}.dump());
        throw;
    }
    if (!engine) {
        comm.share(key, json{{"nothing", true}}.dump());
        return nullptr;
    }
    comm.share(key, json{{"dir", engine->runDir()},
                         {"config", toJson(engine->config())},
                         {"checkpoint", engine->startCheckpoint()}}
                        .dump());
    return engine;
}

/// A new run of `config` in `out`: by this process alone, or as its rank of a job.
int runNew(RunConfig config, const std::string &out, bool quiet)
{
    const auto comm = jobCommunicator(config);
    if (!comm) {
        SearchEngine engine(config, out);
        return runEngine(engine, quiet);
    }
    // One shard per process, fixed in the run's config.json: resumed with fewer processes, the
    // run computes the same steps.
    if (config.search.batchShards == 0)
        config.search.batchShards = comm->worldSize();
    auto engine = comm->rank() == 0
                      ? leadRun(*comm, [&] { return std::make_unique<SearchEngine>(config, out); })
                      : followRankZero(*comm);
    engine->setCommunicator(comm);
    return runEngine(*engine, quiet, comm.get());
}

/// The run's configuration as JSON: a config file or a preset (`defaultPreset` when neither is
/// given), then `patch` (the command's own fields), the --set overrides, --device and
/// --threads. `origin` says where it came from, for messages.
json assembleConfigJson(const std::string &configPath, const std::string &preset,
                        const std::string &defaultPreset, const json &patch,
                        const std::vector<std::string> &sets, const std::string &device,
                        int threads, std::string *origin)
{
    if (!configPath.empty() && !preset.empty())
        throw ConfigError("give either --config or --preset, not both");
    const std::string name = preset.empty() ? defaultPreset : preset;
    const std::string text = configPath.empty() ? presetText(name) : readFile(configPath);
    *origin = configPath.empty() ? "preset " + name : configPath;
    JsonTextProblem problem;
    auto parsed = parseJsonText(text, &problem);
    if (!parsed)
        throw ConfigError(problem.describe(*origin));
    json j = std::move(*parsed);
    if (!j.is_object())
        throw ConfigError(*origin + ": config: must be a JSON object");
    j.merge_patch(patch);
    for (const auto &s : sets) {
        applyConfigOverride(j, s);
        // An invalid value is more often the --set's than the file's: both are named.
        *origin += " --set " + s;
    }
    if (!sets.empty())
        origin->insert(origin->find(" --set "), " with");
    if (!device.empty())
        j["search"]["device"] = device;
    if (threads > 0)
        j["search"]["threads"] = threads;
    return j;
}

/// The same, checked and parsed into a RunConfig.
RunConfig assembleConfig(const std::string &configPath, const std::string &preset,
                         const std::string &defaultPreset, const json &patch,
                         const std::vector<std::string> &sets, const std::string &device,
                         int threads)
{
    std::string origin;
    const json j = assembleConfigJson(configPath, preset, defaultPreset, patch, sets, device,
                                      threads, &origin);
    try {
        return configFromJson(j);
    } catch (const ConfigError &e) {
        throw ConfigError(origin + ": " + e.what());
    }
}

int cmdSearch(const std::string &configPath, const std::string &preset, std::string out,
              const std::vector<std::string> &sets, const std::string &device, int threads,
              bool quiet)
{
    const RunConfig config =
        assembleConfig(configPath, preset, "digits-quick", json::object(), sets, device, threads);
    if (out.empty())
        out = defaultOutDir(config.name);
    return runNew(config, out, quiet);
}

int cmdEvaluate(const std::string &source, const std::string &configPath, const std::string &preset,
                std::string out, const std::vector<std::string> &sets, const std::string &device,
                int threads, int seeds, bool quiet)
{
    // A path is kept absolute, so that the run (and `compare`, which finds the search behind
    // it) can be read from anywhere; a built-in name stays a name.
    std::string spec = source;
    std::error_code ec;
    if (fs::exists(source, ec))
        spec = fs::absolute(source).lexically_normal().string();
    // The run's config.json names it, and JSON holds UTF-8 text only.
    if (!isUtf8(spec))
        throw ConfigError(printable(spec) +
                          ": the path is not UTF-8 text, which the run's config.json cannot "
                          "hold; rename it");
    // A bad genotype is said before any directory is made; its kind picks the default preset.
    const bool recurrent = isRecurrentGenotype(loadGenotype(spec));
    const char *defaultPreset = recurrent ? "text-eval" : "digits-eval";
    {
        // A search's settings (a search preset, a search run's config.json) would train the
        // network with the supernet's size and learning rates: refused rather than made an
        // evaluation. A config file that names no task is taken as one.
        std::string origin;
        const json base = assembleConfigJson(configPath, preset, defaultPreset, json::object(), {},
                                             "", 0, &origin);
        const json task = base.contains("task") ? base["task"]
                                                : json(configPath.empty() ? "search" : "evaluate");
        if (task.is_string() && task != "evaluate")
            throw ConfigError(origin + ": task \"" + task.get<std::string>() +
                              "\", not an evaluation; evaluate trains with an evaluation preset "
                              "(digits-eval, fashion-mnist-eval, cifar10-eval, cifar100-eval; "
                              "text-eval, ptb-eval for a recurrent cell) or a config file whose "
                              "task is \"evaluate\"");
    }
    const json patch = {{"task", "evaluate"}, {"evaluation", {{"genotype", spec}}}};
    RunConfig config =
        assembleConfig(configPath, preset, defaultPreset, patch, sets, device, threads);
    if (config.task != TaskKind::Evaluate)
        throw ConfigError("the configuration sets task \"" + nameOf(config.task) +
                          "\"; evaluate runs task \"evaluate\"");
    if (recurrent != (config.space.kind == SpaceKind::Rnn))
        throw ConfigError(recurrent ? "'" + source +
                                          "' is a recurrent cell, and the configuration trains "
                                          "an image network: evaluate it with text-eval or "
                                          "ptb-eval (space.kind rnn)"
                                    : "'" + source +
                                          "' is a CNN genotype, and the configuration trains a "
                                          "language model (space.kind rnn): evaluate it with an "
                                          "image preset such as digits-eval");
    if (out.empty())
        out = defaultOutDir(config.name);
    const uint64_t firstSeed = config.search.seed;
    int code = 0;
    for (int k = 0; k < seeds; ++k) {
        config.search.seed = firstSeed + uint64_t(k);
        const std::string dir =
            seeds == 1 ? out
                       : (fs::path(out) / ("seed-" + std::to_string(config.search.seed))).string();
        if (seeds > 1 && distributedEnvironment().rank == 0)
            std::cerr << "seed " << config.search.seed << " (" << (k + 1) << " of " << seeds
                      << "): " << dir << "\n";
        code = runNew(config, dir, quiet);
        if (code != 0)
            return code;
    }
    if (seeds > 1 && distributedEnvironment().rank == 0)
        std::cout << "\n" << comparisonText(compareEvaluations(findEvaluations({out})));
    return code;
}

/// n with thousands separated by commas: 22,960,000.
std::string groupDigits(int64_t n)
{
    std::string s = std::to_string(n), out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && (s.size() - i) % 3 == 0)
            out += ',';
        out += s[i];
    }
    return out;
}

/// `sparsenas params` for a recurrent cell: its language model's size and cost.
int recurrentParams(const std::string &label, const Genotype &g, int64_t hidden, int64_t vocabulary)
{
    // Counted in closed form: the network at --hidden 65536 would not fit in memory.
    const int64_t parameters = recurrentParameterCount(g.cells.front(), hidden, vocabulary);
    const int64_t multiplyAdds = recurrentMultiplyAdds(g.cells.front(), hidden, vocabulary);
    char millions[64];
    std::cout << "genotype: " << label << " (recurrent cell, " << g.cells.front().aliveNodes.size()
              << " nodes)\n"
              << "network: language model, hidden " << hidden << ", vocabulary " << vocabulary
              << " (tied decoder)\n";
    std::snprintf(millions, sizeof millions, "%.3f", double(parameters) / 1e6);
    std::cout << "parameters: " << groupDigits(parameters) << " (" << millions << " M)\n";
    std::snprintf(millions, sizeof millions, "%.1f", double(multiplyAdds) / 1e6);
    std::cout << "multiply-adds: " << groupDigits(multiplyAdds) << " per word (" << millions
              << " M)\n";
    return 0;
}

int cmdParams(const std::string &source, int64_t channels, int64_t layers, int64_t classes,
              int64_t inChannels, int64_t image, bool auxiliary, int64_t hidden, int64_t vocabulary)
{
    std::string label;
    const Genotype g = loadGenotype(source, &label);
    if (isRecurrentGenotype(g))
        return recurrentParams(label, g, hidden, vocabulary);
    EvalNetworkConfig nc;
    nc.channels = channels;
    nc.layers = layers;
    nc.numClasses = classes;
    nc.inChannels = inChannels;
    nc.height = nc.width = image;
    nc.auxiliary = auxiliary;
    const EvalNetwork net(g, nc);
    // Counted, a network its images are too small for would look like any other.
    if (const int64_t least = net->minimumImageSide(); image < least)
        throw ConfigError("--image: " + std::to_string(image) + " is too small: " + label +
                          " with " + std::to_string(layers) + " cells takes images of at least " +
                          std::to_string(least) + "x" + std::to_string(least) + " pixels");
    const auto group = groupDigits;
    char millions[64];
    std::cout << "genotype: " << label << "\n"
              << "network: " << layers << " cells, C=" << channels << ", " << classes
              << " classes, " << inChannels << "x" << image << "x" << image << " images\n";
    std::snprintf(millions, sizeof millions, "%.3f", double(net->parameterCount()) / 1e6);
    std::cout << "parameters: " << group(net->parameterCount()) << " (" << millions
              << " M, without the auxiliary head)\n";
    if (auxiliary)
        std::cout << "auxiliary head: " << group(net->auxiliaryParameterCount())
                  << " parameters more in training\n";
    std::snprintf(millions, sizeof millions, "%.1f", double(net->multiplyAdds()) / 1e6);
    std::cout << "multiply-adds: " << group(net->multiplyAdds()) << " per image (" << millions
              << " M)\n";
    for (const auto &type : net->collapsedCells())
        std::cout << "note: the " << type
                  << " cell collapsed; the network passes c_{k-1} through it\n";
    return 0;
}

int cmdCompare(const std::vector<std::string> &paths, const std::vector<std::string> &outs)
{
    for (const auto &out : outs) {
        const auto ext = fs::path(out).extension().string();
        if (ext != ".csv" && ext != ".md" && ext != ".tex")
            throw ConfigError("cannot tell the format of '" + out + "' (use .csv, .md or .tex)");
        checkOutputFile(out);
    }
    const auto rows = compareEvaluations(findEvaluations(paths));
    std::cout << comparisonText(rows);
    for (const auto &out : outs) {
        const auto ext = fs::path(out).extension().string();
        writeFileAtomic(out, ext == ".csv"  ? comparisonCsv(rows)
                             : ext == ".md" ? comparisonMarkdown(rows)
                                            : comparisonLatex(rows));
        std::cerr << "wrote " << out << "\n";
    }
    return 0;
}

/// The warnings and errors in the log file at `path` from byte `from` on, as the progress printer
/// shows the engine's.
void printLogWarnings(const std::string &path, uintmax_t from)
{
    std::ifstream in(path, std::ios::binary);
    if (!in || !in.seekg(std::streamoff(from)))
        return;
    const size_t width = isatty(STDERR_FILENO) ? terminalColumns(STDERR_FILENO) - 1 : 0;
    std::string line;
    while (std::getline(in, line)) {
        // "YYYY-mm-dd HH:MM:SS [level] text" (docs/run-format.md, log.txt)
        for (const char *level : {"warning", "error"}) {
            const std::string tag = std::string(" [") + level + "] ";
            const auto at = line.find(tag);
            if (at == 19)
                std::cerr << wrapWords(level + (": " + line.substr(at + tag.size())), width)
                          << "\n";
        }
    }
}

int cmdResume(const std::string &runDir, std::vector<std::string> sets, const std::string &device,
              int threads, bool quiet)
{
    // Overrides for the continued run: only settings that do not change what the checkpoint
    // holds (config.h: resumeSafeFields); they are written into the run's config.json, so the
    // run directory keeps saying what the run did.
    if (!device.empty())
        sets.push_back("search.device=" + device);
    if (threads > 0)
        sets.push_back("search.threads=" + std::to_string(threads));
    if (!RunDirectory(runDir).exists())
        throw std::runtime_error(notARunDirectory(runDir));
    const RunDirectory dir(runDir);
    const std::string path = dir.file("config.json");
    RunConfig config = dir.loadConfig();
    if (!sets.empty()) {
        json j = toJson(config);
        const auto &safe = resumeSafeFields();
        for (const auto &s : sets) {
            if (s.find('=') == std::string::npos || s.front() == '=')
                throw ConfigError("--set expects section.key=value, got '" + s + "'");
            const auto field = s.substr(0, s.find('='));
            if (std::find(safe.begin(), safe.end(), field) == safe.end()) {
                std::string list;
                for (const auto &f : safe)
                    list += (list.empty() ? "" : ", ") + f;
                throw ConfigError("--set " + field +
                                  ": cannot change on resume (the checkpoint "
                                  "was trained with it); these can: " +
                                  list);
            }
            applyConfigOverride(j, s);
        }
        try {
            config = configFromJson(j);
        } catch (const ConfigError &e) {
            throw ConfigError(path + " with the --set overrides: " + e.what());
        }
    }
    // A data-parallel job's other ranks follow what rank 0 does with the run directory.
    const auto comm = jobCommunicator(config);
    if (comm && comm->rank() != 0) {
        auto engine = followRankZero(*comm);
        if (!engine)
            return 0;
        engine->setCommunicator(comm);
        return runEngine(*engine, quiet, comm.get());
    }
    const std::string logPath = RunDirectory(runDir).file("log.txt");
    std::error_code ec;
    uintmax_t logSize = 0;
    const auto start = [&]() -> std::unique_ptr<SearchEngine> {
        // A run that finished, its last checkpoint intact, has nothing to continue: said, and
        // the directory left as it is (nothing written, not even the lock). A run somebody is
        // writing is refused below instead, naming the writer; more epochs continue it.
        if (!RunLock::holder(runDir)) {
            if (const auto done = finishedRun(runDir);
                done && config.search.epochs <= done->epochs) {
                const size_t width = isatty(STDERR_FILENO) ? terminalColumns(STDERR_FILENO) - 1 : 0;
                const std::string epochs = std::to_string(done->epochs);
                std::cerr << wrapWords(printable(runDir + ": the run has already finished after " +
                                                 epochs +
                                                 (done->epochs == 1 ? " epoch" : " epochs") +
                                                 "; nothing to resume" +
                                                 (sets.empty() ? ""
                                                               : " (the settings given were not "
                                                                 "written)")),
                                       width)
                          << "\nTo train it longer, give it more epochs:\n  "
                          << printable("sparsenas resume " + runDir +
                                       " --set search.epochs=" + std::to_string(2 * done->epochs))
                          << "\n";
                return nullptr;
            }
        }
        if (!sets.empty())
            writeFileAtomic(path, toJson(config).dump(2) + "\n");
        // What the resume itself has to say (a damaged checkpoint skipped for the one before
        // it, a damaged latest.json) goes to the run's log before the engine has an observer:
        // it is shown here too, not only in log.txt.
        const auto size = fs::file_size(logPath, ec);
        logSize = ec ? 0 : size;
        return SearchEngine::resume(runDir);
    };
    auto engine = comm ? leadRun(*comm, start) : start();
    if (!engine)
        return 0;
    if (comm)
        engine->setCommunicator(comm);
    printLogWarnings(logPath, logSize);
    return runEngine(*engine, quiet, comm.get());
}

json parseJsonFile(const std::string &path)
{
    JsonTextProblem problem;
    auto j = parseJsonText(readFile(path), &problem);
    if (!j)
        throw std::runtime_error(problem.describe(path));
    return *j;
}

std::vector<CellWeights> weightsFrom(const std::string &source)
{
    if (fs::is_directory(source)) {
        const RunDirectory dir(source);
        requireSearchRun(dir, "derive");
        return dir.lastArchWeights();
    }
    const json j = parseJsonFile(source);
    if (j.is_object() && j.value("format", "") == "sparsenas-genotype")
        throw std::runtime_error("'" + source +
                                 "' is a derived genotype, not A matrices: derive reads a run "
                                 "directory or a line of snapshots.jsonl (`sparsenas export " +
                                 source + " -o FILE` converts a genotype)");
    std::vector<CellWeights> cells;
    const json &list = j.contains("cells") ? j["cells"] : j;
    if (!list.is_array())
        throw std::runtime_error("'" + source +
                                 "' must hold {\"cells\": [...]} with the A "
                                 "matrices (as snapshots.jsonl lines do)");
    for (size_t i = 0; i < list.size(); ++i) {
        try {
            cells.push_back(cellWeightsFromJson(list[i]));
        } catch (const FormatError &e) {
            throw std::runtime_error("'" + source + "' cells[" + std::to_string(i) +
                                     "]: " + e.what());
        }
    }
    return cells;
}

/// The A matrices, cut to the DARTS-style reading when topK > 0 (keepTopPaths).
std::vector<CellWeights> topPathsOf(std::vector<CellWeights> cells, int topK)
{
    if (topK > 0) {
        for (auto &c : cells)
            c = keepTopPaths(c, topK);
    }
    return cells;
}

Genotype genotypeFrom(const std::string &source, int topK)
{
    if (fs::is_directory(source)) {
        const RunDirectory dir(source);
        if (topK == 0 && fs::exists(dir.file("genotype.json")))
            return genotypeFromJson(parseJsonFile(dir.file("genotype.json")));
        requireSearchRun(dir, "--top-k");
        return deriveGenotype(topPathsOf(dir.lastArchWeights(), topK));
    }
    const auto j = parseJsonFile(source);
    if (j.value("format", "") == "sparsenas-genotype") {
        if (topK > 0)
            throw std::runtime_error("--top-k needs the A matrices (a run directory or a "
                                     "snapshot line); '" +
                                     source + "' is a derived genotype");
        return genotypeFromJson(j);
    }
    return deriveGenotype(topPathsOf(weightsFrom(source), topK));
}

/// Writes `text` to `out`, or to standard output for "-".
void writeTextOut(const std::string &out, const std::string &text)
{
    if (out == "-") {
        std::cout << text << std::flush;
        return;
    }
    writeFileAtomic(out, text);
    std::cerr << "wrote " << out << "\n";
}

int cmdDerive(const std::string &source, const std::string &out, int topK)
{
    if (!out.empty())
        checkOutputFile(out);
    const auto genotype = deriveGenotype(topPathsOf(weightsFrom(source), topK));
    writeTextOut(out.empty() ? "-" : out, toJson(genotype).dump(2) + "\n");
    if (topK > 0)
        std::cerr << "DARTS-style reading: the strongest op per edge, the " << topK
                  << " strongest edges per node\n";
    std::cerr << summarizeGenotype(genotype);
    return 0;
}

/// The format of one export: --format if given, else the file's extension.
std::string exportFormat(const std::string &out, const std::string &format)
{
    const std::string known = "json, darts, ptdarts, dot, svg, pdf or png";
    if (!format.empty()) {
        if (out == "-" && (format == "svg" || format == "pdf" || format == "png") && isatty(1))
            throw ConfigError("-o - with --format " + format +
                              " would write a binary or drawing to the terminal; redirect it "
                              "or give a file name");
        return format;
    }
    if (out == "-")
        throw ConfigError("-o - needs --format (" + known + ")");
    const auto ext = fs::path(out).extension().string();
    if (ext == ".json")
        return "json";
    if (ext == ".txt" || ext == ".py")
        return "darts";
    const auto fmt = formatFromPath(out);
    if (fmt.empty())
        throw ConfigError("cannot tell the format of '" + out +
                          "': use .json, .txt (DARTS), .dot, .svg, .pdf or .png, or --format " +
                          known);
    return fmt;
}

int cmdExport(const std::string &source, const std::vector<std::string> &outs, double dpi,
              bool noWeights, const std::string &cellType, const std::string &font,
              const std::string &format, int topK)
{
    // Every output's format is checked before anything is written.
    std::vector<std::string> formats;
    for (const auto &out : outs)
        formats.push_back(exportFormat(out, format));
    if (std::count(outs.begin(), outs.end(), "-") > 1)
        throw ConfigError("-o - is given more than once; standard output takes one export");
    for (const auto &out : outs)
        checkOutputFile(out);
    const auto genotype = genotypeFrom(source, topK);
    DotStyle style;
    style.showWeights = !noWeights;
    if (!font.empty())
        style.fontName = font;
    std::string dot;
    if (cellType.empty()) {
        dot = genotypeToDot(genotype, style);
    } else {
        const auto *cell = genotype.cell(cellType);
        if (!cell)
            throw std::runtime_error("the genotype has no cell of type '" + cellType + "'");
        dot = cellToDot(*cell, style);
    }
    // The texts are all made before the first file is written: a genotype that does not fit
    // one of them leaves no half of an export behind.
    std::vector<std::string> texts(outs.size());
    for (size_t i = 0; i < outs.size(); ++i) {
        std::string why;
        if (formats[i] == "json") {
            texts[i] = toJson(genotype).dump(2) + "\n";
        } else if (formats[i] == "darts" || formats[i] == "ptdarts") {
            const auto text = formats[i] == "darts" ? toDartsText(genotype, &why)
                                                    : toPtDartsText(genotype, &why);
            if (!text)
                throw std::runtime_error(
                    formats[i] == "darts"
                        ? "the genotype does not fit DARTS's format: " + why +
                              " (--format ptdarts writes pt.darts's per-node form, which any "
                              "cell that did not collapse fits)"
                        : "the genotype has no pt.darts text: " + why);
            texts[i] = *text + "\n";
        } else if (formats[i] == "dot") {
            texts[i] = dot;
        }
    }
    std::unique_ptr<GraphvizRenderer> renderer;
    for (size_t i = 0; i < outs.size(); ++i) {
        const std::string &out = outs[i];
        if (formats[i] == "json" || formats[i] == "darts" || formats[i] == "ptdarts" ||
            formats[i] == "dot") {
            writeTextOut(out, texts[i]);
            continue;
        }
        if (!renderer)
            renderer = std::make_unique<GraphvizRenderer>();
        if (out == "-") {
            std::cout << renderer->render(dot, formats[i], formats[i] == "png" ? dpi : 0.0)
                      << std::flush;
            continue;
        }
        renderer->renderToFile(dot, formats[i], out, formats[i] == "png" ? dpi : 0.0);
        std::cerr << "wrote " << out << "\n";
    }
    return 0;
}

/// `sparsenas steer`: posts commands to a running run (RunDirectory::postCommand); the run
/// takes them within half a second, a data-parallel run on all its ranks at the same step.
int cmdSteer(const std::string &runDir, const std::vector<Command> &commands)
{
    if (!RunDirectory(runDir).exists())
        throw std::runtime_error(notARunDirectory(runDir));
    if (commands.empty())
        throw ConfigError("steer: say what to do: --lambda, --alpha, --lambda-step, --pause, "
                          "--resume, --checkpoint, --rollback or --stop");
    const auto holder = RunLock::holder(runDir);
    if (!holder)
        throw RunError(runDir +
                       ": no process is running this run, so nothing would take the command; "
                       "resume it with its new settings instead (sparsenas resume " +
                       runDir + " --set ...)");
    const RunDirectory dir(runDir);
    for (const auto &c : commands) {
        dir.postCommand(c);
        std::cout << "posted " << commandName(c.type);
        if (commandTakesValue(c.type))
            std::cout << " " << c.value;
        std::cout << "\n";
    }
    std::cout << "to " << *holder << "\n";
    return 0;
}

int cmdInfo()
{
    std::cout << "sparsenas " << SPARSENAS_VERSION << "\n"
              << "LibTorch " << torchVersion() << "\n"
              << "threads: " << configureThreads(0) << " (all cores)\n"
              << "CUDA: " << (cudaAvailable() ? "available" : "not available") << "\n"
              << "BLAS: " << blasInUse() << "\n";
    std::string backends;
    for (const auto &b : distributedBackends())
        backends += (backends.empty() ? "" : ", ") + b;
    std::cout << "data parallel: " << (backends.empty() ? "not built in (no c10d Gloo)" : backends)
              << "\n"
              << "presets:";
    for (const auto &p : presetNames())
        std::cout << " " << p;
    std::cout << "\n";
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    CLI::App app{"SparseNAS: Neural Architecture Search as a sparse supernet (headless)",
                 "sparsenas"};
    app.formatter(std::make_shared<HelpFormatter>()); // before the subcommands, which copy it
    // A usage error quotes the argument: printable, like every other message.
    app.failure_message([](const CLI::App *a, const CLI::Error &e) {
        return printable(CLI::FailureMessage::simple(a, e), true);
    });
    app.require_subcommand(1);
    app.set_version_flag("-V,--version", "sparsenas " + std::string(SPARSENAS_VERSION) +
                                             " (LibTorch " + torchVersion() + ", " +
                                             SPARSENAS_BUILD_TYPE + " build)");

    std::string configPath, preset, out, device, source, cellType, font, format;
    std::vector<std::string> sets, outs;
    int threads = 0, topK = 0;
    double dpi = 150.0;
    bool quiet = false, noWeights = false;

    auto *search = app.add_subcommand("search", "run a search from a config or preset");
    search->add_option("-c,--config", configPath, "JSON config file")->check(CLI::ExistingFile);
    search->add_option("-p,--preset", preset,
                       "shipped preset (digits-quick, fashion-mnist, cifar10-paper, or an "
                       "evaluation preset); default digits-quick");
    search->add_option("-o,--out", out, "run directory (default runs/<name>-<time>)");
    search->add_option("--set", sets, "override a field, e.g. --set search.epochs=3");
    search->add_option("--device", device, "cpu or cuda")->check(CLI::IsMember({"cpu", "cuda"}));
    search->add_option("--threads", threads, "CPU threads, 0 for all cores (default)")
        ->check(inRange(0, 4096));
    search->add_flag("-q,--quiet", quiet, "no progress line");

    auto *resume = app.add_subcommand("resume", "continue a stopped or killed run");
    resume->add_option("run", source, "run directory")->required()->check(CLI::ExistingDirectory);
    resume->add_option("--set", sets,
                       "change a resume-safe field, e.g. --set arch.lambda_step=0.005");
    resume->add_option("--device", device, "cpu or cuda")->check(CLI::IsMember({"cpu", "cuda"}));
    resume->add_option("--threads", threads, "CPU threads (default: the run's setting)")
        ->check(inRange(0, 4096));
    resume->add_flag("-q,--quiet", quiet, "no progress line");

    auto *derive = app.add_subcommand("derive", "derive the genotype from a run or saved A");
    derive->add_option("source", source, "run directory or JSON file with the A matrices")
        ->required()
        ->check(CLI::ExistingPath);
    derive->add_option("-o,--out", out, "genotype JSON to write (default or -: stdout)");
    derive
        ->add_option("--top-k", topK,
                     "DARTS-style reading: keep the strongest op per edge and the K strongest "
                     "edges per node (by |A|)")
        ->check(inRange(1, 1000));

    auto *exportCmd = app.add_subcommand(
        "export", "export a genotype as JSON, DARTS or pt.darts text, DOT, SVG, PDF or PNG");
    exportCmd->add_option("source", source, "run directory, genotype.json or A matrices")
        ->required()
        ->check(CLI::ExistingPath);
    exportCmd
        ->add_option("-o,--out", outs,
                     "output file(s), - for standard output; the format follows the extension "
                     "(.json, .txt DARTS text, .dot, .svg, .pdf, .png) unless --format is given")
        ->required();
    exportCmd
        ->add_option("--format", format,
                     "json, darts (DARTS's Genotype text), ptdarts (pt.darts's per-node text), "
                     "dot, svg, pdf or png, for every -o")
        ->check(CLI::IsMember({"json", "darts", "ptdarts", "dot", "svg", "pdf", "png"}));
    exportCmd
        ->add_option("--top-k", topK,
                     "export the DARTS-style reading of the run's A (see derive --top-k)")
        ->check(inRange(1, 1000));
    exportCmd->add_option("--dpi", dpi, "PNG resolution")->check(inRange(10.0, 2400.0));
    exportCmd->add_option("--cell", cellType, "only this cell type (normal or reduce)");
    exportCmd->add_option("--font", font, "font name for the diagram");
    exportCmd->add_flag("--no-weights", noWeights, "leave the weights off the edges");

    int seeds = 1;
    auto *evaluate = app.add_subcommand(
        "evaluate", "train a genotype's network on its own and report its test accuracy (a "
                    "recurrent cell's language model: its test perplexity)");
    // "built-in name (...)" stays on the first line of the wrapped help: the shell completions
    // take the names from there (packaging/cmake/GenerateCliDocs.cmake).
    evaluate
        ->add_option("genotype", source,
                     "a built-in name (DARTS_V1, DARTS_V2, DARTS_RNN_V1, DARTS_RNN_V2, "
                     "ENAS_RNN), a search's run directory, a genotype.json or a DARTS-notation "
                     "text file")
        ->required();
    evaluate->add_option("-c,--config", configPath, "JSON config file")->check(CLI::ExistingFile);
    evaluate->add_option("-p,--preset", preset,
                         "digits-eval (default), fashion-mnist-eval, cifar10-eval, "
                         "cifar100-eval; for a recurrent cell text-eval (default), ptb-eval");
    evaluate->add_option("-o,--out", out,
                         "run directory (default runs/<name>-<time>); with --seeds, one "
                         "seed-<n> folder per seed in it");
    evaluate->add_option("--set", sets, "override a field, e.g. --set search.epochs=3");
    evaluate->add_option("--seeds", seeds, "train this many times, seeds from search.seed on")
        ->check(inRange(1, 1000));
    evaluate->add_option("--device", device, "cpu or cuda")->check(CLI::IsMember({"cpu", "cuda"}));
    evaluate->add_option("--threads", threads, "CPU threads, 0 for all cores (default)")
        ->check(inRange(0, 4096));
    evaluate->add_flag("-q,--quiet", quiet, "no progress line");

    int64_t channels = 36, layers = 20, classes = 10, inChannels = 3, image = 32;
    bool auxiliary = false;
    auto *params = app.add_subcommand(
        "params", "parameters and multiply-adds of a genotype's network, without training");
    params->add_option("genotype", source, "run directory, genotype file or built-in name")
        ->required();
    params->add_option("--channels", channels, "C (default 36)")->check(inRange(2, 4096));
    params->add_option("--layers", layers, "cells (default 20)")->check(inRange(1, 256));
    params->add_option("--classes", classes, "classes (default 10)")->check(inRange(1, 100000));
    params->add_option("--in-channels", inChannels, "image channels (default 3)")
        ->check(inRange(1, 64));
    params->add_option("--image", image, "image side in pixels (default 32)")
        ->check(inRange(1, 4096));
    params->add_flag("--auxiliary", auxiliary, "also count the auxiliary head");
    int64_t hidden = 850, vocabulary = 10000;
    params->add_option("--hidden", hidden, "a recurrent cell's hidden size (default 850)")
        ->check(inRange(1, 65536));
    params
        ->add_option("--vocabulary", vocabulary,
                     "a recurrent cell's vocabulary (default 10000, PTB's)")
        ->check(inRange(2, 100000000));

    std::vector<std::string> runs;
    auto *compare = app.add_subcommand(
        "compare", "table of evaluations: size, cost and test accuracy over seeds");
    // A path that does not exist is a usage error (exit 2), as for every other subcommand.
    compare->add_option("runs", runs, "evaluation run directories, or folders holding them")
        ->required()
        ->check(CLI::ExistingPath);
    compare->add_option("-o,--out", outs, "also write the table: .csv, .md or .tex");

    std::vector<std::string> grid;
    int jobs = 0;
    auto *sweep = app.add_subcommand(
        "sweep", "run a search at every point of a grid of config fields, in parallel processes");
    sweep->add_option("-c,--config", configPath, "JSON config file")->check(CLI::ExistingFile);
    sweep->add_option("-p,--preset", preset,
                      "digits-quick (default), fashion-mnist, cifar10-paper");
    sweep
        ->add_option("-g,--grid", grid,
                     "a field and its values, e.g. --grid arch.alpha=0.3,0.5,0.7; several "
                     "--grid make a grid")
        ->required();
    sweep->add_option("--set", sets,
                      "override a field for every point, e.g. --set search.epochs=3");
    sweep->add_option("-o,--out", out,
                      "sweep folder (default runs/sweep-<name>-<time>); the same "
                      "command on it again continues the sweep");
    sweep->add_option("-j,--jobs", jobs, "searches at once (default: as many as the cores allow)")
        ->check(inRange(1, 256));
    sweep->add_option("--threads", threads, "CPU threads per search (default: cores / jobs)")
        ->check(inRange(1, 4096));
    std::string sweepEvaluate;
    sweep->add_option("--evaluate", sweepEvaluate,
                      "after each point's search, train its derived cell on its own with this "
                      "evaluation preset (digits-eval, fashion-mnist-eval, cifar10-eval, "
                      "cifar100-eval); the summary gets its test accuracy");
    std::vector<std::string> sweepEvaluateSets;
    sweep->add_option("--evaluate-set", sweepEvaluateSets,
                      "override a field of every evaluation, e.g. --evaluate-set search.epochs=5");

    AblationCommand ablationCmd;
    std::string methods, lambdas;
    auto *ablation = app.add_subcommand(
        "ablation", "the paper's optimizer ablation (Fig. 3): SGL on a 64-40-20-10 network on "
                    "digits, per optimizer, penalty and lambda");
    ablation->add_option("--methods", methods,
                         "comma-separated optimizer/penalty pairs, e.g. hapg/lasso,adam/sgl "
                         "(default: the paper's six: SGD, Adam, HAPG, AdamHAPG with SGL; HAPG "
                         "with Lasso and with Group Lasso)");
    ablation->add_option("--lambdas", lambdas,
                         "log10(lambda) from,to,count (default -5,-3.7,8, as the paper)");
    ablation->add_option("--seeds", ablationCmd.seeds, "runs per setting (default 3)")
        ->check(inRange(1, 100));
    ablation->add_option("--epochs", ablationCmd.epochs, "epochs per run (default 100)")
        ->check(inRange(1, 100000));
    ablation->add_option("--alpha", ablationCmd.alpha, "SGL's alpha (default 0.5)")
        ->check(inRange(0.0, 1.0));
    bool momentum = false;
    ablation->add_flag("--momentum", momentum,
                       "HAPG and AdamHAPG with the momentum of Eq. 7-8 (diverges on this "
                       "network after about 30 epochs: docs/ablation.md)");
    ablation->add_option("-o,--out", out,
                         "folder for ablation.csv, fig3.svg, fig3.pdf "
                         "(default runs/ablation-<time>)");
    ablation->add_option("--threads", threads, "CPU threads (default 1: the network is small)")
        ->check(inRange(1, 4096));

    double steerLambda = -1, steerAlpha = -1, steerLambdaStep = -1;
    bool steerPause = false, steerResume = false, steerStop = false, steerCheckpoint = false,
         steerRollback = false;
    auto *steer = app.add_subcommand(
        "steer", "send a running run a command: lambda, alpha, pause, resume, checkpoint, stop");
    steer->add_option("run", source, "run directory")->required()->check(CLI::ExistingDirectory);
    steer->add_option("--lambda", steerLambda, "set lambda")->check(inRange(0.0, 1e6));
    steer->add_option("--alpha", steerAlpha, "set SGL's alpha")->check(inRange(0.0, 1.0));
    steer->add_option("--lambda-step", steerLambdaStep, "set the lambda step")
        ->check(inRange(0.0, 1e6));
    steer->add_flag("--pause", steerPause, "pause before the next step");
    steer->add_flag("--resume", steerResume, "go on after a pause");
    steer->add_flag("--checkpoint", steerCheckpoint, "write a checkpoint now");
    steer->add_flag("--rollback", steerRollback, "back to the last checkpoint, paused");
    steer->add_flag("--stop", steerStop, "stop with a checkpoint (resume continues it)");

    LaunchOptions launchOptions;
    auto *launch = app.add_subcommand(
        "launch", "run a search, evaluate or resume as N data-parallel processes on this machine");
    launch->add_option("-n,--nproc", launchOptions.processes, "processes (default 2)")
        ->check(inRange(1, 1024));
    launch->add_option("--port", launchOptions.port, "MASTER_PORT (default: a free port)")
        ->check(inRange(1, 65535));
    launch
        ->add_option("--grace", launchOptions.grace,
                     "seconds the others get to stop by themselves after one failed (default "
                     "330, more than search.dist_timeout's 300)")
        ->check(inRange(0.0, 86400.0));
    launch->prefix_command(); // what follows the options is the command each process runs

    auto *presets = app.add_subcommand("presets", "list the shipped presets, or print one");
    presets->add_option("name", preset, "preset to print as JSON");

    auto *info = app.add_subcommand("info", "LibTorch, threads, CUDA and BLAS of this build");

    // CLI11 answers a mistyped subcommand with "A subcommand is required": name it instead.
    if (argc > 1 && argv[1][0] != '-') {
        std::string names;
        bool known = false;
        for (const auto *sub : app.get_subcommands([](CLI::App *) { return true; })) {
            known = known || sub->get_name() == argv[1];
            names += (names.empty() ? "" : ", ") + sub->get_name();
        }
        if (!known) {
            printError("unknown subcommand '" + std::string(argv[1]) + "' (subcommands: " + names +
                       ")\nRun with --help for more information.");
            return 2;
        }
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        // --help and --version end here with 0; every usage error (a missing or unknown
        // subcommand or option, a value out of range) with 2, as the README says, not with
        // CLI11's internal codes (105-109).
        return app.exit(e) == 0 ? 0 : 2;
    }

    try {
        if (search->parsed())
            return cmdSearch(configPath, preset, out, sets, device, threads, quiet);
        if (resume->parsed())
            return cmdResume(source, sets, device, threads, quiet);
        if (derive->parsed())
            return cmdDerive(source, out, topK);
        if (exportCmd->parsed())
            return cmdExport(source, outs, dpi, noWeights, cellType, font, format, topK);
        if (evaluate->parsed())
            return cmdEvaluate(source, configPath, preset, out, sets, device, threads, seeds,
                               quiet);
        if (params->parsed())
            return cmdParams(source, channels, layers, classes, inChannels, image, auxiliary,
                             hidden, vocabulary);
        if (compare->parsed())
            return cmdCompare(runs, outs);
        if (sweep->parsed()) {
            SweepOptions o;
            o.base = assembleConfigJson(configPath, preset, "digits-quick", json::object(), sets,
                                        "", 0, &o.origin);
            for (const auto &g : grid)
                o.axes.push_back(parseSweepAxis(g));
            if (out.empty()) {
                std::string name = o.base.value("name", std::string("search"));
                out = defaultOutDir("sweep-" + name);
            }
            // A sweep folder holds run directories; it is not one (nor goes into one).
            if (RunDirectory(out).exists())
                throw ConfigError("'" + out +
                                  "' is a run directory (config.json); a sweep needs a folder of "
                                  "its own: choose another --out");
            o.out = out;
            o.jobs = jobs;
            o.threads = threads;
            o.evaluatePreset = sweepEvaluate;
            o.evaluateSets = sweepEvaluateSets;
            if (o.evaluatePreset.empty() && !o.evaluateSets.empty())
                throw ConfigError("--evaluate-set needs --evaluate PRESET");
            return runSweep(o);
        }
        if (ablation->parsed()) {
            ablationCmd.methods = methods.empty() ? paperAblationMethods()
                                                  : parseAblationMethods(methods);
            if (!lambdas.empty()) {
                double from = 0, to = 0;
                int count = 0;
                char tail = 0;
                if (std::sscanf(lambdas.c_str(), "%lf,%lf,%d%c", &from, &to, &count, &tail) != 3 ||
                    count < 1 || count > 1000 || !(from <= to) || from < -12 || to > 2)
                    throw ConfigError("--lambdas " + lambdas +
                                      ": expected log10 from,to,count with from <= to, e.g. "
                                      "-5,-3.7,8");
                ablationCmd.log10From = from;
                ablationCmd.log10To = to;
                ablationCmd.points = count;
            }
            ablationCmd.out = out.empty() ? defaultOutDir("ablation") : out;
            ablationCmd.accelerated = momentum;
            configureThreads(threads > 0 ? threads : 1);
            return runAblationCommand(ablationCmd);
        }
        if (presets->parsed()) {
            if (preset.empty()) {
                for (const auto &p : presetNames())
                    std::cout << p << "\n";
            } else {
                std::cout << presetText(preset);
            }
            return 0;
        }
        if (info->parsed())
            return cmdInfo();
        if (steer->parsed()) {
            std::vector<Command> commands;
            if (steerLambdaStep >= 0)
                commands.push_back({Command::Type::SetLambdaStep, steerLambdaStep});
            if (steerLambda >= 0)
                commands.push_back({Command::Type::SetLambda, steerLambda});
            if (steerAlpha >= 0)
                commands.push_back({Command::Type::SetAlpha, steerAlpha});
            if (steerRollback)
                commands.push_back({Command::Type::Rollback});
            if (steerCheckpoint)
                commands.push_back({Command::Type::Checkpoint});
            if (steerPause)
                commands.push_back({Command::Type::Pause});
            if (steerResume)
                commands.push_back({Command::Type::Resume});
            if (steerStop)
                commands.push_back({Command::Type::Stop});
            return cmdSteer(source, commands);
        }
        if (launch->parsed()) {
            launchOptions.command = launch->remaining();
            if (!launchOptions.command.empty() && launchOptions.command.front() == "--")
                launchOptions.command.erase(launchOptions.command.begin());
            return launchProcesses(launchOptions);
        }
    } catch (const ConfigError &e) {
        printError(e.what());
        return 2;
    } catch (const GenotypeError &e) {
        printError(e.what());
        return 2;
    } catch (const RunBusyError &e) {
        printError(std::string("error: ") + e.what());
        return 3;
    } catch (const std::exception &e) {
        printError(std::string("error: ") + e.what());
        return 1;
    }
    return 0;
}
