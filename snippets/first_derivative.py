"""The home page's first example: SymPy differentiates x^3 + 2x."""

# --8<-- [start:derivative]
import sympy as sp

x = sp.symbols("x")
print(sp.diff(x**3 + 2 * x, x))
# --8<-- [end:derivative]

assert sp.diff(x**3 + 2 * x, x) == 3 * x**2 + 2
