"""Exercise 4.1 (this book's own, ML1 §4): p(T | X = 2) from a joint table: filter, rescale."""

# --8<-- [start:conditional]
from fractions import Fraction

hours = [1, 2]  # values of X
grades = [6, 7, 8]  # values of T
counts = [[2, 4, 2],  # 20 students: how many studied 1 hour and got 6, 7, 8
          [3, 3, 6]]  # ... and 2 hours
total = sum(map(sum, counts))
joint = [[Fraction(c, total) for c in row] for row in counts]
print("p(X, T) =", [[float(p) for p in row] for row in joint])

row = joint[hours.index(2)]  # keep the students who studied 2 hours
p_2 = sum(row)  # p(X = 2)
conditional = [p / p_2 for p in row]
print("p(X = 2) =", float(p_2))
print("p(T | X = 2) =", [float(p) for p in conditional])
# --8<-- [end:conditional]

assert sum(map(sum, joint)) == 1 and p_2 == Fraction(3, 5)
assert conditional == [Fraction(1, 4), Fraction(1, 4), Fraction(1, 2)]
assert sum(conditional) == 1 and sum(row) != 1  # filtering alone is not enough
mean_2 = sum(p * t for p, t in zip(conditional, grades))
assert mean_2 == Fraction(29, 4)  # E[T | X = 2], the best prediction under the MSE

import sympy as sp  # noqa: E402

# The page's names as exact SymPy numbers: the answer and the fragments it quotes.
conditional = [sp.Rational(p) for p in conditional]
conditional_row = sp.Matrix([conditional])
TEX = {
    r"p(X, T)": sp.Matrix(joint).applyfunc(sp.Rational),
    r"p(T = t \mid X = 2)": conditional_row,
    r"p(X = 2,\, T = t)": sp.Matrix([row]).applyfunc(sp.Rational),
    r"p(X = 2)": sp.Rational(p_2),
    r"\mathbb{E}[T \mid X = 2]": sp.Rational(mean_2),
}
