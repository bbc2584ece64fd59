"""Matrix-vector, vector-matrix, inner and outer products, EMAT31530 §4.5-§4.8.

Each section prints the shapes next to the result, then checks a loop over the index
formula against `@` and np.einsum.
"""

# --8<-- [start:matvec]
import numpy as np

A = np.array([[1, 2, 0],
              [0, 1, 3]])  # M x N = 2 x 3
c = np.array([[2], [1], [4]])  # N x 1 column
v = A @ c
print(A.shape, "@", c.shape, "->", v.shape)
print(v)

loop = np.array([sum(A[i, j] * c[j, 0] for j in range(3))
                 for i in range(2)])
print("v_i = sum_j A_ij c_j:", loop)
print("einsum:", np.einsum("ij,j->i", A, c[:, 0]))
# --8<-- [end:matvec]
matvec = {"A": A, "c": c, "v": v}  # the names are reused below; eq. (63)

# --8<-- [start:vecmat]
import numpy as np

r = np.array([[1, 2]])  # 1 x N row, N = 2
B = np.array([[1, 0, 2],
              [3, 1, 0]])  # N x P = 2 x 3
v = r @ B
print(r.shape, "@", B.shape, "->", v.shape)
print(v)

loop = np.array([sum(r[0, j] * B[j, k] for j in range(2))
                 for k in range(3)])
print("v_k = sum_j r_j B_jk:", loop)
print("einsum:", np.einsum("j,jk->k", r[0], B))
# --8<-- [end:vecmat]
vecmat = {"r": r, "B": B, "v": v}  # eq. (65)

# --8<-- [start:inner]
import numpy as np

r = np.array([[1, 2, 3]])  # 1 x N row
c = np.array([[4], [5], [6]])  # N x 1 column
v = r @ c
print(r.shape, "@", c.shape, "->", v.shape)
print(v)

loop = sum(r[0, j] * c[j, 0] for j in range(3))
print("v = sum_j r_j c_j:", loop)
print("einsum:", np.einsum("j,j->", r[0], c[:, 0]))
print("c^T c =", (c.T @ c).item(), " r r^T =", (r @ r.T).item())
# --8<-- [end:inner]
inner = {"r": r, "c": c, "v": v}  # eqs. (67)-(68) and (70)

# --8<-- [start:outer]
import numpy as np

c = np.array([[1], [2], [3]])  # M x 1 column
b = np.array([[4], [5]])  # P x 1 column, so b^T is 1 x P
V = c @ b.T
print(c.shape, "@", b.T.shape, "->", V.shape)
print(V)

loop = np.array([[c[i, 0] * b[k, 0] for k in range(2)]
                 for i in range(3)])
print("V_ik = c_i b_k agrees:", np.array_equal(loop, V))
ein = np.einsum("i,k->ik", c[:, 0], b[:, 0])
print("einsum agrees:", np.array_equal(ein, V))
print("np.outer agrees:", np.array_equal(np.outer(c, b), V))
print("c c^T:", c.shape, "@", c.T.shape, "->", (c @ c.T).shape)
# --8<-- [end:outer]


def check():
    """Each product against @, einsum and its index formula, shapes as in §4.5-§4.8."""
    rng = np.random.default_rng(0)
    M, N, P = 3, 4, 5  # all at least 3: the check gives free indices the values 1..3
    A = rng.normal(size=(M, N))
    B = rng.normal(size=(N, P))
    c = rng.normal(size=(N, 1))
    r = rng.normal(size=(1, N))
    # (63)-(64): matrix-vector, P = 1.
    v = A @ c
    assert v.shape == (M, 1)
    loop_v = [sum(A[i, j] * c[j, 0] for j in range(N)) for i in range(M)]
    assert np.allclose(v[:, 0], loop_v)
    assert np.allclose(v[:, 0], np.einsum("ij,j->i", A, c[:, 0]))
    # (65)-(66): vector-matrix, M = 1; the matrix in the sum is B (not A).
    w = r @ B
    assert w.shape == (1, P)
    loop_w = [sum(r[0, j] * B[j, k] for j in range(N)) for k in range(P)]
    assert np.allclose(w[0], loop_w)
    assert np.allclose(w[0], np.einsum("j,jk->k", r[0], B))
    # (67)-(70): inner product, M = P = 1, a 1 x 1 result named v (not c).
    s = r @ c
    assert s.shape == (1, 1)
    assert np.isclose(s.item(), sum(r[0, j] * c[j, 0] for j in range(N)))
    assert (c.T @ c).shape == (r @ r.T).shape == (1, 1)
    assert np.isclose((c.T @ c).item(), np.sum(c**2))
    # (71)-(73): outer product, N = 1: V_ik = c_i b_k.
    cc = rng.normal(size=(M, 1))
    bb = rng.normal(size=(P, 1))
    V = cc @ bb.T
    assert V.shape == (M, P)
    assert np.allclose(V, [[cc[i, 0] * bb[k, 0] for k in range(P)] for i in range(M)])
    assert np.allclose(V, np.einsum("i,k->ik", cc[:, 0], bb[:, 0]))
    assert (cc @ cc.T).shape == (M, M) and (r.T @ r).shape == (N, N)
    return {"A": A, "B": B, "c": c, "r": r, "v": v, "w": w, "s": s, "N": N, "V": V,
            "cc": cc, "bb": bb}


general = check()  # the index formulas (64), (66), (69) and (72) on these sizes
# The printed examples above.
assert np.array_equal(V, [[4, 5], [8, 10], [12, 15]])
# With a size of 1 an index has a single value, 1: the column index k of eq. (63), the
# row index i of eq. (65), and the inner size N of the outer product, eq. (71).
(matvec_k,) = range(1, matvec["v"].shape[1] + 1)
(vecmat_i,) = range(1, vecmat["v"].shape[0] + 1)
outer_inner_size = c.shape[1]
assert outer_inner_size == b.T.shape[0]
# Eqs. (70) and (73) name two different products v (and V); the second one, after the
# \qquad, is bound here: r r^T is the sum of squares of r, r^T r the outer product r with r.
import sympy as sp  # noqa: E402

TEX = {
    r"\qquad" "\n" r"\underbrace{v}_{1 \times 1}": sp.Matrix([[np.sum(inner["r"] ** 2)]]),
    r"\qquad" "\n" r"\underbrace{V}_{M \times M}": sp.Matrix(np.outer(r, r)),
}

# The outer product's second factor, the row b^T (1 x P).
bT = b.T
