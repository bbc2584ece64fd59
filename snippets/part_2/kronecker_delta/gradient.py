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

# For the chapter's checked equations (86)-(92): j as the checker reads an index letter
# (a positive integer), a_1, ..., a_N as a column of indexed entries (N = 3), and the row
# vectors as written (the reader cannot yet read `&` or \cdots), those of eqs. (90) and
# (91) for N = 3.
jp = sp.Symbol("j", integer=True, positive=True)
row_j = row.subs(j, jp)
a_column = sp.Matrix([ab[k] for k in range(1, N + 1)])
TEX = {
    gradient_tex: gradient,  # eq. (88), the row as the page shows it
    r"""\begin{pmatrix}
\dfrac{\partial a_1}{\partial a_j} & \dfrac{\partial a_2}{\partial a_j}
& \cdots & \dfrac{\partial a_N}{\partial a_j}
\end{pmatrix}""": sp.Matrix([[sp.Derivative(ab[k], ab[jp]) for k in range(1, N + 1)]]),
    r"""\begin{pmatrix}
\delta_{1j} & \delta_{2j} & \cdots & \delta_{Nj}
\end{pmatrix}""": sp.Matrix([[sp.KroneckerDelta(k, jp) for k in range(1, N + 1)]]),
}

# The corrections page's da_i/da_j, written with a slash: SymPy's derivative of a_i by a_j,
# with i and j as the checker reads index letters (positive integers).
ip = sp.Symbol("i", integer=True, positive=True)
TEX[r"da_i/da_j"] = sp.diff(ab[ip], ab[jp])

# The entries the page names: d a_i / d a_j is 1 when i = j and 0 when i differs from j
# (here i = j + 1); with j = 3, the single 1 of the row sits in the third place.
on_match = sp.diff(ab[ip], ab[jp]).subs(ip, jp)
off_match = sp.diff(ab[ip], ab[jp]).subs(ip, jp + 1)
j_put = 3
at_j3 = row.subs(j, j_put)
picked_j3 = at_j3[j_put - 1]
assert (on_match, off_match) == (1, 0) and list(at_j3).count(1) == 1
