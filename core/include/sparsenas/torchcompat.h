// SPDX-License-Identifier: MIT
#pragma once

// The small differences between LibTorch 1.13 (Debian) and 2.x that the core touches, kept in
// one place: the key type of torch::optim::Optimizer::state() (std::string of the TensorImpl
// address in 1.x, the void* address in 2.x), and add_param_group, which in 2.x replaces a
// group's options by the optimizer's defaults when the group carries none.

#include <torch/torch.h>

#include <memory>
#include <sstream>
#include <string>
#include <type_traits>

namespace sparsenas::compat {

using OptimizerStateMap = std::decay_t<decltype(std::declval<torch::optim::Optimizer &>().state())>;
using OptimizerStateKey = typename OptimizerStateMap::key_type;

namespace detail {
template <typename Key>
Key keyOf(c10::TensorImpl *impl)
{
    if constexpr (std::is_same_v<Key, std::string>) {
        std::ostringstream ss; // what c10::guts::to_string(TensorImpl*) produces in 1.x
        ss << impl;
        return ss.str();
    } else {
        return static_cast<Key>(impl);
    }
}
} // namespace detail

/// The key under which `optimizer.state()` keeps the state of parameter `p`.
inline OptimizerStateKey stateKey(const torch::Tensor &p)
{
    return detail::keyOf<OptimizerStateKey>(p.unsafeGetTensorImpl());
}

/// The state of `p` in `optimizer`, cast to the optimizer's ParamState type, or nullptr.
template <typename State>
State *findState(torch::optim::Optimizer &optimizer, const torch::Tensor &p)
{
    auto it = optimizer.state().find(stateKey(p));
    return it == optimizer.state().end() ? nullptr : static_cast<State *>(it->second.get());
}

template <typename State>
const State *findState(const torch::optim::Optimizer &optimizer, const torch::Tensor &p)
{
    auto it = optimizer.state().find(stateKey(p));
    return it == optimizer.state().end() ? nullptr : static_cast<const State *>(it->second.get());
}

template <typename State>
void setState(torch::optim::Optimizer &optimizer, const torch::Tensor &p,
              std::unique_ptr<State> state)
{
    optimizer.state()[stateKey(p)] = std::move(state);
}

/// A parameter group that keeps its own options in 1.x and 2.x alike.
template <typename Options>
torch::optim::OptimizerParamGroup paramGroup(std::vector<torch::Tensor> params,
                                             const Options &options)
{
    return torch::optim::OptimizerParamGroup(std::move(params), std::make_unique<Options>(options));
}

/// One line for a person: LibTorch's errors (c10::Error) carry a C++ backtrace of some 30 frames
/// after their message, which says nothing to a user; it is dropped, and an allocation failure
/// says what to change.
inline std::string errorMessage(const std::exception &e)
{
    std::string w;
    if (const auto *c10 = dynamic_cast<const c10::Error *>(&e))
        w = c10->what_without_backtrace();
    else
        w = e.what();
    const auto nl = w.find('\n');
    if (nl != std::string::npos && dynamic_cast<const c10::Error *>(&e))
        w = w.substr(0, nl);
    if (w.find("can't allocate memory") != std::string::npos ||
        dynamic_cast<const std::bad_alloc *>(&e))
        w += " (not enough memory for this search: lower space.channels, space.layers, "
             "search.batch_size or dataset.limit)";
    return w;
}

} // namespace sparsenas::compat
