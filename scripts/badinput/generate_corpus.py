#!/usr/bin/env python3
"""Generates the bad-input corpus for chainrisk's readers: Tests/ChainRiskCLITests/BadInput/.

Every corpus file is a small real sample from ../shared/data (beside the checkout) with one defect put in on
purpose. manifest.csv lists, per file, the chainrisk arguments, the exit code a correct program must give and a
fragment its standard error must contain (usually `file:line:column:` of the defect, computed here from the
bytes written, not copied from any program's output).

Placeholders in `arguments` (space-separated, no shell quoting): `{file}` is the corpus file's path, `{dir}` the
corpus folder (for companion files such as a good final-demand table).

Deterministic: no randomness, gzip with mtime 0, files written in a fixed order; the folder is emptied first.
Python 3 standard library only. Usage: python3 scripts/badinput/generate_corpus.py [--out DIR] [--data DIR]
"""

import argparse
import csv
import gzip
import io
import json
import os
import re
import shutil
import sys
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_DATA = os.path.normpath(os.path.join(REPO, "..", "shared", "data"))
DEFAULT_OUT = os.path.join(REPO, "Tests", "ChainRiskCLITests", "BadInput")
MAX_BYTES = 64 * 1024

# --------------------------------------------------------------------------------------------------------------
# Helpers: locations are 1-based lines and 1-based byte columns, as chainrisk reports them (`file:line:col:`).


def gz(data):
    """Deterministic gzip: mtime 0, no file name, level 9."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def field_starts(line, sep=b","):
    """Byte offsets at which each field of one CSV line starts (the opening quote of a quoted field)."""
    starts = [0]
    in_quotes = False
    for i in range(len(line)):
        c = line[i:i + 1]
        if c == b'"':
            in_quotes = not in_quotes
        elif c == sep and not in_quotes:
            starts.append(i + 1)
    return starts


def col(line, index, sep=b","):
    """1-based column of field `index` of a CSV line (bytes)."""
    return field_starts(line, sep)[index] + 1


def loc_of(data, offset):
    """(line, column) of byte `offset` in `data`; a CR LF or a lone LF ends a line."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    last = before.rfind(b"\n")
    return line, offset - last


def loc_of_marker(data, marker, occurrence=0):
    """(line, column) of the first byte of the `occurrence`-th `marker` in `data`."""
    start = -1
    for _ in range(occurrence + 1):
        start = data.find(marker, start + 1)
        if start < 0:
            raise ValueError("marker %r not found" % marker)
    return loc_of(data, start)


def end_loc(data):
    """(line, column) just past the last byte: where a truncated document stops."""
    return loc_of(data, len(data))


def join(lines, eol=b"\n", final=True):
    return eol.join(lines) + (eol if final else b"")


def read_lines(path, count):
    """The first `count` lines of a text file (header included), as bytes without line ends."""
    out = []
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as handle:
        for raw in handle:
            out.append(raw.rstrip(b"\r\n"))
            if len(out) == count:
                break
    return out


def replace_field(line, index, value, sep=b","):
    starts = field_starts(line, sep)
    start = starts[index]
    end = starts[index + 1] - 1 if index + 1 < len(starts) else len(line)
    return line[:start] + value + line[end:]


def with_row(lines, k, new_row):
    """`lines` with line `k` (0-based: the header is 0) replaced by `new_row`."""
    out = list(lines)
    out[k] = new_row
    return out


def drop_field(line, index, sep=b","):
    starts = field_starts(line, sep)
    start = starts[index]
    if index + 1 < len(starts):
        return line[:start] + line[starts[index + 1]:]
    return line[:start - 1]


class Corpus:
    def __init__(self, out):
        self.out = out
        self.rows = []
        self.files = set()

    def write(self, name, data):
        assert name not in self.files, name
        assert len(data) < MAX_BYTES, "%s is %d bytes" % (name, len(data))
        self.files.add(name)
        with open(os.path.join(self.out, name), "wb") as handle:
            handle.write(data)

    def case(self, name, data, arguments, exit_code, message):
        """One manifest row; `data` None means the file must not exist (missing input)."""
        if data is not None:
            self.write(name, data)
        assert " " not in name and "," not in arguments and "," not in message, name
        self.rows.append((name, arguments, str(exit_code), message))

    def at(self, name, line, column=None):
        """The fragment `name:line:column:` (or `name:line:` when only the line is certain)."""
        if column is None:
            return "%s:%d:" % (name, line)
        return "%s:%d:%d:" % (name, line, column)


# --------------------------------------------------------------------------------------------------------------
# Families. Each function adds its cases; the good files other cases refer to are written first.


def comtrade_csv(c, data):
    src = os.path.join(data, "comtrade_comtradr", "nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv")
    lines = read_lines(src, 45)
    header, rows = lines[0], lines[1:31]  # rows 1..30 are unquoted; row 31 quotes "Other Europe, nes"
    quoted_row = lines[31]
    assert b'"' in quoted_row and all(b'"' not in r for r in rows)
    VALUE, PRODUCT, PARTNER, PDESC, RDESC, YEAR, REPORTER = 7, 6, 4, 5, 2, 0, 1
    base = [header] + rows  # row k (1-based) is on line k + 1

    # The good files: the baseline every case starts from, and a second good file for the two-file case.
    c.write("good_comtrade.csv", join([header] + rows[:20]))
    c.write("good_comtrade_b.csv", join([header] + rows[20:30]))

    imp = "import {file}"
    strict = "import {file} --strict"

    # Truncation.
    c.case("ct_empty.csv", b"", imp, 65, c.at("ct_empty.csv", 1, 1))
    c.case("ct_header_only.csv", join([header]), imp, 65, c.at("ct_header_only.csv", 2, 1))
    cut = rows[19][:col(rows[19], PDESC) + 3]  # "2018,NLD,Netherlands,Import,FIN,Fin" -> 6 of 8 fields
    doc = join(base[:20] + [cut], final=False)
    c.case("ct_truncated_midline.csv", doc, imp, 65, c.at("ct_truncated_midline.csv", 21, len(cut) + 1))
    short = drop_field(rows[6], VALUE)
    c.case("ct_short_row.csv", join(with_row(base, 7, short)), imp, 65, c.at("ct_short_row.csv", 8, len(short) + 1))
    long_row = rows[6] + b",12"
    c.case("ct_extra_field.csv", join(with_row(base, 7, long_row)), imp, 65, c.at("ct_extra_field.csv", 8, len(rows[6]) + 2))
    many = rows[4] + b"".join(b",x%d" % i for i in range(5000))
    c.case("ct_many_columns.csv", join(with_row(base, 5, many)), imp, 65, c.at("ct_many_columns.csv", 6, len(rows[4]) + 2))

    # Encodings.
    c.case("ct_utf16_bom.csv", b"\xff\xfe" + join(base).decode("utf-8").encode("utf-16-le"), imp, 65,
           c.at("ct_utf16_bom.csv", 1, 1))
    c.case("ct_utf16_bom_concentration.csv", b"\xff\xfe" + join(base).decode("utf-8").encode("utf-16-le"),
           "concentration --input {file}", 65, c.at("ct_utf16_bom_concentration.csv", 1, 1))
    latin = replace_field(rows[9], PDESC, "Cura\u00e7ao".encode("latin-1"))
    c.case("ct_latin1.csv", join(with_row(base, 10, latin)), imp, 65, c.at("ct_latin1.csv", 11, col(latin, PDESC)))
    bad_utf8 = replace_field(rows[11], RDESC, b"Nether\xc3\x28lands")
    c.case("ct_invalid_utf8.csv", join(with_row(base, 12, bad_utf8)), imp, 65,
           c.at("ct_invalid_utf8.csv", 13, col(bad_utf8, RDESC)))
    nul = replace_field(rows[13], PARTNER, b"C\x00HN")
    c.case("ct_nul_byte.csv", join(with_row(base, 14, nul)), imp, 65, c.at("ct_nul_byte.csv", 15, col(nul, PARTNER)))

    # Delimiters.
    semi = [l.replace(b",", b";") for l in base]
    semi = [semi[0]] + [replace_field(l, VALUE, l.split(b";")[VALUE].replace(b".", b","), b";") for l in semi[1:]]
    c.case("ct_semicolon_decimal_comma.csv", join(semi), imp, 65,
           c.at("ct_semicolon_decimal_comma.csv", 2, col(semi[1], VALUE, b";")))
    tab_header = [header.replace(b",", b"\t")] + rows
    c.case("ct_tab_header_comma_rows.csv", join(tab_header), imp, 65, c.at("ct_tab_header_comma_rows.csv", 2))
    mixed = list(base)
    mixed[16] = rows[15].replace(b",", b";")
    c.case("ct_semicolon_row.csv", join(mixed), imp, 65, c.at("ct_semicolon_row.csv", 17))

    # Quoting.
    unclosed = replace_field(rows[9], PDESC, b'"Austria')
    c.case("ct_unclosed_quote.csv", join(with_row(base, 10, unclosed)), imp, 65,
           c.at("ct_unclosed_quote.csv", 11, col(unclosed, PDESC)))
    after = replace_field(rows[9], PDESC, b'"Austria"x')
    c.case("ct_text_after_closing_quote.csv", join(with_row(base, 10, after)), imp, 65,
           c.at("ct_text_after_closing_quote.csv", 11, col(after, PDESC) + len(b'"Austria"')))
    qv = replace_field(rows[2], VALUE, b'16552"56.6')
    c.case("ct_quote_in_unquoted_value.csv", join(with_row(base, 3, qv)), imp, 65,
           c.at("ct_quote_in_unquoted_value.csv", 4, col(qv, VALUE)))
    qc = replace_field(rows[2], PRODUCT, b'44"01')
    c.case("ct_quote_in_unquoted_code.csv", join(with_row(base, 3, qc)), imp, 65,
           c.at("ct_quote_in_unquoted_code.csv", 4, col(qc, PRODUCT)))
    # A quoted line break inside a field: the error after it must be counted in physical lines.
    nl = replace_field(quoted_row, PDESC, b'"Other Europe,\nnes"')
    nan_after = replace_field(rows[3], VALUE, b"nan")
    doc = join(base[:5] + [nl, nan_after])
    c.case("ct_quoted_newline_then_nan.csv", doc, imp, 65,
           c.at("ct_quoted_newline_then_nan.csv", 8, col(nan_after, VALUE)))

    # Numbers.
    for name, value in [("ct_value_nan.csv", b"nan"), ("ct_value_inf.csv", b"inf"), ("ct_value_minus_infinity.csv", b"-Infinity"),
                        ("ct_value_1e400.csv", b"1e400"), ("ct_value_comma_decimal.csv", b'"1655256,619"'),
                        ("ct_value_thousands.csv", b'"1,655,256.62"'), ("ct_value_hex.csv", b"0x1F"),
                        ("ct_value_text.csv", b"n/a")]:
        row = replace_field(rows[4], VALUE, value)
        c.case(name, join(with_row(base, 5, row)), imp, 65, c.at(name, 6, col(row, VALUE)))
    row = replace_field(rows[4], VALUE, b"-1655256.619")
    c.case("ct_value_negative_strict.csv", join(with_row(base, 5, row)), strict, 65,
           c.at("ct_value_negative_strict.csv", 6, col(row, VALUE)))
    row = replace_field(rows[4], VALUE, b"")
    c.case("ct_value_empty_strict.csv", join(with_row(base, 5, row)), strict, 65,
           c.at("ct_value_empty_strict.csv", 6, col(row, VALUE)))
    row = replace_field(rows[4], VALUE, b"1" + b"0" * 70000)  # 1e70000: no double holds it
    c.case("ct_value_70k_digits.csv.gz", gz(join(with_row(base, 5, row))), imp, 65,
           c.at("ct_value_70k_digits.csv.gz", 6, col(row, VALUE)))

    # Sizes.
    row = replace_field(rows[7], PRODUCT, b"4" * 100000)
    c.case("ct_product_100k_digits.csv.gz", gz(join(with_row(base, 8, row))), imp, 65,
           c.at("ct_product_100k_digits.csv.gz", 9, col(row, PRODUCT)))
    row = replace_field(rows[7], PARTNER, b"A" * 70000)
    c.case("ct_partner_70k_chars_strict.csv.gz", gz(join(with_row(base, 8, row))), strict, 65,
           c.at("ct_partner_70k_chars_strict.csv.gz", 9, col(row, PARTNER)))

    # Years.
    for name, value in [("ct_year_1850.csv", b"1850"), ("ct_year_2999.csv", b"2999"), ("ct_year_text.csv", b"20l8"),
                        ("ct_year_negative.csv", b"-2018")]:
        row = replace_field(rows[5], YEAR, value)
        c.case(name, join(with_row(base, 6, row)), imp, 65, c.at(name, 7, 1))

    # Header: duplicates, missing required columns.
    dup = header + b",cmdCode"
    c.case("ct_duplicate_header.csv", join([dup] + [r + b",4401" for r in rows]), imp, 65,
           c.at("ct_duplicate_header.csv", 1, len(header) + 2))
    dup = header + b",CMDCODE"
    c.case("ct_duplicate_header_case.csv", join([dup] + [r + b",4401" for r in rows]), imp, 65,
           c.at("ct_duplicate_header_case.csv", 1, len(header) + 2))
    c.case("ct_missing_value_column.csv", join([drop_field(l, VALUE) for l in base]), imp, 65,
           c.at("ct_missing_value_column.csv", 1))
    c.case("ct_missing_partner_columns.csv", join([drop_field(drop_field(l, PDESC), PARTNER) for l in base]), imp, 65,
           c.at("ct_missing_partner_columns.csv", 1))

    # Findings that --strict turns into errors (without --strict they are stored with a finding).
    row = replace_field(rows[8], PARTNER, b"QQQ")
    c.case("ct_unknown_partner_strict.csv", join(with_row(base, 9, row)), strict, 65,
           c.at("ct_unknown_partner_strict.csv", 10, col(row, PARTNER)))
    row = replace_field(rows[8], REPORTER, b"XYZ")
    c.case("ct_unknown_reporter_strict.csv", join(with_row(base, 9, row)), strict, 65,
           c.at("ct_unknown_reporter_strict.csv", 10, col(row, REPORTER)))
    c.case("ct_duplicate_key_strict.csv", join(base + [rows[3]]), strict, 65,
           c.at("ct_duplicate_key_strict.csv", len(base) + 1))

    # Line ends: a CRLF or mixed file must still report the right line.
    row = replace_field(rows[10], VALUE, b"nan")
    doc = join(with_row(base, 11, row), eol=b"\r\n")
    c.case("ct_crlf_nan.csv", doc, imp, 65, c.at("ct_crlf_nan.csv", 12, col(row, VALUE)))
    mixed = with_row(base, 11, row)
    doc = b"".join(l + (b"\r\n" if i % 2 else b"\n") for i, l in enumerate(mixed))
    c.case("ct_mixed_eol_nan.csv", doc, imp, 65, c.at("ct_mixed_eol_nan.csv", 12, col(row, VALUE)))

    # Store semantics: a bad file replacing a dataset, a bad second file, analysis reading a bad file directly.
    row = replace_field(rows[4], VALUE, b"nan")
    c.case("ct_replace_baseline_nan.csv", join(with_row(base, 5, row)), "import {file} --name baseline --replace", 65,
           c.at("ct_replace_baseline_nan.csv", 6, col(row, VALUE)))
    c.case("ct_second_file_nan.csv", join(with_row(base, 5, row)), "import {dir}/good_comtrade_b.csv {file} --name pair", 65,
           c.at("ct_second_file_nan.csv", 6, col(row, VALUE)))
    c.case("ct_concentration_nan.csv", join(with_row(base, 5, row)), "concentration --input {file}", 65,
           c.at("ct_concentration_nan.csv", 6, col(row, VALUE)))

    # Gzip variants.
    whole = join(base)
    packed = gz(whole)
    half = packed[: len(packed) // 2]
    inflated = zlib.decompressobj(31).decompress(half)
    c.case("ct_gz_truncated.csv.gz", half, imp, 65, c.at("ct_gz_truncated.csv.gz", inflated.count(b"\n") + 1))
    c.case("ct_gz_truncated_strict.csv.gz", half, strict, 65,
           c.at("ct_gz_truncated_strict.csv.gz", inflated.count(b"\n") + 1))
    c.case("ct_gz_header_only.csv.gz", packed[:10], imp, 65, "ct_gz_header_only.csv.gz:1:")
    bad_crc = packed[:-8] + bytes([packed[-8] ^ 0xFF]) + packed[-7:]
    c.case("ct_gz_bad_crc.csv.gz", bad_crc, imp, 65, "ct_gz_bad_crc.csv.gz:")
    bad_len = packed[:-4] + bytes([packed[-4] ^ 0x01]) + packed[-3:]
    c.case("ct_gz_bad_length.csv.gz", bad_len, imp, 65, "ct_gz_bad_length.csv.gz:")
    middle = len(packed) // 2
    corrupt = packed[:middle] + bytes(b ^ 0x5A for b in packed[middle:middle + 16]) + packed[middle + 16:]
    c.case("ct_gz_corrupt_deflate.csv.gz", corrupt, imp, 65, "ct_gz_corrupt_deflate.csv.gz:")
    c.case("ct_gz_empty_payload.csv.gz", gz(b""), imp, 65, c.at("ct_gz_empty_payload.csv.gz", 1, 1))
    row = replace_field(rows[20], VALUE, b"nan")
    c.case("ct_gz_nan.csv.gz", gz(join(with_row(base, 21, row))), imp, 65, c.at("ct_gz_nan.csv.gz", 22, col(row, VALUE)))
    c.case("ct_gz_truncated_concentration.csv.gz", half, "concentration --input {file}", 65,
           c.at("ct_gz_truncated_concentration.csv.gz", inflated.count(b"\n") + 1))


def comtrade_api_csv(c, data):
    """The full 47-column Comtrade API rows (snake_case, quoted descriptions), EU27 imports from the world."""
    src = os.path.join(data, "comtrade_comtradr", "eu27_imports_from_world_full_api_columns_2018_2022.csv")
    lines = read_lines(src, 21)
    header = lines[0].split(b",")
    at = {name.decode(): i for i, name in enumerate(header)}

    for name, column, value, args in [
        ("ctapi_ref_month_13.csv", "ref_month", b"13", "import {file}"),
        ("ctapi_flow_code_empty.csv", "flow_code", b"", "import {file}"),
        ("ctapi_qty_text.csv", "qty", b"lots", "import {file}"),
    ]:
        row = replace_field(lines[6], at[column], value)
        c.case(name, join(with_row(lines, 6, row)), args, 65, c.at(name, 7, col(row, at[column])))
    # UTF-16 without a byte-order mark: NUL bytes from the first line on.
    c.case("ctapi_utf16_no_bom.csv", join(lines[:8]).decode("utf-8").encode("utf-16-le"), "import {file}", 65,
           c.at("ctapi_utf16_no_bom.csv", 1, 1))


def comtrade_json(c, data):
    src = os.path.join(data, "comtrade_comtradr", "api_response_sample_chn_imports_2010.json")
    with open(src, "rb") as handle:
        raw = handle.read()
    doc = json.loads(raw)
    records = doc["data"]
    imp = "import {file}"

    def dump(obj):
        return json.dumps(obj, indent=4, ensure_ascii=False).encode("utf-8") + b"\n"

    base = dump(doc)

    cut = base[: base.find(b'"partnerISO"', base.find(b'"data"')) + 12 + 3]  # ends inside a string of record 1
    c.case("ctjson_truncated.json", cut, imp, 65, c.at("ctjson_truncated.json", end_loc(cut)[0]))
    cut = base[: base.find(b'"refYear": ') + len(b'"refYear": 20')]  # ends after a number, between tokens
    c.case("ctjson_truncated_after_number.json", cut, imp, 65,
           c.at("ctjson_truncated_after_number.json", *end_loc(cut)))

    obj = dict(doc)
    obj["data"] = records[0]
    text = dump(obj)
    c.case("ctjson_data_object.json", text, imp, 65,
           c.at("ctjson_data_object.json", *loc_of(text, text.find(b"{", text.find(b'"data"')))))

    obj = dict(doc)
    obj["data"] = [1, 2]
    text = dump(obj)
    c.case("ctjson_records_not_objects.json", text, "import {file} --format comtrade", 65,
           c.at("ctjson_records_not_objects.json", *loc_of(text, text.find(b"1", text.find(b'"data"')))))

    # 10,000 levels of nesting inside the first record (an extra field).
    marker = b'"__deep__": 0'
    obj = json.loads(raw)
    obj["data"][0] = dict([("__deep__", 0)] + list(records[0].items()))
    text = dump(obj)
    deep = text.replace(marker, b'"__deep__": ' + b"[" * 10000 + b"]" * 10000)
    c.case("ctjson_deep_nesting.json", deep, "import {file} --format comtrade", 65, c.at("ctjson_deep_nesting.json", loc_of_marker(deep, b'"__deep__"')[0]))

    for name, key, value in [("ctjson_refyear_string.json", "refYear", "abc"),
                             ("ctjson_refyear_1066.json", "refYear", 1066),
                             ("ctjson_primaryvalue_object.json", "primaryValue", {"usd": 1}),
                             ("ctjson_primaryvalue_bool.json", "primaryValue", True)]:
        obj = json.loads(raw)
        obj["data"][1][key] = value
        text = dump(obj)
        key_at = text.find(b'"%s"' % key.encode(), text.find(b'"typeCode"', text.find(b'"typeCode"') + 1))
        value_at = text.find(b":", key_at) + 2
        c.case(name, text, imp, 65, c.at(name, *loc_of(text, value_at)))

    text = base.replace(b'"primaryValue": ', b'"primaryValue": NaN, "x": ', 1)
    # the NaN literal of the first record
    c.case("ctjson_nan_literal.json", text, imp, 65, c.at("ctjson_nan_literal.json", *loc_of_marker(text, b"NaN")))

    obj = json.loads(raw)
    del obj["data"][2]["cmdCode"]
    text = dump(obj)
    third = text.find(b"{", text.find(b"}", text.find(b"}", text.find(b'"data"')) + 1) + 1)
    c.case("ctjson_missing_cmdcode.json", text, imp, 65, c.at("ctjson_missing_cmdcode.json", *loc_of(text, third)))

    text = base.rstrip(b"\n") + b"\nxyz\n"
    c.case("ctjson_trailing_garbage.json", text, imp, 65,
           c.at("ctjson_trailing_garbage.json", *loc_of_marker(text, b"xyz")))

    last_close = base.rfind(b"}", 0, base.rfind(b"]"))
    text = base[: last_close + 1] + b"," + base[last_close + 1:]
    c.case("ctjson_trailing_comma.json", text, imp, 65,
           c.at("ctjson_trailing_comma.json", *loc_of(text, text.rfind(b"]"))))

    c.case("ctjson_utf16_bom.json", b"\xff\xfe" + base.decode("utf-8").encode("utf-16-le"), imp, 65,
           c.at("ctjson_utf16_bom.json", 1, 1))

    text = base.replace(b'"Argentina"', b'"Argen\xe9tina"', 1)
    c.case("ctjson_invalid_utf8.json", text, imp, 65,
           c.at("ctjson_invalid_utf8.json", *loc_of_marker(text, b"\xe9")))

    text = base.replace(b'"Argentina"', b'"Argen\ttina"', 1)
    c.case("ctjson_control_char.json", text, imp, 65,
           c.at("ctjson_control_char.json", *loc_of_marker(text, b"\t")))

    first_value = base.find(b'"primaryValue": ')
    end = base.find(b",", first_value)
    text = base[:end] + b',\n            "primaryValue": 1' + base[end:]
    c.case("ctjson_duplicate_key.json", text, imp, 65,
           c.at("ctjson_duplicate_key.json", *loc_of_marker(text, b'"primaryValue"', 1)))

    c.case("ctjson_no_records.json", b'{"count": 0, "data": []}\n', "import {file} --format comtrade", 65,
           "ctjson_no_records.json:")


def baci(c, data):
    src = os.path.join(data, "baci_sample", "BACI_HS92_Y2021_V202501_sample0.1pct.csv")
    lines = read_lines(src, 41)
    header, rows = lines[0], lines[1:]
    base = [header] + rows
    imp = "import {file} --classification HS92"
    strict = "import {file} --classification HS92 --strict"
    conc = "concentration --input {file} --flow export"
    T, I, J, K, V, Q = range(6)

    c.case("baci_header_only.csv", join([header]), imp, 65, c.at("baci_header_only.csv", 2, 1))
    cut = rows[29][: col(rows[29], J) + 1]
    doc = join(base[:30] + [cut], final=False)
    c.case("baci_truncated_midline.csv", doc, imp, 65, c.at("baci_truncated_midline.csv", 31, len(cut) + 1))
    c.case("baci_truncated_midline_concentration.csv", doc, conc, 65,
           c.at("baci_truncated_midline_concentration.csv", 31, len(cut) + 1))

    for name, index, value, args in [
        ("baci_k_letters.csv", K, b"29420A", imp),
        ("baci_k_letters_concentration.csv", K, b"29420A", conc),
        ("baci_k_7_digits.csv", K, b"1234567", imp),
        ("baci_i_text.csv", I, b"CAN", imp),
        ("baci_v_nan.csv", V, b"nan", imp),
        ("baci_v_nan_concentration.csv", V, b"nan", conc),
        ("baci_v_1e400.csv", V, b"1e400", imp),
        ("baci_q_inf.csv", Q, b"inf", imp),
        ("baci_v_comma_decimal.csv", V, b'"0,361"', imp),
        ("baci_t_empty.csv", T, b"", imp),
        ("baci_t_1800.csv", T, b"1800", imp),
        ("baci_t_1800_concentration.csv", T, b"1800", conc),
        ("baci_v_nul.csv", V, b"0.3\x0061", imp),
        ("baci_v_negative_strict.csv", V, b"-0.361", strict),
        ("baci_v_empty_strict.csv", V, b"", strict),
        ("baci_i_unknown_strict.csv", I, b"999", strict),
    ]:
        row = replace_field(rows[11], index, value)
        c.case(name, join(with_row(base, 12, row)), args, 65, c.at(name, 13, col(row, index)))

    row = replace_field(rows[11], K, b"9" * 100000)
    c.case("baci_k_100k_digits.csv.gz", gz(join(with_row(base, 12, row))), imp, 65,
           c.at("baci_k_100k_digits.csv.gz", 13, col(row, K)))
    c.case("baci_k_100k_digits_concentration.csv.gz", gz(join(with_row(base, 12, row))), conc, 65,
           c.at("baci_k_100k_digits_concentration.csv.gz", 13, col(row, K)))

    c.case("baci_duplicate_key_strict.csv", join(base + [rows[5]]), strict, 65,
           c.at("baci_duplicate_key_strict.csv", len(base) + 1))
    c.case("baci_extra_column.csv", join([header + b",x"] + [r + b",1" for r in rows]),
           "import {file} --format baci", 65, c.at("baci_extra_column.csv", 1))
    c.case("baci_missing_column.csv", join([drop_field(l, Q) for l in base]), "import {file} --format baci", 65,
           c.at("baci_missing_column.csv", 1))
    c.case("baci_duplicate_header.csv", join([b"t,i,j,k,v,v"] + rows), "import {file} --format baci", 65,
           c.at("baci_duplicate_header.csv", 1, 11))
    tabbed = [header] + [r.replace(b",", b"\t") for r in rows]
    c.case("baci_tab_rows.csv", join(tabbed), imp, 65, c.at("baci_tab_rows.csv", 2))
    short = drop_field(rows[19], Q)
    c.case("baci_short_row.csv", join(with_row(base, 20, short)), imp, 65, c.at("baci_short_row.csv", 21, len(short) + 1))

    packed = gz(join(base))
    half = packed[: len(packed) // 2]
    inflated = zlib.decompressobj(31).decompress(half)
    c.case("baci_gz_truncated.csv.gz", half, imp, 65, c.at("baci_gz_truncated.csv.gz", inflated.count(b"\n") + 1))
    c.case("baci_gz_truncated_concentration.csv.gz", half, conc, 65,
           c.at("baci_gz_truncated_concentration.csv.gz", inflated.count(b"\n") + 1))
    # Two values each a valid double whose sum is not: refused at the line that tips the sum over, by the import and
    # by an analysis of the file alike (every total, share and HHI would be infinite or NaN).
    big = with_row(with_row(base, 12, replace_field(rows[11], V, b"1e308")), 13, replace_field(rows[12], V, b"1e308"))
    for name, args in [("baci_v_1e308_twice.csv", imp), ("baci_v_1e308_twice_concentration.csv", conc)]:
        c.case(name, join(big), args, 65, c.at(name, 14, 1))
    # BACI holds total trade: a re-export view is a wrong option, not bad data.
    c.case("baci_flow_reexport_usage.csv", join(base), "import {file} --format baci --flow re_export", 64,
           "re_export")


def cbs(c, data):
    src = os.path.join(data, "cbs", "85427NED_TypedDataSet_excerpt.json")
    with open(src, "rb") as handle:
        full = json.loads(handle.read())
    # Single countries (Cyprus, Denmark, Djibouti), no suppressed cells, complete years: no findings even under --strict.
    chosen = [r for r in full["value"] if r["Landen"] in ("L008587", "L008588", "L008589") and None not in r.values()
              and int(r["Perioden"][:4]) <= 2020][:12]
    assert len(chosen) == 12

    def doc(records):
        return {"odata.metadata": full["odata.metadata"], "value": records}

    def dump(obj):
        return json.dumps(obj, indent=1, ensure_ascii=False).encode("utf-8") + b"\n"

    def fresh():
        return json.loads(json.dumps(chosen))

    base = dump(doc(chosen))
    imp = "import {file}"

    def nth_record(text, k):
        """Offset of the `{` of record k (0-based) in the value array."""
        return text.find(b'"ID": %d,' % chosen[k]["ID"]) - len(b"{\n   ")

    cut = base[: nth_record(base, 4) + 40]
    c.case("cbs_truncated.json", cut, imp, 65, c.at("cbs_truncated.json", *end_loc(cut)))
    c.case("cbs_gz_truncated.json.gz", gz(base)[: len(gz(base)) // 2], imp, 65, "cbs_gz_truncated.json.gz:")

    text = dump({"odata.metadata": full["odata.metadata"], "value": chosen[0]})
    c.case("cbs_value_object.json", text, imp, 65,
           c.at("cbs_value_object.json", *loc_of(text, text.find(b"{", text.find(b'"value"')))))
    text = dump(doc([1, 2]))
    c.case("cbs_records_not_objects.json", text, imp, 65,
           c.at("cbs_records_not_objects.json", *loc_of(text, text.find(b"1", text.find(b'"value"')))))
    c.case("cbs_empty_value_array.json", dump(doc([])), imp, 65, "cbs_empty_value_array.json:")

    records = fresh()
    records[2] = dict([("__deep__", 0)] + list(records[2].items()))
    text = dump(doc(records)).replace(b'"__deep__": 0', b'"__deep__": ' + b"[" * 10000 + b"]" * 10000)
    c.case("cbs_deep_nesting.json", text, imp, 65, c.at("cbs_deep_nesting.json", loc_of_marker(text, b'"__deep__"')[0]))

    def with_value(name, k, key, value, args=imp):
        records = fresh()
        records[k][key] = value
        text = dump(doc(records))
        key_at = text.find(b'"%s"' % key.encode(), nth_record(text, k))
        c.case(name, text, args, 65, c.at(name, *loc_of(text, key_at + len(key) + 4)))

    with_value("cbs_measure_text.json", 3, "TotaleInvoerwaarde_1", "veel")
    with_value("cbs_measure_bool.json", 3, "TotaleUitvoerwaarde_2", True)
    with_value("cbs_measure_array.json", 3, "Wederuitvoerwaarde_3", [1, 2])
    with_value("cbs_period_bad.json", 5, "Perioden", "2015XX00")
    with_value("cbs_period_1815.json", 5, "Perioden", "1815JJ00")
    with_value("cbs_period_bool.json", 5, "Perioden", True)
    with_value("cbs_measure_negative_strict.json", 6, "TotaleInvoerwaarde_1", -5, "import {file} --strict")
    with_value("cbs_landen_unknown_strict.json", 6, "Landen", "L999999", "import {file} --strict")

    records = fresh()
    del records[7]["Landen"]
    text = dump(doc(records))
    c.case("cbs_missing_landen.json", text, imp, 65, c.at("cbs_missing_landen.json", *loc_of(text, nth_record(text, 7))))

    text = base.replace(b'"TotaleInvoerwaarde_1": %d' % chosen[8]["TotaleInvoerwaarde_1"], b'"TotaleInvoerwaarde_1": NaN', 1)
    c.case("cbs_nan_literal.json", text, imp, 65, c.at("cbs_nan_literal.json", *loc_of_marker(text, b"NaN")))
    text = base.replace(b'"TotaleInvoerwaarde_1": %d' % chosen[8]["TotaleInvoerwaarde_1"], b'"TotaleInvoerwaarde_1": 1e400', 1)
    c.case("cbs_number_1e400.json", text, imp, 65, c.at("cbs_number_1e400.json", *loc_of_marker(text, b"1e400")))

    original = b'"TotaleInvoerwaarde_1": %d' % chosen[9]["TotaleInvoerwaarde_1"]
    second = base.find(original, nth_record(base, 9)) + len(original) + len(b",\n   ")
    text = base.replace(original, original + b',\n   "TotaleInvoerwaarde_1": 1', 1)
    assert base.find(original) == base.find(original, nth_record(base, 9))
    c.case("cbs_duplicate_key.json", text, imp, 65, c.at("cbs_duplicate_key.json", *loc_of(text, second)))

    c.case("cbs_utf16_bom.json", b"\xff\xfe" + base.decode("utf-8").encode("utf-16-le"), imp, 65,
           c.at("cbs_utf16_bom.json", 1, 1))
    text = base.replace(b'"%s"' % chosen[10]["SITC"].encode(), b'"A01\xff8591"', 1)
    c.case("cbs_invalid_utf8.json", text, imp, 65, c.at("cbs_invalid_utf8.json", *loc_of_marker(text, b"\xff")))
    text = base.rstrip(b"\n") + b"\n]\n"
    c.case("cbs_trailing_garbage.json", text, imp, 65, c.at("cbs_trailing_garbage.json", *end_loc(text[:-2])))

    # StatLine CSV: `;`-separated, quoted, with Perioden.
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
    keys = list(chosen[0].keys())
    writer.writerow(keys)
    for r in chosen:
        writer.writerow([r[k] for k in keys])
    lines = out.getvalue().encode("utf-8").split(b"\n")[:-1]
    p = keys.index("Perioden")
    lines[4] = replace_field(lines[4], p, b'"2015XX00"', b";")
    c.case("cbs_csv_bad_period.csv", join(lines), imp, 65, c.at("cbs_csv_bad_period.csv", 5, col(lines[4], p, b";")))
    lines = out.getvalue().encode("utf-8").split(b"\n")[:-1]
    m = keys.index("TotaleInvoerwaarde_1")
    lines[6] = replace_field(lines[6], m, b'"12x"', b";")
    c.case("cbs_csv_bad_number.csv", join(lines), imp, 65, c.at("cbs_csv_bad_number.csv", 7, col(lines[6], m, b";")))


def comext(c, data):
    """Eurostat Comext bulk .dat (current layout); no Comext sample is in ../shared/data, so the rows are the real
    Comtrade NL rows re-expressed in the Comext columns (values as published in USD, labelled EUR: shape only)."""
    src = os.path.join(data, "comtrade_comtradr", "nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv")
    rows = list(csv.DictReader(io.StringIO(b"\n".join(read_lines(src, 31)).decode("utf-8"))))
    iso2 = {}
    with open(os.path.join(data, "country_codes", "country_converter_country_data.tsv"), encoding="utf-8") as handle:
        for r in csv.DictReader(handle, delimiter="\t"):
            found = re.search(r"[A-Z]{2}", r["ISO2"])  # Greece is written as a pattern: ^GR$|^EL$
            if found:
                iso2[r["ISO3"]] = found.group(0)
    header = b"REPORTER,PARTNER,TRADE_TYPE,PRODUCT_NC,FLOW,STAT_PROCEDURE,PERIOD,VALUE_EUR,QUANTITY_KG"
    lines = [header]
    for r in rows:
        lines.append(("NL,%s,E,%s0000,1,1,%s52,%s,%d" % (
            iso2[r["partnerISO"]], r["cmdCode"], r["refYear"], r["primaryValue_usd"],
            int(float(r["primaryValue_usd"]) / 3))).encode())
    R, P, TT, PROD, F, SP, PER, VAL, QTY = range(9)
    imp = "import {file}"

    for name, index, value, args in [
        ("comext_flow_3.dat", F, b"3", imp),
        ("comext_period_text.dat", PER, b"2019XX", imp),
        ("comext_period_month_13.dat", PER, b"201913", imp),
        ("comext_period_1850.dat", PER, b"185052", imp),
        ("comext_value_nan.dat", VAL, b"nan", imp),
        ("comext_value_comma_decimal.dat", VAL, b'"1655256,62"', imp),
        ("comext_product_empty.dat", PROD, b"", imp),
        ("comext_reporter_empty.dat", R, b"", imp),
        ("comext_value_negative_strict.dat", VAL, b"-5", "import {file} --strict"),
        ("comext_partner_unknown_strict.dat", P, b"YY", "import {file} --strict"),
    ]:
        row = replace_field(lines[9], index, value)
        c.case(name, join(with_row(lines, 9, row)), args, 65, c.at(name, 10, col(row, index)))
    c.case("comext_missing_value_column.dat", join([drop_field(l, VAL) for l in lines]), "import {file} --format comext", 65,
           c.at("comext_missing_value_column.dat", 1))
    short = drop_field(lines[12], QTY)
    c.case("comext_short_row.dat", join(with_row(lines, 12, short)), imp, 65, c.at("comext_short_row.dat", 13, len(short) + 1))


def canonical(c, data):
    """chainrisk's own CSV (year,reporter,partner,product,flow,value,classification,unit), from real Comtrade rows."""
    src = os.path.join(data, "comtrade_comtradr", "nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv")
    rows = list(csv.DictReader(io.StringIO(b"\n".join(read_lines(src, 31)).decode("utf-8"))))
    header = b"year,reporter,partner,product,flow,value,classification,unit,quantity,status"
    lines = [header] + [("%s,NLD,%s,%s,import,%s,HS2017,USD,,reported" % (
        r["refYear"], r["partnerISO"], r["cmdCode"], r["primaryValue_usd"])).encode() for r in rows]
    Y, REP, PAR, PROD, FLOW, VAL, CLS, UNIT, QTY, STATUS = range(10)
    imp = "import {file}"

    for name, index, value, args in [
        ("canon_flow_unknown.csv", FLOW, b"sideways", imp),
        ("canon_year_1899.csv", Y, b"1899", imp),
        ("canon_year_empty.csv", Y, b"", imp),
        ("canon_unit_unknown.csv", UNIT, b"GBP-ish", imp),
        ("canon_classification_unknown.csv", CLS, b"HS1800", imp),
        ("canon_status_contradiction.csv", STATUS, b"suppressed", imp),
        ("canon_reporter_empty.csv", REP, b"", imp),
        ("canon_product_empty.csv", PROD, b"", imp),
        ("canon_value_nan.csv", VAL, b"NaN", imp),
        ("canon_quantity_1e400.csv", QTY, b"1e400", imp),
        ("canon_value_negative_strict.csv", VAL, b"-12.5", "import {file} --strict"),
        ("canon_partner_unknown_strict.csv", PAR, b"ZZZ", "import {file} --strict"),
    ]:
        row = replace_field(lines[7], index, value)
        # A status that contradicts the value concerns two cells: the line is what is certain.
        where = c.at(name, 8) if index == STATUS else c.at(name, 8, col(row, index))
        c.case(name, join(with_row(lines, 7, row)), args, 65, where)
    c.case("canon_missing_flow_column.csv", join([drop_field(l, FLOW) for l in lines]),
           "import {file} --format canonical", 65, c.at("canon_missing_flow_column.csv", 1))
    dup = header + b",value"
    c.case("canon_duplicate_header.csv", join([dup] + [l + b",1" for l in lines[1:]]), imp, 65,
           c.at("canon_duplicate_header.csv", 1, len(header) + 2))
    c.case("canon_empty.csv", b"", "import {file} --format canonical", 65, c.at("canon_empty.csv", 1, 1))


def mapped(c, data):
    """Any CSV read through --map (world exports by exporter and HS4, OEC)."""
    src = os.path.join(data, "world_exports_oec", "world_exports_by_country_hs4_2017.csv")
    lines = read_lines(src, 41)
    mapping = "--format csv --map reporter=reporter_iso --map product=product_code --map value=export_value_usd --flow export --year 2017 --classification HS4"
    row = replace_field(lines[9], 2, b"n/a")
    doc = list(lines)
    doc[9] = row
    c.case("map_value_text.csv", join(doc), "import {file} " + mapping, 65, c.at("map_value_text.csv", 10, col(row, 2)))
    c.case("map_column_not_in_header.csv", join(lines),
           "import {file} --format csv --map reporter=reporter_iso --map product=product_code --map value=export_value_eur --flow export --year 2017 --classification HS4",
           65, c.at("map_column_not_in_header.csv", 1))
    c.case("map_unknown_field_usage.csv", join(lines),
           "import {file} --format csv --map exporter=reporter_iso --map product=product_code --map value=export_value_usd --flow export --year 2017",
           64, "exporter")
    c.case("map_year_option_1492_usage.csv", join(lines), "import {file} " + mapping.replace("2017", "1492"), 64, "1492")


def input_output(c, data):
    """A small real input-output table (NLD and DEU, sectors c1-c6 of WIOD 2011) and broken copies of its files."""
    wiod = os.path.join(data, "wiod2013")
    with open(os.path.join(wiod, "wiod2013_2011_nld11_Z.csv"), encoding="utf-8") as handle:
        z = list(csv.reader(handle))
    with open(os.path.join(wiod, "wiod2013_2011_nld11_Y.csv"), encoding="utf-8") as handle:
        y = list(csv.reader(handle))
    with open(os.path.join(wiod, "wiod2013_2011_nld11_x.csv"), encoding="utf-8") as handle:
        x = list(csv.reader(handle))
    labels = ["%s_c%d" % (region, s) for region in ("NLD", "DEU") for s in range(1, 7)]
    zcol = {name: i for i, name in enumerate(z[0])}
    zrow = {r[0]: r for r in z[1:]}
    ycols = [i for i, name in enumerate(y[0]) if name.split("_")[0] in ("NLD", "DEU")]
    yrow = {r[0]: r for r in y[1:]}
    xrow = {r[0]: float(r[1]) for r in x[1:]}

    def num(v):
        return float(v) if v else 0.0

    def fmt(v):
        return ("%.6f" % v).rstrip("0").rstrip(".")

    zlines = [("row," + ",".join(labels)).encode()]
    ylines = [("row," + ",".join(y[0][i] for i in ycols)).encode()]
    xlines = [b"row,gross_output"]
    for label in labels:
        zvalues = [num(zrow[label][zcol[other]]) for other in labels]
        yvalues = [num(yrow[label][i]) for i in ycols]
        # Final demand takes up what the cut-out leaves, so every row balances (no findings on the good table).
        yvalues[-1] += xrow[label] - sum(zvalues) - sum(yvalues)
        zlines.append((label + "," + ",".join(fmt(v) for v in zvalues)).encode())
        ylines.append((label + "," + ",".join(fmt(v) for v in yvalues)).encode())
        xlines.append((label + "," + fmt(xrow[label])).encode())
    c.write("io_good_Z.csv", join(zlines))
    c.write("io_good_Y.csv", join(ylines))
    c.write("io_good_x.csv", join(xlines))
    companions = " --final-demand {dir}/io_good_Y.csv --gross-output {dir}/io_good_x.csv"
    validate = "io validate --mrio {file}" + companions
    multipliers = "io multipliers --mrio {file}" + companions

    def zwith(k, row):
        out = list(zlines)
        out[k] = row
        return out

    for name, value, args in [("io_cell_nan_Z.csv", b"nan", validate), ("io_cell_text_Z.csv", b"abc", multipliers),
                              ("io_cell_1e400_Z.csv", b"1e400", validate), ("io_cell_inf_Z.csv", b"inf", validate),
                              ("io_cell_comma_decimal_Z.csv", b'"12,5"', validate),
                              ("io_cell_negative_strict_Z.csv", b"-12.5", "io validate --strict --mrio {file}" + companions),
                              ("io_cell_empty_strict_Z.csv", b"", "io validate --strict --mrio {file}" + companions),
                              ("io_cell_nan_scenario_Z.csv", b"nan",
                               "scenario --mrio {file}" + companions + " --model leontief --shock DEU:c3:0.5:4")]:
        row = replace_field(zlines[4], 5, value)
        c.case(name, join(zwith(4, row)), args, 65, c.at(name, 5, col(row, 5)))

    # Cells that are valid doubles but sum past the largest one: no total or inverse of the table exists.
    huge = zwith(4, replace_field(zlines[4], 5, b"1e308"))
    huge[5] = replace_field(huge[5], 6, b"1e308")
    for name, command in [("io_cells_1e308_Z.csv", "io validate"), ("io_cells_1e308_multipliers_Z.csv", "io multipliers"),
                          ("io_cells_1e308_leontief_Z.csv", "io leontief")]:
        c.case(name, join(huge), command + " --mrio {file}" + companions, 65, c.at(name, 1, 1))

    cut = zlines[7][: col(zlines[7], 6) + 2]
    doc = join(zlines[:7] + [cut], final=False)
    c.case("io_truncated_Z.csv", doc, validate, 65, c.at("io_truncated_Z.csv", 8, len(cut) + 1))
    short = drop_field(zlines[9], 12)
    c.case("io_short_row_Z.csv", join(zwith(9, short)), validate, 65, c.at("io_short_row_Z.csv", 10, len(short) + 1))
    c.case("io_not_square_Z.csv", join([drop_field(l, 12) for l in zlines]), validate, 65, "io_not_square_Z.csv:1:")
    dup = replace_field(zlines[5], 0, zlines[4].split(b",")[0])
    c.case("io_duplicate_row_label_Z.csv", join(zwith(5, dup)), validate, 65, c.at("io_duplicate_row_label_Z.csv", 6, 1))
    dup_header = replace_field(zlines[0], 3, b"NLD_c1")
    c.case("io_duplicate_column_label_Z.csv", join(zwith(0, dup_header)), validate, 65,
           c.at("io_duplicate_column_label_Z.csv", 1, col(dup_header, 3)))
    c.case("io_empty_Z.csv", b"", validate, 65, c.at("io_empty_Z.csv", 1, 1))
    c.case("io_header_only_Z.csv", join(zlines[:1]), validate, 65, "io_header_only_Z.csv:")
    c.case("io_utf16_bom_Z.csv", b"\xff\xfe" + join(zlines).decode().encode("utf-16-le"), validate, 65,
           c.at("io_utf16_bom_Z.csv", 1, 1))
    latin = replace_field(zlines[6], 0, b"NLD_c\xe95")
    c.case("io_latin1_label_Z.csv", join(zwith(6, latin)), validate, 65, c.at("io_latin1_label_Z.csv", 7, 1))

    # Not productive: one column's inputs exceed its gross output 3 times over (spectral radius above 1).
    heavy = [zlines[0]]
    for line in zlines[1:]:
        fields = line.split(b",")
        fields[3] = fmt(float(fields[3]) * 5 + xrow[fields[0].decode()] * 3).encode()
        heavy.append(b",".join(fields))
    c.case("io_not_productive_Z.csv", join(heavy), multipliers, 65, "io_not_productive_Z.csv")

    # Companion files: final demand and gross output.
    g = "io validate --mrio {dir}/io_good_Z.csv"
    row = replace_field(ylines[3], 2, b"nan")
    c.case("io_Y_nan.csv", join(ylines[:3] + [row] + ylines[4:]), g + " --final-demand {file} --gross-output {dir}/io_good_x.csv",
           65, c.at("io_Y_nan.csv", 4, col(row, 2)))
    c.case("io_Y_missing_row.csv", join(ylines[:8] + ylines[9:]), g + " --final-demand {file} --gross-output {dir}/io_good_x.csv",
           65, "io_Y_missing_row.csv:")
    row = replace_field(xlines[5], 1, b"lots")
    c.case("io_x_text.csv", join(xlines[:5] + [row] + xlines[6:]), g + " --final-demand {dir}/io_good_Y.csv --gross-output {file}",
           65, c.at("io_x_text.csv", 6, col(row, 1)))
    c.case("io_x_extra_row.csv", join(xlines + [b"FRA_c1,1000"]), g + " --final-demand {dir}/io_good_Y.csv --gross-output {file}",
           65, c.at("io_x_extra_row.csv", len(xlines) + 1))
    # Missing input: the final-demand file beside io_lonely_Z.csv (io_lonely_Y.csv) does not exist.
    c.case("io_lonely_Z.csv", join(zlines), "io validate --mrio {file}", 66, "io_lonely_Y.csv")

    # Long layout (gzip), as the full WIOD table: cut in the middle, and a sector the gross-output file lacks.
    long_lines = [b"row_country,row_industry,col_country,col_industry,value_musd"]
    for i, label in enumerate(labels):
        values = zlines[i + 1].split(b",")[1:]
        for j, other in enumerate(labels):
            if float(values[j]) != 0:
                r, s = label.split("_")
                cr, cs = other.split("_")
                long_lines.append(("%s,%s,%s,%s,%s" % (r, s, cr, cs, values[j].decode())).encode())
    ylong = [b"row_country,row_industry,col_country,fd_category,value_musd"]
    for i, label in enumerate(labels):
        values = ylines[i + 1].split(b",")[1:]
        for j, name in enumerate(ylines[0].split(b",")[1:]):
            region, category = name.decode().split("_", 1)
            r, s = label.split("_")
            ylong.append(("%s,%s,%s,%s,%s" % (r, s, region, category, values[j].decode())).encode())
    xlong = [b"country,industry,gross_output_musd"] + [
        (l.split(b",")[0].replace(b"_", b",") + b"," + l.split(b",")[1]) for l in xlines[1:]]
    c.write("io_good_Y_long.csv.gz", gz(join(ylong)))
    c.write("io_good_x_long.csv", join(xlong))
    long_args = "io validate --mrio {file} --final-demand {dir}/io_good_Y_long.csv.gz --gross-output {dir}/io_good_x_long.csv"
    packed = gz(join(long_lines))
    half = packed[: len(packed) // 2]
    inflated = zlib.decompressobj(31).decompress(half)
    c.case("io_long_truncated_Z_long.csv.gz", half, long_args, 65,
           c.at("io_long_truncated_Z_long.csv.gz", inflated.count(b"\n") + 1))
    bad = list(long_lines)
    bad[20] = replace_field(bad[20], 3, b"c99")
    c.case("io_long_unknown_sector_Z_long.csv.gz", gz(join(bad)), long_args, 65,
           c.at("io_long_unknown_sector_Z_long.csv.gz", 21, col(bad[20], 2)))
    # A small file naming 21,000 sectors (dense matrices of 3.5 GB each): refused where the 20,001st sector appears,
    # before anything is allocated. Without a gross-output file the sectors come from the flows: each line adds one.
    many = [long_lines[0]] + [("R,s%d,R,s0,1" % i).encode() for i in range(21000)]
    c.case("io_long_21000_sectors_Z_long.csv.gz", gz(join(many)), "io validate --mrio {file} --final-demand {dir}/io_good_Y_long.csv.gz",
           65, c.at("io_long_21000_sectors_Z_long.csv.gz", 20002, 1))


def scenario_files(c, data):
    """Scenario files (scenario --file), run on the small good table."""
    args = ("scenario --mrio {dir}/io_good_Z.csv --final-demand {dir}/io_good_Y.csv --gross-output {dir}/io_good_x.csv"
            " --model leontief --reporter NLD --file {file}")
    good = {"name": "Germany agriculture stop",
            "shocks": [{"regions": ["DEU"], "sectors": ["c1"], "loss": 0.5, "weeks": 8, "recovery": "linear",
                        "recovery_days": 28}]}

    def dump(obj):
        return json.dumps(obj, indent=2).encode() + b"\n"

    base = dump(good)
    cut = base[: base.find(b'"loss"') + 4]
    c.case("scen_truncated.json", cut, args, 65, c.at("scen_truncated.json", end_loc(cut)[0]))
    for name, key, value in [("scen_loss_string.json", "loss", "half"), ("scen_loss_2.json", "loss", 2.0),
                             ("scen_weeks_negative.json", "weeks", -3), ("scen_recovery_unknown.json", "recovery", "soon")]:
        obj = json.loads(json.dumps(good))
        obj["shocks"][0][key] = value
        text = dump(obj)
        c.case(name, text, args, 65, c.at(name, *loc_of(text, text.find(b'"%s"' % key.encode()) + len(key) + 4)))
    obj = json.loads(json.dumps(good))
    obj["shocks"][0]["lost"] = 0.5
    text = dump(obj)
    c.case("scen_unknown_key.json", text, args, 65, c.at("scen_unknown_key.json", loc_of_marker(text, b'"lost"')[0]))
    text = base.replace(b'"loss": 0.5', b'"loss": 0.5,\n      "loss": 0.9', 1)
    c.case("scen_repeated_key.json", text, args, 65, c.at("scen_repeated_key.json", loc_of_marker(text, b'"loss"', 1)[0]))
    text = base.replace(b'"name"', b'"deep": ' + b"[" * 10000 + b"]" * 10000 + b',\n  "name"', 1)
    c.case("scen_deep_nesting.json", text, args, 65, c.at("scen_deep_nesting.json", 2))


def event_files(c, data):
    """Event files (events --file), after the letter's Table 1 layout."""
    header = b"id,event,event_nl,category,start,regions,production_sites_affected,duration_weeks"
    rows = [b"101,Port strike,Havenstaking,idiosyncratic,2022-06,NL;BE,120,3",
            b"102,Flood,Overstroming,natural,2021-07,DE,800,6",
            b"103,Export ban,Exportverbod,macro_political,2021-01,TW;KR,40,52"]
    args = "events --file {file}"
    for name, index, value in [("events_start_month_13.csv", 4, b"2021-13"), ("events_category_unknown.csv", 3, b"aliens"),
                               ("events_weeks_text.csv", 7, b"many"), ("events_region_unknown.csv", 5, b"NL;QQ")]:
        row = replace_field(rows[1], index, value)
        c.case(name, join([header, rows[0], row, rows[2]]), args, 65, c.at(name, 3, col(row, index)))
    c.case("events_duplicate_id.csv", join([header] + rows + [rows[0].replace(b"Port strike", b"Dock strike")]), args, 65,
           c.at("events_duplicate_id.csv", 5, 1))
    c.case("events_missing_column.csv", join([drop_field(l, 7) for l in [header] + rows]), args, 65,
           "events_missing_column.csv:1:")


def usage(c, data):
    """Missing input (66) and bad usage (64)."""
    c.case("missing_import.csv", None, "import {file}", 66, "missing_import.csv")
    c.case("missing_concentration.csv", None, "concentration --input {file}", 66, "missing_concentration.csv")
    c.case("missing_Z.csv", None, "io validate --mrio {file}", 66, "missing_Z.csv")
    c.case("missing_scenario.json", None,
           "scenario --mrio {dir}/io_good_Z.csv --final-demand {dir}/io_good_Y.csv --gross-output {dir}/io_good_x.csv --model leontief --file {file}",
           66, "missing_scenario.json")
    c.case("missing_events.csv", None, "events --file {file}", 66, "missing_events.csv")
    with open(os.path.join(c.out, "good_comtrade.csv"), "rb") as handle:
        good = handle.read()
    c.case("usage_unknown_format.csv", good, "import {file} --format nonsense", 64, "nonsense")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA, help="the shared data folder (default: <repo>/../shared/data)")
    parser.add_argument("--out", default=DEFAULT_OUT, help="the corpus folder (emptied and rewritten)")
    options = parser.parse_args()
    if not os.path.isdir(options.data):
        sys.exit("no shared data at %s" % options.data)
    # Written to a fresh folder beside the corpus, which replaces it only when every case was generated.
    staging = options.out.rstrip("/") + ".new"
    if os.path.isdir(staging):
        shutil.rmtree(staging)
    os.makedirs(staging)
    corpus = Corpus(staging)
    for family in (comtrade_csv, comtrade_api_csv, comtrade_json, baci, cbs, comext, canonical, mapped, input_output, scenario_files,
                   event_files, usage):
        family(corpus, options.data)
    with open(os.path.join(staging, "manifest.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "arguments", "exit", "message"])
        writer.writerows(corpus.rows)
    if os.path.isdir(options.out):
        shutil.rmtree(options.out)
    os.rename(staging, options.out)
    print("%d cases, %d files in %s" % (len(corpus.rows), len(corpus.files), options.out))


if __name__ == "__main__":
    main()
