"""The book as two PDFs, printed from a built site by headless Chromium.

    python -m textbook.pdf site/     # after `mkdocs build`; `make pdf` does both

writes into site/downloads/ (published with the site):
- book.pdf: cover, contents with page numbers, every page of the nav but the workbooks,
  with bookmarks per part, chapter and section, and the part, chapter and page number in
  each page's footer;
- exercises.pdf: the exercises of both parts without their answers, each with room to
  work under it.

The documents are assembled from the built pages (pdf_pages.py), served on 127.0.0.1 and
printed by Chromium with the print stylesheet docs/assets/print.css. Every request of
the browser to another host is refused and counted: any is an error. The book is
printed twice: the first print (untagged, a quarter less time; its hidden links to every
heading give each a named destination) gives the page of every heading, which the
contents of the second, tagged print show (and the exercises' references to the book);
the page is loaded once, and only its contents are written again between the prints.
The exercises are read from the built pages meanwhile, in a thread.
"""

from __future__ import annotations

import argparse
import functools
import html
import os
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .config_file import read_config
from .errors import BookError
from .pdf_pages import (
    Pages,
    book_body,
    book_document,
    contents,
    heading_ids,
    nav_entries,
    questions,
    questions_document,
)

OUT = "downloads"
BOOK, QUESTIONS = "book.pdf", "exercises.pdf"
SKIP = {"Workbooks"}  # nav groups left out: notebooks, whose exercises the PDFs have
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-gpu"]
PAGE_WIDTH_PX = 658  # A4 less the side margins of print.css (2 x 18 mm), in CSS pixels

# Before printing: a display formula or table wider than the page is scaled down to fit
# (KaTeX sizes are in em), rather than cut off at the margin.
FIT = """() => {
  let fitted = 0;
  for (const box of document.querySelectorAll(".math-display, .md-typeset table")) {
    for (let round = 0; round < 3 && box.scrollWidth > box.clientWidth + 1; round++) {
      const size = parseFloat(getComputedStyle(box).fontSize);
      box.style.fontSize = (size * box.clientWidth / box.scrollWidth * 0.98) + "px";
      fitted += round === 0;
    }
  }
  return fitted;
}"""


NEW_CONTENTS = '(html) => { document.querySelector("nav.pdf-toc").outerHTML = html; }'


def cover(config: dict, stamp: str, subtitle: str) -> str:
    """Title, what the document is, the sources credited, and the stamp of the build
    printed (its commit, date and library versions, as its pages' footer shows them)."""
    sources = "".join(
        f'<li><span class="src-part">{html.escape(s["part"])}</span> retells '
        f'<cite>{html.escape(s["title"])}</cite> by {html.escape(s["authors"])}, '
        f'{html.escape(s["where"])}.</li>'
        for s in (config.get("extra") or {}).get("sources", []))
    url = config.get("site_url", "")
    return (f'<section class="pdf-cover"><p class="cover-title">{html.escape(config["site_name"])}'
            f'</p><p class="cover-subtitle">{html.escape(subtitle)}</p>'
            f'<p class="cover-about">{html.escape(config.get("site_description", ""))}</p>'
            f'<ul class="cover-sources">{sources}</ul><p class="cover-build">{stamp} '
            f'Online, with every page: '
            f'<a href="{url}">{html.escape(url)}</a></p>'
            f'<p class="cover-licence">Prose CC BY-SA 4.0, code MIT.</p></section>')


class _Handler(SimpleHTTPRequestHandler):
    """The site's files, and the print documents from memory."""

    documents: dict[str, bytes] = {}

    def do_GET(self):
        body = self.documents.get(urllib.parse.urlsplit(self.path).path)
        if body is None:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, format, *args):  # noqa: A002  (the base class's argument name)
        pass


@contextmanager
def serve(site: Path, documents: dict[str, bytes]):
    """Serve the site and the documents on 127.0.0.1; yields the base URL."""
    handler = type("Handler", (_Handler,), {"documents": documents})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class Printer:
    """Headless Chromium printing pages of 127.0.0.1; every other request refused."""

    def __init__(self, browser):
        self.browser, self.refused = browser, []

    def route(self, route):
        host = urllib.parse.urlsplit(route.request.url).hostname
        if host == "127.0.0.1":
            return route.continue_()
        self.refused.append(route.request.url)
        return route.abort()

    def open(self, url: str):
        """A page loaded for print, its fonts in and wide formulas and tables scaled down;
        and how many it scaled."""
        page = self.browser.new_page(viewport={"width": PAGE_WIDTH_PX, "height": 1000})
        page.route("**/*", self.route)
        page.emulate_media(media="print", color_scheme="light")
        page.goto(url, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        return page, page.evaluate(FIT)

    @staticmethod
    def pdf(page, path: Path, tagged: bool = True) -> None:
        """Print; `tagged`: with the structure of an accessible PDF, and bookmarks."""
        page.pdf(path=str(path), prefer_css_page_size=True, print_background=True,
                 outline=tagged, tagged=tagged, display_header_footer=False)

    def print(self, url: str, path: Path) -> int:
        """Print a page to a PDF file; returns how many wide formulas and tables it scaled."""
        page, fitted = self.open(url)
        try:
            self.pdf(page, path)
        finally:
            page.close()
        return fitted


def outline_pages(pdf: Path) -> list[tuple[str, int]]:
    """The PDF's outline in order: (title, page number from 1) of every entry."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)

    def walk(items) -> list[tuple[str, int]]:
        return [row for item in items for row in (
            walk(item) if isinstance(item, list)
            else [(item.title, reader.get_destination_page_number(item) + 1)])]
    return walk(reader.outline)


def heading_pages(pdf: Path, ids: list[str], tagged: bool = True) -> dict[str, int]:
    """The page of every heading: Chromium's outline has one entry per heading, in order;
    an untagged print has none, but a named destination for each heading a link of the
    document leads to (book_document links them all)."""
    if not tagged:
        from pypdf import PdfReader

        reader = PdfReader(pdf)
        # (Chromium names a destination by its link's fragment: percent-encoded.)
        named = {urllib.parse.unquote(name.lstrip("/")): to
                 for name, to in reader.named_destinations.items()}
        if missing := [anchor for anchor in ids if anchor not in named]:
            raise BookError(f"the PDF has no destination for {len(missing)} headings "
                            f"({', '.join(missing[:3])} ...)")
        return {anchor: reader.get_destination_page_number(named[anchor]) + 1 for anchor in ids}
    outline = outline_pages(pdf)
    if len(outline) != len(ids):
        raise BookError(f"the PDF's outline has {len(outline)} entries for {len(ids)} headings")
    return {anchor: page for anchor, (_, page) in zip(ids, outline)}


def make(site: Path, config_file: Path, chromium: str) -> dict:
    """Write both PDFs into site/downloads/; returns sizes, pages and seconds."""
    from playwright.sync_api import sync_playwright

    start = time.perf_counter()
    config = read_config(config_file)
    entries = nav_entries(config["nav"], SKIP)
    pages = Pages(site, config.get("site_url", "/"), entries)
    out = site / OUT
    out.mkdir(exist_ok=True)
    book, sheets = out / BOOK, out / QUESTIONS
    front = cover(config, pages.stamp, "The whole book")
    documents: dict[str, bytes] = {}
    with (serve(site, documents) as base, sync_playwright() as playwright,
          ThreadPoolExecutor(1) as reader):
        browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                             args=CHROMIUM_ARGS)
        printer = Printer(browser)
        numbers: dict[str, int] = {}
        documents["/print/book.html"] = book_document(
            pages, entries, front, book_body(pages, entries), numbers).encode()
        asked = reader.submit(questions, pages, entries)  # read while Chromium prints
        page, fitted = printer.open(f"{base}/print/book.html")
        try:
            prints = 0
            for tagged in (False, True, True):  # until the contents' numbers are the print's
                # The first print only finds the pages: untagged, it takes a quarter less
                # time, and it is never the one kept.
                printer.pdf(page, book, tagged)
                prints += 1
                found = heading_pages(book, heading_ids(entries), tagged)
                if tagged and found == numbers:
                    break
                numbers = found
                # The contents again, with these numbers: the rest of the page stays laid out.
                page.evaluate(NEW_CONTENTS, pages.html(contents(entries, numbers)))
            else:
                raise BookError("the PDF's page numbers did not settle in three prints")
        finally:
            page.close()
        documents["/print/exercises.html"] = questions_document(
            pages, entries, cover(config, pages.stamp, "Exercises, without answers, with room "
                                  "to work"), numbers, asked.result()).encode()
        printer.print(f"{base}/print/exercises.html", sheets)
        browser.close()
    if printer.refused:
        raise BookError("printing the PDF requested other hosts: " + ", ".join(printer.refused))
    return {"seconds": round(time.perf_counter() - start, 2), "fitted": fitted, "prints": prints,
            "book_bytes": book.stat().st_size, "exercises_bytes": sheets.stat().st_size}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site (mkdocs build)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args(argv)
    try:
        result = make(args.site, args.config, args.chromium)
    except BookError as error:
        sys.exit(f"textbook.pdf: {error}")
    print(f"textbook.pdf: {args.site / OUT / BOOK} ({result['book_bytes'] / 1e6:.1f} MB), "
          f"{args.site / OUT / QUESTIONS} ({result['exercises_bytes'] / 1e6:.1f} MB) "
          f"in {result['seconds']:.1f} s; the book printed {result['prints']} times; "
          f"{result['fitted']} wide formulas or tables scaled")


if __name__ == "__main__":
    main()
