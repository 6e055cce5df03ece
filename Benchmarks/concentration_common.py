"""Shared pieces of the import-concentration benchmark: the CEPII code mapping and the result comparison.

chainrisk maps BACI's CEPII country codes through its bundled reference tables; DuckDB and polars get the same
mapping, built here from the same files, so that all three compute on the same countries:

- reporter (importer j): the code's ISO3 (cepii_codes.csv exceptions over the ISO numeric codes of countries.csv),
  or '#<code>' when unknown — exactly the name chainrisk gives it;
- supplier (exporter i): that code's country (a special code's maps_to, e.g. S19 → TWN), or none when it is not
  a country: its value is unallocated (in the total, not in the shares).

Usage: concentration_common.py compare CHAINRISK.csv OTHER.csv [OTHER.csv …]   (needs polars)
"""
import csv
import os
import sys

REFERENCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "ChainRiskCore", "Resources", "reference")

# CEPII codes have three digits; chainrisk's code book covers 0…999.
CODE_LIMIT = 1000


def _read(name):
    with open(os.path.join(REFERENCE, name), newline="") as handle:
        return list(csv.DictReader(handle))


def cepii_mapping():
    """(code, reporter, supplier) for CEPII codes 0…999; supplier is None for partners that are not countries."""
    countries = _read("countries.csv")
    iso3s = {row["iso3"] for row in countries}
    by_numeric = {int(row["numeric"]): row["iso3"] for row in countries}
    exceptions = {int(row["cepii_code"]): row["iso3"] for row in _read("cepii_codes.csv")}
    maps_to = {row["code"]: (row["maps_to"] or None) for row in _read("special_areas.csv")}
    rows = []
    for code in range(CODE_LIMIT):
        iso3 = exceptions.get(code, by_numeric.get(code))
        if iso3 is None:
            rows.append((code, f"#{code}", None))
        else:
            rows.append((code, iso3, iso3 if iso3 in iso3s else maps_to.get(iso3)))
    return rows


def cepii_ranks():
    """The mapping with countries as integer ranks in code order (ties on value go to the lower rank):
    [(code, reporter rank, supplier rank or None)], reporter names, supplier names."""
    mapping = cepii_mapping()
    reporters = sorted({reporter for _, reporter, _ in mapping})
    suppliers = sorted({supplier for _, _, supplier in mapping if supplier is not None})
    reporter_rank = {name: rank for rank, name in enumerate(reporters)}
    supplier_rank = {name: rank for rank, name in enumerate(suppliers)}
    codes = [(code, reporter_rank[reporter], supplier_rank.get(supplier)) for code, reporter, supplier in mapping]
    return codes, reporters, suppliers


KEYS = ["reporter", "year", "product"]
COUNTS = ["suppliers", "suppressed_cells"]
SHARES = ["hhi", "top_supplier_share", "cr3"]
VALUES = ["total_value", "unallocated_value", "top_supplier_value", "effective_suppliers"]


def compare(reference_path, other_path, tolerance=1e-9):
    """Compares two result files row by row (same keys in the same order); returns a list of problems.

    Counts and the top supplier must be equal; HHI, top share and CR3 within `tolerance` absolute; values and the
    effective number of suppliers within `tolerance` relative.
    """
    import polars as pl

    schema = {"reporter": pl.Utf8, "product": pl.Utf8, "top_supplier": pl.Utf8}
    columns = KEYS + COUNTS + SHARES + VALUES + ["top_supplier"]
    reference = pl.read_csv(reference_path, schema_overrides=schema, columns=columns)
    other = pl.read_csv(other_path, schema_overrides=schema, columns=columns)
    problems = []
    if reference.height != other.height:
        problems.append(f"{reference.height} rows against {other.height}")
        return problems
    for key in KEYS:
        if not reference[key].equals(other[key]):
            problems.append(f"keys differ in column {key} (rows or their order)")
            return problems
    for column in COUNTS + ["top_supplier"]:
        left, right = reference[column], other[column]
        differing = ((left != right) | (left.is_null() != right.is_null())).fill_null(True).sum()
        if differing:
            problems.append(f"{column}: {differing} rows differ")
    for column in SHARES + VALUES:
        left, right = reference[column].cast(pl.Float64), other[column].cast(pl.Float64)
        if (left.is_null() != right.is_null()).sum():
            problems.append(f"{column}: empty in one file only")
            continue
        scale = 1.0 if column in SHARES else pl.max_horizontal(left.abs(), right.abs(), pl.lit(1.0))
        frame = pl.DataFrame({"left": left, "right": right})
        worst = frame.select(((pl.col("left") - pl.col("right")).abs() / scale).max()).item()
        if worst is not None and worst > tolerance:
            problems.append(f"{column}: differs by up to {worst:.3g}")
    return problems


def main():
    if len(sys.argv) < 4 or sys.argv[1] != "compare":
        sys.exit(__doc__)
    reference = sys.argv[2]
    failed = False
    for other in sys.argv[3:]:
        problems = compare(reference, other)
        name = os.path.basename(other)
        if problems:
            failed = True
            print(f"results differ: {name}: " + "; ".join(problems))
        else:
            print(f"results equal: {name} (same rows in the same order; HHI, shares within 1e-9, values within 1e-9 relative, same top suppliers)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
