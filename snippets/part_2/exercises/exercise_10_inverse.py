"""Exercise 10, EMAT31530 §6 eq. (106) and §7 eqs. (150)-(153): the inverse of a 2x2 matrix."""

# --8<-- [start:inverse]
import sympy as sp

A = sp.Matrix([[1, 2], [3, 4]])
(a, b), (c, d) = A.tolist()
det = a * d - b * c
swapped = sp.Matrix([[d, -b], [-c, a]])
inverse = swapped / det  # 1/(ad - bc) times [[d, -b], [-c, a]]
print("ad - bc =", det)
print("inverse =", inverse)
print("A times inverse =", A * inverse)
# --8<-- [end:inverse]

# --8<-- [start:numpy]
import numpy as np

A = np.array([[1.0, 2.0], [3.0, 4.0]])
print(np.linalg.inv(A))
# --8<-- [end:numpy]

# Eqs. (151)-(153): det = 4 - 6 = -2, the inverse, and that it undoes A on both sides.
A = sp.Matrix([[1, 2], [3, 4]])
half = sp.Rational(1, 2)
assert det == 4 - 6 == -2
assert inverse == -half * sp.Matrix([[4, -2], [-3, 1]]) == half * sp.Matrix([[-4, 2], [3, -1]])
assert inverse == A.inv()
assert A * inverse == sp.eye(2) == inverse * A
assert np.allclose(np.linalg.inv(np.array([[1.0, 2.0], [3.0, 4.0]])), np.array(inverse, float))
inverse_tex = r"\frac{1}{2}" + sp.latex(sp.Matrix([[-4, 2], [3, -1]]), mat_delim="(")
assert inverse == half * sp.Matrix([[-4, 2], [3, -1]])  # what inverse_tex shows
inverse_entries_tex = sp.latex(inverse, mat_delim="(")  # the inverse entry by entry
