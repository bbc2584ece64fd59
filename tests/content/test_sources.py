"""The sources' numbers stay visible: every numbered section of each source is a heading of
its part, and every numbered equation is shown (a tag, an inline number) or named in the
text of its part, so a reader holding the source can find each one here.

The sources are not part of the repository: they lie in ../shared/sources/ beside a
checkout, as in CI (a missing folder fails under CI, and is skipped loudly elsewhere).
"""

from __future__ import annotations

import os
import re
import sys

import pytest
from conftest import DOCS, ROOT

SOURCES = ROOT.parent / "shared" / "sources"
PARTS = {"ml1-math-prerequisites.md": "part-1", "emat31530-math-preliminaries.md": "part-2"}
SECTION = re.compile(r"^#+\s+((?:\d+|[A-Z])(?:\.\d+)*)\s", re.M)  # `## 4.4.1 Matrix ...`
# How each numbers its own: `\tag{1}`, `... \quad (55)$$`, and `$$(68)$$` alone.
EQUATION = re.compile(r"\\tag\{(\d+)\}|(?:\\quad |\$\$)\((\d+)\)\s*\$\$")
TAG = re.compile(r"\\tag\*?\{(\d+)(?:\s*[–-]\s*(\d+))?\}")
# An equation number the text shows or names: `(19)` after an inline formula, `eq. (113)`,
# `eqs. 56–59`, `eqs. (12)–(13)`.
SHOWN = re.compile(r"\((\d+)\)(?:\s*[–-]\s*\((\d+)\))?|\beqs?\.\s*(\d+)(?:\s*[–-]\s*(\d+))?")


def source(name: str) -> str:
    path = SOURCES / name
    if not path.is_file():
        message = f"{path} is missing: the sources lie in ../shared/sources/ beside a checkout"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        sys.stderr.write(f"\nSKIPPING: {message}\n")
        pytest.skip(message)
    return path.read_text(encoding="utf-8")


def numbers(pattern: re.Pattern, text: str) -> set[int]:
    """Every number the pattern's matches give, ranges (`9–11`) expanded."""
    found = set()
    for match in pattern.finditer(text):
        ends = [int(g) for g in match.groups() if g]
        found |= set(range(ends[0], ends[-1] + 1)) if len(ends) == 2 else set(ends)
    return found


def part_text(part: str) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((DOCS / part).rglob("*.md")))


@pytest.mark.parametrize("name", sorted(PARTS))
def test_every_numbered_section_of_the_source_is_a_heading(name):
    headings = re.findall(r"^#+ .*$", part_text(PARTS[name]), re.M)
    shown = {n for h in headings for n in re.findall(r"(?:§|Appendix )([\dA-Z]+(?:\.\d+)*)", h)}
    missing = [s for s in SECTION.findall(source(name)) if s not in shown]
    assert not missing, f"sections of {name} with no heading in docs/{PARTS[name]}/: {missing}"


@pytest.mark.parametrize("name", sorted(PARTS))
def test_every_numbered_equation_of_the_source_is_shown(name):
    text = part_text(PARTS[name])
    visible = numbers(TAG, text) | numbers(SHOWN, text)
    missing = sorted(numbers(EQUATION, source(name)) - visible)
    assert not missing, (f"equations of {name} that docs/{PARTS[name]}/ neither numbers nor "
                         f"names: {missing}")
