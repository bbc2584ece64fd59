"""Exercise 3.3.1 (this book's own, ML1 §3.3): a 2 x 2 Jacobian, then its value at a point."""

# --8<-- [start:jacobian]
import sympy as sp

x1, x2 = sp.symbols("x1 x2")
y = sp.Matrix([x1**2 * x2, 3 * x1 + x2**2])
J = y.jacobian([x1, x2])  # row i: output y_i; column j: input x_j
print("dy/dx =", J)
J_at = J.subs({x1: 2, x2: -1})
print("at (x1, x2) = (2, -1):", J_at)
# --8<-- [end:jacobian]

# --8<-- [start:numeric]
import numpy as np


def f(x):
    return np.array([x[0] ** 2 * x[1], 3 * x[0] + x[1] ** 2])


x0, h = np.array([2.0, -1.0]), 1e-6
columns = [(f(x0 + h * e) - f(x0 - h * e)) / (2 * h) for e in np.eye(2)]
print(np.column_stack(columns).round(6))
# --8<-- [end:numeric]

y1, y2 = y  # the two outputs
assert J == sp.Matrix([[2 * x1 * x2, x1**2], [3, 2 * x2]])
assert J_at == sp.Matrix([[-4, 4], [3, -2]]) and J_at != J_at.T
assert np.allclose(np.column_stack(columns), np.array(J_at, dtype=float), atol=1e-8)

TEX = {r"\frac{d\mathbf{y}}{d\mathbf{x}}": J}
# The page's point: its (x_1, x_2) are numbers, not the symbols.
TEX[r"(x_1, x_2)"] = sp.Matrix(x0)
