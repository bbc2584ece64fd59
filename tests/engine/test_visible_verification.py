"""What a reader sees of the verification: each block's file link and checks, `snippet:`
links, and the build's stamp in the footer and the notebooks."""

from __future__ import annotations

import json
import platform
import subprocess
from importlib import metadata
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build
from test_pipeline import edit, failing_build, make_project

from textbook.build_info import GITHUB, BuildInfo, build_date, git_commit
from textbook.notebooks import Builder

# The test project's snippet with more checks: a loop of asserts and a doctest.
CHECKED = '''\
"""A worked example.

>>> 2 + 2
4
"""

# --8<-- [start:show]
import sympy as sp

x = sp.symbols("x")
slope = sp.diff(x**3, x)
print("slope:", slope)
# --8<-- [end:show]

unrelated = 1
# The slope at a few points.
for point in range(3):
    assert slope.subs(x, point) == 3 * point**2
assert slope == 3 * x**2
'''


@pytest.fixture
def project(tmp_path) -> Path:
    """The pipeline tests' one-chapter book, its snippet with three checks."""
    project = make_project(tmp_path)
    (project / "snippets" / "chapter" / "example.py").write_text(CHECKED, encoding="utf-8")
    return project


def page(project: Path, name: str = "chapter") -> BeautifulSoup:
    html = (project / "site" / name / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def git(project: Path, *args: str) -> str:
    """A git command in the test project (a repository of its own, in a temporary folder)."""
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                           "-c", "commit.gpgsign=false", *args], cwd=project, check=True,
                          capture_output=True, text=True).stdout.strip()


def test_block_shows_its_file_link_and_its_checks_folded(project):
    """Under the block: its file on GitHub (on main, outside git), and "Checks (3)": the
    loop with its comment, the last assert and the doctest; not the other lines, and not in
    the code block whose copy button copies the shown code."""
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    block = page(project).find("div", class_="snippet")
    link = block.select_one("p.snippet-source a")
    assert link["href"] == f"{GITHUB}/blob/main/snippets/chapter/example.py"
    assert link.get_text() == "snippets/chapter/example.py"
    checks = block.find("details", class_="snippet-checks")
    assert checks is not None and not checks.has_attr("open"), "the checks are not folded"
    assert checks.summary.get_text(strip=True) == "Checks (3)"
    code = [div.get_text() for div in checks.find_all("div", class_="highlight")]
    assert code[0] == ("# The slope at a few points.\nfor point in range(3):\n"
                       "    assert slope.subs(x, point) == 3 * point**2\n"
                       "assert slope == 3 * x**2\n")
    assert code[1] == ">>> 2 + 2\n4\n"
    shown = block.find("div", class_="highlight").get_text()
    assert "assert" not in shown and "print(" in shown


def test_a_file_without_checks_says_so(project):
    """No asserts and no doctests: the page says so rather than showing an empty fold."""
    (project / "snippets" / "chapter" / "example.py").write_text(
        '# --8<-- [start:show]\nprint("hello")\n# --8<-- [end:show]\n', encoding="utf-8")
    edit(project, "docs/chapter.md", "$$ \\frac{d}{dx} x^3 = \\computed{chapter/example.py:slope} "
         "$$", "")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    block = page(project).find("div", class_="snippet")
    assert block.find("details") is None
    assert block.find(class_="snippet-checks-none").get_text() == "No checks in this file."


def test_snippet_link_becomes_the_github_link_and_a_missing_file_fails(project):
    """`snippet:path` links to the file at the build's commit; a wrong path names the line."""
    edit(project, "docs/chapter.md", "Intro line.",
         "Intro line, [proof](snippet:chapter/example.py#L16).")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    proof = page(project).find("a", string="proof")
    assert proof["href"] == f"{GITHUB}/blob/main/snippets/chapter/example.py#L16"
    edit(project, "docs/chapter.md", "snippet:chapter/example.py", "snippet:chapter/gone.py")
    failing_build(project, "docs/chapter.md:3", "snippet:chapter/gone.py",
                  "snippets/chapter/gone.py")


def test_footer_stamp_shows_the_commit_date_and_installed_versions(project):
    """In a git checkout: the footer links the short commit, shows SOURCE_DATE_EPOCH's day
    and the versions installed; the block's file link is at that commit."""
    edit(project, "mkdocs.yml", "theme: {name: mkdocs}",
         f"theme: {{name: material, custom_dir: {ROOT / 'overrides'}}}")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "test")
    commit = git(project, "rev-parse", "HEAD")
    result = build(project, project / "site", SOURCE_DATE_EPOCH="1000000000")
    assert result.returncode == 0, result.stderr
    soup = page(project)
    stamp = soup.find("footer").find(class_="book-build")
    text = " ".join(stamp.get_text().split())
    assert stamp.a["href"] == f"{GITHUB}/commit/{commit}"
    assert f"commit {commit[:7]} on 2001-09-09 (UTC)" in text
    for name, version in [("Python", platform.python_version()),
                          *[(shown, metadata.version(package)) for package, shown in
                            [("numpy", "NumPy"), ("sympy", "SymPy"),
                             ("matplotlib", "Matplotlib")]]]:
        assert f"{name} {version}" in text, f"{name} {version} not in the footer: {text}"
    link = soup.select_one("div.snippet p.snippet-source a")
    assert link["href"] == f"{GITHUB}/blob/{commit}/snippets/chapter/example.py"


def test_build_info_outside_git_and_with_source_date_epoch(tmp_path, monkeypatch):
    """No commit outside git (and no failure); the date is SOURCE_DATE_EPOCH's, in UTC."""
    assert git_commit(tmp_path) == ""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(86400 * 365 - 1))
    assert build_date() == "1970-12-31"
    info = BuildInfo("", "1970-12-31", {"Python": "3"})
    assert info.blob_url("snippets/a.py") == f"{GITHUB}/blob/main/snippets/a.py"
    assert info.markdown() == "*Built from an unknown commit on 1970-12-31 (UTC) with Python 3.*"


def test_notebooks_carry_the_stamp(tmp_path):
    """A notebook's metadata carries the build's stamp, and so does its first markdown
    cell after the title (which stays the cell's only line)."""
    info = BuildInfo("0123456789" * 4, "2001-09-09", {"Python": "3.11.7", "NumPy": "2.4.6"})
    builder = Builder(lambda: None, tmp_path, "https://example.org/book/", info)
    nb = builder.notebook([nbformat.v4.new_markdown_cell("# Title"),
                           nbformat.v4.new_code_cell("1"),
                           nbformat.v4.new_markdown_cell("About it.")], "Title")
    assert nb.metadata["book_build"] == {"commit": "0123456789" * 4, "date": "2001-09-09",
                                         "versions": {"Python": "3.11.7", "NumPy": "2.4.6"}}
    assert nb.cells[0].source == "# Title"
    assert nb.cells[2].source == (
        f"About it.\n\n*Built from [0123456]({GITHUB}/commit/{'0123456789' * 4}) on "
        "2001-09-09 (UTC) with Python 3.11.7, NumPy 2.4.6.*")


def test_workbooks_are_made_with_a_stand_in_stamp_and_shown_with_the_real_one():
    """A workbook is rendered (and cached by content) with a stamp that no commit or day
    changes; the build's own stamp replaces it everywhere it shows: the first cell's line,
    the metadata and the links to snippet files at the commit."""
    from textbook.build_info import BuildInfo, restamp, stand_in_for

    def made(stamp: BuildInfo) -> str:
        return stamp.markdown() + stamp.blob_url("snippets/a.py") + json.dumps(stamp.metadata())

    today = BuildInfo("3f" * 20, "2026-12-06", {"Python": "3.11.7"})
    tomorrow = BuildInfo("9a" * 20, "2026-12-07", {"Python": "3.11.7"})
    assert made(stand_in_for(today)) == made(stand_in_for(tomorrow))
    assert restamp(made(stand_in_for(today)), stand_in_for(today), today) == made(today)
    unknown = BuildInfo("", "2026-12-06", {"Python": "3.11.7"})
    assert stand_in_for(unknown) is unknown  # no commit to stand in for
