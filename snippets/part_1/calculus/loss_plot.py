"""Figures 1 and 2 of ML1 §3.1: the loss f(x) = x^2 + 4x - 2, then f with f'(x) = 2x + 4."""

# --8<-- [start:figure1]
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(-6, 2, 161)
f = x**2 + 4 * x - 2

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(x, f, color="tab:blue", label="$f(x) = x^2 + 4x - 2$")
ax.set_xlabel("model parameter $x$")
ax.set_ylabel("error $f(x)$")
ax.grid(alpha=0.3)
ax.legend()
ax.set_title("Figure 1: an example loss")
plt.show()
# --8<-- [end:figure1]

# --8<-- [start:figure2]
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(-6, 2, 161)
f = x**2 + 4 * x - 2
slope = 2 * x + 4  # f'(x)

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(x, f, color="tab:blue", label="$f(x) = x^2 + 4x - 2$")
ax.plot(x, slope, color="#e66100", label="$f'(x) = 2x + 4$")
ax.axhline(0, color="gray", linewidth=0.8)
ax.axvline(-2, color="tab:red", linestyle="--", linewidth=0.8)
# the minimum of f and the zero of f'
ax.plot([-2, -2], [-6, 0], "o", color="tab:red")
ax.set_xlabel("model parameter $x$")
ax.grid(alpha=0.3)
ax.legend()
ax.set_title("Figure 2: the loss and its derivative")
plt.show()
# --8<-- [end:figure2]

# What the figures draw, for their alt texts: the range of x, the lowest sampled point
# of f, and the two curves as polynomials in x, fitted through their samples.
import sympy as sp  # noqa: E402

x_from, x_to = x[0], x[-1]
lowest = int(np.argmin(f))
x_lowest, f_lowest = x[lowest], f[lowest]
# f' is zero there and changes sign, and Figure 2's dashed line and red dots stand on
# that point and on the zero of f' below it.
assert slope[lowest] == 0 and slope[x < x_lowest].max() < 0 < slope[x > x_lowest].min()
assert np.all(ax.lines[3].get_xdata() == x_lowest)
assert np.array_equal(ax.lines[4].get_xydata(), [[x_lowest, f_lowest], [x_lowest, 0]])
x_symbol = sp.Symbol("x")
f_drawn = sp.Poly(np.polyfit(x, f, 2), x_symbol).as_expr()
slope_drawn = sp.Poly(np.polyfit(x, slope, 1), x_symbol).as_expr()

# The formulas the figures draw: each checked against what the file computes, or declared.
DRAWN = {
    r"f(x) = x^2 + 4x - 2": "check: :f_drawn; f = f_drawn; x = x_symbol",
    r"f'(x) = 2x + 4": "check: :slope_drawn; f = f_drawn; x = x_symbol",
}
