#!/usr/bin/env python3
"""Expected import-concentration values on real data, for Tests/ChainRiskAnalysisTests/RealData*.swift.

An independent computation of what ConcentrationAnalysis, ConcentrationDrill and WorldMarketCheck produce, written
from the definitions (mission section 4, the doc comments) and not from the Swift code. Standard library only
(csv, gzip, math.fsum); run once by a developer, never by the tests:

    python3 scripts/expected/concentration_expected.py

It reads ../shared/data (relative to the package root) and the bundled reference tables
Sources/ChainRiskCore/Resources/reference/{countries,special_areas}.csv, and writes the fixtures in
Tests/ChainRiskAnalysisTests/Fixtures/. See scripts/expected/README.md for the rules and the columns.
"""

import csv
import gzip
import math
import os
import sys
from collections import defaultdict

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
REFERENCE = os.path.join(ROOT, "Sources", "ChainRiskCore", "Resources", "reference")
FIXTURES = os.path.join(ROOT, "Tests", "ChainRiskAnalysisTests", "Fixtures")

NLD_FILE = os.path.join(SHARED, "comtrade_comtradr", "nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv")
EU_FILE = os.path.join(SHARED, "comtrade_comtradr", "eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz")
WORLD_FILE = os.path.join(SHARED, "world_exports_oec", "world_exports_by_country_hs4_2017.csv")

# Letter bands (2010 US merger guidelines): [0, 0.15) not, [0.15, 0.25) somewhat, [0.25, 1] highly.
BANDS = (0.15, 0.25)
# ConcentrationDrill's default: a child is more concentrated when its HHI exceeds the parent's by more than this.
DRILL_TOLERANCE = 1e-12


def load_reference():
    """ISO3 -> is EU27, and special code -> the country it stands for ('' when none) and its kind."""
    with open(os.path.join(REFERENCE, "countries.csv"), newline="", encoding="utf-8") as handle:
        countries = {row["iso3"]: row["eu27"] == "1" for row in csv.DictReader(handle)}
    with open(os.path.join(REFERENCE, "special_areas.csv"), newline="", encoding="utf-8") as handle:
        special = {row["code"]: (row["kind"], row["maps_to"]) for row in csv.DictReader(handle)}
    return countries, special


COUNTRIES, SPECIAL = load_reference()


def partner_role(raw):
    """('supplier', ISO3) for a country or a special code with maps_to (S19 -> TWN); ('world', None) for W00;
    ('unallocated', None) for everything else (_X, X1, X2, XX, E19, F19, groups, unknown codes)."""
    code = raw.strip().upper()
    if code in COUNTRIES:
        return "supplier", code
    kind, maps_to = SPECIAL.get(code, ("", ""))
    if kind == "world":
        return "world", None
    if maps_to:
        return "supplier", maps_to
    return "unallocated", None


def hhi(values):
    """Sum of squared shares over positive values; None when there is none."""
    values = [v for v in values if v > 0]
    total = math.fsum(values)
    if total <= 0:
        return None
    return math.fsum((v / total) ** 2 for v in values)


def letter_class(index):
    if index is None:
        return ""
    if index >= BANDS[1]:
        return "highly_concentrated"
    if index >= BANDS[0]:
        return "somewhat_concentrated"
    return "not_concentrated"


def measures(group, reporter_is_eu):
    """The concentration measures of one (reporter, year, product) from its partner values."""
    supplier_values = defaultdict(list)
    unallocated, world = [], []
    for role, country, value in group:
        if role == "supplier":
            supplier_values[country].append(value)
        elif role == "world":
            world.append(value)
        else:
            unallocated.append(value)
    suppliers = {c: math.fsum(v) for c, v in supplier_values.items()}
    supplier_value = math.fsum(suppliers.values())
    positive = sorted(((c, v) for c, v in suppliers.items() if v > 0), key=lambda cv: (-cv[1], cv[0]))
    # Total: the world row where there is one (never below the supplier sum), else every partner's value.
    if world:
        total = max(math.fsum(world), supplier_value)
    else:
        total = math.fsum([supplier_value] + unallocated)
    row = {
        "total_value": total,
        "supplier_value": supplier_value,
        "unallocated_value": total - supplier_value,
        "suppliers": len(positive),
        "hhi": hhi(v for _, v in positive),
        "top_supplier": positive[0][0] if positive else "",
        "top_value": positive[0][1] if positive else None,
        "top_share": positive[0][1] / supplier_value if positive else None,
        "cr3": math.fsum(v for _, v in positive[:3]) / supplier_value if positive else None,
        "extra_eu_share": None,
        "extra_eu_hhi": None,
    }
    row["class"] = letter_class(row["hhi"])
    if reporter_is_eu and supplier_value > 0:
        extra = [v for c, v in positive if not COUNTRIES.get(c, False)]
        row["extra_eu_share"] = math.fsum(extra) / supplier_value
        row["extra_eu_hhi"] = hhi(extra)
    return row


def read_comtrade(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def comtrade_groups(rows, level=None):
    """(reporter, year, product) -> [(role, country, value)], product codes cut to `level` digits when given
    (codes shorter than the level are left out)."""
    groups = defaultdict(list)
    for row in rows:
        code = row["cmdCode"].strip()
        if level is not None:
            if len(code) < level:
                continue
            code = code[:level]
        role, country = partner_role(row["partnerISO"])
        groups[(row["reporterISO"].strip().upper(), int(row["refYear"]), code)].append(
            (role, country, float(row["primaryValue_usd"])))
    return groups


def concentration_rows(groups):
    return [
        dict(reporter=r, year=y, product=p, **measures(groups[(r, y, p)], COUNTRIES.get(r, False)))
        for (r, y, p) in sorted(groups)
    ]


COLUMNS = ["reporter", "year", "product", "total_value", "supplier_value", "unallocated_value", "suppliers", "hhi",
           "top_supplier", "top_value", "top_share", "cr3", "extra_eu_share", "extra_eu_hhi", "class"]


def cell(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_csv(name, columns, rows):
    """A CSV of the rows; gzip-compressed when the name ends in .gz (mtime 0, so reruns give the same bytes)."""
    path = os.path.join(FIXTURES, name)
    lines = [",".join(columns)] + [",".join(cell(row[c]) for c in columns) for row in rows]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(path, "wb") as handle:
        if name.endswith(".gz"):
            with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=handle, mtime=0) as packed:
                packed.write(data)
        else:
            handle.write(data)
    print(f"wrote {os.path.relpath(path, ROOT)}: {len(rows)} rows, {os.path.getsize(path)} bytes")


def band_margin(rows):
    """The smallest distance of any HHI to a band edge, to show the classes are not a rounding matter."""
    distances = [(abs(r["hhi"] - edge), r["reporter"], r["year"], r["product"], r["hhi"])
                 for r in rows if r["hhi"] is not None for edge in BANDS]
    return min(distances)


def drill(rows):
    """ConcentrationDrill on rows of several levels: (year, parent, child) where child HHI > parent HHI + tol."""
    found, closest = [], None
    by_year = defaultdict(list)
    for row in rows:
        if row["hhi"] is not None:
            by_year[(row["reporter"], row["year"])].append(row)
    for (reporter, year), group in sorted(by_year.items()):
        for parent in group:
            for child in group:
                code, parent_code = child["product"], parent["product"]
                if len(code) <= len(parent_code) or not code.startswith(parent_code):
                    continue
                difference = child["hhi"] - parent["hhi"]
                if difference != 0 and (closest is None or abs(difference) < closest[0]):
                    closest = (abs(difference), year, parent_code, code)
                if difference > DRILL_TOLERANCE:
                    found.append(dict(reporter=reporter, year=year, parent=parent_code, child=code,
                                      parent_hhi=parent["hhi"], child_hhi=child["hhi"]))
    found.sort(key=lambda d: (d["reporter"], d["year"], d["parent"], len(d["child"]), d["child"]))
    return found, closest


def world_rows():
    """World-export concentration per HS4 product over exporting countries (exporter totals, partner W00)."""
    with open(WORLD_FILE, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    groups = defaultdict(list)
    for row in rows:
        role, country = partner_role(row["reporter_iso"])
        groups[("W00", 2017, row["product_code"].strip())].append((role, country, float(row["export_value_usd"])))
    return len(rows), concentration_rows(groups)


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    print(f"python {sys.version.split()[0]}, standard library only")

    nld = read_comtrade(NLD_FILE)
    nld_rows = concentration_rows(comtrade_groups(nld))
    print(f"NLD: {len(nld)} input rows -> {len(nld_rows)} (year, product) rows; closest HHI to a band edge: {band_margin(nld_rows)}")
    write_csv("nld_wood_paper_furniture_concentration.csv", COLUMNS, nld_rows)

    eu = read_comtrade(EU_FILE)
    eu_rows = concentration_rows(comtrade_groups(eu))
    print(f"EU27: {len(eu)} input rows -> {len(eu_rows)} (reporter, year, product) rows; closest to a band edge: {band_margin(eu_rows)}")
    write_csv("eu27_wood_paper_furniture_concentration.csv.gz", COLUMNS, eu_rows)

    chapters = concentration_rows(comtrade_groups(nld, level=2))
    print(f"NLD HS2: {len(chapters)} rows; closest to a band edge: {band_margin(chapters)}")
    write_csv("nld_wood_paper_furniture_hs2.csv", COLUMNS, chapters)

    levels = [row for level in (2, 4, 6) for row in concentration_rows(comtrade_groups(nld, level=level))]
    drilled, closest = drill(levels)
    print(f"NLD drill levels 2,4,6: {len(levels)} rows, {len(drilled)} (parent, child) pairs more concentrated; "
          f"closest non-zero |HHI(child) - HHI(parent)|: {closest}")
    write_csv("nld_wood_paper_furniture_drill.csv", ["reporter", "year", "parent", "child", "parent_hhi", "child_hhi"], drilled)

    count, world = world_rows()
    print(f"world HS4 2017: {count} input rows -> {len(world)} products; closest to a band edge: {band_margin(world)}")
    write_csv("world_exports_hs4_2017_concentration.csv",
              ["product", "total_value", "suppliers", "hhi", "top_supplier", "top_value", "top_share", "cr3", "class"], world)
    for product in ("2709", "1001", "1005", "2701"):
        row = next(r for r in world if r["product"] == product)
        print(f"  {product}: HHI {row['hhi']!r} {row['class']}, top {row['top_supplier']} {row['top_share']!r}, "
              f"{row['suppliers']} exporters")


if __name__ == "__main__":
    main()
