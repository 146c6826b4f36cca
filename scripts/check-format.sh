#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Checks that the C++ sources of core/, app/, widgets/, tests/, bench/ and fuzz/ are formatted as
# .clang-format says: prints those that are not, one per line, and exits 1 if any
# (scripts/format.sh formats them in place). 0 when all are, 2 when clang-format is missing.
# The style is tuned for clang-format 14 (Debian 12's); other major versions break some lines
# differently, so with --skip-other-versions (the ctest test `format`) it exits 77 (skipped)
# instead of checking with one. CLANG_FORMAT: the program (default clang-format-14, else
# clang-format).
set -euo pipefail
cd "$(dirname "$0")/.."

want=14
cf=${CLANG_FORMAT:-$(command -v clang-format-$want || command -v clang-format || true)}
if [ -z "$cf" ] || ! command -v "$cf" > /dev/null; then
    echo "check-format: clang-format not found (apt install clang-format-$want)" >&2
    exit 2
fi
major=$("$cf" --version | sed -nE 's/.*version ([0-9]+).*/\1/p')
if [ "$major" != "$want" ]; then
    if [ "${1:-}" = --skip-other-versions ]; then
        echo "check-format: $cf is version $major, the style is tuned for $want: skipped"
        exit 77
    fi
    echo "check-format: warning: $cf is version $major, the style is tuned for $want" >&2
fi

dirs=(core app widgets tests bench fuzz)
if git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
    mapfile -t files < <(git ls-files -- "${dirs[@]}" | grep -E '\.(cpp|h)$')
else # a source tree without git
    mapfile -t files < <(find "${dirs[@]}" -type f \( -name '*.cpp' -o -name '*.h' \) | sort)
fi

bad=()
for f in "${files[@]}"; do
    "$cf" --dry-run -Werror --style=file "$f" > /dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
    echo "check-format: ${#bad[@]} of ${#files[@]} files are not formatted as .clang-format says:"
    printf '%s\n' "${bad[@]}"
    echo "check-format: to fix, run scripts/format.sh (formats them in place)"
    exit 1
fi
echo "check-format: ${#files[@]} files formatted as .clang-format says"
