"""What the search index reads of a page, and how much each of its entries weighs.

Material's search plugin indexes `page.content` after the `on_page_context` event. Its
`data-search-exclude` attribute fails on nested elements of one tag (the first inner
`</span>` or `</div>` ends the exclusion), so KaTeX's HTML was indexed as flattened glyphs
("dwk​dyi​​=j=1∑N​Xij…") and a notebook box as prose. Here, before the index reads a
page, every formula becomes its TeX (a placeholder when long), and every element marked
`data-search-exclude` or of a class in SKIPPED disappears; each leaves a numbered marker,
and `restore` puts the HTML back when the page is written. Highlighted code is read as
its plain text: the same words, without the thousands of Pygments spans the index's HTML
parser would otherwise walk through (the index is byte-identical, the build faster).
`weigh` then sets the weight of each entry of the written index (WEIGHTS).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

# Left out of the index: the notebook box of a chapter, what a snippet printed (numbers,
# arrays), a workbook's code cells (checker definitions, answer stubs) and its "¶" links.
SKIPPED = ("notebook-links", "snippet-output", "jp-CodeCell", "anchor-link")
HIDDEN = re.compile(r'<span class="katex(?:-display)?"[^>]*>'
                    r'|<(?P<tag>[a-z][a-z0-9]*)\b(?=[^>]*(?:\bdata-search-exclude\b|'
                    rf'\bclass="(?:[^"]*\s)?(?:{"|".join(SKIPPED)})[\s"]))[^>]*>')
NEEDLES = ('<span class="katex', "data-search-exclude", *SKIPPED)  # in each HIDDEN match
TEX = re.compile(r'<annotation encoding="application/x-tex">(?P<tex>.*?)</annotation>', re.S)
HIGHLIGHTED = re.compile(r"<code>(?=[^<]*<span)(?P<code>.*?)</code>", re.S)  # Pygments
SPAN = re.compile(r"</?span\b[^>]*>")
MARKER = re.compile(r"<!--book-held (?P<index>\d+)-->.*?<!--/book-held-->", re.S)
LONGEST = 40  # characters of TeX shown in a preview; a longer formula is a placeholder
PLACEHOLDER = "[formula]"


VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def element_end(content: str, start: int, tag: str) -> int:
    """Where the element of `tag` opened at `start` ends (its nested `tag`s counted)."""
    if tag in VOID:
        return content.index(">", start) + 1
    depth = 0
    for match in re.compile(rf"<(/?){tag}\b[^>]*>").finditer(content, start):
        depth += -1 if match[1] else 1
        if depth == 0:
            return match.end()
    raise ValueError(f"<{tag}> at character {start} is never closed")


def hidden(content: str):
    """The matches of HIDDEN, in order. They are looked for only where one of NEEDLES is
    (str.find), not by trying HIDDEN's lookahead at every tag of the page."""
    starts = set()
    for needle in NEEDLES:
        at = content.find(needle)
        while at >= 0:
            starts.add(at if needle.startswith("<") else content.rfind("<", 0, at))
            at = content.find(needle, at + 1)
    for start in sorted(starts - {-1}):
        if match := HIDDEN.match(content, start):
            yield match


def readable(formula: str) -> str:
    """A formula as the index reads it: its TeX when short, else a placeholder."""
    found = TEX.search(formula)
    tex = " ".join(html.unescape(found["tex"]).split()) if found else ""
    tex = re.sub(r"\\tag\{[^}]*\}|\\(?:(?:left|right|q?quad)(?![a-zA-Z])|[,;:!])", " ", tex)
    tex = " ".join(tex.split())
    return tex if tex and len(tex) <= LONGEST else PLACEHOLDER


class SearchText:
    """Formulas and excluded elements held out of pages while the search index reads them."""

    def __init__(self):
        self.held: list[str] = []

    def hold(self, content: str) -> str:
        """The page as search should read it, with a marker where each piece was."""
        pieces, last = [], 0
        for match in hidden(content):
            if match.start() < last:
                continue  # inside a piece already held
            end = element_end(content, match.start(), match["tag"] or "span")
            piece = content[match.start():end]
            text = "" if match["tag"] else html.escape(readable(piece), quote=False)
            pieces += [content[last:match.start()], self.marker(piece, text)]
            last = end
        content = "".join(pieces) + content[last:]
        return HIGHLIGHTED.sub(lambda m: f"<code>{self.marker(m['code'], SPAN.sub('', m['code']))}"
                                         "</code>", content)

    def formula(self, math: str) -> str:
        """A formula's KaTeX HTML held as `hold` would hold it, by the code that typesets
        it: no search of the page for it afterwards (the formulas are most of a chapter)."""
        return self.marker(math, html.escape(readable(math), quote=False))

    def marker(self, piece: str, text: str) -> str:
        """`text` where `piece` was, until `restore`."""
        self.held.append(piece)
        return f"<!--book-held {len(self.held) - 1}-->{text}<!--/book-held-->"

    def restore(self, output: str) -> str:
        """The written page: every held piece back in its place (pages are written one by
        one, each right after the index has read it). A held element may hold a formula
        held before it."""
        while "<!--book-held " in output:
            output = MARKER.sub(lambda m: self.held[int(m["index"])], output)
        self.held = []
        return output


# How much each entry of the index weighs. Material's search multiplies the score of a
# page's own entry (its title and the text before its first section) by up to 2.5 over a
# section's, so a page whose title shares one word with a query ("Derivative rules") beat
# the section titled with all of it ("§1.2 Chain rule"): halving page entries undoes that.
# The reference pages and the workbooks restate the chapters: the chapter ranks first.
WEIGHTS = {"page": 0.5, "reference/": 0.3, "workbooks/": 0.3}


def weigh(index: Path) -> None:
    """Give each entry of Material's search index (search_index.json) its weight."""
    data = json.loads(index.read_text(encoding="utf-8"))
    for entry in data["docs"]:
        weight = entry.get("boost", 1.0)  # a page's `search: boost:` front matter
        if "#" not in entry["location"]:
            weight *= WEIGHTS["page"]
        for folder in ("reference/", "workbooks/"):
            if entry["location"].startswith(folder):
                weight *= WEIGHTS[folder]
        if weight != 1.0:
            entry["boost"] = weight
    index.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
