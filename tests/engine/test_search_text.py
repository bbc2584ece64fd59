"""What the search index reads of a page (textbook/search_text.py), and that the written
page is the page as rendered."""

from __future__ import annotations

import re

from textbook.search_text import PLACEHOLDER, SearchText

FORMULA = ('<span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>x</mi>'
           '</mrow><annotation encoding="application/x-tex">x^2</annotation></semantics></math>'
           '</span><span class="katex-html" aria-hidden="true"><span class="base">'
           '<span class="mord">x</span></span></span></span>')
LONG = FORMULA.replace("x^2", r"\sum_{i=1}^{N} \frac{\partial y_i}{\partial x_j} w_{jk} + b_k")
CODE = ('<div class="highlight"><pre><span></span><code><span class="n">y</span> '
        '<span class="o">=</span> <span class="n">x</span></code></pre></div>')
OUTPUT = ('<div class="snippet-output highlight"><pre><code><span class="mi">4</span>'
          '</code></pre></div>')
PAGE = (f"<p>The square {FORMULA} and the sum {LONG}.</p>{CODE}{OUTPUT}"
        '<div class="admonition notebook-links"><p>Run this chapter</p></div>'
        '<p data-search-exclude><span>not <span>this</span></span> either</p><p>end</p>')


def test_search_reads_tex_and_plain_code_and_skips_what_is_excluded():
    text = SearchText()
    read = text.hold(PAGE)
    assert "x^2" in read and PLACEHOLDER in read and "katex-html" not in read
    assert "<code>y = x</code>" in re.sub(r"<!--/?book-held[^>]*-->", "", read), (
        "highlighted code is not read as its plain text")
    assert 'class="n"' not in read, "the index still walks through Pygments' spans"
    for gone in ("snippet-output", "Run this chapter", "not ", " either"):
        assert gone not in read, f"the index reads {gone!r}"
    assert "end" in read


def test_the_written_page_is_the_rendered_page():
    text = SearchText()
    assert text.restore(f"<html>{text.hold(PAGE)}</html>") == f"<html>{PAGE}</html>"
    assert text.held == [], "held pieces outlive the page they were taken from"


def test_formulas_held_where_they_are_typeset_read_and_write_as_found_ones():
    """The book holds each formula as it typesets it (SearchText.formula): the index reads
    what `hold` alone would give it, and the written page is whole, also where an excluded
    element holds such a formula."""
    found, typeset = SearchText(), SearchText()
    page = PAGE.replace("<p>end</p>", f'<div class="snippet-output">{FORMULA}</div><p>end</p>')
    early = page.replace(FORMULA, typeset.formula(FORMULA)).replace(LONG, typeset.formula(LONG))
    read = typeset.hold(early)

    def plain(text: str) -> str:
        return re.sub(r"<!--/?book-held[^>]*-->", "", text)
    assert plain(read) == plain(found.hold(page))
    assert typeset.restore(f"<html>{read}</html>") == f"<html>{page}</html>"
