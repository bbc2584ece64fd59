"""Power rule, EMAT31530 §1.1 eq. (1): d/dx x^p = p x^(p-1) for a symbolic power p."""

# --8<-- [start:rule]
import sympy as sp

x, p = sp.symbols("x p")
rule = sp.powsimp(sp.diff(x**p, x))  # collect p*x**p/x into one power
print(rule)
# --8<-- [end:rule]

# The rule as the chapter states it.
assert sp.simplify(rule - p * x ** (p - 1)) == 0
