"""The map x -> (x^2, sqrt x) and its 2 x 1 Jacobian, ML1 §3.3."""

# --8<-- [start:jacobian]
import sympy as sp

x = sp.symbols("x", positive=True)  # sqrt(x) needs x > 0
y = sp.Matrix([x**2, sp.sqrt(x)])
J = y.jacobian([x])
print("dy/dx =", J)
print("shape:", J.shape, "(2 outputs, 1 input)")
# --8<-- [end:jacobian]

# --8<-- [start:numeric]
import numpy as np


def f(x):
    return np.array([x**2, np.sqrt(x)])


x0, h = 2.0, 1e-6
print("finite differences:", (f(x0 + h) - f(x0 - h)) / (2 * h))
print("[2x, 1/(2 sqrt x)]:", np.array([2 * x0, 1 / (2 * np.sqrt(x0))]))
# --8<-- [end:numeric]

y1, y2 = y  # the two outputs
assert J == sp.Matrix([2 * x, 1 / (2 * sp.sqrt(x))]) and J.shape == (2, 1)
assert np.allclose((f(x0 + h) - f(x0 - h)) / (2 * h), [4, 1 / (2 * np.sqrt(2))])
# In general a map from R^n to R^m has an m x n Jacobian: here n = 3, m = 2.
s = sp.symbols("s1:4")
assert sp.Matrix([s[0] * s[1], s[2]]).jacobian(s).shape == (2, 3)
# Over the reals sqrt(x) is defined only for x >= 0 and differentiable for x > 0:
# the domain is (0, oo), not all of R as the source writes.
assert sp.sqrt(sp.Symbol("t", negative=True)).is_real is False
# The derivative of the second output, sqrt(x), which exists only for x > 0.
dsqrt_dx = J[1, 0]
