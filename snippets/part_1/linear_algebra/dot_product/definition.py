"""Dot product and norm, ML1 §2.4: sum of products, and ||v|| = sqrt(v . v)."""

# --8<-- [start:dot]
import numpy as np

v = np.array([1.0, 2.0, 2.0])
w = np.array([3.0, 0.0, -4.0])
by_sum = sum(a_i * b_i for a_i, b_i in zip(v, w, strict=True))
print("sum of a_i b_i:", by_sum)
print("np.dot(v, w):  ", np.dot(v, w))
print("v @ w:         ", v @ w)
# --8<-- [end:dot]

# --8<-- [start:norm]
import numpy as np

v = np.array([1.0, 2.0, 2.0])
print("v . v =", v @ v)
print("sqrt(v . v) =", np.sqrt(v @ v))
print("np.linalg.norm(v) =", np.linalg.norm(v))
# --8<-- [end:norm]

# The three ways agree; 1*3 + 2*0 + 2*(-4) = -5 and ||v|| = sqrt(9) = 3.
dot_vw = v @ w
norm_v = np.linalg.norm(v)
assert by_sum == np.dot(v, w) == dot_vw == -5.0
assert v @ v == 9.0 and norm_v == 3.0
# For the equation checker: the sum written out with dots is the entry-by-entry sum.
TEX = {r"a_1 b_1 + \dots + a_n b_n": by_sum}
