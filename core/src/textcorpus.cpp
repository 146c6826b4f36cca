// SPDX-License-Identifier: MIT
#include "sparsenas/textcorpus.h"

#include "sparsenas/dataset.h"

#include <cmath>
#include <filesystem>

namespace sparsenas {

namespace embedded {
extern const unsigned char devil_train_txt_gz[];
extern const std::size_t devil_train_txt_gz_size;
extern const unsigned char devil_valid_txt_gz[];
extern const std::size_t devil_valid_txt_gz_size;
extern const unsigned char devil_test_txt_gz[];
extern const std::size_t devil_test_txt_gz_size;
} // namespace embedded

namespace {

const char *const kDevilAttribution =
    "\"The Devil's Dictionary\" by Ambrose Bierce (1911), public domain; Internet Wiretap "
    "edition as shipped in Debian's dict-devil package, in Penn Treebank format";

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/// Calls `word(text, line)` for every word and `eol(line)` at the end of every line that has
/// words (DARTS adds <eos> to every line; a blank line would add a lone <eos>, which PTB files
/// do not have: it is skipped).
template <typename Word, typename Eol>
void scan(const std::string &text, const Word &word, const Eol &eol)
{
    size_t i = 0;
    int64_t line = 1;
    bool any = false;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\n') {
            if (any)
                eol(line);
            any = false;
            ++line;
            ++i;
            continue;
        }
        if (isSpace(c)) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < text.size() && text[j] != '\n' && !isSpace(text[j]))
            ++j;
        word(std::string(text, i, j - i), line);
        any = true;
        i = j;
    }
    if (any)
        eol(line);
}

void checkText(const std::string &text, const std::string &origin)
{
    if (text.find('\0') != std::string::npos)
        throw DataError("'" + origin + "': holds NUL bytes, not a text file");
}

std::vector<int64_t> tokenize(TextCorpus &c, const std::string &text, const std::string &origin,
                              bool grow)
{
    checkText(text, origin);
    std::vector<int64_t> out;
    const auto id = [&](const std::string &w, int64_t line) {
        const auto it = c.ids.find(w);
        if (it != c.ids.end())
            return it->second;
        if (!grow)
            throw DataError("'" + origin + "' line " + std::to_string(line) + ": the word \"" + w +
                            "\" is not in the vocabulary of the training part (a PTB-format "
                            "corpus writes words the training part lacks as <unk>)");
        const int64_t fresh = int64_t(c.words.size());
        c.words.push_back(w);
        c.ids.emplace(w, fresh);
        return fresh;
    };
    scan(
        text, [&](const std::string &w, int64_t line) { out.push_back(id(w, line)); },
        [&](int64_t line) { out.push_back(id("<eos>", line)); });
    if (out.empty())
        throw DataError("'" + origin + "': no words (an empty text)");
    return out;
}

} // namespace

TextCorpus parsePtbTexts(const std::string &train, const std::string &valid,
                         const std::string &test, const std::string origins[3])
{
    TextCorpus c;
    c.train = tokenize(c, inflateMaybeGzip(train, origins[0]), origins[0], true);
    // <eos> ends every line of the other parts too: it is a word of the vocabulary.
    c.valid = tokenize(c, inflateMaybeGzip(valid, origins[1]), origins[1], false);
    c.test = tokenize(c, inflateMaybeGzip(test, origins[2]), origins[2], false);
    if (c.train.size() < 3)
        throw DataError("'" + origins[0] + "': " + std::to_string(c.train.size()) +
                        " tokens, too few to predict a next word from");
    return c;
}

TextCorpus loadPtbFolder(const std::string &dir)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw DataError("'" + dir + "': no such folder (the Penn Treebank folder with " +
                        "ptb.train.txt, ptb.valid.txt and ptb.test.txt)");
    std::string paths[3], texts[3];
    const char *names[3] = {"ptb.train.txt", "ptb.valid.txt", "ptb.test.txt"};
    for (int k = 0; k < 3; ++k) {
        const fs::path plain = fs::path(dir) / names[k];
        const fs::path gz = fs::path(dir) / (std::string(names[k]) + ".gz");
        const fs::path at = fs::exists(plain, ec) ? plain : fs::exists(gz, ec) ? gz : plain;
        if (!fs::exists(at, ec))
            throw DataError("'" + plain.string() + "': missing (a Penn Treebank folder holds " +
                            "ptb.train.txt, ptb.valid.txt and ptb.test.txt)");
        paths[k] = at.string();
        texts[k] = readMaybeGzip(paths[k]);
    }
    TextCorpus c = parsePtbTexts(texts[0], texts[1], texts[2], paths);
    c.name = "ptb";
    c.attribution = "Penn Treebank-format text from " + dir;
    return c;
}

TextCorpus loadEmbeddedText()
{
    using namespace embedded;
    const auto bytes = [](const unsigned char *p, std::size_t n) {
        return std::string(reinterpret_cast<const char *>(p), n);
    };
    const std::string origins[3] = {"embedded devil.train.txt", "embedded devil.valid.txt",
                                    "embedded devil.test.txt"};
    TextCorpus c = parsePtbTexts(bytes(devil_train_txt_gz, devil_train_txt_gz_size),
                                 bytes(devil_valid_txt_gz, devil_valid_txt_gz_size),
                                 bytes(devil_test_txt_gz, devil_test_txt_gz_size), origins);
    c.name = "devils-dictionary";
    c.attribution = kDevilAttribution;
    return c;
}

TextCorpus loadTextCorpus(const DatasetConfig &config)
{
    TextCorpus corpus;
    switch (config.name) {
    case DatasetKind::Ptb:
        corpus = loadPtbFolder(config.path);
        break;
    case DatasetKind::DevilsDictionary:
        corpus = loadEmbeddedText();
        break;
    default:
        throw DataError("dataset.name " + nameOf(config.name) +
                        " is an image set; the recurrent space reads a text corpus");
    }
    // dataset.limit: the first tokens of the training part (the vocabulary stays whole).
    if (config.limit > 0 && int64_t(corpus.train.size()) > config.limit)
        corpus.train.resize(size_t(config.limit));
    return corpus;
}

torch::Tensor batchify(const std::vector<int64_t> &ids, int64_t batch)
{
    const int64_t rows = int64_t(ids.size()) / batch;
    if (rows < 2)
        throw DataError(std::to_string(ids.size()) + " tokens cannot fill " +
                        std::to_string(batch) + " columns of at least 2 tokens");
    auto all = torch::tensor(ids, torch::kLong);
    return all.narrow(0, 0, rows * batch).view({batch, rows}).t().contiguous();
}

double unigramPerplexity(const std::vector<int64_t> &counted, const std::vector<int64_t> &ids,
                         int64_t vocabularySize)
{
    std::vector<double> count(size_t(vocabularySize), 1.0); // add-one
    for (const int64_t id : counted)
        count[size_t(id)] += 1.0;
    const double total = double(counted.size()) + double(vocabularySize);
    double nll = 0;
    for (const int64_t id : ids)
        nll -= std::log(count[size_t(id)] / total);
    return std::exp(nll / double(ids.size()));
}

} // namespace sparsenas
