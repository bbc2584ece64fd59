"""The "knobs" picture of ML1 §3.1: a machine with m = 3 knobs and n = 2 outputs."""

# --8<-- [start:picture]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(6, 3))
machine = ax.text(0.5, 0.5, "machine $f$", ha="center", va="center",
                  size=14, bbox=dict(boxstyle="round,pad=1",
                                     fc="#e66100", alpha=0.3))
knobs = [(0.05, 0.85, "$x_1$"), (0.05, 0.5, "$x_2$"),
         (0.05, 0.15, "$x_3$")]
outputs = [(0.95, 0.7, "$y_1$"), (0.95, 0.3, "$y_2$")]
value = dict(boxstyle="circle", fc="tab:blue", alpha=0.3)
for x, y, label in knobs + outputs:
    node = ax.text(x, y, label, ha="center", va="center", size=14,
                   bbox=value)
    a, b = (node, machine) if x < 0.5 else (machine, node)
    ax.annotate("", xy=(0.5, 0.5), xycoords=b, xytext=(0.5, 0.5),
                textcoords=a, arrowprops=dict(
                    arrowstyle="-|>", patchA=a.get_bbox_patch(),
                    patchB=b.get_bbox_patch()))
ax.text(0.05, 1.0, f"{len(knobs)} knobs (inputs)", ha="center")
ax.text(0.95, 1.0, f"{len(outputs)} outputs", ha="center")
ax.text(0.5, -0.05, r"$3 \times 2 = 6$ derivatives "
        r"$\partial y_i / \partial x_j$", ha="center")
ax.set_xlim(-0.05, 1.05)
ax.set_ylim(-0.1, 1.05)
ax.axis("off")
plt.show()
# --8<-- [end:picture]

# --8<-- [start:nudge]
import numpy as np


def machine(x):
    """Three knobs in, two values out."""
    return np.array([x[0] * x[1] + x[2], np.sin(x[0]) + x[2] ** 2])


x = np.array([1.0, 2.0, 0.5])
h = 1e-6  # a tiny turn of one knob
for j in range(3):
    turn = np.zeros(3)
    turn[j] = h
    rates = (machine(x + turn) - machine(x)) / h
    print(f"turn x{j + 1}: outputs change at rates {rates.round(4)}")
# --8<-- [end:nudge]

# The six measured rates are the six partial derivatives dy_i/dx_j at (1, 2, 0.5).
import sympy as sp  # noqa: E402

s = sp.symbols("x1:4")
J = sp.Matrix([s[0] * s[1] + s[2], sp.sin(s[0]) + s[2] ** 2]).jacobian(s)
assert J.shape == (2, 3)  # n outputs x m knobs
exact = np.array(J.subs(dict(zip(s, x))).evalf(), dtype=float)
for j in range(3):
    turn = np.zeros(3)
    turn[j] = h
    assert np.allclose((machine(x + turn) - machine(x)) / h, exact[:, j], atol=1e-5)

# For the page: the machine's size and its two outputs as formulas of the knobs.
n, m = J.shape  # n outputs, m knobs
x1, x2, x3 = s
y1, y2 = x1 * x2 + x3, sp.sin(x1) + x3**2
for point in ([1.0, 2.0, 0.5], [-0.3, 1.7, 2.2]):
    at = dict(zip(s, point))
    assert np.allclose(machine(np.array(point)), [float(y1.subs(at)), float(y2.subs(at))])
derivative_count = len(J)  # one derivative dy_i/dx_j per entry of the Jacobian

# The formulas the figures draw: each checked against what the file computes, or declared.
DRAWN = {
    r"3 \times 2 = 6": "check: :derivative_count",
}
