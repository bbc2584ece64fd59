"""Exercise 2.4.2 (the book's own), ML1 §2.4: ||a - b||^2 from the norms and a . b."""

# --8<-- [start:expand]
import sympy as sp

a = sp.Matrix(sp.symbols("a1:4", real=True))  # any two vectors of R^3
b = sp.Matrix(sp.symbols("b1:4", real=True))
d = a - b
expanded = a.dot(a) - 2 * a.dot(b) + b.dot(b)
print("(a - b).(a - b) - (a.a - 2 a.b + b.b) =",
      sp.expand(d.dot(d) - expanded))
squared_distance = 3**2 - 2 * 2 + 4**2  # ||a|| = 3, a.b = 2, ||b|| = 4
print("||a - b||^2 =", squared_distance)
# --8<-- [end:expand]

# --8<-- [start:example]
import sympy as sp

a = sp.Matrix([3, 0])  # one pair with ||a|| = 3, ||b|| = 4, a . b = 2
b = sp.Matrix([sp.Rational(2, 3), sp.sqrt(140) / 3])
print("||a|| =", a.norm(), " ||b|| =", b.norm(), " a . b =", a.dot(b))
print("||a - b||^2 =", (a - b).dot(a - b))
# --8<-- [end:example]

# The identity holds for all vectors, and the example pair has the given data and the
# same squared distance.
assert sp.expand(d.dot(d) - expanded) == 0
assert (a.norm(), b.norm(), a.dot(b)) == (3, 4, 2)
assert sp.simplify((a - b).dot(a - b)) == squared_distance == 21
a_any = sp.Matrix(sp.symbols("a1:4", real=True))  # for the general identity of the page
b_any = sp.Matrix(sp.symbols("b1:4", real=True))
