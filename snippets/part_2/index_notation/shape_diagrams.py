"""Shape diagrams of the products in EMAT31530 §4.4-§4.8 (eqs. (54), (63), (65), (67) and (71)).

Every product is (rows of the left) x (columns of the right); the two inner sizes must
match (drawn in red) and disappear.
"""

# --8<-- [start:plot]
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

M, N, P = 3, 4, 2  # sizes used for the picture
products = [  # title, (TeX name, rows, cols) for result, left, right
    ("matrix-matrix", ("C", "M", "P"), ("A", "M", "N"), ("B", "N", "P")),
    ("matrix-vector", (r"\mathbf{v}", "M", "1"), ("A", "M", "N"),
     (r"\mathbf{c}", "N", "1")),
    ("vector-matrix", (r"\mathbf{v}", "1", "P"), (r"\mathbf{r}", "1", "N"),
     ("B", "N", "P")),
    ("inner", ("v", "1", "1"), (r"\mathbf{r}", "1", "N"),
     (r"\mathbf{c}", "N", "1")),
    ("outer", ("V", "M", "P"), (r"\mathbf{c}", "M", "1"),
     (r"\mathbf{b}^T", "1", "P")),
]
size = {"M": M, "N": N, "P": P, "1": 1}
colours = ["tab:green", "tab:blue", "#e66100"]
scale = 0.45

fig, axes = plt.subplots(2, 3, figsize=(9, 5))
for ax, (title, *shapes) in zip(axes.flat[:5], products, strict=True):
    x = 0.35
    pairs = zip(shapes, colours, strict=True)
    for n, ((name, rows, cols), colour) in enumerate(pairs):
        h, w = size[rows] * scale, size[cols] * scale
        ax.add_patch(Rectangle((x, -h), w, h, color=colour, alpha=0.35))
        ax.text(x + w / 2, -h / 2, f"${name}$", ha="center",
                va="center", fontsize=11)
        summed_rows = n == 2  # rows of the right factor: summed over
        summed_cols = n == 1  # columns of the left factor: summed over
        ax.text(x - 0.08, -h / 2, rows, ha="right", va="center",
                color="tab:red" if summed_rows else None)
        ax.text(x + w / 2, 0.08, cols, ha="center", va="bottom",
                color="tab:red" if summed_cols else None)
        if n == 0:
            ax.text(x + w + 0.3, -0.35, "=", ha="center", va="center",
                    fontsize=14)
        x += w + (0.85 if n == 0 else 0.45)
    ax.set_title(title)
    ax.set_xlim(0, 5.4)
    ax.set_ylim(-2.0, 0.5)
    ax.set_aspect("equal")
    ax.axis("off")
note = axes.flat[-1]
note.axis("off")
note.text(0, 0.5, f"drawn with M = {M}, N = {N}, P = {P}\n\n"
          "red: the inner sizes,\nwhich must match and\nare summed over",
          va="center")
fig.tight_layout()
plt.show()
# --8<-- [end:plot]

# The diagrams state the shape rule: result = (rows of left) x (cols of right),
# with matching inner sizes. Check each against NumPy with these sizes.
import numpy as np  # noqa: E402

for title, (_, rr, rc), (_, lr, lc), (_, rrow, rcol) in products:
    assert lc == rrow and (rr, rc) == (lr, rcol), title
    left = np.ones((size[lr], size[lc]))
    right = np.ones((size[rrow], size[rcol]))
    assert (left @ right).shape == (size[rr], size[rc]), title

# The rectangles drawn, as arrays of their sizes: result, left factor and right factor of
# each panel in turn (matrix-matrix, matrix-vector, vector-matrix, inner, outer).
(mm_C, mm_A, mm_B), (mv_v, mv_A, mv_c), (vm_v, vm_r, vm_B), (in_v, in_r, in_c), (
    out_V, out_c, out_bT) = ([np.zeros((size[rows], size[cols])) for _, rows, cols in shapes]
                             for _, *shapes in products)

# The figure's words: a vector's single row or column is a size of its shape, as M is.
DRAWN = {
    r"1": "declared: the size of a vector's one row or column, notation",
}
