#!/usr/bin/env bash
# Leontief at EXIOBASE pxp's size (issue 25): the inverse of a generated 9,800-industry system (49 regions × 200
# products, Benchmarks/leontief_scale.py), chainrisk (`io leontief --timing`: LAPACK dgetrf + dgetri) against numpy
# (`np.linalg.inv`), one after the other in the same run, with the peak resident memory of each whole process from
# /usr/bin/time. Reading is timed apart and left out of the comparison, as in leontief_benchmark.sh. Both sides'
# L·y must sum to the table's gross output.
#
# Usage: Benchmarks/leontief_scale_benchmark.sh
#   REGIONS=49 PRODUCTS=200   system size (REGIONS × PRODUCTS industries)
#   THREADS=2                 OpenBLAS threads for both
#   BINARY=…                  a chainrisk binary (default: a release build)
#   BENCH_DIR=…               where the table and outputs go (default /tmp/chainrisk-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
regions=${REGIONS:-49}
products=${PRODUCTS:-200}
threads=${THREADS:-2}
work=${BENCH_DIR:-/tmp/chainrisk-bench}/leontief-scale-${regions}x${products}
mkdir -p "$work"
. Benchmarks/scale_common.sh
scale_setup numpy pandas
if [ ! -f "$work/scale_Z.csv" ]; then
    echo "generating $work/scale_Z.csv…" >&2
    "$python" Benchmarks/leontief_scale.py generate "$work" "$regions" "$products" >&2
fi
echo "$(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2); load $(cut -d' ' -f1 /proc/loadavg)" >&2

export OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads
/usr/bin/time -f "%e %M" -o "$work/chainrisk.time" "$BINARY" io leontief --mrio "$work/scale_Z.csv" --timing \
    --format csv >"$work/chainrisk.csv" 2>"$work/chainrisk.phases"
/usr/bin/time -f "%e %M" -o "$work/numpy.time" "$python" Benchmarks/leontief_scale.py work "$work" >"$work/numpy.json"

"$python" - "$work" <<'PY'
import csv, json, sys
work = sys.argv[1]
phases = json.loads(open(f"{work}/chainrisk.phases").read().strip().splitlines()[-1])
numpy = json.load(open(f"{work}/numpy.json"))
ours_wall, ours_kb = open(f"{work}/chainrisk.time").read().split()[:2]
np_wall, np_kb = open(f"{work}/numpy.time").read().split()[:2]
rows = list(csv.DictReader(open(f"{work}/chainrisk.csv").read().split("\n\n")[0].splitlines()))
ours_sum = sum(float(r["leontief_output"]) for r in rows)
inverse = phases["factorise"] + phases["inverse"]
print(f"{numpy['industries']} industries, OpenBLAS threads as set")
print("| tool | read (not compared) | inverse (I − A)⁻¹ | whole process | peak RSS |")
print("|---|---:|---:|---:|---:|")
print(f"| chainrisk io leontief | {phases['read']:.1f} s | {inverse:.1f} s (factorise {phases['factorise']:.1f} + dgetri {phases['inverse']:.1f}) | {float(ours_wall):.1f} s | {int(ours_kb) / 1024**2:.2f} GB |")
print(f"| numpy {numpy['numpy']} np.linalg.inv | – | {numpy['inverse']:.1f} s | {float(np_wall):.1f} s | {int(np_kb) / 1024**2:.2f} GB |")
print(f"| ratio chainrisk / numpy | | {inverse / numpy['inverse']:.2f} | | {int(ours_kb) / int(np_kb):.2f} |")
print(f"sum of L·y: chainrisk {ours_sum:.6f}, numpy {numpy['output_sum']:.6f}, gross output {numpy['gross_output_sum']:.6f}")
PY
