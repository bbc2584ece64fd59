"""The book as readers meet it, in headless Chromium: every page, both colour schemes, a phone.

Run alone with `pytest tests/browser -n 2`. Without Chromium these tests are skipped with a
loud message, except when the environment variable CI is set: then they fail.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import book  # the build hook (tests/conftest.py puts hooks/ on sys.path): snippet sections
import measure
import pytest
from measure import ROOT, is_local

DOCS = ROOT / "docs"


def page_urls() -> dict[str, str]:
    """URL (relative to the site root) -> source, for every chapter and the 404 page."""
    urls = {}
    for md in sorted(DOCS.rglob("*.md")):
        path = md.relative_to(DOCS).with_suffix("")
        folder = path.parent if path.name == "index" else path
        urls["" if folder.as_posix() == "." else f"{folder.as_posix()}/"] = (
            f"docs/{md.relative_to(DOCS).as_posix()}")
    urls["404.html"] = "404.html (Material's page for a missing URL)"
    return urls


PAGES = page_urls()


def name(url: str) -> str:
    """How a failure names a page: its URL and the file it is built from."""
    return f"page /{url} ({PAGES.get(url, 'no source')})"


class Reader:
    """One browser context and page, recording everything that went wrong while loading."""

    def __init__(self, browser, base_url: str, **options):
        self.base = base_url
        self.context = browser.new_context(**{"color_scheme": "light", **options})
        self.external: list[str] = []  # requests to any other host, aborted
        self.failed: list[str] = []  # failed requests and error responses
        self.errors: list[str] = []  # console errors and uncaught exceptions
        self.dialogs: list[str] = []  # alert/confirm/prompt boxes
        self.context.route(lambda url: not is_local(url), self._abort)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(
            f"console.error: {m.text} (at {m.location.get('url')})"))
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught {e.name}: {e.message}"))
        self.page.on("requestfailed", self._request_failed)
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(
            f"HTTP {r.status} {r.url}"))
        self.page.on("dialog", self._dialog)

    def _abort(self, route):
        self.external.append(f"{route.request.resource_type} {route.request.url}")
        route.abort("blockedbyclient")

    def _request_failed(self, request):
        if is_local(request.url):
            self.failed.append(f"{request.failure} {request.url}")

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def open(self, url: str, idle: bool = False):
        self.page.goto(self.base + url, wait_until="load")
        if idle:
            self.page.wait_for_load_state("networkidle")
        return self.page


@pytest.fixture
def reader(browser, base_url):
    """A fresh context for one test: Reader(...) objects, closed after the test."""
    made = []

    def make(**options) -> Reader:
        made.append(Reader(browser, base_url, **options))
        return made[-1]

    yield make
    for each in made:
        each.context.close()


# --- In-page checks (JavaScript run by page.evaluate) -------------------------------

# Raw TeX and error elements left in what a reader sees, in every tab and folded block.
MATH_PROBLEMS = r"""() => {
  document.querySelectorAll("details").forEach(d => { d.open = true; });
  const problems = [];
  const errors = document.querySelectorAll(
    ".katex-error, mjx-merror, .MathJax_Error, [data-mjx-error], .arithmatex");
  errors.forEach(e => problems.push(`error element ${e.className || e.tagName}: ` +
                                    e.textContent.slice(0, 80)));
  const clone = document.body.cloneNode(true);
  clone.querySelectorAll(".katex-mathml, pre, code, script, style, noscript, " +
                         ".md-search__output, template").forEach(n => n.remove());
  const text = clone.textContent;
  for (const raw of ["$", "\\(", "\\[", "\\begin"]) {
    const at = text.indexOf(raw);
    if (at >= 0) problems.push(`raw TeX ${JSON.stringify(raw)} in the text: ` +
                               JSON.stringify(text.slice(Math.max(0, at - 40), at + 40)));
  }
  return problems;
}"""

# Every formula and figure of the page (each tab shown in turn): size, alt text, loading.
BOXES = r"""() => {
  document.querySelectorAll("details").forEach(d => { d.open = true; });
  const problems = [];
  let math = 0, figures = 0;
  const label = e => (e.closest("[id]") ? "#" + e.closest("[id]").id + " " : "") +
                     e.tagName.toLowerCase();
  const check = () => {
    for (const e of document.querySelectorAll(".katex")) {
      if (!e.checkVisibility()) continue;
      math++;
      const box = e.getBoundingClientRect();
      if (box.width === 0 || box.height === 0)
        problems.push(`formula with an empty box: ${e.textContent.slice(0, 60)}`);
    }
    for (const e of document.querySelectorAll("figure.snippet-figure svg, img")) {
      if (!e.checkVisibility() && !e.closest("figure.snippet-figure")) continue;
      figures++;
      const box = e.getBoundingClientRect();
      if (box.width === 0 || box.height === 0)
        problems.push(`figure ${label(e)} has size ${box.width}x${box.height}`);
      if (e.tagName === "IMG") {
        if (!(e.complete && e.naturalWidth > 0))
          problems.push(`image ${e.currentSrc || e.src} did not load`);
        if (!(e.getAttribute("alt") || "").trim())
          problems.push(`image ${e.currentSrc || e.src} has no alt text`);
      } else if (!(e.getAttribute("aria-label") || "").trim() || e.getAttribute("role") !== "img")
        problems.push(`figure ${label(e)} has no role="img" with an aria-label`);
    }
  };
  check();
  for (const input of document.querySelectorAll(".tabbed-set > input")) {
    input.checked = true;
    check();
  }
  return {problems, math, figures};
}"""

# Horizontal overflow at the current width: the page itself, and boxes that stick out.
OVERFLOW = r"""() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const page = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  if (page > width) problems.push(`the page is ${page}px wide on a ${width}px screen`);
  window.scrollTo(10000, window.scrollY);
  if (window.scrollX !== 0) problems.push(`the page scrolls sideways by ${window.scrollX}px`);
  window.scrollTo(0, window.scrollY);
  const scrolls = e => ["auto", "scroll"].includes(getComputedStyle(e).overflowX);
  const describe = e => {
    const id = e.closest("[id]");
    return `<${e.tagName.toLowerCase()} class="${e.className.baseVal ?? e.className}">` +
           (id ? ` in #${id.id}` : "") + ` "${e.textContent.trim().slice(0, 50)}"`;
  };
  const content = document.querySelector(".md-content") || document.body;
  for (const e of content.querySelectorAll("*")) {
    const box = e.getBoundingClientRect();
    if (box.width === 0 || (box.right <= width + 1 && box.left >= -1)) continue;
    let parent = e.parentElement, inside = false;
    while (parent && parent !== document.body) {
      if (scrolls(parent)) { inside = true; break; }
      parent = parent.parentElement;
    }
    if (!inside) {
      problems.push(`${describe(e)} reaches ${Math.round(box.left)}..${Math.round(box.right)}px` +
                    ` outside any scrolling box`);
      break;
    }
  }
  for (const e of document.querySelectorAll(".katex-display")) {
    const box = e.closest(".math-display");
    if (!box || getComputedStyle(box).overflowX !== "auto")
      problems.push(`display equation ${describe(e)} is not in a .math-display box` +
                    ` with overflow-x: auto`);
  }
  return problems;
}"""

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.filter(v => ["serious", "critical"].includes(v.impact)).map(v => ({
    id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
    nodes: v.nodes.slice(0, 4).map(n => n.target.join(" ") + " :: " +
                                   (n.failureSummary || "").replace(/\\s+/g, " ").slice(0, 300))
  }));
}"""

SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


def switch_scheme(page, scheme: str) -> None:
    """Click Material's palette toggle until the body carries the wanted scheme."""
    for _ in range(3):
        if page.get_attribute("body", "data-md-color-scheme") == scheme:
            break
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_timeout(50)
    page.wait_for_selector(f"body[data-md-color-scheme={scheme}]")
    page.wait_for_function(SETTLED)


def show(items: list) -> str:
    return "\n  ".join(str(i) for i in items)


# --- Every page ---------------------------------------------------------------------

pages = pytest.mark.parametrize("url", list(PAGES), ids=lambda u: u.rstrip("/") or "home")


def test_built_pages_are_the_tested_pages(site):
    """Every HTML page of the built site is one of the parametrized pages, and vice versa."""
    built = set()
    for html in site.rglob("*.html"):
        rel = html.relative_to(site).as_posix()
        built.add(rel if rel == "404.html" else rel.removesuffix("index.html"))
    assert built == set(PAGES), (
        f"built but not tested: {sorted(built - set(PAGES))}; "
        f"tested but not built: {sorted(set(PAGES) - built)}")


@pages
def test_page_loads_only_from_the_site_without_errors(url, reader):
    """No request leaves 127.0.0.1, none fails, and the console shows no error."""
    r = reader()
    r.open(url, idle=True)
    assert not r.external, f"{name(url)} requests other hosts:\n  {show(r.external)}"
    assert not r.failed, f"{name(url)} has failed requests:\n  {show(r.failed)}"
    assert not r.errors, f"{name(url)} logs errors:\n  {show(r.errors)}"


@pages
def test_page_shows_typeset_math_and_labelled_figures(url, reader):
    """No raw TeX or math error is visible; formulas and figures have size and alt text."""
    page = reader().open(url)
    page.evaluate("document.fonts.ready.then(() => true)")
    problems = page.evaluate(MATH_PROBLEMS)
    assert not problems, f"{name(url)} shows untypeset math:\n  {show(problems)}"
    boxes = page.evaluate(BOXES)
    assert not boxes["problems"], f"{name(url)}:\n  {show(boxes['problems'])}"


@pages
def test_page_has_no_serious_axe_violation_in_light_and_dark(url, reader, axe_source):
    """axe-core finds no serious or critical violation, in the light and the dark scheme."""
    page = reader().open(url)
    page.add_script_tag(content=axe_source)
    found = {}
    for scheme in ("default", "slate"):
        switch_scheme(page, scheme)
        found[scheme] = page.evaluate(AXE_RUN)
    report = [f"{'light' if s == 'default' else 'dark'} ({s}): {v['impact']} {v['id']} "
              f"({v['help']}), {v['count']} element(s):\n      " + "\n      ".join(v["nodes"])
              for s, violations in found.items() for v in violations]
    assert not report, f"{name(url)} fails axe-core:\n  {show(report)}"


@pages
def test_page_fits_a_390px_screen(url, reader):
    """At 390 px the page never scrolls sideways; long equations scroll in their own box."""
    page = reader(viewport={"width": 390, "height": 844}, is_mobile=True,
                  has_touch=True, device_scale_factor=1).open(url)
    page.evaluate("document.fonts.ready.then(() => true)")
    problems = page.evaluate(OVERFLOW)
    assert not problems, f"{name(url)} at 390 px:\n  {show(problems)}"


# --- Site-wide ----------------------------------------------------------------------


def built_html(site: Path, url: str) -> str:
    path = site / (url if url.endswith(".html") else f"{url}index.html")
    return path.read_text(encoding="utf-8")


def test_search_finds_a_chapter_term_and_links_to_it(reader, site):
    """Typing "Kronecker" in the search box lists the Kronecker delta page and opens it."""
    target = "part-2/kronecker-delta/"
    term = "Kronecker"
    if not (site / target / "index.html").is_file() or term not in built_html(site, target):
        target, term = "part-2/calculus/", "product rule"
    r = reader()
    page = r.open("", idle=True)
    page.locator("label.md-header__button[for=__search], .md-search__input").first.click()
    page.fill(".md-search__input", term)
    links = page.locator(".md-search-result__item a.md-search-result__link")
    links.first.wait_for(timeout=10_000)
    hrefs = [page.evaluate("a => a.href", a.element_handle()) for a in links.all()]
    wanted = r.base + target
    hits = [h for h in hrefs if h.split("#")[0] == wanted]
    assert hits, f"search for {term!r} on {name('')} lists {hrefs}, not {name(target)}"
    links.nth(hrefs.index(hits[0])).click()
    page.wait_for_url(re.compile(re.escape(wanted)))
    assert term.lower() in page.inner_text("article").lower(), (
        f"the search result for {term!r} opened {page.url}, which does not mention it")
    assert not r.errors, f"searching from {name('')} logs errors:\n  {show(r.errors)}"


def test_palette_toggle_switches_and_persists(reader):
    """The palette toggle switches light/dark; the choice survives a reload and a new page."""
    r = reader()
    page = r.open("")
    scheme = lambda: page.get_attribute("body", "data-md-color-scheme")  # noqa: E731
    assert scheme() == "default", f"{name('')} starts in {scheme()!r} for a light-mode reader"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_selector("body[data-md-color-scheme=slate]", timeout=5_000)
    page.reload(wait_until="load")
    assert scheme() == "slate", f"{name('')}: the dark scheme is lost on reload ({scheme()!r})"
    r.open("reference/notation/")
    assert scheme() == "slate", f"{name('reference/notation/')}: dark scheme lost on a new page"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_selector("body[data-md-color-scheme=default]", timeout=5_000)
    page.reload(wait_until="load")
    assert scheme() == "default", (
        f"{name('reference/notation/')}: the light scheme is lost on reload ({scheme()!r})")


def first_snippet(site: Path) -> tuple[str, str, str]:
    """(page URL, snippet file, section) of the first page that shows a snippet block."""
    for url in PAGES:
        if url == "404.html":
            continue
        match = re.search(r'<div class="snippet" data-snippet="([^":]+):([\w-]+)"',
                          built_html(site, url))
        if match:
            return url, match[1], match[2]
    pytest.fail("no page of the built book shows a snippet block")


def test_copy_button_copies_exactly_the_snippet_code(reader, site):
    """The copy button of a snippet block puts its code, and nothing else, on the clipboard."""
    url, path, section = first_snippet(site)
    code, _ = book.read_section(path, section)
    r = reader(permissions=["clipboard-read", "clipboard-write"])
    page = r.open(url)
    block = page.locator(f'.snippet[data-snippet="{path}:{section}"]').first
    button = block.locator(".highlight").first.locator("button.md-clipboard")
    assert button.count() == 1, f"{name(url)}: the snippet {path}:{section} has no copy button"
    page.evaluate("navigator.clipboard.writeText('(clipboard untouched)')")
    block.locator(".highlight").first.hover()
    button.click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()) !== "
                           "'(clipboard untouched)'", timeout=5_000)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.rstrip("\n") == code.rstrip("\n"), (
        f"{name(url)}: the copy button of {path}:{section} copied\n{copied!r}\n"
        f"instead of the snippet's code\n{code!r}")
    assert not r.dialogs, f"{name(url)}: copying opened a dialog: {r.dialogs}"
    output = block.locator(".snippet-output")
    assert output.count() == 0 or output.locator("button.md-clipboard").count() == 0, (
        f"{name(url)}: the output block of {path}:{section} has a copy button")


def test_instant_navigation_keeps_math_typeset(reader, site):
    """Following a navigation link (navigation.instant, no reload) shows typeset math."""
    with_math = [u for u in PAGES if u != "404.html" and 'class="katex"' in built_html(site, u)]
    assert len(with_math) >= 2, "fewer than two built pages hold math"
    first, second = with_math[0], with_math[1]
    r = reader()
    page = r.open(first)
    page.evaluate("window.__notReloaded = true")
    link = page.locator(f'nav.md-nav--primary a.md-nav__link[href$="{second}"]').first
    if not second:
        link = page.locator("a.md-header__button.md-logo").first
    link.click()
    page.wait_for_url(r.base + second)
    page.wait_for_selector("article .katex")
    assert page.evaluate("window.__notReloaded === true"), (
        f"going from {name(first)} to {name(second)} reloaded the page: no instant navigation")
    problems = page.evaluate(MATH_PROBLEMS)
    boxes = page.evaluate(BOXES)
    assert boxes["math"] > 0, f"{name(second)} shows no formula after instant navigation"
    assert not problems + boxes["problems"], (
        f"{name(second)} after instant navigation from {name(first)}:\n  "
        f"{show(problems + boxes['problems'])}")
    assert not r.errors, f"instant navigation to {name(second)} logs:\n  {show(r.errors)}"


def test_measure_reports_weight_and_time(base_url):
    """The benchmark's measurement (run as `python measure.py URL`) gives plausible numbers."""
    url = base_url + "part-2/calculus/"
    result = subprocess.run([sys.executable, str(Path(measure.__file__)), url],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"measure.py on page /part-2/calculus/ fails:\n{result.stderr}"
    numbers = json.loads(result.stdout)
    assert numbers["bytes"] > 10_000 and 0 < numbers["ms_to_math_and_figures"] < 60_000, (
        f"page /part-2/calculus/: implausible measurement {numbers}")
