"""Search as a student uses it: queries typed into the real search box, in headless Chromium.

Each query names the section that must rank first, and no preview may show TeX debris
(KaTeX's HTML read as text), a notebook box or a workbook's checker code. The last test
serves a broken search index to show that both checks fail on it.
"""

from __future__ import annotations

import json
import re
import urllib.parse

import test_browser
from test_browser import name, show

reader = test_browser.reader  # the fixture: a fresh browser context for each test

# query -> what must rank first: a section ("page/#id": the best result of the first
# page listed), or a page ("page/": the first page listed).
RANKS_FIRST = {
    "chain rule": "part-2/calculus/#chain-rule",
    "gradient descent": "part-2/calculus/#gradient-descent",
    "Kronecker": "part-2/kronecker-delta/",
    "change of basis": "part-1/linear-algebra/change-of-basis/",
    "float32": "reference/corrections/#emat-3-float32-range",
    "Jacobian": "part-1/calculus/jacobians/",
    "power rule": "part-1/derivative-rules/",
    "logarithm": "part-2/logarithms/",
    "dot product": "part-1/linear-algebra/dot-product/",
    "conditional probability": "part-1/statistical-learning/#joint-conditional",
    "product rule": "part-2/calculus/#product-rule",
    "cosine similarity": "part-1/linear-algebra/dot-product/#cosine-similarity",
    "mean squared error": "part-1/statistical-learning/#mse",
    "einsum": "part-2/index-notation/#matrix-product",
}

# Never in a preview: KaTeX's HTML read as text leaves zero-width spaces between glyphs;
# a display formula's environment; the notebook box; a workbook's checker code.
DEBRIS = {"KaTeX's flattened HTML (zero-width space)": "\u200b",
          "TeX environment": "\\begin{",
          "the notebook box": "Run this chapter as a Jupyter notebook",
          "the notebook links": "Open in Colab",
          "checker code": "def _answer_or_none",
          "the checker's comparison": "def _same("}

# The results on screen: for each page listed, its links with their score and preview.
RESULTS = """() => [...document.querySelectorAll(".md-search-result__item")].map(item =>
  [...item.querySelectorAll("a.md-search-result__link")].map(a => ({
    href: a.getAttribute("href"),
    score: parseFloat(a.querySelector("article").dataset.mdScore),
    text: a.querySelector("article").innerText})))"""


def location(href: str, base: str) -> str:
    """A result's link as a location in the site ("page/#id"), without the ?h= highlight."""
    parts = urllib.parse.urlsplit(urllib.parse.urljoin(base, href))
    path = parts.path.removeprefix(urllib.parse.urlsplit(base).path)
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def search(page, query: str) -> list[list[dict]]:
    """Type `query` into the search box; the results once they stop changing."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.wait_for_function("() => document.querySelector('.md-search-result__item')")
    before = None
    for _ in range(50):  # Material updates the list as the worker answers each keystroke
        now = page.evaluate(RESULTS)
        if now == before:
            return now
        before = now
        page.wait_for_timeout(150)
    return before


def first_ranked(results: list[list[dict]], base: str) -> str:
    """What ranks first: the best-scoring link of the first page listed."""
    best = max(results[0], key=lambda link: link["score"])
    return location(best["href"], base)


def problems(results: list[list[dict]], query: str, want: str, base: str) -> list[str]:
    """Where the results of one query rank the wrong section first or show debris."""
    found = []
    if not results:
        return [f"{query!r}: no result"]
    page = location(results[0][0]["href"], base)
    got = first_ranked(results, base) if "#" in want else page.split("#")[0]
    if got != want:
        listed = [location(group[0]["href"], base) for group in results[:3]]
        found.append(f"{query!r} ranks /{got} first, not /{want} (pages listed: {listed})")
    for group in results:
        for link in group:
            for what, text in DEBRIS.items():
                if text in link["text"]:
                    at = link["text"].index(text)
                    found.append(f"{query!r}: the preview of /{location(link['href'], base)} "
                                 f"shows {what}: {link['text'][max(0, at - 40):at + 40]!r}")
    return found


def run_queries(page, base: str) -> list[str]:
    found = []
    for query, want in RANKS_FIRST.items():
        found += problems(search(page, query), query, want, base)
    return found


def test_search_ranks_the_right_section_first_with_clean_previews(reader):
    """Each query of RANKS_FIRST, typed into the search box, ranks its section first, and
    no preview of any result shows TeX debris, the notebook box or checker code."""
    r = reader()
    page = r.open("", idle=True)
    found = run_queries(page, r.base)
    assert not found, f"searching from {name('')}:\n  {show(found)}"
    assert not r.errors, f"searching from {name('')} logs errors:\n  {show(r.errors)}"


def test_search_index_holds_prose_only(site):
    """No entry of the built search index holds debris, whatever the query that finds it."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = [f"/{entry['location']}: {what}" for entry in index["docs"]
             for what, text in DEBRIS.items() if text in entry["title"] + entry["text"]]
    assert not found, "the search index holds debris:\n  " + show(found[:20])


def test_search_checks_fail_on_a_broken_index(reader, site):
    """Served an index as it was before this check (KaTeX's HTML as text, the notebook box,
    checker code, no weights), the search test reports bad previews and bad ranks."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for entry in index["docs"]:
        entry.pop("boost", None)  # Material's weights alone
        entry["text"] = ("<p>Run this chapter as a Jupyter notebook</p> δij\u200b= "
                         "<pre>def _answer_or_none(answer):</pre> " + entry["text"])
    r = reader()
    r.context.route(re.compile(r".*/search/search_index\.json$"),
                    lambda route: route.fulfill(body=json.dumps(index),
                                                content_type="application/json"))
    page = r.open("", idle=True)
    found = run_queries(page, r.base)
    for kind in ("ranks /", "KaTeX's flattened HTML", "the notebook box", "checker code"):
        assert any(kind in problem for problem in found), (
            f"a broken index gives no '{kind}' problem; found:\n  {show(found)}")
