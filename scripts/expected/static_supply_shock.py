#!/usr/bin/env python3
"""Static supply and demand shocks by hypothetical extraction on the WIOD 2011 tables, by numpy.

Independent of the Swift code. For each table (the 11-region nld11 table and the full 41-region table) and each shock
(TWN:c14:0.5:8, CHN:0.5:8, DEU:c12:0.3:4; step recovery, so the shock lasts weeks x 7 days):
- a_i = loss x share x days / 365 on every hit industry i, where share is 1 for a table region, and for a country
  inside an aggregate region (TWN in nld11's ASIAPAC_OTH) its share of the region's output of the sector, from the
  region map and the full table's gross output;
- supply shock: direct d = a * x; upstream u = (I - A)^-1 A d with A = Z diag(x)^-1; downstream w with
  w^T = d^T B (I - B)^-1, B = diag(x)^-1 Z (a row or column without output stays 0);
- demand shock: direct = a * y (y = row sums of Y), upstream = (I - A)^-1 A (a * y).
Inverses by numpy.linalg.inv. Output: Tests/ChainRiskSimulationTests/Fixtures/static_shocks_wiod.csv with one row per
table, shock and measure: the world sums of each part and the NLD industries' parts, floats with repr.
Developer tool: the tests read its output, never run it.

    python3 scripts/expected/static_supply_shock.py
"""

import csv
import gzip
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
WIOD = REPO.parent / "shared" / "data" / "wiod2013"
OUT = REPO / "Tests" / "ChainRiskSimulationTests" / "Fixtures" / "static_shocks_wiod.csv"
SHOCKS = [("TWN:c14:0.5:8", "TWN", "c14", 0.5, 8), ("CHN:0.5:8", "CHN", None, 0.5, 8), ("DEU:c12:0.3:4", "DEU", "c12", 0.3, 4)]
REPORTER = "NLD"


def split(label):
    region, _, sector = label.rpartition("_")
    return region, sector


def nld11():
    def matrix(name):
        with open(WIOD / f"wiod2013_2011_nld11_{name}.csv", newline="") as handle:
            rows = list(csv.reader(handle))
        return [r[0] for r in rows[1:]], np.array([[float(v) for v in r[1:]] for r in rows[1:]])

    labels, z = matrix("Z")
    _, y = matrix("Y")
    with open(WIOD / "wiod2013_2011_nld11_x.csv", newline="") as handle:
        x = np.array([float(r["gross_output"]) for r in csv.DictReader(handle)])
    return [split(label) for label in labels], z, y.sum(axis=1), x


def full():
    with open(WIOD / "wiod2013_2011_full_x.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    labels = [(r["country"], r["industry"]) for r in rows]
    index = {label: i for i, label in enumerate(labels)}
    x = np.array([float(r["gross_output_musd"]) for r in rows])
    n = len(labels)
    z = np.zeros((n, n))
    with gzip.open(WIOD / "wiod2013_2011_full_Z_long.csv.gz", "rt", newline="") as handle:
        for r in csv.DictReader(handle):
            z[index[(r["row_country"], r["row_industry"])], index[(r["col_country"], r["col_industry"])]] += float(
                r["value_musd"])
    y = np.zeros(n)
    with gzip.open(WIOD / "wiod2013_2011_full_Y_long.csv.gz", "rt", newline="") as handle:
        for r in csv.DictReader(handle):
            y[index[(r["row_country"], r["row_industry"])]] += float(r["value_musd"])
    return labels, z, y, x


def country_shares():
    """(country, sector) -> the country's share of its nld11 region's output of the sector."""
    with open(WIOD / "wiod2013_2011_nld11_region_map.csv", newline="") as handle:
        region = {r["wiod_country"]: r["region"] for r in csv.DictReader(handle)}
    with open(WIOD / "wiod2013_2011_full_x.csv", newline="") as handle:
        output = {(r["country"], r["industry"]): float(r["gross_output_musd"]) for r in csv.DictReader(handle)}
    totals = {}
    for (country, sector), value in output.items():
        key = (region.get(country, country), sector)
        totals[key] = totals.get(key, 0.0) + value
    return region, {(c, s): v / totals[(region.get(c, c), s)] if v else 0.0 for (c, s), v in output.items()}


def parts(labels, z, y, x, shock, region, shares):
    _, country, sector, loss, weeks = shock
    n = len(labels)
    regions = {r for r, _ in labels}
    place = country if country in regions else region[country]
    a = np.zeros(n)
    for i, (r, s) in enumerate(labels):
        if r == place and (sector is None or s == sector):
            share = 1.0 if place == country else shares[(country, s)]
            a[i] = loss * share * weeks * 7 / 365
    inverse_x = np.divide(1.0, x, out=np.zeros(n), where=x != 0)
    tech = z * inverse_x[np.newaxis, :]
    alloc = z * inverse_x[:, np.newaxis]
    leontief = np.linalg.inv(np.eye(n) - tech)
    ghosh = np.linalg.inv(np.eye(n) - alloc)
    direct = a * x
    demand = a * y
    return {
        "supply_direct": direct,
        "supply_upstream": leontief @ (tech @ direct),
        "supply_downstream": (direct @ alloc) @ ghosh,
        "demand_direct": demand,
        "demand_upstream": leontief @ (tech @ demand),
    }


def main():
    region, shares = country_shares()
    with open(OUT, "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["table", "shock", "measure", "world", *[f"{REPORTER}_c{k}" for k in range(1, 36)]])
        for name, load in (("nld11", nld11), ("full", full)):
            labels, z, y, x = load()
            reporter = [i for i, (r, _) in enumerate(labels) if r == REPORTER]
            assert [labels[i][1] for i in reporter] == [f"c{k}" for k in range(1, 36)]
            for shock in SHOCKS:
                for measure, values in parts(labels, z, y, x, shock, region, shares).items():
                    writer.writerow([name, shock[0], measure, repr(float(values.sum()))]
                                    + [repr(float(values[i])) for i in reporter])
                print(name, shock[0], "done")


if __name__ == "__main__":
    main()
