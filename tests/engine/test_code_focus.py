"""Wide code blocks are focusable before Material mounts them (textbook/code_focus.py)."""

from __future__ import annotations

from textbook.code_focus import FITS, focusable


def block(line: str) -> str:
    return f'<div class="highlight"><pre><span></span><code>{line}\nx = 1</code></pre></div>'


def test_a_block_wider_than_the_column_is_focusable_and_a_narrow_one_is_not():
    wide = block('<span class="n">y</span> = ' + "x" * FITS)
    narrow = block("&lt;" * (FITS - 1))  # an entity is one character on screen
    page = focusable(f"<p>text</p>{wide}{narrow}<pre>plain</pre>")
    assert page.count('tabindex="0"') == 1, page
    assert '<code tabindex="0"><span class="n">y</span>' in page, "the wide block is not focusable"
    assert focusable(page) == page, "a block made focusable twice"
