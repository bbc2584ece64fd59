"""The Kronecker delta and the identity matrix, EMAT31530 §5 eq. (85)."""

# --8<-- [start:sympy]
import sympy as sp

i, j = sp.symbols("i j", integer=True)
print(sp.KroneckerDelta(i, j))  # stays symbolic until i and j are known
print(sp.KroneckerDelta(2, 2), sp.KroneckerDelta(2, 3))
table = sp.Matrix(3, 3, lambda i, j: sp.KroneckerDelta(i + 1, j + 1))
print(table)
# --8<-- [end:sympy]

# --8<-- [start:numpy]
import numpy as np

delta = np.eye(3, dtype=int)  # delta[i - 1, j - 1] is delta_ij
print(delta)
print("delta_22 =", delta[1, 1], " delta_23 =", delta[1, 2])
# --8<-- [end:numpy]

# The table of delta_ij for i, j = 1..3 is the 3 x 3 identity matrix.
assert table == sp.eye(3)
assert np.array_equal(np.array(table.tolist(), dtype=int), delta)
assert all(delta[p, q] == (1 if p == q else 0) for p in range(3) for q in range(3))

# Eq. (85) as the chapter writes it, for the equation checker: with i, j positive integers
# (as it reads index letters), the cases are SymPy's KroneckerDelta used above.
ip, jp = sp.symbols("i j", integer=True, positive=True)
cases = sp.Piecewise((1, sp.Eq(ip, jp)), (0, True))
assert all(cases.subs({ip: p, jp: q}) == table[p - 1, q - 1]
           for p in range(1, 4) for q in range(1, 4))
TEX = {r"\begin{cases} 1 & \text{if } i = j, \\ 0 & \text{otherwise.} \end{cases}": cases}
