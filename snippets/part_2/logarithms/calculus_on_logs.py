"""Differentiating a sum of logs is easier than a product (EMAT31530 §3, first reason).

Illustration added by the book: the likelihood of five coin flips.
"""

# --8<-- [start:likelihood]
import sympy as sp

theta = sp.symbols("theta", positive=True)  # probability of heads
flips = [1, 1, 0, 1, 0]  # 1 = heads, 0 = tails
factors = [theta if f else 1 - theta for f in flips]
likelihood = sp.Mul(*factors)  # product over the flips
log_likelihood = sum(sp.log(f) for f in factors)  # sum over the flips
print("product:       ", likelihood)
print("d/dtheta:      ", sp.diff(likelihood, theta))
slope = sp.diff(log_likelihood, theta)
print("sum of logs:   ", log_likelihood)
print("d/dtheta:      ", slope)
print("zero slope at: ", sp.solve(slope, theta))
# --8<-- [end:likelihood]

# Both routes find the same best theta, 3/5 (the fraction of heads).
best_from_log = sp.solve(sp.diff(log_likelihood, theta), theta)
best_from_product = [
    r for r in sp.solve(sp.diff(likelihood, theta), theta) if 0 < r < 1
]
assert best_from_log == best_from_product == [sp.Rational(3, 5)]
best = best_from_log[0]
