"""LaTeX for values shown in the prose, in the book's notation (see the notation page).

SymPy's default printer differs from what the chapters type by hand; this one writes
- fractional powers inline: `x^{3/2}`, not a stacked `x^{\\frac{3}{2}}`;
- index subscripts run together: `X_{ij}` and `\\delta_{jk}`, not `X_{i,j}` and
  `\\delta_{j k}` (kept apart, with a comma, when one is longer).
"""

from __future__ import annotations

import sympy as sp
from sympy.printing.latex import LatexPrinter


class BookLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer with the book's conventions."""

    def __init__(self):
        super().__init__({"fold_frac_powers": True})

    def _print_Indexed(self, expr):
        return f"{self._print(expr.base)}_{{{self.subscript(expr.indices)}}}"

    def _print_KroneckerDelta(self, expr, exp=None):
        tex = rf"\delta_{{{self.subscript(expr.args)}}}"
        return rf"\left({tex}\right)^{{{exp}}}" if exp is not None else tex

    def subscript(self, indices) -> str:
        """`ij` for single-letter indices, `i,j+1` otherwise."""
        printed = [self._print(i) for i in indices]
        return "".join(printed) if all(len(i) == 1 for i in printed) else ",".join(printed)


def book_latex(value) -> str:
    """The book's LaTeX for a SymPy value (or anything SymPy can take)."""
    if not isinstance(value, (sp.Basic, sp.MatrixBase)):
        value = sp.sympify(value)
    return BookLatexPrinter().doprint(value)
