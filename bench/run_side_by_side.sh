#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Our bench_search builds and the official DARTS code (../shared/peer/bench_darts_cnn.py on a
# CPU-patched copy of quark0/darts, see that folder's README) interleaved in one window, one
# process per measurement (so each peak RSS is its own), ROUNDS rounds; then a table of the
# medians per round, each build's ratio to the reference in the same round, and peak memory.
#
# usage: bench/run_side_by_side.sh -d DARTS_CNN_DIR [-p PEER_DIR] [-r ROUNDS] [-o OUT.jsonl]
#                                  [-c "fwdbwd:16 first:16 second:16 first:64 fwdbwd:64"]
#                                  NAME=BENCH_SEARCH [NAME=BENCH_SEARCH ...]
# e.g. bench/run_side_by_side.sh -d /work/darts/cnn before=/tmp/bench_search new=build/bin/bench_search
set -euo pipefail
peer="$(cd "$(dirname "$0")/../.." && pwd)/shared/peer"
darts="" rounds=2 out="" configs="fwdbwd:16 first:16 second:16 first:64 fwdbwd:64"
while getopts "d:p:r:o:c:h" opt; do
    case "$opt" in
    d) darts=$OPTARG ;;
    p) peer=$OPTARG ;;
    r) rounds=$OPTARG ;;
    o) out=$OPTARG ;;
    c) configs=$OPTARG ;;
    *) sed -n '3,10p' "$0"; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
if [ -z "$darts" ] || [ $# -eq 0 ]; then
    sed -n '3,10p' "$0" >&2
    exit 2
fi
for build in "$@"; do
    bin=${build#*=}
    [ -x "$bin" ] || { echo "run_side_by_side.sh: $bin is not an executable" >&2; exit 2; }
done
[ -f "$peer/bench_darts_cnn.py" ] || { echo "run_side_by_side.sh: no $peer/bench_darts_cnn.py (-p)" >&2; exit 2; }
[ -n "$out" ] || out=$(mktemp --suffix=.jsonl)
: > "$out"
py=/usr/bin/python3 # Debian's PyTorch (another python3 may come first on PATH)
# The peer script imports `probe` from its folder, which has none: ours is in bench/peer.
export PYTHONPATH="$(cd "$(dirname "$0")" && pwd)/peer${PYTHONPATH:+:$PYTHONPATH}"
echo "blas: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3); OMP_WAIT_POLICY: ${OMP_WAIT_POLICY:-default}; results: $out" >&2
for r in $(seq "$rounds"); do
    echo "round $r $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)" >&2
    for config in $configs; do
        what=${config%%:*} batch=${config#*:}
        repeats=$([ "$batch" -le 16 ] && [ "$what" != second ] && echo 5 || echo 2)
        for build in "$@"; do
            name=${build%%=*} bin=${build#*=}
            "$bin" --batch "$batch" --what "$what" --repeats "$repeats" --warmup 1 --threads 2 2>/dev/null |
                $py -c 'import sys, json
for l in sys.stdin:
    j = json.loads(l)
    if j.get("kind") == "result":
        j.update(who=sys.argv[1], round=int(sys.argv[2])); print(json.dumps(j))' "$name" "$r" >> "$out"
        done
        mode=$(case "$what" in fwdbwd) echo fb ;; first) echo search1 ;; second) echo search2 ;; esac)
        tmp=$(mktemp)
        $py "$peer/bench_darts_cnn.py" --mode "$mode" --batch "$batch" --steps "$repeats" --warmup 1 \
            --threads 2 --darts "$darts" --json "$tmp" > "$tmp.log" 2>&1 ||
            { echo "peer $config failed:" >&2; tail -3 "$tmp.log" >&2; }
        $py -c 'import sys, json
for l in open(sys.argv[1]):
    j = json.loads(l)
    print(json.dumps({"kind": "result", "who": "darts", "round": int(sys.argv[2]), "batch": j["batch"],
                      "what": sys.argv[3], "median": j["timing"]["total"]["median_ms"] / 1000,
                      "min": j["timing"]["total"]["min_ms"] / 1000, "max": j["timing"]["total"]["max_ms"] / 1000,
                      "peak_rss_mb": j["peak_rss_MiB"]}))' "$tmp" "$r" "$what" >> "$out"
        rm -f "$tmp" "$tmp.log"
    done
done
$py - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
def fig(j):
    t = j.get("time", j)
    return t["median"], t["min"], t["max"]
builds = list(dict.fromkeys(r["who"] for r in rows if r["who"] != "darts"))
print("| measurement | round | " + " | ".join(builds) + " | DARTS | " +
      " | ".join(f"{b} / DARTS" for b in builds) + " | peak MB " + " / ".join(builds + ["DARTS"]) + " |")
print("|---" * (3 + 2 * len(builds)) + "|---|")
for key in dict.fromkeys((r["what"], r["batch"]) for r in rows):
    for rnd in sorted({r["round"] for r in rows}):
        got = {r["who"]: r for r in rows if (r["what"], r["batch"]) == key and r["round"] == rnd}
        if "darts" not in got:
            continue
        ref = fig(got["darts"])[0]
        cells = [f"{fig(got[b])[0]:.2f} ({fig(got[b])[1]:.2f}-{fig(got[b])[2]:.2f})" if b in got else "-" for b in builds]
        ratios = [f"{fig(got[b])[0] / ref:.2f}x" if b in got else "-" for b in builds]
        peaks = " / ".join(f"{got[w]['peak_rss_mb']:.0f}" if w in got else "-" for w in builds + ["darts"])
        print(f"| {key[0]} batch {key[1]} | {rnd} | " + " | ".join(cells) +
              f" | {ref:.2f} | " + " | ".join(ratios) + f" | {peaks} |")
PY
