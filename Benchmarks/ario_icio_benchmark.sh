#!/usr/bin/env bash
# ARIO at today's table size (issue 25): a 365-day run on the generated 3,465-industry ICIO 2023-layout table of
# icio_scale_benchmark.sh (CN1/CN2 folded into CHN), chainrisk (release) against BoARIO 0.7.2, same table, shock and
# parameters, as ario_benchmark.sh does for WIOD's 1,435 industries. The table is written once as matrix CSV
# (Benchmarks/ario_icio_scale.py convert) and both programs read that.
#
# Shock: R02's C26, C27 and C28 lose 20 % of capacity for 22 weeks (step recovery); 90 days of every input; BoARIO's
# production function (--production leontief) without switching suppliers (--substitution 0); reporter R01.
#
# Usage: Benchmarks/ario_icio_benchmark.sh [DAYS]     (default 365)
#   BINARY=…    a chainrisk binary (default: a release build)
#   BENCH_DIR=… where the tables go (default /tmp/chainrisk-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
days=${1:-365}
bench=${BENCH_DIR:-/tmp/chainrisk-bench}
table="$bench/icio-scale/ICIO2023_77x45.csv"
work="$bench/ario-icio"
mkdir -p "$work" "$bench/icio-scale"
. Benchmarks/scale_common.sh
scale_setup boario==0.7.2 pymrio numpy pandas
if [ ! -f "$table" ]; then
    echo "generating $table…" >&2
    "$python" Benchmarks/icio_scale.py generate "$table" 77 45 >&2
fi
if [ ! -f "$work/icio_scale_Z.csv" ]; then
    echo "folding and writing $work/icio_scale_Z.csv…" >&2
    (cd Benchmarks && "$python" ario_icio_scale.py convert "$table" "$work")
fi
echo "$(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2); load $(cut -d' ' -f1 /proc/loadavg)" >&2

/usr/bin/time -f "%e %M" -o "$work/chainrisk.time" "$BINARY" scenario --mrio "$work/icio_scale_Z.csv" \
    --shock R02:C26,C27,C28:0.2:22 --inventory-days 90 --production leontief --substitution 0 --days "$days" \
    --reporter R01 --model ario --format json --timing >"$work/chainrisk.json" 2>"$work/chainrisk.err"
/usr/bin/time -f "%e %M" -o "$work/boario.time" bash -c \
    "cd Benchmarks && '$python' ario_icio_scale.py boario '$work' '$days' 2>/dev/null" >"$work/boario.json"

"$python" - "$work" "$days" <<'PY'
import json, re, sys
work, days = sys.argv[1], sys.argv[2]
ours = json.load(open(f"{work}/chainrisk.json"))
totals = {row["key"]: row["value"] for row in ours["totals"]}
simulation = float(re.search(r"ARIO .* industries ([0-9.]+) s", open(f"{work}/chainrisk.err").read()).group(1))
theirs = json.load(open(f"{work}/boario.json"))
cw, ck = open(f"{work}/chainrisk.time").read().split()[:2]
bw, bk = open(f"{work}/boario.time").read().split()[:2]
print(f"{days}-day ARIO on {theirs['industries']} industries")
print("| program | wall (whole process) | simulation only | peak RSS |")
print("|---|---:|---:|---:|")
print(f"| chainrisk (release) | {float(cw):.1f} s | {simulation:.1f} s | {int(ck) / 1024:.0f} MB |")
print(f"| BoARIO 0.7.2 | {float(bw):.1f} s | {theirs['loop_s']:.1f} s | {int(bk) / 1024:.0f} MB |")
print(f"| ratio chainrisk / BoARIO | {float(cw) / float(bw):.3f} | {simulation / theirs['loop_s']:.3f} | |")
reporter = totals["reporter_output_lost"] - totals["reporter_output_gained"]
world = totals["world_output_lost"] - totals["world_output_gained"]
print(f"R01 output lost, net of gains: chainrisk {reporter:.6f}, BoARIO {theirs['reporter_output_lost']:.6f}")
print(f"world output lost, net of gains: chainrisk {world:.4f}, BoARIO {theirs['world_output_lost']:.4f}")
PY
