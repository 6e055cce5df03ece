#!/usr/bin/env python3
"""Expected values for the input-output account tests (issue 5), computed independently with numpy and pandas.

Run: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy pandas pymrio
     /tmp/venv/bin/python scripts/derive_io_expectations.py [../shared/data]
The tests in Tests/ChainRiskIOTests/IOAccountsExpectationTests.swift cite the figures this prints (17 significant
digits). Definitions (Miller & Blair 2009, ch. 2 and 12):
  A = Z diag(x)^-1 (zero output -> zero column), L = (I - A)^-1,
  output multiplier m_j = sum_i L_ij, backward linkage BL_j = n m_j / sum(L),
  B = diag(x)^-1 Z, G = (I - B)^-1, forward linkage FL_i = n (G 1)_i / sum(G).
"""
import sys
from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/data")
WIOD = DATA / "wiod2013"


def accounts(Z, x):
    n = len(x)
    safe = np.where(x == 0, 1.0, x)
    A = Z / safe[None, :]
    A[:, x == 0] = 0
    L = np.linalg.inv(np.eye(n) - A)
    m = L.sum(axis=0)
    backward = n * m / L.sum()
    B = Z / safe[:, None]
    B[x == 0, :] = 0
    G = np.linalg.inv(np.eye(n) - B)
    g = G.sum(axis=1)
    forward = n * g / G.sum()
    return A, L, m, backward, forward


def show(name, value):
    print(f"{name} = {float(value)!r}" if np.isscalar(value) else f"{name} = {value!r}")


def report(tag, labels, Z, Y, x):
    A, L, m, backward, forward = accounts(Z, x)
    index = {label: i for i, label in enumerate(labels)}
    print(f"## {tag}: {len(labels)} sectors")
    show(f"{tag} rho(A)", max(abs(np.linalg.eigvals(A))))
    show(f"{tag} sum of multipliers", m.sum())
    show(f"{tag} max multiplier", m.max())
    print(f"{tag} argmax multiplier = {labels[int(m.argmax())]}")
    show(f"{tag} min multiplier", m.min())
    for label in ["NLD_c14", "NLD_c1", "CHN_c12"]:
        if label in index:
            i = index[label]
            show(f"{tag} multiplier {label}", m[i])
            show(f"{tag} backward {label}", backward[i])
            show(f"{tag} forward {label}", forward[i])
    i, j = index["NLD_c14"], index["NLD_c9"]
    show(f"{tag} L[NLD_c14,NLD_c14]", L[i, i])
    show(f"{tag} L[NLD_c9,NLD_c14]", L[j, i])
    show(f"{tag} trace L", np.trace(L))
    show(f"{tag} sum L", L.sum())
    y = Y.sum(axis=1)
    xs = np.linalg.solve(np.eye(len(x)) - A, y)
    show(f"{tag} (L y)[NLD_c14]", xs[i])
    show(f"{tag} sum forward", forward.sum())
    show(f"{tag} max forward", forward.max())
    print(f"{tag} argmax forward = {labels[int(forward.argmax())]}")
    va = x - Z.sum(axis=0)
    print(f"{tag} negative value added: {int((va < 0).sum())}")
    imbalance = (Z.sum(axis=1) + Y.sum(axis=1) - x)
    rel = np.abs(imbalance) / np.where(x == 0, 1, x)
    print(f"{tag} row imbalance > 1%: {int((rel > 0.01).sum())}, > 0.1%: {int((rel > 0.001).sum())}, zero x: {int((x == 0).sum())}")


def nld11():
    Z = pd.read_csv(WIOD / "wiod2013_2011_nld11_Z.csv", index_col=0)
    Y = pd.read_csv(WIOD / "wiod2013_2011_nld11_Y.csv", index_col=0).loc[Z.index]
    x = pd.read_csv(WIOD / "wiod2013_2011_nld11_x.csv", index_col=0).loc[Z.index].iloc[:, 0]
    report("nld11", list(Z.index), Z.values.astype(float), Y.values.astype(float), x.values.astype(float))


def full():
    xs = pd.read_csv(WIOD / "wiod2013_2011_full_x.csv")
    labels = [f"{c}_{s}" for c, s in zip(xs.country, xs.industry)]
    index = {label: i for i, label in enumerate(labels)}
    n = len(labels)
    Zl = pd.read_csv(WIOD / "wiod2013_2011_full_Z_long.csv.gz")
    Z = np.zeros((n, n))
    rows = [index[f"{c}_{s}"] for c, s in zip(Zl.row_country, Zl.row_industry)]
    cols = [index[f"{c}_{s}"] for c, s in zip(Zl.col_country, Zl.col_industry)]
    np.add.at(Z, (rows, cols), Zl.value_musd.values.astype(float))
    Yl = pd.read_csv(WIOD / "wiod2013_2011_full_Y_long.csv.gz")
    y = np.zeros(n)
    np.add.at(y, [index[f"{c}_{s}"] for c, s in zip(Yl.row_country, Yl.row_industry)], Yl.value_musd.values.astype(float))
    x = xs.gross_output_musd.values.astype(float)
    report("full", labels, Z, y[:, None], x)


def miller_blair():
    Z = np.array([[150.0, 500.0], [200.0, 100.0]])
    x = np.array([1000.0, 2000.0])
    A, L, m, backward, forward = accounts(Z, x)
    print("## Miller & Blair 2009, section 2.3")
    show("A", A.tolist())
    show("L", L.tolist())
    show("multipliers", m.tolist())
    show("backward", backward.tolist())
    show("forward", forward.tolist())


def pymrio_test_system():
    """pymrio's own A, L and x for its test system (the files in shared/data/pymrio_testmrio are byte-identical)."""
    import pymrio

    io = pymrio.load_test()
    io.calc_all()
    print(f"## pymrio {pymrio.__version__} test MRIO")
    show("pymrio A[reg1 food, reg1 food]", io.A.loc[("reg1", "food"), ("reg1", "food")])
    show("pymrio A[reg2 mining, reg3 manufactoring]", io.A.loc[("reg2", "mining"), ("reg3", "manufactoring")])
    show("pymrio L[reg1 food, reg1 food]", io.L.loc[("reg1", "food"), ("reg1", "food")])
    show("pymrio L[reg6 other, reg2 trade]", io.L.loc[("reg6", "other"), ("reg2", "trade")])
    show("pymrio x[reg1 manufactoring]", io.x.loc[("reg1", "manufactoring"), "indout"])
    show("pymrio x[reg4 trade]", io.x.loc[("reg4", "trade"), "indout"])
    show("pymrio sum x", io.x.values.sum())
    va = io.factor_inputs.F.loc["Value Added"]
    show("pymrio value added reg1 food (factor_input.txt)", va.loc[("reg1", "food")])


if __name__ == "__main__":
    pymrio_test_system()
    miller_blair()
    nld11()
    full()
