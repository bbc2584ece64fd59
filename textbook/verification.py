"""What the reader sees of a block's verification, and `snippet:` links in the chapters.

Under every exec block: a link to its snippet file on GitHub at the build's commit, and a
folded "Checks (N)" listing the file's checks: the `assert` statements outside the
displayed sections (each top-level statement that holds one, with the comment lines just
above it) and the doctest examples of its docstrings. They are their own code block, so
the copy button of the shown code still copies only the code whose output the page shows.

In a chapter, a link target `snippet:part_1/x/y.py` (optionally `#L10`) becomes the link
to snippets/part_1/x/y.py at the build's commit; a missing file stops the build.
"""

from __future__ import annotations

import ast
import doctest
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .build_info import BuildInfo
from .errors import BookError
from .sections import MARKER, parse_sections

# [text](snippet:path) and reference definitions [name]: snippet:path
SNIPPET_LINK = re.compile(r"(?P<lead>\]\(\s*|^[ \t]*\[[^\]\n]+\]:[ \t]*)"
                          r"snippet:(?P<path>[^\s)#]+)(?P<anchor>#[^\s)]*)?", re.M)


@dataclass
class Checks:
    """A snippet file's checks as the page lists them."""

    code: list[str] = field(default_factory=list)  # runs of statements with asserts
    doctests: list[str] = field(default_factory=list)  # examples: source and expected output
    count: int = 0  # assert statements and doctest examples


def find_checks(path: str, text: str) -> Checks:
    """The asserts outside a snippet's named sections and its doctest examples."""
    sections = parse_sections(path, text).values()
    lines = text.splitlines()
    try:
        tree = ast.parse(text, filename=f"snippets/{path}")
    except SyntaxError:
        return Checks()  # the runner reports it, with its line, and the build stops
    checks, spans = Checks(), []  # (first line, last line) of each run of checks
    for statement in tree.body:
        if any(first <= statement.lineno <= last for first, last in sections):
            continue
        found = sum(isinstance(node, ast.Assert) for node in ast.walk(statement))
        if not found:
            continue
        first = min([statement.lineno] + [d.lineno for d in
                                          getattr(statement, "decorator_list", [])])
        while (first > 1 and lines[first - 2].lstrip().startswith("#")
               and not MARKER.match(lines[first - 2])):
            first -= 1  # the comment that says what the check is for
        if spans and spans[-1][1] == first - 1:  # adjacent in the file: one run
            first = spans.pop()[0]
        spans.append((first, statement.end_lineno))
        checks.count += found
    checks.code = ["\n".join(lines[first - 1:last]) for first, last in spans]
    parser = doctest.DocTestParser()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for example in parser.get_examples(ast.get_docstring(node) or ""):
                session = "".join(
                    ("... " if n else ">>> ") + line + "\n"
                    for n, line in enumerate(example.source.rstrip("\n").split("\n")))
                checks.doctests.append(session + example.want)
                checks.count += 1
    return checks


def fenced(code: str, classes: str) -> list[str]:
    """A fenced code block of code, with a fence longer than any backticks inside."""
    ticks = max((len(m) for m in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, ticks + 1)
    return [f"{fence}{{ {classes} }}", code.rstrip("\n"), fence]


def verification(path: str, text: str, build: BuildInfo, convert: Callable[[str], str]) -> str:
    """HTML under a block: the link to its file, and its checks folded (`convert` makes
    HTML of Markdown as the pages do, so the checks are highlighted as the code is)."""
    url = html.escape(build.blob_url(f"snippets/{path}"))
    where = f"commit {build.short}" if build.commit else "main"
    shown = "/<wbr>".join(html.escape(f"snippets/{path}").split("/"))  # wraps at a slash
    parts = [f'<p class="snippet-source">Source file <a href="{url}"><code>{shown}</code></a> '
             f"on GitHub, at {where}</p>", ""]
    checks = find_checks(path, text)
    if not checks.count:
        return "\n".join(parts + ['<p class="snippet-checks snippet-checks-none">'
                                  "No checks in this file.</p>"])  # HTML already
    parts += ['<details class="success snippet-checks" markdown>',
              f"<summary>Checks ({checks.count})</summary>", "",
              "The file runs these after its shown code whenever the book is built; a "
              "failing one stops the build.", ""]
    if checks.code:  # runs apart in the file are a blank line apart here
        parts += fenced("\n\n".join(checks.code), ".python .no-copy") + [""]
    if checks.doctests:
        parts += fenced("\n".join(checks.doctests), ".pycon .no-copy") + [""]
    return convert("\n".join(parts + ["</details>"]))


def link_snippets(page: str, markdown: str, snippets: Path, build: BuildInfo,
                  check: bool = True) -> str:
    """Each `snippet:path` link target as the file's GitHub link; a missing file is an error
    that names the chapter line (unless `check` is off: a notebook's part of a chapter)."""
    errors = []

    def link(match: re.Match) -> str:
        path = match["path"]
        if not (snippets / path).is_file() or ".." in Path(path).parts:
            line = markdown.count("\n", 0, match.start("path")) + 1
            errors.append(f"docs/{page}:{line}: the link snippet:{path} names no file "
                          f"snippets/{path}")
            return match[0]
        return match["lead"] + build.blob_url(f"snippets/{path}") + (match["anchor"] or "")

    markdown = SNIPPET_LINK.sub(link, markdown)
    if errors and check:
        raise BookError("\n".join(errors))
    return markdown
