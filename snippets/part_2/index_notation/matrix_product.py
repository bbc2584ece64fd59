"""Matrix-matrix product: shape rule and index formula, EMAT31530 §4.4 (54)-(55)."""

# --8<-- [start:shapes]
import numpy as np

rng = np.random.default_rng(0)
M, N, P = 2, 3, 4
A = rng.integers(-3, 4, size=(M, N))
B = rng.integers(-3, 4, size=(N, P))
print("A =", A, "B =", B, sep="\n")
C = A @ B
print(A.shape, "@", B.shape, "->", C.shape)
print(C)
try:
    B @ A  # inner sizes P = 4 and M = 2 differ
except ValueError:
    print(B.shape, "@", A.shape, "-> ValueError: inner sizes differ")
# --8<-- [end:shapes]

# --8<-- [start:index]
import numpy as np

rng = np.random.default_rng(0)
M, N, P = 2, 3, 4
A = rng.integers(-3, 4, size=(M, N))
B = rng.integers(-3, 4, size=(N, P))

C = np.zeros((M, P), dtype=A.dtype)
for i in range(M):  # rows of A and C
    for k in range(P):  # columns of B and C
        for j in range(N):  # the inner index, summed away
            C[i, k] += A[i, j] * B[j, k]
print(C)
print("same as A @ B:", np.array_equal(C, A @ B))
print("same as einsum:", np.array_equal(C, np.einsum("ij,jk->ik", A, B)))
# --8<-- [end:index]

assert C.shape == (M, P)
assert np.array_equal(C, A @ B) and np.array_equal(C, np.einsum("ij,jk->ik", A, B))

# Eq. (55) is checked for every i, k in 1..3, so also on a product with all sizes >= 3.
big = {"A": rng.integers(-3, 4, size=(3, 4)), "B": rng.integers(-3, 4, size=(4, 5)), "N": 4}
big["C"] = big["A"] @ big["B"]
