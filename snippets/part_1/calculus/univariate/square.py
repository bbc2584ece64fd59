"""y = x^2 along its single path, ML1 §3.2: SymPy and a finite difference agree."""

# --8<-- [start:square]
import sympy as sp

x = sp.symbols("x")
dy_dx = sp.diff(x**2, x)
print("dy/dx =", dy_dx)

# Nudge x a little either side of x = 1.5 and measure the change in y.
h = 1e-6
x0 = 1.5
slope = ((x0 + h) ** 2 - (x0 - h) ** 2) / (2 * h)
print("finite difference at x = 1.5:", round(slope, 6))
print("2x at x = 1.5:", float(dy_dx.subs(x, x0)))
# --8<-- [end:square]

f = sp.Lambda(x, x**2)  # the page's f : x -> x^2
y = f(x)  # the output of the page's formula dy/dx
assert dy_dx == 2 * x == sp.diff(y, x)
assert abs(slope - 3.0) < 1e-8
