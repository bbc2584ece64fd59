"""Workbook check of docs/part-1/linear-algebra/index.md#exercises-2-1 (its second
question), beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_2_1_2 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/linear-algebra/index.md#exercises-2-1-2"
TEMPLATE = """\
A_T = ...  # the transpose of A, as a list of rows
"""
ANSWER = "A_T"
VARIABLES = {}


def check_exercise_2_1_2(A_T):
    """The transpose of A = [[1, 2, 3], [4, 5, 6]], a 3 x 2 matrix, array or nested list."""
    import sympy as sp
    A = sp.Matrix([[1, 2, 3], [4, 5, 6]])
    _say("Exercise 2.1.2", A_T, lambda: _same(A_T, A.T))
