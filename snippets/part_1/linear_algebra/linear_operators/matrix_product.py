"""Matrix-matrix product as composition, ML1 §2.5: first column, eq. (2), shapes, AB != BA."""

# --8<-- [start:first_column]
import sympy as sp

A = sp.Matrix(2, 2, sp.symbols("A11 A12 A21 A22"))
B = sp.Matrix(2, 2, sp.symbols("B11 B12 B21 B22"))
b1 = sp.Matrix([1, 0])

after_B = B * b1          # B sends b1 to its first column
after_A = A * after_B     # then A acts on that vector
print("B b1     =", list(after_B))
print("A (B b1) =", list(after_A))
print("first column of AB:", list((A * B)[:, 0]))
# --8<-- [end:first_column]

# --8<-- [start:index_formula]
import numpy as np

rng = np.random.default_rng(0)
A = rng.integers(-3, 4, size=(2, 3))  # n x k with n = 2, k = 3
B = rng.integers(-3, 4, size=(3, 4))  # k x m with k = 3, m = 4

rows, inner = A.shape
cols = B.shape[1]
C = np.zeros((rows, cols), dtype=A.dtype)
for i in range(rows):
    for j in range(cols):
        C[i, j] = sum(A[i, k] * B[k, j] for k in range(inner))  # (2)
print("C from eq. (2):", C, sep="\n")
print("C from A @ B:", A @ B, sep="\n")
print("shapes:", A.shape, "times", B.shape, "gives", C.shape)
# --8<-- [end:index_formula]

# --8<-- [start:composition]
import numpy as np

rng = np.random.default_rng(0)
A = rng.integers(-3, 4, size=(2, 3))
B = rng.integers(-3, 4, size=(3, 4))
v = rng.integers(-3, 4, size=4)   # B needs a 4-vector
print("B v       =", B @ v)       # a 3-vector, which A accepts
print("A (B v)   =", A @ (B @ v))
print("(A B) v   =", (A @ B) @ v)
# --8<-- [end:composition]

# --8<-- [start:not_commutative]
import numpy as np

A = np.array([[-1, -2],
              [1, -1]])
B = np.array([[2, 0],
              [0, 1]])  # stretches the first coordinate by 2
print("AB =", A @ B, sep="\n")
print("BA =", B @ A, sep="\n")
# --8<-- [end:not_commutative]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
import numpy as np

A = np.array([[-1, -2],
              [1, -1]])
B = np.array([[2, 0],
              [0, 1]])
square = np.array([[0, 1, 1, 0, 0],
                   [0, 0, 1, 1, 0]])
fig, axes = plt.subplots(1, 2, figsize=(8, 4), sharey=True)
panels = [(A @ B, "$AB$: first $B$, then $A$"),
          (B @ A, "$BA$: first $A$, then $B$")]
for ax, (M, title) in zip(axes, panels, strict=True):
    corners = M @ square
    ax.fill(corners[0], corners[1], color="tab:gray", alpha=0.2)
    for k, colour in [(0, "tab:blue"), (1, "#e66100")]:
        ax.quiver(0, 0, M[0, k], M[1, k], color=colour, angles="xy",
                  scale_units="xy", scale=1, width=0.012,
                  label=f"image of $b_{k + 1}$")
    ax.axhline(0, color="gray", linewidth=0.8)
    ax.axvline(0, color="gray", linewidth=0.8)
    ax.set(xlim=(-6.5, 1.5), ylim=(-2, 3), aspect="equal", title=title)
    ax.grid(alpha=0.3)
axes[0].legend(loc="lower right", fontsize="small", frameon=False)
fig.tight_layout()
plt.show()
# --8<-- [end:plot]

import sympy as sp  # noqa: E402

# First column of C = AB, as the source writes it, and the whole product entrywise.
As = sp.Matrix(2, 2, sp.symbols("A11 A12 A21 A22"))
Bs = sp.Matrix(2, 2, sp.symbols("B11 B12 B21 B22"))
Cs = As * Bs
A11, A12, A21, A22 = As
B11, B12, B21, B22 = Bs
assert Cs[:, 0] == sp.Matrix([A11 * B11 + A12 * B21, A21 * B11 + A22 * B21])
assert all(Cs[i, j] == sum(As[i, s] * Bs[s, j] for s in range(2))
           for i in range(2) for j in range(2))
# Eq. (2) agrees with NumPy; (2x3)(3x4) is 2x4; composing equals multiplying.
rng = np.random.default_rng(0)
A23 = rng.integers(-3, 4, size=(2, 3))
B34 = rng.integers(-3, 4, size=(3, 4))
v4 = rng.integers(-3, 4, size=4)
assert (A23 @ B34).shape == (2, 4)
assert (A23 @ (B34 @ v4) == (A23 @ B34) @ v4).all()
# The concrete pair does not commute.
AB = A @ B
BA = B @ A
assert (AB != BA).any()
# Names of the entries of C = AB, and a 3x4 times 4x3 pair for eq. (2) read entrywise.
C11, C12, C21, C22 = Cs
A34 = rng.integers(-3, 4, size=(3, 4))
B43 = rng.integers(-3, 4, size=(4, 3))
# The second basis vector, and the second column of C = AB as A (B b2).
b2 = sp.Matrix([0, 1])
assert Cs[:, 1] == As * (Bs * b2) == sp.Matrix([A11 * B12 + A12 * B22, A21 * B12 + A22 * B22])

# The arrows the figure draws: the images of b1 and b2 under AB (left) and BA (right).
AB_b1, AB_b2 = panels[0][0].T
BA_b1, BA_b2 = panels[1][0].T

# The alt text: under BA the unit square becomes "a different, wider parallelogram" than
# under AB: its corners differ and spread further along x (the areas are equal, both
# |det A det B|, so "wider" is not "larger").
corners_AB, corners_BA = AB @ square, BA @ square
assert not np.array_equal(corners_AB, corners_BA)
assert np.ptp(corners_BA[0]) > np.ptp(corners_AB[0])

# The summary's rule on the example: an n x k matrix times a k x m one is n x m.
A23_B34 = A23 @ B34
