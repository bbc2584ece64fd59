"""Workbook check of docs/part-1/linear-algebra/dot-product.md#exercises-2-4, beside its
snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_exercise_2_4_1 in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/linear-algebra/dot-product.md#exercises-2-4"
TEMPLATE = """\
cos_theta = ...  # the cosine similarity of v and w, a number
"""
ANSWER = "cos_theta"
VARIABLES = {}


def check_exercise_2_4_1(cos_theta):
    """The cosine similarity of [2, -1, 2]^T and [1, 4, 8]^T, as a number."""
    import sympy as sp
    v, w = sp.Matrix([2, -1, 2]), sp.Matrix([1, 4, 8])
    _say("Exercise 2.4.1", cos_theta,
         lambda: _same(cos_theta, v.dot(w) / (v.norm() * w.norm())))
