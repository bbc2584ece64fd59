"""The eight vector-space axioms of ML1 §2.2, checked for R^3."""

# --8<-- [start:random]
import numpy as np

rng = np.random.default_rng(0)
u, v, w = rng.normal(size=(3, 3))  # three random vectors of R^3
a, b = rng.normal(size=2)  # two random scalars
zero = np.zeros(3)

axioms = {
    "1 u + (v + w) = (u + v) + w": (u + (v + w), (u + v) + w),
    "2 u + v = v + u": (u + v, v + u),
    "3 v + 0 = v": (v + zero, v),
    "4 v + (-v) = 0": (v + (-v), zero),
    "5 a(bv) = (ab)v": (a * (b * v), (a * b) * v),
    "6 1v = v": (1 * v, v),
    "7 a(u + v) = au + av": (a * (u + v), a * u + a * v),
    "8 (a + b)v = av + bv": ((a + b) * v, a * v + b * v),
}
for name, (left, right) in axioms.items():
    print(f"{name:28} holds: {np.allclose(left, right)}")
# --8<-- [end:random]

# --8<-- [start:float]
left = (0.1 + 0.2) + 0.3
right = 0.1 + (0.2 + 0.3)
print(left, right, left == right)
# --8<-- [end:float]

# --8<-- [start:symbolic]
import sympy as sp

a, b = sp.symbols("a b")  # any real scalars
u, v, w = (sp.Matrix(sp.symbols(f"{n}1:4")) for n in "uvw")
zero = sp.zeros(3, 1)
differences = [
    u + (v + w) - ((u + v) + w),
    u + v - (v + u),
    v + zero - v,
    v + (-v) - zero,
    a * (b * v) - (a * b) * v,
    1 * v - v,
    a * (u + v) - (a * u + a * v),
    (a + b) * v - (a * v + b * v),
]
for k, d in enumerate(differences, start=1):
    print(f"axiom {k}: left - right =", list(d.expand()))
# --8<-- [end:symbolic]

# All eight hold for the random sample and, symbolically, for every u, v, w, a, b.
assert left != right  # floats: addition rounds, so == is too strict
assert len(axioms) == 8 and len(differences) == 8
assert all(np.allclose(left, right) for left, right in axioms.values())
assert all(d.expand() == zero for d in differences)
# Scalar multiplication pairs a scalar with a vector (F x V -> V): it is not a
# binary operation on V, and two vectors of R^3 have no such product.
assert (a * v).shape == v.shape
try:
    u * v
except sp.ShapeError:
    pass
else:
    raise AssertionError("two 3-vectors multiplied")

# For the equation checker: the page's zero vector.
TEX = {r"\mathbf{0}": zero}
# The page's reason the integers are no field: 1 divided by 2 is not an integer.
half = sp.Integer(1) / sp.Integer(2)
assert not half.is_integer
