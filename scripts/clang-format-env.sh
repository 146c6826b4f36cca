# SPDX-License-Identifier: MIT
# Sourced by scripts/format.sh and scripts/check-format.sh (from the repository root): what both
# need to agree on.
#   sparsenas_clang_format TAG   sets cf (the program: $CLANG_FORMAT, else clang-format-14, else
#                                clang-format) and cf_major; exits 2 naming TAG if there is none
#   sparsenas_sources            sets files: the C++ sources the style covers
clang_format_want=14

sparsenas_clang_format()
{
    cf=${CLANG_FORMAT:-$(command -v clang-format-$clang_format_want || command -v clang-format || true)}
    if [ -z "$cf" ] || ! command -v "$cf" > /dev/null; then
        echo "$1: clang-format not found (apt install clang-format-$clang_format_want)" >&2
        exit 2
    fi
    cf_major=$("$cf" --version | sed -nE 's/.*version ([0-9]+).*/\1/p')
}

sparsenas_sources()
{
    local dirs=(core app widgets tests bench fuzz)
    if git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
        mapfile -t files < <(git ls-files -- "${dirs[@]}" | grep -E '\.(cpp|h)$')
    else # a source tree without git
        mapfile -t files < <(find "${dirs[@]}" -type f \( -name '*.cpp' -o -name '*.h' \) | sort)
    fi
}
