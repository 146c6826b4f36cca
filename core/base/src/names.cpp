// SPDX-License-Identifier: MIT
#include "sparsenas/base/names.h"

#include <algorithm>

namespace sparsenas {

template <>
const std::vector<std::pair<DatasetKind, const char *>> &nameTable<DatasetKind>()
{
    static const std::vector<std::pair<DatasetKind, const char *>> t = {
        {DatasetKind::Digits, "digits"},
        {DatasetKind::FashionMnist, "fashion-mnist"},
        {DatasetKind::Mnist, "mnist"},
        {DatasetKind::Cifar10, "cifar10"},
        {DatasetKind::Cifar100, "cifar100"},
        {DatasetKind::Ptb, "ptb"},
        {DatasetKind::DevilsDictionary, "devils-dictionary"}};
    return t;
}

template <>
const std::vector<std::pair<ArchOptimizerKind, const char *>> &nameTable<ArchOptimizerKind>()
{
    static const std::vector<std::pair<ArchOptimizerKind, const char *>> t = {
        {ArchOptimizerKind::AdamHapg, "adam_hapg"},
        {ArchOptimizerKind::Hapg, "hapg"},
        {ArchOptimizerKind::Sgd, "sgd"},
        {ArchOptimizerKind::Adam, "adam"}};
    return t;
}

template <>
const std::vector<std::pair<PenaltyKind, const char *>> &nameTable<PenaltyKind>()
{
    static const std::vector<std::pair<PenaltyKind, const char *>> t = {
        {PenaltyKind::SparseGroupLasso, "sgl"},
        {PenaltyKind::Lasso, "lasso"},
        {PenaltyKind::GroupLasso, "group_lasso"}};
    return t;
}

template <>
const std::vector<std::pair<SearchOrder, const char *>> &nameTable<SearchOrder>()
{
    static const std::vector<std::pair<SearchOrder, const char *>> t = {
        {SearchOrder::First, "first"}, {SearchOrder::Second, "second"}};
    return t;
}

template <>
const std::vector<std::pair<DeviceKind, const char *>> &nameTable<DeviceKind>()
{
    static const std::vector<std::pair<DeviceKind, const char *>> t = {{DeviceKind::Cpu, "cpu"},
                                                                       {DeviceKind::Cuda, "cuda"}};
    return t;
}

template <>
const std::vector<std::pair<CollapsePolicy, const char *>> &nameTable<CollapsePolicy>()
{
    static const std::vector<std::pair<CollapsePolicy, const char *>> t = {
        {CollapsePolicy::Stop, "stop"}, {CollapsePolicy::Continue, "continue"}};
    return t;
}

template <>
const std::vector<std::pair<TaskKind, const char *>> &nameTable<TaskKind>()
{
    static const std::vector<std::pair<TaskKind, const char *>> t = {
        {TaskKind::Search, "search"}, {TaskKind::Evaluate, "evaluate"}};
    return t;
}

template <>
const std::vector<std::pair<SpaceKind, const char *>> &nameTable<SpaceKind>()
{
    static const std::vector<std::pair<SpaceKind, const char *>> t = {{SpaceKind::Cnn, "cnn"},
                                                                      {SpaceKind::Rnn, "rnn"}};
    return t;
}

const std::vector<std::string> &dartsOps()
{
    static const std::vector<std::string> ops = {"none",         "max_pool_3x3", "avg_pool_3x3",
                                                 "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
                                                 "dil_conv_3x3", "dil_conv_5x5"};
    return ops;
}

const std::vector<std::string> &dartsRnnOps()
{
    static const std::vector<std::string> ops = {"none", "tanh", "relu", "sigmoid", "identity"};
    return ops;
}

const std::vector<std::string> &opsOf(SpaceKind space)
{
    return space == SpaceKind::Rnn ? dartsRnnOps() : dartsOps();
}

bool isKnownOp(const std::string &name, SpaceKind space)
{
    const auto &ops = opsOf(space);
    return std::find(ops.begin(), ops.end(), name) != ops.end();
}

bool isKnownOp(const std::string &name)
{
    return isKnownOp(name, SpaceKind::Cnn) || isKnownOp(name, SpaceKind::Rnn);
}

bool isTextDataset(DatasetKind kind)
{
    return kind == DatasetKind::Ptb || kind == DatasetKind::DevilsDictionary;
}

int numClassesOf(DatasetKind kind)
{
    return kind == DatasetKind::Cifar100 ? 100 : 10;
}

bool needsDataPath(DatasetKind kind)
{
    return kind == DatasetKind::Mnist || kind == DatasetKind::Cifar10 ||
           kind == DatasetKind::Cifar100 || kind == DatasetKind::Ptb;
}

} // namespace sparsenas
