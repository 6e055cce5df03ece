"""Independent check of a reporter's imports per letter sector (report --imports … --reporter …, Table 2).

Reads the EU27 concentration fixture (total import value per reporter, year and product, from
concentration_expected.py) and the bundled HS6 → ISIC Rev.3 correspondence, applies the mapping rule documented in
Sources/ChainRiskAnalysis/LetterSectorMapping.swift (a shorter code takes the sector most of its 6-digit codes have;
a code under a coarser code of the data is left out) and prints the sums for one reporter and year.

    python3 scripts/expected/letter_sectors_trade.py DEU 2022
"""
import collections
import csv
import gzip
import sys

reporter, year = sys.argv[1], sys.argv[2]
division = {}
with open("Sources/ChainRiskIngest/BuiltIn/simulation/hs6_wiod35.csv") as handle:
    for row in csv.DictReader(handle):
        division[row["hs6"]] = row["isic3_division"]


def sector(div, hs6):
    n = int(div)
    table = [((1, 5), "agriculture-forestry-fishing"), ((10, 14), "mining-and-quarrying"), ((15, 16), "food-beverages-and-tobacco"),
             ((17, 19), "textiles-apparel-leather-and-footwear"), ((20, 20), "wood-products"), ((23, 23), "petroleum-industry"),
             ((25, 25), "rubber-and-plastics"), ((27, 27), "basic-metals"), ((28, 28), "fabricated-metal-products"), ((29, 29), "machinery"),
             ((31, 31), "electrical-equipment"), ((34, 34), "motor-vehicles-and-trailers"), ((35, 35), "other-transport-equipment")]
    if n == 24:
        return "pharmaceuticals" if hs6.startswith("30") else "chemicals"
    if n in (30, 32, 33):
        return "computer-electronic-and-optical-products"
    if n == 36:
        return "furniture" if hs6[:4] in ("9401", "9402", "9403", "9404") else None
    for (low, high), name in table:
        if low <= n <= high:
            return name
    return None


def sector_of(code):
    if len(code) >= 6:
        d = division.get(code[:6])
        return sector(d, code[:6]) if d else None
    counts = collections.Counter(s for h, d in division.items() if h.startswith(code) for s in [sector(d, h)] if s)
    if not counts:
        return None
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]


rows = {}
with gzip.open("Tests/ChainRiskAnalysisTests/Fixtures/eu27_wood_paper_furniture_concentration.csv.gz", "rt") as handle:
    for row in csv.DictReader(handle):
        if row["reporter"] == reporter and row["year"] == year:
            rows[row["product"]] = float(row["total_value"])
sums = collections.defaultdict(list)
for code, value in rows.items():
    if any(other != code and code.startswith(other) for other in rows):
        continue
    name = sector_of(code)
    if name:
        sums[name].append(value)
import math
for name in sorted(sums):
    print(name, repr(math.fsum(sums[name])))
