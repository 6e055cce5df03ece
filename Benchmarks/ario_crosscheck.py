#!/usr/bin/env python3
"""Cross-check of chainrisk's ARIO model against BoARIO on pymrio's test MRIO (6 regions × 8 sectors).

Same table, same parameters (BoARIO defaults: alpha_max 1.25, alpha_tau 365, psi 0.8, inventory restoration 60 days,
"alt" orders, 90 days of every input), same shock: reg2 manufactoring loses 30 % of its capacity on days 10-37 (4
weeks), then recovers linearly over 30 days. Compares daily output of all 48 industries over 200 days.

Usage: Benchmarks/.venv-ario/bin/python Benchmarks/ario_crosscheck.py [path/to/chainrisk]   (see ario_benchmark.sh)
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd

from ario_common import boario_run, remaining_share, write_matrix_csv

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "shared", "data", "pymrio_testmrio", "mrio_data")
CHAINRISK = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", ".build", "release", "chainrisk")
EXTRA = os.environ.get("CHAINRISK_EXTRA", "--production leontief --substitution 0").split()
DAYS, START, WEEKS, LOSS, RECOVERY_DAYS = 200, 10, 4, 0.3, 30


def read_pymrio_text(name, header_rows):
    """pymrio's text layout: tab-separated, header rows (region, sector|category), index columns region, sector, unit."""
    frame = pd.read_csv(os.path.join(DATA, name), sep="\t", header=list(range(header_rows)), index_col=[0, 1, 2])
    return frame.droplevel(2)


def main():
    z = read_pymrio_text("trade_flows_Z.txt", 2)
    y = read_pymrio_text("finald_demand_Y.txt", 2)
    regions = list(dict.fromkeys(z.index.get_level_values(0)))
    sectors = list(dict.fromkeys(z.index.get_level_values(1)))
    categories = list(dict.fromkeys(y.columns.get_level_values(1)))
    labels = [f"{r}_{s}" for r, s in z.index]
    fd_labels = [f"{r}_{c}" for r, c in y.columns]
    Z, Y = z.to_numpy(float), y.to_numpy(float)
    hit = [i for i, (r, s) in enumerate(z.index) if r == "reg2" and s == "manufactoring"]

    def losses(day):
        delta = np.zeros(len(labels))
        delta[hit] = LOSS * remaining_share(day, START, WEEKS * 7, "linear", RECOVERY_DAYS)
        return delta

    boario, _, _ = boario_run(regions, sectors, Z, categories, Y, losses, DAYS, 90)
    ours = np.zeros_like(boario)
    with tempfile.TemporaryDirectory() as folder:
        mrio = write_matrix_csv(folder, "testmrio", labels, Z, fd_labels, Y)
        for region in regions:
            out = subprocess.run([CHAINRISK, "scenario", "--mrio", mrio, "--reporter", region,
                                  "--shock", f"reg2:manufactoring:{LOSS}:{WEEKS}", "--start-day", str(START),
                                  "--recovery", "linear", "--recovery-days", str(RECOVERY_DAYS),
                                  "--inventory-days", "90", *EXTRA,
                                  "--days", str(DAYS), "--series", "--format", "csv"],
                                 check=True, capture_output=True, text=True).stdout
            series = pd.read_csv(pd.io.common.StringIO(out))
            for _, row in series.iterrows():
                ours[int(row["day"]), labels.index(f"{row['region']}_{row['sector']}")] = row["production"]
    baseline = (Z.sum(axis=1) + Y.sum(axis=1)) / 365
    level_ours, level_boario = ours / baseline, boario / baseline
    lost_ours = (baseline - ours).sum(axis=0)
    lost_boario = (baseline - boario).sum(axis=0)
    print(f"industries {len(labels)}, days {DAYS}")
    print(f"max |level difference| over all days and industries: {np.abs(level_ours - level_boario).max():.3e}")
    print(f"total output lost: chainrisk {lost_ours.sum():.6f}, BoARIO {lost_boario.sum():.6f} (M USD)")
    print("| industry | output lost chainrisk | output lost BoARIO | rel. difference | trough day (c / B) | trough level (c / B) |")
    print("|---|---:|---:|---:|---:|---:|")
    for i in np.argsort(-np.abs(lost_boario))[:8]:
        rel = (lost_ours[i] - lost_boario[i]) / lost_boario[i] if lost_boario[i] else 0.0
        print(f"| {labels[i]} | {lost_ours[i]:.4f} | {lost_boario[i]:.4f} | {rel:.2e} | "
              f"{level_ours[:, i].argmin()} / {level_boario[:, i].argmin()} | "
              f"{level_ours[:, i].min():.6f} / {level_boario[:, i].min():.6f} |")
    for day in (START, START + 14, START + 28, START + 45, START + 80, DAYS - 1):
        i = hit[0]
        print(f"day {day}: reg2_manufactoring level chainrisk {level_ours[day, i]:.6f}, BoARIO {level_boario[day, i]:.6f}")


if __name__ == "__main__":
    main()
