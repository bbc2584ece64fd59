"""Chapter notebooks: each chapter's prose, formulas, boxes and examples, with outputs.

Nothing is executed here: the code cells are the snippet sections the build ran, and
their outputs are what those runs printed and drew.
"""

from __future__ import annotations

import posixpath
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .build_info import BuildInfo
from .equation_refs import MAYBE_REF, EquationRefs
from .errors import BookError
from .notebook_json import Node, dumps, new_code_cell, new_markdown_cell, new_notebook, node
from .pages import Book
from .section_refs import SectionRefs
from .sections import COMPUTED, Block, find_blocks, read_section, read_snippet
from .verification import link_snippets

HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]*\{[^}]*\})?[ \t]*$")
ATTR_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
ANY_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
ADMONITION = re.compile(r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)'
                        r'(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$')
LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")
OWN_ANCHOR = re.compile(r'(<a class="(?:eq|sec)-ref" href=")#')  # a reference to its own page

References = tuple[EquationRefs, SectionRefs]  # which page shows each number

KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
          "language_info": {"name": "python"}}


def dedent_block(lines: list[str], indent: str) -> list[str]:
    """Lines without the indent of the block they stand in."""
    return [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in lines]


def heading_id(text: str, attrs_line: str) -> str:
    """A heading's anchor: its { #id } if it has one, else its text, slugified."""
    match = ATTR_ID.search(attrs_line)
    if match:
        return match["id"]
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-")


@dataclass
class Piece:
    """A run of a chapter: a heading, a display formula, an exec block, or prose."""

    kind: str  # "heading" | "formula" | "block" | "prose" | "admonition"
    text: str = ""
    level: int = 0
    anchor: str = ""
    block: Block | None = None
    title: str = ""
    body: list[str] | None = None  # an admonition's lines, dedented
    line: int = 0


def pieces(page: str, markdown: str, first: int = 1) -> list[Piece]:
    """Split a chapter (or an admonition's body, whose first line is the chapter's line
    `first`) into headings, formulas, blocks, prose."""
    blocks = {b.start: b for b in find_blocks(page, markdown, first)}
    lines = markdown.splitlines()
    out: list[Piece] = []
    prose: list[str] = []

    def flush():
        if any(line.strip() for line in prose):
            out.append(Piece("prose", "\n".join(prose).strip("\n")))
        prose.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if i in blocks:
            flush()
            out.append(Piece("block", block=blocks[i], line=i + first))
            i = blocks[i].stop
            continue
        fence = ANY_FENCE.match(line)
        if fence:
            close = next((j for j in range(i + 1, len(lines))
                          if lines[j].strip() == fence["fence"]), len(lines) - 1)
            prose.extend(lines[i:close + 1])
            i = close + 1
            continue
        heading = HEADING.match(line)
        if heading and not line.startswith((" ", "\t")):
            flush()
            out.append(Piece("heading", heading["text"], len(heading["hashes"]),
                             heading_id(heading["text"], line), line=i + first))
            i += 1
            continue
        admonition = ADMONITION.match(line)
        if admonition:
            flush()
            indent = admonition["indent"]
            j = i + 1
            while j < len(lines) and (not lines[j].strip()
                                      or lines[j].startswith(indent + "    ")
                                      or lines[j].startswith(indent + "\t")):
                j += 1
            while j > i + 1 and not lines[j - 1].strip():
                j -= 1
            body = dedent_block(lines[i + 1:j], indent + "    ")
            out.append(Piece("admonition", kind_of(admonition), title=admonition["title"] or "",
                             body=body, line=i + first))
            i = j
            continue
        if line.strip().startswith("$$"):
            flush()
            j = i + 1 if line.strip() == "$$" or not line.strip().endswith("$$") else i
            while j < len(lines) and "$$" not in (lines[j] if j > i else ""):
                j += 1
            formula = "\n".join(lines[i:j + 1])
            out.append(Piece("formula", textwrap.dedent(formula).strip(), line=i + first))
            i = j + 1
            continue
        prose.append(line)
        i += 1
    flush()
    return out


def kind_of(match: re.Match) -> str:
    """An admonition's kind (note, question, success...)."""
    return match["kind"]


# --- Building notebooks -----------------------------------------------------------


class Builder:
    """Turns chapter markdown and the book's results into nbformat v4 notebooks."""

    def __init__(self, book: Callable[[], Book | None], snippets: Path, site_url: str,
                 build: BuildInfo, references: Callable[[], References] | None = None):
        self.book = book  # the build's Book, once it has one
        self.references = references  # the build's, read from every chapter
        self.snippets = snippets
        self.site_url = site_url.rstrip("/") + "/"
        self.build = build  # the stamp every notebook carries

    # Values and links
    def computed(self, text: str) -> str:
        """Text with each \\computed{path:name} replaced by its value, once its file has run."""
        book = self.book()

        def value(match: re.Match) -> str:
            job = book.files.get(match["path"]) if book else None
            if job is None or not job.done.is_set():
                if job is None or book.executor is None:
                    return r"\boxed{?}"
                book.executor.wait(job)
            values = (job.result or {}).get("values") or {}
            return "{" + values[match["name"]] + "}" if match["name"] in values else r"\boxed{?}"
        return COMPUTED.sub(value, text)

    def links(self, text: str, page: str) -> str:
        """Relative links to other chapters become absolute links to the published site."""
        def absolute(match: re.Match) -> str:
            target = match["target"]
            if re.match(r"^[a-z]+:|^#", target):
                if target.startswith("#"):
                    return f"]({self.site_url}{page_url(page)}{target})"
                return match[0]
            path, _, anchor = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            url = self.site_url + page_url(resolved) + (f"#{anchor}" if anchor else "")
            return f"]({url})"
        return LINK.sub(absolute, text)

    def prose(self, text: str, page: str) -> str:
        """Markdown of a chapter for a notebook cell: values in, links absolute."""
        text = re.sub(r"^\*\[[^\]]+\]:.*$", "", text, flags=re.M)  # abbreviations
        # A missing file is reported by the chapter's page, which knows its line.
        text = link_snippets(page, text, self.snippets, self.build, check=False)
        return self.links(self.computed(self.linked(text, page)), page).strip("\n")

    def linked(self, text: str, page: str) -> str:
        """Section and equation references as links to the published site, where the
        chapter's page links them (its own anchors too: a notebook has none); words where
        that page stops the build, which names the line."""
        if self.references is None or "§" not in text and not MAYBE_REF.search(text):
            return text  # (most of a chapter's cells: at once)
        equations, sections = self.references()

        def url(uri: str) -> str:
            return self.site_url + page_url(uri)
        try:
            text = equations.link(page, text, url, sections.edits(page, text, url),
                                  targets=False)
        except BookError:
            return text
        return OWN_ANCHOR.sub(rf"\g<1>{url(page)}#", text)

    # Cells
    def code_cell(self, block: Block, count: int) -> Node:
        """A snippet section as a code cell, with what it printed and drew in this build."""
        book = self.book()
        job = book.shown(block.path, block.section) if book.executor else None
        if job is None:  # BOOK_EXECUTE=0: code only
            code = read_section(block.path, block.section,
                                read_snippet(self.snippets, block.path))[0]
            result = {"stdout": "", "figures": []}
        else:
            code, result = job.code, job.result or {}
        outputs = []
        if result.get("stdout"):
            outputs.append(node(
                {"output_type": "stream", "name": "stdout", "text": result["stdout"]}))
        for svg in result.get("figures") or []:  # alt: the chapter block's (book.py requires it)
            outputs.append(node({
                "output_type": "display_data",
                "data": {"image/svg+xml": svg, "text/plain": "<Figure>"},
                "metadata": {"image/svg+xml": {"alt": block.alt}}}))
        cell = new_code_cell(code.rstrip("\n"), outputs=outputs, execution_count=count)
        cell.metadata["snippet"] = f"{block.path}:{block.section}"
        return cell

    def notebook(self, cells: list, title: str) -> Node:
        """A notebook of these cells, with stable cell ids and the build's stamp (in its
        metadata, and under the first markdown that is more than a title)."""
        nb = new_notebook(cells, {**KERNEL, "title": title, "book_build": self.build.metadata()})
        markdown = [cell for cell in nb.cells if cell.cell_type == "markdown"]
        first = next((cell for cell in markdown if not HEADING.fullmatch(cell.source)),
                     markdown[0] if markdown else None)
        if first is not None:
            first.source = f"{first.source}\n\n{self.build.markdown()}"
        for n, cell in enumerate(nb.cells, 1):
            cell.id = f"cell-{n}"  # stable ids: the same book builds the same notebook
        return nb

    # A chapter
    def chapter(self, page: str, markdown: str) -> Node:
        """The chapter in full: its title and a note, then its prose, lists, formulas and
        boxes (corrections, questions and answers as block quotes) with its examples."""
        lines = markdown.splitlines()
        first = next((n for n, line in enumerate(lines) if (m := HEADING.match(line))
                      and len(m["hashes"]) == 1), None)
        title = HEADING.match(lines[first])["text"] if first is not None else page
        rest = "\n".join(lines[first + 1:] if first is not None else lines)
        cells = [new_markdown_cell(f"# {title}"),
                 new_markdown_cell(intro(self, page))]
        cells += self.full(page, rest, [0], answers=False,
                           first=first + 2 if first is not None else 1)
        return self.notebook(cells, title)

    # Any markdown, in full: prose, formulas, admonitions and examples
    def full(self, page: str, markdown: str, count: list[int], answers: bool = True,
             first: int = 1) -> list:
        """Cells of any markdown, in full: prose, formulas, admonitions and examples; without
        `answers`, an exercise's folded answer only points to its part's solutions notebook
        (a chapter notebook holds the questions; the solutions notebook the answers)."""
        cells, text = [], []

        def flush(made: str = "") -> None:
            """A cell of the words so far, then `made` (words made already: not again)."""
            parts = [self.prose("\n\n".join(text), page)] if any(t.strip() for t in text) else []
            if parts or made:
                cells.append(new_markdown_cell("\n\n".join([*parts, made] if made else parts)))
            text.clear()

        for piece in pieces(page, markdown, first):
            if piece.kind == "block":
                flush()
                count[0] += 1
                cells.append(self.code_cell(piece.block, count[0]))
            elif piece.kind == "heading":
                text.append("#" * piece.level + " " + piece.text)
            elif piece.kind == "admonition" and not answers and piece.text == "success" \
                    and piece.title.startswith("Answer"):
                part = page.split("/")[0]
                solutions = f"{self.site_url}workbooks/{part}-solutions/"
                text.append(f"> **{piece.title}.** In the [solutions notebook]({solutions}) "
                            "of this part, and folded on the chapter's page.")
            elif piece.kind == "admonition":
                inner = self.full(page, "\n".join(piece.body), count, answers, piece.line + 1)
                head = self.prose(f"**{piece.title}.**", page) if piece.title else ""
                if inner and inner[0].cell_type == "markdown":  # (its words are made)
                    quoted = (head + " " + inner.pop(0).source).strip()
                    flush("\n".join("> " + line for line in quoted.splitlines()))
                else:
                    flush("> " + head if head else "")
                cells.extend(inner)
            else:
                text.append(piece.text)
        flush()
        return cells


def page_url(page: str) -> str:
    """docs path -> directory URL: part-2/calculus.md -> part-2/calculus/."""
    path = posixpath.splitext(page)[0]
    if posixpath.basename(path) == "index":
        path = posixpath.dirname(path)
    return path + "/" if path else ""


def notebook_name(page: str) -> str:
    """A chapter's notebook file name: part-2/calculus.md -> calculus.ipynb."""
    url = page_url(page).rstrip("/")
    return (posixpath.basename(url) or "index") + ".ipynb"


def intro(builder: Builder, page: str) -> str:
    """The paragraph under a chapter notebook's title."""
    return (f"This notebook is the executable version of "
            f"[this chapter]({builder.site_url}{page_url(page)}) of *Verified Mathematics "
            "for Machine Learning*: its text, formulas and boxes, and its examples. Every "
            "code cell is one of the book's snippets, in page "
            "order, with the output it printed when the site was built; each cell runs on "
            "its own, so you can run them in any order.")


def placeholder(title: str) -> str:
    """A notebook of just a title, until the real one can be written."""
    return dumps(new_notebook([new_markdown_cell(f"# {title}")], dict(KERNEL)))
