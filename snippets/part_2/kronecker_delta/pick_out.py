"""The Kronecker delta picks out an element of a sum, EMAT31530 §5.2 eqs. (93)-(96)."""

# --8<-- [start:sympy]
import sympy as sp

j = sp.symbols("j", integer=True)
a = sp.IndexedBase("a")
terms = [sp.KroneckerDelta(2, k) * a[k] for k in (1, 2, 3)]
print(terms)  # eq. (94): 0, 1, 0 times a_1, a_2, a_3
print(sp.Sum(sp.KroneckerDelta(2, j) * a[j], (j, 1, 3)).doit())
# --8<-- [end:sympy]

# --8<-- [start:general]
import sympy as sp

i, j, N = sp.symbols("i j N", integer=True, positive=True)
a = sp.IndexedBase("a")
print(sp.Sum(sp.KroneckerDelta(i, j) * a[j], (j, 1, N)).doit())
# --8<-- [end:general]

# --8<-- [start:numpy]
import numpy as np

a = np.array([10.0, 20.0, 30.0])  # a_1, a_2, a_3
delta = np.eye(3)
print(np.sum(delta[1] * a))  # sum_j delta_2j a_j = a_2
print(delta @ a)  # sum_j delta_ij a_j = a_i, for every i at once
# --8<-- [end:numpy]

j = sp.symbols("j", integer=True)
ab = sp.IndexedBase("a")
picked = sp.Sum(sp.KroneckerDelta(2, j) * ab[j], (j, 1, 3)).doit()
assert terms == [0, ab[2], 0] and picked == ab[2]
i, N = sp.symbols("i N", integer=True, positive=True)
general = sp.Sum(sp.KroneckerDelta(i, j) * ab[j], (j, 1, N)).doit()
# a_i whenever i is one of 1..N, as eq. (96) says.
assert general.subs({i: 2, N: 5}) == ab[2]
assert sp.piecewise_fold(general).args[0][0] == ab[i]
assert np.sum(delta[1] * a) == a[1] and np.array_equal(delta @ a, a)

# For the chapter's checked equations (93)-(96): the a_1, a_2, a_3 of the sums, and a as
# those three entries, so that a sum over j must stay within 1..3.
a_1, a_2, a_3 = ab[1], ab[2], ab[3]
a_three = sp.Matrix([a_1, a_2, a_3])
# The terms of eq. (94) as the row [0, a_2, 0] the corrections page writes.
terms_row = sp.Matrix([terms])
