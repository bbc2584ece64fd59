"""Workbook check of docs/part-2/exercises.md#exercise-9, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_9 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-2/exercises.md#exercise-9"
TEMPLATE = """\
C = ...
"""


def check_exercise_9(C):
    """[[1, 2], [3, 4]] times [[5, 6], [7, 8]], as a matrix, array or nested list."""
    import sympy as sp
    A, B = sp.Matrix([[1, 2], [3, 4]]), sp.Matrix([[5, 6], [7, 8]])
    _say("Exercise 9", C, lambda: _same(C, A * B))
