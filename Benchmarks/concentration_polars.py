#!/usr/bin/env python3
"""Import concentration per (importer, year, HS6 product) from a BACI file with polars, written as CSV.

The same computation as `chainrisk concentration --input FILE --format csv` (see concentration_duckdb.py for the
definitions), as one lazy query: read, map CEPII codes to reporter and supplier ranks, sum per supplier, aggregate
per importer × product, sort, and stream the result to CSV. polars uses all cores (its default).

Usage: concentration_polars.py BACI.csv OUT.csv
"""
import sys

import polars as pl

from concentration_common import cepii_ranks


def main():
    source, out = sys.argv[1], sys.argv[2]
    codes, reporters, suppliers = cepii_ranks()
    code_table = pl.DataFrame(
        {"code": [c for c, _, _ in codes], "rrank": [r for _, r, _ in codes], "srank": [s for _, _, s in codes]},
        schema={"code": pl.Int32, "rrank": pl.Int32, "srank": pl.Int32},
    ).lazy()
    flows = pl.scan_csv(
        source, schema={"t": pl.Int32, "i": pl.Int32, "j": pl.Int32, "k": pl.Int32, "v": pl.Float64, "q": pl.Float64}
    )
    flows = (
        flows.join(code_table.select(pl.col("code").alias("j"), "rrank"), on="j")
        .join(code_table.select(pl.col("code").alias("i"), "srank"), on="i")
    )
    per_supplier = flows.group_by("rrank", "t", "k", "srank").agg(
        pl.col("v").sum(), pl.col("v").null_count().alias("missing")
    )
    positive = pl.col("srank").is_not_null() & (pl.col("v") > 0)
    positive_values = pl.col("v").filter(positive)
    per_product = per_supplier.group_by("rrank", "t", "k").agg(
        total_value=pl.col("v").sum(),
        supplier_value=pl.col("v").filter(pl.col("srank").is_not_null()).sum(),
        suppliers=positive.sum(),
        positive_value=positive_values.sum(),
        squares=(pl.col("v") * pl.col("v")).filter(positive).sum(),
        top_supplier_value=positive_values.max(),
        # Ties on value go to the lower rank, i.e. the alphabetically first ISO3 code.
        top_rank=pl.col("srank").filter(positive & (pl.col("v") == positive_values.max())).min(),
        top3=positive_values.top_k(3).sum(),
        suppressed_cells=pl.col("missing").sum(),
    )
    reporter_names = pl.DataFrame(
        {"rrank": list(range(len(reporters))), "reporter": reporters}, schema={"rrank": pl.Int32, "reporter": pl.Utf8}
    ).lazy()
    supplier_names = pl.DataFrame(
        {"top_rank": list(range(len(suppliers))), "top_supplier": suppliers},
        schema={"top_rank": pl.Int32, "top_supplier": pl.Utf8},
    ).lazy()
    supplier_value = pl.col("supplier_value")
    result = (
        per_product.join(reporter_names, on="rrank")
        .join(supplier_names, on="top_rank", how="left")
        .select(
            "reporter",
            pl.col("t").alias("year"),
            pl.col("k").cast(pl.Utf8).str.zfill(6).alias("product"),
            "total_value",
            (pl.col("total_value") - supplier_value).alias("unallocated_value"),
            "suppliers",
            (pl.col("squares") / (pl.col("positive_value") ** 2)).alias("hhi"),
            "top_supplier",
            "top_supplier_value",
            (pl.col("top_supplier_value") / supplier_value).alias("top_supplier_share"),
            (pl.col("top3") / supplier_value).alias("cr3"),
            ((pl.col("positive_value") ** 2) / pl.col("squares")).alias("effective_suppliers"),
            "suppressed_cells",
        )
        .sort("reporter", "year", "product")
    )
    result.sink_csv(out)


if __name__ == "__main__":
    main()
