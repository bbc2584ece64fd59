"""Exercise 4.2 (this book's own, ML1 §4): the price of predicting the median, not the mean."""

# --8<-- [start:cost]
from fractions import Fraction

grades = [5, 6, 6, 7, 9]  # five students, each studied 3 hours


def mse(c):
    return Fraction(sum((c - t) ** 2 for t in grades), len(grades))


mean = Fraction(sum(grades), len(grades))
median = sorted(grades)[len(grades) // 2]
print("mean:", mean, "=", float(mean), "  median:", median)
print("MSE at the mean:", mse(mean), "=", float(mse(mean)))
print("MSE at the median:", mse(median), "=", float(mse(median)))
extra = (median - mean) ** 2  # the decomposition's (c - mu)^2
print("(median - mean)^2 =", extra, "=", float(extra))
# --8<-- [end:cost]

assert mean == Fraction(33, 5) and median == 6
assert mse(mean) == Fraction(46, 25) and mse(median) == Fraction(11, 5)
assert mse(median) - mse(mean) == extra == Fraction(9, 25)
# No constant on a fine grid beats the mean.
assert all(mse(mean) <= mse(Fraction(c, 100)) for c in range(400, 1000))

import sympy as sp  # noqa: E402

# The page's names: mu, the smallest MSE and the extra as exact SymPy numbers.
mu = sp.Rational(mean)
smallest = sp.Rational(mse(mean))
at_median = sp.Rational(mse(median))
extra = sp.Rational(extra)
c = sp.symbols("c")
MSE = sp.Lambda(c, sum((c - t) ** 2 for t in grades) / len(grades))
assert sp.expand(MSE(c) - ((c - mu) ** 2 + MSE(mu))) == 0  # the decomposition
# The page writes the MSE of a prediction as a function of it, which its checker reads
# only through these fragments.
TEX = {r"\text{MSE}(\mu)": smallest, r"\text{MSE}(6)": at_median, r"\text{MSE}(c)": MSE(c)}
