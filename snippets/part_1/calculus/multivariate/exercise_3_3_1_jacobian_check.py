"""Workbook check of docs/part-1/calculus/multivariate.md#exercises-3-3, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_3_3_1 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/calculus/multivariate.md#exercises-3-3"
TEMPLATE = """\
J = ...  # the 2 x 2 Jacobian at (2, -1), as a nested list [[., .], [., .]]
"""
ANSWER = "J_at"
VARIABLES = {}


def check_exercise_3_3_1(J):
    """dy/dx of y = (x1^2 x2, 3 x1 + x2^2) at (2, -1), a 2 x 2 matrix, rows = outputs."""
    import sympy as sp
    x1, x2 = sp.symbols("x1 x2")
    y = sp.Matrix([x1**2 * x2, 3 * x1 + x2**2])
    expected = y.jacobian([x1, x2]).subs({x1: 2, x2: -1})
    _say("Exercise 3.3.1", J, lambda: _same(J, expected))
