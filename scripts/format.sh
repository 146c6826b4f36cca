#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Formats the C++ sources of core/, app/, widgets/, tests/, bench/ and fuzz/ in place as .clang-format
# says (the files scripts/check-format.sh checks); with arguments, only those files.
# CLANG_FORMAT: the program (default clang-format-14, the version the style is tuned for, else
# clang-format).
set -euo pipefail
cd "$(dirname "$0")/.."

want=14
cf=${CLANG_FORMAT:-$(command -v clang-format-$want || command -v clang-format || true)}
if [ -z "$cf" ] || ! command -v "$cf" > /dev/null; then
    echo "format: clang-format not found (apt install clang-format-$want)" >&2
    exit 2
fi
major=$("$cf" --version | sed -nE 's/.*version ([0-9]+).*/\1/p')
[ "$major" = "$want" ] || echo "format: warning: $cf is version $major, the style is tuned for $want" >&2

if [ $# -gt 0 ]; then
    files=("$@")
else
    dirs=(core app widgets tests bench fuzz)
    if git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
        mapfile -t files < <(git ls-files -- "${dirs[@]}" | grep -E '\.(cpp|h)$')
    else # a source tree without git
        mapfile -t files < <(find "${dirs[@]}" -type f \( -name '*.cpp' -o -name '*.h' \) | sort)
    fi
fi
"$cf" -i --style=file "${files[@]}"
echo "format: ${#files[@]} files formatted"
