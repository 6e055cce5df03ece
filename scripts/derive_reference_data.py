#!/usr/bin/env python3
"""Derive ChainRiskCore's bundled reference tables from the shared public data.

Reads ../shared/data (relative to the repository root, override with --data) and the hand-made tables in
scripts/, checks them against each other, and writes sorted UTF-8 CSV files with \\n line ends plus SOURCES.md
into Sources/ChainRiskCore/Resources/reference/. Running it twice gives the same bytes. Standard library only.

    python3 scripts/derive_reference_data.py [--data PATH] [--out PATH]
"""

import argparse
import collections
import csv
import io
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = REPO / "scripts"


class DataError(Exception):
    """A source file does not look the way this script expects."""


def check(condition, message):
    if not condition:
        raise DataError(message)


def read_csv(path, delimiter=","):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


class Writer:
    """Writes the resources and remembers row counts for SOURCES.md."""

    def __init__(self, out):
        self.out = out
        self.counts = {}

    def write(self, name, header, rows):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        (self.out / name).write_text(buffer.getvalue(), encoding="utf-8", newline="")
        self.counts[name] = len(rows)


# Countries and partner codes


def load_countries(data):
    """The current countries and territories of country_converter (obsolete rows dropped), keyed by ISO3."""
    rows = read_csv(data / "country_codes/country_converter_country_data.tsv", delimiter="\t")
    check(len(rows) == 256, f"country_converter: expected 256 rows, found {len(rows)}")
    names_nl = {r["iso3"]: r["name_nl"] for r in read_csv(SCRIPTS / "country_names_nl.csv")}
    countries = {}
    for row in rows:
        if row["obsolete"].strip():
            continue
        iso3 = row["ISO3"].strip()
        # Two ISO2 cells are regexes for alternative spellings: '^GR$|^EL$', '^GB$|^UK$'; the first is ISO.
        iso2 = row["ISO2"].split("|")[0].strip("^$ ")
        check(len(iso3) == 3 and len(iso2) == 2 and row["ISOnumeric"].isdigit(), f"bad codes for {iso3}")
        check(iso3 in names_nl, f"no Dutch name for {iso3} in scripts/country_names_nl.csv")
        countries[iso3] = {
            "iso3": iso3, "iso2": iso2, "numeric": row["ISOnumeric"], "name_en": row["name_short"].strip(),
            "name_nl": names_nl[iso3], "region": row["continent"].strip(), "eu27": "1" if row["EU27"].strip() else "0",
        }
    check(set(names_nl) == set(countries), f"Dutch names for unknown codes: {sorted(set(names_nl) - set(countries))}")
    check(len(set(names_nl.values())) == len(names_nl), "duplicate Dutch names")
    eu27 = sorted(c for c, r in countries.items() if r["eu27"] == "1")
    check(len(eu27) == 27 and "NLD" in eu27 and "GBR" not in eu27, f"EU27 is not the 27 members: {eu27}")
    for column in ("iso2", "numeric"):
        values = [r[column] for r in countries.values()]
        check(len(set(values)) == len(values), f"duplicate {column} among countries")
    return countries


def comtrade_code(iso3):
    """The code as UN Comtrade data writes it: trimmed; the reference list's 'World' is W00 in the data."""
    code = iso3.strip()
    return "W00" if code == "World" else code


def load_comtrade_areas(data):
    partners = read_csv(data / "country_codes/comtrade_partner_areas.csv")
    reporters = read_csv(data / "country_codes/comtrade_reporter_areas.csv")
    areas = {}
    for row in partners + reporters:
        code, iso3 = row["id"], comtrade_code(row["iso_3"])
        check(areas.get(code, (iso3,))[0] == iso3, f"Comtrade code {code} has two ISO3 codes")
        areas[code] = (iso3, row["country"].strip())
    return areas


def write_countries(writer, countries):
    header = ["iso3", "iso2", "numeric", "name_en", "name_nl", "region", "eu27"]
    writer.write("countries.csv", header, [[countries[c][h] for h in header] for c in sorted(countries)])


def write_special_areas(writer, countries, areas):
    kinds = {r["code"]: r for r in read_csv(SCRIPTS / "special_area_kinds.csv")}
    names = {}
    for number in sorted(areas, key=int):
        iso3, name = areas[number]
        if iso3 not in countries:
            names.setdefault(iso3, [])
            if name not in names[iso3]:
                names[iso3].append(name)
    check(set(kinds) == set(names), f"special_area_kinds.csv differs from Comtrade: {sorted(set(kinds) ^ set(names))}")
    rows = []
    for code in sorted(names):
        maps_to = kinds[code]["maps_to"]
        check(maps_to == "" or maps_to in countries, f"{code} maps to unknown {maps_to}")
        rows.append([code, kinds[code]["kind"], " / ".join(names[code]), maps_to])
    writer.write("special_areas.csv", ["code", "kind", "name_en", "maps_to"], rows)
    return set(names)


def write_comtrade_codes(writer, areas):
    rows = [[code, areas[code][0]] for code in sorted(areas, key=int)]
    writer.write("comtrade_codes.csv", ["code", "iso3"], rows)


def write_cepii_codes(writer, data, countries, special):
    rows = read_csv(SCRIPTS / "cepii_codes.csv")
    by_numeric = {r["numeric"]: iso3 for iso3, r in countries.items()}
    for row in rows:
        check(row["iso3"] in countries or row["iso3"] in special, f"CEPII {row['cepii_code']}: unknown {row['iso3']}")
        check(row["cepii_code"] not in by_numeric, f"CEPII {row['cepii_code']} is also an ISO numeric code")
    known = set(by_numeric) | {r["cepii_code"] for r in rows}
    for path in sorted((data / "baci_sample").glob("BACI_*.csv")):
        for row in read_csv(path):
            for column in ("i", "j"):
                check(row[column] in known, f"{path.name}: BACI code {row[column]} resolves to nothing")
    rows.sort(key=lambda r: int(r["cepii_code"]))
    writer.write("cepii_codes.csv", ["cepii_code", "iso3", "note"], [[r["cepii_code"], r["iso3"], r["note"]] for r in rows])


# CBS StatLine dimensions


def write_cbs(writer, data, countries):
    by_name = {r["name_nl"]: iso3 for iso3, r in countries.items()}
    noncountry = {r["key"]: r["kind"] for r in read_csv(SCRIPTS / "cbs_landen_noncountry.csv")}
    rows = []
    for row in read_csv(data / "cbs/85427NED_dim_Landen_subset.csv"):
        key, title = row["Key"].strip(), row["Title"].strip()
        if key in noncountry:
            rows.append([key, title, "", noncountry[key]])
        else:
            check(title in by_name, f"CBS Landen {key} '{title}' matches no name_nl")
            rows.append([key, title, by_name[title], "country"])
    writer.write("cbs_landen.csv", ["key", "title_nl", "iso3", "kind"], sorted(rows))

    rows = []
    for row in read_csv(data / "cbs/85427NED_dim_SITC.csv"):
        key, title = row["Key"].strip(), row["Title"].strip()
        if key.startswith("T"):
            code = "TOTAL"
        elif title == "Niet fysiek in Nederland":
            code = "NPNL"
        else:
            code = title.split(" ")[0]
            check(code.isdigit() and len(code) == 1, f"CBS SITC {key} '{title}' has no section digit")
        rows.append([key, title, code])
    writer.write("cbs_sitc.csv", ["key", "title_nl", "sitc_code"], sorted(rows))


# Classifications


def write_hs2022(writer, data):
    sections = read_csv(data / "hs_codes/datasets_hs_sections.csv")
    check(len(sections) == 21, "expected 21 HS sections")
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
             "XVII", "XVIII", "XIX", "XX", "XXI"]
    sections.sort(key=lambda r: roman.index(r["section"]))
    writer.write("hs_sections.csv", ["section", "name"], [[r["section"], r["name"].strip()] for r in sections])

    rows = read_csv(data / "hs_codes/datasets_harmonized-system.csv")
    check(len(rows) == 6940, f"harmonized-system: expected 6,940 rows, found {len(rows)}")
    codes = {r["hscode"] for r in rows}
    out = []
    for row in rows:
        code = row["hscode"]
        if code == "TOTAL":
            # The source gives the total row level 5, section TOTAL and itself as parent.
            out.append(["TOTAL", "", "0", "", row["description"].strip()])
            continue
        check(len(code) == int(row["level"]) and row["parent"] in codes, f"HS {code}: bad level or parent")
        # Chapter 99 (commodities not specified) belongs to no section; the source writes section TOTAL.
        section = row["section"] if row["section"] in roman else ""
        check(section or code.startswith("99"), f"HS {code}: unknown section {row['section']}")
        out.append([code, row["parent"], row["level"], section, row["description"].strip()])
    writer.write("hs2022.csv", ["code", "parent", "level", "section", "description"], sorted(out))


def padded_parent(code, real):
    """The real code a zero-padded concordance code stands for: '00150' -> '0015', '03700' -> '037', '700' -> '7'."""
    for length in range(len(code) - 1, 0, -1):
        prefix = code[:length]
        if prefix in real and code[length:] == "0" * (len(code) - length):
            return prefix
    return None


def hierarchy_rows(real, padded, descriptions, name):
    """Rows code,parent,level,description: the real codes (parent = code minus one digit, TOTAL on top) plus the
    zero-padded codes the concordances use, each a child of the real code it pads."""
    rows = [["TOTAL", "", "0", descriptions["TOTAL"]]]
    for code in sorted(real):
        parent = code[:-1] if len(code) > 1 else "TOTAL"
        check(parent in real or parent == "TOTAL", f"{name} {code}: parent {parent} missing")
        rows.append([code, parent, str(len(code)), descriptions[code]])
    for code in sorted(padded - real):
        parent = padded_parent(code, real)
        check(parent is not None, f"{name} {code}: not a real code and not a zero-padded one")
        rows.append([code, parent, str(len(code)), descriptions[code]])
    return sorted(rows)


def concordance_codes(data, files, column):
    codes = set()
    for name in files:
        codes |= {r[column] for r in read_csv(data / f"concordance_insongkim/{name}.csv") if r[column]}
    return codes


def write_sitc4(writer, data):
    comtrade = read_csv(data / "comtrade_comtradr/ref_sitc4_S4.csv")
    # Comtrade's 'X' codes (0011X, 00XX ...) are 'Memorandum Item' placeholders, not SITC codes.
    real = {r["id"] for r in comtrade if "X" not in r["id"] and r["id"] != "TOTAL"}
    descriptions = {r["code"]: r["desc"].strip() for r in read_csv(data / "concordance_insongkim/sitc4_desc.csv")}
    check(real <= set(descriptions), "SITC4 codes without description")
    descriptions["TOTAL"] = "Total of all SITC Rev.4 commodities"
    subgroups = {c for c in real if len(c) == 4 and not any(d.startswith(c) for d in real if len(d) == 5)}
    padded = {c + "0" for c in subgroups} | concordance_codes(data, ["hs6_sitc4", "hs5_sitc4", "sitc4_bec4"], "SITC4_5d")
    writer.write("sitc4.csv", ["code", "parent", "level", "description"],
                 hierarchy_rows(real, padded, descriptions, "SITC4"))
    return len(subgroups)


def write_bec4(writer, data):
    comtrade = read_csv(data / "comtrade_comtradr/ref_bec4_B4.csv")
    real = {r["id"] for r in comtrade if r["id"] != "TOTAL"}
    descriptions = {r["code"]: r["desc"].strip() for r in read_csv(data / "concordance_insongkim/bec4_desc.csv")}
    check(real <= set(descriptions), "BEC4 codes without description")
    descriptions["TOTAL"] = "Total of all BEC Rev.4 categories"
    padded = concordance_codes(data, ["hs6_bec4", "hs5_bec4", "sitc4_bec4"], "BEC4_3d")
    writer.write("bec4.csv", ["code", "parent", "level", "description"], hierarchy_rows(real, padded, descriptions, "BEC4"))


CORRESPONDENCES = [
    ("hs2022_sitc4.csv", "hs6_sitc4", "HS6_6d", "SITC4_5d"),
    ("hs2017_sitc4.csv", "hs5_sitc4", "HS5_6d", "SITC4_5d"),
    ("hs2022_bec4.csv", "hs6_bec4", "HS6_6d", "BEC4_3d"),
    ("hs2017_bec4.csv", "hs5_bec4", "HS5_6d", "BEC4_3d"),
    ("sitc4_bec4.csv", "sitc4_bec4", "SITC4_5d", "BEC4_3d"),
    # HS 2017 -> HS 2022: the file is named hs6_hs5 (one HS 2017 code per HS 2022 code); read the other way round.
    ("hs2017_hs2022.csv", "hs6_hs5", "HS5_6d", "HS6_6d"),
]


def write_correspondences(writer, data):
    dropped = {}
    for name, source_file, source, target in CORRESPONDENCES:
        rows = read_csv(data / f"concordance_insongkim/{source_file}.csv")
        pairs = {(r[source], r[target]) for r in rows if r[source] and r[target]}
        dropped[name] = sorted(f"{r[source] or '(empty)'}->{r[target] or '(empty)'}"
                               for r in rows if not (r[source] and r[target]))
        writer.write(name, ["source", "target"], sorted(pairs))
    return dropped


def write_hs_edition_gaps(writer, data):
    """hs2017_hs2022_unmatched.csv: the HS 2017 subheadings of Comtrade's H5 list that hs6_hs5 does not name.

    hs6_hs5 gives each HS 2022 subheading one HS 2017 subheading, so where HS 2022 merged several HS 2017
    subheadings into one (620112 and 620192 into 620130) all but one of them are missing. The bridge must know them
    to refuse comparing their headings and chapters across editions. Returns the pair statistics for SOURCES.md."""
    rows = read_csv(data / "concordance_insongkim/hs6_hs5.csv")
    pairs = {(r["HS5_6d"], r["HS6_6d"]) for r in rows}
    for source, target in pairs:
        check(len(source) == 6 and source.isdigit() and len(target) == 6 and target.isdigit(),
              f"hs6_hs5: {source} -> {target} is not a pair of 6-digit codes")
    for row in rows:
        check(row["HS5_6d"][:4] == row["HS5_4d"] and row["HS6_6d"][:4] == row["HS6_4d"],
              f"hs6_hs5: the 4-digit columns of {row['HS6_6d']} are not truncations")
    hs2022 = {r["id"] for r in read_csv(data / "comtrade_comtradr/ref_hs2022_H6.csv") if r["aggrlevel"] == "6"}
    hs2017 = {r["id"] for r in read_csv(data / "comtrade_comtradr/ref_hs2017_H5.csv") if r["aggrlevel"] == "6"}
    sources = {s for s, _ in pairs}
    targets = {t for _, t in pairs}
    check(targets == hs2022, f"hs6_hs5 and Comtrade's H6 list differ: {sorted(targets ^ hs2022)[:10]}")
    check(sources <= hs2017, f"hs6_hs5 names HS 2017 codes outside Comtrade's H5 list: {sorted(sources - hs2017)[:10]}")
    unmatched = sorted(hs2017 - sources)
    writer.write("hs2017_hs2022_unmatched.csv", ["source"], [[code] for code in unmatched])
    split = sum(1 for n in collections.Counter(s for s, _ in pairs).values() if n > 1)
    merged = sum(1 for n in collections.Counter(t for _, t in pairs).values() if n > 1)
    return {"@HS_PAIRS@": f"{len(pairs):,}", "@HS_SOURCES@": f"{len(sources):,}", "@HS_SPLIT@": str(split),
            "@HS_MERGED@": str(merged), "@HS_UNMATCHED@": str(len(unmatched)), "@HS2017_CODES@": f"{len(hs2017):,}",
            "@HS_UNMATCHED_LIST@": ", ".join(unmatched)}


# SOURCES.md


def sources_markdown(counts, out, dropped, unsplit_subgroups, hs_editions):
    """SOURCES.md: scripts/reference_sources.md.in with the file table and the correspondence notes filled in."""
    table = ["| file | rows | bytes |", "|---|---:|---:|"]
    table += [f"| {name} | {counts[name]:,} | {(out / name).stat().st_size:,} |" for name in sorted(counts)]
    notes = []
    for name, source_file, source, target in CORRESPONDENCES:
        note = f"; dropped rows with an empty code: {', '.join(dropped[name])}" if dropped[name] else ""
        notes.append(f"- `{name}`: `{source_file}.csv`, {source} -> {target}{note}.")
    text = (SCRIPTS / "reference_sources.md.in").read_text(encoding="utf-8")
    for marker, value in (("@TABLE@", "\n".join(table)), ("@CORRESPONDENCES@", "\n".join(notes)),
                          ("@UNSPLIT@", str(unsplit_subgroups)), *hs_editions.items()):
        check(marker in text, f"reference_sources.md.in lacks {marker}")
        text = text.replace(marker, value)
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / ".." / "shared" / "data")
    parser.add_argument("--out", type=Path, default=REPO / "Sources/ChainRiskCore/Resources/reference")
    args = parser.parse_args()
    data = args.data.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    writer = Writer(args.out)
    try:
        countries = load_countries(data)
        areas = load_comtrade_areas(data)
        write_countries(writer, countries)
        special = write_special_areas(writer, countries, areas)
        write_comtrade_codes(writer, areas)
        write_cepii_codes(writer, data, countries, special)
        write_cbs(writer, data, countries)
        write_hs2022(writer, data)
        unsplit = write_sitc4(writer, data)
        write_bec4(writer, data)
        dropped = write_correspondences(writer, data)
        hs_editions = write_hs_edition_gaps(writer, data)
    except (DataError, OSError, KeyError) as error:
        print(f"derive_reference_data: {error}", file=sys.stderr)
        return 1
    text = sources_markdown(writer.counts, args.out, dropped, unsplit, hs_editions)
    (args.out / "SOURCES.md").write_text(text, encoding="utf-8", newline="")
    for name in sorted(writer.counts):
        print(f"{name}: {writer.counts[name]} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
