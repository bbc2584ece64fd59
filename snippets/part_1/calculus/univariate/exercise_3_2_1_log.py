"""Exercise 3.2.1 (this book's own, ML1 §3.2): y = ln(1 + x^2) along x -> u -> y."""

# --8<-- [start:path]
import sympy as sp

x, u = sp.symbols("x u")
du_dx = sp.diff(1 + x**2, x)  # first step of the path: u = 1 + x^2
dy_du = sp.diff(sp.log(u), u)  # second step: y = ln u
dy_dx = (dy_du * du_dx).subs(u, 1 + x**2)
print("du/dx =", du_dx, "  dy/du =", dy_du)
print("dy/dx =", dy_dx)
print("direct:", sp.diff(sp.log(1 + x**2), x))
# --8<-- [end:path]

y = sp.log(1 + x**2)  # the output, written out
assert du_dx == 2 * x and dy_du == 1 / u
assert dy_dx == 2 * x / (1 + x**2) and sp.simplify(dy_dx - sp.diff(y, x)) == 0
# The slope is 0 at x = 0 and largest at x = 1, where it is 1.
assert dy_dx.subs(x, 0) == 0 and sp.solve(sp.diff(dy_dx, x), x) == [-1, 1]

# For the page's checker: the local derivatives in the slash notation of its prose.
TEX = {"dy/du": dy_du, "du/dx": du_dx}
# The inner value 1 + x^2, the argument of the logarithm in y.
u_of_x = y.args[0]
# It is what the answer puts back in for u.
assert dy_dx == (dy_du * du_dx).subs(u, u_of_x)
