"""Product rule on y = (x + x^2 + x^3)(2x + 3x^2 + x^3), EMAT31530 §1.3 eqs. (21)-(29)."""

# --8<-- [start:product]
import sympy as sp

x = sp.symbols("x")
u = x + x**2 + x**3
v = 2 * x + 3 * x**2 + x**3
by_rule = u * sp.diff(v, x) + v * sp.diff(u, x)  # u v' + v u'
print("u v' + v u' =", by_rule)
print("expanded    =", sp.expand(by_rule))
# --8<-- [end:product]

# --8<-- [start:terms]
import sympy as sp

x = sp.symbols("x")
u_terms = [x, x**2, x**3]
v_terms = [2 * x, 3 * x**2, x**3]
products = [a * b for a in u_terms for b in v_terms]  # brackets out
print(len(products), "products:", products)
print("collected:", sp.expand(sum(products)))
# --8<-- [end:terms]

# The rule matches differentiating the multiplied-out product, which has 9 terms
# before like powers are collected (5 after).
y = sp.expand(u * v)
assert sp.expand(by_rule - sp.diff(y, x)) == 0
assert len(products) == 9 and len(sp.Add.make_args(y)) == 5
assert sp.expand(sum(products) - y) == 0
expanded_derivative = sp.expand(by_rule)
assert expanded_derivative == 6 * x**5 + 20 * x**4 + 24 * x**3 + 15 * x**2 + 4 * x

# For the equation checker: arbitrary functions u(x), v(x) for the product rule as stated
# in eq. (21), and the aligned line break before "+" in eqs. (26)-(29), which only lays
# out one sum over two rows (it stands for a factor 1, so the rows are read as one side).
u_any, v_any = sp.Function("u")(x), sp.Function("v")(x)
TEX = {"\\\\\n&\\qquad": 1}
