"""Exercise 2.5.1 (the book's own), ML1 §2.5: a 2 x 3 matrix times a vector, eq. (1)."""

# --8<-- [start:product]
import numpy as np

A = np.array([[2, 0, -1],
              [1, 3, 2]])
v = np.array([1, -1, 2])
w = np.zeros(2, dtype=int)
for i in range(2):  # eq. (1): w_i = sum over k of A_ik v_k
    for k in range(3):
        w[i] += A[i, k] * v[k]
print(A.shape, "@", v.shape, "->", w.shape)
print("w =", w)
columns = v[0] * A[:, 0] + v[1] * A[:, 1] + v[2] * A[:, 2]
print("combination of the columns of A:", columns)
print("A @ v =", A @ v)
# --8<-- [end:product]

# The loops, the combination of columns and NumPy's product agree.
assert np.array_equal(w, A @ v)
assert np.array_equal(w, sum(v[k] * A[:, k] for k in range(3)))
n_rows, n_columns = A.shape  # the page's "2 rows and 3 columns"
