// SPDX-License-Identifier: MIT
#pragma once

// Input quoted in a message (a config's bytes, a path, a --set value) as a terminal and a log
// can show it: a file that is not UTF-8, or holds control bytes, must not reach the screen raw
// (a stray byte garbles the line; ESC or a C1 control is taken as a terminal command).

#include <string>
#include <string_view>

namespace sparsenas {

/// `text` with every byte that is not part of a well-formed UTF-8 sequence, and every control
/// character (C0, DEL, C1), written as \xNN (each byte of a C1 control's sequence); the rest,
/// any valid UTF-8 text, unchanged. `keepLineBreaks`: '\n' stays (a message of several lines).
std::string printable(std::string_view text, bool keepLineBreaks = false);
/// True if `text` is well-formed UTF-8 (what a JSON string must hold).
bool isUtf8(std::string_view text);

} // namespace sparsenas
