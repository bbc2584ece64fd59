"""The corrections page and the chapters' "Correction to the source" boxes list each other:
every box has an entry and every entry a box, linked both ways, and every entry's proof
links a snippet file that exists. Read from the Markdown, no build needed."""

from __future__ import annotations

import posixpath
import re

import pytest
from conftest import DOCS, SNIPPETS, chapters

PAGE = "reference/corrections.md"
BOX = re.compile(r'^(?P<indent>[ \t]*)!!! warning "Correction to the source"[ \t]*$')
ENTRY = re.compile(r"^### .*\{ #(?P<id>[\w-]+) \}[ \t]*$", re.M)
SPAN = re.compile(r'<span id="(?P<id>[\w-]+)"></span>')
LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")
COMMENT = re.compile(r"<!--(?! check:).*?-->", re.S)  # a check marker is not prose


def links(text: str, page: str) -> set[str]:
    """The targets of a text's Markdown links, resolved against its page (`snippet:` kept)."""
    out = set()
    for target in LINK.findall(text):
        if not target.startswith("snippet:"):
            path, _, anchor = target.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            target += f"#{anchor}" if anchor else ""
        out.add(target)
    return out


def boxes(markdown: str) -> list[str]:
    """The body of each correction box of a chapter."""
    lines, found = markdown.splitlines(), []
    for n, line in enumerate(lines):
        if match := BOX.match(line):
            body = []
            for later in lines[n + 1:]:
                if later.strip() and len(later) - len(later.lstrip()) <= len(match["indent"]):
                    break
                body.append(later)
            found.append("\n".join(body))
    return found


def problems(corrections: str, pages: dict[str, str], snippets: set[str]) -> list[str]:
    """Everything that breaks the two-way listing, one line each."""
    found = [f"{PAGE}: a correction only in a comment: {c[:60]!r}"
             for c in COMMENT.findall(corrections)]
    heads = list(ENTRY.finditer(corrections))
    entries = {m["id"]: corrections[m.end():(heads[k + 1].start() if k + 1 < len(heads)
                                             else len(corrections))]
               for k, m in enumerate(heads)}
    box_at: dict[str, str] = {}  # box id -> its page
    for page, markdown in pages.items():
        for body in boxes(markdown):
            ids = SPAN.findall(body)
            if len(ids) != 1:
                found.append(f"{page}: a correction box with {len(ids)} ids: {body[:60]!r}")
                continue
            if ids[0] in box_at:
                found.append(f"{page}: box id #{ids[0]} also on {box_at[ids[0]]}")
            box_at[ids[0]] = page
            if ids[0] not in entries:
                found.append(f"{page}: box #{ids[0]} has no entry on {PAGE}")
            if f"{PAGE}#{ids[0]}" not in links(body, page):
                found.append(f"{page}: box #{ids[0]} does not link to {PAGE}#{ids[0]}")
    for name, body in entries.items():
        if name not in box_at:
            found.append(f"{PAGE}: entry #{name} has no box in a chapter")
        elif f"{box_at[name]}#{name}" not in links(body, PAGE):
            found.append(f"{PAGE}: entry #{name} does not link to {box_at[name]}#{name}")
        proof = re.search(r"^- \*\*Proof:\*\*(.*?)(?=^- \*\*|\Z)", body, re.M | re.S)
        cited = {t.removeprefix("snippet:") for t in links(proof[1] if proof else "", PAGE)
                 if t.startswith("snippet:")}
        if proof is None or not (cited or "nothing to compute" in proof[1]):
            found.append(f"{PAGE}: entry #{name} has no proof linking a snippet file")
        found += [f"{PAGE}: entry #{name} links a missing snippet {path}"
                  for path in sorted(cited - snippets)]
    return found


def book() -> tuple[str, dict[str, str], set[str]]:
    """The corrections page, the chapters by docs path, and the snippet files."""
    pages = {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8") for p in chapters()}
    corrections = pages.pop(PAGE)
    snippets = {p.relative_to(SNIPPETS).as_posix() for p in SNIPPETS.rglob("*.py")}
    return corrections, pages, snippets


def test_corrections_listed_both_ways():
    """Every correction box has an entry and every entry a box, linked both ways, with a proof."""
    corrections, pages, snippets = book()
    assert len(ENTRY.findall(corrections)) >= 30
    assert problems(corrections, pages, snippets) == []


def _first_box(pages: dict[str, str]) -> tuple[str, str]:
    """The page and id of the first correction box of the book."""
    return next((page, SPAN.search(markdown)[0]) for page, markdown in sorted(pages.items())
                if SPAN.search(markdown))


def _drop_entry(corrections, pages):
    page, span = _first_box(pages)
    name = SPAN.search(span)["id"]
    return re.sub(rf"^### .*\{{ #{name} \}}\n(?:(?!^##).*\n)*", "", corrections,
                  flags=re.M), pages


def _drop_box_id(corrections, pages):
    page, span = _first_box(pages)
    return corrections, {**pages, page: pages[page].replace(span, "", 1)}


def _drop_link_back(corrections, pages):
    page, span = _first_box(pages)
    name = SPAN.search(span)["id"]
    return corrections, {**pages, page: pages[page].replace(f"corrections.md#{name})", ")")}


def _drop_link_to_box(corrections, pages):
    return re.sub(r"^- \*\*In the chapter:\*\*.*\n", "", corrections, count=1,
                  flags=re.M), pages


def _dead_snippet(corrections, pages):
    return corrections.replace("](snippet:part_", "](snippet:no_such/part_", 1), pages


def _comment_only(corrections, pages):
    return corrections + "\n<!-- The source also gets eq. (99) wrong. -->\n", pages


@pytest.mark.parametrize("violate", [_drop_entry, _drop_box_id, _drop_link_back,
                                     _drop_link_to_box, _dead_snippet, _comment_only],
                         ids=lambda f: f.__name__.strip("_"))
def test_seeded_violation_is_caught(violate):
    """Each way of breaking the listing, seeded into the real book, is reported."""
    corrections, pages, snippets = book()
    before = problems(corrections, pages, snippets)
    assert len(problems(*violate(corrections, pages), snippets)) > len(before)
