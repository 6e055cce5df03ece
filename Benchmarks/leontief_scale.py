#!/usr/bin/env python3
"""The Python side of the Leontief-at-scale benchmark (issue 25): a 9,800-industry system, EXIOBASE pxp's size.

generate FOLDER REGIONS PRODUCTS
    Writes FOLDER/scale_Z.csv and FOLDER/scale_Y.csv in chainrisk's matrix-CSV layout (first column `row`, labels
    REGION_PRODUCT): REGIONS × PRODUCTS industries (49 × 200 = 9,800 by default in the shell script). A is random
    with a fixed seed: every product buys from 40 % of its own region's products and from 2 % of the others',
    column sums of A are 0.55 (productive), gross output 500–5,000. Values are written with 8 significant digits.

work FOLDER
    Reads the files with pandas (not timed), forms A = Z diag(x)^-1 with x the row totals of Z and Y, then times
    np.linalg.inv(I - A). Prints one JSON object: seconds per phase, the sum of L·y (a checksum to compare with
    chainrisk's `io leontief` rows; both equal the sum of x) and the process's peak resident memory.
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd


def generate(folder, region_count, product_count):
    rng = np.random.default_rng(9800)
    n = region_count * product_count
    region = np.repeat(np.arange(region_count), product_count)
    home = region[:, None] == region[None, :]
    a = rng.uniform(0, 1, (n, n))
    a *= rng.uniform(0, 1, (n, n)) < np.where(home, 0.4, 0.02)
    a[np.arange(n), np.arange(n)] += 0.01
    a *= 0.55 / a.sum(axis=0, keepdims=True)
    x = rng.uniform(500, 5000, n)
    z = a * x[None, :]
    # Final demand is what output leaves after intermediate sales, at least 10 % of it (x is then the row total).
    y = np.maximum(x - z.sum(axis=1), 0.1 * x)
    labels = [f"R{r:02d}_P{p:03d}" for r in range(region_count) for p in range(product_count)]
    with open(f"{folder}/scale_Z.csv", "w") as handle:
        handle.write("row," + ",".join(labels) + "\n")
        for label, row in zip(labels, z):
            handle.write(label + "," + ",".join("0" if v == 0 else f"{v:.8g}" for v in row) + "\n")
    with open(f"{folder}/scale_Y.csv", "w") as handle:
        handle.write("row,FD\n")
        for label, value in zip(labels, y):
            handle.write(f"{label},{value:.8g}\n")
    print(json.dumps({"industries": n, "nonzero_share": float((z != 0).mean()), "min_final_demand": float(y.min())}))


def work(folder):
    z = pd.read_csv(f"{folder}/scale_Z.csv", index_col=0).to_numpy()
    y = pd.read_csv(f"{folder}/scale_Y.csv", index_col=0).to_numpy().sum(axis=1)
    x = z.sum(axis=1) + y
    start = time.perf_counter()
    a = z / np.where(x == 0, 1.0, x)[None, :]
    del z
    coefficients = time.perf_counter() - start
    start = time.perf_counter()
    m = np.eye(len(x)) - a
    del a
    inverse = np.linalg.inv(m)
    invert = time.perf_counter() - start
    print(json.dumps({
        "industries": len(x), "coefficients": coefficients, "inverse": invert, "numpy": np.__version__,
        "output_sum": float((inverse @ y).sum()), "gross_output_sum": float(x.sum()),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }, sort_keys=True))


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        work(sys.argv[2])
