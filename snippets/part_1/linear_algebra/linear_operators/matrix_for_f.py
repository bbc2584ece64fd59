"""The 3x2 matrix A' reproduces the linear map f, ML1 §2.5."""

# --8<-- [start:columns]
import sympy as sp

A_prime = sp.Matrix([[1, 0],
                     [0, 1],
                     [1, 1]])
b1, b2 = sp.Matrix([1, 0]), sp.Matrix([0, 1])
print("A' b1 =", list(A_prime * b1))
print("A' b2 =", list(A_prime * b2))
# --8<-- [end:columns]

# --8<-- [start:product]
import sympy as sp

A_prime = sp.Matrix([[1, 0],
                     [0, 1],
                     [1, 1]])
x, y = sp.symbols("x y")
v = sp.Matrix([x, y])
w = sp.Matrix([sum(A_prime[i, k] * v[k] for k in range(2))
               for i in range(3)])  # eq. (1), one row at a time
f_of_v = sp.Matrix([x, y, x + y])
print("w = A' v =", list(w))
print("equal to f(v):", w == f_of_v)
# --8<-- [end:product]

# Columns are b'_1 = (1, 0, 1) and b'_2 = (0, 1, 1); A' v is f(v) for every x, y.
assert A_prime * b1 == sp.Matrix([1, 0, 1]) and A_prime * b2 == sp.Matrix([0, 1, 1])
assert w == A_prime * v == sp.Matrix([x, y, x + y])
assert A_prime.shape == (3, 2) and w.shape == (3, 1)  # R^2 -> R^3

# The page's primed names (a prime the formula reader takes for a derivative): A' and its
# entries, b'_1 and b'_2 as A's columns, and eq. (1) for each row of w. Fragments are
# replaced in this order, so A' alone comes after the fragments that contain it.
TEX = {
    r"\mathbf{b}'_1": A_prime[:, 0],
    r"\mathbf{b}'_2": A_prime[:, 1],
    **{f"A'_{{{i + 1}{k + 1}}}": A_prime[i, k] for i in range(3) for k in range(2)},
    **{rf"\textstyle\sum_{{k=1}}^2 A'_{{{i + 1}k}} v_k": sum(A_prime[i, k] * v[k] for k in range(2))
       for i in range(3)},
    r"A'": A_prime,
}
