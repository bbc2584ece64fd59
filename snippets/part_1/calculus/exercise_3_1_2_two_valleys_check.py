"""Workbook check of docs/part-1/calculus/index.md#exercises-3-1-2, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_3_1_2 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/calculus/index.md#exercises-3-1-2"
TEMPLATE = """\
minima = ...  # every x where f has a minimum, smallest first
"""
ANSWER = "minima"
VARIABLES = {}


def check_exercise_3_1_2(minima):
    """The minima of f(x) = x^4 - 8x^2, as a list of numbers in increasing order."""
    import sympy as sp
    x = sp.symbols("x")
    f = x**4 - 8 * x**2
    flat = sorted(sp.solve(sp.diff(f, x), x))
    expected = sp.Matrix([p for p in flat if sp.diff(f, x, 2).subs(x, p) > 0])
    _say("Exercise 3.1.2", minima, lambda: _same(minima, expected))
