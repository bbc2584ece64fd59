"""Comparison machinery of the workbooks' checks: engine, not content.

The exercises' check functions (snippets/**/*_check.py) call `_say` and `_same`. The
workbook's first cell holds the source of these three helpers, then every check function,
so a reader's Jupyter needs nothing from the engine. Their source is shipped as it stands
here, so `_say` keeps its exact text.
"""

from __future__ import annotations


def _answer_or_none(answer):
    """None when the reader has not answered yet (left `...` in the cell)."""
    return None if answer is ... or answer is None else answer


def _expression(answer):
    """A reader's answer as one SymPy expression; None for a matrix or unreadable input."""
    import sympy as sp

    try:
        got = sp.sympify(answer)
    except (sp.SympifyError, TypeError, ValueError):
        return None
    if not isinstance(got, sp.Basic) or isinstance(got, sp.MatrixBase):
        return None
    return got


def _same(answer, expected) -> bool:
    """Whether a reader's answer equals the expected one, up to equivalent forms.

    Accepts SymPy expressions (any equivalent form, floats read as exact fractions,
    symbols matched by name whatever their assumptions), plain numbers, strings SymPy can
    parse, and, for matrices, SymPy matrices, NumPy arrays or nested lists (a vector as
    a row, a column or a flat list)."""
    import sympy as sp

    if isinstance(expected, sp.MatrixBase):
        try:
            got = sp.Matrix(answer)
        except Exception:  # noqa: BLE001 - anything that is not a matrix is wrong
            return False
        if got.shape != expected.shape:
            if 1 in expected.shape and len(got) == len(expected) and 1 in got.shape:
                got = got.reshape(*expected.shape)
            else:
                return False
        return all(_same(a, e) for a, e in zip(got, expected))
    got = _expression(answer)
    if got is None:
        return False
    names = {s.name: s for s in sp.sympify(expected).atoms(sp.Symbol)}
    got = got.xreplace({s: names.get(s.name, s) for s in got.atoms(sp.Symbol)})
    got = sp.nsimplify(got, rational=True)
    difference = sp.simplify(got - expected)
    if difference == 0 or difference.equals(0) is True:
        return True
    free = difference.free_symbols
    if not free or any(not isinstance(s, sp.Symbol) for s in free):
        return False
    # Forms SymPy does not simplify into each other (exp(N log b) and b**N): compare the
    # values at a few points where every symbol is positive.
    for point in ((0.7, 1.3, 2.1), (1.9, 0.4, 1.1), (2.6, 1.7, 0.3)):
        values = {s: point[n % 3] + n / 7 for n, s in enumerate(sorted(free, key=str))}
        value = complex(difference.evalf(subs=values))
        if not abs(value) < 1e-9:
            return False
    return True


def _say(name: str, answer, ok) -> None:
    if _answer_or_none(answer) is None:
        print(f"{name}: no answer yet. Replace ... by your answer and run the cell again.")
    elif ok():
        print(f"{name}: right.")
    else:
        print(f"{name}: not right yet. Check your working and try again.")


def _same_digest(answer, digest: str) -> bool:
    """Whether a number, vector or matrix answer has this digest (of its shape and entries
    rounded to 1e-6): a check stores its expected value without showing it."""
    import hashlib
    import math

    import sympy as sp

    try:
        if isinstance(answer, (list, tuple, sp.MatrixBase)) or hasattr(answer, "shape"):
            matrix = sp.Matrix(answer)
            shape = f"{len(matrix)}" if 1 in matrix.shape else "x".join(map(str, matrix.shape))
            entries = list(matrix)
        else:
            shape, entries = "", [answer]
        rounded = ",".join(str(math.floor(float(sp.sympify(e)) * 1e6 + 0.5)) for e in entries)
    except (TypeError, ValueError, sp.SympifyError):
        return False
    return hashlib.sha256(f"{shape}|{rounded}".encode()).hexdigest()[:16] == digest


def _same_slope(answer, f, x) -> bool:
    """Whether an answer is df/dx, compared with f's central differences at a few points:
    a check of a derivative never writes the derivative out."""
    import sympy as sp

    got = _expression(answer)
    if got is None:
        return False
    got = got.xreplace({s: x for s in got.free_symbols if s.name == x.name})
    h = sp.Rational(1, 10**6)
    for point in (sp.Rational(7, 10), sp.Rational(13, 10), sp.Rational(21, 10)):
        slope = sp.N((f.subs(x, point + h) - f.subs(x, point - h)) / (2 * h), 30)
        try:
            value = complex(sp.N(got.subs(x, point), 30))
        except (TypeError, ValueError):
            return False
        if not abs(value - complex(slope)) <= 1e-8 * (1 + abs(complex(slope))):
            return False
    return True
