"""Independent check of the HS 2017 <-> HS 2022 bridge (Sources/ChainRiskCore/HSEditionBridge*.swift).

Reads the source concordance and Comtrade's code lists in ../shared/data directly (not the bundled CSV files),
applies the bridge's documented rules and prints the values Tests/ChainRiskCoreTests/HSEditionBridgeTests.swift
expects. Standard library only; every sum is math.fsum.

    python3 scripts/expected/hs_bridge_expected.py

Rules (from the doc comments, not from the Swift code):
- 6-digit codes follow hs6_hs5.csv (HS5 = HS 2017, HS6 = HS 2022): one target = relabel, several = split.
- A 2- or 4-digit code P keeps its number in the other edition when no pair crosses it (a pair whose source or
  target starts with P and whose source and target differ in their first len(P) digits) and no HS 2017 subheading
  missing from the concordance starts with P; otherwise, and for codes the table does not know, the flow stays in
  its own edition.
- A split gives each target value * share; the largest share (first on ties) takes value minus the other parts.
"""
import collections
import csv
import math
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def read(path):
    with open(DATA / path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


pairs = {(r["HS5_6d"], r["HS6_6d"]) for r in read("concordance_insongkim/hs6_hs5.csv")}
forward, backward = collections.defaultdict(set), collections.defaultdict(set)
for s, t in pairs:
    forward[s].add(t)
    backward[t].add(s)
h5 = {r["id"] for r in read("comtrade_comtradr/ref_hs2017_H5.csv") if r["aggrlevel"] == "6"}
unmatched = sorted(h5 - set(forward))
print("pairs", len(pairs), "hs2017 codes", len(forward), "hs2022 codes", len(backward))
print("1:n hs2017 codes", sum(len(v) > 1 for v in forward.values()),
      "n:1 hs2022 codes", sum(len(v) > 1 for v in backward.values()),
      "largest split", max((len(v), k) for k, v in forward.items()))
print("unmatched", len(unmatched), unmatched)

crossed = set()
for s, t in pairs:
    for n in (2, 4):
        if s[:n] != t[:n]:
            crossed |= {s[:n], t[:n]}
for code in unmatched:
    crossed |= {code[:2], code[:4]}
known = {"HS2017": set(forward) | set(unmatched), "HS2022": set(backward)}
print("changed headings", len([p for p in crossed if len(p) == 4]), "chapters", sorted(p for p in crossed if len(p) == 2))


def mapping(code, source):
    """('code', c) | ('split', [c...]) | ('keep', reason)."""
    if code == "TOTAL":
        return ("code", code)
    if len(code) == 6:
        found = sorted(forward[code] if source == "HS2017" else backward[code])
        if not found:
            return ("keep", "unknown")
        return ("code", found[0]) if len(found) == 1 else ("split", found)
    if len(code) in (2, 4) and any(c.startswith(code) for c in known[source]):
        return ("keep", "changed") if code in crossed else ("code", code)
    return ("keep", "unknown")


def allocate(total, shares):
    parts = [total * s for s in shares]
    big = max(range(len(shares)), key=lambda i: (shares[i], -i))
    parts[big] = total - math.fsum(p for i, p in enumerate(parts) if i != big)
    return parts


def convert(flows, target, weights=None):
    """flows: (edition, code, value, qty) -> converted list and finding kinds per source code."""
    out, kinds = [], {}
    for edition, code, value, qty in flows:
        if edition == target:
            out.append((edition, code, value, qty))
            continue
        kind, what = mapping(code, edition)
        if kind == "code":
            out.append((target, what, value, qty))
            if what != code:
                kinds[(edition, code)] = "mapped_code"
        elif kind == "split":
            if weights and all(weights.get(c, -1) >= 0 for c in what) and math.fsum(weights[c] for c in what) > 0:
                total = math.fsum(weights[c] for c in what)
                shares = [weights[c] / total for c in what]
            else:
                shares = [1 / len(what)] * len(what)
            for c, v, q in zip(what, allocate(value, shares), allocate(qty, shares)):
                out.append((target, c, v, q))
            kinds[(edition, code)] = "split_code"
        else:
            out.append((edition, code, value, qty))
            kinds[(edition, code)] = "unknown_code" if what == "unknown" else "unconverted_code"
    return out, kinds


def totals(flows):
    groups = collections.defaultdict(list)
    for edition, code, value, qty in flows:
        groups[(edition, code)].append((value, qty))
    return {k: (len(v), math.fsum(x for x, _ in v), math.fsum(q for _, q in v)) for k, v in sorted(groups.items())}


rows = read("comtrade_comtradr/eu27_imports_from_world_full_api_columns_2018_2022.csv")
editions = {"H5": "HS2017", "H6": "HS2022"}
flows = [(editions[r["classification_code"]], r["cmd_code"], float(r["primary_value"]), float(r["qty"] or 0)) for r in rows]
print("\nEU27 world imports", len(flows), "flows, value", repr(math.fsum(f[2] for f in flows)))
for target in ("HS2022", "HS2017"):
    out, kinds = convert(flows, target)
    print(f"to {target}: {len(out)} flows, value {math.fsum(f[2] for f in out)!r}, findings",
          sorted(collections.Counter(kinds.values()).items()), sorted(k for k in kinds))
    kept = {k: v for k, v in totals(out).items() if k[0] != target}
    print("  kept in the other edition:", kept)
    for key in [(target, "4401"), (target, "49"), (target, "940390"), (target, "940391"), (target, "470693")]:
        if key in totals(out):
            print("  ", key, totals(out)[key])

weights = collections.defaultdict(list)
for edition, code, value, _ in flows:
    if edition == "HS2022" and len(code) == 6:
        weights[code].append(value)
print("\nweights from the HS2022 rows:", {c: repr(math.fsum(v)) for c, v in sorted(weights.items())})

# 440140 (HS2017, fuel wood in chips) does not occur at 6 digits in the shared extracts: the 2018 rows of heading 4401
# (27 reporters, real values and quantities) stand in for it.
stand_in = [("HS2017", "440140", v, q) for (e, c, v, q), r in zip(flows, rows) if c == "4401" and r["ref_year"] == "2018"]
print("\n440140 stand-in:", len(stand_in), "flows, value", repr(math.fsum(f[2] for f in stand_in)),
      "qty", repr(math.fsum(f[3] for f in stand_in)), "AUT", stand_in[0][2:])
for label, w in (("equal", None), ("weights 1:3", {"440141": 1.0, "440149": 3.0})):
    out, _ = convert(stand_in, "HS2022", w)
    print(" ", label, {k: (n, repr(v), repr(q)) for k, (n, v, q) in totals(out).items()}, "AUT parts", out[:2])
    back, kinds = convert(out, "HS2017")
    print("   round trip", {k: (n, repr(v), repr(q)) for k, (n, v, q) in totals(back).items()}, sorted(kinds.items()))
