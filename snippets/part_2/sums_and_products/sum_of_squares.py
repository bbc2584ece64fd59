"""Sum of i^2 for i = 1..3, EMAT31530 §2 eq. (37): SymPy's Sum against a loop."""

# --8<-- [start:sympy]
import sympy as sp

i = sp.symbols("i", integer=True)
total = sp.Sum(i**2, (i, 1, 3))  # unevaluated: the sigma on paper
print(total)
print("=", total.doit())
# --8<-- [end:sympy]

# --8<-- [start:loop]
total = 0
for i in range(1, 4):  # range stops before 4, so i = 1, 2, 3
    total += i**2
print("loop: ", total)
# --8<-- [end:loop]

loop_total = total
i = sp.symbols("i", integer=True)
symbolic = sp.Sum(i**2, (i, 1, 3))
value = symbolic.doit()
assert value == loop_total == 1 + 4 + 9 == 14
# The page's limits: 1 and 3 on paper, and the 4 at which Python's range stops.
_, lower, upper = symbolic.limits[0]
stop = upper + 1
assert sum(k**2 for k in range(lower, stop)) == loop_total
# The page's summand i^2, the body of the sum.
summand = symbolic.function
