#!/usr/bin/env python3
"""Writes the Comtrade area codes that `chainrisk fetch comtrade` asks for, from UN Comtrade's own reference lists.

Input: ../shared/data/comtrade_comtradr/ref_reporters.csv and ref_partners.csv (UN Comtrade's reporter and partner
area lists, as published by the Comtrade API and bundled with the comtradr R package; see that folder's SOURCES.md).
Output: Sources/ChainRiskSources/Resources/comtrade_{reporters,partners}.csv with columns
code,iso3,entry_year,exit_year (empty exit_year: still in use), sorted by iso3 then code. Areas without an ISO3 code
are left out (regional groups the fetch command does not name). Run from the package root; the output is
deterministic.
"""
import csv
import pathlib

source = pathlib.Path("../shared/data/comtrade_comtradr")
target = pathlib.Path("Sources/ChainRiskSources/Resources")

for kind in ("reporters", "partners"):
    rows = []
    with open(source / f"ref_{kind}.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            iso3 = (row["iso_3"] or "").strip()
            if not iso3 or len(iso3) != 3 or not iso3.isalnum():
                continue
            rows.append((iso3, int(row["id"]), row["entry_year"].strip(), row["exit_year"].strip()))
    rows.sort()
    with open(target / f"comtrade_{kind}.csv", "w", newline="", encoding="utf-8") as handle:
        handle.write("code,iso3,entry_year,exit_year\n")
        for iso3, code, entry, exit_year in rows:
            handle.write(f"{code},{iso3},{entry},{exit_year}\n")
    print(kind, len(rows))
