"""Workbook check of docs/part-1/linear-algebra/basis.md#exercises-2-3, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_2_3_1 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/linear-algebra/basis.md#exercises-2-3"
TEMPLATE = """\
weights = ...  # [a, b] with c = a u1 + b u2
"""
ANSWER = "answer"
VARIABLES = {}


def check_exercise_2_3_1(weights):
    """[a, b] with a [1, 1]^T + b [1, -1]^T = [3, 5]^T, as a vector or list."""
    import sympy as sp
    U, c = sp.Matrix([[1, 1], [1, -1]]), sp.Matrix([3, 5])
    _say("Exercise 2.3.1", weights, lambda: _same(weights, U.solve(c)))
