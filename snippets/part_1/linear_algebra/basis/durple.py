"""Purple joins the basis: two ways to mix durple, ML1 §2.3 (computed exactly)."""

# --8<-- [start:two_ways]
import sympy as sp

r = sp.Matrix([1, 0, 0])
g = sp.Matrix([0, 1, 0])
b = sp.Matrix([0, 0, 1])
s = 1 / sp.sqrt(2)
p = s * r + s * b  # purple: a mix of red and blue
d = s * sp.Matrix([-1, 0, 1])  # durple, in the friend's basis r, g, b

first = -s * r + s * b  # red and blue only
second = -sp.sqrt(2) * r + p  # the purple knob turned up
print("p =", list(p))
print("d =", list(d))
print("-r/sqrt(2) + b/sqrt(2) =", list(first))
print("-sqrt(2) r + p         =", list(second))
print("both equal d:", first == d, second == d)
# --8<-- [end:two_ways]

# --8<-- [start:all_ways]
import sympy as sp

s = 1 / sp.sqrt(2)
M = sp.Matrix([[1, 0, 0, s],  # columns: r, g, b, p
               [0, 1, 0, 0],
               [0, 0, 1, s]])
d = s * sp.Matrix([-1, 0, 1])
t = sp.Symbol("t")
solution, params = M.gauss_jordan_solve(d)  # every x with M x = d
solution = solution.subs(params[0], t)  # call the free parameter t
print("every knob setting that gives d:")
names = ["x_r", "x_g", "x_b", "x_p"]
for name, value in zip(names, solution, strict=True):
    print(f"  {name} = {value}")
print("t = 0:", list(solution.subs(t, 0)))
print("t = 1:", list(solution.subs(t, 1)))
# --8<-- [end:all_ways]

# --8<-- [start:source_claim]
import sympy as sp

r = sp.Matrix([1, 0, 0])
b = sp.Matrix([0, 0, 1])
s = 1 / sp.sqrt(2)
p = s * r + s * b
d = s * sp.Matrix([-1, 0, 1])
x = sp.Symbol("x")
print("-2 r + p =", list(-2 * r + p))
print("equals d:", -2 * r + p == d)
print("x with x r + p = d:", sp.solve(x * r + p - d, x))
# --8<-- [end:source_claim]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np

s = 1 / np.sqrt(2)
r, b = np.array([1.0, 0.0]), np.array([0.0, 1.0])  # red-blue plane
p = s * r + s * b
d = -s * r + s * b

fig, axes = plt.subplots(1, 2, figsize=(9, 4.2), sharey=True)
routes = [[(-s * r, "tab:red", r"$-\frac{1}{\sqrt{2}}\mathbf{r}$"),
           (s * b, "tab:blue", r"$\frac{1}{\sqrt{2}}\mathbf{b}$")],
          [(-np.sqrt(2) * r, "tab:red", r"$-\sqrt{2}\,\mathbf{r}$"),
           (p, "tab:purple", r"$\mathbf{p}$")]]
titles = ["red and blue only", "with the purple knob"]
for ax, route, title in zip(axes, routes, titles, strict=True):
    tail = np.zeros(2)
    for step, colour, label in route:
        ax.annotate("", tail + step, tail, arrowprops=dict(
            arrowstyle="-|>", color=colour, linewidth=2))
        mid = tail + step / 2
        ax.text(mid[0], mid[1] + 0.07, label, color=colour,
                ha="center", fontsize=12)
        tail = tail + step
    ax.plot(*d, "o", color="tab:green", markersize=8)
    ax.text(d[0] - 0.05, d[1] + 0.08, r"$\mathbf{d}$", ha="right",
            fontsize=13)
    ax.axhline(0, color="gray", linewidth=0.8)
    ax.axvline(0, color="gray", linewidth=0.8)
    ax.set_xlim(-1.6, 0.9)
    ax.set_ylim(-0.3, 1.0)
    ax.set_aspect("equal")
    ax.set_xlabel("red intensity")
    ax.set_title(title)
axes[0].set_ylabel("blue intensity")
fig.tight_layout()
plt.show()
# --8<-- [end:plot]

# Both representations give d exactly; the source's "-2 r + p" does not, and the
# coefficient of r that works with one unit of p is -sqrt(2).
import sympy as sp  # noqa: E402

S = 1 / sp.sqrt(2)
R, B = sp.Matrix([1, 0, 0]), sp.Matrix([0, 0, 1])
P, D = S * R + S * B, S * sp.Matrix([-1, 0, 1])
assert -S * R + S * B == D
assert -sp.sqrt(2) * R + P == D
assert -2 * R + P != D
assert sp.solve(sp.Symbol("x") * R + P - D, sp.Symbol("x")) == {sp.Symbol("x"): -sp.sqrt(2)}
assert sp.simplify(solution.subs(t, 0) - sp.Matrix([-S, 0, S, 0])) == sp.zeros(4, 1)
assert sp.simplify(solution.subs(t, 1) - sp.Matrix([-sp.sqrt(2), 0, 0, 1])) == sp.zeros(4, 1)
assert sp.simplify(M * solution - D) == sp.zeros(3, 1)
assert np.allclose(-np.sqrt(2) * r + p, d) and np.allclose(-s * r + s * b, d)

# Values typeset in the prose.
coords_first = solution.subs(t, 0).T
coords_second = solution.subs(t, 1).T
coords_all = solution.T
source_combination = (-2 * R + P).T

# For the equation checker: the general recipe is the first one plus t times the
# dependence p - r/sqrt(2) - b/sqrt(2) = 0, i.e. the null direction (-S, 0, -S, 1).
TEX = {"(x_r, x_g, x_b, x_p)": sp.Matrix([[-S, 0, S, 0]]) + t * sp.Matrix([[-S, 0, -S, 1]])}
# The knob settings x_r, x_g, x_b, x_p of the general recipe, and green, for the page's
# equation x_r r + x_g g + x_b b + x_p p = d.
x_r, x_g, x_b, x_p = solution
G = sp.Matrix([0, 1, 0])
# The weight of r that works with one unit of p, the page's "must be -sqrt(2)".
r_weight = sp.solve(sp.Symbol("x") * R + P - D, sp.Symbol("x"))[sp.Symbol("x")]
# The lengths of the figure's red arrows: 1/sqrt(2) by red and blue only, sqrt(2) with
# the purple knob.
red_step_first, red_step_second = (np.linalg.norm(route[0][0]) for route in routes)
assert np.isclose(red_step_first, 1 / np.sqrt(2)) and np.isclose(red_step_second, np.sqrt(2))
# The source's combination -2 r + p as the column vector it is (the page shows its transpose).
source_vector = source_combination.T

# The arrows the figure draws, each the step its label names, in the red-blue plane's r, b:
# -r/sqrt(2) then b/sqrt(2) on the left, -sqrt(2) r (then p) on the right.
arrow_red_first, arrow_blue_first = (step for step, _, _ in routes[0])
arrow_red_second = routes[1][0][0]

# The formulas the figures draw: each checked against what the file computes, or declared.
DRAWN = {
    r"-\frac{1}{\sqrt{2}}\mathbf{r}": "check: :arrow_red_first",
    r"\frac{1}{\sqrt{2}}\mathbf{b}": "check: :arrow_blue_first",
    r"-\sqrt{2}\,\mathbf{r}": "check: :arrow_red_second",
}
