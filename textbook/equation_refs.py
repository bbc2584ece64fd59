"""Equation references: `eq. (42)` in a chapter's words is a link to equation (42).

The book keeps its sources' equation numbers, part by part: a display's `\\tag{42}` or
`\\tag{12–13}`, or a number after an inline formula (`$...$ (19)`). A reference in the
words of a page (`eq. (42)`, `eqs. (12)–(13)`, `eqs. (87) and (88)`) names an equation of
the page's part; a page outside the parts names the part (`Part II's eq. (49)`) or sits
under a heading that does (`## Part II · ...`). Each number becomes a link to its
equation, on whichever page of the part shows it. The build stops on a number that no
page of the part shows or two show, and on a bare `eq. 42`. A number of a source that the
book does not show is named as the source's, `the source's eq. (113)`, and stays words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .equations import DISPLAY, INLINE, TAG, outside_code
from .errors import BookError
from .prose_numbers import COMMENT

DASH = r"(?:[–—−]|--?)"
LABEL = re.compile(rf"(\d+)([a-z]?)(?:\s*{DASH}\s*(\d+)([a-z]?))?$")  # 42, 19b, 12–13
SHOWN = re.compile(r"(?<=\$) \((\d+[a-z]?)\)")  # `$...$ (19)`: an inline formula's number
ITEM = r"\(\d+[a-z]?\)"
JOIN = rf"\s*{DASH}\s*|,\s*|,?\s+(?:and|or|to|through)\s+"  # between two numbers
REF = re.compile(rf"\b[Ee]q(?:uation)?s?\.?\s+(?P<items>{ITEM}(?:(?:{JOIN}){ITEM})*)")
BARE = re.compile(r"\b[Ee]qs?\.\s+\d+[a-z]?")  # `eq. 42`: write `eq. (42)`
NUMBER = re.compile(r"\((\d+[a-z]?)\)")
PART = re.compile(r"\bPart (?P<roman>I{1,3}|IV|V)\b")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
NAMES = {n: roman for roman, n in ROMAN.items()}
SOURCE = re.compile(r"\bsource's\s+$")
# What is not the words of a page, besides code and math: comments, HTML tags, links'
# texts and targets, attribute lists.
NOT_WORDS = [COMMENT, re.compile(r"</?[a-zA-Z][^>]*>"),
             re.compile(r"\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])"), re.compile(r"\{:?[^}\n]*\}")]
HEADING = re.compile(r"^(#{1,6})[ \t].*$", re.M)


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
    return re.sub(r"[^\n]", "\0", match[0])


def words(markdown: str, closing: str = "\0") -> str:
    """The page with its code, math, comments, tags and links hidden; an inline formula's
    last character is `closing` (`$`: where `$...$ (19)` numbers it)."""
    markdown = markdown.replace("\0", " ")
    text = "".join(c if c == kept else "\0" for c, kept in zip(markdown, outside_code(markdown)))
    text = DISPLAY.sub(_hide, text)
    text = INLINE.sub(lambda m: _hide(m)[:-1] + closing, text)
    for pattern in NOT_WORDS:
        text = pattern.sub(_hide, text)
    return text


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

    def scan(self, page: str, markdown: str) -> None:
        """Record the equation numbers a chapter shows."""
        part = part_of(page)
        if part is None or not page.endswith(".md"):
            return
        numbers: dict[str, list[str]] = {}
        for match in DISPLAY.finditer(outside_code(markdown)):
            for tag in TAG.finditer(match["tex"]):
                for label in labels(tag["tag"]):
                    numbers.setdefault(label, []).append(anchor(tag["tag"]))
        for match in SHOWN.finditer(words(markdown, closing="$")):
            numbers.setdefault(match[1], []).append(anchor(match[1]))
        self.shown[page], self.parts[page] = numbers, part

    def where(self, part: int, number: str) -> list[tuple[str, str]]:
        """(page, id) of each equation numbered `number` in `part`: one, if all is well."""
        return [(page, id_) for page, numbers in sorted(self.shown.items())
                if self.parts[page] == part for id_ in numbers.get(number, [])]

    def link(self, page: str, markdown: str, url: Callable[[str], str]) -> str:
        """The chapter with every equation reference a link (`url(page)`: the relative
        URL of a page); BookError naming the line of each that names no equation.
        A notebook's page is left as it is (a workbook's words are a chapter's)."""
        if not page.endswith(".md"):
            return markdown
        text = words(markdown)
        errors = [f"docs/{page}:{line(text, m.start())}: `{m[0]}`: write an equation "
                  "reference with its number in brackets, `eq. (42)`"
                  for m in BARE.finditer(text)]
        edits: list[tuple[int, int, str]] = []
        headings = [(m.start(), m.end(), m[0]) for m in HEADING.finditer(text)]
        for ref in REF.finditer(text):
            part = self.part(page, text, ref.start(), headings)
            source = bool(SOURCE.search(text, max(0, ref.start() - 40), ref.start()))
            in_heading = any(start <= ref.start() < end for start, end, _ in headings)
            for item in NUMBER.finditer(text, ref.start("items"), ref.end("items")):
                found = self.where(part, item[1]) if part else []
                if len(found) != 1:
                    if found or not source:
                        errors.append(self.unresolved(page, text, ref, item, part, found))
                    continue
                if in_heading:
                    continue  # checked, but a heading holds no link
                target, id_ = found[0]
                href = ("" if target == page else url(target)) + "#" + id_
                edits.append((item.start(), item.end(),
                              f'<a class="eq-ref" href="{href}">{item[0]}</a>'))
        if errors:
            raise BookError("\n".join(errors))
        if page in self.shown:
            edits += [(m.start(), m.end(), f' <span class="eq-shown" id="{anchor(m[1])}">'
                       f"({m[1]})</span>") for m in SHOWN.finditer(words(markdown, "$"))]
        edits.sort()
        for (_, end, _), (start, _, _) in zip(edits, edits[1:]):
            if start < end:
                raise BookError(f"docs/{page}:{line(text, start)}: an equation reference "
                                "overlaps another: write it as `eq. (42)` after the formula")
        for start, end, new in reversed(edits):
            markdown = markdown[:start] + new + markdown[end:]
        return markdown

    @staticmethod
    def part(page: str, text: str, at: int, headings: list[tuple[int, int, str]]) -> int | None:
        """The part a reference at `at` names: `Part II's eq.` just before it, else the
        page's folder, else the nearest heading above it, or that heading's parents, that
        names one."""
        named = re.search(rf"{PART.pattern}'s\s+$", text[max(0, at - 20):at])
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

    @staticmethod
    def unresolved(page: str, text: str, ref: re.Match, item: re.Match, part: int | None,
                   found: list[tuple[str, str]]) -> str:
        where = f"docs/{page}:{line(text, item.start())}: {ref[0].split()[0]} {item[0]}"
        if part is None:
            return (f"{where}: which part's equation? Write `Part II's eq. {item[0]}`, or "
                    "put the reference under a heading that names the part")
        name = NAMES.get(part, part)
        if found:
            return (f"{where}: Part {name} shows eq. {item[0]} {len(found)} times "
                    f"({', '.join(f'docs/{p} #{i}' for p, i in found)}): keep one")
        return (f"{where} names no equation that a page of Part {name} shows "
                f"(\\tag{{{item[1]}}}); if it is a number of the source the book does not "
                f"show, say so: `the source's eq. {item[0]}`")


def html_anchor(math: str) -> str:
    """` id="eq-42"` for a display equation's KaTeX HTML that has a number, else ''."""
    start = math.find('<span class="katex-tag">')
    if start < 0:
        return ""
    return f' id="{anchor(re.sub(r"<[^>]*>", "", math[start:]))}"'
