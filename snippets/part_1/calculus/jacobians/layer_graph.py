"""Diagram of the linear layer y = Wx of ML1 §3.4 with m = 3 inputs and n = 2 outputs."""

# --8<-- [start:graph]
import matplotlib.pyplot as plt

m, n = 3, 2
x_rows = [2, 1, 0]  # heights of x_1, x_2, x_3
y_rows = [1.5, 0]  # heights of y_1, y_2
value = dict(boxstyle="circle", fc="tab:blue", alpha=0.3)
fig, ax = plt.subplots(figsize=(6, 3))
xs = [ax.text(0, row, f"$x_{j + 1}$", ha="center", va="center",
              size=13, bbox=value) for j, row in enumerate(x_rows)]
ys = [ax.text(3, row, f"$y_{i + 1}$", ha="center", va="center",
              size=13, bbox=value) for i, row in enumerate(y_rows)]
colours, along = ["#e66100", "tab:green"], [0.25, 0.7]
for i, (y, colour, t) in enumerate(zip(ys, colours, along)):
    for j, x in enumerate(xs):
        ax.annotate("", xy=(0.5, 0.5), xycoords=y, xytext=(0.5, 0.5),
                    textcoords=x, arrowprops=dict(
                        arrowstyle="-|>", color=colour,
                        patchA=x.get_bbox_patch(),
                        patchB=y.get_bbox_patch()))
        # the weight w_ij, a fraction t of the way along its arrow
        ax.text(3 * t, (1 - t) * x_rows[j] + t * y_rows[i],
                f"$w_{{{i + 1}{j + 1}}}$", ha="center", va="bottom",
                color=colour, size=11)
ax.set_xlim(-0.5, 3.5)
ax.set_ylim(-0.4, 2.4)
ax.set_title(r"every $y_i$ depends on every $x_j$: "
             r"$n \times m = 6$ paths, one weight each")
ax.axis("off")
plt.show()
# --8<-- [end:graph]

# One edge per pair (i, j): n * m arrows, each labelled with its own weight.
arrows = [c for c in ax.get_children() if type(c).__name__ == "Annotation"]
assert len(arrows) == n * m == 6
# The answer of "Try it yourself", for its answer field: one arrow per weight.
arrow_count = len(arrows)

# The formulas the figures draw: each checked against what the file computes, or declared.
DRAWN = {
    r"n \times m = 6": "check: :arrow_count",
}
