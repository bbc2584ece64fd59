"""Gradient of a vector with respect to a component, EMAT31530 §5.1 eqs. (86)-(92)."""

# --8<-- [start:three]
import sympy as sp

a1, a2, a3 = sp.symbols("a1 a2 a3")
aT = sp.Matrix([[a1, a2, a3]])  # the row vector a^T
print(aT.diff(a2))  # eq. (88)
# --8<-- [end:three]

# --8<-- [start:general]
import sympy as sp

i, j = sp.symbols("i j", integer=True)
a = sp.IndexedBase("a")
print(sp.diff(a[i], a[j]))  # eq. (92): d a_i / d a_j

N = 3
row = sp.Matrix([[sp.diff(a[k], a[j]) for k in range(1, N + 1)]])
print(*row, sep=", ")  # eq. (91)
print(*row.subs(j, 3), sep=", ")  # with j = 3
# --8<-- [end:general]

# --8<-- [start:jacobian]
import sympy as sp

a = sp.symbols("a1:5")  # a1, ..., a4
J = sp.Matrix(a).jacobian(a)  # entry (i, j) is d a_i / d a_j
print(J == sp.eye(4))
# --8<-- [end:jacobian]

a1, a2, a3 = sp.symbols("a1 a2 a3")
gradient = sp.Matrix([[a1, a2, a3]]).diff(a2)
assert gradient == sp.Matrix([[0, 1, 0]])
gradient_tex = sp.latex(gradient, mat_delim="(")
i, j = sp.symbols("i j", integer=True)
ab = sp.IndexedBase("a")
assert sp.diff(ab[i], ab[j]) == sp.KroneckerDelta(i, j)
assert row == sp.Matrix([[sp.KroneckerDelta(k, j) for k in range(1, 4)]])
assert row.subs(j, 3) == sp.Matrix([[0, 0, 1]])
assert J == sp.eye(4)
