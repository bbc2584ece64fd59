"""What a formula says a value is a member of: `x \\in \\mathbb{R}^m` against the snippet.

The relations of a formula are checked by formula_check.py; a membership (`\\in`) is
notation there, and here, where its set is the reals, the shape it gives is checked.
"""

from __future__ import annotations

import sympy as sp

from .tex_reader import Reader
from .tex_tokens import (
    IGNORED_TOKENS,
    NOTATION,
    RELATIONS,
    as_tex,
    flatten,
    group_end,
    tokenize,
    top_level,
)
from .tex_values import size_meant

NUMBER_SETS = ("N", "Z", "Q", "R", "C", "F")  # F: any field, as the book's vector spaces
# What ends the left side of a membership: `x \in ...` stands after these.
STOPS = {",", "&", r"\\", r"\quad", r"\qquad", r"\text", *RELATIONS, *NOTATION}


def memberships(tex: str, ns: dict, symbols: dict) -> tuple[int, list[str]]:
    """`x \\in \\mathbb{R}`, `\\mathbf{x} \\in \\mathbb{R}^m`, `A \\in \\mathbb{R}^{n \\times m}`:
    (checked, problems) for the shapes they give the snippet's values: a scalar, a column of
    m entries, an n × m matrix; a size named by a letter the snippet leaves unknown is one
    size throughout the formula. A membership is notation: one whose side cannot be read,
    or whose value is no matrix where a vector is named, is read as such and not
    checked."""
    tokens = flatten(tokenize(tex))
    checked, problems, after = 0, [], 0
    for i, token in top_level(tokens):
        if token in STOPS and token != r"\in":
            after = i + 1
        if token != r"\in" or tokens[i + 1:i + 3] != [r"\mathbb", "{"]:
            continue
        if tokens[i + 3] not in NUMBER_SETS:  # a slip: \mathbb{A} is no set of numbers
            checked += 1
            problems.append(f"`\\mathbb{{{tokens[i + 3]}}}` is none of the book's sets of "
                            f"numbers ({', '.join(NUMBER_SETS)})")
            continue
        if tokens[i + 3:i + 5] != ["R", "}"]:
            continue
        left, parts, end = tokens[after:i], [], i + 5  # end: just after the set
        while left and (left[0] in IGNORED_TOKENS or left[0] == "\\"):  # `,\ A`; `\` + newline
            left = left[1:]
        if tokens[end:end + 1] == ["^"]:
            braced = tokens[end + 1] == "{"
            label, end = ((tokens[end + 2:group_end(tokens, end + 1) - 1],
                           group_end(tokens, end + 1)) if braced else ([tokens[end + 1]], end + 2))
            cut = [k for k, t in top_level(label) if t == r"\times"]
            parts = [label[:cut[0]], label[cut[0] + 1:]] if cut else [label]
        try:
            value = Reader(left, ns, symbols).read()
            sizes = [Reader(part, ns, symbols).read() for part in parts]
        except Exception:  # noqa: BLE001 - notation the reader does not know
            continue
        if not all(size.is_number or isinstance(size, sp.Symbol) for size in sizes):
            continue
        shape = (tuple(sizes) + (1,))[:2] if sizes else (1, 1)
        if isinstance(value, sp.Symbol) and value.name not in ns:
            checked += 1
            problems.append(f"`{as_tex(left)}` is no name of the snippet: its membership "
                            f"in {as_tex(tokens[i + 1:end])} is compared with nothing")
            continue
        if not isinstance(value, sp.MatrixBase) and shape != (1, 1):
            continue  # a scalar of the snippet where a vector is named: no array to measure
        actual = value.shape if isinstance(value, sp.MatrixBase) else (1, 1)
        shape = tuple(size_meant(symbols, size, had) for size, had in zip(shape, actual))
        checked += 1
        if actual != shape:
            where = f"{as_tex(left)} \\in {as_tex(tokens[i + 1:end])}"
            problems.append(f"`{where}` does not hold: the snippet's value is {actual[0]} × "
                            f"{actual[1]}, and the set's members are {shape[0]} × {shape[1]}")
    return checked, problems
