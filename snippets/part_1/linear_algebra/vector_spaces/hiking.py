"""The hiking example of ML1 §2.2: adding and scaling displacement vectors."""

# --8<-- [start:walk]
import numpy as np

v1 = np.array([3.0, 2.0, 0.5])  # first leg: east, north, up (km)
v2 = np.array([1.0, 2.5, 1.0])  # second leg, to the peak
v_peak = v1 + v2  # where you stand: the sum of the two offsets
lam = 1.5  # the mountain grows by this factor
w = lam * v1 + lam * v2  # both legs scaled
print("v' = v1 + v2        =", v_peak)
print("w  = lam v1 + lam v2 =", w)
print("lam v'              =", lam * v_peak)
# --8<-- [end:walk]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np

v1 = np.array([3.0, 2.0, 0.5])
v2 = np.array([1.0, 2.5, 1.0])
lam = 1.5
origin = np.zeros(3)

fig = plt.figure(figsize=(9, 4.5))
for i, scale in enumerate([1.0, lam]):
    ax = fig.add_subplot(1, 2, i + 1, projection="3d")
    a, b = scale * v1, scale * v2
    legs = [(origin, a, "tab:blue", r"$\mathbf{v}_1$"),
            (a, b, "#e66100", r"$\mathbf{v}_2$"),
            (origin, a + b, "tab:red", r"$\mathbf{v}'$")]
    if scale != 1.0:
        legs = [(s, d, c, rf"${lam}\,$" + lab) for s, d, c, lab in legs]
    for start, step, colour, label in legs:
        ax.quiver(*start, *step, color=colour, arrow_length_ratio=0.08,
                  linewidth=2, label=label)
    ax.set_xlim(0, 6)
    ax.set_ylim(0, 7)
    ax.set_zlim(0, 2.5)
    ax.set_xlabel("east (km)")
    ax.set_ylabel("north (km)")
    ax.set_zlabel("up (km)")
    for pane in (ax.xaxis.pane, ax.yaxis.pane, ax.zaxis.pane):
        pane.set_alpha(0)  # no pane fill: reads on any page colour
    ax.set_title("original mountain" if scale == 1.0
                 else rf"mountain scaled by $\lambda = {lam}$")
    ax.legend(loc="upper left", frameon=False)
fig.tight_layout()
plt.show()
# --8<-- [end:plot]

# The sum of the legs is the position of the peak, and scaling both legs by lam
# is the same as scaling the position: lam v1 + lam v2 = lam (v1 + v2).
assert np.allclose(v_peak, [4.0, 4.5, 1.5])
assert np.allclose(w, lam * v_peak)
# The peak is a new position, not the first one: it needs a name of its own, v'.
assert not np.allclose(v_peak, v1)

# The page's equations hold for any legs, so they are checked with a symbol for each
# entry (east x, north y, up z) and for the factor: with this example's numbers, where
# x2 = z2 = 1, a formula that wrote one for the other would still hold. v' is a name
# of its own (a prime the formula reader would take for a derivative).
import sympy as sp  # noqa: E402

x1, y1, z1, x2, y2, z2 = sp.symbols("x1 y1 z1 x2 y2 z2")
v1, v2 = sp.Matrix([x1, y1, z1]), sp.Matrix([x2, y2, z2])
lam_any = sp.Symbol("lambda")
w = lam_any * v1 + lam_any * v2
TEX = {r"\mathbf{v}'": v1 + v2}

# The factor the right panel draws the mountain at: how many times as long its red arrow,
# the scaled legs' sum a + b, is as the unscaled peak.
drawn_factor = np.linalg.norm(a + b) / np.linalg.norm(v_peak)

# The formulas the figures draw: each checked against what the file computes, or declared.
DRAWN = {
    r"\lambda = 1.5": "check: :drawn_factor; lambda = lam",
    r"1.5\,": "check: :drawn_factor",
}
