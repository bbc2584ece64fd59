"""Workbook check of docs/part-1/statistical-learning.md#exercises-4, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_4_1 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/statistical-learning.md#exercises-4"
TEMPLATE = """\
conditional = ...  # [p(T = 6 | X = 2), p(T = 7 | X = 2), p(T = 8 | X = 2)]
"""
ANSWER = "conditional"
VARIABLES = {}


def check_exercise_4_1(conditional):
    """p(T | X = 2) from the joint table [[0.1, 0.2, 0.1], [0.15, 0.15, 0.3]], a list."""
    import sympy as sp
    joint = sp.Matrix([[2, 4, 2], [3, 3, 6]]) / 20
    row = joint.row(1)
    _say("Exercise 4.1", conditional, lambda: _same(conditional, row / sum(row)))
