"""Squared error versus absolute error, and the MSE of a small data set, ML1 §4."""

# --8<-- [start:ratio]
truth = 170  # the person's height, in centimetres
for guess in (160, 150):
    error = guess - truth
    print(f"guess {guess} cm: |error| = {abs(error)} cm, "
          f"squared error = {error**2} cm^2")
print("absolute error ratio:", abs(150 - truth) / abs(160 - truth))
print("squared error ratio: ", (150 - truth) ** 2 / (160 - truth) ** 2)
# --8<-- [end:ratio]

# --8<-- [start:mse]
import numpy as np

x = np.array([1, 2, 4, 4, 6, 8])  # hours studied
t = np.array([5.0, 5.5, 6.0, 8.0, 7.5, 9.0])  # grades obtained


def y(x):
    return 4.5 + 0.5 * x  # some guess at the relationship


print("y(x_n) =", y(x))
print("errors =", y(x) - t)
print("MSE    =", np.mean((y(x) - t) ** 2))
# --8<-- [end:mse]

# Squared error: twice the distance is four times as bad; absolute: twice.
assert (150 - truth) ** 2 == 4 * (160 - truth) ** 2
assert abs(150 - truth) == 2 * abs(160 - truth)
# The MSE by the formula (1/N) sum (y(x_n) - t_n)^2, with N = 6.
N = len(x)
assert np.isclose(np.mean((y(x) - t) ** 2), sum((y(x) - t) ** 2) / N)
# Two students studied 4 hours with grades 6 and 8: whatever y(4) is, one
# of them is missed, and the smallest total squared miss is at y(4) = 7.
both = t[x == 4]
assert len(both) == 2 and both[0] != both[1]
candidates = np.linspace(5, 9, 401)
misses = [((c - both) ** 2).sum() for c in candidates]
assert np.isclose(candidates[np.argmin(misses)], both.mean()) and both.mean() == 7

# For the equation checker: the MSE printed above, and the sum of squared errors
# grouped by input value.
TEX = {
    r"\text{MSE}": np.mean((y(x) - t) ** 2),
    r"\sum_{x} \;\sum_{n \,:\, x_n = x} \big(y(x) - t_n\big)^2": sum(
        ((y(value) - t[x == value]) ** 2).sum() for value in np.unique(x)),
}

# The page's guessed line y(x) = 4.5 + 0.5x, read with x a symbol for the hours.
import sympy as sp  # noqa: E402

x_hours = sp.Symbol("x", nonnegative=True)

# The page's words in metres: the person's height, the nearer and the farther guess
# (the centimetres of the ratio section above, whose asserts use 160 and 150 too).
truth_m, near_m, far_m = (sp.Rational(cm, 100) for cm in (truth, 160, 150))
# The two students who share an input, the hours they studied and their two grades.
values, repeats = np.unique(x, return_counts=True)
(shared_hours,) = values[repeats == 2]
grade_low, grade_high = t[x == shared_hours]

# The same split for a whole distribution, here the data set's own (each example with
# probability 1/N): the expected squared error, and the page's sum over x of p(X = x) times
# the expected squared error given X = x.
expected_squared_error = np.mean((y(x) - t) ** 2)
TEX[r"\sum_x p(X = x)\,\mathbb{E}\big[(y(x) - T)^2 \mid X = x\big]"] = sum(
    np.mean(x == value) * np.mean((y(value) - t[x == value]) ** 2) for value in np.unique(x))
# The prediction at the shared input for any model y (an unknown function): the page's
# "whatever y(4) is".
any_y = sp.Function("y")
y_at_shared = any_y(int(shared_hours))
