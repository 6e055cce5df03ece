#!/usr/bin/env python3
"""The generated ICIO-2023-layout table (Benchmarks/icio_scale.py) for the ARIO benchmark at scale (issue 25).

  convert TABLE.csv OUT_FOLDER   fold CN1/CN2 into CHN, write OUT_FOLDER/icio_scale_Z.csv and _Y.csv (matrix CSV)
  boario OUT_FOLDER DAYS         run BoARIO on those files with the benchmark's shock; print timings and the
                                 reporter's and the world's output lost as JSON

Shock (same in chainrisk): R02's C26, C27 and C28 lose 20 % of capacity from day 0 for 22 weeks (154 days), step
recovery; 90 days of every input (BoARIO's main_inv_dur; chainrisk --inventory-days 90).
"""
import json
import sys
import time

import numpy as np
import pandas as pd

from ario_common import boario_run, remaining_share, write_matrix_csv

HIT = ["R02_C26", "R02_C27", "R02_C28"]
REPORTER = "R01"


def fold(label):
    region, _, rest = label.partition("_")
    return {"CN1": "CHN", "CN2": "CHN", "MX1": "MEX", "MX2": "MEX"}.get(region, region) + "_" + rest


def convert(path, folder):
    frame = pd.read_csv(path, index_col=0)
    rows = [r for r in frame.index if r not in ("TLS", "VA", "OUT")]
    demand = [c for c in frame.columns if c not in set(rows) and c != "OUT"]
    labels = list(dict.fromkeys(fold(r) for r in rows))
    position = np.array([labels.index(fold(r)) for r in rows])
    z = np.zeros((len(labels), len(labels)))
    np.add.at(z, (position[:, None], position[None, :]), frame.loc[rows, rows].to_numpy())
    y = np.zeros((len(labels), len(demand)))
    np.add.at(y, position, frame.loc[rows, demand].to_numpy())
    write_matrix_csv(folder, "icio_scale", labels, z, demand, y)


def read_matrix(folder, name):
    return pd.read_csv(f"{folder}/icio_scale_{name}.csv", index_col=0)


def boario(folder, days):
    z = read_matrix(folder, "Z")
    y = read_matrix(folder, "Y")
    labels = list(z.index)
    regions = list(dict.fromkeys(label.split("_", 1)[0] for label in labels))
    sectors = list(dict.fromkeys(label.split("_", 1)[1] for label in labels))
    categories = list(dict.fromkeys(column.split("_", 1)[1] for column in y.columns))
    Y = np.zeros((len(labels), len(regions) * len(categories)))
    for position, column in enumerate(y.columns):
        region, category = column.split("_", 1)
        Y[:, regions.index(region) * len(categories) + categories.index(category)] += y[column].to_numpy()
    hit = [labels.index(label) for label in HIT]

    def losses(day):
        delta = np.zeros(len(labels))
        delta[hit] = 0.2 * remaining_share(day, 0, 154, "step", 0)
        return delta

    started = time.perf_counter()
    production, setup, loop = boario_run(regions, sectors, z.to_numpy(), categories, Y, losses, days, 90)
    total = time.perf_counter() - started
    baseline = (z.to_numpy().sum(axis=1) + Y.sum(axis=1)) / 365
    reporter = [i for i, label in enumerate(labels) if label.startswith(REPORTER + "_")]
    print(json.dumps({
        "setup_s": setup, "loop_s": loop, "total_s": total, "industries": len(labels),
        "reporter_output_lost": float((baseline[reporter] - production[:, reporter]).sum()),
        "world_output_lost": float((baseline - production).sum()),
    }))


if __name__ == "__main__":
    if sys.argv[1] == "convert":
        convert(sys.argv[2], sys.argv[3])
    else:
        boario(sys.argv[2], int(sys.argv[3]))
