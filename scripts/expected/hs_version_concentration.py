#!/usr/bin/env python3
"""Expected values for HSVersionCommandTests (`concentration --hs-version`), computed without chainrisk.

1. The EU27 extract with all API columns: the Netherlands' imports of 4401 per year, from the world, and the HS
   edition each year was reported in (H5 = HS2017, H6 = HS2022). Moved into HS2022, every year is one series of
   the same totals, since heading 4401's border is the same in both editions.
2. A split: HS2017 441820 (doors) becomes HS2022 441821 and 441829; with the data's own 2022 trade in those codes as
   weights (300 and 100), each 2021 flow is shared 3:1, so each part keeps the partners' shares and the HHI.
3. The same split with weights from every reporter in the data.
Run from the package root.
"""
import csv

path = "../shared/data/comtrade_comtradr/eu27_imports_from_world_full_api_columns_2018_2022.csv"
totals = {}
for row in csv.DictReader(open(path, newline="", encoding="utf-8")):
    if row["reporter_iso"] == "NLD" and row["cmd_code"] == "4401":
        year = int(row["ref_year"])
        edition = {"H5": "HS2017", "H6": "HS2022"}[row["classification_code"]]
        total, _ = totals.get(year, (0.0, edition))
        totals[year] = (total + float(row["primary_value"]), edition)
for year in sorted(totals):
    print(year, totals[year][1], repr(totals[year][0]))

flows_2021 = {"CHN": 600.0, "DEU": 400.0}
weights = {"441821": 300.0, "441829": 100.0}
for code, weight in weights.items():
    share = weight / sum(weights.values())
    parts = {partner: value * share for partner, value in flows_2021.items()}
    total = sum(parts.values())
    hhi = sum((value / total) ** 2 for value in parts.values())
    print(code, repr(total), repr(hhi))

# 3. Weights from all the data: NLD's 2021 441820 (1,000) shared by 2022 trade of every reporter in the file
#    (NLD 441821: 300, DEU 441829: 900), so 1:3 whether the file is read directly or through the store.
weights_all = {"441821": 300.0, "441829": 900.0}
for code, weight in weights_all.items():
    print(code, repr(1000.0 * weight / sum(weights_all.values())))
