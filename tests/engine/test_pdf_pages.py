"""The print documents: figures and formulas kept out of the HTML parser come back whole."""

from __future__ import annotations

import pytest

from textbook.errors import BookError
from textbook.pdf_pages import Pages, book_body, book_document, nav_entries

# A KaTeX formula as the build writes it: spans in spans, MathML, and an SVG of its own.
FORMULA = ('<span class="katex"><span class="katex-mathml"><math><semantics><mrow><msqrt>'
           '<mi>x</mi></msqrt></mrow><annotation encoding="application/x-tex">\\sqrt{x} &lt; 1'
           '</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">'
           '<span class="base"><span class="mord sqrt"><span class="vlist"><svg width="400em" '
           'viewBox="0 0 400000 1080"><path d="M95,702"></path></svg></span></span>'
           '<span class="mord">x</span></span></span></span>')
FIGURE = '<svg viewBox="0 0 10 10"><defs><path id="m"></path></defs><use href="#m"/></svg>'
HEAD = '<html><head><link rel="stylesheet" href="assets/site.css"></head>'
STAMP = ('<footer><p class="book-build">\n  Built from\n  commit <a href="https://x/c"><code>'
         'abc1234</code></a>\n  on <time datetime="2026-12-06">2026-12-06</time></p></footer>')


def test_formulas_and_figures_come_back_whole(tmp_path):
    (tmp_path / "index.html").write_text(f"{HEAD}<body>{STAMP}</body></html>")
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text(
        f'<article class="md-content__inner"><h1 id="t">Roots {FORMULA}</h1>'
        f'<p>Where <span class="katex-display">{FORMULA}</span> holds.<a class="headerlink" '
        f'href="#t">¶</a></p><figure class="snippet-figure">{FIGURE}</figure></article>')
    entries = nav_entries([{"Roots": "page.md"}], set())
    pages = Pages(tmp_path, "https://example.org/book/", entries)
    body = book_body(pages, entries)
    document = book_document(pages, entries, "", body, {})

    assert len(pages.kept) == 5  # two formulas, the SVG of each, and the figure
    assert document.count(FORMULA) == 3  # the heading, the contents and the paragraph
    assert 'href="#p-page--m"' in document and "headerlink" not in document
    assert "kept-slot" not in document
    assert pages.stamp == ('Built from commit <a href="https://x/c"><code>abc1234</code></a> '
                           'on <time datetime="2026-12-06">2026-12-06</time>')


def test_a_site_without_the_build_stamp_is_refused(tmp_path):
    """The PDFs name the build they print: a site whose pages carry no stamp (built
    without the book plugin) is not printed."""
    (tmp_path / "index.html").write_text(f"{HEAD}<body><footer></footer></body></html>")
    with pytest.raises(BookError, match=r"index.html shows no build stamp"):
        Pages(tmp_path, "https://example.org/book/", [])
