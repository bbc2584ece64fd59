"""log means the natural logarithm, in the notes and in code, EMAT31530 §3 eq. (42)."""

# --8<-- [start:natural]
import math

import numpy as np

print(math.log(math.e), np.log(np.e))  # base e: log e = 1
print(np.log(np.exp(2.5)), np.exp(np.log(2.5)))  # each undoes the other
print(np.log(10.0), np.log10(10.0))  # base 10 needs its own name
# --8<-- [end:natural]

# --8<-- [start:sympy]
import sympy as sp

x = sp.symbols("x", positive=True)
print(sp.exp(sp.log(x)), sp.log(sp.exp(x)))  # eq. (42), both ways
# --8<-- [end:sympy]

x = sp.symbols("x", positive=True)
assert sp.exp(sp.log(x)) == x and sp.log(sp.exp(x)) == x
# Eq. (42) needs its domain: over the reals, log x exists only for x > 0.
try:
    math.log(-2.0)
except ValueError:
    pass
else:
    raise AssertionError("a real log of -2")
assert math.log(math.e) == 1.0 and np.log(np.e) == 1.0
assert abs(np.log(np.exp(2.5)) - 2.5) < 1e-15 and abs(np.exp(np.log(2.5)) - 2.5) < 1e-15
assert abs(np.log(10.0) - 2.302585092994046) < 1e-15 and np.log10(10.0) == 1.0
# log10 is the logarithm to base 10: the whole number b with log10(b) = 1.
log10_base = next(b for b in range(2, 101) if np.log10(b) == 1.0)
