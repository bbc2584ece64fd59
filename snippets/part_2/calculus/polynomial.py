"""Term-by-term derivative of 3x^4 + 2x^(-1/2) + x^(-2), EMAT31530 §1.1 eqs. (8)-(13)."""

# --8<-- [start:terms]
import sympy as sp

x = sp.symbols("x", positive=True)
half = sp.Rational(1, 2)  # exact; 0.5 would make float exponents
terms = [3 * x**4, 2 * x**-half, x**-2]
for term in terms:
    print(f"d/dx {term} = {sp.diff(term, x)}")
derivative = sp.diff(sum(terms), x)
print("sum of the terms:", derivative)
# --8<-- [end:terms]

# Equations (9)-(11), then the corrected (12)-(13): the middle exponent is -3/2, not +3/2.
assert sp.diff(x**4, x) == 4 * x**3
assert sp.diff(x**-half, x) == -half * x ** (-3 * half)
assert sp.diff(x**-2, x) == -2 * x**-3
assert derivative == 12 * x**3 - x ** (-3 * half) - 2 * x**-3
assert derivative != 12 * x**3 - x ** (3 * half) - 2 * x**-3  # the source's eq. (13)
# The page's "SymPy prints x^{-3/2} as 1/x**(3/2) and x^{-3} as 1/x**3": the powers in the
# second and third terms' derivatives, which SymPy prints as fractions, -1/x**(3/2), -2/x**3.
middle_power = sp.diff(terms[1], x).as_coeff_Mul()[1]
last_power = sp.diff(terms[2], x).as_coeff_Mul()[1]
assert str(sp.diff(terms[1], x)) == "-1/x**(3/2)" and str(sp.diff(terms[2], x)) == "-2/x**3"
