"""Workbook check of docs/part-1/linear-algebra/change-of-basis.md#exercises-2-6, beside
its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_2_6_1 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/linear-algebra/change-of-basis.md#exercises-2-6"
TEMPLATE = """\
v_new = ...  # the coordinates of v in the basis {c1, c2}, as a list
"""
ANSWER = "answer"
VARIABLES = {}


def check_exercise_2_6_1(v_new):
    """Coordinates of [3, 5]^T in the basis [1, 1]^T, [1, 2]^T, as a vector or list."""
    import sympy as sp
    S, v = sp.Matrix([[1, 1], [1, 2]]), sp.Matrix([3, 5])
    _say("Exercise 2.6.1", v_new, lambda: _same(v_new, S.solve(v)))
