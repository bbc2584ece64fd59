"""The big example of ML1 §3.3: y = h(g(x1, x2, x3)), dy2/dx2 along two paths."""

# --8<-- [start:paths]
import sympy as sp

x1, x2, x3 = sp.symbols("x1 x2 x3")
u, v = sp.symbols("u v")
g = {u: x1**2 * x2**2, v: sp.sqrt(x2 * x3)}  # u and v from the x's
y2 = u * v  # the middle output of h(u, v) = (u^2, uv, v^2)
through_u = sp.diff(y2, u) * sp.diff(g[u], x2)
through_v = sp.diff(y2, v) * sp.diff(g[v], x2)
print("path through u:", through_u)
print("path through v:", through_v)
dy2_dx2 = (through_u + through_v).subs(g)
print("dy2/dx2 =", dy2_dx2)
# --8<-- [end:paths]

# --8<-- [start:jacobian]
import sympy as sp

x = sp.symbols("x1:4", positive=True)
u = x[0] ** 2 * x[1] ** 2
v = sp.sqrt(x[1] * x[2])
y = sp.Matrix([u**2, u * v, v**2])  # h(g(x)) written out
J = y.jacobian(x)  # 3 x 3: row i holds the derivatives of y_i
print("shape:", J.shape)
print("J[1, 1] = dy2/dx2 =", sp.simplify(J[1, 1]))
# --8<-- [end:jacobian]

# --8<-- [start:numeric]
import numpy as np


def f(x):
    u = x[0] ** 2 * x[1] ** 2
    v = np.sqrt(x[1] * x[2])
    return np.array([u**2, u * v, v**2])


x0 = np.array([0.8, 1.5, 2.0])
h = 1e-6
J_fd = np.column_stack([(f(x0 + h * e) - f(x0 - h * e)) / (2 * h)
                        for e in np.eye(3)])
print("finite-difference Jacobian:")
print(J_fd.round(4))
print("dy2/dx2 = 5/2 x1^2 x2 sqrt(x2 x3):",
      round(2.5 * x0[0] ** 2 * x0[1] * np.sqrt(x0[1] * x0[2]), 4))
# --8<-- [end:numeric]

# The two paths give the source's formula, which simplifies to 5/2 x1^2 x2 sqrt(x2 x3);
# it is entry (2, 2) of the full Jacobian and matches the finite differences.
X1, X2, X3 = sp.symbols("x1 x2 x3")  # those of the first section
source_form = (2 * X1**2 * X2 * sp.sqrt(X2 * X3)
               + X1**2 * X2**2 * X3 / (2 * sp.sqrt(X2 * X3)))
simplified = sp.Rational(5, 2) * X1**2 * X2 * sp.sqrt(X2 * X3)
assert sp.simplify(dy2_dx2 - source_form) == 0
assert dy2_dx2 == simplified
positive = dict(zip((X1, X2, X3), x))  # the Jacobian section's positive symbols
assert J.shape == (3, 3)
assert sp.simplify(J[1, 1] - simplified.subs(positive)) == 0
J_exact = np.array(J.subs(dict(zip(x, x0))).evalf(), dtype=float)
assert np.allclose(J_fd, J_exact, rtol=1e-6, atol=1e-6)
assert np.isclose(J_fd[1, 1], 2.5 * x0[0] ** 2 * x0[1] * np.sqrt(x0[1] * x0[2]))
# The local derivatives on the two paths, and the simplification of the second term.
U, V = sp.symbols("u v")
assert through_u == 2 * V * X1**2 * X2
assert sp.simplify(through_v - U * X3 / (2 * sp.sqrt(X2 * X3))) == 0
second = X1**2 * X2**2 * X3 / (2 * sp.sqrt(X2 * X3))
assert sp.simplify(second - X1**2 * X2 * sp.sqrt(X2 * X3) / 2) == 0
# For the page's formulas, g as the first section has it, h(u, v) as y = h(g(x)) of the
# second (the page's check puts g in for u and v), written with the first section's x's,
# which may have any sign.
h_of_g = sp.Matrix([g[U] ** 2, g[U] * g[V], g[V] ** 2])
assert sp.simplify(h_of_g.subs(positive) - y) == sp.zeros(3, 1)
TEX = {
    r"\mathbf{g}(x_1, x_2, x_3)": sp.Matrix([g[U], g[V]]),
    r"\mathbf{h}(u, v)": h_of_g,
    r"\left(u^2,\ uv,\ v^2\right)": sp.Matrix([U**2, U * V, V**2]),
}
# u and v as unknown functions of the x's: the two-path sum for dy2/dx2 holds for any g.
u_of_x, v_of_x = (sp.Function(name)(X1, X2, X3) for name in "uv")
# The page's point of the finite differences: its (x_1, x_2, x_3) are numbers, not symbols.
TEX[r"(x_1, x_2, x_3)"] = sp.Matrix(x0)
# The second term of the two-path sum, the path through v, written in the x's.
second_term = through_v.subs(g)
# The local derivative on the path through v, dv/dx2, which the page writes x3/(2 sqrt(x2 x3)).
dv_dx2 = sp.diff(g[V], X2)
# SymPy prints it as sqrt(x2 x3)/(2 x2), as the page says.
assert str(dv_dx2) == "sqrt(x2*x3)/(2*x2)"
