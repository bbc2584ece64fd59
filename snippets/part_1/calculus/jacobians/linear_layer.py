"""The linear layer y = Wx of ML1 §3.4 with explicit 2 x 3 symbolic W: dy/dx = W."""

# --8<-- [start:layer]
import sympy as sp

W = sp.Matrix(2, 3, sp.symbols("w11:14 w21:24"))  # n = 2 outputs, m = 3
x = sp.Matrix(sp.symbols("x1:4"))
y = W * x
print("y1 =", y[0])
print("y2 =", y[1])
J = y.jacobian(x)  # entry (i, j) is dy_i/dx_j
print("dy/dx =", J)
print("dy/dx == W:", J == W)
# --8<-- [end:layer]

# --8<-- [start:composite]
import sympy as sp

A = sp.Matrix(2, 2, sp.symbols("a11:13 a21:23"))
B = sp.Matrix(2, 3, sp.symbols("b11:14 b21:24"))
C = sp.Matrix(2, 3, sp.symbols("c11:14 c21:24"))
v = sp.Matrix(sp.symbols("v1:4"))
J = ((A * B + C) * v).jacobian(v)
difference = sp.expand(J - (A * B + C))
print("d/dv (AB + C)v == AB + C:", difference == sp.zeros(2, 3))
# --8<-- [end:composite]

W_layer = sp.Matrix(2, 3, sp.symbols("w11:14 w21:24"))
x_layer = sp.Matrix(sp.symbols("x1:4"))
assert (W_layer * x_layer).jacobian(x_layer) == W_layer
assert J.shape == (2, 3) and sp.expand(J - (A * B + C)) == sp.zeros(2, 3)
layer_jacobian = (W_layer * x_layer).jacobian(x_layer)
n, m = W_layer.shape  # outputs and inputs of the example layer

# For the chapter's checked equations: the Jacobians as computed here (the reader cannot
# differentiate by a vector), and the weight matrix as written (n = 2, m = 3 here).
W_TEX = r"""\begin{bmatrix}
w_{11} & w_{12} & \cdots & w_{1m} \\
w_{21} & w_{22} & \cdots & w_{2m} \\
\vdots & \vdots & \ddots & \vdots \\
w_{n1} & w_{n2} & \cdots & w_{nm}
\end{bmatrix}"""
TEX = {
    r"\frac{d\mathbf{y}}{d\mathbf{x}}": y.jacobian(x),
    r"\frac{d}{d\mathbf{x}}\, W\mathbf{x}": (W * x).jacobian(x),
    r"\frac{d}{d\mathbf{v}}\, (AB + C)\mathbf{v}": J,
    W_TEX: W_layer,
}
derivative_count = len(layer_jacobian)  # one derivative dy_i/dx_j per entry: n x m of them
