#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The recurrent space side by side with the official DARTS RNN code: our bench_rnn and
# ../shared/peer/bench_darts_rnn.py (on a CPU-patched copy of quark0/darts's rnn/, see that
# folder's README) interleaved in one window, one process per measurement (each peak RSS its
# own), ROUNDS rounds, at DARTS's RNN search configuration (vocabulary 10,000, 300 / 300, bptt
# 35, 2 threads); then per round the medians, our ratio to the reference and the peak RSS.
#
# usage: bench/run_rnn_side_by_side.sh -d DARTS_RNN_DIR [-p PEER_DIR] [-r ROUNDS]
#                                      [-c "fb:16 search1:16 fb:64 search1:64"]
# e.g. OMP_WAIT_POLICY=PASSIVE bench/run_rnn_side_by_side.sh -d /work/darts/rnn -r 2
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
peer="$(cd "$here/../.." && pwd)/shared/peer"
darts="" rounds=2 configs="fb:16 search1:16 fb:64 search1:64"
while getopts "d:p:r:c:h" opt; do
    case "$opt" in
    d) darts=$OPTARG ;;
    p) peer=$OPTARG ;;
    r) rounds=$OPTARG ;;
    c) configs=$OPTARG ;;
    *) sed -n '3,10p' "$0"; exit 2 ;;
    esac
done
[ -n "$darts" ] || { sed -n '3,10p' "$0" >&2; exit 2; }
bin="$here/../build/bin/bench_rnn"
[ -x "$bin" ] || { echo "run_rnn_side_by_side.sh: build bench_rnn first ($bin)" >&2; exit 2; }
[ -f "$peer/bench_darts_rnn.py" ] || { echo "run_rnn_side_by_side.sh: no $peer/bench_darts_rnn.py (-p)" >&2; exit 2; }
py=/usr/bin/python3 # Debian's PyTorch (another python3 may come first on PATH)
export PYTHONPATH="$here/peer${PYTHONPATH:+:$PYTHONPATH}" # the peer script's `probe`
out=$(mktemp --suffix=.jsonl)
echo "blas: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3); OMP_WAIT_POLICY: ${OMP_WAIT_POLICY:-default}; results: $out" >&2
for r in $(seq "$rounds"); do
    echo "round $r $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)" >&2
    for config in $configs; do
        mode=${config%%:*} batch=${config#*:}
        "$bin" --mode "$mode" --batch "$batch" --steps 3 --warmup 1 --threads 2 |
            $py -c 'import sys, json; j = json.loads(sys.stdin.read()); j["round"] = int(sys.argv[1]); print(json.dumps(j))' "$r" >> "$out"
        tmp=$(mktemp)
        $py "$peer/bench_darts_rnn.py" --mode "$mode" --batch "$batch" --steps 3 --warmup 1 \
            --threads 2 --darts "$darts" --json "$tmp" > "$tmp.log" 2>&1 ||
            { echo "peer $config failed:" >&2; tail -3 "$tmp.log" >&2; }
        $py -c 'import sys, json
for l in open(sys.argv[1]):
    j = json.loads(l); j["round"] = int(sys.argv[2]); print(json.dumps(j))' "$tmp" "$r" >> "$out"
        rm -f "$tmp" "$tmp.log"
    done
done
$py - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print(f"{'round':>5} {'mode':>8} {'batch':>5} {'ours ms':>9} {'DARTS ms':>9} {'ratio':>6} {'ours MiB':>9} {'DARTS MiB':>10} {'ratio':>6}")
keys = sorted({(r['round'], r['mode'], r['batch']) for r in rows})
for k in keys:
    ours = [r for r in rows if (r['round'], r['mode'], r['batch']) == k and r['bench'] == 'sparsenas_rnn']
    ref = [r for r in rows if (r['round'], r['mode'], r['batch']) == k and r['bench'] == 'darts_rnn']
    if not ours or not ref:
        continue
    a, b = ours[0], ref[0]
    ta, tb = a['timing']['total']['median_ms'], b['timing']['total']['median_ms']
    ma, mb = a['peak_rss_MiB'], b['peak_rss_MiB']
    print(f"{k[0]:>5} {k[1]:>8} {k[2]:>5} {ta:>9.1f} {tb:>9.1f} {ta / tb:>6.2f} {ma:>9.0f} {mb:>10.0f} {ma / mb:>6.2f}")
PY
