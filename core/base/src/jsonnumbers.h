// SPDX-License-Identifier: MIT
#pragma once

// Numbers read from JSON that users and other programs write: nlohmann's get<int64_t>() of
// 1e126 or get<float>() of 1e300 is undefined behaviour (a float-to-integer or double-to-float
// conversion out of range), so every reader of an untrusted number goes through numberAs.
// Internal to the base library.

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <system_error>
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

/// A float as the double whose shortest decimal reads back as the same float, so that a JSON
/// file shows 0.1 rather than 0.10000000149011612 (the float widened to double). Readers that
/// parse the number as a float get `f` back exactly.
inline double shortestDecimal(float f)
{
    if (!std::isfinite(f))
        return double(f);
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, f);
    if (res.ec != std::errc())
        return double(f);
    double d = 0.0; // from_chars, unlike strtod, does not depend on LC_NUMERIC
    const auto back = std::from_chars(buf, res.ptr, d);
    if (back.ec != std::errc() || float(d) != f)
        return double(f);
    return d;
}

/// `v` rounded to `digits` significant decimal digits: a value made by adding decimal steps in
/// binary (0.1 + 0.2 = 0.30000000000000004) becomes the double nearest the decimal it stands
/// for (0.3).
inline double roundToDigits(double v, int digits = 12)
{
    if (!std::isfinite(v) || v == 0.0)
        return v;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*e", digits - 1, v);
    double d = v;
    const auto back = std::from_chars(buf, buf + std::char_traits<char>::length(buf), d);
    return back.ec == std::errc() ? d : v;
}

} // namespace sparsenas::detail
