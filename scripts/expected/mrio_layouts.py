#!/usr/bin/env python3
"""One synthetic 3-region x 3-industry input-output system written in every table layout chainrisk reads.

The same Z, Y and x go out as OECD ICIO 2023 (China split into CN1/CN2 rows and columns, 25/75), Eurostat FIGARO
matrix CSV and flat file (two-letter region codes), an EXIOBASE 3 folder (A, Y, x, unit) and the same zipped, and
Eora26 (headerless T,
FD, VA with label files), plus reference.json with Z, Y, x and the output multipliers (column sums of
L = (I - A)^-1, numpy). Written to Tests/ChainRiskIngestTests/Fixtures/mrio_layouts/. Layouts follow the releases'
documentation; the numbers are invented. Developer tool: the tests read the files, never run it.

    python3 scripts/expected/mrio_layouts.py      # numpy
"""

import csv
import json
import zipfile
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[2] / "Tests" / "ChainRiskIngestTests" / "Fixtures" / "mrio_layouts"
REGIONS = [("CHN", "CN", "China"), ("DEU", "DE", "Germany"), ("NLD", "NL", "Netherlands")]
INDUSTRIES = ["A01", "C26", "G46"]
ICIO_CODES = ["A01_02", "C26", "G46"]  # ICIO 2023 codes may contain an underscore
CATEGORIES = {
    "icio": ["HFCE", "GFCF"],
    "figaro": ["P3_S14", "P51G"],
    "exiobase": ["Final consumption expenditure by households", "Gross fixed capital formation"],
    "eora": ["Household final consumption P.3h", "Gross fixed capital formation P.51"],
}
SPLIT = {"CN1": 0.25, "CN2": 0.75}  # binary fractions: folding CN1 + CN2 gives CHN back exactly


def system():
    n = 9
    z = np.array([[((7 * i + 3 * j) % 11 + 1) * 10.5 + (i == j) * 40 for j in range(n)] for i in range(n)])
    y = np.array([[((5 * i + 2 * k) % 7 + 2) * 25.25 for k in range(6)] for i in range(n)])
    x = z.sum(axis=1) + y.sum(axis=1)
    va = x - z.sum(axis=0)
    assert (va > 0).all()
    return z, y, x, va


def num(value):
    return repr(float(value))


def labels(codes=INDUSTRIES):
    return [(r, c) for r, _, _ in REGIONS for c in codes]


def write_icio(z, y, va):
    # Rows and columns CN1_*, CN2_* instead of CHN_*; final demand by country; TLS and VA rows; OUT row and column.
    parts = [(p, 0, f) for p, f in SPLIT.items()] + [(r, i, 1.0) for i, (r, _, _) in enumerate(REGIONS) if i > 0]
    rows = [(p, ri, f, c, ci) for p, ri, f in parts for ci, c in enumerate(ICIO_CODES)]
    x_split = []
    header = [""] + [f"{p}_{c}" for p, _, _, c, _ in rows]
    header += [f"{r}_{k}" for r, _, _ in REGIONS for k in CATEGORIES["icio"]] + ["OUT"]
    with open(OUT / "ICIO2023_2020.csv", "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for p, ri, f, c, ci in rows:
            i = 3 * ri + ci
            cells = [z[i, 3 * rj + cj] * f * g for _, rj, g, _, cj in rows]
            demand = [y[i, k] * f for k in range(6)]
            total = sum(cells) + sum(demand)
            x_split.append(total)
            writer.writerow([f"{p}_{c}"] + [num(v) for v in cells + demand] + [num(total)])
        tls = [0.1 * va[3 * rj + cj] * g for _, rj, g, _, cj in rows]
        added = [0.9 * va[3 * rj + cj] * g for _, rj, g, _, cj in rows]
        writer.writerow(["TLS"] + [num(v) for v in tls] + ["0.0"] * 7)
        writer.writerow(["VA"] + [num(v) for v in added] + ["0.0"] * 7)
        writer.writerow(["OUT"] + [num(v) for v in x_split] + ["0.0"] * 7)


def figaro_cells(z, y, va):
    industries = [(iso2, c) for _, iso2, _ in REGIONS for c in INDUSTRIES]
    demand = [(iso2, k) for _, iso2, _ in REGIONS for k in CATEGORIES["figaro"]]
    for i, row in enumerate(industries):
        for j, column in enumerate(industries):
            yield row, column, z[i, j]
        for k, column in enumerate(demand):
            yield row, column, y[i, k]
    for share, code in [(0.6, "D1"), (0.4, "B2A3G")]:
        for j, column in enumerate(industries):
            yield ("W2", code), column, share * va[j]


def write_figaro(z, y, va):
    industries = [(iso2, c) for _, iso2, _ in REGIONS for c in INDUSTRIES]
    demand = [(iso2, k) for _, iso2, _ in REGIONS for k in CATEGORIES["figaro"]]
    columns = industries + demand
    cells = {}
    for row, column, value in figaro_cells(z, y, va):
        cells[(row, column)] = value
    rows = industries + [("W2", "D1"), ("W2", "B2A3G")]
    with open(OUT / "matrix_eu-ic-io_ind-by-ind_25ed_2020.csv", "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["rowLabels"] + [f"{a}_{c}" for a, c in columns])
        for row in rows:
            writer.writerow([f"{row[0]}_{row[1]}"] + [num(cells.get((row, column), 0.0)) for column in columns])
    with open(OUT / "flatfile_eu-ic-io_ind-by-ind_25ed_2020.csv", "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["icsupRow", "icsupCol", "refArea", "rowPi", "counterpartArea", "colPi", "obsValue"])
        for (row, column), value in cells.items():
            writer.writerow([f"{row[0]}_{row[1]}", f"{column[0]}_{column[1]}", *row, *column, num(value)])


def write_exiobase(z, y, x):
    folder = OUT / "IOT_2020_ixi"
    folder.mkdir(exist_ok=True)
    a = z / x[np.newaxis, :]
    sectors = labels()
    demand = [(r, k) for r, _, _ in REGIONS for k in CATEGORIES["exiobase"]]

    def table(name, matrix, columns, second):
        with open(folder / name, "w", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(["region", ""] + [r for r, _ in columns])
            writer.writerow([second, ""] + [c for _, c in columns])
            writer.writerow(["region", "sector"] + [""] * len(columns))
            for (r, c), values in zip(sectors, matrix):
                writer.writerow([r, c] + [num(v) for v in values])

    table("A.txt", a, sectors, "sector")
    table("Y.txt", y, demand, "category")
    with open(folder / "x.txt", "w", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["region", "sector", "indout"])
        for (r, c), value in zip(sectors, x):
            writer.writerow([r, c, num(value)])
    with open(folder / "unit.txt", "w", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["region", "sector", "unit"])
        for r, c in sectors:
            writer.writerow([r, c, "M.EUR"])


def write_exiobase_zip():
    # The release ships the folder zipped: IOT_2020_ixi.zip with IOT_2020_ixi/A.txt … (fixed timestamps: same bytes)
    folder = OUT / "IOT_2020_ixi"
    with zipfile.ZipFile(OUT / "IOT_2020_ixi.zip", "w") as archive:
        for name in ["A.txt", "Y.txt", "unit.txt", "x.txt"]:
            info = zipfile.ZipInfo(f"IOT_2020_ixi/{name}", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (folder / name).read_bytes())


def write_eora(z, y, va):
    folder = OUT / "eora26"
    folder.mkdir(exist_ok=True)

    def block(name, matrix):
        with open(folder / name, "w", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            for values in matrix:
                writer.writerow([num(v) for v in values])

    block("Eora26_2020_bp_T.txt", z)
    block("Eora26_2020_bp_FD.txt", y)
    block("Eora26_2020_bp_VA.txt", [0.7 * va, 0.3 * va])
    with open(folder / "labels_T.txt", "w") as handle:
        for r, _, name in REGIONS:
            for c in INDUSTRIES:
                handle.write(f"{name}\t{r}\tIndustries\t{c}\n")
    with open(folder / "labels_FD.txt", "w") as handle:
        for r, _, name in REGIONS:
            for k in CATEGORIES["eora"]:
                handle.write(f"{name}\t{r}\tFinal Demand\t{k}\n")
    with open(folder / "labels_VA.txt", "w") as handle:
        handle.write("Primary Inputs\tCompensation of employees D.1\nPrimary Inputs\tOperating surplus B.2n\n")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    z, y, x, va = system()
    write_icio(z, y, va)
    write_figaro(z, y, va)
    write_exiobase(z, y, x)
    write_exiobase_zip()
    write_eora(z, y, va)
    leontief = np.linalg.inv(np.eye(9) - z / x[np.newaxis, :])
    reference = {
        "regions": [r for r, _, _ in REGIONS], "industries": INDUSTRIES,
        "Z": z.tolist(), "Y": y.tolist(), "x": x.tolist(), "value_added": va.tolist(),
        "output_multipliers": leontief.sum(axis=0).tolist(),
    }
    (OUT / "reference.json").write_text(json.dumps(reference, indent=1) + "\n")
    print("x =", x.tolist())


if __name__ == "__main__":
    main()
