#!/usr/bin/env bash
# The store against the file path on one BACI-shaped year: import, then concentration from the stored dataset and
# from the file (three runs each, interleaved), and whether both give the same CSV bytes.
#
# Usage: Benchmarks/store_benchmark.sh [ROWS] [DB]    (run from the package root)
#   ROWS  rows of the generated file (default 2000000)
#   DB    the store: an SQLite path (default: a fresh file under $BENCH_DIR) or a postgresql:// URL (a dataset named
#         "bench" in it is replaced)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-2000000}
work=${BENCH_DIR:-/tmp/chainrisk-bench}
mkdir -p "$work"
data="$work/baci_${rows}.csv"
if [ ! -f "$data" ]; then
    echo "generating $data ($rows rows)…" >&2
    python3 Benchmarks/generate_baci.py "$data" --rows "$rows"
fi
db=${2:-$work/store-bench.sqlite}
case "$db" in
postgres://* | postgresql://*) ;;
*) rm -f "$db" "$db-wal" "$db-shm" ;;
esac
swift build -c release --product chainrisk >&2
binary=$(swift build -c release --show-bin-path)/chainrisk
"$binary" datasets remove bench --db "$db" >/dev/null 2>&1 || true
seconds() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
read -r import_s import_kb < <(seconds "$binary" import "$data" --name bench --db "$db")
echo "import: ${import_s} s, peak $((import_kb / 1024)) MB"
for run in 1 2 3; do
    read -r stored_s stored_kb < <(seconds "$binary" concentration --dataset bench --db "$db" --format csv)
    read -r file_s file_kb < <(seconds "$binary" concentration --input "$data" --format csv)
    echo "run $run: stored ${stored_s} s ($((stored_kb / 1024)) MB), file ${file_s} s ($((file_kb / 1024)) MB)," \
        "ratio $(python3 -c "print(round($stored_s / $file_s, 2))"); import ratio $(python3 -c "print(round($import_s / $file_s, 2))")"
done
"$binary" concentration --dataset bench --db "$db" --format csv >"$work/stored.csv"
"$binary" concentration --input "$data" --format csv >"$work/file.csv"
if cmp -s "$work/stored.csv" "$work/file.csv"; then echo "same CSV bytes: yes"; else echo "same CSV bytes: NO"; exit 1; fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -srm), $(swift --version 2>&1 | head -1)"
