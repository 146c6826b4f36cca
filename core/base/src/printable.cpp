// SPDX-License-Identifier: MIT
#include "sparsenas/base/printable.h"

namespace sparsenas {

namespace {

/// Length of the well-formed UTF-8 sequence at text[i] (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF), 0 if there is none.
size_t sequenceLength(std::string_view text, size_t i)
{
    const auto at = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b = at(i);
    if (b < 0x80)
        return 1;
    size_t n = 0;
    unsigned char lo = 0x80, hi = 0xbf; // the range of the second byte
    if (b >= 0xc2 && b <= 0xdf) {
        n = 2;
    } else if (b >= 0xe0 && b <= 0xef) {
        n = 3;
        lo = b == 0xe0 ? 0xa0 : 0x80;
        hi = b == 0xed ? 0x9f : 0xbf;
    } else if (b >= 0xf0 && b <= 0xf4) {
        n = 4;
        lo = b == 0xf0 ? 0x90 : 0x80;
        hi = b == 0xf4 ? 0x8f : 0xbf;
    } else {
        return 0;
    }
    if (i + n > text.size() || at(i + 1) < lo || at(i + 1) > hi)
        return 0;
    for (size_t k = 2; k < n; ++k) {
        if (at(i + k) < 0x80 || at(i + k) > 0xbf)
            return 0;
    }
    return n;
}

void appendEscaped(std::string &out, unsigned char b)
{
    static const char digits[] = "0123456789abcdef";
    out += "\\x";
    out += digits[b >> 4];
    out += digits[b & 0xf];
}

} // namespace

bool isUtf8(std::string_view text)
{
    for (size_t i = 0; i < text.size();) {
        const size_t n = sequenceLength(text, i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

std::string printable(std::string_view text, bool keepLineBreaks)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const size_t n = sequenceLength(text, i);
        const auto b = static_cast<unsigned char>(text[i]);
        // C1 controls (U+0080..U+009F) are C2 80..C2 9F in UTF-8.
        const bool control = n == 1 ? (b < 0x20 || b == 0x7f) && !(keepLineBreaks && b == '\n')
                                    : n == 2 && b == 0xc2 &&
                                          static_cast<unsigned char>(text[i + 1]) < 0xa0;
        if (n == 0) {
            appendEscaped(out, b);
            ++i;
        } else if (control) {
            for (size_t k = 0; k < n; ++k)
                appendEscaped(out, static_cast<unsigned char>(text[i + k]));
            i += n;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

} // namespace sparsenas
