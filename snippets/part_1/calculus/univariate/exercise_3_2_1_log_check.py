"""Workbook check of docs/part-1/calculus/univariate.md#exercises-3-2, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_3_2_1 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/calculus/univariate.md#exercises-3-2"
TEMPLATE = """\
import sympy as sp

x = sp.symbols("x")
dy_dx = ...  # a SymPy expression in x; sp.log is the natural logarithm
"""
ANSWER = "dy_dx"
VARIABLES = {"x": (-3.0, 3.0)}


def check_exercise_3_2_1(dy_dx):
    """dy/dx for y = ln(1 + x^2), as a SymPy expression in x."""
    import sympy as sp
    x = sp.symbols("x")
    _say("Exercise 3.2.1", dy_dx, lambda: _same(dy_dx, sp.diff(sp.log(1 + x**2), x)))
