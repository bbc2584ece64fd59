"""Equation references (textbook/equation_refs.py): `eq. (42)` is a link to the equation
its part numbers (42), and a number no page of the part shows stops the build."""

from __future__ import annotations

import re

import pytest

from textbook.equation_refs import EquationRefs, labels
from textbook.errors import BookError
from textbook.katex import place

LOGS = ("Two rules:\n\n$$\n\\log(bc) = \\log b + \\log c \\tag{42}\n$$\n\n"
        "$$\na = b \\tag{12–13}\n$$\n")
CALCULUS = "The chain rule gives $y' = 3u^2$ (19), and more.\n"
BASIS = "$$\nS = (d_1, d_2) \\tag{3}\n$$\n"


def refs(**pages: str) -> EquationRefs:
    """EquationRefs that read these chapters (name: part-2/logs.md as part_2__logs)."""
    found = EquationRefs()
    for name, markdown in pages.items():
        found.scan(name.replace("__", "/").replace("_", "-") + ".md", markdown)
    return found


BOOK = dict(part_2__logs=LOGS, part_2__calculus=CALCULUS, part_1__basis=BASIS)


def link(page: str, markdown: str) -> str:
    return refs(**BOOK).link(page, markdown, lambda uri: f"<{uri}>")


def test_a_reference_links_to_its_equation_on_its_page_or_another():
    assert link("part-2/logs.md", "By eq. (42).") == (
        'By eq. <a class="eq-ref" href="#eq-42">(42)</a>.')
    assert link("part-2/sums.md", "Eqs. (42) and (13), then eq. (19).") == (
        'Eqs. <a class="eq-ref" href="<part-2/logs.md>#eq-42">(42)</a> and '
        '<a class="eq-ref" href="<part-2/logs.md>#eq-12-13">(13)</a>, then eq. '
        '<a class="eq-ref" href="<part-2/calculus.md>#eq-19">(19)</a>.')
    assert link("part-2/x.md", "eqs. (12)–(13)").count('href="<part-2/logs.md>#eq-12-13"') == 2


def test_an_inline_formulas_number_is_the_target():
    assert '$y\' = 3u^2$ <span class="eq-shown" id="eq-19">(19)</span>, and' in link(
        "part-2/calculus.md", CALCULUS)


@pytest.mark.parametrize("markdown", [
    "$x = 1 % declared: eq. (99) of the source$", "`eq. (99)`", "```\neq. (99)\n```",
    "<!-- eq. (99) -->", "[eq. (99)](logs.md#eq-99)", '<img alt="eq. (99)">',
    "$$\ny = 2 % declared: as in eq. (99)\n$$",
])
def test_code_math_comments_and_links_are_not_the_words(markdown):
    assert link("part-2/x.md", markdown) == markdown


def test_an_html_link_and_a_footnote_hold_words_checked_but_no_link_in_a_link():
    assert link("part-2/x.md", "<a href='logs.md'>eq. (42)</a>") == (
        "<a href='logs.md'>eq. (42)</a>")
    assert 'href="<part-2/logs.md>#eq-42"' in link("part-2/x.md", "[^n]: As eq. (42).")
    for markdown in ("<a href='logs.md'>eq. (99)</a>", "<a id='top'>\n\nAs eq. (99).",
                     "[^n]: As eq. (99) says."):
        with pytest.raises(BookError, match=r"eq. \(99\) names no equation"):
            link("part-2/x.md", markdown)


def test_an_abbreviations_definition_is_not_the_words():
    markdown = "Text.\n\n*[eq. (98)]: a note\n"
    assert link("part-2/x.md", markdown) == markdown


@pytest.mark.parametrize("markdown, shown", [
    ("Line.\n[see eq. (42)][ref]\n\n[ref]: logs.md#eq-42\n", "2: `[see eq. (42)]`"),
    ("[see eq. (42)]\n[ref]\n\n[ref]: logs.md#eq-42\n", "1: `[see eq. (42)]`"),
    ("See [eq. (42)].\n\n[eq. (42)]: logs.md#eq-42\n", "3: `[eq. (42)]: logs.md#eq-42`"),
    ("Brackets, [as eq. (42) says].", "1: `[as eq. (42) says]`"),
])
def test_a_reference_in_brackets_that_are_no_inline_link_stops_the_build(markdown, shown):
    with pytest.raises(BookError, match=re.escape(
            f"docs/part-2/x.md:{shown}: an equation reference in square brackets that are "
            "not a link written inline: leave the brackets out")):
        link("part-2/x.md", markdown)


@pytest.mark.parametrize("page, markdown, message", [
    ("part-2/x.md", "Line one.\nAs eq. (99) says.", "docs/part-2/x.md:2: eq. (99) names no "
     "equation that a page of Part II shows (\\tag{99}); if it is a number of the source"),
    ("part-2/x.md", "By eq. (3).", "docs/part-2/x.md:1: eq. (3) names no equation"),  # Part I's
    ("part-2/x.md", "## §3 eqs. (42)–(98)", "docs/part-2/x.md:1: eqs. (98) names no"),
    ("part-2/x.md", "A note {see eq. (99)} in braces.", "docs/part-2/x.md:1: eq. (99) names"),
    ("part-2/x.md", "See eq. 42.", "docs/part-2/x.md:1: `eq. 42`: write an equation "
     "reference with its number in brackets"),
    ("reference/r.md", "By eq. (42).", "docs/reference/r.md:1: eq. (42): which part's "
     "equation? Write `Part II's eq. (42)`"),
])
def test_a_number_no_page_of_its_part_shows_stops_the_build(page, markdown, message):
    with pytest.raises(BookError) as failed:
        link(page, markdown)
    assert message in str(failed.value)


def test_a_heading_is_checked_but_holds_no_link():
    assert link("part-2/x.md", "### §3 eqs. (42)–(13)") == "### §3 eqs. (42)–(13)"


def test_the_sources_own_numbers_stay_words():
    text = "It repeats eq. (42), numbering it (113), as the source's eqs. (113)–(114)."
    assert link("part-2/x.md", text) == text.replace(
        "(42)", '<a class="eq-ref" href="<part-2/logs.md>#eq-42">(42)</a>')


def test_a_page_outside_the_parts_names_the_part():
    text = ("## Part I · ML1\n\nBy eq. (3), and Part II's eq. (42).\n\n"
            "## Part II · EMAT\n\nEq. (42).")
    linked = link("reference/r.md", text)
    assert linked.count('href="<part-1/basis.md>#eq-3"') == 1
    assert linked.count('href="<part-2/logs.md>#eq-42"') == 2
    with pytest.raises(BookError, match="eq. \\(3\\) names no equation that a page of Part II"):
        link("reference/r.md", "## Part II · EMAT\n\nBy eq. (3).")


def test_a_notebook_page_is_left_as_it_is():
    assert link("workbooks/part-2.ipynb", '{"source": "eq. (99)"}') == '{"source": "eq. (99)"}'


def test_each_numbered_display_is_the_target_of_its_id_once():
    numbered = ('<span class="katex-display"><span class="katex-html">x</span>'
                '<span class="katex-tag"><span class="mord">(</span><span class="mord">12–13'
                '</span><span class="mord">)</span></span></span>')
    text = "AB C"
    html = place(text, [(0, 1, numbered, True), (1, 2, numbered, True), (3, 4, "y", True)])
    assert html.count('<div class="math-display" id="eq-12-13">') == 1
    assert html.count('<div class="math-display">') == 2


@pytest.mark.parametrize("markdown", [
    "the equation $y' = 3u^2$ (19) again",  # the formula's own number, not a reference
    "eq. `x` (99)", "the equation\n```\nx\n```\n(99)", "the equation 2 lines down",
    "[the equation 2 lines down]",
    '<img\n alt="eq. (99)">', '{: title="eq. (99)" }',
    "[see eq. (99)](https://example.org/notes#eq-99)",
])
def test_what_only_looks_like_a_reference_is_left_alone(markdown):
    linked = link("part-2/calculus.md", markdown)
    assert "eq-ref" not in linked and linked.replace(
        ' <span class="eq-shown" id="eq-19">(19)</span>', " (19)") == markdown


@pytest.mark.parametrize("markdown, numbers", [
    ("eqs. (12)–\n(13)", ["12", "13"]), ("eqs. (42) through (13)", ["42", "13"]),
    ("Eqs. (42), (12) or (13)", ["42", "12", "13"]), ("eqs. (12)--(13)", ["12", "13"]),
])
def test_every_number_of_a_list_or_range_is_a_link(markdown, numbers):
    linked = link("part-2/x.md", markdown)
    assert re.findall(r'class="eq-ref" href="[^"]*">\((\d+)\)</a>', linked) == numbers


@pytest.mark.parametrize("markdown", ["eqs. (42)—(99)", "eqs. (42)–\n(99)", "eq.\n42",
                                      "eqs. (12) through (99)"])
def test_a_second_number_is_checked_as_the_first(markdown):
    with pytest.raises(BookError, match="99|42"):
        link("part-2/x.md", markdown)


def test_a_number_in_a_comment_or_shown_twice_is_no_target():
    with pytest.raises(BookError, match=r"eq\. \(20\) names no equation"):
        refs(part_2__logs=LOGS + "<!-- $z$ (20) -->\n").link("part-2/x.md", "eq. (20)", str)
    twice = refs(part_2__logs=LOGS, part_2__more="$$\nb = a \\tag{42}\n$$\n")
    with pytest.raises(BookError, match=r"eq\. \(42\): Part II shows it in 2 places \(docs/"
                                        r"part-2/logs\.md #eq-42, docs/part-2/more\.md #eq-42\)"):
        twice.link("part-2/x.md", "eq. (42)", str)
    with pytest.raises(BookError, match=r"docs/part-2/more\.md: eq\. \(42\) is shown 2 times"):
        twice.link("part-2/more.md", "No reference here.", str)  # a number twice: no target
    commented = refs(part_2__logs="<!-- $$\na \\tag{20}\n$$ -->\n$$\nz % was \\tag{21}\n$$\n")
    for number in ("20", "21"):
        with pytest.raises(BookError, match=f"eq\\. \\({number}\\) names no equation"):
            commented.link("part-2/x.md", f"eq. ({number})", str)


@pytest.mark.parametrize("markdown, linked", [
    ("eq. (12–13)", 'eq. <a class="eq-ref" href="<part-2/logs.md>#eq-12-13">(12–13)</a>'),
    ("eq.(42)", 'eq.<a class="eq-ref" href="<part-2/logs.md>#eq-42">(42)</a>'),
    ("_eq. (42)_", '_eq. <a class="eq-ref" href="<part-2/logs.md>#eq-42">(42)</a>_'),
    ("the formula\n(19).", 'the formula\n(19).'),  # no formula: no number of one
])
def test_a_range_and_tight_spellings_are_references(markdown, linked):
    assert link("part-2/x.md", markdown) == linked


@pytest.mark.parametrize("markdown, message", [
    ("eq. (x)", "cannot read this reference"), ("eqs. (12–14)", "shows only part of it"),
    ("eqs. (13–42)", "shows it in 3 places"),
])
def test_a_reference_the_rules_cannot_read_stops_the_build(markdown, message):
    with pytest.raises(BookError, match=re.escape(message)):
        link("part-2/x.md", markdown)


def test_a_formulas_number_on_the_next_line_is_shown():
    wrapped = refs(part_2__calculus="The rule gives $y' = 3u^2$\n(19), and more.\n")
    assert wrapped.link("part-2/x.md", "By eq. (19).", str).count("#eq-19") == 1


@pytest.mark.parametrize("markdown", ['[r]: https://example.org "eq. (99)"',
                                      "[see\neq. (99)](x.md)", "[a [1] eq. (99)](x.md)"])
def test_link_definitions_and_texts_are_not_the_words(markdown):
    assert link("part-2/x.md", markdown) == markdown


@pytest.mark.parametrize("tag, numbers", [("42", ["42"]), ("12–13", ["12", "13"]),
                                          ("31–34", ["31", "32", "33", "34"]),
                                          ("19a–19c", ["19a", "19c"]), ("12--13", ["12", "13"])])
def test_a_tag_holds_its_numbers(tag, numbers):
    assert labels(tag) == numbers


def test_only_a_headings_parents_name_the_part():
    assert "part-1/basis.md" in link("reference/r.md", "## Part I · x\n\n### Sub\n\nBy eq. (3).")
    with pytest.raises(BookError, match="which part's equation"):
        link("reference/r.md", "## Part I · x\n\n## Symbols\n\nBy eq. (3).")


# --- References in the snippet files a chapter shows ---------------------------------

SNIPPET = '''"""The log rule, eq. (42) of Part II."""

# --8<-- [start:rule]
import math
eq = (99)  # code, not words: never read
print("as eq. (13) says", math.log(6) - math.log(2) - math.log(3))
# --8<-- [end:rule]
'''
BLOCK = '# Logs\n\nText.\n\n```python exec="on"\n--8<-- "part_2/rule.py:rule"\n```\n'


def code(tmp_path, snippet: str, page: str = "part-2/sums.md", block: str = BLOCK) -> None:
    (tmp_path / "part_2").mkdir(exist_ok=True)
    (tmp_path / "part_2" / "rule.py").write_text(snippet, encoding="utf-8")
    refs(**BOOK).code(page, block, tmp_path)


def test_a_snippets_comments_and_strings_name_shown_equations(tmp_path):
    code(tmp_path, SNIPPET)  # (42) and (13) are Part II's; `eq = (99)` is code
    code(tmp_path, SNIPPET.replace("eq. (42) of Part II", "the source's eq. (99)"))
    code(tmp_path, SNIPPET.replace("(42)", "(3)").replace("(13)", "(3)"),
         page="part-1/basis-too.md")
    for words in ('f"by eq. ({n})"', "s.eq(0)", "x.eq(99)"):  # formatted, or a method
        code(tmp_path, SNIPPET.replace("import math", f"import math  # {words}"))


@pytest.mark.parametrize("edit, message", [
    (("(42)", "(43)"), "docs/part-2/sums.md:5: snippets/part_2/rule.py:1: eq. (43) names no "
                       "equation that a page of Part II shows"),
    (('"as eq. (13)', '"as eq. (14)'), "docs/part-2/sums.md:5: snippets/part_2/rule.py:6 "
                                       "(section 'rule'): eq. (14) names no equation"),
    (("import math", "import math  # eqs. 42, 13"), "snippets/part_2/rule.py:4 (section "
                                                    "'rule'): `eqs. 42`: write an equation"),
    (('"""The', '"""Write \\""" for eq. (77).\n\nThe'), "snippets/part_2/rule.py:1: eq. (77) "
                                                        "names no equation"),
])
def test_a_snippets_reference_to_no_equation_stops_the_build(tmp_path, edit, message):
    with pytest.raises(BookError, match=re.escape(message)):
        code(tmp_path, SNIPPET.replace(*edit))


def test_a_snippet_on_a_page_of_another_part_names_that_parts_equations(tmp_path):
    with pytest.raises(BookError, match=re.escape("docs/part-1/basis-too.md:5: snippets/"
                                                  "part_2/rule.py:1: eq. (42) names no "
                                                  "equation that a page of Part I shows")):
        code(tmp_path, SNIPPET, page="part-1/basis-too.md")


def test_a_snippet_shown_twice_is_named_by_the_block_of_its_section(tmp_path):
    snippet = SNIPPET + "# --8<-- [start:other]\ny = 2  # eq. (77)\n# --8<-- [end:other]\n"
    twice = BLOCK + '\n```python exec="on"\n--8<-- "part_2/rule.py:other"\n```\n'
    with pytest.raises(BookError, match=re.escape(
            "docs/part-2/sums.md:9: snippets/part_2/rule.py:9 (section 'other'): eq. (77)")):
        code(tmp_path, snippet, block=twice)


def test_a_snippet_on_a_page_outside_the_parts_takes_the_part_of_its_heading(tmp_path):
    under = BLOCK.replace("# Logs", "# Notes\n\n## Part II · Logs")
    code(tmp_path, SNIPPET, page="reference/notes.md", block=under)
    with pytest.raises(BookError, match=re.escape(
            "docs/reference/notes.md:5: snippets/part_2/rule.py:1: eq. (42): which part's")):
        code(tmp_path, SNIPPET, page="reference/notes.md")


def test_a_snippet_whose_sections_do_not_parse_is_left_to_the_blocks_own_error(tmp_path):
    code(tmp_path, SNIPPET.replace("(42)", "(77)").replace("[end:rule]", "[end:rules]"))
