"""Exercise 7, EMAT31530 §6 eq. (103) and §7 eq. (145): summing a constant b, N times."""

# --8<-- [start:sum]
import sympy as sp

i = sp.symbols("i", integer=True)
N = sp.symbols("N", integer=True, positive=True)
b = sp.symbols("b")  # b does not depend on i
answer = sp.Sum(b, (i, 1, N)).doit()
print("sum of b for i = 1..N:", answer)
for n in [1, 2, 5]:  # the same with plain loops, for b = 0.5
    print(n, "terms:", sum(0.5 for _ in range(n)))
# --8<-- [end:sum]

assert answer == N * b
for n in range(1, 20):
    assert sum(0.5 for _ in range(n)) == 0.5 * n
    assert sp.Sum(b, (i, 1, n)).doit() == n * b
# The page's N copies of b, written out with dots, are the sum of b over i = 1..N.
TEX = {r"b + b + \dots + b": sp.Sum(b, (i, 1, N))}
# The page's "there are N terms": the number of values i = 1, ..., N takes.
n_terms = sp.Sum(1, (i, 1, N)).doit()
