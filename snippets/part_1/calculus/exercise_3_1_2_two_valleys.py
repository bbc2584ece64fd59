"""Exercise 3.1.2 (this book's own, ML1 §3.1): f'(x) = 0 finds every flat point."""

# --8<-- [start:flat]
import sympy as sp

x = sp.symbols("x")
f = x**4 - 8 * x**2
f_prime = sp.diff(f, x)
f_second = sp.diff(f, x, 2)
print("f'(x) =", f_prime, "=", sp.factor(f_prime))
flat = sorted(sp.solve(sp.Eq(f_prime, 0), x))
for point in flat:
    print(f"x = {point}: f = {f.subs(x, point)},",
          f"f'' = {f_second.subs(x, point)}")
minima = [point for point in flat if f_second.subs(x, point) > 0]
print("minima at x =", minima)
# --8<-- [end:flat]

assert f_prime == 4 * x**3 - 16 * x and sp.expand(f_second) == 12 * x**2 - 16
assert flat == [-2, 0, 2] and minima == [-2, 2]
assert [f_second.subs(x, p) for p in flat] == [32, -16, 32]
assert f.subs(x, -2) == f.subs(x, 2) == -16 and f.subs(x, 0) == 0
# x = 0 is a maximum: f is lower on both sides of it.
assert f.subs(x, sp.Rational(-1, 10)) < 0 and f.subs(x, sp.Rational(1, 10)) < 0
# The one flat point that is a maximum, the page's "the point 0".
(maximum,) = [point for point in flat if f_second.subs(x, point) < 0]
