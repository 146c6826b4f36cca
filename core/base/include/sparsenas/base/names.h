// SPDX-License-Identifier: MIT
#pragma once

// Names are types: every choice a run configuration makes (data set, architecture optimizer,
// penalty, search order, device) is an enum with one name table here. Strings exist only at the
// boundary: the config parser turns them into enums once (configFromJson), toJson writes the
// names back, and the studio's form fills its choices from the same tables. Torch-free, so the
// form validates against exactly what the engine accepts.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sparsenas {

/// Image sets for the CNN space; text corpora (Penn Treebank format) for the recurrent space.
enum class DatasetKind { Digits, FashionMnist, Mnist, Cifar10, Cifar100, Ptb, DevilsDictionary };
/// The search space: DARTS's CNN cell (images) or its recurrent cell (language modelling).
enum class SpaceKind { Cnn, Rnn };
enum class ArchOptimizerKind { Hapg, AdamHapg, Sgd, Adam };
enum class PenaltyKind { SparseGroupLasso, Lasso, GroupLasso };
enum class SearchOrder { First, Second };
enum class DeviceKind { Cpu, Cuda };
/// What a search does when a whole cell type loses every architecture weight (docs/method.md).
enum class CollapsePolicy { Stop, Continue };
/// What a run does: search a sparse supernet, or train a genotype's network on its own.
enum class TaskKind { Search, Evaluate };

/// The name table of an enum: every value with the name a config file uses, in display order.
template <typename E>
const std::vector<std::pair<E, const char *>> &nameTable();

template <>
const std::vector<std::pair<DatasetKind, const char *>> &nameTable<DatasetKind>();
template <>
const std::vector<std::pair<ArchOptimizerKind, const char *>> &nameTable<ArchOptimizerKind>();
template <>
const std::vector<std::pair<PenaltyKind, const char *>> &nameTable<PenaltyKind>();
template <>
const std::vector<std::pair<SearchOrder, const char *>> &nameTable<SearchOrder>();
template <>
const std::vector<std::pair<DeviceKind, const char *>> &nameTable<DeviceKind>();
template <>
const std::vector<std::pair<CollapsePolicy, const char *>> &nameTable<CollapsePolicy>();
template <>
const std::vector<std::pair<TaskKind, const char *>> &nameTable<TaskKind>();
template <>
const std::vector<std::pair<SpaceKind, const char *>> &nameTable<SpaceKind>();

/// The config name of `value` ("adam_hapg", "sgl", ...).
template <typename E>
std::string nameOf(E value)
{
    for (const auto &[v, name] : nameTable<E>()) {
        if (v == value)
            return name;
    }
    return "?";
}

/// The value named `name`, or nothing if the table has no such name.
template <typename E>
std::optional<E> parseName(const std::string &name)
{
    for (const auto &[v, n] : nameTable<E>()) {
        if (name == n)
            return v;
    }
    return std::nullopt;
}

/// Every name of the table, in order.
template <typename E>
std::vector<std::string> namesOf()
{
    std::vector<std::string> out;
    for (const auto &entry : nameTable<E>())
        out.emplace_back(entry.second);
    return out;
}

/// The 8 DARTS operations, in DARTS's column order.
const std::vector<std::string> &dartsOps();
/// The recurrent space's 5: none, tanh, relu, sigmoid, identity (DARTS's rnn/genotypes.py).
const std::vector<std::string> &dartsRnnOps();
/// The operations of `space`.
const std::vector<std::string> &opsOf(SpaceKind space);
/// An operation of either space.
bool isKnownOp(const std::string &name);
/// An operation of `space`.
bool isKnownOp(const std::string &name, SpaceKind space);
/// A text corpus (the recurrent space's data) rather than an image set.
bool isTextDataset(DatasetKind kind);

/// The class count of a data set (10, or 100 for CIFAR-100).
int numClassesOf(DatasetKind kind);
/// Whether the data set must be given a folder (no embedded copy, no Debian default).
bool needsDataPath(DatasetKind kind);

} // namespace sparsenas
