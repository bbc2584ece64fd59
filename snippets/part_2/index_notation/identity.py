"""The identity matrix leaves everything unchanged, EMAT31530 §4.9 eqs. (74)-(78)."""

# --8<-- [start:identity]
import numpy as np

I = np.eye(2, dtype=int)  # noqa: E741 (the book's name for it)
C = np.array([[5, 6], [7, 8]])
r = np.array([[1, 2]])  # 1 x 2 row
c = np.array([[3], [4]])  # 2 x 1 column
print(I)
print("I C == C:", np.array_equal(I @ C, C))
print("C I == C:", np.array_equal(C @ I, C))
print("r I == r:", np.array_equal(r @ I, r))
print("I c == c:", np.array_equal(I @ c, c))
# --8<-- [end:identity]

# --8<-- [start:symbolic]
import sympy as sp

C = sp.Matrix(2, 2, sp.symbols("C11 C12 C21 C22"))
I = sp.eye(2)  # noqa: E741
print(I * C == C, C * I == C)
# --8<-- [end:symbolic]

# Eqs. (75)-(78) for a general symbolic 2 x 2 matrix, row and column.
I = sp.eye(2)  # noqa: E741
r = sp.Matrix([sp.symbols("r1 r2")])
c = sp.Matrix(sp.symbols("c1 c2"))
assert I * C == C and C * I == C and r * I == r and I * c == c
assert I == sp.Matrix([[1, 0], [0, 1]])
I_tex = sp.latex(I, mat_delim="(")
TEX = {I_tex: I}  # the checker's reader drops `&`: eq. (74) bound to its value
