"""Workbook check of docs/part-2/exercises.md#exercise-3, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_3 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-2/exercises.md#exercise-3"
TEMPLATE = """\
import sympy as sp

x = sp.symbols("x")
derivative = ...
"""


def check_exercise_3(derivative):
    """d/dx of the multiplied-out (x + 1)^3, as a SymPy expression in x."""
    import sympy as sp
    x = sp.symbols("x")
    f = sp.expand((x + 1) ** 3)
    _say("Exercise 3", derivative, lambda: _same(derivative, sp.diff(f, x)))
