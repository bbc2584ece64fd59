"""Workbook check of docs/part-2/exercises.md#exercise-11, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_11 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-2/exercises.md#exercise-11"
TEMPLATE = """\
x = ...  # (x1, x2)
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "x"
VARIABLES = {}


def check_exercise_11(x):
    """(x1, x2) with [[1, 2], [3, 4]] (x1, x2) = (5, 6), as a vector or list."""
    import sympy as sp
    A, rhs = sp.Matrix([[1, 2], [3, 4]]), sp.Matrix([5, 6])

    def ok():
        return _same(x, sp.Matrix([0, 0])) is False and _same(A * sp.Matrix(
            [sp.nsimplify(v) for v in sp.Matrix(x)]), rhs)
    _say("Exercise 11", x, ok)
