"""Chain rule on y = (x + 1)^3 with u = x + 1, EMAT31530 §1.2 eqs. (14)-(20)."""

# --8<-- [start:chain]
import sympy as sp

x, u = sp.symbols("x u")
inner = x + 1  # u(x)
outer = u**3  # y(u)
dy_du = sp.diff(outer, u)
du_dx = sp.diff(inner, x)
dy_dx = (dy_du * du_dx).subs(u, inner)  # then put u = x + 1 back
print("dy/du =", dy_du)
print("du/dx =", du_dx)
print("dy/dx =", dy_dx)
# --8<-- [end:chain]

# Eq. (18) with its bracket, d(x + 1)/dx = 1, and the chain rule agrees with
# differentiating the expanded cubic directly.
assert du_dx == 1
assert dy_dx == 3 * (x + 1) ** 2
assert sp.expand(dy_dx) == sp.diff(sp.expand((x + 1) ** 3), x)

# Names for the equation checker: y(x) of eq. (14), and arbitrary functions u(x), y(u)
# for the chain rule as stated in eq. (16).
y = outer.subs(u, inner)
assert dy_dx == sp.diff(y, x)
u_any = sp.Function("u")(x)
y_any = sp.Function("y")(u_any)
assert sp.diff(y_any, x) == sp.diff(y_any, u_any) * sp.diff(u_any, x)
