"""Workbook check of docs/part-1/linear-algebra/vector-spaces.md#exercises-2-2 (its second
question), beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_2_2_2 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/linear-algebra/vector-spaces.md#exercises-2-2-2"
TEMPLATE = """\
c = ...  # the value of c for which the line y = 2x + c is a vector space
"""
ANSWER = "c_closed"
VARIABLES = {}


def check_exercise_2_2_2(c):
    """The c for which {[x, y]^T : y = 2x + c} is closed under addition, as a number."""
    import sympy as sp
    x1, x2, k = sp.symbols("x1 x2 k")
    # The sum of [x1, 2 x1 + k] and [x2, 2 x2 + k] lies on the line for all x1, x2.
    closed = sp.solve(sp.Eq(2 * x1 + k + 2 * x2 + k, 2 * (x1 + x2) + k), k)
    _say("Exercise 2.2.2", c, lambda: len(closed) == 1 and _same(c, closed[0]))
