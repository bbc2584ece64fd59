"""Workbook check of docs/part-1/calculus/index.md#exercises-3-1-2, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_3_1_2 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same_digest, _say

EXERCISE = "part-1/calculus/index.md#exercises-3-1-2"
TEMPLATE = """\
minima = ...  # every x where f has a minimum, smallest first
"""
ANSWER = "minima"
VARIABLES = {}


def check_exercise_3_1_2(minima):
    """The minima of f(x) = x^4 - 8x^2, as a list of numbers in increasing order."""
    # The expected minima are stored as a digest, so the check does not solve it.
    _say("Exercise 3.1.2", minima, lambda: _same_digest(minima, "a96126b1a45b9e56"))
