"""The "two-finger" method for C = AB, drawn: EMAT31530 §4.4.1, the source's eqs. (56)-(59).

The source's arrows-in-brackets figure was lost; this draws the 2 x 2 example of §4.4.2.
"""

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

A = np.array([[5, 6], [7, 8]])
B = np.array([[1, 2], [3, 4]])
C = A @ B


def draw(ax, M, x0, name, cells, colour):
    """Draw M with its top-left corner at (x0, 2), shading the cells."""
    for (i, j), value in np.ndenumerate(M):
        if (i, j) in cells:
            ax.add_patch(Rectangle((x0 + j, 1 - i), 1, 1, color=colour,
                                   alpha=0.3))
        ax.text(x0 + j + 0.5, 1.5 - i, str(value), ha="center",
                va="center", fontsize=13)
    ax.add_patch(Rectangle((x0, 0), 2, 2, fill=False, linewidth=1.2))
    ax.text(x0 + 1, 2.35, name, ha="center", fontsize=12)


fig, axes = plt.subplots(2, 2, figsize=(9, 4.6))
for (i, k), ax in zip(np.ndindex(2, 2), axes.flat, strict=True):
    draw(ax, C, 0, r"$C$", [(i, k)], "tab:green")
    ax.text(2.5, 1, "=", ha="center", va="center", fontsize=14)
    draw(ax, A, 3, r"$A$", [(i, 0), (i, 1)], "tab:blue")
    draw(ax, B, 5.5, r"$B$", [(0, k), (1, k)], "#e66100")
    # Left finger along row i of A, right finger down column k of B.
    ax.annotate("", xy=(4.9, 1.2 - i), xytext=(3.1, 1.2 - i),
                arrowprops=dict(arrowstyle="->", color="tab:blue", lw=2))
    ax.annotate("", xy=(6.3 + k, 0.1), xytext=(6.3 + k, 1.9),
                arrowprops=dict(arrowstyle="->", color="#e66100", lw=2))
    sum_text = " + ".join(f"{A[i, j]}×{B[j, k]}" for j in range(2))
    ax.set_title(f"$C_{{{i + 1}{k + 1}}}$ = {sum_text} = {C[i, k]}")
    ax.set_xlim(-0.2, 7.7)
    ax.set_ylim(-0.2, 2.8)
    ax.set_aspect("equal")
    ax.axis("off")
fig.tight_layout()
plt.show()
# --8<-- [end:plot]

# Each panel's title is the index formula C_ik = sum_j A_ij B_jk for its entry.
assert all(C[i, k] == sum(A[i, j] * B[j, k] for j in range(2))
           for i in range(2) for k in range(2))
assert len(fig.axes) == 4

# The entries of C the panel titles end with, row by row (the alt text's C11 ... C22).
C11, C12, C21, C22 = C.ravel()
