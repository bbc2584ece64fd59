"""Workbook check of docs/part-1/calculus/jacobians.md#exercises-3-4, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_3_4_1 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/calculus/jacobians.md#exercises-3-4"
TEMPLATE = """\
J = ...  # dy/dx as a nested list, one row per output
"""
ANSWER = "J"
VARIABLES = {}


def check_exercise_3_4_1(J):
    """dy/dx for y = W2 (W1 x), W1 = [[1, 0, 2], [3, 1, 0]], W2 = [[1, 2], [0, 1]]."""
    import sympy as sp
    W1 = sp.Matrix([[1, 0, 2], [3, 1, 0]])
    W2 = sp.Matrix([[1, 2], [0, 1]])
    x = sp.Matrix(sp.symbols("x1:4"))
    _say("Exercise 3.4.1", J, lambda: _same(J, (W2 * W1 * x).jacobian(x)))
