"""The book as readers meet it, in headless Chromium: every page, both colour schemes, a phone.

Run alone with `pytest tests/browser -n 2`. Without Chromium these tests are skipped with a
loud message, except when the environment variable CI is set: then they fail.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path

import measure
import pytest
from measure import ROOT, is_local
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from textbook.sections import read_section, read_snippet  # the engine's reader of sections

DOCS = ROOT / "docs"


def page_urls() -> dict[str, str]:
    """URL (relative to the site root) -> source, for every chapter and the 404 page."""
    urls = {}
    for md in sorted([*DOCS.rglob("*.md"), *DOCS.rglob("*.ipynb")]):
        path = md.relative_to(DOCS).with_suffix("")
        folder = path.parent if path.name == "index" else path
        urls["" if folder.as_posix() == "." else f"{folder.as_posix()}/"] = (
            f"docs/{md.relative_to(DOCS).as_posix()}")
    urls["404.html"] = "404.html, Material's page for a missing URL"
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

    def open(self, url: str, idle: bool = False, deferred: bool = False):
        """Load a page. Unless `deferred`, every block is then rendered as it is once on
        screen, so that checks can measure all of it (see RENDER_ALL)."""
        self.page.goto(self.base + url, wait_until="load")
        if idle:
            self.page.wait_for_load_state("networkidle")
        if not deferred:
            self.page.evaluate(RENDER_ALL)
        return self.page


# A block below the screen (book.css: content-visibility: auto) has no layout until it
# nears the screen, and what changes inside it meanwhile is not laid out; near the screen
# it is rendered as `content-visibility: visible; contain: content`. Checks measure every
# block that way, as a reader scrolling to it sees it.
DEFERRABLE = json.dumps(  # the blocks book.css may defer, as a selector in JavaScript
    ".md-content__inner > *, .jp-Notebook > *, .jp-RenderedMarkdown > *")
RENDER_ALL = """() => {
  for (const block of document.querySelectorAll(DEFERRABLE))
    if (getComputedStyle(block).contentVisibility === "auto") {
      block.style.contentVisibility = "visible";
      block.style.contain = "content";
    }
}""".replace("DEFERRABLE", DEFERRABLE)


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
  // Text a reader sees: rendered text nodes, minus code and KaTeX's MathML copy for
  // screen readers (whose <annotation> holds the TeX source).
  const skip = "pre, code, script, style, noscript, template, .katex-mathml, .md-search__output";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(skip) || !parent.checkVisibility()) continue;
    parts.push(node.textContent);
  }
  const text = parts.join("");
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
      const source = e.querySelector("annotation")?.textContent.slice(0, 60) ?? "";
      if (box.width === 0 || box.height === 0)
        problems.push(`formula with an empty box: ${source}`);
      const mathml = e.querySelector(".katex-mathml")?.getBoundingClientRect();
      if (mathml && mathml.width > 1)  // KaTeX's CSS hides the MathML copy for the eye
        problems.push(`formula shown without KaTeX's stylesheet: ${source}`);
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
  const scrolls = e => getComputedStyle(e).overflowX !== "visible";
  const describe = e => {
    const id = e.closest("[id]");
    return `<${e.tagName.toLowerCase()} class="${e.className.baseVal ?? e.className}">` +
           (id ? ` in #${id.id}` : "") + ` "${e.textContent.trim().slice(0, 50)}"`;
  };
  const content = document.querySelector(".md-content") || document.body;
  for (const e of content.querySelectorAll("*")) {
    if (e.closest(".katex-mathml") || (e.ownerSVGElement && e.tagName !== "svg")) continue;
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
  const loose = [...document.querySelectorAll(".katex-display")].filter(e => {
    const box = e.closest(".math-display");
    return !box || getComputedStyle(box).overflowX !== "auto";
  });
  loose.slice(0, 3).forEach(e => problems.push(
    `display equation ${describe(e)} is not in a .math-display box with overflow-x: auto`));
  if (loose.length > 3) problems.push(`... and ${loose.length - 3} more display equations`);
  return problems;
}"""

# All rules that are on by default (colours: light scheme), or only the rules about colours.
AXE_RUN = """async (colourOnly) => {
  const options = {resultTypes: ["violations"]};
  if (colourOnly) options.runOnly = {type: "rule", values: axe.getRules(["cat.color"])
    .map(r => r.ruleId).filter(id => !axe._audit ||  // on by default, as in the light run
      axe._audit.rules.find(r => r.id === id).enabled)};
  const result = await axe.run(document, options);
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
# Loading a page costs more than most checks on it, so a test process loads each page
# twice, not once per check: on a laptop screen for the requests, axe-core, the figure
# contrast and the widths of test_screen.py, and math and figures (in this order: none
# changes what a later one sees), and on a phone for its budget (test_speed.py) and its
# overflow. The tests of a page run on one worker (xdist_group) and read its report; the
# generated pages (workbooks, notebooks), known once the site is built, are checked alike.


def axe_violations(page, scheme: str) -> list[str]:
    # Every rule runs in the light scheme. The toggle changes colours only, so in the dark
    # scheme the rules of axe's colour category run again (color-contrast,
    # link-in-text-block): the other rules would repeat the light run, at twice the cost.
    found = page.evaluate(AXE_RUN, scheme == "slate")
    return [f"{'light' if scheme == 'default' else 'dark'} ({scheme}): {v['impact']} "
            f"{v['id']} ({v['help']}), {v['count']} element(s):\n      "
            + "\n      ".join(v["nodes"]) for v in found]


def laptop_report(r: Reader, url: str, axe_source: str) -> dict[str, list[str]]:
    import test_screen  # (it imports this module)

    page = r.open(url, idle=True)
    page.evaluate("document.fonts.ready.then(() => true)")
    page.add_script_tag(content=axe_source)
    found = {"axe-core": [], "contrast": []}
    for scheme in ("default", "slate"):
        switch_scheme(page, scheme)
        found["axe-core"] += axe_violations(page, scheme)
        found["contrast"] += [f"{scheme}: {p}" for p in test_screen.contrast_problems(page)]
    switch_scheme(page, "default")
    found["widths"] = test_screen.screen_problems(page)
    found["math and figures"] = page.evaluate(MATH_PROBLEMS) + page.evaluate(BOXES)["problems"]
    found["requests"] = ([f"requests another host: {x}" for x in r.external]
                         + [f"failed request: {x}" for x in r.failed]
                         + [f"logs an error: {x}" for x in r.errors])
    return found


def phone_report(r: Reader, url: str, site: Path) -> dict[str, list[str]]:
    import test_speed  # (it imports this module)

    page = r.open(url, deferred=True)
    found = {"budget": test_speed.over_budget(page, site, r.base)}
    page.evaluate(RENDER_ALL)
    page.evaluate("document.fonts.ready.then(() => true)")
    found["390 px"] = page.evaluate(OVERFLOW)
    return found


def reports(browser, base_url: str, axe_source: str, site: Path):
    """report(url, check): what one check found on a page (the `report` fixture of
    conftest.py). The load a check belongs to runs for the first test that asks."""
    found: dict[tuple[str, str], dict[str, list[str]]] = {}

    def report(url: str, check: str) -> list[str]:
        screen = "phone" if check in ("budget", "390 px") else "laptop"
        if (url, screen) not in found:
            r = Reader(browser, base_url, **(measure.PHONE if screen == "phone" else {}))
            try:
                found[url, screen] = (phone_report(r, url, site) if screen == "phone"
                                      else laptop_report(r, url, axe_source))
            finally:
                r.context.close()
        return found[url, screen][check]

    return report


def generated(site: Path) -> list[str]:
    """The pages the engine generates: no docs/ file of their own."""
    return sorted(built_urls(site) - set(PAGES))


pages = pytest.mark.parametrize(  # a page's tests on one worker, which loads it
    "url", [pytest.param(u, marks=pytest.mark.xdist_group(f"page /{u}")) for u in PAGES],
    ids=lambda u: u.rstrip("/") or "home")
on_generated_pages = pytest.mark.xdist_group("generated pages")


def built_urls(site: Path) -> set[str]:
    """The URL of every HTML page of a built site."""
    built = set()
    for html in site.rglob("*.html"):
        rel = html.relative_to(site).as_posix()
        built.add(rel if rel == "404.html" else rel.removesuffix("index.html"))
    return built


def test_every_chapter_is_built(site):
    """Every chapter of docs/ (each a parametrized page here) is a page of the built site."""
    missing = sorted(set(PAGES) - built_urls(site))
    assert not missing, f"not built: {[name(u) for u in missing]}"


@pages
def test_page_loads_only_from_the_site_without_errors(url, report):
    """No request leaves 127.0.0.1, none fails, and the console shows no error."""
    problems = report(url, "requests")
    assert not problems, f"{name(url)}:\n  {show(problems)}"


@pages
def test_page_shows_typeset_math_and_labelled_figures(url, report):
    """No raw TeX or math error is visible; formulas and figures have size and alt text."""
    problems = report(url, "math and figures")
    assert not problems, f"{name(url)} shows math or figures wrongly:\n  {show(problems)}"


@pages
def test_page_has_no_serious_axe_violation_in_light_and_dark(url, report):
    """axe-core finds no serious or critical violation, in the light and the dark scheme."""
    problems = report(url, "axe-core")
    assert not problems, f"{name(url)} fails axe-core:\n  {show(problems)}"


@pages
def test_page_fits_a_390px_screen(url, report):
    """At 390 px the page never scrolls sideways; long equations scroll in their own box."""
    problems = report(url, "390 px")
    assert not problems, f"{name(url)} at 390 px:\n  {show(problems)}"


@on_generated_pages
@pytest.mark.parametrize("check", ["requests", "math and figures", "axe-core", "390 px"])
def test_generated_pages_pass_every_check(check, site, report):
    """Pages that the engine generates (no docs/*.md of their own) pass the per-page checks."""
    problems = [f"page /{url} (generated), {check}: {problem}"
                for url in generated(site) for problem in report(url, check)]
    assert not problems, show(problems)


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
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(term, delay=20)
    links = page.locator(".md-search-result__item a.md-search-result__link")
    links.first.wait_for(timeout=10_000)
    hrefs = [page.evaluate("a => a.href", a.element_handle()) for a in links.all()]
    wanted = r.base + target
    hits = [h for h in hrefs if urllib.parse.urlsplit(h)._replace(query="", fragment="").geturl()
            == wanted]
    assert hits, f"search for {term!r} on {name('')} lists {hrefs}, not {name(target)}"
    links.nth(hrefs.index(hits[0])).click()
    page.wait_for_url(re.compile(re.escape(wanted)))
    assert term.lower() in page.inner_text("article").lower(), (
        f"the search result for {term!r} opened {page.url}, which does not mention it")
    assert not r.errors, f"searching from {name('')} logs errors:\n  {show(r.errors)}"


def test_palette_toggle_switches_and_persists(reader):
    """The palette toggle cycles system -> light -> dark -> system: each choice survives a
    reload and a new page; "system" follows the reader's colour scheme, the others not."""
    r = reader(color_scheme="dark")
    page = r.open("")
    scheme = lambda: page.get_attribute("body", "data-md-color-scheme")  # noqa: E731
    toggle = page.locator("form[data-md-component=palette] label:visible").first

    def follows(system: str, want: str, where: str) -> None:
        page.emulate_media(color_scheme=system)
        try:
            page.wait_for_selector(f"body[data-md-color-scheme={want}]", timeout=5_000)
        except PlaywrightTimeout:
            pytest.fail(f"{where}: with a {system} system the page shows {scheme()!r}, "
                        f"not {want!r}")

    follows("dark", "slate", f"{name('')}, first visit (following the system)")
    follows("light", "default", f"{name('')}, first visit (following the system)")
    for choice, light, dark in [("light", "default", "default"), ("dark", "slate", "slate"),
                                ("system", "default", "slate")]:
        toggle.click()
        for url in ("", "reference/notation/"):  # a reload, then another page
            r.open(url)
            follows("light", light, f"{name(url)}, {choice} chosen")
            follows("dark", dark, f"{name(url)}, {choice} chosen")
        if choice == "dark":
            title = toggle.get_attribute("title") or ""
            assert "system" in title, (
                f"in dark mode the toggle does not offer the way back to the system: {title!r}")


# The colours of the page's main parts, to compare a page without JavaScript with one with.
# Material fades code backgrounds in (a 125 ms transition), so running ones are finished first.
COLOURS = """() => (document.getAnimations().forEach(a => a.finish()), Object.fromEntries([
  "body", ".md-header", ".md-typeset a", ".md-typeset p", ".md-typeset .admonition",
  ".md-typeset pre > code", ".md-footer"].map(selector => {
    const e = document.querySelector(selector);
    const style = e && getComputedStyle(e);
    return [selector, style ? `${style.color} on ${style.backgroundColor}` : "missing"];
  })))"""


@pytest.mark.parametrize("system", ["dark", "light"])
def test_theme_without_javascript_follows_the_system(system, reader):
    """With JavaScript off, a page has the colours of the system's scheme, as it has with
    JavaScript on (where Material picks the palette)."""
    url = "part-2/calculus/"
    with_js = reader(color_scheme=system).open(url)
    with_js.wait_for_selector(f"body[data-md-color-scheme={SCHEMES[system]}]")
    wanted = with_js.evaluate(COLOURS)
    without = reader(color_scheme=system, java_script_enabled=False).open(url)
    got = without.evaluate(COLOURS)
    wrong = [f"{part}: {got[part]} (with JavaScript: {wanted[part]})"
             for part in wanted if got[part] != wanted[part]]
    assert not wrong, (f"{name(url)} without JavaScript, {system} system, shows other colours "
                       f"than with it:\n  {show(wrong)}")


SCHEMES = {"dark": "slate", "light": "default"}  # Material's scheme for each system setting


COPY_BUTTON = 'button[data-md-type="copy"], button.md-clipboard'  # Material 9.8, and older


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
    code, _ = read_section(path, section, read_snippet(ROOT / "snippets", path))
    r = reader(permissions=["clipboard-read", "clipboard-write"])
    page = r.open(url, idle=True)
    block = page.locator(f'.snippet[data-snippet="{path}:{section}"]').first
    block.scroll_into_view_if_needed()
    button = block.locator(".highlight").first.locator(COPY_BUTTON)
    try:
        button.wait_for(state="attached", timeout=5_000)
    except PlaywrightTimeout:
        pytest.fail(f"{name(url)}: the snippet {path}:{section} has no copy button")
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
    assert output.count() == 0 or output.locator(COPY_BUTTON).count() == 0, (
        f"{name(url)}: the output block of {path}:{section} has a copy button")


def test_instant_navigation_keeps_math_typeset(reader, site):
    """Following a navigation link (navigation.instant, no reload) shows typeset math."""
    with_math = [u for u in PAGES if u != "404.html" and 'class="katex"' in built_html(site, u)]
    assert len(with_math) >= 2, "fewer than two built pages hold math"
    first, second = with_math[0], with_math[1]
    r = reader()
    page = r.open(first, idle=True)  # idle: Material has read sitemap.xml, links are instant
    page.evaluate("window.__notReloaded = true")
    link = page.locator(f'nav.md-nav--primary a.md-nav__link[href$="{second}"]').first
    if not second:
        link = page.locator("a.md-header__button.md-logo").first
    link.click()
    page.wait_for_url(r.base + second)
    page.wait_for_selector("article .katex")
    assert page.evaluate("window.__notReloaded === true"), (
        f"going from {name(first)} to {name(second)} reloaded the page: no instant navigation")
    boxes = page.evaluate(BOXES)  # raw TeX in the page itself is the per-page test's job
    assert boxes["math"] > 0, f"{name(second)} shows no formula after instant navigation"
    assert not boxes["problems"], (
        f"{name(second)} after instant navigation from {name(first)}:\n  "
        f"{show(boxes['problems'])}")
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
