"""Workbook check of docs/part-1/calculus/index.md#smallest-error, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_minimum_slopes in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/calculus/index.md#smallest-error"
TEMPLATE = """\
slopes = ...  # [f'(-3), f'(-2), f'(-1)]
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "slopes"
VARIABLES = {}
QUESTION = "f'(-3), f'(-2) and f'(-1) as a vector, e.g. [1, 0, 3]"


def check_minimum_slopes(slopes):
    """f'(-3), f'(-2), f'(-1) for f(x) = x^2 + 4x - 2, as a list of three numbers."""
    import sympy as sp
    x = sp.symbols("x")
    f_prime = sp.diff(x**2 + 4 * x - 2, x)
    expected = sp.Matrix([f_prime.subs(x, v) for v in (-3, -2, -1)])
    _say("Rate of change at the minimum", slopes, lambda: _same(slopes, expected))
