#!/usr/bin/env bash
# Import benchmark: a deterministic BACI-shaped year (default 10 million rows) imported into a fresh store.
# Prints wall time, rows/s and peak resident memory (the import must stream in bounded memory).
#
# Usage: Benchmarks/import_benchmark.sh [ROWS]        (run from the package root)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000000}
work=${BENCH_DIR:-/tmp/chainrisk-bench}
mkdir -p "$work"
data="$work/baci_${rows}.csv"
if [ ! -f "$data" ]; then
    echo "generating $data ($rows rows)…" >&2
    python3 Benchmarks/generate_baci.py "$data" --rows "$rows"
fi
swift build -c release --product chainrisk >&2
binary=$(swift build -c release --show-bin-path)/chainrisk
db="$work/bench.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
size=$(stat -c %s "$data")
log="$work/time.log"
/usr/bin/time -v "$binary" import "$data" --db "$db" --name bench >"$work/import.out" 2>"$log"
wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}')
rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
seconds=$(python3 -c "p='$wall'.split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))")
echo "file: $data ($(python3 -c "print(round($size/1e6,1))") MB, $rows rows)"
cat "$work/import.out"
echo "wall: ${seconds}s  rows/s: $(python3 -c "print(round($rows/$seconds))")  MB/s: $(python3 -c "print(round($size/1e6/$seconds,1))")  peak RSS: $(python3 -c "print(round($rss/1024,1))") MB"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -srm), $(swift --version 2>&1 | head -1)"
