"""Kronecker delta, Iverson brackets and the sifting property sum_j d_ij x_j = x_i, ML1 §3.4."""

# --8<-- [start:delta]
import numpy as np
import sympy as sp

n = 4
delta = np.array([[sp.KroneckerDelta(i, j) for j in range(n)]
                  for i in range(n)], dtype=int)
iverson = np.array([[int(i == j) for j in range(n)] for i in range(n)])
print(delta)
print("same as the Iverson brackets [i = j]:", (delta == iverson).all())
print("same as the identity matrix:", (delta == np.eye(n)).all())
# --8<-- [end:delta]

# --8<-- [start:sift]
import numpy as np

x = np.array([5.0, -1.0, 2.0, 7.0])
delta = np.eye(4, dtype=int)
for i in range(4):
    picked = sum(delta[i, j] * x[j] for j in range(4))
    print(f"sum_j delta_{i + 1}j x_j = {picked}   x_{i + 1} = {x[i]}")
# --8<-- [end:sift]

# --8<-- [start:symbolic]
import sympy as sp

i, j = sp.symbols("i j", integer=True)
m = sp.symbols("m", integer=True, positive=True)
x = sp.IndexedBase("x")
sifted = sp.Sum(sp.KroneckerDelta(i, j) * x[j], (j, 1, m)).doit()
print(sifted)
# --8<-- [end:symbolic]

# The delta table is the Iverson bracket and the identity; sifting picks out x_i.
assert (iverson == np.eye(n)).all()
assert all(sp.KroneckerDelta(a, b) == int(a == b) for a in range(n) for b in range(n))
values = np.array([5.0, -1.0, 2.0, 7.0])
assert (np.eye(4) @ values == values).all()
assert sifted == sp.Piecewise((x[i], (i >= 1) & (i <= m)), (0, True))

# The definition as the chapter writes it, for the equation checker (with i, j positive
# integers, as it reads index letters): SymPy's KroneckerDelta, the Iverson bracket [i = j].
ip, jp = sp.symbols("i j", integer=True, positive=True)
cases = sp.Piecewise((1, sp.Eq(ip, jp)), (0, True))
assert all(cases.subs({ip: p, jp: q}) == iverson[p - 1, q - 1]
           for p in range(1, n + 1) for q in range(1, n + 1))
# The sum written out term by term (\dots, which the reader cannot read), over j = 1..n.
x_idx = sp.IndexedBase("x")
written_out = sum(sp.KroneckerDelta(ip, q) * x_idx[q] for q in range(1, n + 1))
TEX = {
    r"\begin{cases} 1 & \text{if } i = j, \\ 0 & \text{otherwise.} \end{cases}": cases,
    r"\delta_{i1} x_1 + \delta_{i2} x_2 + \dots": written_out,
}
# The answer of "Try it yourself", for its answer field: the sums for n = 4, i = 1..4.
xs = sp.symbols("x1:5")
sums = [sum(sp.KroneckerDelta(p, q) * xs[q - 1] for q in range(1, 5)) for p in range(1, 5)]
assert sums == list(xs)
# Values the page states: delta_ij for j != i (here j = i + 1) is 0, and the symbolic sum
# is 0 for an i outside the summed indices 1..m (here i = m + 1).
delta_off = sp.KroneckerDelta(ip, ip + 1)
outside = sifted.subs(i, m + 1)
