"""Equation references: `eq. (42)` in a chapter's words is a link to equation (42).

The book keeps its sources' equation numbers, part by part: a display's `\\tag{42}` or
`\\tag{12–13}`, or a number after an inline formula (`$...$ (19)`). A reference in the
words of a page (`eq. (42)`, `eqs. (12)–(13)`, `eqs. (87) and (88)`) names an equation of
the page's part; a page outside the parts names the part (`Part II's eq. (49)`) or sits
under a heading that does (`## Part II · ...`). Each number becomes a link to its
equation, on whichever page of the part shows it. The build stops on a number that no
page of the part shows or two show, and on a bare `eq. 42`. A number of a source that the
book does not show is named as the source's, `the source's eq. (113)`, and stays words.
The comments and strings of the snippet files a chapter shows are its words too: their
references are checked alike (a block of code holds no link).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from pathlib import Path

from .equations import DISPLAY, INLINE, TAG, outside_code
from .errors import BookError
from .prose_numbers import COMMENT, blank
from .sections import find_blocks, parse_sections, read_snippet

DASH = r"(?:[–—−]|--?)"
LABEL = re.compile(rf"(\d+)([a-z]?)(?:\s*{DASH}\s*(\d+)([a-z]?))?$")  # 42, 19b, 12–13
SHOWN = re.compile(r"(?<=\$)\s\((\d+[a-z]?)\)")  # `$...$ (19)`: an inline formula's number
ITEM = rf"\(\d+[a-z]?(?:\s*{DASH}\s*\d+[a-z]?)?\)"  # (42), or a tag's range (12–13)
JOIN = rf"\s*{DASH}\s*|,\s*|,?\s+(?:and|or|to|through)\s+"  # between two numbers
WORD = r"(?<![A-Za-z0-9.])[Ee]q(?:uation)?s?\.?"
REF = re.compile(rf"{WORD}\s*(?P<items>{ITEM}(?:(?:{JOIN}){ITEM})*)")
BARE = re.compile(r"(?<![A-Za-z0-9.])[Ee]qs?\.\s*\d+[a-z]?")  # `eq. 42`: write `eq. (42)`
LOOSE = re.compile(r"(?<![A-Za-z0-9.])[Ee]qs?\.\s*\(")  # what REF must have read
NUMBER = re.compile(ITEM)
# Whether a chapter may hold a reference or an inline formula's number at all: most
# pages are done with after these (the rules above read only where they match).
MAYBE_REF = re.compile(r"(?<![A-Za-z0-9.])[Ee]q(?:uation)?s?\.?\s*[(\d]")
MAYBE_SHOWN = re.compile(r"\$\s\(\d")
PART = re.compile(r"\bPart (?P<roman>I{1,3}|IV|V)\b")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
NAMES = {n: roman for roman, n in ROMAN.items()}
SOURCE = re.compile(r"\bsource['’]s\s+$")
# What is not the words of a page, besides code, math and comments: HTML tags, link
# definitions, attribute lists (and a shortcut link's `[label]`, and links: see `words`).
MD_LINK = re.compile(r"\[(?:[^\[\]\n]|\n(?![ \t]*\n)|\[[^\]\n]*\])*\]"
                     r"(?:\([^)\n]*\)|\[[^\]\n]*\])")
# `[label]: url` (a footnote's `[^n]: ...` is words) and an abbreviation's `*[HTML]: ...`
DEFINITION = re.compile(r"^[ \t]*\*?\[(?P<label>(?!\^)[^\]\n]+)\]:.*$", re.M)
# An attribute list where Python-Markdown reads one, its quoted values holding any `}`:
# right after an inline element (or what is hidden, as code and math), on a block's own
# line, or ending a heading or a table cell. Elsewhere braces are words: `{see §2.4}`.
ATTRS = r"""\{:?(?:"[^"\n]*"|'[^'\n]*'|[^}"'\n])*\}"""
ATTR_LIST = re.compile(rf"(?<=[)\]*_`$\0]){ATTRS}|^[ \t]*{ATTRS}[ \t]*$"
                       rf"|^(?P<head>(?:#{{1,6}}|[ \t]*\|)[ \t].*?[ \t]){ATTRS}"
                       r"(?=[ \t]*(?:#*|\|.*)[ \t]*$)", re.M)
NOT_WORDS = [re.compile(r"</?[a-zA-Z][^>]*>"), DEFINITION]
LABEL_NEXT = re.compile(r"\s?[\[\0]")  # after `]`: a label (`[d]`, or hidden: defined)
SQUARE = re.compile(r"\\.|[\[\]]|\n[ \t]*\n")  # an escape (`\[`), a bracket, a paragraph's end
# An HTML link within a paragraph: what is in it is checked, never linked again.
HTML_LINK = re.compile(r"<a\b[^>]*>(?:(?!<a\b|</a>|\n[ \t]*\n).)*</a>", re.S | re.I)
TEX_COMMENT = re.compile(r"(?<!\\)%.*")  # a TeX comment, to the end of its line
HEADING = re.compile(r"^(#{1,6})[ \t].*$", re.M)
# Python read left to right: a comment, a string (triple-quoted first), or the code between.
PY_WORDS = re.compile(r"(?P<words>#[^\n]*|'{3}(?:\\.|[^\\])*?'{3}|\"{3}(?:\\.|[^\\])*?\"{3}"
                      r"|'(?:\\.|[^'\\\n])*'"
                      r'|"(?:\\.|[^"\\\n])*")|(?P<code>[^#\'"]+|.)', re.S)
SHOWN_TEXT = re.compile(r"[\n\0]")  # where what a message quotes of a line ends


def anchor(label: str) -> str:
    """The id of the equation numbered `label` (`42`, `(12–13)`): eq-42, eq-12-13."""
    return "eq-" + "-".join(re.findall(r"\d+[a-z]?", label))


def labels(label: str) -> list[str]:
    """The numbers a tag holds: `12–13` is 12 and 13, `31–34` four, `19a–19c` two."""
    match = LABEL.match(label.strip())
    if not match:
        return []
    first, suffix, last, last_suffix = match.groups()
    if last is None:
        return [first + suffix]
    if suffix or last_suffix:
        return [first + suffix, last + last_suffix]
    return [str(n) for n in range(int(first), int(last) + 1)]


def _hide(match: re.Match) -> str:
    """The matched text as NULs and newlines: offsets and lines stay, and nothing hidden
    reads as the space between `eq.` and its number."""
    return blank(match, "\0")


def words(markdown: str, closing: str = "\0", links: bool = False) -> str:
    """The page with its code, math, comments, tags and links (but for `links`: their
    texts and targets) hidden; an inline formula's last character is `closing` (`$`:
    where `$...$ (19)` numbers it)."""
    text = _words(markdown, closing)
    return text if links else MD_LINK.sub(_hide, text)


@functools.lru_cache(maxsize=4)  # (a page's equation and section references read it once)
def _words(markdown: str, closing: str) -> str:
    text = DISPLAY.sub(_hide, outside_code(markdown.replace("\0", " "), fill="\0"))
    text = INLINE.sub(lambda m: _hide(m)[:-1] + closing, text)
    text = COMMENT.sub(_hide, text)  # (first: a definition in a comment defines nothing)
    labels = [re.escape(f"[{m['label']}]") for m in definitions(text)]
    for pattern in NOT_WORDS:
        text = pattern.sub(_hide, text)
    text = ATTR_LIST.sub(_hide_attributes, text)
    return re.sub("|".join(labels), _hide, text) if labels else text  # a shortcut link


def _hide_attributes(match: re.Match) -> str:
    head = match["head"] or ""  # a heading's or a table cell's words before the list
    return head + "\0" * (len(match[0]) - len(head))


def definitions(text: str) -> list[re.Match]:
    """The link definitions (`[label]: url`) of a text whose code and comments are hidden;
    not an abbreviation's (`*[HTML]: ...`), whose term is words."""
    return [m for m in DEFINITION.finditer(text) if not m[0].lstrip().startswith("*")]


def code_words(code: str) -> str:
    """A snippet file's comments and strings, the rest hidden (offsets and lines kept)."""
    return PY_WORDS.sub(lambda m: m[0] if m["words"] else _hide(m), code)


def part_of(page: str) -> int | None:
    """The part a page belongs to, by its folder: part-2/... is 2."""
    match = re.match(r"part-(\d+)/", page)
    return int(match[1]) if match else None


def line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


class EquationRefs:
    """Which page shows each equation number of each part; links from the references."""

    def __init__(self):
        self.shown: dict[str, dict[str, list[str]]] = {}  # page -> number -> its ids there
        self.parts: dict[str, int] = {}  # page -> its part
        self.inline: dict[str, bool] = {}  # page -> whether it numbers an inline formula
        self.index: dict[tuple[int, str], list[tuple[str, str]]] | None = None  # of where()

    def scan(self, page: str, markdown: str) -> None:
        """Record the equation numbers a chapter shows (not those in a comment)."""
        part = part_of(page)
        if part is None or not page.endswith(".md"):
            return
        numbers: dict[str, list[str]] = {}
        text = COMMENT.sub(_hide, outside_code(markdown)) if "\\tag" in markdown else ""
        for match in DISPLAY.finditer(text):
            for tag in TAG.finditer(TEX_COMMENT.sub("", match["tex"])):
                for label in labels(tag["tag"]):
                    numbers.setdefault(label, []).append(anchor(tag["tag"]))
        inline = SHOWN.findall(words(markdown, "$")) if MAYBE_SHOWN.search(markdown) else []
        for number in inline:
            numbers.setdefault(number, []).append(anchor(number))
        self.shown[page], self.parts[page], self.inline[page] = numbers, part, bool(inline)
        self.index = None

    def where(self, part: int, number: str) -> list[tuple[str, str]]:
        """(page, id) of each equation numbered `number` in `part`: one, if all is well."""
        if self.index is None:  # (read once per scan: every page asks for each number)
            self.index = {}
            for page, numbers in sorted(self.shown.items()):
                for shown, ids in numbers.items():
                    self.index.setdefault((self.parts[page], shown), []).extend(
                        (page, id_) for id_ in ids)
        return list(self.index.get((part, number), []))

    def link(self, page: str, markdown: str, url: Callable[[str], str],
             more: list[tuple[int, int, str]] = (), targets: bool = True) -> str:
        """The chapter with every equation reference a link (`url(page)`: the relative
        URL of a page), and the edits `more` (a section reference's links) made too;
        BookError naming the line of each that names no equation, and of each number
        this page shows that another equation of its part shows too. A notebook's page is
        left as it is (a workbook's words are a chapter's). `targets`: an inline formula's
        number gets its id (not in a notebook, whose links lead to the site)."""
        if not page.endswith(".md") or not (MAYBE_REF.search(markdown)
                                            or self.shown.get(page)):
            return apply(markdown, list(more))  # (most pages: at once)
        text = words(markdown)

        def place(at: int) -> str:
            return f"docs/{page}:{line(text, at)}"
        refs, errors = read(text, place)
        errors += bracketed(markdown, REF, place, (
            "an equation reference in square brackets that are not a link written inline: "
            "leave the brackets out, and the build makes `eq. (42)` the link"))
        for number in self.shown.get(page, {}):
            if len(found := self.where(self.parts[page], number)) > 1:
                errors.append(f"docs/{page}: eq. ({number}) is shown {len(found)} times in "
                              f"Part {NAMES.get(self.parts[page])} ({listed(found)}): keep one")
        edits = self.links(page, text, refs, url, errors, place, headings(text)) + list(more)
        if errors:
            raise BookError("\n".join(dict.fromkeys(errors)))
        if targets and self.inline.get(page):
            edits += [(m.start(), m.end(), f'{m[0][0]}<span class="eq-shown" id="'
                       f'{anchor(m[1])}">({m[1]})</span>')
                      for m in SHOWN.finditer(words(markdown, "$"))]
        edits.sort()
        for (_, end, _), (start, _, _) in zip(edits, edits[1:]):
            if start < end:
                raise BookError(f"docs/{page}:{line(text, start)}: an equation reference "
                                "overlaps another: write it as `eq. (42)` after the formula")
        return apply(markdown, edits)

    def links(self, page: str, text: str, refs: list[re.Match], url: Callable[[str], str] | None,
              errors: list[str], place: Callable[[int], str],
              headings: list[tuple[int, int, str]], default: int | None = None
              ) -> list[tuple[int, int, str]]:
        """(start, end, link) for each number of each reference that names one equation
        (none without `url`: code); messages for the others, at `place(offset)`, into
        `errors`. `default`: the part of a reference that names none and whose page is in
        none, when the text's own headings do not say."""
        edits = []
        for ref in refs:
            part = self.part(page, text, ref.start(), headings) or default
            source = bool(SOURCE.search(text, max(0, ref.start() - 40), ref.start()))
            in_heading = any(start <= ref.start() < end for start, end, _ in headings)
            for item in NUMBER.finditer(text, ref.start("items"), ref.end("items")):
                hits = [self.where(part, n) for n in labels(item[0][1:-1])] if part else []
                found = {hit for each in hits for hit in each}
                whole = part and all(hits)
                if len(found) != 1 or not whole:
                    if found or not source:
                        errors.append(self.unresolved(place(item.start()), ref, item, part,
                                                      found))
                    continue
                if in_heading or url is None:
                    continue  # checked, but a heading holds no link
                target, id_ = found.pop()
                href = ("" if target == page else url(target)) + "#" + id_
                edits.append((item.start(), item.end(),
                              f'<a class="eq-ref" href="{href}">{item[0]}</a>'))
        return edits

    @staticmethod
    def part(page: str, text: str, at: int, headings: list[tuple[int, int, str]]) -> int | None:
        """The part a reference at `at` names: `Part II's eq.` just before it, else the
        page's folder, else the nearest heading above it, or that heading's parents, that
        names one."""
        named = re.search(rf"{PART.pattern}['’]s\s+$", text[max(0, at - 20):at])
        if named:
            return ROMAN[named["roman"]]
        if part_of(page) is not None:
            return part_of(page)
        level = 7
        for start, _, heading in reversed(headings):
            depth = len(heading) - len(heading.lstrip("#"))
            if start < at and depth < level:
                if match := PART.search(heading):
                    return ROMAN[match["roman"]]
                level = depth
        return None

    def code(self, page: str, markdown: str, snippets: Path) -> None:
        """BookError naming each equation reference in the comments and strings of the
        snippet files a chapter shows that its part does not show, with the line of the
        block that shows it. A number the code formats (`f"eq. ({n})"`) is not read."""
        errors: list[str] = []
        shown: dict[str, list] = {}
        for block in find_blocks(page, markdown):
            shown.setdefault(block.path, []).append(block)
        prose = None  # the page's words, headings and line offsets, once a file names one
        for path, blocks in shown.items():
            try:
                code = read_snippet(snippets, path)
                sections = parse_sections(path, code) if MAYBE_REF.search(code) else None
            except (OSError, LookupError, ValueError):
                continue  # the block's own error, which the build reports where it reads it
            if sections is None:
                continue  # (most files)
            text = code_words(code)

            def place(at: int, path=path, blocks=blocks, text=text, sections=sections) -> str:
                number = line(text, at)
                named = [name for name, (first, last) in sections.items()
                         if first <= number <= last]
                block = next((b for b in blocks if b.section in named), blocks[0])
                return (f"docs/{page}:{block.line}: snippets/{path}:{number}"
                        + "".join(f" (section {name!r})" for name in named[:1]))
            refs, found = read(text, place, loose=False)
            errors += found
            if prose is None:  # (a page outside the parts: its headings may name one)
                said = words(markdown) if part_of(page) is None else ""
                starts = itertools.accumulate(len(row) + 1 for row in markdown.split("\n"))
                prose = said, headings(said), [0, *starts]
            part = self.part(page, prose[0], prose[2][blocks[0].start], prose[1])
            self.links(page, text, refs, None, errors, place, [], part)
        if errors:
            raise BookError("\n".join(dict.fromkeys(errors)))

    @staticmethod
    def unresolved(place: str, ref: re.Match, item: re.Match, part: int | None,
                   found: set[tuple[str, str]]) -> str:
        where = f"{place}: {ref[0].split()[0]} {item[0]}"
        if part is None:
            return (f"{where}: which part's equation? Write `Part II's eq. {item[0]}`, or "
                    "put the reference under a heading that names the part")
        name = NAMES.get(part, part)
        if len(found) > 1:
            return (f"{where}: Part {name} shows it in {len(found)} places "
                    f"({listed(found)}): keep one, or name each")
        if found:
            return f"{where}: Part {name} shows only part of it ({listed(found)})"
        return (f"{where} names no equation that a page of Part {name} shows "
                f"(\\tag{{{item[0][1:-1]}}}); if it is a number of the source the book does "
                f"not show, say so: `the source's eq. {item[0]}`")


def read(text: str, place: Callable[[int], str], loose: bool = True
         ) -> tuple[list[re.Match], list[str]]:
    """The references of a text whose words alone show, and messages (at `place(offset)`)
    for each bare `eq. 42` and (if `loose`) each `eq. (` that none of them reads."""
    refs = list(REF.finditer(text))
    errors = [f"{place(m.start())}: `{m[0]}`: write an equation reference with its number "
              "in brackets, `eq. (42)`" for m in BARE.finditer(text)]
    errors += [f"{place(m.start())}: `{SHOWN_TEXT.split(text[m.start():m.end() + 12])[0]}`: "
               "cannot read this reference: write `eq. (42)`, `eqs. (12)–(13)` or "
               "`eqs. (3) and (4)`" for m in (LOOSE.finditer(text) if loose else [])
               if not any(r.start() <= m.start() < r.end() for r in refs)]
    return refs, errors


def bracketed(markdown: str, named: re.Pattern, place: Callable[[int], str], advice: str
              ) -> list[str]:
    """Messages (ending in `advice`) for each reference, which `named` finds, in square
    brackets that are not an inline link's text (`[...](`): a reference-style
    link's (`[§2.4][d]`, `![§2.4][d]`: the build cannot follow it to check where it leads,
    and the number would become a link inside it) or brackets a reader may take for one;
    and for each link definition whose label holds one (`[§2.4]: page.md`)."""
    text, pairs, opened = words(markdown, links=True), [], []
    for mark in SQUARE.finditer(text):  # each pair of brackets, nested to any depth
        if mark[0].startswith("\\"):
            continue
        if mark[0] == "[":
            opened.append(mark.start())
        elif mark[0] == "]" and opened:
            pairs.append((opened.pop(), mark.end()))
        else:
            opened.clear()  # a paragraph ends
    found = {}
    for ref in named.finditer(text):
        around = [(start, end) for start, end in pairs if start < ref.start() < end]
        inner = max(around, default=None)  # the innermost pair
        if inner is None or text.startswith("(", inner[1]):
            continue  # no brackets, or an inline link's text
        if not any(text.startswith("(", end) for _, end in around) or LABEL_NEXT.match(
                text, inner[1]):  # (within an inline link's text, a reference link's)
            found[inner] = None
    found.update(dict.fromkeys(m.span() for m in definitions(
        COMMENT.sub(blank, outside_code(markdown))) if named.search(m["label"])))
    return [f"{place(start)}: `{' '.join(markdown[start:end].split())}`: {advice}"
            for start, end in sorted(found)]


def apply(markdown: str, edits: list[tuple[int, int, str]]) -> str:
    """The text with each (start, end, new) of `edits`, in order and apart, made; but none
    inside an HTML link (a link holds no link)."""
    links = [m.span() for m in HTML_LINK.finditer(markdown)] if "<a" in markdown.lower() else []
    for start, end, new in reversed(edits):
        if not any(first <= start < last for first, last in links):
            markdown = markdown[:start] + new + markdown[end:]
    return markdown


def headings(text: str) -> list[tuple[int, int, str]]:
    """(start, end, heading) of each Markdown heading of a text."""
    return [(m.start(), m.end(), m[0]) for m in HEADING.finditer(text)]


def listed(found) -> str:
    return ", ".join(f"docs/{page} #{id_}" for page, id_ in sorted(found))


def html_anchor(math: str) -> str:
    """` id="eq-42"` for a display equation's KaTeX HTML that has a number, else ''."""
    start = math.find('<span class="katex-tag">')
    if start < 0:
        return ""
    return f' id="{anchor(re.sub(r"<[^>]*>", "", math[start:]))}"'
