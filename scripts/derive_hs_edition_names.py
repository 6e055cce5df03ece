#!/usr/bin/env python3
"""Derive the bundled names of HS 1992-2017 codes that HS 2022 names differently or lacks.

BACI is published in HS 1992 codes and UN Comtrade reports in the edition a country used (H0-H6); 1,111 HS 1992
codes no longer exist in HS 2022 and another 1,479 changed their scope and wording. The bundled HS 2022 tree names
the rest. This script reads the descriptions of the insongkim/concordance R package (data/hs0_desc.RData ...
hs5_desc.RData, MIT licence; derived from UN Statistics Division HS tables) from a checkout of that repository and
writes, per edition, only the codes whose text differs from the bundled hs2022.csv:

    Sources/ChainRiskCore/Resources/hs_editions/hs_edition_descriptions.csv   (edition,code,description)

Reading RData needs `pip install pyreadr polars` (a derivation step only; chainrisk never runs Python).

    git clone https://github.com/insongkim/concordance /tmp/concordance   # commit 201c812e51f2
    python3 scripts/derive_hs_edition_names.py /tmp/concordance
"""

import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "Sources/ChainRiskCore/Resources/hs_editions/hs_edition_descriptions.csv"
HS2022 = REPO / "Sources/ChainRiskCore/Resources/reference/hs2022.csv"
EDITIONS = {0: "1992", 1: "1996", 2: "2002", 3: "2007", 4: "2012", 5: "2017"}


def read_descriptions(checkout, number):
    import pyreadr  # imported here so that --help works without it

    path = Path(checkout) / "data" / f"hs{number}_desc.RData"
    frames = pyreadr.read_r(str(path), output_format="polars")
    (frame,) = frames.values()
    codes, texts = frame["code"].to_list(), frame["desc"].to_list()
    table = {}
    for code, text in zip(codes, texts):
        code, text = code.strip(), " ".join(text.split())
        if not (code.isdigit() and len(code) in (2, 4, 6)):
            # e.g. 9999AA "Commodities not specified according to kind", a Comtrade code, not an HS code
            print(f"{path.name}: skipped {code!r} ({text})")
            continue
        if table.setdefault(code, text) != text:
            raise SystemExit(f"{path.name}: {code} has two descriptions")
    return table


def main():
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        raise SystemExit(__doc__)
    with open(HS2022, encoding="utf-8", newline="") as handle:
        current = {row["code"]: row["description"] for row in csv.DictReader(handle)}
    rows = []
    for number, edition in EDITIONS.items():
        table = read_descriptions(sys.argv[1], number)
        changed = [(edition, code, text) for code, text in table.items() if current.get(code) != text]
        absent = sum(1 for code in table if code not in current)
        print(f"HS {edition}: {len(table)} codes, {len(changed)} named differently, {absent} absent from HS 2022")
        rows.extend(sorted(changed))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["edition", "code", "description"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
