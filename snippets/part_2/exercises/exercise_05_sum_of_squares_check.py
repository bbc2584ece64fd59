"""Workbook check of docs/part-2/exercises.md#exercise-5, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_5 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same_digest, _say

EXERCISE = "part-2/exercises.md#exercise-5"
TEMPLATE = """\
total = ...
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "total"
VARIABLES = {}


def check_exercise_5(total):
    """The sum of i^2 for i = 0, ..., 5, a number."""
    # The digest of the answer (checking._same_digest), not the answer itself: the
    # workbook's tests check it against the snippet's value.
    _say("Exercise 5", total, lambda: _same_digest(total, "311678ca34c042ab"))
