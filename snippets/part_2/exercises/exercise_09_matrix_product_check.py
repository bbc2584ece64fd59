"""Workbook check of docs/part-2/exercises.md#exercise-9, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_9 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same_digest, _say

EXERCISE = "part-2/exercises.md#exercise-9"
TEMPLATE = """\
C = ...
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "C"
VARIABLES = {}


def check_exercise_9(C):
    """[[1, 2], [3, 4]] times [[5, 6], [7, 8]], as a matrix, array or nested list."""
    # The digest of the answer (checking._same_digest), not the answer itself: the
    # workbook's tests check it against the snippet's value.
    _say("Exercise 9", C, lambda: _same_digest(C, "487f6cd7c4f3ff17"))
