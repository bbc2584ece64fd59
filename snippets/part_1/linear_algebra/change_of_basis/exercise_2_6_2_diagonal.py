"""Exercise 2.6.2 (the book's own), ML1 §2.6: a basis in which A' = S^-1 A S is diagonal."""

# --8<-- [start:diagonal]
import sympy as sp

A = sp.Matrix([[4, 1],
               [2, 3]])
u1 = sp.Matrix([1, 1])
u2 = sp.Matrix([1, -2])
S = sp.Matrix.hstack(u1, u2)
A_prime = S.inv() * A * S  # eq. (4)
print("A' =", A_prime.tolist())
print("A u1 =", list(A * u1), "  A u2 =", list(A * u2))
# --8<-- [end:diagonal]

# A only stretches u1 and u2, by the diagonal entries of A': they are its eigenvectors.
assert A_prime.is_diagonal()
assert A * u1 == A_prime[0, 0] * u1 and A * u2 == A_prime[1, 1] * u2
assert sorted(A.eigenvals()) == sorted(A_prime.diagonal())
assert A_prime.trace() == A.trace() and A_prime.det() == A.det()
TEX = {r"A'": A_prime}  # a prime would be read as a derivative
stretch_1, stretch_2 = A_prime[0, 0], A_prime[1, 1]  # the page's "5 times", "2 times"
