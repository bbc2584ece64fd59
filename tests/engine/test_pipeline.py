"""Each kind of mistake stops the build with a message that names the files and lines."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
import warnings
from pathlib import Path

import pytest
from benchmark import SPLIT, free_port  # `make bench`: its summary line, its port finder
from conftest import build

from textbook import sandbox

CONFIG = """
site_name: pipeline test
strict: true
validation: {links: {anchors: warn, unrecognized_links: warn}}
theme: {name: mkdocs}
plugins: [book: {notebooks: false}]
markdown_extensions: [md_in_html, attr_list, pymdownx.arithmatex: {generic: true},
                      pymdownx.superfences, pymdownx.highlight]
"""

GOOD_SNIPPET = '''\
"""A worked example for the pipeline tests."""

# --8<-- [start:show]
import sympy as sp

x = sp.symbols("x")
slope = sp.diff(x**3, x)
print("slope:", slope)
# --8<-- [end:show]

assert slope == 3 * x**2
'''

GOOD_CHAPTER = '''\
# Chapter

Intro line.

```python exec="on"
--8<-- "chapter/example.py:show"
```

$$ \\frac{d}{dx} x^3 = \\computed{chapter/example.py:slope} $$

See [the other page](other.md#top).
'''


@pytest.fixture
def project(tmp_path) -> Path:
    """A one-chapter book built with the real plugin; tests break one thing in it."""
    return make_project(tmp_path)


def make_project(tmp_path: Path) -> Path:
    """Write the one-chapter book into a folder."""
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "chapter.md").write_text(GOOD_CHAPTER, encoding="utf-8")
    (tmp_path / "docs" / "other.md").write_text("# Other { #top }\n", encoding="utf-8")
    (tmp_path / "snippets" / "chapter").mkdir(parents=True)
    (tmp_path / "snippets" / "chapter" / "example.py").write_text(GOOD_SNIPPET, encoding="utf-8")
    return tmp_path


def edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def failing_build(project: Path, *expected: str, **env: str) -> str:
    result = build(project, project / "site", **env)
    assert result.returncode != 0, "the build should have failed"
    for text in expected:
        assert text in result.stderr, f"{text!r} not in the build's message:\n{result.stderr}"
    page = project / "site" / "chapter" / "index.html"
    assert not page.exists() or "Traceback" not in page.read_text(encoding="utf-8")
    return result.stderr


def test_the_summary_says_what_the_snippets_processes_spent(project):
    """The build's log gives the CPU of the snippets' own processes (what `make bench`
    splits the cost of execution by), of which drawing figures, checking, and the
    kernel's share (a fork's copied pages and its end)."""
    edit(project, "snippets/chapter/example.py", "assert slope",  # (40 MB: system time)
         "sum(range(10_000_000))\nlen(b'x' * 40_000_000)\nassert slope")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    spent = SPLIT.search(result.stderr)
    assert spent, result.stderr
    process, figures, checks, kernel = map(float, spent.groups())
    assert process >= 0.1 and process >= figures + checks and 0 < kernel < process


def test_good_project_builds_and_shows_real_output(project):
    """The untouched project builds; its page shows the printed output and typeset answer."""
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "chapter" / "index.html").read_text(encoding="utf-8")
    assert "slope: 3*x**2" in page
    assert 'class="katex"' in page and "<mn>3</mn>" in page


def test_exception_names_chapter_and_snippet_lines(project):
    """An exception in a displayed section names the chapter line and the snippet line."""
    edit(project, "snippets/chapter/example.py", 'print("slope:", slope)', "print(1 / 0)")
    failing_build(project, "docs/chapter.md:5", 'snippets/chapter/example.py", line 8',
                  "ZeroDivisionError")


def test_wrong_answer_fails_the_checks(project):
    """A check after the displayed part that no longer holds stops the build."""
    edit(project, "snippets/chapter/example.py", "slope == 3 * x**2", "slope == 4 * x**2")
    failing_build(project, "snippets/chapter/example.py, lines 9-11 (outside the shown",
                  'snippets/chapter/example.py", line 11', "AssertionError")


def test_changed_displayed_code_fails_the_checks(project):
    """Changing a number in the displayed code breaks the stated answer."""
    edit(project, "snippets/chapter/example.py", "sp.diff(x**3, x)", "sp.diff(x**4, x)")
    failing_build(project, "docs/chapter.md:5", "AssertionError")


def test_missing_snippet_file(project):
    """An include of a file that does not exist names the chapter line."""
    edit(project, "docs/chapter.md", "chapter/example.py:show", "chapter/missing.py:show")
    failing_build(project, "docs/chapter.md:5", "no snippet file snippets/chapter/missing.py")


def test_missing_section(project):
    """An include of a section the file does not mark names the chapter line."""
    edit(project, "docs/chapter.md", "example.py:show", "example.py:nothere")
    failing_build(project, "docs/chapter.md:5", "has no section [start:nothere]")


def test_unknown_computed_name(project):
    """A \\computed{} value the snippet does not define stops the build."""
    edit(project, "docs/chapter.md", "example.py:slope}", "example.py:slop}")
    failing_build(project, "docs/chapter.md", "defines no name 'slop'")


def test_bad_tex(project):
    """TeX that KaTeX cannot typeset names the chapter line."""
    edit(project, "docs/chapter.md", "Intro line.", "Intro $\\fracc{a}{b}$ line.")
    failing_build(project, "docs/chapter.md:3", "KaTeX cannot typeset", "fracc")


def test_dead_link_and_anchor(project):
    """Links to missing pages or anchors fail the strict build, naming the page's line."""
    edit(project, "docs/chapter.md", "other.md#top", "other.md#nowhere")
    failing_build(project, "docs/chapter.md:11: Doc file 'chapter.md'", "nowhere")
    edit(project, "docs/chapter.md", "other.md#nowhere", "gone.md")
    edit(project, "docs/chapter.md", "Intro line.", "Intro line.\n\n[Again](gone.md).")
    failing_build(project, "docs/chapter.md:5: Doc file 'chapter.md' contains a link 'gone.md'",
                  "docs/chapter.md:13: Doc file 'chapter.md' contains a link 'gone.md'")


def test_hanging_snippet_is_stopped(project):
    """A snippet that never ends is killed at the time limit and named."""
    edit(project, "snippets/chapter/example.py", 'print("slope:", slope)',
         "while True:\n    pass")
    failing_build(project, "docs/chapter.md:5", "still running after 2 s",
                  BOOK_TIMEOUT="2")


def test_stderr_output_fails(project):
    """A warning or anything else written to stderr is treated as a failure."""
    edit(project, "snippets/chapter/example.py", 'print("slope:", slope)',
         'import warnings\nwarnings.warn("careful")')
    failing_build(project, "docs/chapter.md:5", "wrote to stderr", "careful")


def test_figure_without_alt_text(project):
    """A block that draws a figure must describe it for screen readers."""
    edit(project, "snippets/chapter/example.py", 'print("slope:", slope)', textwrap.dedent("""\
        import matplotlib.pyplot as plt
        plt.plot([0, 1], [0, 1])
        plt.show()"""))
    failing_build(project, "docs/chapter.md:5", 'alt="..."')


def test_include_without_a_section(project):
    """An exec block that includes a whole file is told to name a section, and how."""
    edit(project, "docs/chapter.md", "example.py:show", "example.py")
    failing_build(project, 'docs/chapter.md:5: the include "chapter/example.py" names no '
                  'section: write --8<-- "chapter/example.py:name"', "[start:name]")


@pytest.mark.parametrize(("include", "line", "why"), [
    ('--8<-- "../../mkdocs.yml"', 5, "is not a file inside snippets/"),
    ('--8<-- "/etc/hostname:2:3"', 5, "is not a file inside snippets/"),
    ('--8<-- "chapter/missing.md"', 5, "no snippet file snippets/chapter/missing.md"),
    ('--8<--\nchapter/example.py\n../mkdocs.yml\n--8<--', 7, "is not a file inside snippets/"),
])
def test_plain_include_outside_snippets(project, include, line, why):
    """A pymdownx.snippets include outside exec blocks must name a file inside snippets/:
    one message naming the chapter line, not pymdownx's traceback."""
    edit(project, "mkdocs.yml", "pymdownx.superfences,",
         "pymdownx.snippets: {base_path: [snippets], check_paths: true},\n"
         "                      pymdownx.superfences,")
    edit(project, "docs/chapter.md", "Intro line.", f"Intro line.\n\n{include}")
    message = failing_build(project, f"docs/chapter.md:{line}: the include", why)
    assert "pymdownx" not in message and "SnippetMissingError" not in message, message


def test_malformed_exec_block(project):
    """An exec block must hold exactly one include line."""
    edit(project, "docs/chapter.md", '--8<-- "chapter/example.py:show"', "print(1)")
    failing_build(project, "docs/chapter.md:5", "exactly one line")


def test_exec_block_inside_a_collapsed_answer(project):
    """An indented exec block inside `??? success` renders whole inside the details box."""
    edit(project, "mkdocs.yml", "md_in_html,", "md_in_html, admonition, pymdownx.details,")
    edit(project, "docs/chapter.md", '```python exec="on"\n--8<-- "chapter/example.py:show"\n```',
         '??? success "Answer"\n    Worked steps.\n\n    ```python exec="on"\n'
         '    --8<-- "chapter/example.py:show"\n    ```\n\nAfter the box.')
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "chapter" / "index.html").read_text(encoding="utf-8")
    box = page[page.index("<details"):page.index("</details>")]
    assert "slope: 3*x**2" in box and 'class="snippet"' in box and ">diff<" in box


def test_many_parallel_snippets_with_long_output(project):
    """Many snippets running at once, each printing a lot, all reach the page intact."""
    chapter = project / "docs" / "chapter.md"
    for k in range(16):
        (project / "snippets" / "chapter" / f"long_{k}.py").write_text(
            f'# --8<-- [start:show]\nprint("{k}:" + "x" * 150_000)\n# --8<-- [end:show]\n',
            encoding="utf-8")
        chapter.write_text(chapter.read_text(encoding="utf-8")
                           + f'\n```python exec="on"\n--8<-- "chapter/long_{k}.py:show"\n```\n',
                           encoding="utf-8")
    result = build(project, project / "site", BOOK_JOBS="8")
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "chapter" / "index.html").read_text(encoding="utf-8")
    assert all(f"{k}:" + "x" * 150_000 in page for k in range(16))


def test_pages_that_wait_for_no_snippet_are_written_first(project):
    """Pages without outputs are written while the snippets still run, not at the end."""
    (project / "order.py").write_text(
        "def on_post_page(output, page, config):\n"
        "    with open('order.txt', 'a', encoding='utf-8') as f:\n"
        "        f.write(page.file.src_uri + '\\n')\n"
        "    return output\n", encoding="utf-8")
    edit(project, "mkdocs.yml", "plugins: [", "hooks: [order.py]\nplugins: [")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    written = (project / "order.txt").read_text(encoding="utf-8").split()
    assert written == ["other.md", "chapter.md"], f"pages written in the order {written}"


def test_timeout_option_stops_a_hanging_snippet(project):
    """The plugin's typed `timeout` option in mkdocs.yml sets the time limit."""
    edit(project, "mkdocs.yml", "{notebooks: false}", "{notebooks: false, timeout: 2}")
    edit(project, "snippets/chapter/example.py", 'print("slope:", slope)',
         "while True:\n    pass")
    failing_build(project, "docs/chapter.md:5", "still running after 2 s")


def page_when(url: str, wanted: str, seconds: float = 120) -> str:
    """The page at url once it holds `wanted` (the server may still be starting)."""
    deadline, text = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                text = response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            text = ""
        if wanted in text:
            return text
        time.sleep(0.3)
    raise AssertionError(f"{wanted!r} not on {url} after {seconds} s; last answer:\n{text}")


def as_from_a_terminal() -> None:
    """In the server's fork, before it starts: Ctrl-C (SIGINT) handled and not blocked, as
    a shell starts `make serve`, whatever this test process inherited or set."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def signal_masks() -> str:
    """This process's blocked, ignored and caught signals, as /proc shows them."""
    with open("/proc/self/status", encoding="utf-8") as status:
        return " ".join(line.strip() for line in status if line.startswith(("SigBlk", "SigIgn",
                                                                             "SigCgt")))


@pytest.mark.parametrize("how", [[], ["--dirty"]], ids=["serve", "serve --dirty"])
def test_serve_shows_a_failed_build_in_the_browser(project, how):
    """Under `mkdocs serve` (with --dirty, as `make serve`), a failed first build, and a
    failed rebuild, show their message on the page instead of stopping the server or
    leaving the request waiting; so does a strict-mode warning, even in the first build."""
    edit(project, "mkdocs.yml", "strict: true", "strict: true\nwatch: [snippets]")
    edit(project, "docs/chapter.md", "other.md#top", "gone.md")  # a strict-mode warning
    port = free_port()
    url = f"http://127.0.0.1:{port}/chapter/"
    with open(project / "serve.log", "w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *how, "--livereload",
             "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stdout=log, stderr=log,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, preexec_fn=as_from_a_terminal)
    try:
        page = page_when(url, "The build failed")
        assert "docs/chapter.md:11: Doc file &#x27;chapter.md&#x27; contains a link" in page
        edit(project, "docs/chapter.md", "gone.md", "other.md#top")
        edit(project, "snippets/chapter/example.py", 'print("slope:", slope)', "print(1 / 0)")
        page = page_when(url, "ZeroDivisionError")
        assert "docs/chapter.md:5: snippets/chapter/example.py:show failed" in page
        edit(project, "snippets/chapter/example.py", "print(1 / 0)", 'print("slope:", slope)')
        assert "The build failed" not in page_when(url, "slope: 3*x**2")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:  # seen in whole runs only (issue 19): say so
            server.kill()
            server.wait()
            log = (project / "serve.log").read_text(encoding="utf-8", errors="replace")
            command = " ".join(["mkdocs serve", *how])
            warnings.warn(f"`{command}` did not stop within 30 s of SIGINT (Ctrl-C) and was "
                          f"killed (this test process: {signal_masks()}); its log ends:\n"
                          f"{log[-2000:]}", stacklevel=1)


def test_plugin_starts_the_runner_as_mkdocs_loads_its_configuration(project):
    """The book plugin starts the runner while MkDocs reads the configuration, before the
    other plugins load; its on_config then takes that process over."""
    from mkdocs.config import load_config

    from textbook import executor, plugin

    config = load_config(str(project / "mkdocs.yml"))
    started = executor._process
    book = config.plugins["book"]
    try:
        assert started is not None and started.poll() is None, "the plugin started no runner"
        config = book.on_config(config)
        assert plugin._executor.process is started, "on_config started a runner of its own"
    finally:
        if plugin._executor is not None:
            plugin._executor.stop()
        if started is not None and started.poll() is None:
            started.kill()


def test_a_configuration_error_is_the_only_message(project):
    """The runner starts as MkDocs reads mkdocs.yml; when MkDocs then aborts on an error in
    it, the runner finds nobody to answer and ends quietly, leaving MkDocs's message alone."""
    edit(project, "mkdocs.yml", "strict: true", "strict: true\nwatch: [missing-folder]")
    message = failing_build(project, "Config value 'watch'", "missing-folder")
    assert "Traceback" not in message, message


@pytest.mark.parametrize("when", ["served", "running a snippet"])
def test_ctrl_c_stops_serve_its_runner_and_snippets_quietly(project, when):
    """Ctrl-C in `make serve`'s terminal (SIGINT to its process group) ends MkDocs, the
    runner and a running snippet at once, with no traceback from the runner."""
    if when == "running a snippet":
        edit(project, "mkdocs.yml", "{notebooks: false}", "{notebooks: false, timeout: 120}")
        edit(project, "snippets/chapter/example.py", 'print("slope:", slope)',
             "while True:\n    pass")
    port = free_port()
    log_path = project / "serve.log"
    with open(log_path, "w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=log, stderr=log, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            preexec_fn=as_from_a_terminal, process_group=0)
    try:
        deadline, runner, snippet = time.monotonic() + 120, [], []
        while time.monotonic() < deadline and not (runner and (snippet or when == "served")):
            runner = sandbox.children(server.pid)
            snippet = [c for r in runner for c in sandbox.children(r)]
            time.sleep(0.2)
        assert runner, "no runner started"
        if when == "served":
            page_when(f"http://127.0.0.1:{port}/chapter/", "slope: 3*x**2")
        else:
            assert snippet, "the snippet never started"
        os.killpg(server.pid, signal.SIGINT)
        server.wait(30)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(map(sandbox.running, runner + snippet)):
            time.sleep(0.1)
        left = [pid for pid in runner + snippet if sandbox.running(pid)]
        log = log_path.read_text(encoding="utf-8")
        assert not left, f"still running 10 s after Ctrl-C: {left}; the log:\n{log}"
        assert "Traceback" not in log, log
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


@pytest.mark.parametrize("delay", [0.0, 0.01, 0.02, 0.04, 0.2])
def test_ctrl_c_while_the_runner_starts_is_quiet(tmp_path, delay):
    """Ctrl-C that reaches the runner as Python itself starts, before any of the runner's
    code has run, ends it quietly: no KeyboardInterrupt from site.py, no death by the
    signal. (The build's side of it: start_runner, in a process of its own. Before the
    runner started with SIGINT blocked, 28 of 40 such starts in their first 40 ms printed
    a traceback.)"""
    code = textwrap.dedent(f"""
        import signal, sys, time
        from textbook.executor import start_runner
        runner = start_runner({str(tmp_path)!r})
        time.sleep({delay})
        runner.send_signal(signal.SIGINT)  # alone: its input stays open
        print(runner.wait(10))
        """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, preexec_fn=as_from_a_terminal)
    assert result.stdout.strip() in ("130", "0") and not result.stderr, (
        f"the runner ended with {result.stdout.strip()}:\n{result.stderr}")


def test_a_failure_on_a_page_that_only_reads_the_file_says_where_it_is_shown(project):
    """A page that only takes a value from a file whose shown section fails names its own
    line, and the block that shows the section."""
    (project / "docs" / "a-reader.md").write_text(
        "# Reader\n\nThe slope is $\\computed{chapter/example.py:slope}$.\n", encoding="utf-8")
    edit(project, "snippets/chapter/example.py", 'print("slope:", slope)', "print(1 / 0)")
    failing_build(project, "docs/a-reader.md:3: snippets/chapter/example.py:show failed "
                  "(shown at docs/chapter.md:5)", "ZeroDivisionError")


def test_a_broken_block_in_a_box_is_named_at_its_chapter_line(tmp_path):
    """The notebooks read a box's body (and an exercise's answer) on its own; a malformed
    block in it is still named by its line in the chapter."""
    from textbook.build_info import BuildInfo
    from textbook.errors import BookError
    from textbook.notebooks import Builder
    from textbook.workbooks import find_tasks

    builder = Builder(lambda: None, tmp_path, "https://example.org/book/",
                      BuildInfo("", "2026-12-06", {"Python": "3"}))
    broken = '    ```python exec="on"\n    --8<-- "a/b.py:show"\n'
    chapter = f'# Title\n\nText.\n\n!!! note "Box"\n\n    Inside.\n\n{broken}'
    with pytest.raises(BookError, match=r"^docs/c\.md:9: code fence is never closed"):
        builder.chapter("c.md", chapter)
    for question in ("## Exercise 1\n\nAsk.", "!!! question\n\n    Ask?"):
        task = find_tasks("c.md", f'# Title\n\n{question}\n\n??? success "Answer"\n\n{broken}')[0]
        with pytest.raises(BookError, match=r"^docs/c\.md:9: code fence is never closed"):
            builder.full(task.page, "\n".join(task.answer), [0], first=task.answer_line)


def test_a_section_that_never_ends_is_named_at_its_start(project):
    """A missing [end:name] marker is reported at the section's start, not as no section."""
    edit(project, "snippets/chapter/example.py", "# --8<-- [end:show]\n", "")
    failing_build(project, "docs/chapter.md:5: snippets/chapter/example.py:3: section 'show' "
                  "starts here and never ends: add a line # --8<-- [end:show]")


def test_an_exec_block_without_its_closing_fence_says_so(project):
    """An exec block whose closing fence is missing runs on to the next fence: the message
    says how many lines it took and asks for the fence."""
    edit(project, "docs/chapter.md", '--8<-- "chapter/example.py:show"\n```\n',
         '--8<-- "chapter/example.py:show"\n\nMore text.\n\n```python\nx = 1\n```\n')
    failing_build(project, "docs/chapter.md:5: an exec block holds exactly one line",
                  "is its own closing fence missing?")


def test_a_package_the_book_does_not_install_is_named_with_the_way_out(project):
    """An import of a package outside requirements.txt says which packages a snippet has."""
    edit(project, "snippets/chapter/example.py", "import sympy as sp\n",
         "import sympy as sp\nimport not_a_package_the_book_has\n")
    failing_build(project, "docs/chapter.md:5: snippets/chapter/example.py:show failed",
                  "ModuleNotFoundError", "what requirements.txt installs")


def test_messages_name_the_files_lines_below_front_matter(project):
    """MkDocs takes a page's front matter off before the plugin reads it: messages still
    name the lines of the file, for a reference and for a block."""
    edit(project, "docs/chapter.md", "# Chapter\n", "---\ntitle: A chapter\n---\n\n# Chapter\n")
    edit(project, "docs/chapter.md", "Intro line.", "Intro line, as §9 says.")
    failing_build(project, "docs/chapter.md:7: §9: which part's section?")
    edit(project, "docs/chapter.md", "as §9 says", "as it says")
    edit(project, "snippets/chapter/example.py", 'print("slope:", slope)', "print(1 / 0)")
    failing_build(project, "docs/chapter.md:9: snippets/chapter/example.py:show failed")


def test_a_snippets_comment_naming_no_equation_stops_the_build(project):
    """The comments of a shown snippet file are the book's words: `eq. (7)` there names an
    equation, or the build stops at the block that shows the file."""
    edit(project, "snippets/chapter/example.py", "assert slope", "# eq. (7)\nassert slope")
    failing_build(project, "docs/chapter.md:5: snippets/chapter/example.py:",
                  "eq. (7): which part's equation?")
