"""The index method on the linear layer, ML1 §3.4: dy_i/dx_j = sum_k delta_jk w_ik = w_ij."""

# --8<-- [start:index]
import sympy as sp

i, j, k = sp.symbols("i j k", integer=True)
m = sp.symbols("m", integer=True, positive=True)
w, x = sp.IndexedBase("w"), sp.IndexedBase("x")
y_i = sp.Sum(w[i, k] * x[k], (k, 1, m))  # y_i = sum_k w_ik x_k
term_by_term = sp.diff(y_i, x[j])
print("dy_i/dx_j =", term_by_term)
print("          =", term_by_term.doit())
# --8<-- [end:index]

# Differentiating each term gives delta_jk w_ik, and the sum sifts out w_ij
# (for an index j that lies in 1..m).
assert term_by_term == sp.Sum(sp.KroneckerDelta(j, k) * w[i, k], (k, 1, m))
assert term_by_term.doit() == sp.Piecewise((w[i, j], (j >= 1) & (j <= m)), (0, True))
sifted = term_by_term.doit()
# The case split is on the indices k and j, not on the values x_k and x_j: where
# x_1 = x_2 = 2, the term w_i1 x_1 still has derivative 0 with respect to x_2.
equal_values = {x[1]: 2, x[2]: 2}
assert sp.diff(w[i, 1] * x[1], x[2]).subs(equal_values) == 0
assert sp.diff(w[i, 2] * x[2], x[2]).subs(equal_values) == w[i, 2]

# For the chapter's checked equations: the index letters as the checker reads them (positive
# integers; `at i = i_` puts them for the symbols above), and the layer's sum written out with
# \dots (which the reader cannot read), with the range of its outputs i. (`at k_ = j_` puts
# j for the summation index k, the one term that survives.)
i_, j_, k_ = sp.symbols("i j k", integer=True, positive=True)
n = sp.Symbol("n", integer=True, positive=True)
TEX = {r"w_{i1} x_1 + \dots + w_{im} x_m": y_i, r"i = 1, \dots, n": sp.Range(1, n + 1)}
# Values the page states: the derivative of a term with k != j (here w_i1 x_1 by x_2), the
# same where x_1 = x_2, and the first index of the range 1..m in which the sift keeps w_ij.
off_term = sp.diff(w[i, 1] * x[1], x[2])
equal_value_term = sp.diff(w[i, 1] * x[1], x[2]).subs(equal_values)
first_index = y_i.limits[0][1]
assert sifted.args[0][1] == ((j >= first_index) & (j <= m))
# The term w_ik x_k of the sum where k = j, and the sifted sum for an index j in 1..m (the
# branch of the Piecewise that the range condition asserted above keeps), both with the
# index letters as the checker reads them.
as_read = {i: i_, j: j_}
kept_term = y_i.function.subs(k, j).subs(as_read)
sift_in_range = sifted.args[0].expr.subs(as_read)
own_term = sp.diff(w[i, 2] * x[2], x[2]).subs(equal_values).subs(as_read)  # w_i2
TEX[r"w_{i2}"] = w[i_, 2]  # the corrections page's entry (the reader takes i2 for a name)
