"""Minimising the loss L(a) = a^2 + 5a - 3 analytically, EMAT31530 §1.4 eqs. (30)-(36)."""

# --8<-- [start:minimise]
import sympy as sp

a = sp.symbols("a")
loss = a**2 + 5 * a - 3
slope = sp.diff(loss, a)
(best,) = sp.solve(sp.Eq(slope, 0), a)  # the one zero of the slope
curvature = sp.diff(loss, a, 2)
print("dL/da =", slope)
print("slope is zero at a =", best)
print("d2L/da2 =", curvature, "> 0, so this is a minimum")
print("smallest loss L(a) =", loss.subs(a, best))
# --8<-- [end:minimise]

smallest = loss.subs(a, best)
assert slope == 2 * a + 5
assert best == sp.Rational(-5, 2)
assert curvature == 2
assert smallest == sp.Rational(-37, 4)
