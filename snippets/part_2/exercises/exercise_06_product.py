"""Exercise 6, EMAT31530 §6 eq. (102) and §7 eqs. (141)-(144): the product of i for i = 1..5."""

# --8<-- [start:product]
import math

import numpy as np
import sympy as sp

loop = 1
for i in range(1, 6):  # i = 1, 2, ..., 5
    loop *= i
i = sp.symbols("i", integer=True)  # now i is a symbol for SymPy
symbolic = sp.Product(i, (i, 1, 5)).doit()
print("loop:", loop, " SymPy Product:", symbolic)
print("math.prod:", math.prod(range(1, 6)))
print("np.prod:", np.prod(np.arange(1, 6)))
# --8<-- [end:product]

# Eqs. (142)-(144) and 5! = 120.
assert 2 * 3 == 6 and 4 * 5 == 20 and 6 * 20 == 120
assert symbolic == loop == math.prod(range(1, 6)) == math.factorial(5) == 120
assert int(np.prod(np.arange(1, 6))) == 120
