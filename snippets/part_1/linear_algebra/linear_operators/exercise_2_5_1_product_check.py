"""Workbook check of docs/part-1/linear-algebra/linear-operators.md#exercises-2-5, beside
its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_2_5_1 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/linear-algebra/linear-operators.md#exercises-2-5"
TEMPLATE = """\
w = ...  # A v, as a list of numbers
"""
ANSWER = "w"
VARIABLES = {}


def check_exercise_2_5_1(w):
    """A v for A = [[2, 0, -1], [1, 3, 2]] and v = [1, -1, 2]^T, as a vector or list."""
    import sympy as sp
    A, v = sp.Matrix([[2, 0, -1], [1, 3, 2]]), sp.Matrix([1, -1, 2])
    _say("Exercise 2.5.1", w, lambda: _same(w, A * v))
