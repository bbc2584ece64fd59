"""Identity and inverse matrices, ML1 §2.5."""

# --8<-- [start:identity]
import numpy as np

I = np.eye(3, dtype=int)  # noqa: E741  (I is the book's name)
v = np.array([4, -1, 7])
print("I =", I, sep="\n")
print("I v =", I @ v)
# --8<-- [end:identity]

# --8<-- [start:inverse]
import sympy as sp

A = sp.Matrix([[-1, -2],
               [1, -1]])
A_inv = A.inv()  # exact fractions
print("A^-1 =", A_inv)
print("A^-1 A =", A_inv * A)
print("A A^-1 =", A * A_inv)
v = sp.Matrix([3, 5])
print("A v =", list(A * v), "and A^-1 (A v) =", list(A_inv * (A * v)))
# --8<-- [end:inverse]

# --8<-- [start:no_inverse]
import sympy as sp

P = sp.Matrix([[1, 2],
               [2, 4]])  # second column is twice the first
print("det P =", P.det(), "so P has no inverse")
A_prime = sp.Matrix([[1, 0],
                     [0, 1],
                     [1, 1]])
print("rank of the 3x2 matrix A':", A_prime.rank())
# --8<-- [end:no_inverse]

# Checks: the identity leaves v alone; A^-1 undoes A from both sides.
I3 = sp.eye(3)
assert (np.eye(3, dtype=int) @ np.array([4, -1, 7]) == [4, -1, 7]).all()
A = sp.Matrix([[-1, -2], [1, -1]])
A_inv = A.inv()
assert A_inv == sp.Matrix([[-1, 2], [-1, -1]]) / 3
assert A_inv * A == sp.eye(2) == A * A_inv
# P is singular; A' has rank 2, so A' X (rank <= 2) can never be the 3x3 identity.
assert P.det() == 0
assert A_prime.rank() == 2 < I3.rank()
# ... but a 2x3 matrix applied after A' can undo it: the pseudo-inverse is a left inverse.
left_inverse = A_prime.pinv()
assert left_inverse.shape == (2, 3) and left_inverse * A_prime == sp.eye(2)
assert A_prime * left_inverse != I3

# LaTeX for the prose, with fractions written a/b.
A_inv_tex = sp.latex(A_inv, fold_short_frac=True)
# I v = v for every v: a symbolic 3-vector.
v_any = sp.Matrix(sp.symbols("v1:4"))
assert I3 * v_any == v_any
# The entries the page names: 1 on the diagonal of I, 0 elsewhere; the rank of A'.
(diagonal_entry,) = set(I3.diagonal())
(off_diagonal_entry,) = set(I3 - sp.diag(*I3.diagonal()))
rank_A_prime = A_prime.rank()
# The 2 x 2 identity that the left inverse gives back when applied after A'.
I2 = left_inverse * A_prime
assert I2 == sp.eye(2)
