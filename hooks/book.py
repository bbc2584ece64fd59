"""MkDocs hook: execute the book's snippets and typeset its math during the build.

Markdown syntax it expands (see CONTRIBUTING.md):

    ```python exec="on" alt="text for a figure"
    --8<-- "part_2/calculus/power_rule.py:positive"
    ```

    $$ \\frac{d}{dx} x^3 = \\computed{part_2/calculus/power_rule.py:cube} $$

Every failure stops the build with a message naming the chapter file and line and
the snippet file and line; nothing of a failed snippet is written onto a page.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import platform
import queue
import re
import subprocess
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from markdown import Markdown
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from runner_plugin import EXECUTE, runner  # beside this file: MkDocs puts it on sys.path

log = logging.getLogger("mkdocs.hooks.book")

HOOKS = Path(__file__).resolve().parent
KATEX = HOOKS.parent / "node_modules" / "katex" / "dist"
# Set from the configuration file's folder in on_config (a test may build another project).
ROOT = HOOKS.parent
SNIPPETS = ROOT / "snippets"
CACHE = ROOT / ".cache" / "book"
TIMEOUT = float(os.environ.get("BOOK_TIMEOUT", "30"))  # seconds a snippet may run

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*python\b(?P<attrs>.*)$")
ATTR = re.compile(r'([\w-]+)="([^"]*)"')
INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"(?P<path>[^":]+):(?P<section>[\w-]+)"[ \t]*$')
COMPUTED = re.compile(r"\\computed\{(?P<path>[^}:]+):(?P<name>\w+)\}")
MARKER = re.compile(r"^\s*# --8<-- \[(?P<kind>start|end):(?P<name>[\w-]+)\]\s*$")
FIGURE = re.compile(r"<!-- book-figure (?P<index>\d+) -->")
PENDING = re.compile(r"<!-- book-output (?P<index>\d+) -->|\\bookvalue\{(?P<value>\d+)\}")
MATH = re.compile(
    r'<span class="arithmatex">\\\((?P<inline>.*?)\\\)</span>'
    r'|<div class="arithmatex">\\\[(?P<display>.*?)\\\]</div>',
    re.S,
)


class BookError(PluginError):
    """A build failure whose message names the files and lines at fault."""


# --- Snippet files ----------------------------------------------------------------


def parse_sections(path: str, text: str) -> dict[str, tuple[int, int]]:
    """Each named section of a snippet file: its first and last line of code (1-based)."""
    open_at: dict[str, int] = {}
    sections: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = MARKER.match(line)
        if not match:
            continue
        name = match["name"]
        if match["kind"] == "start":
            if open_at:
                raise LookupError(f"snippets/{path}:{number}: section {name!r} starts inside "
                                  f"section {next(iter(open_at))!r}")
            open_at[name] = number + 1
        elif name in open_at:
            sections[name] = (open_at.pop(name), number - 1)
    return sections


def read_section(path: str, section: str, text: str | None = None) -> tuple[str, int]:
    """Code between `# --8<-- [start:section]` and `[end:section]`, and its first line."""
    file = SNIPPETS / path
    if text is None:
        if not file.is_file():
            raise FileNotFoundError(f"no snippet file snippets/{path}")
        text = file.read_text(encoding="utf-8")
    sections = parse_sections(path, text)
    if section not in sections:
        raise LookupError(f"snippets/{path} has no section [start:{section}] ... [end:{section}]")
    first, last = sections[section]
    lines = text.splitlines()[first - 1:last]
    while lines and not lines[0].strip():  # blank lines at the edges are not shown
        lines, first = lines[1:], first + 1
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return "\n".join(lines) + "\n", first


@dataclass
class Block:
    """One `exec` fence of a chapter, with where it stands and what it includes."""

    page: str  # chapter path relative to docs/
    line: int  # line of the opening fence in the chapter
    start: int  # index of the opening fence line
    stop: int  # index just after the closing fence line
    indent: str
    attrs: dict[str, str]
    path: str
    section: str

    @property
    def where(self) -> str:
        return f"docs/{self.page}:{self.line}"


def find_blocks(page: str, markdown: str) -> list[Block]:
    """Every ```python exec="on"``` fence of a chapter; a malformed one is an error."""
    lines = markdown.splitlines()
    blocks, i = [], 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        fence, indent = match["fence"], match["indent"]
        close = next((j for j in range(i + 1, len(lines))
                      if lines[j].strip() == fence), None)
        if close is None:
            raise BookError(f"docs/{page}:{i + 1}: code fence is never closed")
        attrs = dict(ATTR.findall(match["attrs"]))
        if attrs.get("exec") in {"on", "1", "true"}:
            body = [line for line in lines[i + 1:close] if line.strip()]
            include = INCLUDE.match(body[0]) if len(body) == 1 else None
            if not include:
                raise BookError(f"docs/{page}:{i + 1}: an exec block holds exactly one line "
                                '--8<-- "path/to/snippet.py:section"')
            blocks.append(Block(page, i + 1, i, close + 1, indent, attrs,
                                include["path"], include["section"]))
        i = close + 1
    return blocks


def find_computed(markdown: str) -> list[tuple[str, str, int]]:
    """Every \\computed{path:name} of a chapter, with its line."""
    return [(m["path"], m["name"], markdown.count("\n", 0, m.start()) + 1)
            for m in COMPUTED.finditer(markdown)]


# --- Running snippets -------------------------------------------------------------


def read_json(path: Path):
    """A cache file's content, or None when it is missing or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def figure_html(svg: str, alt: str) -> str:
    """A drawn figure on a page: inline SVG in the book's figure box, labelled by `alt`."""
    label = html.escape(alt, quote=True)
    return ('<figure class="snippet-figure">'
            + svg.replace("<svg", f'<svg role="img" aria-label="{label}"', 1) + "</figure>")


def write_atomic(path: Path, text: str) -> None:
    """Write a cache file so that a concurrent build never reads half of it."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def fingerprint() -> str:
    """What a cached result depends on besides the code: runner and library versions."""
    parts = [platform.python_version()]
    parts += [metadata.version(name) for name in ("numpy", "sympy", "matplotlib")]
    parts += [(HOOKS / name).read_text(encoding="utf-8")
              for name in ("snippet_runner.py", "capture_backend.py")]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


@dataclass
class Job:
    """One snippet file to run once, alone: its sections' output, its checks, its values."""

    path: str
    code: str
    sections: dict[str, tuple[int, int]]
    export: list[str]  # names whose values the prose shows
    key: str = ""
    result: dict | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def payload(self) -> dict:
        return {"id": self.key, "path": f"snippets/{self.path}", "code": self.code,
                "sections": sorted([name, *lines] for name, lines in self.sections.items()),
                "timeout": TIMEOUT, "export": self.export, "figure_prefix": self.key[:8]}

    def shown(self, section: str) -> Job:
        """What a reader sees of one section: its code, and what it printed and drew."""
        code, first = read_section(self.path, section, self.code)
        part = (self.result or {}).get("sections", {}).get(section, {})
        shown = Job(self.path, code, {}, [], key=f"{self.key}-{section}",
                    result={"error": None, "stderr": "", "values": {},
                            "stdout": part.get("stdout", ""),
                            "figures": part.get("figures", [])})
        shown.done.set()
        return shown


@dataclass
class Pending:
    """Something a page shows once its snippet has run: a block's output, or a value."""

    page: str
    line: int  # in the chapter
    job: Job
    block: Block | None = None
    value: str = ""  # the name of an exported value
    source: str = ""  # how the chapter wrote the value: \computed{path:name}


class Executor:
    """Runs jobs in the forking runner, at most once per content, with a disk cache."""

    def __init__(self):
        self.salt = fingerprint()
        self.jobs: dict[str, Job] = {}
        self.process: subprocess.Popen | None = None
        self.lock = threading.Lock()
        self.executed = self.cached = 0
        (CACHE / "snippets").mkdir(parents=True, exist_ok=True)

    def submit(self, job: Job) -> Job:
        """Queue a job unless the same code already ran in this session or is cached."""
        payload = job.payload()
        payload.pop("id"), payload.pop("figure_prefix")
        job.key = hashlib.sha256((self.salt + json.dumps(payload, sort_keys=True)).encode()
                                 ).hexdigest()[:24]
        if job.key in self.jobs:
            return self.jobs[job.key]
        self.jobs[job.key] = job
        cached = read_json(CACHE / "snippets" / f"{job.key}.json")
        if cached is not None:
            job.result = cached
            job.done.set()
            self.cached += 1
            return job
        with self.lock:
            if self.process is None:
                self.start()
            self.outbox.put(json.dumps(job.payload()) + "\n")
        self.executed += 1
        return job

    def start(self) -> None:
        """Take over the runner the snippet-runner plugin started, or start one now."""
        self.process = runner(ROOT)
        self.outbox: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        threading.Thread(target=self.read, args=(self.process,), daemon=True).start()
        threading.Thread(target=self.write, args=(self.process, self.outbox),
                         daemon=True).start()

    def write(self, process: subprocess.Popen, outbox: queue.SimpleQueue) -> None:
        """Hand jobs to the runner. A thread of its own: until the runner has imported its
        libraries it reads nothing, and a full pipe would stall the build that long."""
        try:
            while (line := outbox.get()) is not None:
                process.stdin.write(line)
                process.stdin.flush()
            process.stdin.close()
        except (BrokenPipeError, ValueError):
            pass  # the runner was stopped: `read` marks its jobs failed

    def read(self, process: subprocess.Popen) -> None:
        """Hand each result line to its job; mark every job failed if the runner dies."""
        for line in process.stdout:
            result = json.loads(line)
            job = self.jobs.get(result.get("id"))
            if job is None:
                continue
            job.result = result
            if not result["error"] and not result["stderr"]:
                write_atomic(CACHE / "snippets" / f"{job.key}.json", json.dumps(result))
            job.done.set()
        for job in self.jobs.values():
            if not job.done.is_set():
                job.result = {"error": "the snippet runner stopped", "stdout": "",
                              "stderr": "", "figures": [], "values": {}}
                job.done.set()

    def wait(self, job: Job) -> dict:
        if not job.done.wait(TIMEOUT * 4 + 60):
            raise BookError(f"snippets/{job.path}: no result from the snippet runner")
        return job.result

    def close(self) -> None:
        if self.process is not None:
            self.outbox.put(None)  # the writer closes stdin once every job is sent
            self.process.wait(10)
            self.process = None

    def stop(self) -> None:
        """Stop an idle runner at once, even while it is still importing its libraries."""
        if self.process is not None:
            self.outbox.put(None)  # and its writer thread
            self.process.kill()
            self.process.wait(10)
            self.process = None


# --- Typesetting math -------------------------------------------------------------


def searchless(math: str) -> str:
    """KaTeX's HTML, kept out of the search index (its TeX source would show in results)."""
    return math.replace('<span class="katex">', '<span class="katex" data-search-exclude>', 1)


class Katex:
    """TeX to HTML through one Node.js process per build, with a disk cache."""

    def __init__(self):
        self.file = CACHE / "katex.json"
        self.cache: dict[str, dict] = read_json(self.file) or {}
        self.process: subprocess.Popen | None = None

    def render(self, items: list[tuple[str, bool]]) -> list[dict]:
        keys = [("D" if display else "I") + tex for tex, display in items]
        missing = sorted({k for k in keys if k not in self.cache})
        if missing:
            if self.process is None:
                if not (KATEX / "katex.min.js").is_file():
                    raise BookError("KaTeX is not installed: run `npm ci` in the repository root")
                self.process = subprocess.Popen(
                    ["node", str(HOOKS / "katex_render.cjs")], cwd=ROOT, text=True,
                    encoding="utf-8", stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            self.process.stdin.write(json.dumps([[k[1:], k[0] == "D"] for k in missing]) + "\n")
            self.process.stdin.flush()
            answers = json.loads(self.process.stdout.readline())
            for key, answer in zip(missing, answers):
                self.cache[key] = answer
        return [{"html": searchless(self.cache[k]["html"])} if "html" in self.cache[k]
                else self.cache[k] for k in keys]

    def close(self) -> None:
        if self.process is not None:
            self.process.stdin.close()
            self.process.wait(10)
            self.process = None
        # Every typeset formula stays (builds with and without execution share the file);
        # `make clean` empties it.
        good = {k: v for k, v in self.cache.items() if "html" in v}
        write_atomic(self.file, json.dumps(good))


# --- The build --------------------------------------------------------------------


class Book:
    """State of one build: the chapters' blocks, their files' jobs and the math renderer."""

    def __init__(self, executor: Executor | None, config):
        self.executor = executor
        self.blocks: dict[str, list[Block]] = {}
        self.files: dict[str, Job] = {}  # snippet path -> the job that ran the whole file
        self.exports: dict[str, set[str]] = {}  # snippet path -> names the prose uses
        self.errors: dict[str, str] = {}  # chapter -> error found while scanning
        self.urgent: list[str] = []  # snippet files to run before the others
        self.pending: list[Pending] = []  # by the number of its marker on a page
        self.figures: list[str] = []  # figure HTML, by the number of its marker
        self.converter = Markdown(extensions=config.markdown_extensions,
                                  extension_configs=config.mdx_configs)
        self.katex = Katex()
        self.started = time.perf_counter()

    def scan(self, page: str, markdown: str) -> None:
        """Find a chapter's snippets, so that all of them run while pages render."""
        try:
            blocks = self.blocks[page] = find_blocks(page, markdown)
        except BookError as err:
            self.errors[page] = str(err)
            return
        for block in blocks:
            self.exports.setdefault(block.path, set())
        for path, name, _ in find_computed(markdown):
            self.exports.setdefault(path, set()).add(name)

    def first(self, paths: list[str]) -> None:
        """Run these snippet files before the others: a page being read needs them."""
        self.urgent += [path for path in paths if path not in self.urgent]

    def submit(self) -> None:
        """Queue every snippet file that a chapter uses; missing ones fail with their page."""
        if self.executor is None:
            return
        # The urgent ones, then the others in the order the pages will be built.
        for path in dict.fromkeys([p for p in self.urgent if p in self.exports]
                                  + list(self.exports)):
            try:
                self.file_job(path, set())
            except (OSError, LookupError):
                pass  # reported with the chapter's file and line when the page is built

    def file_job(self, path: str, names: set[str]) -> Job:
        """The job that runs a snippet file as it is now, exporting `names` and more."""
        file = SNIPPETS / path
        if not file.is_file():
            raise FileNotFoundError(f"no snippet file snippets/{path}")
        code = file.read_text(encoding="utf-8")
        names = names | self.exports.get(path, set())
        job = self.files.get(path)
        if job is None or job.code != code or not names <= set(job.export):
            job = Job(path, code, parse_sections(path, code), sorted(names))
            job = self.files[path] = self.executor.submit(job)
        return job

    def failure(self, where: str, job: Job, result: dict) -> str:
        """The message for a snippet file that raised, wrote to stderr or timed out."""
        detail = result["error"] or f"it wrote to stderr:\n{result['stderr']}"
        section = result.get("failed_section")
        if section:
            what = f"snippets/{job.path}:{section}"
        elif detail.startswith("TimeoutError"):
            what = f"snippets/{job.path}"
        else:
            what = f"the checks of snippets/{job.path}"
        return f"{where}: {what} failed\n{detail.rstrip()}"

    def page_markdown(self, page: str, markdown: str) -> str:
        """Put each exec block's code on the page, and a marker where its output will go.

        Nothing waits for a snippet here: outputs, figures and \\computed{} values are put
        in by `page_context`, once every page is read, so snippets run while pages render.
        """
        if page in self.errors:
            raise BookError(self.errors[page])
        errors: list[str] = []

        def computed(match: re.Match) -> str:
            line = markdown.count("\n", 0, match.start()) + 1
            path, name = match["path"], match["name"]
            if self.executor is None:
                return r"\boxed{?}"
            try:
                job = self.file_job(path, {name})
            except (OSError, LookupError) as err:
                errors.append(f"docs/{page}:{line}: \\computed: {err}")
                return ""
            self.pending.append(Pending(page, line, job, value=name, source=match[0]))
            return f"\\bookvalue{{{len(self.pending) - 1}}}"

        # Values first: they replace text within lines, so line numbers stay the source's.
        markdown = COMPUTED.sub(computed, markdown)
        lines = markdown.splitlines()
        for block in reversed(find_blocks(page, markdown)):
            lines[block.start:block.stop] = self.render_block(block, errors).splitlines()
        if errors:
            raise BookError("\n\n".join(dict.fromkeys(errors)))
        return "\n".join(lines) + "\n"

    def render_block(self, block: Block, errors: list[str]) -> str:
        """Markdown for one snippet section: its code, and a marker for its output."""
        try:
            if self.executor is None:
                job = None
                code = read_section(block.path, block.section)[0]
            else:
                job = self.file_job(block.path, set())
                code = read_section(block.path, block.section, job.code)[0]
        except (OSError, LookupError) as err:
            errors.append(f"{block.where}: {err}")
            return ""
        title = block.attrs.get("title", Path(block.path).name)
        parts = [f'<div class="snippet" data-snippet="{block.path}:{block.section}" markdown>',
                 "", f'```python title="{title}"', code.rstrip("\n"), "```", ""]
        if job is not None:  # raw HTML would not survive Markdown: a marker holds its place
            self.pending.append(Pending(block.page, block.line, job, block=block))
            parts += [f"<!-- book-output {len(self.pending) - 1} -->", ""]
        parts.append("</div>")
        lines = "\n".join(parts).split("\n")
        return "\n".join(block.indent + line if line else "" for line in lines)

    def shown(self, path: str, section: str) -> Job | None:
        """A section as the chapter shows it (its code, output and figures), once run."""
        job = self.files.get(path)
        if job is None:
            return None
        self.executor.wait(job)
        return job.shown(section)

    def output_html(self, block: Block, job: Job, errors: list[str]) -> str:
        """HTML for what one section printed and drew."""
        shown = job.shown(block.section)
        stdout, figures = shown.result["stdout"], shown.result["figures"]
        parts = []
        if stdout:
            ticks = max((len(m) for m in re.findall(r"`+", stdout)), default=0)
            fence = "`" * max(3, ticks + 1)
            parts.append(self.converter.reset().convert(
                f'{fence}{{ .text .no-copy .snippet-output title="Output" }}\n'
                f"{stdout.rstrip(chr(10))}\n{fence}\n"))
        if figures and not block.attrs.get("alt"):
            errors.append(f"{block.where}: snippets/{block.path}:{block.section} draws a "
                          'figure: give the block alt="..." text describing it')
        for svg in figures:  # a marker until the search plugin has indexed the page
            self.figures.append(figure_html(svg, block.attrs.get("alt", "")))
            parts.append(f"<!-- book-figure {len(self.figures) - 1} -->")
        return "\n".join(parts)

    def page_context(self, page: str, source: str, content: str) -> str:
        """Insert outputs, figures and values, then typeset every formula of the page."""
        errors: list[str] = []
        failed: dict[str, tuple[int, Job, dict]] = {}  # a failed file's first line here

        def insert(match: re.Match) -> str:
            item = self.pending[int(match["index"] or match["value"])]
            result = self.executor.wait(item.job)
            if result["error"] or result["stderr"]:
                if item.job.path not in failed or item.line < failed[item.job.path][0]:
                    failed[item.job.path] = (item.line, item.job, result)
                return ""
            if item.block is not None:
                return self.output_html(item.block, item.job, errors)
            if item.value not in result["values"]:
                errors.append(f"docs/{page}:{item.line}: snippets/{item.job.path} "
                              f"gave no value {item.value!r}")
                return ""
            return html.escape("{" + result["values"][item.value] + "}", quote=False)

        # Each formula's TeX before the values go in, to find its line in the chapter.
        raw = [m["inline"] if m["display"] is None else m["display"]
               for m in MATH.finditer(content)]
        content = PENDING.sub(insert, content)
        errors += [self.failure(f"docs/{page}:{line}", job, result)
                   for line, job, result in failed.values()]
        if errors:
            raise BookError("\n\n".join(dict.fromkeys(errors)))
        found = list(MATH.finditer(content))
        if not found:
            return content
        items = [(html.unescape(m["inline"] if m["display"] is None else m["display"]).strip(),
                  m["display"] is not None) for m in found]
        answers = self.katex.render(items)
        for (tex, _), answer, written in zip(items, answers, raw):
            if "error" in answer:
                written = PENDING.sub(lambda m: self.pending[int(m["value"])].source, written)
                first = html.unescape(written).strip().splitlines()[0].strip()
                line = next((n for n, text in enumerate(source.splitlines(), 1)
                             if first in text), "?")
                errors.append(f"docs/{page}:{line}: KaTeX cannot typeset ${tex}$: "
                              f"{answer['error']}")
        if errors:
            raise BookError("\n".join(errors))
        pieces, last = [], 0
        for match, answer in zip(found, answers):
            math = answer["html"]
            if match["display"] is not None:  # a box that scrolls a long equation alone
                math = f'<div class="math-display">{math}</div>'
            pieces += [content[last:match.start()], math]
            last = match.end()
        return "".join(pieces) + content[last:]

    def typeset_toc(self, items) -> None:
        """Typeset math in table-of-contents titles (Material shows `typeset.title`)."""
        for item in items:
            if "\\(" in item.title:
                parts = re.split(r"\\\((.*?)\\\)", item.title)
                texs = [(html.unescape(t), False) for t in parts[1::2]]
                answers = self.katex.render(texs)
                if all("html" in a for a in answers):
                    parts[1::2] = [a["html"] for a in answers]
                    item.typeset = {"title": "".join(parts)}
            self.typeset_toc(item.children)

    def close(self) -> None:
        self.katex.close()
        if self.executor is not None:
            log.info("snippets: %d executed, %d from cache, %.2f s",
                     self.executor.executed, self.executor.cached,
                     time.perf_counter() - self.started)


# --- MkDocs events ----------------------------------------------------------------

_executor: Executor | None = None  # lives as long as `mkdocs serve`, reused by rebuilds
_book: Book | None = None
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_shutdown():
    if _executor is not None:
        _executor.close()


def on_config(config):
    """Find the project's snippets and cache; serve KaTeX's stylesheet from the site itself."""
    global ROOT, SNIPPETS, CACHE
    ROOT = Path(config.config_file_path).resolve().parent
    SNIPPETS, CACHE = ROOT / "snippets", ROOT / ".cache" / "book"
    config.extra_css.insert(0, "assets/katex/katex.min.css")
    global _executor
    if EXECUTE and _executor is None:  # one runner for a build, or for all rebuilds of serve
        _executor = Executor()
    if EXECUTE and (_executor.process is None or _executor.process.poll() is not None):
        _executor.start()  # it imports its libraries while MkDocs reads the files
    return config


def on_files(files: Files, config) -> Files:
    """Add KaTeX's CSS and fonts to the site; find every chapter's snippets."""
    global _book
    _book = Book(_executor if EXECUTE else None, config)
    if _executor is not None:
        _executor.executed = _executor.cached = 0
    if not (KATEX / "katex.min.css").is_file():
        raise BookError("KaTeX is not installed: run `npm ci` in the repository root")
    for asset in [KATEX / "katex.min.css", *sorted((KATEX / "fonts").iterdir())]:
        uri = f"assets/katex/{asset.relative_to(KATEX).as_posix()}"
        files.append(File.generated(config, uri, abs_src_path=str(asset)))
    for file in files.documentation_pages():
        _book.scan(file.src_uri, Path(file.abs_src_path).read_text(encoding="utf-8"))
    return files


@event_priority(-100)  # after other hooks have said which snippets they need first
def on_nav(nav, config, files):
    """Queue every chapter's snippets: they run while the pages are read."""
    _book.submit()
    if _executor is not None and not _executor.executed and not _serving:
        _executor.stop()  # every result came from the cache
    return nav


def on_page_markdown(markdown, page, config, files):
    return _book.page_markdown(page.file.src_uri, markdown)


def on_page_content(content, page, config, files):
    _book.typeset_toc(page.toc)
    return content


def on_env(env, config, files):
    """Write the pages that wait for no snippet first (home, reference, workbooks), then
    the chapters in the order their snippets run: a page written while snippets still run
    is not left over for the end, when the snippets are done and a core has nothing to do.
    """
    waiting = {item.page for item in _book.pending}
    for file in [f for f in files.documentation_pages() if f.src_uri in waiting]:
        files.remove(file)  # MkDocs writes pages in the order of `files`
        files.append(file)
    return env


@event_priority(100)  # before the search plugin indexes the page
def on_page_context(context, page, config, nav):
    """Every page is read: put in what snippets printed and drew, and typeset the math."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    page.content = _book.page_context(page.file.src_uri, source, page.content)
    return context


def on_post_page(output, page, config):
    """Figures go in last: the search index has no use for their SVG, and is faster so."""
    return FIGURE.sub(lambda m: _book.figures[int(m["index"])], output)


def on_post_build(config):
    _book.close()


def on_build_error(error):
    if _book is not None:
        _book.katex.close()
