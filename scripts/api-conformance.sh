#!/usr/bin/env bash
# Holds the server against its OpenAPI document with Schemathesis: starts `chainrisk serve` on a free loopback port
# with a write token and the nld11 input-output table, runs `schemathesis run` (coverage, fuzzing and stateful
# phases, EXAMPLES cases per operation, fixed seed) and stops the server. Exits non-zero on any mismatch.
#
# Usage: scripts/api-conformance.sh [BINARY] [EXAMPLES]    (default .build/debug/chainrisk, 20)
# Needs schemathesis (pip install schemathesis; Benchmarks/.venv is used when it has it).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/chainrisk}
examples=${2:-20}
schemathesis=schemathesis
command -v schemathesis >/dev/null || { [ -x Benchmarks/.venv/bin/schemathesis ] && schemathesis=Benchmarks/.venv/bin/schemathesis; }
work=$(mktemp -d)
token=conformance-$$
log="$work/serve.log"
CHAINRISK_TOKEN=$token "$binary" serve --port 0 --db "$work/store.sqlite" --log-level error \
    --mrio ../shared/data/wiod2013/wiod2013_2011_nld11_Z.csv 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
url=""
for _ in $(seq 1 120); do
    url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$log" | head -n 1 || true)
    [ -n "$url" ] && break
    sleep 0.5
done
[ -n "$url" ] || { echo "the server did not start: $(cat "$log")" >&2; exit 70; }
"$schemathesis" --config-file scripts/schemathesis.toml run "$url/api/v1/openapi.json" \
    --max-examples "$examples" --seed 20261205 --header "Authorization: Bearer $token" --workers 1
