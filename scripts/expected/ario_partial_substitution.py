#!/usr/bin/env python3
"""Expected values for Tests/ChainRiskSimulationTests/ProductionFunctionTests.swift: the ARIO day written out in numpy
from the equations in ARIOModel's documentation (not from the Swift code), for the two features BoARIO does not have:
partial and linear production functions (input criticality) and switching to other supplier regions, whose spare
capacity opens from the disruption's first day as 1.25 - 0.25 exp(-t / 60 days).

Table: regions R1, R2, R3 with sectors a and b; R3's b buys a from all three regions. Shock: R1_a loses 50 % of its
capacity on days 3-30 (4 weeks). 3 days of every input. Criticality c[input, user]: a->a 0, a->b 1, b->a 0.5, b->b 0.
Prints daily production of every industry on the days the test checks, for each (production, substitution) case.

Run: python3 scripts/expected/ario_partial_substitution.py
"""
import numpy as np

LABELS = ["R1_a", "R1_b", "R2_a", "R2_b", "R3_a", "R3_b"]
SECTOR = np.array([0, 1, 0, 1, 0, 1])            # a = 0, b = 1
REGION = ["R1", "R1", "R2", "R2", "R3", "R3"]
Z = np.array([
    [5, 10, 0, 0, 0, 20],
    [5, 5, 0, 0, 0, 0],
    [0, 0, 5, 10, 0, 10],
    [0, 0, 5, 5, 0, 0],
    [0, 0, 0, 0, 5, 5],
    [0, 0, 0, 0, 5, 5],
], dtype=float)
Y = np.array([60, 90, 75, 90, 90, 90], dtype=float)   # one final-demand column per region, own region only
CRITICALITY = np.array([[0.0, 1.0], [0.5, 0.0]])    # [input sector, user sector]
DAYS_HELD, PSI, ALPHA_MAX, TAU_ALPHA, TAU_INV, TAU_SWITCH = 3.0, 0.8, 1.25, 365.0, 60.0, 60.0
THRESHOLD = 1e-5 / 365
SHOCK_START, SHOCK_DAYS, SHOCK_LOSS = 3, 28, 0.5
CHECK_DAYS = [4, 20, 31, 80, 199]


def world_hhi():
    """HHI of sector output over regions (gross output = row totals)."""
    output = Z.sum(axis=1) + Y
    hhi = np.zeros(2)
    for s in range(2):
        shares = output[SECTOR == s] / output[SECTOR == s].sum()
        hhi[s] = (shares ** 2).sum()
    return hhi


def run(production, substitution, days=200):
    n, m = len(LABELS), 2
    x0 = np.maximum(Z.sum(axis=1) + Y, 0) / 365
    y = Y / 365
    zd = Z / 365
    member = np.zeros((m, n))
    member[SECTOR, np.arange(n)] = 1                   # member[s, i] = 1 when industry i is of sector s
    a = member @ zd / x0                               # a[s, j]
    c = CRITICALITY[:, SECTOR] if production == "partial" else np.ones((m, n))
    share = substitution * (1 - world_hhi())           # phi_s
    stocks = x0 * a * DAYS_HELD
    alpha = np.ones(n)
    x = x0.copy()
    sigma = np.ones((m, n))
    w_prev = np.ones(n)
    demand = y + zd.sum(axis=1)
    series = []
    for day in range(days):
        loss = np.zeros(n)
        if SHOCK_START <= day < SHOCK_START + SHOCK_DAYS:
            loss[0] = SHOCK_LOSS
        if day > 1:
            scarcity = np.where(demand != 0, (demand - x) / np.where(demand != 0, demand, 1), 0)
            alpha = np.where(scarcity == 0, alpha + (1 - alpha) / TAU_ALPHA, alpha + (ALPHA_MAX - alpha) * scarcity / TAU_ALPHA)
            alpha = np.maximum(alpha, 1)
        capacity = x0 * (1 - loss) * alpha
        wanted = np.maximum(0, np.minimum(demand, capacity))
        weight = np.where(x0 != 0, capacity / np.where(x0 != 0, x0, 1), 1)
        ratio = np.ones(n)
        if production == "linear":                     # all stocks together against a day's use of all inputs
            counted = a > THRESHOLD
            held = np.where(counted, stocks, 0).sum(axis=0)
            needed = np.where(counted, wanted * a, 0).sum(axis=0)
            ratio = np.where((needed != 0) & (held < needed), held / np.where(needed != 0, needed, 1), 1)
        for j in range(n if production != "linear" else 0):
            for s in range(m):
                if a[s, j] <= THRESHOLD or c[s, j] <= 0:
                    continue
                need = wanted[j] * a[s, j] * PSI * DAYS_HELD if production == "leontief" else wanted[j] * a[s, j]
                if need != 0 and stocks[s, j] < need:
                    r = stocks[s, j] / need
                    factor = r if c[s, j] == 1 else 1 - c[s, j] * (1 - r)
                    ratio[j] = min(ratio[j], factor)
        x = wanted * ratio
        fill = np.where(demand != 0, x / np.where(demand != 0, demand, 1), 0)
        extra = np.zeros((m, n))
        if share.max() > 0:
            unmet = member @ (zd * (w_prev * (1 - fill))[:, None])          # [s, j]
            request = np.where(unmet > 0, share[:, None] * sigma * unmet, 0)
            requested = request.sum(axis=1)
            # switched orders find headroom opening from the disruption's first day (SHOCK_START): 1 -> ALPHA_MAX
            headroom = ALPHA_MAX - (ALPHA_MAX - 1) * np.exp(-(day - SHOCK_START) / TAU_SWITCH) if day >= SHOCK_START else 1.0
            spare = np.maximum(0, ratio * x0 * (1 - loss) * np.maximum(headroom, alpha) - x)
            pool = member @ spare
            served = np.where(pool > 0, np.minimum(1, pool / np.where(requested > 0, requested, 1)), 0)
            raise_by = np.where((pool > 0) & (requested > 0), np.minimum(1, requested / np.where(pool > 0, pool, 1)), 0)
            x = x + spare * raise_by[SECTOR]
            extra = request * served[:, None]
        delivered = sigma * (member @ (zd * (w_prev * fill)[:, None])) + extra
        use = a * x
        stocks = np.maximum(0, stocks + (delivered - use))
        gap = use + np.maximum(0, DAYS_HELD * a * wanted - stocks) / TAU_INV
        supplier_total = member @ (zd * weight[:, None])
        sigma = np.where(supplier_total != 0, gap / np.where(supplier_total != 0, supplier_total, 1), 0)
        demand = y + (sigma[SECTOR, :] * zd * weight[:, None]).sum(axis=1)
        w_prev = weight
        series.append(x.copy())
    return np.array(series), x0


def main():
    np.set_printoptions(precision=17)
    for production, substitution in (("leontief", 0.0), ("partial", 0.0), ("partial", 0.5), ("linear", 0.0)):
        series, x0 = run(production, substitution)
        print(f"== {production} substitution {substitution}")
        for day in CHECK_DAYS:
            print(day, " ".join(repr(float(v)) for v in series[day]))
        lost = np.maximum(0, x0 - series).sum()
        gained = np.maximum(0, series - x0).sum()
        print("lost", repr(float(lost)), "gained", repr(float(gained)))


if __name__ == "__main__":
    main()
