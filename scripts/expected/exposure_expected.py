#!/usr/bin/env python3
"""Direct and total exposure of the Netherlands' industries to every supplier on the full WIOD 2011 table, by numpy.

Independent of the Swift code: reads ../shared/data/wiod2013/wiod2013_2011_full_Z_long.csv.gz and _x.csv, forms
A = Z diag(x)^-1 (a column without output stays 0), L = (I - A)^-1 with numpy.linalg.inv, and for each NLD industry
c and supplier s != NLD writes direct = sum over s's industries i of A[i, c] and total = sum of (L - I)[i, c].
Output: Tests/ChainRiskCLITests/Fixtures/exposure_nld_full.csv (industry,supplier,direct,total; floats with repr).
Developer tool: the tests read its output, never run it.

    python3 scripts/expected/exposure_expected.py     # numpy
"""

import csv
import gzip
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
WIOD = REPO.parent / "shared" / "data" / "wiod2013"
OUT = REPO / "Tests" / "ChainRiskCLITests" / "Fixtures" / "exposure_nld_full.csv"
REPORTER = "NLD"


def main():
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
                r["value_musd"]
            )
    scale = np.divide(1.0, x, out=np.zeros(n), where=x != 0)
    a = z * scale[np.newaxis, :]
    total = np.linalg.inv(np.eye(n) - a) - np.eye(n)
    regions = list(dict.fromkeys(region for region, _ in labels))
    columns = [i for i, (region, _) in enumerate(labels) if region == REPORTER]
    with open(OUT, "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["industry", "supplier", "direct", "total"])
        for c in columns:
            for supplier in regions:
                if supplier == REPORTER:
                    continue
                rows_s = [i for i, (region, _) in enumerate(labels) if region == supplier]
                writer.writerow([labels[c][1], supplier, repr(float(a[rows_s, c].sum())), repr(float(total[rows_s, c].sum()))])
    print(f"{n} sectors, {len(columns)} NLD industries, {len(regions) - 1} suppliers")


if __name__ == "__main__":
    main()
