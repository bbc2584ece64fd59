"""Computation graphs of ML1 §3.2: y = x^2 and y = exp(sin x), local derivatives below."""

# --8<-- [start:graphs]
import matplotlib.pyplot as plt

# A graph is a chain of steps: (label, is a value?, local derivative).
chains = [
    [("$x$", True, ""), ("$x^2$", False, "$2x$"), ("$y$", True, "")],
    [("$x$", True, ""), (r"$\sin$", False, r"$\cos x$"),
     ("$u$", True, ""), (r"$\exp$", False, r"$\exp u$"),
     ("$y$", True, "")],
]
value = dict(boxstyle="circle", fc="tab:blue", alpha=0.3)
function = dict(boxstyle="round", fc="#e66100", alpha=0.3)
fig, axes = plt.subplots(2, 1, figsize=(6, 3))
for ax, chain in zip(axes, chains):
    boxes = []
    for step, (label, is_value, local) in enumerate(chain):
        style = value if is_value else function
        boxes.append(ax.text(step, 0, label, ha="center",
                             va="center", size=13, bbox=style))
        ax.text(step, -0.7, local, ha="center", color="gray")
    for a, b in zip(boxes, boxes[1:]):
        ax.annotate("", xy=(0.5, 0.5), xycoords=b, xytext=(0.5, 0.5),
                    textcoords=a, arrowprops=dict(
                        arrowstyle="-|>", patchA=a.get_bbox_patch(),
                        patchB=b.get_bbox_patch()))
    ax.set_xlim(-0.5, 4.5)
    ax.set_ylim(-1, 0.6)
    ax.axis("off")
axes[0].set_title("$y = x^2$", loc="left")
axes[1].set_title(r"$y = \exp(\sin x)$", loc="left")
fig.tight_layout()
plt.show()
# --8<-- [end:graphs]

# The gray labels are the local derivatives of the functions they stand under.
import sympy as sp  # noqa: E402

x, u = sp.symbols("x u")
assert sp.diff(x**2, x) == 2 * x
assert sp.diff(sp.sin(x), x) == sp.cos(x)
assert sp.diff(sp.exp(u), u) == sp.exp(u)
assert [len(c) for c in chains] == [3, 5]

# The gray label under the first graph's box is the local derivative of the operation the
# box's label names: read that label from the drawn chain and differentiate it.
square_box = chains[0][1][0]  # the box between x and y
square_local = sp.diff(sp.sympify(square_box.strip("$").replace("^", "**")), x)

# The formulas the figures draw: each checked against what the file computes, or declared.
DRAWN = {
    r"y = x^2": "declared: the example function the first graph draws",
    r"x^2": "declared: the first graph's function box, labelled with its operation",
    r"2x": "check: :square_local",
    r"y = \exp(\sin x)": "declared: the example function the second graph draws",
}
