"""Workbook check of docs/part-2/exercises.md#exercise-7, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_7 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-2/exercises.md#exercise-7"
TEMPLATE = """\
import sympy as sp

N, b = sp.symbols("N b")
total = ...
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "answer"
VARIABLES = {"N": (1.0, 10.0), "b": (-2.0, 2.0)}


def check_exercise_7(total):
    """The sum of b for i = 1, ..., N, a SymPy expression in N and b."""
    import sympy as sp
    i, N, b = sp.symbols("i N b")
    _say("Exercise 7", total, lambda: _same(total, sp.summation(b, (i, 1, N))))
