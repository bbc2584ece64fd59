"""Exercise 2.3.2 (the book's own), ML1 §2.3: the s for which w1, w2, w3 are dependent."""

# --8<-- [start:dependent]
import sympy as sp

s, a, b = sp.symbols("s a b")
w1 = sp.Matrix([1, 2, 3])
w2 = sp.Matrix([0, 1, 4])
w3 = sp.Matrix([2, 5, s])
# Look for w3 = a w1 + b w2: the first two entries fix a and b ...
weights = sp.solve([a * w1[0] + b * w2[0] - w3[0],
                    a * w1[1] + b * w2[1] - w3[1]], [a, b])
print("a, b =", weights[a], weights[b])
# ... and the third entry then says which s makes it work.
s_dependent = weights[a] * w1[2] + weights[b] * w2[2]
print("w3 is a combination of w1 and w2 when s =", s_dependent)
M = sp.Matrix.hstack(w1, w2, w3)
for value in (0, s_dependent):
    print(f"rank of [w1 w2 w3] at s = {value}:", M.subs(s, value).rank())
# --8<-- [end:dependent]

# Only that s loses a dimension: the determinant (§2.5) vanishes there alone.
assert sp.solve(M.det(), s) == [s_dependent] == [10]
assert M.subs(s, s_dependent).rank() == 2 and M.subs(s, 0).rank() == 3
assert w3.subs(s, s_dependent) == weights[a] * w1 + weights[b] * w2
a_weight, b_weight = weights[a], weights[b]  # the weights the prose names
rank_dependent = M.subs(s, s_dependent).rank()  # the page's "the rank drops to 2"
