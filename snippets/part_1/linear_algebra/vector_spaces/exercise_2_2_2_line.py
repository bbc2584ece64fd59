"""Exercise 2.2.2 (the book's own), ML1 §2.2: the line y = 2x + c is closed only for c = 0."""

# --8<-- [start:closure]
import sympy as sp

x1, x2, c, lam = sp.symbols("x1 x2 c lambda")
first = sp.Matrix([x1, 2 * x1 + c])   # two vectors on the line y = 2x + c
second = sp.Matrix([x2, 2 * x2 + c])
total = first + second
scaled = lam * first
# How far each result lies above the line: zero when it is on it.
gap_sum = sp.expand(total[1] - (2 * total[0] + c))
gap_scaled = sp.factor(scaled[1] - (2 * scaled[0] + c))
print("sum:   ", list(total), " above the line by", gap_sum)
print("scaled:", list(scaled), " above the line by", gap_scaled)
print("both gaps vanish for all x1, x2, lambda when c =", sp.solve(gap_sum, c))
# --8<-- [end:closure]

# With c = 0 both gaps vanish identically; with any other c the sum leaves the line.
(c_closed,) = sp.solve(gap_sum, c)
assert c_closed == 0
assert gap_sum.subs(c, c_closed) == 0 and gap_scaled.subs(c, c_closed) == 0
assert gap_sum.subs(c, 1) != 0 and gap_scaled.subs({c: 1, lam: 2}) != 0
# The zero vector, which axiom 3 needs, is on the line only for that c.
assert sp.solve(sp.Eq(0, 2 * 0 + c), c) == [c_closed]
