"""Workbook check of docs/part-1/linear-algebra/change-of-basis.md#exercises-2-6 (its
second question), beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_2_6_2 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/linear-algebra/change-of-basis.md#exercises-2-6-2"
TEMPLATE = """\
A_prime = ...  # S^-1 A S, as a list of rows
"""
ANSWER = "A_prime"
VARIABLES = {}


def check_exercise_2_6_2(A_prime):
    """S^-1 A S for A = [[4, 1], [2, 3]] and S = [[1, 1], [1, -2]], as a 2 x 2 matrix."""
    import sympy as sp
    A, S = sp.Matrix([[4, 1], [2, 3]]), sp.Matrix([[1, 1], [1, -2]])
    _say("Exercise 2.6.2", A_prime, lambda: _same(A_prime, S.inv() * A * S))
