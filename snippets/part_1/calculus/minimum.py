"""The minimum of the loss f(x) = x^2 + 4x - 2 found symbolically, ML1 §3.1."""

# --8<-- [start:minimise]
import sympy as sp

x = sp.symbols("x")
f = x**2 + 4 * x - 2
f_prime = sp.diff(f, x)
print("f'(x) =", f_prime)
(best,) = sp.solve(sp.Eq(f_prime, 0), x)  # the only zero of f'
print("f'(x) = 0 at x =", best)
print(f"f({best}) =", f.subs(x, best))
print("f'' =", sp.diff(f, x, 2), "> 0, so this is a minimum")
for point in (best - 1, best + 1):
    print(f"f'({point}) = {f_prime.subs(x, point)}")
# --8<-- [end:minimise]

smallest = f.subs(x, best)
curvature = sp.diff(f, x, 2)
assert f_prime == 2 * x + 4
assert best == -2 and smallest == -6 and curvature == 2
# Negative slope left of the minimum, positive right of it: the sign change of Figure 2.
assert sp.solveset(f_prime < 0, x, sp.S.Reals) == sp.Interval.open(-sp.oo, -2)
assert sp.solveset(f_prime > 0, x, sp.S.Reals) == sp.Interval.open(-2, sp.oo)
assert f_prime.subs(x, -2) == 0
assert f_prime.subs(x, -3) == -2 and f_prime.subs(x, -1) == 2
# The answer of "Try it yourself", for its answer field: f' one step left, at, and right.
slopes = [f_prime.subs(x, point) for point in (best - 1, best, best + 1)]
assert slopes == [-2, 0, 2]
# The answer's open intervals, f' < 0 on (-oo, -2) and f' > 0 on (-2, oo), as their end
# points (the page's pairs).
falling = sp.solveset(f_prime < 0, x, sp.S.Reals)
rising = sp.solveset(f_prime > 0, x, sp.S.Reals)
assert falling == sp.Interval.open(falling.start, falling.end) and falling.start == -sp.oo
assert rising == sp.Interval.open(rising.start, rising.end) and rising.end == sp.oo
falling_ends = sp.Matrix([falling.start, falling.end])
rising_ends = sp.Matrix([rising.start, rising.end])
