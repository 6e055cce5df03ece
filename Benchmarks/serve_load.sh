#!/usr/bin/env bash
# Server load benchmark: `chainrisk serve` (release build) on loopback with the Comtrade NL file uploaded through
# the API, then wrk (Debian's package) against a cached concentration query: bounded duration, loopback only.
# Prints requests/s and latency percentiles. Target (issue 6): ≥ 5,000 requests/s with p99 < 20 ms on 2 cores.
#
# Usage: Benchmarks/serve_load.sh [SECONDS] [CONNECTIONS]      (run from the package root)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-64}
if ! command -v wrk >/dev/null; then
    # wrk is Debian's package; installed here as scripts/setup.sh installs the tests' tools (sudo when not root).
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    echo "serve_load: installing wrk" >&2
    $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq wrk >/dev/null \
        || { echo "serve_load: wrk is missing and could not be installed (apt-get install -y wrk)" >&2; exit 1; }
fi
swift build -c release --product chainrisk >&2
binary=$(swift build -c release --show-bin-path)/chainrisk
work=$(mktemp -d /tmp/chainrisk-serve-bench.XXXXXX)
token=bench-$RANDOM$RANDOM
CHAINRISK_TOKEN=$token "$binary" serve --port 0 --db "$work/store.sqlite" --log-level warning 2>"$work/serve.log" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
    grep -q "listening on" "$work/serve.log" 2>/dev/null && break
    sleep 0.1
done
base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -1)
[ -n "$base" ] || { cat "$work/serve.log" >&2; exit 1; }
data=../shared/data/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv
curl -sf -X POST -H "Authorization: Bearer $token" --data-binary @"$data" "$base/api/v1/datasets?name=nl" >/dev/null
query="$base/api/v1/concentration?dataset=nl&year=2022&top=10"
curl -sf "$query" >/dev/null   # computes once; every request after this is answered from the cache
echo "query: $query ($(curl -sf "$query" | wc -c) bytes)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "$query"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -srm), $(swift --version 2>&1 | head -1)"
