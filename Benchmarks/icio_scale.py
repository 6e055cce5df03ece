#!/usr/bin/env python3
"""The Python side of the table-scale benchmark (issue 25): generate an ICIO-2023-layout table, and do with
numpy + pandas what chainrisk does with it.

generate OUT.csv REGIONS INDUSTRIES
    Writes a table in OECD ICIO 2023's layout: REGIONS regions (the first is split into CN1/CN2 rows and columns,
    as China is), INDUSTRIES industries each with ICIO 2023 codes (A01_02, C10T12, …), six final-demand columns per
    region, TLS, VA and OUT rows and an OUT column. Values are random but productive (column sums of A below 0.6),
    with a fixed seed: the same file on every run. Inventory changes (INVNT) are negative in half the rows, as in
    the releases.

work TABLE.csv REPORTER
    Reads the file with pandas, folds CN1/CN2, forms A = Z diag(x)^-1 and, for REPORTER: the Leontief inverse's
    columns of the reporter (solve), the import content of its exports by origin (Table 3's measure) and its direct
    and total exposure to every supplier — chainrisk's `origins` plus `exposure`. Prints one JSON object with the
    seconds of each phase and checksums to compare with chainrisk's output.
"""
import json
import sys
import time

import numpy as np
import pandas as pd

CODES = [
    "A01_02", "A03", "B05_06", "B07_08", "B09", "C10T12", "C13T15", "C16", "C17_18", "C19", "C20", "C21", "C22",
    "C23", "C24A", "C24B", "C25", "C26", "C27", "C28", "C29", "C301", "C302T309", "C31T33", "D", "E", "F", "G",
    "H49", "H50", "H51", "H52", "H53", "I", "J58T60", "J61", "J62_63", "K", "L", "M", "N", "O", "P", "Q", "R",
    "S", "T",
]
CATEGORIES = ["HFCE", "NPISH", "GGFC", "GFCF", "INVNT", "DPABR"]


def regions(count):
    names = ["CHN"] + [f"R{index:02d}" for index in range(1, count)]
    return names


def generate(path, region_count, industry_count):
    rng = np.random.default_rng(25)
    codes = CODES[:industry_count]
    names = regions(region_count)
    # CHN appears as CN1 and CN2 (split 30/70), every other region once.
    parts = [("CN1", 0.3), ("CN2", 0.7)] + [(r, 1.0) for r in names[1:]]
    n = len(parts) * len(codes)
    owner = np.repeat(np.arange(len(parts)), len(codes))
    home = (owner[:, None] == owner[None, :]) | ((owner[:, None] < 2) & (owner[None, :] < 2))
    scale = rng.uniform(500, 5000, n)
    a = rng.uniform(0, 1, (n, n)) * np.where(home, 1.0, 0.02)
    a *= 0.55 / a.sum(axis=0, keepdims=True)
    z = a * scale[None, :]
    # Final demand positive except inventory changes (INVNT), which real tables have negative in many rows.
    share = rng.dirichlet(np.ones(len(names) * len(CATEGORIES)), n)
    y = share * rng.uniform(0.5, 1.5, n)[:, None] * scale[:, None]
    y[:, CATEGORIES.index("INVNT")::len(CATEGORIES)] *= np.where(rng.uniform(size=(n, len(names))) < 0.5, -0.2, 0.2)
    x = z.sum(axis=1) + y.sum(axis=1)
    va = x - z.sum(axis=0)
    labels = [f"{p}_{c}" for p, _ in parts for c in codes]
    columns = labels + [f"{r}_{k}" for r in names for k in CATEGORIES] + ["OUT"]
    body = np.hstack([z, y, x[:, None]])
    frame = pd.DataFrame(body, index=labels, columns=columns)
    extra = pd.DataFrame(
        [np.concatenate([0.1 * va, np.zeros(len(columns) - n)]), np.concatenate([0.9 * va, np.zeros(len(columns) - n)]),
         np.concatenate([x, np.zeros(len(columns) - n)])],
        index=["TLS", "VA", "OUT"], columns=columns)
    pd.concat([frame, extra]).to_csv(path, float_format="%.10g")
    print(json.dumps({"file": str(path), "industries": len(names) * len(codes), "rows": n + 3,
                      "columns": len(columns) + 1}))


def work(path, reporter):
    times = {}
    start = time.perf_counter()
    frame = pd.read_csv(path, index_col=0)
    times["read"] = time.perf_counter() - start

    start = time.perf_counter()
    fold = {"CN1": "CHN", "CN2": "CHN", "MX1": "MEX", "MX2": "MEX"}

    def label(text):
        region, _, code = text.partition("_")
        return f"{fold.get(region, region)}_{code}"

    totals = {"OUT", "OUTPUT", "TOTAL"}
    industries = [c for c in frame.columns if c in frame.index and c not in totals]
    z = frame.loc[industries, industries]
    z = z.T.groupby(label, sort=False).sum().T.groupby(label, sort=False).sum()
    demand = [c for c in frame.columns if c not in frame.index and c not in totals]
    y = frame.loc[industries, demand].groupby(label, sort=False).sum()
    labels = list(z.index)
    zv, yv = z.values, y.values
    x = zv.sum(axis=1) + yv.sum(axis=1)
    a = zv / np.where(x == 0, 1.0, x)[None, :]
    times["fold_and_coefficients"] = time.perf_counter() - start

    start = time.perf_counter()
    region = np.array([lab.split("_", 1)[0] for lab in labels])
    own = np.flatnonzero(region == reporter)
    n = len(labels)
    unit = np.zeros((n, len(own)))
    unit[own, np.arange(len(own))] = 1
    l_columns = np.linalg.solve(np.eye(n) - a, unit)
    times["leontief_columns"] = time.perf_counter() - start

    start = time.perf_counter()
    suppliers = [r for r in dict.fromkeys(region) if r != reporter]
    direct = np.array([a[region == s][:, own].sum(axis=0) for s in suppliers])
    total = np.array([l_columns[region == s].sum(axis=0) for s in suppliers])
    times["exposure"] = time.perf_counter() - start

    start = time.perf_counter()
    # Import content of exports (Hummels–Ishii–Yi): 1ᵀ A(s,r) (I − A(r,r))⁻¹ diag(e_r) per origin s.
    arr = a[np.ix_(own, own)]
    outside = region[:, None] != region[None, :]
    exports = (zv * outside)[own].sum(axis=1) + (yv[own] * np.array(
        [c.split("_", 1)[0] != reporter for c in y.columns])[None, :]).sum(axis=1)
    inner = np.linalg.inv(np.eye(len(own)) - arr)
    content = np.array([a[region == s][:, own].sum(axis=0) @ inner * exports for s in suppliers])
    times["origins"] = time.perf_counter() - start
    print(json.dumps({
        "sectors": n, "numpy": np.__version__, "pandas": pd.__version__, "seconds": times,
        "total_exposure_sum": float(total.sum()), "direct_exposure_sum": float(direct.sum()),
        "import_content_sum": float(content.sum()),
    }, sort_keys=True))


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        work(sys.argv[2], sys.argv[3])
