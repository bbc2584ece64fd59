"""The drawing of every figure, recorded: a changed figure fails the build until accepted.

`snippets/figures.json` maps each figure ("snippet.py:section:n") to a digest of its SVG's
structure: element by element, with ids dropped and coordinates rounded to 0.1 pt, so the
digest changes with what is drawn (a line width, a colour, a tick, a point), never with the
id prefixes of a build. `make figures` (BOOK_FIGURES=record) writes the file anew.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

FILE = "figures.json"
_IDS = re.compile(r'\s(?:id|xlink:href|href|clip-path)="[^"]*"|url\(#[^)]*\)')
_NUMBER = re.compile(r"-?\d+\.\d+")


def digest(svg: str) -> str:
    """A digest of what an SVG draws, blind to its ids and to float noise below 0.1."""
    text = _IDS.sub("", svg)
    text = _NUMBER.sub(lambda m: f"{float(m[0]):.1f}", text)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class FigureRecord:
    """The recorded digests, checked figure by figure during a build."""

    def __init__(self, snippets: Path, strict: bool):
        self.path = snippets / FILE
        self.recording = os.environ.get("BOOK_FIGURES") == "record"
        self.strict = strict and not self.recording
        self.recorded: dict[str, str] = {}
        if self.path.is_file():
            self.recorded = json.loads(self.path.read_text(encoding="utf-8"))
        self.seen: dict[str, str] = {}

    def check(self, key: str, svg: str) -> str | None:
        """None if this figure is drawn as recorded; else what differs and what to do."""
        self.seen[key] = actual = digest(svg)
        expected = self.recorded.get(key)
        if self.recording or expected == actual:
            return None
        what = ("is not recorded" if expected is None
                else f"is drawn differently from its record ({expected} -> {actual})")
        return (f"figure {key} {what} in snippets/{FILE}: look at it, and if the change "
                "is meant, run `make figures` to record it")

    def close(self) -> list[str]:
        """Write the record when recording; else the recorded figures no longer drawn."""
        if self.recording:
            text = json.dumps(dict(sorted(self.seen.items())), indent=1) + "\n"
            self.path.write_text(text, encoding="utf-8")
            return []
        return [f"figure {key} is recorded in snippets/{FILE} but no longer drawn: run "
                "`make figures`" for key in self.recorded if key not in self.seen]
