"""Workbook check of docs/part-1/calculus/jacobians.md#exercises-3-4-2, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_3_4_2 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/calculus/jacobians.md#exercises-3-4-2"
TEMPLATE = """\
import sympy as sp

x1, x2 = sp.symbols("x1 x2")
J = ...  # the 1 x 2 row d(x^T A x)/dx, entries in x1 and x2
"""
ANSWER = "J"
VARIABLES = {"x1": (-2.0, 2.0), "x2": (-2.0, 2.0)}


def check_exercise_3_4_2(J):
    """d(x^T A x)/dx for A = [[1, 2], [0, 3]] and x = (x1, x2), a 1 x 2 row."""
    import sympy as sp
    A = sp.Matrix([[1, 2], [0, 3]])
    x = sp.Matrix(sp.symbols("x1 x2"))
    expected = sp.Matrix([(x.T * A * x)[0]]).jacobian(x)
    _say("Exercise 3.4.2", J, lambda: _same(J, expected))
