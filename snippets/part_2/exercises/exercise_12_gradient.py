"""Exercise 12, EMAT31530 §6 eqs. (108)-(109) and §7 eqs. (165)-(169): dy_i/dw_k for y = Xw."""

# --8<-- [start:index]
import sympy as sp

i, j, k = sp.symbols("i j k", integer=True, positive=True)
N = sp.symbols("N", integer=True, positive=True)  # columns of X
X = sp.IndexedBase("X")
w = sp.IndexedBase("w")
y_i = sp.Sum(X[i, j] * w[j], (j, 1, N))
with_delta = sp.diff(y_i, w[k])  # d w_j / d w_k becomes a delta
print("y_i         =", y_i)
print("dy_i/dw_k   =", with_delta)
# k lies in 1..N, so write N = k + m with m >= 0:
m = sp.symbols("m", integer=True, nonnegative=True)
picked = with_delta.doit().subs(N, k + m)
print("delta picks =", picked)
# --8<-- [end:index]

# --8<-- [start:symbolic]
import sympy as sp

X = sp.Matrix(3, 2, lambda i, j: sp.Symbol(f"X{i + 1}{j + 1}"))
w = sp.Matrix(sp.symbols("w1 w2"))
y = X * w
jacobian = y.jacobian(w)  # entry (i, k) is dy_i / dw_k
print("y =", y.T)
print("dy/dw =", jacobian)
print("equals X:", jacobian == X)
# --8<-- [end:symbolic]
X_sym, w_sym, y_sym = X, w, y  # kept for the page's eq. (109)

# --8<-- [start:numerical]
import numpy as np

rng = np.random.default_rng(0)
X = rng.normal(size=(4, 3))
w = rng.normal(size=3)
h = 1e-6
J = np.zeros((4, 3))  # J[i, k] estimates dy_i / dw_k
for k in range(3):
    step = np.zeros(3)
    step[k] = h
    J[:, k] = (X @ (w + step) - X @ (w - step)) / (2 * h)
print("J, by finite differences:")
print(np.round(J, 6))
print("X:")
print(np.round(X, 6))
print("J agrees with X:", np.allclose(J, X, rtol=0, atol=1e-8))
# --8<-- [end:numerical]

# Eq. (168): the sum with a Kronecker delta; eq. (169): it picks out X_ik, as a
# general index formula, for a symbolic 3x2 X, and numerically for a random 4x3 X.
i, j, k, N = sp.symbols("i j k N", integer=True, positive=True)
Xb, wb = sp.IndexedBase("X"), sp.IndexedBase("w")
assert with_delta == sp.Sum(sp.KroneckerDelta(j, k) * Xb[i, j], (j, 1, N))
assert picked == Xb[i, k]
assert jacobian == sp.Matrix(3, 2, lambda r, c: sp.Symbol(f"X{r + 1}{c + 1}"))
assert np.abs(J - X).max() < 1e-8
# For the page's eq. (167): the checker's reader ends a sum's term before a fraction.
TEX = {r"X_{ij}\,\frac{\partial w_j}{\partial w_k}": Xb[i, j] * sp.diff(wb[j], wb[k])}
# The page's "k lies between 1 and N": w_k is a term of the sum over j = 1, ..., N.
_, first_index, last_index = y_i.limits[0]
assert last_index == N
# The page's column k of the estimate J, (X(w + h e_k) - X(w - h e_k))/(2h), for k = 2:
# e_k is column k of the identity, the step the loop above takes divided by h.
column = 2
e_k = np.eye(3)[:, column - 1]
J_column = J[:, column - 1]
assert np.array_equal(J_column, (X @ (w + h * e_k) - X @ (w - h * e_k)) / (2 * h))
