"""Exercise 9, EMAT31530 §6 eq. (105) and §7 eqs. (147)-(149): a 2x2 matrix product."""

# --8<-- [start:product]
import numpy as np

A = np.array([[1, 2], [3, 4]])
B = np.array([[5, 6], [7, 8]])
C = np.zeros((2, 2), dtype=int)
for i in range(2):  # C_ik = sum over j of A_ij B_jk
    for k in range(2):
        for j in range(2):
            C[i, k] += A[i, j] * B[j, k]
print(A.shape, "@", B.shape, "->", C.shape)
print(C)
print("agrees with A @ B:", np.array_equal(C, A @ B))
# --8<-- [end:product]

# Eq. (148), the sums of products entry by entry, and eq. (149), the result.
assert [[1 * 5 + 2 * 7, 1 * 6 + 2 * 8], [3 * 5 + 4 * 7, 3 * 6 + 4 * 8]] == [
    [5 + 14, 6 + 16], [15 + 28, 18 + 32]]
assert np.array_equal(C, [[19, 22], [43, 50]])
assert np.array_equal(C, A @ B) and np.array_equal(C, np.einsum("ij,jk->ik", A, B))

import sympy as sp  # noqa: E402

C_tex = sp.latex(sp.Matrix(C), mat_delim="(")  # the result as the page shows it
