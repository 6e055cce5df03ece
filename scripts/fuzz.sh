#!/usr/bin/env bash
# Fuzzes every reader family with libFuzzer: builds the targets of Fuzz/ (CHAINRISK_FUZZ=1 adds them to the package)
# with -sanitize=fuzzer,address into .build-fuzz, seeds them from the real samples and the bad-input corpus, and runs
# each for SECONDS (default 60). A crash, a sanitizer report or a timeout stops that target and leaves its input in
# .build-fuzz/corpus/<target>-crashes/; the script exits 1 if any target found one.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET…]      (from the package root; ../shared/data must exist)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-trade-files fuzz-json-files fuzz-input-output-tables fuzz-scenario-files)
work=.build-fuzz/corpus
for target in "${targets[@]}"; do
    CHAINRISK_FUZZ=1 swift build --build-path .build-fuzz --product "$target" -Xswiftc -sanitize=fuzzer,address >&2
done
python3 scripts/fuzz_seeds.py "${CHAINRISK_DATA:-../shared/data}" "$work"
status=0
for target in "${targets[@]}"; do
    mkdir -p "$work/$target-crashes"
    echo "== $target: ${seconds}s" >&2
    if ! .build-fuzz/debug/"$target" "$work/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$work/$target-crashes/" -print_final_stats=1 2>"$work/$target.log"; then
        status=1
        echo "!! $target found a failure; see $work/$target.log and $work/$target-crashes/" >&2
    fi
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|cov: |Done " "$work/$target.log" | tail -n 4 >&2 || true
done
exit $status
