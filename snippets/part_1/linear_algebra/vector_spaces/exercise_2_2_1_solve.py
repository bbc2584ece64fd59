"""Exercise 2.2.1 (the book's own), ML1 §2.2: solve 2x + u = 3v with the axioms."""

# --8<-- [start:solve]
import sympy as sp

u = sp.Matrix([1, 0, -2])
v = sp.Matrix([1, 2, 0])
x = sp.Rational(1, 2) * (3 * v - u)  # add -u to both sides, scale by 1/2
print("x =", list(x))
print("2x + u =", list(2 * x + u), " 3v =", list(3 * v))
# --8<-- [end:solve]

# x solves the equation, and it is the only solution: SymPy's solver finds just this one.
assert 2 * x + u == 3 * v
unknowns = sp.symbols("x1:4")
(solution,) = sp.linsolve(list(2 * sp.Matrix(unknowns) + u - 3 * v), unknowns)
assert list(solution) == list(x) == [1, 3, 1]
answer = list(x)  # the vector a reader types
# The factor that takes 3v - u to the solution, the page's "scale both sides by 1/2".
scale = solution[0] / (3 * v - u)[0]
assert sp.Matrix(list(solution)) == scale * (3 * v - u)
# The left side 2x + u with the solution put back in.
put_back = 2 * x + u
# 3v equals it: the page's "2x + u and 3v agree".
assert put_back == 3 * v
