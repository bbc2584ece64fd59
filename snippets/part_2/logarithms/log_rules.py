"""log turns products into sums, powers into multiples: EMAT31530 §3 eqs. (43)-(47)."""

# --8<-- [start:rules]
import sympy as sp

b, c, x = sp.symbols("b c x", positive=True)
y = sp.symbols("y", real=True)
print(sp.expand_log(sp.log(b * c)))  # eq. (43)
print(sp.expand_log(sp.log(x**y)))  # eqs. (44)-(46)
# --8<-- [end:rules]

# --8<-- [start:many]
import numpy as np

rng = np.random.default_rng(0)
x = rng.uniform(0.5, 2.0, size=10)  # ten positive datapoints
print("log of the product:", np.log(np.prod(x)))
print("sum of the logs:   ", np.sum(np.log(x)))
# --8<-- [end:many]

# The rules, checked symbolically and numerically.
product_rule = sp.expand_log(sp.log(b * c))
p = sp.symbols("p", positive=True)
power_rule = sp.expand_log(sp.log(p**y))
assert product_rule == sp.log(b) + sp.log(c)
# Eq. (43) needs b, c > 0: for b = c = -1 the left side is log 1 = 0, while the
# right side has no real value (SymPy's complex logs give 2 pi i).
left_at_minus_1, right_at_minus_1 = sp.log((-1) * (-1)), sp.log(-1) + sp.log(-1)
assert left_at_minus_1 == 0 and right_at_minus_1 == 2 * sp.pi * sp.I
assert power_rule == y * sp.log(p)
# The power rule is not only for whole numbers of factors: y = 1/2 and y = -3 too.
assert np.isclose(np.log(7.0**0.5), 0.5 * np.log(7.0))
assert np.isclose(np.log(7.0**-3), -3 * np.log(7.0))
# Eq. (47) for a symbolic product of N = 5 factors, and numerically for N = 10.
i = sp.symbols("i", integer=True)
xs = sp.IndexedBase("x", positive=True)
lhs = sp.expand_log(sp.log(sp.Product(xs[i], (i, 1, 5)).doit()), force=True)
assert lhs == sp.Sum(sp.log(xs[i]), (i, 1, 5)).doit()
assert np.isclose(np.log(np.prod(x)), np.sum(np.log(x)), rtol=1e-14)
# As the page says, the two printed numbers differ, in the last digit or two only.
printed = str(np.log(np.prod(x))), str(np.sum(np.log(x)))
assert printed[0] != printed[1] and printed[0][:-2] == printed[1][:-2]

# For the equation checker: eqs. (44)-(46) are about the positive symbol x of the first
# block (x is data by now), and their dots stand for the rest of the y factors or terms.
x_symbol = sp.Symbol("x", positive=True)
TEX = {
    r"\cdots \times x": x_symbol ** (y - 2),
    r"\cdots + \log x": (y - 2) * sp.log(x_symbol),
}
log_of_power = sp.expand_log(sp.log(x_symbol**y))
assert log_of_power == y * sp.log(x_symbol)
# The page's log(-1), each of the two equal terms of the right side at b = c = -1: no real value.
log_of_minus_1 = right_at_minus_1 / 2
assert log_of_minus_1 == sp.log(-1) and log_of_minus_1.is_real is False
