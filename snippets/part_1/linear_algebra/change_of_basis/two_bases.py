"""The canonical basis b1, b2 and the new basis d1, d2 of ML1 §2.6 eq. (3), drawn."""

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np

d1 = np.array([3 / 5, 1 / 3])
d2 = np.array([1 / 3, 1])
fig, ax = plt.subplots(figsize=(6, 5))
for c in range(-3, 4):  # grid lines of each basis: one coordinate fixed
    t = np.array([-3, 3])
    ax.plot(t, [c, c], color="gray", linewidth=0.5, alpha=0.5)
    ax.plot([c, c], t, color="gray", linewidth=0.5, alpha=0.5)
    ax.plot(*np.outer(d1, t) + (c * d2)[:, None], color="tab:green",
            linewidth=0.6, alpha=0.6)
    ax.plot(*np.outer(d2, t) + (c * d1)[:, None], color="tab:green",
            linewidth=0.6, alpha=0.6)
arrows = [((1, 0), "$b_1$", "tab:blue"), ((0, 1), "$b_2$", "tab:blue"),
          (d1, "$d_1$", "tab:red"), (d2, "$d_2$", "tab:red")]
for (u, name, colour) in arrows:
    ax.quiver(0, 0, u[0], u[1], color=colour, angles="xy",
              scale_units="xy", scale=1, width=0.008)
    ax.annotate(name, u, textcoords="offset points", xytext=(5, 4),
                color=colour, fontsize=13)
ticks = np.arange(-0.5, 1.6, 0.5)
ax.set(xlim=(-0.6, 1.6), ylim=(-0.6, 1.6), aspect="equal",
       xticks=ticks, yticks=ticks)
ax.set_title("old basis: blue on gray grid; new basis: red on green")
plt.show()
# --8<-- [end:plot]

# The new basis really is a basis: d1 and d2 are independent.
assert abs(np.linalg.det(np.column_stack([d1, d2]))) > 0.1

# The blue arrows the figure draws: the canonical basis vectors b1 and b2.
b1, b2 = (np.array(u) for u, _, _ in arrows[:2])
