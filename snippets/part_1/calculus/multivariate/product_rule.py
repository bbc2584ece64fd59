"""y = g(h(x)) with u = x^2, v = ln x, y = uv: two paths give the product rule, ML1 §3.3."""

# --8<-- [start:paths]
import sympy as sp

x, u, v = sp.symbols("x u v", positive=True)
y = u * v
through_u = sp.diff(y, u) * sp.diff(x**2, x)  # dy/du * du/dx
through_v = sp.diff(y, v) * sp.diff(sp.log(x), x)  # dy/dv * dv/dx
dy_dx = (through_u + through_v).subs({u: x**2, v: sp.log(x)})
print("path through u:", through_u)
print("path through v:", through_v)
print("sum:", dy_dx)
print("direct:", sp.diff(x**2 * sp.log(x), x))
# --8<-- [end:paths]

# --8<-- [start:rule]
import sympy as sp

x = sp.symbols("x")
u, v = sp.Function("u")(x), sp.Function("v")(x)
U, V = sp.symbols("U V")  # the two intermediate values as plain symbols
paths = (sp.diff(U * V, U) * sp.diff(u, x)
         + sp.diff(U * V, V) * sp.diff(v, x)).subs({U: u, V: v})
print("sum over paths:", paths)
print("equals d(uv)/dx:", sp.simplify(paths - sp.diff(u * v, x)) == 0)
# --8<-- [end:rule]

# --8<-- [start:numeric]
import numpy as np

x0, h = 1.3, 1e-6
slope = ((x0 + h) ** 2 * np.log(x0 + h)
         - (x0 - h) ** 2 * np.log(x0 - h)) / (2 * h)
print(f"finite difference:  {slope:.8f}")
print(f"2x (ln x + 1/2):    {2 * x0 * (np.log(x0) + 0.5):.8f}")
# --8<-- [end:numeric]

# The sections reuse names, so take the positive x of the first one back.
assert sp.expand(paths - sp.diff(u * v, x)) == 0  # the product rule
paths_u_v = dy_dx
x = sp.symbols("x", positive=True)
factored = 2 * x * (sp.log(x) + sp.Rational(1, 2))
assert paths_u_v == 2 * x * sp.log(x) + x
assert sp.expand(factored - paths_u_v) == 0
assert sp.simplify(paths_u_v - sp.diff(x**2 * sp.log(x), x)) == 0
assert abs(slope - 2 * x0 * (np.log(x0) + 0.5)) < 1e-8
# The local derivatives along the two paths: dy/du * du/dx = 2xv and dy/dv * dv/dx = u/x.
U, V = sp.symbols("u v", positive=True)
assert through_u == 2 * x * V and through_v == U / x
# The page's inner map h(x) = (u, v) = (x^2, ln x), which the shown code puts in for u and v,
# and g(u, v) = uv (y above), for the page's formulas.
h = sp.Matrix([x**2, sp.log(x)])
assert dy_dx == (through_u + through_v).subs(dict(zip((U, V), h)))
assert y == U * V
TEX = {
    r"\mathbf{h}(x)": h,
    r"g(u, v)": y,
}
