"""The columns of A are the images of the basis vectors, ML1 §2.5 (2x2 example and figure)."""

# --8<-- [start:columns]
import numpy as np

A = np.array([[-1, -2],
              [1, -1]])
b1 = np.array([1, 0])
b2 = np.array([0, 1])
print("A b1 =", A @ b1, "  first column of A: ", A[:, 0])
print("A b2 =", A @ b2, "  second column of A:", A[:, 1])
# --8<-- [end:columns]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np

A = np.array([[-1, -2],
              [1, -1]])
square = np.array([[0, 1, 1, 0, 0],   # corners of the unit square,
                   [0, 0, 1, 1, 0]])  # one corner per column
fig, (before, after) = plt.subplots(1, 2, figsize=(8, 4))
panels = [(before, np.eye(2), "before: $b_1$, $b_2$"),
          (after, A, "after: $b'_1 = A b_1$, $b'_2 = A b_2$")]
for ax, M, title in panels:
    corners = M @ square
    ax.fill(corners[0], corners[1], color="tab:gray", alpha=0.2)
    for k, colour in [(0, "tab:blue"), (1, "#e66100")]:
        x, y = M[:, k]
        ax.quiver(0, 0, x, y, color=colour, angles="xy",
                  scale_units="xy", scale=1, width=0.012)
        if y < 0:  # each label off its arrow and inside the frame
            offset, align = (-20, -18), "left"
        elif x > 0:
            offset, align = (0, 8), "right"  # above the tip, ending there
        else:
            offset, align = (6, 6), "left"
        ax.annotate(f"$({x:g}, {y:g})$", (x, y), xytext=offset, ha=align,
                    textcoords="offset points", color=colour)
    ax.axhline(0, color="gray", linewidth=0.8)
    ax.axvline(0, color="gray", linewidth=0.8)
    ax.set(xlim=(-3.5, 1.5), ylim=(-1.8, 1.8), aspect="equal")
    ax.set_title(title)
    ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()
# --8<-- [end:plot]

# b'_1 and b'_2 as the source lists them, and they are A's columns.
b1_image = A @ b1
b2_image = A @ b2
assert (np.column_stack([b1_image, b2_image]) == A).all()
# The figure's square ends up as the parallelogram spanned by the two columns.
assert (A @ square == np.array([[0, -1, -3, -2, 0], [0, 1, 0, -1, 0]])).all()
# The images are the columns, not the rows (§2.6 of the source says rows): A is not
# symmetric, and its rows are not A b1 and A b2.
assert (A[0] != b1_image).any() and (A[1] != b2_image).any()

# The page's b'_1, b'_2 (a prime the formula reader takes for a derivative): A's columns.
import sympy as sp  # noqa: E402

TEX = {r"\mathbf{b}'_1": sp.Matrix(A[:, 0]), r"\mathbf{b}'_2": sp.Matrix(A[:, 1])}

# The arrows the figure draws: the basis vectors before (left panel) and after A (right).
before_b1, before_b2 = panels[0][1].T
after_b1, after_b2 = panels[1][1].T
assert (np.column_stack([after_b1, after_b2]) == np.column_stack([b1_image, b2_image])).all()

# The right panel's title names its arrows b'_1, b'_2 (a prime the formula reader takes for
# a derivative): the arrows the panel draws.
TEX[r"b'_1"], TEX[r"b'_2"] = after_b1, after_b2

# The formulas the figures draw: each checked against what the file computes, or declared.
DRAWN = {
    r"(1, 0)": "check: :before_b1",
    r"(0, 1)": "check: :before_b2",
    r"(-1, 1)": "check: :after_b1",
    r"(-2, -1)": "check: :after_b2",
    r"b'_1 = A b_1": "check: :after_b1",
    r"b'_2 = A b_2": "check: :after_b2",
}
