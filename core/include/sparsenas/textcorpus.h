// SPDX-License-Identifier: MIT
#pragma once

// The recurrent space's data: a text corpus in Penn Treebank format (ptb.train.txt,
// ptb.valid.txt, ptb.test.txt: one sentence a line, words separated by spaces, rare words already
// <unk>), read as DARTS's rnn/data.py reads it: every line's words and an <eos>, the vocabulary
// in order of first appearance in the training file. The validation and test files may use only
// the training file's words.

#include "sparsenas/base/config.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace sparsenas {

struct TextCorpus
{
    std::string name;               ///< "ptb", "devils-dictionary"
    std::vector<std::string> words; ///< the vocabulary: id -> word
    std::unordered_map<std::string, int64_t> ids;
    std::vector<int64_t> train, valid, test; ///< token ids, <eos> after every line
    std::string attribution;                 ///< where the text comes from, shown to users

    int64_t vocabularySize() const { return int64_t(words.size()); }
};

/// Parses the three parts (plain text; gzip is inflated first). `origins` name them in errors.
/// Throws DataError naming the file and line: an empty part, a part with no word, a validation
/// or test word the training part does not have.
TextCorpus parsePtbTexts(const std::string &train, const std::string &valid,
                         const std::string &test, const std::string origins[3]);
/// ptb.train.txt, ptb.valid.txt, ptb.test.txt (each may be gzip-compressed, also as *.txt.gz)
/// from `dir`. Throws DataError naming a missing or bad file.
TextCorpus loadPtbFolder(const std::string &dir);
/// "The Devil's Dictionary" in PTB format, embedded in the program (public domain).
TextCorpus loadEmbeddedText();
/// The corpus a run's configuration names (dataset.name ptb or devils-dictionary), its training
/// part cut to the first dataset.limit tokens when that is set.
TextCorpus loadTextCorpus(const DatasetConfig &config);

/// DARTS's batchify: the first tokens of `ids` that fill `batch` columns, as [rows, batch] int64,
/// column b holding the b-th contiguous slice of the stream.
torch::Tensor batchify(const std::vector<int64_t> &ids, int64_t batch);

/// exp of the cross-entropy of `ids` under the unigram distribution of `counted` (add-one
/// smoothed over the vocabulary): the perplexity a model that ignores context reaches.
double unigramPerplexity(const std::vector<int64_t> &counted, const std::vector<int64_t> &ids,
                         int64_t vocabularySize);

} // namespace sparsenas
