"""Vectors and matrices as NumPy arrays, EMAT31530 §4.1-§4.2 eqs. (48)-(51)."""

# --8<-- [start:vectors]
import numpy as np

c = np.array([[1.0], [2.0], [3.0]])  # column vector: N x 1
r = np.array([[4.0, 5.0, 6.0]])  # row vector: 1 x M
v = np.array([4.0, 5.0, 6.0])  # 1-D array: neither row nor column
print("c:", c.shape, " r:", r.shape, " v:", v.shape)
print("c_2 =", c[1, 0], " r_3 =", r[0, 2])  # Python counts from 0
# --8<-- [end:vectors]

# --8<-- [start:matrix]
import numpy as np

A = np.arange(1, 7).reshape(2, 3)  # N = 2 rows, M = 3 columns
print(A)
print("shape (N, M) =", A.shape)
N, M = A.shape
print("A_11 =", A[0, 0], " A_NM =", A[N - 1, M - 1], " A_23 =", A[1, 2])
# --8<-- [end:matrix]

# A_ij sits in row i and column j; the last index of each kind is N and M.
assert c.shape == (3, 1) and r.shape == (1, 3) and v.shape == (3,)
assert A.shape == (2, 3) and A[N - 1, M - 1] == 6 and A[1, 2] == A[-1, -1]
assert all(A[i, j] == 3 * i + j + 1 for i in range(N) for j in range(M))

# For the chapter's eq. (49): its written corner (two rows and two columns, then the dots,
# then row N and column M) checked on a matrix larger than the corner, so that the last
# row and column are entries of their own.
A_4x5 = np.arange(1, 21).reshape(4, 5)
