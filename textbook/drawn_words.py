"""The numbers in a figure's words: typed in a string of the snippet file, or formatted
from a value when the figure is drawn (drawn.py binds the first kind).

A drawn line is matched against the lines of the strings the file writes, read with
`ast` without running it: the literal text of each, with a gap for each value an f-string
formats into it (a value that is a literal, `f"{3}"`, is literal text, as are `"%d" % 3`,
`"{}".format(3)` and `str(3)`). A numeral of the line that falls in a string's literal
text is typed; one that falls in a gap is formatted. A line no string writes whole
(joined, concatenated, wrapped by Matplotlib) is typed where it shares a numeral with a
piece of a string: the piece inside the line, or the line inside the piece.
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass

from .prose_numbers import FIGURE, NUMERAL, blank

DOLLAR = re.compile(r"(?<!\\)\$")  # an unescaped dollar: math opens or closes
MATH = re.compile(r"(?<!\\)\$.*?(?<!\\)\$")  # a formula of a line with paired dollars
WORD = re.compile(r"[^\W\d_]")  # a letter


@dataclass(frozen=True)
class Written:
    """One line of a string the file writes: its literal texts, a value between each two."""

    chunks: tuple[str, ...]
    line: int  # of the file

    def gaps(self, text: str) -> list[tuple[int, int]] | None:
        """Where its values stand in `text`, if it writes `text`, else None (each literal
        text at its leftmost place, which finds a match whenever there is one)."""
        first, *middle, last = self.chunks if len(self.chunks) > 1 else (*self.chunks, None)
        if last is None:
            return [] if text == first else None
        end = len(text) - len(last)
        if not (text.startswith(first) and text.endswith(last) and len(first) <= end):
            return None
        gaps, at = [], len(first)
        for chunk in middle:
            found = text.find(chunk, at, end)
            if found < 0:
                return None
            gaps.append((at, found))
            at = found + len(chunk)
        return [*gaps, (at, end)]


def words(line: str) -> str:
    """A drawn line with its formulas and the figure's own number blanked, offsets kept."""
    if len(DOLLAR.findall(line)) % 2 == 0:
        line = MATH.sub(blank, line)
    return FIGURE.sub(blank, line)


def _literal(node: ast.AST) -> str | None:
    """The text of an expression that makes a string of literals alone: `"3"`, `str(3)`,
    `"%d" % 3`, `"{}".format(3)`; None for any other."""
    try:
        if isinstance(node, ast.Constant):
            return str(node.value)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            left, right = ast.literal_eval(node.left), ast.literal_eval(node.right)
            return left % right if isinstance(left, str) else None
        if isinstance(node, ast.Call):
            args = [ast.literal_eval(a) for a in node.args]
            kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
            if isinstance(node.func, ast.Name) and node.func.id == "str" and len(args) == 1:
                return str(args[0])
            if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
                template = ast.literal_eval(node.func.value)
                return template.format(*args, **kwargs) if isinstance(template, str) else None
    except (ValueError, TypeError, KeyError, IndexError, SyntaxError, RecursionError):
        return None
    return None


@functools.lru_cache(maxsize=256)
def strings(code: str) -> tuple[Written, ...]:
    """Each line of each string the file writes, docstrings aside."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return ()  # the run reports it
    docstrings = {id(body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef,
                                       ast.ClassDef)) and (body := node.body)
                  and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)}
    found = {}
    for node in ast.walk(tree):
        if id(node) in docstrings or isinstance(node, ast.Constant) and not isinstance(
                node.value, str):
            continue
        parts = node.values if isinstance(node, ast.JoinedStr) else [node]
        if not isinstance(node, ast.JoinedStr) and _literal(node) is None:
            continue
        lines = [[""]]  # each line: its literal texts, a value between each two
        for part in parts:
            value = getattr(part, "value", None) if isinstance(part, ast.FormattedValue) else part
            text = _literal(value) if value is not None else None
            if text is None:  # a value formatted when the figure is drawn
                lines[-1] += [""]
                continue
            first, *rest = text.split("\n")
            lines[-1][-1] += first
            lines += [[line] for line in rest]
        for chunks in lines:  # `\$` as the line holds it: `$` (see typed())
            chunks = tuple(chunk.replace("\\$", "$") for chunk in chunks)
            if any(chunks):
                found.setdefault(chunks, Written(chunks, node.lineno))
    return tuple(found.values())


def typed(line: str, code: str) -> tuple[list[str], int | None]:
    """The numerals in a drawn line's words that the file types in a string, not formats
    from a value, and the file's line that writes them (None if none or unknown)."""
    # Matplotlib draws a text that is not math with `\$` as `$`; the runner's renderer
    # records it escaped again. Line and strings are compared with `$` for either.
    escaped = [m.start() for m in re.finditer(r"\\\$", line)]
    keep = [i for i in range(len(line)) if i not in escaped]
    plain, seen = "".join(line[i] for i in keep), "".join(words(line)[i] for i in keep)
    found = list(NUMERAL.finditer(seen))
    if not found:
        return [], None

    def digits(n: re.Match) -> int:
        return n.start() + (n[0][0] in "+-")  # a sign typed before a value is no number

    # The strings that write the line whole: a literal, or an f-string with words of its
    # own (`f"mean {m:.2f} m"`; not `f"{a} {b}"`, which writes any line).
    readings = [([n[0] for n in found if not any(a <= digits(n) < b for a, b in gaps)],
                 written.line) for written in strings(code)
                if (gaps := written.gaps(plain)) is not None
                and (len(written.chunks) == 1 or WORD.search("".join(written.chunks)))]
    if readings:  # of them, the one typing most
        return max(readings, key=lambda reading: len(reading[0]))
    hits, at = set(), None  # a line built another way, or a piece of one
    for written in strings(code):
        for piece in written.chunks:
            numerals = {m.span() for m in NUMERAL.finditer(piece)}
            shifts = _places(piece, plain) if numerals else []  # the piece in the line
            if numerals and WORD.search(plain):  # the line in the piece
                shifts += [-at for at in _places(plain, piece)]
            new = {n.start() for n in found for s in shifts
                   if (n.start() - s, n.end() - s) in numerals}
            hits, at = hits | new, at if at or not new else written.line
    return [n[0] for n in found if n.start() in hits], at


def _places(needle: str, haystack: str) -> list[int]:
    return [m.start() for m in re.finditer(f"(?={re.escape(needle)})", haystack)] if needle else []
