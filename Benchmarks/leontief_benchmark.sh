#!/usr/bin/env bash
# Leontief benchmark (issue 5): chainrisk and numpy solve (I − A)·x = y and invert I − A for the full WIOD 2011
# table (41 regions × 35 industries = 1,435 sectors), on the same machine in the same run, reading excluded from
# the timed part in both. chainrisk reports its phases with `io leontief --timing` (one JSON object on stderr);
# numpy's are timed inside Benchmarks/leontief_numpy.py. Both link OpenBLAS; both are pinned to the same thread
# count with OPENBLAS_NUM_THREADS (and OMP_NUM_THREADS).
#
# Usage: Benchmarks/leontief_benchmark.sh          (run from anywhere)
#   RUNS=5           runs per tool and thread count, interleaved; the table shows medians
#   THREADS="1 2"    OpenBLAS thread counts to run
#   BENCH_DIR=…      where outputs go (default /tmp/chainrisk-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
threads=${THREADS:-"1 2"}
work=${BENCH_DIR:-/tmp/chainrisk-bench}
out="$work/leontief"
mkdir -p "$out"
wiod=../shared/data/wiod2013
venv=Benchmarks/.venv
python="$venv/bin/python"

if [ ! -x "$python" ]; then
    echo "creating $venv…" >&2
    python3 -m venv "$venv"
fi
"$python" -m pip install --quiet --disable-pip-version-check numpy pandas >&2

swift build -c release --product chainrisk >&2
binary="$(swift build -c release --show-bin-path)/chainrisk"
mrio="$wiod/wiod2013_2011_full_Z_long.csv.gz"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)" >&2
rm -f "$out"/*.jsonl
for t in $threads; do
    for round in $(seq "$runs"); do
        echo "threads $t, round $round of $runs (load $(cut -d' ' -f1 /proc/loadavg))…" >&2
        OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t "$binary" io leontief --mrio "$mrio" --timing --quiet 2>>"$out/chainrisk_$t.jsonl"
        OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t "$python" Benchmarks/leontief_numpy.py "$wiod" >>"$out/numpy_$t.jsonl"
    done
done

# Same numbers: chainrisk's inverse written as CSV against numpy's, and L·y.
"$binary" io leontief --mrio "$mrio" --output "$out/L.csv" --quiet
check=$(OPENBLAS_NUM_THREADS=1 "$python" Benchmarks/leontief_numpy.py "$wiod" --compare "$out/L.csv")

"$python" - "$out" "$threads" "$check" <<'PY'
import json, statistics, sys
out, threads, check = sys.argv[1], sys.argv[2].split(), json.loads(sys.argv[3])
def median(rows, key): return statistics.median(r[key] for r in rows)
print("| OpenBLAS threads | tool | solve (I−A)·x = y | inverse (I−A)⁻¹ | productivity check | coefficients | read (not timed) |")
print("|---:|---|---:|---:|---:|---:|---:|")
for t in threads:
    c = [json.loads(l) for l in open(f"{out}/chainrisk_{t}.jsonl")]
    n = [json.loads(l) for l in open(f"{out}/numpy_{t}.jsonl")]
    cs, ci = median(c, "factorise") + median(c, "solve"), median(c, "factorise") + median(c, "inverse")
    ns, ni = median(n, "solve"), median(n, "inverse")
    print(f"| {t} | chainrisk | {cs*1000:.1f} ms | {ci*1000:.1f} ms | {median(c, 'productivity')*1000:.1f} ms | {median(c, 'coefficients')*1000:.1f} ms | {median(c, 'read'):.2f} s |")
    print(f"| {t} | numpy {n[0]['numpy']} | {ns*1000:.1f} ms | {ni*1000:.1f} ms | – | {median(n, 'coefficients')*1000:.1f} ms | – |")
    print(f"| {t} | ratio chainrisk/numpy | {cs/ns:.2f} | {ci/ni:.2f} | | | |")
print()
print(f"max relative difference of L (chainrisk CSV vs numpy inv): {check['max_relative_difference_L']:.2e}; max absolute: {check['max_absolute_difference_L']:.2e}")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
