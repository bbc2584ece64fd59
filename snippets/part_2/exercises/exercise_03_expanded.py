"""Exercise 3, EMAT31530 §6 eq. (99), §7 eqs. (121)-(127): expand (x + 1)^3, then differentiate."""

# --8<-- [start:expand]
import sympy as sp

x = sp.symbols("x")
square = sp.expand((x + 1) * (x + 1))
cube = sp.expand(square * (x + 1))
derivative = sp.diff(cube, x)  # the power rule, term by term
print("(x + 1)^2 =", square)
print("(x + 1)^3 =", cube)
print("d/dx      =", derivative)
print("factored  =", sp.factor(derivative))
# --8<-- [end:expand]

# Eqs. (122)-(127), and the check the exercise asks for: the chain rule's answer
# 3(x + 1)^2 from Exercise 2 is the same polynomial.
factored = sp.factor(derivative)
assert square == x**2 + 2 * x + 1
assert sp.expand(square * x) == x**3 + 2 * x**2 + x  # first half of eq. (123)
assert cube == x**3 + 3 * x**2 + 3 * x + 1
assert derivative == 3 * x**2 + 6 * x + 3
assert factored == 3 * (x + 1) ** 2
assert sp.expand(derivative - sp.diff((x + 1) ** 3, x)) == 0
# Eq. (126): the common factor taken out of the derivative, and what it leaves inside.
common_factor, inside = derivative.as_content_primitive()
assert common_factor == 3 and inside == square
