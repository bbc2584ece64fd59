"""The numbers in a figure's words: typed in a string of the snippet file, or formatted
from a value when the figure is drawn (drawn.py binds the first kind).

The strings a file writes are read with `ast`, without running it: each as its literal
text with a gap for each value formatted into it when it runs (an f-string's, `%`'s,
`.format()`'s, `str(x)`, a name joined or added). A literal in such a place is text:
`f"{3} knobs"`, `"%d knobs" % 3` and `"noise " + str(1)` type their numbers. A numeral of
a drawn line is typed if a digit of it stands in a string's literal text: of a string
that writes the line whole, or of a piece of one inside the line (or around it, as
Matplotlib wraps a long text). Strings in the file's DRAWN table and in asserts and
comparisons only name what is drawn; they write nothing.
"""

from __future__ import annotations

import ast
import functools
import re
import string
from dataclasses import dataclass

from .prose_numbers import FIGURE, NUMERAL, blank

DOLLAR = re.compile(r"(?<!\\)\$")  # an unescaped dollar: math opens or closes
MATH = re.compile(r"(?<!\\)\$.*?(?<!\\)\$")  # a formula of a line with paired dollars
WORD = re.compile(r"[^\W\d_]")  # a letter
OWN = re.compile(r"[^\W_]")  # a letter or a digit
# Keywords whose strings style a drawing and are never drawn (`color="0.5"`, `marker="1"`).
STYLE = {"color", "colors", "c", "fc", "ec", "facecolor", "facecolors", "edgecolor",
         "edgecolors", "marker", "linestyle", "linestyles", "ls", "cmap", "hatch", "ha",
         "va", "horizontalalignment", "verticalalignment", "loc", "fontsize", "size",
         "weight", "fontweight", "family", "arrowstyle", "boxstyle", "connectionstyle"}
PERCENT = re.compile(r"%(?:\((\w+)\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[diouxXeEfFgGcrsa%]")
WIDE = re.compile(r"\d{4}")  # a width or precision of 1000 or more: no literal text
GAP = None  # a value formatted when the file runs
TABLE = "DRAWN"  # the snippet file's table of what its figures draw (drawn.py)
TABLE_TEXT = {"cellText", "rowLabels", "colLabels"}  # what a Matplotlib table writes


@dataclass(frozen=True)
class Written:
    """One line of a string the file writes: its literal texts, a value between each two."""

    chunks: tuple[str, ...]
    line: int  # of the file

    def gaps(self, text: str) -> list[tuple[int, int]] | None:
        """Where its values stand in `text`, if it writes `text`, else None (each literal
        text at its leftmost place, which finds a match whenever there is one)."""
        if len(self.chunks) == 1:
            return [] if text == self.chunks[0] else None
        first, *middle, last = self.chunks
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


def _value(node: ast.AST):
    """A literal's value (`3`, `"3"`, `(1, "a")`), or GAP for anything else."""
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return GAP


def _formatted(value, spec: str) -> list:
    """A literal formatted into a string, as text; GAP for a value or a risky spec."""
    if value is GAP or WIDE.search(spec):
        return [GAP]
    try:
        return [spec % value if spec.startswith("%") else format(value, spec)]
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, MemoryError):
        return [GAP]


def _pieces(node: ast.AST) -> list | None:
    """A string expression as its literal texts and GAPs, or None if it makes no string."""
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        out = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                out += _pieces(part)
                continue
            spec = _pieces(part.format_spec) if part.format_spec else [""]
            literal = len(spec) == 1 and spec[0] is not GAP  # `:.2f`, not `:{width}`
            out += _formatted(_value(part.value), spec[0]) if literal else [GAP]
        return out
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _pieces(node.left), _pieces(node.right)
        return None if left is right is None else [*(left or [GAP]), *(right or [GAP])]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(
            node.left, ast.Constant) and isinstance(node.left.value, str):
        return _percent(node.left.value, node.right)
    if not isinstance(node, ast.Call) or node.keywords and not isinstance(
            node.func, ast.Attribute):
        return None
    if isinstance(node.func, ast.Name) and node.func.id == "str" and len(node.args) == 1:
        return _formatted(_value(node.args[0]), "")
    if not (isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)):
        return None
    template = node.func.value.value
    if node.func.attr == "join" and len(node.args) == 1:
        items = node.args[0]
        if not isinstance(items, (ast.List, ast.Tuple)):
            return [GAP]
        out = []
        for i, item in enumerate(items.elts):
            out += [template] * (i > 0) + (_pieces(item) or [GAP])
        return out
    if node.func.attr == "format":
        return _format(template, node)
    return None


def _percent(template: str, right: ast.AST) -> list:
    """`"%d knobs, %s" % (3, name)`: literal arguments as text, the others as GAPs."""
    args = right.elts if isinstance(right, ast.Tuple) else [right]
    keys = dict(zip((_value(k) for k in right.keys), right.values, strict=True)) if isinstance(
        right, ast.Dict) else {}
    out, at, index = [], 0, 0
    for match in PERCENT.finditer(template):
        out.append(template[at:match.start()])
        at = match.end()
        if match[0] == "%%":
            out.append("%")
            continue
        if "*" in match[0]:
            return [*out, GAP]  # a width given as an argument: the rest is not read
        if match[1]:
            arg = keys.get(match[1])
        else:
            arg, index = (args[index] if index < len(args) else None), index + 1
        spec = match[0].replace(f"({match[1]})", "") if match[1] else match[0]
        out += _formatted(_value(arg) if arg is not None else GAP, spec)
    return [*out, template[at:]]


def _format(template: str, call: ast.Call) -> list:
    """`"{} knobs, {}".format(3, x)`: literal arguments as text, the others as GAPs."""
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    out, index = [], 0
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:
        return [GAP]
    for text, name, spec, conversion in fields:
        out.append(text)
        if name is None:
            continue
        if name == "":
            name, index = str(index), index + 1
        arg = (call.args[int(name)] if name.isdigit() and int(name) < len(call.args)
               else keywords.get(name))
        plain = arg is not None and not conversion and "{" not in (spec or "")
        out += _formatted(_value(arg) if plain else GAP, spec or "")
    return out


def template(text: str) -> list | None:
    """A string as a template something fills later (`"{x:.0f} of 10"` given to a tick
    formatter, `fmt="%d of 10"`, a name later formatted): its literal texts, a GAP for each
    field; None if it has no field. Its own numbers are typed whoever fills it."""
    try:
        if any(name is not None for _, name, _, _ in string.Formatter().parse(text)):
            return _format(text, ast.Call(args=[], keywords=[]))
    except ValueError:
        pass
    if any(m[0] != "%%" for m in PERCENT.finditer(text)):
        return _percent(text, ast.Tuple(elts=[]))
    return None


def _ignores(node: ast.AST) -> bool:
    """Whether a node's strings write nothing: an assert or comparison (which names a
    label), the DRAWN table, a style's keyword."""
    return (isinstance(node, (ast.Assert, ast.Compare))
            or isinstance(node, ast.Assign) and any(
                getattr(t, "id", None) == TABLE for t in node.targets)
            or isinstance(node, ast.keyword) and node.arg in STYLE)


@functools.lru_cache(maxsize=256)
def parse(code: str) -> ast.Module | None:
    """The file's syntax tree, once per version of it (drawn.py reads its table from it);
    None if it is no Python (the run reports it)."""
    try:
        return ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


@functools.lru_cache(maxsize=256)
def strings(code: str) -> tuple[Written, ...]:
    """Each line of each string the file writes, at the first line of the file that writes
    it; docstrings and the strings of nodes that write nothing (_ignores) aside."""
    tree = parse(code)
    found, stack = {}, [(tree, False, False)] if tree else []
    while stack:
        node, ignored, cells = stack.pop()  # cells: inside a table's cells or labels
        ignored = ignored or _ignores(node)
        body = getattr(node, "body", None)
        docstring = body[0] if isinstance(body, list) and body and isinstance(
            body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) else None
        table = (node.args[:1] if isinstance(node, ast.Call) and getattr(
            node.func, "attr", getattr(node.func, "id", None)) == "table" else [])
        stack += [(child, ignored, cells or child in table or isinstance(
            child, ast.keyword) and child.arg in TABLE_TEXT)
            for child in ast.iter_child_nodes(node) if child is not docstring]
        # A table draws the numbers of its cells as they are written: `[[1, 0], [0, 1]]`.
        number = cells and isinstance(node, ast.Constant) and isinstance(
            node.value, (int, float)) and not isinstance(node.value, bool)
        pieces = None if ignored else [str(node.value)] if number else _pieces(node)
        if not pieces or all(piece is GAP for piece in pieces):
            continue
        # A literal with a field is read twice: as written, and as a template filled later.
        filled = template(node.value) if isinstance(node, ast.Constant) and isinstance(
            node.value, str) else None
        for reading in (pieces, filled) if filled else (pieces,):
            for chunks in _lines(reading):
                if any(chunks) and node.lineno < found.get(chunks, node.lineno + 1):
                    found[chunks] = node.lineno
    return tuple(Written(chunks, line) for chunks, line in found.items())


def _lines(pieces: list) -> list[tuple[str, ...]]:
    """A string's pieces as the lines it writes: each line's literal texts, a value between
    each two."""
    lines = [[""]]
    for piece in pieces:
        if piece is GAP:
            lines[-1] += [""] if lines[-1][-1] or len(lines[-1]) == 1 else []
            continue
        first, *rest = piece.replace("\\$", "$").split("\n")  # `\$` as drawn: `$`
        lines[-1][-1] += first
        lines += [[line] for line in rest]
    return [tuple(line) for line in lines]


@functools.lru_cache(maxsize=4096)
def typed(line: str, code: str) -> tuple[tuple[str, ...], int | None]:
    """The numerals in a drawn line's words that the file types in a string, not formats
    from a value (only their typed digits), and the file's line that writes them (None if
    none, or unknown)."""
    # Matplotlib draws a text that is not math with `\$` as `$`; the runner's renderer
    # records it escaped again. Line and strings are compared with `$` for either.
    escaped = {m.start() for m in re.finditer(r"\\\$", line)}
    keep = [i for i in range(len(line)) if i not in escaped]
    shown = words(line)
    plain, seen = "".join(line[i] for i in keep), "".join(shown[i] for i in keep)
    found = list(NUMERAL.finditer(seen))
    if not found:
        return (), None
    # The strings that write the line whole: a literal, or one with words or digits of
    # its own (`f"mean {m:.2f} m"`; not `f"{a} {b}"`, which writes any line); of them,
    # the one typing most. And the pieces with words of strings written another way, in the
    # line or around it.
    readings = [(written, gaps) for written in strings(code)
                if (gaps := written.gaps(plain)) is not None
                and (len(written.chunks) == 1 or OWN.search("".join(written.chunks)))]
    typed_at: dict[int, int] = {}  # a typed digit's place: the file's line that types it
    for written, gaps in readings:
        digits = {i: written.line for n in found for i in range(*n.span())
                  if seen[i].isdigit() and not any(a <= i < b for a, b in gaps)}
        typed_at = max(typed_at, digits, key=len)
    for written in strings(code):
        for piece in written.chunks:
            spans = _numerals(piece) if WORD.search(piece) else []  # "0.5" alone: no words
            shifts = [*_places(piece, plain), *(-at for at in _places(plain, piece))] \
                if spans and WORD.search(plain) else []
            for n, shift in ((n, shift) for n in found for shift in shifts):
                if (n.start() - shift, n.end() - shift) in spans:
                    typed_at.update({i: written.line for i in range(*n.span())
                                     if seen[i].isdigit() and i not in typed_at})
    numbers = []
    for n in found:  # each typed numeral, from its first typed digit (and a sign before it)
        kept = [i for i in range(*n.span()) if i in typed_at]
        if kept:
            first = kept[0] - (kept[0] > n.start() and seen[kept[0] - 1] in "+-")
            numbers.append(seen[first:kept[-1] + 1])
    return tuple(dict.fromkeys(numbers)), min(typed_at.values(), default=None)


@functools.lru_cache(maxsize=4096)
def _numerals(piece: str) -> list[tuple[int, int]]:
    return [m.span() for m in NUMERAL.finditer(piece)]


def _places(needle: str, haystack: str) -> list[int]:
    """Where `needle` starts in `haystack`, overlaps included."""
    places, at = [], haystack.find(needle) if needle else -1
    while at >= 0:
        places.append(at)
        at = haystack.find(needle, at + 1)
    return places
