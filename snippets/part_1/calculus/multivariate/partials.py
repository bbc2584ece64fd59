"""Partial derivatives and the gradient of y = x1 x2^2, ML1 §3.3."""

# --8<-- [start:partials]
import sympy as sp

x1, x2 = sp.symbols("x1 x2")
y = x1 * x2**2
print("dy/dx1 =", sp.diff(y, x1))  # x2 held constant
print("dy/dx2 =", sp.diff(y, x2))  # x1 held constant
gradient = sp.Matrix([y]).jacobian([x1, x2])  # one output: one row
print("dy/dx =", gradient, "shape", gradient.shape)
# --8<-- [end:partials]

# --8<-- [start:numeric]
import numpy as np


def f(x):
    return x[0] * x[1] ** 2


x = np.array([1.5, -0.5])
h = 1e-6
rates = [(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(2)]
print("finite differences:", np.round(rates, 6))
print("[x2^2, 2 x1 x2]:   ", np.array([x[1] ** 2, 2 * x[0] * x[1]]))
# --8<-- [end:numeric]

d_x1, d_x2 = sp.diff(y, x1), sp.diff(y, x2)
assert d_x1 == x2**2 and d_x2 == 2 * x1 * x2
assert gradient == sp.Matrix([[x2**2, 2 * x1 * x2]]) and gradient.shape == (1, 2)
# The page's row of partials (its checker reads no `&` inside a matrix) and dy/dx itself.
TEX = {
    (r"\begin{bmatrix} \frac{\partial y}{\partial x_1} & "
     r"\frac{\partial y}{\partial x_2} \end{bmatrix}"): sp.Matrix([[d_x1, d_x2]]),
    r"\frac{dy}{d\mathbf{x}}": sp.Matrix([[sp.diff(y, s) for s in (x1, x2)]]),
}
assert np.allclose(rates, [x[1] ** 2, 2 * x[0] * x[1]], atol=1e-8)
# Footnote 8: a gradient is a first derivative (one row of first partials); a
# higher-order derivative is something else, e.g. the 2 x 2 Hessian of second partials.
hessian = sp.hessian(y, (x1, x2))
assert hessian == sp.Matrix([[0, 2 * x2], [2 * x2, 2 * x1]]) and hessian != gradient
# The page's point of the finite differences: its (x_1, x_2) are numbers, not the symbols.
TEX[r"(x_1, x_2)"] = sp.Matrix(x)
