"""Workbook check of docs/part-1/calculus/multivariate.md#big-example, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_big_example in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/calculus/multivariate.md#big-example"
TEMPLATE = """\
import sympy as sp

x1, x2, x3 = sp.symbols("x1 x2 x3", positive=True)
dy2_dx2 = ...
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "dy2_dx2"
VARIABLES = {"x1": (0.5, 2.0), "x2": (0.5, 2.0), "x3": (0.5, 2.0)}


def check_big_example(dy2_dx2):
    """dy2/dx2 for y = h(g(x1, x2, x3)), a SymPy expression in x1, x2, x3."""
    import sympy as sp
    x1, x2, x3 = sp.symbols("x1 x2 x3", positive=True)
    u, v = x1**2 * x2**2, sp.sqrt(x2 * x3)
    _say("A bigger example", dy2_dx2, lambda: _same(dy2_dx2, sp.diff(u * v, x2)))
