"""Workbook check of docs/part-1/linear-algebra/basis.md#exercises-2-3 (its second
question), beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_2_3_2 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/linear-algebra/basis.md#exercises-2-3-2"
TEMPLATE = """\
s = ...  # the value of s for which w1, w2, w3 are not a basis
"""
ANSWER = "s_dependent"
VARIABLES = {}


def check_exercise_2_3_2(s):
    """The s for which [1, 2, 3]^T, [0, 1, 4]^T, [2, 5, s]^T are dependent, as a number."""
    import sympy as sp

    def ok():
        try:
            M = sp.Matrix([[1, 0, 2], [2, 1, 5], [3, 4, sp.nsimplify(s)]])
        except Exception:  # noqa: BLE001 - anything that is not a number is wrong
            return False
        return _same(M.det(), 0)
    _say("Exercise 2.3.2", s, ok)
