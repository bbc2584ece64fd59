"""Workbook check of docs/part-2/exercises.md#exercise-2, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_2 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same_slope, _say

EXERCISE = "part-2/exercises.md#exercise-2"
TEMPLATE = """\
import sympy as sp

x = sp.symbols("x")
derivative = ...
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "dy_dx"
VARIABLES = {"x": (-2.0, 2.0)}


def check_exercise_2(derivative):
    """d/dx (x + 1)^3 by the chain rule, as a SymPy expression in x."""
    import sympy as sp
    x = sp.symbols("x")
    _say("Exercise 2", derivative, lambda: _same_slope(derivative, (x + 1) ** 3, x))
