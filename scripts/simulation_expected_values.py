#!/usr/bin/env python3
"""Expected values for Tests/ChainRiskSimulationTests/StaticPropagationTests.swift, derived with numpy.

Table: regions R1 and R2 with sectors a and b each; R2 has no flows to or from R1 (a disconnected block).
Shock: R1 sector a loses 50 % of capacity for 26 weeks (182 days, step recovery) -> a = 0.5 * 182/365 on R1_a.
Supply shock (hypothetical extraction): direct d = a * x, upstream (Leontief) L A d, downstream (Ghosh) d B G.
Demand shock: direct a * y, upstream L A (a * y).
Run: python3 scripts/simulation_expected_values.py
"""
import numpy as np

Z = np.array([[10, 20, 0, 0], [15, 5, 0, 0], [0, 0, 8, 12], [0, 0, 6, 4]], dtype=float)
Y = np.array([[70, 0], [80, 0], [0, 40], [0, 50]], dtype=float)
x = Z.sum(axis=1) + Y.sum(axis=1)
a = np.array([0.5 * 182 / 365, 0, 0, 0])
A = Z / x                      # columns divided by output
B = Z / x[:, None]             # rows divided by output
L = np.linalg.inv(np.eye(4) - A)
G = np.linalg.inv(np.eye(4) - B)
v = x - Z.sum(axis=0)
y = Y.sum(axis=1)
d = a * x
upstream = L @ (A @ d)
downstream = (d @ B) @ G
demand_upstream = L @ (A @ (a * y))
q = np.linalg.solve(np.eye(4) - np.diag(1 / x) @ A @ np.diag(x), a)
np.set_printoptions(precision=17)
print("x", x)
print("supply: direct", repr(d))
print("supply: upstream (leontief)", repr(upstream), "output lost", repr(d + upstream))
print("supply: downstream (ghosh)", repr(downstream), "output lost", repr(d + downstream))
print("demand: direct", repr(a * y), "upstream", repr(demand_upstream), "output lost", repr(a * y + demand_upstream))
print("iim inoperability", repr(q))
print("iim output lost", repr(q * x))
print("leontief relation L (q0 x) ", repr(L @ (a * x)))
