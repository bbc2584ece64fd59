"""Exercise 2, EMAT31530 §6 eq. (98) and §7 eqs. (114)-(120): d/dx (x + 1)^3 by the chain rule."""

# --8<-- [start:chain]
import sympy as sp

x, u = sp.symbols("x u")
inner = x + 1  # u(x)
outer = u**3  # y(u)
du_dx = sp.diff(inner, x)
dy_du = sp.diff(outer, u)
dy_dx = (du_dx * dy_du).subs(u, inner)  # then put u = x + 1 back
print("du/dx =", du_dx)
print("dy/du =", dy_du)
print("dy/dx =", dy_dx)
# --8<-- [end:chain]

# Eqs. (119)-(120), and agreement with SymPy differentiating (x + 1)^3 in one go.
assert du_dx == 1 and dy_du == 3 * u**2
assert dy_dx == 3 * (x + 1) ** 2
assert dy_dx == sp.diff((x + 1) ** 3, x)
# For the page's eqs. (116)-(119): the chain rule's factors, dy/du taken with u the variable.
TEX = {r"\frac{du}{dx}": du_dx, r"\frac{dy}{du}": dy_du}
# The page's (x + 1)^3, the function of eq. (98): the outer power of the inner function.
cubic = outer.subs(u, inner)
assert dy_dx == sp.diff(cubic, x)
