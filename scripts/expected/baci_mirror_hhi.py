"""Independent check of the mirror view of BACI: HHI over partners per (reporter, product) at HS2 level.

Reads the 0.1 % BACI 2021 sample and prints, with pandas, the import HHI of every importer (partners = exporters)
and the export HHI of every exporter (partners = importers) for HS chapter 84, and their counts. The values for a few
reporters are the expected values of Tests/ChainRiskUseCasesTests/MirrorDataTests.swift.

    python3 scripts/expected/baci_mirror_hhi.py ../shared/data/baci_sample/BACI_HS92_Y2021_V202501_sample0.1pct.csv
"""
import sys

import pandas as pd

frame = pd.read_csv(sys.argv[1], dtype={"k": str})
frame["chapter"] = frame["k"].str.zfill(6).str[:2]
frame = frame[frame["chapter"] == "84"]


def hhi(reporter_column, partner_column):
    sums = frame.groupby([reporter_column, partner_column])["v"].sum().reset_index()
    totals = sums.groupby(reporter_column)["v"].transform("sum")
    sums["share2"] = (sums["v"] / totals) ** 2
    return sums.groupby(reporter_column)["share2"].sum()


imports = hhi("j", "i")
exports = hhi("i", "j")
print("importers", len(imports), "exporters", len(exports))
for code in (528, 276, 251, 156, 842):
    print(code, "import_hhi", repr(imports.get(code)), "export_hhi", repr(exports.get(code)))
