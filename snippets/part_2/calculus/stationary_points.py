"""Zero slope at a minimum, a maximum and neither (EMAT31530 §1.4's lost three-panel figure)."""

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(-1.5, 1.5, 121)
panels = [("minimum", x**2), ("maximum", -(x**2)), ("neither", x**3)]

fig, axes = plt.subplots(1, 3, figsize=(9, 3), sharey=True)
for ax, (title, y) in zip(axes, panels):
    ax.plot(x, y, color="tab:blue")
    ax.plot([0], [0], "o", color="tab:red")
    # the flat tangent at x = 0
    ax.axhline(0, color="tab:red", linestyle="--", linewidth=0.8)
    ax.set_title(f"zero slope: {title}")
    ax.set_xlabel("$x$")
axes[0].set_ylabel("$f(x)$")
fig.tight_layout()
plt.show()
# --8<-- [end:plot]

# Each curve has slope 0 at x = 0. As the alt text says, x^2 has its lowest value there,
# -x^2 its highest, and x^3 neither, not even nearby: lower just left of 0, higher just right.
import sympy as sp  # noqa: E402

s = sp.symbols("x")
for f in (s**2, -(s**2), s**3):
    assert sp.diff(f, s).subs(s, 0) == 0
at_zero = int(np.flatnonzero(x == 0)[0])
curves = [y for _, y in panels]
assert [int(np.argmin(y)) == at_zero for y in curves] == [True, False, False]
assert [int(np.argmax(y)) == at_zero for y in curves] == [False, True, False]
assert curves[2][at_zero - 1] < curves[2][at_zero] < curves[2][at_zero + 1]
# The page's "the middle of x^3": the polynomial through the plotted points of the panel
# that is neither, in SymPy's x (s above).
coefficients = np.polyfit(x, dict(panels)["neither"], 3)[::-1]  # constant term first
neither = sum(int(round(c)) * s**n for n, c in enumerate(coefficients))
assert np.allclose(sp.lambdify(s, neither)(x), dict(panels)["neither"])
