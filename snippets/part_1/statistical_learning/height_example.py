"""The 22-year-olds of ML1 §4: the conditional mean height 1.69 m and its MSE."""

# --8<-- [start:float]
weights = [0.5, 0.3, 0.2]  # 50, 30 and 20 of the 100 people
heights = [1.70, 1.60, 1.80]  # metres
prediction = sum(w * h for w, h in zip(weights, heights, strict=True))
print(prediction)
print(prediction == 1.69)
print(f"{prediction:.2f}")
print(0.1 + 0.2)  # the classic example of the same effect
# --8<-- [end:float]

# --8<-- [start:exact]
from fractions import Fraction

import sympy as sp

weights = [Fraction(50, 100), Fraction(30, 100), Fraction(20, 100)]
heights = [Fraction("1.70"), Fraction("1.60"), Fraction("1.80")]
exact = sum(w * h for w, h in zip(weights, heights, strict=True))
print(exact, "=", float(exact))
print(sp.Rational("0.5") * sp.Rational("1.70")
      + sp.Rational("0.3") * sp.Rational("1.60")
      + sp.Rational("0.2") * sp.Rational("1.80"))
print(Fraction(0.3))  # the float 0.3 is not exactly 3/10
# --8<-- [end:exact]

# --8<-- [start:mse]
from fractions import Fraction

people = ([Fraction("1.70")] * 50 + [Fraction("1.60")] * 30
          + [Fraction("1.80")] * 20)  # the 100 people aged 22


def mse(c):
    return sum((c - t) ** 2 for t in people) / len(people)


for guess in ["1.60", "1.69", "1.70", "1.80"]:
    value = mse(Fraction(guess))
    print(f"predict {guess} m: MSE = {value} = {float(value)} m^2")
# --8<-- [end:mse]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np

heights_22 = np.repeat([1.70, 1.60, 1.80], [50, 30, 20])
c = np.linspace(1.55, 1.85, 301)  # candidate predictions
squared = ((c[:, None] - heights_22) ** 2).mean(axis=1)
absolute = np.abs(c[:, None] - heights_22).mean(axis=1)

fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
for ax, loss, name in [(left, squared, "mean squared error (m$^2$)"),
                       (right, absolute, "mean absolute error (m)")]:
    ax.plot(c, loss, color="tab:blue")
    ax.axvline(heights_22.mean(), color="tab:red", linestyle="--",
               label=f"mean {heights_22.mean():.2f} m")
    ax.axvline(np.median(heights_22), color="tab:green", linestyle=":",
               label=f"median {np.median(heights_22):.2f} m")
    ax.set_xlabel("prediction $c$ for age 22 (m)")
    ax.set_ylabel(name)
    ax.legend(frameon=False)  # no white box in dark mode
left.set_title("squared error: lowest at the mean")
right.set_title("absolute error: lowest at the median")
fig.tight_layout()
plt.show()
# --8<-- [end:plot]

import math  # noqa: E402

# The source's 1.69 m is right; the float lands one step (ulp) above 1.69.
assert exact == Fraction(169, 100)
assert prediction == 0.5 * 1.70 + 0.3 * 1.60 + 0.2 * 1.80
assert prediction != 1.69 and math.isclose(prediction, 1.69)
assert prediction - 1.69 == math.ulp(1.69)
assert Fraction(0.3) != Fraction(3, 10)
assert repr(0.1 + 0.2) == "0.30000000000000004"
best_height = f"{float(exact):.2f}"  # in metres: the page writes the unit after it
assert best_height == "1.69"
# The MSE is smallest at the mean; what is left is the variance, 0.0049 m^2,
# i.e. a standard deviation of 7 cm, and any other c adds (c - 1.69)^2 (two
# quadratics that agree at three or more points are the same quadratic).
smallest = mse(exact)
assert smallest == Fraction(49, 10000)
for guess in [Fraction(k, 1000) for k in range(1500, 1901, 10)]:
    assert mse(guess) == smallest + (guess - exact) ** 2
smallest_mse = sp.Rational(smallest.numerator, smallest.denominator)
spread = sp.sqrt(smallest_mse)  # the standard deviation, in metres
assert spread == sp.Rational(7, 100)
# Predicting 1.70 m costs (1.70 - 1.69)^2 = 1/10000 m^2 more than the mean (in metres,
# the snippet's unit; the page writes the unit in words, outside the formula).
extra = mse(Fraction("1.70")) - smallest
extra_170 = sp.Rational(extra.numerator, extra.denominator)
assert extra_170 == sp.Rational(1, 10000)

# The page's words: the 100 people aged 22, the heights 1.70, 1.60 and 1.80 m (a, b, c
# in that order) with their weights 0.5, 0.3, 0.2 and counts 50, 30, 20, the mean 1.69 m
# and the median 1.70 m. Of these heights and weights only 0.5 is a float exactly.
group_size = len(people)
h_a, h_b, h_c = (sp.Rational(h) for h in heights)
w_a, w_b, w_c = (sp.Rational(w) for w in weights)
n_a, n_b, n_c = (people.count(h) for h in heights)
mean_height = sp.Rational(exact)
median = float(np.median(heights_22))
assert [Fraction(float(v)) == v for v in heights + weights] == [False] * 3 + [True] + [False] * 2

# The figure's alt text: the range of the predictions c, and where each curve is lowest:
# the squared error at the mean (the red dashed line, the exact 169/100 m above), the
# absolute error at the median (the green dotted line).
c_min, c_max = c[0], c[-1]
lowest_squared = c[np.argmin(squared)]
lowest_absolute = c[np.argmin(absolute)]
assert np.isclose(lowest_squared, heights_22.mean()) and abs(lowest_squared - float(exact)) < 1e-9
assert np.isclose(lowest_absolute, median)
# What any prediction c adds to the smallest MSE, with c a symbol.
any_c = sp.Symbol("c", real=True)
extra_cost = sp.factor(mse(any_c) - smallest_mse)
# It is (c - 1.69)^2, the square of the distance to the mean, as the page says.
assert sp.expand(extra_cost - (any_c - mean_height) ** 2) == 0

# The figure's words: the age is the example's given, the one whose heights it draws.
DRAWN = {
    r"prediction $c$ for age 22 (m)": "declared: the example's given age (ML1 §4)",
}
