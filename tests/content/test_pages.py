"""The built pages show what the snippets really print, and every snippet is accounted for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import (
    DOCS,
    EVERY_PAGE,
    SNIPPETS,
    WarmPython,
    built_page,
    chapter_blocks,
    chapters,
    check_files,
    example_files,
    mirror,
    section_code,
    sections,
    visible_text,
)

from textbook.equation_refs import labels

BLOCKS = chapter_blocks()
REF = re.compile(r"\b[Ee]qs?\.\s*\(\d+")  # a reference left in the words
SOURCES = re.compile(r"source['’]s\s+$")  # before a number the book need not show


def html_of(site: Path, page: str) -> BeautifulSoup:
    """The built page of a chapter (directory URLs: a/b.md -> a/b/index.html), parsed
    once per test process: read it, never change it."""
    path = Path(page).with_suffix("")
    return built_page(site / (path.parent if path.name == "index" else path) / "index.html")


def built_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: f"{b.page}:{b.line}:{b.section}")
def test_block_prints_what_the_page_shows(block, site, tmp_path):
    """Pasted into a fresh `python`, a code block prints exactly the output under it (a
    fork of a warm one, as fresh: tests/warm_python.py, test_snippets.py)."""
    shown = html_of(site, block.page).find_all(
        "div", class_="snippet", attrs={"data-snippet": f"{block.path}:{block.section}"})
    assert shown, f"{block.where}: snippets/{block.path}:{block.section} is not on the page"
    first = section_code(block.path, block.section)[1]  # the block's line 1 in the file
    for div in shown:
        blocks = div.find_all("div", class_="highlight")
        code = blocks[0].find("code").get_text()
        output = div.find("div", class_="snippet-output")
        expected = output.find("code").get_text() if output else ""
        result = WarmPython.run(code, tmp_path)
        stderr = re.sub(r'File "<stdin>", line (\d+)', lambda m: (
            f"{m[0]} (snippets/{block.path}:{first + int(m[1]) - 1})"), result.stderr)
        assert result.returncode == 0 and result.stderr == "", (
            f"{block.where}: the code shown for {block.path}:{block.section} fails alone "
            f"(does it use a name from another section?):\n{stderr}")
        assert result.stdout.rstrip("\n") == expected.rstrip("\n"), (
            f"{block.where}: {block.path}:{block.section} prints something else than the page "
            "shows (a block must print the same in every fresh python: seed its randomness, "
            "as np.random.default_rng(0), and print nothing that depends on the time or the "
            f"machine).\n--- page\n{expected}\n--- fresh python\n{result.stdout}")


def test_every_snippet_is_included_by_its_chapter():
    """Each snippet file is shown by the chapter whose folder it sits in; each exercise
    check (<snippet>_check.py, not shown on a page) sits beside a snippet that is."""
    included = {b.path for b in BLOCKS}
    for file in example_files():
        rel = file.relative_to(SNIPPETS).as_posix()
        assert rel in included, f"snippets/{rel} is not included by any chapter"
    for file in check_files():
        rel = file.relative_to(SNIPPETS).as_posix()
        beside = rel.removesuffix("_check.py") + ".py"
        assert beside in included, f"snippets/{rel} sits beside no included snippets/{beside}"
    for block in BLOCKS:
        assert Path(block.path).parent.as_posix() == mirror(block.page), (
            f"{block.where}: snippets/{block.path} should sit in snippets/{mirror(block.page)}/")


def test_every_included_snippet_is_run_by_the_tests():
    """What a chapter includes or quotes is a .py file under snippets/, which the tests run."""
    run = {p.relative_to(SNIPPETS).as_posix() for p in SNIPPETS.rglob("*.py")}
    for page in chapters():
        text = page.read_text(encoding="utf-8")
        rel = page.relative_to(DOCS).as_posix()
        for path, _, line in sections.find_computed(text):
            assert path in run, f"docs/{rel}:{line}: \\computed names snippets/{path}, never run"
    for block in BLOCKS:
        assert block.path in run, f"{block.where}: includes {block.path}, which no test runs"


def docs_code_blocks() -> list[tuple[str, int, str, str]]:
    """Python and >>> blocks written directly in docs/ (not exec includes)."""
    found = []
    fence = re.compile(
        r"^(?P<indent>[ \t]*)(?P<fence>`{3,})[ \t]*(?P<lang>python|pycon)\b(?P<rest>.*)$")
    for page in chapters():
        lines = page.read_text(encoding="utf-8").splitlines()
        i = 0
        while i < len(lines):
            match = fence.match(lines[i])
            if match and "exec=" not in match["rest"]:
                end = next(j for j in range(i + 1, len(lines))
                           if lines[j].strip() == match["fence"])
                code = "\n".join(line[len(match["indent"]):] for line in lines[i + 1:end])
                found.append((page.relative_to(DOCS).as_posix(), i + 1, match["lang"],
                              code + "\n"))
                i = end
            i += 1
    return found


def test_code_on_pages_comes_from_snippets():
    """No Python block or >>> session is typed into docs/: each is an exec include of a
    snippet, run and checked; a session's copy button would copy its prompts too."""
    typed = [f"docs/{page}:{line}: a {lang} block written in the page" for page, line, lang, _
             in docs_code_blocks()]
    assert not typed, "\n".join(typed)


@EVERY_PAGE
def test_pages_hold_typeset_math_and_no_raw_tex(site):
    """Every formula became KaTeX HTML at build time; no TeX delimiters are left."""
    typeset = 0
    for page in built_pages(site):
        text = page.read_text(encoding="utf-8")
        body = built_page(page).find("article")
        if body is None:
            continue
        # without the TeX source kept for screen readers, and code
        visible = visible_text(body, {"katex-mathml", "highlight"})
        for raw in ("\\(", "\\[", "$$", "\\begin{", "\\computed"):
            assert raw not in visible, f"{page.relative_to(site)} shows raw TeX {raw!r}"
        assert 'class="arithmatex"' not in text
        assert "katex-error" not in text
        typeset += text.count('class="katex"')
    assert typeset > 0


@EVERY_PAGE
def test_every_equation_reference_is_a_link_to_its_number(site):
    """Each `eq. (42)` of a page's words is a link (equation_refs.py), and it lands on an
    element of its page showing that number: a display's tag, or an inline formula's (19).
    Headings and the source's own numbers (`the source's eq. (113)`) stay words."""
    problems, links = [], 0
    for page in built_pages(site):
        article = built_page(page).find("article")
        if article is None or article.select_one(".jp-Notebook"):
            continue  # a workbook's words are its chapters' (test_notebooks.py: its links)
        for text in article.find_all(string=REF):
            if text.find_parent(["a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"]) or (
                    text.find_parent(class_="katex")):
                continue
            for ref in REF.finditer(text):
                if not SOURCES.search(text[:ref.start()]):
                    problems.append(f"{page.relative_to(site)}: not a link: "
                                    f"{text[ref.start():ref.start() + 80]}")
        ids = [e["id"] for e in article.select("[id^='eq-']")]
        problems += [f"{page.relative_to(site)}: id {i} twice" for i in set(ids)
                     if ids.count(i) > 1]
        for link in article.select("a.eq-ref"):
            links += 1
            path, _, id_ = link["href"].partition("#")
            target = (page.parent / path / "index.html").resolve() if path else page
            shown = built_page(target).find(id=id_) if target.is_file() else None
            shown = shown and (shown.select_one(".katex-tag") or shown).get_text().strip("()")
            if not shown or link.get_text().strip("()") not in labels(shown):
                problems.append(f"{page.relative_to(site)}: {link} shows {shown!r}")
    assert links and not problems, "\n".join(problems)


SECTION_REF = re.compile(r"(?<![\w§])§(\d+(?:\.\d+)*)")
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
# Before a run of section numbers (`§1–§3`, `§2.1 and §2.4`): the part it names, if any.
NAMES_PART = re.compile(r"Part (I+)(?:['’]s|,)?\s+(?:§[\d.]*\d(?:\s*[–—−-]+\s*|,\s*|,?\s+"
                        r"(?:and|or|to|through)\s+))*$")


def sections_shown(*headings) -> set[str]:
    """The section numbers headings show: `§2.4`, both ends of `§6–§7`."""
    matches = [re.match(r"\s*§([\d.]*\d)(?:\s*(?:[–—−]|--?)\s*§([\d.]*\d))?",
                        heading.get_text()) for heading in headings if heading]
    return {number for match in matches if match for number in match.groups() if number}


@EVERY_PAGE
def test_every_section_reference_is_a_link_to_its_heading(site):
    """Each `§2.4` of a page's words is a link (section_refs.py) to the heading that shows
    it, in the page's part unless the words before its run name another; every link to a
    chapter whose text names a section leads onto an element of a page whose headings
    show it (a range's first). Headings, the source's own numbers and the page's own top
    section stay words."""
    problems, links = [], 0
    for page in built_pages(site):
        article = built_page(page).find("article")
        if article is None or article.select_one(".jp-Notebook"):
            continue  # a workbook's words are its chapters' (test_notebooks.py: its links)
        where = page.relative_to(site)
        own = sections_shown(article.find("h1"))
        problems += [f"{where}: a link inside a link: {a}" for a in article.select("a a")]
        for text in article.find_all(string=SECTION_REF):
            if text.find_parent(["a", "code", "pre", *HEADINGS]) or text.find_parent(
                    class_="katex"):
                continue
            problems += [f"{where}: not a link: {text[m.start():][:60]!r}"
                         for m in SECTION_REF.finditer(text) if m[1] not in own
                         and not SOURCES.search(text[:m.start()])]
        for link in article.find_all(lambda tag: tag.name == "a" and SECTION_REF.search(
                tag.get_text()) and "://" not in tag.get("href", "://")):
            path, _, id_ = link["href"].partition("#")
            target = (page.parent / path / "index.html").resolve() if path else page
            if not target.is_relative_to(site) or not target.relative_to(site).parts[
                    0].startswith("part-"):
                continue  # a page outside the parts shows no section
            shown = (built_page(target).find(id=id_) if id_ else built_page(target).find("h1")
                     ) if target.is_file() else None
            if not shown:
                problems.append(f"{where}: {link} leads nowhere")
                continue
            links += 1
            engine = "sec-ref" in link.get("class", [])
            headings = [shown] if engine else built_page(target).find("article")(HEADINGS)
            text = link.get_text()
            for ref in SECTION_REF.finditer(text):
                if SOURCES.search(text[:ref.start()]) or re.search(r"[–—−-]\s*$",
                                                                     text[:ref.start()]):
                    continue  # the source's number, or a range's end
                if ref[1] not in sections_shown(*headings):
                    problems.append(f"{where}: {link} leads to {target.relative_to(site)}, "
                                    f"onto no heading that shows {ref[0]}")
            before = "".join(t for t in reversed(list(link.find_all_previous(
                string=True, limit=8))))[-80:] + text[:SECTION_REF.search(text).start()]
            named = NAMES_PART.search(before)
            part = f"part-{len(named[1])}" if named else where.parts[0]
            if engine and part.startswith("part-") and target.relative_to(site).parts[0] != part:
                problems.append(f"{where}: {link} leads to another part's section")
    assert links and not problems, "\n".join(problems)


def test_no_traceback_is_published(site):
    """A failing snippet stops the build; no page ever carries a traceback."""
    for page in built_pages(site):
        assert "Traceback (most recent call last)" not in page.read_text(encoding="utf-8"), page


@EVERY_PAGE
def test_figures_are_inline_svg_with_alt_text(site):
    """Every drawn figure is inline SVG labelled for screen readers."""
    figures = 0
    for page in built_pages(site):
        for svg in built_page(page).select("figure.snippet-figure svg"):
            figures += 1
            assert svg.get("role") == "img" and svg.get("aria-label", "").strip(), page
            assert "#000000" not in str(svg), f"{page}: figure ink does not follow the theme"
    assert figures > 0


def test_no_asset_is_loaded_from_another_site(site):
    """Scripts, styles, fonts and images all come from the site itself."""
    pattern = re.compile(r"""(?:src|srcset)=["']?(?:https?:)?//"""
                         r"""|<link[^>]+href=["'](?:https?:)?//[^"']+\.(?:css|js)"""
                         r"""|url\(["']?(?:https?:)?//""")
    for file in site.rglob("*"):
        if file.suffix in {".html", ".css", ".js"}:
            text = file.read_text(encoding="utf-8", errors="replace")
            match = pattern.search(text)
            assert match is None, (
                f"{file.relative_to(site)} loads {text[match.start():match.start() + 80]}")


def test_displayed_code_fits_the_page():
    """Displayed snippet lines stay within 80 characters, so code does not scroll sideways."""
    for block in BLOCKS:
        code, first = section_code(block.path, block.section)
        for number, line in enumerate(code.splitlines(), first):
            assert len(line) <= 80, f"snippets/{block.path}:{number} is {len(line)} characters wide"
