#!/usr/bin/env python3
"""Deterministic generator of a BACI-shaped trade year (t,i,j,k,v,q) for benchmarks.

Country codes and HS6 products are the real ones seen in the CEPII BACI samples in ../shared/data/baci_sample
(226 CEPII country codes, 4,515 products). Skew is realistic: exporter and importer weights follow a Zipf law,
the number of trade links per product is log-normal, and values are log-normal (thousand USD, 3 decimals).
About 8 % of quantities are empty, as in BACI. Same seed and row count, same bytes.

Usage: generate_baci.py OUT.csv [--rows 10000000] [--seed 2021] [--year 2021]
"""
import argparse
import csv
import glob
import os

import numpy as np


def real_codes(sample_dir):
    countries, products = set(), set()
    for path in sorted(glob.glob(os.path.join(sample_dir, "BACI_*.csv"))):
        with open(path, newline="") as handle:
            for row in csv.DictReader(handle):
                countries.update((int(row["i"]), int(row["j"])))
                products.add(int(row["k"]))
    return np.array(sorted(countries)), np.array(sorted(products))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--year", type=int, default=2021)
    parser.add_argument("--samples", default=os.path.join(here, "..", "..", "shared", "data", "baci_sample"))
    args = parser.parse_args()

    rng = np.random.default_rng(args.seed)
    countries, products = real_codes(args.samples)
    n = len(countries)
    weights = 1.0 / np.arange(1, n + 1) ** 1.1
    exporter_weight = rng.permutation(weights)
    importer_weight = rng.permutation(weights)
    pair_weight = np.outer(exporter_weight, importer_weight)
    np.fill_diagonal(pair_weight, 0)
    pair_weight = pair_weight.ravel() / pair_weight.sum()

    links = rng.lognormal(mean=0.0, sigma=0.9, size=len(products))
    links = np.maximum(1, np.round(links / links.sum() * args.rows)).astype(np.int64)
    links = np.minimum(links, n * (n - 1) // 2)
    # Trim or pad to the exact row count, deterministically.
    difference = args.rows - int(links.sum())
    order = np.argsort(-links, kind="stable")
    index = 0
    while difference != 0:
        product = order[index % len(order)]
        step = 1 if difference > 0 else -1
        if links[product] + step >= 1 and links[product] + step <= n * (n - 1) // 2:
            links[product] += step
            difference -= step
        index += 1

    cumulative = np.cumsum(pair_weight)
    with open(args.out, "w", newline="") as handle:
        handle.write("t,i,j,k,v,q\n")
        for product, count in zip(products, links):
            chosen = set()
            draw = max(int(count * 1.5), 16)
            while len(chosen) < count:
                picks = np.searchsorted(cumulative, rng.random(draw) * cumulative[-1])
                for pick in picks:
                    if pick // n != pick % n:
                        chosen.add(int(pick))
                    if len(chosen) >= count:
                        break
            pairs = np.array(sorted(chosen), dtype=np.int64)
            exporters = countries[pairs // n]
            importers = countries[pairs % n]
            values = np.round(rng.lognormal(mean=3.0, sigma=2.5, size=len(pairs)), 3)
            values = np.maximum(values, 0.001)
            quantities = np.round(values * rng.lognormal(mean=-1.0, sigma=1.5, size=len(pairs)), 3)
            empty = rng.random(len(pairs)) < 0.08
            lines = [
                f"{args.year},{e},{m},{product},{v:.3f},{'' if x else f'{q:.3f}'}\n"
                for e, m, v, q, x in zip(exporters, importers, values, quantities, empty)
            ]
            handle.writelines(lines)


if __name__ == "__main__":
    main()
