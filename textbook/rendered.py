"""Each chapter's HTML from Python-Markdown, kept across builds: .cache/book/rendered.json.

MkDocs converts every chapter's Markdown on every build, about a quarter of a build's CPU
without execution (most of it Pygments' formatters, made again for each code block). The
same Markdown, at the same address among the same files, with the same extensions, makes
the same HTML, anchors, title and table of contents, so `Rendered.keep` gives a chapter a
`render` that looks them up first. Not kept: a conversion that logged anything (a broken
link, say), so that its message comes again in the next build; Markdown that still
includes a file (`--8<--`), whose text is not in the key; and any build with debug logs.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from .memo import Memo, salt

RENDER = Page.render  # MkDocs' own


class Heard(logging.Handler):
    """Whether anything was logged while it listened (to the root and `mkdocs` loggers)."""

    def __init__(self):
        super().__init__(logging.NOTSET)
        self.records: set[int] = set()
        self.loggers = [logging.getLogger(), logging.getLogger("mkdocs")]

    def emit(self, record: logging.LogRecord) -> None:
        self.records.add(id(record))

    def __enter__(self) -> Heard:
        for logger in self.loggers:
            logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        for logger in self.loggers:
            logger.removeHandler(self)


def toc_data(items) -> list:
    return [[item.title, item.id, item.level, toc_data(item.children)] for item in items]


def toc_items(data: list) -> list[AnchorLink]:
    items = []
    for title, anchor, level, children in data:
        items.append(AnchorLink(title, anchor, level))
        items[-1].children = toc_items(children)
    return items


class Rendered:
    """This build's kept conversions; the caller closes `memo` (Memo.close)."""

    def __init__(self, root: Path, config):
        markdown = json.dumps([config.markdown_extensions, config.mdx_configs,
                               config.validation], default=repr, sort_keys=True)
        self.memo = Memo(root / ".cache" / "book" / "rendered.json", salt(
            markdown, sources=("rendered.py",),
            packages=("mkdocs", "markdown", "pymdown-extensions", "pygments")))
        self.site: str | None = None  # the digest of every file's source and address

    def keep(self, page: Page) -> None:
        """Give a chapter (not a notebook: mkdocs-jupyter renders those) the kept render."""
        if page.file.src_uri.endswith(".md") and "render" not in vars(page):
            page.render = lambda config, files: self.render(page, config, files)

    def render(self, page: Page, config, files: Files) -> None:
        """MkDocs' Page.render, or what it made of the same input in an earlier build."""
        if "--8<--" in page.markdown or logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG):
            return RENDER(page, config, files)
        if self.site is None:
            self.site = hashlib.sha256(json.dumps(sorted(
                (f.src_uri, f.url, f.dest_uri, str(f.inclusion)) for f in files)).encode()
            ).hexdigest()
        made = []

        def make() -> str | None:
            with Heard() as heard:
                RENDER(page, config, files)
            made.append(True)
            if heard.records:
                return None
            return json.dumps({
                "content": page.content, "toc": toc_data(page.toc),
                "title": page._title_from_render, "anchors": sorted(page.present_anchor_ids),
                "links": {file.src_uri: links
                          for file, links in (page.links_to_anchors or {}).items()}})

        kept = self.memo.get((page.file.src_uri, page.file.url, self.site, page.markdown), make)
        if made:
            return
        kept = json.loads(kept)
        page.content = kept["content"]
        page.toc = TableOfContents(toc_items(kept["toc"]))
        if page.toc.items:
            page.toc.items[0].active = True  # as MkDocs' get_toc marks it
        page._title_from_render = kept["title"]
        page.present_anchor_ids = set(kept["anchors"])
        page.links_to_anchors = {files.get_file_from_path(uri): links
                                 for uri, links in kept["links"].items()}
