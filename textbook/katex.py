"""Math: TeX to HTML with the pinned KaTeX package (katex_render.cjs), once per build."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

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
        good = {k: v for k, v in self.cache.items() if "html" in v}
        self.file.parent.mkdir(parents=True, exist_ok=True)  # a first build without execution
        write_atomic(self.file, json.dumps(good))
