#!/usr/bin/env bash
# Import-concentration benchmark: chainrisk, DuckDB and polars compute the same table — import concentration per
# importer × year × HS6 product of a BACI-shaped year — from the same file, each end to end (parse, aggregate,
# write a sorted CSV). Prints wall time, peak resident memory and the ratios, and checks that the results agree.
#
# Usage: Benchmarks/concentration_benchmark.sh [ROWS]          (run from anywhere; default 10,000,000 rows)
#   RUNS=3           runs per tool, interleaved; the table shows the median wall time and the largest peak RSS
#   BENCH_DIR=…      where the data and outputs go (default /tmp/chainrisk-bench)
#   CHECK_GENERAL=1  also run chainrisk's general path (CHAINRISK_GENERAL_PATH=1) and require the same CSV bytes
#                    (slow: about 14 s per million rows)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000000}
runs=${RUNS:-3}
work=${BENCH_DIR:-/tmp/chainrisk-bench}
out="$work/concentration"
mkdir -p "$out"
venv=Benchmarks/.venv
python="$venv/bin/python"

if [ ! -x "$python" ]; then
    echo "creating $venv…" >&2
    python3 -m venv "$venv"
fi
"$python" -m pip install --quiet --disable-pip-version-check duckdb polars numpy >&2

data="$work/baci_${rows}.csv"
if [ ! -f "$data" ]; then
    echo "generating $data ($rows rows)…" >&2
    "$python" Benchmarks/generate_baci.py "$data" --rows "$rows"
fi

swift build -c release --product chainrisk >&2
binary="$(swift build -c release --show-bin-path)/chainrisk"

# Reads the file once so that every tool starts with it in the page cache.
cat "$data" >/dev/null

# run NAME OUTPUT COMMAND…: one timed run; appends "seconds kilobytes" to $out/NAME.runs.
run() {
    local name=$1 output=$2
    shift 2
    local log="$out/$name.time"
    if ! /usr/bin/time -v "$@" >"$output" 2>"$log"; then
        echo "$name failed:" >&2
        cat "$log" >&2
        exit 1
    fi
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    echo "$wall $rss" >>"$out/$name.runs"
}

rm -f "$out"/*.runs
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq "$runs"); do
    echo "round $round of $runs (load average $(cut -d' ' -f1 /proc/loadavg))…" >&2
    run chainrisk "$out/chainrisk.csv" "$binary" concentration --input "$data" --format csv
    run duckdb /dev/null "$python" Benchmarks/concentration_duckdb.py "$data" "$out/duckdb.csv"
    run polars /dev/null "$python" Benchmarks/concentration_polars.py "$data" "$out/polars.csv"
done

echo
echo "load average (1, 5, 15 min) before the runs: $load_before (other work on the machine slows all three tools)"
echo "file: $data ($(( $(stat -c %s "$data") / 1000000 )) MB, $rows rows); $(($(wc -l <"$out/chainrisk.csv") - 1)) result rows; $runs runs each"
"$python" - "$out" <<'EOF'
import statistics, sys
out = sys.argv[1]
results = {}
for name in ["chainrisk", "duckdb", "polars"]:
    runs = [tuple(map(float, line.split())) for line in open(f"{out}/{name}.runs")]
    results[name] = (statistics.median(w for w, _ in runs), min(w for w, _ in runs), max(r for _, r in runs) / 1024)
base_wall, _, base_rss = results["chainrisk"]
print(f"{'tool':<10} {'wall median (s)':>16} {'wall best (s)':>14} {'peak RSS (MB)':>14} {'wall / chainrisk':>17} {'RSS / chainrisk':>16}")
for name, (wall, best, rss) in results.items():
    print(f"{name:<10} {wall:>16.2f} {best:>14.2f} {rss:>14.0f} {wall / base_wall:>16.1f}x {rss / base_rss:>15.1f}x")
duckdb_wall, polars_wall = results["duckdb"][0], results["polars"][0]
print(f"target: chainrisk at most half DuckDB's wall time ({base_wall / duckdb_wall:.2f} of it) and below polars' "
      f"({base_wall / polars_wall:.2f} of it): {'met' if base_wall <= duckdb_wall / 2 and base_wall < polars_wall else 'NOT met'}")
EOF
"$python" Benchmarks/concentration_common.py compare "$out/chainrisk.csv" "$out/duckdb.csv" "$out/polars.csv"

if [ "${CHECK_GENERAL:-0}" = 1 ]; then
    echo "running the general path for the byte comparison…" >&2
    CHAINRISK_GENERAL_PATH=1 "$binary" concentration --input "$data" --format csv >"$out/chainrisk-general.csv"
    if cmp -s "$out/chainrisk.csv" "$out/chainrisk-general.csv"; then
        echo "columnar and general path: identical CSV bytes"
    else
        echo "columnar and general path: CSV DIFFERS" >&2
        exit 1
    fi
fi

echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/{print $2}') GiB," \
    "$(uname -sr), $(swift --version 2>&1 | head -1 | sed 's/ (.*//'), DuckDB $("$python" -c 'import duckdb; print(duckdb.__version__)')," \
    "polars $("$python" -c 'import polars; print(polars.__version__)'), Python $("$python" -c 'import platform; print(platform.python_version())')"
