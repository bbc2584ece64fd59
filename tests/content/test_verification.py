"""Every exec block of the built book shows its file link and its checks; every page and
notebook says which build made it."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import EVERY_PAGE, SNIPPETS, built_page, example_files, sections

from textbook.build_info import GITHUB
from textbook.verification import find_checks


def asserts_outside_sections(path: str) -> list[str]:
    """The source of each assert statement outside the file's displayed sections."""
    text = sections.read_snippet(SNIPPETS, path)
    shown = sections.parse_sections(path, text).values()
    return [ast.get_source_segment(text, node) for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.Assert)
            and not any(first <= node.lineno <= last for first, last in shown)]


@EVERY_PAGE
def test_every_block_links_its_file_and_lists_its_checks(site):
    """Each snippet block on each page: a link to its file at the build's commit (the one
    the footer names), and a folded "Checks (N)" holding every assert of the file outside
    the shown sections."""
    blocks = 0
    for page in sorted(site.rglob("*.html")):
        soup = built_page(page)
        stamp = soup.find(class_="book-build")
        assert stamp is not None, f"{page.relative_to(site)} has no build stamp in its footer"
        commit = re.search(r"/commit/(\w{40})$", stamp.a["href"])[1] if stamp.a else "main"
        for block in soup.find_all("div", class_="snippet"):
            blocks += 1
            path = block["data-snippet"].split(":")[0]
            where = f"{page.relative_to(site)}: {path}"
            link = block.select_one("p.snippet-source a")
            assert link is not None and link["href"] == (
                f"{GITHUB}/blob/{commit}/snippets/{path}"), f"{where}: no link to its file"
            expected = asserts_outside_sections(path)
            fold = block.find("details", class_="snippet-checks")
            assert fold is not None and not fold.has_attr("open"), f"{where}: no folded checks"
            summary = fold.summary.get_text(strip=True)
            assert summary == f"Checks ({len(expected)})", f"{where}: {summary}"
            listed = "".join(div.get_text() for div in fold.find_all("div", class_="highlight"))
            for check in expected:
                assert check in listed, f"{where}: the fold lacks {check!r}"
    assert blocks >= 100, f"only {blocks} snippet blocks found in the site"


def test_every_example_has_checks():
    """Each worked example states its answer in an assert or a doctest after its shown
    code (the page would otherwise say "No checks in this file")."""
    unchecked = [path.relative_to(SNIPPETS).as_posix() for path in example_files()
                 if not find_checks(path.relative_to(SNIPPETS).as_posix(),
                                    path.read_text(encoding="utf-8")).count]
    assert not unchecked, "snippets without checks: " + ", ".join(unchecked)


def test_notebooks_carry_the_build_stamp(site):
    """Every notebook written (chapters and workbooks) names the commit the footer names."""
    footer = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    stamp = footer.find(class_="book-build")
    written = json.loads((site / "notebooks.json").read_text(encoding="utf-8"))
    assert written
    for name in written:
        nb = json.loads(Path(site, name).read_text(encoding="utf-8"))
        build = nb["metadata"]["book_build"]
        assert build["date"] in stamp.get_text() and build["commit"][:7] in stamp.get_text()
        markdown = ["".join(cell["source"]) for cell in nb["cells"]
                    if cell["cell_type"] == "markdown"]
        first = next(text for text in markdown if not text.startswith("# ") or "\n" in text)
        assert f"on {build['date']} (UTC)" in first, f"{name}: no stamp under its title"
