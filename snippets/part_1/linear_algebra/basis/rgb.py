"""A colour as a linear combination of the canonical basis r, g, b, ML1 §2.3."""

# --8<-- [start:combine]
import numpy as np

r = np.array([1.0, 0.0, 0.0])
g = np.array([0.0, 1.0, 0.0])
b = np.array([0.0, 0.0, 1.0])
r_i, g_i, b_i = 0.9, 0.6, 0.1  # intensities of an orange
c = r_i * r + g_i * g + b_i * b  # a linear combination
print("c =", c)

# Going back: the intensities are the solution of [r g b] x = c.
B = np.column_stack([r, g, b])  # the basis vectors as columns
print("B =")
print(B)
print("coordinates of c:", np.linalg.solve(B, c))
# --8<-- [end:combine]

# With the canonical basis the coordinates of c are its own entries.
assert np.allclose(c, [r_i, g_i, b_i])
assert np.allclose(np.linalg.solve(B, c), c)
assert np.array_equal(B, np.eye(3))
