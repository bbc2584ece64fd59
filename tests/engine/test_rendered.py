"""Chapters' HTML kept across builds (textbook/rendered.py): a kept render gives a page what
MkDocs' own render gives it, a later build converts nothing it kept, a render that logged
is made again (with its message), and the same Markdown among other files is another entry."""

from __future__ import annotations

import logging

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from textbook import rendered

HOME = ("# Home $x$\n\nSee [the second section](other.md#second).\n\n"
        "## First { #first }\n\n### Under it\n\n```python\nprint(1)\n```\n")
OTHER = "# Other\n\n## Second\n"


def project(tmp_path, home: str = HOME, directory_urls: bool = True):
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.md").write_text(home, encoding="utf-8")
    (docs / "other.md").write_text(OTHER, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: t\nuse_directory_urls: {str(directory_urls).lower()}\n"
        "markdown_extensions: [attr_list, toc, pymdownx.highlight, pymdownx.superfences]\n",
        encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = Files([File(name, config.docs_dir, config.site_dir, config.use_directory_urls)
                   for name in ("index.md", "other.md")])
    return config, files


def render(config, files, memo: rendered.Rendered | None) -> Page:
    page = Page(None, files.get_file_from_path("index.md"), config)
    page.read_source(config)
    if memo is not None:
        memo.keep(page)
    page.render(config, files)
    return page


def seen(page: Page) -> tuple:
    """Everything a render gives a page, comparable across builds."""
    toc = [(item.title, item.id, item.level, [(c.title, c.id) for c in item.children],
            getattr(item, "active", False)) for item in page.toc]
    links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
    return page.content, toc, page.title, page.present_anchor_ids, links


def counting(monkeypatch) -> list:
    made, mkdocs_render = [], rendered.RENDER
    monkeypatch.setattr(rendered, "RENDER", lambda page, *a: made.append(page) or
                        mkdocs_render(page, *a))
    return made


def test_kept_render_is_what_mkdocs_makes_and_is_reused(tmp_path, monkeypatch):
    config, files = project(tmp_path)
    expected = seen(render(config, files, None))
    assert expected[3] >= {"first", "under-it"} and "second" in expected[4]["other.md"]
    made = counting(monkeypatch)

    first = rendered.Rendered(tmp_path, config)
    assert seen(render(config, files, first)) == expected
    assert len(made) == 1
    first.memo.close()

    later = rendered.Rendered(tmp_path, config)  # the next build reads the file
    page = render(config, files, later)
    assert len(made) == 1, "a later build converted the kept page again"
    assert seen(page) == expected, "the kept render differs from MkDocs' own"
    assert page.links_to_anchors and all(file is files.get_file_from_path("other.md")
                                         for file in page.links_to_anchors)


def test_a_render_that_logged_is_made_again_with_its_message(tmp_path, monkeypatch, caplog):
    config, files = project(tmp_path, HOME + "\n[gone](missing.md)\n")
    made = counting(monkeypatch)
    for build in range(2):
        memo = rendered.Rendered(tmp_path, config)
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            render(config, files, memo)
        memo.memo.close()
        assert "missing.md" in caplog.text, f"build {build + 1} did not say the link is broken"
    assert len(made) == 2, "a render that logged was kept"


def test_other_addresses_are_other_entries(tmp_path, monkeypatch):
    pages = {}
    for directory_urls in (True, False):
        config, files = project(tmp_path, directory_urls=directory_urls)
        pages[directory_urls] = seen(render(config, files, None))
    assert pages[True][0] != pages[False][0]  # other.md is other/ or other.html
    for directory_urls in (True, False):
        config, files = project(tmp_path, directory_urls=directory_urls)
        memo = rendered.Rendered(tmp_path, config)
        assert seen(render(config, files, memo)) == pages[directory_urls], (
            "the same Markdown among other addresses was served from one entry")
        memo.memo.close()

