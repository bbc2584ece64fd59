"""Exercise 2.1.2 (the book's own), ML1 §2.1: the transpose of a 2 x 3 matrix."""

# --8<-- [start:transpose]
import numpy as np

A = np.array([[1, 2, 3],
              [4, 5, 6]])
A_T = A.T  # rows become columns
print("A has shape", A.shape, "and A^T has shape", A_T.shape)
print(A_T)
print("(A^T)_31 = A_13 =", A_T[2, 0])
# --8<-- [end:transpose]

# Entry (i, j) of the transpose is entry (j, i) of A, for every i, j; A^T^T is A.
assert all(A_T[i, j] == A[j, i] for i in range(3) for j in range(2))
assert A_T.shape == (3, 2) and np.array_equal(A_T.T, A)
assert A_T[2, 0] == A[0, 2]
A_13 = A[0, 2]  # the entry the prose names, counted from 1
