"""Workbook check of docs/part-2/exercises.md#exercise-6, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_6 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same_digest, _say

EXERCISE = "part-2/exercises.md#exercise-6"
TEMPLATE = """\
product = ...
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "loop"
VARIABLES = {}


def check_exercise_6(product):
    """The product of i for i = 1, ..., 5, a number."""
    # The digest of the answer (checking._same_digest), not the answer itself: the
    # workbook's tests check it against the snippet's value.
    _say("Exercise 6", product, lambda: _same_digest(product, "7d58d616094e82c5"))
