#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer harnesses (fuzz/, clang with ASan + UBSan) into build-fuzz/ and runs each
# for SECONDS (default 20) from the seed corpus in fuzz/corpus/<harness>/. New inputs collect in
# build-fuzz/corpus/<harness>/ (the seeds in the repository stay as they are); a crash, a leak,
# a sanitizer report or an escaped exception is written to build-fuzz/findings/ and makes the
# script exit 1. Exit 77 (skipped) when clang or libFuzzer is missing. docs/fuzzing.md says more.
#   scripts/fuzz.sh [SECONDS] [HARNESS...]      e.g. scripts/fuzz.sh 600 config
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=(config genotype data)

cxx=${FUZZ_CXX:-$(command -v clang++-14 || command -v clang++ || true)}
if [ -z "$cxx" ]; then
    echo "fuzz: clang++ not found (apt install clang): skipped"
    exit 77
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '#include <cstdint>\n#include <cstddef>\nextern "C" int LLVMFuzzerTestOneInput(const uint8_t *, size_t) { return 0; }\n' \
    > "$probe/p.cpp"
if ! "$cxx" -fsanitize=fuzzer "$probe/p.cpp" -o "$probe/p" 2> /dev/null; then
    echo "fuzz: $cxx cannot link libFuzzer (-fsanitize=fuzzer): skipped"
    exit 77
fi

mkdir -p build-fuzz
launcher=()
command -v ccache > /dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# -O1 with line tables only: quick to compile (the test command builds this on every clean
# clone) and still symbolized stack traces in a finding.
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" \
    -DCMAKE_CXX_COMPILER="$cxx" \
    -DSPARSENAS_FUZZ=ON -DSPARSENAS_BUILD_GUI=OFF -DBUILD_TESTING=OFF -DSPARSENAS_BUILD_BENCH=OFF \
    "${launcher[@]}" > build-fuzz/build.log 2>&1 || { cat build-fuzz/build.log; exit 1; }
targets=()
for h in "${harnesses[@]}"; do targets+=("fuzz_$h"); done
cmake --build build-fuzz -j "${JOBS:-$(nproc)}" --target "${targets[@]}" >> build-fuzz/build.log 2>&1 \
    || { tail -50 build-fuzz/build.log; exit 1; }

mkdir -p build-fuzz/findings
status=0
for h in "${harnesses[@]}"; do
    work=build-fuzz/corpus/$h
    mkdir -p "$work"
    log=build-fuzz/fuzz_$h.log
    # -rss_limit_mb: a reader that allocates what a header claims is a finding, not an OOM kill.
    if ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
        "build-fuzz/bin/fuzz_$h" "$work" "fuzz/corpus/$h" -max_total_time="$seconds" \
            -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
            -artifact_prefix=build-fuzz/findings/"$h"- > "$log" 2>&1; then
        runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log")
        echo "fuzz_$h: ${runs:-?} inputs in ${seconds} s, no finding (corpus: $work)"
    else
        status=1
        echo "fuzz_$h: FINDING, see $log and build-fuzz/findings/"
        grep -E "ERROR|SUMMARY|terminate|what\(\)" "$log" | head -10
    fi
done
exit $status
