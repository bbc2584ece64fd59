"""What a formula says a value is a member of, or maps between: `x \\in \\mathbb{R}^m` and
`f : \\mathbb{R}^n \\to \\mathbb{R}^m`, against the snippet.

The relations of a formula are checked by formula_check.py; a membership (`\\in`) and a
signature (`:` ... `\\to`) are notation there, and here, where the sets are the reals, the
shapes they give are checked.
"""

from __future__ import annotations

import sympy as sp

from .tex_reader import Reader
from .tex_tokens import (
    COLONS,
    IGNORED_TOKENS,
    MAPS_TO,
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
# What ends the left side of a membership or a signature: `x \in ...` stands after these.
STOPS = {",", "&", r"\\", r"\quad", r"\qquad", r"\text", *RELATIONS, *NOTATION}


def number_set(tokens: list[str], i: int) -> tuple[str, list[list[str]], int] | None:
    """`\\mathbb{X}` at tokens[i] with its exponent: (X, the sizes' tokens, the index after
    it): `\\mathbb{R}` gives [], `\\mathbb{R}^m` [[m]], `\\mathbb{R}^{n \\times m}` [[n], [m]]."""
    if tokens[i:i + 2] != [r"\mathbb", "{"] or tokens[i + 3:i + 4] != ["}"]:
        return None
    letter, parts, end = tokens[i + 2], [], i + 4
    if tokens[end:end + 1] == ["^"]:
        braced = tokens[end + 1] == "{"
        label, end = ((tokens[end + 2:group_end(tokens, end + 1) - 1],
                       group_end(tokens, end + 1)) if braced else ([tokens[end + 1]], end + 2))
        cut = [k for k, t in top_level(label) if t == r"\times"]
        parts = [label[:cut[0]], label[cut[0] + 1:]] if cut else [label]
    return letter, parts, end


def sizes_of(parts: list[list[str]], ns: dict, symbols: dict) -> list | None:
    """The sizes a set's exponent names, as numbers or size letters; None if it names
    something else, or something the reader does not know."""
    try:
        sizes = [Reader(part, ns, symbols).read() for part in parts]
    except Exception:  # noqa: BLE001 - notation the reader does not know
        return None
    return sizes if all(s.is_number or isinstance(s, sp.Symbol) for s in sizes) else None


def not_a_set(letter: str) -> str:
    """The problem of a `\\mathbb{}` that names no set of numbers (a slip: `\\mathbb{A}`)."""
    return (f"`\\mathbb{{{letter}}}` is none of the book's sets of numbers "
            f"({', '.join(NUMBER_SETS)})")


def left_side(tokens: list[str]) -> list[str]:
    """What a membership or signature is about: the tokens before it, less spacing."""
    while tokens and (tokens[0] in IGNORED_TOKENS or tokens[0] == "\\"):  # `,\ A`; `\` + newline
        tokens = tokens[1:]
    return tokens


def unknown_name(value, ns: dict) -> bool:
    """A name the reader read as a fresh symbol: the snippet has no value of that name."""
    return isinstance(value, sp.Symbol) and value.name not in ns


def memberships(tex: str, ns: dict, symbols: dict) -> tuple[int, list[str]]:
    """`x \\in \\mathbb{R}`, `\\mathbf{x} \\in \\mathbb{R}^m`, `A \\in \\mathbb{R}^{n \\times m}`:
    (checked, problems) for the shapes they give the snippet's values: a scalar, a column of
    m entries, an n × m matrix; a size named by a letter the snippet leaves unknown is one
    size throughout the formula; a scalar is 1 × 1. A membership whose side cannot be read
    is notation, and not checked."""
    tokens = flatten(tokenize(tex))
    checked, problems, after = 0, [], 0
    for i, token in top_level(tokens):
        if token in STOPS and token != r"\in":
            after = i + 1
        found = number_set(tokens, i + 1) if token == r"\in" else None
        if not found:
            continue
        letter, parts, end = found
        if letter not in NUMBER_SETS:  # a slip: \mathbb{A} is no set of numbers
            checked += 1
            problems.append(not_a_set(letter))
            continue
        if letter != "R":
            continue
        left = left_side(tokens[after:i])
        try:
            value = Reader(left, ns, symbols).read()
        except Exception:  # noqa: BLE001 - notation the reader does not know
            continue
        sizes = sizes_of(parts, ns, symbols)
        if sizes is None:
            continue
        shape = (tuple(sizes) + (1,))[:2] if sizes else (1, 1)
        if unknown_name(value, ns):
            checked += 1
            problems.append(f"`{as_tex(left)}` is no name of the snippet: its membership "
                            f"in {as_tex(tokens[i + 1:end])} is compared with nothing")
            continue
        actual = value.shape if isinstance(value, sp.MatrixBase) else (1, 1)
        shape = tuple(size_meant(symbols, size, had) for size, had in zip(shape, actual))
        checked += 1
        if actual != shape:
            where = f"{as_tex(left)} \\in {as_tex(tokens[i + 1:end])}"
            problems.append(f"`{where}` does not hold: the snippet's value is {actual[0]} × "
                            f"{actual[1]}, and the set's members are {shape[0]} × {shape[1]}")
    return checked, problems


def signatures(tex: str, ns: dict, symbols: dict) -> tuple[int, list[str]]:
    """`f : \\mathbb{R}^n \\to \\mathbb{R}^m` (or `\\mathbb{R}` on either side): (checked,
    problems) for the snippet's f, which the check binds as a function with named inputs,
    `sp.Lambda((x_1, ..., x_n), outputs)`: n inputs, its outputs a column of m entries (one
    output: a scalar), and no other symbol in them. A signature between other sets
    (`(0, \\infty)`, `\\mathbb{C}`, matrices) is notation, not checked."""
    tokens = flatten(tokenize(tex))
    checked, problems, after, pending = 0, [], 0, None
    for i, token in top_level(tokens):
        if token in COLONS:
            pending = (left_side(tokens[after:i]), i)
        elif token in MAPS_TO and pending:
            (left, colon), pending = pending, None
            found = signature(left, tokens, colon, i, ns, symbols)
            checked, problems = checked + (found is not None), problems + (found or [])
        if token in STOPS:
            after = i + 1
    return checked, problems


def signature(left: list[str], tokens: list[str], colon: int, arrow: int, ns: dict,
              symbols: dict) -> list[str] | None:
    """The problems of one signature, `left : tokens[colon + 1:arrow] \\to ...`; None if it
    is not checked."""
    sets = number_set(tokens, colon + 1), number_set(tokens, arrow + 1)
    if None in sets or sets[0][2] != arrow:
        return None
    wrong = [not_a_set(s[0]) for s in sets if s[0] not in NUMBER_SETS]
    if wrong:
        return wrong
    if any(s[0] != "R" or len(s[1]) > 1 for s in sets):
        return None
    sizes = [sizes_of(s[1], ns, symbols) for s in sets]
    if None in sizes:
        return None
    where = as_tex(left + tokens[colon:sets[1][2]])
    try:
        value = Reader(left, ns, symbols).read()
    except Exception:  # noqa: BLE001 - notation the reader does not know
        return None
    if unknown_name(value, ns):
        return [f"`{as_tex(left)}` is no name of the snippet: its signature `{where}` is "
                "compared with nothing"]
    if not isinstance(value, sp.Lambda):
        return [f"`{where}`: the snippet's {as_tex(left)} is not a function with named "
                f"inputs but the {type(value).__name__} `{str(value)[:40]}`: bind it as "
                "`sp.Lambda((inputs), outputs)`"]
    outputs = value.expr.shape if isinstance(value.expr, sp.MatrixBase) else (1, 1)
    inputs = len(value.variables)
    meant = [size_meant(symbols, size[0], had) if size else 1
             for size, had in zip(sizes, (inputs, outputs[0]))]
    problems = []
    if inputs != meant[0]:
        problems.append(f"`{where}` does not hold: the snippet's {as_tex(left)} takes "
                        f"{inputs} inputs, not {meant[0]}")
    if outputs != (meant[1], 1):
        problems.append(f"`{where}` does not hold: the snippet's {as_tex(left)} gives "
                        f"{outputs[0]} × {outputs[1]} outputs, not a column of {meant[1]}")
    stray = value.expr.free_symbols - set(value.variables)
    if stray:
        problems.append(f"`{where}`: the outputs of the snippet's {as_tex(left)} depend on "
                        f"{', '.join(sorted(map(str, stray)))}, not among its inputs "
                        f"({', '.join(map(str, value.variables))})")
    return problems
