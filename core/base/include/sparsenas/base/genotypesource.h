// SPDX-License-Identifier: MIT
#pragma once

// Where a genotype to evaluate comes from: our genotype.json (mixed-path), DARTS's Python
// notation (the flat pair list of quark0/darts or the per-node lists of pt.darts), a run
// directory, or a published genotype built in by name. Torch-free.

#include "sparsenas/base/genotype.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace sparsenas {

/// A genotype that cannot be read or built: what() names the source, the place (line:column or
/// field) and the problem.
class GenotypeError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// Parses `Genotype(normal=..., normal_concat=..., reduce=..., reduce_concat=...)`, or the
/// recurrent `Genotype(recurrent=[('relu', 0), ...], concat=range(1, 9))` (one pair per node,
/// or a list per node; node 0 is the cell's first state, 1 .. N the nodes):
/// - quark0/darts: normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ...], two entries per node;
/// - pt.darts: normal=[[('sep_conv_3x3', 0), ('sep_conv_3x3', 1)], [...], ...], a list per node,
///   any number per node.
/// The concat lists may be lists or range(a, b). `#` comments and an assignment in front
/// (`DARTS_V2 = Genotype(...)`) are allowed. Input numbers follow DARTS: 0 = c_{k-2},
/// 1 = c_{k-1}, 2.. the intermediate nodes. Every node of the text is kept (as DARTS builds
/// them); edges get weight 1. Throws GenotypeError naming `origin`:line:column.
Genotype genotypeFromDartsText(const std::string &text, const std::string &origin = "genotype");

/// The per-node form that pt.darts's genotypes.from_str reads (any number of inputs per node,
/// several ops on one edge). Removed nodes are left out and the survivors renumbered 2, 3, ...
/// consistently in the inputs and the concat. A collapsed cell has no such form: nullopt, with
/// the reason in *whyNot.
std::optional<std::string> toPtDartsText(const Genotype &genotype, std::string *whyNot = nullptr);

/// Published genotypes built in for comparison: the CNN cells "DARTS_V1", "DARTS_V2" and the
/// recurrent cells "DARTS_RNN_V1", "DARTS_RNN_V2" (Liu et al. 2019), "ENAS_RNN" (Pham et al.
/// 2018, as DARTS's rnn/genotypes.py writes it).
std::vector<std::string> builtinGenotypeNames();
/// The DARTS text of a built-in genotype; throws GenotypeError for an unknown name.
std::string builtinGenotypeText(const std::string &name);

/// The operations an evaluation network can build (the DARTS operations other than "none").
const std::vector<std::string> &evaluationOps();
/// The activations a recurrent evaluation network can build (DARTS's recurrent ops but "none").
const std::vector<std::string> &recurrentEvaluationOps();
/// True for a genotype of the recurrent space (a cell with one input).
bool isRecurrentGenotype(const Genotype &genotype);

/// Everything that stops `genotype` from being built as a network, one line each ("normal cell:
/// edge 3: unknown operation 'conv_9x9'"): no normal or reduction cell (a CNN genotype), not
/// exactly one live recurrent cell (a recurrent genotype), an unknown operation, an input that
/// is not an earlier node (out of range, a cycle), a concat node that does not exist, a node
/// with no input. Empty if it can be built.
std::vector<std::string> genotypeProblems(const Genotype &genotype);

/// A genotype named by the user: a built-in name, a run directory (its genotype.json), a
/// genotype.json file, or a text file in DARTS notation. Checks it with genotypeProblems.
/// `label` (if given) receives a short description of the source for tables and logs.
/// Throws GenotypeError naming the file and the problem.
Genotype loadGenotype(const std::string &spec, std::string *label = nullptr);

} // namespace sparsenas
