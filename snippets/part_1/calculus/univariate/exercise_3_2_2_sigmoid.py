"""Exercise 3.2.2 (this book's own, ML1 §3.2): the sigmoid as a path of four steps."""

# --8<-- [start:path]
import sympy as sp

x, u, v, w = sp.symbols("x u v w")
# The path x -> u -> v -> w -> y: each step and the value it takes in.
steps = [(-x, x), (sp.exp(u), u), (1 + v, v), (1 / w, w)]
local = [sp.diff(step, value) for step, value in steps]
print("local derivatives:", local)
# Multiply along the path, then write u, v and w in terms of x.
in_x = {u: -x, v: sp.exp(-x), w: 1 + sp.exp(-x)}
dy_dx = sp.Mul(*local).subs(in_x)
print("dy/dx =", dy_dx)
# --8<-- [end:path]

# --8<-- [start:identity]
import sympy as sp

x = sp.symbols("x")
sigma = 1 / (1 + sp.exp(-x))
dy_dx = sp.diff(sigma, x)
print("dy/dx =", dy_dx)
print("equals sigma (1 - sigma):",
      sp.simplify(dy_dx - sigma * (1 - sigma)) == 0)
# --8<-- [end:identity]

y = sigma
u, v, w = sp.symbols("u v w")
assert local == [-1, sp.exp(u), 1, -1 / w**2]
assert dy_dx == sp.exp(-x) / (1 + sp.exp(-x)) ** 2
assert sp.simplify(sp.Mul(*local).subs(in_x) - dy_dx) == 0
assert sp.simplify(dy_dx - sigma * (1 - sigma)) == 0
# The steepest slope is 1/4, at x = 0, where sigma = 1/2.
assert dy_dx.subs(x, 0) == sp.Rational(1, 4) and sigma.subs(x, 0) == sp.Rational(1, 2)
# The page's local derivatives one by one, and their product along the path.
du_dx, dv_du, dw_dv, dy_dw = local
path_product = sp.Mul(*local)
# The sigmoid's range, the open interval (0, 1), as its end points.
sigmoid_range = sp.calculus.util.function_range(sigma, x, sp.S.Reals)
assert sigmoid_range.left_open and sigmoid_range.right_open
range_ends = [sigmoid_range.start, sigmoid_range.end]
# The slope split in two, y times the rest: the rest is what dy/dx leaves after dividing by y.
rest_factor = sp.simplify(dy_dx / y)
