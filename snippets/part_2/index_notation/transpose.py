"""Transposes of a column vector and a 2 x 3 matrix, EMAT31530 §4.3 eqs. (52)-(53)."""

# --8<-- [start:vector]
import numpy as np

c = np.array([[1], [2], [3]])  # 3 x 1
print(c.shape, "->", c.T.shape)
print(c.T)
# --8<-- [end:vector]

# --8<-- [start:matrix]
import numpy as np

B = np.array([[1, 2, 3],
              [4, 5, 6]])
print(B.shape, "->", B.T.shape)
print(B.T)
# --8<-- [end:matrix]

BT = B.T
# Round brackets, as everywhere in the book's prose.
import sympy as sp  # noqa: E402

B_tex = sp.latex(sp.Matrix(B), mat_delim="(")
BT_tex = sp.latex(sp.Matrix(BT), mat_delim="(")
# (B^T)_ij = B_ji, and transposing twice gives back the original.
assert BT.shape == (3, 2) and c.T.shape == (1, 3)
assert all(BT[i, j] == B[j, i] for i in range(3) for j in range(2))
assert np.array_equal(BT, [[1, 4], [2, 5], [3, 6]])
assert np.array_equal(BT.T, B) and np.array_equal(c.T.T, c)
# The checker's reader drops `&`, so the matrices of eqs. (52)-(53) are bound to their
# values: the computed ones, and eq. (52)'s components c_1, ..., c_N as a column and a row.
TEX = {
    B_tex: sp.Matrix(B),
    BT_tex: sp.Matrix(BT),
    r"\begin{pmatrix} c_1 \\ c_2 \\ \vdots \\ c_N \end{pmatrix}": sp.Matrix(c[:, 0]),
    r"\begin{pmatrix} c_1 & c_2 & \cdots & c_N \end{pmatrix}": sp.Matrix([c[:, 0]]),
}
# The inline (A^T)_ij = A_ji of §4.3, on a 3 x 4 matrix A: the reader cannot read a
# subscript on a bracket, so that fragment is bound to the entry (i, j) of A.T, picked
# out of the computed transpose with Kronecker deltas for the reader's index letters.
A = np.arange(1, 13).reshape(3, 4)
i, j = sp.symbols("i j", integer=True, positive=True)
TEX[r"\left(A^T\right)_{ij}"] = sum(
    int(A.T[p, q]) * sp.KroneckerDelta(i, p + 1) * sp.KroneckerDelta(j, q + 1)
    for p in range(4) for q in range(3)
)
# The page's "an N x M matrix becomes M x N", for this 3 x 4 matrix A (N rows, M columns).
N, M = A.shape
A_sym, AT_sym = sp.Matrix(A), sp.Matrix(A.T)

# The column c transposed: the row the text's 1 x N names.
cT = c.T
