"""The 2 x 2 inverse and its proof, EMAT31530 §4.10 eqs. (79)-(84), with SymPy."""

# --8<-- [start:proof]
import sympy as sp

a, b, c, d = sp.symbols("a b c d")
A = sp.Matrix([[a, b], [c, d]])
det = a * d - b * c
adjugate = sp.Matrix([[d, -b], [-c, a]])
A_inv = adjugate / det  # eq. (80)

# Eq. (82): multiply out entry by entry, without simplifying yet.
entries = sp.Matrix(2, 2, lambda i, k: sp.Add(
    *[adjugate[i, j] * A[j, k] for j in range(2)], evaluate=False))
print(entries)
print(sp.simplify(entries))  # eq. (83): the off-diagonal terms cancel
print(sp.simplify(A_inv * A))  # eq. (84)
# --8<-- [end:proof]

# --8<-- [start:numeric]
import numpy as np

A = np.array([[5.0, 6.0], [7.0, 8.0]])
(a, b), (c, d) = A
A_inv = np.array([[d, -b], [-c, a]]) / (a * d - b * c)
print(A_inv)
print("same as np.linalg.inv:", np.allclose(A_inv, np.linalg.inv(A)))
print("A_inv @ A == I:", np.allclose(A_inv @ A, np.eye(2)))
# --8<-- [end:numeric]

a, b, c, d = sp.symbols("a b c d")
A = sp.Matrix([[a, b], [c, d]])
det = a * d - b * c
adjugate = sp.Matrix([[d, -b], [-c, a]])
A_inv = adjugate / det
# The proof's steps: the unsimplified product equals det * I, so A^{-1} A = I,
# and the formula is a right inverse too and agrees with SymPy's own inverse.
unsimplified = sp.Matrix(2, 2, lambda i, k: sp.Add(
    *[adjugate[i, j] * A[j, k] for j in range(2)], evaluate=False))
assert sp.simplify(unsimplified) == det * sp.eye(2)
assert sp.simplify(A_inv * A) == sp.eye(2) and sp.simplify(A * A_inv) == sp.eye(2)
assert sp.simplify(A_inv - A.inv()) == sp.zeros(2, 2)
assert A.det() == det  # so no inverse when ad - bc = 0
# A matrix with ad - bc = 0, e.g. [[1, 2], [2, 4]], has no inverse at all.
singular = sp.Matrix([[1, 2], [2, 4]])
singular_row_1, singular_row_2 = singular.tolist()  # the page's rows (1, 2) and (2, 4)
assert det.subs(dict(zip((a, b, c, d), singular))) == 0
try:
    singular.inv()
except sp.matrices.exceptions.NonInvertibleMatrixError:
    pass
else:
    raise AssertionError("a singular matrix inverted")
product_tex = sp.latex(unsimplified, mat_delim="(")
simplified_tex = sp.latex(sp.simplify(unsimplified), mat_delim="(")
identity_tex = sp.latex(sp.simplify(A_inv * A), mat_delim="(")
numeric_inverse = np.linalg.inv(np.array([[5.0, 6.0], [7.0, 8.0]]))
assert np.allclose(numeric_inverse, [[-4.0, 3.0], [3.5, -2.5]])
I = sp.eye(2)  # noqa: E741 (the book's name for it)
# Eqs. (80)-(84): the matrices typeset above, bound to the values they were printed from.
TEX = {
    product_tex: unsimplified,
    simplified_tex: sp.simplify(unsimplified),
    identity_tex: sp.simplify(A_inv * A),
}
# The determinant the corrections page names, as SymPy computes it.
determinant = A.det()
