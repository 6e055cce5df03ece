#!/usr/bin/env python3
"""EXIOBASE 3's 163 industries (ixi) with their codes, for reading EXIOBASE tables' industry names as divisions.

Writes Sources/ChainRiskCore/Resources/industries/exiobase3_ixi.csv (`name,code`, in EXIOBASE's order) from the
classification pymrio bundles (pymrio.get_classification("exio3_ixi"), pymrio 0.7.0 from PyPI, LGPL-3.0): the
industry names as EXIOBASE's files print them and EXIOBASE's own codes (`i01.a`, `i24.a.w`, `i40.11.a`), whose two
digits after the `i` are the NACE Rev. 1.1 / ISIC Rev. 3 division. Nothing else is changed.

Usage: python3 scripts/derive_exiobase_industries.py
"""
import csv
from pathlib import Path

import pymrio

OUT = Path(__file__).resolve().parent.parent / "Sources/ChainRiskCore/Resources/industries/exiobase3_ixi.csv"


def main():
    sectors = pymrio.get_classification("exio3_ixi").sectors
    assert len(sectors) == 163, len(sectors)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "code"])
        for name, code in zip(sectors.ExioName, sectors.ExioCode):
            assert code[0] == "i" and code[1:3].isdigit(), code
            writer.writerow([name.strip(), code.strip()])
    print(f"{OUT}: {len(sectors)} industries, pymrio {pymrio.__version__}")


if __name__ == "__main__":
    main()
