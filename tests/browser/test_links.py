"""Links to a place in a page land on it: a heading, or an equation (`eq. (42)`,
textbook/equation_refs.py), on the same page or another, on a phone and a laptop.

Blocks below the screen are laid out only as they near it (book.css), so the blocks
around a place reached by a jump grow from their stand-in height and the place drifts
(docs/assets/landing.js puts it back); and with Material's navigation.tracking the page
left wrote its section into the next page's address (mkdocs.yml leaves it off). Each
link is followed from the bottom of its page, where both did their worst.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import pytest
import test_browser
from bs4 import BeautifulSoup
from test_browser import built_html, name

reader = test_browser.reader  # the fixture: a fresh browser context for each test

# Where the place is, against the header's bottom edge: Material's own margin, 1rem.
PLACE = r"""(id) => {
  const target = document.getElementById(id);
  if (!target) return null;
  return target.getBoundingClientRect().top
         - document.querySelector(".md-header").getBoundingClientRect().bottom;
}"""
SETTLED_AFTER_MS, LONGEST_MS = 400, 4000


def links(site: Path) -> list[tuple[str, str]]:
    """(page, href) of the links followed: on the page with the most equation references
    to itself, the last one; on the corrections page, the last equation reference to
    another page and the last link to a heading of another page."""
    def hrefs(url: str, selector: str) -> list[str]:
        return [a["href"] for a in BeautifulSoup(built_html(site, url), "html.parser")
                .select(f"article {selector}")]
    pages = [u for u in test_browser.PAGES if u.endswith("/")]
    own = max(pages, key=lambda u: sum(h.startswith("#") for h in hrefs(u, "a.eq-ref")))
    found = [(own, [h for h in hrefs(own, "a.eq-ref") if h.startswith("#")][-1])]
    corrections = "reference/corrections/"
    found.append((corrections, [h for h in hrefs(corrections, "a.eq-ref")
                                if not h.startswith("#")][-1]))
    found.append((corrections, [h for h in hrefs(corrections, "a[href*='#']:not(.eq-ref)")
                                if re.match(r"\.\./\.\./part-\d/[^#]+#", h)][-1]))
    return found


@pytest.mark.parametrize("width", [390, 1280])
def test_a_link_to_a_heading_or_an_equation_lands_on_it(width, reader, site):
    problems = []
    for url, href in links(site):
        r = reader(viewport={"width": width, "height": 844})
        page = r.open(url, deferred=True)
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_timeout(300)
        target = urllib.parse.urljoin(r.base + url, href)
        found = page.evaluate("""(target) => {
          const links = [...document.querySelectorAll("article a")].filter(a => a.href === target);
          if (links.length) links.at(-1).dataset.followed = "yes";
          return links.length; }""", target)  # `a.href`: absolute, as Material writes it
        assert found, f"{name(url)} has no link to {target}"
        link = page.locator("[data-followed]")
        link.scroll_into_view_if_needed()
        link.click()
        page.wait_for_url(target)
        place, still = None, 0
        for _ in range(LONGEST_MS // 100):  # until the place has not moved for a while
            page.wait_for_timeout(100)
            now = page.evaluate(PLACE, href.partition("#")[2])
            still = still + 100 if now == place else 0
            place = now
            if still >= SETTLED_AFTER_MS:
                break
        if place is None or not 0 <= place <= 40:
            problems.append(f"{name(url)}: the link to {href} leads to {page.url}, where "
                            f"its place is {place} px below the header (0 to 40 expected)")
    assert not problems, "\n".join(problems)
