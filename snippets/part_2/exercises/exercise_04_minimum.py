"""Exercise 4, EMAT31530 §6 eq. (100) and §7 eqs. (129)-(135): minimise L(a) = 4a^2 + 2a + 1."""

# --8<-- [start:minimum]
import sympy as sp

a = sp.symbols("a")
loss = 4 * a**2 + 2 * a + 1
slope = sp.diff(loss, a)
(best,) = sp.solve(sp.Eq(slope, 0), a)  # the only flat point
curvature = sp.diff(loss, a, 2)
smallest = loss.subs(a, best)
print("dL/da   =", slope)
print("zero at a =", best)
print("d2L/da2 =", curvature, "> 0, so it is a minimum")
print("L(a) there =", smallest)
# --8<-- [end:minimum]

# Eqs. (133)-(135), the second-derivative test, and the lowest value of L.
assert slope == 8 * a + 2
assert best == sp.Rational(-1, 4)
assert curvature == 8 and curvature > 0
assert smallest == sp.Rational(3, 4)
# No sampled point does better than the minimum.
import numpy as np  # noqa: E402

grid = np.linspace(-3, 3, 6001)
assert (4 * grid**2 + 2 * grid + 1).min() >= float(smallest) - 1e-12
