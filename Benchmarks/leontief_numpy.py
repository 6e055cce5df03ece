#!/usr/bin/env python3
"""numpy side of the Leontief benchmark (issue 5): the full WIOD 2011 table, 1435 sectors.

Reads the long files with pandas (not timed), forms A = Z diag(x)^-1 (zero output -> zero column), then times
  solve:   np.linalg.solve(I - A, y)   (LU + triangular solves, like chainrisk's factorise + solve)
  inverse: np.linalg.inv(I - A)        (like chainrisk's factorise + dgetri)
and prints one JSON object with the seconds. With --compare L.csv it also reports the largest relative
difference between numpy's inverse and a matrix CSV written by `chainrisk io leontief --output`.

Usage: leontief_numpy.py WIOD_DIR [--compare L.csv]
"""
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd


def load(wiod):
    xs = pd.read_csv(wiod / "wiod2013_2011_full_x.csv")
    labels = [f"{c}_{s}" for c, s in zip(xs.country, xs.industry)]
    index = {label: i for i, label in enumerate(labels)}
    n = len(labels)
    zl = pd.read_csv(wiod / "wiod2013_2011_full_Z_long.csv.gz")
    z = np.zeros((n, n))
    rows = [index[f"{c}_{s}"] for c, s in zip(zl.row_country, zl.row_industry)]
    cols = [index[f"{c}_{s}"] for c, s in zip(zl.col_country, zl.col_industry)]
    np.add.at(z, (rows, cols), zl.value_musd.values.astype(float))
    yl = pd.read_csv(wiod / "wiod2013_2011_full_Y_long.csv.gz")
    y = np.zeros(n)
    np.add.at(y, [index[f"{c}_{s}"] for c, s in zip(yl.row_country, yl.row_industry)], yl.value_musd.values.astype(float))
    return labels, z, y, xs.gross_output_musd.values.astype(float)


def main():
    wiod = Path(sys.argv[1])
    labels, z, y, x = load(wiod)
    start = time.perf_counter()
    a = z / np.where(x == 0, 1.0, x)[None, :]
    a[:, x == 0] = 0
    coefficients = time.perf_counter() - start

    start = time.perf_counter()
    output = np.linalg.solve(np.eye(len(x)) - a, y)
    solve = time.perf_counter() - start

    start = time.perf_counter()
    inverse = np.linalg.inv(np.eye(len(x)) - a)
    invert = time.perf_counter() - start

    result = {"sectors": len(x), "coefficients": coefficients, "solve": solve, "inverse": invert,
              "numpy": np.__version__, "output_sum": float(output.sum())}
    if "--compare" in sys.argv:
        theirs = pd.read_csv(sys.argv[sys.argv.index("--compare") + 1], index_col=0)
        assert list(theirs.index) == labels and list(theirs.columns) == labels, "labels differ"
        result["max_relative_difference_L"] = float(np.max(np.abs(theirs.values - inverse) / np.maximum(np.abs(inverse), 1e-300)))
        result["max_absolute_difference_L"] = float(np.max(np.abs(theirs.values - inverse)))
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
