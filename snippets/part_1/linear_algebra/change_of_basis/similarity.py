"""A' = S^-1 A S, ML1 §2.6 eq. (4), for the A of §2.5, checked on coordinates."""

# --8<-- [start:A_prime]
import sympy as sp

R = sp.Rational
S = sp.Matrix([[R(3, 5), R(1, 3)],
               [R(1, 3), 1]])
A = sp.Matrix([[-1, -2],
               [1, -1]])  # the matrix of §2.5, in the canonical basis
A_prime = S.inv() * A * S  # eq. (4): translate, act, translate back
print("A' =", A_prime)
# --8<-- [end:A_prime]

# --8<-- [start:steps]
import sympy as sp

R = sp.Rational
S = sp.Matrix([[R(3, 5), R(1, 3)],
               [R(1, 3), 1]])
A = sp.Matrix([[-1, -2],
               [1, -1]])
v_new = sp.Matrix([2, -1])  # the vector 2 d1 - d2, in the new language
v_old = S * v_new           # step 1: translate to the canonical basis
Av_old = A * v_old          # step 2: act with A there
Av_new = S.inv() * Av_old   # step 3: translate the answer back
print("v  in old coordinates:", list(v_old))
print("Av in old coordinates:", list(Av_old))
print("Av in new coordinates:", list(Av_new))
print("A' v_new             :", list(S.inv() * A * S * v_new))
# --8<-- [end:steps]

# --8<-- [start:general]
import sympy as sp

R = sp.Rational
S = sp.Matrix([[R(3, 5), R(1, 3)],
               [R(1, 3), 1]])
A = sp.Matrix([[-1, -2],
               [1, -1]])
A_prime = S.inv() * A * S
p, q = sp.symbols("p q")  # any coordinates in the new basis
v_new = sp.Matrix([p, q])
difference = S * (A_prime * v_new) - A * (S * v_new)
print("S (A' v_new) - A (S v_new) =", list(sp.simplify(difference)))
# --8<-- [end:general]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np

S = np.array([[3 / 5, 1 / 3],
              [1 / 3, 1]])
A = np.array([[-1, -2],
              [1, -1]])
v_new = np.array([2, -1])
v = S @ v_new
fig, ax = plt.subplots(figsize=(6, 5))
t = np.array([-4, 4])
for c in range(-4, 5):  # grid lines of the new basis
    ax.plot(*np.outer(S[:, 0], t) + (c * S[:, 1])[:, None],
            color="tab:green", linewidth=0.6, alpha=0.5)
    ax.plot(*np.outer(S[:, 1], t) + (c * S[:, 0])[:, None],
            color="tab:green", linewidth=0.6, alpha=0.5)
arrows = [(v, "$v$", "tab:blue"), (A @ v, "$Av$", "tab:red")]
for u, name, colour in arrows:
    new = np.linalg.solve(S, u)  # the same arrow in d-coordinates
    label = (f"{name}: old ({u[0]:.2f}, {u[1]:.2f}),"
             f" new ({new[0]:.2f}, {new[1]:.2f})")
    ax.quiver(0, 0, u[0], u[1], color=colour, angles="xy",
              scale_units="xy", scale=1, width=0.008, label=label)
ax.axhline(0, color="gray", linewidth=0.8)
ax.axvline(0, color="gray", linewidth=0.8)
ax.set(xlim=(-1.5, 1.5), ylim=(-1.5, 1.5), aspect="equal",
       title="one arrow, two sets of coordinates")
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08),
          frameon=False)  # below the axes
plt.show()
# --8<-- [end:plot]

# A' has the entries printed above, and agrees with A on every vector: acting with A'
# on new coordinates and translating with S gives what A gives on old coordinates.
A_sym = sp.Matrix([[-1, -2], [1, -1]])
S_sym = sp.Matrix([[R(3, 5), R(1, 3)], [R(1, 3), 1]])
A_prime = S_sym.inv() * A_sym * S_sym
assert A_prime == sp.Matrix([[R(-61, 22), R(-95, 22)], [R(131, 110), R(17, 22)]])
assert sp.simplify(difference) == sp.zeros(2, 1)
v_new_sym = sp.Matrix([2, -1])
assert v_old == S_sym * v_new_sym == sp.Matrix([R(13, 15), R(-1, 3)])
assert Av_old == A_sym * v_old == sp.Matrix([R(-1, 5), R(6, 5)])
assert Av_new == A_prime * v_new_sym == sp.Matrix([R(-27, 22), R(177, 110)])
assert S_sym * Av_new == Av_old
# Same trace and determinant: A and A' describe the same map.
assert A_prime.trace() == A_sym.trace() and A_prime.det() == A_sym.det() == 3
# The figure's arrows are S v_new and A S v_new.
assert np.allclose(v, [float(c) for c in v_old])
assert np.allclose(np.linalg.solve(S, A @ v), [float(c) for c in Av_new])

# LaTeX for the prose: fractions as a/b, column vectors written as transposed rows.
A_prime_tex = sp.latex(A_prime, fold_short_frac=True)


def row_tex(column):
    """A column vector as the LaTeX [a, b]^T."""
    entries = ", ".join(sp.latex(c, fold_short_frac=True) for c in column)
    return rf"\left[{entries}\right]^T"


v_old_tex = row_tex(v_old)
Av_old_tex = row_tex(Av_old)
Av_new_tex = row_tex(Av_new)

# For the equation checker: A' is the matrix computed above (a prime would be read as a
# derivative).
TEX = {r"A'": A_prime}
# The three column vectors of the prose typeset from the values above.
TEX.update({v_old_tex: v_old, Av_old_tex: Av_old, Av_new_tex: Av_new})
