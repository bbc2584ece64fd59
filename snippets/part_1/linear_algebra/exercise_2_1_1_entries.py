"""Exercise 2.1.1 (the book's own), ML1 §2.1: entries counted from 1, v_2 + A_23."""

# --8<-- [start:entries]
import numpy as np

v = np.array([4, -1, 2, 7])
A = np.array([[1, 2, 3],
              [4, 5, 6]])
print("v_2  is v[1]    =", v[1])
print("A_23 is A[1, 2] =", A[1, 2])
total = v[1] + A[1, 2]  # Python counts from 0
print("v_2 + A_23 =", total)
# --8<-- [end:entries]

# The same entries reached from the other end: the third-last of v, the last of A.
assert total == v[-3] + A[-1, -1] == -1 + 6
assert A.shape == (2, 3) and v.shape == (4,)
