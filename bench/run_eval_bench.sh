#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One training step of the DARTS_V2 evaluation network (C=36, 20 cells, batch 96, auxiliary
# head, drop-path 0.2), ours (bench_eval) and the official DARTS code (../shared/peer's
# bench_darts_eval.py), interleaved in one window, one process per measurement so that each
# peak resident memory is its own; ours with and without evaluation.recompute_cells. Prints one
# JSON line per process.
#
# usage: bench/run_eval_bench.sh DARTS_CNN_DIR [ROUNDS] [STEPS]
#   DARTS_CNN_DIR: a CPU-runnable copy of quark0/darts cnn/ (../shared/peer/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
darts=${1:?usage: bench/run_eval_bench.sh DARTS_CNN_DIR [ROUNDS] [STEPS]}
rounds=${2:-2}
steps=${3:-3}
peer=${SPARSENAS_PEER:-../shared/peer}
echo "{\"blas\": \"$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)\", \"omp_wait_policy\": \"${OMP_WAIT_POLICY:-default}\", \"nproc\": $(nproc)}"
for _ in $(seq "$rounds"); do
    build/bin/bench_eval --threads 2 --steps "$steps" --warmup 1
    build/bin/bench_eval --threads 2 --steps "$steps" --warmup 1 --recompute 1
    /usr/bin/python3 "$peer/bench_darts_eval.py" --darts "$darts" --threads 2 --steps "$steps" \
        --warmup 1 2>/dev/null | grep '^{'
done
