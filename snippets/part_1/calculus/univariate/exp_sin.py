"""y = exp(sin x) along the path x -> u -> y, ML1 §3.2: multiply the local derivatives."""

# --8<-- [start:chain]
import sympy as sp

x, u = sp.symbols("x u")
du_dx = sp.diff(sp.sin(x), x)  # first step of the path: u = sin x
dy_du = sp.diff(sp.exp(u), u)  # second step: y = exp(u)
along_path = (dy_du * du_dx).subs(u, sp.sin(x))
print("dy/du =", dy_du, "  du/dx =", du_dx)
print("dy/dx =", along_path)
print("direct:", sp.diff(sp.exp(sp.sin(x)), x))
print("exp(x) is e**x:", sp.exp(x) == sp.E**x)
# --8<-- [end:chain]

# --8<-- [start:numeric]
import numpy as np

x0, h = 0.7, 1e-6
slope = (np.exp(np.sin(x0 + h)) - np.exp(np.sin(x0 - h))) / (2 * h)
formula = np.exp(np.sin(x0)) * np.cos(x0)
print(f"finite difference: {slope:.8f}")
print(f"exp(sin x) cos x:  {formula:.8f}")
# --8<-- [end:numeric]

dy_dx = along_path
y = sp.exp(u).subs(u, sp.sin(x))  # the output, y = exp(u) with u = sin x
f = sp.Lambda(x, y)  # the page's f : x -> exp(sin x)
assert dy_dx == sp.exp(sp.sin(x)) * sp.cos(x)
assert sp.simplify(dy_dx - sp.diff(y, x)) == 0
assert sp.exp(x) == sp.E**x
assert abs(slope - formula) < 1e-8

# For the page's checker: the local derivatives in the slash notation of its prose.
TEX = {"dy/du": dy_du, "du/dx": du_dx}
