"""d(a^T x)/dx = a^T, ML1 §3.4: by the index method and with explicit symbols."""

# --8<-- [start:index]
import sympy as sp

j, k = sp.symbols("j k", integer=True)
m = sp.symbols("m", integer=True, positive=True)
a, x = sp.IndexedBase("a"), sp.IndexedBase("x")
term_by_term = sp.diff(sp.Sum(a[k] * x[k], (k, 1, m)), x[j])
print("d(a^T x)/dx_j =", term_by_term)
print("              =", term_by_term.doit())
# --8<-- [end:index]

# --8<-- [start:explicit]
import sympy as sp

a = sp.Matrix(sp.symbols("a1:4"))  # column vectors, m = 3
x = sp.Matrix(sp.symbols("x1:4"))
scalar = (a.T * x)[0]  # a^T x is 1 x 1
J = sp.Matrix([scalar]).jacobian(x)
print("a^T x =", scalar)
print("d(a^T x)/dx =", J, "shape", J.shape)
print("equals a^T:", J == a.T, "  equals a:", J == a)
# --8<-- [end:explicit]

assert term_by_term == sp.Sum(sp.KroneckerDelta(j, k) * sp.IndexedBase("a")[k], (k, 1, m))
assert J == a.T and J.shape == (1, 3) and J != a  # a row, not the column a
aT = a.T
aT_x = a.T * x  # the 1 x 1 matrix a^T x, as the corrections page gives its shape

# For the chapter's checked equations: j as the checker reads an index letter (a positive
# integer; `at j = j_`), a and x with indexed entries a_k, x_k, and the derivatives of a^T x
# computed above (the reader cannot differentiate a vector product by x_j or by a vector).
j_, k_ = sp.symbols("j k", integer=True, positive=True)
ab, xb = sp.IndexedBase("a"), sp.IndexedBase("x")
TEX = {
    r"\frac{\partial}{\partial x_j}\, \mathbf{a}^T\mathbf{x}": term_by_term,
    r"\frac{d}{d\mathbf{x}}\, \mathbf{a}^T\mathbf{x}": J,
}
# The derivative of a term a_k x_k with k != j (here a_1 x_1 by x_2), the page's "0 otherwise".
off_term = sp.diff(ab[1] * xb[1], xb[2])
# The derivative of a term a_k x_k by x_j where k = j (the delta is then 1), and entry j of
# the derivative: the sifted sum for an index j in 1..m, with the index letters as the
# checker reads them.
on_term = sp.diff(ab[k] * xb[k], xb[j]).subs(j, k).subs(k, k_)
entry_j = term_by_term.doit().args[0].expr.subs(j, j_)
assert term_by_term.doit().args[0].cond == ((j >= 1) & (j <= m))
