#!/usr/bin/env bash
# Server concurrency benchmark: `chainrisk serve --mrio` (release build) on loopback; times one uncached ARIO
# scenario run (POST /api/v1/scenarios?event=2&model=ario, 365 days), then two different uncached runs sent at the
# same time, ROUNDS times each, and prints the median wall times and their ratio. Requests differ only in `top` (rows
# shown, all 35 of NLD either way): the same simulation under another cache key, so every request computes.
# Target (issue 13): two at once take ≤ 1.6 × one on 2 cores (1.9 × with the former single analysis queue).
# Last, times a cheap uncached GET sent while 16 other runs are queued or running (it should not wait for them).
#
# Usage: [ROUNDS=10] Benchmarks/serve_concurrency.sh      (run from the package root; shared data in ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
mrio=../shared/data/wiod2013/wiod2013_2011_nld11_Z.csv
[ -f "$mrio" ] || { echo "serve_concurrency: $mrio is missing" >&2; exit 1; }
swift build -c release --product chainrisk >&2
binary=$(swift build -c release --show-bin-path)/chainrisk
work=$(mktemp -d /tmp/chainrisk-serve-concurrency.XXXXXX)
"$binary" serve --port 0 --mrio "$mrio" --db "$work/store.sqlite" --log-level warning 2>"$work/serve.log" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
    grep -q "listening on" "$work/serve.log" 2>/dev/null && break
    sleep 0.1
done
base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -1)
[ -n "$base" ] || { cat "$work/serve.log" >&2; exit 1; }

# Seconds (wall) of POSTing every query given, all at once; each must answer 200.
post_together() {
    local start end pids=() query
    start=$(date +%s.%N)
    for query in "$@"; do
        curl -sf -o /dev/null -X POST "$base/api/v1/scenarios?$query" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || { echo "serve_concurrency: a request failed" >&2; exit 1; }; done
    end=$(date +%s.%N)
    awk -v start="$start" -v end="$end" 'BEGIN { printf "%.3f", end - start }'
}

rounds=${ROUNDS:-10}
post_together "event=2&model=leontief" >/dev/null   # warm-up: first-use loading, not timed
ones=()
twos=()
for round in $(seq 1 "$rounds"); do
    one=$(post_together "event=2&model=ario&top=$((100 + round))")
    two=$(post_together "event=2&model=ario&top=$((200 + 2 * round))" "event=2&model=ario&top=$((201 + 2 * round))")
    printf 'round %d: one run %.3f s, two at once %.3f s\n' "$round" "$one" "$two"
    ones+=("$one")
    twos+=("$two")
done
# The median of a round's times: robust to the odd round slowed by other work on the machine.
median() { printf '%s\n' "$@" | sort -g | awk '{ value[NR] = $1 } END { print (NR % 2 ? value[(NR + 1) / 2] : (value[NR / 2] + value[NR / 2 + 1]) / 2) }'; }
one=$(median "${ones[@]}")
two=$(median "${twos[@]}")

# A cheap uncached GET (the letter's events by year) while 16 different scenario runs are queued or running.
runs=()
for run in $(seq 1 16); do
    curl -sf -o /dev/null -X POST "$base/api/v1/scenarios?event=2&model=ario&top=$((300 + run))" &
    runs+=($!)
done
sleep 0.05
get=$(curl -sf -o /dev/null -w '%{time_total}' "$base/api/v1/events?by=year")
for pid in "${runs[@]}"; do wait "$pid" || { echo "serve_concurrency: a scenario run failed" >&2; exit 1; }; done
printf 'GET /api/v1/events?by=year during 16 runs: %.3f s\n' "$get"
awk -v one="$one" -v two="$two" -v n="$rounds" 'BEGIN {
    printf "one run:     %.3f s (median of %d)\ntwo at once: %.3f s (median of %d)\nratio:       %.2f (target ≤ 1.6)\n", one, n, two, n, two / one
}'
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -srm), $(swift --version 2>&1 | head -1)"
