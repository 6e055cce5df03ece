#!/usr/bin/env python3
"""Expected gross output and output multipliers of pymrio's mock MRIOs, computed by pymrio itself.

For `io multipliers` on the native ICIO, EXIOBASE 3 and Eora26 layouts: each mock in ../shared/data/pymrio_mock_mrios
is parsed with pymrio's own parser and `calc_all()`; the output multiplier of a sector is the column sum of
pymrio's L = (I - A)^-1. Written to Tests/ChainRiskCLITests/Fixtures/mrio_mocks_expected.csv
(mock,region,sector,x,output_multiplier; floats with repr). Developer tool: the tests read its output, never run it.

    pip install "pymrio==0.7.0"     # pulls pandas and numpy
    python3 scripts/expected/mrio_mocks.py
"""

import csv
import warnings
from pathlib import Path

import pymrio

REPO = Path(__file__).resolve().parents[2]
MOCKS = REPO.parent / "shared" / "data" / "pymrio_mock_mrios"
OUT = REPO / "Tests" / "ChainRiskCLITests" / "Fixtures" / "mrio_mocks_expected.csv"


def systems():
    yield "ICIO2018_2010", pymrio.parse_oecd(str(MOCKS / "oecd_mock" / "ICIO2018_2010.CSV"))
    yield "ICIO2016_2003", pymrio.parse_oecd(str(MOCKS / "oecd_mock" / "ICIO2016_2003.csv"))
    yield "exio3_mock", pymrio.load(str(MOCKS / "exio3_mock"))
    yield "eora26_mock", pymrio.parse_eora26(str(MOCKS / "eora26_mock"), year=2010, price="bp")


def main():
    warnings.simplefilter("ignore")
    rows = []
    for name, mrio in systems():
        mrio.calc_all()
        multipliers = mrio.L.sum(axis=0)
        for (region, sector), x in mrio.x.iloc[:, 0].items():
            rows.append([name, region, sector, repr(float(x)), repr(float(multipliers[(region, sector)]))])
        print(f"{name}: pymrio {pymrio.__version__}, {len(mrio.x)} sectors")
    with open(OUT, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["mock", "region", "sector", "x", "output_multiplier"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
