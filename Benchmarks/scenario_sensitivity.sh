#!/usr/bin/env bash
# Validation of the dynamic model's defaults (issue 11): the stylised facts it reproduces and how its losses depend on
# the production function, supplier switching and stock days. Shock: China loses 50 % of its capacity for 8 weeks
# (--shock CHN:0.5:8) in the 11-region WIOD 2013 table (../shared/data/wiod2013/wiod2013_2011_nld11_Z.csv), 365 days.
#
# Prints (Markdown): per setting the world loss as a multiple of the direct loss (0.5 × China's output × 56/365), the
# Dutch output lost and gained, the lowest Dutch trough, the most days a Dutch sector spent below 99 %, and whether
# the run reports a collapse regime; then, for the defaults, the lowest level of any of the 385 industries on the last
# day (recovery).
#
# Usage: Benchmarks/scenario_sensitivity.sh        (builds chainrisk in release mode; about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product chainrisk >&2
binary="$(swift build -c release --show-bin-path)/chainrisk"
table=../shared/data/wiod2013/wiod2013_2011_nld11_Z.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Pichler et al.'s stock days per using sector, scaled by a factor, as --inventory-days pairs (c1=24.1,c2=8.4,…).
scaled_days() {
    awk -F, -v f="$1" 'NR > 1 { printf "%s%s=%.4f", (n++ ? "," : ""), $1, $3 * f }' \
        Sources/ChainRiskIngest/BuiltIn/simulation/inventory_days_wiod35.csv
}

run() {
    local name=$1; shift
    "$binary" scenario --mrio "$table" --shock CHN:0.5:8 --model ario --no-band --format json "$@" >"$work/$name.json"
    echo "$name|$*" >>"$work/runs"
}

run defaults
for production in partial leontief linear; do
    for share in 0 0.25 0.5 1; do run "p-$production-$share" --production "$production" --substitution "$share"; done
done
for factor in 0.5 2; do run "stocks-$factor" --inventory-days "$(scaled_days "$factor")"; done
for region in ASIAPAC_OTH BEL CHN DEU EU_OTH FRA GBR NLD ROW RUS USA; do
    "$binary" scenario --mrio "$table" --shock CHN:0.5:8 --model ario --series --format csv --reporter "$region" >"$work/series-$region.csv"
done

python3 - "$work" <<'PY'
import csv, glob, json, sys
work = sys.argv[1]
print("| setting | world loss / direct | NLD lost | NLD gained | lowest NLD trough | most days < 99 % | collapse |")
print("|---|---:|---:|---:|---:|---:|---|")
for line in open(f"{work}/runs"):
    name, args = line.rstrip("\n").split("|", 1)
    doc = json.load(open(f"{work}/{name}.json"))
    totals = {row["key"]: row["value"] for row in doc["totals"]}
    sectors = doc["sectors"]
    collapse = any(note.startswith("finding: collapse") for note in doc["notes"])
    label = args if len(args) < 60 else args.split(" ")[0] + " (Pichler et al. × " + name.split("-")[1] + ")"
    print(f"| {label or 'defaults (partial, 0.5, Pichler et al. stock days)'} | {totals['world_loss_multiple']:.2f} | "
          f"{totals['reporter_output_lost']:,.0f} | {totals['reporter_output_gained']:,.0f} | "
          f"{min(r['trough_level_pct'] for r in sectors):.1f} % | {max(r['days_below_99pct'] for r in sectors)} | "
          f"{'yes' if collapse else 'no'} |")
last = []
for path in glob.glob(f"{work}/series-*.csv"):
    rows = list(csv.DictReader(open(path)))
    final = max(int(r["day"]) for r in rows)
    last += [(float(r["level"]), r["region"], r["sector"]) for r in rows if int(r["day"]) == final and r["level"]]
level, region, sector = min(last)
print(f"\nRecovery (defaults): on day 364 the lowest of {len(last)} industries is {region} {sector} at {level * 100:.2f} % of its baseline; "
      f"{sum(1 for l, _, _ in last if l < 0.99)} below 99 %.")
PY
