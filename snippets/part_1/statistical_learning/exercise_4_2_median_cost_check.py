"""Workbook check of docs/part-1/statistical-learning.md#exercises-4-2, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_4_2 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/statistical-learning.md#exercises-4-2"
TEMPLATE = """\
extra = ...  # MSE of predicting the median minus the smallest MSE, a number
"""
ANSWER = "extra"
VARIABLES = {}


def check_exercise_4_2(extra):
    """How much more MSE the median costs than the mean, for the grades 5, 6, 6, 7, 9."""
    import sympy as sp
    grades = [5, 6, 6, 7, 9]
    c = sp.symbols("c")
    mse = sum((c - t) ** 2 for t in grades) / len(grades)
    best = sp.solve(sp.diff(mse, c), c)[0]
    expected = mse.subs(c, 6) - mse.subs(c, best)
    _say("Exercise 4.2", extra, lambda: _same(extra, expected))
