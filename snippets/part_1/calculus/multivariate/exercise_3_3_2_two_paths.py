"""Exercise 3.3.2 (this book's own, ML1 §3.3): y = uv with x1 on two paths."""

# --8<-- [start:paths]
import sympy as sp

x1, x2, u, v = sp.symbols("x1 x2 u v")
g = {u: x1 + x2, v: x1 * x2}  # the intermediate values
y = u * v
through_u = sp.diff(y, u) * sp.diff(g[u], x1)  # path x1 -> u -> y
through_v = sp.diff(y, v) * sp.diff(g[v], x1)  # path x1 -> v -> y
dy_dx1 = sp.expand((through_u + through_v).subs(g))
print("via u:", through_u, "  via v:", through_v)
print("dy/dx1 =", dy_dx1)
print("direct:", sp.expand(sp.diff(y.subs(g), x1)))
# --8<-- [end:paths]

assert through_u == v and through_v == u * x2
assert dy_dx1 == 2 * x1 * x2 + x2**2 == sp.expand(sp.diff(y.subs(g), x1))
# One path alone is not the derivative.
assert sp.expand(through_u.subs(g) - dy_dx1) != 0
assert sp.expand(through_v.subs(g) - dy_dx1) != 0
# What each path alone gives, in the x's: the page's "forgetting a path".
only_u, only_v = through_u.subs(g), through_v.subs(g)
