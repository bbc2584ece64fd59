"""Pythagoras as the norm of c = a + b with a = [a, 0]^T, b = [0, b]^T, ML1 §2.4."""

# --8<-- [start:symbolic]
import sympy as sp

a, b = sp.symbols("a b", real=True)
a_vec = sp.Matrix([a, 0])
b_vec = sp.Matrix([0, b])
c = a_vec + b_vec
c_dot_c = c.dot(c)
print("c =", list(c))
print("||c||^2 = c . c =", c_dot_c)
print("a . b =", a_vec.dot(b_vec))
# --8<-- [end:symbolic]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np

a, b = 3.0, 2.0
c = np.array([a, b])
fig, ax = plt.subplots(figsize=(5, 3.2))
arrows = [((0, 0), (a, 0), "tab:blue"), ((a, 0), (a, b), "#e66100"),
          ((0, 0), (a, b), "tab:red")]
for tail, head, colour in arrows:
    ax.annotate("", head, tail, arrowprops=dict(
        arrowstyle="-|>", color=colour, linewidth=2))
ax.plot([a - 0.2, a - 0.2, a], [0, 0.2, 0.2], color="gray")  # right angle
ax.text(a / 2, -0.3, r"$\mathbf{a} = [a, 0]^T$", color="tab:blue",
        ha="center")
ax.text(a + 0.1, b / 2, r"$\mathbf{b} = [0, b]^T$", color="#e66100")
ax.text(a / 2 - 0.2, b / 2 + 0.2,
        r"$\mathbf{c} = \mathbf{a} + \mathbf{b}$", color="tab:red",
        ha="right")
ax.set_title(rf"$\|\mathbf{{c}}\|^2 = a^2 + b^2$:  "
             rf"${a:g}^2 + {b:g}^2 = {c @ c:g}$")
ax.set_xlim(-0.3, 4.5)
ax.set_ylim(-0.5, 2.2)
ax.set_aspect("equal")
ax.axis("off")
fig.tight_layout()
plt.show()
# --8<-- [end:plot]

# ||c||^2 = a^2 + b^2 for all real a, b, because a and b are orthogonal.
A, B = sp.symbols("a b", real=True)
assert sp.expand(c_dot_c - (A**2 + B**2)) == 0
assert a_vec.dot(b_vec) == 0
assert c @ c == a**2 + b**2

# For the equation checker: the page's vectors entry by entry, and two arbitrary vectors of
# the plane for the general expansion of ||a + b||^2.
TEX = {r"[a, 0]^T": sp.Matrix([A, 0]), r"[0, b]^T": sp.Matrix([0, B]),
       r"[a, b]^T": sp.Matrix([A, B])}
a_any = sp.Matrix(sp.symbols("a1:3", real=True))
b_any = sp.Matrix(sp.symbols("b1:3", real=True))
# The figure's title: ||c||^2 = a^2 + b^2 for the numbers a and b it draws.
norm_c_squared = c @ c

# The arrows the figure draws, head minus tail: a along the horizontal, b up from its tip,
# and c from the start to the end.
arrow_a, arrow_b, arrow_c = (np.subtract(head, tail) for tail, head, _ in arrows)

# The formulas the figures draw: each checked against what the file computes, or declared.
# The labels name the drawn arrows at the figure's numbers a, b; the title's theorem holds
# for every real a, b (the symbolic section's c . c), its instance for the figure's.
DRAWN = {
    r"\mathbf{a} = [a, 0]^T": "check: :arrow_a; a = arrow_a; at A = a",
    r"\mathbf{b} = [0, b]^T": "check: :arrow_b; b = arrow_b; at B = b",
    r"\mathbf{c} = \mathbf{a} + \mathbf{b}": "check: :arrow_c; a = arrow_a; b = arrow_b",
    r"\|\mathbf{c}\|^2 = a^2 + b^2": "check: :c_dot_c; c = a_vec + b_vec; a = A; b = B",
    r"3^2 + 2^2 = 13": "check: :norm_c_squared",
}
