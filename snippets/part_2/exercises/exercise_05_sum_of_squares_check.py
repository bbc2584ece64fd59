"""Workbook check of docs/part-2/exercises.md#exercise-5, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_5 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-2/exercises.md#exercise-5"
TEMPLATE = """\
total = ...
"""


def check_exercise_5(total):
    """The sum of i^2 for i = 0, ..., 5, a number."""
    _say("Exercise 5", total, lambda: _same(total, sum(i**2 for i in range(0, 6))))
