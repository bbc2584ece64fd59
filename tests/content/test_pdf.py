"""The book's two PDFs (textbook/pdf.py, `make pdf`), printed once from the shared built
site and read back with pypdf and pdftotext: the headings and the outline against the
site's pages, no raw TeX, every figure, the cover, and no answer in the exercises PDF."""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from textbook.config_file import read_config
from textbook.pdf import BOOK, OUT, QUESTIONS, SKIP, outline_pages
from textbook.pdf_pages import nav_entries, page_url

sys.path.insert(0, str(ROOT / "tests" / "browser"))
import measure  # noqa: E402  (where the browser tests find Chromium)

pytestmark = pytest.mark.xdist_group("pdf")  # one worker prints the PDFs, once

CONFIG = read_config(ROOT / "mkdocs.yml")
PAGES = [entry.uri for entry in nav_entries(CONFIG["nav"], SKIP) if entry.uri]
TEX = re.compile(r"\\(?:frac|begin)\b")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@functools.cache  # several tests read the same PDF
def pdftotext(pdf: Path, first: int = 1, last: int | None = None) -> str:
    """What pdftotext reads in the PDF, from page `first` (to `last`)."""
    pages = ["-f", str(first)] + (["-l", str(last)] if last else [])
    return subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def text_of(pdf: Path, first: int = 1) -> str:
    """The PDF's text from page `first` on, whitespace squeezed."""
    return squeeze(pdftotext(pdf, first))


def words(tag) -> str:
    """A heading's or paragraph's text outside its math, as the longest plain run: what
    pdftotext reads back verbatim."""
    for part in tag.select(".katex, a.headerlink"):
        part.replace_with("\0")
    return max((squeeze(run).strip(" .,:;") for run in tag.get_text().split("\0")), key=len)


class Article:
    """What the tests compare with the PDFs, read from one page of the site's `article`:
    its headings (level, words), the code it shows, its figures' labels, and the runs of
    plain text in its answers (`details`)."""

    def __init__(self, html: str):
        article = BeautifulSoup(html, "html.parser").select_one("article")
        self.code = [pre.get_text() for pre in article.select("pre")]
        self.figures = [squeeze(svg["aria-label"])
                        for svg in article.select("figure.snippet-figure svg")]
        self.headings = [(int(h.name[1]), words(h))
                         for h in article.find_all(re.compile("^h[1-6]$"))]
        self.answers = []  # taken apart last: the lists above read what this removes
        for details in article.select("details:not(.snippet-checks)"):
            for part in details.select(".katex, .snippet, pre, summary, code"):
                part.replace_with("\0")
            self.answers += [run for paragraph in details.get_text().split("\0")
                             if len(grams(run := squeeze(paragraph))) >= 3]  # 8 words or more


@functools.cache  # each page parsed once per test process
def articles(site: Path) -> list[Article]:
    """The Article of each of the book's pages, in nav order."""
    return [Article((site / page_url(uri) / "index.html").read_text(encoding="utf-8"))
            for uri in PAGES]


def headings(site: Path, deepest: int) -> list[str]:
    """The text of every heading of the book's pages down to h<deepest>, in nav order."""
    return [text for page in articles(site) for level, text in page.headings
            if level <= deepest]


@pytest.fixture(scope="session")  # kept by the worker, whatever module runs between
def pdfs(site) -> tuple[Path, Path, str]:
    """Both PDFs of the shared site, printed once, and what the printing said."""
    chromium = measure.chromium_path()
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail(measure.MISSING, pytrace=False)
        pytest.skip(f"SKIPPED: {measure.MISSING}")
    result = subprocess.run(
        [sys.executable, "-m", "textbook.pdf", str(site), "--config", str(ROOT / "mkdocs.yml"),
         "--chromium", chromium], capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert result.returncode == 0, result.stderr
    return site / OUT / BOOK, site / OUT / QUESTIONS, result.stdout


def missing_in_order(wanted: list[str], text: str) -> list[str]:
    """Those of `wanted` not found in `text` one after another."""
    missing, at = [], 0
    for item in wanted:
        found = text.find(item, at)
        if found < 0:
            missing.append(item)
        else:
            at = found + len(item)
    return missing


def test_headings_in_order(pdfs, site):
    """Every chapter and section heading of the site is in the book's text, in order,
    after its contents (which list them too)."""
    outline = outline_pages(pdfs[0])
    body = text_of(pdfs[0], first=outline[1][1])  # from the first page after the contents
    wanted = headings(site, 3)
    assert len(wanted) > 100
    assert missing_in_order(wanted, body) == []


def test_contents_give_the_page_each_entry_links_to(pdfs):
    """Each row of the contents ends with the page its link leads to (the book is printed
    until they agree; the first print finds them by other means than the last)."""
    from pypdf import PdfReader

    reader, outline = PdfReader(pdfs[0]), outline_pages(pdfs[0])
    first, last = outline[0][1], outline[1][1] - 1  # the contents' pages
    named = {name.lstrip("/"): to for name, to in reader.named_destinations.items()}
    targets = []
    for page in reader.pages[first - 1:last]:
        for link in (annot.get_object() for annot in page.get("/Annots", [])):
            to = str(link.get("/Dest") or link.get("/A", {}).get("/D", "")).lstrip("/")
            targets.append(reader.get_destination_page_number(named[to]) + 1 if to in named
                           else to)
    text = subprocess.run(["pdftotext", "-layout", "-f", str(first), "-l", str(last),
                           str(pdfs[0]), "-"], capture_output=True, text=True, check=True).stdout
    rows = [line for page in text.split("\f")
            for line in [line for line in page.splitlines() if line.strip()][:-1]]  # no footer
    numbers = [int(m[1]) for row in rows if (m := re.search(r"(\d+)\s*$", row))]
    assert len(targets) > 100 and numbers == targets, "\n".join(rows)
    # The first print's pages, read from its destinations, were right: the second settled.
    assert "the book printed 2 times" in pdfs[2], pdfs[2]


def test_outline_has_an_entry_per_section(pdfs, site):
    """The PDF's bookmarks: one per heading of the book, in order, with the page growing."""
    outline = outline_pages(pdfs[0])
    titles = " \0 ".join(squeeze(title) for title, _ in outline)
    assert missing_in_order(headings(site, 6), titles) == []
    pages = [page for _, page in outline]
    assert pages == sorted(pages), "outline entries out of page order"


def test_no_raw_tex(pdfs, site):
    """No TeX command reaches the text, except inside the code the pages show."""
    code = "\n".join(code for page in articles(site) for code in page.code)
    for pdf in pdfs[:2]:
        text = pdftotext(pdf)
        raw = [line for line in text.splitlines() if TEX.search(line)
               and squeeze(line) not in squeeze(code)]
        assert raw == [], f"{pdf.name}: raw TeX outside code: {raw[:5]}"


def figure_alts(pdf: Path) -> Counter:
    """The alternative texts of the tagged PDF's figures."""
    from pypdf import PdfReader

    alts: Counter = Counter()

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid)
        elif hasattr(node, "get"):
            if node.get("/S") == "/Figure" and node.get("/Alt"):
                alts[squeeze(str(node["/Alt"]))] += 1
            if node.get("/K") is not None:
                walk(node["/K"])
    walk(PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"])
    return alts


def test_every_figure(pdfs, site):
    """Each figure of the site's pages is a figure of the PDF, found by its alt text."""
    labels = Counter(label for page in articles(site) for label in page.figures)
    assert labels, "the site has no figures to look for"
    assert labels - figure_alts(pdfs[0]) == Counter()


def test_cover(pdfs, site):
    """The cover names the book, both sources with their authors, and the build it prints
    as the site's footer does: its commit, date and library versions."""
    footer = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    stamp = squeeze(footer.select_one("footer p.book-build").get_text())
    assert re.search(r"commit [0-9a-f]{7} on \d{4}-\d\d-\d\d \(UTC\) with Python", stamp)
    for pdf in pdfs[:2]:
        cover = squeeze(pdftotext(pdf, 1, 1))
        wanted = [CONFIG["site_name"], stamp] + [
            squeeze(source[key]) for source in CONFIG["extra"]["sources"]
            for key in ("title", "authors")]
        assert [w for w in wanted if w not in cover] == []


def grams(text: str, n: int = 6) -> set[tuple[str, ...]]:
    """Runs of n words: what survives pdftotext's reading order around inline math."""
    found = re.findall(r"[A-Za-z]+(?:'[a-z]+)?", text)
    return {tuple(found[i:i + n]) for i in range(len(found) - n + 1)}


def test_exercises_pdf_has_the_questions_and_no_answers(pdfs, site):
    """Every answer's text is in the book (open) and none in the exercises PDF, which has
    each exercise of Part II in order: compared as runs of six words."""
    runs = [run for page in articles(site) for run in page.answers]
    assert len(runs) > 40
    book, sheets = grams(text_of(pdfs[0])), grams(text_of(pdfs[1]))
    assert [run for run in runs if not grams(run) & book] == [], "answers missing from the book"
    assert [run for run in runs if grams(run) & sheets] == [], "answers in the exercises PDF"
    sheet_text = text_of(pdfs[1])
    assert missing_in_order([f"Exercise {n}" for n in range(1, 13)], sheet_text) == []
    assert sheet_text.count("Try it yourself") >= 5


# In an interpreter of its own, as `make pdf` prints: an event loop another test left in
# this worker would stop Playwright's sync API.
REFUSAL = """
import json, sys
from pathlib import Path
from playwright.sync_api import sync_playwright
from textbook.pdf import CHROMIUM_ARGS, Printer, serve
folder, chromium = Path(sys.argv[1]), sys.argv[2]
(folder / "local.css").write_text("p { color: #000 }", encoding="utf-8")
page = (b'<link rel="stylesheet" href="/local.css">'
        b'<img src="https://example.org/x.png" alt="x"><p>text</p>')
with serve(folder, {"/page.html": page}) as base, sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
    printer = Printer(browser)
    printer.print(f"{base}/page.html", folder / "page.pdf")
    browser.close()
print(json.dumps(printer.refused))
"""


def test_printing_refuses_other_hosts(pdfs, tmp_path):
    """While printing, a request to any host but 127.0.0.1 is refused and counted (the
    build fails on any); one to the local server goes through."""
    result = subprocess.run([sys.executable, "-c", REFUSAL, str(tmp_path),
                             measure.chromium_path()], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == ["https://example.org/x.png"]
    assert (tmp_path / "page.pdf").stat().st_size > 0
