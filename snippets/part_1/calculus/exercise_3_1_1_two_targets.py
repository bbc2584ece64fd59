"""Exercise 3.1.1 (this book's own, ML1 §3.1): one prediction x for the targets 3 and -1."""

# --8<-- [start:solve]
import sympy as sp

x = sp.symbols("x")
f = (x - 3) ** 2 + (x + 1) ** 2  # the two squared errors
f_prime = sp.diff(f, x)
print("f(x) =", sp.expand(f))
print("f'(x) =", f_prime)
(best,) = sp.solve(sp.Eq(f_prime, 0), x)
print("f'(x) = 0 at x =", best)
print("f'' =", sp.diff(f, x, 2), "> 0, so this is a minimum")
print(f"f({best}) =", f.subs(x, best))
# --8<-- [end:solve]

expanded = sp.expand(f)
curvature = sp.diff(f, x, 2)
smallest = f.subs(x, best)
assert expanded == 2 * x**2 - 4 * x + 10 and f_prime == 4 * x - 4
assert best == 1 and curvature == 4 and smallest == 8
assert best == sp.Rational(3 + (-1), 2)  # the average of the two targets
# The exercise's two targets, the zeros of the two squared errors.
target_1, target_2 = 3, -1
assert f == (x - target_1) ** 2 + (x - target_2) ** 2
