"""Exercise 2.5.2 (the book's own), ML1 §2.5: rotate by 90 degrees, then stretch: BR."""

# --8<-- [start:chain]
import numpy as np

R = np.array([[0, -1],
              [1, 0]])   # columns: where b1 and b2 go under the rotation
B = np.array([[2, 0],
              [0, 1]])   # doubles the first coordinate
BR = B @ R  # first R, then B: the right factor acts first
print("B R =")
print(BR)
print("R B =")
print(R @ B)
for b in np.eye(2, dtype=int):  # follow each basis vector through both steps
    print(b, "->", R @ b, "->", B @ (R @ b))
# --8<-- [end:chain]

# Column k of B R is where b_k lands after both steps, and the other order differs.
for k, b in enumerate(np.eye(2, dtype=int)):
    assert np.array_equal(BR[:, k], B @ (R @ b))
assert not np.array_equal(BR, R @ B)
RB = R @ B  # the other order, which the prose names too
# Where the rotation sends the basis vectors, its columns (the answer names them).
rotated_b1, rotated_b2 = R[:, 0], R[:, 1]
import sympy as sp  # noqa: E402

# The angle R turns b1 through, anticlockwise positive: the question's 90 degrees.
rotation_angle = sp.atan2(R[1, 0], R[0, 0])
# R is a rotation (orthogonal, determinant 1), so it turns b2 by the same angle.
assert np.array_equal(R.T @ R, np.eye(2)) and round(np.linalg.det(R)) == 1
