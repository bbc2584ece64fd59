"""Workbook check of docs/part-2/exercises.md#exercise-10, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_10 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-2/exercises.md#exercise-10"
TEMPLATE = """\
inverse = ...
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "inverse"
VARIABLES = {}


def check_exercise_10(inverse):
    """The inverse of [[1, 2], [3, 4]], as a matrix, array or nested list."""
    import sympy as sp
    A = sp.Matrix([[1, 2], [3, 4]])
    _say("Exercise 10", inverse, lambda: _same(sp.Matrix(inverse) * A, sp.eye(2)))
