"""Workbook check of docs/part-1/linear-algebra/dot-product.md#exercises-2-4 (its second
question), beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_2_4_2 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/linear-algebra/dot-product.md#exercises-2-4-2"
TEMPLATE = """\
squared_distance = ...  # ||a - b||^2, a number
"""
ANSWER = "squared_distance"
VARIABLES = {}


def check_exercise_2_4_2(squared_distance):
    """||a - b||^2 when ||a|| = 3, ||b|| = 4 and a . b = 2, as a number."""
    import sympy as sp
    a = sp.Matrix([3, 0])  # one pair of vectors with these norms and dot product
    b = sp.Matrix([sp.Rational(2, 3), sp.sqrt(140) / 3])
    _say("Exercise 2.4.2", squared_distance,
         lambda: _same(squared_distance, sp.simplify((a - b).dot(a - b))))
