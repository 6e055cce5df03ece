#!/usr/bin/env python3
"""Seed corpora for the libFuzzer targets in Fuzz/, from the real samples and the bad-input corpus.

Each seed is the target's selector byte followed by a file (see the target's source for what the byte picks):
the head of each real sample (at most 60 lines) and every file of Tests/ChainRiskCLITests/BadInput of the family,
so that fuzzing starts from valid files and from the defects already known.

Usage: fuzz_seeds.py DATA_DIR OUT_DIR     (writes OUT_DIR/<target>/seed-*)
"""
import gzip
import os
import sys

data, out = sys.argv[1], sys.argv[2]
corpus = os.path.join(os.path.dirname(__file__), "..", "Tests", "ChainRiskCLITests", "BadInput")
LIMIT = 60_000


def head(path, lines=60):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as handle:
        chunk = b"".join(line for _, line in zip(range(lines), handle))
    return chunk[:LIMIT]


def raw(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as handle:
        return handle.read(LIMIT)


seeds = {"fuzz-trade-files": [], "fuzz-json-files": [], "fuzz-input-output-tables": [], "fuzz-scenario-files": []}
trade = seeds["fuzz-trade-files"]
trade.append(b"\x00" + head(f"{data}/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"))
trade.append(b"\x00" + head(f"{data}/comtrade_comtradr/eu27_imports_from_world_full_api_columns_2018_2022.csv"))
for name in sorted(os.listdir(f"{data}/baci_sample")):
    if name.endswith(".csv"):
        trade.append(b"\x01" + head(f"{data}/baci_sample/{name}"))
        trade.append(b"\x05" + head(f"{data}/baci_sample/{name}"))
selectors = {"ct_": b"\x00", "ctapi_": b"\x00", "baci_": b"\x01", "comext_": b"\x02", "canon_": b"\x03", "good_": b"\x00"}
json_selectors = {"ctjson_": b"\x00", "cbs_": b"\x01"}
seeds["fuzz-json-files"].append(b"\x00" + raw(f"{data}/comtrade_comtradr/api_response_sample_chn_imports_2010.json"))
seeds["fuzz-json-files"].append(b"\x01" + raw(f"{data}/cbs/85427NED_TypedDataSet_excerpt.json"))
io_parts = {}
for name in sorted(os.listdir(corpus)):
    path = os.path.join(corpus, name)
    # Gzip files are left out: the targets read bytes in memory, where gzip is refused before any reader runs.
    if name == "manifest.csv" or name.endswith(".gz") or not os.path.isfile(path):
        continue
    with open(path, "rb") as handle:
        body = handle.read(LIMIT)
    for prefix, selector in json_selectors.items():
        if name.startswith(prefix) and name.endswith(".json"):
            seeds["fuzz-json-files"].append(selector + body)
    for prefix, selector in selectors.items():
        if name.startswith(prefix):
            trade.append(selector + body)
    if name.startswith("cbs_") and name.endswith(".csv"):
        trade.append(b"\x04" + body)
    if name.startswith("scen_"):
        seeds["fuzz-scenario-files"].append(b"\x00" + body)
    if name.startswith("events_"):
        seeds["fuzz-scenario-files"].append(b"\x01" + body)
    if name.startswith("io_"):
        io_parts[name] = body
good = [io_parts.get(n) for n in ("io_good_Y.csv", "io_good_x.csv")]
for name, body in io_parts.items():
    if name.endswith("_Z.csv") and all(good):
        seeds["fuzz-input-output-tables"].append(b"\x00" + body + b"\n----\n" + good[0] + b"\n----\n" + good[1])

for target, items in seeds.items():
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    for index, item in enumerate(items):
        with open(os.path.join(folder, f"seed-{index:03d}"), "wb") as handle:
            handle.write(item[:LIMIT])
    print(f"{target}: {len(items)} seeds")
