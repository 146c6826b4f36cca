// SPDX-License-Identifier: MIT
#pragma once

// Numbers read from JSON that users and other programs write: nlohmann's get<int64_t>() of
// 1e126 or get<float>() of 1e300 is undefined behaviour (a float-to-integer or double-to-float
// conversion out of range), so every reader of an untrusted number goes through numberAs.
// Internal to the base library.

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <type_traits>

namespace sparsenas::detail {

/// `v` as a T if it is a number that T holds (integers: within T's range, a fractional value
/// truncated toward zero; float: finite values within float's range, NaN and infinities as they
/// are); std::nullopt otherwise.
template <typename T>
std::optional<T> numberAs(const nlohmann::json &v)
{
    static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>);
    if (!v.is_number())
        return std::nullopt;
    if constexpr (std::is_integral_v<T>) {
        using L = std::numeric_limits<T>;
        if (v.is_number_unsigned()) {
            const auto u = v.get<std::uint64_t>();
            return u <= std::uint64_t(L::max()) ? std::optional<T>(T(u)) : std::nullopt;
        }
        if (v.is_number_integer()) {
            const auto i = v.get<std::int64_t>();
            return i >= std::int64_t(L::min()) &&
                           std::uint64_t(std::max<std::int64_t>(i, 0)) <= std::uint64_t(L::max())
                       ? std::optional<T>(T(i))
                       : std::nullopt;
        }
        const double d = v.get<double>();
        const double upper = std::ldexp(1.0, L::digits); // one past the largest T
        return d >= double(L::min()) && d < upper ? std::optional<T>(T(d)) : std::nullopt;
    } else {
        const double d = v.get<double>();
        if (std::isfinite(d) && std::fabs(d) > double(std::numeric_limits<T>::max()))
            return std::nullopt;
        return T(d);
    }
}

} // namespace sparsenas::detail
