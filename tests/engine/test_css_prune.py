"""The notebook pages' stylesheet keeps only what can match (textbook/css_prune.py), and
only the big inline stylesheets of a page are taken out of it (notebook_pages.big_styles)."""

from __future__ import annotations

from textbook.css_prune import page_classes, prune
from textbook.notebook_pages import BIG_STYLE, big_styles

CSS = """
:root { --unused: 1px; --chain-a: var(--chain-b); --chain-b: red; --page: blue; }
.cell .prompt { color: var(--chain-a); }
.widget .slider { color: green; }
.cell:not(.widget) { margin: 0; }
.widget, .cell > p { padding: 0; }
body { margin: 0; }
@media (max-width: 600px) { .widget { display: none; } .cell { display: block; } }
@font-face { font-family: X; src: url(x.woff2); }
"""
PAGE = '<div class="cell"><span class="prompt">In</span><p style="color: var(--page)"></p></div>'


def test_rules_for_absent_classes_go_and_the_rest_stay():
    kept = prune(CSS, PAGE)
    assert ".widget .slider" not in kept and "green" not in kept, kept
    assert ".cell .prompt" in kept and ".cell:not(.widget)" in kept, kept
    assert ".cell > p" in kept and ".widget," not in kept, kept  # one selector of a list
    assert "body" in kept and "@font-face" in kept, kept
    assert "@media" in kept and "display: block" in kept and "display: none" not in kept, kept


def test_custom_properties_stay_only_when_read():
    kept = prune(CSS, PAGE)
    assert "--unused" not in kept, kept
    assert "--chain-a" in kept and "--chain-b" in kept, kept  # read through another one
    assert "--page" in kept, kept  # read by the page's own style attribute


def test_a_page_without_cells_keeps_no_cell_rule():
    kept = prune(CSS, '<p class="other"></p>')
    assert ".cell" not in kept and "--chain-b" not in kept, kept


def test_only_big_inline_stylesheets_are_replaced():
    big, small = "a{}" * BIG_STYLE, ".x{color:red}"
    page = (f'<p>1</p><style type="text/css">{big}</style><style type="text/css">{small}'
            f'</style><style>{big}</style><p>2</p><style type="text/css">{big}')
    assert big_styles(page, lambda css: f"[{len(css)}]") == (
        f'<p>1</p>[{len(big)}]<style type="text/css">{small}</style><style>{big}</style>'
        f'<p>2</p><style type="text/css">{big}')  # the last one is never closed


def test_a_class_is_an_attribute_of_its_own():
    page = ('<p class="a  b" data-class="c"><i subclass="d" x_class="e" éclass="g">é</i>'
            '<b\nclass="f">')
    assert page_classes(page) == {"a", "b", "c", "f"}  # (`data-class` too: a rule kept)
