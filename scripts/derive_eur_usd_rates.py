#!/usr/bin/env python3
"""Derive the bundled annual average EUR/USD rates from the ECB's daily euro reference rates.

Reads eurofxref-hist.csv (from https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip; columns Date, USD, …)
and writes, for every complete year, the mean of the daily USD rates (USD per EUR, 4 decimals, as the ECB publishes
its annual averages) and the number of days it averages:

    Sources/ChainRiskCore/Resources/exchange_rates/eur_usd_annual.csv   (year,usd_per_eur,days)

    python3 scripts/derive_eur_usd_rates.py eurofxref-hist.csv [last complete year]
"""

import collections
import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "Sources/ChainRiskCore/Resources/exchange_rates/eur_usd_annual.csv"


def main():
    if len(sys.argv) not in (2, 3) or sys.argv[1].startswith("-"):
        raise SystemExit(__doc__)
    daily = collections.defaultdict(list)
    with open(sys.argv[1], encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["USD"] not in ("", "N/A"):
                daily[int(row["Date"][:4])].append(float(row["USD"]))
    last = int(sys.argv[2]) if len(sys.argv) == 3 else max(daily) - 1
    with open(OUT, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["year", "usd_per_eur", "days"])
        for year in sorted(y for y in daily if y <= last):
            writer.writerow([year, f"{sum(daily[year]) / len(daily[year]):.4f}", len(daily[year])])
    print(f"wrote {min(daily)}–{last} to {OUT}")


if __name__ == "__main__":
    main()
