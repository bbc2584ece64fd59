"""Matrix-vector product from linearity, ML1 §2.5 derivation (steps 1-6) and eq. (1)."""

# --8<-- [start:derivation]
import sympy as sp

A = sp.Matrix(2, 2, sp.symbols("A11 A12 A21 A22"))
v1, v2 = sp.symbols("v1 v2")
b1, b2 = sp.Matrix([1, 0]), sp.Matrix([0, 1])

v = v1 * b1 + v2 * b2          # steps 1-2: v in terms of the basis
col1, col2 = A[:, 0], A[:, 1]  # step 5: A b1 and A b2 are A's columns
w = v1 * col1 + v2 * col2      # steps 3-4: additivity, homogeneity
print("v =", list(v))
print("w =", list(w))          # step 6: add the two scaled columns
print("same as SymPy's A*v:", w == A * v)
# --8<-- [end:derivation]

# --8<-- [start:index_formula]
import numpy as np

rng = np.random.default_rng(0)
A = rng.integers(-3, 4, size=(3, 4))  # 3 rows, 4 columns
v = rng.integers(-3, 4, size=4)

rows, cols = A.shape
w = np.zeros(rows, dtype=A.dtype)
for i in range(rows):
    w[i] = sum(A[i, k] * v[k] for k in range(cols))  # eq. (1)
print("A =", A, sep="\n")
print("v =", v)
print("w from eq. (1):", w)
print("w from A @ v:  ", A @ v)
# --8<-- [end:index_formula]

# Step 6's result, written out as in the source.
A11, A12, A21, A22 = sp.symbols("A11 A12 A21 A22")
w_sym = v1 * sp.Matrix([A11, A21]) + v2 * sp.Matrix([A12, A22])
assert w_sym == sp.Matrix([A11 * v1 + A12 * v2, A21 * v1 + A22 * v2])
assert w_sym == sp.Matrix([[A11, A12], [A21, A22]]) * sp.Matrix([v1, v2])
# Eq. (1) agrees with NumPy, and a 3x4 matrix turns 4-vectors into 3-vectors.
assert (w == A @ v).all() and w.shape == (3,)

# The general 2x2 matrix and vector of the derivation, for the page's formulas.
A_sym = sp.Matrix([[A11, A12], [A21, A22]])
v_sym = sp.Matrix([v1, v2])
