"""One build of the book's pages: snippet outputs, \\computed{} values and typeset math.

Pages are read without waiting for snippets: `page_markdown` leaves a marker where an
output or value will go, and `page_context` puts them in once every page is read. Every
failure stops the build with a message naming the chapter file and line and the snippet
file and line; nothing of a failed snippet is written onto a page.
"""

from __future__ import annotations

import html
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markdown import Markdown

from . import drawn
from .build_info import BuildInfo, restamp, stand_in_for
from .equations import Equations, counts, strip_markers
from .errors import BookError
from .executor import Executor, Job
from .figure_record import FigureRecord
from .figures import figure_html
from .highlighting import remember
from .katex import Katex, place
from .memo import PACKAGE, Memo, salt
from .rendered import Rendered
from .sections import (
    COMPUTED,
    Block,
    find_blocks,
    find_computed,
    include_errors,
    parse_sections,
    read_section,
    read_snippet,
)
from .verification import verification

log = logging.getLogger("mkdocs.plugins.book")

COUNTS = re.compile(r"^([ \t]*)<!-- book:equation-counts -->$", re.M)  # the home page's table
FIGURE = re.compile(r"<!-- book-(?:figure|checks) (?P<index>\d+) -->")  # see `figures`
PENDING = re.compile(r"<!-- book-output (?P<index>\d+) -->|\\bookvalue\{(?P<value>\d+)\}")
MATH = re.compile(
    r'<span class="arithmatex">\\\((?P<inline>.*?)\\\)</span>'
    r'|<div class="arithmatex">\\\[(?P<display>.*?)\\\]</div>',
    re.S,
)


@dataclass
class Pending:
    """Something a page shows once its snippet has run: a block's output, or a value."""

    page: str
    line: int  # in the chapter
    job: Job
    block: Block | None = None
    value: str = ""  # the name of an exported value
    source: str = ""  # how the chapter wrote the value: \computed{path:name}


def failing_part(result: dict) -> tuple[str | None, str]:
    """The section that failed (or wrote to stderr), else the lines outside sections."""
    if result["error"]:
        return result.get("failed_section"), result.get("failed_lines", "")
    section, lines = result.get("stderr_part") or (None, "")
    return section, lines


class Book:
    """State of one build: the chapters' blocks, their files' jobs and the math renderer."""

    def __init__(self, executor: Executor | None, config, root: Path, build: BuildInfo,
                 serving: bool = False):
        self.executor = executor
        self.build = build  # commit, date and versions: file links and the stamp
        self.stand_in = stand_in_for(build)  # the stamp of what is kept across commits
        self.snippets = root / "snippets"
        self.record = FigureRecord(self.snippets, strict=not serving)  # warnings under serve
        self.blocks: dict[str, list[Block]] = {}
        self.files: dict[str, Job] = {}  # snippet path -> the job that ran the whole file
        self.exports: dict[str, set[str]] = {}  # snippet path -> names the prose uses
        self.uses: dict[str, set[str]] = {}  # chapter -> the snippet files it shows or quotes
        self.counting: set[str] = set()  # chapters with the table of equation counts
        self.waiting: set[str] = set()  # chapters with an output or value to wait for
        self.partial = False  # this build renders only the pages an edit touched
        self.errors: dict[str, str] = {}  # chapter -> error found while scanning
        self.answers: dict[str, list[dict]] = {}  # snippet path -> exercise answers to evaluate
        self.urgent: list[str] = []  # snippet files to run before the others
        self.pending: list[Pending] = []  # by the number of its marker on a page
        # HTML put in after the search index has read the page (figures, and each block's
        # file link and checks), by the number of its marker
        self.figures: list[str] = []
        self.converter = Markdown(extensions=config.markdown_extensions,
                                  extension_configs=config.mdx_configs)
        self.katex = Katex(root)
        # The HTML under each block (its file link and checks), kept across builds: it
        # depends on the file, the commit and the Markdown extensions.
        markdown = json.dumps([config.markdown_extensions, config.mdx_configs],
                              default=repr, sort_keys=True)
        self.checks = Memo(root / ".cache" / "book" / "checks.json", salt(
            markdown, sources=("verification.py",),
            packages=("markdown", "pymdown-extensions", "pygments")))
        self.highlighted = remember(root)  # Pygments' HTML, kept across builds
        self.rendered = Rendered(root, config)  # each chapter's HTML, likewise
        self.includes = "pymdownx.snippets" in config.markdown_extensions  # --8<-- elsewhere
        self.equations = Equations(Memo(root / ".cache" / "book" / "formulas.json", salt(
            sources=tuple(sorted(p.name for p in PACKAGE.glob("*.py"))))))
        self.started = time.perf_counter()

    def scan(self, page: str, markdown: str) -> None:
        """Find a chapter's snippets, so that all of them run while pages render."""
        try:
            blocks = self.blocks[page] = find_blocks(page, markdown)
        except BookError as err:
            self.errors[page] = str(err)
            return
        uses = self.uses[page] = set()
        for block in blocks:
            self.exports.setdefault(block.path, set())
            uses.add(block.path)
        computed = find_computed(markdown)
        for path, name, _ in computed:
            self.exports.setdefault(path, set()).add(name)
            uses.add(path)
        for formula in self.equations.scan(page, markdown):
            if formula.path:
                self.exports.setdefault(formula.path, set())
                uses.add(formula.path)
        if COUNTS.search(markdown):
            self.counting.add(page)
        if self.executor is not None and (blocks or computed):
            self.waiting.add(page)

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
        code = read_snippet(self.snippets, path)
        names = names | self.exports.get(path, set())
        formulas, answers = self.equations.payloads(path), self.answers.get(path, [])
        formulas += drawn.payloads(path, code)  # the formulas its figures draw
        job = self.files.get(path)
        if (job is None or job.code != code or not names <= set(job.export)
                or job.formulas != formulas or job.answers != answers):
            job = Job(path, code, parse_sections(path, code), sorted(names), formulas=formulas,
                      answers=answers)
            job = self.files[path] = self.executor.submit(job)
        return job

    def failure(self, where: str, job: Job, result: dict) -> str:
        """The message for a snippet file that raised, wrote to stderr or timed out."""
        section, lines = failing_part(result)
        detail = result["error"] or f"it wrote to stderr:\n{result['stderr']}"
        if section:
            what = f"snippets/{job.path}:{section} failed"
            shown = [block.where for blocks in self.blocks.values() for block in blocks
                     if block.path == job.path and block.section == section]
            page = where.rpartition(":")[0]
            if shown and not any(w.startswith(page + ":") for w in shown):
                what += f" (shown at {shown[0]})"  # this page only reads the file
        elif lines:
            what = f"snippets/{job.path}, lines {lines} (outside the shown sections) failed"
        else:
            what = f"snippets/{job.path} failed"
        return f"{where}: {what}\n{detail.rstrip()}"

    def page_markdown(self, page: str, markdown: str) -> str:
        """Put each exec block's code on the page, and a marker where its output will go.

        Nothing waits for a snippet here: outputs, figures and \\computed{} values are put
        in by `page_context`, once every page is read, so snippets run while pages render.
        """
        if page in self.errors:
            raise BookError(self.errors[page])
        errors: list[str] = list(self.equations.errors.get(page, []))
        named = {}  # each snippet file the page's `check:` lines name, at its first formula
        for formula in self.equations.pages.get(page, []):
            if formula.kind == "checked":
                named.setdefault(formula.path, formula)
        for path, formula in named.items():
            try:
                read_snippet(self.snippets, path)
            except (OSError, LookupError) as err:
                errors.append(f"{formula.where}: check: {err}")
        if self.includes:
            errors += include_errors(page, markdown, self.snippets)
        markdown = COUNTS.sub(lambda m: "\n".join(m[1] + row for row in
                                                  self.equations.table().splitlines()),
                              markdown)

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
        return strip_markers("\n".join(lines) + "\n")

    def render_block(self, block: Block, errors: list[str]) -> str:
        """Markdown for one snippet section: its code, a marker for its output, and one for
        its file link and checks."""
        try:
            if self.executor is None:
                job, text = None, read_snippet(self.snippets, block.path)
            else:
                job = self.file_job(block.path, set())
                text = job.code
            code = read_section(block.path, block.section, text)[0]
        except (OSError, LookupError) as err:
            errors.append(f"{block.where}: {err}")
            return ""
        title = block.attrs.get("title", Path(block.path).name)
        parts = [f'<div class="snippet" data-snippet="{block.path}:{block.section}" markdown>',
                 "", f'```python title="{title}"', code.rstrip("\n"), "```", ""]
        if job is not None:  # raw HTML would not survive Markdown: a marker holds its place
            self.pending.append(Pending(block.page, block.line, job, block=block))
            parts += [f"<!-- book-output {len(self.pending) - 1} -->", ""]
        # HTML, not Markdown: raw HTML in an indented answer box would not survive Markdown
        # Kept with a stand-in stamp: a new commit makes none of them again.
        self.figures.append(restamp(self.checks.get(
            (block.path, text, self.stand_in.blob_url(f"snippets/{block.path}"),
             self.stand_in.short),
            lambda: verification(block.path, text, self.stand_in,
                                 self.converter.reset().convert)), self.stand_in, self.build))
        parts += [f"<!-- book-checks {len(self.figures) - 1} -->", "", "</div>"]
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
        lead = next((b for bs in self.blocks.values() for b in bs if b.path == block.path),
                    block)  # the file's first block in the book, which reports its table
        errors += drawn.problems(block.where, job, block.section,
                                 lead=(lead.page, lead.line) == (block.page, block.line))
        if figures and not block.alt:
            errors.append(f"{block.where}: snippets/{block.path}:{block.section} draws a "
                          'figure: give the block alt="..." text describing it')
        for k, svg in enumerate(figures, 1):  # a marker until search has indexed the page
            problem = self.record.check(f"{block.path}:{block.section}:{k}", svg)
            if problem and self.record.strict:
                errors.append(f"{block.where}: {problem}")
            elif problem:
                log.warning("%s: %s", block.where, problem)
            self.figures.append(figure_html(svg, block.alt))
            parts.append(f"<!-- book-figure {len(self.figures) - 1} -->")
        return "\n".join(parts)

    def page_context(self, page: str, source: str, content: str,
                     hold: Callable[[str], str] = str) -> str:
        """Insert outputs, figures and values, then typeset every formula of the page
        (each formula's HTML as `hold` gives it: search_text.SearchText.formula)."""
        errors: list[str] = []
        failed: dict[str, tuple[int, Job, dict]] = {}  # a failed file's first line here

        def insert(match: re.Match) -> str:
            item = self.pending[int(match["index"] or match["value"])]
            result = self.executor.wait(item.job)
            if result["error"] or result["stderr"]:
                # The block of the section that failed, else the file's first line here.
                rank = (item.block is None or item.block.section != failing_part(result)[0],
                        item.line)
                if item.job.path not in failed or rank < failed[item.job.path][0]:
                    failed[item.job.path] = (rank, item.job, result)
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
        results = {}  # the page's equations are checked by their snippet files
        for formula in self.equations.pages.get(page, []) if self.executor else []:
            job = self.files.get(formula.path)
            result = self.executor.wait(job) if job else None
            if result and (result["error"] or result["stderr"]):
                failed.setdefault(formula.path, ((True, formula.line), job, result))
            elif result:
                results[formula.path] = result
        errors += [self.failure(f"docs/{page}:{line}", job, result)
                   for (_, line), job, result in failed.values()]
        errors += self.equations.problems(page, results)
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
        return place(content, [(m.start(), m.end(), answer["html"], m["display"] is not None)
                               for m, answer in zip(found, answers)], hold)

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
        """Stop KaTeX, keep the checks' and the code's HTML, and say what ran."""
        self.katex.close()
        self.checks.close(complete=not self.partial)
        self.highlighted.close(complete=not self.partial)
        self.rendered.memo.close(complete=not self.partial)
        self.equations.memo.close(complete=not self.partial)
        for page, formulas in self.equations.pages.items():
            if formulas:
                log.info("equations: docs/%s: display %s; inline %s", page, *(
                    ", ".join(f"{n} {kind}" for kind, n in counts(formulas, shown).items())
                    for shown in (True, False)))
        if self.executor is not None:
            cpu = self.executor.cpu
            log.info("snippets: %d executed, %d from cache, %d stale cache entries removed, "
                     "%.2f s; CPU of their processes %.2f s (figures %.2f s, checks %.2f s, "
                     "kernel %.2f s)", self.executor.executed, self.executor.cached,
                     self.executor.prune(), time.perf_counter() - self.started,
                     *(cpu[key] for key in ("process", "figures", "checks", "kernel")))
            stale = [] if self.partial else self.record.close()  # only some figures drawn
            if stale and self.record.strict:
                raise BookError("\n".join(stale))
            for line in stale:
                log.warning(line)
