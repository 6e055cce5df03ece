#!/usr/bin/env bash
# Runs the bad-input corpus (Tests/ChainRiskCLITests/BadInput/manifest.csv) against a chainrisk binary.
#
# For every manifest row: a fresh SQLite store, one good small import (good_comtrade.csv as 'baseline'), the
# `datasets --format json` listing, the row's command, then the checks: exit code, the message fragment on standard
# error, and the listing byte-identical to before (a failed command leaves the store as it was).
#
# Usage: scripts/badinput/check_corpus.sh BINARY [NAME-FILTER]
#   JOBS=N     cases run in parallel (default 4)
#   TIMEOUT=S  seconds per command before it counts as hanging (default 120)
#   KEEP=1     keep the work folder (stores, outputs) for inspection
# Prints one line per case (ok / FAIL with what differed) and a summary; exits 1 on any mismatch.
set -u

if [ $# -lt 1 ]; then
    echo "usage: $0 BINARY [NAME-FILTER]" >&2
    exit 64
fi
BINARY=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
FILTER=${2:-}
HERE=$(cd "$(dirname "$0")" && pwd)
CORPUS=$(cd "$HERE/../../Tests/ChainRiskCLITests/BadInput" && pwd)
MANIFEST=$CORPUS/manifest.csv
JOBS=${JOBS:-4}
TIMEOUT=${TIMEOUT:-120}
[ -x "$BINARY" ] || { echo "not an executable: $BINARY" >&2; exit 66; }
[ -f "$MANIFEST" ] || { echo "no manifest at $MANIFEST (run generate_corpus.py)" >&2; exit 66; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/chainrisk-badinput.XXXXXX")
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$WORK"' EXIT; else echo "work folder: $WORK"; fi

# One case: writes "ok NAME" or "FAIL NAME: reasons" to $WORK/results/NUMBER.
run_case() {
    local number=$1 file=$2 arguments=$3 expected=$4 message=$5
    local dir=$WORK/cases/$number
    mkdir -p "$dir"
    export CHAINRISK_DB=$dir/store.sqlite
    local reasons=()
    if ! timeout "$TIMEOUT" "$BINARY" import "$CORPUS/good_comtrade.csv" --name baseline >"$dir/baseline.out" 2>"$dir/baseline.err"; then
        echo "FAIL $file: the baseline import failed: $(head -c 300 "$dir/baseline.err")" >"$WORK/results/$number"
        return
    fi
    timeout "$TIMEOUT" "$BINARY" datasets --format json >"$dir/before.json" 2>/dev/null
    local substituted=${arguments//\{file\}/$CORPUS/$file}
    substituted=${substituted//\{dir\}/$CORPUS}
    local argv
    read -r -a argv <<<"$substituted"
    (cd "$dir" && timeout "$TIMEOUT" "$BINARY" "${argv[@]}" >"$dir/stdout" 2>"$dir/stderr")
    local status=$?
    timeout "$TIMEOUT" "$BINARY" datasets --format json >"$dir/after.json" 2>/dev/null
    if [ "$status" = 124 ]; then
        reasons+=("timed out after ${TIMEOUT}s")
    elif [ "$status" != "$expected" ]; then
        reasons+=("exit $status, expected $expected")
    fi
    if ! grep -qF -- "$message" "$dir/stderr"; then
        reasons+=("stderr lacks '$message'")
    fi
    if ! cmp -s "$dir/before.json" "$dir/after.json"; then
        reasons+=("the datasets listing changed")
    fi
    if [ ${#reasons[@]} = 0 ]; then
        echo "ok   $file ($arguments -> $status)" >"$WORK/results/$number"
    else
        local joined
        joined=$(printf '%s; ' "${reasons[@]}")
        local said
        said=$(tr '\n' ' ' <"$dir/stderr" | head -c 400)
        echo "FAIL $file ($arguments): ${joined%; } | stderr: $said" >"$WORK/results/$number"
    fi
    [ "${KEEP:-0}" = 1 ] || rm -f "$dir"/store.sqlite*
}
export -f run_case
export BINARY CORPUS WORK TIMEOUT KEEP

mkdir -p "$WORK/results" "$WORK/cases"
# Rows: file,arguments,exit,message (no quoting: no field holds a comma).
tail -n +2 "$MANIFEST" | awk -v filter="$FILTER" -F, 'filter == "" || index($1, filter) { printf "%d\t%s\t%s\t%s\t%s\n", NR, $1, $2, $3, $4 }' \
    | while IFS=$'\t' read -r number file arguments expected message; do
        printf '%s\0%s\0%s\0%s\0%s\0' "$number" "$file" "$arguments" "$expected" "$message"
    done | xargs -0 -n 5 -P "$JOBS" bash -c 'run_case "$@"' _

total=0
failed=0
for result in $(ls "$WORK/results" | sort -n); do
    line=$(cat "$WORK/results/$result")
    echo "$line"
    total=$((total + 1))
    case $line in FAIL*) failed=$((failed + 1)) ;; esac
done
echo "----"
echo "$total cases, $((total - failed)) passed, $failed failed"
[ "$total" -gt 0 ] && [ "$failed" = 0 ]
