"""Workbook check of docs/part-1/linear-algebra/vector-spaces.md#exercises-2-2, beside its
snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_2_2_1 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/linear-algebra/vector-spaces.md#exercises-2-2"
TEMPLATE = """\
x = ...  # the vector x with 2x + u = 3v, as a list of three numbers
"""
ANSWER = "answer"
VARIABLES = {}


def check_exercise_2_2_1(x):
    """x in R^3 with 2x + u = 3v, u = [1, 0, -2]^T, v = [1, 2, 0]^T, as a vector or list."""
    import sympy as sp
    u, v = sp.Matrix([1, 0, -2]), sp.Matrix([1, 2, 0])

    def ok():
        try:
            got = sp.Matrix([sp.nsimplify(entry) for entry in sp.Matrix(x)])
        except Exception:  # noqa: BLE001 - anything that is not a vector is wrong
            return False
        return len(got) == 3 and _same(2 * got.reshape(3, 1) + u, 3 * v)
    _say("Exercise 2.2.1", x, ok)
