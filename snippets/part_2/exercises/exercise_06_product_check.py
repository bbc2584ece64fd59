"""Workbook check of docs/part-2/exercises.md#exercise-6, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_6 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-2/exercises.md#exercise-6"
TEMPLATE = """\
product = ...
"""


def check_exercise_6(product):
    """The product of i for i = 1, ..., 5, a number."""
    import math
    _say("Exercise 6", product, lambda: _same(product, math.prod(range(1, 6))))
