"""SymPy values for the TeX reader: the snippet's variables by name, calls and products."""

from __future__ import annotations

import sympy as sp

from .tex_tokens import TexError, top_level

# A comma between the elements of a `(a, b)`, `[a, b]` or `\langle a, b \rangle` group,
# or between a call's arguments: the reader keeps it as this token, and drops other commas
# (in a subscript, `A_{1,2}`) as it drops the spacing `\,`.
COMMA = r"\bookcomma"
OPENERS = {"(": ")", "[": "]", r"\langle": r"\rangle", "{": "}", r"\{": r"\}"}


def element_commas(tokens: list[str]) -> list[str]:
    """The tokens, with each comma directly inside a (...), [...] or \\langle...\\rangle
    group as COMMA."""
    out, opened = [], []
    for token in tokens:
        if token in OPENERS:
            opened.append(token)
        elif opened and token in OPENERS.values():
            opened.pop()
        separates = token == "," and opened and opened[-1] in ("(", "[", r"\langle")
        out.append(COMMA if separates else token)
    return out


def split_commas(tokens: list[str]):
    """(start, end) of each element of a group's tokens, between its COMMAs."""
    bounds, last = [], 0
    for i, t in top_level(tokens):
        if t == COMMA:
            bounds.append((last, i))
            last = i + 1
    bounds.append((last, len(tokens)))
    return bounds


def lookup(ns: dict, names: list[str]):
    """The snippet's value for the first of `names` it defines, as SymPy."""
    for name in names:
        if name in ns and not name.startswith("__"):
            return to_sympy(ns[name])
    return None


def to_sympy(value):
    import numpy as np

    if isinstance(value, np.ndarray):
        return sp.Matrix(value.tolist()) if value.ndim else sp.sympify(value.item())
    if isinstance(value, (list, tuple)) and value and all(
            isinstance(v, (int, float, sp.Basic, list, tuple)) for v in value):
        return sp.Matrix(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, np.integer, np.floating)):
        return sp.nsimplify(value) if isinstance(value, (int, np.integer)) else sp.Float(value)
    return value


def as_matrix(value):
    if isinstance(value, sp.MatrixBase):
        return value
    return None


def index_sizes(matrix, indices) -> tuple[int, ...]:
    """How far each index of `v_j` or `A_{ij}` runs in the snippet's array: a vector's
    length, or a matrix's rows and columns (from 1)."""
    return matrix.shape if len(indices) == 2 else (max(matrix.shape),)


def size_meant(symbols: dict, said, actual: int):
    """What a size written in a formula (a brace's `n \\times m`, `\\mathbb{R}^n`) stands
    for: a number itself; a letter the snippet leaves unknown, the size it was first given
    in the formula (this one, if it is the first; its uses are counted)."""
    if not isinstance(said, sp.Symbol):
        return said
    symbols[("size uses", said.name)] = symbols.get(("size uses", said.name), 0) + 1
    return symbols.setdefault(("size", said.name), sp.Integer(actual))


def unchecked_sizes(symbols: dict) -> list[str]:
    """The size letters a formula names once and the snippet gives no number: compared
    with nothing, they would pass whatever they say."""
    return sorted(key[1] for key, uses in symbols.items()
                  if isinstance(key, tuple) and key[0] == "size uses" and uses == 1)


def callable_value(value, base: str, ns: dict) -> bool:
    if isinstance(value, sp.Lambda) or isinstance(value, type) and issubclass(value, sp.Function):
        return True
    if callable(value) and not isinstance(value, sp.Basic):
        return True
    if isinstance(value, sp.Expr) and value.free_symbols and not isinstance(value, sp.Symbol):
        return True
    if isinstance(value, sp.Symbol) and base in ("f", "g", "h") and base not in ns:
        return True
    return False


def call(value, args, base: str):
    if isinstance(value, sp.Symbol):
        return sp.Function(base)(*args)
    if isinstance(value, sp.Expr) and not isinstance(value, sp.Lambda):
        free = sorted(value.free_symbols, key=lambda s: s.name)
        if len(free) != len(args):
            raise TexError(f"`{base}` of {len(args)} arguments, but the snippet's {base} has "
                           f"free symbols {free}")
        return value.subs(dict(zip(free, args)), simultaneous=True)
    return to_sympy(value(*args))


def derivative_of(value):
    """`f'`: the derivative of a snippet's function or expression of one variable."""
    if isinstance(value, sp.Symbol):  # `A'_{37}` for a name the snippet does not define
        raise TexError(f"a prime on {value}, which is no function or expression of the snippet")
    free = sorted(value.free_symbols, key=lambda s: s.name) if isinstance(value, sp.Expr) else []
    if isinstance(value, sp.Lambda):
        return sp.Lambda(value.variables, sp.diff(value.expr, value.variables[0]))
    if len(free) != 1:
        raise TexError(f"a prime on {value}, which has free symbols {free}")
    return sp.diff(value, free[0])


def multiply(a, b):
    if isinstance(a, sp.MatrixBase) and isinstance(b, sp.MatrixBase):
        if a.shape[1] != b.shape[0] and a.shape == b.shape and 1 in a.shape:
            return a.dot(b)  # two vectors side by side: their dot product
        return a * b
    return a * b
