"""Benchmark the book's build: a script that reports, never a test that asserts.

    make bench            # or: .venv/bin/python tests/benchmark.py [--repeat N]

Prints one table and writes bench-results.json with:
- cold build: empty caches, every snippet executed and every formula typeset;
- then rounds of builds, build caches warm, so that a machine whose speed drifts
  weighs on all alike; each comparison is the median of those within rounds:
  - the build with execution off (BOOK_EXECUTE=0), once with the build caches set aside
    (math, checks, notebook styles, templates, rendered workbooks) and once warm;
  - the build executing every snippet (snippet cache empty): its difference from the
    first, divided by the number of snippet blocks, is what running a snippet costs, and
    its log says how much of it the snippets' forks spent, drawing figures and checking;
    the same difference in CPU seconds of all processes is the work that takes, of
    which the wall time shows only what a second core does not absorb; and the core
    time no process used during it (cores x wall - CPU) is what overlap still loses;
  - the warm build: nothing changed since the last build;
  - the build with execution off and without the notebooks (the book plugin's
    `notebooks: false`) and mkdocs-jupyter:
    what the notebooks cost;
- the sandbox: a warm fork that confines itself (sandbox.py) against one that does not;
- the floor: plain MkDocs + Material (search only) on the same docs/, in the same rounds,
  and the book without execution over it, warm and with its caches aside (target 1.5);
- CPU per executed block: the book's runner, and markdown-exec (installed in a throwaway
  venv, .cache/bench-markdown-exec) on the same chapters over its own floor, same rounds;
  and the snippet files' own code, run one after another in one plain process (what any
  runner must spend): what each runner spends beyond it is its machinery;
- edit to page: under `mkdocs serve --dirty` (`make serve`), from saving an edited snippet,
  or a chapter's paragraph, to the rebuilt page, median of 10 edits each (target 1.5 s);
- the last whole `make test`, as tests/conftest.py records it (target 3 minutes);
- the heaviest chapter page: bytes a browser transfers, and time until math and figures
  are visible (headless Chromium, when it is installed);
- every page on a phone (390 px, CPU 4x throttled, cold): largest contentful paint, load
  event, when copy buttons, search and the theme toggle work, and gzipped bytes; the
  five heaviest pages in the table, and any page over budget (LCP 2.5 s, load 4 s, 400 KiB);
- the PDFs (`make pdf`, when Chromium is installed): seconds to print both from the
  built site, and their sizes (target: the whole book under 15 MB);
- the answer fields: gzipped bytes of answer-check.js and of math.js's bundle (loaded only
  by a page with an exercise), and the seconds evaluating every exercise's answer at its
  seeded points adds to the runner's work (measured in forks of this process, warmed as
  the runner's own are: runner.preload).

Targets for the finished book (about 150 snippets): execution adds at most 0.015 s per
snippet; a warm build takes at most 1.2 times the build without execution; a chapter page
transfers at most 400 KiB.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import py_compile
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]
from textbook.sections import FENCE, INCLUDE, WHOLE_FILE, find_blocks, find_computed  # noqa: E402

CACHE = ROOT / ".cache" / "book"
# What a build without execution keeps for the next one: typeset math, the checks under each
# block, pruned notebook styles, highlighted code, chapters' HTML, compiled templates,
# rendered workbooks.
BUILD_CACHES = [CACHE / "katex.json", CACHE / "checks.json", CACHE / "notebook-styles.json",
                CACHE / "highlighted.json", CACHE / "rendered.json",
                ROOT / ".cache" / "jinja", ROOT / ".cache" / "mkdocs-jupyter"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


LOGS: list[str] = []  # the book plugin's own summary lines of the last build
# "CPU of their processes 5.20 s (figures 1.23 s, checks 1.10 s, kernel 1.02 s)": the
# snippets' forks
SPLIT = re.compile(r"CPU of their processes ([\d.]+) s \(figures ([\d.]+) s, "
                   r"checks ([\d.]+) s, kernel ([\d.]+) s\)")
CPU: list[float] = [0.0]  # CPU seconds of the last build: MkDocs, the runner, its snippets


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # every process waited for so far
    return usage.ru_utime + usage.ru_stime


def build(site: Path, config: str = "mkdocs.yml", python: str = sys.executable,
          **env: str) -> float:
    """Seconds for one `mkdocs build`, start of process to exit."""
    cpu = cpu_of_children()
    start = time.perf_counter()
    result = subprocess.run(
        [python, "-m", "mkdocs", "build", "-f", config, "-d", str(site)],
        cwd=ROOT, env={**ENV, **env}, check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    CPU[0] = cpu_of_children() - cpu
    LOGS[:] = [line.split("-  ", 1)[-1] for line in result.stderr.splitlines()
               if "snippets:" in line or "notebooks:" in line]
    return seconds


MARKDOWN_EXEC = "markdown-exec==1.12.6"  # the in-process runner the book's is measured against


def markdown_exec_python() -> str | None:
    """A throwaway venv that sees the book's packages and adds markdown-exec (never in
    requirements.txt): its python, or None without a network to install from."""
    venv = ROOT / ".cache" / "bench-markdown-exec"
    python = venv / "bin" / "python"
    if not python.is_file():
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        import site
        pth = next((venv / "lib").glob("python*/site-packages")) / "book-packages.pth"
        pth.write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
        installed = subprocess.run(  # --python: an option of pip, before its command
            [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
             "--no-deps", MARKDOWN_EXEC], capture_output=True, text=True)
        if installed.returncode != 0:
            shutil.rmtree(venv, ignore_errors=True)
            print(f"markdown-exec not measured: pip failed:\n{installed.stderr}",
                  file=sys.stderr)
            return None
    return str(python)


def markdown_exec_docs(execute: bool) -> Path:
    """The chapters as markdown-exec runs them, executing the code the book's runner does:
    each snippet file once, whole (its sections, the asserts after them), at its first exec
    block in the site; its later blocks, and every block with execute=False (markdown-exec's
    floor), are plain code. A file a page only reads values from (`\\computed`) runs in a
    block at the end of the first page that does."""
    out = ROOT / ".cache" / ("bench-docs-exec" if execute else "bench-docs-plain")
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(ROOT / "docs", out)
    attrs = ' exec="on"' if execute else ""
    run: set[str] = set()  # the files an exec block already runs
    for page in sorted(out.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        lines = text.splitlines()
        for i, line in enumerate(lines):
            fence = FENCE.match(line)
            if not fence or 'exec="on"' not in fence["attrs"] or i + 1 == len(lines):
                continue
            include = INCLUDE.match(lines[i + 1]) or WHOLE_FILE.match(lines[i + 1])
            first = include and include["path"] not in run
            if first:
                run.add(include["path"])
                lines[i + 1] = f'{fence["indent"]}--8<-- "{include["path"]}"'
            lines[i] = (f"{fence['indent']}{fence['fence']}python"
                        + (attrs if first or not include else ""))
        for path in sorted({p for p, _, _ in find_computed(text)} - run):
            run.add(path)
            lines += ["", f"```python{attrs}", f'--8<-- "{path}"', "```"]
        page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def last_test_run() -> dict | None:
    """The last whole-suite run of pytest, as tests/conftest.py records it."""
    record = ROOT / ".cache" / "last-test-run.json"
    return json.loads(record.read_text(encoding="utf-8")) if record.is_file() else None


def suite_cpu_rows(run: dict | None) -> list[tuple[str, str, str]]:
    """The last run's CPU beside its wall time, and its tests' seconds by folder (records
    of tests/suite_time.py; older ones lack them)."""
    if not run or run.get("machine_cpu_s") is None:
        return []
    cpu, folders = run["machine_cpu_s"], run.get("test_seconds_by_folder", {})
    by_folder = ", ".join(f"{folder.removeprefix('tests/')} {seconds:.0f} s"
                          for folder, seconds in folders.items())
    return [("  its CPU", f"{cpu:.0f} s",
             f"the machine's busy time: {cpu / run['seconds']:.1f} cores kept busy; "
             f"180 s of wall would take {cpu / 180:.1f} cores"),
            ("  its tests' own time", f"{sum(folders.values()):.0f} s",
             f"setup, call and teardown, summed over the workers: {by_folder}")]


def rounds(repeat: int, site: Path, markdown_exec: str | None, snippets: list[str]
           ) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Seconds of `repeat` rounds of builds: without execution, executing every snippet
    (none cached), warm (nothing changed since), without execution or notebooks (plugin
    and mkdocs-jupyter), plain MkDocs + Material (search only: the floor), and, given
    markdown-exec's python, the chapters under markdown-exec executing and not; and the
    snippet files' code alone in one process ("code", not a build). A machine
    slowing down or speeding up meanwhile weighs on all alike, and each comparison is made
    within a round. Also returns each build's CPU seconds."""
    configs = {  # beside mkdocs.yml: same relative paths
        "bare": "plugins: [{book: {notebooks: false}}, search]\n",
        "plain": "plugins: [search]\n",
        "mdexec": f"docs_dir: {markdown_exec_docs(True)}\nplugins: [search, markdown-exec]\n",
        "mdexec_floor": (f"docs_dir: {markdown_exec_docs(False)}\n"
                         "plugins: [search, markdown-exec]\n")}
    files = {}
    for name, text in configs.items():
        files[name] = ROOT / f".bench-{name}.yml"
        files[name].write_text("INHERIT: mkdocs.yml\nstrict: false # no workbook pages\n"
                               + text, encoding="utf-8")
    python = sys.executable
    builds = {"no_exec_cold": ({"BOOK_EXECUTE": "0"}, "mkdocs.yml", python),
              "no_exec": ({"BOOK_EXECUTE": "0"}, "mkdocs.yml", python),
              "executing": ({}, "mkdocs.yml", python), "warm": ({}, "mkdocs.yml", python),
              "bare": ({"BOOK_EXECUTE": "0"}, files["bare"].name, python),
              "plain": ({}, files["plain"].name, python)}
    if markdown_exec:
        builds["mdexec"] = ({}, files["mdexec"].name, markdown_exec)
        builds["mdexec_floor"] = ({}, files["mdexec_floor"].name, markdown_exec)
    times: dict[str, list[float]] = {name: [] for name in [*builds, "code"]}
    cpu: dict[str, list[float]] = {name: [] for name in [*builds, "code"]}
    try:
        for _ in range(repeat):
            times["code"].append(code_alone(snippets))
            cpu["code"].append(CPU[0])
            for name, (env, file, interpreter) in builds.items():
                if name == "executing":
                    shutil.rmtree(CACHE / "snippets", ignore_errors=True)
                with caches_aside(BUILD_CACHES if name == "no_exec_cold" else []):
                    times[name].append(build(site, file, interpreter, **env))
                cpu[name].append(CPU[0])
                if name == "executing":
                    found = [m for line in LOGS if (m := SPLIT.search(line))]
                    for key, value in zip(("forks", "figures", "checks", "kernel"),
                                          found[0].groups() if found else ()):
                        cpu.setdefault(f"executing_{key}", []).append(float(value))
    finally:
        for file in files.values():
            file.unlink()
    return times, cpu


@contextlib.contextmanager
def caches_aside(paths: list[Path]):
    """Build without these caches, then put them back as they were (the other builds of
    the round are measured as before)."""
    aside = {path: path.with_name(path.name + ".aside") for path in paths if path.exists()}
    for path, away in aside.items():
        path.rename(away)
    try:
        yield
    finally:
        for path in paths:
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
        for path, away in aside.items():
            away.rename(path)


def within(times: dict[str, list[float]], compare) -> list[float]:
    """`compare(round)` for every round, a round being {build: seconds}; sorted."""
    return sorted(compare(dict(zip(times, one))) for one in zip(*times.values()))


def snippet_jobs() -> tuple[int, list[str]]:
    """Snippet blocks shown in the chapters, and the snippet files the runner executes."""
    blocks, files = 0, set()
    for page in (ROOT / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        found = find_blocks(page.relative_to(ROOT / "docs").as_posix(), text)
        blocks += len({(b.path, b.section) for b in found})
        files |= {b.path for b in found} | {p for p, _, _ in find_computed(text)}
    return blocks, sorted(files)  # the runner runs each file once, all its sections in it


# Every snippet file in turn in one plain process, as a script (figures made with Agg and
# closed, never saved; output discarded): the code's own work, its imports included, with
# no isolation, figures or checks.
CODE_ALONE = """import os, runpy, sys, tempfile
with tempfile.TemporaryDirectory(prefix="bench-code-") as folder:
    os.chdir(folder)
    for path in sys.argv[1:]:
        runpy.run_path(path, run_name="__main__")
        if "matplotlib.pyplot" in sys.modules:
            sys.modules["matplotlib.pyplot"].close("all")
"""


def code_alone(files: list[str]) -> float:
    """Seconds for the snippet files' own code in one process; CPU[0] its CPU, less that
    of a Python that runs nothing."""
    cpu = []
    for script, args in (("", []), (CODE_ALONE, [str(ROOT / "snippets" / f) for f in files])):
        before, start = cpu_of_children(), time.perf_counter()
        subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, env={**ENV, "MPLBACKEND": "Agg"})
        seconds = time.perf_counter() - start
        cpu.append(cpu_of_children() - before)
    CPU[0] = cpu[1] - cpu[0]
    return seconds


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# What an author saves under `mkdocs serve`: a snippet file and a chapter of the same page,
# each edit adding a marker to this text.
EDITS = {"snippet": (ROOT / "snippets" / "part_2" / "calculus" / "chain_rule.py",
                     'print("dy/dx =", dy_dx)', 'print("dy/dx =", dy_dx)  # {marker}'),
         "chapter": (ROOT / "docs" / "part-2" / "calculus.md",  # in code: a number in
                     "by hand.\n", "by hand (`{marker}`).\n")}  # the words fails the build


def edit_to_page(edits: int = 10) -> dict[str, list[float]]:
    """Under `mkdocs serve --dirty` (`make serve`): seconds from saving an edit to the
    rebuilt page, for `edits` edits of a snippet and as many of a chapter, alternating
    (a kind's list is short if the server never served the page)."""
    originals = {kind: path.read_text(encoding="utf-8") for kind, (path, _, _) in EDITS.items()}
    port = free_port()
    from browser.measure import site_prefix  # `mkdocs serve` serves under site_url's path

    url = f"http://127.0.0.1:{port}{site_prefix()}part-2/calculus/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-q", "--dev-addr",
         f"127.0.0.1:{port}"],
        cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode()
        except OSError:
            return ""

    seconds: dict[str, list[float]] = {kind: [] for kind in EDITS}
    try:
        deadline = time.monotonic() + 300
        while "chain_rule.py" not in page():
            if time.monotonic() > deadline or server.poll() is not None:
                return seconds
            time.sleep(0.1)
        for edit in range(edits):
            for kind, (path, old, new) in EDITS.items():
                time.sleep(1.5)  # let the watcher settle after the last build
                marker = f"edit {edit} at {time.time():.0f}"
                start = time.perf_counter()
                path.write_text(originals[kind].replace(old, new.format(marker=marker), 1),
                                encoding="utf-8")
                while marker not in page():
                    if time.perf_counter() - start > 60:
                        print(f"edit -> page: the {kind} edit never reached the page in 60 s "
                              f"(does {path.relative_to(ROOT)} still build when edited?)",
                              file=sys.stderr)
                        return seconds
                    time.sleep(0.02)
                seconds[kind].append(time.perf_counter() - start)
        return seconds
    finally:
        for kind, (path, _, _) in EDITS.items():
            path.write_text(originals[kind], encoding="utf-8")
        server.terminate()
        server.wait(10)


def heaviest_page(site: Path) -> str:
    """The page of the site with the most HTML."""
    pages = [p for p in site.rglob("index.html") if p.parent != site]
    return max(pages, key=lambda p: p.stat().st_size).parent.relative_to(site).as_posix() + "/"


def page_weight(site: Path, path: str) -> dict:
    """A page's transferred bytes and time to math and figures, in Chromium if available."""
    from browser.measure import chromium_path, page_weight_and_visible, serve

    if chromium_path():
        with serve(site, compress=True) as base:  # gzip, as GitHub Pages serves the book
            weight = page_weight_and_visible(base + path)
        with serve(site) as base:
            weight["bytes_uncompressed"] = page_weight_and_visible(base + path)["bytes"]
        with serve(site) as base:
            weight["ms_without_javascript"] = page_weight_and_visible(
                base + path, javascript=False)["ms_to_math_and_figures"]
        return weight
    # Without a browser: the page, its stylesheets and scripts, as files on disk.
    page = site / path / "index.html"
    html = page.read_text(encoding="utf-8")
    size = page.stat().st_size
    for asset in site.rglob("*"):
        if asset.suffix in {".css", ".js"} and asset.name in html:
            size += asset.stat().st_size
    return {"bytes": size, "ms_to_math_and_figures": None, "method": "files on disk"}


def phone_pages(site: Path, repeat: int = 3) -> tuple[list[dict], list[dict]]:
    """Every page loaded cold on a throttled phone (390 px, CPU 4x slower: measure.PHONE);
    the five with the most elements loaded `repeat` times in all, interleaved, medians.
    Returns those five, heaviest first, and every page over the budget (measure.BUDGET)."""
    from browser import measure
    from playwright.sync_api import sync_playwright

    if not measure.chromium_path():
        return [], []
    paths = sorted(p.parent.relative_to(site).as_posix() + "/"
                   for p in site.rglob("index.html"))
    paths = ["" if path == "./" else path for path in paths]
    with measure.serve(site, compress=True) as base, sync_playwright() as playwright:
        browser = measure.launch(playwright)
        loads = {path: [measure.page_speed(browser, base + path)] for path in paths}
        heaviest = sorted(paths, key=lambda path: -loads[path][0]["elements"])[:5]
        for _ in range(repeat - 1):
            for path in heaviest:
                loads[path].append(measure.page_speed(browser, base + path))
        browser.close()

    def median(path: str) -> dict:
        runs = loads[path]
        return {"page": path or "(home)", "elements": runs[0]["elements"],
                "bytes": runs[0]["bytes"], "loads": len(runs),
                **{key: None if None in (values := [run[key] for run in runs])
                   else statistics.median(values) for key in ("lcp_ms", "load_ms", "ready_ms")}}
    budget = measure.BUDGET
    over = [one for one in map(median, paths)
            if one["lcp_ms"] > budget["lcp_ms"] or one["load_ms"] > budget["load_ms"]
            or one["bytes"] > budget["kib"] * 1024]
    return [median(path) for path in heaviest], over


def sandbox_cost(pairs: int = 40) -> tuple[float, float]:
    """What confining a snippet's fork costs: a warm fork that confines itself against one
    that does not, interleaved; medians of the pairs' differences in wall and CPU seconds."""
    from textbook import runner, sandbox

    runner.preload()  # forks of a process as large as the runner
    folder = tempfile.mkdtemp(prefix="bench-sandbox-")

    def fork(confined: bool) -> tuple[float, float]:
        start, cpu = time.perf_counter(), cpu_of_children()
        pid = os.fork()
        if pid == 0:
            if confined:
                sandbox.confine(folder, 30)
            os._exit(0)
        os.waitpid(pid, 0)
        return time.perf_counter() - start, cpu_of_children() - cpu

    pairs_run = [(fork(False), fork(True)) for _ in range(pairs)]
    shutil.rmtree(folder, ignore_errors=True)
    return (statistics.median(b[0] - a[0] for a, b in pairs_run),
            statistics.median(b[1] - a[1] for a, b in pairs_run))


def pdfs(site: Path) -> dict:
    """Seconds of `python -m textbook.pdf` on a fully built site, and both files' bytes."""
    from browser.measure import chromium_path

    from textbook.pdf import BOOK, OUT, QUESTIONS

    if not chromium_path():
        return {}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "textbook.pdf", str(site), "--chromium",
                    chromium_path()], cwd=ROOT, env=ENV, check=True, capture_output=True)
    return {"pdf_build_s": round(time.perf_counter() - start, 2),
            "pdf_book_bytes": (site / OUT / BOOK).stat().st_size,
            "pdf_exercises_bytes": (site / OUT / QUESTIONS).stat().st_size}


def answer_check_cost() -> tuple[int, int, float]:
    """Gzipped bytes of answer-check.js and math.js; seconds evaluating every answer."""
    import contextlib
    import gzip
    import io
    import runpy

    from textbook.answer_check import MATHJS, request, snippet_of
    from textbook.answer_values import evaluate
    from textbook.exercises import find_exercises

    script = ROOT / "docs" / "assets" / "answer-check.js"
    sizes = [len(gzip.compress(path.read_bytes(), 9)) for path in (script, MATHJS)]
    from textbook import runner, sandbox

    runner.preload()  # the runner's forks start warm: sympy's evalf paths are loaded once
    seconds = 0.0
    for exercise in find_exercises(ROOT).values():  # each in a confined fork: stranger code
        folder = tempfile.mkdtemp(prefix="bench-answer-")
        pid = os.fork()
        if pid == 0:
            sandbox.confine(folder, 60)
            with contextlib.redirect_stdout(io.StringIO()):
                namespace = runpy.run_path(str(ROOT / "snippets" / snippet_of(exercise)))
            start = time.perf_counter()
            evaluate(request(exercise), namespace)
            Path(folder, "seconds").write_text(str(time.perf_counter() - start))
            os._exit(0)
        os.waitpid(pid, 0)
        seconds += float(Path(folder, "seconds").read_text() or 0)
        shutil.rmtree(folder, ignore_errors=True)
    return sizes[0], sizes[1], seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="builds per measurement")
    args = parser.parse_args()
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    blocks, files = snippet_jobs()
    jobs = len(files)

    for path in [CACHE, *BUILD_CACHES]:
        shutil.rmtree(path, ignore_errors=True)
    # The engine as bytecode, as pip leaves an installed package (Material's is): where
    # PYTHONDONTWRITEBYTECODE is set, every build would compile its modules again (0.1 s).
    # Checked by the source's hash, not its time: an edit never runs stale bytecode.
    compileall.compile_dir(ROOT / "textbook", quiet=1, force=True,
                           invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
    cold = build(site)
    cold_logs = list(LOGS)
    markdown_exec = markdown_exec_python()
    times, cpu = rounds(args.repeat, site, markdown_exec, files)
    no_exec, executing, warm, bare = (statistics.median(times[name])
                                      for name in ("no_exec", "executing", "warm", "bare"))
    costs = within(times, lambda r: r["executing"] - r["no_exec"])
    cost = statistics.median(costs)
    cpu_cost = statistics.median(within(cpu, lambda r: r["executing"] - r["no_exec"]))
    cores = os.cpu_count() or 1  # core-seconds of the executing build that no process used
    idle = statistics.median(cores * t - c for t, c in zip(times["executing"], cpu["executing"]))
    warm_ratio = statistics.median(within(times, lambda r: r["warm"] / r["no_exec"]))
    notebooks = statistics.median(within(times, lambda r: r["no_exec"] - r["bare"]))
    floor_wall = statistics.median(within(times, lambda r: r["no_exec"] / r["plain"]))
    floor_cpu = statistics.median(within(cpu, lambda r: r["no_exec"] / r["plain"]))
    floor_cold = statistics.median(within(cpu, lambda r: r["no_exec_cold"] / r["plain"]))
    floor_cold_wall = statistics.median(within(times,
                                               lambda r: r["no_exec_cold"] / r["plain"]))
    mdexec_block = (statistics.median(within(cpu, lambda r: r["mdexec"] - r["mdexec_floor"]))
                    / max(blocks, 1) if markdown_exec else None)  # each block, one fence
    code_block = statistics.median(cpu["code"]) / max(blocks, 1)
    # Beyond the code's own work, in the same rounds: each runner's machinery.
    book_beyond = statistics.median(within(
        cpu, lambda r: r["executing"] - r["no_exec"] - r["code"])) / max(blocks, 1)
    mdexec_beyond = (statistics.median(within(
        cpu, lambda r: r["mdexec"] - r["mdexec_floor"] - r["code"])) / max(blocks, 1)
        if markdown_exec else None)
    all_edits = edit_to_page()
    edits, chapter_edits = all_edits["snippet"], all_edits["chapter"]
    edit = statistics.median(edits) if edits else None
    chapter_edit = statistics.median(chapter_edits) if chapter_edits else None
    last_test = last_test_run()
    build(site)  # the whole book again (warm): the rounds end with other builds in `site`
    page = heaviest_page(site)
    weight = page_weight(site, page)
    calculus = page_weight(site, "part-2/calculus/")  # Part II §1, the foundation's chapter
    phone, over_budget = phone_pages(site)
    pdf = pdfs(site)

    per_snippet = cost / max(blocks, 1)
    split = {key: statistics.median(cpu.get(f"executing_{key}", [0.0]))
             for key in ("forks", "figures", "checks", "kernel")}
    # Last: these two load the runner's libraries in this process.
    script_gz, mathjs_gz, answers_s = answer_check_cost()
    sandbox_wall, sandbox_cpu = sandbox_cost()
    results = {
        "snippet_blocks": blocks, "snippet_jobs": jobs,
        "cold_build_s": round(cold, 3), "no_exec_build_s": round(no_exec, 3),
        "executing_build_s": round(executing, 3), "execution_cost_s": round(cost, 3),
        "warm_build_s": round(warm, 3),
        "execution_s_per_snippet_block": round(per_snippet, 4),
        "execution_cpu_s_per_snippet_block": round(cpu_cost / max(blocks, 1), 4),
        "executing_idle_core_s": round(idle, 3),
        "executing_cpu_s_in_forks": {key: round(value, 3) for key, value in split.items()},
        "sandbox_s_per_snippet_file": round(sandbox_wall, 5),
        "sandbox_cpu_s_per_snippet_file": round(sandbox_cpu, 5),
        "warm_over_no_exec": round(warm_ratio, 3),
        "no_exec_without_notebooks_s": round(bare, 3),
        "notebooks_cost_s": round(notebooks, 3),
        "edit_to_page_s": None if edit is None else round(edit, 3),
        "edit_to_page_runs_s": [round(t, 3) for t in edits],
        "chapter_edit_to_page_s": None if chapter_edit is None else round(chapter_edit, 3),
        "chapter_edit_to_page_runs_s": [round(t, 3) for t in chapter_edits],
        "plain_material_build_s": round(statistics.median(times["plain"]), 3),
        "no_exec_over_plain_wall": round(floor_wall, 3),
        "no_exec_over_plain_cpu": round(floor_cpu, 3),
        "no_exec_cold_build_s": round(statistics.median(times["no_exec_cold"]), 3),
        "no_exec_cold_over_plain_cpu": round(floor_cold, 3),
        "no_exec_cold_over_plain_wall": round(floor_cold_wall, 3),
        "markdown_exec_cpu_s_per_snippet_block":
            None if mdexec_block is None else round(mdexec_block, 4),
        "code_alone_cpu_s_per_snippet_block": round(code_block, 4),
        "book_beyond_code_cpu_s_per_snippet_block": round(book_beyond, 4),
        "markdown_exec_beyond_code_cpu_s_per_snippet_block":
            None if mdexec_beyond is None else round(mdexec_beyond, 4),
        "last_make_test": last_test,
        "calculus_page_bytes": calculus["bytes"],
        "calculus_page_bytes_uncompressed": calculus.get("bytes_uncompressed"),
        "heaviest_page": page, "heaviest_page_bytes": weight["bytes"],
        "heaviest_page_bytes_uncompressed": weight.get("bytes_uncompressed"),
        "ms_math_visible_without_javascript": weight.get("ms_without_javascript"),
        "heaviest_page_kib": round(weight["bytes"] / 1024, 1),
        "ms_to_math_and_figures": weight.get("ms_to_math_and_figures"),
        "rounds_s": {name: [round(t, 3) for t in runs] for name, runs in times.items()},
        "rounds_cpu_s": {name: [round(t, 3) for t in runs] for name, runs in cpu.items()},
        "phone_heaviest_pages": phone, "phone_pages_over_budget": over_budget,
        **pdf,
        "answer_check_js_gzip_bytes": script_gz, "mathjs_gzip_bytes": mathjs_gz,
        "answer_evaluation_s": round(answers_s, 3),
        "cold_build_hook_logs": cold_logs,
        "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
    }
    rows = [
        ("snippet blocks / files", f"{blocks} / {jobs}", ""),
        ("cold build (empty caches)", f"{cold:.2f} s", ""),
        ("build, execution off", f"{no_exec:.2f} s", ""),
        ("build, every snippet executed", f"{executing:.2f} s", ""),
        ("  execution per snippet block", f"{per_snippet * 1000:.1f} ms",
         (f"target <= 15 ms; median of {args.repeat} differences within rounds "
          f"({costs[0] / max(blocks, 1) * 1000:.1f} to {costs[-1] / max(blocks, 1) * 1000:.1f})")),
        ("  CPU per snippet block", f"{cpu_cost / max(blocks, 1) * 1000:.0f} ms",
         "all processes' CPU time, executing minus no-exec: the work, whatever the wall time"),
        *([] if "executing_forks" not in cpu else [
            ("    of which the snippets' forks",
             f"{split['forks'] / max(blocks, 1) * 1000:.0f} ms",
             f"their own CPU: drawing figures {split['figures'] / max(blocks, 1) * 1000:.0f} ms"
             f", checking formulas and answers {split['checks'] / max(blocks, 1) * 1000:.0f} ms"
             ", running the code the rest; beside the forks: the runner's start (imports) "
             "and forking, and MkDocs placing the results"),
            ("      of which in the kernel", f"{split['kernel'] / max(blocks, 1) * 1000:.0f} ms",
             "the forks' system time: mostly copying the pages they share with the runner "
             "as they write them and freeing them at exit, which code run in-process never "
             "pays; also the sandbox and their files")]),
        ("  idle core time, executing", f"{idle:.2f} s",
         f"{cores} cores x wall - CPU: what a better overlap of MkDocs and snippets could win"),
        ("  sandbox per snippet file", f"{sandbox_wall * 1000:.1f} ms",
         f"{sandbox_cpu * 1000:.1f} ms CPU; median of 40 interleaved forks, confined minus not"),
        ("warm build (nothing changed)", f"{warm:.2f} s",
         f"{warm_ratio:.2f} x no-exec (median within rounds), target <= 1.2"),
        ("notebooks (plugin + mkdocs-jupyter)", f"{notebooks:.2f} s",
         "no-exec build minus the same without them"),
        ("plain MkDocs + Material (floor)", f"{statistics.median(times['plain']):.2f} s",
         f"search only; {statistics.median(cpu['plain']):.1f} s CPU"),
        ("  book, execution off / floor", f"{floor_cpu:.2f} x",
         f"CPU, median within rounds ({floor_wall:.2f} x wall); target <= 1.5"),
        ("  the same, its build caches empty", f"{floor_cold:.2f} x",
         f"CPU ({floor_cold_wall:.2f} x wall): math, checks, notebook styles, templates, "
         "rendered workbooks all made again"),
        ("CPU per snippet block, markdown-exec",
         "n/a" if mdexec_block is None else f"{mdexec_block * 1000:.0f} ms",
         f"{MARKDOWN_EXEC} in a throwaway venv, each file run once, whole, minus its floor; "
         "target: the book's CPU per snippet block (above) <= this"),
        ("  the snippets' own code", f"{code_block * 1000:.0f} ms",
         "CPU, every file in turn in one plain python: imports and code, no isolation, "
         "no figures saved, no checks"),
        ("  book beyond it", f"{book_beyond * 1000:.0f} ms",
         "median within rounds: figures and checks (above), then forks, sandbox, "
         "copy-on-write, the runner's start, placing the results"),
        ("  markdown-exec beyond it",
         "n/a" if mdexec_beyond is None else f"{mdexec_beyond * 1000:.0f} ms",
         "median within rounds: its machinery, in process (below 0 where the code costs "
         "less inside MkDocs's process than in a fresh python)"),
        ("edit snippet -> page rebuilt", "n/a" if edit is None else f"{edit:.2f} s",
         f"mkdocs serve --dirty, median of {len(edits)} edits"
         + (f" ({min(edits):.2f} to {max(edits):.2f})" if edits else "") + "; target <= 1.5 s"),
        ("edit chapter -> page rebuilt",
         "n/a" if chapter_edit is None else f"{chapter_edit:.2f} s",
         f"a paragraph, median of {len(chapter_edits)} edits, alternating with the above"
         + (f" ({min(chapter_edits):.2f} to {max(chapter_edits):.2f})" if chapter_edits
            else "") + "; target <= 1.5 s"),
        ("last `make test`", "n/a" if not last_test else f"{last_test['seconds']:.0f} s",
         "" if not last_test else
         f"{last_test['tests']} tests on {last_test['cores']} cores, {last_test['when']}, exit "
         f"{last_test['exit']}; target <= 180 s"),
        *suite_cpu_rows(last_test),
        ("§1 page part-2/calculus/", f"{calculus['bytes'] / 1024:.0f} KiB",
         f"gzip; {calculus.get('bytes_uncompressed', calculus['bytes']) / 1024:.0f} KiB "
         "uncompressed"),
        (f"heaviest page {page}", f"{weight['bytes'] / 1024:.0f} KiB",
         "gzip as on GitHub Pages; target <= 400 KiB"),
        ("  the same, uncompressed",
         f"{weight.get('bytes_uncompressed', weight['bytes']) / 1024:.0f} KiB", ""),
        ("  math and figures visible",
         "n/a" if weight.get("ms_to_math_and_figures") is None
         else f"{weight['ms_to_math_and_figures']:.0f} ms", "headless Chromium"),
        ("  math visible, JavaScript off",
         "n/a" if weight.get("ms_without_javascript") is None
         else f"{weight['ms_without_javascript']:.0f} ms", "pre-rendered KaTeX"),
    ]
    if phone:
        rows.append(("phone, 5 heaviest pages", "elements",
                     "390 px, CPU 4x throttled, cold; median of 3: largest contentful paint, "
                     "load event, controls wired; gzip bytes"))
        for one in phone:
            ready = "none" if one["ready_ms"] is None else f"{one['ready_ms'] / 1000:.1f} s"
            rows.append((f"  {one['page']}", f"{one['elements']}",
                         f"LCP {one['lcp_ms'] / 1000:.1f} s, load {one['load_ms'] / 1000:.1f} s, "
                         f"ready {ready}, {one['bytes'] / 1024:.0f} KiB"))
        rows.append(("  pages over budget", f"{len(over_budget)}",
                     "of every page: LCP <= 2.5 s, load <= 4 s, <= 400 KiB gzip"
                     + "".join(f"; {one['page']} LCP {one['lcp_ms']:.0f} ms load "
                               f"{one['load_ms']:.0f} ms {one['bytes'] / 1024:.0f} KiB"
                               for one in over_budget)))
    if pdf:
        rows += [("PDFs printed from the site", f"{pdf['pdf_build_s']:.1f} s",
                  "python -m textbook.pdf: the book twice (page numbers), the exercises"),
                 ("  the whole book", f"{pdf['pdf_book_bytes'] / 1e6:.1f} MB", "target < 15 MB"),
                 ("  the exercises", f"{pdf['pdf_exercises_bytes'] / 1e6:.2f} MB", "")]
    rows += [
        ("answer field script", f"{(script_gz + mathjs_gz) / 1024:.0f} KiB",
         f"gzip: answer-check.js {script_gz} B + math.js {mathjs_gz / 1024:.0f} KiB, "
         "loaded only where a page has an exercise"),
        ("  answers at seeded points", f"{answers_s:.2f} s",
         "CPU the runner spends evaluating every exercise's answer (split over its forks)"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>10}  {note}")
    for line in cold_logs:
        print(f"cold build, {line}")
    (ROOT / "bench-results.json").write_text(json.dumps(results, indent=2) + "\n",
                                             encoding="utf-8")
    shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
