"""Pages that load fast on a phone: what each page asks of the browser, within a budget.

Times belong to the benchmark (`make bench` loads every page on a phone with its CPU
throttled 4x and reports largest contentful paint and load); these tests check, without a
clock, what those times are made of, so that a page that would be slow fails here first:

- elements styled and laid out for the first screen: a long page defers every block below
  it (book.css, content-visibility), and the browser lays it out only as it nears;
- elements in all, which the browser still parses;
- style rules, which it matches against every element (a notebook page once carried
  JupyterLab's 575 KB stylesheet: textbook/css_prune.py keeps the rules that can match);
- bytes transferred, gzipped as GitHub Pages serves them.

A deferred block must stay readable: the page's accessibility tree is the same before and
after every block is rendered, every formula included.
"""

from __future__ import annotations

import gzip
import sys
import urllib.parse
from functools import cache
from pathlib import Path

import measure
import pytest
import test_browser
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from test_browser import COPY_BUTTON, RENDER_ALL, name, pages, show
from test_search import search

reader = test_browser.reader  # the fixture: a fresh browser context for each test

# The heaviest page, the Part I solutions (26,868 elements, 95 of its 102 blocks deferred),
# loads in about 3.2 s in the benchmark: these leave room for pages to grow, not to double.
BUDGET = {"first screen elements": 2_000, "elements": 30_000, "style rules": 2_000,
          "KiB": measure.BUDGET["kib"]}
PHONE = measure.PHONE  # the benchmark's phone

# Elements in all; elements outside the deferred blocks below the first screen; the rules
# of every stylesheet; and the URL of every resource the page loaded.
WORK = r"""() => {
  const all = document.getElementsByTagName("*").length;
  let later = 0;
  for (const block of document.querySelectorAll(DEFERRABLE))
    if (getComputedStyle(block).contentVisibility === "auto"
        && block.getBoundingClientRect().top > innerHeight)
      later += block.getElementsByTagName("*").length + 1;
  let rules = 0;
  const count = list => {
    for (const rule of list) { rules++; if (rule.cssRules) count(rule.cssRules); }
  };
  for (const sheet of document.styleSheets) count(sheet.cssRules);
  const urls = [location.href, ...performance.getEntriesByType("resource").map(e => e.name)];
  return {all, first: all - later, rules, urls};
}""".replace("DEFERRABLE", test_browser.DEFERRABLE)

@cache
def file_bytes(path: Path) -> int:
    """What serving a file puts on the wire: text gzipped, as GitHub Pages (and the
    benchmark's server, measure.serve) does."""
    data = path.read_bytes()
    if path.suffix not in measure.TEXT:
        return len(data)
    return len(gzip.compress(data, measure.GZIP_LEVEL))


def transferred(site: Path, base: str, urls: list[str]) -> int:
    """Bytes of the page's resources, with the search index every page fetches."""
    prefix = urllib.parse.urlsplit(base).path
    total = file_bytes(site / "search" / "search_index.json")
    for url in set(urls):
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
        if not path.startswith(prefix):
            continue
        file = site / path[len(prefix):]
        file = file / "index.html" if file.is_dir() else file
        if file.is_file() and file.name != "search_index.json":
            total += file_bytes(file)
    return total


def over_budget(page, site: Path, base: str) -> list[str]:
    """What of the loaded page exceeds BUDGET."""
    page.wait_for_load_state("networkidle")
    work = page.evaluate(WORK)
    found = {"first screen elements": work["first"], "elements": work["all"],
             "style rules": work["rules"], "KiB": transferred(site, base, work["urls"]) / 1024}
    return [f"{what}: {found[what]:,.0f} over the budget of {limit:,}"
            for what, limit in BUDGET.items() if found[what] > limit]


@pages
def test_page_stays_within_the_phone_budget(url, report):
    """At 390 px the first screen, the page, its stylesheets and its bytes fit BUDGET."""
    problems = report(url, "budget")
    assert not problems, f"{name(url)} on a phone:\n  {show(problems)}"


def aria_tree(reader, url: str, render: bool) -> str:
    page = reader(**PHONE).open(url, deferred=True)
    if render:
        page.evaluate(RENDER_ALL)
    return page.locator("article").aria_snapshot()


LONG_PAGES = ["part-1/linear-algebra/linear-operators/", "workbooks/part-1-solutions/"]


def test_deferred_blocks_read_as_rendered_ones(reader):
    """A screen reader meets every block below the screen, formulas included, as it would
    once rendered: the accessibility tree of the article is the same either way."""
    for url in LONG_PAGES:
        deferred, rendered = aria_tree(reader, url, False), aria_tree(reader, url, True)
        assert deferred.count("- math") > 100, f"{name(url)}: few formulas in the tree"
        assert deferred == rendered, (
            f"{name(url)}: the accessibility tree lacks what is below the screen "
            f"({len(deferred)} characters deferred, {len(rendered)} rendered)")


# Whether the browser has laid a block's content out: false while content-visibility skips
# it (the block itself keeps a box of its estimated size).
LAID_OUT = "block => block.firstElementChild.checkVisibility({contentVisibilityAuto: true})"


def test_controls_work_before_the_chapter_is_laid_out(reader):
    """On a long chapter just loaded on a phone, search finds a section and the theme toggle
    switches while the end of the chapter has not been laid out; and a snippet block far
    down has its copy button as soon as a jump brings it on screen, while the blocks in
    between are still not laid out."""
    url = LONG_PAGES[0]
    page = reader(**PHONE, color_scheme="dark").open(url, deferred=True)  # toggle: to light
    snippets = page.locator(".md-content__inner > .snippet")
    last, between = snippets.last, snippets.nth(snippets.count() // 2)
    assert not last.evaluate(LAID_OUT), f"{name(url)}: the whole chapter was laid out at load"
    page.locator("label[for=__search]").first.click()
    assert search(page, "Kronecker"), f"{name(url)}: search finds nothing for 'Kronecker'"
    page.keyboard.press("Escape")
    scheme = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme !== {scheme!r}")
    assert not last.evaluate(LAID_OUT), (
        f"{name(url)}: using the controls laid the whole chapter out")
    last.evaluate("block => block.scrollIntoView()")  # a jump, as a link to it makes
    try:
        last.locator(COPY_BUTTON).first.wait_for(state="attached", timeout=5_000)
    except PlaywrightTimeout:
        pytest.fail(f"{name(url)}: the last snippet block, on screen, has no copy button")
    assert not between.evaluate(LAID_OUT), (
        f"{name(url)}: bringing the last snippet block on screen laid out those before it")


def test_budget_checks_catch_a_slow_page(reader, site):
    """A page whose blocks are not deferred, one with JupyterLab's whole stylesheet, and a
    block hidden from the accessibility tree are each caught."""
    url = "part-1/linear-algebra/linear-operators/"
    r = reader(**PHONE)
    page = r.open(url, deferred=True)
    assert not over_budget(page, site, r.base)
    page.evaluate("""() => {  // one wrapper around the chapter: nothing below is deferred
      const article = document.querySelector(".md-content__inner");
      const wrapper = document.createElement("div");
      wrapper.append(...article.children);
      article.append(wrapper); }""")
    assert any(p.startswith("first screen elements") for p in over_budget(page, site, r.base)), (
        "the budget check misses a chapter laid out whole for its first screen")

    jupyterlab = (Path(sys.prefix) / "share" / "jupyter" / "nbconvert" / "templates" / "lab"
                  / "static" / "index.css")  # nbconvert's, which mkdocs-jupyter inlines
    page = reader(**PHONE).open("workbooks/part-2/", deferred=True)
    page.add_style_tag(content=jupyterlab.read_text(encoding="utf-8"))
    assert any(p.startswith("style rules") for p in over_budget(page, site, r.base)), (
        "the budget check misses a notebook page with JupyterLab's whole stylesheet")

    page = reader(**PHONE).open(url, deferred=True)
    page.evaluate("document.querySelectorAll('.md-content__inner > .math-display')"
                  "[20].style.contentVisibility = 'hidden'")
    assert page.locator("article").aria_snapshot() != aria_tree(reader, url, True), (
        "the accessibility check misses a formula hidden from screen readers")
