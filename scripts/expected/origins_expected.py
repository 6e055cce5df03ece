#!/usr/bin/env python3
"""Expected values for the origin of inputs used for exports (the letter's Table 3), computed with numpy.

Independent of the Swift code: reads the WIOD 2013 tables (the nld11 matrix CSVs and the full 41-region long CSVs)
and the bundled groupings (Sources/ChainRiskIngest/BuiltIn/io/origin_groups.csv, export_categories.csv), and writes,
for TABLE in nld11 and full,

  scripts/expected/origins_TABLE_sectors.csv     sector, origin region: exports, import content, foreign value added
  scripts/expected/origins_TABLE_categories.csv  category, origin group: both measures and their shares

which Tests/ChainRiskIOTests/ImportContentOfExportsTests.swift compares with ChainRiskIO to 1e-9 relative.

    python3 scripts/expected/origins_expected.py [--data ../shared/data] [--reporter NLD]

Definitions (Hummels, Ishii and Yi 2001; Miller and Blair 2009, ch. 6):
  A = Z diag(x)^-1 (a zero output gives a zero column), r = reporter's rows, s = one other region's rows;
  exports e_r = Z[r, not r] 1 + Y[r, final-demand columns of other regions] 1;
  import content IC(s, j) = (1' A[s, r] (I - A[r, r])^-1)_j e_j, with the inverse from numpy.linalg.inv;
  foreign value added FVA(s, j) = (v[s]' L[s, r])_j e_j, v = (x - 1'Z) / x, L = (I - A)^-1 (numpy.linalg.inv);
  a category's value sums its sectors; a group's value sums its regions; share = value / sum over groups.
Floats are written with repr (full double precision). numpy 2.x, Python 3.
"""

import argparse
import csv
import gzip
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent.parent


def read_matrix(path):
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0][1:]
    labels = [row[0] for row in rows[1:]]
    values = np.array([[float(cell) for cell in row[1:]] for row in rows[1:]])
    return labels, header, values


def split(label):
    region, _, sector = label.rpartition("_")
    return region, sector


def fd_region(label, regions):
    matches = [region for region in regions if label.startswith(region + "_")]
    return max(matches, key=len)


def read_nld11(folder):
    """The 11-region aggregate: square matrix CSVs with combined labels (`EU_OTH_c14`)."""
    labels, columns, z = read_matrix(folder / "wiod2013_2011_nld11_Z.csv")
    assert labels == columns
    y_labels, y_columns, y = read_matrix(folder / "wiod2013_2011_nld11_Y.csv")
    assert y_labels == labels
    x_labels, _, x = read_matrix(folder / "wiod2013_2011_nld11_x.csv")
    assert x_labels == labels
    return labels, z, y_columns, y, x[:, 0]


def read_full(folder):
    """The full table: sparse long CSVs (non-zero cells only) and the gross-output list, labels REGION_industry."""
    with open(folder / "wiod2013_2011_full_x.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    labels = [f"{row['country']}_{row['industry']}" for row in rows]
    position = {label: index for index, label in enumerate(labels)}
    x = np.array([float(row["gross_output_musd"]) for row in rows])
    z = np.zeros((len(labels), len(labels)))
    with gzip.open(folder / "wiod2013_2011_full_Z_long.csv.gz", "rt", newline="") as handle:
        for row in csv.DictReader(handle):
            z[position[f"{row['row_country']}_{row['row_industry']}"],
              position[f"{row['col_country']}_{row['col_industry']}"]] += float(row["value_musd"])
    columns = {}
    cells = []
    with gzip.open(folder / "wiod2013_2011_full_Y_long.csv.gz", "rt", newline="") as handle:
        for row in csv.DictReader(handle):
            column = columns.setdefault(f"{row['col_country']}_{row['fd_category']}", len(columns))
            cells.append((position[f"{row['row_country']}_{row['row_industry']}"], column, float(row["value_musd"])))
    y = np.zeros((len(labels), len(columns)))
    for i, k, value in cells:
        y[i, k] += value
    return labels, z, list(columns), y, x


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--reporter", default="NLD")
    args = parser.parse_args()
    folder = Path(args.data) / "wiod2013"
    for name, reader in (("nld11", read_nld11), ("full", read_full)):
        write_expectations(name, *reader(folder), reporter=args.reporter)


def write_expectations(name, labels, z, y_columns, y, x, reporter):
    regions = list(dict.fromkeys(split(label)[0] for label in labels))
    region_of = np.array([split(label)[0] for label in labels])
    r = np.where(region_of == reporter)[0]
    others = [region for region in regions if region != reporter]

    a = z / np.where(x == 0, np.inf, x)[np.newaxis, :]
    not_r = np.where(region_of != reporter)[0]
    y_foreign = [k for k, label in enumerate(y_columns) if fd_region(label, regions) != reporter]
    exports = z[np.ix_(r, not_r)].sum(axis=1) + y[np.ix_(r, y_foreign)].sum(axis=1)

    domestic_inverse = np.linalg.inv(np.eye(len(r)) - a[np.ix_(r, r)])
    full_inverse = np.linalg.inv(np.eye(len(labels)) - a)
    value_added_share = (x - z.sum(axis=0)) / np.where(x == 0, np.inf, x)

    import_content = {}
    foreign_value_added = {}
    for region in others:
        s = np.where(region_of == region)[0]
        import_content[region] = (a[np.ix_(s, r)].sum(axis=0) @ domestic_inverse) * exports
        foreign_value_added[region] = (value_added_share[s] @ full_inverse[np.ix_(s, r)]) * exports

    sectors = [split(labels[j])[1] for j in r]
    out = Path(__file__).resolve().parent
    with open(out / f"origins_{name}_sectors.csv", "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["sector", "origin", "exports", "import_content", "foreign_value_added"])
        for k, sector in enumerate(sectors):
            for region in others:
                writer.writerow([sector, region, repr(float(exports[k])), repr(float(import_content[region][k])),
                                 repr(float(foreign_value_added[region][k]))])

    builtin = REPO / "Sources" / "ChainRiskIngest" / "BuiltIn" / "io"
    with open(builtin / "origin_groups.csv", newline="") as handle:
        group_rows = list(csv.DictReader(handle))
    group_of = {row["region"]: row["group"] for row in group_rows}
    group_order = list(dict.fromkeys(row["group"] for row in group_rows))
    with open(builtin / "export_categories.csv", newline="") as handle:
        category_rows = list(csv.DictReader(handle))
    category_of = {row["sector"]: row["category"] for row in category_rows}
    category_order = list(dict.fromkeys(row["category"] for row in category_rows))
    groups = [group for group in group_order if any(group_of[region] == group for region in others)]

    with open(out / f"origins_{name}_categories.csv", "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["category", "group", "exports", "import_content", "import_content_share",
                         "foreign_value_added", "foreign_value_added_share"])
        for category in category_order + ["total"]:
            members = [k for k, sector in enumerate(sectors) if category == "total" or category_of[sector] == category]
            category_exports = exports[members].sum()
            by_group = {}
            for measure, values in (("ic", import_content), ("fva", foreign_value_added)):
                by_group[measure] = {
                    group: sum(values[region][members].sum() for region in others if group_of[region] == group)
                    for group in groups
                }
            for group in groups:
                ic = by_group["ic"][group]
                fva = by_group["fva"][group]
                writer.writerow([category, group, repr(float(category_exports)), repr(float(ic)),
                                 repr(float(ic / sum(by_group["ic"].values()))), repr(float(fva)),
                                 repr(float(fva / sum(by_group["fva"].values())))])

    total_ic = sum(import_content[region].sum() for region in others)
    vertical = a[np.ix_(not_r, r)].sum(axis=0) @ domestic_inverse @ exports
    print(f"{name}, reporter {reporter}: exports {exports.sum()!r}, import content {total_ic!r}, "
          f"1'A_imports (I - A_rr)^-1 e = {vertical!r}, ratio {total_ic / exports.sum():.4f}")


if __name__ == "__main__":
    main()
