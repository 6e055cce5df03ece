"""Shared pieces of the ARIO cross-check and benchmark: matrix-CSV writing, the shock profile, and a BoARIO run.

BoARIO (https://github.com/spjuhel/BoARIO, PyPI boario 0.7.2) is driven step by step, exactly as its
Simulation.next_step does (overproduction from the third step on, production, distribution, orders), with the
capacity loss set directly each day (model.prod_cap_delta_arbitrary). This avoids its event classes, whose
arbitrary-production recovery its own documentation calls broken, so both programs see the same shock by
construction and only the model dynamics are compared.
"""
import csv
import time

import numpy as np
import pandas as pd


def write_matrix_csv(folder, prefix, labels, Z, fd_labels, Y):
    """Writes PREFIX_Z.csv and PREFIX_Y.csv (first column `row`, labels REGION_sector) as chainrisk reads them.

    No _x.csv is written: chainrisk then takes gross output as the row totals of Z and Y, like pymrio's calc_x.
    """
    for name, columns, values in (("Z", labels, Z), ("Y", fd_labels, Y)):
        with open(f"{folder}/{prefix}_{name}.csv", "w", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["row", *columns])
            for label, row in zip(labels, values):
                writer.writerow([label, *[repr(float(v)) for v in row]])
    return f"{folder}/{prefix}_Z.csv"


def remaining_share(day, start, full_days, recovery, recovery_days):
    """Shock.remainingShare(onDay:) of ChainRiskCore."""
    if day < start or day >= start + full_days + recovery_days:
        return 0.0
    since_end = day - start - full_days
    if since_end < 0:
        return 1.0
    k, span = since_end + 1, recovery_days + 1
    if recovery == "linear":
        return (span - k) / span
    if recovery == "exponential":
        floor = np.exp(-3.0)
        return (np.exp(-3 * k / span) - floor) / (1 - floor)
    return 0.0


def boario_run(regions, sectors, Z, fd_categories, Y, losses, days, inventory_days):
    """Runs BoARIO's ARIOPsiModel for `days` steps; `losses(day)` gives the capacity lost per industry (in the
    regions × sectors order given). Returns (production [days × industries] in the given order, setup s, loop s)."""
    import pymrio
    from boario.extended_models import ARIOPsiModel

    index = pd.MultiIndex.from_product([regions, sectors], names=["region", "sector"])
    fd_index = pd.MultiIndex.from_product([regions, fd_categories], names=["region", "category"])
    z = pd.DataFrame(Z, index=index, columns=index)
    y = pd.DataFrame(Y, index=index, columns=fd_index)
    started = time.perf_counter()
    mrio = pymrio.IOSystem(Z=z, Y=y, unit=pd.DataFrame({"unit": "M.USD"}, index=index))
    mrio.calc_all()
    model = ARIOPsiModel(mrio, order_type="alt", alpha_base=1.0, alpha_max=1.25, alpha_tau=365, rebuild_tau=60,
                         main_inv_dur=inventory_days, psi_param=0.8, inventory_restoration_tau=60,
                         temporal_units_by_step=1, iotable_year_to_temporal_unit_factor=365)
    # BoARIO sorts regions and sectors; map its order back to ours.
    position = {label: i for i, label in enumerate(model.industries)}
    order = np.array([position[label] for label in index])
    setup = time.perf_counter() - started
    production = np.zeros((days, len(index)))
    started = time.perf_counter()
    for day in range(days):
        delta = np.zeros(len(index))
        delta[order] = losses(day)
        model.prod_cap_delta_arbitrary = delta
        if day > 1:
            model.calc_overproduction()
        model.calc_production(day)
        model.distribute_production("proportional")
        model.calc_orders()
        production[day] = model.production[order]
    return production, setup, time.perf_counter() - started
