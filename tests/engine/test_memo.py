"""Results kept across builds (textbook/memo.py) and the rendered workbooks one build leaves
for the next (notebook_pages.seed/publish)."""

from __future__ import annotations

from textbook.memo import Memo
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


def test_a_complete_build_keeps_what_it_used_and_a_partial_one_keeps_all(tmp_path):
    file, calls = tmp_path / "memo.json", []
    memo = Memo(file, "s")
    for name in ("a", "b", "c"):
        made(memo, (name,), calls)
    memo.close()
    partial = Memo(file, "s")
    made(partial, ("a",), calls)
    partial.close(complete=False)
    assert set(Memo(file, "s").entries) == set(memo.entries), "a partial build dropped entries"
    complete = Memo(file, "s")
    made(complete, ("a",), calls)
    complete.close(complete=True)
    kept = Memo(file, "s")
    made(kept, ("b",), calls)
    assert calls == ["a", "b", "c", "b"], "a complete build kept entries it did not use"


def test_rendered_workbooks_pass_from_one_build_to_the_next(tmp_path):
    first, shared, second = tmp_path / "101", tmp_path / "shared", tmp_path / "102"
    first.mkdir()
    (first / "old.json").write_text("{}", encoding="utf-8")
    publish(first, shared)
    (first / "old.json").unlink()  # the next build of this process no longer has it
    (first / "new.json").write_text('{"content": 1}', encoding="utf-8")
    publish(first, shared)
    assert sorted(p.name for p in shared.iterdir()) == ["new.json"]
    seed(second, shared)
    assert (second / "new.json").read_text(encoding="utf-8") == '{"content": 1}'
    (second / "new.json").unlink()  # mkdocs-jupyter evicts an entry: the shared one stays
    assert (shared / "new.json").is_file()
