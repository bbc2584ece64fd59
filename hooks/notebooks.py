"""MkDocs hook: every chapter as a Jupyter notebook, and a workbook of exercises per part.

Runs after hooks/book.py and executes nothing: the code cells are the snippet sections the
book hook ran in this build, and their outputs are what those runs printed and drew.

- Each chapter page with snippets gets `<page-url>/<chapter>.ipynb` in the site (headings,
  the key formula before each example, the code, its stdout and SVG figures) and a row of
  "Download notebook" / "Open in Colab" links at the top.
- Each part gets a workbook (its exercises as answer cells with a `check_...` function
  that says right or wrong) and a solutions notebook. They are generated outside docs/
  (in .cache/notebooks/<build process id>/, removed when the build ends) and added as
  generated files, which mkdocs-jupyter renders as pages; math in them is typeset with
  the book's KaTeX at build time and the MathJax and Mermaid scripts nbconvert adds
  (loaded from a CDN) are removed.
"""

from __future__ import annotations

import base64
import hashlib
import html
import inspect
import json
import logging
import os
import posixpath
import re
import shutil
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.notebooks")

REPOSITORY = "math-for-ml/verified-textbook"
PUBLISHED_BRANCH = "gh-pages"  # the deploy job pushes the built site here
COLAB = f"https://colab.research.google.com/github/{REPOSITORY}/blob/{PUBLISHED_BRANCH}/"

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / ".cache" / "notebooks"  # generated workbooks: outside docs/, not watched

HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]*\{[^}]*\})?[ \t]*$")
ATTR_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
ANY_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
ADMONITION = re.compile(r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)'
                        r'(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$')
LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)(?P<tex>[^$]+?)(?<!\\)\$")
DISPLAY_MATH = re.compile(r"\$\$(?P<tex>.+?)\$\$", re.S)
RENDERED_MARKDOWN = re.compile(
    r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>\s*</div>)',
    re.S)
CDN_SCRIPTS = re.compile(
    r'<!-- Load mathjax -->.*?</script>\s*<!-- End of mathjax configuration -->'
    r'|<script[^>]*src="[^"]*(?:mathjax|mermaid)[^"]*"[^>]*>\s*</script>'
    r'|<script type="text/x-mathjax-config">.*?</script>'
    r'|<script type="module">(?:(?!</script>).)*?mermaid(?:(?!</script>).)*?</script>'
    r'|<style>\s*\.jp-Mermaid(?:(?!</style>).)*</style>'
    r'|<!-- End of mermaid configuration -->',
    re.S | re.I)
# mkdocs-jupyter inlines its 0.6 MB stylesheet into every notebook page: move big ones to
# one shared file per content, which the browser then caches.
BIG_STYLE = re.compile(r'<style type="text/css">(?P<css>(?:(?!</style>).){20000,})</style>',
                       re.S)

KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
          "language_info": {"name": "python"}}


# --- Reading the chapters ---------------------------------------------------------


def dedent_block(lines: list[str], indent: str) -> list[str]:
    return [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in lines]


def heading_id(text: str, attrs_line: str) -> str:
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
    block: object = None  # book.Block
    title: str = ""
    body: list[str] | None = None  # an admonition's lines, dedented
    line: int = 0


def pieces(page: str, markdown: str, book) -> list[Piece]:
    """Split a chapter (or an admonition's body) into headings, formulas, blocks, prose."""
    blocks = {b.start: b for b in book.find_blocks(page, markdown)}
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
            out.append(Piece("block", block=blocks[i], line=i + 1))
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
                             heading_id(heading["text"], line), line=i + 1))
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
                             body=body, line=i + 1))
            i = j
            continue
        if line.strip().startswith("$$"):
            flush()
            j = i + 1 if line.strip() == "$$" or not line.strip().endswith("$$") else i
            while j < len(lines) and "$$" not in (lines[j] if j > i else ""):
                j += 1
            formula = "\n".join(lines[i:j + 1])
            out.append(Piece("formula", textwrap.dedent(formula).strip(), line=i + 1))
            i = j + 1
            continue
        prose.append(line)
        i += 1
    flush()
    return out


def kind_of(match: re.Match) -> str:
    return match["kind"]


# --- Building notebooks -----------------------------------------------------------


class Builder:
    """Turns chapter markdown and the book's results into nbformat v4 notebooks."""

    def __init__(self, book, site_url: str):
        self.book = book
        self.site_url = site_url.rstrip("/") + "/"

    # Values and links
    def computed(self, text: str) -> str:
        def value(match: re.Match) -> str:
            job = self.book._book.files.get(match["path"]) if self.book._book else None
            if job is None or not job.done.is_set():
                if job is None or self.book._book.executor is None:
                    return r"\boxed{?}"
                self.book._book.executor.wait(job)
            values = (job.result or {}).get("values") or {}
            return "{" + values[match["name"]] + "}" if match["name"] in values else r"\boxed{?}"
        return self.book.COMPUTED.sub(value, text)

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
        text = re.sub(r"^\*\[[^\]]+\]:.*$", "", text, flags=re.M)  # abbreviations
        return self.links(self.computed(text), page).strip("\n")

    # Cells
    def code_cell(self, block, count: int) -> nbformat.NotebookNode:
        book = self.book._book
        job = book.shown(block.path, block.section) if book.executor else None
        if job is None:  # BOOK_EXECUTE=0: code only
            code = self.book.read_section(block.path, block.section)[0]
            result = {"stdout": "", "figures": []}
        else:
            code, result = job.code, job.result or {}
        outputs = []
        if result.get("stdout"):
            outputs.append(nbformat.v4.new_output("stream", name="stdout", text=result["stdout"]))
        for svg in result.get("figures") or []:  # alt: the chapter block's (book.py requires it)
            outputs.append(nbformat.v4.new_output(
                "display_data", data={"image/svg+xml": svg, "text/plain": "<Figure>"},
                metadata={"image/svg+xml": {"alt": block.attrs.get("alt", "")}}))
        cell = nbformat.v4.new_code_cell(code.rstrip("\n"), outputs=outputs,
                                         execution_count=count)
        cell.metadata["snippet"] = f"{block.path}:{block.section}"
        return cell

    def notebook(self, cells: list, title: str) -> nbformat.NotebookNode:
        nb = nbformat.v4.new_notebook(cells=cells, metadata={**KERNEL, "title": title})
        for n, cell in enumerate(nb.cells, 1):
            cell.id = f"cell-{n}"  # stable ids: the same book builds the same notebook
        nbformat.validate(nb)
        return nb

    # A chapter
    def chapter(self, page: str, markdown: str) -> nbformat.NotebookNode:
        """Headings, the key formula before each example, and the examples with outputs."""
        cells, count, title = [], 0, page
        formula: Piece | None = None

        def walk(items: list[Piece]) -> None:
            nonlocal count, formula, title
            for piece in items:
                if piece.kind == "heading":
                    formula = None
                    if piece.level == 1:
                        title = piece.text
                    cells.append(nbformat.v4.new_markdown_cell(
                        "#" * piece.level + " " + piece.text))
                    if piece.level == 1:
                        cells.append(nbformat.v4.new_markdown_cell(intro(self, page)))
                elif piece.kind == "formula":
                    formula = piece
                elif piece.kind == "admonition":
                    walk(pieces(page, "\n".join(piece.body), self.book))
                elif piece.kind == "block":
                    if formula is not None:
                        cells.append(nbformat.v4.new_markdown_cell(
                            self.computed(formula.text)))
                        formula = None
                    count += 1
                    cells.append(self.code_cell(piece.block, count))

        walk(pieces(page, markdown, self.book))
        return self.notebook(cells, title)

    # Any markdown, in full: prose, formulas, admonitions and examples
    def full(self, page: str, markdown: str, count: list[int]) -> list:
        cells, text = [], []

        def flush():
            if any(t.strip() for t in text):
                cells.append(nbformat.v4.new_markdown_cell(self.prose("\n\n".join(text), page)))
            text.clear()

        for piece in pieces(page, markdown, self.book):
            if piece.kind == "block":
                flush()
                count[0] += 1
                cells.append(self.code_cell(piece.block, count[0]))
            elif piece.kind == "heading":
                text.append("#" * piece.level + " " + piece.text)
            elif piece.kind == "admonition":
                inner = self.full(page, "\n".join(piece.body), count)
                head = f"**{piece.title}.**" if piece.title else ""
                if inner and inner[0].cell_type == "markdown":
                    quoted = (head + " " + inner.pop(0).source).strip()
                    text.append("\n".join("> " + line for line in quoted.splitlines()))
                elif head:
                    text.append("> " + head)
                flush()
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
    url = page_url(page).rstrip("/")
    return (posixpath.basename(url) or "index") + ".ipynb"


def intro(builder: Builder, page: str) -> str:
    return (f"This notebook is the executable version of "
            f"[this chapter]({builder.site_url}{page_url(page)}) of *Verified Mathematics "
            "for Machine Learning*. Every code cell is one of the book's snippets, in page "
            "order, with the output it printed when the site was built; each cell runs on "
            "its own, so you can run them in any order.")


# --- Workbooks --------------------------------------------------------------------


def _answer_or_none(answer):
    """None when the reader has not answered yet (left `...` in the cell)."""
    return None if answer is ... or answer is None else answer


def _same(answer, expected) -> bool:
    """Whether a reader's answer equals the expected one, up to equivalent forms.

    Accepts SymPy expressions (any equivalent form, floats read as exact fractions,
    symbols matched by name whatever their assumptions), plain numbers, strings SymPy can
    parse, and, for matrices, SymPy matrices, NumPy arrays or nested lists (a vector as
    a row, a column or a flat list)."""
    import sympy as sp

    if isinstance(expected, sp.MatrixBase):
        try:
            got = sp.Matrix(answer)
        except Exception:  # noqa: BLE001 - anything that is not a matrix is wrong
            return False
        if got.shape != expected.shape:
            if 1 in expected.shape and len(got) == len(expected) and 1 in got.shape:
                got = got.reshape(*expected.shape)
            else:
                return False
        return all(_same(a, e) for a, e in zip(got, expected))
    try:
        got = sp.sympify(answer)
    except (sp.SympifyError, TypeError, ValueError):
        return False
    if not isinstance(got, sp.Basic) or isinstance(got, sp.MatrixBase):
        return False
    names = {s.name: s for s in sp.sympify(expected).atoms(sp.Symbol)}
    got = got.xreplace({s: names.get(s.name, s) for s in got.atoms(sp.Symbol)})
    got = sp.nsimplify(got, rational=True)
    difference = sp.simplify(got - expected)
    if difference == 0 or difference.equals(0) is True:
        return True
    free = difference.free_symbols
    if not free or any(not isinstance(s, sp.Symbol) for s in free):
        return False
    # Forms SymPy does not simplify into each other (exp(N log b) and b**N): compare the
    # values at a few points where every symbol is positive.
    for point in ((0.7, 1.3, 2.1), (1.9, 0.4, 1.1), (2.6, 1.7, 0.3)):
        values = {s: point[n % 3] + n / 7 for n, s in enumerate(sorted(free, key=str))}
        value = complex(difference.evalf(subs=values))
        if not abs(value) < 1e-9:
            return False
    return True


def _say(name: str, answer, ok) -> None:
    if _answer_or_none(answer) is None:
        print(f"{name}: no answer yet. Replace ... by your answer and run the cell again.")
    elif ok():
        print(f"{name}: right.")
    else:
        print(f"{name}: not right yet. Check your working and try again.")


def check_exercise_1(derivative):
    """d/dx [4x^2.5 + x^(1/2) - 6x^(-1/2)], for x > 0, as a SymPy expression in x."""
    import sympy as sp
    x = sp.symbols("x", positive=True)
    f = 4 * x ** sp.Rational(5, 2) + sp.sqrt(x) - 6 / sp.sqrt(x)
    _say("Exercise 1", derivative, lambda: _same(derivative, sp.diff(f, x)))


def check_exercise_2(derivative):
    """d/dx (x + 1)^3 by the chain rule, as a SymPy expression in x."""
    import sympy as sp
    x = sp.symbols("x")
    _say("Exercise 2", derivative, lambda: _same(derivative, sp.diff((x + 1) ** 3, x)))


def check_exercise_3(derivative):
    """d/dx of the multiplied-out (x + 1)^3, as a SymPy expression in x."""
    import sympy as sp
    x = sp.symbols("x")
    f = sp.expand((x + 1) ** 3)
    _say("Exercise 3", derivative, lambda: _same(derivative, sp.diff(f, x)))


def check_exercise_4(a):
    """The a that minimises L(a) = 4a^2 + 2a + 1."""
    import sympy as sp
    s = sp.symbols("a")
    loss = 4 * s**2 + 2 * s + 1

    def ok():
        if not _same(sp.diff(loss, s).subs(s, sp.nsimplify(sp.sympify(a))), 0):
            return False
        return sp.diff(loss, s, 2) > 0
    _say("Exercise 4", a, ok)


def check_exercise_5(total):
    """The sum of i^2 for i = 0, ..., 5, a number."""
    _say("Exercise 5", total, lambda: _same(total, sum(i**2 for i in range(0, 6))))


def check_exercise_6(product):
    """The product of i for i = 1, ..., 5, a number."""
    import math
    _say("Exercise 6", product, lambda: _same(product, math.prod(range(1, 6))))


def check_exercise_7(total):
    """The sum of b for i = 1, ..., N, a SymPy expression in N and b."""
    import sympy as sp
    i, N, b = sp.symbols("i N b")
    _say("Exercise 7", total, lambda: _same(total, sp.summation(b, (i, 1, N))))


def check_exercise_8(product):
    """The product of b for i = 1, ..., N, a SymPy expression in N and b."""
    import sympy as sp
    i, N, b = sp.symbols("i N b")
    _say("Exercise 8", product, lambda: _same(product, sp.product(b, (i, 1, N))))


def check_exercise_9(C):
    """[[1, 2], [3, 4]] times [[5, 6], [7, 8]], as a matrix, array or nested list."""
    import sympy as sp
    A, B = sp.Matrix([[1, 2], [3, 4]]), sp.Matrix([[5, 6], [7, 8]])
    _say("Exercise 9", C, lambda: _same(C, A * B))


def check_exercise_10(inverse):
    """The inverse of [[1, 2], [3, 4]], as a matrix, array or nested list."""
    import sympy as sp
    A = sp.Matrix([[1, 2], [3, 4]])
    _say("Exercise 10", inverse, lambda: _same(sp.Matrix(inverse) * A, sp.eye(2)))


def check_exercise_11(x):
    """(x1, x2) with [[1, 2], [3, 4]] (x1, x2) = (5, 6), as a vector or list."""
    import sympy as sp
    A, rhs = sp.Matrix([[1, 2], [3, 4]]), sp.Matrix([5, 6])

    def ok():
        return _same(x, sp.Matrix([0, 0])) is False and _same(A * sp.Matrix(
            [sp.nsimplify(v) for v in sp.Matrix(x)]), rhs)
    _say("Exercise 11", x, ok)


def check_exercise_12(dy_dw):
    """dy_i/dw_k for y = X w, written with X = sp.IndexedBase("X") and symbols i, k."""
    import sympy as sp
    i, j, k, N = sp.symbols("i j k N", integer=True, positive=True)
    X, w = sp.IndexedBase("X"), sp.IndexedBase("w")

    def ok():
        y_i = sp.Sum(X[i, j] * w[j], (j, 1, N))
        got = sp.sympify(dy_dw)
        got = got.xreplace({s: {"i": i, "k": k}.get(s.name, s) for s in got.atoms(sp.Symbol)})
        # Differentiate the sum at N = 3 for each k in 1..3 and compare entry by entry.
        for kk in range(1, 4):
            expected = sp.diff(y_i.subs(N, 3).doit(), w[kk])
            if not _same(got.subs(k, kk), expected):
                return False
        return True
    _say("Exercise 12", dy_dw, ok)


def check_minimum_slopes(slopes):
    """f'(-3), f'(-2), f'(-1) for f(x) = x^2 + 4x - 2, as a list of three numbers."""
    import sympy as sp
    x = sp.symbols("x")
    f_prime = sp.diff(x**2 + 4 * x - 2, x)
    expected = sp.Matrix([f_prime.subs(x, v) for v in (-3, -2, -1)])
    _say("Rate of change at the minimum", slopes, lambda: _same(slopes, expected))


def check_layer_arrows(arrows):
    """The arrows of a linear layer's graph, m = 3 inputs, n = 2 outputs, as name pairs."""
    expected = {(f"x{j}", f"y{i}") for j in range(1, 4) for i in range(1, 3)}

    def ok():
        got = [tuple(str(end) for end in arrow) for arrow in arrows]
        return len(got) == len(set(got)) and set(got) == expected
    _say("Linear layer graph", arrows, ok)


def check_sifting(sifted):
    """The sums over j of delta_ij x_j for i = 1..4, x = x1..x4, as a list."""
    import sympy as sp
    i, j = sp.symbols("i j", integer=True)
    x = sp.IndexedBase("x")
    expected = sp.Matrix([sp.Symbol(f"x{n}") for n in range(1, 5)])
    total = sp.Sum(sp.KroneckerDelta(i, j) * x[j], (j, 1, 4))
    expected = sp.Matrix([total.subs(i, n).doit().subs(x[n], sp.Symbol(f"x{n}"))
                          for n in range(1, 5)])
    _say("Sifting property", sifted, lambda: _same(sifted, expected))


def check_bilinear_jacobian(J):
    """d(y^T A x)/dx for n = 2, m = 3 with the symbols of the cell, a 1 x 3 matrix."""
    import sympy as sp
    y = sp.Matrix(sp.symbols("y1:3"))
    A = sp.Matrix(2, 3, sp.symbols("A1(1:4) A2(1:4)"))
    x = sp.Matrix(sp.symbols("x1:4"))
    expected = (y.T * A * x).jacobian(x)
    _say("Derivative of y^T A x", J, lambda: _same(J, expected))


def check_big_example(dy2_dx2):
    """dy2/dx2 for y = h(g(x1, x2, x3)), a SymPy expression in x1, x2, x3."""
    import sympy as sp
    x1, x2, x3 = sp.symbols("x1 x2 x3", positive=True)
    u, v = x1**2 * x2**2, sp.sqrt(x2 * x3)
    _say("A bigger example", dy2_dx2, lambda: _same(dy2_dx2, sp.diff(u * v, x2)))


@dataclass
class Exercise:
    """An exercise of a workbook: where its prompt is, and how a reader's answer is checked."""

    key: str  # "part-2/exercises.md#exercise-4": chapter and the heading above the prompt
    check: object  # the check function
    template: str  # the answer cell: setup, the answer `= ...`, the call of the check


SYMPY = "import sympy as sp\n\n"
EXERCISES = [
    Exercise("part-2/exercises.md#exercise-1", check_exercise_1,
             SYMPY + 'x = sp.symbols("x", positive=True)\nderivative = ...\n'),
    Exercise("part-2/exercises.md#exercise-2", check_exercise_2,
             SYMPY + 'x = sp.symbols("x")\nderivative = ...\n'),
    Exercise("part-2/exercises.md#exercise-3", check_exercise_3,
             SYMPY + 'x = sp.symbols("x")\nderivative = ...\n'),
    Exercise("part-2/exercises.md#exercise-4", check_exercise_4, "a = ...\n"),
    Exercise("part-2/exercises.md#exercise-5", check_exercise_5, "total = ...\n"),
    Exercise("part-2/exercises.md#exercise-6", check_exercise_6, "product = ...\n"),
    Exercise("part-2/exercises.md#exercise-7", check_exercise_7,
             SYMPY + 'N, b = sp.symbols("N b")\ntotal = ...\n'),
    Exercise("part-2/exercises.md#exercise-8", check_exercise_8,
             SYMPY + 'N, b = sp.symbols("N b")\nproduct = ...\n'),
    Exercise("part-2/exercises.md#exercise-9", check_exercise_9, "C = ...\n"),
    Exercise("part-2/exercises.md#exercise-10", check_exercise_10, "inverse = ...\n"),
    Exercise("part-2/exercises.md#exercise-11", check_exercise_11, "x = ...  # (x1, x2)\n"),
    Exercise("part-2/exercises.md#exercise-12", check_exercise_12,
             SYMPY + 'i, k = sp.symbols("i k", integer=True, positive=True)\n'
             'X, w = sp.IndexedBase("X"), sp.IndexedBase("w")\ndy_dw = ...\n'),
    Exercise("part-1/calculus/index.md#smallest-error", check_minimum_slopes,
             "slopes = ...  # [f'(-3), f'(-2), f'(-1)]\n"),
    Exercise("part-1/calculus/multivariate.md#big-example", check_big_example,
             SYMPY + 'x1, x2, x3 = sp.symbols("x1 x2 x3", positive=True)\ndy2_dx2 = ...\n'),
    Exercise("part-1/calculus/jacobians.md#linear-layer", check_layer_arrows,
             '# every arrow as a pair of names, e.g. ("x1", "y1")\narrows = ...\n'),
    Exercise("part-1/calculus/jacobians.md#kronecker-delta", check_sifting,
             SYMPY + 'x1, x2, x3, x4 = sp.symbols("x1:5")\n'
             "# entry i: the sum over j = 1..4 of delta_ij x_j\nsifted = ...\n"),
    Exercise("part-1/calculus/jacobians.md#y-transpose-a-x", check_bilinear_jacobian,
             SYMPY + 'y = sp.Matrix(sp.symbols("y1:3"))\n'
             'A = sp.Matrix(2, 3, sp.symbols("A1(1:4) A2(1:4)"))\n'
             'x = sp.Matrix(sp.symbols("x1:4"))\nJ = ...  # the 1 x 3 Jacobian\n'),
]
BY_KEY = {exercise.key: exercise for exercise in EXERCISES}
PARTS = {"part-1": "Part I", "part-2": "Part II"}


def check_source() -> str:
    """The code of the workbook's first cell: the helpers and every check function."""
    functions = [_answer_or_none, _same, _say, *(e.check for e in EXERCISES)]
    return "\n\n".join(inspect.getsource(f).rstrip() for f in functions) + "\n"


@dataclass
class Task:
    """One exercise as found on a chapter page."""

    key: str
    page: str
    title: str  # heading text of the exercise or of its section
    prompt: list[str]  # markdown lines
    answer: list[str]  # markdown lines of the answer, when the page has one


def find_tasks(page: str, markdown: str) -> list[Task]:
    """Part II's numbered exercises and Part I's "Try it yourself" questions of a chapter."""
    tasks: list[Task] = []
    lines = markdown.splitlines()
    heading, anchor = "", ""
    seen: dict[str, int] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        match = HEADING.match(line)
        if match and not line.startswith((" ", "\t")):
            heading, anchor = match["text"], heading_id(match["text"], line)
            if re.match(r"Exercise \d+$", heading):
                body, answer, j = [], [], i + 1
                while j < len(lines) and not HEADING.match(lines[j]):
                    body.append(lines[j])
                    j += 1
                split = next((n for n, text in enumerate(body)
                              if (m := ADMONITION.match(text)) and m["kind"] == "success"),
                             len(body))
                prompt, answer = body[:split], dedent_block(body[split + 1:], "    ")
                tasks.append(Task(f"{page}#{anchor}", page, heading, prompt, answer))
                i = j
                continue
        admonition = ADMONITION.match(line)
        if admonition and admonition["kind"] == "question" and not admonition["indent"]:
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j].startswith("    ")):
                j += 1
            prompt = dedent_block(lines[i + 1:j], "    ")
            answer: list[str] = []
            if j < len(lines) and (m := ADMONITION.match(lines[j])) and m["kind"] == "success":
                k = j + 1
                while k < len(lines) and (not lines[k].strip() or lines[k].startswith("    ")):
                    k += 1
                answer = dedent_block(lines[j + 1:k], "    ")
                j = k
            key = f"{page}#{anchor}"
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                key += f"-{seen[key]}"
            tasks.append(Task(key, page, heading, prompt, answer))
            i = j
            continue
        i += 1
    return tasks


def page_title(markdown: str) -> str:
    match = re.search(r"^# (.*?)(?:\s*\{[^}]*\})?\s*$", markdown, re.M)
    return match[1] if match else ""


class Workbooks:
    """The workbook and solutions notebook of each part, as generated pages."""

    def __init__(self, sources: dict[str, str]):
        self.sources = sources  # chapter path -> markdown
        self.tasks: dict[str, list[Task]] = {}
        for part in PARTS:
            self.tasks[part] = [task for page, text in sorted(sources.items(), key=nav_order)
                                if page.startswith(part + "/") for task in find_tasks(page, text)]

    def needed(self, book) -> list[str]:
        """The snippet files the solutions notebooks show or quote, in their order."""
        paths: list[str] = []
        for part in PARTS:
            for task in self.tasks[part]:
                text = "\n".join(task.prompt + task.answer)
                try:
                    paths += [block.path for block in book.find_blocks(task.page, text)]
                except book.BookError:
                    pass  # the chapter's own page reports it
                paths += [path for path, _, _ in book.find_computed(text)]
        return list(dict.fromkeys(paths))

    def uris(self) -> dict[str, str]:
        """Generated file -> the part it belongs to."""
        out = {}
        for part in PARTS:
            out[f"workbooks/{part}.ipynb"] = part
            out[f"workbooks/{part}-solutions.ipynb"] = part
        return out

    def workbook(self, builder: Builder, part: str) -> nbformat.NotebookNode:
        name = PARTS[part]
        cells = [
            nbformat.v4.new_markdown_cell(
                f"# {name} workbook\n\n"
                f"The exercises of {name} of *Verified Mathematics for Machine Learning*, to "
                "work in Jupyter or Colab. Run the first code cell once: it defines a "
                "`check_...` function for each exercise. Then replace `...` in an exercise's "
                "cell by your answer and run the cell: the check computes the expected "
                "result from the exercise's data and says only whether yours is right, "
                "whatever equivalent form you write it in. Worked answers are in the "
                f"[solutions notebook]({builder.site_url}workbooks/{part}-solutions/)."),
            nbformat.v4.new_code_cell(check_source()),
        ]
        for task in self.tasks[part]:
            cells.append(nbformat.v4.new_markdown_cell(self.prompt(builder, task)))
            exercise = BY_KEY.get(task.key)
            if exercise is None:
                cells.append(nbformat.v4.new_code_cell("# Your working (no automatic check)\n"))
                continue
            cell = nbformat.v4.new_code_cell(
                exercise.template + f"{exercise.check.__name__}("
                + answer_name(exercise.template) + ")")
            cell.metadata["exercise"] = task.key
            cells.append(cell)
        return builder.notebook(cells, f"{name} workbook")

    def solutions(self, builder: Builder, part: str) -> nbformat.NotebookNode:
        name = PARTS[part]
        cells = [nbformat.v4.new_markdown_cell(
            f"# {name} workbook: solutions\n\nThe worked answers of the "
            f"[{name} workbook]({builder.site_url}workbooks/{part}/), with the book's "
            "snippets and the output they printed when the site was built.")]
        count = [0]
        for task in self.tasks[part]:
            cells.append(nbformat.v4.new_markdown_cell(self.prompt(builder, task)))
            if task.answer:
                cells += builder.full(task.page, "\n".join(task.answer), count)
            else:
                cells.append(nbformat.v4.new_markdown_cell("*The chapter gives no answer.*"))
        return builder.notebook(cells, f"{name} workbook: solutions")

    def prompt(self, builder: Builder, task: Task) -> str:
        title = page_title(self.sources[task.page])
        where = f"{builder.site_url}{page_url(task.page)}#{task.key.split('#')[1]}"
        where = re.sub(r"-\d+$", "", where) if task.key not in BY_KEY else where
        head = (f"## {task.title}" if task.title.startswith("Exercise")
                else f"## {title}: {task.title}")
        text = builder.prose("\n".join(task.prompt), task.page)
        return f"{head}\n\n{text}\n\n*From [{title}]({where}).*"


def answer_name(template: str) -> str:
    return re.findall(r"^(\w+) = \.\.\.", template, re.M)[-1]


def nav_order(item: tuple[str, str]) -> tuple:
    page = item[0]
    return (posixpath.dirname(page), not page.endswith("index.md"), page)


# --- Typesetting notebook pages ---------------------------------------------------


def typeset(content: str, katex, where: str) -> str:
    """KaTeX HTML for the $...$ and $$...$$ of a notebook page's markdown cells."""
    def cell(match: re.Match) -> str:
        body = match[2]
        found = [(m.start(), m.end(), html.unescape(m["tex"]).strip(), True)
                 for m in DISPLAY_MATH.finditer(body)]
        taken = [(s, e) for s, e, _, _ in found]
        for m in INLINE_MATH.finditer(body):
            if not any(s <= m.start() < e for s, e in taken):
                found.append((m.start(), m.end(), html.unescape(m["tex"]).strip(), False))
        if not found:
            return match[0]
        found.sort()
        answers = katex.render([(tex, display) for _, _, tex, display in found])
        pieces, last = [], 0
        for (start, end, tex, display), answer in zip(found, answers):
            if "error" in answer:
                raise PluginError(f"{where}: KaTeX cannot typeset ${tex}$: {answer['error']}")
            math = answer["html"]
            if display:
                math = f'<div class="math-display">{math}</div>'
            pieces += [body[last:start], math]
            last = end
        return match[1] + "".join(pieces) + body[last:] + match[3]

    return RENDERED_MARKDOWN.sub(cell, content)


# --- MkDocs events ----------------------------------------------------------------


class State:
    def __init__(self):
        self.book = None
        self.builder: Builder | None = None
        self.workbooks: Workbooks | None = None
        self.generated: dict[str, str] = {}  # src_uri -> part
        self.written: list[tuple[str, str]] = []  # (site path, page)
        self.seconds = 0.0


_state = State()


def timed(function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            _state.seconds += time.perf_counter() - start
    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper


def on_config(config):
    global ROOT, OUT
    ROOT = Path(config.config_file_path).resolve().parent
    # One folder per build process: builds of one project running side by side (the test
    # suite's) never read each other's half-made notebooks.
    OUT = ROOT / ".cache" / "notebooks" / str(os.getpid())
    _state.book = next((module for name, module in config["hooks"].items()
                        if Path(name).name == "book.py"), None)
    if _state.book is None:
        raise PluginError("hooks/notebooks.py needs hooks/book.py registered before it")
    _state.seconds = 0.0
    return config


@event_priority(50)  # before mkdocs-jupyter's on_files, so the workbooks become its pages
@timed
def on_files(files: Files, config) -> Files:
    """Generate the workbooks from the chapters' source and add them as pages."""
    _state.seconds = 0.0
    _state.written = []
    _state.builder = Builder(_state.book, config.site_url or "/")
    sources = {f.src_uri: Path(f.abs_src_path).read_text(encoding="utf-8")
               for f in files.documentation_pages() if f.src_uri.endswith(".md")}
    _state.workbooks = Workbooks(sources)
    _state.generated = _state.workbooks.uris()
    (OUT / "workbooks").mkdir(parents=True, exist_ok=True)
    for uri, part in _state.generated.items():
        path = OUT / uri
        if uri.endswith("-solutions.ipynb"):  # outputs come once the snippets have run
            text = placeholder(f"{PARTS[part]} workbook: solutions")
        else:
            text = dumps(_state.workbooks.workbook(_state.builder, part))
        write_if_changed(path, text)
        # A file of another source folder rather than File.generated: mkdocs-jupyter's
        # NotebookFile recomputes abs_src_path from src_dir, which a generated file lacks.
        files.append(File(uri, src_dir=str(OUT), dest_dir=config.site_dir,
                          use_directory_urls=config.use_directory_urls))
    return files


def dumps(nb: nbformat.NotebookNode) -> str:
    """nbformat.writes without its schema validation, which the tests do once per notebook
    (in every build it cost as much as writing)."""
    return nbformat.v4.nbjson.writes(nb)


def on_nav(nav, config, files):
    """The solutions notebooks are written while pages are read: run their snippets first."""
    if _state.book._book is not None:
        _state.book._book.first(_state.workbooks.needed(_state.book))
    return nav


def placeholder(title: str) -> str:
    return dumps(nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell(f"# {title}")], metadata=dict(KERNEL)))


def write_if_changed(path: Path, text: str) -> None:
    """Write atomically, and only a changed notebook (`mkdocs serve` rebuilds reuse them)."""
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        _state.book.write_atomic(path, text)


@event_priority(50)  # before mkdocs-jupyter reads the notebook for its cache key
@timed
def on_pre_page(page, config, files):
    """Write a solutions notebook with this build's outputs just before its page renders."""
    uri = page.file.src_uri
    if uri in _state.generated:
        page.edit_url = None  # generated from the chapters: edit those instead
    if uri in _state.generated and uri.endswith("-solutions.ipynb"):
        nb = _state.workbooks.solutions(_state.builder, _state.generated[uri])
        write_if_changed(OUT / uri, dumps(nb))
    return page


@timed
def on_page_content(content, page, config, files):
    """Typeset notebook pages; put download and Colab links on chapters and workbooks."""
    uri = page.file.src_uri
    book = _state.book._book
    if uri in _state.generated:
        content = CDN_SCRIPTS.sub("", content)
        content = share_styles(content, page, config)
        content = local_links(content, page.url)
        content = typeset(content, book.katex, f"{uri} (generated from the chapters)")
        content = inline_figures(content, Path(page.file.abs_src_path))
        name = posixpath.basename(uri)
        return links_row(name, f"{page_url(uri)}{name}", "notebook") + content
    if book is None or not book.blocks.get(uri):
        return content
    name = notebook_name(uri)
    row = links_row(name, f"{page_url(uri)}{name}", "chapter")
    match = re.search(r"</h1>", content)
    at = match.end() if match else 0
    return content[:at] + row + content[at:]


SVG_IMAGE = re.compile(r'<img\b[^>]*\bsrc="data:image/svg\+xml;base64,(?P<svg>[^"]+)"[^>]*>')


def inline_figures(content: str, notebook: Path) -> str:
    """Figures as on the chapter pages: nbconvert shows each as an <img> of base64 SVG, with
    a placeholder for alt text and black ink (an image cannot follow the page's colours).
    Inline SVG with the chapter block's alt text instead, in the book's figure box."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    alts = iter([output["metadata"]["image/svg+xml"]["alt"]
                 for cell in cells for output in cell.get("outputs", [])
                 if "image/svg+xml" in output.get("data", {})])

    def inline(match: re.Match) -> str:
        return _state.book.figure_html(base64.b64decode(match["svg"]).decode("utf-8"),
                                       next(alts))
    return SVG_IMAGE.sub(inline, content)


def local_links(content: str, url: str) -> str:
    """Links of a notebook to the published book become relative links within this site."""
    site = _state.builder.site_url

    def relative(match: re.Match) -> str:
        path = posixpath.relpath(match["path"] or ".", url.rstrip("/") or ".")
        return f'href="{path.rstrip("/")}/'
    return re.sub(r'href="' + re.escape(site) + r'(?P<path>[^"#]*)', relative, content)


def share_styles(content: str, page, config) -> str:
    """Replace the big inline stylesheets of a notebook page by links to shared files."""
    def link(match: re.Match) -> str:
        css = match["css"]
        name = f"assets/jupyter/{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
        target = Path(config.site_dir) / name
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(css, encoding="utf-8")
        href = posixpath.relpath(name, posixpath.dirname(page.url.rstrip("/") + "/x"))
        return f'<link rel="stylesheet" href="{href}">'
    return BIG_STYLE.sub(link, content)


def links_row(href: str, site_path: str, what: str) -> str:
    """A small note at the top of a page: download the notebook, or open it in Colab.

    Plain links in a note admonition rather than .md-button: the buttons' indigo text on
    the dark palette's background fails the colour-contrast check of the browser tests."""
    label = "this chapter as a Jupyter notebook" if what == "chapter" else "this notebook"
    return (f'<div class="admonition note notebook-links" data-notebook="{site_path}">'
            f'<p class="admonition-title">Run {label}</p>'
            f'<p><a href="{href}" download>Download notebook</a> (.ipynb, with this '
            f'build\'s outputs) &middot; <a href="{COLAB}{site_path}">Open in Colab</a></p>'
            "</div>")


@timed
def on_post_page(output, page, config):
    """Write the chapter's notebook next to its page in the site."""
    uri = page.file.src_uri
    book = _state.book._book
    if uri in _state.generated:
        target = Path(page.file.abs_dest_path).parent / posixpath.basename(uri)
        target.parent.mkdir(parents=True, exist_ok=True)  # the page itself is written later
        target.write_bytes((OUT / uri).read_bytes())
        _state.written.append((str(target), uri))
        return output
    if book is None or not book.blocks.get(uri):
        return output
    markdown = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    nb = _state.builder.chapter(uri, markdown)
    target = Path(page.file.abs_dest_path).parent / notebook_name(uri)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dumps(nb), encoding="utf-8")
    _state.written.append((str(target), uri))
    return output


def on_shutdown():
    if OUT.name == str(os.getpid()):
        shutil.rmtree(OUT, ignore_errors=True)


def on_post_build(config):
    log.info("notebooks: %d written, %.2f s in this hook (mkdocs-jupyter rendering not "
             "included)", len(_state.written), _state.seconds)
    manifest = Path(config.site_dir) / "notebooks.json"
    manifest.write_text(json.dumps(
        {str(Path(path).relative_to(config.site_dir).as_posix()): page
         for path, page in _state.written}, indent=1, sort_keys=True), encoding="utf-8")
