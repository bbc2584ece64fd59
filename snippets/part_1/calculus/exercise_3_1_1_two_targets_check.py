"""Workbook check of docs/part-1/calculus/index.md#exercises-3-1, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_3_1_1 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/calculus/index.md#exercises-3-1"
TEMPLATE = """\
best = ...  # the parameter x with the smallest error
"""
ANSWER = "best"
VARIABLES = {}


def check_exercise_3_1_1(best):
    """The x that minimises f(x) = (x - 3)^2 + (x + 1)^2, a number."""
    import sympy as sp
    x = sp.symbols("x")
    (expected,) = sp.solve(sp.diff((x - 3) ** 2 + (x + 1) ** 2, x), x)
    _say("Exercise 3.1.1", best, lambda: _same(best, expected))
