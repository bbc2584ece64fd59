"""The worked 2 x 2 product, EMAT31530 §4.4.2 eqs. (60)-(62)."""

# --8<-- [start:by_hand]
import numpy as np

A = np.array([[5, 6], [7, 8]])
B = np.array([[1, 2], [3, 4]])
for i in range(2):
    for k in range(2):  # row i of A times column k of B
        terms = [f"{A[i, j]}*{B[j, k]}" for j in range(2)]
        value = sum(A[i, j] * B[j, k] for j in range(2))
        print(f"C_{i + 1}{k + 1} = {' + '.join(terms)} = {value}")
print(A @ B)
# --8<-- [end:by_hand]

C = A @ B


def pmatrix(rows):
    """LaTeX pmatrix from a nested list of LaTeX strings."""
    body = r" \\ ".join(" & ".join(row) for row in rows)
    return r"\begin{pmatrix}" + body + r"\end{pmatrix}"


# Eqs. (60)-(62), each line built from A and B, so the page cannot drift from them.
products_tex = pmatrix([[" + ".join(rf"{A[i, j]} \times {B[j, k]}" for j in range(2))
                         for k in range(2)] for i in range(2)])
terms_tex = pmatrix([[" + ".join(str(A[i, j] * B[j, k]) for j in range(2))
                      for k in range(2)] for i in range(2)])
C_tex = pmatrix([[str(C[i, k]) for k in range(2)] for i in range(2)])
A_tex = pmatrix([[str(a) for a in row] for row in A])
B_tex = pmatrix([[str(b) for b in row] for row in B])
assert np.array_equal(C, [[23, 34], [31, 46]])
assert np.array_equal(C, np.einsum("ij,jk->ik", A, B))
assert terms_tex == r"\begin{pmatrix}5 + 18 & 10 + 24 \\ 7 + 24 & 14 + 32\end{pmatrix}"
import sympy as sp  # noqa: E402

# The checker's reader drops `&`: the matrices of eqs. (60)-(62) are bound to their values,
# each line's entries summed from the products it shows.
TEX = {
    A_tex: sp.Matrix(A),
    B_tex: sp.Matrix(B),
    products_tex: sp.Matrix(2, 2, lambda i, k: sum(int(A[i, j]) * int(B[j, k]) for j in range(2))),
    terms_tex: sp.Matrix(2, 2, lambda i, k: sum(int(A[i, j] * B[j, k]) for j in range(2))),
    C_tex: sp.Matrix(C),
}
