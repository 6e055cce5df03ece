#!/usr/bin/env python3
"""The full WIOD 2013 table (41 regions × 35 industries = 1435) for the ARIO benchmark.

  convert OUT_FOLDER     long CSV (../shared/data/wiod2013/*_long.csv.gz) -> OUT_FOLDER/wiod_full_Z.csv, _Y.csv
  boario OUT_FOLDER DAYS run BoARIO on those files with the benchmark's shock; print timings and NLD output lost as JSON

Shock (same in chainrisk): TWN c3-c16 lose 20 % of capacity from day 0 for 22 weeks (154 days), step recovery;
90 days of every input (BoARIO's default main_inv_dur; chainrisk --inventory-days 90).
"""
import json
import os
import sys
import time

import numpy as np
import pandas as pd

from ario_common import boario_run, remaining_share, write_matrix_csv

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "wiod2013")


def load():
    z = pd.read_csv(os.path.join(DATA, "wiod2013_2011_full_Z_long.csv.gz"))
    y = pd.read_csv(os.path.join(DATA, "wiod2013_2011_full_Y_long.csv.gz"))
    regions = sorted(set(z.row_country))
    sectors = [f"c{i}" for i in range(1, 36)]
    categories = ["CONS_h", "CONS_np", "CONS_g", "GFCF", "INVEN"]
    position = {(r, s): i * len(sectors) + j for i, r in enumerate(regions) for j, s in enumerate(sectors)}
    fd_position = {(r, c): i * len(categories) + j for i, r in enumerate(regions) for j, c in enumerate(categories)}
    n = len(position)
    Z = np.zeros((n, n))
    Z[[position[k] for k in zip(z.row_country, z.row_industry)], [position[k] for k in zip(z.col_country, z.col_industry)]] = z.value_musd
    Y = np.zeros((n, len(fd_position)))
    Y[[position[k] for k in zip(y.row_country, y.row_industry)], [fd_position[k] for k in zip(y.col_country, y.fd_category)]] = y.value_musd
    # Two rows (LUX c5, c8) total -1: integer-rounded cells with a negative change in inventories. BoARIO refuses
    # negative output, so their negative final-demand cells are set to 0 for both programs.
    negative = Z.sum(axis=1) + Y.sum(axis=1) < 0
    Y[negative] = np.maximum(Y[negative], 0)
    return regions, sectors, categories, Z, Y


def main():
    command, folder = sys.argv[1], sys.argv[2]
    regions, sectors, categories, Z, Y = load()
    labels = [f"{r}_{s}" for r in regions for s in sectors]
    if command == "convert":
        write_matrix_csv(folder, "wiod_full", labels, Z, [f"{r}_{c}" for r in regions for c in categories], Y)
        return
    days = int(sys.argv[3])
    hit = [labels.index(f"TWN_c{i}") for i in range(3, 17)]

    def losses(day):
        delta = np.zeros(len(labels))
        delta[hit] = 0.2 * remaining_share(day, 0, 154, "step", 0)
        return delta

    started = time.perf_counter()
    production, setup, loop = boario_run(regions, sectors, Z, categories, Y, losses, days, 90)
    total = time.perf_counter() - started
    baseline = (Z.sum(axis=1) + Y.sum(axis=1)) / 365
    nld = [i for i, label in enumerate(labels) if label.startswith("NLD_")]
    print(json.dumps({
        "setup_s": setup, "loop_s": loop, "total_s": total,
        "nld_output_lost": float((baseline[nld] - production[:, nld]).sum()),
        "world_output_lost": float((baseline - production).sum()),
    }))


if __name__ == "__main__":
    main()
