"""Section references (textbook/section_refs.py): `§2.4` is a link to the heading that shows
section 2.4 in its part, and a number no heading of the part shows stops the build."""

from __future__ import annotations

import re

import pytest

from textbook.equation_refs import EquationRefs
from textbook.errors import BookError
from textbook.section_refs import SectionRefs

BOOK = {
    "part-1/dot-product.md": "# §2.4 Dot product { #dot-product }\n\nLengths.\n",
    "part-1/linear/index.md": "# §2 Linear algebra\n\n## §2.1 Basics { #basics }\n",
    "part-2/exercises.md": "# §6–§7 Exercises and answers\n\n## §6 Exercises { #exercises }\n",
    "part-2/calculus.md": "# §1 Calculus\n\n```\n# §9 in a block of code\n```\n",
    "part-2/logs.md": "# §3 Logarithms\n",
    "reference/notes.md": "# §8 Not in a part\n",
}


def sections(**extra: str) -> SectionRefs:
    found = SectionRefs()
    for page, markdown in {**BOOK, **extra}.items():
        found.scan(page, markdown)
    return found


def link(page: str, markdown: str, **extra: str) -> str:
    return sections(**extra).link(page, markdown, lambda uri: f"<{uri}>")


def test_headings_in_comments_are_not_scanned_and_an_attribute_list_may_say_id():
    hidden = {"part-1/c.md": "# §5 C\n\n<!--\n## §5.1 Old { #old }\n-->\n"}
    with pytest.raises(BookError, match="§5.1 names no section"):
        link("part-1/x.md", "§5.1", **hidden)
    assert 'href="<part-1/c.md>#one"' in link(
        "part-1/x.md", "§5.1", **{"part-1/c.md": '# §5 C\n\n## §5.1 One {: id="one" }\n'})


def test_a_reference_links_to_its_heading_or_its_page():
    assert link("part-1/basis.md", "As §2.4 and §2.1 say; see §2.") == (
        'As <a class="sec-ref" href="<part-1/dot-product.md>">§2.4</a> and '
        '<a class="sec-ref" href="<part-1/linear/index.md>#basics">§2.1</a> say; see '
        '<a class="sec-ref" href="<part-1/linear/index.md>">§2</a>.')
    assert link("part-1/linear/index.md", "Below, §2.1.") == (
        'Below, <a class="sec-ref" href="#basics">§2.1</a>.')


def test_a_heading_of_its_own_comes_before_a_range_and_each_end_of_a_range_is_shown():
    assert link("part-2/logs.md", "§6 and §7") == (
        '<a class="sec-ref" href="<part-2/exercises.md>#exercises">§6</a> and '
        '<a class="sec-ref" href="<part-2/exercises.md>">§7</a>')


def test_a_part_or_the_source_named_once_holds_for_the_whole_run():
    assert link("part-1/x.md", "Part II's §1–§3 and Part II, §1 or §3").count(
        'href="<part-2/') == 4
    assert link("reference/x.md", "Part I's §2.1 and §2.4.").count('class="sec-ref"') == 2
    assert link("part-2/x.md", "the source's §5–§8 and §1.5") == "the source's §5–§8 and §1.5"


def test_a_page_outside_the_parts_names_the_part():
    assert link("reference/x.md", "Part II's §3, and Part I, §2.4") == (
        'Part II\'s <a class="sec-ref" href="<part-2/logs.md>">§3</a>, and Part I, '
        '<a class="sec-ref" href="<part-1/dot-product.md>">§2.4</a>')
    assert link("reference/x.md", "## Part II · Notes\n\n### On §3\n\nIn §1.") == (
        '## Part II · Notes\n\n### On §3\n\nIn <a class="sec-ref" href="<part-2/calculus.md>">'
        "§1</a>.")


@pytest.mark.parametrize("page, markdown", [
    ("part-2/logs.md", "# §3 Logarithms\n\nHere, in §3, and the source's §5."),
    ("part-2/logs.md", "`§9`, $x % §9$, <!-- §9 -->, [§3](logs.md) and §3.\n"),
    ("part-2/logs.md", "```\n§9\n```\n"),
    ("part-2/exercises.md", "In the source §7 holds the answers."),
    ("part-2/logs.md", "Read <a href='calculus.md'>§1</a>, ![Plots of §9](plot.svg)."),
    ("part-2/logs.md", "[§9 of the notes](https://example.org/notes.md), "
     "[§9](../reference/notes.md), [the source's §9](calculus.md), [§9](logs/)"),
    ("part-2/logs.md", "![plot](p.svg){ title='§9' }, *x*{: title='(§9}' } and\n"  # attribute
     "`x`{: title='§9' }\n{: title=\"}§9\" }\n\n## Notes {: title='§9' } ##\n\n"  # lists, where
     "| h | k |\n|---|---|\n| a {: title='§9' } | b |\n"),  # Python-Markdown reads them
])
def test_headings_code_math_comments_the_source_and_its_own_page_stay_words(page, markdown):
    assert link(page, markdown) == markdown


@pytest.mark.parametrize("page, markdown, message", [
    ("part-2/x.md", "Line one.\nAs §9 says.", "docs/part-2/x.md:2: §9 names no section that a "
     "heading of Part II shows (`# §9 ...`); if it is a section of the source the book does "
     "not show, say so: `the source's §9`"),
    ("reference/x.md", "See §3.", "docs/reference/x.md:1: §3: which part's section? Write "
     "`Part II's §3`"),
    ("reference/x.md", "## Part I\n\n### §2.5 Columns\n", "docs/reference/x.md:3: §2.5 names "
     "no section that a heading of Part I shows"),
    ("part-1/x.md", "[§2.1](dot-product.md#basics)", "docs/part-1/x.md:1: "
     "[§2.1](dot-product.md#basics): no heading of docs/part-1/dot-product.md shows §2.1; it "
     "is on docs/part-1/linear/index.md"),
    ("part-1/x.md", "The [§2.9 notes](linear/index.md)", "docs/part-1/x.md:1: [§2.9 notes]"
     "(linear/index.md): no heading of docs/part-1/linear/index.md shows §2.9"),
    ("part-2/x.md", "[§1–§3](calculus.md) and [§1–§4](calculus.md)", "docs/part-2/x.md:1: "
     "[§1–§4](calculus.md): no heading of docs/part-2/calculus.md shows §4"),
    ("part-2/x.md", "Line one.\n[`v` in\n[§9]](<calculus.md>)", "docs/part-2/x.md:3: [`v` in "
     "[§9]](<calculus.md>): no heading of docs/part-2/calculus.md shows §9"),
    ("part-2/x.md", "Text.[^n]\n\n[^n]: As §9 says.", "docs/part-2/x.md:3: §9 names no"),
    ("part-2/x.md", "A note {see §9} in braces.", "docs/part-2/x.md:1: §9 names no"),
    ("part-2/x.md", "Braces {see §9}\nend a line.", "docs/part-2/x.md:1: §9 names no"),
    ("part-2/x.md", "See § 3.", "docs/part-2/x.md:1: `§ 3`: write a section as `§2.4`"),
    ("part-2/x.md", "See §§3.", "docs/part-2/x.md:1: `§§3`: write a section as `§2.4`"),
    ("part-2/x.md", "See §1–3.", "docs/part-2/x.md:1: `§1–3`: write a section as"),
    ("part-2/logs.md", "# §3 Logarithms, after §9\n", "docs/part-2/logs.md:1: §9 names no"),
    ("part-2/x.md", "As in §6.", "docs/part-2/x.md:1: §6: Part II shows it in 2 headings "
     "(docs/part-2/exercises.md #exercises, docs/part-2/exercises.md #again): keep one"),
])
def test_a_number_no_heading_shows_stops_the_build(page, markdown, message):
    again = {"part-2/exercises.md": BOOK["part-2/exercises.md"] + "\n## §6 Again { #again }\n"}
    with pytest.raises(BookError) as raised:
        link(page, markdown, **(again if "again" in message else {}))
    assert str(raised.value).startswith(message), str(raised.value)
    assert str(raised.value).count("\n") == 0, "one message per reference"


def test_two_headings_of_one_number_or_a_heading_without_an_id_stop_the_build():
    with pytest.raises(BookError, match=r"docs/part-1/x.md:1: §2.4: Part I shows it in 2 "
                       r"headings \(docs/part-1/dot-product.md, docs/part-1/other.md\)"):
        link("part-1/x.md", "§2.4", **{"part-1/other.md": "# §2.4 Again\n"})
    with pytest.raises(BookError, match=r"§2.2 is the heading of docs/part-1/spaces.md that "
                       r"has no id"):
        link("part-1/x.md", "§2.2", **{"part-1/spaces.md": "# §2 Spaces\n\n## §2.2 Rules\n"})


def test_an_html_link_is_checked_not_linked_and_an_id_may_hold_dots():
    assert link("part-1/x.md", "<a href='dot-product.md'>§2.4</a>") == (
        "<a href='dot-product.md'>§2.4</a>")
    with pytest.raises(BookError, match=r"docs/part-1/x.md:1: <a href='linear/index.md'>§2.4"
                       r"</a>: no heading of docs/part-1/linear/index.md shows §2.4"):
        link("part-1/x.md", "<a href='linear/index.md'>§2.4</a>")
    assert 'href="<part-1/c.md>#sec-5.1"' in link(
        "part-1/x.md", "§5.1", **{"part-1/c.md": "# §5 C\n\n## §5.1 One { #sec-5.1 }\n"})


@pytest.mark.parametrize("markdown, shown", [
    ("Line.\n[§2.4][dot]\n\n[dot]: dot-product.md\n", "2: `[§2.4]`"),
    ("The [dot product,\n§2.4] [dot].\n\n[dot]: linear/index.md\n", "1: `[dot product, §2.4]`"),
    ("See [§2.4][].\n\n[§2.4]: dot-product.md\n", "3: `[§2.4]: dot-product.md`"),
    ("See [§2.4].\n\n[§2.4]: linear/index.md\n", "3: `[§2.4]: linear/index.md`"),
    ("Open (0, 1][§2.4].", "1: `[§2.4]`"),
    ("See ![plot of §2.4][fig].\n\n[fig]: plot.svg\n", "1: `[plot of §2.4]`"),
    ("See [a [b [c]] §2.4][d].\n\n[d]: dot-product.md\n", "1: `[a [b [c]] §2.4]`"),
    ("*[§2.4]: the dot product\n\n[`x` and $y$ in §2.4][d]\n\n[d]: dot-product.md\n",
     "3: `[`x` and $y$ in §2.4]`"),  # (an abbreviation's term hides no link)
    ("See [[§2.4][d]](dot-product.md).\n\n[d]: linear/index.md\n", "1: `[§2.4]`"),
    ("See \\\\[§2.4][d].\n\n[d]: linear/index.md\n", "1: `[§2.4]`"),  # `\\`, then a link
    ("See [§2.4].\n\n> [§2.4]: linear/index.md\n\n<!--\n[§2.4]: x.md\n-->\n", "1: `[§2.4]`"),
])
def test_a_section_in_brackets_that_are_no_inline_link_stops_the_build(markdown, shown):
    with pytest.raises(BookError, match=re.escape(
            f"docs/part-1/x.md:{shown}: a section number in square brackets that are not a "
            "link written inline: write the link inline")):
        link("part-1/x.md", markdown)
    inline = ("[a [b] §2.4](dot-product.md), ![§2.4 drawn](plot.svg), [see [§2.4](dot-product"
              ".md)], $[§2.4]$ <!--\n[§2.4]: linear/index.md\n-->")
    assert link("part-1/x.md", inline) == inline


def test_a_curly_apostrophe_names_a_part_and_the_source_too():
    assert 'href="<part-2/logs.md>"' in link("part-1/x.md", "Part II’s §3")
    assert link("part-1/x.md", "the source’s §9") == "the source’s §9"


def test_the_build_makes_both_kinds_of_link_in_one_pass():
    """The plugin hands a page's section links to the equation references' pass, which
    reads the same words (one reading of the page for both)."""
    def url(uri: str) -> str:
        return f"<{uri}>"
    equations = EquationRefs()
    equations.scan("part-2/logs.md", "# §3 Logarithms\n\n$$\na = b \\tag{42}\n$$\n")
    for markdown in ("By eq. (42) and §1.", "Only §1."):
        edits = sections().edits("part-2/x.md", markdown, url)
        assert equations.link("part-2/x.md", markdown, url, edits) == (
            sections().link("part-2/x.md", equations.link("part-2/x.md", markdown, url), url))


def test_a_section_number_ends_before_a_full_stop():
    assert link("part-1/x.md", "End of §2.4.").endswith(">§2.4</a>.")
