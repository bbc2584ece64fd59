"""Highlighted code kept across builds: .cache/book/highlighted.json.

pymdownx.highlight hands every code block of every build to Pygments, about 0.4 s of a
build's CPU, most of it lexing. The same code, lexer and formatter options make the same
HTML, so `remember` puts a `highlight` in its place that looks the HTML up first. The
lexer and formatter are still built as before: only their output is kept.
"""

from __future__ import annotations

from pathlib import Path

from pymdownx import highlight as pymdownx_highlight

from .memo import Memo, salt

PYGMENTS = pymdownx_highlight.highlight  # pygments.highlight, as pymdownx imported it
_memo: Memo | None = None  # this build's


def kind(thing) -> str:
    """A lexer, formatter or filter by its class and options."""
    options = sorted((key, repr(value)) for key, value in thing.options.items())
    return f"{type(thing).__module__}.{type(thing).__qualname__} {options}"


def highlight(code, lexer, formatter, outfile=None):
    """Pygments' HTML for this code, made by this build or kept from an earlier one."""
    if _memo is None or outfile is not None:
        return PYGMENTS(code, lexer, formatter, outfile)
    inputs = (code, kind(lexer), *map(kind, lexer.filters), kind(formatter))
    return _memo.get(inputs, lambda: PYGMENTS(code, lexer, formatter))


def remember(root: Path) -> Memo:
    """Keep this build's highlighted code; the caller closes the memo (Memo.close)."""
    global _memo
    _memo = Memo(root / ".cache" / "book" / "highlighted.json", salt(
        sources=("highlighting.py",), packages=("pygments", "pymdown-extensions")))
    pymdownx_highlight.highlight = highlight
    return _memo
