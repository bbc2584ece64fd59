"""Dead links name their line: MkDocs' warning about a page's link names only the page.

A filter on MkDocs' `mkdocs.structure.pages` logger puts `docs/<page>:<line>: ` before
each such warning: the line of the page's Markdown that writes the link (MkDocs warns once
for each time a page writes a dead link, in the page's order, so the second same warning
names the second such line). The warning stays MkDocs' own, so `strict` and the
`validation:` levels of mkdocs.yml decide what it does, as before.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

WARNING = re.compile(r"^Doc file '(?P<page>[^']+)' contains "
                     r"(?:a|an absolute|an unrecognized relative) link '(?P<link>[^']+)'")


def link_lines(text: str, link: str) -> list[int]:
    """The lines of a page that write this link target: (link), <link>, "link", ]: link."""
    written = re.compile(r"(?:^|[\s(<\"'])" + re.escape(link) + r"(?:$|[\s)>\"'])")
    return [n for n, line in enumerate(text.splitlines(), 1) if written.search(line)]


class LinkLines(logging.Filter):
    """Adds the page's line to MkDocs' warnings about links (a filter only rewrites)."""

    def __init__(self) -> None:
        super().__init__()
        self.docs: Path | None = None  # the docs folder,
        self.name_as = "docs"  # and how messages name it
        self.seen: dict[str, int] = {}  # each warning of this build: how many times so far

    def filter(self, record: logging.LogRecord) -> bool:
        match = WARNING.match(record.getMessage()) if self.docs else None
        page = self.docs / match["page"] if match else None
        if page is None or not page.is_file():
            return True
        lines = link_lines(page.read_text(encoding="utf-8", errors="replace"), match["link"])
        if lines:
            message = record.getMessage()
            times = self.seen[message] = self.seen.get(message, 0) + 1
            line = lines[min(times, len(lines)) - 1]
            record.msg, record.args = f"{self.name_as}/{match['page']}:{line}: {message}", ()
        return True


LINK_LINES = LinkLines()


def name_link_lines(docs: Path, root: Path) -> None:
    """From now on (a new build), MkDocs' warnings about links in docs/ name their line."""
    LINK_LINES.docs, LINK_LINES.seen = docs, {}
    LINK_LINES.name_as = docs.relative_to(root).as_posix() if docs.is_relative_to(root) \
        else docs.as_posix()
    logging.getLogger("mkdocs.structure.pages").addFilter(LINK_LINES)  # once, however often
