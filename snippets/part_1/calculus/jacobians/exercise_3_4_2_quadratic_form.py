"""Exercise 3.4.2 (this book's own, ML1 §3.4): d(x^T A x)/dx = x^T (A + A^T)."""

# --8<-- [start:index]
import sympy as sp

i, j, k = sp.symbols("i j k", integer=True)
m = sp.symbols("m", integer=True, positive=True)
x, A = sp.IndexedBase("x"), sp.IndexedBase("A")
form = sp.Sum(sp.Sum(x[i] * A[i, k] * x[k], (k, 1, m)), (i, 1, m))
term_by_term = sp.diff(form, x[j])
print(term_by_term)
# --8<-- [end:index]

# --8<-- [start:explicit]
import sympy as sp

A = sp.Matrix([[1, 2], [0, 3]])
x = sp.Matrix(sp.symbols("x1:3"))
form = (x.T * A * x)[0]  # a 1 x 1 matrix: take its one entry
print("x^T A x =", sp.expand(form))
J = sp.Matrix([form]).jacobian(x)
print("d/dx x^T A x =", J)
print("x^T (A + A^T) =", sp.expand(x.T * (A + A.T)))
# --8<-- [end:explicit]

x1, x2 = x
assert J == sp.Matrix([[2 * x1 + 2 * x2, 2 * x1 + 6 * x2]]) and J.shape == (1, 2)
assert sp.expand(J - x.T * (A + A.T)) == sp.zeros(1, 2)
assert J != x.T * A and J != (A * x).T  # one path alone is not enough

# The identity for any 3 x 3 matrix, where A + A^T is not 2A.
G = sp.Matrix(3, 3, sp.symbols("g1:10"))
z = sp.Matrix(sp.symbols("z1:4"))
G_form = sp.Matrix([(z.T * G * z)[0]])
assert sp.expand(G_form.jacobian(z) - z.T * (G + G.T)) == sp.zeros(1, 3)

# For the chapter's checked equations: the index letters as the checker reads them
# (positive integers; `at j = j_`), x and A with indexed entries, and the derivatives
# computed above (the reader cannot differentiate a vector product).
j_ = sp.Symbol("j", integer=True, positive=True)
XI, AI = sp.IndexedBase("x"), sp.IndexedBase("A")
TEX = {
    r"\frac{\partial}{\partial x_j}\, \mathbf{x}^T A\mathbf{x}": term_by_term,
    r"\frac{d}{d\mathbf{x}}\, \mathbf{x}^T A\mathbf{x}": J,
}
# One path only: hold the other x still (as x_held) while differentiating, then put x back.
x_held = sp.Matrix(sp.symbols("c1:3"))
back = dict(zip(x_held, x))
path_first_x = sp.Matrix([(x.T * A * x_held)[0]]).jacobian(x).subs(back)  # via x_i
path_second_x = sp.Matrix([(x_held.T * A * x)[0]]).jacobian(x).subs(back)  # via x_k
assert sp.expand(path_first_x + path_second_x - J) == sp.zeros(1, 2)
# A symmetric A, where A^T = A: the two paths agree and the Jacobian is twice one of them.
s11, s12, s22 = sp.symbols("s11 s12 s22")
S = sp.Matrix([[s11, s12], [s12, s22]])
J_symmetric = sp.Matrix([(x.T * S * x)[0]]).jacobian(x)
