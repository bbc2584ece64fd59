"""Workbook check of docs/part-2/exercises.md#exercise-3, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_3 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same_slope, _say

EXERCISE = "part-2/exercises.md#exercise-3"
TEMPLATE = """\
import sympy as sp

x = sp.symbols("x")
derivative = ...
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "derivative"
VARIABLES = {"x": (-2.0, 2.0)}


def check_exercise_3(derivative):
    """d/dx of the multiplied-out (x + 1)^3, as a SymPy expression in x."""
    import sympy as sp
    x = sp.symbols("x")
    f = sp.expand((x + 1) ** 3)
    _say("Exercise 3", derivative, lambda: _same_slope(derivative, f, x))
