"""Highlighted code kept across builds (textbook/highlighting.py): the kept HTML is the HTML
Pygments makes, a later build asks Pygments for nothing it kept, and other options are
other entries."""

from __future__ import annotations

from markdown import Markdown

from textbook import highlighting

PAGE = ('```python\nimport numpy as np\nprint(np.eye(2) @ [1, 2])  # x\n```\n\n'
        '```text\n[1. 2.]\n```\n')


def convert(**highlight) -> str:
    return Markdown(extensions=["pymdownx.highlight", "pymdownx.superfences"],
                    extension_configs={"pymdownx.highlight": highlight}).convert(PAGE)


def without_memo(monkeypatch, **highlight) -> str:
    monkeypatch.setattr(highlighting, "_memo", None)
    return convert(**highlight)


def test_kept_html_is_what_pygments_makes_and_is_reused(tmp_path, monkeypatch):
    monkeypatch.setattr(highlighting.pymdownx_highlight, "highlight", highlighting.PYGMENTS)
    made = []
    pygments = highlighting.PYGMENTS
    monkeypatch.setattr(highlighting, "PYGMENTS", lambda *a: made.append(a) or pygments(*a))
    expected = without_memo(monkeypatch)
    made.clear()

    highlighting.remember(tmp_path).close()  # an empty memo on disk, then a first build
    memo = highlighting.remember(tmp_path)
    assert convert() == expected
    assert len(made) == 2, "the first build did not highlight each block once"
    memo.close()
    made.clear()

    highlighting.remember(tmp_path)  # the next build reads the file
    assert convert() == expected, "kept HTML differs from what Pygments makes"
    assert not made, f"a later build highlighted {len(made)} kept blocks again"


def test_other_options_are_other_entries(tmp_path, monkeypatch):
    monkeypatch.setattr(highlighting.pymdownx_highlight, "highlight", highlighting.PYGMENTS)
    plain, numbered = without_memo(monkeypatch), without_memo(monkeypatch, linenums=True)
    assert plain != numbered
    highlighting.remember(tmp_path)
    assert convert() == plain
    assert convert(linenums=True) == numbered, "line numbers were served from the plain entry"
