"""Section references: `§2.4` in a chapter's words is a link to section 2.4.

The book keeps its sources' section numbers, part by part, in its headings (`# §2.4 Dot
product`, `## §2.1 Basics { #basics }`, a range `# §6–§7 ...`; a number with a heading of
its own is that heading's). A run of references (`§2.4`, `§2.1–§2.6`, `§3.3 and §3.4`)
names sections of the page's part, or of the part a page outside the parts names as for
equations, and each number becomes a link to its heading; a link written by hand whose
text holds one must lead to the page whose heading shows it. CONTRIBUTING.md ("Section
numbers") has the rules an author follows.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from .equation_refs import (
    DASH,
    HTML_LINK,
    JOIN,
    NAMES,
    PART,
    ROMAN,
    SOURCE,
    EquationRefs,
    apply,
    bracketed,
    headings,
    line,
    part_of,
    words,
)
from .equations import outside_code
from .errors import BookError
from .prose_numbers import COMMENT

NUMBER = r"\d+(?:\.\d+)*"  # 2, 2.4, 4.4.1 (a full stop after it ends a sentence)
SECTION = re.compile(rf"^(?P<level>#{{1,6}})[ \t]+§(?P<first>{NUMBER})"
                     rf"(?:\s*{DASH}\s*§(?P<last>{NUMBER}))?(?![\d.]*\d)(?P<rest>.*)$", re.M)
# `{ #basics }`, `{: id="basics" }`
ID = re.compile(r"\{[^}\n]*?(?:(?<=[{\s])#|\bid=[\"']?)(?P<id>[^\s}\"']+)[^}\n]*\}\s*$")
REF = re.compile(rf"(?<![\w§])§(?P<number>{NUMBER})")
SIGN = re.compile("§")
RUN = re.compile(rf"{REF.pattern}(?:(?:{JOIN})§{NUMBER})*")  # numbers that share one part
NAMED = re.compile(rf"{PART.pattern}(?:['’]s|,)?\s+$")  # `Part II's §3`, `Part II, §1`
# What RUN must have read: `§ 2.4`, `§§2`, `§1.1–1.4`
LOOSE = re.compile(rf"§(?:\s+|§){NUMBER}|§{NUMBER}\s*{DASH}\s*{NUMBER}")
RANGE_END = re.compile(rf"§{NUMBER}\s*{DASH}\s*$")  # what precedes a range's last number
LINK = re.compile(r"(?<!!)\[(?P<text>(?:[^\[\]\n]|\n(?![ \t]*\n)|\[[^\]\n]*\])*)\]"
                  r"\((?P<href>[^)\s]*)")  # an MD_LINK's text and target
HREF = re.compile(r"""\bhref=["']?(?P<href>[^"'\s>]*)""", re.I)  # an HTML link's target


class SectionRefs:
    """Which heading shows each section number of each part; links from the references."""

    def __init__(self):
        # page -> number -> (id of each heading that shows it: '' for the page's top
        # heading, None for one without an id; whether the number is the heading's own)
        self.shown: dict[str, dict[str, list[tuple[str | None, bool]]]] = {}
        self.parts: dict[str, int] = {}

    def scan(self, page: str, markdown: str) -> None:
        """Record the section numbers a chapter's headings show (not those in a comment)."""
        part = part_of(page)
        if part is None or not page.endswith(".md") or "§" not in markdown:
            return
        numbers: dict[str, list[tuple[str | None, bool]]] = {}
        text = COMMENT.sub(lambda m: "\n" * m[0].count("\n"), outside_code(markdown))
        for match in SECTION.finditer(text):
            id_ = "" if match["level"] == "#" else (m["id"] if (m := ID.search(match["rest"]))
                                                    else None)
            for number in filter(None, (match["first"], match["last"])):
                numbers.setdefault(number, []).append((id_, match["last"] is None))
        self.shown[page], self.parts[page] = numbers, part

    def where(self, part: int, number: str) -> list[tuple[str, str | None]]:
        """(page, id) of each heading of `part` that shows `number`: one, if all is well
        (the headings of its own, if it has any, else the ranges')."""
        found = [(page, id_, own) for page, numbers in sorted(self.shown.items())
                 if self.parts[page] == part for id_, own in numbers.get(number, [])]
        own = any(each[2] for each in found)
        return [(page, id_) for page, id_, is_own in found if is_own or not own]

    def link(self, page: str, markdown: str, url: Callable[[str], str]) -> str:
        """The chapter with every section reference of its words a link (`edits`)."""
        return apply(markdown, self.edits(page, markdown, url))

    def edits(self, page: str, markdown: str, url: Callable[[str], str]
              ) -> list[tuple[int, int, str]]:
        """(start, end, link) for every section reference of a chapter's words
        (`url(page)`: the relative URL of a page); BookError naming the line of each that
        names no section, and of each link written by hand whose page does not show the
        section it names."""
        shown = {at for m in SECTION.finditer(markdown) if page in self.shown
                 for at in range(m.start(), m.end("last" if m["last"] else "first"))
                 if markdown[at] == "§"}  # a heading's own numbers
        if not page.endswith(".md") or shown.issuperset(m.start() for m in SIGN.finditer(
                markdown)):
            return []  # no `§` but its headings' (most pages: at once)
        text, with_links = words(markdown), words(markdown, links=True)
        found_headings = headings(text)

        def place(at: int) -> str:
            return f"docs/{page}:{line(text, at)}"
        errors = [f"{place(m.start())}: `{m[0]}`: write a section as `§2.4`, a range as "
                  "`§2.1–§2.6`" for m in LOOSE.finditer(text)]
        self.check_links(page, markdown, with_links, place, errors)
        errors += bracketed(markdown, SIGN, place, (
            "a section number in square brackets that are not a link written inline: write "
            "the link inline, `[§2.4](dot-product.md)` (the build checks where it leads), or "
            "leave the brackets out"))
        edits = []
        for run in RUN.finditer(text):
            heading = next((h for h in found_headings if h[0] <= run.start() < h[1]), None)
            named = NAMED.search(text, max(0, run.start() - 20), run.start())
            part = (ROMAN[named["roman"]] if named
                    else EquationRefs.part(page, text, run.start(), found_headings))
            source = SOURCE.search(text, max(0, run.start() - 40), run.start())
            for ref in REF.finditer(text, run.start(), run.end()):
                if ref.start() in shown:
                    continue  # the number a heading shows
                found = self.where(part, ref["number"]) if part else []
                if len(found) != 1:
                    if found or not source:
                        errors.append(unresolved(place(ref.start()), ref, part, found))
                    continue
                target, id_ = found[0]
                if id_ is None:
                    errors.append(f"{place(ref.start())}: {ref[0]} is the heading of "
                                  f"docs/{target} that has no id: give it one, `{{ #an-id }}`")
                elif heading is None and (target, id_) != (page, ""):
                    href = ("" if target == page else url(target)) + (f"#{id_}" if id_ else "")
                    edits.append((ref.start(), ref.end(),
                                  f'<a class="sec-ref" href="{href}">{ref[0]}</a>'))
        if errors:
            raise BookError("\n".join(dict.fromkeys(errors)))
        return edits

    def check_links(self, page: str, markdown: str, text: str, place: Callable[[int], str],
                    errors: list[str]) -> None:
        """Messages for each link to a chapter (`text`: the words, links kept) whose text
        names a section that the chapter's headings do not show."""
        links = [(m.start(), m["text"], m.start("href"), m.end("href"),
                  text.find(")", m.end()) + 1 or m.end())
                 for m in LINK.finditer(text)]  # (the target as written: `<a.md>` is a tag)
        for m in HTML_LINK.finditer(markdown):
            if (href := HREF.search(m[0])) and "§" in m[0]:
                links.append((m.start(), text[m.start():m.end()], m.start() + href.start(
                    "href"), m.start() + href.end("href"), m.end()))
        for start, link_text, href_start, href_end, end in links:
            path = markdown[href_start:href_end].strip("<>").partition("#")[0]
            if "§" not in link_text or not path.endswith(".md") or ":" in path or (
                    path.startswith("/")):
                continue  # (a link to a page's URL, or another site, is MkDocs' to check)
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            if (part := part_of(target)) is None:
                continue  # a page outside the parts shows no section
            for ref in REF.finditer(link_text):
                elsewhere = self.where(part, ref["number"])
                if ref["number"] in self.shown.get(target, {}) or SOURCE.search(
                        link_text, 0, ref.start()) or (
                        elsewhere and RANGE_END.search(link_text, 0, ref.start())):
                    continue  # (a range, `[§1–§3](calculus.md)`, leads to its start)
                shown = " ".join(markdown[start:end].split())
                errors.append(f"{place(start + 1 + ref.start())}: {shown}: no heading "
                              f"of docs/{target} shows {ref[0]}"
                              + (f"; it is on docs/{elsewhere[0][0]}" if elsewhere else ""))


def unresolved(place: str, ref: re.Match, part: int | None,
               found: list[tuple[str, str | None]]) -> str:
    where = f"{place}: {ref[0]}"
    if part is None:
        return (f"{where}: which part's section? Write `Part II's {ref[0]}`, or put the "
                "reference under a heading that names the part")
    name = NAMES.get(part, part)
    if found:
        return (f"{where}: Part {name} shows it in {len(found)} headings ("
                + ", ".join(f"docs/{page}" + (f" #{id_}" if id_ else "") for page, id_ in found)
                + "): keep one")
    return (f"{where} names no section that a heading of Part {name} shows "
            f"(`# {ref[0]} ...`); if it is a section of the source the book does not show, "
            f"say so: `the source's {ref[0]}`")
