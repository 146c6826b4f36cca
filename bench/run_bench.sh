#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs bench_search once per (batch size, measurement), each in its own process so that each
# peak RSS is its own, and prints the header once and then all result lines (JSON lines).
#
#   bench/run_bench.sh [-b BINARY] [-B "16 64"] [-W "fwdbwd first second prox"] [-- ARGS...]
#
# ARGS go to every bench_search call (e.g. --repeats 5 --warmup 1 --threads 2).
set -eu

bin=""
batches="16 64"
whats="fwdbwd first second prox"
while [ $# -gt 0 ]; do
    case "$1" in
    -b) bin="$2"; shift 2 ;;
    -B) batches="$2"; shift 2 ;;
    -W) whats="$2"; shift 2 ;;
    --) shift; break ;;
    -h | --help)
        sed -n '3,8p' "$0"
        exit 0
        ;;
    *) echo "run_bench.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ -z "$bin" ]; then
    for candidate in build/bin/bench_search build-bench/bin/bench_search; do
        if [ -x "$candidate" ]; then
            bin="$candidate"
            break
        fi
    done
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    echo "run_bench.sh: bench_search not found; build it or pass -b" >&2
    exit 1
fi

header_done=0
for batch in $batches; do
    for what in $whats; do
        out=$("$bin" --batch "$batch" --what "$what" "$@")
        if [ "$header_done" -eq 0 ]; then
            printf '%s\n' "$out" | sed -n '1p'
            header_done=1
        fi
        printf '%s\n' "$out" | sed '1d'
    done
done
