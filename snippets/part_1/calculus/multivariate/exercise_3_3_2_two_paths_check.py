"""Workbook check of docs/part-1/calculus/multivariate.md#exercises-3-3-2, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_3_3_2 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/calculus/multivariate.md#exercises-3-3-2"
TEMPLATE = """\
import sympy as sp

x1, x2 = sp.symbols("x1 x2")
dy_dx1 = ...  # a SymPy expression in x1 and x2
"""
ANSWER = "dy_dx1"
VARIABLES = {"x1": (-2.0, 2.0), "x2": (-2.0, 2.0)}


def check_exercise_3_3_2(dy_dx1):
    """The partial derivative by x1 of y = uv, u = x1 + x2, v = x1 x2, in x1 and x2."""
    import sympy as sp
    x1, x2 = sp.symbols("x1 x2")
    expected = sp.diff((x1 + x2) * x1 * x2, x1)
    _say("Exercise 3.3.2", dy_dx1, lambda: _same(dy_dx1, expected))
