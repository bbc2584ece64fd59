"""Angle and cosine similarity, ML1 §2.4: a worked example, a figure, the range."""

# --8<-- [start:worked]
import sympy as sp

v = sp.Matrix([3, 1])
w = sp.Matrix([1, 2])
dot = v.dot(w)
cos_theta = sp.radsimp(dot / (v.norm() * w.norm()))
theta = sp.acos(cos_theta)
print("v . w =", dot)
print("||v|| =", v.norm(), " ||w|| =", w.norm())
print("cos(theta) =", cos_theta)
print("theta =", theta, "=", sp.deg(theta), "degrees")
# --8<-- [end:worked]

# --8<-- [start:compare]
import numpy as np


def cosine_similarity(v, w):
    return v @ w / (np.linalg.norm(v) * np.linalg.norm(w))


v = np.array([3.0, 1.0])
others = {"2v": 2 * v, "w": np.array([1.0, 2.0]),
          "u": np.array([-1.0, 3.0]), "-v": -v}
for name, x in others.items():
    print(f"cos(v, {name:>2}) = {cosine_similarity(v, x):+.4f}")
# --8<-- [end:compare]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np

v = np.array([3.0, 1.0])
others = [  # vector, colour, label, where the label goes
    (2 * v, "tab:blue", r"$2\mathbf{v}$", (6.2, 1.5)),
    (np.array([1.0, 2.0]), "tab:green", r"$\mathbf{w}$", (1.0, 2.6)),
    (np.array([-1.0, 3.0]), "#e66100", r"$\mathbf{u}$", (-1.9, 3.1)),
    (-v, "tab:red", r"$-\mathbf{v}$", (-3.0, -1.5))]
fig, ax = plt.subplots(figsize=(6, 4))
for x, colour, label, where in others:
    cos = x @ v / (np.linalg.norm(x) * np.linalg.norm(v))  # with v
    shown = f"{cos:+.2g}" if abs(cos) > 1e-12 else "0"
    ax.annotate("", x, (0, 0), arrowprops=dict(
        arrowstyle="-|>", color=colour, linewidth=2))
    ax.text(*where, f"{label}: cos = {shown}", color=colour,
            ha="center", va="center")
ax.annotate("", v, (0, 0), arrowprops=dict(arrowstyle="-|>",
                                           linewidth=3))
ax.text(v[0] + 0.1, v[1] - 0.5, r"$\mathbf{v}$", fontsize=14)
arc = np.linspace(np.arctan2(1, 3), np.arctan2(2, 1), 30)
ax.plot(1.2 * np.cos(arc), 1.2 * np.sin(arc), color="tab:green")
ax.text(1.4, 1.0, r"$\theta = 45^\circ$", color="tab:green")
ax.set_xlim(-4.2, 7.8)
ax.set_ylim(-2.0, 3.6)
ax.set_aspect("equal")
ax.axhline(0, color="gray", linewidth=0.5)
ax.axvline(0, color="gray", linewidth=0.5)
ax.set_title(r"cosine similarity of each vector with $\mathbf{v}$")
fig.tight_layout()
plt.show()
# --8<-- [end:plot]

# --8<-- [start:words]
import numpy as np

vocabulary = ["ball", "goal", "vote", "party"]
counts = {"match report": np.array([4, 3, 0, 1]),
          "transfer news": np.array([2, 1, 0, 0]),
          "election night": np.array([0, 0, 5, 3])}
first = counts["match report"]
for name, x in counts.items():
    cos = first @ x / (np.linalg.norm(first) * np.linalg.norm(x))
    print(f"match report vs {name:15} cos = {cos:.3f}")
# --8<-- [end:words]

# The worked example: v . w = 5, ||v|| ||w|| = sqrt(50), so cos = 1/sqrt(2), 45 deg.
assert sp.Matrix([3, 1]).norm() == sp.sqrt(10) and sp.Matrix([1, 2]).norm() == sp.sqrt(5)
assert dot == 5 and cos_theta == 1 / sp.sqrt(2) and theta == sp.pi / 4
# The formula agrees with the angle measured directly from the directions.
direct = np.arctan2(2, 1) - np.arctan2(1, 3)
assert np.isclose(np.cos(direct), float(cos_theta))
# The labels in the figure are the computed similarities.
labels = [float(text.get_text().split("= ")[1]) for text in ax.texts
          if "cos = " in text.get_text()]  # as drawn, in the order of `others`
computed = [cosine_similarity(v, x) for x, *_ in others]
assert np.allclose(labels, computed, atol=0.005)
# Cosine similarity runs from -1 (opposite) through 0 (perpendicular) to +1.
rng = np.random.default_rng(0)
pairs = rng.normal(size=(1000, 2, 5))
sims = np.array([cosine_similarity(a, b) for a, b in pairs])
n_pairs, reached = len(pairs), -0.9  # the corrections page: 1000 pairs, below -0.9
assert sims.min() < reached and sims.max() > -reached and np.all(np.abs(sims) <= 1)
assert np.isclose(cosine_similarity(v, -v), -1) and cosine_similarity(v, -v) < 0
# Word counts are never negative, so their similarities stay in [0, 1].
word_sims = [first @ x / (np.linalg.norm(first) * np.linalg.norm(x))
             for x in counts.values()]
assert np.isclose(word_sims[0], 1) and 0.9 < word_sims[1] < 1
assert 0.05 < word_sims[2] < 0.15 and min(word_sims) >= 0
cos_exact = cos_theta
theta_exact = theta
# For the equation checker: an angle in degrees, in radians.
TEX = {r"45^\circ": 45 * sp.pi / 180}
# The corrections page's cos(v, -v): the cosine similarity of v with -v.
TEX[r"\cos(\mathbf{v}, -\mathbf{v})"] = cosine_similarity(v, -v)

# The list's three cases, exactly: v against 2v, the perpendicular u, and -v; they are
# the ends of the page's range [-1, 1], which holds every random pair above.
V = sp.Matrix([3, 1])
cos_same, cos_perpendicular, cos_opposite = (
    V.dot(x) / (V.norm() * x.norm()) for x in (2 * V, sp.Matrix([-1, 3]), -V))
cos_range = sp.Matrix([[cos_opposite, cos_same]])  # the interval, read as a row
assert np.all((float(cos_opposite) <= sims) & (sims <= float(cos_same)))
# The word-count scores of the page, and their floor: two texts sharing no word.
football, election = word_sims[1], word_sims[2]
count_floor = cosine_similarity(np.array([1.0, 0, 0, 0]), np.array([0, 0, 1.0, 0]))
assert min(word_sims) >= count_floor

# The figure's vectors w and u, the cosines its labels show, and the angle its arc marks
# between v and w, in degrees: exactly the worked example's theta (same v and w).
w_drawn, u_drawn = others[1][0], others[2][0]
label_2v, label_w, label_u, label_minus_v = labels
angle_vw = sp.deg(theta_exact)
assert np.isclose(np.degrees(direct), float(angle_vw))

# The figure's arrow labelled 2v, and the angle its arc spans from v to w, in radians.
twice_v_drawn = others[0][0]
arc_angle = arc[-1] - arc[0]

# The formulas the figures draw: each checked against what the file computes, or declared.
DRAWN = {
    r"2\mathbf{v}": "check: :twice_v_drawn",
    r"\theta = 45^\circ": "check: :arc_angle",
}
