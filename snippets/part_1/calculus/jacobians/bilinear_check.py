"""Workbook check of docs/part-1/calculus/jacobians.md#y-transpose-a-x, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_bilinear_jacobian in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/calculus/jacobians.md#y-transpose-a-x"
TEMPLATE = """\
import sympy as sp

u = sp.Matrix(sp.symbols("u1:3"))
A = sp.Matrix(2, 3, sp.symbols("A1(1:4) A2(1:4)"))
x = sp.Matrix(sp.symbols("x1:4"))
J = ...  # the 1 x 3 Jacobian
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "uTA"
VARIABLES = {  # a literal: the build reads it without running this file
    "u1": (-2.0, 2.0), "u2": (-2.0, 2.0), "A11": (-2.0, 2.0), "A12": (-2.0, 2.0),
    "A13": (-2.0, 2.0), "A21": (-2.0, 2.0), "A22": (-2.0, 2.0), "A23": (-2.0, 2.0)
}
QUESTION = (
    "for n = 2, m = 3: the 1 × 3 derivative, a vector in u1, u2, A11, …, A23, e.g. "
    "[u1*A11, u2, 0]"
)


def check_bilinear_jacobian(J):
    """d(u^T A x)/dx for n = 2, m = 3 with the symbols of the cell, a 1 x 3 matrix."""
    import sympy as sp
    u = sp.Matrix(sp.symbols("u1:3"))
    A = sp.Matrix(2, 3, sp.symbols("A1(1:4) A2(1:4)"))
    x = sp.Matrix(sp.symbols("x1:4"))
    expected = (u.T * A * x).jacobian(x)
    _say("Derivative of u^T A x", J, lambda: _same(J, expected))
