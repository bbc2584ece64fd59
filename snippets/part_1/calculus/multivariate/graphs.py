"""The four computation graphs of ML1 §3.3, drawn from lists of nodes and edges."""

# --8<-- [start:graphs]
import matplotlib.pyplot as plt

# name: (column, row, label); names starting with "f" are functions.
graphs = {
    "(a) $y = x_1 x_2^2$": (
        {"x1": (0, 1, "$x_1$"), "x2": (0, -1, "$x_2$"),
         "f": (1, 0, "$x_1 x_2^2$"), "y": (2, 0, "$y$")},
        ["x1 f", "x2 f", "f y"]),
    r"(b) $\mathbf{y} = (x^2, \sqrt{x})$": (
        {"x": (0, 0, "$x$"), "f1": (1, 1, "$x^2$"),
         "f2": (1, -1, r"$\sqrt{x}$"), "y1": (2, 1, "$y_1$"),
         "y2": (2, -1, "$y_2$")},
        ["x f1", "x f2", "f1 y1", "f2 y2"]),
    r"(c) $y = uv$, $u = x^2$, $v = \ln x$": (
        {"x": (0, 0, "$x$"), "f1": (1, 1, "$x^2$"),
         "f2": (1, -1, r"$\ln$"), "u": (2, 1, "$u$"),
         "v": (2, -1, "$v$"), "f": (3, 0, "$uv$"), "y": (4, 0, "$y$")},
        ["x f1", "x f2", "f1 u", "f2 v", "u f", "v f", "f y"]),
    r"(d) $\mathbf{y} = \mathbf{h}(\mathbf{g}(x_1, x_2, x_3))$": (
        {"x1": (0, 2, "$x_1$"), "x2": (0, 0, "$x_2$"),
         "x3": (0, -2, "$x_3$"), "f1": (1, 1, "$x_1^2 x_2^2$"),
         "f2": (1, -1, r"$\sqrt{x_2 x_3}$"), "u": (2, 1, "$u$"),
         "v": (2, -1, "$v$"), "f3": (3, 2, "$u^2$"),
         "f4": (3, 0, "$uv$"), "f5": (3, -2, "$v^2$"),
         "y1": (4, 2, "$y_1$"), "y2": (4, 0, "$y_2$"),
         "y3": (4, -2, "$y_3$")},
        ["x1 f1", "x2 f1", "x2 f2", "x3 f2", "f1 u", "f2 v", "u f3",
         "u f4", "v f4", "v f5", "f3 y1", "f4 y2", "f5 y3"]),
}
value = dict(boxstyle="circle", fc="tab:blue", alpha=0.3)
function = dict(boxstyle="round", fc="#e66100", alpha=0.3)
fig, axes = plt.subplot_mosaic([["a", "b", "c"], ["d", "d", "d"]],
                               figsize=(9, 6.5), height_ratios=[1, 1.3])
for ax, (title, (nodes, edges)) in zip(axes.values(), graphs.items()):
    box = {}
    for name, (col, row, label) in nodes.items():
        style = function if name.startswith("f") else value
        box[name] = ax.text(col, row, label, ha="center",
                            va="center", size=12, bbox=style)
    for edge in edges:
        a, b = (box[name] for name in edge.split())
        ax.annotate("", xy=(0.5, 0.5), xycoords=b, xytext=(0.5, 0.5),
                    textcoords=a, arrowprops=dict(
                        arrowstyle="-|>", patchA=a.get_bbox_patch(),
                        patchB=b.get_bbox_patch()))
    last = max(col for col, _, _ in nodes.values())
    ax.set_xlim(-0.5, last + 0.5)
    ax.set_ylim(-2.6, 2.6)
    ax.set_title(title, loc="left", size=11)
    ax.axis("off")
fig.tight_layout()
plt.show()
# --8<-- [end:graphs]

# Count paths in the drawn graphs: (c) has two from x to y, through u and v;
# (d) has two from x2 to y2 (through u and v), one from x1 to y2, none x3 -> y1.


def paths(edges, node, target):
    """All paths from node to target in a graph given by its edge list."""
    if node == target:
        return [[node]]
    return [[node] + rest for edge in edges if edge.split()[0] == node
            for rest in paths(edges, edge.split()[1], target)]


(_, c_edges), (_, d_edges) = list(graphs.values())[2:]
assert sorted(p[2] for p in paths(c_edges, "x", "y")) == ["u", "v"]
assert sorted(p[2] for p in paths(d_edges, "x2", "y2")) == ["u", "v"]
assert len(paths(d_edges, "x1", "y2")) == 1 and not paths(d_edges, "x3", "y1")

# The formulas the figures draw: each checked against what the file computes, or declared.
DRAWN = {
    r"y = x_1 x_2^2": "declared: the example function graph (a) draws",
    r"x_1 x_2^2": "declared: graph (a)'s function box, labelled with the operation it does",
    r"\mathbf{y} = (x^2, \sqrt{x})": "declared: the example function graph (b) draws",
    r"x^2": "declared: a function box of graphs (b) and (c), labelled with its operation",
    r"y = uv": "declared: the example function graph (c) draws, its last step",
    r"u = x^2": "declared: the example function graph (c) draws, its step to u",
    r"v = \ln x": "declared: the example function graph (c) draws, its step to v",
    r"\mathbf{y} = \mathbf{h}(\mathbf{g}(x_1, x_2, x_3))":
        "declared: notation, graph (d)'s function as h after g",
    r"x_1^2 x_2^2": "declared: a function box of graph (d), labelled with its operation",
    r"u^2": "declared: a function box of graph (d), labelled with its operation",
    r"v^2": "declared: a function box of graph (d), labelled with its operation",
}
