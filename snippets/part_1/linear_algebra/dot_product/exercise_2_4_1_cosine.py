"""Exercise 2.4.1 (the book's own), ML1 §2.4: the cosine similarity of two vectors."""

# --8<-- [start:cosine]
import sympy as sp

v = sp.Matrix([2, -1, 2])
w = sp.Matrix([1, 4, 8])
print("v . w =", v.dot(w), "  ||v|| =", v.norm(), "  ||w|| =", w.norm())
cos_theta = v.dot(w) / (v.norm() * w.norm())
print("cos theta =", cos_theta, "=", sp.N(cos_theta, 4))
print("cos 60 degrees =", sp.cos(sp.pi / 3))
print("theta < 60 degrees:", cos_theta > sp.cos(sp.pi / 3))
# --8<-- [end:cosine]

import numpy as np  # noqa: E402

# NumPy, in floating point, agrees with the exact fraction.
v_np, w_np = np.array([2, -1, 2]), np.array([1, 4, 8])
assert np.isclose(v_np @ w_np / np.linalg.norm(v_np) / np.linalg.norm(w_np),
                  float(cos_theta))
assert cos_theta == sp.Rational(14, 27)
theta = sp.acos(cos_theta)  # the angle, below pi / 3 since the cosine falls on [0, pi]
assert theta < sp.pi / 3
cos_60 = sp.cos(sp.pi / 3)  # the page's "a little more than 1/2, the cosine of 60 degrees"
# The angle the question compares with: the one whose cosine is cos_60.
threshold_angle = sp.acos(cos_60)
# It is 60 degrees, pi/3 in radians.
assert threshold_angle == sp.pi / 3
# The angles between two vectors run from acos(1) = 0 to acos(-1) = pi (0 to 180 degrees).
angle_min, angle_max = sp.acos(1), sp.acos(-1)
# The cosine decreases over all of them: the page's reason that theta < 60 degrees.
assert sp.is_strictly_decreasing(sp.cos(sp.Symbol("a")), sp.Interval.open(angle_min, angle_max))
