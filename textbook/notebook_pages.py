"""Notebook pages in the site: chapter notebooks beside their pages, workbook pages.

Each chapter page with snippets gets `<page-url>/<chapter>.ipynb` and a row of "Download
notebook" / "Open in Colab" links at the top. Each part gets a workbook and a solutions
notebook, generated outside docs/ (in .cache/notebooks/<build process id>/, removed when
the build ends) and added as files that mkdocs-jupyter renders as pages; their math is
typeset with the book's KaTeX at build time and the MathJax and Mermaid scripts nbconvert
adds (loaded from a CDN) are removed.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
import os
import posixpath
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from . import css_prune
from .build_info import REPOSITORY, BuildInfo, restamp, stand_in_for
from .equations import strip_markers
from .executor import write_atomic
from .exercises import Exercise
from .figures import figure_html
from .katex import place
from .memo import Memo, salt
from .notebooks import Builder, References, dumps, notebook_name, page_url, placeholder
from .pages import Book
from .workbooks import PARTS, Workbooks

log = logging.getLogger("mkdocs.plugins.book")

PUBLISHED_BRANCH = "notebooks"  # CI pushes the built chapter notebooks to this branch
COLAB = f"https://colab.research.google.com/github/{REPOSITORY}/blob/{PUBLISHED_BRANCH}/"

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
STYLE, END_STYLE = '<style type="text/css">', "</style>"
BIG_STYLE = 20_000  # characters: JupyterLab's stylesheets, not a page's own small ones
# What a rendered workbook depends on besides the notebook and mkdocs-jupyter's options.
RENDERERS = ("mkdocs-jupyter", "nbconvert", "nbformat", "pygments", "mistune",
             "jupyterlab-pygments")
SVG_IMAGE = re.compile(r'<img\b[^>]*\bsrc="data:image/svg\+xml;base64,(?P<svg>[^"]+)"[^>]*>')


def nav_pages(nav) -> list[str]:
    """The Markdown pages of mkdocs.yml's `nav:`, in reading order."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in nav_pages(value)]
    return [page for item in nav for page in nav_pages(item)]


class NotebookSite:
    """The notebooks of one build: workbooks as pages, chapter notebooks beside pages."""

    def __init__(self, book: Callable[[], Book | None], root: Path, config, build: BuildInfo,
                 exercises: dict[str, Exercise], references: Callable[[], References]):
        # One folder per build process: builds of one project running side by side (the
        # test suite's) never read each other's half-made notebooks.
        self.out = root / ".cache" / "notebooks" / str(os.getpid())
        # mkdocs-jupyter renders a workbook again only when it changed. Its cache is per
        # process (it writes entries in place), so `mkdocs serve` rebuilds reuse it; it
        # starts with the rendered workbooks the last build left (`shared`, by versions).
        self.rendered = root / ".cache" / "mkdocs-jupyter" / str(os.getpid())
        self.shared = root / ".cache" / "mkdocs-jupyter" / f"shared-{salt(packages=RENDERERS)[:12]}"
        jupyter = config.plugins.get("mkdocs-jupyter")
        if jupyter is not None and jupyter.config.get("cache"):
            jupyter.config["cache_dir"] = str(self.rendered)
            seed(self.rendered, self.shared)
        # The pruned JupyterLab stylesheet of each page (css_prune.py), kept across builds.
        self.styles = Memo(root / ".cache" / "book" / "notebook-styles.json",
                           salt(sources=("css_prune.py",), packages=("tinycss2",)))
        self.book = book
        self.builder = Builder(book, root / "snippets", config.site_url or "/", build,
                               references)
        # Workbooks are made with a stand-in stamp, the real one put in their rendered pages
        # and downloads: mkdocs-jupyter renders by content, so a new commit or a new day
        # renders nothing again.
        self.build, stand_in = build, stand_in_for(build)
        self.stamped = Builder(book, root / "snippets", config.site_url or "/", stand_in,
                               references)
        self.exercises = exercises
        self.workbooks: Workbooks | None = None
        self.generated: dict[str, str] = {}  # src_uri -> part
        self.written: list[tuple[str, str]] = []  # (site path, page)
        self.seconds = 0.0  # spent here, for the summary line

    def files(self, files: Files, config) -> Files:
        """Generate the workbooks from the chapters' source and add them as pages."""
        sources = {f.src_uri: strip_markers(Path(f.abs_src_path).read_text(encoding="utf-8"))
                   for f in files.documentation_pages() if f.src_uri.endswith(".md")}
        self.workbooks = Workbooks(sources, self.exercises, nav_pages(config.nav or []))
        self.generated = self.workbooks.uris()
        (self.out / "workbooks").mkdir(parents=True, exist_ok=True)
        for uri, part in self.generated.items():
            if not uri.endswith("-solutions.ipynb"):
                self.write_if_changed(self.out / uri,
                                      dumps(self.workbooks.workbook(self.stamped, part)))
            elif not (self.out / uri).is_file():  # outputs come once the snippets have run
                write_atomic(self.out / uri, placeholder(f"{PARTS[part]} workbook: solutions"))
            # A file of another source folder rather than File.generated: mkdocs-jupyter's
            # NotebookFile recomputes abs_src_path from src_dir, which a generated file lacks.
            files.append(File(uri, src_dir=str(self.out), dest_dir=config.site_dir,
                              use_directory_urls=config.use_directory_urls))
        return files

    def needed(self) -> list[str]:
        """The snippet files the solutions notebooks show or quote, to be run first."""
        return self.workbooks.needed()

    def write_if_changed(self, path: Path, text: str) -> None:
        """Write atomically, and only a changed notebook (`mkdocs serve` rebuilds reuse them)."""
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)

    def pre_page(self, page) -> None:
        """Write a solutions notebook with this build's outputs just before its page renders."""
        uri = page.file.src_uri
        if uri in self.generated:
            page.edit_url = None  # generated from the chapters: edit those instead
        if uri in self.generated and uri.endswith("-solutions.ipynb"):
            nb = self.workbooks.solutions(self.stamped, self.generated[uri])
            self.write_if_changed(self.out / uri, dumps(nb))

    def is_chapter(self, uri: str) -> bool:
        """A page of a part with snippets gets a notebook (the home page's example does not)."""
        book = self.book()
        return book is not None and bool(book.blocks.get(uri)) and uri.split("/")[0] in PARTS

    def page_content(self, content: str, page, config) -> str:
        """Typeset notebook pages; put download and Colab links on chapters and workbooks."""
        uri = page.file.src_uri
        book = self.book()
        if uri in self.generated:
            content = restamp(CDN_SCRIPTS.sub("", content), self.stamped.build, self.build)
            content = local_links(content, page.url, self.builder.site_url)
            content = typeset(content, book.katex, f"{uri} (generated from the chapters)")
            content = inline_figures(content, Path(page.file.abs_src_path))
            content = share_styles(content, page, config, self.styles)
            name = posixpath.basename(uri)
            what = "notebook" if uri.endswith("-solutions.ipynb") else "workbook"
            # after the title cell (heading, purpose, stamp), as a chapter has it after its
            # heading; between cells, so that no Jupyter style of a cell's text reaches it
            at = end_of_first_cell(content)
            return content[:at] + links_row(name, f"{page_url(uri)}{name}", what) + content[at:]
        if not self.is_chapter(uri):
            return content
        name = notebook_name(uri)
        row = links_row(name, f"{page_url(uri)}{name}", "chapter")
        match = re.search(r"</h1>", content)
        at = match.end() if match else 0
        return content[:at] + row + content[at:]

    def post_page(self, page) -> None:
        """Write the chapter's notebook (or a workbook) next to its page in the site."""
        uri = page.file.src_uri
        if uri in self.generated:
            target = Path(page.file.abs_dest_path).parent / posixpath.basename(uri)
            target.parent.mkdir(parents=True, exist_ok=True)  # the page itself comes later
            target.write_text(restamp((self.out / uri).read_text(encoding="utf-8"),
                                      self.stamped.build, self.build), encoding="utf-8")
            self.written.append((str(target), uri))
            return
        if not self.is_chapter(uri):
            return
        markdown = strip_markers(Path(page.file.abs_src_path).read_text(encoding="utf-8"))
        nb = self.builder.chapter(uri, markdown)
        target = Path(page.file.abs_dest_path).parent / notebook_name(uri)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dumps(nb), encoding="utf-8")
        self.written.append((str(target), uri))

    def post_build(self, config, kept: Callable[[dict], dict], complete: bool) -> None:
        """Say what was written; list the notebooks and their chapters in notebooks.json
        (`kept` adds those a partial rebuild did not write again)."""
        self.styles.close(complete)
        log.info("notebooks: %d written, %.2f s in this hook (mkdocs-jupyter rendering not "
                 "included)", len(self.written), self.seconds)
        written = kept({str(Path(path).relative_to(config.site_dir).as_posix()): page
                        for path, page in self.written})
        manifest = Path(config.site_dir) / "notebooks.json"
        manifest.write_text(json.dumps(written, indent=1, sort_keys=True), encoding="utf-8")

    def keep_rendered(self, config) -> None:
        """A partial rebuild (rebuilds.py) renders only the workbooks that changed:
        mkdocs-jupyter would evict the others' cached pages, as if they were gone."""
        jupyter = config.plugins.get("mkdocs-jupyter")
        used = getattr(jupyter, "_used_cache_paths", None)  # its own: guarded
        if isinstance(used, set):
            used.update(self.rendered.glob("*.json"))

    def shutdown(self) -> None:
        """Remove this process's generated notebooks and their rendered pages, leaving the
        pages of the last build for the next process."""
        if self.out.name == str(os.getpid()):
            shutil.rmtree(self.out, ignore_errors=True)
            if self.rendered.is_dir():
                publish(self.rendered, self.shared)
            shutil.rmtree(self.rendered, ignore_errors=True)

    def timed(self, function: Callable, *args):
        """Call function, adding the time it takes to this build's notebook time."""
        start = time.perf_counter()
        try:
            return function(*args)
        finally:
            self.seconds += time.perf_counter() - start


def seed(own: Path, shared: Path) -> None:
    """Start this process's cache of rendered workbooks with the last build's (links)."""
    own.mkdir(parents=True, exist_ok=True)
    for entry in shared.glob("*.json") if shared.is_dir() else []:
        try:
            os.link(entry, own / entry.name)
        except FileExistsError:
            pass
        except OSError:
            shutil.copyfile(entry, own / entry.name)


def publish(own: Path, shared: Path, keep: int = 16) -> None:
    """Leave this process's rendered workbooks for the next build, each atomically, and
    the `keep` last published (the workbooks of builds with and without execution)."""
    shared.mkdir(parents=True, exist_ok=True)
    for entry in own.glob("*.json"):
        target = shared / entry.name
        if not target.is_file():
            write_atomic(target, entry.read_text(encoding="utf-8"))
        os.utime(target)  # published now
    entries = sorted(shared.glob("*.json"), key=lambda e: e.stat().st_mtime, reverse=True)
    for entry in entries[keep:]:
        entry.unlink(missing_ok=True)


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
        for (_, _, tex, _), answer in zip(found, answers):
            if "error" in answer:
                raise PluginError(f"{where}: KaTeX cannot typeset ${tex}$: {answer['error']}")
        return match[1] + place(body, [(start, end, answer["html"], display) for
                                       (start, end, _, display), answer in zip(found, answers)]
                                ) + match[3]

    return RENDERED_MARKDOWN.sub(cell, content)


def inline_figures(content: str, notebook: Path) -> str:
    """Figures as on the chapter pages: nbconvert shows each as an <img> of base64 SVG, with
    a placeholder for alt text and black ink (an image cannot follow the page's colours).
    Inline SVG with the chapter block's alt text instead, in the book's figure box."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    alts = iter([output["metadata"]["image/svg+xml"]["alt"]
                 for cell in cells for output in cell.get("outputs", [])
                 if "image/svg+xml" in output.get("data", {})])

    def inline(match: re.Match) -> str:
        return figure_html(base64.b64decode(match["svg"]).decode("utf-8"), next(alts))
    return SVG_IMAGE.sub(inline, content)


def local_links(content: str, url: str, site: str) -> str:
    """Links of a notebook to the published book become relative links within this site."""

    def relative(match: re.Match) -> str:
        path = posixpath.relpath(match["path"] or ".", url.rstrip("/") or ".")
        return f'href="{path.rstrip("/")}/'
    return re.sub(r'href="' + re.escape(site) + r'(?P<path>[^"#]*)', relative, content)


def big_styles(content: str, replace) -> str:
    """`content` with each inline stylesheet of BIG_STYLE characters or more replaced by
    `replace(its CSS)`. (Found with str.find: a regex read 0.6 MB a page, trying for the
    end of the stylesheet at each character.)"""
    pieces, at = [], 0
    while (start := content.find(STYLE, at)) >= 0 and (
            end := content.find(END_STYLE, start + len(STYLE))) >= 0:
        css = content[start + len(STYLE):end]
        stop = end + len(END_STYLE)
        pieces += [content[at:start], replace(css) if len(css) >= BIG_STYLE
                   else content[start:stop]]
        at = stop
    return "".join(pieces) + content[at:]


def share_styles(content: str, page, config, memo: Memo | None = None) -> str:
    """Replace the big inline stylesheets of a notebook page by links to files, holding
    only the rules that can match an element of the page (css_prune.py)."""
    rest = big_styles(content, lambda css: "")  # the page, with its other styles

    def link(css: str) -> str:
        css = css_prune.prune(css, rest, memo)
        name = f"assets/jupyter/{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
        target = Path(config.site_dir) / name
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(css, encoding="utf-8")
        href = posixpath.relpath(name, posixpath.dirname(page.url.rstrip("/") + "/x"))
        return f'<link rel="stylesheet" href="{href}">'
    return big_styles(content, link)


def end_of_first_cell(content: str) -> int:
    """Where the first cell of a rendered notebook ends (its div closes); 0 without one."""
    start, depth = content.find('<div class="jp-Cell '), 0
    if start < 0:
        return 0
    for tag in re.compile(r"<div\b|</div>").finditer(content, start):
        depth += 1 if tag.group() == "<div" else -1
        if depth == 0:
            return tag.end()
    return 0


def links_row(href: str, site_path: str, what: str) -> str:
    """A small note at the top of a page: download the notebook, or open it in Colab.

    Plain links in a note admonition rather than .md-button: the buttons' indigo text on
    the dark palette's background fails the colour-contrast check of the browser tests."""
    label = "this chapter as a Jupyter notebook" if what == "chapter" else f"this {what}"
    holds = ("no outputs: you run it and fill in the answers" if what == "workbook"
             else "with this build's outputs")
    return (f'<div class="admonition note notebook-links" data-notebook="{site_path}">'
            f'<p class="admonition-title">Run {label}</p>'
            f'<p><a href="{href}" download>Download notebook</a> (.ipynb, {holds}) '
            f'&middot; <a href="{COLAB}{site_path}" target="_blank" '
            f'rel="noopener">Open in Colab</a></p>'
            "</div>")
