#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Epoch time of the digits-quick search with one process and with N data-parallel processes
# (`sparsenas launch`, Gloo over the loopback interface), each of one CPU thread, so that the
# runs share the same cores; interleaved in one window, ROUNDS times each. The global batch (64)
# is the same in both: N processes each compute 64/N images of every batch. Prints the median
# epoch time and its spread (min-max) per world size, and the share of rank 0's step spent in
# exchanges with the other ranks (all-reduce of the gradients, losses and running statistics,
# the broadcast of rank 0's commands), from the runs' own metrics.jsonl. On a machine with more
# cores or GPUs the same command shows the scaling (--set search.device=cuda for NCCL).
#
# usage: bench/run_distributed_bench.sh [ROUNDS] [EPOCHS] [N] [--set field=value ...]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
epochs=${2:-3}
nproc=${3:-2}
shift $(( $# < 3 ? $# : 3 ))
bin=build/bin/sparsenas
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "blas: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
echo "OMP_WAIT_POLICY: ${OMP_WAIT_POLICY:-default}; cores: $(nproc); $("$bin" info | grep 'data parallel')"
for r in $(seq "$rounds"); do
    "$bin" search -q -o "$out/one-$r" --threads 1 --set search.epochs="$epochs" "$@" > /dev/null
    "$bin" launch --nproc "$nproc" search -q -o "$out/dp-$r" --threads 1 \
        --set search.epochs="$epochs" "$@" > /dev/null 2>&1
done
/usr/bin/python3 - "$out" "$rounds" "$nproc" <<'PY'
import json, statistics, sys
out, rounds, nproc = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def lines(d, kind):
    return [j for j in map(json.loads, open(f"{out}/{d}/metrics.jsonl")) if j.get("type") == kind]
for name, label in (("one", "1 process "), ("dp", f"{nproc} processes")):
    epoch = []   # median epoch seconds of each run, its first epoch left out (warm-up)
    share = []
    for r in range(1, rounds + 1):
        e = [j["seconds"] for j in lines(f"{name}-{r}", "epoch")]
        epoch.append(statistics.median(e[1:] if len(e) > 1 else e))
        s = lines(f"{name}-{r}", "step")
        comm = sum(j.get("comm_seconds", 0) for j in s)
        share.append(comm / sum(j["step_seconds"] for j in s))
    print(f"{label}: epoch {statistics.median(epoch):.2f} s (min {min(epoch):.2f}, max "
          f"{max(epoch):.2f}, {rounds} runs); exchange share of the step "
          f"{100 * statistics.median(share):.1f}% (min {100 * min(share):.1f}, max "
          f"{100 * max(share):.1f})")
PY
