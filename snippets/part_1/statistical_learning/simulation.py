"""Simulated hours and grades: the conditional mean beats other predictors in MSE, ML1 §4."""

# --8<-- [start:simulate]
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
noise_sd = 1  # of the grades around their mean


def mean_grade(x):  # E[T | X = x]: each extra hour helps a little less
    return 4 + 5 * (1 - np.exp(-x / 4))


def sample(size):  # hours 0, 1, ..., 12, and a noisy grade
    x = rng.integers(0, 13, size=size)
    return x, mean_grade(x) + rng.normal(0, noise_sd, size=size)


x_train, t_train = sample(200)  # the data set D we learn from
x_test, t_test = sample(100_000)  # fresh people, to measure the MSE
group_mean = np.array([t_train[x_train == h].mean() for h in range(13)])
slope, intercept = np.polyfit(x_train, t_train, 1)
offset = 0.5  # a predictor that is always this much too high
predictors = {
    "E[T | X = x]": mean_grade,
    "group means of D": lambda x: group_mean[x],
    "least-squares line": lambda x: intercept + slope * x,
    f"E[T | X = x] + {offset}": lambda x: mean_grade(x) + offset,
    "mean of t, ignoring x": lambda x: np.full(len(x), t_train.mean()),
}
mse = {name: np.mean((y(x_test) - t_test) ** 2)
       for name, y in predictors.items()}
for name, value in mse.items():
    print(f"{name:22} test MSE = {value:.3f}")

fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.8))
jitter = rng.uniform(-0.15, 0.15, size=len(x_train))
left.plot(x_train + jitter, t_train, ".", color="gray")
hours = np.arange(13)
# Darker than tab:orange and tab:brown: 3:1 contrast in both themes
styles = ["tab:red", "#e66100", "tab:green", "tab:purple", "#a86f4f"]
for (name, y), colour in zip(predictors.items(), styles, strict=True):
    left.plot(hours, y(hours), color=colour, label=name)
left.set_xlabel("hours studied $x$")
left.set_ylabel("grade $t$")
left.legend(fontsize=8, frameon=False)  # no white box in dark mode
right.barh(list(mse), list(mse.values()), color=styles)
right.axvline(noise_sd**2, color="gray", linestyle="--")
right.invert_yaxis()
right.set_xlabel(f"test MSE (dashed: noise variance {noise_sd**2})")
fig.tight_layout()
plt.show()
# --8<-- [end:simulate]

# The conditional mean has the smallest test MSE, close to the noise
# variance 1 that no predictor can remove; every other predictor y pays
# about 1 + mean of (y(x) - E[T | X = x])^2 on top.
assert min(mse, key=mse.get) == "E[T | X = x]"
assert abs(mse["E[T | X = x]"] - 1) < 0.02
for name, y in predictors.items():
    gap = np.mean((y(x_test) - mean_grade(x_test)) ** 2)
    assert abs(mse[name] - (1 + gap)) < 0.03, name
assert abs(mse[f"E[T | X = x] + {offset}"] - 1.25) < 0.03
# On the data set itself, no function of x beats the group means: moving
# any one group's prediction away from its mean raises the training MSE.
assert all((x_train == h).any() for h in range(13))
train_mse = np.mean((group_mean[x_train] - t_train) ** 2)
for h in range(13):
    for step in (-0.1, 0.1):
        moved = group_mean.copy()
        moved[h] += step
        assert np.mean((moved[x_train] - t_train) ** 2) > train_mse
# "About 15 students per hour": 200 / 13 on average, each hour 8 to 25.
per_hour = np.bincount(x_train, minlength=13)
assert per_hour.sum() == 200 and 8 <= per_hour.min() and per_hour.max() <= 25

# The page's words: the hours from 0 to 12, the noise (standard deviation and variance 1,
# as drawn by rng.normal(0, noise_sd) above), the sizes of D and of the fresh test set,
# and the students per hour, on average about 15.
hours_min, hours_max = hours.min(), hours.max()
assert set(np.unique(x_test)) == set(np.unique(x_train)) == set(hours)
noise_variance = noise_sd**2
assert abs(np.var(t_test - mean_grade(x_test)) - noise_variance) < 0.02
n_train, n_test = len(x_train), len(x_test)
true_mse = mse["E[T | X = x]"]  # the page's "MSE of about 1"
students_per_hour = round(n_train / len(hours))

# For the equation checker: the predictor with the smallest test MSE and the conditional
# mean, as SymPy functions of the hours x that evaluate through the snippet's own NumPy
# functions (the checker compares them at points x).
import sympy as sp  # noqa: E402
from sympy.utilities.lambdify import implemented_function  # noqa: E402

best_predictor = predictors[min(mse, key=mse.get)]
assert np.allclose(best_predictor(hours), mean_grade(hours))
y_star = implemented_function(
    "y_star", lambda h: float(best_predictor(np.array([float(h)]))[0]))
conditional_mean = implemented_function("E_T", lambda h: float(mean_grade(float(h))))
x = sp.Symbol("x", nonnegative=True)  # hours studied
TEX = {r"y^\star(x)": y_star(x), r"\mathbb{E}[T \mid X = x]": conditional_mean(x)}

# The figure's alt text: how far the purple curve lies above the true conditional mean,
# and where the dashed line of the right panel is drawn (at the noise variance).
shift = np.mean(predictors[f"E[T | X = x] + {offset}"](hours) - mean_grade(hours))
noise_line = right.lines[0].get_xdata()[0]
assert noise_line == noise_variance

# The alt text: the true conditional mean is "rising and flattening" (each hour's rise
# smaller than the one before), and of the test MSE bars "the flat overall mean [is] by
# far the longest" (over twice the next longest).
true_curve = mean_grade(hours)
assert (np.diff(true_curve) > 0).all() and (np.diff(true_curve, 2) < 0).all()
flat_mse, *shorter = sorted(mse.values(), reverse=True)
assert flat_mse == mse["mean of t, ignoring x"] and flat_mse > 2 * shorter[0]
