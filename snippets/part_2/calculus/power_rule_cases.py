"""Power rule cases, EMAT31530 §1.1 eqs. (2)-(7): positive, negative, fractional, zero, first."""

# --8<-- [start:cases]
import sympy as sp

x = sp.symbols("x", positive=True)  # x > 0: fractional powers are real
quadratic = sp.diff(x**2, x)
fifth = sp.diff(x**5, x)
negative = sp.diff(x**-3, x)
fractional = sp.diff(sp.sqrt(x), x)
zeroth = sp.diff(x**0, x)  # x**0 is the constant 1
first = sp.diff(x**1, x)
cases = {2: quadratic, 5: fifth, -3: negative,
         sp.S.Half: fractional, 0: zeroth, 1: first}
print(f"{'p':4} {'d/dx x**p':14} rule p*x**(p-1)")  # narrow: it fits a phone
for p, slope in cases.items():
    rule = p * x ** (p - 1)
    print(f"{str(p):4} {str(slope):14} {rule}")
# --8<-- [end:cases]

# Each case against the chapter's closed form, and against the rule.
assert quadratic == 2 * x
assert fifth == 5 * x**4
assert negative == -3 * x**-4
assert fractional == 1 / (2 * sp.sqrt(x)) == sp.Rational(1, 2) * x ** sp.Rational(-1, 2)
assert zeroth == 0
assert first == 1
assert all(slope == p * x ** (p - 1) for p, slope in cases.items())
# The page's x^{1/2}, the fractional case (its power is a key of `cases`): a real number
# because x is declared positive.
square_root = x ** sp.S.Half
assert sp.S.Half in cases and square_root == sp.sqrt(x) and square_root.is_real
