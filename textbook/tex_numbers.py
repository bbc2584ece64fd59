"""Numbers as a formula writes them, and how closely each must agree with its value.

A number written with decimals (`1.69`, `-0.5`, `1.175 \\times 10^{-38}`) or after
`\\approx` is rounded: it agrees to its last digit, whose unit is 10^e in
`m \\times 10^{e}`, 1/100 in `m\\%` and pi/180 in `m^\\circ` (an angle is read in
radians). One written exactly (`22`, `\\frac{1}{2}`) agrees exactly.
"""

from __future__ import annotations

import re

from .tex_tokens import group_end

DECIMALS = re.compile(r"\d+\.(\d+)")
NUMBER = re.compile(r"\d+(?:\.\d+)?")  # a number as the tokenizer cuts it
SCIENTIFIC = [r"\times", "10", "^"]  # after m in `m \times 10^{e}`


def leading_number(side: list[str]) -> list[str]:
    """A side without its sign and the braces around all of it (a produced value's LaTeX)."""
    while side[:1] == ["{"] and group_end(side, 0) == len(side):
        side = side[1:-1]
    return side[1:] if side[:1] in (["-"], ["+"]) else side


DEGREES = (["^", r"\circ"], ["^", "{", r"\circ", "}"])  # `58.8^\circ`, read in radians


def written_number(side: list[str]) -> list[str] | None:
    """A side that is a number alone, as tokens without its sign: `0.7071`, `22`, `30\\%`,
    `58.8^\\circ`, `1.175 \\times 10^{-38}`; None for any other side."""
    body = leading_number(side)
    if body and NUMBER.fullmatch(body[0]) and (
            len(body) == 1 or body[1:4] == SCIENTIFIC or body[1:] == [r"\%"]
            or body[1:] in DEGREES):
        return body
    return None


def rounded_number(side: list[str]) -> bool:
    """Whether a side is a number written rounded: with decimals (`0.7071`, `-1.5`,
    `1.175 \\times 10^{-38}`), or a list of two or more numbers all written to the same
    decimals (`(0.87, -0.33)`, `[0.87, -0.33]^T`; not `(0.5, 1)`, whose 1 is exact)."""
    body = written_number(side)
    if body is not None:
        return "." in body[0]
    side = [t for t in side if t not in (r"\left", r"\right")]
    if side[-2:] == ["^", "T"]:
        side = side[:-2]
    if side[:1] not in (["("], ["["]) or side[-1:] != [{"(": ")", "[": "]"}[side[0]]]:
        return False
    entries, entry = [], []
    for token in [*side[1:-1], ","]:
        if token != ",":
            entry.append(token)
            continue
        number = leading_number(entry)
        if len(number) != 1 or not NUMBER.fullmatch(number[0]):
            return False  # an entry that is not a number alone: `(2 - 0.5)`, `[x, 1]`
        entries.append(number[0])
        entry = []
    decimals = {len(DECIMALS.fullmatch(n)[1]) if "." in n else 0 for n in entries}
    return len(entries) > 1 and len(decimals) == 1 and 0 not in decimals


def tolerance(relation: str, *sides: list[str]) -> float:
    """How closely two sides must agree, in units of a rounded side's leading number (see
    magnitude()): to the last digit shown where a side is a rounded number, or where the
    relation is `\\approx` (to the units for `\\approx 15`), else exactly (a decimal inside
    an expression, as in `0.1^{38}`, is the exact number written)."""
    if not (relation == "≈" or any(rounded_number(side) for side in sides)):
        return 0.0
    shown = [len(m) for side in sides for t in side for m in DECIMALS.findall(t)]
    if shown:
        return 0.51 * 10 ** -max(shown)
    return 0.51 if relation == "≈" and any(t.isdigit() for s in sides for t in s) else 0.0


def magnitude(*sides: tuple[list[str], object]) -> float:
    """What one unit of the last digit is worth: 10^e for a side written `m \\times 10^{e}`,
    1/100 for `m\\%`, pi/180 for `m^\\circ` (its value over its leading number m), else 1."""
    for side, value in sides:
        body = written_number(side)
        if body and len(body) > 1 and float(body[0]) and value is not None:
            try:
                return abs(float(value) / float(body[0]))
            except (TypeError, ValueError):
                return 1.0
    return 1.0
