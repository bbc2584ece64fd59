"""Exercise 2.3.1 (the book's own), ML1 §2.3: coordinates of c in the basis {u1, u2}."""

# --8<-- [start:coordinates]
import sympy as sp

u1 = sp.Matrix([1, 1])
u2 = sp.Matrix([1, -1])
c = sp.Matrix([3, 5])
U = sp.Matrix.hstack(u1, u2)  # the basis vectors as columns
print("rank of [u1 u2]:", U.rank(), "(2 vectors in R^2: a basis)")
weights = U.solve(c)  # solve a u1 + b u2 = c
print("coordinates of c:", list(weights))
# --8<-- [end:coordinates]

a, b = weights
assert U.rank() == 2 and a * u1 + b * u2 == c
# Adding and subtracting the two equations a + b = 3, a - b = 5 gives the same weights.
assert (a, b) == ((3 + 5) / sp.Integer(2), (3 - 5) / sp.Integer(2))
answer = list(weights)  # the vector a reader types
rank_U = U.rank()  # the page's "has rank 2"
