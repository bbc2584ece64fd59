"""Workbook check of docs/part-1/linear-algebra/linear-operators.md#exercises-2-5 (its
second question), beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_2_5_2 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/linear-algebra/linear-operators.md#exercises-2-5-2"
TEMPLATE = """\
C = ...  # the matrix of "rotate by 90 degrees, then double x", as a list of rows
"""
ANSWER = "BR"
VARIABLES = {}


def check_exercise_2_5_2(C):
    """The 2 x 2 matrix of a 90-degree anticlockwise rotation followed by doubling the
    first coordinate, as a matrix, array or nested list."""
    import sympy as sp
    t = sp.pi / 2  # the rotation anticlockwise by 90 degrees
    rotate = sp.Matrix([[sp.cos(t), -sp.sin(t)], [sp.sin(t), sp.cos(t)]])
    stretch = sp.diag(2, 1)
    _say("Exercise 2.5.2", C, lambda: _same(C, stretch * rotate))
