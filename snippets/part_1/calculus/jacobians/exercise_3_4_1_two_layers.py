"""Exercise 3.4.1 (this book's own, ML1 §3.4): two linear layers make one, dy/dx = W2 W1."""

# --8<-- [start:layers]
import sympy as sp

W1 = sp.Matrix([[1, 0, 2], [3, 1, 0]])  # first layer: 3 inputs -> 2
W2 = sp.Matrix([[1, 2], [0, 1]])  # second layer: 2 -> 2 outputs
x = sp.Matrix(sp.symbols("x1:4"))
h = sp.Matrix(sp.symbols("h1:3"))
dh_dx = (W1 * x).jacobian(x)
dy_dh = (W2 * h).jacobian(h)
J = (W2 * W1 * x).jacobian(x)  # y = W2 (W1 x), written out in x
print("dy/dh =", dy_dh, " dh/dx =", dh_dx)
print("dy/dx =", J, "of shape", J.shape)
print("equals (dy/dh)(dh/dx):", J == dy_dh * dh_dx)
# --8<-- [end:layers]

y = W2 * (W1 * x)
assert dh_dx == W1 and dy_dh == W2 and J == y.jacobian(x) == W2 * W1
assert J == sp.Matrix([[7, 2, 2], [3, 1, 0]]) and J.shape == (2, 3)
# The other order does not even fit: W1 (2 x 3) times W2 (2 x 2).
assert W1.shape[1] != W2.shape[0]

TEX = {r"\frac{d\mathbf{y}}{d\mathbf{x}}": y.jacobian(x)}
TEX[r"\frac{d\mathbf{y}}{d\mathbf{h}}"] = dy_dh
TEX[r"\frac{d\mathbf{h}}{d\mathbf{x}}"] = dh_dx
