"""Reading what a chapter includes: exec blocks, named sections of snippets, \\computed{}.

Markdown syntax (see CONTRIBUTING.md):

    ```python exec="on" alt="text for a figure"
    --8<-- "part_2/calculus/power_rule.py:positive"
    ```

    $$ \\frac{d}{dx} x^3 = \\computed{part_2/calculus/power_rule.py:cube} $$
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data
from pymdownx.snippets import SnippetPreprocessor

from .alt_text import plain
from .errors import BookError
from .tex_tokens import COMPUTED

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*python\b(?P<attrs>.*)$")
ATTR = re.compile(r'([\w-]+)="([^"]*)"')
INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"(?P<path>[^":]+):(?P<section>[\w-]+)"[ \t]*$')
WHOLE_FILE = re.compile(r'^[ \t]*--8<--[ \t]+"(?P<path>[^":]+)"[ \t]*$')  # no :section
# Any include pymdownx.snippets acts on, and the line ranges or section after its path.
SNIPPET_LINE = SnippetPreprocessor.RE_ALL_SNIPPETS
PART = re.compile(r"(?i)(?::-?[0-9]*){1,2}(?:,-?[0-9]*(?::-?[0-9]*)?)*$|:[a-z][-_0-9a-z]*$")
MARKER = re.compile(r"^\s*# --8<-- \[(?P<kind>start|end):(?P<name>[\w-]+)\]\s*$")


def chapter_body(source: str) -> str:
    """A chapter as MkDocs renders it, without its front matter (as MkDocs reads it):
    blank lines in its place keep every line where the file has it."""
    body, meta = get_data(source)
    return "\n" * source.count("\n", 0, len(source) - len(body)) + body if meta else source


def parse_sections(path: str, text: str) -> dict[str, tuple[int, int]]:
    """Each named section of a snippet file: its first and last line of code (1-based)."""
    open_at: dict[str, int] = {}
    sections: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = MARKER.match(line)
        if not match:
            continue
        name = match["name"]
        if match["kind"] == "start":
            if open_at:
                raise LookupError(f"snippets/{path}:{number}: section {name!r} starts inside "
                                  f"section {next(iter(open_at))!r}")
            open_at[name] = number + 1
        elif name in open_at:
            sections[name] = (open_at.pop(name), number - 1)
    if open_at:  # one at most: a start inside a section is refused above
        name, first = open_at.popitem()
        raise LookupError(f"snippets/{path}:{first - 1}: section {name!r} starts here and "
                          f"never ends: add a line # --8<-- [end:{name}]")
    return sections


def read_snippet(snippets: Path, path: str) -> str:
    """The text of snippets/<path>; a missing file, or a path (or symlink) that leads out
    of snippets/, is an error that names it."""
    file = _inside(snippets, path)
    if not file.is_file():
        raise FileNotFoundError(f"no snippet file snippets/{path}")
    return file.read_text(encoding="utf-8")


@functools.cache  # a build reads a file up to eight times; refuse_symlinks
def _inside(snippets: Path, path: str) -> Path:  # forgets the paths at each build's start
    """snippets/<path>, once it is known to lead to itself inside snippets/."""
    file, root = snippets / path, snippets.resolve()
    resolved = file.resolve()
    if resolved != root / path or root not in resolved.parents:
        raise LookupError(f"snippets/{path} is not a file inside snippets/ (it resolves to "
                          f"{resolved}): an include or \\computed path must name a "
                          "snippet file itself, with no '..' and no symbolic link")
    return file


def refuse_symlinks(snippets: Path) -> None:
    """No symbolic link under snippets/: every file the build reads there is its own. (A
    build starts here: the paths read_snippet found inside snippets/ are checked again.)"""
    _inside.cache_clear()
    for path in sorted(snippets.rglob("*")) if snippets.is_dir() else []:
        if path.is_symlink():
            raise BookError(f"{path.relative_to(snippets.parent)} is a symbolic link (to "
                            f"{os.readlink(path)}): snippets/ holds only real files")


def read_section(path: str, section: str, text: str) -> tuple[str, int]:
    """Code between `# --8<-- [start:section]` and `[end:section]`, and its first line."""
    sections = parse_sections(path, text)
    if section not in sections:
        raise LookupError(f"snippets/{path} has no section [start:{section}] ... [end:{section}]")
    first, last = sections[section]
    lines = text.splitlines()[first - 1:last]
    while lines and not lines[0].strip():  # blank lines at the edges are not shown
        lines, first = lines[1:], first + 1
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return "\n".join(lines) + "\n", first


@dataclass
class Block:
    """One `exec` fence of a chapter, with where it stands and what it includes."""

    page: str  # chapter path relative to docs/
    line: int  # line of the opening fence in the chapter
    start: int  # index of the opening fence line
    stop: int  # index just after the closing fence line
    indent: str
    attrs: dict[str, str]
    path: str
    section: str

    @property
    def where(self) -> str:
        """The chapter file and line of the block, as failure messages name it."""
        return f"docs/{self.page}:{self.line}"

    @property
    def alt(self) -> str:
        """The figure's alt text as a page shows it (alt_text.py: markers gone)."""
        return plain(self.attrs.get("alt", ""))


def find_blocks(page: str, markdown: str, first: int = 1) -> list[Block]:
    """Every ```python exec="on"``` fence of a chapter; a malformed one is an error.
    `first`: the chapter's line number of the markdown's first line (a box's body)."""
    lines = markdown.splitlines()
    blocks, i = [], 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        fence, indent = match["fence"], match["indent"]
        close = next((j for j in range(i + 1, len(lines))
                      if lines[j].strip() == fence), None)
        if close is None:
            raise BookError(f"docs/{page}:{i + first}: code fence is never closed")
        attrs = dict(ATTR.findall(match["attrs"]))
        left_over = ATTR.sub("", match["attrs"]).strip()
        if "exec" in attrs and left_over:
            raise BookError(f"docs/{page}:{i + first}: the options of this block are "
                            'name="value" pairs, and a value cannot hold a double quote '
                            f"(write ' or “ ” inside it): {left_over!r} is left over")
        if attrs.get("exec") in {"on", "1", "true"}:
            body = [line for line in lines[i + 1:close] if line.strip()]
            include = INCLUDE.match(body[0]) if len(body) == 1 else None
            whole = WHOLE_FILE.match(body[0]) if len(body) == 1 and not include else None
            if whole:
                raise BookError(
                    f'docs/{page}:{i + first}: the include "{whole["path"]}" names no section: '
                    f'write --8<-- "{whole["path"]}:name", with the section marked in the '
                    'file by the lines "# --8<-- [start:name]" and "# --8<-- [end:name]"')
            if not include:
                ends = (f" (this one holds {len(body)}, up to the fence at line {close + first}:"
                        " is its own closing fence missing?)" if len(body) > 1 else "")
                raise BookError(f"docs/{page}:{i + first}: an exec block holds exactly one line "
                                f'--8<-- "path/to/snippet.py:section"{ends}')
            blocks.append(Block(page, i + first, i, close + 1, indent, attrs,
                                include["path"], include["section"]))
        i = close + 1
    return blocks


def include_errors(page: str, markdown: str, snippets: Path) -> list[str]:
    """Each pymdownx.snippets include outside the exec blocks whose file is missing or
    outside snippets/ (pymdownx itself would stop the build with a raw traceback)."""
    blocks = find_blocks(page, markdown)
    skip = {n for block in blocks for n in range(block.start, block.stop)}
    errors, listing = [], False  # listing: between the two `--8<--` lines of a block include
    for number, line in enumerate(markdown.splitlines()):
        match = None if number in skip else SNIPPET_LINE.match(line)
        if match and match["escape"]:
            continue
        if match and match["block_marker"]:
            listing = not listing
            continue
        path = (match["snippet"][1:-1] if match
                else line if listing and number not in skip else "").strip()
        if path and not path.startswith(";"):
            try:
                read_snippet(snippets, PART.sub("", path))
            except (OSError, LookupError) as err:
                errors.append(f'docs/{page}:{number + 1}: the include "{path}": {err}')
    return errors


def find_computed(markdown: str) -> list[tuple[str, str, int]]:
    """Every \\computed{path:name} of a chapter, with its line."""
    return [(m["path"], m["name"], markdown.count("\n", 0, m.start()) + 1)
            for m in COMPUTED.finditer(markdown)]


def page_title(markdown: str) -> str:
    """A chapter's title: its first-level heading."""
    match = re.search(r"^# (.*?)(?:\s*\{[^}]*\})?\s*$", markdown, re.M)
    return match[1] if match else ""
