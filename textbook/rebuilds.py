"""`mkdocs serve --dirty` (what `make serve` runs): a rebuild writes only what an edit touches.

MkDocs' dirty build reads every file and builds the navigation as always, but renders only
the pages whose Markdown is newer than their HTML. The plugin makes that complete for the
book, so that an edit shows in about a second and the site stays byte for byte what a
clean build writes (tests/engine/test_rebuilds.py):

- a changed snippet file: the pages that show it, take a value from it or check an equation
  against it are rendered again (their HTML is removed first), with the solutions
  notebooks when they quote it; an exercise's check file, its chapter and the solutions;
- a chapter's body: that page (MkDocs sees it), the page with the equation counts, and the
  solutions notebook of its exercises;
- anything else (headings, which are the navigation and link targets; mkdocs.yml; the
  theme; CSS; the engine; pages added or removed; a snippet no page uses), or a failed
  last build: the site is cleaned and everything is built, as without --dirty;
- the search index and the notebook list keep the entries of the pages not rendered, and
  the navigation their titles.

Unchanged workbooks are never rendered again: their notebook is rewritten only when it
changes, and MkDocs compares its time with the page's.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs import utils

from .equation_refs import SHOWN
from .equations import TAG

log = logging.getLogger("mkdocs.plugins.book")

HEADINGS = re.compile(r"^(?:#{1,6}[ \t].*|---[\s\S]*?^---)$", re.M)  # and front matter
DIRTY_WARNING = "A 'dirty' build is being performed"  # MkDocs' own, made untrue here


class CompleteDirtyBuilds(logging.Filter):
    """Drop MkDocs' warning that a dirty build misses navigation and links: this one does
    not (and in strict mode the warning would fail every rebuild)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Snapshot:
    """What the last build was made from."""

    structure: dict[str, float]  # the pages, and every watched file but snippets and
    # chapters: mtime
    snippets: dict[str, str]  # snippets/*.py, relative: content hash
    headings: dict[str, list[str]]  # chapter: its headings, front matter, equation numbers


def places(markdown: str) -> list[str]:
    """What other pages link to: the headings (and front matter), and the equation
    numbers that `eq. (42)` anywhere links to (equation_refs.py)."""
    return (HEADINGS.findall(markdown) + [m[0] for m in TAG.finditer(markdown)]
            + SHOWN.findall(markdown))


def snapshot(root: Path, docs: Path, pages: list[str]) -> Snapshot:
    """The watched files as they are now."""
    structure: dict[str, float] = {f"page {page}": 0.0 for page in pages}
    for folder, tracked in ((docs, ".md"), (root / "snippets", ".py"),
                            (root / "overrides", ""), (root / "textbook", "")):
        for path in folder.rglob("*") if folder.is_dir() else []:
            if path.is_file() and path.suffix != tracked and "__pycache__" not in path.parts:
                structure[str(path)] = path.stat().st_mtime
    structure["mkdocs.yml"] = (root / "mkdocs.yml").stat().st_mtime
    snippets = {path.relative_to(root / "snippets").as_posix(): digest(path)
                for path in sorted((root / "snippets").rglob("*.py"))}
    headings = {page: places((docs / page).read_text(encoding="utf-8"))
                for page in pages if page.endswith(".md")}
    return Snapshot(structure, snippets, headings)


@dataclass
class Rebuilds:
    """Lives as long as `mkdocs serve`: decides what each rebuild renders."""

    enabled: bool = False  # `mkdocs serve --dirty`
    last: Snapshot | None = None
    clean_next: bool = True  # the first build, or after a failed one
    partial: bool = False  # this build renders only some pages
    rendered: set[str] = field(default_factory=set)  # this build's page URLs
    titles: dict[str, str] = field(default_factory=dict)  # page -> its title, last rendered
    search: list[dict] = field(default_factory=list)  # the last index's entries, unweighed
    notebooks: dict[str, str] = field(default_factory=dict)  # the last notebook list

    def start(self) -> None:
        """`mkdocs serve --dirty`: from now on, rebuilds are partial."""
        self.enabled = True
        logging.getLogger("mkdocs.commands.build").addFilter(CompleteDirtyBuilds())

    def plan(self, root: Path, config, files, uses: dict[str, set[str]],
             readers: dict[str, set[str]]) -> None:
        """Before the pages are read: remove the HTML of the pages this edit touches, or
        everything if it touches more than pages. `uses` maps each page to the snippet
        files it depends on, `readers` a chapter to the other pages made from its text."""
        self.rendered = set()
        self.partial = False
        if not self.enabled:
            return
        pages = {f.src_uri: f for f in files.documentation_pages()}
        now = snapshot(root, Path(config.docs_dir), sorted(pages))
        last, self.last = self.last, now
        why = self.needs_everything(last, now)
        changed = set() if why else {path for path in now.snippets.keys() | last.snippets.keys()
                                     if now.snippets.get(path) != last.snippets.get(path)}
        unused = changed - set().union(*uses.values())
        if unused:
            why = f"no page shows snippets/{sorted(unused)[0]}"
        if why:
            if last is not None:
                log.info("rebuild: everything (%s)", why)
                utils.clean_directory(config.site_dir)
            return
        touched = {page for page, paths in uses.items() if paths & changed}
        edited = {uri for uri, f in pages.items() if uri.endswith(".md") and f.is_modified()}
        touched |= {page for uri in edited for page in readers.get(uri, ())}
        for uri in touched:
            Path(pages[uri].abs_dest_path).unlink(missing_ok=True)
        self.partial = True
        log.info("rebuild: %s", ", ".join(sorted(touched | edited)) or "no page")

    def needs_everything(self, last: Snapshot | None, now: Snapshot) -> str:
        """Why this build must render every page ("" if it need not)."""
        if self.clean_next or last is None:
            self.clean_next = False
            return "the first build" if last is None else "the last build failed"
        if now.structure != last.structure:
            changed = sorted(set(now.structure.items()) ^ set(last.structure.items()))
            return f"{changed[0][0]} changed"
        for page, headings in now.headings.items():
            if headings != last.headings.get(page):
                return f"the headings or equation numbers of docs/{page} changed"
        return ""

    def failed(self) -> None:
        """A failed build leaves pages half written or showing the error: clean next time."""
        self.clean_next = True

    def remember(self, page) -> None:
        """A page was rendered: its title, for the navigation of later partial builds."""
        self.rendered.add(page.url)
        if self.enabled and page.title is not None:
            self.titles[page.file.src_uri] = page.title

    def keep_titles(self, files) -> None:
        """MkDocs reads no page it does not render, and a page's title (unless the nav gives
        one) comes from reading it: give the others the title they had."""
        if self.partial:
            for file in files.documentation_pages():
                if file.page is not None and file.page.markdown is None \
                        and file.src_uri in self.titles:
                    file.page.title = self.titles[file.src_uri]

    def own_search(self, config) -> None:
        """Material's search plugin merges a dirty build's index with the last one's by the
        first page it indexed: entries of a second page, or of a clean build after it, come
        twice. It keeps no last index here; `merge_search` merges by every page."""
        search = config.plugins.get("search") or config.plugins.get("material/search")
        if self.enabled and getattr(search, "search_index_prev", None) is not None:
            search.search_index_prev = None

    def merge_search(self, index: Path) -> None:
        """The search index of a partial build holds the rendered pages only: put back the
        other pages' entries, each page's in their old place. Before weighing."""
        if not self.enabled or not index.is_file():
            return
        data = json.loads(index.read_text(encoding="utf-8"))
        if self.partial:
            fresh: dict[str, list[dict]] = {}
            for entry in data["docs"]:
                fresh.setdefault(entry["location"].split("#")[0], []).append(entry)
            docs, placed = [], set()
            for entry in self.search:
                page = entry["location"].split("#")[0]
                if page not in self.rendered:
                    docs.append(entry)
                elif page not in placed:
                    placed.add(page)
                    docs += fresh.get(page, [])
            docs += [e for page, entries in fresh.items() if page not in placed
                     for e in entries]
            data["docs"] = docs
            index.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        self.search = data["docs"]

    def merge_notebooks(self, written: dict[str, str]) -> dict[str, str]:
        """The notebook list: this build's notebooks, and the ones a partial build kept."""
        if self.enabled:
            self.notebooks = {**self.notebooks, **written} if self.partial else dict(written)
            return self.notebooks
        return written
