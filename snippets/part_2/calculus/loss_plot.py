"""Plot of L(a) = a^2 + 5a - 3 and its slope, with the minimum found in §1.4 marked."""

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np

a = np.linspace(-7, 2, 181)
loss = a**2 + 5 * a - 3
slope = 2 * a + 5
best = -5 / 2  # where the slope is zero

fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(6, 5))
top.plot(a, loss, color="tab:blue")
top.plot([best], [best**2 + 5 * best - 3], "o", color="tab:red")
top.set_ylabel(r"$\mathcal{L}(a) = a^2 + 5a - 3$")
bottom.plot(a, slope, color="#e66100")
bottom.axhline(0, color="gray", linewidth=0.8)
bottom.plot([best], [0], "o", color="tab:red")
bottom.set_ylabel(r"$d\mathcal{L}/da = 2a + 5$")
bottom.set_xlabel(r"$a$")
for axes in (top, bottom):
    axes.axvline(best, color="tab:red", linestyle="--", linewidth=0.8)
    axes.grid(alpha=0.3)
top.set_title(r"Minimum at $a = -5/2$, where the slope crosses zero")
fig.tight_layout()
plt.show()
# --8<-- [end:plot]

# The marked point is the lowest sampled loss, and the slope changes sign there.
assert abs(a[np.argmin(loss)] - best) < 1e-12
assert slope[a < best].max() < 0 < slope[a > best].min()

# For the figure's alt text, what it draws: both curves as polynomials in a, fitted
# through their samples.
import sympy as sp  # noqa: E402

a_symbol = sp.Symbol("a")
loss_drawn = sp.Poly(np.polyfit(a, loss, 2), a_symbol).as_expr()
slope_drawn = sp.Poly(np.polyfit(a, slope, 1), a_symbol).as_expr()

# The bottom axis's label writes the derivative as d\mathcal{L}/da, which the checker's reader
# takes for a product: it means the derivative of the drawn loss curve.
TEX = {r"d\mathcal{L}/da": sp.diff(loss_drawn, a_symbol)}

# The formulas the figures draw: each checked against what the file computes, or declared.
DRAWN = {
    r"\mathcal{L}(a) = a^2 + 5a - 3": "check: :loss_drawn; L = loss_drawn; a = a_symbol",
    r"d\mathcal{L}/da = 2a + 5": "check: :slope_drawn; a = a_symbol",
    r"a = -5/2": "check: :best; a = best",
}
