#!/usr/bin/env bash
# Dynamic-simulation benchmark (issue 5): a 365-day ARIO run on the full WIOD 2013 table (41 regions × 35 industries
# = 1435 industries), chainrisk (release) against BoARIO 0.7.2 (PyPI), same table, shock and parameters.
#
# Shock: TWN c3-c16 lose 20 % of capacity for 22 weeks (step recovery); 90 days of every input; BoARIO defaults
# otherwise (alpha_max 1.25, alpha_tau 365, psi 0.8, inventory restoration 60 days, alt orders), and BoARIO's production
# function (--production leontief) without switching suppliers (--substitution 0).
# The long CSV files are converted to matrix CSV once (Python) and both programs read those.
# Prints wall times (whole process), the simulation-only times each reports, the ratio, and NLD output lost by both.
#
# Usage: Benchmarks/ario_benchmark.sh [DAYS]     (default 365)
#   RUNS=3      runs per program; the table shows the medians
#   BENCH_DIR=… where the converted table goes (default /tmp/chainrisk-bench)
#   CROSSCHECK=1 also run Benchmarks/ario_crosscheck.py (pymrio test MRIO, 48 industries, 200 days)
set -euo pipefail
cd "$(dirname "$0")/.."
days=${1:-365}
runs=${RUNS:-3}
work=${BENCH_DIR:-/tmp/chainrisk-bench}/ario
mkdir -p "$work"
venv=Benchmarks/.venv
python="$PWD/$venv/bin/python"
if [ ! -x "$python" ]; then
    echo "creating $venv…" >&2
    python3 -m venv "$venv"
fi
"$python" -m pip install --quiet --disable-pip-version-check boario==0.7.2 pymrio numpy pandas >&2

if [ ! -f "$work/wiod_full_Z.csv" ]; then
    echo "converting the full WIOD long files to matrix CSV…" >&2
    (cd Benchmarks && "$python" ario_wiod_full.py convert "$work")
fi

swift build -c release --product chainrisk >&2
binary="$(swift build -c release --show-bin-path)/chainrisk"
cat "$work"/wiod_full_*.csv >/dev/null

now() { date +%s.%N; }
for run in $(seq "$runs"); do
    start=$(now)
    "$binary" scenario --mrio "$work/wiod_full_Z.csv" --shock TWN:c3-c16:0.2:22 --inventory-days 90 --production leontief --substitution 0 --days "$days" \
        --reporter NLD --model ario --format json --timing >"$work/chainrisk.json" 2>"$work/chainrisk.err"
    end=$(now)
    echo "$(echo "$end - $start" | bc) $(sed -n 's/.*ARIO .* industries \([0-9.]*\) s/\1/p' "$work/chainrisk.err")" >>"$work/chainrisk.runs.$$"
    start=$(now)
    (cd Benchmarks && "$python" ario_wiod_full.py boario "$work" "$days" 2>/dev/null) >"$work/boario.json"
    end=$(now)
    echo "$(echo "$end - $start" | bc) $("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["loop_s"])' "$work/boario.json")" >>"$work/boario.runs.$$"
done

"$python" - "$work" "$$" "$days" <<'PY'
import json, statistics, sys
work, pid, days = sys.argv[1], sys.argv[2], sys.argv[3]
def runs(name):
    rows = [list(map(float, line.split())) for line in open(f"{work}/{name}.runs.{pid}")]
    return statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows), len(rows)
cw, cs, n = runs("chainrisk")
bw, bs, _ = runs("boario")
ours = json.load(open(f"{work}/chainrisk.json"))
totals = {row["key"]: row["value"] for row in ours["totals"]}
theirs = json.load(open(f"{work}/boario.json"))
print(f"{days}-day ARIO on 1435 industries, median of {n} runs")
print("| program | wall (whole process) | simulation only |")
print("|---|---:|---:|")
print(f"| chainrisk (release) | {cw:.2f} s | {cs:.3f} s |")
print(f"| BoARIO 0.7.2 | {bw:.2f} s | {bs:.2f} s |")
print(f"| ratio chainrisk / BoARIO | {cw / bw:.3f} | {cs / bs:.4f} |")
# BoARIO's figures are net (baseline − production over all days); chainrisk reports losses and gains apart.
nld = totals['reporter_output_lost'] - totals['reporter_output_gained']
world = totals['world_output_lost'] - totals['world_output_gained']
print(f"NLD output lost, net of gains (M USD): chainrisk {nld:.6f}, BoARIO {theirs['nld_output_lost']:.6f}")
print(f"world output lost, net of gains (M USD): chainrisk {world:.4f}, BoARIO {theirs['world_output_lost']:.4f}")
PY
rm -f "$work"/*.runs.$$
if [ "${CROSSCHECK:-0}" = 1 ]; then (cd Benchmarks && "$python" ario_crosscheck.py "$binary" 2>/dev/null); fi
