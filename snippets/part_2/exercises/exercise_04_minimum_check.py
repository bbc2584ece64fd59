"""Workbook check of docs/part-2/exercises.md#exercise-4, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_4 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-2/exercises.md#exercise-4"
TEMPLATE = """\
a = ...
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "best"
VARIABLES = {}


def check_exercise_4(a):
    """The a that minimises L(a) = 4a^2 + 2a + 1."""
    import sympy as sp
    s = sp.symbols("a")
    loss = 4 * s**2 + 2 * s + 1

    def ok():
        if not _same(sp.diff(loss, s).subs(s, sp.nsimplify(sp.sympify(a))), 0):
            return False
        return sp.diff(loss, s, 2) > 0
    _say("Exercise 4", a, ok)
