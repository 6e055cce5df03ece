#!/usr/bin/env python3
"""Derives the simulation's bundled resources from the shared data (rerun to check them).

Writes into Sources/ChainRiskIngest/BuiltIn/simulation/:
  hs6_wiod35.csv            HS 6-digit (HS 2022 and HS 2017 codes) -> ISIC Rev.3 division -> WIOD 2013 industry c1..c35
  inventory_days_wiod35.csv days of inputs held per WIOD industry, the unweighted mean of Pichler et al.'s desired
                            stock (days) over the NACE 64 industries listed for it
  criticality_wiod35.csv    how strictly each input sector constrains each using industry (1 critical, 0.5
                            important, 0 not), IHS Markit's NACE 64 ratings aggregated to WIOD industries with the
                            Belgian 2015 NACE 64 flows as weights

Usage: python3 scripts/derive_simulation_resources.py [../shared/data]
"""
import csv
import os
import sys

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data")
OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "ChainRiskIngest", "BuiltIn", "simulation")

# ISIC Rev.3 divisions equal NACE Rev.1.1 divisions; WIOD 2013 industries are NACE Rev.1.1 groups
# (../shared/data/wiod2013/wiod2013_industries.csv).
ISIC_TO_WIOD = {}
for code, divisions in {
    "c1": "01 02 05", "c2": "10 11 12 13 14", "c3": "15 16", "c4": "17 18", "c5": "19", "c6": "20", "c7": "21 22",
    "c8": "23", "c9": "24", "c10": "25", "c11": "26", "c12": "27 28", "c13": "29", "c14": "30 31 32 33",
    "c15": "34 35", "c16": "36 37", "c17": "40 41", "c18": "45", "c19": "50", "c20": "51", "c21": "52", "c22": "55",
    "c23": "60", "c24": "61", "c25": "62", "c26": "63", "c27": "64", "c28": "65 66 67", "c29": "70",
    "c30": "71 72 73 74", "c31": "75", "c32": "80", "c33": "85", "c34": "90 91 92 93", "c35": "95",
}.items():
    for division in divisions.split():
        ISIC_TO_WIOD[division] = code

# NACE Rev.2 (NACE 64) industries averaged for each WIOD 2013 (NACE Rev.1.1) industry.
NACE64_FOR_WIOD = {
    "c1": "A01 A02 A03", "c2": "B05-09", "c3": "C10-12", "c4": "C13-15", "c5": "C13-15", "c6": "C16",
    "c7": "C17 C18", "c8": "C19", "c9": "C20 C21", "c10": "C22", "c11": "C23", "c12": "C24 C25", "c13": "C28",
    "c14": "C26 C27", "c15": "C29 C30", "c16": "C31-32", "c17": "D35 E36", "c18": "F41-43", "c19": "G45",
    "c20": "G46", "c21": "G47", "c22": "I55-56", "c23": "H49", "c24": "H50", "c25": "H51", "c26": "H52 N79",
    "c27": "H53 J61", "c28": "K64 K65 K66", "c29": "L68",
    "c30": "N77 J62-63 M69-70 M71 M72 M73 M74-75 N78 N80-82", "c31": "O84", "c32": "P85", "c33": "Q86 Q87-88",
    "c34": "E37-39 J58 J59-60 R90-92 R93 S94 S95 S96", "c35": "T97-98",
}


def hs_rows():
    mapping = {}
    for name, key in (("hs6_isic3.csv", "HS6_6d"), ("hs5_isic3.csv", "HS5_6d")):
        with open(os.path.join(DATA, "concordance_insongkim", name), newline="") as handle:
            for row in csv.DictReader(handle):
                division = row["ISIC3_2d"]
                if division and row[key] not in mapping and division in ISIC_TO_WIOD:
                    mapping[row[key]] = (division, ISIC_TO_WIOD[division])
    return sorted(mapping.items())


def inventory_rows():
    with open(os.path.join(DATA, "io_be_pichler", "desired_stock_NACE64.csv"), newline="") as handle:
        days = {row["economic_activity"]: float(row["Desired stock (days)"]) for row in csv.DictReader(handle)}
    rows = []
    for index in range(1, 36):
        code = f"c{index}"
        sources = NACE64_FOR_WIOD[code].split()
        rows.append((code, " ".join(sources), round(sum(days[s] for s in sources) / len(sources), 4)))
    return rows


def criticality_rows():
    """IHS Markit's rating of input i for user k (NACE 64, rows inputs, columns users), aggregated to WIOD blocks.

    The weight of input sector s for user j is the flow-weighted mean of the ratings over the NACE 64 pairs (i in s,
    k in j), weighted by the Belgian 2015 flows Z[i, k] (Pichler et al.'s companion table); a block without Belgian
    flows takes the unweighted mean. A NACE 64 industry listed for two WIOD industries (C13-15 for c4 and c5) counts
    in both.
    """
    def matrix(name):
        with open(os.path.join(DATA, "io_be_pichler", name), newline="") as handle:
            rows = list(csv.reader(handle))
        columns = rows[0][1:]
        return {row[0]: {column: float(value or 0) for column, value in zip(columns, row[1:])} for row in rows[1:]}

    rating, flows = matrix("IHS_critical_NACE64.csv"), matrix("IO_BE_NACE64.csv")
    rows = []
    for s in range(1, 36):
        inputs = NACE64_FOR_WIOD[f"c{s}"].split()
        for j in range(1, 36):
            users = NACE64_FOR_WIOD[f"c{j}"].split()
            pairs = [(i, k) for i in inputs for k in users]
            weight = sum(max(flows[i][k], 0) for i, k in pairs)
            if weight > 0:
                value = sum(rating[i][k] * max(flows[i][k], 0) for i, k in pairs) / weight
            else:
                value = sum(rating[i][k] for i, k in pairs) / len(pairs)
            rows.append((f"c{s}", f"c{j}", round(value, 4)))
    return rows


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "hs6_wiod35.csv"), "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["hs6", "isic3_division", "wiod_sector"])
        for code, (division, sector) in hs_rows():
            writer.writerow([code, division, sector])
    with open(os.path.join(OUT, "inventory_days_wiod35.csv"), "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["wiod_sector", "nace64_sources", "days"])
        for row in inventory_rows():
            writer.writerow(row)
    with open(os.path.join(OUT, "criticality_wiod35.csv"), "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["input_sector", "user_sector", "weight"])
        for row in criticality_rows():
            writer.writerow(row)


if __name__ == "__main__":
    main()
