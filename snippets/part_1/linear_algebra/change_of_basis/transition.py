"""The translation matrix S, its inverse, and the sanity check, ML1 §2.6."""

# --8<-- [start:S]
import sympy as sp

d1 = sp.Matrix([sp.Rational(3, 5), sp.Rational(1, 3)])
d2 = sp.Matrix([sp.Rational(1, 3), 1])
S = d1.row_join(d2)  # columns: the new basis in old coordinates
S_inv = S.inv()      # exact fractions, no rounding
print("S =", S)
print("det S =", S.det())
print("S^-1 =", S_inv)
print("S^-1 S =", S_inv * S)
# --8<-- [end:S]

# --8<-- [start:sanity]
import sympy as sp

d1 = sp.Matrix([sp.Rational(3, 5), sp.Rational(1, 3)])
d2 = sp.Matrix([sp.Rational(1, 3), 1])
S_inv = d1.row_join(d2).inv()
print("S^-1 d1 =", list(S_inv * d1))  # d1 in its own basis
print("S^-1 d2 =", list(S_inv * d2))  # d2 in its own basis
# --8<-- [end:sanity]

R = sp.Rational
# S and S^-1 exactly as the source prints them.
assert S == sp.Matrix([[R(3, 5), R(1, 3)], [R(1, 3), 1]])
assert S_inv == sp.Matrix([[R(45, 22), R(-15, 22)], [R(-15, 22), R(27, 22)]])
assert S.det() == R(22, 45)
assert S_inv * S == sp.eye(2) == S * S_inv
# The sanity check: S^-1 sends d1 = (3/5, 1/3) to (1, 0) and d2 to (0, 1).
d1_new = S_inv * d1
d2_new = S_inv * d2
assert d1_new == sp.Matrix([1, 0]) and d2_new == sp.Matrix([0, 1])
# The source's check multiplies S^-1 by (1/3, 1), which is d2, not d1: the result is
# (0, 1), not the (1, 0) it claims.
source_vector = sp.Matrix([R(1, 3), 1])
assert source_vector == d2 and source_vector != d1
source_result = S_inv * source_vector
assert source_result == sp.Matrix([0, 1]) != sp.Matrix([1, 0])

# LaTeX for the prose, with fractions written a/b so the matrices stay readable.
S_tex = sp.latex(S, fold_short_frac=True)
S_inv_tex = sp.latex(S_inv, fold_short_frac=True)
source_result_tex = rf"[{source_result[0]}, {source_result[1]}]^T"
# The columns of S: where it sends [1, 0]^T and [0, 1]^T.
S_col1, S_col2 = S * sp.Matrix([1, 0]), S * sp.Matrix([0, 1])
