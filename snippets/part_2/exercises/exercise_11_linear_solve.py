"""Exercise 11, EMAT31530 §6 eq. (107) and §7 eqs. (155)-(164): solve A x = (5, 6) with A^-1."""

# --8<-- [start:solve]
import sympy as sp

A = sp.Matrix([[1, 2], [3, 4]])
rhs = sp.Matrix([5, 6])
x = A.inv() * rhs  # x = A^-1 (5, 6)
print("A^-1 =", A.inv())
print("x =", x.T, "(as a row, to save space)")
print("substituted back, A x =", (A * x).T)
# --8<-- [end:solve]

# --8<-- [start:numpy]
import numpy as np

A = np.array([[1.0, 2.0], [3.0, 4.0]])
rhs = np.array([5.0, 6.0])
x = np.linalg.solve(A, rhs)  # solves without forming the inverse
print("x =", x)
print("A @ x =", A @ x)
# --8<-- [end:numpy]

# Eqs. (158)-(160), the answer, and eqs. (161)-(164), the substitution back.
A = sp.Matrix([[1, 2], [3, 4]])
rhs = sp.Matrix([5, 6])
x = A.inv() * rhs
half = sp.Rational(1, 2)
assert [-4 * 5 + 2 * 6, 3 * 5 + (-1) * 6] == [-20 + 12, 15 - 6] == [-8, 9]
assert x == half * sp.Matrix([-8, 9]) == sp.Matrix([-4, sp.Rational(9, 2)])
assert [1 * -8 + 2 * 9, 3 * -8 + 4 * 9] == [-8 + 18, -24 + 36] == [10, 12]
assert A * x == rhs
x1, x2 = x
assert np.allclose(np.linalg.solve(np.array([[1.0, 2], [3, 4]]), [5.0, 6.0]), [-4, 4.5])
x_tex = sp.latex(x, mat_delim="(")  # the answer as the page shows it
