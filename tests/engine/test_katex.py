"""KaTeX's disk cache (textbook/katex.py): typeset formulas are kept, and the file is
written again only when a build typeset one it did not hold."""

from __future__ import annotations

import json

from textbook.katex import Katex


def cache_file(root, entries: dict) -> bytes:
    file = root / ".cache" / "book" / "katex.json"
    file.parent.mkdir(parents=True)
    file.write_text(json.dumps(entries, indent=1), encoding="utf-8")  # not as close() writes
    return file.read_bytes()


def test_a_build_that_typesets_nothing_new_leaves_the_file_as_it_was(tmp_path):
    before = cache_file(tmp_path, {"Dx": {"html": '<span class="katex">held</span>'}})
    katex = Katex(tmp_path)
    assert "held" in katex.render([("x", True)])[0]["html"]
    katex.close()
    assert katex.process is None  # nothing was missing: Node.js never started
    assert (tmp_path / ".cache" / "book" / "katex.json").read_bytes() == before


def test_a_formula_typeset_now_is_kept_with_the_others(tmp_path):
    cache_file(tmp_path, {"Dx": {"html": '<span class="katex">held</span>'}})
    katex = Katex(tmp_path)
    [new] = katex.render([(r"\frac{1}{2}", False)])
    katex.close()
    kept = json.loads((tmp_path / ".cache" / "book" / "katex.json").read_text("utf-8"))
    assert kept["Dx"]["html"] == '<span class="katex">held</span>'
    assert kept[r"I\frac{1}{2}"]["html"] in new["html"] and "katex" in new["html"]
