"""Exercise 1, EMAT31530 §6 eq. (97) and §7 eqs. (110)-(112): d/dx [4x^2.5 + x^1/2 - 6x^-1/2]."""

# --8<-- [start:powers]
import sympy as sp

x = sp.symbols("x", positive=True)  # x > 0: the powers are real
half = sp.Rational(1, 2)  # exact halves keep the exponents exact
terms = [4 * x ** (5 * half), x**half, -6 * x**-half]
for term in terms:
    print(f"d/dx {str(term):14} = {sp.diff(term, x)}")
answer = sp.diff(sum(terms), x)
print("sum of the terms:", answer)
# --8<-- [end:powers]

# Eqs. (111)-(112), term by term and in total, with the powers written as in the text.
assert sp.diff(x ** (5 * half), x) == sp.Rational(5, 2) * x ** (3 * half)
assert sp.diff(x**half, x) == half * x**-half
assert sp.diff(x**-half, x) == -half * x ** (-3 * half)
assert answer == 10 * x ** (3 * half) + half * x**-half + 3 * x ** (-3 * half)
# A numerical spot check at x = 2 by a central difference.
f = sp.lambdify(x, sum(terms))
h = 1e-6
assert abs((f(2 + h) - f(2 - h)) / (2 * h) - float(answer.subs(x, 2))) < 1e-6
