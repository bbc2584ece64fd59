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

# The lowest sampled loss sits at x = -2, with value -6, and f' changes sign there.
assert abs(x[np.argmin(f)] + 2) < 1e-12
assert abs(f.min() + 6) < 1e-12
assert slope[x < -2].max() < 0 < slope[x > -2].min()
