#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Formats the C++ sources of core/, app/, widgets/, tests/, bench/ and fuzz/ in place as .clang-format
# says (the files scripts/check-format.sh checks); with arguments, only those files.
# CLANG_FORMAT: the program (default clang-format-14, the version the style is tuned for, else
# clang-format).
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/clang-format-env.sh
sparsenas_clang_format format
[ "$cf_major" = "$clang_format_want" ] ||
    echo "format: warning: $cf is version $cf_major, the style is tuned for $clang_format_want" >&2

if [ $# -gt 0 ]; then
    files=("$@")
else
    sparsenas_sources
fi
"$cf" -i --style=file "${files[@]}"
echo "format: ${#files[@]} files formatted"
