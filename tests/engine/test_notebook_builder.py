"""The notebooks' Builder (textbook/notebooks.py): a chapter's words in a notebook link their
section and equation references to the published site, as the chapter's page links them."""

from __future__ import annotations

from pathlib import Path

import test_equation_refs
import test_section_refs

from textbook.notebooks import Builder

SITE = "https://example.org/book/"


def builder() -> Builder:
    """A Builder whose references are those of the equation and section tests' book."""
    references = (test_equation_refs.refs(**test_equation_refs.BOOK),
                  test_section_refs.sections())
    return Builder(lambda: None, Path("snippets"), SITE, build=None,
                   references=lambda: references)


def linked(page: str, markdown: str) -> str:
    return builder().linked(markdown, page)


def test_a_reference_leads_to_its_page_on_the_site():
    assert linked("part-1/x.md", "As §2.4 and §2.1 say.") == (
        f'As <a class="sec-ref" href="{SITE}part-1/dot-product/">§2.4</a> and '
        f'<a class="sec-ref" href="{SITE}part-1/linear/#basics">§2.1</a> say.')
    assert linked("part-2/sums.md", "By eq. (42).") == (
        f'By eq. <a class="eq-ref" href="{SITE}part-2/logs/#eq-42">(42)</a>.')


def test_a_reference_to_its_own_page_leads_to_the_site_too():
    """A notebook holds no anchor of its page: `#basics` would lead nowhere."""
    assert linked("part-1/linear/index.md", "Below, §2.1.") == (
        f'Below, <a class="sec-ref" href="{SITE}part-1/linear/#basics">§2.1</a>.')
    assert linked("part-2/logs.md", "By eq. (42).") == (
        f'By eq. <a class="eq-ref" href="{SITE}part-2/logs/#eq-42">(42)</a>.')


def test_words_the_chapters_page_refuses_stay_words():
    """The chapter's page stops the build there, naming the line; the notebook does not."""
    for markdown in ("As §9.9 says.", "By eq. (99).", "See [§2.4][d].\n\n[d]: x.md\n"):
        assert linked("part-1/x.md", markdown) == markdown


def test_code_in_a_box_stays_code():
    """A box's words are made once: quoted, its fenced code is still code, never linked."""
    cells = builder().full("part-1/x.md", '!!! note "See §2.1"\n    Body, as §2.4 says.\n\n'
                         "    ```text\n    see §2.4 and eq. (3)\n    ```\n", [0])
    assert [cell.source for cell in cells] == [
        f'> **See <a class="sec-ref" href="{SITE}part-1/linear/#basics">§2.1</a>.** Body, as '
        f'<a class="sec-ref" href="{SITE}part-1/dot-product/">§2.4</a> says.\n> \n'
        "> ```text\n> see §2.4 and eq. (3)\n> ```"]
