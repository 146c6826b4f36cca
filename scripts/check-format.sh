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

. scripts/clang-format-env.sh
sparsenas_clang_format check-format
if [ "$cf_major" != "$clang_format_want" ]; then
    if [ "${1:-}" = --skip-other-versions ]; then
        echo "check-format: $cf is version $cf_major, the style is tuned for $clang_format_want: skipped"
        exit 77
    fi
    echo "check-format: warning: $cf is version $cf_major, the style is tuned for $clang_format_want" >&2
fi
sparsenas_sources

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
