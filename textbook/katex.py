"""Math: TeX to HTML with the pinned KaTeX package (katex_render.cjs), once per build."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

from .equation_refs import html_anchor
from .errors import BookError
from .executor import read_json, write_atomic

PACKAGE = Path(__file__).resolve().parent
KATEX = PACKAGE.parent / "node_modules" / "katex" / "dist"  # `npm ci` in the repository


HTML, TAG = '<span class="katex-html" aria-hidden="true">', '<span class="katex-tag">'


def numbered(math: str) -> str:
    """A numbered equation's formula in a box of its own (`eq-formula`), beside its number.

    KaTeX places the number over the right end of the line, where a long formula runs
    under it; with the formula in one box, book.css keeps the number beside it, or under it
    when both do not fit (a number is always the last child of KaTeX's HTML).
    """
    at = math.find(TAG)
    start = math.find(HTML)
    if at < 0 or start < 0:
        return math
    start += len(HTML)
    return (math[:start].replace('"katex-html"', '"katex-html eq-numbered"', 1)
            + f'<span class="eq-formula">{math[start:at]}</span>' + math[at:])


class Katex:
    """TeX to HTML through one Node.js process per build, with a disk cache."""

    def __init__(self, root: Path):
        self.root, self.file = root, root / ".cache" / "book" / "katex.json"
        self.cache: dict[str, dict] = read_json(self.file) or {}
        self.process: subprocess.Popen | None = None
        self.typeset = False  # whether this build typeset a formula the file does not hold

    def render(self, items: list[tuple[str, bool]]) -> list[dict]:
        """KaTeX's answer for each (TeX, display) item: {"html": ...} or {"error": ...}."""
        keys = [("D" if display else "I") + tex for tex, display in items]
        missing = sorted({k for k in keys if k not in self.cache})
        if missing:
            if self.process is None:
                if not (KATEX / "katex.min.js").is_file():
                    raise BookError("KaTeX is not installed: run `npm ci` in the repository root")
                self.process = subprocess.Popen(
                    ["node", str(PACKAGE / "katex_render.cjs")], cwd=self.root, text=True,
                    encoding="utf-8", stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            self.process.stdin.write(json.dumps([[k[1:], k[0] == "D"] for k in missing]) + "\n")
            self.process.stdin.flush()
            answers = json.loads(self.process.stdout.readline())
            for key, answer in zip(missing, answers):
                self.cache[key] = answer
                self.typeset = self.typeset or "html" in answer
        return [{"html": numbered(self.cache[k]["html"])} if "html" in self.cache[k]
                else self.cache[k] for k in keys]

    def close(self) -> None:
        """Stop Node.js and keep every typeset formula in the cache file."""
        if self.process is not None:
            self.process.stdin.close()
            self.process.wait(10)
            self.process = None
        # Every typeset formula stays (builds with and without execution share the file);
        # `make clean` empties it.
        if not self.typeset and self.file.is_file():
            return
        self.typeset = False
        good = {k: v for k, v in self.cache.items() if "html" in v}
        self.file.parent.mkdir(parents=True, exist_ok=True)  # a first build without execution
        write_atomic(self.file, json.dumps(good))


# Punctuation that stays on the line of the inline formula it touches (book.css .math-tail)
OPENING, CLOSING = re.compile(r"[(\[]$"), re.compile(r"[.,;:!?)\]]+|-\w+")
BASE, ENDS = '<span class="katex-base">', "</span></span>"  # a box; katex-html's and katex's


def last_box(math: str) -> str:
    """An inline formula's HTML with its last box in a span of its own (book.css
    .math-last): a line may break between its boxes, but not after the last one."""
    k = math.rfind(BASE)
    if k < 0 or not math.endswith(ENDS):
        return math
    return f'{math[:k]}<span class="math-last">{math[k:-len(ENDS)]}</span>{ENDS}'


def place(text: str, formulas: list[tuple[int, int, str, bool]],
          hold: Callable[[str], str] = str) -> str:
    """`text` with each formula's (start, end) replaced by its HTML (as `hold` gives it):
    a display formula in a box that scrolls it alone (.math-display), an inline one with
    the punctuation that touches it (.math-tail), which no line break may separate."""
    pieces, last, ids = [], 0, set()
    for start, end, math, display in formulas:
        before = not display and OPENING.search(text, last, start)
        after = not display and CLOSING.match(text, end)
        if before or after:
            start, end = before.start() if before else start, after.end() if after else end
            math = (f'<span class="math-tail">{before[0] if before else ""}'
                    f'{hold(last_box(math))}{after[0] if after else ""}</span>')
        elif display:
            id_ = html_anchor(math)  # a numbered one's, which equation_refs.py links to
            id_ = "" if id_ in ids else id_  # a number shown twice: the first is the target
            ids.add(id_)
            math = f'<div class="math-display"{id_}>{hold(math)}</div>'
        else:
            math = hold(math)
        pieces += [text[last:start], math]
        last = end
    return "".join(pieces) + text[last:]
