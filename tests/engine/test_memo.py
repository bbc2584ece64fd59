"""Results kept across builds (textbook/memo.py) and the rendered workbooks one build leaves
for the next (notebook_pages.seed/publish)."""

from __future__ import annotations

import os

from textbook.memo import KEEP, Memo
from textbook.notebook_pages import publish, seed


def made(memo: Memo, inputs: tuple[str, ...], calls: list[str]) -> str:
    def make() -> str:
        calls.append(inputs[0])
        return f"<p>{inputs[0]}</p>"
    return memo.get(inputs, make)


def test_a_result_is_made_once_across_builds_until_its_salt_changes(tmp_path):
    file, calls = tmp_path / "memo.json", []
    first = Memo(file, "engine v1")
    assert made(first, ("a", "1"), calls) == "<p>a</p>"
    made(first, ("b", "1"), calls)
    first.close()
    again = Memo(file, "engine v1")
    assert made(again, ("a", "1"), calls) == "<p>a</p>" and calls == ["a", "b"]
    made(again, ("a", "2"), calls)  # other inputs: made
    assert calls == ["a", "b", "a"]
    made(Memo(file, "engine v2"), ("a", "1"), calls)  # another engine: made again
    assert calls == ["a", "b", "a", "a"]


def test_an_entry_goes_once_the_last_complete_builds_did_not_use_it(tmp_path):
    file, calls = tmp_path / "memo.json", []
    memo = Memo(file, "s")
    for name in ("a", "b"):
        made(memo, (name,), calls)
    memo.close()
    for _ in range(KEEP - 1):  # builds that use only "a", and partial ones: "b" stays
        memo = Memo(file, "s")
        made(memo, ("a",), calls)
        memo.close()
        partial = Memo(file, "s")
        made(partial, ("a",), calls)
        partial.close(complete=False)
    made(Memo(file, "s"), ("b",), calls)
    assert calls == ["a", "b"], "an entry went before the last builds had all left it"
    memo = Memo(file, "s")
    made(memo, ("a",), calls)
    memo.close()  # the KEEP-th build without "b"
    made(Memo(file, "s"), ("b",), calls)
    assert calls == ["a", "b", "b"], "an entry no recent build used was kept"


def test_rendered_workbooks_pass_from_one_build_to_the_next(tmp_path):
    first, shared, second = tmp_path / "101", tmp_path / "shared", tmp_path / "102"
    first.mkdir()
    (first / "old.json").write_text("{}", encoding="utf-8")
    publish(first, shared, keep=1)
    (first / "old.json").unlink()  # the next build of this process no longer has it
    (first / "new.json").write_text('{"content": 1}', encoding="utf-8")
    os.utime(shared / "old.json", (1, 1))  # published long ago
    publish(first, shared, keep=1)
    assert sorted(p.name for p in shared.iterdir()) == ["new.json"]
    seed(second, shared)
    assert (second / "new.json").read_text(encoding="utf-8") == '{"content": 1}'
    (second / "new.json").unlink()  # mkdocs-jupyter evicts an entry: the shared one stays
    assert (shared / "new.json").is_file()


def test_a_new_way_of_storing_entries_empties_every_memo(tmp_path, monkeypatch):
    """The salt holds memo.py itself: a file written by another version of it, whose
    entries may have another shape, is not read."""
    from textbook import memo

    (tmp_path / "memo.py").write_bytes((memo.PACKAGE / "memo.py").read_bytes())
    monkeypatch.setattr(memo, "PACKAGE", tmp_path)
    before = memo.salt("extensions")
    with open(tmp_path / "memo.py", "a", encoding="utf-8") as source:
        source.write("\n# entries stored another way\n")
    assert memo.salt("extensions") != before
