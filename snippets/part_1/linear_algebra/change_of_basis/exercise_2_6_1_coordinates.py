"""Exercise 2.6.1 (the book's own), ML1 §2.6: new coordinates of v with S^-1."""

# --8<-- [start:coordinates]
import sympy as sp

c1 = sp.Matrix([1, 1])
c2 = sp.Matrix([1, 2])
S = sp.Matrix.hstack(c1, c2)  # new basis vectors as columns: new -> old
S_inv = S.inv()               # old -> new
v = sp.Matrix([3, 5])         # v in the canonical basis
v_new = S_inv * v
print("S^-1 =", S_inv.tolist())
print("new coordinates of v:", list(v_new))
print("back in the old basis:", list(v_new[0] * c1 + v_new[1] * c2))
# --8<-- [end:coordinates]

# The new coordinates rebuild v, and S (the wrong direction) gives something else.
assert S * v_new == v and S * S_inv == sp.eye(2)
assert S * v != v_new
answer = list(v_new)  # the vector a reader types
