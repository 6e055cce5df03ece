#!/usr/bin/env bash
# Table-scale benchmark (issue 25): a generated table in OECD ICIO 2023's layout — 77 regions × 45 industries =
# 3,465 industries after CN1/CN2 are folded into CHN, about 250 MB of CSV — read, and for one reporter the Leontief
# columns, the exposure to every supplier (`chainrisk exposure`) and the origin of imported inputs (`chainrisk
# origins`), against numpy + pandas doing the same work in the same run (Benchmarks/icio_scale.py). Wall time and
# peak memory of each chainrisk command from /usr/bin/time; numpy's phases timed inside the script. Checksums of the
# exposure and import content must agree.
#
# Usage: Benchmarks/icio_scale_benchmark.sh
#   REGIONS=77 INDUSTRIES=45   table size (REGIONS × INDUSTRIES industries)
#   REPORTER=R01               the reporting region (CHN is the split one)
#   BINARY=…                   a chainrisk binary (default: a release build)
#   BENCH_DIR=…                where the table and outputs go (default /tmp/chainrisk-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
regions=${REGIONS:-77}
industries=${INDUSTRIES:-45}
reporter=${REPORTER:-R01}
work=${BENCH_DIR:-/tmp/chainrisk-bench}/icio-scale
mkdir -p "$work"
. Benchmarks/scale_common.sh
scale_setup numpy pandas
table="$work/ICIO2023_${regions}x${industries}.csv"
if [ ! -f "$table" ]; then
    echo "generating $table…" >&2
    "$python" Benchmarks/icio_scale.py generate "$table" "$regions" "$industries" >&2
fi
echo "$(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2); load $(cut -d' ' -f1 /proc/loadavg)" >&2

measure() { # name, command… → "name seconds peak_kB" on stdout, the command's output in $work/name.out
    local name=$1
    shift
    /usr/bin/time -f "$name %e %M" -o "$work/$name.time" "$@" >"$work/$name.out"
    cat "$work/$name.time"
}
{
    measure validate "$BINARY" io validate --mrio "$table"
    measure exposure "$BINARY" exposure --mrio "$table" --reporter "$reporter" --format csv
    measure origins "$BINARY" origins --mrio "$table" --reporter "$reporter" --by sector --format csv
} >"$work/chainrisk.txt"
/usr/bin/time -f "numpy %e %M" -o "$work/numpy.time" "$python" Benchmarks/icio_scale.py work "$table" "$reporter" \
    >"$work/numpy.json"

"$python" - "$work" <<'PY'
import csv, json, sys
work = sys.argv[1]
ours = {line.split()[0]: (float(line.split()[1]), int(line.split()[2])) for line in open(f"{work}/chainrisk.txt")}
numpy = json.load(open(f"{work}/numpy.json"))
wall, peak = open(f"{work}/numpy.time").read().split()[1:3]
rows = list(csv.DictReader(open(f"{work}/exposure.out").read().split("\n\n")[0].splitlines()))
direct = sum(float(r["direct"]) for r in rows)
total = sum(float(r["total"]) for r in rows)
print(f"| {numpy['sectors']:,} industries | wall s | peak RSS MB |")
print("|---|---:|---:|")
for name, (seconds, kb) in ours.items():
    print(f"| chainrisk {name} (read included) | {seconds:.1f} | {kb / 1024:.0f} |")
print(f"| numpy {numpy['numpy']} + pandas {numpy['pandas']}: read + fold + A + L columns + exposure + origins | {float(wall):.1f} | {int(peak) / 1024:.0f} |")
print("| numpy phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in numpy["seconds"].items()) + " | | |")
print()
print(f"exposure sums: chainrisk direct {direct:.9g} total {total:.9g}; numpy direct {numpy['direct_exposure_sum']:.9g} total {numpy['total_exposure_sum']:.9g}")
PY
