"""Table 4 on the own-use basis, computed independently of the Swift code (standard library only).

Writes two files under Tests/ChainRiskCLITests/Fixtures/:
- nld_m_rx_2022.csv: the Netherlands' 2022 imports by partner from the real Comtrade extract in
  ../shared/data/comtrade_comtradr (39 wood, paper and furniture codes), plus SYNTHETIC re-export rows (flow
  "Re-export", partners DEU and BEL) worth a fixed share of each product's imports: (int(code) % 7) / 10, split 2:1.
  The re-exports are made up to exercise the rule; the imports are real.
- own_use_table4_expected.csv: the ten largest products by imports for own use = imports - re-exports, with each
  supplier's own use = its imports * (1 - re-exports / imports) (pro rata), and the HHI of the own-use shares.

Run from the package root: python3 scripts/expected/own_use_table4.py
"""
import csv
import math
import os

SOURCE = "../shared/data/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"
OUT = "Tests/ChainRiskCLITests/Fixtures"

rows = [r for r in csv.DictReader(open(SOURCE, newline="")) if r["refYear"] == "2022" and r["flowDesc"] == "Import"]
by_product = {}
for r in rows:
    by_product.setdefault(r["cmdCode"], []).append(r)

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "nld_m_rx_2022.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["refYear", "reporterISO", "reporterDesc", "flowDesc", "partnerISO", "partnerDesc", "cmdCode",
                "primaryValue_usd"])
    re_exports = {}
    for code in sorted(by_product):
        for r in by_product[code]:
            w.writerow([r[k] for k in ["refYear", "reporterISO", "reporterDesc", "flowDesc", "partnerISO",
                                       "partnerDesc", "cmdCode", "primaryValue_usd"]])
        imports = math.fsum(float(r["primaryValue_usd"]) for r in by_product[code])
        share = (int(code) % 7) / 10
        if share > 0:
            total = round(imports * share, 3)
            re_exports[code] = total
            w.writerow(["2022", "NLD", "Netherlands", "Re-export", "DEU", "Germany", code, repr(round(total * 2 / 3, 3))])
            w.writerow(["2022", "NLD", "Netherlands", "Re-export", "BEL", "Belgium", code,
                        repr(round(total - round(total * 2 / 3, 3), 3))])

# A product's imports are the sum over all its partners (countries and areas 'nes' alike), as Table 4's total value.
results = []
for code, items in by_product.items():
    imports = math.fsum(float(r["primaryValue_usd"]) for r in items)
    # Re-exports as written to the file (two rounded parts).
    share = (int(code) % 7) / 10
    rx = 0.0
    if share > 0:
        total = round(imports * share, 3)
        rx = round(total * 2 / 3, 3) + round(total - round(total * 2 / 3, 3), 3)
    factor = max(0.0, 1 - rx / imports)
    own = imports * factor
    results.append((code, own, imports, rx))

results.sort(key=lambda x: (-x[1], x[0]))
with open(os.path.join(OUT, "own_use_table4_expected.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["product", "own_use", "imports", "re_exports"])
    for code, own, imports, rx in results[:10]:
        w.writerow([code, repr(own), repr(imports), repr(rx)])
