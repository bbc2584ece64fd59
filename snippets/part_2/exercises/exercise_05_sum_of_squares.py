"""Exercise 5, EMAT31530 §6 eq. (101) and §7 eqs. (136)-(140): the sum of i^2 for i = 0..5."""

# --8<-- [start:sum]
import sympy as sp

total = 0
for i in range(0, 6):  # i = 0, 1, ..., 5: range stops before 6
    total += i**2
    print(f"after i = {i}: running total {total}")

i = sp.symbols("i", integer=True)  # now i is a symbol for SymPy
symbolic = sp.Sum(i**2, (i, 0, 5)).doit()
print("loop:", total, " SymPy Sum:", symbolic)
# --8<-- [end:sum]

# Eqs. (137)-(140): the squares, the partial sums the text groups, the total, and
# the closed form n(n + 1)(2n + 1)/6 at n = 5.
assert [k**2 for k in range(6)] == [0, 1, 4, 9, 16, 25]
assert 0 + 1 + 4 + 9 == 14 and 14 + 16 == 30
assert symbolic == total == 55 == 5 * 6 * 11 // 6
# The running totals the loop prints, after i = 0, ..., 5; the page compares those after
# i = 3 and i = 4 with its partial sums.
running = [sum(k**2 for k in range(n + 1)) for n in range(6)]
after_3, after_4 = running[3], running[4]
assert running[-1] == total
