"""Exercise 8, EMAT31530 §6 eq. (104) and §7 eq. (146): multiplying a constant b, N times."""

# --8<-- [start:product]
import math

import sympy as sp

i = sp.symbols("i", integer=True)
N = sp.symbols("N", integer=True, positive=True)
b = sp.symbols("b")  # b does not depend on i
answer = sp.Product(b, (i, 1, N)).doit()
print("product of b for i = 1..N:", answer)
for n in [1, 2, 5]:  # the same with plain loops, for b = 3
    print(n, "factors:", math.prod(3 for _ in range(n)))
# --8<-- [end:product]

assert answer == b**N
for n in range(1, 20):
    assert math.prod(3 for _ in range(n)) == 3**n
    assert sp.Product(b, (i, 1, n)).doit() == b**n
# The page's N factors b, written out with dots, are the product of b over i = 1..N.
TEX = {r"b \times b \times \dots \times b": sp.Product(b, (i, 1, N))}
