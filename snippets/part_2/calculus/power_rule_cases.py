"""Power rule cases, EMAT31530 §1.1 eqs. (2)-(7): positive, negative, fractional, zero, first."""

# --8<-- [start:cases]
import sympy as sp

x = sp.symbols("x", positive=True)  # x > 0, so that fractional powers are real
quadratic = sp.diff(x**2, x)
fifth = sp.diff(x**5, x)
negative = sp.diff(x**-3, x)
fractional = sp.diff(sp.sqrt(x), x)
zeroth = sp.diff(x**0, x)  # x**0 is the constant 1
first = sp.diff(x**1, x)
for name, power, slope in [("x^2", 2, quadratic), ("x^5", 5, fifth),
                           ("x^-3", -3, negative), ("x^(1/2)", sp.S.Half, fractional),
                           ("x^0", 0, zeroth), ("x^1", 1, first)]:
    print(f"d/dx {name:8} = {str(slope):14} rule p*x^(p-1) gives {power * x ** (power - 1)}")
# --8<-- [end:cases]

# Each case against the chapter's closed form.
assert quadratic == 2 * x
assert fifth == 5 * x**4
assert negative == -3 * x**-4
assert fractional == 1 / (2 * sp.sqrt(x)) == sp.Rational(1, 2) * x ** sp.Rational(-1, 2)
assert zeroth == 0
assert first == 1
