"""Product of i for i = 1..3, EMAT31530 §2 eq. (39): SymPy's Product against a loop."""

# --8<-- [start:sympy]
import sympy as sp

i = sp.symbols("i", integer=True)
total = sp.Product(i, (i, 1, 3))  # unevaluated: the capital pi on paper
print(total)
print("=", total.doit())
# --8<-- [end:sympy]

# --8<-- [start:loop]
total = 1  # a product starts from 1, as a sum starts from 0
for i in range(1, 4):
    total *= i
print("loop: ", total)
# --8<-- [end:loop]

loop_total = total
i = sp.symbols("i", integer=True)
symbolic = sp.Product(i, (i, 1, 3))
value = symbolic.doit()
assert value == loop_total == 1 * 2 * 3 == 6
_, lower, upper = symbolic.limits[0]  # the page's limits, 1 and 3
