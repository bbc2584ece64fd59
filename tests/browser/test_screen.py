"""Reading on every screen: equation numbers, figures, output blocks, boxes, tables, title.

Each check is a script run in the page that returns the problems it finds; the per-page
tests run them on every chapter and generated page, and test_checks_catch_deliberate_breaks
shows each one failing on a page broken on purpose.
"""

from __future__ import annotations

import re

import test_browser
from test_browser import built_html, built_urls, name, pages, show

from textbook.katex import Katex, numbered

reader = test_browser.reader  # the fixture: a fresh browser context for each test
WIDTHS = (320, 390, 1280)  # the narrowest phone, a common phone, a laptop
SMALLEST_TEXT_PX = 9  # label text of a figure, as shown in the column
MARK_CONTRAST = 3.0  # WCAG 1.4.11: a figure's filled marks against the background, both schemes
TEXT_CONTRAST = 4.5  # WCAG 1.4.3: its text (coloured labels; book.css brightens or darkens them)

# Every equation number against the boxes of its formula, and against its scrolling box.
NUMBERS = r"""() => {
  document.querySelectorAll("details").forEach(d => { d.open = true; });
  const problems = [];
  for (const tag of document.querySelectorAll(".katex-display .katex-tag")) {
    if (!tag.checkVisibility()) continue;
    const text = document.createRange();
    text.selectNodeContents(tag.querySelector(".text") || tag);
    const t = text.getBoundingClientRect();
    for (const base of tag.closest(".katex-html").querySelectorAll(".katex-base")) {
      const f = base.getBoundingClientRect();
      const w = Math.min(t.right, f.right) - Math.max(t.left, f.left);
      const h = Math.min(t.bottom, f.bottom) - Math.max(t.top, f.top);
      if (w > 0.5 && h > 0.5) {
        problems.push(`number ${tag.textContent} overlaps its formula by ${w.toFixed(1)}px`);
        break;
      }
    }
    const box = tag.closest(".math-display")?.getBoundingClientRect();
    if (box && (t.right > box.right + 0.5 || t.left < box.left - 0.5))
      problems.push(`number ${tag.textContent} is outside its box until scrolled`);
  }
  return problems;
}"""

# The size of every text of every figure, in CSS px: Matplotlib draws text as glyph paths
# in units of 1/100 em, so the scale on screen of a glyph's <use> times 100 is its size; a
# text's size is its largest glyph's (sub- and superscripts are smaller by design).
FIGURE_TEXT = r"""(least) => {
  const problems = [];
  for (const svg of document.querySelectorAll("figure.snippet-figure svg")) {
    if (!svg.checkVisibility()) continue;
    const small = [];
    for (const text of svg.querySelectorAll('g[id*="text_"]')) {
      if (text.parentElement.closest('g[id*="text_"]')) continue;
      const sizes = [...text.querySelectorAll("use")].map(u => {
        const m = u.getScreenCTM();
        return Math.hypot(m.c, m.d) * 100;
      });
      if (!sizes.length) continue;
      const size = Math.max(...sizes);
      if (size < least - 0.05) {
        const label = [...text.childNodes].find(n => n.nodeType === Node.COMMENT_NODE);
        small.push(`${(label?.textContent ?? "?").trim()} ${size.toFixed(1)}px`);
      }
    }
    if (small.length) problems.push(`figure ${svg.querySelector("[id]")?.id ?? ""} ` +
      `${Math.round(svg.getBoundingClientRect().width)}px wide: text under ${least}px: ` +
      small.slice(0, 4).join(", "));
  }
  return problems;
}"""

# Filled marks of every figure against the page background, as WCAG computes contrast; the
# fill's opacity composites it over the background. Translucent washes (opacity 0.35 or less,
# drawn under labelled content) and fills in the background colour (legend frames) are
# not marks.
FIGURE_CONTRAST = r"""([least, text]) => {
  const rgba = s => {
    const m = s.match(/[\d.]+/g).map(Number);
    return [...m.slice(0, 3), m[3] ?? 1];
  };
  const lum = c => c.slice(0, 3)
    .map(v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  const bg = rgba(getComputedStyle(document.body).backgroundColor);
  const problems = new Set();
  for (const svg of document.querySelectorAll("figure.snippet-figure svg")) {
    for (const e of svg.querySelectorAll("path, rect, circle, ellipse, polygon, use")) {
      if (e.closest("defs, clipPath")) continue;
      const label = e.closest('g[id*="text_"]');
      if (label && e.tagName !== "use") continue;  // a text's glyphs are its <use>s
      const style = getComputedStyle(e);
      if (style.fill === "none" || style.visibility === "hidden") continue;
      let [r, g, b, a] = rgba(style.fill);
      a *= Number(style.fillOpacity);
      let bright = 1;  // book.css: brightness() on a coloured label
      for (let p = e; p && p !== svg; p = p.parentElement) {
        const own = getComputedStyle(p);
        a *= Number(own.opacity);
        const filter = own.filter.match(/brightness\(([\d.]+)\)/);
        if (filter) bright *= Number(filter[1]);
      }
      [r, g, b] = [r, g, b].map(v => Math.min(255, v * bright));
      if (!label && (a <= 0.351 || ratio([r, g, b], bg) < 1.01)) continue;
      const seen = [r, g, b].map((v, i) => a * v + (1 - a) * bg[i]);
      const k = ratio(seen, bg), need = label ? text : least;
      if (k < need) problems.add(`figure ${svg.querySelector("[id]")?.id ?? ""}: ` +
        `${label ? "text" : "fill"} ${style.fill}${bright === 1 ? "" : ` brightened x${bright}`}` +
        ` at opacity ${a.toFixed(2)} is ${k.toFixed(2)}:1 on the background (${need}:1 needed)`);
    }
  }
  return [...problems];
}"""

# Code, output blocks and display equations wider than their box show the scroll cue
# (book.css: shadows that stay put, covers that scroll with the text).
OUTPUT_CUES = r"""() => {
  const problems = [];
  const boxes = "pre > code, .math-display, .jp-OutputArea-output, .highlight-ipynb";
  for (const box of document.querySelectorAll(boxes)) {
    if (!box.checkVisibility() || box.scrollWidth <= box.clientWidth) continue;
    const style = getComputedStyle(box);
    const gradients = (style.backgroundImage.match(/gradient\(/g) || []).length;
    const what = box.matches(".math-display") ? "equation"
      : box.closest(".snippet-output, .jp-OutputArea") ? "output" : "code";
    if (gradients < 4 || !style.backgroundAttachment.includes("local")
        || !style.backgroundAttachment.includes("scroll"))
      problems.push(`${what} "${box.textContent.trim().slice(0, 40)}" scrolls sideways ` +
                    `without a cue`);
  }
  return problems;
}"""

# Punctuation after an inline formula on the formula's line, never first on the next.
STRANDED = r"""() => {
  const problems = [], article = document.querySelector("article");
  for (const math of article.querySelectorAll(".katex")) {
    if (math.closest(".katex-display") || !math.checkVisibility()) continue;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    walker.currentNode = math;
    let text = walker.nextNode();
    while (text && math.contains(text)) text = walker.nextNode();
    if (!text || !/^[.,;:!?)\]]/.test(text.data)) continue;
    const mark = document.createRange();
    mark.setStart(text, 0);
    mark.setEnd(text, 1);
    const boxes = math.querySelectorAll(".katex-base");
    const at = mark.getBoundingClientRect(), last = boxes[boxes.length - 1];
    if (last && at.height && at.top >= last.getBoundingClientRect().bottom - 1)
      problems.push(`"${text.data.slice(0, 12).trim()}" starts a line after the formula ` +
                    `$${math.querySelector("annotation").textContent}$`);
  }
  return problems;
}"""

# Where the lines of code in a table break: after a space only, never inside a token.
TABLE_CODE = r"""() => {
  const problems = [];
  for (const code of document.querySelectorAll("article table code")) {
    const node = code.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const range = document.createRange();
    let top = null;
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      if (box.width === 0) continue;
      const between = /\s/.test(node.data[i - 1]) || /\s/.test(node.data[i]);
      if (top !== null && box.top > top + 2 && !between)
        problems.push(`code "${node.data}" breaks inside a token: ` +
                      `"${node.data.slice(0, i)}" / "${node.data.slice(i)}"`);
      top = box.top;
    }
  }
  return problems;
}"""

# Text in admonitions (corrections, "Try it yourself", answers) against the body text.
BOX_TEXT = r"""() => {
  const body = document.querySelector("article > p");
  if (!body) return [];
  const size = parseFloat(getComputedStyle(body).fontSize);
  return [...document.querySelectorAll("article .admonition > p:not(.admonition-title)")]
    .filter(p => parseFloat(getComputedStyle(p).fontSize) < size - 0.1)
    .slice(0, 3).map(p => `box text "${p.textContent.trim().slice(0, 40)}" is ` +
                          `${getComputedStyle(p).fontSize}, body text ${size}px`);
}"""


def settle(page, width: int) -> None:
    """The page at a new width, laid out (two animation frames)."""
    page.set_viewport_size({"width": width, "height": 800})
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def screen_problems(page) -> list[str]:
    """Numbers, figure text and output cues at every width; table code and boxes at 390 px."""
    problems = []
    for width in WIDTHS:
        settle(page, width)
        found = (page.evaluate(NUMBERS) + page.evaluate(FIGURE_TEXT, SMALLEST_TEXT_PX)
                 + page.evaluate(OUTPUT_CUES) + page.evaluate(STRANDED))
        if width == 390:
            found += page.evaluate(TABLE_CODE) + page.evaluate(BOX_TEXT)
        problems += [f"at {width}px: {p}" for p in found]
    return problems


def contrast_problems(page) -> list[str]:
    """Figure marks and text against the background, in the page's scheme."""
    return page.evaluate(FIGURE_CONTRAST, [MARK_CONTRAST, TEXT_CONTRAST])


@pages
def test_page_reads_well_at_every_width(url, report):
    """At 320, 390 and 1280 px no equation number touches its formula or hides off its box,
    figure text is at least 9 px, wide code, outputs and equations show a scroll cue, no
    line starts with the punctuation after a formula; at 390 px code in tables breaks
    between tokens and box text is body-sized."""
    problems = report(url, "widths")
    assert not problems, f"{name(url)}:\n  {show(problems)}"


@pages
def test_figure_marks_contrast_in_both_schemes(url, report):
    """Every filled mark of a figure stands out from the background, light and dark, and
    its text reads as text must (coloured labels too)."""
    problems = report(url, "contrast")
    assert not problems, f"{name(url)}:\n  {show(problems)}"


# --- Each check catches its deliberate break -----------------------------------------

LONG = (r"\frac{d}{dx}\left[4x^{2.5} + x^{1/2} - 6x^{-1/2}\right] = 4\left(2.5\,x^{1.5}\right)"
        r" + \tfrac12 x^{-1/2} - 6\left(-\tfrac12 x^{-1.5}\right) \tag{999}")
INJECT = """([html, where]) => {
  const box = document.createElement("div");
  box.className = "math-display";
  box.innerHTML = html;
  document.querySelector(where).prepend(box);
}"""


def test_checks_catch_deliberate_breaks(reader, tmp_path):
    """A long numbered equation as KaTeX writes it, a figure let shrink, a dark translucent
    fill on the dark background, an output block and an equation without their cue, and
    a comma that starts a line after its formula are each reported."""
    katex = Katex(tmp_path)
    try:
        katex.render([(LONG, True)])
        raw = katex.cache["D" + LONG]["html"]
    finally:
        katex.close()
    page = reader(viewport={"width": 390, "height": 800}).open("part-2/exercises/")
    page.evaluate(INJECT, [raw, "article"])  # KaTeX's own layout: the number on top
    assert any("(999) overlaps" in p for p in page.evaluate(NUMBERS)), (
        "the equation-number check misses a long equation laid out by KaTeX alone")
    page.evaluate("document.querySelector('article > .math-display').remove()")
    page.evaluate(INJECT, [numbered(raw), "article"])  # the book's layout: no problem
    assert not [p for p in page.evaluate(NUMBERS) if "(999)" in p], (
        "the book's layout of a long numbered equation still lets the number collide")

    page = reader(viewport={"width": 390, "height": 800},
                  color_scheme="dark").open("part-1/statistical-learning/")
    assert not page.evaluate(FIGURE_TEXT, SMALLEST_TEXT_PX)
    page.evaluate("document.querySelector('figure.snippet-figure svg')"
                  ".style.setProperty('--figure-min-width', '0px')")
    assert page.evaluate(FIGURE_TEXT, SMALLEST_TEXT_PX), (
        "the figure-text check misses a figure shrunk to the column (6 px labels)")
    assert not page.evaluate(FIGURE_CONTRAST, [MARK_CONTRAST, TEXT_CONTRAST])
    page.evaluate("""() => {  // the bars of the source: tab:blue at 40% opacity
      const bar = [...document.querySelectorAll('svg[aria-label*="filtered"] path')]
        .find(p => !p.closest("defs") && getComputedStyle(p).fill === "rgb(31, 119, 180)");
      bar.style.opacity = "0.4"; }""")
    assert page.evaluate(FIGURE_CONTRAST, [MARK_CONTRAST, TEXT_CONTRAST]), (
        "the contrast check misses a translucent dark-blue bar on the dark background")
    page = reader(color_scheme="dark").open("part-1/linear-algebra/linear-operators/")
    assert not page.evaluate(FIGURE_CONTRAST, [MARK_CONTRAST, TEXT_CONTRAST])
    page.add_style_tag(content=".snippet-figure g { filter: none !important }")
    assert any(" text " in p for p in page.evaluate(FIGURE_CONTRAST, [MARK_CONTRAST,
                                                                        TEXT_CONTRAST])), (
        "the contrast check misses a tab:blue label on the dark background")

    page = reader(viewport={"width": 320, "height": 800}).open("part-1/linear-algebra/")
    page.add_style_tag(content=".md-typeset .snippet-output pre > code { background: none }")
    assert page.evaluate(OUTPUT_CUES), "the cue check misses a wide output without its cue"
    page = reader(viewport={"width": 390, "height": 800}).open(
        "part-1/linear-algebra/linear-operators/")
    assert not page.evaluate(OUTPUT_CUES)
    page.add_style_tag(content=".md-typeset .math-display { background: none }")
    assert any(p.startswith("equation") for p in page.evaluate(OUTPUT_CUES)), (
        "the cue check misses a wide equation without its cue")
    assert not page.evaluate(STRANDED)
    page.add_style_tag(content=".math-tail, .math-tail .math-last { white-space: normal }")
    assert page.evaluate(STRANDED), "the check misses a comma stranded after a formula"


# --- Single items ----------------------------------------------------------------------


def test_power_rule_table_fits_a_phone(reader):
    """The power-rule table of Part II §1 shows every column, "rule" too, at 390 px."""
    page = reader(viewport={"width": 390, "height": 800}).open("part-2/calculus/")
    block = '.snippet[data-snippet="part_2/calculus/power_rule_cases.py:cases"]'
    code = page.locator(f"{block} .snippet-output pre > code").first
    widths = code.evaluate("c => [c.scrollWidth, c.clientWidth, c.textContent]")
    assert "rule" in widths[2] and widths[0] <= widths[1], (
        f"{name('part-2/calculus/')}: the power-rule output is {widths[0]}px wide in a "
        f"{widths[1]}px box at 390 px:\n{widths[2]}")


def test_figure_opens_full_size_from_the_keyboard(reader):
    """Enter on a figure's button shows it in a dialog, text 12 px or more; Escape closes
    it, puts the figure back and returns the focus to the button."""
    page = reader(viewport={"width": 390, "height": 800}).open("part-1/statistical-learning/")
    button = page.locator("figure.snippet-figure + button.figure-open").first
    button.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.figure-dialog[open]")
    dialog.wait_for(timeout=5_000)
    assert dialog.locator("svg[role=img]").count() == 1, "the dialog shows no figure"
    small = page.evaluate(FIGURE_TEXT.replace("figure.snippet-figure svg", "dialog svg"), 12)
    assert not small, f"the full-size figure has small text:\n  {show(small)}"
    page.keyboard.press("Escape")
    dialog.wait_for(state="detached", timeout=5_000)
    assert page.locator("figure.snippet-figure svg").count() == 3, "a figure was lost"
    assert page.evaluate("document.activeElement.classList.contains('figure-open')"), (
        "closing the dialog does not return the focus to its button")


def test_site_title_fits_a_phone(reader):
    """At 390 px the site title shows whole, not cut with an ellipsis."""
    page = reader(viewport={"width": 390, "height": 800}).open("")
    cut = page.evaluate("""() => {
      const t = document.querySelector(".md-header__topic:first-child .md-ellipsis");
      return t.scrollWidth > t.clientWidth + 1 || !t.checkVisibility(); }""")
    assert not cut, f"{name('')}: the site title is cut at 390 px"


def test_colab_links_open_a_new_tab(site):
    """Every "Open in Colab" link opens a new tab without handing Colab the book's window."""
    links = [link for url in sorted(built_urls(site))
             for link in re.findall(r"<a [^>]*colab\.research[^>]*>", built_html(site, url))]
    assert links, "no page links to Colab"
    wrong = [link for link in links
             if 'target="_blank"' not in link or "noopener" not in link]
    assert not wrong, f"Colab links without target=_blank rel=noopener:\n  {show(wrong[:3])}"
