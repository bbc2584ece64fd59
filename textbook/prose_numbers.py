"""Numbers in a chapter's text: each is a result, bound like an equation, or a reference.

A number a reader sees in the prose ("its rank is 1", "30% of them") is a result as much
as one in a formula, so it is written as a formula and bound like one: produced
(`$\\computed{file.py:name}$`), checked (`$1 % check: file.py:rank$`) or declared
(`$0 % declared: Python's first index$`). What may stay in the words is a number that
names a place or a thing: a list marker, a section, equation, footnote or exercise
number (§2.3, eq. (19), footnote 6, axioms 1, 4 and 3, row 2, column 3), a number in a
name (Machine Learning 1, CC BY-SA 4.0) or inside a quotation.
"""

from __future__ import annotations

import re

from .tex_numbers import NUMBER, SCIENTIFIC
from .tex_tokens import IGNORED_TOKENS, group_end, tokenize

# --- Inline formulas that state a number --------------------------------------------

# What a formula of numbers alone is written with: digits, signs, powers, factorials,
# fractions and roots, intervals, lists and their transposes, a percent sign, scientific
# notation (`1.2 \times 10^{-38}`); or a shape alone (`2 \times 3`, `N \times M`).
NUMBER_TOKENS = {"+", "-", "/", "^", "!", "(", ")", "[", "]", "{", "}", ",", r"\%", r"\frac",
                 r"\tfrac", r"\dfrac", r"\sqrt", r"\infty", r"\pi", r"\left", r"\right",
                 *IGNORED_TOKENS}


SIZE = re.compile(r"\d+|[A-Za-z]")  # one side of a shape: `2`, `N`


def states_number(tex: str) -> bool:
    """Whether an inline formula is a number (or an interval, a list of numbers, a shape)
    alone: a result the text states, like a relation; TexError if it cannot be read."""
    tokens = [t for t in tokenize(tex) if t not in IGNORED_TOKENS]
    if len(tokens) == 3 and tokens[1] == r"\times" and all(
            SIZE.fullmatch(size) for size in tokens[::2]):
        return True  # a shape, `2 \times 3` or `N \times M`: a matrix's, or a definition
    # \times only in `1.2 \times 10^{-38}`, a letter only in a transpose, `[2, -1]^T`.
    allowed = {i for i, t in enumerate(tokens)
               if tokens[i:i + 3] == SCIENTIFIC
               or t == "T" and tokens[i - 1:i] == ["^"]}
    return (any(NUMBER.fullmatch(t) for t in tokens)
            and all(NUMBER.fullmatch(t) or t in NUMBER_TOKENS or i in allowed
                    for i, t in enumerate(tokens)))


# Where a numeral inside a larger formula names a thing instead of stating a value: an
# index (`x_1`, `A_{13}`, `x^{(2)}`), a sum's lower limit 0 or 1 (`\sum_{i=1}`), a space's
# dimension (`\mathbb{R}^3`), a matrix's inverse (`A^{-1}`), a derivative's order
# (`\partial^2`, `\frac{d^2 y}{dx^2}`), the zero or ones vector (`\mathbf{0}`), an index
# range (`1, 2, \dots, n`).
# Anywhere else it states a value (`$12x^3$`, `$60^\circ$`): a coefficient, a power, a
# constant, an angle, a sum's upper limit, a log's base, a bound, a limit point, a decimal
# subscript (`p_{0.5}`), a number in `\text{}`.
SUMS = {r"\sum", r"\prod"}
READ_SCRIPTS = {r"\log", r"\int", r"\lim", r"\max", r"\min", r"\sup", r"\inf"}
ORDERS = {r"\partial", r"\nabla"}
BOLD = {r"\mathbf", r"\boldsymbol", r"\bm", r"\vec", r"\mathbb"}
DOTS = {r"\dots", r"\ldots", r"\cdots"}


def holds_numeral(tex: str) -> bool:
    """Whether a formula holds a numeral that states a value (see above): the formula
    is then a result or a given, bound like a number alone; TexError if unreadable."""
    return _holds([t for t in tokenize(tex)
                   if t not in IGNORED_TOKENS and t not in (r"\limits", r"\nolimits")])


def _holds(tokens: list[str]) -> bool:
    i, base = 0, ""  # base: what the scripts at i belong to
    orders = _leibniz_orders(tokens)
    while i < len(tokens):
        token = tokens[i]
        if token in ("_", "^") and i + 1 < len(tokens):
            end = group_end(tokens, i + 1) if tokens[i + 1] == "{" else i + 2
            script = tokens[i + 1:end]
            if i not in orders and not _names(token, base, script) and _holds(script):
                return True
            i = end
            continue
        if token in BOLD and i + 1 < len(tokens):
            end = group_end(tokens, i + 1) if tokens[i + 1] == "{" else i + 2
            inside = [t for t in tokens[i + 1:end] if t not in ("{", "}")]
            if token != r"\mathbb" and inside not in (["0"], ["1"]) and _holds(inside):
                return True
            i, base = end, token
            continue
        if token.startswith((r"\text", r"\mbox")) and re.search(r"\d", token):
            return True
        if NUMBER.fullmatch(token):
            j = _range_end(tokens, i)
            if j == i:
                return True
            i = j
            continue
        i, base = i + 1, token
    return False


FRACTIONS = {r"\frac", r"\dfrac", r"\tfrac"}


def _leibniz_orders(tokens: list[str]) -> set[int]:
    """Where a `^` gives a derivative's order in Leibniz's notation: on the `d` opening a
    fraction's numerator, and on a variable after a `d` in its denominator
    (`\\frac{d^2 y}{dx^2}`, `\\frac{d^{3}}{dt^{3}} f`); not a power of a variable `d`."""
    orders = set()
    for i, token in enumerate(tokens):
        if token in FRACTIONS and tokens[i + 1:i + 4] == ["{", "d", "^"]:
            middle = group_end(tokens, i + 1) or len(tokens)  # None: left open
            end = group_end(tokens, middle) if tokens[middle:middle + 1] == ["{"] else None
            below = [k for k in range(middle + 2, end or 0)
                     if tokens[k] == "^" and tokens[k - 2] == "d"]
            orders |= {i + 3, *below} if below else set()
    return orders


def _names(kind: str, base: str, script: list[str]) -> bool:
    """Whether a script's numerals name things: see above."""
    numerals = [t for t in script if NUMBER.fullmatch(t)]
    if kind == "_":
        if base in SUMS:
            return set(numerals) <= {"0", "1"}
        return base not in READ_SCRIPTS and not any("." in n for n in numerals)
    return (base == r"\mathbb" or base in ORDERS or script[:2] == ["{", "("]
            or script == ["{", "-", "1", "}"] and (base in BOLD or base.isupper()))


def _range_end(tokens: list[str], i: int) -> int:
    """Past an index range's whole numbers from 0 or 1, `1, 2, \\dots`; else i."""
    numbers, j = [], i
    while j + 1 < len(tokens) and tokens[j].isdigit() and tokens[j + 1] == ",":
        numbers, j = [*numbers, int(tokens[j])], j + 2
    starts = numbers and numbers[0] in (0, 1)
    steps = numbers == list(range(numbers[0], numbers[0] + len(numbers))) if starts else False
    return j if starts and steps and j < len(tokens) and tokens[j] in DOTS else i


# --- Numbers in the words -----------------------------------------------------------

# A numeral: with its sign, decimals and percent sign, in scientific notation (`1e-3`), or
# opening a word (`10x`, `100k`, `2x2`); not inside a name (`float32`, `x2`), not an ordinal
# (`2nd`, a place as `row 2` is) and not the 2D or 3D of a drawing.
VALUE = re.compile(r"[+-]?\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?")  # a numeral's number
NUMERAL = re.compile(rf"(?<![\w.,-])(?![23]D\b){VALUE.pattern}"
                     r"(?:%|(?!(?:st|nd|rd|th)\b)[^\W\d_]\w*)?(?!\w)|(?<=\w-)\d+(?!\w)")
# What is not prose: each is blanked before numerals are looked for.
COMMENT = re.compile(r"<!--.*?-->", re.S)  # comments (and the book's markers)
NOT_PROSE = [
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # a link's target
    re.compile(r"^\s*\[[^\]]+\]:.*$", re.M),  # a reference link's definition
    re.compile(r"\[\^[^\]]+\]"),  # a footnote's label
    re.compile(r"\{\s*[#.][^}\n]*\}"),  # attribute lists, { #id } and { .class }
    re.compile(r"</?[a-zA-Z][^>\n]*>"),  # HTML tags
    re.compile(r"\"(?:[^\"\n]|\n(?![ \t]*\n))*\"|“[^”]*”"),  # quotations: somebody's words
    re.compile(r"^[ \t]*(?:[-*+][ \t]+)?\d+[.)][ \t]", re.M),  # list markers
    re.compile(r"^[ \t]*\|[ \t]*\d+(?:[–-]\d+)?[ \t]*(?=\|)", re.M),  # a table's numbering
    re.compile(r"(?:^|(?<=[:,;] )|(?<=\band )|(?<=\*\*))\d+\)", re.M),  # in a sentence: 1) ... 2)
    re.compile(r"\(\d+[a-z]?\)"),  # equation numbers: (19), –(13), (19b)
]
NUMBERS = r"\d+(?:\.\d+)*[a-z]?(?:(?:,\s*|\s+(?:and|or|to)\s+|\s*[–-]\s*)\d+(?:\.\d+)*[a-z]?)*"
# A number after a word that names a numbered place: §2.3, footnote 6, row 2, column 3.
PLACES = ("eq", "eqs", "equation", "equations", "section", "sections", "chapter", "part",
          "definition", "theorem", "lemma", "exercise", "exercises", "answer", "answers",
          "example", "figure", "table", "footnote", "footnotes", "axiom", "axioms", "line",
          "lines", "step", "steps", "page", "pages", "row", "column", "position", "version",
          "item", "case")
PLACE = re.compile(rf"(?:§\s*|\b(?:{'|'.join(PLACES)})\.?\s+){NUMBERS}", re.I)
# A number in a name: after a capitalised word within a sentence (`Learning 1`,
# `BY-SA 4.0`); the word stays, the number is blanked.
NAME = re.compile(r"(?<=[\w,;)\]'\"’])(\s[A-Z][\w-]*[ \t]+)(\d+(?:\.\d+)*)(?!\w)")
PARAGRAPHS = re.compile(r"(\n[ \t]*\n)")  # a blank line, kept by split() as a part


NOT_NEWLINE = re.compile(r"[^\n]")


def blank(match: re.Match, fill: str = " ") -> str:
    """The matched text as spaces (or `fill`) and newlines: offsets and lines stay where
    they were (equations.py blanks code and formulas with it too)."""
    return NOT_NEWLINE.sub(fill, match[0])


def numerals(prose: str) -> list[tuple[int, str]]:
    """(line, numeral) of every number in the words of `prose`, a chapter with its code
    and formulas already blanked (equations.outside_code, then DISPLAY and INLINE). Only
    the paragraphs that hold a digit are read closely: after the blanking, few do."""
    if not NUMERAL.search(prose):
        return []
    prose = COMMENT.sub(blank, prose)
    found, offset = [], 0
    for part in PARAGRAPHS.split(prose):  # paragraphs and the blank lines between them
        if NUMERAL.search(part):
            for pattern in NOT_PROSE:
                part = pattern.sub(blank, part)
            part = PLACE.sub(blank, part)
            part = NAME.sub(lambda m: m[1] + " " * len(m[2]), part)
            found += [(prose.count("\n", 0, offset + m.start()) + 1, m[0])
                      for m in NUMERAL.finditer(part)]
        offset += len(part)
    return found


FIGURE = re.compile(r"\b(?:figure|fig\.)\s*\d+", re.I)


def alt_numerals(alt: str) -> list[tuple[int, str]]:
    """(1, numeral) of every number in the words of a figure's alt text (its formulas
    blanked). They describe a drawing, so only the figure's own number (`Figure 1`) is a
    place: "a line 2 units up", "position 4.5", a title quoted are results."""
    return [(1, match[0]) for match in NUMERAL.finditer(FIGURE.sub(blank, alt))]


def problems(page: str, found: list[tuple[int, str]], first: int = 1,
             place: str = "text") -> list[str]:
    """Messages for the numbers `found` (numerals(), alt_numerals()) in the words of a
    chapter, or of another text of it (`place`) whose first line is the chapter's `first`."""
    return [f"docs/{page}:{line + first - 1}: the number {numeral} in the {place} is neither "
            "a formula nor "
            "a place (§, eq., footnote, row ...): write it as a formula, produced, checked "
            f"or declared (`${as_tex(numeral)} % check: file.py:name$`); see "
            "CONTRIBUTING.md, 'Numbers in the text'" for line, numeral in found]


def as_tex(numeral: str) -> str:
    """A numeral's number as the book's TeX writes it: `1e-3` is `1 \\times 10^{-3}`."""
    mantissa, _, power = VALUE.match(numeral)[0].lower().partition("e")
    return f"{mantissa} \\times 10^{{{int(power)}}}" if power else mantissa

