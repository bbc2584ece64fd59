"""Workbook check of docs/part-1/calculus/jacobians.md#kronecker-delta, beside its snippet.

The engine finds this file by its name (<snippet>_check.py) and ships TEMPLATE
and the function check_sifting in the part's workbook (CONTRIBUTING.md).
"""

from textbook.checking import _same, _say

EXERCISE = "part-1/calculus/jacobians.md#kronecker-delta"
TEMPLATE = """\
import sympy as sp

x1, x2, x3, x4 = sp.symbols("x1:5")
# entry i: the sum over j = 1..4 of delta_ij x_j
sifted = ...
"""
# The page's answer field (answer_check.py): the snippet's value, its symbols.
ANSWER = "sums"
VARIABLES = {"x1": (-2.0, 2.0), "x2": (-2.0, 2.0), "x3": (-2.0, 2.0), "x4": (-2.0, 2.0)}
QUESTION = (
    "for n = 4, the sums over j of δ_ij x_j for i = 1, …, 4, as a vector in x1, …, "
    "x4, e.g. [x1 + x2, 0, x3, 2*x4]"
)


def check_sifting(sifted):
    """The sums over j of delta_ij x_j for i = 1..4, x = x1..x4, as a list."""
    import sympy as sp
    i, j = sp.symbols("i j", integer=True)
    x = sp.IndexedBase("x")
    expected = sp.Matrix([sp.Symbol(f"x{n}") for n in range(1, 5)])
    total = sp.Sum(sp.KroneckerDelta(i, j) * x[j], (j, 1, 4))
    expected = sp.Matrix([total.subs(i, n).doit().subs(x[n], sp.Symbol(f"x{n}"))
                          for n in range(1, 5)])
    _say("Sifting property", sifted, lambda: _same(sifted, expected))
