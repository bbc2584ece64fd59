"""Vectors and matrices as NumPy arrays: the notation of ML1 §2.1 in code."""

# --8<-- [start:arrays]
import numpy as np

v = np.array([2.0, -1.0, 3.0])  # a vector of R^3
A = np.array([[1.0, 0.0, 2.0],
              [0.0, 1.0, -1.0]])  # a 2 x 3 matrix
print("v =", v, " shape", v.shape)
print("A =")
print(A)
print("shape of A:", A.shape, " shape of A.T:", A.T.shape)
print("second entry of v (v_2):", v[1])
print("entry A_13 (row 1, column 3):", A[0, 2])
# --8<-- [end:arrays]

# Python counts from 0, the text from 1: v_2 is v[1] and A_13 is A[0, 2].
assert v.shape == (3,) and A.shape == (2, 3) and A.T.shape == (3, 2)
assert v[1] == -1.0 and A[0, 2] == 2.0
