"""d(u^T A x)/dx = u^T A, ML1 §3.4 (the source's y^T A x): route 1 by indices, route 2
by a^T x, and explicitly."""

# --8<-- [start:index]
import sympy as sp

i, j, k = sp.symbols("i j k", integer=True)
m, n = sp.symbols("m n", integer=True, positive=True)
u, A, x = sp.IndexedBase("u"), sp.IndexedBase("A"), sp.IndexedBase("x")
form = sp.Sum(sp.Sum(u[k] * A[k, j] * x[j], (j, 1, m)), (k, 1, n))
term_by_term = sp.diff(form, x[i])
print(term_by_term)
print(term_by_term.doit())
# --8<-- [end:index]

# --8<-- [start:explicit]
import sympy as sp

A = sp.Matrix(2, 3, sp.symbols("A11:14 A21:24"))  # n = 2, m = 3
u = sp.Matrix(sp.symbols("u1:3"))
x = sp.Matrix(sp.symbols("x1:4"))
form = u.T * A * x  # (1 x 2)(2 x 3)(3 x 1) = 1 x 1: a scalar
print("shape of u^T A x:", form.shape)
J = form.jacobian(x)
print("Jacobian == u^T A:", J == u.T * A)
v = A.T * u  # route 2: u^T A = v^T, so u^T A x = v^T x
print("v^T == u^T A:", v.T == u.T * A)
route_2 = sp.Matrix([(v.T * x)[0]]).jacobian(x)
print("d(v^T x)/dx == v^T:", route_2 == v.T)
# --8<-- [end:explicit]

# Index route: the sifted sum is sum_k u_k A_ki, entry i of u^T A (for 1 <= i <= m).
U, AA = sp.IndexedBase("u"), sp.IndexedBase("A")
inner = sp.Piecewise((AA[k, i] * U[k], (i >= 1) & (i <= m)), (0, True))
assert term_by_term.doit() == sp.Sum(inner, (k, 1, n))
assert J == u.T * A and J.shape == (1, 3) and form.shape == (1, 1)
assert sp.Matrix([(v.T * x)[0]]).jacobian(x) == v.T == u.T * A
uTA = u.T * A
sifted = term_by_term.doit()

# For the chapter's checked equations: i as the checker reads an index letter (a positive
# integer; `at i = i_`), x with indexed entries, and the derivatives computed above (the
# reader cannot differentiate a vector product by x_i or by a vector).
i_ = sp.Symbol("i", integer=True, positive=True)
X = sp.IndexedBase("x")


def shape_of_product(*shapes):
    """The shape of a matrix product from its factors' shapes, which must fit together."""
    assert all(left[1] == right[0] for left, right in zip(shapes, shapes[1:]))
    return sp.Matrix([[shapes[0][0], shapes[-1][1]]])


shape_product = shape_of_product((1, n), (n, m), (m, 1))  # u^T, A, x with symbolic sizes
entries = {A[r, c]: AA[r + 1, c + 1] for r in range(A.rows) for c in range(A.cols)}
entries.update({u[r]: U[r + 1] for r in range(u.rows)})
entries.update({x[r]: X[r + 1] for r in range(x.rows)})
TEX = {
    r"\frac{d}{d\mathbf{x}}\, \mathbf{u}^T A\mathbf{x}": J,
    r"\frac{\partial}{\partial x_i}\, \mathbf{u}^T A\mathbf{x}": term_by_term,
    r"\frac{d}{d\mathbf{x}}\, \mathbf{v}^T\mathbf{x}": route_2,
    # the shape rule: (rows of the first) x (columns of the last), inner sizes agreeing
    r"(1 \times n)(n \times m)(m \times 1)": shape_product,
    r"1 \times 1": sp.Matrix([form.shape]),
    # u^T A x and v^T x as the scalars they are (SymPy keeps them as 1 x 1 matrices), with
    # the entries u_k, A_kj, x_j as indexed symbols, the same ones the index formulas name
    r"\mathbf{u}^T A\mathbf{x}": form[0].xreplace(entries),
    r"\mathbf{v}^T\mathbf{x}": (v.T * x)[0].xreplace(entries),
}
