"""Workbook check of docs/part-1/linear-algebra/index.md#exercises-2-1, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_2_1_1 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/linear-algebra/index.md#exercises-2-1"
TEMPLATE = """\
total = ...  # v_2 + A_23, a number
"""
ANSWER = "total"
VARIABLES = {}


def check_exercise_2_1_1(total):
    """v_2 + A_23 for v = [4, -1, 2, 7]^T and A = [[1, 2, 3], [4, 5, 6]], counted from 1."""
    v, A = [4, -1, 2, 7], [[1, 2, 3], [4, 5, 6]]
    _say("Exercise 2.1.1", total, lambda: _same(total, v[2 - 1] + A[2 - 1][3 - 1]))
