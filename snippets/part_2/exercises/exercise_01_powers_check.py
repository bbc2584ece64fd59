"""Workbook check of docs/part-2/exercises.md#exercise-1, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_1 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same_slope, _say

EXERCISE = "part-2/exercises.md#exercise-1"
TEMPLATE = """\
import sympy as sp

x = sp.symbols("x", positive=True)
derivative = ...
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "answer"
VARIABLES = {"x": (0.5, 3.0)}


def check_exercise_1(derivative):
    """d/dx [4x^2.5 + x^(1/2) - 6x^(-1/2)], for x > 0, as a SymPy expression in x."""
    import sympy as sp
    x = sp.symbols("x", positive=True)
    f = 4 * x ** sp.Rational(5, 2) + sp.sqrt(x) - 6 / sp.sqrt(x)
    _say("Exercise 1", derivative, lambda: _same_slope(derivative, f, x))
